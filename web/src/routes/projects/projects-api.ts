// The projects module's API: project pipeline, instruments and calls, KPIs. Types, calls through
// the app's one fetch wrapper, and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, type Localised, request } from '../../api.ts';
import type { ChallengeSummary } from '../challenges/challenges-api.ts';

export const PROJECT_STAGES = [
  'idea',
  'concept_note',
  'consortium',
  'proposal',
  'submitted',
  'funded',
  'not_funded',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type Track = 'national' | 'horizon_europe' | 'other_eu';
export type ActionType = 'RIA' | 'IA' | 'CSA';

export interface InstrumentRef {
  id: string;
  name: Localised;
  track: Track;
  actionType: ActionType | null;
}

export interface Instrument extends InstrumentRef {
  funder: string;
  url: string | null;
  sources: string[];
}

export interface FundingCall {
  id: string;
  instrumentId: string;
  topicId: string | null;
  title: string;
  description: string;
  deadline: string | null;
  actionType: ActionType | null;
  budgetEur: number | null;
  url: string | null;
  conceptIds: string[];
  projectCount: number;
}

export interface CallInput {
  instrumentId: string;
  topicId: string | null;
  title: string;
  description: string;
  deadline: string | null;
  actionType: ActionType | null;
  budgetEur: number | null;
  url: string | null;
}

export interface Project {
  id: string;
  title: string;
  summary: string;
  stage: ProjectStage;
  sourceClusterId: string | null;
  challengeIds: string[];
  regionIds: string[];
  conceptIds: string[];
  createdAt: string;
  stageChangedAt: string;
  instrument: InstrumentRef | null;
  call: {
    id: string;
    title: string;
    topicId: string | null;
    deadline: string | null;
    actionType: ActionType | null;
  } | null;
  deadline: string | null;
  partnerCount: number;
  coordinatorName: string | null;
  requestedEur: number | null;
  grantedEur: number | null;
  budgetGrantEur: number | null;
  appliedEur: number | null;
  workPackageCount: number;
  canEdit: boolean;
}

export interface WorkPackage {
  code: string;
  title: string;
  leadPartnerId: string | null;
  startMonth: number | null;
  endMonth: number | null;
  conceptIds: string[];
}

export interface ProjectDetail extends Project {
  challenges: ChallengeSummary[];
  workPackages: WorkPackage[];
  partners: { id: string; name: string; country: string; role: string }[];
  nextStages: ProjectStage[];
}

export interface ProjectInput {
  title: string;
  summary?: string;
  sourceClusterId?: string;
  challengeIds: string[];
}

export interface ProjectPatch {
  title?: string;
  summary?: string;
  instrumentId?: string | null;
  callId?: string | null;
  requestedEur?: number | null;
  grantedEur?: number | null;
  workPackages?: WorkPackage[];
}

export type StageCounts = Record<ProjectStage, number>;

export interface Kpis {
  generatedAt: string;
  rule: string;
  tracks: {
    track: 'national' | 'horizon_europe';
    target: { min: number; max: number };
    byStage: StageCounts;
    reached: number;
    funded: number;
    status: 'not_started' | 'in_progress' | 'reached' | 'exceeded';
    notJoint: number;
  }[];
  byStage: StageCounts;
  projects: number;
  unclassified: number;
  partners: { total: number; network: number; foreign: number; smes: number; countries: string[] };
  regions: { id: string; name: Localised; projects: number }[];
  money: { appliedEur: number; preparingEur: number; grantedEur: number; successRate: number | null };
  workingLifePeriods: { planned: number; ongoing: number; completed: number; cancelled: number };
  challenges: { total: number; inProject: number; common: number };
  projectList: {
    id: string;
    title: string;
    stage: ProjectStage;
    track: Track | null;
    instrumentName: Localised | null;
    regionIds: string[];
    partnerCount: number;
    appliedEur: number | null;
    grantedEur: number | null;
    countsTowardTarget: boolean;
  }[];
}

export const projectKeys = {
  list: ['projects', 'list'] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  instruments: ['projects', 'instruments'] as const,
  calls: ['projects', 'calls'] as const,
  kpis: ['projects', 'kpis'] as const,
};

export function useProjects(enabled = true) {
  return useQuery({
    enabled,
    queryKey: projectKeys.list,
    queryFn: ({ signal }) => request<Project[]>('GET', '/projects', { signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => request<ProjectDetail>('GET', `/projects/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) => request<Project>('POST', '/projects', { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      // Member challenges are now in a project.
      void queryClient.invalidateQueries({ queryKey: ['challenges'] });
    },
  });
}

/** After a change the board, the page and the KPIs all show it. */
function useProjectWrite<I>(fn: (input: I) => Promise<ProjectDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(projectKeys.detail(detail.id), detail);
      // The board shows the move at once; the refetch brings the rest.
      queryClient.setQueryData<Project[]>(projectKeys.list, (list) =>
        list?.map((p) => (p.id === detail.id ? detail : p)),
      );
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export function useUpdateProject(id: string) {
  return useProjectWrite((patch: ProjectPatch) =>
    request<ProjectDetail>('PATCH', `/projects/${encodeURIComponent(id)}`, { body: patch }),
  );
}

export function useMoveStage() {
  return useProjectWrite((input: { id: string; stage: ProjectStage; grantedEur?: number }) =>
    request<ProjectDetail>('POST', `/projects/${encodeURIComponent(input.id)}/stage`, {
      body: {
        stage: input.stage,
        ...(input.grantedEur !== undefined ? { grantedEur: input.grantedEur } : {}),
      },
    }),
  );
}

export function useInstruments() {
  return useQuery({
    queryKey: projectKeys.instruments,
    queryFn: ({ signal }) => request<Instrument[]>('GET', '/instruments', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useCalls() {
  return useQuery({
    queryKey: projectKeys.calls,
    queryFn: ({ signal }) => request<FundingCall[]>('GET', '/calls', { signal }),
  });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput) => request<FundingCall>('POST', '/calls', { body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: projectKeys.calls }),
  });
}

export function useDeleteCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/calls/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['projects'] }),
  });
}

export function useKpis(enabled = true) {
  return useQuery({
    enabled,
    queryKey: projectKeys.kpis,
    queryFn: ({ signal }) => request<Kpis>('GET', '/kpis', { signal }),
  });
}

export function kpiExportUrl(format: 'xlsx' | 'pdf', lang: string): string {
  return apiUrl(`/kpis/export.${format}`, { lang });
}
