import { describe, expect, it } from 'vitest';
import type { User } from '../../api.ts';
import {
  chosenConcepts,
  DESCRIPTION_MIN,
  initialValues,
  TITLE_MAX,
  toInput,
  validateChallenge,
} from './challenge-form-values.ts';
import type { Challenge, TagSuggestion } from './challenges-api.ts';

const member: User = {
  id: 'u1',
  email: 'm@example.org',
  displayName: 'Maija',
  role: 'member',
  organisationId: 'centria',
  regionId: null,
};

const valid = {
  ...initialValues(member, 'sv', undefined, 'kokkola'),
  title: 'Svart massa',
  description: 'Litium ur svart massa, med mindre svavelsyra.',
};

const tag = (conceptId: string, evidence: string[] = []): TagSuggestion => ({
  conceptId,
  label: { fi: conceptId, sv: conceptId, en: conceptId },
  score: 1,
  evidence,
});

describe('the challenge form values', () => {
  it("start from the person's language, organisation and the organisation's region, public", () => {
    expect(valid.language).toBe('sv');
    expect(valid.organisationId).toBe('centria');
    expect(valid.regionId).toBe('kokkola');
    expect(valid.isPublic).toBe(true);
    // A person's own region wins over the organisation's.
    expect(initialValues({ ...member, regionId: 'vaasa' }, 'fi', undefined, 'kokkola').regionId).toBe(
      'vaasa',
    );
  });

  it('refuse a short title or text, an over-long title, and a TRL wanted below the TRL now', () => {
    expect(validateChallenge(valid)).toEqual(new Set());
    expect(validateChallenge({ ...valid, title: '  ab ' })).toEqual(new Set(['title']));
    expect(validateChallenge({ ...valid, title: 'x'.repeat(TITLE_MAX + 1) })).toEqual(new Set(['title']));
    expect(validateChallenge({ ...valid, description: 'x'.repeat(DESCRIPTION_MIN - 1) })).toEqual(
      new Set(['description']),
    );
    expect(validateChallenge({ ...valid, trlNow: '6', trlWanted: '3' })).toEqual(new Set(['trlWanted']));
    expect(validateChallenge({ ...valid, trlNow: '6', trlWanted: '6' })).toEqual(new Set());
    expect(validateChallenge({ ...valid, trlNow: '6', trlWanted: '' })).toEqual(new Set());
  });

  it('become the API input: trimmed text, numbers for TRL, null for what was not given', () => {
    const input = toInput(
      { ...valid, title: ' Svart massa ', trlNow: '4', horizon: 'medium', regionId: '' },
      ['a'],
    );
    expect(input).toEqual({
      title: 'Svart massa',
      description: valid.description,
      language: 'sv',
      regionId: null,
      organisationId: 'centria',
      conceptIds: ['a'],
      trlNow: 4,
      trlWanted: null,
      horizon: 'medium',
      isPublic: true,
    });
  });

  it("show the person's concepts, then the suggestions not removed, each once and only from the value chain", () => {
    const known = new Set(['recycling', 'hydromet', 'sulphate']);
    const chosen = chosenConcepts(
      { conceptIds: ['sulphate'], dismissed: ['recycling'] },
      [tag('recycling'), tag('hydromet', ['hydrometallurginen']), tag('sulphate'), tag('esco.skill.1')],
      known,
      (id) => id.toUpperCase(),
    );
    expect(chosen).toEqual([
      { id: 'sulphate', label: 'SULPHATE', suggested: false, evidence: [] },
      { id: 'hydromet', label: 'HYDROMET', suggested: true, evidence: ['hydrometallurginen'] },
    ]);
  });

  it('keep suggestions removed before an edit out of the edit form', () => {
    const challenge = {
      title: 'T',
      description: 'D',
      language: 'fi',
      regionId: 'kokkola',
      organisationId: null,
      trlNow: 3,
      trlWanted: null,
      horizon: null,
      isPublic: false,
      conceptIds: ['a', 'c'],
      suggestedConceptIds: ['a', 'b'],
    } as unknown as Challenge;
    const values = initialValues(member, 'sv', challenge);
    expect(values).toMatchObject({
      language: 'fi',
      trlNow: '3',
      trlWanted: '',
      isPublic: false,
      dismissed: ['b'],
    });
    expect(chosenConcepts(values, [tag('a'), tag('b')], new Set(), (id) => id).map((c) => c.id)).toEqual([
      'a',
      'c',
    ]);
  });
});
