import { describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/roles.ts';
import {
  CHALLENGE_STATUSES,
  ChallengeInputSchema,
  ChallengePatchSchema,
  nextConceptIds,
  organisationScopeProblem,
  projectStatusProblem,
  statusChangeProblem,
  suggestedConcepts,
} from './challenge.ts';

const user = (
  role: UserActor['role'],
  organisationId: string | null,
  regionId: string | null,
): UserActor => ({
  kind: 'user',
  userId: 'u1',
  role,
  organisationId,
  regionId,
  via: 'session',
});

describe('challenge input', () => {
  it('needs a title, a description and a language; trims and de-duplicates concepts', () => {
    const parsed = ChallengeInputSchema.parse({
      title: '  Akkukemikaalien kierrätys ',
      description: 'Miten kierrätämme akkukemikaalit?',
      language: 'fi',
      conceptIds: ['recycling', 'recycling', 'cam'],
    });
    expect(parsed.title).toBe('Akkukemikaalien kierrätys');
    expect(parsed.conceptIds).toEqual(['recycling', 'cam']);
    expect(ChallengeInputSchema.safeParse({ title: 'Abc', language: 'fi' }).success).toBe(false);
    expect(
      ChallengeInputSchema.safeParse({ title: 'Abc', description: 'x'.repeat(20), language: 'de' }).success,
    ).toBe(false);
  });

  it('keeps TRL between 1 and 9 and the wanted level not below the current one', () => {
    const base = { title: 'Title', description: 'A description long enough', language: 'en' as const };
    expect(ChallengeInputSchema.safeParse({ ...base, trlNow: 3, trlWanted: 6 }).success).toBe(true);
    expect(ChallengeInputSchema.safeParse({ ...base, trlNow: 0 }).success).toBe(false);
    expect(ChallengeInputSchema.safeParse({ ...base, trlWanted: 10 }).success).toBe(false);
    const backwards = ChallengeInputSchema.safeParse({ ...base, trlNow: 6, trlWanted: 3 });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(['trlWanted']);
    expect(ChallengePatchSchema.safeParse({ trlNow: 7, trlWanted: 4 }).success).toBe(false);
    expect(ChallengePatchSchema.parse({ status: 'validated' })).toEqual({ status: 'validated' });
  });
});

describe('status lifecycle', () => {
  it('walks new → validated → common → in_project', () => {
    expect(statusChangeProblem('new', 'validated')).toBeNull();
    expect(statusChangeProblem('validated', 'common')).toBeNull();
    expect(statusChangeProblem('common', 'in_project')).toBeNull();
  });

  it('refuses skipping steps, leaving merged, and merging by status', () => {
    expect(statusChangeProblem('new', 'in_project')).toMatch(/cannot go from new to in_project/);
    expect(statusChangeProblem('merged', 'new')).toMatch(/merged/);
    for (const from of CHALLENGE_STATUSES)
      if (from !== 'merged') expect(statusChangeProblem(from, 'merged')).not.toBeNull();
  });

  it('lets a rejected challenge be reopened, and an unchanged status always passes', () => {
    expect(statusChangeProblem('rejected', 'new')).toBeNull();
    for (const s of CHALLENGE_STATUSES) expect(statusChangeProblem(s, s)).toBeNull();
  });

  it('takes any open challenge into a project, never a merged or rejected one', () => {
    expect(projectStatusProblem('new')).toBeNull();
    expect(projectStatusProblem('common')).toBeNull();
    expect(projectStatusProblem('merged')).not.toBeNull();
    expect(projectStatusProblem('rejected')).not.toBeNull();
  });
});

describe('concepts after an edit', () => {
  const untouched = { conceptIds: ['recycling', 'cam'], suggestedConceptIds: ['cam', 'recycling'] };
  const corrected = { conceptIds: ['recycling.black-mass'], suggestedConceptIds: ['recycling', 'cam'] };

  it('follows new suggestions while nobody corrected them', () => {
    expect(nextConceptIds(untouched, ['cell'], undefined)).toEqual(['cell']);
  });

  it('keeps a set a person corrected, and takes concepts given explicitly', () => {
    expect(nextConceptIds(corrected, ['cell'], undefined)).toEqual(['recycling.black-mass']);
    expect(nextConceptIds(corrected, ['cell'], ['anode'])).toEqual(['anode']);
    expect(nextConceptIds(untouched, null, undefined)).toEqual(['recycling', 'cam']);
  });

  it('keeps the best tagger results as suggestions', () => {
    const results = Array.from({ length: 12 }, (_, i) => ({ conceptId: `c${i}` }));
    expect(suggestedConcepts(results)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
  });
});

describe('whose challenge a person may file', () => {
  const centria = { id: 'centria', regionId: 'kokkola' };
  it('members for their own organisation only', () => {
    expect(organisationScopeProblem(user('member', 'centria', null), centria)).toBeNull();
    expect(organisationScopeProblem(user('member', 'uef', null), centria)).toMatch(/own organisation/);
    expect(organisationScopeProblem(user('member', 'uef', null), null)).toBeNull();
  });
  it('coordinators for organisations of their region, admins for any', () => {
    expect(organisationScopeProblem(user('coordinator', null, 'kokkola'), centria)).toBeNull();
    expect(organisationScopeProblem(user('coordinator', null, 'vaasa'), centria)).toMatch(/own region/);
    expect(organisationScopeProblem(user('admin', null, null), centria)).toBeNull();
  });
});
