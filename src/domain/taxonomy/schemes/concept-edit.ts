/**
 * What an admin may send to create or change a concept, and the pure rules that turn it into
 * a new ConceptRecord. The route validates with these schemas (they also document the API);
 * the db layer checks what needs the database (parent exists, id free) and stores the result.
 */
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { LANGUAGES, type Language, type Localized, type LocalizedList } from '../../i18n/localized.ts';
import { type ConceptRecord, ConceptIdSchema, normaliseAltLabels } from './concept-record.ts';
import { SchemeIdSchema } from './scheme-file.ts';

const LabelSchema = z.string().trim().max(300);
const AltLabelsSchema = z.array(z.string().trim().min(1).max(300)).max(100);
const DescriptionSchema = z.string().trim().max(5000);

const PartialLabelsSchema = z
  .object({ fi: LabelSchema, sv: LabelSchema, en: LabelSchema })
  .partial()
  .strict();
const PartialAltLabelsSchema = z
  .object({ fi: AltLabelsSchema, sv: AltLabelsSchema, en: AltLabelsSchema })
  .partial()
  .strict();
const PartialDescriptionSchema = z
  .object({ fi: DescriptionSchema, sv: DescriptionSchema, en: DescriptionSchema })
  .partial()
  .strict();

export const ConceptPatchSchema = z
  .object({
    labels: PartialLabelsSchema.optional(),
    altLabels: PartialAltLabelsSchema.optional(),
    description: PartialDescriptionSchema.optional(),
    parentId: ConceptIdSchema.nullable().optional(),
    notation: z.string().trim().min(1).max(100).nullable().optional(),
    uri: z.string().trim().url().max(500).nullable().optional(),
  })
  .strict();
export type ConceptPatch = z.infer<typeof ConceptPatchSchema>;

export const ConceptCreateSchema = z
  .object({
    scheme: SchemeIdSchema,
    /** Optional: derived from the scheme and the label when left out. */
    id: ConceptIdSchema.optional(),
    parentId: ConceptIdSchema.nullable().optional(),
    labels: PartialLabelsSchema,
    altLabels: PartialAltLabelsSchema.optional(),
    description: PartialDescriptionSchema.optional(),
    notation: z.string().trim().min(1).max(100).nullable().optional(),
    uri: z.string().trim().url().max(500).nullable().optional(),
  })
  .strict();
export type ConceptCreate = z.infer<typeof ConceptCreateSchema>;

function mergeLocalized(current: Localized, patch: Partial<Localized> | undefined): Localized {
  return {
    fi: patch?.fi ?? current.fi,
    sv: patch?.sv ?? current.sv,
    en: patch?.en ?? current.en,
  };
}

function mergeAltLabels(
  current: LocalizedList,
  patch: Partial<LocalizedList> | undefined,
  labels: Localized,
): LocalizedList {
  const out = {} as LocalizedList;
  for (const lang of LANGUAGES) out[lang] = normaliseAltLabels(patch?.[lang] ?? current[lang], labels[lang]);
  return out;
}

/** A concept must keep a label in at least one language. */
function checkLabels(labels: Localized): void {
  if (LANGUAGES.every((lang) => !labels[lang])) {
    throw new AppError(
      'validation_failed',
      'A concept needs a label in at least one language',
      LANGUAGES.map((lang) => ({ path: ['labels', lang], message: 'Give a label in at least one language' })),
    );
  }
}

/** The concept after the patch: labels merged per language, alt labels normalised. */
export function applyConceptPatch(current: ConceptRecord, patch: ConceptPatch): ConceptRecord {
  const labels = mergeLocalized(current.labels, patch.labels);
  checkLabels(labels);
  return {
    ...current,
    labels,
    altLabels: mergeAltLabels(current.altLabels, patch.altLabels, labels),
    description: mergeLocalized(current.description, patch.description),
    parentId: patch.parentId === undefined ? current.parentId : patch.parentId,
    notation: patch.notation === undefined ? current.notation : patch.notation,
    uri: patch.uri === undefined ? current.uri : patch.uri,
  };
}

/** A new concept from the create input; `level` and `sortOrder` are set by the db layer. */
export function buildNewConcept(input: ConceptCreate, id: string): ConceptRecord {
  const empty: ConceptRecord = {
    id,
    scheme: input.scheme,
    parentId: null,
    level: 1,
    labels: { fi: '', sv: '', en: '' },
    altLabels: { fi: [], sv: [], en: [] },
    description: { fi: '', sv: '', en: '' },
    notation: null,
    uri: null,
    sources: ['Added in Kenno'],
    sortOrder: 0,
  };
  return applyConceptPatch(empty, {
    labels: input.labels,
    altLabels: input.altLabels,
    description: input.description,
    parentId: input.parentId ?? null,
    notation: input.notation ?? null,
    uri: input.uri ?? null,
  });
}

/** `edu` + "Ammatillinen perustutkinto" → `edu.ammatillinen-perustutkinto`. */
export function proposeConceptId(
  prefix: string,
  labels: Partial<Localized>,
  prefer: Language = 'en',
): string {
  const label = labels[prefer] || labels.fi || labels.sv || labels.en || 'concept';
  const slug = label
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  // Ids stay within 100 characters, with room for a "-2" suffix when the id is taken.
  return `${prefix}.${slug || 'concept'}`.slice(0, 95).replace(/[-.]+$/, '');
}
