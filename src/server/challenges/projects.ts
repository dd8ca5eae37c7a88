import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findChallengeSummaries } from '../../db/queries/challenges.ts';
import { createProject, findProject, listProjects } from '../../db/queries/projects.ts';
import { canReadChallenge, canStartProjectIdea } from '../../domain/challenges/challenge-permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { presentChallengeSummary, presentProject } from './presenters.ts';
import { ProjectDetailSchema, ProjectInputSchema, ProjectSchema } from './schema.ts';

/**
 * Project ideas started from (common) challenges: a plain record until the projects module
 * grows it into a pipeline. Signed-in people see them; coordinators and admins start them.
 */
export async function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

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
      return reply.status(201).send(presentProject(project));
    },
  });

  r.get('/api/projects', {
    schema: {
      tags: ['projects'],
      summary: 'Project ideas, newest first',
      response: { 200: z.array(ProjectSchema) },
    },
    handler: async (request) => {
      requireUser(request.actor);
      return (await listProjects(db)).map(presentProject);
    },
  });

  r.get('/api/projects/:id', {
    schema: {
      tags: ['projects'],
      summary: 'A project idea with the challenges it came from (those you may read)',
      params: IdParamsSchema,
      response: { 200: ProjectDetailSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const project = await findProject(db, request.params.id);
      const members = await findChallengeSummaries(db, project.challengeIds);
      return {
        ...presentProject(project),
        challenges: members.filter((c) => canReadChallenge(actor, c)).map(presentChallengeSummary),
      };
    },
  });
}
