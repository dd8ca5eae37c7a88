import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteProgrammeCountry,
  listProgrammeCountries,
  type ProgrammeCountryRow,
  putProgrammeCountry,
} from '../../db/queries/programme-countries.ts';
import { AppError } from '../../domain/errors.ts';
import { canWriteProgrammeCountries } from '../../domain/projects/project-permissions.ts';
import type { AppContext } from '../context.ts';
import {
  CountryParamsSchema,
  ProgrammeCountryInputSchema,
  ProgrammeCountrySchema,
} from './consortium-schema.ts';

const present = (row: ProgrammeCountryRow) => ({ ...row, updatedAt: row.updatedAt.toISOString() });

/**
 * Horizon Europe Member States and Associated Countries with scope and dates, kept as data
 * (rules.md §1.2: association changes often). Everyone reads; admins edit.
 */
export async function programmeCountryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/programme-countries', {
    schema: {
      tags: ['projects'],
      summary: 'Horizon Europe Member States and Associated Countries (scope, dates, source)',
      response: { 200: z.array(ProgrammeCountrySchema) },
    },
    handler: async () => (await listProgrammeCountries(db)).map(present),
  });

  r.put('/api/programme-countries/:code', {
    schema: {
      tags: ['projects'],
      summary: "Create or replace a country's status (admins)",
      params: CountryParamsSchema,
      body: ProgrammeCountryInputSchema,
      response: { 200: ProgrammeCountrySchema, 201: ProgrammeCountrySchema },
    },
    handler: async (request, reply) => {
      if (request.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
      if (!canWriteProgrammeCountries(request.actor))
        throw new AppError('forbidden', 'Admins edit programme countries');
      const { row, created } = await putProgrammeCountry(
        db,
        request.actor,
        request.params.code,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(present(row));
    },
  });

  r.delete('/api/programme-countries/:code', {
    schema: {
      tags: ['projects'],
      summary: 'Remove a country (admins): its partners then count as third-country participants',
      params: CountryParamsSchema,
    },
    handler: async (request, reply) => {
      if (request.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
      if (!canWriteProgrammeCountries(request.actor))
        throw new AppError('forbidden', 'Admins edit programme countries');
      await deleteProgrammeCountry(db, request.actor, request.params.code);
      return reply.status(204).send();
    },
  });
}
