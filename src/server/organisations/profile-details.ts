import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { valueChainConceptIds } from '../../db/queries/competences.ts';
import {
  createContact,
  createInfrastructure,
  deleteContact,
  deleteInfrastructure,
  loadProfileDetails,
  updateContact,
  updateInfrastructure,
} from '../../db/queries/organisations.ts';
import { AppError } from '../../domain/errors.ts';
import {
  ContactInputSchema,
  ContactPatchSchema,
  InfrastructureInputSchema,
  InfrastructurePatchSchema,
  visibleDetails,
} from '../../domain/registry/profile-details.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { loadEditableOrganisation, loadReadableOrganisation } from './organisation-access.ts';
import { presentContact, presentInfrastructure } from './presenters.ts';
import { ContactSchema, InfrastructureSchema, ItemParamsSchema } from './schema.ts';

/**
 * Research infrastructure and contact persons of an organisation. Reading follows the
 * organisation (plus: visitors see only items marked public); writing follows editing rights.
 */
export async function profileDetailRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function checkConcepts(ids: string[] | undefined) {
    if (!ids?.length) return;
    const known = await valueChainConceptIds(db, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new AppError(
        'validation_failed',
        `Unknown value-chain concepts: ${unknown.join(', ')}`,
        unknown.map(() => ({ path: ['conceptIds'], message: 'Unknown value-chain concept' })),
      );
    }
  }

  // ── Research infrastructure ──
  r.get('/api/organisations/:id/infrastructure', {
    schema: {
      tags: ['registry'],
      summary: "An organisation's research infrastructure (visitors see only what is marked public)",
      params: IdParamsSchema,
      response: { 200: z.array(InfrastructureSchema) },
    },
    handler: async (request) => {
      const { organisation } = await loadReadableOrganisation(db, request.actor, request.params.id);
      const { infrastructure } = await loadProfileDetails(db, organisation.id);
      return visibleDetails(request.actor, infrastructure).map(presentInfrastructure);
    },
  });

  r.post('/api/organisations/:id/infrastructure', {
    schema: {
      tags: ['registry'],
      summary: 'Add a laboratory, pilot plant or test environment',
      params: IdParamsSchema,
      body: InfrastructureInputSchema,
      response: { 201: InfrastructureSchema },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await checkConcepts(request.body.conceptIds);
      const row = await createInfrastructure(db, actor, organisation.id, request.body);
      return reply.status(201).send(presentInfrastructure(row));
    },
  });

  r.patch('/api/organisations/:id/infrastructure/:itemId', {
    schema: {
      tags: ['registry'],
      summary: 'Change a research infrastructure entry',
      params: ItemParamsSchema,
      body: InfrastructurePatchSchema,
      response: { 200: InfrastructureSchema },
    },
    handler: async (request) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await checkConcepts(request.body.conceptIds);
      const row = await updateInfrastructure(db, actor, organisation.id, request.params.itemId, request.body);
      return presentInfrastructure(row);
    },
  });

  r.delete('/api/organisations/:id/infrastructure/:itemId', {
    schema: {
      tags: ['registry'],
      summary: 'Remove a research infrastructure entry',
      params: ItemParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await deleteInfrastructure(db, actor, organisation.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  });

  // ── Contact persons ──
  r.get('/api/organisations/:id/contacts', {
    schema: {
      tags: ['registry'],
      summary: "An organisation's contact persons (visitors see only those marked public)",
      params: IdParamsSchema,
      response: { 200: z.array(ContactSchema) },
    },
    handler: async (request) => {
      const { organisation } = await loadReadableOrganisation(db, request.actor, request.params.id);
      const { contacts } = await loadProfileDetails(db, organisation.id);
      return visibleDetails(request.actor, contacts).map(presentContact);
    },
  });

  r.post('/api/organisations/:id/contacts', {
    schema: {
      tags: ['registry'],
      summary: 'Add a contact person (name, title, work e-mail and phone)',
      params: IdParamsSchema,
      body: ContactInputSchema,
      response: { 201: ContactSchema },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      const row = await createContact(db, actor, organisation.id, request.body);
      return reply.status(201).send(presentContact(row));
    },
  });

  r.patch('/api/organisations/:id/contacts/:itemId', {
    schema: {
      tags: ['registry'],
      summary: 'Change a contact person',
      params: ItemParamsSchema,
      body: ContactPatchSchema,
      response: { 200: ContactSchema },
    },
    handler: async (request) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      const row = await updateContact(db, actor, organisation.id, request.params.itemId, request.body);
      return presentContact(row);
    },
  });

  r.delete('/api/organisations/:id/contacts/:itemId', {
    schema: {
      tags: ['registry'],
      summary: 'Remove a contact person (erases their data)',
      params: ItemParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await deleteContact(db, actor, organisation.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  });
}
