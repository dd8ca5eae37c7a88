// The eight modules of PRODUCT.md, in its order. `built` says whether the module shows data yet.
export const MODULES = [
  { key: 'taxonomy', path: '/taxonomy', built: true },
  { key: 'organisations', path: '/organisations', built: true },
  { key: 'challenges', path: '/challenges', built: true },
  { key: 'projects', path: '/projects', built: true },
  { key: 'skills', path: '/skills', built: true },
  { key: 'trainingPaths', path: '/training-paths', built: true },
  { key: 'sites', path: '/sites', built: true },
  { key: 'reports', path: '/reports', built: true },
] as const;

export type ModuleKey = (typeof MODULES)[number]['key'];
