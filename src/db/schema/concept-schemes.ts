import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';

/** A concept scheme: value chain, ESCO occupations, ESCO skills, education levels, … */
export const conceptSchemes = pgTable('concept_schemes', {
  id: text('id').primaryKey(),
  title: jsonb('title').$type<Localized>().notNull(),
  description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
  uri: text('uri'),
  source: text('source'),
  sortOrder: integer('sort_order').notNull().default(0),
});
