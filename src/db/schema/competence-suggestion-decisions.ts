import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/** Suggested competences a person rejected, so they are not suggested again. */
export const competenceSuggestionDecisions = pgTable(
  'competence_suggestion_decisions',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    conceptId: text('concept_id').notNull(),
    decision: text('decision').$type<'rejected'>().notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.conceptId] })],
);
