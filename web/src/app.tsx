import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/layout.tsx';
import { HomePage } from './routes/home/home-page.tsx';
// The public map page is in the first download (its map and geometry load lazily inside it):
// a lazy page would paint the footer first and then push it away, a layout shift on first visit.
import { MapPage } from './routes/map/map-page.tsx';
import { shouldRetry } from './queries.ts';
import { keepTokenOutOfReferrer } from './routes/survey/survey-api.ts';

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
const SiteListPage = page(
  () => import('./routes/sites/site-list-page.tsx'),
  (m) => m.SiteListPage,
);
const SitePage = page(
  () => import('./routes/sites/site-page.tsx'),
  (m) => m.SitePage,
);
const SiteComparePage = page(
  () => import('./routes/sites/site-compare-page.tsx'),
  (m) => m.SiteComparePage,
);
const SiteMatchPage = page(
  () => import('./routes/sites/site-match-page.tsx'),
  (m) => m.SiteMatchPage,
);
const ServicesPage = page(
  () => import('./routes/services/services-page.tsx'),
  (m) => m.ServicesPage,
);
const SupplyChainPage = page(
  () => import('./routes/services/supply-chain-page.tsx'),
  (m) => m.SupplyChainPage,
);
const SymbiosisPage = page(
  () => import('./routes/symbiosis/symbiosis-page.tsx'),
  (m) => m.SymbiosisPage,
);
const NotFoundPage = page(
  () => import('./routes/not-found-page.tsx'),
  (m) => m.NotFoundPage,
);
const ChallengeListPage = page(
  () => import('./routes/challenges/challenge-list-page.tsx'),
  (m) => m.ChallengeListPage,
);
const ChallengeNewPage = page(
  () => import('./routes/challenges/challenge-new-page.tsx'),
  (m) => m.ChallengeNewPage,
);
const ChallengePage = page(
  () => import('./routes/challenges/challenge-page.tsx'),
  (m) => m.ChallengePage,
);
const CommonChallengesPage = page(
  () => import('./routes/challenges/common-challenges-page.tsx'),
  (m) => m.CommonChallengesPage,
);
const CriteriaPage = page(
  () => import('./routes/challenges/criteria-page.tsx'),
  (m) => m.CriteriaPage,
);
const RankingPage = page(
  () => import('./routes/challenges/ranking-page.tsx'),
  (m) => m.RankingPage,
);
const ProjectListPage = page(
  () => import('./routes/projects/project-list-page.tsx'),
  (m) => m.ProjectListPage,
);
const ProjectPage = page(
  () => import('./routes/projects/project-page.tsx'),
  (m) => m.ProjectPage,
);
const GapPage = page(
  () => import('./routes/skills/gap-page.tsx'),
  (m) => m.GapPage,
);
const RoundsPage = page(
  () => import('./routes/skills/rounds-page.tsx'),
  (m) => m.RoundsPage,
);
const RoundNewPage = page(
  () => import('./routes/skills/round-new-page.tsx'),
  (m) => m.RoundNewPage,
);
const RoundPage = page(
  () => import('./routes/skills/round-page.tsx'),
  (m) => m.RoundPage,
);
const SupplyPage = page(
  () => import('./routes/skills/supply-page.tsx'),
  (m) => m.SupplyPage,
);
const SurveyPage = page(
  () => import('./routes/survey/survey-page.tsx'),
  (m) => m.SurveyPage,
);
const NotificationsPage = page(
  () => import('./routes/notifications/notifications-page.tsx'),
  (m) => m.NotificationsPage,
);

// A survey answer link holds its token in the path: keep it out of Referer headers from the very
// first request (the page's own code loads later and keeps it so while it is open).
if (typeof window !== 'undefined' && window.location.pathname.startsWith('/survey/'))
  keepTokenOutOfReferrer();

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
            <Route path="challenges" element={<ChallengeListPage />} />
            <Route path="challenges/new" element={<ChallengeNewPage />} />
            <Route path="challenges/common" element={<CommonChallengesPage />} />
            <Route path="challenges/ranking" element={<RankingPage />} />
            <Route path="challenges/criteria" element={<CriteriaPage />} />
            <Route path="challenges/:id" element={<ChallengePage />} />
            <Route path="projects" element={<ProjectListPage />} />
            <Route path="projects/:id" element={<ProjectPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="skills" element={<GapPage />} />
            <Route path="skills/rounds" element={<RoundsPage />} />
            <Route path="skills/rounds/new" element={<RoundNewPage />} />
            <Route path="skills/rounds/:id" element={<RoundPage />} />
            <Route path="skills/supply" element={<SupplyPage />} />
            <Route path="survey/:token" element={<SurveyPage />} />
            <Route path="training-paths" element={<ModulePage module="trainingPaths" />} />
            <Route path="sites" element={<SiteListPage />} />
            <Route path="sites/compare" element={<SiteComparePage />} />
            <Route path="sites/match" element={<SiteMatchPage />} />
            <Route path="sites/:id" element={<SitePage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="services/chain" element={<SupplyChainPage />} />
            <Route path="symbiosis" element={<SymbiosisPage />} />
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
