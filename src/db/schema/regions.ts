import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';

/** A network region: a set of municipalities, with administrative codes kept for statistics. */
export const regions = pgTable('regions', {
  id: text('id').primaryKey(),
  maakuntaCode: text('maakunta_code').notNull(),
  maakuntaName: jsonb('maakunta_name').$type<Localized>().notNull(),
  nuts3: text('nuts3').notNull(),
  name: jsonb('name').$type<Localized>().notNull(),
  specialisationStated: jsonb('specialisation_stated').$type<Localized>().notNull(),
  specialisationConceptIds: text('specialisation_concept_ids').array().notNull(),
  sources: jsonb('sources').$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull(),
});
