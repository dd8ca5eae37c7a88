import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/create-db.ts';
import { regionExists } from '../../db/queries/regions.ts';
import { conceptLabels, ROLE_SCHEMES, skillsWrite } from '../../db/queries/skills.ts';
import {
  deleteProgramme,
  findOrganisationScope,
  findProgramme,
  insertProgramme,
  listProgrammes,
  loadSupplyProgrammes,
  type ProgrammeValues,
  type ProgrammeWithOrganisation,
  updateProgramme,
} from '../../db/queries/training-programmes.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  creditsProblem,
  ProgrammeInputSchema,
  ProgrammePatchSchema,
  programmeId,
  resolveEqfLevel,
} from '../../domain/skills/programme.ts';
import { canEditProgramme, canReadProgramme } from '../../domain/skills/skills-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { presentProgramme } from './presenters.ts';
import { ProgrammeListQuerySchema, ProgrammeSchema } from './schema.ts';
import { type SkillsReadModel, supplyPatch } from './skills-read-model.ts';

type Issue = { path: (string | number)[]; message: string };

/** Roles must be job roles or ESCO occupations, competences any concept, the region a network region. */
export async function checkProgrammeReferences(
  db: Db,
  fields: {
    regionId?: string | null;
    roleIds?: readonly string[];
    competenceIds?: readonly string[];
    learningOutcomes?: readonly { conceptIds: readonly string[] }[];
  },
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (fields.regionId && !(await regionExists(db, fields.regionId)))
    issues.push({ path: ['regionId'], message: 'Unknown region' });
  const outcomeConcepts = (fields.learningOutcomes ?? []).flatMap((o) => o.conceptIds);
  const found = await conceptLabels(db, [
    ...(fields.roleIds ?? []),
    ...(fields.competenceIds ?? []),
    ...outcomeConcepts,
  ]);
  fields.roleIds?.forEach((id, i) => {
    const c = found.get(id);
    if (!c || !ROLE_SCHEMES.includes(c.scheme))
      issues.push({ path: ['roleIds', i], message: `"${id}" is not a job role or ESCO occupation` });
  });
  fields.competenceIds?.forEach((id, i) => {
    if (!found.has(id)) issues.push({ path: ['competenceIds', i], message: `"${id}" is not a concept` });
  });
  fields.learningOutcomes?.forEach((outcome, i) => {
    outcome.conceptIds.forEach((id, j) => {
      if (!found.has(id))
        issues.push({ path: ['learningOutcomes', i, 'conceptIds', j], message: `"${id}" is not a concept` });
    });
  });
  return issues;
}

/**
 * Training supply: programmes and modules by institution. Everyone reads public ones; the
 * institution's members, the coordinator of the programme's region and admins change them.
 */
export async function programmeRoutes(app: FastifyInstance, ctx: AppContext, readModel: SkillsReadModel) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function loadReadable(actor: Actor, id: string): Promise<ProgrammeWithOrganisation> {
    const found = await findProgramme(db, id);
    if (!found || !canReadProgramme(actor, found)) throw notFound('Programme');
    return found;
  }

  /** Writes, then brings the supply of the gap analysis up to date. */
  async function write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const done = await skillsWrite(db, async (tx) => ({
      value: await fn(tx),
      supply: await loadSupplyProgrammes(tx),
    }));
    await readModel.afterWrite(done, supplyPatch(done.result.supply));
    return done.result.value;
  }

  async function presentById(actor: Actor, id: string) {
    const row = (await findProgramme(db, id))!;
    return presentProgramme(row, canEditProgramme(actor, row));
  }

  r.get('/api/training-programmes', {
    schema: {
      tags: ['skills'],
      summary: 'Training programmes and modules, by region, level or institution',
      querystring: ProgrammeListQuerySchema,
      response: { 200: z.array(ProgrammeSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const rows = await listProgrammes(db, {
        ...(q.region ? { regionId: q.region } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.organisation ? { organisationId: q.organisation } : {}),
      });
      return rows
        .filter((p) => canReadProgramme(request.actor, p))
        .map((p) => presentProgramme(p, canEditProgramme(request.actor, p)));
    },
  });

  r.get('/api/training-programmes/:id', {
    schema: {
      tags: ['skills'],
      summary: 'A training programme or module',
      params: IdParamsSchema,
      response: { 200: ProgrammeSchema },
    },
    handler: async (request) => {
      const found = await loadReadable(request.actor, request.params.id);
      return presentProgramme(found, canEditProgramme(request.actor, found));
    },
  });

  r.post('/api/training-programmes', {
    schema: {
      tags: ['skills'],
      summary: 'Add a programme or module of an institution',
      body: ProgrammeInputSchema,
      response: { 201: ProgrammeSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      const organisation = await findOrganisationScope(db, input.organisationId);
      if (!organisation)
        throw new AppError('validation_failed', 'Unknown organisation', [
          { path: ['organisationId'], message: 'Not an organisation of the registry' },
        ]);
      const regionId = input.regionId === undefined ? organisation.regionId : input.regionId;
      if (!canEditProgramme(actor, { organisationId: organisation.id, regionId }))
        throw new AppError(
          'forbidden',
          "Programmes are added by the institution's members, its region's coordinator and admins",
        );
      const eqfLevel = resolveEqfLevel(input.level, input.eqfLevel);
      const issues = await checkProgrammeReferences(db, { ...input, regionId });
      if (eqfLevel === null)
        issues.push({ path: ['eqfLevel'], message: 'Give the EQF level of continuing education' });
      const credits = creditsProblem(input.credits, input.creditUnit);
      if (credits) issues.push({ path: ['creditUnit'], message: credits });
      if (issues.length) throw new AppError('validation_failed', 'The programme is not valid', issues);
      const base = programmeId(organisation.id, input.name);
      const values: ProgrammeValues = {
        id: base,
        organisationId: organisation.id,
        kind: input.kind,
        name: input.name,
        level: input.level,
        eqfLevel: eqfLevel!,
        regionId,
        yearlyIntake: input.yearlyIntake ?? null,
        yearlyGraduates: input.yearlyGraduates ?? null,
        roleIds: input.roleIds,
        competenceIds: input.competenceIds,
        credits: input.credits ?? null,
        creditUnit: input.creditUnit ?? null,
        language: input.language ?? null,
        url: input.url ?? null,
        isPublic: input.isPublic,
        sources: input.sources,
        delivery: input.delivery ?? null,
        workBasedShare: input.workBasedShare ?? null,
        learningOutcomes: input.learningOutcomes,
      };
      const row = await write(async (tx) => {
        for (let n = 1; ; n++) {
          const id = n === 1 ? base : `${base}-${n}`;
          if (!(await findProgramme(tx, id))) return insertProgramme(tx, actor, { ...values, id });
        }
      });
      return reply.status(201).send(await presentById(actor, row.id));
    },
  });

  r.patch('/api/training-programmes/:id', {
    schema: {
      tags: ['skills'],
      summary: 'Change a programme or module',
      params: IdParamsSchema,
      body: ProgrammePatchSchema,
      response: { 200: ProgrammeSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const found = await loadReadable(actor, request.params.id);
      const patch = request.body;
      if (!canEditProgramme(actor, found))
        throw new AppError('forbidden', 'You may not change this programme');
      if (patch.regionId !== undefined && !canEditProgramme(actor, { ...found, regionId: patch.regionId }))
        throw new AppError('forbidden', 'You may not move the programme to that region');
      const issues = await checkProgrammeReferences(db, patch);
      const credits = creditsProblem(
        patch.credits === undefined ? found.credits : patch.credits,
        patch.creditUnit === undefined ? found.creditUnit : patch.creditUnit,
      );
      if (credits) issues.push({ path: ['creditUnit'], message: credits });
      if (issues.length) throw new AppError('validation_failed', 'The programme is not valid', issues);
      await write((tx) => updateProgramme(tx, actor, found, patch));
      return presentById(actor, found.id);
    },
  });

  r.delete('/api/training-programmes/:id', {
    schema: {
      tags: ['skills'],
      summary: 'Remove a programme or module',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const found = await loadReadable(actor, request.params.id);
      if (!canEditProgramme(actor, found))
        throw new AppError('forbidden', 'You may not remove this programme');
      await write((tx) => deleteProgramme(tx, actor, found));
      return reply.status(204).send(null);
    },
  });
}
