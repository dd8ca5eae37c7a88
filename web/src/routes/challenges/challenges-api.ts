// The challenges part of the API (docs: the challenges contract; src/server/challenges): types,
// calls through the app's one fetch wrapper, and TanStack Query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, type Localised, request } from '../../api.ts';

export const CHALLENGE_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type ChallengeLanguage = (typeof CHALLENGE_LANGUAGES)[number];

export const CHALLENGE_STATUSES = ['new', 'validated', 'common', 'in_project', 'merged', 'rejected'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const HORIZONS = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function isChallengeLanguage(value: string): value is ChallengeLanguage {
  return (CHALLENGE_LANGUAGES as readonly string[]).includes(value);
}

export function isChallengeStatus(value: string): value is ChallengeStatus {
  return (CHALLENGE_STATUSES as readonly string[]).includes(value);
}

export interface ChallengeSummary {
  id: string;
  title: string;
  language: ChallengeLanguage;
  regionId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  conceptIds: string[];
  status: ChallengeStatus;
  trlNow: number | null;
  trlWanted: number | null;
  horizon: Horizon | null;
  isPublic: boolean;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  mergedIntoId: string | null;
}

export interface HistoryEntry {
  at: string;
  event: string;
  actorName: string | null;
  details: Record<string, unknown>;
  /** The challenge it happened to: this one, or one merged into it. */
  challengeId?: string;
}

export interface Challenge extends ChallengeSummary {
  description: string;
  suggestedConceptIds: string[];
  createdByName: string | null;
  supportedByMe: boolean;
  followedByMe: boolean;
  canEdit: boolean;
  canModerate: boolean;
  canEvaluate: boolean;
  mergedFrom: { id: string; title: string }[];
  history: HistoryEntry[];
}

export interface ChallengeInput {
  title?: string;
  description?: string;
  language?: ChallengeLanguage;
  regionId?: string | null;
  organisationId?: string | null;
  conceptIds?: string[];
  trlNow?: number | null;
  trlWanted?: number | null;
  horizon?: Horizon | null;
  isPublic?: boolean;
  status?: ChallengeStatus;
}

export interface ChallengeQuery {
  q?: string;
  region?: string;
  concept?: string;
  status?: string;
  language?: string;
  organisation?: string;
  sort?: 'newest' | 'supports';
  limit?: number;
  offset?: number;
}

export interface Comment {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: string;
}

export type SimilarReason =
  | { kind: 'concepts'; conceptIds: string[] }
  | { kind: 'terms'; terms: string[] }
  | { kind: 'cross_language'; from: ChallengeLanguage; to: ChallengeLanguage };

export interface SimilarChallenge {
  challenge: {
    id: string;
    title: string;
    language: ChallengeLanguage;
    regionId: string | null;
    organisationId: string | null;
    status: ChallengeStatus;
  };
  score: number;
  reasons: SimilarReason[];
}

export interface ClusterMember {
  id: string;
  title: string;
  language: ChallengeLanguage;
  regionId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  status: ChallengeStatus;
}

export interface CommonChallenge {
  clusterId: string;
  regions: string[];
  challenges: ClusterMember[];
  concepts: { id: string; label: Localised }[];
  cohesion: number;
  languages: ChallengeLanguage[];
}

export interface Criterion {
  id: string;
  label: Localised;
  description: Localised;
  weight: number;
  maxScore: number;
  position: number;
  active: boolean;
}

export interface Evaluation {
  criteria: Criterion[];
  mine: { scores: Record<string, number>; note: string } | null;
  summary: { score: number | null; evaluatorCount: number; perCriterion: Record<string, number> };
}

export interface RankingRow {
  challenge: ChallengeSummary;
  score: number;
  evaluatorCount: number;
  perCriterion: Record<string, number>;
}

const path = (id: string, rest = '') => `/challenges/${encodeURIComponent(id)}${rest}`;

export function listChallenges(query: ChallengeQuery, signal?: AbortSignal) {
  return request<{ items: ChallengeSummary[]; total: number }>('GET', '/challenges', {
    query: { ...query },
    signal,
  });
}

export function getChallenge(id: string, signal?: AbortSignal) {
  return request<Challenge>('GET', path(id), { signal });
}

export const challengeKeys = {
  all: ['challenges'] as const,
  list: (query: ChallengeQuery) => ['challenges', 'list', query] as const,
  detail: (id: string) => ['challenges', 'detail', id] as const,
  comments: (id: string) => ['challenges', 'comments', id] as const,
  similar: (id: string) => ['challenges', 'similar', id] as const,
  evaluation: (id: string) => ['challenges', 'evaluation', id] as const,
  criteria: ['challenges', 'criteria'] as const,
  ranking: (query: { region?: string; status?: string }) => ['challenges', 'ranking', query] as const,
  common: (query: { region?: string; concept?: string }) => ['challenges', 'common', query] as const,
  tags: (text: string, lang: string) => ['challenges', 'tags', lang, text] as const,
};

export function useChallenges(query: ChallengeQuery) {
  return useQuery({
    queryKey: challengeKeys.list(query),
    queryFn: ({ signal }) => listChallenges(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChallenge(id: string) {
  return useQuery({
    queryKey: challengeKeys.detail(id),
    queryFn: ({ signal }) => getChallenge(id, signal),
    enabled: Boolean(id),
  });
}

/** After any write: the lists, the common challenges and the ranking may all have changed. */
function useRefreshChallenges() {
  const queryClient = useQueryClient();
  return (challenge?: Challenge) => {
    if (challenge) queryClient.setQueryData(challengeKeys.detail(challenge.id), challenge);
    void queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] === 'challenges' &&
        !(challenge && query.queryKey[1] === 'detail' && query.queryKey[2] === challenge.id),
    });
  };
}

export function useCreateChallenge() {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: (input: ChallengeInput) => request<Challenge>('POST', '/challenges', { body: input }),
    onSuccess: (challenge) => refresh(challenge),
  });
}

export function useUpdateChallenge(id: string) {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: (input: ChallengeInput) => request<Challenge>('PATCH', path(id), { body: input }),
    onSuccess: (challenge) => refresh(challenge),
  });
}

export function useMergeChallenge(id: string) {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: (targetId: string) => request<Challenge>('POST', path(id, '/merge'), { body: { targetId } }),
    onSuccess: (target) => refresh(target),
  });
}

export function useSupport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) =>
      request<{ supportCount: number; supportedByMe: boolean }>(on ? 'PUT' : 'DELETE', path(id, '/support')),
    onSuccess: (result) => {
      queryClient.setQueryData<Challenge>(challengeKeys.detail(id), (old) =>
        old ? { ...old, ...result } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['challenges', 'list'] });
    },
  });
}

export function useFollow(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) =>
      request<{ followedByMe: boolean }>(on ? 'PUT' : 'DELETE', path(id, '/follow')),
    onSuccess: (result) =>
      queryClient.setQueryData<Challenge>(challengeKeys.detail(id), (old) =>
        old ? { ...old, ...result } : old,
      ),
  });
}

export function useComments(id: string) {
  return useQuery({
    queryKey: challengeKeys.comments(id),
    queryFn: ({ signal }) => request<Comment[]>('GET', path(id, '/comments'), { signal }),
  });
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => request<Comment>('POST', path(id, '/comments'), { body: { body } }),
    onSuccess: (comment) => {
      queryClient.setQueryData<Comment[]>(challengeKeys.comments(id), (old) => [...(old ?? []), comment]);
      queryClient.setQueryData<Challenge>(challengeKeys.detail(id), (old) =>
        old ? { ...old, commentCount: old.commentCount + 1 } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['challenges', 'list'] });
    },
  });
}

export function useSimilar(id: string, limit = 8) {
  return useQuery({
    queryKey: challengeKeys.similar(id),
    queryFn: ({ signal }) =>
      request<SimilarChallenge[]>('GET', path(id, '/similar'), { query: { limit }, signal }),
  });
}

export function useCommonChallenges(query: { region?: string; concept?: string }) {
  return useQuery({
    queryKey: challengeKeys.common(query),
    queryFn: ({ signal }) => request<CommonChallenge[]>('GET', '/challenges/common', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The workshop file of the common challenges shown (the same region and concept filters), or of
 * one cluster, with its headings in the UI language.
 */
export function commonExportHref(
  format: 'xlsx' | 'pdf',
  options: { lang: string; clusterId?: string; region?: string; concept?: string },
): string {
  const { clusterId, region, concept, lang } = options;
  return apiUrl('/challenges/common/export', { format, clusterId, region, concept, lang });
}

export function useCriteria(enabled: boolean) {
  return useQuery({
    queryKey: challengeKeys.criteria,
    queryFn: ({ signal }) => request<Criterion[]>('GET', '/evaluation-criteria', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useEvaluation(id: string, enabled: boolean) {
  return useQuery({
    queryKey: challengeKeys.evaluation(id),
    queryFn: ({ signal }) => request<Evaluation>('GET', path(id, '/evaluation'), { signal }),
    enabled,
  });
}

export function useSaveEvaluation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { scores: Record<string, number>; note: string }) =>
      request<Evaluation>('PUT', path(id, '/evaluation'), { body: input }),
    onSuccess: (evaluation) => {
      queryClient.setQueryData(challengeKeys.evaluation(id), evaluation);
      void queryClient.invalidateQueries({ queryKey: ['challenges', 'ranking'] });
    },
  });
}

export function useRanking(query: { region?: string; status?: string }, enabled: boolean) {
  return useQuery({
    queryKey: challengeKeys.ranking(query),
    queryFn: ({ signal }) => request<RankingRow[]>('GET', '/challenges/ranking', { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export interface TagSuggestion {
  conceptId: string;
  label: Localised;
  score: number;
  evidence: string[];
}

/** Concepts the tagger finds in a text (POST /api/concepts/tag), for suggestions while typing. */
export function useTagSuggestions(text: string, lang: ChallengeLanguage) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: challengeKeys.tags(trimmed, lang),
    queryFn: ({ signal }) =>
      request<TagSuggestion[]>('POST', '/concepts/tag', { body: { text: trimmed, lang }, signal }),
    enabled: trimmed.length >= 12,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
