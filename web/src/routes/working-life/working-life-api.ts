// The working-life part of the API (src/server/training/working-life.ts): teacher profiles, host
// offers, matches with reasons, periods with their follow-up reports and the summary counts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Localised, request } from '../../api.ts';

export const PERIOD_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const LANGUAGES = ['fi', 'sv', 'en'] as const;

export interface Teacher {
  id: string;
  name: string;
  email: string | null;
  organisationId: string;
  organisationName: string;
  regionId: string | null;
  subjects: string;
  developmentGoals: string;
  conceptIds: string[];
  languages: string[];
  isMine: boolean;
  /** A demo profile: an invented person. */
  illustrative: boolean;
  canEdit: boolean;
}

export interface TeacherInput {
  name: string;
  email?: string | null;
  organisationId: string;
  regionId?: string | null;
  subjects: string;
  developmentGoals: string;
  conceptIds: string[];
  languages: string[];
  isSelf?: boolean;
}

export interface HostOffer {
  id: string;
  organisationId: string;
  organisationName: string;
  regionId: string | null;
  title: Localised;
  description: Localised;
  conceptIds: string[];
  languages: string[];
  capacity: number;
  durationWeeks: number | null;
  availableFrom: string | null;
  availableTo: string | null;
  isActive: boolean;
  canEdit: boolean;
}

export interface HostOfferInput {
  organisationId: string;
  title: Partial<Localised>;
  description: Partial<Localised>;
  conceptIds: string[];
  languages: string[];
  capacity: number;
  durationWeeks: number | null;
  availableFrom: string | null;
  availableTo: string | null;
}

export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface Match {
  offer: HostOffer;
  score: number;
  eligible: boolean;
  reasons: Reason[];
  unmet: Reason[];
}

export interface FollowUp {
  goalsAchieved: string;
  outcomes: string;
  changesToTeaching: string;
  days: number | null;
  rating: number | null;
  submittedAt: string;
}

export interface Period {
  id: string;
  teacherId: string;
  teacherName: string;
  teacherOrganisationName: string;
  teacherRegionId: string | null;
  offerId: string | null;
  offerTitle: Localised | null;
  hostOrganisationId: string;
  hostOrganisationName: string;
  hostRegionId: string | null;
  status: PeriodStatus;
  currentStatus: PeriodStatus;
  startDate: string;
  endDate: string;
  goals: string;
  supervisorName: string;
  supervisorEmail: string | null;
  followUp: FollowUp | null;
  followUpOpen: boolean;
  canPlan: boolean;
  canSetSupervisor: boolean;
  canWriteFollowUp: boolean;
}

export interface PlanInput {
  teacherId: string;
  offerId: string;
  startDate: string;
  endDate: string;
  goals: string;
  supervisorName: string;
}

export type PeriodPatch = Partial<
  Pick<Period, 'status' | 'startDate' | 'endDate' | 'goals' | 'supervisorName' | 'supervisorEmail'>
>;
export type FollowUpInput = Omit<FollowUp, 'submittedAt'>;

export interface Summary {
  periods: number;
  byStatus: Record<PeriodStatus, number>;
  byRegion: { regionId: string | null; periods: number }[];
  byHost: { organisationId: string; name: string; periods: number }[];
  otherHosts: number;
  teachers: number;
  activeOffers: number;
  followUps: number;
  followUpDays: number;
}

export const workingLifeKeys = {
  all: ['working-life'] as const,
  teachers: ['working-life', 'teachers'] as const,
  teacher: (id: string) => ['working-life', 'teacher', id] as const,
  matches: (id: string, from: string, to: string) => ['working-life', 'matches', id, from, to] as const,
  offers: (region: string) => ['working-life', 'offers', region] as const,
  periods: ['working-life', 'periods'] as const,
  period: (id: string) => ['working-life', 'period', id] as const,
  summary: ['working-life', 'summary'] as const,
};

export function useTeachers(enabled: boolean) {
  return useQuery({
    queryKey: workingLifeKeys.teachers,
    queryFn: ({ signal }) => request<Teacher[]>('GET', '/teachers', { signal }),
    enabled,
  });
}

export function useTeacher(id: string) {
  return useQuery({
    queryKey: workingLifeKeys.teacher(id),
    queryFn: ({ signal }) => request<Teacher>('GET', `/teachers/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useMatches(id: string, from: string, to: string) {
  return useQuery({
    queryKey: workingLifeKeys.matches(id, from, to),
    queryFn: ({ signal }) =>
      request<{ teacherId: string; items: Match[] }>('GET', `/teachers/${encodeURIComponent(id)}/matches`, {
        signal,
        query: { from, to, includeExcluded: 'true' },
      }),
  });
}

export function useOffers(region: string) {
  return useQuery({
    queryKey: workingLifeKeys.offers(region),
    queryFn: ({ signal }) => request<HostOffer[]>('GET', '/host-offers', { signal, query: { region } }),
  });
}

export function usePeriods(enabled: boolean) {
  return useQuery({
    queryKey: workingLifeKeys.periods,
    queryFn: ({ signal }) => request<Period[]>('GET', '/working-life-periods', { signal }),
    enabled,
  });
}

export function usePeriod(id: string) {
  return useQuery({
    queryKey: workingLifeKeys.period(id),
    queryFn: ({ signal }) =>
      request<Period>('GET', `/working-life-periods/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useSummary() {
  return useQuery({
    queryKey: workingLifeKeys.summary,
    queryFn: ({ signal }) => request<Summary>('GET', '/working-life/summary', { signal }),
  });
}

/** A write of this module; everything it shows is fetched again afterwards. */
export function useWorkingLifeMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: workingLifeKeys.all }),
  });
}

export const createTeacher = (input: TeacherInput) => request<Teacher>('POST', '/teachers', { body: input });
export const updateTeacher = (id: string, patch: Partial<TeacherInput>) =>
  request<Teacher>('PATCH', `/teachers/${encodeURIComponent(id)}`, { body: patch });
export const createOffer = (input: HostOfferInput) =>
  request<HostOffer>('POST', '/host-offers', { body: input });
export const planPeriod = (input: PlanInput) =>
  request<Period>('POST', '/working-life-periods', { body: input });
export const updatePeriod = (id: string, patch: PeriodPatch) =>
  request<Period>('PATCH', `/working-life-periods/${encodeURIComponent(id)}`, { body: patch });
export const submitFollowUp = (id: string, report: FollowUpInput) =>
  request<Period>('POST', `/working-life-periods/${encodeURIComponent(id)}/follow-up`, { body: report });
