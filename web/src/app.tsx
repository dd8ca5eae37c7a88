import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/layout.tsx';
import { HomePage } from './routes/home/home-page.tsx';
// The public map page is in the first download (its map and geometry load lazily inside it):
// a lazy page would paint the footer first and then push it away, a layout shift on first visit.
import { MapPage } from './routes/map/map-page.tsx';
import { shouldRetry } from './queries.ts';

// Pages load on demand, so the first visit downloads only the shell and the page it opens.
function page<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const OrganisationListPage = page(
  () => import('./routes/organisations/organisation-list-page.tsx'),
  (m) => m.OrganisationListPage,
);
const OrganisationPage = page(
  () => import('./routes/organisations/organisation-page.tsx'),
  (m) => m.OrganisationPage,
);
const TaxonomyPage = page(
  () => import('./routes/taxonomy/taxonomy-page.tsx'),
  (m) => m.TaxonomyPage,
);
const SignInPage = page(
  () => import('./routes/account/sign-in-page.tsx'),
  (m) => m.SignInPage,
);
const AccountPage = page(
  () => import('./routes/account/account-page.tsx'),
  (m) => m.AccountPage,
);
const AccessibilityPage = page(
  () => import('./routes/legal/accessibility-page.tsx'),
  (m) => m.AccessibilityPage,
);
const PrivacyPage = page(
  () => import('./routes/legal/privacy-page.tsx'),
  (m) => m.PrivacyPage,
);
const ModulePage = page(
  () => import('./routes/modules/module-page.tsx'),
  (m) => m.ModulePage,
);
const RegionPage = page(
  () => import('./routes/regions/region-page.tsx'),
  (m) => m.RegionPage,
);
const ImportsPage = page(
  () => import('./routes/imports/imports-page.tsx'),
  (m) => m.ImportsPage,
);
const ImportPage = page(
  () => import('./routes/imports/import-page.tsx'),
  (m) => m.ImportPage,
);
const NotFoundPage = page(
  () => import('./routes/not-found-page.tsx'),
  (m) => m.NotFoundPage,
);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="organisations" element={<OrganisationListPage />} />
            <Route path="organisations/:id" element={<OrganisationPage />} />
            <Route path="taxonomy" element={<TaxonomyPage />} />
            <Route path="map" element={<MapPage />} />
            <Route path="regions/:id" element={<RegionPage />} />
            <Route path="challenges" element={<ModulePage module="challenges" />} />
            <Route path="projects" element={<ModulePage module="projects" />} />
            <Route path="skills" element={<ModulePage module="skills" />} />
            <Route path="training-paths" element={<ModulePage module="trainingPaths" />} />
            <Route path="sites" element={<ModulePage module="sites" />} />
            <Route path="reports" element={<ModulePage module="reports" />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="imports/:id" element={<ImportPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="accessibility" element={<AccessibilityPage />} />
            <Route path="privacy" element={<PrivacyPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
