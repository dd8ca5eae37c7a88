import { boolean, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { challenges } from './challenges.ts';
import { users } from './users.ts';

/** Criteria evaluators score challenges on; admins configure them. Scores run 0..maxScore. */
export const evaluationCriteria = pgTable('evaluation_criteria', {
  id: text('id').primaryKey(),
  label: jsonb('label').$type<Localized>().notNull(),
  description: jsonb('description').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
  weight: real('weight').notNull().default(1),
  maxScore: integer('max_score').notNull().default(5),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One evaluator's scores (criterion id → score) and private note for one challenge. */
export const challengeEvaluations = pgTable(
  'challenge_evaluations',
  {
    challengeId: text('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    evaluatorId: text('evaluator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.evaluatorId] })],
);
