// The programme form's values as typed, and the API's input from them (or the fields to fix).
import type { Localised } from '../../api.ts';
import { parseDecimal } from '../sites/decimal.ts';
import type { CreditUnit, Programme, ProgrammeInput, ProgrammeKind, TrainingLevel } from './skills-api.ts';

export interface ProgrammeValues {
  organisationId: string;
  kind: ProgrammeKind;
  name: Localised;
  level: TrainingLevel;
  eqfLevel: string;
  /** '' on a new programme: the institution's own region. */
  regionId: string;
  yearlyIntake: string;
  yearlyGraduates: string;
  roleIds: string[];
  competenceIds: string[];
  credits: string;
  creditUnit: '' | CreditUnit;
  language: string;
  url: string;
  isPublic: boolean;
  delivery: '' | 'on_site' | 'online' | 'blended';
  /** Work-based share in whole per cent, '' when not stated. */
  workBasedShare: string;
  learningOutcomes: { text: Localised; conceptIds: string[] }[];
}

/** The usual EQF level of each kind of training (continuing education must say). */
export const USUAL_EQF: Record<TrainingLevel, string> = {
  vocational: '4',
  applied_sciences: '6',
  university: '7',
  continuing: '',
};

export function emptyProgramme(organisationId: string): ProgrammeValues {
  return {
    organisationId,
    kind: 'programme',
    name: { fi: '', sv: '', en: '' },
    level: 'vocational',
    eqfLevel: USUAL_EQF.vocational,
    regionId: '',
    yearlyIntake: '',
    yearlyGraduates: '',
    roleIds: [],
    competenceIds: [],
    credits: '',
    creditUnit: '',
    language: '',
    url: '',
    isPublic: true,
    delivery: '',
    workBasedShare: '',
    learningOutcomes: [],
  };
}

const text = (value: number | string | null) => (value === null ? '' : String(value));

export function programmeValues(p: Programme): ProgrammeValues {
  return {
    organisationId: p.organisationId,
    kind: p.kind,
    name: { ...p.name },
    level: p.level,
    eqfLevel: String(p.eqfLevel),
    regionId: p.regionId ?? '',
    yearlyIntake: text(p.yearlyIntake),
    yearlyGraduates: text(p.yearlyGraduates),
    roleIds: [...p.roleIds],
    competenceIds: [...p.competenceIds],
    credits: text(p.credits),
    creditUnit: p.creditUnit ?? '',
    language: p.language ?? '',
    url: p.url ?? '',
    isPublic: p.isPublic,
    delivery: p.delivery ?? '',
    workBasedShare:
      p.workBasedShare === null || p.workBasedShare === undefined
        ? ''
        : String(Math.round(p.workBasedShare * 100)),
    learningOutcomes: (p.learningOutcomes ?? []).map((o) => ({
      text: { ...o.text },
      conceptIds: [...o.conceptIds],
    })),
  };
}

export type ProgrammeField =
  | 'organisationId'
  | 'name'
  | 'eqfLevel'
  | 'yearlyIntake'
  | 'yearlyGraduates'
  | 'credits'
  | 'creditUnit'
  | 'url';

function count(value: string): number | null | 'invalid' {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^\d+$/.test(compact) && Number(compact) <= 100_000 ? Number(compact) : 'invalid';
}

/**
 * The input for POST (all fields) from the form, or the fields that are not valid yet. An empty
 * region on a new programme is left out, so the server takes the institution's region.
 */
export function programmeInput(
  values: ProgrammeValues,
  isNew: boolean,
): { input: ProgrammeInput | null; problems: ProgrammeField[] } {
  const problems: ProgrammeField[] = [];
  if (!values.organisationId) problems.push('organisationId');
  if (!values.name.fi.trim() && !values.name.sv.trim() && !values.name.en.trim()) problems.push('name');
  const eqf = Number(values.eqfLevel);
  if (!(Number.isInteger(eqf) && eqf >= 1 && eqf <= 8)) problems.push('eqfLevel');
  const intake = count(values.yearlyIntake);
  if (intake === 'invalid') problems.push('yearlyIntake');
  const graduates = count(values.yearlyGraduates);
  if (graduates === 'invalid') problems.push('yearlyGraduates');
  const credits = parseDecimal(values.credits);
  if (credits === 'invalid' || (credits !== null && credits > 1000)) problems.push('credits');
  else if (credits !== null && !values.creditUnit) problems.push('creditUnit');
  const url = values.url.trim();
  if (url && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url)) problems.push('url');
  if (problems.length) return { input: null, problems };
  const input: ProgrammeInput = {
    organisationId: values.organisationId,
    kind: values.kind,
    name: { fi: values.name.fi.trim(), sv: values.name.sv.trim(), en: values.name.en.trim() },
    level: values.level,
    eqfLevel: eqf,
    regionId: values.regionId || null,
    yearlyIntake: intake as number | null,
    yearlyGraduates: graduates as number | null,
    roleIds: values.roleIds,
    competenceIds: values.competenceIds,
    credits: credits as number | null,
    creditUnit: credits === null ? null : values.creditUnit || null,
    language: values.language.trim() || null,
    url: url || null,
    isPublic: values.isPublic,
    delivery: values.delivery || null,
    workBasedShare: values.workBasedShare === '' ? null : Number(values.workBasedShare) / 100,
    // Outcomes without any text are left out.
    learningOutcomes: values.learningOutcomes
      .map((o) => ({
        text: { fi: o.text.fi.trim(), sv: o.text.sv.trim(), en: o.text.en.trim() },
        conceptIds: o.conceptIds,
      }))
      .filter((o) => o.text.fi || o.text.sv || o.text.en),
  };
  if (isNew && !values.regionId) delete (input as Partial<ProgrammeInput>).regionId;
  return { input, problems };
}
