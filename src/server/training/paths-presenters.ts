import type { PathListRow, PathWithSteps } from '../../db/queries/training-paths.ts';
import type { ProgrammeWithOrganisation } from '../../db/queries/training-programmes.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canEditProgramme, canReadProgramme } from '../../domain/skills/skills-permissions.ts';
import { LEVEL_ORDER, type PathModule, type PathValidation } from '../../domain/training/path-validation.ts';
import { canEditPath } from '../../domain/training/training-permissions.ts';
import { presentProgramme } from '../skills/presenters.ts';

export function presentPathSummary(actor: Actor, path: PathListRow) {
  return {
    id: path.id,
    title: path.title,
    summary: path.summary,
    audience: path.audience,
    status: path.status,
    regionIds: path.regionIds,
    ownerOrganisationId: path.ownerOrganisationId,
    stepCount: path.stepCount,
    levels: path.levels,
    createdAt: path.createdAt.toISOString(),
    updatedAt: path.updatedAt.toISOString(),
    canEdit: canEditPath(actor, path),
  };
}

export function presentPathDetail(
  actor: Actor,
  path: PathWithSteps,
  modules: ReadonlyMap<string, ProgrammeWithOrganisation>,
  ownerOrganisationName: string | null,
  validation: PathValidation,
) {
  return {
    ...presentPathSummary(actor, {
      ...path,
      stepCount: path.steps.length,
      levels: LEVEL_ORDER.filter((l) => [...modules.values()].some((m) => m.level === l)),
    }),
    ownerOrganisationName,
    steps: path.steps.map((s) => {
      const m = modules.get(s.programmeId);
      return {
        programmeId: s.programmeId,
        prerequisiteIds: s.prerequisiteIds,
        position: s.position,
        module: m ? presentProgramme(m, canEditProgramme(actor, m)) : null,
      };
    }),
    validation,
  };
}

/** The modules a caller may see, by id: what validation and the pages work with. */
export function readableModules(
  actor: Actor,
  rows: readonly ProgrammeWithOrganisation[],
): Map<string, ProgrammeWithOrganisation> {
  return new Map(rows.filter((p) => canReadProgramme(actor, p)).map((p) => [p.id, p]));
}

export function asPathModules(
  modules: ReadonlyMap<string, ProgrammeWithOrganisation>,
): Map<string, PathModule> {
  return new Map(
    [...modules.values()].map((p) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        kind: p.kind,
        level: p.level,
        eqfLevel: p.eqfLevel,
        credits: p.credits,
        creditUnit: p.creditUnit,
        isPublic: p.isPublic,
      },
    ]),
  );
}
