import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/create-db.ts';
import {
  coordinatorOrganisationId,
  createPartner,
  deletePartner,
  findInstrument,
  findProjectForConsortium,
  listPartners,
  type PartnerRow,
  updatePartner,
} from '../../db/queries/project-partners.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { listProgrammeCountries, toProgrammeCountry } from '../../db/queries/programme-countries.ts';
import { requireUser } from '../auth/actor.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { consortiumBudget } from '../../domain/projects/budget.ts';
import { stageCoverage, suggestConsortia } from '../../domain/projects/consortium-suggest.ts';
import {
  checkEligibility,
  type EligibilityActionType,
  type EligibilityContext,
  type EligibilityPartner,
} from '../../domain/projects/eligibility.ts';
import type { PartnerCandidate } from '../../domain/projects/partner-candidate.ts';
import {
  canEditProject,
  canReadProject,
  canSearchPartners,
} from '../../domain/projects/project-permissions.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { candidatePool, candidatesByKeys, knownCandidates } from './candidate-pool.ts';
import {
  BudgetSchema,
  EligibilitySchema,
  EvaluateInputSchema,
  EvaluateResultSchema,
  PartnerInputSchema,
  PartnerListSchema,
  PartnerParamsSchema,
  PartnerPatchSchema,
  PartnerSchema,
  SuggestInputSchema,
  SuggestResultSchema,
} from './consortium-schema.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The Horizon Europe action type an instrument (and its call) is judged by; null for the others. */
function actionTypeOf(
  instrument: { track: string; actionType: EligibilityActionType | null } | null,
  callActionType: EligibilityActionType | null = null,
): EligibilityActionType | null {
  if (instrument?.track !== 'horizon_europe') return null;
  return callActionType ?? instrument.actionType;
}

/**
 * Every Horizon Europe instrument Kenno knows is a Pillar II collaborative action (battery calls
 * are Cluster 5), so Pillar-II-only Associated Countries count (rules.md §1.2).
 */
async function eligibilityContext(
  db: Db,
  actionType: EligibilityActionType | null,
  date: string,
): Promise<EligibilityContext> {
  const countries = (await listProgrammeCountries(db)).map(toProgrammeCountry);
  return { actionType, programmePart: 'pillar2', date, countries };
}

async function loadProject(db: Db, actor: Actor, projectId: string) {
  if (!canReadProject(actor)) throw new AppError('unauthenticated', 'Sign in first');
  const found = await findProjectForConsortium(db, projectId);
  const partners = await listPartners(db, projectId);
  const scope = {
    createdBy: found.project.createdBy,
    regionIds: found.project.regionIds,
    coordinatorOrganisationId: coordinatorOrganisationId(partners),
  };
  const actionType = actionTypeOf(found.instrument, found.callActionType);
  const date = found.callDeadline ? found.callDeadline.toISOString().slice(0, 10) : today();
  return { ...found, partners, canEdit: canEditProject(actor, scope), actionType, date };
}

const asEligibilityPartner = (p: PartnerRow): EligibilityPartner => ({
  key: p.id,
  name: p.name,
  country: p.country,
  role: p.role,
  legalEntityGroup: p.legalEntityGroup,
});

/** The action type of an instrument given in a body; an unknown instrument is a validation error. */
async function instrumentActionType(db: Db, instrumentId: string): Promise<EligibilityActionType | null> {
  const instrument = await findInstrument(db, instrumentId);
  if (!instrument)
    throw new AppError('validation_failed', 'No such instrument', [
      { path: ['instrumentId'], message: 'No such instrument' },
    ]);
  return actionTypeOf(instrument);
}

/** A partner's registry organisation must be one the actor may read (else it "does not exist"). */
async function checkOrganisationVisible(db: Db, actor: Actor, organisationId: string | null | undefined) {
  if (!organisationId) return;
  const found = await findOrganisation(db, organisationId);
  if (!found || !canReadOrganisation(actor, found.organisation))
    throw new AppError('validation_failed', 'No such organisation', [
      { path: ['organisationId'], message: 'No such organisation' },
    ]);
}

/**
 * A project's consortium: partners with roles and budget sketch, the budget, the Horizon Europe
 * eligibility check, and the consortium builder (suggest; evaluate for swap-and-see).
 * Read: any signed-in user. Edit: see project-permissions.ts.
 */
export async function consortiumRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/projects/:id/partners', {
    schema: {
      tags: ['projects'],
      summary: "A project's consortium partners, in order, and whether you may edit them",
      params: IdParamsSchema,
      response: { 200: PartnerListSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const { partners, canEdit } = await loadProject(db, actor, request.params.id);
      return { partners, canEdit };
    },
  });

  r.post('/api/projects/:id/partners', {
    schema: {
      tags: ['projects'],
      summary:
        'Add a partner (registry or CORDIS organisation, or a name and country) with role and budget sketch',
      params: IdParamsSchema,
      body: PartnerInputSchema,
      response: { 201: PartnerSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const project = await loadProject(db, actor, request.params.id);
      if (!project.canEdit) throw new AppError('forbidden', 'You may not edit this project');
      await checkOrganisationVisible(db, actor, request.body.organisationId);
      const row = await createPartner(db, actor, request.params.id, request.body);
      return reply.status(201).send(row);
    },
  });

  r.patch('/api/projects/:id/partners/:partnerId', {
    schema: {
      tags: ['projects'],
      summary: "Change a partner's role, affiliation, country, status or budget sketch",
      params: PartnerParamsSchema,
      body: PartnerPatchSchema,
      response: { 200: PartnerSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const project = await loadProject(db, actor, request.params.id);
      if (!project.canEdit) throw new AppError('forbidden', 'You may not edit this project');
      await checkOrganisationVisible(db, actor, request.body.organisationId);
      return updatePartner(db, actor, request.params.id, request.params.partnerId, request.body);
    },
  });

  r.delete('/api/projects/:id/partners/:partnerId', {
    schema: {
      tags: ['projects'],
      summary: 'Remove a partner (its affiliated entities lose the tie)',
      params: PartnerParamsSchema,
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const project = await loadProject(db, actor, request.params.id);
      if (!project.canEdit) throw new AppError('forbidden', 'You may not edit this project');
      await deletePartner(db, actor, request.params.id, request.params.partnerId);
      return reply.status(204).send();
    },
  });

  r.get('/api/projects/:id/budget', {
    schema: {
      tags: ['projects'],
      summary:
        'Budget sketch per partner: direct, 25 % indirect (subcontracting excluded), total, funding rate, grant',
      params: IdParamsSchema,
      response: { 200: BudgetSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const project = await loadProject(db, actor, request.params.id);
      const eligibility = checkEligibility(
        project.partners.map(asEligibilityPartner),
        await eligibilityContext(db, project.actionType, project.date),
      );
      const funded = project.partners.map((_, i) => eligibility.partners[i]!.funded);
      const budget = consortiumBudget(
        project.partners.map((p, i) => ({ ...p, funded: funded[i]! })),
        project.actionType,
      );
      return {
        actionType: project.actionType,
        partners: project.partners.map((p, i) => ({
          partnerId: p.id,
          name: p.name,
          personnelEur: p.personnelEur,
          subcontractingEur: p.subcontractingEur,
          otherEur: p.otherEur,
          funded: funded[i]!,
          ...budget.partners[i]!,
        })),
        totals: budget.totals,
      };
    },
  });

  r.get('/api/projects/:id/eligibility', {
    schema: {
      tags: ['projects'],
      summary: 'Horizon Europe eligibility of the consortium, rule by rule with the facts behind each',
      params: IdParamsSchema,
      response: { 200: EligibilitySchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const project = await loadProject(db, actor, request.params.id);
      return checkEligibility(
        project.partners.map(asEligibilityPartner),
        await eligibilityContext(db, project.actionType, project.date),
      );
    },
  });

  /**
   * A project's counting partners as candidates: registry and CORDIS organisations as the index
   * knows them, name-only partners as they are ('partner:<id>', their concepts' stages).
   */
  async function projectPartnerCandidates(projectId: string, actor: Actor) {
    const project = await loadProject(db, actor, projectId);
    const counting = project.partners.filter((p) => p.role === 'coordinator' || p.role === 'beneficiary');
    const keyOf = (p: PartnerRow) =>
      p.organisationId
        ? `registry:${p.organisationId}`
        : p.cordisOrganisationId
          ? `cordis:${p.cordisOrganisationId}`
          : null;
    const known = await knownCandidates(
      app,
      db,
      actor,
      counting.flatMap((p) => keyOf(p) ?? []),
    );
    return counting.map((p): PartnerCandidate => {
      const key = keyOf(p);
      const found = key ? known.get(key) : undefined;
      if (found)
        return {
          ...found,
          country: p.country,
          legalEntityGroup: p.legalEntityGroup ?? found.legalEntityGroup,
        };
      return {
        key: `partner:${p.id}`,
        kind: p.cordisOrganisationId ? 'cordis' : 'registry',
        organisationId: p.organisationId,
        cordisOrganisationId: p.cordisOrganisationId,
        name: p.name,
        country: p.country,
        type: p.isNonProfit ? 'non_profit' : 'company',
        isSme: p.isSme,
        isNonProfit: p.isNonProfit,
        regionId: p.regionId,
        stageIds: [...new Set(p.conceptIds.map((c) => c.split('.')[0]!))],
        relevance: 0,
        legalEntityGroup: p.legalEntityGroup,
      };
    });
  }

  r.post('/api/consortia/suggest', {
    schema: {
      tags: ['projects'],
      summary: 'Propose the best eligible consortia covering the value-chain stages needed, with trade-offs',
      body: SuggestInputSchema,
      response: { 200: SuggestResultSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      if (!canSearchPartners(actor)) throw new AppError('forbidden', 'Sign in first');
      const body = request.body;
      const actionType = await instrumentActionType(db, body.instrumentId);
      const kept = body.projectId ? await projectPartnerCandidates(body.projectId, actor) : [];
      const must = [
        ...kept,
        ...(await candidatesByKeys(app, db, actor, body.mustInclude, 'mustInclude')).filter(
          (c) => !kept.some((k) => k.key === c.key),
        ),
      ];
      const pool = await candidatePool(app, db, {
        stageIds: body.stageIds,
        query: body.query,
        actor,
        perStage: body.perStage,
      });
      const candidates = [...must, ...pool.filter((c) => !must.some((m) => m.key === c.key))];
      const ctxE = await eligibilityContext(db, actionType, today());
      const result = suggestConsortia(
        candidates,
        {
          stageIds: body.stageIds,
          size: body.size,
          mustInclude: must.map((m) => m.key),
          maxPerCountry: body.maxPerCountry ?? null,
          minSmes: body.minSmes ?? null,
          regionIds: body.regionIds,
        },
        ctxE,
        { k: body.k },
      );
      return {
        consortia: result.consortia.map((s) => ({
          members: s.members,
          coverage: { covered: s.covered, missing: s.missing },
          eligibility: checkEligibility(candidatePartners(s.members), ctxE),
          score: s.score,
          tradeOffs: s.tradeOffs,
        })),
        candidatesConsidered: candidates.length,
        candidates: [...candidates].sort((a, b) => b.relevance - a.relevance).slice(0, 200),
        complete: result.complete,
        infeasible: result.infeasible,
      };
    },
  });

  r.post('/api/consortia/evaluate', {
    schema: {
      tags: ['projects'],
      summary: 'Eligibility, stage coverage and budget of a set of members (swap a partner and see)',
      body: EvaluateInputSchema,
      response: { 200: EvaluateResultSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      if (!canSearchPartners(actor)) throw new AppError('forbidden', 'Sign in first');
      const body = request.body;
      const actionType = await instrumentActionType(db, body.instrumentId);
      const keys = body.members.filter((m): m is string => typeof m === 'string');
      const resolved = new Map(
        (await candidatesByKeys(app, db, actor, keys, 'members')).map((c) => [c.key, c]),
      );
      const members = body.members.map((m, i) => {
        if (typeof m === 'string') {
          const c = resolved.get(m)!;
          return {
            key: c.key,
            name: c.name,
            country: c.country,
            role: i === 0 ? ('coordinator' as const) : ('beneficiary' as const),
            legalEntityGroup: c.legalEntityGroup,
            isNonProfit: c.isNonProfit,
            stageIds: c.stageIds,
            personnelEur: 0,
            subcontractingEur: 0,
            otherEur: 0,
          };
        }
        return { ...m, key: m.key ?? `member:${i}` };
      });
      const eligibility = checkEligibility(
        members,
        await eligibilityContext(db, actionType, body.date ?? today()),
      );
      const budget = consortiumBudget(
        members.map((m, i) => ({ ...m, funded: eligibility.partners[i]!.funded })),
        actionType,
      );
      return {
        members: members.map(({ key, name, country, stageIds }) => ({ key, name, country, stageIds })),
        coverage: stageCoverage(members, body.stageIds),
        eligibility,
        budget: {
          actionType,
          partners: budget.partners.map((b, i) => ({ ...b, key: members[i]!.key })),
          totals: budget.totals,
        },
      };
    },
  });
}

/** Suggested members as consortium partners: the first (must-include or most relevant) coordinates. */
function candidatePartners(members: readonly PartnerCandidate[]): EligibilityPartner[] {
  return members.map((m, i) => ({
    key: m.key,
    name: m.name,
    country: m.country,
    role: i === 0 ? 'coordinator' : 'beneficiary',
    legalEntityGroup: m.legalEntityGroup,
  }));
}
