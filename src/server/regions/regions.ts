import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findRegion,
  listRegionMunicipalities,
  listRegionRows,
  listRegions,
  type RegionRow,
} from '../../db/queries/regions.ts';
import { notFound } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { createEcosystemReadModel } from './ecosystem-read-model.ts';
import {
  mainMunicipality,
  mapView,
  matrixView,
  presentMunicipality,
  specialisationView,
  statedConcepts,
  visibleOrganisations,
} from './ecosystem-views.ts';
import { shippedMunicipalityLocator } from './municipality-locations.ts';
import {
  EcosystemMapSchema,
  MatrixQuerySchema,
  MatrixSchema,
  RegionDetailSchema,
  RegionSchema,
  SpecialisationEntrySchema,
  SpecialisationQuerySchema,
} from './schema.ts';

export { RegionSchema } from './schema.ts';

function presentRegion(region: RegionRow, organisationCount: number) {
  return {
    id: region.id,
    code: region.maakuntaCode,
    nuts3: region.nuts3,
    name: region.name,
    maakunta: { code: region.maakuntaCode, name: region.maakuntaName },
    specialisation: { stated: region.specialisationStated, conceptIds: region.specialisationConceptIds },
    organisationCount,
  };
}

/**
 * The network regions and the ecosystem registry's aggregate views (PRODUCT.md module 2):
 * region profiles, the specialisation index, the value-chain × region matrix and the map.
 * Every count is over the organisations the caller may read.
 */
export async function regionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const ecosystem = createEcosystemReadModel(db);
  const locator = shippedMunicipalityLocator();

  async function loadRegion(id: string): Promise<RegionRow> {
    const region = await findRegion(db, id);
    if (!region) throw notFound('Region');
    return region;
  }

  r.get('/api/regions', {
    schema: { tags: ['taxonomy'], summary: 'The network regions', response: { 200: z.array(RegionSchema) } },
    handler: async () => {
      const rows = await listRegions(db);
      return rows.map(({ region, organisationCount }) => presentRegion(region, Number(organisationCount)));
    },
  });

  r.get('/api/regions/:id', {
    schema: {
      tags: ['registry'],
      summary: 'A network region: its municipalities, codes and stated specialisation',
      params: IdParamsSchema,
      response: { 200: RegionDetailSchema },
    },
    handler: async (request) => {
      const region = await loadRegion(request.params.id);
      const [municipalities, snapshot] = await Promise.all([
        listRegionMunicipalities(db, region.id),
        ecosystem.current(),
      ]);
      const count = visibleOrganisations(snapshot, request.actor).filter(
        (o) => o.regionId === region.id,
      ).length;
      const main = mainMunicipality(region, municipalities);
      const ordered = main ? [main, ...municipalities.filter((m) => m !== main)] : municipalities;
      const presented = presentRegion(region, count);
      return {
        ...presented,
        specialisation: { ...presented.specialisation, concepts: statedConcepts(snapshot, region) },
        municipalities: ordered.map(presentMunicipality),
        mainMunicipality: main?.code ?? null,
        sources: region.sources,
      };
    },
  });

  r.get('/api/regions/:id/specialisation', {
    schema: {
      tags: ['registry'],
      summary: 'Specialisation index of a region: location quotient per value-chain concept, highest first',
      description:
        "Counts an organisation's competences rolled up to the concept and its ancestors, each organisation once per concept. " +
        'LQ = (region count / region competences at the level) / (network count / network competences at the level). ' +
        'fewData marks counts below 3.',
      params: IdParamsSchema,
      querystring: SpecialisationQuerySchema,
      response: { 200: z.array(SpecialisationEntrySchema) },
    },
    handler: async (request) => {
      const region = await loadRegion(request.params.id);
      const [regions, snapshot] = await Promise.all([listRegionRows(db), ecosystem.current()]);
      const organisations = visibleOrganisations(snapshot, request.actor);
      return specialisationView(snapshot, organisations, regions, region, request.query.maxLevel);
    },
  });

  r.get('/api/ecosystem/matrix', {
    schema: {
      tags: ['registry'],
      summary: 'Value-chain × region matrix: organisations per stage and region',
      querystring: MatrixQuerySchema,
      response: { 200: MatrixSchema },
    },
    handler: async (request) => {
      const [regions, snapshot] = await Promise.all([listRegionRows(db), ecosystem.current()]);
      const organisations = visibleOrganisations(snapshot, request.actor);
      return matrixView(snapshot, organisations, regions, request.query.level);
    },
  });

  r.get('/api/ecosystem/map', {
    schema: {
      tags: ['registry'],
      summary: 'The ecosystem map: regions with their municipalities and organisations as points',
      response: { 200: EcosystemMapSchema },
    },
    handler: async (request) => {
      const [regions, municipalities, snapshot] = await Promise.all([
        listRegionRows(db),
        listRegionMunicipalities(db),
        ecosystem.current(),
      ]);
      const organisations = visibleOrganisations(snapshot, request.actor);
      return mapView(snapshot, organisations, regions, municipalities, locator);
    },
  });
}
