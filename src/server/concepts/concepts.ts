import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createConcept,
  deleteConcept,
  findConcept,
  findConceptScheme,
  getConceptDetail,
  listConceptHistory,
  listConceptSchemes,
  loadSchemeForSkos,
  searchConcepts,
  updateConcept,
} from '../../db/queries/concepts.ts';
import { type Actor, isAdmin, type UserActor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  buildNewConcept,
  ConceptCreateSchema,
  ConceptPatchSchema,
  proposeConceptId,
} from '../../domain/taxonomy/schemes/concept-edit.ts';
import { escoUrisIn } from '../../domain/taxonomy/schemes/concept-record.ts';
import { buildSkosDocument, conceptIri } from '../../domain/taxonomy/skos.ts';
import { requireUser } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { presentConcept, presentConceptDetail } from './presenters.ts';
import {
  ConceptDetailSchema,
  ConceptHistoryEntrySchema,
  ConceptQuerySchema,
  ConceptSchema,
  ConceptSchemeSchema,
  SkosDocumentSchema,
} from './schema.ts';

/** Admins edit the taxonomy (PRODUCT.md); everyone reads it. */
function requireAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isAdmin(user)) throw new AppError('forbidden', 'Only admins may change the taxonomy');
  return user;
}

/** The address this request came to, for SKOS identifiers of concepts without a URI. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export async function conceptRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/concepts', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Concepts with their fi/sv/en labels; search, filter by scheme or parent, page',
      description:
        'Returns at most `limit` concepts (default 1000) from `offset`, in the scheme’s order or, with `q`, best matches first. ' +
        'The number of all matching concepts is in the X-Total-Count header.',
      querystring: ConceptQuerySchema,
      response: { 200: z.array(ConceptSchema) },
    },
    handler: async (request, reply) => {
      const { rows, total } = await searchConcepts(db, request.query);
      reply.header('x-total-count', String(total));
      return rows.map(presentConcept);
    },
  });

  r.get('/api/concept-schemes', {
    schema: {
      tags: ['taxonomy'],
      summary: 'The concept schemes with titles in fi/sv/en and the number of concepts',
      response: { 200: z.array(ConceptSchemeSchema) },
    },
    handler: async () => {
      const rows = await listConceptSchemes(db);
      return rows.map(({ scheme, conceptCount }) => ({
        id: scheme.id,
        title: scheme.title,
        description: scheme.description,
        uri: scheme.uri,
        source: scheme.source,
        sortOrder: scheme.sortOrder,
        conceptCount,
      }));
    },
  });

  r.get('/api/concept-schemes/:id/skos', {
    schema: {
      tags: ['taxonomy'],
      summary: 'A concept scheme as SKOS (JSON-LD)',
      description:
        'Each concept’s @id is its published URI (ESCO) or <this server>/api/concepts/<id>; labels are language-tagged; ' +
        'job roles carry skos:exactMatch to their ESCO occupation.',
      params: IdParamsSchema,
      response: { 200: SkosDocumentSchema },
    },
    handler: async (request, reply) => {
      const loaded = await loadSchemeForSkos(db, request.params.id);
      if (!loaded) throw notFound('Concept scheme');
      const baseUrl = baseUrlOf(request);
      const bySource = new Map<string, { broader: string[]; related: string[]; exact: string[] }>();
      for (const rel of loaded.relations) {
        const entry = bySource.get(rel.fromId) ?? { broader: [], related: [], exact: [] };
        if (rel.kind === 'broader') entry.broader.push(rel.toId);
        else if (rel.kind === 'exact-match') {
          const target = loaded.targets.get(rel.toId);
          if (target) entry.exact.push(conceptIri(baseUrl, target));
        } else entry.related.push(rel.toId);
        bySource.set(rel.fromId, entry);
      }
      const document = buildSkosDocument({
        scheme: loaded.scheme,
        baseUrl,
        iriOf: (id) => {
          const target = loaded.targets.get(id);
          return target ? conceptIri(baseUrl, target) : undefined;
        },
        concepts: loaded.rows.map((c) => {
          const rels = bySource.get(c.id);
          return {
            id: c.id,
            parentId: c.parentId,
            labels: c.labels,
            altLabels: c.altLabels,
            description: c.description,
            notation: c.notation,
            uri: c.uri,
            broaderIds: rels?.broader ?? [],
            relatedIds: rels?.related ?? [],
            exactMatchUris: [...new Set([...(rels?.exact ?? []), ...escoUrisIn(c.sources)])],
          };
        }),
      });
      // Serialised here (a big scheme is several MB): sent as is, with the JSON-LD media type.
      return (reply as FastifyReply)
        .type('application/ld+json; charset=utf-8')
        .header('content-disposition', `inline; filename="${loaded.scheme.id}.skos.jsonld"`)
        .send(JSON.stringify(document));
    },
  });

  r.get('/api/concepts/:id', {
    schema: {
      tags: ['taxonomy'],
      summary: 'A concept: labels, alternative labels, parent, children, relations both ways',
      params: IdParamsSchema,
      response: { 200: ConceptDetailSchema },
    },
    handler: async (request) => {
      const detail = await getConceptDetail(db, request.params.id);
      if (!detail) throw notFound('Concept');
      return presentConceptDetail(detail, isAdmin(request.actor));
    },
  });

  r.get('/api/concepts/:id/history', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Every change to a concept, newest first, with the values before and after',
      params: IdParamsSchema,
      response: { 200: z.array(ConceptHistoryEntrySchema) },
    },
    handler: async (request) => {
      const rows = await listConceptHistory(db, request.params.id);
      if (!rows.length && !(await findConcept(db, request.params.id))) throw notFound('Concept');
      const admin = isAdmin(request.actor);
      return rows.map((h) => ({
        id: h.id,
        at: h.at.toISOString(),
        action: h.action,
        // Who edited is personal data: admins see it, others see that a change was made.
        actor: admin && h.actorUserId ? { id: h.actorUserId, name: h.actorName ?? h.actorUserId } : null,
        before: h.before,
        after: h.after,
      }));
    },
  });

  r.post('/api/concepts', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Add a concept (admins)',
      body: ConceptCreateSchema,
      response: { 201: ConceptDetailSchema },
    },
    handler: async (request, reply) => {
      const actor = requireAdmin(request.actor);
      const input = request.body;
      if (!(await findConceptScheme(db, input.scheme)))
        throw new AppError('validation_failed', 'Unknown concept scheme', [
          { path: ['scheme'], message: 'Unknown concept scheme' },
        ]);
      const id =
        input.id ?? (await freeConceptId(proposeConceptId(input.parentId ?? input.scheme, input.labels)));
      await createConcept(db, actor, buildNewConcept(input, id));
      const detail = await getConceptDetail(db, id);
      return reply.status(201).send(presentConceptDetail(detail!, true));
    },
  });

  r.patch('/api/concepts/:id', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Change a concept’s labels, alternative labels, description, parent or notation (admins)',
      params: IdParamsSchema,
      body: ConceptPatchSchema,
      response: { 200: ConceptDetailSchema },
    },
    handler: async (request) => {
      const actor = requireAdmin(request.actor);
      await updateConcept(db, actor, request.params.id, request.body);
      const detail = await getConceptDetail(db, request.params.id);
      return presentConceptDetail(detail!, true);
    },
  });

  r.delete('/api/concepts/:id', {
    schema: {
      tags: ['taxonomy'],
      summary: 'Remove a concept without narrower concepts or organisations using it (admins)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireAdmin(request.actor);
      await deleteConcept(db, actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  async function freeConceptId(base: string): Promise<string> {
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!(await findConcept(db, id))) return id;
    }
    throw new AppError('conflict', 'Could not find a free id for this concept');
  }
}
