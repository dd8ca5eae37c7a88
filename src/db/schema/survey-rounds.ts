import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';
import { users } from './users.ts';

export type SurveyRoundStatus = 'draft' | 'open' | 'closed';

/**
 * What a round asks: which job roles (battery job roles, ESCO occupations) and skills
 * employers choose from, which education levels, and which optional questions are on.
 */
export type SurveyInstrument = {
  roleIds: string[];
  skillIds: string[];
  eqfLevels: number[];
  askRecruitmentDifficulty: boolean;
  askFreeText: boolean;
};

/** A competence-needs survey round of employers, run by a coordinator for a region or the network. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: text('id').primaryKey(),
    title: jsonb('title').$type<Localized>().notNull(),
    intro: jsonb('intro').$type<Localized>().notNull().default({ fi: '', sv: '', en: '' }),
    /** null: the whole network. */
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    status: text('status').$type<SurveyRoundStatus>().notNull().default('draft'),
    instrument: jsonb('instrument').$type<SurveyInstrument>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_rounds_region_idx').on(t.regionId)],
);

/**
 * One invited employer respondent with a personal answer link. Only the token's hash is
 * stored; the link works until it expires or is revoked, and only for this respondent.
 */
export const surveyRespondents = pgTable(
  'survey_respondents',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email'),
    language: text('language').$type<'fi' | 'sv' | 'en'>().notNull().default('fi'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_respondents_token_idx').on(t.tokenHash),
    index('survey_respondents_round_idx').on(t.roundId),
  ],
);
