import { describe, expect, it } from 'vitest';
import { canEditProgramme, canReadRound, canRunRound, gapViewerFor } from './skills-permissions.ts';
import {
  type Answer,
  checkAnswers,
  linkExpiry,
  linkProblem,
  looksLikeSurveyToken,
  respondentStatus,
  roundStats,
  statusChangeAllowed,
  surveyEmail,
} from './survey.ts';

const instrument = {
  roleIds: ['job-role.a', 'job-role.b'],
  skillIds: ['cam'],
  eqfLevels: [4, 6],
  askRecruitmentDifficulty: false,
  askFreeText: true,
};
const answer = (over: Partial<Answer> = {}): Answer => ({
  roleId: 'job-role.a',
  skillIds: [],
  eqfLevel: 6,
  regionId: 'kokkola',
  headcountNow: 1,
  headcount1to3: 2,
  headcount3to5: 3,
  ...over,
});
const day = 86_400_000;
const now = new Date('2026-05-01T12:00:00Z');

describe('answers against the instrument', () => {
  it('accepts what the round asks and names each problem by its path', () => {
    expect(
      checkAnswers(
        [answer(), answer({ roleId: 'job-role.b', eqfLevel: 4, skillIds: ['cam'] })],
        instrument,
        new Set(['kokkola']),
      ),
    ).toEqual([]);
    const issues = checkAnswers(
      [
        answer({ roleId: 'job-role.x' }),
        answer({ eqfLevel: 5, regionId: 'vaasa' }),
        answer({ skillIds: ['cam', 'anode'], recruitmentDifficulty: 3 }),
        answer(),
      ],
      instrument,
      new Set(['kokkola']),
    );
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'answers.0.roleId',
      'answers.1.eqfLevel',
      'answers.1.regionId',
      'answers.2.skillIds.1',
      'answers.2.recruitmentDifficulty',
      // The same role, level and region as answer 3 (index 2).
      'answers.3',
    ]);
  });
});

describe('respondents and links', () => {
  const base = {
    revokedAt: null,
    submittedAt: null,
    startedAt: null,
    expiresAt: new Date(now.getTime() + day),
  };

  it('gives each respondent one status, revoked first', () => {
    expect(respondentStatus(base, now)).toBe('invited');
    expect(respondentStatus({ ...base, startedAt: now }, now)).toBe('started');
    expect(respondentStatus({ ...base, startedAt: now, submittedAt: now }, now)).toBe('submitted');
    expect(respondentStatus({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(respondentStatus({ ...base, submittedAt: now, revokedAt: now }, now)).toBe('revoked');
    const stats = roundStats(['submitted', 'submitted', 'started', 'invited', 'revoked']);
    expect(stats).toMatchObject({
      submitted: 2,
      started: 1,
      invited: 1,
      revoked: 1,
      expired: 0,
      responseRate: 0.5,
    });
    expect(roundStats([]).responseRate).toBe(0);
  });

  it('says why a link does not open, and when it expires', () => {
    expect(linkProblem(base, 'open', now)).toBeNull();
    expect(linkProblem({ ...base, revokedAt: now }, 'open', now)).toBe('revoked');
    expect(linkProblem({ ...base, expiresAt: now }, 'open', now)).toBe('expired');
    expect(linkProblem(base, 'closed', now)).toBe('round_closed');
    expect(linkProblem(base, 'draft', now)).toBe('round_not_open');
    expect(linkExpiry(now, null, 7).getTime()).toBe(now.getTime() + 7 * day);
    const closes = new Date(now.getTime() + 10 * day);
    expect(linkExpiry(now, closes, undefined)).toEqual(closes);
    expect(linkExpiry(now, new Date(now.getTime() - day), undefined).getTime()).toBe(
      now.getTime() + 30 * day,
    );
  });

  it('recognises only well-formed tokens and moves rounds forward only', () => {
    expect(looksLikeSurveyToken(`kenno_srv_${'a'.repeat(43)}`)).toBe(true);
    for (const bad of [
      'kenno_srv_',
      `kenno_pat_${'a'.repeat(43)}`,
      `kenno_srv_${'a'.repeat(43)}\n`,
      42,
      undefined,
    ])
      expect(looksLikeSurveyToken(bad)).toBe(false);
    expect(statusChangeAllowed('draft', 'open')).toBe(true);
    expect(statusChangeAllowed('closed', 'open')).toBe(true);
    expect(statusChangeAllowed('open', 'draft')).toBe(false);
    expect(statusChangeAllowed('draft', 'closed')).toBe(false);
  });

  it('writes the invitation in the respondent’s language with the link and the expiry', () => {
    const mail = surveyEmail({
      kind: 'reminder',
      language: 'sv',
      roundTitle: { fi: 'Tarpeet', sv: 'Behov', en: 'Needs' },
      organisationName: 'Keliber Oy',
      link: 'https://kenno.example/survey/kenno_srv_x',
      expiresAt: new Date('2026-06-30T12:00:00Z'),
    });
    expect(mail.subject).toBe('Påminnelse: enkäten om kompetensbehov: Behov');
    expect(mail.body).toContain('https://kenno.example/survey/kenno_srv_x');
    expect(mail.body).toContain('Keliber Oy');
    expect(mail.body).toContain('30.6.2026');
    expect(mail.body).toContain('den tidigare länken fungerar inte längre');
  });
});

describe('skills permissions', () => {
  const coordinator = {
    kind: 'user',
    userId: 'u',
    role: 'coordinator',
    organisationId: null,
    regionId: 'kokkola',
    via: 'session',
  } as const;
  const member = {
    kind: 'user',
    userId: 'm',
    role: 'member',
    organisationId: 'centria',
    regionId: null,
    via: 'session',
  } as const;
  const admin = {
    kind: 'user',
    userId: 'a',
    role: 'admin',
    organisationId: null,
    regionId: null,
    via: 'token',
  } as const;

  it('lets a region’s coordinator run its rounds; network rounds are admins’', () => {
    expect(canRunRound(coordinator, { regionId: 'kokkola' })).toBe(true);
    expect(canRunRound(coordinator, { regionId: 'vaasa' })).toBe(false);
    expect(canRunRound(coordinator, { regionId: null })).toBe(false);
    expect(canRunRound(admin, { regionId: null })).toBe(true);
    expect(canReadRound({ kind: 'visitor' }, { regionId: 'vaasa', status: 'open' })).toBe(true);
    expect(canReadRound(coordinator, { regionId: 'vaasa', status: 'draft' })).toBe(false);
  });

  it('lets an institution’s members and its region’s coordinator change its programmes', () => {
    expect(canEditProgramme(member, { organisationId: 'centria', regionId: 'kokkola' })).toBe(true);
    expect(canEditProgramme(member, { organisationId: 'uef', regionId: 'kuopio' })).toBe(false);
    expect(canEditProgramme(coordinator, { organisationId: 'uef', regionId: 'kokkola' })).toBe(true);
    expect(canEditProgramme({ kind: 'visitor' }, { organisationId: 'centria', regionId: 'kokkola' })).toBe(
      false,
    );
  });

  it('shows gap figures un-suppressed to admins and to a coordinator for their region', () => {
    expect(gapViewerFor(admin)).toEqual({ kind: 'all' });
    expect(gapViewerFor(coordinator)).toEqual({ kind: 'region', regionId: 'kokkola' });
    expect(gapViewerFor(member)).toEqual({ kind: 'public' });
    expect(gapViewerFor({ kind: 'visitor' })).toEqual({ kind: 'public' });
  });
});
