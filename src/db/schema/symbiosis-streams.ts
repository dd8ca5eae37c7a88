import { boolean, doublePrecision, index, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';
import { sites } from './sites.ts';

export type StreamDirection = 'offer' | 'need';
export type StreamAvailability = 'continuous' | 'batch' | 'seasonal';

/**
 * A material or energy stream an actor offers (a by-product, waste heat) or needs (an input).
 * `streamType` is a key of the stream-type list (sodium_sulphate, sulphuric_acid, waste_heat …);
 * quantity is per year in `unit`.
 */
export const symbiosisStreams = pgTable(
  'symbiosis_streams',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    direction: text('direction').$type<StreamDirection>().notNull(),
    streamType: text('stream_type').notNull(),
    label: jsonb('label').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    quantity: real('quantity'),
    unit: text('unit'),
    quality: text('quality'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    availability: text('availability').$type<StreamAvailability>().notNull().default('continuous'),
    availableFrom: text('available_from'),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('symbiosis_streams_type_idx').on(t.streamType, t.direction)],
);
