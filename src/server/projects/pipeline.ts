import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findChallengeSummaries } from '../../db/queries/challenges.ts';
import { programmeCountryCodes } from '../../db/queries/kpis.ts';
import {
  changeProjectStage,
  createProject,
  findProjectBundle,
  loadProjectBundles,
  type ProjectBundle,
  projectScope,
  updateProject,
} from '../../db/queries/projects.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canReadChallenge, canStartProjectIdea } from '../../domain/challenges/challenge-permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { canEditProject, canReadProject } from '../../domain/projects/project-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { presentChallengeSummary } from '../challenges/presenters.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { presentProject, presentProjectDetail } from './presenters.ts';
import {
  ProjectDetailSchema,
  ProjectInputSchema,
  ProjectListQuerySchema,
  ProjectPatchSchema,
  ProjectSchema,
  StageInputSchema,
} from './schema.ts';

function requireReader(actor: Actor) {
  const user = requireUser(actor);
  if (!canReadProject(user)) throw new AppError('forbidden', 'You may not read projects');
  return user;
}

function editCheck(actor: Actor) {
  return (bundle: Pick<ProjectBundle, 'project' | 'partners'>) => {
    if (!canEditProject(actor, projectScope(bundle)))
      throw new AppError(
        'forbidden',
        "The project's creator, coordinators of its regions, its coordinator partner's members and admins edit it",
      );
  };
}

/**
 * The R&D pipeline: project ideas started from (common) challenges, then instrument and call,
 * money, work-package outline and stage by stage to funded or not funded. Every signed-in person
 * reads projects; coordinators and admins start them; the project's creator, the coordinators of
 * its regions, members of its coordinator partner's organisation and admins edit them.
 */
export async function pipelineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function detail(actor: Actor, id: string) {
    const [bundle, countries] = await Promise.all([findProjectBundle(db, id), programmeCountryCodes(db)]);
    const members = await findChallengeSummaries(db, bundle.project.challengeIds);
    return {
      ...presentProjectDetail(bundle, actor, countries),
      challenges: members.filter((c) => canReadChallenge(actor, c)).map(presentChallengeSummary),
    };
  }

  r.post('/api/projects', {
    schema: {
      tags: ['projects'],
      summary: 'Start a project idea from challenges (typically a common challenge); they go to in_project',
      body: ProjectInputSchema,
      response: { 201: ProjectSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!canStartProjectIdea(actor))
        throw new AppError('forbidden', 'Coordinators and admins start project ideas');
      const project = await createProject(db, actor, request.body, (row, index) => {
        if (!canReadChallenge(actor, row))
          throw new AppError('validation_failed', 'No such challenge', [
            { path: ['challengeIds', String(index)], message: 'No such challenge' },
          ]);
      });
      const [bundle, countries] = await Promise.all([
        findProjectBundle(db, project.id),
        programmeCountryCodes(db),
      ]);
      return reply.status(201).send(presentProject(bundle, actor, countries));
    },
  });

  r.get('/api/projects', {
    schema: {
      tags: ['projects'],
      summary: 'Projects on the pipeline, newest first, with instrument, call, deadline, partners and money',
      querystring: ProjectListQuerySchema,
      response: { 200: z.array(ProjectSchema) },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      const f = request.query;
      const [bundles, countries] = await Promise.all([loadProjectBundles(db), programmeCountryCodes(db)]);
      const q = f.q?.toLocaleLowerCase('fi');
      return bundles
        .filter(
          ({ project: p, instrument, partners }) =>
            (!f.stage || p.stage === f.stage) &&
            (!f.track || instrument?.track === f.track) &&
            (!f.instrumentId || p.instrumentId === f.instrumentId) &&
            (!f.callId || p.callId === f.callId) &&
            (!f.regionId ||
              p.regionIds.includes(f.regionId) ||
              partners.some((x) => x.regionId === f.regionId)) &&
            (!q || `${p.title}\n${p.summary}`.toLocaleLowerCase('fi').includes(q)),
        )
        .map((b) => presentProject(b, actor, countries));
    },
  });

  r.get('/api/projects/:id', {
    schema: {
      tags: ['projects'],
      summary: 'A project with its challenges (those you may read), work packages and where it may move next',
      params: IdParamsSchema,
      response: { 200: ProjectDetailSchema },
    },
    handler: async (request) => detail(requireReader(request.actor), request.params.id),
  });

  r.patch('/api/projects/:id', {
    schema: {
      tags: ['projects'],
      summary: 'Change a project: title, summary, instrument and call, money, work-package outline',
      description:
        'A call brings its instrument; a new call resets the deadline reminders. A work package lead must be a partner of the project.',
      params: IdParamsSchema,
      body: ProjectPatchSchema,
      response: { 200: ProjectDetailSchema },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      await updateProject(db, actor, request.params.id, request.body, editCheck(actor));
      return detail(actor, request.params.id);
    },
  });

  r.post('/api/projects/:id/stage', {
    schema: {
      tags: ['projects'],
      summary: 'Move a project to another pipeline stage',
      description:
        'One stage forward or back to any earlier one; funded or not funded only from submitted, funded with the granted sum (409 for a move not allowed).',
      params: IdParamsSchema,
      body: StageInputSchema,
      response: { 200: ProjectDetailSchema },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      await changeProjectStage(db, actor, request.params.id, request.body, editCheck(actor));
      return detail(actor, request.params.id);
    },
  });
}
