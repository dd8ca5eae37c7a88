/**
 * The parts of an organisation profile beyond its own row: competences, research
 * infrastructure and contact persons. The same schemas validate the API and document it.
 */
import { z } from 'zod';
import type { Actor } from '../auth/roles.ts';
import { COMPETENCE_STRENGTHS, WebsiteSchema } from './organisation.ts';

const text = (max: number) => z.string().trim().max(max);

export const CompetenceInputSchema = z.object({
  strength: z.enum(COMPETENCE_STRENGTHS),
  /** Why the organisation has this competence: a project, a product, a publication … */
  evidence: text(1000).nullable().optional(),
});
export type CompetenceInput = z.infer<typeof CompetenceInputSchema>;

export const AcceptSuggestionSchema = z.object({ strength: z.enum(COMPETENCE_STRENGTHS) });

const LocalizedPartSchema = (max: number) =>
  z.object({ fi: text(max).optional(), sv: text(max).optional(), en: text(max).optional() });

const hasSomeText = (value: { fi?: string; sv?: string; en?: string } | undefined) =>
  Boolean(value && (value.fi || value.sv || value.en));

const ConceptIdsSchema = z.array(z.string().min(1).max(100)).max(50);

const infrastructureFields = {
  name: LocalizedPartSchema(300),
  description: LocalizedPartSchema(5000).optional(),
  conceptIds: ConceptIdsSchema.optional(),
  url: WebsiteSchema.nullable().optional(),
  isPublic: z.boolean().optional(),
};

/** A laboratory, pilot plant or test environment; named in at least one language. */
export const InfrastructureInputSchema = z
  .object(infrastructureFields)
  .refine((v) => hasSomeText(v.name), { message: 'Give a name in at least one language', path: ['name'] });
export type InfrastructureInput = z.infer<typeof InfrastructureInputSchema>;

export const InfrastructurePatchSchema = z
  .object({ ...infrastructureFields, name: LocalizedPartSchema(300).optional() })
  .refine((v) => v.name === undefined || hasSomeText(v.name), {
    message: 'Give a name in at least one language',
    path: ['name'],
  });
export type InfrastructurePatch = z.infer<typeof InfrastructurePatchSchema>;

const PhoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]{4,38}$/, 'A phone number has digits, spaces, (), - and an optional leading +');

const contactFields = {
  name: text(200).min(1),
  title: text(200).nullable().optional(),
  email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
  /** Shown to visitors only when the person agreed to it. */
  isPublic: z.boolean().optional(),
};

/** A contact person: minimal personal data (name, role, work e-mail and phone). */
export const ContactInputSchema = z.object(contactFields);
export type ContactInput = z.infer<typeof ContactInputSchema>;
export const ContactPatchSchema = z.object(contactFields).partial();
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

/**
 * Contacts and infrastructure not marked public are for the network: anyone signed in who may
 * read the organisation sees them; visitors see only what is marked public.
 */
export function canSeeNetworkOnlyDetails(actor: Actor): boolean {
  return actor.kind === 'user';
}

export function visibleDetails<T extends { isPublic: boolean }>(actor: Actor, items: T[]): T[] {
  return canSeeNetworkOnlyDetails(actor) ? items : items.filter((item) => item.isPublic);
}
