import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';

/** Laboratories, pilot plants and test environments an organisation offers. */
export const researchInfrastructure = pgTable(
  'research_infrastructure',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    conceptIds: text('concept_ids').array().notNull().default([]),
    url: text('url'),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_infrastructure_org_idx').on(t.organisationId)],
);
