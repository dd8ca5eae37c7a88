import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export type ProjectStage =
  | 'idea'
  | 'concept_note'
  | 'consortium'
  | 'proposal'
  | 'submitted'
  | 'funded'
  | 'not_funded';

/**
 * A project on the R&D pipeline. Ideas start from a common challenge (`sourceClusterId` and a
 * snapshot of its member challenges); the projects issue adds instruments, calls and consortia.
 */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    stage: text('stage').$type<ProjectStage>().notNull().default('idea'),
    sourceClusterId: text('source_cluster_id'),
    challengeIds: text('challenge_ids').array().notNull().default([]),
    regionIds: text('region_ids').array().notNull().default([]),
    conceptIds: text('concept_ids').array().notNull().default([]),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_stage_idx').on(t.stage)],
);
