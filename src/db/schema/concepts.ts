import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('concepts_scheme_idx').on(t.scheme, t.sortOrder)],
);
