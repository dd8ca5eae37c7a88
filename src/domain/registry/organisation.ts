import { z } from 'zod';
import { checkBusinessId } from './business-id.ts';

import { COMPETENCE_STRENGTHS, ORGANISATION_TYPES } from './organisation-types.ts';

export { COMPETENCE_STRENGTHS, ORGANISATION_TYPES };
export type { CompetenceStrength, OrganisationType } from './organisation-types.ts';

const text = (max: number) => z.string().trim().max(max);

export const LocalizedTextSchema = z.object({ fi: text(5000), sv: text(5000), en: text(5000) });

export const BusinessIdSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const check = checkBusinessId(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    }
    return check.value;
  });

export const WebsiteSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'A website starts with http:// or https://');

/** The fields a person writes about an organisation; the same schema validates the API. */
export const OrganisationInputSchema = z.object({
  name: text(300).min(2),
  nameEn: text(300).nullable().optional(),
  type: z.enum(ORGANISATION_TYPES),
  regionId: z.string().max(64).nullable().optional(),
  municipality: text(120).nullable().optional(),
  website: WebsiteSchema.nullable().optional(),
  businessId: BusinessIdSchema.nullable().optional(),
  /** A small or medium-sized enterprise by the EU definition (Recommendation 2003/361/EC); null: not known. */
  sme: z.boolean().nullable().optional(),
  description: LocalizedTextSchema.partial().optional(),
  isPublic: z.boolean().optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const OrganisationPatchSchema = OrganisationInputSchema.partial();
export type OrganisationPatch = z.infer<typeof OrganisationPatchSchema>;

/** A stable id from the name, so re-created rows keep their address. */
export function slugifyOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
