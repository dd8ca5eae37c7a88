import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tagText } from '../../domain/taxonomy/tagging.ts';
import type { AppContext } from '../context.ts';
import { TagRequestSchema, TagResultsSchema } from './schema.ts';
import { tagIndexReadModelFor } from './tag-index-read-model.ts';

export async function taggingRoutes(app: FastifyInstance, ctx: AppContext) {
  const tagIndex = tagIndexReadModelFor(ctx.database.db);

  app.withTypeProvider<ZodTypeProvider>().post('/api/concepts/tag', {
    // 20,000 characters are at most ~120 kB of JSON (escapes included); more is refused unread.
    bodyLimit: 128 * 1024,
    schema: {
      tags: ['taxonomy'],
      summary: 'Tag free text (fi, sv or en) with value-chain concepts, with the matched words as evidence',
      body: TagRequestSchema,
      response: { 200: TagResultsSchema },
    },
    handler: async (request) => {
      const { index } = await tagIndex.current();
      return tagText(index, request.body.text, request.body.lang).map((r) => ({
        conceptId: r.conceptId,
        label: r.label,
        score: r.score,
        evidence: r.evidence,
      }));
    },
  });
}
