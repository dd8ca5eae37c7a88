import { describe, expect, it } from 'vitest';
import { emptyProgramme, programmeInput, programmeValues } from './programme-values.ts';
import type { Programme } from './skills-api.ts';

const programme: Programme = {
  id: 'centria.kemiantekniikka',
  organisationId: 'centria',
  organisationName: 'Centria',
  kind: 'programme',
  name: { fi: 'Insinööri (AMK), kemiantekniikka', sv: '', en: 'Chemical Engineering' },
  level: 'applied_sciences',
  eqfLevel: 6,
  regionId: 'kokkola',
  yearlyIntake: 40,
  yearlyGraduates: 24,
  roleIds: ['job-role.chemical-engineering-technician'],
  competenceIds: ['refining.hydromet'],
  credits: 240,
  creditUnit: 'ects',
  language: 'fi',
  url: 'https://www.centria.fi',
  isPublic: true,
  sources: [],
  delivery: 'blended',
  workBasedShare: 0.15,
  learningOutcomes: [
    {
      text: { fi: 'Suunnittelee kemian prosesseja', sv: '', en: 'Designs chemical processes' },
      conceptIds: ['refining.hydromet'],
    },
  ],
  canEdit: true,
};

describe('the programme form', () => {
  it('gives back what it was given', () => {
    const { input, problems } = programmeInput(programmeValues(programme), false);
    expect(problems).toEqual([]);
    const { id: _id, organisationName: _name, sources: _sources, canEdit: _canEdit, ...expected } = programme;
    expect(input).toEqual(expected);
  });

  it('lets a new programme take its institution’s region when none is chosen', () => {
    const values = {
      ...emptyProgramme('kpedu'),
      name: { fi: 'Prosessiteollisuuden perustutkinto', sv: '', en: '' },
    };
    const { input } = programmeInput(values, true);
    expect(input).not.toHaveProperty('regionId');
    expect(input).toMatchObject({ level: 'vocational', eqfLevel: 4, yearlyGraduates: null });
    // An existing programme whose region is cleared says so.
    expect(programmeInput(values, false).input).toMatchObject({ regionId: null });
  });

  it('names the fields to fix', () => {
    const values = {
      ...emptyProgramme(''),
      eqfLevel: '',
      yearlyIntake: '12.5',
      yearlyGraduates: '-3',
      credits: '30',
      url: 'www.example.org',
    };
    expect(programmeInput(values, true)).toEqual({
      input: null,
      problems: [
        'organisationId',
        'name',
        'eqfLevel',
        'yearlyIntake',
        'yearlyGraduates',
        'creditUnit',
        'url',
      ],
    });
  });

  it('leaves out learning outcomes without text, and an unstated work-based share', () => {
    const values = {
      ...programmeValues(programme),
      workBasedShare: '',
      delivery: '' as const,
      learningOutcomes: [
        ...programmeValues(programme).learningOutcomes,
        { text: { fi: ' ', sv: '', en: '' }, conceptIds: ['cam'] },
      ],
    };
    const { input } = programmeInput(values, false);
    expect(input).toMatchObject({ workBasedShare: null, delivery: null });
    expect(input?.learningOutcomes).toEqual(programme.learningOutcomes);
  });

  it('reads credits with a decimal comma', () => {
    const values = { ...programmeValues(programme), credits: '7,5', creditUnit: 'ects' as const };
    expect(programmeInput(values, false).input).toMatchObject({ credits: 7.5, creditUnit: 'ects' });
  });
});
