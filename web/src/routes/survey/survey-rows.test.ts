import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from './survey-api.ts';
import { answersFromRows, emptyRow, type NeedRow, parseHeadcount, rowsFromAnswers } from './survey-rows.ts';

const ASK_ALL = { recruitmentDifficulty: true, freeText: true };

function filled(changes: Partial<NeedRow> = {}): NeedRow {
  return {
    ...emptyRow('kokkola'),
    roleId: 'job-role.chemistry-technician',
    eqfLevel: '4',
    headcountNow: '3',
    headcount1to3: '5',
    headcount3to5: '',
    ...changes,
  };
}

describe('headcounts as typed', () => {
  it.each([
    ['', 0],
    ['0', 0],
    ['12', 12],
    ['1 200', 1200],
    ['100000', 100000],
  ])('reads %j as %d', (text, value) => {
    expect(parseHeadcount(text)).toBe(value);
  });

  it.each(['-2', '1.5', '1,5', 'many', '100001'])('rejects %j', (text) => {
    expect(parseHeadcount(text)).toBeNull();
  });
});

describe('needs to answers', () => {
  it('sends whole numbers (empty as 0) and the optional answers the survey asks', () => {
    const { answers, problems } = answersFromRows(
      [filled({ recruitmentDifficulty: '4', freeText: '  Hard to find  ' })],
      ASK_ALL,
    );
    expect(problems).toEqual([]);
    expect(answers).toEqual([
      {
        roleId: 'job-role.chemistry-technician',
        skillIds: [],
        eqfLevel: 4,
        regionId: 'kokkola',
        headcountNow: 3,
        headcount1to3: 5,
        headcount3to5: 0,
        recruitmentDifficulty: 4,
        freeText: 'Hard to find',
      },
    ]);
  });

  it('leaves out the questions the survey does not ask, and sends null for an unanswered one', () => {
    const asked = answersFromRows([filled({ recruitmentDifficulty: '', freeText: 'x' })], {
      recruitmentDifficulty: true,
      freeText: false,
    });
    expect(asked.answers[0]).toMatchObject({ recruitmentDifficulty: null });
    expect(asked.answers[0]).not.toHaveProperty('freeText');
  });

  it('names every missing choice and bad headcount by need, and sends nothing', () => {
    const { answers, problems } = answersFromRows(
      [filled(), { ...emptyRow(''), headcount1to3: '-1' }],
      ASK_ALL,
    );
    expect(answers).toEqual([]);
    expect(problems).toEqual([
      { index: 1, field: 'roleId' },
      { index: 1, field: 'eqfLevel' },
      { index: 1, field: 'regionId' },
      { index: 1, field: 'headcount1to3' },
    ]);
  });

  it('finds a need given twice for the same role, level and region', () => {
    const { problems } = answersFromRows([filled(), filled({ regionId: 'pori' }), filled()], ASK_ALL);
    expect(problems).toEqual([{ index: 2, field: 'duplicate', other: 1 }]);
  });

  it('round-trips saved answers into rows', () => {
    const saved: SurveyAnswer[] = [
      {
        roleId: 'job-role.chemist',
        skillIds: ['refining.hydromet'],
        eqfLevel: 6,
        regionId: 'vaasa',
        headcountNow: 1,
        headcount1to3: 2,
        headcount3to5: 3,
        recruitmentDifficulty: null,
        freeText: null,
      },
    ];
    const rows = rowsFromAnswers(saved);
    expect(rows[0]).toMatchObject({
      eqfLevel: '6',
      headcount3to5: '3',
      recruitmentDifficulty: '',
      freeText: '',
    });
    expect(answersFromRows(rows, ASK_ALL).answers).toEqual(saved);
    // Each row has its own key, so React keeps each need's fields apart.
    expect(new Set([...rows, ...rowsFromAnswers(saved)].map((r) => r.key)).size).toBe(2);
  });
});
