/**
 * The service-provider directory and subcontracting chains: what an organisation offers
 * along the value chain (by category) and who supplies whom. Schemas validate the API.
 */
import { z } from 'zod';
import type { Localized } from '../i18n/localized.ts';
import { WebsiteSchema } from '../registry/organisation.ts';
import { hasSomeText, localizedPart } from './fields.ts';

export const SERVICE_CATEGORIES = [
  'maintenance',
  'engineering',
  'logistics',
  'laboratory_analysis',
  'recycling',
  'automation',
  'construction',
  'consulting',
  'equipment',
  'chemicals_supply',
  'waste_management',
  'training',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, Localized> = {
  maintenance: { fi: 'Kunnossapito', sv: 'Underhåll', en: 'Maintenance' },
  engineering: {
    fi: 'Suunnittelu ja insinööripalvelut',
    sv: 'Projektering och ingenjörstjänster',
    en: 'Engineering',
  },
  logistics: { fi: 'Logistiikka', sv: 'Logistik', en: 'Logistics' },
  laboratory_analysis: { fi: 'Laboratorioanalyysit', sv: 'Laboratorieanalyser', en: 'Laboratory analysis' },
  recycling: { fi: 'Kierrätys', sv: 'Återvinning', en: 'Recycling' },
  automation: { fi: 'Automaatio', sv: 'Automation', en: 'Automation' },
  construction: { fi: 'Rakentaminen', sv: 'Byggande', en: 'Construction' },
  consulting: { fi: 'Konsultointi', sv: 'Konsultering', en: 'Consulting' },
  equipment: { fi: 'Laitteet ja järjestelmät', sv: 'Utrustning och system', en: 'Equipment and systems' },
  chemicals_supply: { fi: 'Kemikaalitoimitukset', sv: 'Kemikalieleveranser', en: 'Chemicals supply' },
  waste_management: { fi: 'Jätehuolto', sv: 'Avfallshantering', en: 'Waste management' },
  training: { fi: 'Koulutus', sv: 'Utbildning', en: 'Training' },
};

const ConceptIdsSchema = z.array(z.string().min(1).max(100)).max(50);
const RegionIdsSchema = z.array(z.string().min(1).max(64)).max(20);

const serviceFields = {
  organisationId: z.string().min(1).max(100),
  category: z.enum(SERVICE_CATEGORIES),
  description: localizedPart(2000),
  conceptIds: ConceptIdsSchema.optional(),
  /** Where the service is offered; empty: wherever the organisation works. */
  regionIds: RegionIdsSchema.optional(),
  isPublic: z.boolean().optional(),
};

export const ServiceInputSchema = z.object(serviceFields).refine((v) => hasSomeText(v.description), {
  message: 'Describe the service in at least one language',
  path: ['description'],
});
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

/** A change; the service stays with its organisation. */
export const ServicePatchSchema = z
  .object(serviceFields)
  .omit({ organisationId: true })
  .partial()
  .refine((v) => v.description === undefined || hasSomeText(v.description), {
    message: 'Describe the service in at least one language',
    path: ['description'],
  });
export type ServicePatch = z.infer<typeof ServicePatchSchema>;

export const SupplyLinkInputSchema = z
  .object({
    supplierId: z.string().min(1).max(100),
    customerId: z.string().min(1).max(100),
    /** What is supplied: nickel matte, maintenance of the acid plant … */
    what: localizedPart(500),
    category: z.enum(SERVICE_CATEGORIES).nullable().optional(),
    conceptIds: ConceptIdsSchema.optional(),
    isPublic: z.boolean().optional(),
    sources: z.array(WebsiteSchema).max(20).optional(),
  })
  .refine((v) => hasSomeText(v.what), {
    message: 'Say what is supplied in at least one language',
    path: ['what'],
  })
  .refine((v) => v.supplierId !== v.customerId, {
    message: 'An organisation does not supply itself',
    path: ['customerId'],
  });
export type SupplyLinkInput = z.infer<typeof SupplyLinkInputSchema>;
