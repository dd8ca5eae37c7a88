import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/** Bumped by triggers (migration 0001) whenever a scope's tables change; read models poll it. */
export const dataVersions = pgTable('data_versions', {
  scope: text('scope').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
