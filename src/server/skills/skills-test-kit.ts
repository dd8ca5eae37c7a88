import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/test-app.ts';

/** Helpers the skills route tests share: a round, its respondents, the respondent's calls. */

export type Client = { headers(write: boolean): Record<string, string> };

export const INSTRUMENT = {
  roleIds: [
    'job-role.process-engineer-chemicals',
    'job-role.chemistry-technician',
    'job-role.recycling-specialist',
  ],
  skillIds: ['refining.hydromet', 'recycling.hydromet'],
  eqfLevels: [4, 5, 6, 7],
  askRecruitmentDifficulty: true,
  askFreeText: true,
};

export async function createRound(
  t: TestApp,
  client: Client,
  input: { regionId: string | null; title?: string; open?: boolean; instrument?: object },
): Promise<{ id: string; status: string }> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/survey-rounds',
    headers: client.headers(true),
    payload: {
      title: { fi: input.title ?? 'Testikysely', en: input.title ?? 'Test survey' },
      regionId: input.regionId,
      instrument: input.instrument ?? INSTRUMENT,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const round = created.json() as { id: string; status: string };
  if (input.open !== false) {
    const opened = await t.app.inject({
      method: 'PATCH',
      url: `/api/survey-rounds/${round.id}`,
      headers: client.headers(true),
      payload: { status: 'open' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json() as { id: string; status: string };
  }
  return round;
}

export async function invite(
  t: TestApp,
  client: Client,
  roundId: string,
  respondents: { organisationId: string; email?: string; language?: 'fi' | 'sv' | 'en' }[],
  expiresInDays?: number,
): Promise<{ respondentId: string; organisationId: string; link: string; token: string }[]> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/survey-rounds/${roundId}/respondents`,
    headers: client.headers(true),
    payload: {
      respondents: respondents.map((r) => ({ language: 'fi', ...r })),
      ...(expiresInDays ? { expiresInDays } : {}),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { respondentId: string; organisationId: string; link: string }[]).map((r) => ({
    ...r,
    token: r.link.replace('/survey/', ''),
  }));
}

export function need(
  roleId: string,
  eqfLevel: number,
  regionId: string,
  [now, in1to3, in3to5]: [number, number, number],
  extra: Record<string, unknown> = {},
) {
  return {
    roleId: `job-role.${roleId}`,
    eqfLevel,
    regionId,
    headcountNow: now,
    headcount1to3: in1to3,
    headcount3to5: in3to5,
    ...extra,
  };
}

export function survey(t: TestApp, token: string | null) {
  return t.app.inject({
    method: 'GET',
    url: '/api/survey',
    headers: token ? { 'x-survey-token': token } : {},
  });
}

export function answer(t: TestApp, token: string, answers: unknown[], submit: boolean) {
  return t.app.inject({
    method: 'PUT',
    url: '/api/survey',
    headers: { 'x-survey-token': token },
    payload: { answers, submit },
  });
}

export type GapRowOut = {
  roleId: string | null;
  eqf: number | null;
  region: string | null;
  horizon: string | null;
  demand: number | null;
  supply: number;
  gap: number | null;
  employers: number | null;
  suppressed: boolean;
  restricted: boolean;
};

export async function gaps(t: TestApp, query: string, client?: Client): Promise<GapRowOut[]> {
  const response = await t.app.inject({
    url: `/api/skills/gaps?${query}`,
    headers: client?.headers(false) ?? {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as GapRowOut[];
}
