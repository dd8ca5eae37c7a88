import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findProjectForPartners } from '../../db/queries/partners.ts';
import { organisationVisibility } from '../../domain/auth/permissions.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { candidateByKey, searchPartners } from '../../domain/partners/partner-index.ts';
import { canReadProject, canSearchPartners } from '../../domain/projects/project-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { partnerReadModelFor, providePartnerIndex, resolvePartnerQuery } from './partner-read-model.ts';
import { PartnerSearchResultSchema, PartnerSearchSchema } from './schema.ts';

/**
 * Partner search over registry and CORDIS organisations (issue 5, decision 014): for a challenge,
 * free text or a call topic; concepts, text, track record and complementarity, with reasons.
 */
export async function partnerRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;
  providePartnerIndex(app, db);
  const model = partnerReadModelFor(db);

  app.withTypeProvider<ZodTypeProvider>().post('/api/partners/search', {
    bodyLimit: 64 * 1024,
    schema: {
      tags: ['partners'],
      summary:
        'Find partners among registry and CORDIS organisations for a challenge, a text or a call topic, with reasons',
      body: PartnerSearchSchema,
      response: { 200: PartnerSearchResultSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      if (!canSearchPartners(actor)) throw new AppError('forbidden', 'You may not search partners');
      const body = request.body;
      const chosen = new Set(body.chosen ?? []);
      const conceptIds = [...(body.conceptIds ?? [])];
      let text = body.text;
      if (body.projectId) {
        const project = await findProjectForPartners(db, body.projectId);
        if (!project || !canReadProject(actor)) throw notFound('Project');
        for (const key of project.chosen) chosen.add(key);
        conceptIds.push(...project.project.conceptIds);
        if (!text?.trim() && !body.challengeId && !body.topic)
          text = `${project.project.title}\n${project.project.summary}`;
      }
      const query = await resolvePartnerQuery(
        db,
        actor,
        { challengeId: body.challengeId, text, topic: body.topic },
        conceptIds,
      );
      const index = await model.current();
      const visibility = organisationVisibility(actor);
      const { hits, total } = searchPartners(index, {
        text: query.text,
        concepts: query.concepts,
        topic: query.topic,
        chosen: [...chosen],
        filters: body.filters,
        visibility,
        limit: body.limit,
      });
      return {
        results: hits,
        total,
        query: {
          conceptIds: [...query.concepts]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .map(([c]) => c),
          chosen: [...chosen].map((key) => ({
            key,
            name: candidateByKey(index, key, visibility)?.name ?? key,
          })),
        },
      };
    },
  });
}
