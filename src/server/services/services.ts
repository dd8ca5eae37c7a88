import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createService,
  createSupplyLink,
  deleteService,
  deleteSupplyLink,
  findService,
  findSupplyLink,
  type ServiceRow,
  type SupplyLinkRow,
  updateService,
} from '../../db/queries/services.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { normaliseForSearch } from '../../domain/registry/organisation-index.ts';
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  ServiceInputSchema,
  ServicePatchSchema,
  SupplyLinkInputSchema,
} from '../../domain/sites/services.ts';
import {
  canEditLink,
  canReadLink,
  type OrganisationFacts,
  ownedScope,
} from '../../domain/sites/site-access.ts';
import { canEditOwned, canReadOwned } from '../../domain/sites/site-permissions.ts';
import { chainAround } from '../../domain/sites/supply-chain.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import {
  checkConceptIds,
  checkRegionIds,
  loadReadableOrganisation,
  organisationsById,
} from '../sites/module-access.ts';
import { sitesReadModel } from '../sites/sites-read-model.ts';
import {
  type Service,
  ServiceCategoriesSchema,
  ServiceListQuerySchema,
  ServiceSchema,
  SupplyChainQuerySchema,
  SupplyChainSchema,
  SupplyLinkSchema,
} from './schema.ts';

const collator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });
const CATEGORY_ORDER = new Map<string, number>(SERVICE_CATEGORIES.map((c, i) => [c, i]));

const text = (v: { fi?: string; sv?: string; en?: string }) => ({
  fi: v.fi ?? '',
  sv: v.sv ?? '',
  en: v.en ?? '',
});

function presentService(row: ServiceRow, org: IndexedOrganisation, actor: Actor): Service {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: org.name,
    organisationRegionId: org.regionId,
    category: row.category,
    description: text(row.description),
    conceptIds: row.conceptIds,
    regionIds: row.regionIds,
    isPublic: row.isPublic,
    canEdit: canEditOwned(actor, ownedScope(row, org)),
  };
}

function presentLink(
  row: SupplyLinkRow,
  actor: Actor,
  supplier: OrganisationFacts,
  customer: OrganisationFacts,
) {
  return {
    id: row.id,
    supplierId: row.supplierId,
    customerId: row.customerId,
    what: text(row.what),
    category: row.category,
    conceptIds: row.conceptIds,
    isPublic: row.isPublic,
    sources: row.sources,
    canEdit: canEditLink(actor, supplier, customer),
  };
}

const matchesConcept = (conceptIds: string[], concept: string | undefined) =>
  !concept || conceptIds.some((c) => c === concept || c.startsWith(`${concept}.`));

export async function serviceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const model = sitesReadModel(db);

  /** A service and its organisation, as stored now; unreadable ones are missing (404). */
  async function loadService(actor: Actor, id: string) {
    const row = await findService(db, id);
    const found = row ? await findOrganisation(db, row.organisationId) : null;
    if (!row || !found || !canReadOwned(actor, ownedScope(row, found.organisation)))
      throw notFound('Service');
    return { row, org: found.organisation };
  }

  async function presentStored(row: ServiceRow, actor: Actor) {
    const org = (await organisationsById(db, [row.organisationId])).get(row.organisationId);
    if (!org) throw notFound('Organisation');
    return presentService(row, org, actor);
  }

  r.get('/api/service-categories', {
    schema: {
      tags: ['services'],
      summary: 'Categories of services along the value chain',
      response: { 200: ServiceCategoriesSchema },
    },
    handler: async () => SERVICE_CATEGORIES.map((key) => ({ key, label: SERVICE_CATEGORY_LABELS[key] })),
  });

  r.get('/api/services', {
    schema: {
      tags: ['services'],
      summary: 'The service-provider directory: search by text, category, region and value-chain concept',
      querystring: ServiceListQuerySchema,
      response: { 200: z.array(ServiceSchema) },
    },
    handler: async (request) => {
      const { q, category, region, concept } = request.query;
      const { actor } = request;
      const data = await model.current();
      const organisations = await organisationsById(
        db,
        data.services.map((s) => s.organisationId),
      );
      const needle = q ? normaliseForSearch(q) : null;
      const items: Service[] = [];
      for (const row of data.services) {
        const org = organisations.get(row.organisationId);
        if (!org || !canReadOwned(actor, ownedScope(row, org))) continue;
        if (category && row.category !== category) continue;
        if (region && !row.regionIds.includes(region) && org.regionId !== region) continue;
        if (!matchesConcept(row.conceptIds, concept)) continue;
        if (needle) {
          const label = SERVICE_CATEGORY_LABELS[row.category as keyof typeof SERVICE_CATEGORY_LABELS];
          const haystack = [
            org.name,
            org.nameEn ?? '',
            ...Object.values(row.description),
            ...Object.values(label ?? {}),
          ];
          if (!normaliseForSearch(haystack.join('\n')).includes(needle)) continue;
        }
        items.push(presentService(row, org, actor));
      }
      return items.sort(
        (a, b) =>
          collator.compare(a.organisationName, b.organisationName) ||
          (CATEGORY_ORDER.get(a.category) ?? 99) - (CATEGORY_ORDER.get(b.category) ?? 99) ||
          (a.id < b.id ? -1 : 1),
      );
    },
  });

  r.post('/api/services', {
    schema: {
      tags: ['services'],
      summary: "Offer a service (the organisation's members, its region's coordinator, admins)",
      body: ServiceInputSchema,
      response: { 201: ServiceSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const org = await loadReadableOrganisation(db, actor, input.organisationId, 'organisationId');
      if (!canEditOwned(actor, ownedScope({ isPublic: true }, org)))
        throw new AppError('forbidden', "You may not add services to this organisation's profile");
      await checkRegionIds(db, 'regionIds', input.regionIds ?? []);
      await checkConceptIds(db, 'conceptIds', input.conceptIds);
      const row = await createService(db, actor, input);
      await model.refresh();
      return reply.status(201).send(await presentStored(row, actor));
    },
  });

  r.patch('/api/services/:id', {
    schema: {
      tags: ['services'],
      summary: 'Change a service',
      params: IdParamsSchema,
      body: ServicePatchSchema,
      response: { 200: ServiceSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const { row, org } = await loadService(actor, request.params.id);
      if (!canEditOwned(actor, ownedScope(row, org)))
        throw new AppError('forbidden', 'You may not change this service');
      await checkRegionIds(db, 'regionIds', request.body.regionIds ?? []);
      await checkConceptIds(db, 'conceptIds', request.body.conceptIds);
      const updated = await updateService(db, actor, row.id, request.body);
      await model.refresh();
      return presentStored(updated, actor);
    },
  });

  r.delete('/api/services/:id', {
    schema: {
      tags: ['services'],
      summary: 'Remove a service',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const { row, org } = await loadService(actor, request.params.id);
      if (!canEditOwned(actor, ownedScope(row, org)))
        throw new AppError('forbidden', 'You may not remove this service');
      await deleteService(db, actor, row.id);
      await model.refresh();
      return reply.status(204).send(null);
    },
  });

  r.get('/api/supply-chain', {
    schema: {
      tags: ['services'],
      summary: 'Who supplies whom: the subcontracting chain, or the chain around one organisation',
      querystring: SupplyChainQuerySchema,
      response: { 200: SupplyChainSchema },
    },
    handler: async (request) => {
      const { organisation, concept, category } = request.query;
      const { actor } = request;
      const data = await model.current();
      // Links name organisations by foreign key; the asked-for id is not trusted to force a reload.
      const organisations = await organisationsById(
        db,
        data.links.flatMap((l) => [l.supplierId, l.customerId]),
      );
      if (organisation) {
        const org = organisations.get(organisation);
        if (!org || !canReadOrganisation(actor, org)) throw notFound('Organisation');
      }
      const readable = data.links.filter((link) => {
        const supplier = organisations.get(link.supplierId);
        const customer = organisations.get(link.customerId);
        return (
          supplier &&
          customer &&
          canReadLink(actor, link, supplier, customer) &&
          (!category || link.category === category) &&
          matchesConcept(link.conceptIds, concept)
        );
      });
      const links = organisation ? chainAround(readable, organisation) : readable;
      const nodeIds = new Set(links.flatMap((l) => [l.supplierId, l.customerId]));
      if (organisation) nodeIds.add(organisation);
      const nodes = [...nodeIds]
        .map((id) => organisations.get(id)!)
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((o) => ({ id: o.id, name: o.name, regionId: o.regionId, type: o.type }));
      return {
        nodes,
        links: links.map((l) =>
          presentLink(l, actor, organisations.get(l.supplierId)!, organisations.get(l.customerId)!),
        ),
      };
    },
  });

  r.post('/api/supply-links', {
    schema: {
      tags: ['services'],
      summary: 'Record who supplies whom (an editor of either organisation)',
      body: SupplyLinkInputSchema,
      response: { 201: SupplyLinkSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const supplier = await loadReadableOrganisation(db, actor, input.supplierId, 'supplierId');
      const customer = await loadReadableOrganisation(db, actor, input.customerId, 'customerId');
      if (!canEditLink(actor, supplier, customer))
        throw new AppError('forbidden', 'Only the supplier or the customer may record a supply link');
      await checkConceptIds(db, 'conceptIds', input.conceptIds);
      const row = await createSupplyLink(db, actor, input);
      await model.refresh();
      return reply.status(201).send(presentLink(row, actor, supplier, customer));
    },
  });

  r.delete('/api/supply-links/:id', {
    schema: {
      tags: ['services'],
      summary: 'Remove a supply link (an editor of either organisation)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const link = await findSupplyLink(db, request.params.id);
      const supplier = link ? (await findOrganisation(db, link.supplierId))?.organisation : undefined;
      const customer = link ? (await findOrganisation(db, link.customerId))?.organisation : undefined;
      if (!link || !supplier || !customer || !canReadLink(actor, link, supplier, customer))
        throw notFound('Supply link');
      if (!canEditLink(actor, supplier, customer))
        throw new AppError('forbidden', 'Only the supplier or the customer may remove a supply link');
      await deleteSupplyLink(db, actor, link.id);
      await model.refresh();
      return reply.status(204).send(null);
    },
  });
}
