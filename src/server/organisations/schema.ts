import { z } from 'zod';
import { COMPETENCE_STRENGTHS, ORGANISATION_TYPES } from '../../domain/registry/organisation.ts';
import { LocalizedSchema } from '../common-schemas.ts';

export const OrganisationListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  region: z.string().max(64).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  concept: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
  regionId: z.string().nullable(),
  municipality: z.string().nullable(),
  website: z.string().nullable(),
  isPublic: z.boolean(),
  conceptIds: z.array(z.string()),
});

export const CompetenceParamsSchema = z.object({
  id: z.string().min(1).max(100),
  conceptId: z.string().min(1).max(100),
});
export const ItemParamsSchema = z.object({
  id: z.string().min(1).max(100),
  itemId: z.string().min(1).max(100),
});

export const CompetenceSchema = z.object({
  conceptId: z.string(),
  strength: z.enum(COMPETENCE_STRENGTHS),
  evidence: z.string().nullable(),
  /** How it got here: typed by a person, an accepted suggestion, an import, the reference data. */
  source: z.enum(['manual', 'suggestion', 'import', 'reference']),
});

export const SuggestionSchema = z.object({
  conceptId: z.string(),
  label: LocalizedSchema,
  score: z.number(),
  /** The words of the descriptions that matched, as written. */
  evidence: z.array(z.string()),
});

export const InfrastructureSchema = z.object({
  id: z.string(),
  name: LocalizedSchema,
  description: LocalizedSchema,
  conceptIds: z.array(z.string()),
  url: z.string().nullable(),
  isPublic: z.boolean(),
  updatedAt: z.string(),
});

export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isPublic: z.boolean(),
  updatedAt: z.string(),
});

export const OrganisationSchema = OrganisationSummarySchema.extend({
  businessId: z.string().nullable(),
  /** A small or medium-sized enterprise (EU definition); null: not known. */
  sme: z.boolean().nullable(),
  description: LocalizedSchema,
  competences: z.array(CompetenceSchema),
  /** Research infrastructure; visitors see only what is marked public. */
  infrastructure: z.array(InfrastructureSchema),
  /** Contact persons; visitors see only those marked public. */
  contacts: z.array(ContactSchema),
  sources: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationPageSchema = z.object({
  items: z.array(OrganisationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
