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
const PathListPage = page(
  () => import('./routes/training-paths/path-list-page.tsx'),
  (m) => m.PathListPage,
);
const PathPage = page(
  () => import('./routes/training-paths/path-page.tsx'),
  (m) => m.PathPage,
);
const PathBuilderPage = page(
  () => import('./routes/training-paths/path-builder-page.tsx'),
  (m) => m.PathBuilderPage,
);
const TrainingNetworkPage = page(
  () => import('./routes/training-paths/network-page.tsx'),
  (m) => m.NetworkPage,
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
const CallsPage = page(
  () => import('./routes/projects/calls-page.tsx'),
  (m) => m.CallsPage,
);
const ReportsPage = page(
  () => import('./routes/reports/reports-page.tsx'),
  (m) => m.ReportsPage,
);
const ConsortiumPage = page(
  () => import('./routes/projects/consortium-page.tsx'),
  (m) => m.ConsortiumPage,
);
const ProgrammeCountriesPage = page(
  () => import('./routes/admin/programme-countries-page.tsx'),
  (m) => m.ProgrammeCountriesPage,
);
const PartnerSearchPage = page(
  () => import('./routes/partners/partner-search-page.tsx'),
  (m) => m.PartnerSearchPage,
);
const CordisOrganisationPage = page(
  () => import('./routes/cordis/cordis-organisation-page.tsx'),
  (m) => m.CordisOrganisationPage,
);
const CordisProjectPage = page(
  () => import('./routes/cordis/cordis-project-page.tsx'),
  (m) => m.CordisProjectPage,
);
const CordisLinksPage = page(
  () => import('./routes/cordis/cordis-links-page.tsx'),
  (m) => m.CordisLinksPage,
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
const WorkingLifePage = page(
  () => import('./routes/working-life/working-life-page.tsx'),
  (m) => m.WorkingLifePage,
);
const TeacherPage = page(
  () => import('./routes/working-life/teacher-page.tsx'),
  (m) => m.TeacherPage,
);
const PeriodPage = page(
  () => import('./routes/working-life/period-page.tsx'),
  (m) => m.PeriodPage,
);
const ContinuingEducationPage = page(
  () => import('./routes/continuing-education/continuing-education-page.tsx'),
  (m) => m.ContinuingEducationPage,
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
            <Route path="projects/calls" element={<CallsPage />} />
            <Route path="projects/:id" element={<ProjectPage />} />
            <Route path="projects/:id/consortium" element={<ConsortiumPage />} />
            <Route path="admin/programme-countries" element={<ProgrammeCountriesPage />} />
            <Route path="partners" element={<PartnerSearchPage />} />
            <Route path="partners/links" element={<CordisLinksPage />} />
            <Route path="partners/cordis/:id" element={<CordisOrganisationPage />} />
            <Route path="partners/cordis/projects/:id" element={<CordisProjectPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="skills" element={<GapPage />} />
            <Route path="skills/rounds" element={<RoundsPage />} />
            <Route path="skills/rounds/new" element={<RoundNewPage />} />
            <Route path="skills/rounds/:id" element={<RoundPage />} />
            <Route path="skills/supply" element={<SupplyPage />} />
            <Route path="survey/:token" element={<SurveyPage />} />
            <Route path="training-paths" element={<PathListPage />} />
            <Route path="training-paths/new" element={<PathBuilderPage />} />
            <Route path="training-paths/network" element={<TrainingNetworkPage />} />
            <Route path="training-paths/:id" element={<PathPage />} />
            <Route path="training-paths/:id/edit" element={<PathBuilderPage />} />
            <Route path="working-life" element={<WorkingLifePage />} />
            <Route path="working-life/teachers/:id" element={<TeacherPage />} />
            <Route path="working-life/periods/:id" element={<PeriodPage />} />
            <Route path="continuing-education" element={<ContinuingEducationPage />} />
            <Route path="sites" element={<SiteListPage />} />
            <Route path="sites/compare" element={<SiteComparePage />} />
            <Route path="sites/match" element={<SiteMatchPage />} />
            <Route path="sites/:id" element={<SitePage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="services/chain" element={<SupplyChainPage />} />
            <Route path="symbiosis" element={<SymbiosisPage />} />
            <Route path="reports" element={<ReportsPage />} />
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
