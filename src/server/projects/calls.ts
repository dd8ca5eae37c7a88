import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type CallPatch,
  createCall,
  deleteCall,
  listCalls,
  listInstruments,
  updateCall,
} from '../../db/queries/funding-calls.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { canWriteCalls } from '../../domain/projects/project-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { presentCall, presentInstrument } from './presenters.ts';
import {
  CallInputSchema,
  CallListQuerySchema,
  CallPatchSchema,
  CallSchema,
  InstrumentSchema,
} from './schema.ts';

function requireCallWriter(actor: Actor) {
  const user = requireUser(actor);
  if (!canWriteCalls(user)) throw new AppError('forbidden', 'Coordinators and admins keep the calls');
  return user;
}

/** Dates come as ISO strings at the boundary and are stored as timestamps. */
function callValues<T extends { deadline?: string | null }>(input: T) {
  const { deadline, ...rest } = input;
  return {
    ...rest,
    ...(deadline === undefined ? {} : { deadline: deadline === null ? null : new Date(deadline) }),
  };
}

/** Funding instruments (seeded) and their calls: public to read; coordinators and admins keep calls. */
export async function callRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/instruments', {
    schema: {
      tags: ['projects'],
      summary: 'Funding instruments: Horizon Europe actions, national funders, other EU programmes',
      response: { 200: z.array(InstrumentSchema) },
    },
    handler: async () => (await listInstruments(db)).map(presentInstrument),
  });

  r.get('/api/calls', {
    schema: {
      tags: ['projects'],
      summary: 'Calls with topic id, deadline, action type and budget; soonest deadline first',
      querystring: CallListQuerySchema,
      response: { 200: z.array(CallSchema) },
    },
    handler: async (request) =>
      (
        await listCalls(db, { instrumentId: request.query.instrumentId, upcoming: request.query.upcoming })
      ).map(presentCall),
  });

  r.post('/api/calls', {
    schema: {
      tags: ['projects'],
      summary: 'Add a call (coordinators and admins)',
      body: CallInputSchema,
      response: { 201: CallSchema },
    },
    handler: async (request, reply) => {
      const actor = requireCallWriter(request.actor);
      const row = await createCall(db, actor, callValues(request.body));
      return reply.status(201).send(presentCall(row));
    },
  });

  r.patch('/api/calls/:id', {
    schema: {
      tags: ['projects'],
      summary: "Change a call (coordinators and admins); a new deadline resets its projects' reminders",
      params: IdParamsSchema,
      body: CallPatchSchema,
      response: { 200: CallSchema },
    },
    handler: async (request) => {
      const actor = requireCallWriter(request.actor);
      const row = await updateCall(db, actor, request.params.id, callValues(request.body) as CallPatch);
      const [withUse] = (await listCalls(db, { instrumentId: row.instrumentId })).filter(
        (c) => c.id === row.id,
      );
      return presentCall(withUse ?? row);
    },
  });

  r.delete('/api/calls/:id', {
    schema: {
      tags: ['projects'],
      summary: 'Delete a call (coordinators and admins); its projects keep their instrument',
      params: IdParamsSchema,
    },
    handler: async (request, reply) => {
      const actor = requireCallWriter(request.actor);
      await deleteCall(db, actor, request.params.id);
      return reply.status(204).send();
    },
  });
}
