import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCriterion,
  deleteCriterion,
  listCriteria,
  loadEvaluations,
  loadEvaluationScores,
  saveEvaluation,
  updateCriterion,
} from '../../db/queries/challenge-evaluations.ts';
import { findChallengeSummaries } from '../../db/queries/challenges.ts';
import type { Actor, UserActor } from '../../domain/auth/roles.ts';
import {
  canConfigureEvaluation,
  canEvaluateChallenges,
} from '../../domain/challenges/challenge-permissions.ts';
import {
  CriterionInputSchema,
  CriterionPatchSchema,
  EvaluationInputSchema,
  rankByScore,
  scoreProblems,
  summariseEvaluations,
} from '../../domain/challenges/evaluation.ts';
import { challengeVisibility } from '../../domain/challenges/visibility.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { loadReadableChallenge, requireOpen } from './challenge-access.ts';
import { presentChallengeSummary, presentCriterion } from './presenters.ts';
import { CriterionSchema, EvaluationSchema, RankingQuerySchema, RankingRowSchema } from './schema.ts';

function requireEvaluator(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!canEvaluateChallenges(user))
    throw new AppError('forbidden', 'Coordinators and admins evaluate challenges');
  return user;
}

function requireConfigurer(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!canConfigureEvaluation(user))
    throw new AppError('forbidden', 'Admins configure the evaluation criteria');
  return user;
}

/** Evaluation criteria (admins), evaluators' scores and private notes, and the ranked list. */
export async function evaluationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function evaluationView(challengeId: string, evaluatorId: string) {
    const [criteria, evaluations] = await Promise.all([
      listCriteria(db),
      loadEvaluations(db, challengeId, evaluatorId),
    ]);
    return {
      criteria: criteria.map(presentCriterion),
      mine: evaluations.mine,
      summary: summariseEvaluations(criteria, evaluations.all),
    };
  }

  r.get('/api/evaluation-criteria', {
    schema: {
      tags: ['challenges'],
      summary: 'The criteria challenges are evaluated on',
      response: { 200: z.array(CriterionSchema) },
    },
    handler: async (request) => {
      requireUser(request.actor);
      return (await listCriteria(db)).map(presentCriterion);
    },
  });

  r.post('/api/evaluation-criteria', {
    schema: {
      tags: ['challenges'],
      summary: 'Add an evaluation criterion (admins)',
      body: CriterionInputSchema,
      response: { 201: CriterionSchema },
    },
    handler: async (request, reply) => {
      const actor = requireConfigurer(request.actor);
      return reply.status(201).send(presentCriterion(await createCriterion(db, actor, request.body)));
    },
  });

  r.patch('/api/evaluation-criteria/:id', {
    schema: {
      tags: ['challenges'],
      summary: 'Change an evaluation criterion: label, weight, scale, order, active (admins)',
      params: IdParamsSchema,
      body: CriterionPatchSchema,
      response: { 200: CriterionSchema },
    },
    handler: async (request) => {
      const actor = requireConfigurer(request.actor);
      return presentCriterion(await updateCriterion(db, actor, request.params.id, request.body));
    },
  });

  r.delete('/api/evaluation-criteria/:id', {
    schema: {
      tags: ['challenges'],
      summary: 'Remove an evaluation criterion; scores given on it no longer count (admins)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireConfigurer(request.actor);
      await deleteCriterion(db, actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/challenges/:id/evaluation', {
    schema: {
      tags: ['challenges'],
      summary: 'The evaluation of a challenge: your scores and private note, and everyone’s mean scores',
      params: IdParamsSchema,
      response: { 200: EvaluationSchema },
    },
    handler: async (request) => {
      const actor = requireEvaluator(request.actor);
      await loadReadableChallenge(db, actor, request.params.id);
      return evaluationView(request.params.id, actor.userId);
    },
  });

  r.put('/api/challenges/:id/evaluation', {
    schema: {
      tags: ['challenges'],
      summary: 'Save your scores and private note on a challenge',
      params: IdParamsSchema,
      body: EvaluationInputSchema,
      response: { 200: EvaluationSchema },
    },
    handler: async (request) => {
      const actor = requireEvaluator(request.actor);
      const problems = scoreProblems(await listCriteria(db), request.body.scores);
      await saveEvaluation(db, actor, request.params.id, request.body, (row) => {
        requireOpen(actor, row);
        if (problems.length) throw new AppError('validation_failed', 'Some scores are not valid', problems);
      });
      return evaluationView(request.params.id, actor.userId);
    },
  });

  r.get('/api/challenges/ranking', {
    schema: {
      tags: ['challenges'],
      summary: 'Evaluated challenges ranked by score (0–100), best first, with the mean per criterion',
      querystring: RankingQuerySchema,
      response: { 200: z.array(RankingRowSchema) },
    },
    handler: async (request) => {
      const actor = requireEvaluator(request.actor);
      const [criteria, scores] = await Promise.all([
        listCriteria(db),
        loadEvaluationScores(db, challengeVisibility(actor), {
          regionId: request.query.region,
          status: request.query.status,
        }),
      ]);
      const ranked = rankByScore(criteria, [...scores.keys()], (id) => scores.get(id) ?? []).slice(
        0,
        request.query.limit,
      );
      const summaries = new Map(
        (
          await findChallengeSummaries(
            db,
            ranked.map((r) => r.item),
          )
        ).map((c) => [c.id, c]),
      );
      return ranked.flatMap(({ item, summary }) => {
        const challenge = summaries.get(item);
        return challenge ? [{ challenge: presentChallengeSummary(challenge), ...summary }] : [];
      });
    },
  });
}
