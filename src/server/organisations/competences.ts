import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptSuggestion,
  findValueChainConcept,
  listRejectedSuggestions,
  rejectSuggestion,
  removeCompetence,
  setCompetence,
} from '../../db/queries/competences.ts';
import type { CompetenceRow, OrganisationRow } from '../../db/queries/organisations.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  type CompetenceSuggestion,
  describeSuggestionEvidence,
  suggestCompetences,
} from '../../domain/registry/competence-suggestions.ts';
import { AcceptSuggestionSchema, CompetenceInputSchema } from '../../domain/registry/profile-details.ts';
import { tagText } from '../../domain/taxonomy/tagging.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { tagIndexReadModelFor } from '../tagging/tag-index-read-model.ts';
import { loadEditableOrganisation } from './organisation-access.ts';
import type { OrganisationReadModel } from './organisation-read-model.ts';
import { presentCompetence } from './presenters.ts';
import { CompetenceParamsSchema, CompetenceSchema, SuggestionSchema } from './schema.ts';

/**
 * An organisation's competences, and competences suggested from its own descriptions. Whoever
 * may edit the organisation may edit these; every write is audited and bumps the registry
 * version (a trigger), so lists filtered by concept see it at once here and within a second
 * on other servers.
 */
export async function competenceRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  readModel: OrganisationReadModel,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const tagIndex = tagIndexReadModelFor(db);

  async function requireConcept(conceptId: string) {
    const concept = await findValueChainConcept(db, conceptId);
    if (!concept) throw notFound('Value-chain concept');
    return concept;
  }

  async function suggestionsFor(
    organisation: OrganisationRow,
    competences: CompetenceRow[],
  ): Promise<CompetenceSuggestion[]> {
    const [{ index, parentOf }, rejected] = await Promise.all([
      tagIndex.current(),
      listRejectedSuggestions(db, organisation.id),
    ]);
    const description = organisation.description;
    // Each description is tagged in its own language: no guessing, no cross-language false hits.
    const tagged = {
      fi: description.fi ? tagText(index, description.fi, 'fi') : [],
      sv: description.sv ? tagText(index, description.sv, 'sv') : [],
      en: description.en ? tagText(index, description.en, 'en') : [],
    };
    return suggestCompetences(tagged, {
      existing: competences.map((c) => c.conceptId),
      rejected,
      parentOf,
    });
  }

  r.put('/api/organisations/:id/competences/:conceptId', {
    schema: {
      tags: ['registry'],
      summary: "Add or change one of an organisation's value-chain competences",
      params: CompetenceParamsSchema,
      body: CompetenceInputSchema,
      response: { 200: CompetenceSchema },
    },
    handler: async (request) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await requireConcept(request.params.conceptId);
      const { row } = await setCompetence(db, actor, organisation.id, request.params.conceptId, request.body);
      await readModel.refresh();
      return presentCompetence(row);
    },
  });

  r.delete('/api/organisations/:id/competences/:conceptId', {
    schema: {
      tags: ['registry'],
      summary: "Remove one of an organisation's competences (idempotent)",
      params: CompetenceParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      if (await removeCompetence(db, actor, organisation.id, request.params.conceptId)) {
        await readModel.refresh();
      }
      return reply.status(204).send(null);
    },
  });

  r.get('/api/organisations/:id/competence-suggestions', {
    schema: {
      tags: ['registry'],
      summary:
        "Competences suggested from the organisation's descriptions (fi, sv, en), without those it has or rejected",
      params: IdParamsSchema,
      response: { 200: z.array(SuggestionSchema) },
    },
    handler: async (request) => {
      const found = await loadEditableOrganisation(db, request.actor, request.params.id);
      const suggestions = await suggestionsFor(found.organisation, found.competences);
      return suggestions.map((s) => ({
        conceptId: s.conceptId,
        label: s.label,
        score: s.score,
        evidence: s.evidence,
      }));
    },
  });

  r.post('/api/organisations/:id/competence-suggestions/:conceptId/accept', {
    schema: {
      tags: ['registry'],
      summary: 'Accept a suggested competence: it becomes a competence with source "suggestion"',
      params: CompetenceParamsSchema,
      body: AcceptSuggestionSchema,
      response: { 201: CompetenceSchema },
    },
    handler: async (request, reply) => {
      const found = await loadEditableOrganisation(db, request.actor, request.params.id);
      const { conceptId } = request.params;
      if (found.competences.some((c) => c.conceptId === conceptId)) {
        throw new AppError('conflict', 'The organisation already has this competence');
      }
      const suggestion = (await suggestionsFor(found.organisation, found.competences)).find(
        (s) => s.conceptId === conceptId,
      );
      if (!suggestion) throw notFound('Suggestion');
      const row = await acceptSuggestion(
        db,
        found.actor,
        found.organisation.id,
        conceptId,
        request.body.strength,
        describeSuggestionEvidence(suggestion.evidence),
      );
      await readModel.refresh();
      return reply.status(201).send(presentCompetence(row));
    },
  });

  r.post('/api/organisations/:id/competence-suggestions/:conceptId/reject', {
    schema: {
      tags: ['registry'],
      summary: 'Reject a suggested competence, so it is not suggested again for this organisation',
      params: CompetenceParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { organisation, actor } = await loadEditableOrganisation(db, request.actor, request.params.id);
      await requireConcept(request.params.conceptId);
      await rejectSuggestion(db, actor, organisation.id, request.params.conceptId);
      return reply.status(204).send(null);
    },
  });
}
