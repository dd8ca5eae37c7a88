import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { regions } from './regions.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    type: text('type').notNull(),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    maakuntaCode: text('maakunta_code'),
    municipality: text('municipality'),
    businessId: text('business_id'),
    website: text('website'),
    /** A small or medium-sized enterprise (EU definition); null when nobody has said. */
    sme: boolean('sme'),
    description: jsonb('description').$type<Localized>().notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_region_idx').on(t.regionId),
    index('organisations_type_idx').on(t.type),
    index('organisations_name_idx').on(t.name),
  ],
);
