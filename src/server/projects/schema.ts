import { z } from 'zod';
import { PROJECT_STAGES } from '../../domain/projects/pipeline.ts';
import { ChallengeSummarySchema } from '../challenges/schema.ts';
import { LanguageSchema, LocalizedSchema } from '../common-schemas.ts';

const id = z.string().min(1).max(100);
const euros = z.number().int().min(0).max(100_000_000_000);
const ACTION_TYPES = ['RIA', 'IA', 'CSA'] as const;
const TRACKS = ['national', 'horizon_europe', 'other_eu'] as const;
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'An http(s) address');

// ── Instruments and calls ────────────────────────────────────────────────────────────────

export const InstrumentSchema = z.object({
  id: z.string(),
  name: LocalizedSchema,
  funder: z.string(),
  track: z.enum(TRACKS),
  actionType: z.enum(ACTION_TYPES).nullable(),
  url: z.string().nullable(),
  sources: z.array(z.string()),
});

export const CallSchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  topicId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  deadline: z.string().nullable(),
  actionType: z.enum(ACTION_TYPES).nullable(),
  budgetEur: z.number().nullable(),
  url: z.string().nullable(),
  conceptIds: z.array(z.string()),
  /** How many projects aim at this call. */
  projectCount: z.number().int(),
});

export const CallListQuerySchema = z.object({
  instrumentId: id.optional(),
  /** true: only calls whose deadline is still ahead. */
  upcoming: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const callFields = {
  instrumentId: id,
  topicId: z.string().trim().min(1).max(120).nullable(),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(10_000),
  deadline: z.iso.datetime({ offset: true }).nullable(),
  actionType: z.enum(ACTION_TYPES).nullable(),
  budgetEur: euros.nullable(),
  url: httpUrl.nullable(),
  conceptIds: z
    .array(id)
    .max(50)
    .transform((ids) => [...new Set(ids)]),
};

export const CallInputSchema = z.object({
  ...callFields,
  topicId: callFields.topicId.default(null),
  description: callFields.description.default(''),
  deadline: callFields.deadline.default(null),
  actionType: callFields.actionType.default(null),
  budgetEur: callFields.budgetEur.default(null),
  url: callFields.url.default(null),
  conceptIds: callFields.conceptIds.default([]),
});

export const CallPatchSchema = z
  .object(callFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');

// ── Projects ─────────────────────────────────────────────────────────────────────────────

export const ProjectInputSchema = z.object({
  title: z.string().trim().min(3).max(300),
  summary: z.string().trim().max(10_000).default(''),
  sourceClusterId: z.string().min(1).max(120).nullable().default(null),
  challengeIds: z
    .array(id)
    .min(1)
    .max(100)
    .transform((ids) => [...new Set(ids)]),
});

export const ProjectListQuerySchema = z.object({
  stage: z.enum(PROJECT_STAGES).optional(),
  track: z.enum(TRACKS).optional(),
  instrumentId: id.optional(),
  callId: id.optional(),
  regionId: id.optional(),
  q: z.string().trim().max(200).optional(),
});

export const WorkPackageSchema = z.object({
  code: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(300),
  leadPartnerId: id.nullable().default(null),
  startMonth: z.number().int().min(1).max(120).nullable().default(null),
  endMonth: z.number().int().min(1).max(120).nullable().default(null),
  conceptIds: z.array(id).max(30).default([]),
});

export const ProjectPatchSchema = z
  .object({
    title: z.string().trim().min(3).max(300),
    summary: z.string().trim().max(10_000),
    instrumentId: id.nullable(),
    callId: id.nullable(),
    requestedEur: euros.nullable(),
    grantedEur: euros.nullable(),
    workPackages: z
      .array(WorkPackageSchema)
      .max(30)
      .superRefine((wps, ctx) => {
        const seen = new Set<string>();
        wps.forEach((wp, i) => {
          if (seen.has(wp.code))
            ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'Work package codes must differ' });
          seen.add(wp.code);
          if (wp.startMonth !== null && wp.endMonth !== null && wp.endMonth < wp.startMonth)
            ctx.addIssue({ code: 'custom', path: [i, 'endMonth'], message: 'Ends before it starts' });
        });
      }),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');

export const StageInputSchema = z.object({
  stage: z.enum(PROJECT_STAGES),
  /** Required when moving to funded unless already recorded. */
  grantedEur: euros.optional(),
});

const InstrumentRefSchema = z.object({
  id: z.string(),
  name: LocalizedSchema,
  track: z.enum(TRACKS),
  actionType: z.enum(ACTION_TYPES).nullable(),
});
const CallRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  topicId: z.string().nullable(),
  deadline: z.string().nullable(),
  actionType: z.enum(ACTION_TYPES).nullable(),
});

export const ProjectSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  stage: z.enum(PROJECT_STAGES),
  sourceClusterId: z.string().nullable(),
  challengeIds: z.array(z.string()),
  regionIds: z.array(z.string()),
  conceptIds: z.array(z.string()),
  createdAt: z.string(),
  stageChangedAt: z.string(),
  instrument: InstrumentRefSchema.nullable(),
  call: CallRefSchema.nullable(),
  /** The call's deadline (ISO), the board's countdown. */
  deadline: z.string().nullable(),
  partnerCount: z.number().int(),
  coordinatorName: z.string().nullable(),
  requestedEur: z.number().nullable(),
  grantedEur: z.number().nullable(),
  /** Grant of the budget sketch (budget.ts), null when the rate is unknown or there is no sketch. */
  budgetGrantEur: z.number().nullable(),
  /** What the project applies for: requestedEur when set, else the budget sketch's grant. */
  appliedEur: z.number().nullable(),
  workPackageCount: z.number().int(),
  canEdit: z.boolean(),
});

export const ProjectDetailSchema = ProjectSchema.extend({
  challenges: z.array(ChallengeSummarySchema),
  workPackages: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      leadPartnerId: z.string().nullable(),
      startMonth: z.number().nullable(),
      endMonth: z.number().nullable(),
      conceptIds: z.array(z.string()),
    }),
  ),
  partners: z.array(z.object({ id: z.string(), name: z.string(), country: z.string(), role: z.string() })),
  /** Where the project may move next (pipeline.ts). */
  nextStages: z.array(z.enum(PROJECT_STAGES)),
});

// ── KPIs ─────────────────────────────────────────────────────────────────────────────────

const StageCountsSchema = z.object(
  Object.fromEntries(PROJECT_STAGES.map((s) => [s, z.number().int()])) as Record<
    (typeof PROJECT_STAGES)[number],
    z.ZodNumber
  >,
);

export const KpisSchema = z.object({
  generatedAt: z.string(),
  /** How a project counts toward a target, in words (the decision in src/domain/projects/kpis.ts). */
  rule: z.string(),
  tracks: z.array(
    z.object({
      track: z.enum(['national', 'horizon_europe']),
      target: z.object({ min: z.number().int(), max: z.number().int() }),
      byStage: StageCountsSchema,
      reached: z.number().int(),
      funded: z.number().int(),
      status: z.enum(['not_started', 'in_progress', 'reached', 'exceeded']),
      notJoint: z.number().int(),
    }),
  ),
  byStage: StageCountsSchema,
  projects: z.number().int(),
  unclassified: z.number().int(),
  partners: z.object({
    total: z.number().int(),
    network: z.number().int(),
    foreign: z.number().int(),
    smes: z.number().int(),
    countries: z.array(z.string()),
  }),
  regions: z.array(z.object({ id: z.string(), name: LocalizedSchema, projects: z.number().int() })),
  money: z.object({
    appliedEur: z.number(),
    preparingEur: z.number(),
    grantedEur: z.number(),
    successRate: z.number().nullable(),
  }),
  workingLifePeriods: z.object({
    planned: z.number().int(),
    ongoing: z.number().int(),
    completed: z.number().int(),
    cancelled: z.number().int(),
  }),
  challenges: z.object({ total: z.number().int(), inProject: z.number().int(), common: z.number().int() }),
  projectList: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: z.enum(PROJECT_STAGES),
      track: z.enum(TRACKS).nullable(),
      instrumentName: LocalizedSchema.nullable(),
      regionIds: z.array(z.string()),
      partnerCount: z.number().int(),
      appliedEur: z.number().nullable(),
      grantedEur: z.number().nullable(),
      countsTowardTarget: z.boolean(),
    }),
  ),
});

export const KpiExportQuerySchema = z.object({ lang: LanguageSchema.default('en') });
