import { z } from 'zod';
import { GAP_DIMENSIONS, HORIZONS, TRAINING_LEVELS } from '../../domain/skills/gap-definitions.ts';
import { CREDIT_UNITS, DELIVERY_MODES, PROGRAMME_KINDS } from '../../domain/skills/programme.ts';
import { RESPONDENT_STATUSES, ROUND_STATUSES } from '../../domain/skills/survey.ts';
import { LanguageSchema, LocalizedSchema } from '../common-schemas.ts';

export const InstrumentOutSchema = z.object({
  roleIds: z.array(z.string()),
  skillIds: z.array(z.string()),
  eqfLevels: z.array(z.number().int()),
  askRecruitmentDifficulty: z.boolean(),
  askFreeText: z.boolean(),
});

export const RoundStatsSchema = z.object({
  invited: z.number().int().describe('Links not yet opened for saving'),
  started: z.number().int().describe('Saved answers, not submitted'),
  submitted: z.number().int(),
  responseRate: z.number().describe('submitted ÷ links not revoked'),
  revoked: z.number().int(),
  expired: z.number().int(),
});

export const RoundSchema = z.object({
  id: z.string(),
  title: LocalizedSchema,
  intro: LocalizedSchema,
  regionId: z.string().nullable().describe('null: the whole network'),
  status: z.enum(ROUND_STATUSES),
  instrument: InstrumentOutSchema,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canManage: z.boolean().describe('The caller runs this round (invites, reminds, sees response rates)'),
});

export const RoundDetailSchema = RoundSchema.extend({
  stats: RoundStatsSchema.nullable().describe(
    'Response rates: only for an admin and the round’s coordinator',
  ),
});

export const RespondentIdParamsSchema = z.object({
  id: z.string().min(1).max(100),
  respondentId: z.string().min(1).max(100),
});

export const CreatedRespondentSchema = z.object({
  respondentId: z.string(),
  organisationId: z.string(),
  link: z
    .string()
    .describe('/survey/<token>: shown this once, never again (the token is stored only as a hash)'),
});

export const RespondentSchema = z.object({
  respondentId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  email: z.string().nullable(),
  language: LanguageSchema,
  status: z.enum(RESPONDENT_STATUSES),
  remindersSent: z.number().int(),
  expiresAt: z.string(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

const LabelledSchema = z.object({ id: z.string(), label: LocalizedSchema });

export const AnswerOutSchema = z.object({
  roleId: z.string(),
  skillIds: z.array(z.string()),
  eqfLevel: z.number().int(),
  regionId: z.string(),
  headcountNow: z.number().int(),
  headcount1to3: z.number().int(),
  headcount3to5: z.number().int(),
  recruitmentDifficulty: z.number().int().nullable(),
  freeText: z.string().nullable(),
});

export const SurveySchema = z.object({
  round: z.object({
    id: z.string(),
    title: LocalizedSchema,
    intro: LocalizedSchema,
    status: z.enum(ROUND_STATUSES),
    closesAt: z.string().nullable(),
    instrument: z.object({
      roles: z.array(LabelledSchema),
      skills: z.array(LabelledSchema),
      eqfLevels: z.array(z.object({ level: z.number().int(), label: LocalizedSchema })),
      regions: z.array(LabelledSchema).describe('Regions a need may be stated for'),
      askRecruitmentDifficulty: z.boolean(),
      askFreeText: z.boolean(),
    }),
  }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  language: LanguageSchema,
  answers: z.array(AnswerOutSchema).describe("This respondent's own answers only"),
  submittedAt: z.string().nullable(),
  expiresAt: z.string(),
});

export const ProgrammeSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  name: LocalizedSchema,
  level: z.enum(TRAINING_LEVELS),
  eqfLevel: z.number().int(),
  regionId: z.string().nullable(),
  yearlyIntake: z.number().int().nullable(),
  yearlyGraduates: z.number().int().nullable(),
  roleIds: z.array(z.string()),
  competenceIds: z.array(z.string()),
  credits: z.number().nullable(),
  creditUnit: z.enum(CREDIT_UNITS).nullable(),
  language: z.string().nullable(),
  url: z.string().nullable(),
  isPublic: z.boolean(),
  sources: z.array(z.string()),
  delivery: z.enum(DELIVERY_MODES).nullable(),
  workBasedShare: z.number().nullable().describe('Share of work-based learning, 0–1'),
  learningOutcomes: z
    .array(z.object({ text: LocalizedSchema, conceptIds: z.array(z.string()) }))
    .describe('Learning outcomes linked to competences and skills (concept ids)'),
  canEdit: z.boolean(),
});

export const ProgrammeListQuerySchema = z.object({
  region: z.string().max(64).optional(),
  level: z.enum(TRAINING_LEVELS).optional(),
  organisation: z.string().max(100).optional(),
});

const groupBySchema = z
  .string()
  .max(60)
  .transform((value, ctx) => {
    const parts = value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of parts) {
      if (!(GAP_DIMENSIONS as readonly string[]).includes(p)) {
        ctx.addIssue({ code: 'custom', message: `groupBy takes ${GAP_DIMENSIONS.join(', ')}` });
        return z.NEVER;
      }
    }
    return new Set(parts as (typeof GAP_DIMENSIONS)[number][]);
  });

export const GapFilterSchema = z.object({
  role: z.string().min(1).max(200).optional(),
  region: z.string().min(1).max(64).optional(),
  eqf: z.coerce.number().int().min(1).max(8).optional(),
  horizon: z.enum(HORIZONS).optional(),
});

export const GapQuerySchema = GapFilterSchema.extend({
  round: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('A survey round; by default the latest open or closed one'),
  groupBy: groupBySchema
    .optional()
    .describe('Dimensions to group by, comma-separated (role,eqf,region,horizon); the others are rolled up'),
});

export const GapExportQuerySchema = GapQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: LanguageSchema.default('en'),
});

export const GapRowSchema = z.object({
  roleId: z.string().nullable().describe('null: all roles'),
  eqf: z.number().int().nullable().describe('null: all levels'),
  region: z.string().nullable().describe('null: the whole network'),
  horizon: z.enum(HORIZONS).nullable().describe('null: all horizons (years 1–5)'),
  demand: z.number().nullable().describe('Stated headcount; null when suppressed'),
  supply: z.number().describe('Graduates over the horizon (public programmes)'),
  gap: z.number().nullable().describe('demand − supply; null when suppressed'),
  employers: z.number().int().nullable().describe('Responding employers; null when suppressed'),
  suppressed: z
    .boolean()
    .describe('Fewer than 3 employers, one above 80 %, or hidden so that no such cell can be worked out'),
  restricted: z
    .boolean()
    .describe('Shown to this caller only (their region, or an admin): the public sees it suppressed'),
});

export const TrendRowSchema = z.object({
  roundId: z.string(),
  roundTitle: LocalizedSchema,
  closesAt: z.string().nullable(),
  demand: z.number().nullable(),
  supply: z.number(),
  gap: z.number().nullable(),
  employers: z.number().int().nullable(),
  suppressed: z.boolean(),
  restricted: z.boolean(),
});
