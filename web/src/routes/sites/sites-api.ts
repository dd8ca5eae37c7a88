// The sites part of the API (src/server/sites): industrial sites, their comparison and the
// investor match, as typed calls through api.ts's request() and TanStack Query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Localised, request } from '../../api.ts';

export const SITE_STATUSES = ['operating', 'developing', 'planned'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** In order: each status includes the ones before it. */
export const PERMIT_STATUSES = ['none', 'zoned', 'eia_done', 'environmental_permit', 'seveso_ready'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export const UTILITY_KINDS = [
  'electricity',
  'steam',
  'process_water',
  'cooling_water',
  'demineralised_water',
  'wastewater_treatment',
  'industrial_gases',
  'natural_gas',
  'hydrogen',
  'district_heat',
] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];

export interface SiteUtility {
  kind: string;
  capacity: number | null;
  capacityUnit: string | null;
  price: number | null;
  priceUnit: string | null;
  note?: string | null;
}

export interface SitePlot {
  id: string;
  areaHa: number;
  zoning: string | null;
  available: boolean;
}

export interface SiteContact {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface SiteSummary {
  id: string;
  name: string;
  regionId: string | null;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
  status: string;
  totalAreaHa: number | null;
  availableAreaHa: number | null;
  fairwayDepthM: number | null;
  /** null: the site does not state it ("not published"), never the same as false. */
  rail: boolean | null;
  chemicalsHandling: boolean | null;
  /** null: not stated; `none`: stated, no permits yet. */
  permitStatus: string | null;
  utilityKinds: string[];
}

export interface Site extends Omit<SiteSummary, 'utilityKinds'> {
  operatorOrganisationId: string | null;
  operatorName: string | null;
  description: Localised;
  plots: SitePlot[];
  utilities: SiteUtility[];
  portName: string | null;
  portDistanceKm: number | null;
  permitNote: string | null;
  readyInMonths: number | null;
  sharedServices: string[];
  tenants: string[];
  tenantOrganisationIds: string[];
  contacts: SiteContact[];
  sources: string[];
  isPublic: boolean;
  canEdit: boolean;
}

/** What PATCH /api/sites/:id takes: any subset of the editable fields. */
export type SiteInput = Partial<
  Pick<
    Site,
    | 'name'
    | 'status'
    | 'municipality'
    | 'description'
    | 'totalAreaHa'
    | 'availableAreaHa'
    | 'utilities'
    | 'portName'
    | 'fairwayDepthM'
    | 'portDistanceKm'
    | 'rail'
    | 'chemicalsHandling'
    | 'permitStatus'
    | 'permitNote'
    | 'readyInMonths'
    | 'sharedServices'
    | 'isPublic'
  >
>;

export type CompareValue = number | string | boolean | null;

export interface CompareRow {
  key: string;
  unit: string | null;
  values: CompareValue[];
  /** Indexes of the best value; empty when the row is not comparable. */
  best: number[];
}

export interface Comparison {
  sites: SiteSummary[];
  rows: CompareRow[];
}

export type RequirementValue = number | boolean | string | string[];

export interface Requirement<V extends RequirementValue = RequirementValue> {
  value: V;
  hard: boolean;
  weight?: number;
}

export type Requirements = Partial<Record<string, Requirement>>;

export interface MatchReason {
  key: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface UnmetRequirement extends MatchReason {
  hard: boolean;
}

export interface MatchResult {
  siteId: string;
  name: string;
  score: number;
  eligible: boolean;
  reasons: MatchReason[];
  unmet: UnmetRequirement[];
}

export interface SiteQuery {
  region?: string;
  q?: string;
}

export function listSites(query: SiteQuery, signal?: AbortSignal): Promise<{ items: SiteSummary[] }> {
  return request('GET', '/sites', { query: { ...query }, signal });
}

export function getSite(id: string, signal?: AbortSignal): Promise<Site> {
  return request('GET', `/sites/${encodeURIComponent(id)}`, { signal });
}

export function updateSite(id: string, input: SiteInput): Promise<Site> {
  return request('PATCH', `/sites/${encodeURIComponent(id)}`, { body: input });
}

export function compareSites(ids: string[], signal?: AbortSignal): Promise<Comparison> {
  return request('GET', '/sites/compare', { query: { ids: ids.join(',') }, signal });
}

export function matchSites(requirements: Requirements, signal?: AbortSignal): Promise<MatchResult[]> {
  return request('POST', '/sites/match', { body: { requirements, includeExcluded: true }, signal });
}

export const siteKeys = {
  all: ['sites'] as const,
  list: (query: SiteQuery) => ['sites', 'list', query] as const,
  detail: (id: string) => ['sites', 'detail', id] as const,
  compare: (ids: string[]) => ['sites', 'compare', ids] as const,
  match: (requirements: Requirements) => ['sites', 'match', requirements] as const,
};

export function useSites(query: SiteQuery = {}) {
  return useQuery({
    queryKey: siteKeys.list(query),
    queryFn: ({ signal }) => listSites(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSite(id: string) {
  return useQuery({
    queryKey: siteKeys.detail(id),
    queryFn: ({ signal }) => getSite(id, signal),
    enabled: id !== '',
  });
}

export function useUpdateSite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteInput) => updateSite(id, input),
    onSuccess: (site) => {
      queryClient.setQueryData(siteKeys.detail(id), site);
      // Lists, comparisons and matches all read the same site.
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'sites' && query.queryKey[1] !== 'detail',
      });
    },
  });
}

export function useComparison(ids: string[]) {
  return useQuery({
    queryKey: siteKeys.compare(ids),
    queryFn: ({ signal }) => compareSites(ids, signal),
    enabled: ids.length >= 2 && ids.length <= 4,
  });
}

/** The match is a read (POST only because the requirements are a document), so it is a query. */
export function useMatch(requirements: Requirements | null) {
  return useQuery({
    queryKey: siteKeys.match(requirements ?? {}),
    queryFn: ({ signal }) => matchSites(requirements ?? {}, signal),
    enabled: requirements !== null,
    placeholderData: keepPreviousData,
  });
}
