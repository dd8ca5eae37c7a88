import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every change to a concept, with the state before and after (admins edit the taxonomy). */
export const conceptHistory = pgTable(
  'concept_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conceptId: text('concept_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    action: text('action').$type<'create' | 'update' | 'delete' | 'import'>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [index('concept_history_concept_idx').on(t.conceptId, t.at)],
);
