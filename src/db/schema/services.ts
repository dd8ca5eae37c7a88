import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';

/**
 * A service an organisation of the registry offers along the value chain (maintenance,
 * engineering, logistics, laboratory analysis, recycling …), and where it serves.
 */
export const serviceOfferings = pgTable(
  'service_offerings',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    conceptIds: text('concept_ids').array().notNull().default([]),
    regionIds: text('region_ids').array().notNull().default([]),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_offerings_org_idx').on(t.organisationId),
    index('service_offerings_category_idx').on(t.category),
  ],
);

/** Who supplies whom: one edge of a subcontracting chain. */
export const supplyLinks = pgTable(
  'supply_links',
  {
    id: text('id').primaryKey(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    customerId: text('customer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    what: jsonb('what').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    category: text('category'),
    conceptIds: text('concept_ids').array().notNull().default([]),
    isPublic: boolean('is_public').notNull().default(true),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supply_links_supplier_idx').on(t.supplierId),
    index('supply_links_customer_idx').on(t.customerId),
  ],
);
