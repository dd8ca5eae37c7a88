import { describe, expect, it } from 'vitest';
import { organisationNameKey, parseCount } from './skills-import-common.ts';
import {
  buildSurveyImportContext,
  importedAnswerId,
  parseEqfLevel,
  planSurveyImport,
  qualificationLevels,
  type SurveyResponseRow,
  validateSurveyResponseRow,
} from './survey-response-import.ts';
import { validateTrainingSupplyRow, buildTrainingImportContext } from './training-supply-import.ts';

/** The pure rules of the skills imports: what a survey tool's cell may say and what it becomes. */

const actor = {
  kind: 'user',
  userId: 'u',
  role: 'admin',
  organisationId: null,
  regionId: null,
  via: 'session',
} as const;
const concepts = [
  {
    id: 'job-role.chemical-engineer',
    labels: { fi: 'Kemian insinööri', sv: 'Kemiingenjör', en: 'Chemical engineer' },
  },
  {
    id: 'job-role.chemistry-technician',
    labels: { fi: 'Laborantti', sv: 'Laboratorietekniker', en: 'Chemistry technician' },
  },
  { id: 'cam', labels: { fi: 'Katodimateriaalit', sv: 'Katodmaterial', en: 'Cathode active materials' } },
  {
    id: 'edu.eqf-6',
    labels: { fi: 'EQF-taso 6', sv: 'EQF-nivå 6', en: 'EQF level 6' },
    notation: '6',
    parentId: null,
  },
  {
    id: 'edu.ammattikorkeakoulututkinto',
    labels: {
      fi: 'Ammattikorkeakoulututkinto',
      sv: 'Yrkeshögskoleexamen',
      en: "Bachelor's degree of a university of applied sciences",
    },
    notation: 'AMK',
    parentId: 'edu.eqf-6',
  },
  {
    id: 'edu.ammatillinen-perustutkinto',
    labels: {
      fi: 'Ammatillinen perustutkinto',
      sv: 'Yrkesinriktad grundexamen',
      en: 'Upper secondary vocational qualification',
    },
    notation: 'PT',
    parentId: 'edu.eqf-4',
  },
];
const organisations = [
  { id: 'keliber', name: 'Keliber Oy', nameEn: 'Keliber', businessId: null, regionId: 'kokkola' },
  {
    id: 'city-of-kokkola',
    name: 'Kokkolan kaupunki',
    nameEn: 'City of Kokkola',
    businessId: '0179377-8',
    regionId: 'kokkola',
  },
  { id: 'abb-a', name: 'ABB Oy', nameEn: null, businessId: null, regionId: 'vaasa' },
  { id: 'abb-b', name: 'ABB Ab', nameEn: null, businessId: null, regionId: 'vaasa' },
];
const regions = [
  { id: 'kokkola', name: { fi: 'Kokkola', sv: 'Karleby', en: 'Kokkola' } },
  { id: 'vaasa', name: { fi: 'Vaasa', sv: 'Vasa', en: 'Vaasa' } },
];
const context = buildSurveyImportContext({
  actor,
  round: {
    id: 'r1',
    regionId: null,
    instrument: {
      roleIds: ['job-role.chemical-engineer', 'job-role.chemistry-technician'],
      skillIds: ['cam'],
      eqfLevels: [4, 6],
      askRecruitmentDifficulty: true,
      askFreeText: false,
    },
  },
  organisations,
  concepts,
  regions,
});
const row = (cells: Record<string, string>) =>
  validateSurveyResponseRow(
    {
      employer: 'Keliber',
      role: 'Kemian insinööri',
      eqfLevel: 'AMK',
      region: 'Karleby',
      headcountNow: '2',
      ...cells,
    },
    7,
    context,
  );

describe('survey-responses rows', () => {
  it('reads what survey tools export: names in any language, qualifications, "4 = vaikea", empty counts as 0', () => {
    const result = row({ headcount3to5: '1 200', difficulty: '4 = vaikea', skills: 'Katodimateriaalit' });
    expect(result).toEqual({
      ok: true,
      value: {
        organisationId: 'keliber',
        roleId: 'job-role.chemical-engineer',
        eqfLevel: 6,
        regionId: 'kokkola',
        now: 2,
        in1to3: 0,
        in3to5: 1200,
        difficulty: 4,
        skillIds: ['cam'],
        freeText: null,
      },
    });
    expect(row({ employer: '', businessId: 'FI01793778', eqfLevel: 'PT' })).toMatchObject({
      ok: true,
      value: { organisationId: 'city-of-kokkola', eqfLevel: 4 },
    });
  });

  it('refuses what it cannot read, one error per field, naming the field', () => {
    const codes = (cells: Record<string, string>) => {
      const r = row(cells);
      return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
    };
    expect(codes({ employer: 'ABB' })).toEqual(['employer:ambiguous_organisation']);
    expect(codes({ role: 'Laboratorietekniker', eqfLevel: 'EQF 5' })).toEqual([
      'eqfLevel:level_not_in_survey',
    ]);
    expect(codes({ headcountNow: '5+', headcount1to3: '2,5', headcount3to5: '-1' })).toEqual([
      'headcountNow:not_a_headcount',
      'headcount1to3:not_a_headcount',
      'headcount3to5:not_a_headcount',
    ]);
    expect(codes({ headcountNow: '' })).toEqual(['headcountNow:no_headcount']);
    expect(codes({ freeText: 'Lisää tekijöitä' })).toEqual(['freeText:not_asked']);
    expect(codes({ region: '' })).toEqual(['region:required']);
    expect(codes({ difficulty: 'vaikea' })).toEqual(['difficulty:not_a_difficulty']);
  });

  it('plans the same file twice as unchanged, and a corrected count as an update', () => {
    const value = (row({}) as { value: SurveyResponseRow }).value;
    const first = planSurveyImport({
      roundId: 'r1',
      values: [{ row: 2, value }],
      existing: [],
      answeredByLink: new Set(),
    });
    expect(first.operations.map((o) => o.kind)).toEqual(['create']);
    const stored = [{ ...value, id: importedAnswerId('r1', value) }];
    expect(
      planSurveyImport({
        roundId: 'r1',
        values: [{ row: 2, value }],
        existing: stored,
        answeredByLink: new Set(),
      }).operations.map((o) => o.kind),
    ).toEqual(['unchanged']);
    const changed = planSurveyImport({
      roundId: 'r1',
      values: [{ row: 2, value: { ...value, now: 3 } }],
      existing: stored,
      answeredByLink: new Set(),
    });
    expect(changed.operations).toMatchObject([{ kind: 'update', changes: { now: { from: 2, to: 3 } } }]);
    const byLink = planSurveyImport({
      roundId: 'r1',
      values: [{ row: 2, value }],
      existing: [],
      answeredByLink: new Set(['keliber']),
    });
    expect(byLink.errors.map((e) => e.code)).toEqual(['answered_by_link']);
  });

  it('parses levels, counts and names as people write them', () => {
    const levels = qualificationLevels(concepts);
    expect(
      ['6', 'EQF 6', 'eqf-taso 6', 'Level 6', 'EQF-nivå 6', 'AMK', 'Yrkeshögskoleexamen'].map((t) =>
        parseEqfLevel(t, levels),
      ),
    ).toEqual([6, 6, 6, 6, 6, 6, 6]);
    expect(['9', 'EQF 0', 'kuusi', ''].map((t) => parseEqfLevel(t, levels))).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(['12', ' 1 000 ', '', '1.5', '-3', '100001'].map((t) => parseCount(t, 100_000))).toEqual([
      12,
      1000,
      null,
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(organisationNameKey('Keliber Oy')).toBe(organisationNameKey('KELIBER'));
    expect(organisationNameKey('Yrkeshögskolan Novia Ab')).toBe('yrkeshogskolan-novia');
  });
});

describe('training-supply rows', () => {
  const training = buildTrainingImportContext({
    actor,
    organisations: [
      {
        id: 'centria',
        name: 'Centria-ammattikorkeakoulu',
        nameEn: 'Centria University of Applied Sciences',
        businessId: null,
        regionId: 'kokkola',
      },
    ],
    regions,
    roles: concepts.filter((c) => c.id.startsWith('job-role.')),
    competences: concepts.filter((c) => c.id === 'cam'),
    levels: qualificationLevels(concepts),
  });
  it('takes the unit from the credits, the EQF level from the level, the region from the institution', () => {
    const result = validateTrainingSupplyRow(
      {
        organisation: 'Centria University of Applied Sciences',
        name_fi: 'Kemiantekniikka',
        level: 'AMK',
        credits: '240 op',
        roles: 'Kemian insinööri; Laborantti',
        language: 'suomi',
      },
      2,
      training,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        organisationId: 'centria',
        level: 'applied_sciences',
        eqfLevel: 6,
        regionId: 'kokkola',
        credits: 240,
        creditUnit: 'ects',
        language: 'fi',
        roleIds: ['job-role.chemical-engineer', 'job-role.chemistry-technician'],
      },
    });
    const bad = validateTrainingSupplyRow(
      { organisation: 'Centria-ammattikorkeakoulu', name_en: 'X', level: 'continuing', credits: '5 parsec' },
      3,
      training,
    );
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'eqfLevel:required',
      'credits:not_credits',
    ]);
  });
});
