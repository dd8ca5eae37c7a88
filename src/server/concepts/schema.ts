import { z } from 'zod';
import { CONCEPT_RELATION_KINDS } from '../../db/schema/concept-relations.ts';
import { LanguageSchema, LocalizedSchema } from '../common-schemas.ts';

export const LocalizedListSchema = z.object({
  fi: z.array(z.string()),
  sv: z.array(z.string()),
  en: z.array(z.string()),
});

export const ConceptSchema = z.object({
  id: z.string(),
  scheme: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int(),
  labels: LocalizedSchema,
  altLabels: LocalizedListSchema,
  notation: z
    .string()
    .nullable()
    .describe('A code within the scheme: EQF level, municipality number, ESCO code …'),
  uri: z.string().nullable().describe('A published identifier, e.g. an ESCO conceptUri'),
});
export type ConceptOut = z.infer<typeof ConceptSchema>;

export const ConceptQuerySchema = z.object({
  scheme: z.string().max(64).optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words searched in the labels and alternative labels in Finnish, Swedish and English'),
  lang: LanguageSchema.optional().describe('Ranks and sorts by the label in this language'),
  parent: z.string().max(100).optional().describe('Only the narrower concepts of this concept'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1000)
    .describe(
      'At most this many (big schemes such as ESCO skills: page with offset); the total is in X-Total-Count',
    ),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ConceptRefSchema = z.object({
  id: z.string(),
  scheme: z.string(),
  labels: LocalizedSchema,
  notation: z.string().nullable(),
  uri: z.string().nullable(),
});

export const ConceptRelationSchema = z.object({
  kind: z.enum(CONCEPT_RELATION_KINDS),
  concept: ConceptRefSchema,
});

export const ConceptDetailSchema = ConceptSchema.extend({
  schemeTitle: LocalizedSchema,
  description: LocalizedSchema,
  sources: z.array(z.string()),
  updatedAt: z.string(),
  parent: ConceptRefSchema.nullable(),
  children: z.array(ConceptRefSchema),
  relations: z.object({
    outgoing: z
      .array(ConceptRelationSchema)
      .describe('From this concept: essential/optional skills, exact match …'),
    incoming: z.array(ConceptRelationSchema).describe('To this concept from others'),
    outgoingTotal: z.number().int(),
    incomingTotal: z.number().int(),
  }),
  exactMatch: z.array(z.string()).describe('Published URIs of the same concept (ESCO)'),
  canEdit: z.boolean(),
});
export type ConceptDetail = z.infer<typeof ConceptDetailSchema>;

export const ConceptSchemeSchema = z.object({
  id: z.string(),
  title: LocalizedSchema,
  description: LocalizedSchema,
  uri: z.string().nullable(),
  source: z.string().nullable(),
  sortOrder: z.number().int(),
  conceptCount: z.number().int(),
});

export const ConceptHistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(['create', 'update', 'delete', 'import']),
  actor: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('Who made the change; shown to admins only'),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const SkosDocumentSchema = z
  .object({
    '@context': z.record(z.string(), z.string()),
    '@graph': z.array(z.record(z.string(), z.unknown())),
  })
  .describe('SKOS as JSON-LD: a skos:ConceptScheme and its skos:Concept nodes');
