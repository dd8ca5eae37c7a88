import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/create-db.ts';
import { existingConceptIds } from '../../db/queries/concepts.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { regionExists } from '../../db/queries/regions.ts';
import {
  bookedPlaces,
  conceptLineage,
  deleteOffer,
  deleteTeacher,
  findOffer,
  findPeriod,
  findTeacher,
  insertOffer,
  insertPeriod,
  insertTeacher,
  listOffers,
  listPeriods,
  listTeachers,
  type OfferWithHost,
  type TeacherWithScope,
  updateOffer,
  updatePeriod,
  updateTeacher,
} from '../../db/queries/working-life.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { matchOffers, type OfferFacts } from '../../domain/training/working-life-match.ts';
import {
  canMoveTo,
  effectiveStatus,
  FollowUpInputSchema,
  followUpProblem,
  HostOfferInputSchema,
  HostOfferPatchSchema,
  isClosed,
  isoDay,
  PERIOD_STATUSES,
  PeriodInputSchema,
  PeriodPatchSchema,
  planDatesProblem,
  SUPERVISOR_FIELDS,
  TeacherInputSchema,
  TeacherPatchSchema,
} from '../../domain/training/working-life.ts';
import {
  canCreateTeacher,
  canEditOffer,
  canEditTeacher,
  canPlanPeriod,
  canReadOffer,
  canReadPeriod,
  canReadTeacher,
  canSetSupervisor,
  canWriteFollowUp,
} from '../../domain/training/working-life-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import {
  MatchListSchema,
  MatchQuerySchema,
  OfferListQuerySchema,
  OfferSchema,
  PeriodListQuerySchema,
  PeriodSchema,
  SummarySchema,
  TeacherSchema,
} from './working-life-schema.ts';
import {
  periodScope,
  presentOffer,
  presentPeriod,
  presentTeacher,
  teacherScope,
} from './working-life-presenters.ts';

type Issue = { path: (string | number)[]; message: string };
const invalid = (message: string, issues: Issue[]) => new AppError('validation_failed', message, issues);
const today = () => isoDay(new Date());

/** The region and concepts a body names must exist. */
async function referenceIssues(
  db: Db,
  fields: { regionId?: string | null; conceptIds?: readonly string[] },
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (fields.regionId && !(await regionExists(db, fields.regionId)))
    issues.push({ path: ['regionId'], message: 'Unknown region' });
  const ids = [...(fields.conceptIds ?? [])];
  const known = await existingConceptIds(db, ids);
  ids.forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: ['conceptIds', i], message: `"${id}" is not a concept` });
  });
  return issues;
}

async function readableOrganisation(db: Db, actor: Actor, id: string, field: string) {
  const found = await findOrganisation(db, id);
  if (!found || !canReadOrganisation(actor, found.organisation))
    throw invalid(`Unknown organisation "${id}"`, [{ path: [field], message: 'Unknown organisation' }]);
  return found.organisation;
}

/**
 * Teachers' working-life periods: teacher profiles with development goals, host companies'
 * offers, the match between them with reasons, periods planned at hosts (dates, goals,
 * supervisor) with their follow-up reports, and the counts for the KPI dashboard.
 */
export async function workingLifeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function readableTeacher(actor: Actor, id: string): Promise<TeacherWithScope> {
    const found = await findTeacher(db, id);
    if (!found || !canReadTeacher(actor, teacherScope(found))) throw notFound('Teacher');
    return found;
  }
  async function readableOffer(actor: Actor, id: string): Promise<OfferWithHost> {
    const found = await findOffer(db, id);
    if (!found || !canReadOffer(actor, found)) throw notFound('Host offer');
    return found;
  }
  async function readablePeriod(actor: Actor, id: string) {
    const found = await findPeriod(db, id);
    if (!found || !canReadPeriod(actor, periodScope(found))) throw notFound('Working-life period');
    return found;
  }

  // ── Teachers ──
  r.get('/api/teachers', {
    schema: {
      tags: ['working-life'],
      summary: 'Teacher profiles the caller may see (personal data: signed-in only)',
      response: { 200: z.array(TeacherSchema) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      return (await listTeachers(db))
        .filter((t) => canReadTeacher(actor, teacherScope(t)))
        .map((t) => presentTeacher(t, actor));
    },
  });

  r.post('/api/teachers', {
    schema: {
      tags: ['working-life'],
      summary: "Add a teacher's profile (a member: their own; coordinators in their region; admins)",
      body: TeacherInputSchema,
      response: { 201: TeacherSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const organisation = await readableOrganisation(db, actor, input.organisationId, 'organisationId');
      const regionId = input.regionId === undefined ? organisation.regionId : input.regionId;
      if (!canCreateTeacher(actor, { organisationId: organisation.id, regionId, isSelf: input.isSelf }))
        throw new AppError(
          'forbidden',
          'A member adds their own profile in their own organisation; coordinators add profiles in their region',
        );
      const issues = await referenceIssues(db, { ...input, regionId });
      if (issues.length) throw invalid('The profile is not valid', issues);
      if (input.isSelf && (await listTeachers(db)).some((t) => t.userId === actor.userId))
        throw new AppError('conflict', 'You have a teacher profile already');
      const id = await insertTeacher(db, actor, {
        userId: input.isSelf ? actor.userId : null,
        name: input.name,
        email: input.email ?? null,
        organisationId: organisation.id,
        regionId: input.regionId ?? null,
        subjects: input.subjects,
        developmentGoals: input.developmentGoals,
        conceptIds: input.conceptIds,
        languages: input.languages,
        createdBy: actor.userId,
      });
      return reply.status(201).send(presentTeacher((await findTeacher(db, id))!, actor));
    },
  });

  r.get('/api/teachers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'A teacher profile',
      params: IdParamsSchema,
      response: { 200: TeacherSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      return presentTeacher(await readableTeacher(actor, request.params.id), actor);
    },
  });

  r.patch('/api/teachers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'Change a teacher profile (the teacher, the region’s coordinator, admins)',
      params: IdParamsSchema,
      body: TeacherPatchSchema,
      response: { 200: TeacherSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await readableTeacher(actor, request.params.id);
      if (!canEditTeacher(actor, teacherScope(found)))
        throw new AppError('forbidden', 'You may not change this profile');
      const patch = request.body;
      if (
        patch.regionId !== undefined &&
        !canEditTeacher(actor, { ...teacherScope(found), regionId: patch.regionId })
      )
        throw new AppError('forbidden', 'You may not move the profile to that region');
      const issues = await referenceIssues(db, patch);
      if (issues.length) throw invalid('The profile is not valid', issues);
      await updateTeacher(db, actor, found.id, patch);
      return presentTeacher((await findTeacher(db, found.id))!, actor);
    },
  });

  r.delete('/api/teachers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'Remove a teacher profile and its periods',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const found = await readableTeacher(actor, request.params.id);
      if (!canEditTeacher(actor, teacherScope(found)))
        throw new AppError('forbidden', 'You may not remove this profile');
      await deleteTeacher(db, actor, found.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/teachers/:id/matches', {
    schema: {
      tags: ['working-life'],
      summary:
        "Host offers for a teacher's development goals, best first: competence (with the taxonomy), region, language, dates and free places, with reasons",
      params: IdParamsSchema,
      querystring: MatchQuerySchema,
      response: { 200: MatchListSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const teacher = await readableTeacher(actor, request.params.id);
      const wanted = { from: request.query.from ?? null, to: request.query.to ?? null };
      const offers = (await listOffers(db)).filter((o) => canReadOffer(actor, o));
      const booked = await bookedPlaces(db, wanted);
      const parents = await conceptLineage(db, [
        ...new Set([...teacher.conceptIds, ...offers.flatMap((o) => o.conceptIds)]),
      ]);
      const byId = new Map(offers.map((o) => [o.id, o]));
      const facts: OfferFacts[] = offers.map((o) => ({ ...o, booked: booked.get(o.id) ?? 0 }));
      const matches = matchOffers(
        {
          id: teacher.id,
          regionId: teacher.effectiveRegionId,
          conceptIds: teacher.conceptIds,
          languages: teacher.languages,
        },
        facts,
        parents,
        { wanted, includeExcluded: request.query.includeExcluded === 'true' },
      );
      return {
        teacherId: teacher.id,
        items: matches.map(({ offerId, ...m }) => ({ offer: presentOffer(byId.get(offerId)!, actor), ...m })),
      };
    },
  });

  // ── Host offers ──
  r.get('/api/host-offers', {
    schema: {
      tags: ['working-life'],
      summary:
        "Host companies' working-life offers: active ones for everyone, the caller's own inactive ones too",
      querystring: OfferListQuerySchema,
      response: { 200: z.array(OfferSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      return (await listOffers(db))
        .filter((o) => canReadOffer(request.actor, o))
        .filter((o) => !q.region || o.regionId === q.region)
        .filter((o) => !q.organisation || o.organisationId === q.organisation)
        .filter((o) => !q.concept || o.conceptIds.includes(q.concept))
        .map((o) => presentOffer(o, request.actor));
    },
  });

  r.post('/api/host-offers', {
    schema: {
      tags: ['working-life'],
      summary:
        'Offer working-life periods for teachers (the host’s members, its region’s coordinator, admins)',
      body: HostOfferInputSchema,
      response: { 201: OfferSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const organisation = await readableOrganisation(db, actor, input.organisationId, 'organisationId');
      const regionId = input.regionId === undefined ? organisation.regionId : input.regionId;
      if (!canEditOffer(actor, { organisationId: organisation.id, regionId }))
        throw new AppError(
          'forbidden',
          "Offers are made by the host's members, its region's coordinator and admins",
        );
      const issues = await referenceIssues(db, { ...input, regionId });
      if (issues.length) throw invalid('The offer is not valid', issues);
      const id = await insertOffer(db, actor, {
        organisationId: organisation.id,
        regionId,
        title: input.title,
        description: input.description ?? { fi: '', sv: '', en: '' },
        conceptIds: input.conceptIds,
        languages: input.languages,
        capacity: input.capacity,
        durationWeeks: input.durationWeeks ?? null,
        availableFrom: input.availableFrom ?? null,
        availableTo: input.availableTo ?? null,
        isActive: input.isActive,
        createdBy: actor.userId,
      });
      return reply.status(201).send(presentOffer((await findOffer(db, id))!, actor));
    },
  });

  r.get('/api/host-offers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'A host offer',
      params: IdParamsSchema,
      response: { 200: OfferSchema },
    },
    handler: async (request) =>
      presentOffer(await readableOffer(request.actor, request.params.id), request.actor),
  });

  r.patch('/api/host-offers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'Change a host offer',
      params: IdParamsSchema,
      body: HostOfferPatchSchema,
      response: { 200: OfferSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await readableOffer(actor, request.params.id);
      const patch = request.body;
      if (!canEditOffer(actor, found)) throw new AppError('forbidden', 'You may not change this offer');
      if (patch.regionId !== undefined && !canEditOffer(actor, { ...found, regionId: patch.regionId }))
        throw new AppError('forbidden', 'You may not move the offer to that region');
      const issues = await referenceIssues(db, patch);
      if (issues.length) throw invalid('The offer is not valid', issues);
      await updateOffer(db, actor, found.id, patch);
      return presentOffer((await findOffer(db, found.id))!, actor);
    },
  });

  r.delete('/api/host-offers/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'Remove a host offer (its periods stay, without the offer)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const found = await readableOffer(actor, request.params.id);
      if (!canEditOffer(actor, found)) throw new AppError('forbidden', 'You may not remove this offer');
      await deleteOffer(db, actor, found.id);
      return reply.status(204).send(null);
    },
  });

  // ── Periods ──
  r.get('/api/working-life-periods', {
    schema: {
      tags: ['working-life'],
      summary: 'Working-life periods the caller takes part in or oversees',
      querystring: PeriodListQuerySchema,
      response: { 200: z.array(PeriodSchema) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const day = today();
      return (await listPeriods(db))
        .filter((p) => canReadPeriod(actor, periodScope(p)))
        .filter((p) => !request.query.teacher || p.teacherId === request.query.teacher)
        .map((p) => presentPeriod(p, actor, day))
        .filter((p) => !request.query.status || p.currentStatus === request.query.status);
    },
  });

  r.post('/api/working-life-periods', {
    schema: {
      tags: ['working-life'],
      summary:
        'Plan a working-life period: teacher, host offer (or host organisation), dates, goals, supervisor',
      body: PeriodInputSchema,
      response: { 201: PeriodSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const teacher = await findTeacher(db, input.teacherId);
      if (!teacher || !canReadTeacher(actor, teacherScope(teacher)))
        throw invalid('Unknown teacher', [{ path: ['teacherId'], message: 'Unknown teacher' }]);
      if (!canPlanPeriod(actor, { teacher: teacherScope(teacher) }))
        throw new AppError(
          'forbidden',
          "Periods are planned by the teacher, their region's coordinator and admins",
        );
      const dates = planDatesProblem(input.startDate, input.endDate);
      if (dates) throw invalid(dates, [{ path: ['endDate'], message: dates }]);
      let hostOrganisationId = input.hostOrganisationId;
      if (input.offerId) {
        const offer = await findOffer(db, input.offerId);
        if (!offer || !canReadOffer(actor, offer))
          throw invalid('Unknown host offer', [{ path: ['offerId'], message: 'Unknown host offer' }]);
        if (hostOrganisationId && hostOrganisationId !== offer.organisationId)
          throw invalid('The host is the offer’s organisation', [
            { path: ['hostOrganisationId'], message: 'Not the organisation of the offer' },
          ]);
        if (!offer.isActive) throw new AppError('conflict', 'The offer is closed');
        const outside =
          (offer.availableFrom && input.startDate < offer.availableFrom) ||
          (offer.availableTo && input.endDate > offer.availableTo);
        if (outside)
          throw invalid('The dates are outside the offer', [
            {
              path: ['startDate'],
              message: `The offer is available ${offer.availableFrom ?? '…'} – ${offer.availableTo ?? '…'}`,
            },
          ]);
        const booked =
          (await bookedPlaces(db, { from: input.startDate, to: input.endDate })).get(offer.id) ?? 0;
        if (booked >= offer.capacity)
          throw new AppError('conflict', 'The offer has no free place on those dates');
        hostOrganisationId = offer.organisationId;
      } else {
        await readableOrganisation(db, actor, hostOrganisationId!, 'hostOrganisationId');
      }
      const id = await insertPeriod(db, actor, {
        teacherId: teacher.id,
        offerId: input.offerId ?? null,
        hostOrganisationId: hostOrganisationId!,
        startDate: input.startDate,
        endDate: input.endDate,
        goals: input.goals,
        supervisorName: input.supervisorName,
        supervisorEmail: input.supervisorEmail ?? null,
        createdBy: actor.userId,
      });
      return reply.status(201).send(presentPeriod((await findPeriod(db, id))!, actor, today()));
    },
  });

  r.get('/api/working-life-periods/:id', {
    schema: {
      tags: ['working-life'],
      summary: 'A working-life period with its plan and follow-up report',
      params: IdParamsSchema,
      response: { 200: PeriodSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      return presentPeriod(await readablePeriod(actor, request.params.id), actor, today());
    },
  });

  r.patch('/api/working-life-periods/:id', {
    schema: {
      tags: ['working-life'],
      summary:
        'Change the plan or move the status (planned → ongoing → completed, or cancelled); the host’s members set the supervisor',
      params: IdParamsSchema,
      body: PeriodPatchSchema,
      response: { 200: PeriodSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await readablePeriod(actor, request.params.id);
      const patch = request.body;
      const scope = periodScope(found);
      const onlySupervisor = Object.keys(patch).every((k) =>
        (SUPERVISOR_FIELDS as readonly string[]).includes(k),
      );
      if (!(onlySupervisor ? canSetSupervisor(actor, scope) : canPlanPeriod(actor, scope)))
        throw new AppError(
          'forbidden',
          onlySupervisor
            ? 'You may not change this period'
            : 'The host’s members may change only the supervisor',
        );
      await updatePeriod(db, actor, found.id, patch, (before) => {
        const next = { ...before, ...patch };
        if (patch.status && !canMoveTo(before.status, patch.status))
          throw new AppError('conflict', `A ${before.status} period cannot become ${patch.status}`, {
            from: before.status,
            to: patch.status,
            allowed: PERIOD_STATUSES.filter((s) => s !== before.status && canMoveTo(before.status, s)),
          });
        const replans =
          patch.startDate !== undefined || patch.endDate !== undefined || patch.goals !== undefined;
        if (replans && isClosed(before.status))
          throw new AppError('conflict', `A ${before.status} period is closed: its plan no longer changes`);
        const dates = planDatesProblem(next.startDate, next.endDate);
        if (dates) throw invalid(dates, [{ path: ['endDate'], message: dates }]);
      });
      return presentPeriod((await findPeriod(db, found.id))!, actor, today());
    },
  });

  r.post('/api/working-life-periods/:id/follow-up', {
    schema: {
      tags: ['working-life'],
      summary:
        "The teacher's follow-up report: once the period is completed or its end date has come (completes it)",
      params: IdParamsSchema,
      body: FollowUpInputSchema,
      response: { 200: PeriodSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await readablePeriod(actor, request.params.id);
      if (!canWriteFollowUp(actor, periodScope(found)))
        throw new AppError('forbidden', 'The follow-up report is written by the teacher');
      const day = today();
      await updatePeriod(
        db,
        actor,
        found.id,
        { status: 'completed', followUp: { ...request.body, submittedAt: new Date().toISOString() } },
        (before) => {
          const problem = followUpProblem(before, day);
          if (problem) throw new AppError('conflict', problem);
        },
        'follow_up',
      );
      return presentPeriod((await findPeriod(db, found.id))!, actor, day);
    },
  });

  r.get('/api/working-life/summary', {
    schema: {
      tags: ['working-life'],
      summary: 'Counts of working-life periods by status, region and host (for the KPI dashboard)',
      response: { 200: SummarySchema },
    },
    handler: async () => {
      const day = today();
      const [periods, teachers, offers] = await Promise.all([
        listPeriods(db),
        listTeachers(db),
        listOffers(db),
      ]);
      const byStatus = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
      const byRegion = new Map<string | null, number>();
      const byHost = new Map<string, { organisationId: string; name: string; periods: number }>();
      let otherHosts = 0;
      let followUps = 0;
      let followUpDays = 0;
      for (const p of periods) {
        byStatus[effectiveStatus(p, day)] += 1;
        byRegion.set(p.teacherRegionId, (byRegion.get(p.teacherRegionId) ?? 0) + 1);
        if (p.hostIsPublic) {
          const entry = byHost.get(p.hostOrganisationId) ?? {
            organisationId: p.hostOrganisationId,
            name: p.hostOrganisationName,
            periods: 0,
          };
          entry.periods += 1;
          byHost.set(p.hostOrganisationId, entry);
        } else otherHosts += 1;
        if (p.followUp) {
          followUps += 1;
          followUpDays += p.followUp.days ?? 0;
        }
      }
      return {
        periods: periods.length,
        byStatus,
        byRegion: [...byRegion]
          .map(([regionId, n]) => ({ regionId, periods: n }))
          .sort((a, b) => b.periods - a.periods),
        byHost: [...byHost.values()].sort((a, b) => b.periods - a.periods || a.name.localeCompare(b.name)),
        otherHosts,
        teachers: teachers.length,
        activeOffers: offers.filter((o) => o.isActive).length,
        followUps,
        followUpDays,
      };
    },
  });
}
