import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../../domain/sites/services.ts';
import { LocalizedSchema } from '../common-schemas.ts';

export const ServiceListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  /** Offered in this region: named by the service, or the organisation's own region. */
  region: z.string().max(64).optional(),
  /** The value-chain concept or a narrower one. */
  concept: z.string().max(100).optional(),
});

export const ServiceSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationRegionId: z.string().nullable(),
  category: z.string(),
  description: LocalizedSchema,
  conceptIds: z.array(z.string()),
  regionIds: z.array(z.string()),
  isPublic: z.boolean(),
  canEdit: z.boolean(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const ServiceCategoriesSchema = z.array(z.object({ key: z.string(), label: LocalizedSchema }));

export const SupplyChainQuerySchema = z.object({
  /** Only the chain around this organisation: its suppliers and customers, three steps each way. */
  organisation: z.string().min(1).max(100).optional(),
  concept: z.string().max(100).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
});

export const SupplyLinkSchema = z.object({
  id: z.string(),
  supplierId: z.string(),
  customerId: z.string(),
  what: LocalizedSchema,
  category: z.string().nullable(),
  conceptIds: z.array(z.string()),
  isPublic: z.boolean(),
  sources: z.array(z.string()),
  canEdit: z.boolean(),
});

export const SupplyChainSchema = z.object({
  nodes: z.array(
    z.object({ id: z.string(), name: z.string(), regionId: z.string().nullable(), type: z.string() }),
  ),
  links: z.array(SupplyLinkSchema),
});
