import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Liveness and database reachability',
      response: { 200: HealthSchema },
    },
    handler: async () => {
      try {
        await ctx.database.db.execute(sql`select 1`);
      } catch {
        throw new AppError('db_unavailable', 'The database is not reachable');
      }
      return { status: 'ok' as const, db: ctx.database.kind, version: ctx.version };
    },
  });
}
