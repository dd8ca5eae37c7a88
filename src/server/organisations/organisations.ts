import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisation,
  loadProfileDetails,
  updateOrganisation,
} from '../../db/queries/organisations.ts';
import { regionExists } from '../../db/queries/regions.ts';
import {
  canCreateOrganisation,
  canDeleteOrganisation,
  canEditOrganisation,
  forbiddenOrganisationFields,
  organisationVisibility,
} from '../../domain/auth/permissions.ts';
import { queryOrganisationIndex } from '../../domain/registry/organisation-index.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import {
  OrganisationInputSchema,
  OrganisationPatchSchema,
  slugifyOrganisationName,
} from '../../domain/registry/organisation.ts';
import { visibleDetails } from '../../domain/registry/profile-details.ts';
import { requireUser } from '../auth/actor.ts';
import { createResponseCache } from '../response-cache.ts';
import { createOrganisationReadModel } from './organisation-read-model.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { competenceRoutes } from './competences.ts';
import { loadReadableOrganisation } from './organisation-access.ts';
import { presentOrganisation, presentOrganisationSummary } from './presenters.ts';
import { profileDetailRoutes } from './profile-details.ts';
import { OrganisationListQuerySchema, OrganisationPageSchema, OrganisationSchema } from './schema.ts';
import { createTextSearch } from './text-search.ts';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  // Lists are served from memory; profiles and writes go to the database.
  const readModel = createOrganisationReadModel(db);
  const textSearch = createTextSearch(db);
  const listCache = createResponseCache();

  const loadReadable = (actor: Actor, id: string) => loadReadableOrganisation(db, actor, id);

  /** Infrastructure and contacts of a profile, as far as the actor may see them. */
  async function visibleProfileDetails(actor: Actor, id: string) {
    const details = await loadProfileDetails(db, id);
    return {
      infrastructure: visibleDetails(actor, details.infrastructure),
      contacts: visibleDetails(actor, details.contacts),
    };
  }

  async function checkRegion(regionId: string | null | undefined) {
    if (regionId && !(await regionExists(db, regionId))) {
      throw new AppError('validation_failed', 'Unknown region', [
        { path: ['regionId'], message: 'Unknown region' },
      ]);
    }
  }

  r.get('/api/organisations', {
    schema: {
      tags: ['registry'],
      summary:
        'Search organisations by name and description (full text in fi/sv/en), region, type and value-chain concept',
      querystring: OrganisationListQuerySchema,
      response: { 200: OrganisationPageSchema },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const index = await readModel.current();
      const visibility = organisationVisibility(request.actor);
      const key = JSON.stringify([
        index.version,
        visibility,
        q.q ?? '',
        q.region,
        q.type,
        q.concept,
        q.page,
        q.pageSize,
      ]);
      let json = listCache.get(key);
      if (json === undefined) {
        // Full-text matches from PostgreSQL; names still match as substrings in memory.
        const textRanks = q.q ? await textSearch.ranks(index.version, q.q) : undefined;
        const { items, total } = queryOrganisationIndex(
          index,
          {
            q: q.q || undefined,
            textRanks,
            regionId: q.region,
            type: q.type,
            conceptId: q.concept,
            page: q.page,
            pageSize: q.pageSize,
          },
          visibility,
        );
        const page = {
          items: items.map(presentOrganisationSummary),
          total,
          page: q.page,
          pageSize: q.pageSize,
        };
        json = JSON.stringify(OrganisationPageSchema.parse(page));
        listCache.set(key, json);
      }
      // Already validated and serialised: sent as is.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
    },
  });

  r.get('/api/organisations/:id', {
    schema: {
      tags: ['registry'],
      summary: 'An organisation profile',
      params: IdParamsSchema,
      response: { 200: OrganisationSchema },
    },
    handler: async (request) => {
      const found = await loadReadable(request.actor, request.params.id);
      return presentOrganisation(
        found.organisation,
        found.competences,
        await visibleProfileDetails(request.actor, found.organisation.id),
        canEditOrganisation(request.actor, found.organisation),
      );
    },
  });

  r.post('/api/organisations', {
    schema: {
      tags: ['registry'],
      summary: 'Add an organisation',
      body: OrganisationInputSchema,
      response: { 201: OrganisationSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      if (!canCreateOrganisation(actor, input.regionId ?? null)) {
        throw new AppError(
          'forbidden',
          'Only admins, and coordinators for their own region, may add organisations',
        );
      }
      await checkRegion(input.regionId);
      const id = await freeOrganisationId(input.name);
      const row = await createOrganisation(db, actor, id, input);
      await readModel.refresh();
      return reply.status(201).send(presentOrganisation(row, [], { infrastructure: [], contacts: [] }, true));
    },
  });

  r.patch('/api/organisations/:id', {
    schema: {
      tags: ['registry'],
      summary: 'Change an organisation profile',
      params: IdParamsSchema,
      body: OrganisationPatchSchema,
      response: { 200: OrganisationSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await loadReadable(actor, request.params.id);
      if (!canEditOrganisation(actor, found.organisation))
        throw new AppError('forbidden', 'You may not change this organisation');
      const forbidden = forbiddenOrganisationFields(actor, found.organisation, request.body);
      if (forbidden.length) {
        throw new AppError(
          'forbidden',
          `Your role may not change: ${forbidden.join(', ')}`,
          forbidden.map((f) => ({ path: [f], message: 'not allowed for your role' })),
        );
      }
      await checkRegion(request.body.regionId);
      const row = await updateOrganisation(db, actor, request.params.id, request.body);
      await readModel.refresh();
      const after = await findOrganisation(db, row.id);
      return presentOrganisation(
        row,
        after?.competences ?? [],
        await visibleProfileDetails(actor, row.id),
        canEditOrganisation(actor, row),
      );
    },
  });

  r.delete('/api/organisations/:id', {
    schema: {
      tags: ['registry'],
      summary: 'Remove an organisation',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const found = await loadReadable(actor, request.params.id);
      if (!canDeleteOrganisation(actor, found.organisation))
        throw new AppError('forbidden', 'You may not remove this organisation');
      await deleteOrganisation(db, actor, request.params.id);
      await readModel.refresh();
      return reply.status(204).send(null);
    },
  });

  await competenceRoutes(app, ctx, readModel);
  await profileDetailRoutes(app, ctx);

  async function freeOrganisationId(name: string): Promise<string> {
    const base = slugifyOrganisationName(name) || 'organisation';
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!(await findOrganisation(db, id))) return id;
    }
    throw new AppError('conflict', 'Could not find a free id for this name');
  }
}
