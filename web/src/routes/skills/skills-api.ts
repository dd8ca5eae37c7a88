// The skills part of the API (src/server/skills): survey rounds and their respondents, training
// supply and the gap analysis, as typed calls through api.ts's request() and TanStack Query hooks.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Horizon, TrainingLevel } from '../../../../src/domain/skills/gap-definitions.ts';
import type { GapRow } from '../../../../src/domain/skills/gap-query.ts';
import { type Localised, type Query, apiUrl, request } from '../../api.ts';
import type { Language } from '../../i18n/setup.ts';

export type { Horizon, TrainingLevel } from '../../../../src/domain/skills/gap-definitions.ts';
export {
  EQF_LEVELS,
  HORIZONS,
  MIN_EMPLOYERS,
  TRAINING_LEVELS,
} from '../../../../src/domain/skills/gap-definitions.ts';

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const RESPONDENT_STATUSES = ['invited', 'started', 'submitted', 'expired', 'revoked'] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];
export const PROGRAMME_KINDS = ['programme', 'module'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const CREDIT_UNITS = ['osp', 'ects'] as const;
export type CreditUnit = (typeof CREDIT_UNITS)[number];

/** The battery job roles: the rows of the heatmap and the roles a survey offers. */
export const JOB_ROLE_SCHEME = 'battery-job-roles';
export const EDUCATION_LEVEL_SCHEME = 'education-levels';

export interface Instrument {
  roleIds: string[];
  skillIds: string[];
  eqfLevels: number[];
  askRecruitmentDifficulty: boolean;
  askFreeText: boolean;
}

export interface Round {
  id: string;
  title: Localised;
  intro: Localised;
  regionId: string | null;
  status: RoundStatus;
  instrument: Instrument;
  opensAt: string | null;
  closesAt: string | null;
  createdAt: string;
  updatedAt: string;
  canManage: boolean;
}

export interface RoundStats {
  invited: number;
  started: number;
  submitted: number;
  responseRate: number;
  revoked: number;
  expired: number;
}

export interface RoundDetail extends Round {
  stats: RoundStats | null;
}

export interface RoundInput {
  title: Partial<Localised>;
  intro?: Partial<Localised>;
  regionId: string | null;
  instrument: Instrument;
  opensAt?: string | null;
  closesAt?: string | null;
}

export interface RespondentInput {
  organisationId: string;
  email?: string | null;
  language: Language;
}

export interface CreatedRespondent {
  respondentId: string;
  organisationId: string;
  /** /survey/<token>: returned once, never again. */
  link: string;
}

export interface Respondent {
  respondentId: string;
  organisationId: string;
  organisationName: string;
  email: string | null;
  language: Language;
  status: RespondentStatus;
  remindersSent: number;
  expiresAt: string;
  startedAt: string | null;
  submittedAt: string | null;
}

export interface Programme {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: ProgrammeKind;
  name: Localised;
  level: TrainingLevel;
  eqfLevel: number;
  regionId: string | null;
  yearlyIntake: number | null;
  yearlyGraduates: number | null;
  roleIds: string[];
  competenceIds: string[];
  credits: number | null;
  creditUnit: CreditUnit | null;
  language: string | null;
  url: string | null;
  isPublic: boolean;
  sources: string[];
  /** How the training is given (training paths, issue 7). */
  delivery?: 'on_site' | 'online' | 'blended' | null;
  /** Share of work-based learning, 0–1. */
  workBasedShare?: number | null;
  /** Learning outcomes linked to competences and skills (concept ids). */
  learningOutcomes?: { text: Localised; conceptIds: string[] }[];
  canEdit: boolean;
}

export type ProgrammeInput = Omit<Programme, 'id' | 'organisationName' | 'canEdit' | 'sources' | 'name'> & {
  name: Partial<Localised>;
};

export interface ProgrammeQuery {
  region?: string;
  level?: string;
  organisation?: string;
}

export type GapDimension = 'role' | 'eqf' | 'region' | 'horizon';

export interface GapQuery {
  round?: string;
  region?: string;
  eqf?: number;
  role?: string;
  horizon?: Horizon;
  groupBy?: GapDimension[];
}

/** One cell of the gap analysis, as the API gives it (src/domain/skills/gap-query.ts). */
export type { GapRow };

export interface TrendRow {
  roundId: string;
  roundTitle: Localised;
  closesAt: string | null;
  demand: number | null;
  supply: number;
  gap: number | null;
  employers: number | null;
  suppressed: boolean;
  restricted: boolean;
}

const id = (value: string) => encodeURIComponent(value);

function gapParams(query: GapQuery): Query {
  return {
    round: query.round,
    region: query.region,
    eqf: query.eqf,
    role: query.role,
    horizon: query.horizon,
    groupBy: query.groupBy?.join(','),
  };
}

export function listRounds(signal?: AbortSignal): Promise<Round[]> {
  return request('GET', '/survey-rounds', { signal });
}

export function getRound(roundId: string, signal?: AbortSignal): Promise<RoundDetail> {
  return request('GET', `/survey-rounds/${id(roundId)}`, { signal });
}

export function createRound(input: RoundInput): Promise<Round> {
  return request('POST', '/survey-rounds', { body: input });
}

export function updateRound(roundId: string, patch: { status: RoundStatus }): Promise<Round> {
  return request('PATCH', `/survey-rounds/${id(roundId)}`, { body: patch });
}

export function listRespondents(roundId: string, signal?: AbortSignal): Promise<Respondent[]> {
  return request('GET', `/survey-rounds/${id(roundId)}/respondents`, { signal });
}

export function inviteRespondents(
  roundId: string,
  respondents: RespondentInput[],
  expiresInDays?: number,
): Promise<CreatedRespondent[]> {
  return request('POST', `/survey-rounds/${id(roundId)}/respondents`, {
    body: { respondents, ...(expiresInDays ? { expiresInDays } : {}) },
  });
}

export function revokeRespondent(roundId: string, respondentId: string): Promise<Respondent> {
  return request('POST', `/survey-rounds/${id(roundId)}/respondents/${id(respondentId)}/revoke`);
}

export function sendReminders(roundId: string): Promise<{ sent: number }> {
  return request('POST', `/survey-rounds/${id(roundId)}/reminders`);
}

export function listProgrammes(query: ProgrammeQuery, signal?: AbortSignal): Promise<Programme[]> {
  return request('GET', '/training-programmes', { query: { ...query }, signal });
}

export function createProgramme(input: ProgrammeInput): Promise<Programme> {
  return request('POST', '/training-programmes', { body: input });
}

export function updateProgramme(
  programmeId: string,
  patch: Partial<Omit<ProgrammeInput, 'organisationId'>>,
): Promise<Programme> {
  return request('PATCH', `/training-programmes/${id(programmeId)}`, { body: patch });
}

export function deleteProgramme(programmeId: string): Promise<void> {
  return request('DELETE', `/training-programmes/${id(programmeId)}`);
}

export function listGaps(query: GapQuery, signal?: AbortSignal): Promise<GapRow[]> {
  return request('GET', '/skills/gaps', { query: gapParams(query), signal });
}

export function listTrend(
  query: Omit<GapQuery, 'round' | 'groupBy'>,
  signal?: AbortSignal,
): Promise<TrendRow[]> {
  return request('GET', '/skills/gaps/trend', { query: gapParams(query), signal });
}

/** The download address of the gap view with the same filters (and the same suppression). */
export function gapExportUrl(query: GapQuery, format: 'csv' | 'xlsx', lang: Language): string {
  return apiUrl('/skills/gaps/export', { ...gapParams(query), format, lang });
}

export const skillsKeys = {
  rounds: ['skills', 'rounds'] as const,
  round: (roundId: string) => ['skills', 'rounds', roundId] as const,
  respondents: (roundId: string) => ['skills', 'rounds', roundId, 'respondents'] as const,
  programmes: (query: ProgrammeQuery) => ['skills', 'programmes', query] as const,
  gaps: (query: GapQuery) => ['skills', 'gaps', query] as const,
  trend: (query: GapQuery) => ['skills', 'trend', query] as const,
};

export function useRounds() {
  return useQuery({ queryKey: skillsKeys.rounds, queryFn: ({ signal }) => listRounds(signal) });
}

export function useRound(roundId: string) {
  return useQuery({
    queryKey: skillsKeys.round(roundId),
    queryFn: ({ signal }) => getRound(roundId, signal),
    enabled: roundId !== '',
  });
}

/** The details (with response rates) of the rounds the reader runs, for the list's bars. */
export function useRoundDetails(rounds: Round[]) {
  return useQueries({
    queries: rounds.map((round) => ({
      queryKey: skillsKeys.round(round.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getRound(round.id, signal),
      enabled: round.canManage,
    })),
  });
}

export function useRespondents(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: skillsKeys.respondents(roundId),
    queryFn: ({ signal }) => listRespondents(roundId, signal),
    enabled,
  });
}

/**
 * A write of this module (a round, its respondents, a programme): afterwards rounds, respondents,
 * response rates, supply and the gap views may all be out of date.
 */
export function useSkillsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['skills'] }),
  });
}

export function useProgrammes(query: ProgrammeQuery) {
  return useQuery({
    queryKey: skillsKeys.programmes(query),
    queryFn: ({ signal }) => listProgrammes(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGaps(query: GapQuery, enabled = true) {
  return useQuery({
    queryKey: skillsKeys.gaps(query),
    queryFn: ({ signal }) => listGaps(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrend(query: Omit<GapQuery, 'round' | 'groupBy'>, enabled: boolean) {
  return useQuery({
    queryKey: skillsKeys.trend(query),
    queryFn: ({ signal }) => listTrend(query, signal),
    enabled,
  });
}
