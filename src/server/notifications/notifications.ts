import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNotifications, markNotificationsRead } from '../../db/queries/notifications.ts';
import { requireUser } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** An app path, e.g. /challenges/abc. */
  link: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

/** In-app notifications of the signed-in person (the same events also go out by e-mail). */
export async function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'Your latest notifications and how many are unread',
      response: { 200: z.object({ items: z.array(NotificationSchema), unread: z.number().int() }) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const { items, unread } = await listNotifications(db, actor.userId);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          link: n.link,
          payload: n.payload,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
        })),
        unread,
      };
    },
  });

  r.post('/api/notifications/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark notifications read: the given ids, or all',
      body: z.object({ ids: z.array(z.string().min(1).max(100)).max(500).optional() }).default({}),
      response: { 200: z.object({ unread: z.number().int() }) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      return { unread: await markNotificationsRead(db, actor, request.body.ids) };
    },
  });
}
