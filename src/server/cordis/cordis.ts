import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cordisOrganisationsOfRegistry,
  findCordisOrganisation,
  findCordisProject,
  findRegistryScope,
  listCordisLinks,
  listCordisProjectParticipants,
  listCordisProjectScivoc,
  listCordisTrackRecord,
  loadCordisLinkState,
  topicTitles,
  writeLinkChanges,
} from '../../db/queries/cordis.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import { type Actor, isAdmin, type UserActor } from '../../domain/auth/roles.ts';
import { applyLinkAction, organisationOfAction } from '../../domain/cordis/cordis-links.ts';
import { summariseTrackRecord } from '../../domain/cordis/track-record.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { canManageCordisLink, canSearchPartners } from '../../domain/projects/project-permissions.ts';
import type { AppContext } from '../context.ts';
import { presentCordisOrganisation, presentLink, presentTrackRecordItem } from './presenters.ts';
import {
  CordisIdParamsSchema,
  CordisOrganisationProfileSchema,
  CordisProjectSchema,
  LinkActionBodySchema,
  LinkListQuerySchema,
  LinkListSchema,
  LinkStateSchema,
  RegistryCordisSchema,
  RegistryIdParamsSchema,
} from './schema.ts';

/**
 * CORDIS pages and links (issue 5): a CORDIS organisation's profile and track record, a CORDIS
 * project with its consortium, the name-match suggestions a coordinator confirms, and the CORDIS
 * part of a registry organisation's page. Signed-in users read; registry organisations appear
 * only to those who may read them; links are decided by admins and the coordinator of the
 * registry organisation's region (src/domain/projects/project-permissions.ts).
 */
export async function cordisRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;
  const r = app.withTypeProvider<ZodTypeProvider>();

  function requireReader(actor: Actor): UserActor {
    if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
    if (!canSearchPartners(actor)) throw new AppError('forbidden', 'Not allowed');
    return actor;
  }

  r.get('/api/cordis/organisations/:id', {
    schema: {
      tags: ['cordis'],
      summary: 'A CORDIS organisation: profile, link to the registry, and track record',
      params: CordisIdParamsSchema,
      response: { 200: CordisOrganisationProfileSchema },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      const org = await findCordisOrganisation(db, request.params.id);
      if (!org) throw notFound('CORDIS organisation');
      const [linked, suggested, record] = await Promise.all([
        org.registryOrganisationId ? findRegistryScope(db, org.registryOrganisationId) : null,
        org.suggestedOrganisationId ? findRegistryScope(db, org.suggestedOrganisationId) : null,
        listCordisTrackRecord(db, org.id),
      ]);
      const readableLink = linked && canReadOrganisation(actor, linked) ? linked : null;
      const manageable = (scope: typeof linked) =>
        scope !== null && canManageCordisLink(actor, scope.regionId);
      return {
        organisation: presentCordisOrganisation(org),
        registry: readableLink
          ? { id: readableLink.id, name: readableLink.name, linkMethod: org.linkMethod }
          : null,
        suggestion: suggested && manageable(suggested) ? { id: suggested.id, name: suggested.name } : null,
        canManageLink: manageable(linked) || manageable(suggested),
        summary: summariseTrackRecord(record.rows),
        trackRecord: record.rows.map(presentTrackRecordItem),
        totalParticipations: record.total,
      };
    },
  });

  r.get('/api/cordis/projects/:id', {
    schema: {
      tags: ['cordis'],
      summary: 'A CORDIS project with its participants and fields of science',
      params: CordisIdParamsSchema,
      response: { 200: CordisProjectSchema },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      const project = await findCordisProject(db, request.params.id);
      if (!project) throw notFound('CORDIS project');
      const [participants, scivoc, titles] = await Promise.all([
        listCordisProjectParticipants(db, project.id),
        listCordisProjectScivoc(db, project.id),
        topicTitles(db, project.topics),
      ]);
      const registryIds = [...new Set(participants.flatMap((p) => p.registryOrganisationId ?? []))];
      const readable = new Set<string>();
      for (const id of registryIds) {
        const scope = await findRegistryScope(db, id);
        if (scope && canReadOrganisation(actor, scope)) readable.add(id);
      }
      return {
        project: {
          id: project.id,
          acronym: project.acronym,
          title: project.title,
          status: project.status,
          frameworkProgramme: project.frameworkProgramme,
          legalBasis: project.legalBasis,
          masterCall: project.masterCall,
          subCall: project.subCall,
          fundingScheme: project.fundingScheme,
          startDate: project.startDate,
          endDate: project.endDate,
          ecMaxContributionEur: project.ecMaxContribution,
          totalCostEur: project.totalCost,
          objective: project.objective,
          keywords: project.keywords,
          conceptIds: project.conceptIds,
          topics: project.topics.map((code) => ({ code, title: titles.get(code) ?? null })),
        },
        participants: participants.map((p) => ({
          organisationId: p.organisationId,
          name: p.name,
          shortName: p.shortName,
          country: p.country,
          city: p.city,
          activityType: p.activityType,
          sme: p.sme,
          role: p.role,
          ecContributionEur: p.ecContribution,
          totalCostEur: p.totalCost,
          active: p.active,
          registryOrganisationId:
            p.registryOrganisationId && readable.has(p.registryOrganisationId)
              ? p.registryOrganisationId
              : null,
        })),
        fieldsOfScience: scivoc,
      };
    },
  });

  r.get('/api/cordis/links', {
    schema: {
      tags: ['cordis'],
      summary: 'CORDIS ↔ registry links: name suggestions waiting for a person, or links made',
      description: 'Admins see all; a coordinator those of registry organisations of their region.',
      querystring: LinkListQuerySchema,
      response: { 200: LinkListSchema },
    },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
      const admin = isAdmin(actor);
      if (!admin && !(actor.role === 'coordinator' && actor.regionId))
        throw new AppError('forbidden', 'Only admins and coordinators decide CORDIS links');
      const { status, page, pageSize } = request.query;
      const { rows, total } = await listCordisLinks(db, {
        status,
        regionId: admin ? null : actor.regionId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: rows.map((row) => presentLink(row, status)), total };
    },
  });

  r.post('/api/cordis/links/:id', {
    schema: {
      tags: ['cordis'],
      summary: "Confirm or reject a CORDIS organisation's suggested registry link, or unlink it",
      params: CordisIdParamsSchema,
      body: LinkActionBodySchema,
      response: { 200: LinkStateSchema },
    },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
      if (!isAdmin(actor) && !(actor.role === 'coordinator' && actor.regionId))
        throw new AppError('forbidden', 'Only admins and coordinators decide CORDIS links');
      const { action } = request.body;
      return db.transaction(async (tx) => {
        const state = await loadCordisLinkState(tx, request.params.id);
        if (!state) throw notFound('CORDIS organisation');
        const registryId = organisationOfAction(state, action);
        const change = applyLinkAction(state, action);
        if (!change || !registryId) {
          throw new AppError(
            'conflict',
            action === 'unlink' ? 'The organisation is not linked' : 'There is no suggestion to decide',
          );
        }
        const scope = await findRegistryScope(tx, registryId);
        if (!canManageCordisLink(actor, scope?.regionId ?? null))
          throw new AppError(
            'forbidden',
            "Only an admin or the coordinator of the organisation's region decides",
          );
        await writeLinkChanges(tx, [change], {
          actor,
          action: () =>
            action === 'confirm' ? 'confirm_link' : action === 'reject' ? 'reject_link' : 'unlink',
          organisationId: () => registryId,
        });
        return change;
      });
    },
  });

  r.get('/api/cordis/registry-organisations/:id', {
    schema: {
      tags: ['cordis'],
      summary: "A registry organisation's CORDIS organisations and projects",
      params: RegistryIdParamsSchema,
      response: { 200: RegistryCordisSchema },
    },
    handler: async (request) => {
      const actor = requireReader(request.actor);
      const scope = await findRegistryScope(db, request.params.id);
      if (!scope || !canReadOrganisation(actor, scope)) throw notFound('Organisation');
      const linked = (await cordisOrganisationsOfRegistry(db, scope.id)).filter(
        (o) => o.registryOrganisationId === scope.id,
      );
      const organisations = [];
      const projects = [];
      for (const org of linked) {
        const record = await listCordisTrackRecord(db, org.id);
        organisations.push({
          id: org.id,
          name: org.name,
          linkMethod: org.linkMethod,
          summary: summariseTrackRecord(record.rows),
        });
        projects.push(
          ...record.rows.map((row) => ({ ...presentTrackRecordItem(row), cordisOrganisationId: org.id })),
        );
      }
      projects.sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
      return { organisations, projects };
    },
  });
}
