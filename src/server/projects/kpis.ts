import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { challengeCounts, programmeCountryCodes, workingLifePeriodCounts } from '../../db/queries/kpis.ts';
import { loadProjectBundles } from '../../db/queries/projects.ts';
import { listRegionRows } from '../../db/queries/regions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canReadChallenge } from '../../domain/challenges/challenge-permissions.ts';
import { commonChallenges } from '../../domain/challenges/similarity/common-challenges.ts';
import { AppError } from '../../domain/errors.ts';
import { computeKpis, countsTowardTarget, type KpiProject } from '../../domain/projects/kpis.ts';
import { canExportKpis, canReadKpis } from '../../domain/projects/project-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { similarityReadModelFor } from '../challenges/similarity-read-model.ts';
import type { AppContext } from '../context.ts';
import { kpisPdf, kpisXlsx } from './kpis-export.ts';
import { projectMoney } from './presenters.ts';
import { KpiExportQuerySchema, KpisSchema } from './schema.ts';

export type KpisOut = z.infer<typeof KpisSchema>;

export const KPI_RULE =
  'A project counts toward its target when its proposal is submitted or funded; a national project only when two or more network regions take part (its own or its partners’). Money applied for: the project’s own figure, else the grant of its budget sketch.';

/**
 * The network's KPIs (GET /api/kpis) and the funder report (XLSX, PDF): projects by stage against
 * the 1–2 joint national / 1–2 Horizon Europe targets, partners and regions involved, money
 * applied for and won, teachers' working-life periods, challenges and common challenges.
 */
export async function kpiRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const similarity = similarityReadModelFor(db);

  async function gather(actor: Actor): Promise<KpisOut> {
    const [bundles, countries, periods, challenges, regions, state] = await Promise.all([
      loadProjectBundles(db),
      programmeCountryCodes(db),
      workingLifePeriodCounts(db),
      challengeCounts(db),
      listRegionRows(db),
      similarity.current(),
    ]);
    const projects: KpiProject[] = bundles.map((b) => ({
      id: b.project.id,
      title: b.project.title,
      stage: b.project.stage,
      track: b.instrument?.track ?? null,
      regionIds: b.project.regionIds,
      partners: b.partners,
      appliedEur: projectMoney(b, countries).appliedEur,
      grantedEur: b.project.grantedEur,
    }));
    const kpis = computeKpis(projects);
    const common = commonChallenges({
      clusters: state.engine.clusters().map((c) => c.members),
      member: (id) => state.rows.get(id),
      canRead: (row) => canReadChallenge(actor, row),
      featuresOf: (id) => state.engine.features(id),
      score: (a, b) => state.engine.score(a, b),
    }).length;
    const regionName = new Map(regions.map((x) => [x.id, x.name]));
    return {
      ...kpis,
      tracks: kpis.tracks,
      generatedAt: new Date().toISOString(),
      rule: KPI_RULE,
      regions: kpis.regions.map((x) => ({
        ...x,
        name: regionName.get(x.id) ?? { fi: x.id, sv: x.id, en: x.id },
      })),
      workingLifePeriods: periods,
      challenges: { ...challenges, common },
      projectList: projects.map((p, i) => ({
        id: p.id,
        title: p.title,
        stage: p.stage,
        track: p.track,
        instrumentName: bundles[i]!.instrument?.name ?? null,
        regionIds: p.regionIds as string[],
        partnerCount: p.partners.length,
        appliedEur: p.appliedEur,
        grantedEur: p.grantedEur,
        countsTowardTarget: countsTowardTarget(p),
      })),
    };
  }

  r.get('/api/kpis', {
    schema: {
      tags: ['projects'],
      summary: 'Key figures of the network against its targets (signed-in users)',
      description: KPI_RULE,
      response: { 200: KpisSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      if (!canReadKpis(actor)) throw new AppError('forbidden', 'You may not read the KPIs');
      return gather(actor);
    },
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(`/api/kpis/export.${format}`, {
      schema: {
        tags: ['projects'],
        summary: `The funder report of the KPIs as ${format.toUpperCase()} (coordinators and admins)`,
        description:
          'Headings in the language asked for (`lang`). XLSX cells a spreadsheet would run as a formula start with an apostrophe.',
        querystring: KpiExportQuerySchema,
      },
      handler: async (request, reply) => {
        const actor = requireUser(request.actor);
        if (!canExportKpis(actor))
          throw new AppError('forbidden', 'Coordinators and admins export the report');
        const data = { kpis: await gather(actor), lang: request.query.lang };
        const body = format === 'pdf' ? await kpisPdf(data) : await kpisXlsx(data);
        const date = data.kpis.generatedAt.slice(0, 10);
        return reply
          .type(
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="kenno-kpis-${date}.${format}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    });
  }
}
