import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { imports } from './imports.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';
import { surveyRespondents, surveyRounds } from './survey-rounds.ts';

/**
 * One need an employer stated: a job role at an education level in a region, with the
 * headcount needed now, in 1–3 years and in 3–5 years. Answered through a personal link
 * (`respondentId`) or imported from a survey tool's export (`importId`).
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    respondentId: text('respondent_id').references(() => surveyRespondents.id, { onDelete: 'cascade' }),
    importId: text('import_id').references(() => imports.id, { onDelete: 'set null' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    roleId: text('role_id').notNull(),
    skillIds: text('skill_ids').array().notNull().default([]),
    eqfLevel: integer('eqf_level').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    headcountNow: integer('headcount_now').notNull().default(0),
    headcount1to3: integer('headcount_1_to_3').notNull().default(0),
    headcount3to5: integer('headcount_3_to_5').notNull().default(0),
    /** 1 (easy) … 5 (very hard); null when not asked. */
    recruitmentDifficulty: integer('recruitment_difficulty'),
    freeText: text('free_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_answers_round_idx').on(t.roundId),
    index('survey_answers_respondent_idx').on(t.respondentId),
    index('survey_answers_cell_idx').on(t.roleId, t.eqfLevel, t.regionId),
  ],
);
