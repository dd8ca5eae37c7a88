import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/create-db.ts';
import { createSite, deleteSite, findSite, updateSite } from '../../db/queries/sites.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { normaliseForSearch } from '../../domain/registry/organisation-index.ts';
import { SiteInputSchema, SitePatchSchema, type SitePatch } from '../../domain/sites/site.ts';
import { canDeleteSite, forbiddenSiteFields } from '../../domain/sites/site-access.ts';
import { compareSites } from '../../domain/sites/site-comparison.ts';
import { matchSites } from '../../domain/sites/site-matching.ts';
import { canCreateSite, canEditSite, canReadSite } from '../../domain/sites/site-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { createResponseCache } from '../response-cache.ts';
import {
  checkRegionIds,
  loadReadableOrganisation,
  organisationsById,
  readableSite,
  visibilityKey,
} from './module-access.ts';
import { presentSite, presentSiteSummary, siteFacts } from './presenters.ts';
import {
  CompareQuerySchema,
  ComparisonSchema,
  MatchRequestSchema,
  MatchResultSchema,
  SiteListQuerySchema,
  SiteListSchema,
  SiteSchema,
} from './schema.ts';
import { sitesReadModel } from './sites-read-model.ts';

/** The organisations a site names must exist and be visible to whoever names them. */
async function checkSiteReferences(db: Db, actor: Actor, input: SitePatch): Promise<void> {
  await checkRegionIds(db, 'regionId', [input.regionId]);
  if (input.operatorOrganisationId)
    await loadReadableOrganisation(db, actor, input.operatorOrganisationId, 'operatorOrganisationId');
  for (const id of new Set(input.tenantOrganisationIds ?? []))
    await loadReadableOrganisation(db, actor, id, 'tenantOrganisationIds');
}

export async function siteRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const model = sitesReadModel(db);
  const listCache = createResponseCache();

  /** Writes check the stored row, not the read model. */
  async function loadSiteForWrite(actor: Actor, id: string) {
    const site = await findSite(db, id);
    if (!site || !canReadSite(actor, site)) throw notFound('Site');
    return site;
  }

  async function presentWithOrganisations(row: Parameters<typeof presentSite>[0], actor: Actor) {
    // The operator is a foreign key (always there); tenant ids may name a removed organisation,
    // which must not make every request reload the registry.
    const organisations = await organisationsById(db, [row.operatorOrganisationId]);
    return presentSite(row, actor, organisations);
  }

  r.get('/api/sites', {
    schema: {
      tags: ['sites'],
      summary: 'Industrial sites and parks, by name, place, description or tenant, and by region',
      querystring: SiteListQuerySchema,
      response: { 200: SiteListSchema },
    },
    handler: async (request, reply) => {
      const { q, region } = request.query;
      const data = await model.current();
      const key = JSON.stringify([data.version, visibilityKey(request.actor), q ?? '', region ?? '']);
      let json = listCache.get(key);
      if (json === undefined) {
        const needle = q ? normaliseForSearch(q) : null;
        const items = data.sites
          .filter((s) => canReadSite(request.actor, s))
          .filter((s) => !region || s.regionId === region)
          .filter(
            (s) =>
              !needle ||
              normaliseForSearch(
                [
                  s.name,
                  s.municipality,
                  s.portName,
                  s.description.fi,
                  s.description.sv,
                  s.description.en,
                  ...s.tenants,
                ].join('\n'),
              ).includes(needle),
          )
          .map(presentSiteSummary);
        json = JSON.stringify(SiteListSchema.parse({ items }));
        listCache.set(key, json);
      }
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
    },
  });

  r.get('/api/sites/compare', {
    schema: {
      tags: ['sites'],
      summary: 'Compare 2–4 sites side by side: one row per fact, with the best value marked',
      querystring: CompareQuerySchema,
      response: { 200: ComparisonSchema },
    },
    handler: async (request) => {
      const data = await model.current();
      const rows = request.query.ids.map((id) => readableSite(data, request.actor, id));
      return { sites: rows.map(presentSiteSummary), rows: compareSites(rows.map(siteFacts)) };
    },
  });

  r.post('/api/sites/match', {
    schema: {
      tags: ['sites'],
      summary:
        "Rank the sites against an investor's requirements (hard constraints and weighted preferences), with reasons and unmet requirements",
      body: MatchRequestSchema,
      response: { 200: MatchResultSchema },
    },
    handler: async (request) => {
      const data = await model.current();
      const readable = data.sites.filter((s) => canReadSite(request.actor, s)).map(siteFacts);
      return matchSites(readable, request.body.requirements, {
        includeExcluded: request.body.includeExcluded,
      });
    },
  });

  r.get('/api/sites/:id', {
    schema: {
      tags: ['sites'],
      summary: 'A site profile',
      params: IdParamsSchema,
      response: { 200: SiteSchema },
    },
    handler: async (request) => {
      const site = readableSite(await model.current(), request.actor, request.params.id);
      return presentWithOrganisations(site, request.actor);
    },
  });

  r.post('/api/sites', {
    schema: {
      tags: ['sites'],
      summary: 'Add a site (admins; coordinators in their own region)',
      body: SiteInputSchema,
      response: { 201: SiteSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      if (!canCreateSite(actor, input.regionId ?? null))
        throw new AppError('forbidden', 'Only admins, and coordinators for their own region, may add sites');
      await checkSiteReferences(db, actor, input);
      const row = await createSite(db, actor, input);
      await model.refresh();
      return reply.status(201).send(await presentWithOrganisations(row, actor));
    },
  });

  r.patch('/api/sites/:id', {
    schema: {
      tags: ['sites'],
      summary: 'Change a site (its operator, the region coordinator, admins)',
      params: IdParamsSchema,
      body: SitePatchSchema,
      response: { 200: SiteSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const site = await loadSiteForWrite(actor, request.params.id);
      if (!canEditSite(actor, site)) throw new AppError('forbidden', 'You may not change this site');
      const forbidden = forbiddenSiteFields(actor, site, request.body);
      if (forbidden.length) {
        throw new AppError(
          'forbidden',
          `Your role may not change: ${forbidden.join(', ')}`,
          forbidden.map((f) => ({ path: [f], message: 'not allowed for your role' })),
        );
      }
      await checkSiteReferences(db, actor, request.body);
      const row = await updateSite(db, actor, site.id, request.body);
      await model.refresh();
      return presentWithOrganisations(row, actor);
    },
  });

  r.delete('/api/sites/:id', {
    schema: {
      tags: ['sites'],
      summary: 'Remove a site (the region coordinator, admins)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const site = await loadSiteForWrite(actor, request.params.id);
      if (!canDeleteSite(actor, site)) throw new AppError('forbidden', 'You may not remove this site');
      await deleteSite(db, actor, site.id);
      await model.refresh();
      return reply.status(204).send(null);
    },
  });
}
