import type { ModuleMatrix } from './permission-matrix.ts';

/**
 * Each module's permission cases (a `*.permissions.ts` file beside its routes), run by
 * src/server/permissions.test.ts with the registry's own table. Add one line per module.
 */
export const MODULE_MATRICES: ModuleMatrix[] = [];
