import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRegions } from '../../db/queries/regions.ts';
import type { AppContext } from '../context.ts';
import { LocalizedSchema } from '../shared-schemas.ts';

export const RegionSchema = z.object({
  id: z.string(),
  code: z.string().describe('Statistics Finland maakunta code of the region'),
  nuts3: z.string().describe('NUTS 2024 level-3 code'),
  name: LocalizedSchema,
  maakunta: z.object({ code: z.string(), name: LocalizedSchema }),
  specialisation: z.object({ stated: LocalizedSchema, conceptIds: z.array(z.string()) }),
  organisationCount: z.number().int(),
});

export async function regionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/regions', {
    schema: { tags: ['taxonomy'], summary: 'The network regions', response: { 200: z.array(RegionSchema) } },
    handler: async () => {
      const rows = await listRegions(ctx.database.db);
      return rows.map(({ region, organisationCount }) => ({
        id: region.id,
        code: region.maakuntaCode,
        nuts3: region.nuts3,
        name: region.name,
        maakunta: { code: region.maakuntaCode, name: region.maakuntaName },
        specialisation: { stated: region.specialisationStated, conceptIds: region.specialisationConceptIds },
        organisationCount: Number(organisationCount),
      }));
    },
  });
}
