import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRegionRows, regionExists } from '../../db/queries/regions.ts';
import { conceptLabels } from '../../db/queries/skills.ts';
import {
  deletePath,
  findPath,
  findProgrammesByIds,
  insertPath,
  listPaths,
  listPublicProgrammes,
  organisationType,
  type PathWithSteps,
  pathExists,
  replacePathSteps,
  schemeTree,
  updatePath,
} from '../../db/queries/training-paths.ts';
import {
  findOrganisationScope,
  type ProgrammeWithOrganisation,
} from '../../db/queries/training-programmes.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Localized } from '../../domain/i18n/localized.ts';
import { createRoundCube } from '../../domain/skills/gap-cube.ts';
import { queryGapCells } from '../../domain/skills/gap-query.ts';
import { pathCoverage } from '../../domain/training/coverage.ts';
import { networkView } from '../../domain/training/network.ts';
import {
  PathInputSchema,
  PathPatchSchema,
  PathStepsSchema,
  pathSlug,
} from '../../domain/training/path-schema.ts';
import { type PathStepInput, validatePath } from '../../domain/training/path-validation.ts';
import {
  canCreatePath,
  canEditPath,
  canOwnPathAs,
  canReadPath,
} from '../../domain/training/training-permissions.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { sharedSkillsReadModel } from '../skills/skills.ts';
import type { SkillsState } from '../skills/skills-read-model.ts';
import { pathPdf } from './paths-pdf.ts';
import { asPathModules, presentPathDetail, presentPathSummary, readableModules } from './paths-presenters.ts';
import {
  CoverageSchema,
  NetworkQuerySchema,
  NetworkSchema,
  PathDetailSchema,
  PathSummarySchema,
  PdfQuerySchema,
  ValidationSchema,
} from './paths-schema.ts';

const VALUE_CHAIN = 'value-chain';

/** The round the public gap analysis shows: the latest open or closed one. */
function latestRound(state: SkillsState) {
  const rounds = [...state.rounds.values()].filter((r) => r.status !== 'draft');
  const at = (r: (typeof rounds)[number]) => (r.closesAt ?? r.opensAt ?? r.createdAt).getTime();
  rounds.sort((a, b) => at(b) - at(a) || (a.id < b.id ? -1 : 1));
  return rounds[0] ?? null;
}

/**
 * Training paths (issue 7): modules of the training supply joined by prerequisites across
 * levels, validated (cycles, level jumps, credit totals against Finnish qualification extents),
 * their coverage of the published gap analysis, a printable PDF, and the network view of who
 * delivers what where.
 */
export async function trainingPathRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const skills = sharedSkillsReadModel(db);

  async function loadReadable(actor: Actor, id: string): Promise<PathWithSteps> {
    const path = await findPath(db, id);
    if (!path || !canReadPath(actor, path)) throw notFound('Training path');
    return path;
  }

  async function loadEditable(actor: Actor, id: string): Promise<PathWithSteps> {
    const path = await loadReadable(actor, id);
    if (!canEditPath(actor, path)) throw new AppError('forbidden', 'You may not change this path');
    return path;
  }

  async function modulesOf(actor: Actor, ids: readonly string[]) {
    return readableModules(actor, await findProgrammesByIds(db, ids));
  }

  function validate(
    steps: readonly PathStepInput[],
    modules: ReadonlyMap<string, ProgrammeWithOrganisation>,
    publishing: boolean,
  ) {
    return validatePath(steps, asPathModules(modules), { publishing });
  }

  /** The path as the caller sees it; `known`: the row just read (else it is read again after a write). */
  async function detail(actor: Actor, id: string, known?: PathWithSteps) {
    const path = known ?? (await findPath(db, id))!;
    const [modules, owner] = await Promise.all([
      modulesOf(
        actor,
        path.steps.map((s) => s.programmeId),
      ),
      path.ownerOrganisationId ? findOrganisationScope(db, path.ownerOrganisationId) : null,
    ]);
    const validation = validate(path.steps, modules, path.status === 'published');
    return presentPathDetail(actor, path, modules, owner?.name ?? null, validation);
  }

  async function checkScope(fields: { regionIds?: readonly string[]; ownerOrganisationId?: string | null }) {
    const issues: { path: (string | number)[]; message: string }[] = [];
    for (const [i, id] of (fields.regionIds ?? []).entries())
      if (!(await regionExists(db, id))) issues.push({ path: ['regionIds', i], message: 'Unknown region' });
    if (fields.ownerOrganisationId && !(await findOrganisationScope(db, fields.ownerOrganisationId)))
      issues.push({ path: ['ownerOrganisationId'], message: 'Not an organisation of the registry' });
    if (issues.length) throw new AppError('validation_failed', 'The path is not valid', issues);
  }

  r.get('/api/paths', {
    schema: {
      tags: ['training'],
      summary: 'Training paths: published ones for everyone, drafts for those who work on them',
      response: { 200: z.array(PathSummarySchema) },
    },
    handler: async (request) =>
      (await listPaths(db))
        .filter((p) => canReadPath(request.actor, p))
        .map((p) => presentPathSummary(request.actor, p)),
  });

  r.post('/api/paths', {
    schema: {
      tags: ['training'],
      summary: 'Start a training path (a draft)',
      description:
        'Admins, coordinators and members of education organisations (university, uas, vocational).',
      body: PathInputSchema,
      response: { 201: PathDetailSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!canCreatePath(actor, await organisationType(db, actor.organisationId)))
        throw new AppError(
          'forbidden',
          'Paths are started by education organisations (universities, UAS, vocational schools), coordinators and admins',
        );
      const input = request.body;
      const ownerOrganisationId =
        input.ownerOrganisationId === undefined ? actor.organisationId : input.ownerOrganisationId;
      if (!canOwnPathAs(actor, ownerOrganisationId))
        throw new AppError('forbidden', 'A member starts paths for their own organisation');
      const regionIds =
        input.regionIds.length || actor.role !== 'coordinator' || !actor.regionId
          ? input.regionIds
          : [actor.regionId];
      await checkScope({ regionIds, ownerOrganisationId });
      const base = pathSlug(input.title);
      const id = await db.transaction(async (tx) => {
        let candidate = base;
        for (let n = 2; await pathExists(tx, candidate); n++) candidate = `${base}-${n}`;
        await insertPath(tx, actor, {
          id: candidate,
          title: input.title,
          summary: input.summary ?? { fi: '', sv: '', en: '' },
          audience: input.audience,
          status: 'draft',
          regionIds,
          ownerOrganisationId,
          createdBy: actor.userId,
        });
        return candidate;
      });
      return reply.status(201).send(await detail(actor, id));
    },
  });

  r.get('/api/paths/:id', {
    schema: {
      tags: ['training'],
      summary: 'A training path with its modules, prerequisites and validation',
      params: IdParamsSchema,
      response: { 200: PathDetailSchema },
    },
    handler: async (request) => {
      const path = await loadReadable(request.actor, request.params.id);
      return detail(request.actor, path.id, path);
    },
  });

  r.patch('/api/paths/:id', {
    schema: {
      tags: ['training'],
      summary: 'Change a path; publishing needs a valid graph of public modules',
      params: IdParamsSchema,
      body: PathPatchSchema,
      response: { 200: PathDetailSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const path = await loadEditable(actor, request.params.id);
      const patch = request.body;
      if (patch.ownerOrganisationId !== undefined && patch.ownerOrganisationId !== path.ownerOrganisationId) {
        if (!canOwnPathAs(actor, patch.ownerOrganisationId))
          throw new AppError('forbidden', 'You may not give the path to that organisation');
      }
      const after = {
        ...path,
        ...(patch.regionIds ? { regionIds: patch.regionIds } : {}),
        ...(patch.ownerOrganisationId !== undefined
          ? { ownerOrganisationId: patch.ownerOrganisationId }
          : {}),
      };
      if (!canEditPath(actor, after))
        throw new AppError('forbidden', 'After this change you could no longer edit the path');
      await checkScope(patch);
      if (patch.status === 'published' && path.status !== 'published') {
        const modules = await modulesOf(
          actor,
          path.steps.map((s) => s.programmeId),
        );
        const validation = validate(path.steps, modules, true);
        if (!validation.valid)
          throw new AppError('validation_failed', 'The path cannot be published yet', { validation });
      }
      await db.transaction((tx) => updatePath(tx, actor, path, patch));
      return detail(actor, path.id);
    },
  });

  r.delete('/api/paths/:id', {
    schema: {
      tags: ['training'],
      summary: 'Remove a path (its modules stay in the training supply)',
      params: IdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const path = await loadEditable(actor, request.params.id);
      await db.transaction((tx) => deletePath(tx, actor, path));
      return reply.status(204).send(null);
    },
  });

  r.put('/api/paths/:id/steps', {
    schema: {
      tags: ['training'],
      summary: 'Replace the whole graph of a path: its modules and their prerequisites',
      description:
        'The graph is validated first: with any error (cycle, prerequisite not on the path, level jump, unknown ' +
        'module …) nothing is saved and the answer is 400 validation_failed with details.validation; warnings ' +
        'and notes come back with the saved path.',
      params: IdParamsSchema,
      body: PathStepsSchema,
      response: { 200: PathDetailSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const path = await loadEditable(actor, request.params.id);
      const steps = request.body.steps;
      const modules = await modulesOf(
        actor,
        steps.map((s) => s.programmeId),
      );
      const validation = validate(steps, modules, path.status === 'published');
      if (!validation.valid)
        throw new AppError('validation_failed', 'The path has errors: nothing was saved', { validation });
      await db.transaction((tx) => replacePathSteps(tx, actor, path, steps));
      return detail(actor, path.id);
    },
  });

  r.get('/api/paths/:id/validation', {
    schema: {
      tags: ['training'],
      summary: "The path's validation report: errors, warnings, notes and credit totals by level",
      params: IdParamsSchema,
      response: { 200: ValidationSchema },
    },
    handler: async (request) => {
      const path = await loadReadable(request.actor, request.params.id);
      const modules = await modulesOf(
        request.actor,
        path.steps.map((s) => s.programmeId),
      );
      return validate(path.steps, modules, path.status === 'published');
    },
  });

  r.get('/api/paths/:id/coverage', {
    schema: {
      tags: ['training'],
      summary: 'Which gaps of the skills analysis the path closes, by level and region, and which remain',
      description:
        'Uses the published (disclosure-controlled) figures of the latest open or closed survey round only, ' +
        'for every caller: role × EQF level × region and role × EQF level over the network, all horizons.',
      params: IdParamsSchema,
      response: { 200: CoverageSchema },
    },
    handler: async (request) => {
      const path = await loadReadable(request.actor, request.params.id);
      const modules = await modulesOf(
        request.actor,
        path.steps.map((s) => s.programmeId),
      );
      const state = await skills.current();
      const round = latestRound(state);
      const cube = (round && state.cubes.get(round.id)) || createRoundCube(state.dims);
      const release = skills.release(state, round?.id ?? '');
      const publicView = { kind: 'public' } as const;
      const rows = [
        ...queryGapCells(
          cube,
          release,
          state.supply,
          {},
          new Set(['role', 'eqf', 'region'] as const),
          publicView,
        ),
        ...queryGapCells(cube, release, state.supply, {}, new Set(['role', 'eqf'] as const), publicView),
      ];
      const coverage = pathCoverage(
        [...modules.values()].map((m) => ({
          id: m.id,
          eqfLevel: m.eqfLevel,
          regionId: m.regionId,
          roleIds: m.roleIds,
        })),
        path.regionIds,
        round ? rows : [],
      );
      const roleIds = [...coverage.closed, ...coverage.remaining].map((c) => c.roleId);
      const labels = await conceptLabels(db, roleIds);
      return {
        round: round ? { id: round.id, title: round.title } : null,
        ...coverage,
        roles: Object.fromEntries([...labels.entries()].map(([id, c]) => [id, c.labels])),
      };
    },
  });

  r.get('/api/paths/:id/pdf', {
    schema: {
      tags: ['training'],
      summary: 'The path as a printable A4 PDF in Finnish, Swedish or English',
      params: IdParamsSchema,
      querystring: PdfQuerySchema,
    },
    handler: async (request, reply) => {
      const path = await loadReadable(request.actor, request.params.id);
      const modules = await modulesOf(
        request.actor,
        path.steps.map((s) => s.programmeId),
      );
      const regions = await listRegionRows(db);
      const pdf = await pathPdf({
        path,
        modules,
        validation: validate(path.steps, modules, path.status === 'published'),
        regionNames: new Map(regions.map((row) => [row.id, row.name])),
        lang: request.query.lang,
        generatedAt: new Date(),
        pageUrl: `${ctx.config.publicUrl ?? ''}/training-paths/${encodeURIComponent(path.id)}`,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${path.id.replace(/[^a-z0-9-]/gi, '')}.pdf"`)
        .send(pdf);
    },
  });

  r.get('/api/training/network', {
    schema: {
      tags: ['training'],
      summary: 'Who delivers what where: institutions by training level and competence area per region',
      description:
        'Public programmes and modules only. A cell without providers is a place nobody delivers it.',
      querystring: NetworkQuerySchema,
      response: { 200: NetworkSchema },
    },
    handler: async (request) => {
      const [programmes, regions, tree] = await Promise.all([
        listPublicProgrammes(db),
        listRegionRows(db),
        schemeTree(db, VALUE_CHAIN),
      ]);
      const parent = new Map(tree.map((c) => [c.id, c.parentId]));
      const roots = tree.filter((c) => c.parentId === null);
      const areaOf = (id: string): string | null => {
        let at: string | null | undefined = id;
        for (let depth = 0; at && depth < 20; depth++) {
          const up = parent.get(at);
          if (up === undefined) return null;
          if (up === null) return at;
          at = up;
        }
        return null;
      };
      const { regionId, level } = request.query;
      const view = networkView(
        programmes,
        regions.map((row) => row.id),
        roots.map((c) => c.id),
        areaOf,
        { ...(regionId ? { regionId } : {}), ...(level ? { level } : {}) },
      );
      const names = new Map<string, Localized>(regions.map((row) => [row.id, row.name]));
      return {
        ...view,
        regions: view.regionIds.map((id) => ({ id, name: names.get(id)! })),
        competenceAreas: roots.map((c) => ({ id: c.id, label: c.labels })),
      };
    },
  });
}
