import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';
import { users } from './users.ts';

export type ChallengeLanguage = 'fi' | 'sv' | 'en';
export type ChallengeStatus = 'new' | 'validated' | 'common' | 'in_project' | 'merged' | 'rejected';
export type ChallengeHorizon = 'short' | 'medium' | 'long';

/**
 * A research or industry challenge, written in one language by a person of an organisation.
 * `conceptIds` is what a person confirmed (starting from the tagger's `suggestedConceptIds`).
 * A merged challenge keeps its row (status `merged`, `mergedIntoId`) so its address redirects.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').$type<ChallengeLanguage>().notNull(),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    conceptIds: text('concept_ids').array().notNull().default([]),
    suggestedConceptIds: text('suggested_concept_ids').array().notNull().default([]),
    trlNow: integer('trl_now'),
    trlWanted: integer('trl_wanted'),
    horizon: text('horizon').$type<ChallengeHorizon>(),
    isPublic: boolean('is_public').notNull().default(true),
    status: text('status').$type<ChallengeStatus>().notNull().default('new'),
    mergedIntoId: text('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('challenges_region_idx').on(t.regionId),
    index('challenges_organisation_idx').on(t.organisationId),
    index('challenges_status_idx').on(t.status),
    index('challenges_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

/** What happened to a challenge, in order: created, edited, status changed, merged in or out. */
export const challengeHistory = pgTable(
  'challenge_history',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    event: text('event').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('challenge_history_challenge_idx').on(t.challengeId, t.at)],
);
