import { boolean, doublePrecision, index, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';

export type SiteStatus = 'operating' | 'developing' | 'planned';
export type PermitStatus = 'none' | 'zoned' | 'eia_done' | 'environmental_permit' | 'seveso_ready';

/** A utility a site offers: kind (electricity, steam, process_water …), capacity and price. */
export type SiteUtility = {
  kind: string;
  capacity: number | null;
  capacityUnit: string | null;
  price: number | null;
  priceUnit: string | null;
  note?: string;
};
export type SitePlot = { id: string; areaHa: number; zoning: string | null; available: boolean };
export type SiteContact = {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
};

/** An industrial park or site an investor can compare and be matched to. */
export const sites = pgTable(
  'sites',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    operatorOrganisationId: text('operator_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    municipality: text('municipality'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    status: text('status').$type<SiteStatus>().notNull().default('operating'),
    description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    totalAreaHa: real('total_area_ha'),
    availableAreaHa: real('available_area_ha'),
    plots: jsonb('plots').$type<SitePlot[]>().notNull().default([]),
    utilities: jsonb('utilities').$type<SiteUtility[]>().notNull().default([]),
    portName: text('port_name'),
    fairwayDepthM: real('fairway_depth_m'),
    portDistanceKm: real('port_distance_km'),
    /** null: not stated (shown as "not published", never as no). */
    rail: boolean('rail'),
    chemicalsHandling: boolean('chemicals_handling'),
    permitStatus: text('permit_status').$type<PermitStatus>(),
    permitNote: text('permit_note'),
    /** Months until a new plant could start building here, as the site states it. */
    readyInMonths: real('ready_in_months'),
    sharedServices: text('shared_services').array().notNull().default([]),
    tenants: text('tenants').array().notNull().default([]),
    tenantOrganisationIds: text('tenant_organisation_ids').array().notNull().default([]),
    contacts: jsonb('contacts').$type<SiteContact[]>().notNull().default([]),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sites_region_idx').on(t.regionId)],
);
