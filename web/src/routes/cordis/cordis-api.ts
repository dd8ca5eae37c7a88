// CORDIS pages (GET /api/cordis/…, POST /api/cordis/links/:id): types and calls through the
// app's one fetch wrapper.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api.ts';

export type LinkMethod = 'business_id' | 'vat' | 'name_confirmed';

export interface CordisOrganisation {
  id: string;
  name: string;
  shortName: string | null;
  vatNumber: string | null;
  sme: boolean | null;
  activityType: string | null;
  country: string | null;
  city: string | null;
  url: string | null;
}

export interface TrackRecordSummary {
  projects: number;
  coordinated: number;
  ecContributionEur: number;
  firstYear: number | null;
  lastYear: number | null;
  byProgramme: { frameworkProgramme: string; projects: number; ecContributionEur: number }[];
  concepts: { conceptId: string; projects: number }[];
}

export interface TrackRecordItem {
  projectId: string;
  acronym: string | null;
  title: string | null;
  role: string;
  ecContributionEur: number | null;
  totalCostEur: number | null;
  active: boolean | null;
  frameworkProgramme: string | null;
  fundingScheme: string | null;
  startDate: string | null;
  endDate: string | null;
  topics: string[];
  conceptIds: string[];
}

export interface CordisOrganisationProfile {
  organisation: CordisOrganisation;
  registry: { id: string; name: string; linkMethod: LinkMethod | null } | null;
  suggestion: { id: string; name: string } | null;
  canManageLink: boolean;
  summary: TrackRecordSummary;
  trackRecord: TrackRecordItem[];
  totalParticipations: number;
}

/** GET /api/cordis/projects/:id */
export interface CordisProjectView {
  project: {
    id: string;
    acronym: string;
    title: string;
    status: string | null;
    frameworkProgramme: string | null;
    legalBasis: string | null;
    masterCall: string | null;
    subCall: string | null;
    fundingScheme: string | null;
    startDate: string | null;
    endDate: string | null;
    ecMaxContributionEur: number | null;
    totalCostEur: number | null;
    objective: string;
    keywords: string;
    conceptIds: string[];
    topics: { code: string; title: string | null }[];
  };
  participants: {
    organisationId: string;
    name: string;
    shortName: string | null;
    country: string | null;
    city: string | null;
    activityType: string | null;
    sme: boolean | null;
    role: string;
    ecContributionEur: number | null;
    totalCostEur: number | null;
    active: boolean | null;
    registryOrganisationId: string | null;
  }[];
  fieldsOfScience: { code: string; path: string; title: string }[];
}

export type LinkStatus = 'suggested' | 'linked';

export interface LinkItem {
  cordisOrganisation: Pick<
    CordisOrganisation,
    'id' | 'name' | 'shortName' | 'vatNumber' | 'city' | 'country'
  >;
  participations: number;
  registry: { id: string; name: string; regionId: string | null; businessId: string | null };
  status: LinkStatus;
  linkMethod: LinkMethod | null;
}

export type LinkAction = 'confirm' | 'reject' | 'unlink';

export interface RegistryCordis {
  organisations: { id: string; name: string; linkMethod: LinkMethod | null; summary: TrackRecordSummary }[];
  projects: (TrackRecordItem & { cordisOrganisationId: string })[];
}

export const LINKS_PAGE_SIZE = 50;

const keys = {
  organisation: (id: string) => ['cordis', 'organisation', id] as const,
  project: (id: string) => ['cordis', 'project', id] as const,
  links: (status: LinkStatus, page: number) => ['cordis', 'links', status, page] as const,
  registry: (id: string) => ['cordis', 'registry', id] as const,
};

export function useCordisOrganisation(id: string) {
  return useQuery({
    queryKey: keys.organisation(id),
    queryFn: ({ signal }) =>
      request<CordisOrganisationProfile>('GET', `/cordis/organisations/${encodeURIComponent(id)}`, {
        signal,
      }),
    retry: false,
  });
}

export function useCordisProject(id: string) {
  return useQuery({
    queryKey: keys.project(id),
    queryFn: ({ signal }) =>
      request<CordisProjectView>('GET', `/cordis/projects/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });
}

export function useCordisLinks(status: LinkStatus, page: number) {
  return useQuery({
    queryKey: keys.links(status, page),
    queryFn: ({ signal }) =>
      request<{ items: LinkItem[]; total: number }>('GET', '/cordis/links', {
        query: { status, page, pageSize: LINKS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The CORDIS part of a registry organisation's page; off for visitors (the API wants a sign-in). */
export function useRegistryCordis(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.registry(organisationId),
    queryFn: ({ signal }) =>
      request<RegistryCordis>('GET', `/cordis/registry-organisations/${encodeURIComponent(organisationId)}`, {
        signal,
      }),
    enabled,
    retry: false,
  });
}

export function useLinkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: LinkAction }) =>
      request<{ id: string }>('POST', `/cordis/links/${encodeURIComponent(id)}`, { body: { action } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cordis'] }),
  });
}
