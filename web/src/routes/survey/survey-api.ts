// The respondent's side of a survey (GET and PUT /api/survey): no account, the personal token in
// the X-Survey-Token header only — never in an API address, which servers and proxies log — no
// session cookie, and no Referer.
import { ApiError, type Localised, type RequestOptions, request } from '../../api.ts';
import type { Language } from '../../i18n/setup.ts';

export interface Labelled {
  id: string;
  label: Localised;
}

export interface SurveyAnswer {
  roleId: string;
  skillIds: string[];
  eqfLevel: number;
  regionId: string;
  headcountNow: number;
  headcount1to3: number;
  headcount3to5: number;
  recruitmentDifficulty?: number | null;
  freeText?: string | null;
}

export interface Survey {
  round: {
    id: string;
    title: Localised;
    intro: Localised;
    status: 'draft' | 'open' | 'closed';
    closesAt: string | null;
    instrument: {
      roles: Labelled[];
      skills: Labelled[];
      eqfLevels: { level: number; label: Localised }[];
      regions: Labelled[];
      askRecruitmentDifficulty: boolean;
      askFreeText: boolean;
    };
  };
  organisation: { id: string; name: string };
  language: Language;
  answers: SurveyAnswer[];
  submittedAt: string | null;
  expiresAt: string;
}

const NO_REFERRER_ID = 'kenno-survey-no-referrer';

/**
 * Keeps the address, which holds the personal token, out of every Referer while a survey page is
 * open (also of requests that start before the page's code has loaded). Returns the undo.
 */
export function keepTokenOutOfReferrer(): () => void {
  let meta = document.getElementById(NO_REFERRER_ID);
  if (!meta) {
    meta = document.createElement('meta');
    meta.id = NO_REFERRER_ID;
    meta.setAttribute('name', 'referrer');
    meta.setAttribute('content', 'no-referrer');
    document.head.prepend(meta);
  }
  const element = meta;
  return () => element.remove();
}

function tokenOptions(token: string): RequestOptions {
  return {
    headers: { 'X-Survey-Token': token },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    // One address answers for every link (the token is a header): a cached answer, such as a
    // 410 for a revoked link, must never stand in for another link's.
    cache: 'no-store',
  };
}

export function getSurvey(token: string, signal?: AbortSignal): Promise<Survey> {
  return request('GET', '/survey', { ...tokenOptions(token), signal });
}

export function saveSurvey(token: string, answers: SurveyAnswer[], submit: boolean): Promise<Survey> {
  return request('PUT', '/survey', { ...tokenOptions(token), body: { answers, submit } });
}

export const LINK_PROBLEMS = [
  'unknown_token',
  'revoked',
  'expired',
  'round_closed',
  'round_not_open',
] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number];

/** Why a link does not open the survey, from the API's error (its details.reason). */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!(error instanceof ApiError)) return null;
  const reason =
    typeof error.details === 'object' && error.details !== null && 'reason' in error.details
      ? String((error.details as { reason: unknown }).reason)
      : '';
  if ((LINK_PROBLEMS as readonly string[]).includes(reason)) return reason as LinkProblem;
  if (reason === 'missing_token') return 'unknown_token';
  if (error.status === 401) return 'unknown_token';
  return null;
}
