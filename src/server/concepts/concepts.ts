import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listConcepts } from '../../db/queries/concepts.ts';
import type { AppContext } from '../context.ts';
import { LanguageSchema, LocalizedSchema } from '../shared-schemas.ts';

export const ConceptSchema = z.object({
  id: z.string(),
  scheme: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int(),
  labels: LocalizedSchema,
});

export const ConceptQuerySchema = z.object({
  scheme: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  lang: LanguageSchema.optional(),
});

export async function conceptRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/concepts', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Concepts of a scheme with their fi/sv/en labels',
      querystring: ConceptQuerySchema,
      response: { 200: z.array(ConceptSchema) },
    },
    handler: async (request) => {
      const rows = await listConcepts(ctx.database.db, request.query);
      return rows.map((c) => ({
        id: c.id,
        scheme: c.scheme,
        parentId: c.parentId,
        level: c.level,
        labels: c.labels,
      }));
    },
  });
}
