import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { CompetenceStrength } from '../../domain/registry/organisation.ts';
import { concepts } from './concepts.ts';
import { organisations } from './organisations.ts';

export const organisationCompetences = pgTable(
  'organisation_competences',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    conceptId: text('concept_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    strength: text('strength').$type<CompetenceStrength>().notNull(),
    evidence: text('evidence'),
    /** How the competence got here: typed by a person, a confirmed suggestion, an import, the reference data. */
    source: text('source')
      .$type<'manual' | 'suggestion' | 'import' | 'reference'>()
      .notNull()
      .default('manual'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.conceptId] }),
    index('organisation_competences_concept_idx').on(t.conceptId),
  ],
);
