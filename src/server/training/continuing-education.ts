import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { insertInterest, interestTotals, listInterests } from '../../db/queries/enrolment-interests.ts';
import { findProgramme, listProgrammes } from '../../db/queries/training-programmes.ts';
import { normaliseForSearch } from '../../domain/registry/organisation-index.ts';
import { canReadProgramme } from '../../domain/skills/skills-permissions.ts';
import { notFound } from '../../domain/errors.ts';
import { EnrolmentInterestInputSchema } from '../../domain/training/working-life.ts';
import { canReadInterests } from '../../domain/training/working-life-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import {
  ContinuingListQuerySchema,
  ContinuingOfferSchema,
  InterestSchema,
  ProgrammeIdParamsSchema,
} from './working-life-schema.ts';

/**
 * Continuing education for employees of member companies: the training programmes of level
 * `continuing`, filtered, and the "we are interested" form (headcount) whose answers the
 * provider, the coordinator of its region and admins read.
 */
export async function continuingEducationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/continuing-education', {
    schema: {
      tags: ['continuing-education'],
      summary: 'Continuing-education offers for employees, by region, provider, language, delivery or text',
      querystring: ContinuingListQuerySchema,
      response: { 200: z.array(ContinuingOfferSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const needle = q.q ? normaliseForSearch(q.q) : '';
      const totals = await interestTotals(db);
      const rows = await listProgrammes(db, {
        level: 'continuing',
        ...(q.region ? { regionId: q.region } : {}),
        ...(q.organisation ? { organisationId: q.organisation } : {}),
      });
      return rows
        .filter((p) => canReadProgramme(request.actor, p))
        .filter((p) => !q.language || p.language === q.language)
        .filter((p) => !q.delivery || p.delivery === q.delivery)
        .filter(
          (p) =>
            !needle ||
            normaliseForSearch([p.name.fi, p.name.sv, p.name.en, p.organisationName].join('\n')).includes(
              needle,
            ),
        )
        .map((p) => ({
          id: p.id,
          name: p.name,
          organisationId: p.organisationId,
          organisationName: p.organisationName,
          regionId: p.regionId,
          eqfLevel: p.eqfLevel,
          credits: p.credits,
          creditUnit: p.creditUnit,
          language: p.language,
          delivery: p.delivery,
          workBasedShare: p.workBasedShare,
          competenceIds: p.competenceIds,
          url: p.url,
          interest: canReadInterests(request.actor, p)
            ? (totals.get(p.id) ?? { headcount: 0, organisations: 0 })
            : null,
        }));
    },
  });

  r.post('/api/continuing-education/:programmeId/interest', {
    schema: {
      tags: ['continuing-education'],
      summary: "We are interested: a signed-in person's organisation registers interest with a headcount",
      params: ProgrammeIdParamsSchema,
      body: EnrolmentInterestInputSchema,
      response: { 201: InterestSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const programme = await findProgramme(db, request.params.programmeId);
      if (programme?.level !== 'continuing' || !canReadProgramme(actor, programme))
        throw notFound('Continuing-education offer');
      const input = request.body;
      const row = await insertInterest(db, actor, {
        programmeId: programme.id,
        organisationId: actor.organisationId,
        userId: actor.userId,
        contactName: input.contactName,
        contactEmail: input.contactEmail ?? null,
        headcount: input.headcount,
        message: input.message,
      });
      const [created] = (await listInterests(db)).filter((i) => i.id === row.id);
      return reply.status(201).send(presentInterest(created!));
    },
  });

  r.get('/api/continuing-education/interests', {
    schema: {
      tags: ['continuing-education'],
      summary:
        "Interest registered in the caller's offers (providers), their region's (coordinators), all (admins)",
      response: { 200: z.array(InterestSchema) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      return (await listInterests(db))
        .filter((i) =>
          canReadInterests(actor, { organisationId: i.providerOrganisationId, regionId: i.providerRegionId }),
        )
        .map(presentInterest);
    },
  });
}

function presentInterest(i: Awaited<ReturnType<typeof listInterests>>[number]) {
  return {
    id: i.id,
    programmeId: i.programmeId,
    programmeName: i.programmeName,
    organisationId: i.organisationId,
    organisationName: i.organisationName,
    contactName: i.contactName,
    contactEmail: i.contactEmail,
    headcount: i.headcount,
    message: i.message,
    createdAt: i.createdAt.toISOString(),
  };
}
