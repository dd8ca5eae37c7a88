import { boolean, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';

export type TrainingLevel = 'vocational' | 'applied_sciences' | 'university' | 'continuing';
export type TrainingDelivery = 'on_site' | 'online' | 'blended';
/** A learning outcome of a module, linked to competences and skills (concept ids). */
export type LearningOutcome = { text: Localized; conceptIds: string[] };

/**
 * Training supply: a programme or module an institution runs, its level, region, yearly
 * intake and graduates, and the job roles and competences it prepares for.
 */
export const trainingProgrammes = pgTable(
  'training_programmes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'programme' | 'module'>().notNull().default('programme'),
    name: jsonb('name').$type<Localized>().notNull(),
    level: text('level').$type<TrainingLevel>().notNull(),
    eqfLevel: integer('eqf_level').notNull(),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    yearlyIntake: integer('yearly_intake'),
    yearlyGraduates: integer('yearly_graduates'),
    roleIds: text('role_ids').array().notNull().default([]),
    competenceIds: text('competence_ids').array().notNull().default([]),
    credits: real('credits'),
    creditUnit: text('credit_unit').$type<'osp' | 'ects'>(),
    language: text('language'),
    delivery: text('delivery').$type<TrainingDelivery>(),
    /** Share of work-based learning, 0–1; null = not stated. */
    workBasedShare: real('work_based_share'),
    learningOutcomes: jsonb('learning_outcomes').$type<LearningOutcome[]>().notNull().default([]),
    url: text('url'),
    isPublic: boolean('is_public').notNull().default(true),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_programmes_org_idx').on(t.organisationId),
    index('training_programmes_region_idx').on(t.regionId),
  ],
);
