// The training-path part of the API (src/server/training/paths.ts): paths, their graph,
// validation, coverage of the gap analysis, the PDF, and the network view.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PathCoverage } from '../../../../src/domain/training/coverage.ts';
import type { NetworkCell } from '../../../../src/domain/training/network.ts';
import type { PathValidation } from '../../../../src/domain/training/path-validation.ts';
import { apiUrl, type Localised, request } from '../../api.ts';
import type { Language } from '../../i18n/setup.ts';
import type { Programme, TrainingLevel } from '../skills/skills-api.ts';

export type { PathIssue, PathValidation } from '../../../../src/domain/training/path-validation.ts';
export { LEVEL_ORDER } from '../../../../src/domain/training/path-validation.ts';

export type PathStatus = 'draft' | 'published';
export type PathAudience = 'students' | 'employees';

export interface PathSummary {
  id: string;
  title: Localised;
  summary: Localised;
  audience: PathAudience;
  status: PathStatus;
  regionIds: string[];
  ownerOrganisationId: string | null;
  stepCount: number;
  levels: TrainingLevel[];
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
}

export interface PathStep {
  programmeId: string;
  prerequisiteIds: string[];
  position: number;
  module: ModuleDetail | null;
}

export interface LearningOutcome {
  text: Localised;
  conceptIds: string[];
}

export type Delivery = 'on_site' | 'online' | 'blended';

export interface ModuleDetail extends Programme {
  delivery: Delivery | null;
  workBasedShare: number | null;
  learningOutcomes: LearningOutcome[];
}

export interface PathDetail extends PathSummary {
  ownerOrganisationName: string | null;
  steps: PathStep[];
  validation: PathValidation;
}

export interface PathInput {
  title: Partial<Localised>;
  summary?: Partial<Localised>;
  audience?: PathAudience;
  regionIds?: string[];
  status?: PathStatus;
}

export interface StepInput {
  programmeId: string;
  prerequisiteIds: string[];
}

export type Coverage = PathCoverage & {
  round: { id: string; title: Localised } | null;
  roles: Record<string, Localised>;
};

export interface Network {
  regions: { id: string; name: Localised }[];
  levels: TrainingLevel[];
  competenceAreas: { id: string; label: Localised }[];
  byLevel: NetworkCell[];
  byCompetence: NetworkCell[];
  withoutRegion: number;
}

const id = (value: string) => encodeURIComponent(value);

export const pathKeys = {
  all: ['training-paths'] as const,
  list: ['training-paths', 'list'] as const,
  path: (pathId: string) => ['training-paths', 'path', pathId] as const,
  coverage: (pathId: string) => ['training-paths', 'coverage', pathId] as const,
  network: (query: NetworkQuery) => ['training-paths', 'network', query] as const,
  modules: ['training-paths', 'modules'] as const,
};

export interface NetworkQuery {
  regionId?: string;
  level?: TrainingLevel;
}

export function listPaths(signal?: AbortSignal): Promise<PathSummary[]> {
  return request('GET', '/paths', { signal });
}

export function getPath(pathId: string, signal?: AbortSignal): Promise<PathDetail> {
  return request('GET', `/paths/${id(pathId)}`, { signal });
}

export function createPath(input: PathInput): Promise<PathDetail> {
  return request('POST', '/paths', { body: input });
}

export function updatePath(pathId: string, patch: Partial<PathInput>): Promise<PathDetail> {
  return request('PATCH', `/paths/${id(pathId)}`, { body: patch });
}

export function deletePath(pathId: string): Promise<void> {
  return request('DELETE', `/paths/${id(pathId)}`);
}

export function saveSteps(pathId: string, steps: StepInput[]): Promise<PathDetail> {
  return request('PUT', `/paths/${id(pathId)}/steps`, { body: { steps } });
}

export function getCoverage(pathId: string, signal?: AbortSignal): Promise<Coverage> {
  return request('GET', `/paths/${id(pathId)}/coverage`, { signal });
}

export function getNetwork(query: NetworkQuery, signal?: AbortSignal): Promise<Network> {
  return request('GET', '/training/network', { query: { ...query }, signal });
}

/** The public modules and those the reader may see: what a path can be built from. */
export function listModules(signal?: AbortSignal): Promise<ModuleDetail[]> {
  return request('GET', '/training-programmes', { signal });
}

export function pathPdfUrl(pathId: string, lang: Language): string {
  return apiUrl(`/paths/${id(pathId)}/pdf`, { lang });
}

export function usePaths() {
  return useQuery({ queryKey: pathKeys.list, queryFn: ({ signal }) => listPaths(signal) });
}

export function usePath(pathId: string | undefined) {
  return useQuery({
    queryKey: pathKeys.path(pathId ?? ''),
    queryFn: ({ signal }) => getPath(pathId!, signal),
    enabled: Boolean(pathId),
  });
}

export function useCoverage(pathId: string | undefined, version: string) {
  return useQuery({
    queryKey: [...pathKeys.coverage(pathId ?? ''), version],
    queryFn: ({ signal }) => getCoverage(pathId!, signal),
    enabled: Boolean(pathId),
    placeholderData: keepPreviousData,
  });
}

export function useNetwork(query: NetworkQuery) {
  return useQuery({
    queryKey: pathKeys.network(query),
    queryFn: ({ signal }) => getNetwork(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModules() {
  return useQuery({ queryKey: pathKeys.modules, queryFn: ({ signal }) => listModules(signal) });
}

/** A write of a path: lists, the path and its coverage may all be out of date afterwards. */
export function usePathMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pathKeys.all }),
  });
}
