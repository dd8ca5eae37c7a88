import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Localized, LocalizedList } from '../../domain/i18n/localized.ts';

/** A concept of a concept scheme (value chain, occupations, skills, education levels …). */
export const concepts = pgTable(
  'concepts',
  {
    id: text('id').primaryKey(),
    scheme: text('scheme').notNull(),
    parentId: text('parent_id'),
    level: integer('level').notNull(),
    labels: jsonb('labels').$type<Localized>().notNull(),
    altLabels: jsonb('alt_labels').$type<LocalizedList>().notNull().default({ fi: [], sv: [], en: [] }),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    /** A published identifier, e.g. an ESCO conceptUri (http://data.europa.eu/esco/…). */
    uri: text('uri'),
    /** A code within the scheme: ESCO/ISCO code, EQF level, municipality number … */
    notation: text('notation'),
    description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('concepts_scheme_idx').on(t.scheme, t.sortOrder),
    index('concepts_parent_idx').on(t.parentId),
    uniqueIndex('concepts_uri_idx').on(t.uri),
  ],
);
