import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { challenges } from './challenges.ts';
import { users } from './users.ts';

/** One support per person per challenge; a merge moves supports to the surviving challenge. */
export const challengeSupports = pgTable(
  'challenge_supports',
  {
    challengeId: text('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.userId] }),
    index('challenge_supports_user_idx').on(t.userId),
  ],
);

export const challengeFollows = pgTable(
  'challenge_follows',
  {
    challengeId: text('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.userId] }),
    index('challenge_follows_user_idx').on(t.userId),
  ],
);

export const challengeComments = pgTable(
  'challenge_comments',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('challenge_comments_challenge_idx').on(t.challengeId, t.createdAt)],
);
