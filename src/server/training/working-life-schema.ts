import { z } from 'zod';
import { Day, PERIOD_STATUSES } from '../../domain/training/working-life.ts';
import { LocalizedSchema } from '../common-schemas.ts';

/** Response and query schemas of the working-life and continuing-education routes (OpenAPI too). */

export const TeacherSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  regionId: z.string().nullable().describe("The teacher's region, else the organisation's"),
  subjects: z.string(),
  developmentGoals: z.string(),
  conceptIds: z.array(z.string()),
  languages: z.array(z.string()),
  isMine: z.boolean().describe("The signed-in person's own profile"),
  illustrative: z.boolean().describe('A demo profile: an invented person, not a real one'),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const OfferSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  regionId: z.string().nullable(),
  title: LocalizedSchema,
  description: LocalizedSchema,
  conceptIds: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.number().int(),
  durationWeeks: z.number().int().nullable(),
  availableFrom: z.string().nullable(),
  availableTo: z.string().nullable(),
  isActive: z.boolean(),
  canEdit: z.boolean(),
});

export const OfferListQuerySchema = z.object({
  region: z.string().max(64).optional(),
  organisation: z.string().max(100).optional(),
  concept: z.string().max(200).optional(),
});

const Reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const MatchQuerySchema = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    includeExcluded: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const MatchListSchema = z.object({
  teacherId: z.string(),
  items: z.array(
    z.object({
      offer: OfferSchema,
      score: z.number().int().describe('0–100: 60 % competence, 25 % region, 15 % language'),
      eligible: z.boolean(),
      reasons: z.array(Reason).describe('Why it fits: codes with params'),
      unmet: z.array(Reason).describe('What it misses'),
    }),
  ),
});

export const FollowUpSchema = z.object({
  goalsAchieved: z.string(),
  outcomes: z.string(),
  changesToTeaching: z.string(),
  days: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  submittedAt: z.string(),
});

export const PeriodSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  teacherOrganisationId: z.string(),
  teacherOrganisationName: z.string(),
  teacherRegionId: z.string().nullable(),
  offerId: z.string().nullable(),
  offerTitle: LocalizedSchema.nullable(),
  hostOrganisationId: z.string(),
  hostOrganisationName: z.string(),
  hostRegionId: z.string().nullable(),
  status: z.enum(PERIOD_STATUSES).describe('As stored'),
  currentStatus: z
    .enum(PERIOD_STATUSES)
    .describe('Today: a planned period whose start date has come is ongoing'),
  startDate: z.string(),
  endDate: z.string(),
  goals: z.string(),
  supervisorName: z.string(),
  supervisorEmail: z.string().nullable(),
  followUp: FollowUpSchema.nullable(),
  followUpOpen: z.boolean().describe('The follow-up report can be written now'),
  canPlan: z.boolean(),
  canSetSupervisor: z.boolean(),
  canWriteFollowUp: z.boolean(),
});

export const PeriodListQuerySchema = z.object({
  teacher: z.string().max(100).optional(),
  status: z.enum(PERIOD_STATUSES).optional(),
});

export const SummarySchema = z.object({
  periods: z.number().int(),
  byStatus: z.object({
    planned: z.number().int(),
    ongoing: z.number().int(),
    completed: z.number().int(),
    cancelled: z.number().int(),
  }),
  byRegion: z.array(z.object({ regionId: z.string().nullable(), periods: z.number().int() })),
  byHost: z
    .array(z.object({ organisationId: z.string(), name: z.string(), periods: z.number().int() }))
    .describe('Public host organisations; the others are counted in otherHosts'),
  otherHosts: z.number().int(),
  teachers: z.number().int(),
  activeOffers: z.number().int(),
  followUps: z.number().int(),
  followUpDays: z.number().int().describe('Days at hosts reported in follow-ups'),
});

export const ContinuingListQuerySchema = z.object({
  region: z.string().max(64).optional(),
  organisation: z.string().max(100).optional(),
  language: z.string().max(20).optional(),
  delivery: z.enum(['on_site', 'online', 'blended']).optional(),
  q: z.string().max(200).optional(),
});

export const ContinuingOfferSchema = z.object({
  id: z.string(),
  name: LocalizedSchema,
  organisationId: z.string(),
  organisationName: z.string(),
  regionId: z.string().nullable(),
  eqfLevel: z.number().int(),
  credits: z.number().nullable(),
  creditUnit: z.string().nullable(),
  language: z.string().nullable(),
  delivery: z.string().nullable(),
  workBasedShare: z.number().nullable(),
  competenceIds: z.array(z.string()),
  url: z.string().nullable(),
  interest: z
    .object({ headcount: z.number().int(), organisations: z.number().int() })
    .nullable()
    .describe('Interest so far: only for the provider, the region’s coordinator and admins'),
});

export const ProgrammeIdParamsSchema = z.object({ programmeId: z.string().min(1).max(200) });

export const InterestSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: LocalizedSchema,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  headcount: z.number().int(),
  message: z.string(),
  createdAt: z.string(),
});
