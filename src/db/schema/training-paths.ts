import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';
import { trainingProgrammes } from './training-programmes.ts';
import { users } from './users.ts';

export type PathAudience = 'students' | 'employees';
export type PathStatus = 'draft' | 'published';

/** A multi-level training path: modules (training_programmes) joined by prerequisites. */
export const trainingPaths = pgTable('training_paths', {
  id: text('id').primaryKey(),
  title: jsonb('title').$type<Localized>().notNull(),
  summary: jsonb('summary').$type<Localized>().notNull(),
  audience: text('audience').$type<PathAudience>().notNull().default('students'),
  status: text('status').$type<PathStatus>().notNull().default('draft'),
  regionIds: text('region_ids').array().notNull().default([]),
  ownerOrganisationId: text('owner_organisation_id').references(() => organisations.id, {
    onDelete: 'set null',
  }),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A module on a path and the modules of the same path it requires first. */
export const trainingPathSteps = pgTable(
  'training_path_steps',
  {
    pathId: text('path_id')
      .notNull()
      .references(() => trainingPaths.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    prerequisiteIds: text('prerequisite_ids').array().notNull().default([]),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.pathId, t.programmeId] }),
    index('training_path_steps_programme_idx').on(t.programmeId),
  ],
);

/** A teacher who wants a working-life period, with development goals (text and concepts). */
export const teachers = pgTable(
  'teachers',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    subjects: text('subjects').notNull().default(''),
    developmentGoals: text('development_goals').notNull().default(''),
    conceptIds: text('concept_ids').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teachers_organisation_idx').on(t.organisationId), index('teachers_user_idx').on(t.userId)],
);

/** A host company's offer of working-life periods for teachers. */
export const hostOffers = pgTable(
  'host_offers',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    title: jsonb('title').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull(),
    conceptIds: text('concept_ids').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    capacity: integer('capacity').notNull().default(1),
    durationWeeks: integer('duration_weeks'),
    availableFrom: date('available_from'),
    availableTo: date('available_to'),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('host_offers_organisation_idx').on(t.organisationId)],
);

export type PeriodStatus = 'planned' | 'ongoing' | 'completed' | 'cancelled';
/** The follow-up report after a working-life period. */
export type PeriodFollowUp = {
  goalsAchieved: string;
  outcomes: string;
  changesToTeaching: string;
  days: number | null;
  rating: number | null;
  submittedAt: string;
};

/** A teacher's working-life period at a host: plan (dates, goals, supervisor) and follow-up. */
export const workingLifePeriods = pgTable(
  'working_life_periods',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    offerId: text('offer_id').references(() => hostOffers.id, { onDelete: 'set null' }),
    hostOrganisationId: text('host_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status').$type<PeriodStatus>().notNull().default('planned'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    goals: text('goals').notNull().default(''),
    supervisorName: text('supervisor_name').notNull().default(''),
    supervisorEmail: text('supervisor_email'),
    followUp: jsonb('follow_up').$type<PeriodFollowUp>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('working_life_periods_teacher_idx').on(t.teacherId),
    index('working_life_periods_host_idx').on(t.hostOrganisationId),
  ],
);

/** Interest in a continuing-education offer from a member company's employees. */
export const enrolmentInterests = pgTable(
  'enrolment_interests',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email'),
    headcount: integer('headcount').notNull().default(1),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enrolment_interests_programme_idx').on(t.programmeId)],
);
