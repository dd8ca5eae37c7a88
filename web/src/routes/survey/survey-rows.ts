// The respondent's needs as form rows (text as typed) and back to the API's answers, with the
// problems a person can fix before anything is sent. Pure, so it is unit-tested.
import type { SurveyAnswer } from './survey-api.ts';

export const MAX_HEADCOUNT = 100_000;
export const HEADCOUNT_FIELDS = ['headcountNow', 'headcount1to3', 'headcount3to5'] as const;
export type HeadcountField = (typeof HEADCOUNT_FIELDS)[number];

export interface NeedRow {
  /** Stable across edits, for React keys and field ids. */
  key: string;
  roleId: string;
  eqfLevel: string;
  regionId: string;
  headcountNow: string;
  headcount1to3: string;
  headcount3to5: string;
  recruitmentDifficulty: string;
  freeText: string;
  skillIds: string[];
}

export type RowField = 'roleId' | 'eqfLevel' | 'regionId' | HeadcountField | 'duplicate';

export interface RowProblem {
  index: number;
  field: RowField;
  /** For a duplicate: the (1-based) number of the need it repeats. */
  other?: number;
}

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `need-${counter}`;
}

export function emptyRow(regionId = ''): NeedRow {
  return {
    key: nextKey(),
    roleId: '',
    eqfLevel: '',
    regionId,
    headcountNow: '',
    headcount1to3: '',
    headcount3to5: '',
    recruitmentDifficulty: '',
    freeText: '',
    skillIds: [],
  };
}

export function rowsFromAnswers(answers: readonly SurveyAnswer[]): NeedRow[] {
  return answers.map((a) => ({
    key: nextKey(),
    roleId: a.roleId,
    eqfLevel: String(a.eqfLevel),
    regionId: a.regionId,
    headcountNow: String(a.headcountNow),
    headcount1to3: String(a.headcount1to3),
    headcount3to5: String(a.headcount3to5),
    recruitmentDifficulty: a.recruitmentDifficulty == null ? '' : String(a.recruitmentDifficulty),
    freeText: a.freeText ?? '',
    skillIds: [...a.skillIds],
  }));
}

/** A headcount as typed: empty counts as 0; otherwise a whole number 0–100 000 (spaces allowed). */
export function parseHeadcount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return 0;
  if (!/^\d+$/.test(compact)) return null;
  const value = Number(compact);
  return value <= MAX_HEADCOUNT ? value : null;
}

/**
 * The rows as the API's answers, or the problems to fix first: a role, level and region each,
 * headcounts as whole numbers, and one row per role, level and region (as the server requires).
 */
export function answersFromRows(
  rows: readonly NeedRow[],
  ask: { recruitmentDifficulty: boolean; freeText: boolean },
): { answers: SurveyAnswer[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const answers: SurveyAnswer[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!row.roleId) problems.push({ index, field: 'roleId' });
    if (!row.eqfLevel) problems.push({ index, field: 'eqfLevel' });
    if (!row.regionId) problems.push({ index, field: 'regionId' });
    const counts = HEADCOUNT_FIELDS.map((field) => {
      const value = parseHeadcount(row[field]);
      if (value === null) problems.push({ index, field });
      return value ?? 0;
    });
    if (row.roleId && row.eqfLevel && row.regionId) {
      const key = `${row.roleId}\u0000${row.eqfLevel}\u0000${row.regionId}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ index, field: 'duplicate', other: first + 1 });
      else seen.set(key, index);
    }
    const difficulty = Number(row.recruitmentDifficulty);
    const text = row.freeText.trim();
    answers.push({
      roleId: row.roleId,
      skillIds: row.skillIds,
      eqfLevel: Number(row.eqfLevel),
      regionId: row.regionId,
      headcountNow: counts[0]!,
      headcount1to3: counts[1]!,
      headcount3to5: counts[2]!,
      ...(ask.recruitmentDifficulty
        ? { recruitmentDifficulty: difficulty >= 1 && difficulty <= 5 ? difficulty : null }
        : {}),
      ...(ask.freeText ? { freeText: text ? text : null } : {}),
    });
  });
  return { answers: problems.length ? [] : answers, problems };
}
