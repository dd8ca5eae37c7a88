import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { findSite, type SiteRow } from '../../db/queries/sites.ts';
import {
  createStream,
  deleteStream,
  findStream,
  type StreamRow,
  updateStream,
} from '../../db/queries/symbiosis.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import { canEditStream, canReadStream, type OrganisationFacts } from '../../domain/sites/site-access.ts';
import { canReadSite } from '../../domain/sites/site-permissions.ts';
import {
  findStreamType,
  STREAM_TYPES,
  StreamInputSchema,
  StreamPatchSchema,
} from '../../domain/sites/streams.ts';
import { matchStreams, type StreamFacts } from '../../domain/sites/symbiosis-matching.ts';
import { normaliseUnit } from '../../domain/sites/units.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { loadReadableOrganisation, organisationsById, visibilityKey } from '../sites/module-access.ts';
import { createResponseCache } from '../response-cache.ts';
import { organisationDirectory, sitesReadModel } from '../sites/sites-read-model.ts';
import {
  MatchQuerySchema,
  type Stream,
  StreamListQuerySchema,
  StreamSchema,
  StreamTypesSchema,
  SymbiosisMatchesSchema,
} from './schema.ts';

type Owner = { org: (OrganisationFacts & { name: string }) | null; site: SiteRow | null };

function presentStream(row: StreamRow, actor: Actor, { org, site }: Owner): Stream {
  const visibleSite = site && canReadSite(actor, site) ? site : null;
  const ownLocation = row.lat !== null && row.lon !== null;
  return {
    id: row.id,
    organisationId: org?.id ?? null,
    organisationName: org?.name ?? null,
    siteId: visibleSite?.id ?? null,
    direction: row.direction,
    streamType: row.streamType,
    label: { fi: row.label.fi ?? '', sv: row.label.sv ?? '', en: row.label.en ?? '' },
    quantity: row.quantity,
    unit: row.unit,
    quality: row.quality,
    lat: ownLocation ? row.lat : (visibleSite?.lat ?? null),
    lon: ownLocation ? row.lon : (visibleSite?.lon ?? null),
    availability: row.availability,
    availableFrom: row.availableFrom,
    isPublic: row.isPublic,
    canEdit: canEditStream(actor, row, org, site),
  };
}

/** A quantity needs a unit, and a unit must be one of the stream type's. */
function checkUnit(streamType: string, quantity: number | null, unit: string | null): void {
  const fail = (message: string) => {
    throw new AppError('validation_failed', message, [{ path: ['unit'], message }]);
  };
  if (quantity !== null && !unit) fail('Give the unit of the quantity');
  const type = findStreamType(streamType);
  if (type && unit && !type.units.includes(normaliseUnit(unit)))
    fail(`${type.label.en} is measured in ${type.units.join(', ')}`);
}

export async function symbiosisRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const model = sitesReadModel(db);
  const matchCache = createResponseCache();

  /** Every stream the actor may read, with its owner, from the read models. */
  async function readableStreams(actor: Actor) {
    const data = await model.current();
    const organisations = await organisationsById(
      db,
      data.streams.map((s) => s.organisationId),
    );
    const ownerOf = (row: StreamRow): Owner => {
      const org: IndexedOrganisation | undefined = row.organisationId
        ? organisations.get(row.organisationId)
        : undefined;
      return { org: org ?? null, site: row.siteId ? (data.siteById.get(row.siteId) ?? null) : null };
    };
    const items = data.streams.flatMap((row) => {
      const owner = ownerOf(row);
      if (row.organisationId && !owner.org) return [];
      return canReadStream(actor, row, owner.org, owner.site) ? [{ row, owner }] : [];
    });
    // Everything the answer depends on, for the response cache.
    const version = `${data.version}:${(await organisationDirectory(db)).version}:${visibilityKey(actor)}`;
    return Object.assign(items, { version });
  }

  /** A stream as stored now, with its owner; unreadable ones are missing (404). */
  async function loadStream(actor: Actor, id: string) {
    const row = await findStream(db, id);
    if (!row) throw notFound('Stream');
    const org = row.organisationId
      ? ((await findOrganisation(db, row.organisationId))?.organisation ?? null)
      : null;
    const site = row.siteId ? await findSite(db, row.siteId) : null;
    if ((row.organisationId && !org) || !canReadStream(actor, row, org, site)) throw notFound('Stream');
    return { row, owner: { org, site } };
  }

  async function loadSiteRef(actor: Actor, id: string | null | undefined): Promise<SiteRow | null> {
    if (!id) return null;
    const site = await findSite(db, id);
    if (!site || !canReadSite(actor, site)) {
      throw new AppError('validation_failed', `Unknown site "${id}"`, [
        { path: ['siteId'], message: 'Unknown site' },
      ]);
    }
    return site;
  }

  r.get('/api/symbiosis/stream-types', {
    schema: {
      tags: ['symbiosis'],
      summary: 'Kinds of material and energy streams, with the units each is measured in',
      response: { 200: StreamTypesSchema },
    },
    handler: async () => STREAM_TYPES,
  });

  r.get('/api/symbiosis/streams', {
    schema: {
      tags: ['symbiosis'],
      summary: 'Material and energy streams offered and needed',
      querystring: StreamListQuerySchema,
      response: { 200: z.array(StreamSchema) },
    },
    handler: async (request) => {
      const { type, direction } = request.query;
      return (await readableStreams(request.actor))
        .filter(
          ({ row }) => (!type || row.streamType === type) && (!direction || row.direction === direction),
        )
        .map(({ row, owner }) => presentStream(row, request.actor, owner));
    },
  });

  r.get('/api/symbiosis/matches', {
    schema: {
      tags: ['symbiosis'],
      summary: 'Offers matched to needs of the same type by quantity, distance and availability, best first',
      querystring: MatchQuerySchema,
      response: { 200: SymbiosisMatchesSchema },
    },
    handler: async (request, reply) => {
      const { streamId, limit } = request.query;
      const streams = await readableStreams(request.actor);
      if (streamId && !streams.some(({ row }) => row.id === streamId)) throw notFound('Stream');
      // Every pair is scored (offers × needs): cached per data version and caller's visibility.
      const key = JSON.stringify([streams.version, streamId ?? '', limit]);
      let json = matchCache.get(key);
      if (json === undefined) {
        const facts: StreamFacts[] = streams.map(({ row, owner }) => {
          const shown = presentStream(row, request.actor, owner);
          return { ...row, lat: shown.lat, lon: shown.lon };
        });
        json = JSON.stringify(SymbiosisMatchesSchema.parse(matchStreams(facts, streamId).slice(0, limit)));
        matchCache.set(key, json);
      }
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
    },
  });

  r.post('/api/symbiosis/streams', {
    schema: {
      tags: ['symbiosis'],
      summary:
        "Offer or ask for a stream (the organisation's editors; for a site's own streams, its editors)",
      body: StreamInputSchema,
      response: { 201: StreamSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const org = input.organisationId
        ? await loadReadableOrganisation(db, actor, input.organisationId, 'organisationId')
        : null;
      const site = await loadSiteRef(actor, input.siteId);
      if (!canEditStream(actor, { isPublic: true }, org, site))
        throw new AppError('forbidden', 'You may not add streams for this organisation or site');
      const row = await createStream(db, actor, input);
      await model.refresh();
      return reply.status(201).send(presentStream(row, actor, { org, site }));
    },
  });

  r.patch('/api/symbiosis/streams/:id', {
    schema: {
      tags: ['symbiosis'],
      summary: 'Change a stream',
      params: IdParamsSchema,
      body: StreamPatchSchema,
      response: { 200: StreamSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const { row, owner } = await loadStream(actor, request.params.id);
      if (!canEditStream(actor, row, owner.org, owner.site))
        throw new AppError('forbidden', 'You may not change this stream');
      const patch = request.body;
      checkUnit(
        patch.streamType ?? row.streamType,
        patch.quantity === undefined ? row.quantity : patch.quantity,
        patch.unit === undefined ? row.unit : patch.unit,
      );
      const site = patch.siteId === undefined ? owner.site : await loadSiteRef(actor, patch.siteId);
      if (!owner.org && !site)
        throw new AppError('validation_failed', 'A stream without an organisation needs a site', [
          { path: ['siteId'], message: 'A stream without an organisation needs a site' },
        ]);
      if (!owner.org && !canEditStream(actor, row, null, site))
        throw new AppError('forbidden', 'You may not move this stream to that site');
      const updated = await updateStream(db, actor, row.id, patch);
      await model.refresh();
      return presentStream(updated, actor, { org: owner.org, site });
    },
  });

  r.delete('/api/symbiosis/streams/:id', {
    schema: {
      tags: ['symbiosis'],
      summary: 'Remove a stream',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const { row, owner } = await loadStream(actor, request.params.id);
      if (!canEditStream(actor, row, owner.org, owner.site))
        throw new AppError('forbidden', 'You may not remove this stream');
      await deleteStream(db, actor, row.id);
      await model.refresh();
      return reply.status(204).send(null);
    },
  });
}
