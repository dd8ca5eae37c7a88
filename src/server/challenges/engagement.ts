import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addComment, listComments, setFollow, setSupport } from '../../db/queries/challenge-engagement.ts';
import { CommentInputSchema } from '../../domain/challenges/challenge.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { loadReadableChallenge, requireOpen } from './challenge-access.ts';
import { presentComment } from './presenters.ts';
import { CommentSchema, FollowStateSchema, SupportStateSchema } from './schema.ts';

/** Supports, follows and comments: any signed-in person who can read an open challenge. */
export async function engagementRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  for (const on of [true, false]) {
    const method = on ? 'put' : 'delete';
    r[method]('/api/challenges/:id/support', {
      schema: {
        tags: ['challenges'],
        summary: on ? 'Support a challenge (idempotent)' : 'Withdraw your support',
        params: IdParamsSchema,
        response: { 200: SupportStateSchema },
      },
      handler: async (request) => {
        const actor = requireUser(request.actor);
        return setSupport(db, actor, request.params.id, on, (row) => requireOpen(actor, row));
      },
    });
    r[method]('/api/challenges/:id/follow', {
      schema: {
        tags: ['challenges'],
        summary: on
          ? 'Follow a challenge: hear of its comments, status changes and merges (idempotent)'
          : 'Stop following a challenge',
        params: IdParamsSchema,
        response: { 200: FollowStateSchema },
      },
      handler: async (request) => {
        const actor = requireUser(request.actor);
        return setFollow(db, actor, request.params.id, on, (row) => requireOpen(actor, row));
      },
    });
  }

  r.get('/api/challenges/:id/comments', {
    schema: {
      tags: ['challenges'],
      summary: 'The comments on a challenge, oldest first',
      params: IdParamsSchema,
      response: { 200: z.array(CommentSchema) },
    },
    handler: async (request) => {
      await loadReadableChallenge(db, request.actor, request.params.id);
      return (await listComments(db, request.params.id)).map(presentComment);
    },
  });

  r.post('/api/challenges/:id/comments', {
    schema: {
      tags: ['challenges'],
      summary: 'Comment on a challenge; its followers and author are notified, and you follow it',
      params: IdParamsSchema,
      body: CommentInputSchema,
      response: { 201: CommentSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const comment = await addComment(db, actor, request.params.id, request.body.body, (row) =>
        requireOpen(actor, row),
      );
      return reply.status(201).send(presentComment(comment));
    },
  });
}
