import { z } from 'zod';
import { DEFAULT_EQF_FOR_LEVEL, TRAINING_LEVELS, type TrainingLevel } from './gap-definitions.ts';
import { localizedInput } from './survey.ts';

/**
 * Training supply: a programme or module an institution runs — the same schema for the form,
 * the API and the `training-supply` import.
 */

export const PROGRAMME_KINDS = ['programme', 'module'] as const;
export const CREDIT_UNITS = ['osp', 'ects'] as const;
export const DELIVERY_MODES = ['on_site', 'online', 'blended'] as const;

const Id = z.string().trim().min(1).max(200);
const Count = z.number().int().min(0).max(100_000);
const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'A web address starts with http:// or https://');
const unique = (list: string[]) => new Set(list).size === list.length;

const programmeFields = {
  kind: z.enum(PROGRAMME_KINDS),
  name: localizedInput(300, true),
  level: z.enum(TRAINING_LEVELS),
  eqfLevel: z.number().int().min(1).max(8),
  regionId: Id.nullable(),
  yearlyIntake: Count.nullable(),
  yearlyGraduates: Count.nullable(),
  roleIds: z.array(Id).max(100).refine(unique, 'A role is listed twice'),
  competenceIds: z.array(Id).max(200).refine(unique, 'A competence is listed twice'),
  credits: z.number().min(0).max(1000).nullable(),
  creditUnit: z.enum(CREDIT_UNITS).nullable(),
  language: z.string().trim().max(20).nullable(),
  url: HttpUrl.nullable(),
  isPublic: z.boolean(),
  sources: z.array(HttpUrl).max(20),
  delivery: z.enum(DELIVERY_MODES).nullable(),
  /** Share of work-based learning, 0–1. */
  workBasedShare: z.number().min(0).max(1).nullable(),
  learningOutcomes: z
    .array(
      z
        .object({
          text: localizedInput(1000, true),
          conceptIds: z.array(Id).max(50).refine(unique, 'A competence is listed twice').default([]),
        })
        .strict(),
    )
    .max(50),
};

export const ProgrammeInputSchema = z
  .object({
    organisationId: Id,
    kind: programmeFields.kind.default('programme'),
    name: programmeFields.name,
    level: programmeFields.level,
    eqfLevel: programmeFields.eqfLevel.optional(),
    regionId: programmeFields.regionId.optional(),
    yearlyIntake: programmeFields.yearlyIntake.optional(),
    yearlyGraduates: programmeFields.yearlyGraduates.optional(),
    roleIds: programmeFields.roleIds.default([]),
    competenceIds: programmeFields.competenceIds.default([]),
    credits: programmeFields.credits.optional(),
    creditUnit: programmeFields.creditUnit.optional(),
    language: programmeFields.language.optional(),
    url: programmeFields.url.optional(),
    isPublic: programmeFields.isPublic.default(true),
    sources: programmeFields.sources.default([]),
    delivery: programmeFields.delivery.optional(),
    workBasedShare: programmeFields.workBasedShare.optional(),
    learningOutcomes: programmeFields.learningOutcomes.default([]),
  })
  .strict();
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;

export const ProgrammePatchSchema = z
  .object({
    kind: programmeFields.kind.optional(),
    name: programmeFields.name.optional(),
    level: programmeFields.level.optional(),
    eqfLevel: programmeFields.eqfLevel.optional(),
    regionId: programmeFields.regionId.optional(),
    yearlyIntake: programmeFields.yearlyIntake.optional(),
    yearlyGraduates: programmeFields.yearlyGraduates.optional(),
    roleIds: programmeFields.roleIds.optional(),
    competenceIds: programmeFields.competenceIds.optional(),
    credits: programmeFields.credits.optional(),
    creditUnit: programmeFields.creditUnit.optional(),
    language: programmeFields.language.optional(),
    url: programmeFields.url.optional(),
    isPublic: programmeFields.isPublic.optional(),
    sources: programmeFields.sources.optional(),
    delivery: programmeFields.delivery.optional(),
    workBasedShare: programmeFields.workBasedShare.optional(),
    learningOutcomes: programmeFields.learningOutcomes.optional(),
  })
  .strict();
export type ProgrammePatch = z.infer<typeof ProgrammePatchSchema>;

/** The EQF level given, else the level's usual one; continuing education must say. */
export function resolveEqfLevel(level: TrainingLevel, eqfLevel: number | undefined): number | null {
  return eqfLevel ?? DEFAULT_EQF_FOR_LEVEL[level];
}

/** Credits are in osaamispisteet (vocational) or ECTS: a figure without its unit means nothing. */
export function creditsProblem(
  credits: number | null | undefined,
  unit: string | null | undefined,
): string | null {
  if ((credits ?? null) !== null && !unit) return 'Credits need a unit (osp or ects)';
  return null;
}

/** The slug of a name for ids: its Finnish (else English, else Swedish) text, ASCII, dashed. */
export function nameSlug(name: { fi: string; sv: string; en: string }): string {
  const text = name.fi || name.en || name.sv;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A stable id for a new programme: the institution and the name's slug. */
export function programmeId(organisationId: string, name: { fi: string; sv: string; en: string }): string {
  return `${organisationId}.${nameSlug(name) || 'programme'}`;
}
