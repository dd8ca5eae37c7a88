import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadChallengeTexts, organisationNames } from '../../db/queries/challenge-similarity.ts';
import { listRegionRows } from '../../db/queries/regions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canReadChallenge } from '../../domain/challenges/challenge-permissions.ts';
import {
  type CommonChallengeQuery,
  commonChallenges,
} from '../../domain/challenges/similarity/common-challenges.ts';
import { explainSimilarity } from '../../domain/challenges/similarity/reasons.ts';
import { notFound } from '../../domain/errors.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { commonChallengesPdf, commonChallengesXlsx } from './common-challenges-export.ts';
import {
  ClusterParamsSchema,
  CommonChallengeSchema,
  type CommonChallengeOut,
  CommonExportQuerySchema,
  CommonQuerySchema,
  SimilarChallengesSchema,
  SimilarQuerySchema,
} from './similarity-schema.ts';
import { type SimilarityState, similarityReadModelFor } from './similarity-read-model.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Similar challenges across languages, and common challenges (clusters spanning two or more
 * regions) with their workshop export. Everything comes from the similarity read model; each row
 * is filtered by what the caller may read.
 */
export async function similarityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const model = similarityReadModelFor(db);

  /** The common challenges the actor can see, with organisation names and concept labels. */
  async function visibleCommon(
    state: SimilarityState,
    actor: Actor,
    query: CommonChallengeQuery,
  ): Promise<CommonChallengeOut[]> {
    const found = commonChallenges({
      clusters: state.engine.clusters().map((c) => c.members),
      member: (id) => state.rows.get(id),
      canRead: (row) => canReadChallenge(actor, row),
      featuresOf: (id) => state.engine.features(id),
      score: (a, b) => state.engine.score(a, b),
      query,
    });
    const names = await organisationNames(
      db,
      found.flatMap((c) => c.members.flatMap((m) => (m.organisationId ? [m.organisationId] : []))),
    );
    return found.map((c) => ({
      clusterId: c.clusterId,
      regions: c.regions,
      challenges: c.members.map((m) => ({
        id: m.id,
        title: m.title,
        language: m.language,
        regionId: m.regionId,
        organisationId: m.organisationId,
        organisationName: m.organisationId ? (names.get(m.organisationId) ?? null) : null,
        status: m.status,
      })),
      concepts: c.conceptIds.map((id) => ({
        id,
        label: state.conceptLabels.get(id) ?? { fi: id, sv: id, en: id },
      })),
      cohesion: c.cohesion,
      languages: c.languages as CommonChallengeOut['languages'],
    }));
  }

  r.get('/api/challenges/:id/similar', {
    schema: {
      tags: ['challenges'],
      summary: 'Challenges similar to this one, in any language, with the reasons',
      description:
        'Shared value-chain concepts (a concept and a narrower one count half), shared language-independent terms (formulas, acronyms, quantities, lexicon words) and, within one language, shared words. Only challenges the caller may read; never the challenge itself nor merged or rejected ones.',
      params: IdParamsSchema,
      querystring: SimilarQuerySchema,
      response: { 200: SimilarChallengesSchema },
    },
    handler: async (request) => {
      const state = await model.current();
      const row = state.rows.get(request.params.id);
      if (!row || !canReadChallenge(request.actor, row)) throw notFound('Challenge');
      const mine = state.featuresOf(row);
      const neighbours = state.engine.has(row.id)
        ? state.engine.neighbours(row.id)
        : state.engine.similarTo(mine);
      const out = [];
      for (const [id, score] of neighbours) {
        const other = state.rows.get(id);
        if (!other || id === row.id || other.status === 'merged') continue;
        if (!canReadChallenge(request.actor, other)) continue;
        const theirs = state.engine.features(id);
        if (!theirs) continue;
        out.push({
          challenge: {
            id: other.id,
            title: other.title,
            language: other.language,
            regionId: other.regionId,
            organisationId: other.organisationId,
            status: other.status,
          },
          score: round(score),
          reasons: explainSimilarity(mine, theirs),
        });
        if (out.length >= request.query.limit) break;
      }
      return out;
    },
  });

  r.get('/api/challenges/common', {
    schema: {
      tags: ['challenges'],
      summary: 'Common challenges: clusters of similar challenges spanning two or more regions',
      description:
        'As far as the caller can read them: a cluster is listed only if its readable challenges still span two regions. clusterId stays the same while the cluster keeps its oldest challenge.',
      querystring: CommonQuerySchema,
      response: { 200: CommonChallengeSchema.array() },
    },
    handler: async (request) => visibleCommon(await model.current(), request.actor, request.query),
  });

  r.get('/api/challenges/common/:clusterId', {
    schema: {
      tags: ['challenges'],
      summary: 'One common challenge',
      params: ClusterParamsSchema,
      response: { 200: CommonChallengeSchema },
    },
    handler: async (request) => {
      const all = await visibleCommon(await model.current(), request.actor, {});
      const found = all.find((c) => c.clusterId === request.params.clusterId);
      if (!found) throw notFound('Common challenge');
      return found;
    },
  });

  r.get('/api/challenges/common/export', {
    schema: {
      tags: ['challenges'],
      summary: 'A workshop file of common challenges (XLSX or PDF): all visible ones, or one',
      description:
        'XLSX: a sheet of clusters and a sheet of their challenges (cells a spreadsheet would run as a formula start with an apostrophe). PDF: a title page, then each cluster with its regions, concepts and challenges in their own language. `lang` sets the headings.',
      querystring: CommonExportQuerySchema,
    },
    handler: async (request, reply) => {
      const { format, clusterId, lang, ...query } = request.query;
      const all = await visibleCommon(await model.current(), request.actor, query);
      const clusters = clusterId ? all.filter((c) => c.clusterId === clusterId) : all;
      if (clusterId && clusters.length === 0) throw notFound('Common challenge');
      const texts = await loadChallengeTexts(
        db,
        clusters.flatMap((c) => c.challenges.map((m) => m.id)),
      );
      const regionNames = new Map((await listRegionRows(db)).map((region) => [region.id, region.name]));
      const data = { clusters, texts, regionNames, lang, generatedAt: new Date() };
      const date = data.generatedAt.toISOString().slice(0, 10);
      const safe = (clusterId ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
      const name = clusterId ? `kenno-${safe}-${date}` : `kenno-common-challenges-${date}`;
      const body = format === 'pdf' ? await commonChallengesPdf(data) : await commonChallengesXlsx(data);
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });
}
