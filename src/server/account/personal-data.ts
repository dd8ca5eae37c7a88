import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { erasePersonalData, exportPersonalData } from '../../db/queries/personal-data.ts';
import { findUserById } from '../../db/queries/users.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser, SESSION_COOKIE } from '../auth/actor.ts';
import { checkPassword } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';

/**
 * A person's own data: `GET /api/me/data` downloads everything Kenno holds about the signed-in
 * person as JSON; `DELETE /api/me` erases it (password required, counted like a sign-in).
 */
export async function personalDataRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/me/data', {
    schema: { tags: ['auth'], summary: 'Download all personal data Kenno holds about me (JSON)' },
    handler: async (request, reply) => {
      const user = requireUser(request.actor);
      const data = await exportPersonalData(db, user.userId);
      if (!data) throw new AppError('not_found', 'Account not found');
      return reply
        .header('content-disposition', 'attachment; filename="kenno-my-data.json"')
        .header('cache-control', 'no-store')
        .send(data);
    },
  });

  r.delete('/api/me', {
    schema: {
      tags: ['auth'],
      summary: 'Erase my account and personal data (confirm with the password)',
      body: z.object({ password: z.string().min(1).max(1000) }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const me = await findUserById(db, actor.userId);
      if (!me) throw new AppError('not_found', 'Account not found');
      await checkPassword(db, me.email, request.body.password, request.ip);
      await erasePersonalData(db, actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
}
