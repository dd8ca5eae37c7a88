import { z } from 'zod';
import { PARTNER_ROLES } from '../../domain/projects/partner-roles.ts';

/** Zod schemas of the consortium routes (partners, budget, eligibility, builder, programme countries). */
const id = z.string().trim().min(1).max(100);
const eur = z.number().int().min(0).max(10_000_000_000);
const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'A two-letter ISO country code')
  .transform((s) => s.toUpperCase());
const conceptId = z.string().trim().min(1).max(200);

const stageId = z.string().trim().min(1).max(50);
const candidateKey = z
  .string()
  .trim()
  .regex(/^(registry|cordis):[^\s]{1,100}$/, "A candidate key: 'registry:<id>' or 'cordis:<id>'");

export const PartnerParamsSchema = z.object({ id, partnerId: id });

export const PartnerInputSchema = z.object({
  organisationId: id.nullable().default(null),
  cordisOrganisationId: id.nullable().default(null),
  name: z.string().trim().min(1).max(300),
  country: countryCode,
  role: z.enum(PARTNER_ROLES),
  affiliatedToPartnerId: id.nullable().default(null),
  legalEntityGroup: z.string().trim().min(1).max(100).nullable().default(null),
  isNonProfit: z.boolean().default(false),
  isSme: z.boolean().default(false),
  regionId: id.nullable().default(null),
  personnelEur: eur.default(0),
  subcontractingEur: eur.default(0),
  otherEur: eur.default(0),
  conceptIds: z.array(conceptId).max(200).default([]),
});

export const PartnerPatchSchema = z
  .object({
    organisationId: id.nullable(),
    cordisOrganisationId: id.nullable(),
    name: z.string().trim().min(1).max(300),
    country: countryCode,
    role: z.enum(PARTNER_ROLES),
    affiliatedToPartnerId: id.nullable(),
    legalEntityGroup: z.string().trim().min(1).max(100).nullable(),
    isNonProfit: z.boolean(),
    isSme: z.boolean(),
    regionId: id.nullable(),
    personnelEur: eur,
    subcontractingEur: eur,
    otherEur: eur,
    conceptIds: z.array(conceptId).max(200),
    position: z.number().int().min(0).max(10_000),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');

export const PartnerBudgetSchema = z.object({
  directEur: z.number(),
  indirectEur: z.number(),
  totalEur: z.number(),
  fundingRate: z.number().nullable(),
  grantEur: z.number().nullable(),
});

export const PartnerSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  organisationId: z.string().nullable(),
  cordisOrganisationId: z.string().nullable(),
  name: z.string(),
  country: z.string(),
  role: z.enum(PARTNER_ROLES),
  affiliatedToPartnerId: z.string().nullable(),
  legalEntityGroup: z.string().nullable(),
  isNonProfit: z.boolean(),
  isSme: z.boolean(),
  regionId: z.string().nullable(),
  personnelEur: z.number(),
  subcontractingEur: z.number(),
  otherEur: z.number(),
  conceptIds: z.array(z.string()),
  position: z.number().int(),
});

export const PartnerListSchema = z.object({ partners: z.array(PartnerSchema), canEdit: z.boolean() });

const RuleSchema = z.object({
  code: z.string(),
  passed: z.boolean(),
  blocking: z.boolean(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
});

export const EligibilitySchema = z.object({
  applicable: z.boolean(),
  eligible: z.boolean(),
  actionType: z.enum(['RIA', 'IA', 'CSA']).nullable(),
  /** The date Associated Country status was judged at: the call deadline, else today. */
  date: z.string(),
  rules: z.array(RuleSchema),
  partners: z.array(
    z.object({
      key: z.string(),
      standing: z.enum(['member_state', 'associated', 'third_country']),
      counts: z.boolean(),
      funded: z.boolean(),
    }),
  ),
});

export const BudgetSchema = z.object({
  actionType: z.enum(['RIA', 'IA', 'CSA']).nullable(),
  partners: z.array(
    PartnerBudgetSchema.extend({
      partnerId: z.string(),
      name: z.string(),
      personnelEur: z.number(),
      subcontractingEur: z.number(),
      otherEur: z.number(),
      funded: z.boolean(),
    }),
  ),
  totals: PartnerBudgetSchema.omit({ fundingRate: true }),
});

export const CandidateSchema = z.object({
  key: z.string(),
  kind: z.enum(['registry', 'cordis']),
  organisationId: z.string().nullable(),
  cordisOrganisationId: z.string().nullable(),
  name: z.string(),
  country: z.string(),
  type: z.string(),
  isSme: z.boolean(),
  isNonProfit: z.boolean(),
  regionId: z.string().nullable(),
  stageIds: z.array(z.string()),
  relevance: z.number(),
  legalEntityGroup: z.string().nullable(),
});

const CoverageSchema = z.object({ covered: z.array(z.string()), missing: z.array(z.string()) });

export const SuggestInputSchema = z
  .object({
    stageIds: z.array(stageId).min(1).max(31),
    instrumentId: id,
    size: z.object({ min: z.number().int().min(1).max(30), max: z.number().int().min(1).max(30) }),
    mustInclude: z.array(candidateKey).max(30).default([]),
    /** Build around this project's current partners (coordinator and beneficiaries): they must be in. */
    projectId: id.optional(),
    maxPerCountry: z.number().int().min(1).max(30).nullable().optional(),
    minSmes: z.number().int().min(0).max(30).nullable().optional(),
    regionIds: z.array(id).max(20).default([]),
    query: z
      .object({
        challengeId: id.optional(),
        text: z.string().trim().max(2000).optional(),
        topic: z.string().trim().max(200).optional(),
      })
      .optional(),
    /** Limit the pool: the best this many candidates per stage. */
    perStage: z.number().int().min(1).max(30).default(8),
    k: z.number().int().min(1).max(10).default(3),
  })
  .refine((x) => x.size.min <= x.size.max, { message: 'size.min must not exceed size.max', path: ['size'] });

export const SuggestResultSchema = z.object({
  consortia: z.array(
    z.object({
      members: z.array(CandidateSchema),
      coverage: CoverageSchema,
      eligibility: EligibilitySchema,
      score: z.object({ coverage: z.number(), value: z.number() }),
      tradeOffs: z.array(
        z.object({
          code: z.string(),
          params: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
        }),
      ),
    }),
  ),
  candidatesConsidered: z.number().int(),
  /** The pool the sets were chosen from, most relevant first (at most 200): alternatives for swaps. */
  candidates: z.array(CandidateSchema),
  complete: z.boolean(),
  infeasible: z.string().nullable(),
});

const EvaluateMemberSchema = z.union([
  candidateKey,
  z.object({
    key: z.string().trim().min(1).max(120).optional(),
    name: z.string().trim().min(1).max(300),
    country: countryCode,
    role: z.enum(PARTNER_ROLES).default('beneficiary'),
    legalEntityGroup: z.string().trim().min(1).max(100).nullable().default(null),
    isNonProfit: z.boolean().default(false),
    stageIds: z.array(stageId).max(31).default([]),
    personnelEur: eur.default(0),
    subcontractingEur: eur.default(0),
    otherEur: eur.default(0),
  }),
]);

export const EvaluateInputSchema = z.object({
  instrumentId: id,
  stageIds: z.array(stageId).max(31).default([]),
  members: z.array(EvaluateMemberSchema).max(50),
  /** YYYY-MM-DD; default today. */
  date: z.iso.date().optional(),
});

export const EvaluateResultSchema = z.object({
  members: z.array(
    z.object({ key: z.string(), name: z.string(), country: z.string(), stageIds: z.array(z.string()) }),
  ),
  coverage: CoverageSchema,
  eligibility: EligibilitySchema,
  budget: BudgetSchema.omit({ partners: true }).extend({
    partners: z.array(PartnerBudgetSchema.extend({ key: z.string() })),
  }),
});

export const ProgrammeCountrySchema = z.object({
  countryCode: z.string(),
  name: z.string(),
  status: z.enum(['member_state', 'associated']),
  scope: z.enum(['full', 'pillar2', 'full_except_eic_fund']),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  transitional: z.boolean(),
  source: z.string(),
  updatedAt: z.string(),
});

export const CountryParamsSchema = z.object({ code: countryCode });

export const ProgrammeCountryInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    status: z.enum(['member_state', 'associated']),
    scope: z.enum(['full', 'pillar2', 'full_except_eic_fund']).default('full'),
    fromDate: z.iso.date().nullable().default(null),
    toDate: z.iso.date().nullable().default(null),
    transitional: z.boolean().default(false),
    source: z.string().trim().max(2000).default(''),
  })
  .refine((c) => c.fromDate === null || c.toDate === null || c.fromDate <= c.toDate, {
    message: 'toDate is before fromDate',
    path: ['toDate'],
  });
