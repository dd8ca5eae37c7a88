/**
 * Concept schemes shipped as data (`data/taxonomy/schemes/*.json`): their format and the
 * pure step that turns one file into the concepts and relations to store. The db layer reads
 * the files and writes the result (src/db/demo/load-schemes.ts).
 */
import { z } from 'zod';
import { LANGUAGES } from '../../i18n/localized.ts';
import {
  type ConceptRecord,
  type ConceptRelation,
  ConceptIdSchema,
  ESCO_CONCEPT_URI,
  computeLevels,
  normaliseAltLabels,
} from './concept-record.ts';

export const SCHEME_FILE_FORMAT = 'kenno-concept-scheme/v1';

const LocalizedSchema = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const LabelListsSchema = z.object({
  fi: z.array(z.string()).optional(),
  sv: z.array(z.string()).optional(),
  en: z.array(z.string()).optional(),
});

export const SchemeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Scheme ids are lower-case words joined by hyphens');

export const SchemeFileConceptSchema = z
  .object({
    id: ConceptIdSchema,
    parent: ConceptIdSchema.nullable(),
    notation: z.string().min(1).max(100).nullable().optional(),
    uri: z.string().url().nullable().optional(),
    labels: LocalizedSchema,
    altLabels: LabelListsSchema.optional(),
    description: LocalizedSchema.optional(),
    /** Extra broader concepts beyond the parent (a municipality in two network regions). */
    broader: z.array(ConceptIdSchema).optional(),
    /** Related concepts, in this or another scheme (a job role's value-chain stages). */
    related: z.array(ConceptIdSchema).optional(),
    /** The same concept in a published vocabulary (ESCO occupation URIs). */
    exactMatch: z.array(z.string().url()).optional(),
    sources: z.array(z.string().min(1)),
    /** Languages whose labels are editorial translations (provenance only). */
    editorial: z.array(z.enum(LANGUAGES)).optional(),
  })
  .strict();

export const SchemeFileSchema = z
  .object({
    schema: z.literal(SCHEME_FILE_FORMAT),
    scheme: z
      .object({
        id: SchemeIdSchema,
        title: LocalizedSchema,
        description: LocalizedSchema,
        uri: z.string().url().nullable(),
        source: z.string().min(1),
        sortOrder: z.number().int(),
      })
      .strict(),
    derivedFrom: z.string().optional(),
    notes: z.array(z.string()).optional(),
    concepts: z.array(SchemeFileConceptSchema),
  })
  .strict();

export type SchemeFile = z.infer<typeof SchemeFileSchema>;
export type SchemeFileConcept = z.infer<typeof SchemeFileConceptSchema>;

export type SchemeRecord = {
  id: string;
  title: SchemeFile['scheme']['title'];
  description: SchemeFile['scheme']['description'];
  uri: string | null;
  source: string;
  sortOrder: number;
};

export type SchemeLoadPlan = {
  scheme: SchemeRecord;
  concepts: ConceptRecord[];
  /** Relations within the file and to concepts of other schemes (checked by the loader). */
  relations: ConceptRelation[];
  /** Relation targets outside this file; they must already be in the database. */
  externalTargets: string[];
};

/**
 * Validates a scheme file and plans what to store: every id unique, every parent in the same
 * file, no cycles, levels from the tree, the file's order as sort order. A concept's
 * `exactMatch` URIs come first in its sources, so the match survives until the vocabulary it
 * points at (ESCO) is imported and an `exact-match` relation can be made.
 */
export function planSchemeLoad(file: SchemeFile): SchemeLoadPlan {
  const schemeId = file.scheme.id;
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const c of file.concepts) {
    if (ids.has(c.id)) problems.push(`duplicate concept id ${c.id}`);
    ids.add(c.id);
  }
  for (const c of file.concepts) {
    if (c.parent !== null && !ids.has(c.parent))
      problems.push(`${c.id}: parent ${c.parent} is not in the file`);
    for (const b of c.broader ?? [])
      if (!ids.has(b)) problems.push(`${c.id}: broader ${b} is not in the file`);
    for (const uri of c.exactMatch ?? [])
      if (!ESCO_CONCEPT_URI.test(uri)) problems.push(`${c.id}: exactMatch ${uri} is not an ESCO concept URI`);
    for (const lang of LANGUAGES)
      if (!c.labels[lang].trim()) problems.push(`${c.id}: the ${lang} label is empty`);
  }
  const parents = new Map(file.concepts.map((c) => [c.id, c.parent] as const));
  for (const c of file.concepts) {
    const seen = new Set<string>([c.id]);
    for (let p = c.parent; p !== null; p = parents.get(p) ?? null) {
      if (seen.has(p)) {
        problems.push(`${c.id}: its parents form a cycle`);
        break;
      }
      seen.add(p);
    }
  }
  if (problems.length)
    throw new Error(`Concept scheme ${schemeId} is not valid:\n  ${problems.join('\n  ')}`);

  const levels = computeLevels(parents);
  const concepts: ConceptRecord[] = file.concepts.map((c, i) => ({
    id: c.id,
    scheme: schemeId,
    parentId: c.parent,
    level: levels.get(c.id) ?? 1,
    labels: { fi: c.labels.fi.trim(), sv: c.labels.sv.trim(), en: c.labels.en.trim() },
    altLabels: {
      fi: normaliseAltLabels(c.altLabels?.fi ?? [], c.labels.fi),
      sv: normaliseAltLabels(c.altLabels?.sv ?? [], c.labels.sv),
      en: normaliseAltLabels(c.altLabels?.en ?? [], c.labels.en),
    },
    description: c.description ?? { fi: '', sv: '', en: '' },
    notation: c.notation ?? null,
    uri: c.uri ?? null,
    sources: [...new Set([...(c.exactMatch ?? []), ...c.sources])],
    sortOrder: i,
  }));
  const relations: ConceptRelation[] = [];
  const external = new Set<string>();
  for (const c of file.concepts) {
    for (const to of c.broader ?? []) relations.push({ fromId: c.id, toId: to, kind: 'broader' });
    for (const to of c.related ?? []) {
      relations.push({ fromId: c.id, toId: to, kind: 'related' });
      if (!ids.has(to)) external.add(to);
    }
  }
  return {
    scheme: {
      id: schemeId,
      title: file.scheme.title,
      description: file.scheme.description,
      uri: file.scheme.uri,
      source: file.scheme.source,
      sortOrder: file.scheme.sortOrder,
    },
    concepts,
    relations,
    externalTargets: [...external].sort(),
  };
}
