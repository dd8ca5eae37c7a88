import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createChallenge,
  deleteChallenge,
  listChallenges,
  loadEngagement,
  loadHistory,
  loadMergedInto,
  mergeChallenges,
  updateChallenge,
} from '../../db/queries/challenges.ts';
import { existingConceptIds } from '../../db/queries/concepts.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { regionExists } from '../../db/queries/regions.ts';
import type { Actor, UserActor } from '../../domain/auth/roles.ts';
import {
  ChallengeInputSchema,
  ChallengePatchSchema,
  MergeInputSchema,
  nextConceptIds,
  organisationScopeProblem,
  statusChangeProblem,
  suggestedConcepts,
  trlProblem,
} from '../../domain/challenges/challenge.ts';
import {
  canEditChallenge,
  canEvaluateChallenges,
  canModerateChallenge,
  canReadChallenge,
  canSubmitChallenge,
} from '../../domain/challenges/challenge-permissions.ts';
import { challengeVisibility } from '../../domain/challenges/visibility.ts';
import { AppError } from '../../domain/errors.ts';
import { tagText } from '../../domain/taxonomy/tagging.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { tagIndexReadModelFor } from '../tagging/tag-index-read-model.ts';
import { loadReadableChallenge, requireReadable } from './challenge-access.ts';
import { engagementRoutes } from './engagement.ts';
import { evaluationRoutes } from './evaluation.ts';
import { presentChallengeSummary, presentHistory } from './presenters.ts';
import { ChallengeListQuerySchema, ChallengePageSchema, ChallengeSchema, type Challenge } from './schema.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', message, [{ path: [field], message }]);

export async function challengeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const tagIndex = tagIndexReadModelFor(db);

  /** The tagger's concepts for a challenge's text, in its language (as POST /api/concepts/tag). */
  async function tagger() {
    const { index } = await tagIndex.current();
    return (c: { title: string; description: string; language: 'fi' | 'sv' | 'en' }) =>
      suggestedConcepts(tagText(index, `${c.title}.\n${c.description}`, c.language));
  }

  async function checkReferences(input: { regionId?: string | null; conceptIds?: string[] }) {
    if (input.regionId && !(await regionExists(db, input.regionId)))
      throw invalid('regionId', 'Unknown region');
    const known = await existingConceptIds(db, input.conceptIds ?? []);
    const unknown = (input.conceptIds ?? []).filter((id) => !known.has(id));
    if (unknown.length) throw invalid('conceptIds', `Unknown concepts: ${unknown.join(', ')}`);
  }

  async function organisationFor(actor: UserActor, organisationId: string | null) {
    if (!organisationId) return null;
    const found = await findOrganisation(db, organisationId);
    if (!found) throw invalid('organisationId', 'Unknown organisation');
    const problem = organisationScopeProblem(actor, found.organisation);
    if (problem) throw new AppError('forbidden', problem);
    return found.organisation;
  }

  /** The full challenge as the actor sees it, with the history of those merged into it. */
  async function challengeView(actor: Actor, id: string): Promise<Challenge> {
    const row = await loadReadableChallenge(db, actor, id);
    const mergedFrom = (await loadMergedInto(db, id)).filter((c) => canReadChallenge(actor, c));
    const [history, engagement] = await Promise.all([
      loadHistory(db, [id, ...mergedFrom.map((c) => c.id)]),
      loadEngagement(db, id, actor.kind === 'user' ? actor.userId : null),
    ]);
    return {
      ...presentChallengeSummary(row),
      description: row.description,
      suggestedConceptIds: row.suggestedConceptIds,
      createdByName: row.createdByName,
      ...engagement,
      canEdit: canEditChallenge(actor, row),
      canModerate: canModerateChallenge(actor, row),
      canEvaluate: canEvaluateChallenges(actor),
      mergedFrom: mergedFrom.map((c) => ({ id: c.id, title: c.title })),
      history: history.map(presentHistory),
    };
  }

  r.get('/api/challenges', {
    schema: {
      tags: ['challenges'],
      summary:
        'Search challenges (full text in fi/sv/en) by region, concept, status, language and organisation',
      querystring: ChallengeListQuerySchema,
      response: { 200: ChallengePageSchema },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, total } = await listChallenges(db, challengeVisibility(request.actor), {
        q: q.q || undefined,
        regionId: q.region,
        conceptId: q.concept,
        status: q.status,
        language: q.language,
        organisationId: q.organisation,
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(presentChallengeSummary), total };
    },
  });

  r.get('/api/challenges/:id', {
    schema: {
      tags: ['challenges'],
      summary: 'A challenge with its history; a merged one answers with mergedIntoId',
      params: IdParamsSchema,
      response: { 200: ChallengeSchema },
    },
    handler: async (request) => challengeView(request.actor, request.params.id),
  });

  r.post('/api/challenges', {
    schema: {
      tags: ['challenges'],
      summary: 'Submit a challenge; the tagger suggests its value-chain concepts',
      body: ChallengeInputSchema,
      response: { 201: ChallengeSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!canSubmitChallenge(actor)) throw new AppError('forbidden', 'You may not submit challenges');
      const input = request.body;
      const organisation = await organisationFor(
        actor,
        input.organisationId === undefined ? actor.organisationId : input.organisationId,
      );
      const regionId =
        input.regionId === undefined ? (organisation?.regionId ?? actor.regionId) : input.regionId;
      await checkReferences({ regionId, conceptIds: input.conceptIds });
      const suggested = (await tagger())(input);
      const row = await createChallenge(db, actor, {
        id: randomUUID(),
        title: input.title,
        description: input.description,
        language: input.language,
        regionId,
        organisationId: organisation?.id ?? null,
        createdBy: actor.userId,
        conceptIds: input.conceptIds ?? suggested,
        suggestedConceptIds: suggested,
        trlNow: input.trlNow ?? null,
        trlWanted: input.trlWanted ?? null,
        horizon: input.horizon ?? null,
        isPublic: input.isPublic ?? true,
      });
      return reply.status(201).send(await challengeView(actor, row.id));
    },
  });

  r.patch('/api/challenges/:id', {
    schema: {
      tags: ['challenges'],
      summary: 'Edit a challenge (its editors) or change its status (coordinators of its region, admins)',
      params: IdParamsSchema,
      body: ChallengePatchSchema,
      response: { 200: ChallengeSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const { status, ...edits } = request.body;
      const current = await loadReadableChallenge(db, actor, request.params.id);
      if (edits.organisationId !== undefined && edits.organisationId !== current.organisationId)
        await organisationFor(actor, edits.organisationId);
      await checkReferences(edits);
      const tag = await tagger();
      await updateChallenge(db, actor, request.params.id, (before) => {
        requireReadable(actor, before);
        if (!canEditChallenge(actor, before))
          throw new AppError('forbidden', 'You may not change this challenge');
        if (before.status === 'merged')
          throw new AppError('conflict', 'A merged challenge cannot be changed');
        if (status !== undefined && status !== before.status) {
          if (!canModerateChallenge(actor, before))
            throw new AppError('forbidden', 'Coordinators of its region and admins change the status');
          const problem = statusChangeProblem(before.status, status);
          if (problem) throw new AppError('conflict', problem);
        }
        const trl = trlProblem(
          edits.trlNow === undefined ? before.trlNow : edits.trlNow,
          edits.trlWanted === undefined ? before.trlWanted : edits.trlWanted,
        );
        if (trl) throw invalid('trlWanted', trl);
        const after = { ...before, ...edits };
        const retag =
          after.title !== before.title ||
          after.description !== before.description ||
          after.language !== before.language;
        const suggested = retag ? tag(after) : null;
        return {
          ...edits,
          conceptIds: nextConceptIds(before, suggested, edits.conceptIds),
          ...(suggested ? { suggestedConceptIds: suggested } : {}),
          status,
        };
      });
      return challengeView(actor, request.params.id);
    },
  });

  r.delete('/api/challenges/:id', {
    schema: {
      tags: ['challenges'],
      summary: 'Remove a challenge (coordinators of its region and admins; its editors while it is new)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      await deleteChallenge(db, actor, request.params.id, (row) => {
        requireReadable(actor, row);
        const ownNew = canEditChallenge(actor, row) && row.status === 'new';
        if (!ownNew && !canModerateChallenge(actor, row))
          throw new AppError(
            'forbidden',
            'Only coordinators of its region and admins remove a challenge once it is reviewed',
          );
      });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/challenges/:id/merge', {
    schema: {
      tags: ['challenges'],
      summary: 'Merge this challenge (a duplicate) into targetId; supporters, followers and comments move',
      params: IdParamsSchema,
      body: MergeInputSchema,
      response: { 200: ChallengeSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const target = await mergeChallenges(
        db,
        actor,
        request.params.id,
        request.body.targetId,
        (source, into) => {
          requireReadable(actor, source);
          if (!canModerateChallenge(actor, source))
            throw new AppError('forbidden', 'Coordinators of its region and admins merge a challenge');
          if (!into || !canReadChallenge(actor, into)) throw invalid('targetId', 'Unknown target challenge');
          if (!canModerateChallenge(actor, into))
            throw new AppError('forbidden', 'You may not change the target challenge (another region’s)');
        },
      );
      return challengeView(actor, target.id);
    },
  });

  await engagementRoutes(app, ctx);
  await evaluationRoutes(app, ctx);
}
