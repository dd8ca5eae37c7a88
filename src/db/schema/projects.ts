import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Localized } from '../../domain/i18n/localized.ts';
import { code } from './code-column.ts';
import { organisations } from './organisations.ts';
import { regions } from './regions.ts';
import { users } from './users.ts';

export type ProjectStage =
  | 'idea'
  | 'concept_note'
  | 'consortium'
  | 'proposal'
  | 'submitted'
  | 'funded'
  | 'not_funded';

/** Which network target a project counts toward: joint national projects or Horizon Europe consortia. */
export type InstrumentTrack = 'national' | 'horizon_europe' | 'other_eu';
export type ActionType = 'RIA' | 'IA' | 'CSA';
export type PartnerRole = 'coordinator' | 'beneficiary' | 'affiliated_entity' | 'associated_partner';

/** A work package of a project's outline. */
export type WorkPackage = {
  code: string;
  title: string;
  leadPartnerId: string | null;
  startMonth: number | null;
  endMonth: number | null;
  conceptIds: string[];
};

/** A funding instrument (Business Finland, Research Council of Finland, ERDF/JTF, Horizon Europe RIA …). */
export const fundingInstruments = pgTable('funding_instruments', {
  id: text('id').primaryKey(),
  name: jsonb('name').$type<Localized>().notNull(),
  funder: text('funder').notNull(),
  track: text('track').$type<InstrumentTrack>().notNull(),
  actionType: text('action_type').$type<ActionType>(),
  url: text('url'),
  sources: jsonb('sources').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A call of an instrument: topic id, deadline, action type and budget. */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: text('id').primaryKey(),
    instrumentId: text('instrument_id')
      .notNull()
      .references(() => fundingInstruments.id, { onDelete: 'cascade' }),
    topicId: text('topic_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    deadline: timestamp('deadline', { withTimezone: true }),
    actionType: text('action_type').$type<ActionType>(),
    budgetEur: bigint('budget_eur', { mode: 'number' }),
    url: text('url'),
    conceptIds: text('concept_ids').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_calls_instrument_idx').on(t.instrumentId),
    index('funding_calls_deadline_idx').on(t.deadline),
  ],
);

/**
 * A project on the R&D pipeline. Ideas start from a common challenge (`sourceClusterId` and a
 * snapshot of its member challenges); then get an instrument and call, a consortium with a
 * budget sketch (project_partners) and a work-package outline, and move stage by stage.
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
    instrumentId: text('instrument_id').references(() => fundingInstruments.id, { onDelete: 'set null' }),
    callId: text('call_id').references(() => fundingCalls.id, { onDelete: 'set null' }),
    workPackages: jsonb('work_packages').$type<WorkPackage[]>().notNull().default([]),
    /** Money asked for when it differs from the budget sketch (e.g. a national project's own figure). */
    requestedEur: bigint('requested_eur', { mode: 'number' }),
    grantedEur: bigint('granted_eur', { mode: 'number' }),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Days-before-deadline thresholds already reminded for the current call (e.g. {30,7,1}). */
    deadlineRemindersSent: integer('deadline_reminders_sent').array().notNull().default([]),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_stage_idx').on(t.stage)],
);

/**
 * A partner in a project's consortium with its role and budget sketch. A partner is a registry
 * organisation, a CORDIS organisation or just a name and country. `legalEntityGroup` marks
 * partners under common control (not independent of each other); `affiliatedToPartnerId` ties an
 * affiliated entity to its beneficiary.
 */
export const projectPartners = pgTable(
  'project_partners',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    cordisOrganisationId: text('cordis_organisation_id'),
    name: text('name').notNull(),
    country: text('country').notNull(),
    role: text('role').$type<PartnerRole>().notNull(),
    affiliatedToPartnerId: text('affiliated_to_partner_id'),
    legalEntityGroup: text('legal_entity_group'),
    isNonProfit: boolean('is_non_profit').notNull().default(false),
    isSme: boolean('is_sme').notNull().default(false),
    regionId: text('region_id').references(() => regions.id, { onDelete: 'set null' }),
    personnelEur: bigint('personnel_eur', { mode: 'number' }).notNull().default(0),
    subcontractingEur: bigint('subcontracting_eur', { mode: 'number' }).notNull().default(0),
    otherEur: bigint('other_eur', { mode: 'number' }).notNull().default(0),
    conceptIds: text('concept_ids').array().notNull().default([]),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_partners_project_idx').on(t.projectId),
    index('project_partners_organisation_idx').on(t.organisationId),
  ],
);

export type CountryStatus = 'member_state' | 'associated';
export type AssociationScope = 'full' | 'pillar2' | 'full_except_eic_fund';

/** Horizon Europe Member States and Associated Countries, kept as data (admins edit it). */
export const programmeCountries = pgTable('programme_countries', {
  countryCode: text('country_code').primaryKey(),
  name: text('name').notNull(),
  status: text('status').$type<CountryStatus>().notNull(),
  scope: text('scope').$type<AssociationScope>().notNull().default('full'),
  fromDate: date('from_date'),
  toDate: date('to_date'),
  transitional: boolean('transitional').notNull().default(false),
  source: text('source').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A project of the CORDIS open data (project.csv / project.xlsx). */
export const cordisProjects = pgTable(
  'cordis_projects',
  {
    id: code('id').primaryKey(),
    acronym: text('acronym').notNull().default(''),
    title: text('title').notNull().default(''),
    status: text('status'),
    topics: text('topics').array().notNull().default([]),
    frameworkProgramme: text('framework_programme'),
    legalBasis: text('legal_basis'),
    masterCall: text('master_call'),
    subCall: text('sub_call'),
    fundingScheme: text('funding_scheme'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    ecMaxContribution: doublePrecision('ec_max_contribution'),
    totalCost: doublePrecision('total_cost'),
    objective: text('objective').notNull().default(''),
    keywords: text('keywords').notNull().default(''),
    /** Value-chain concepts the tagger finds in title, objective and keywords (set at import). */
    conceptIds: text('concept_ids').array().notNull().default([]),
    importId: text('import_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cordis_projects_fp_idx').on(t.frameworkProgramme)],
);

/** An organisation of the CORDIS open data, possibly linked to a registry organisation. */
export const cordisOrganisations = pgTable(
  'cordis_organisations',
  {
    id: code('id').primaryKey(),
    vatNumber: text('vat_number'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    sme: boolean('sme'),
    activityType: text('activity_type'),
    country: text('country'),
    city: text('city'),
    url: text('url'),
    registryOrganisationId: text('registry_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** How the link was made: business_id, vat, or name_confirmed (a person confirmed a name match). */
    linkMethod: text('link_method').$type<'business_id' | 'vat' | 'name_confirmed'>(),
    /** A registry organisation whose name matches, waiting for a person to confirm. */
    suggestedOrganisationId: text('suggested_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    importId: text('import_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cordis_organisations_country_idx').on(t.country),
    index('cordis_organisations_registry_idx').on(t.registryOrganisationId),
    index('cordis_organisations_vat_idx').on(t.vatNumber),
  ],
);

/** One organisation's participation in one CORDIS project (organization.csv rows). */
export const cordisParticipations = pgTable(
  'cordis_participations',
  {
    projectId: code('project_id').notNull(),
    organisationId: code('organisation_id')
      .notNull()
      .references(() => cordisOrganisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    ecContribution: doublePrecision('ec_contribution'),
    totalCost: doublePrecision('total_cost'),
    active: boolean('active'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId] }),
    index('cordis_participations_org_idx').on(t.organisationId),
  ],
);

/** Call topics of the CORDIS open data (topics.csv): code and title. */
export const cordisTopics = pgTable('cordis_topics', {
  code: text('code').primaryKey(),
  title: text('title').notNull().default(''),
});

/** euroSciVoc classification of CORDIS projects (euroSciVoc.csv). */
export const cordisProjectScivoc = pgTable(
  'cordis_project_scivoc',
  {
    projectId: code('project_id').notNull(),
    code: text('code').notNull(),
    path: text('path').notNull().default(''),
    title: text('title').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.code] })],
);
