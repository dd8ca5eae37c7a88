import type { Db } from '../../db/create-db.ts';
import {
  countedAnswers,
  listRoundRows,
  type RoundRow,
  readSkillsVersion,
  regionIdsInOrder,
  type VersionedWrite,
} from '../../db/queries/skills.ts';
import { loadSupplyProgrammes } from '../../db/queries/training-programmes.ts';
import { computeRelease, type Release } from '../../domain/skills/disclosure.ts';
import {
  buildRoundCube,
  buildSupplyCube,
  createGapDims,
  createRoundCube,
  type GapAnswer,
  type GapDims,
  type RoundCube,
  replaceEmployerAnswers,
  type SupplyCube,
  type SupplyProgramme,
} from '../../domain/skills/gap-cube.ts';
import { VERSION_CHECK_INTERVAL_MS } from '../organisations/versioned-read-model.ts';

/**
 * The gap cubes of every round and the training supply, in memory, kept current through
 * `data_versions.skills` (decision 006). Another server's write is noticed within
 * VERSION_CHECK_INTERVAL_MS and reloads everything; this server's own writes are applied
 * incrementally — one employer's answers replaced in its round's cube, the supply rebuilt, a
 * round's details changed — when the write is the very next version (see `skillsWrite`), so a
 * respondent submitting does not reload a million answers.
 */

export type SkillsState = {
  version: number;
  dims: GapDims;
  rounds: Map<string, RoundRow>;
  cubes: Map<string, RoundCube>;
  supply: SupplyCube;
  programmes: SupplyProgramme[];
  regionIds: string[];
  releases: Map<string, Release>;
};

/** An incremental change to the state; false means "cannot, reload instead". */
export type SkillsPatch = (state: SkillsState) => boolean;

export type SkillsReadModel = {
  current(): Promise<SkillsState>;
  refresh(): Promise<SkillsState>;
  /** After a write through this server: patch in place when it is the next version, else reload. */
  afterWrite(write: VersionedWrite<unknown>, patch: SkillsPatch): Promise<void>;
  /** The disclosure release of a round, computed once per change of its cube. */
  release(state: SkillsState, roundId: string): Release;
};

export async function loadSkillsState(db: Db, version: number): Promise<SkillsState> {
  const [roundRows, regionIds, programmes] = await Promise.all([
    listRoundRows(db),
    regionIdsInOrder(db),
    loadSupplyProgrammes(db),
  ]);
  const answers = new Map<string, GapAnswer[]>();
  const roles = new Set<string>();
  const regions = new Set(regionIds);
  for await (const page of countedAnswers(db)) {
    for (const a of page) {
      const list = answers.get(a.roundId);
      if (list) list.push(a);
      else answers.set(a.roundId, [a]);
      roles.add(a.roleId);
      regions.add(a.regionId);
    }
  }
  for (const p of programmes) for (const r of p.roleIds) roles.add(r);
  const dims = createGapDims([...roles].sort(), regions);
  const cubes = new Map<string, RoundCube>();
  for (const round of roundRows) cubes.set(round.id, buildRoundCube(dims, answers.get(round.id) ?? []));
  return {
    version,
    dims,
    rounds: new Map(roundRows.map((r) => [r.id, r])),
    cubes,
    supply: buildSupplyCube(dims, programmes),
    programmes,
    regionIds,
    releases: new Map(),
  };
}

export function createSkillsReadModel(db: Db): SkillsReadModel {
  let value: SkillsState | null = null;
  let loading: Promise<SkillsState> | null = null;
  let checking: Promise<void> | null = null;
  let checkedAt = 0;

  async function load(): Promise<SkillsState> {
    const version = await readSkillsVersion(db);
    const next = await loadSkillsState(db, version);
    if (!value || next.version >= value.version) value = next;
    checkedAt = Date.now();
    return value;
  }
  function reload(): Promise<SkillsState> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }
  async function check(): Promise<void> {
    const version = await readSkillsVersion(db);
    checkedAt = Date.now();
    if (!value || version !== value.version) await reload();
  }

  return {
    async current() {
      if (!value) return reload();
      if (Date.now() - checkedAt >= VERSION_CHECK_INTERVAL_MS) {
        checking ??= check().finally(() => {
          checking = null;
        });
        await checking;
      }
      return value;
    },
    async refresh() {
      if (loading) await loading;
      return reload();
    },
    async afterWrite(write, patch) {
      if (write.to === write.from) return;
      if (loading) await loading;
      if (value && value.version === write.from && patch(value)) {
        value.version = write.to;
        return;
      }
      await reload();
    },
    release(state, roundId) {
      const cube = state.cubes.get(roundId) ?? createRoundCube(state.dims);
      let release = state.releases.get(roundId);
      if (!release || release.revision !== cube.revision) {
        release = computeRelease(cube);
        state.releases.set(roundId, release);
      }
      return release;
    },
  };
}

// ── Patches for this server's own writes ──

/** One employer's counted answers in a round changed (a respondent saved or was revoked). */
export function employerAnswersPatch(roundId: string, employerId: string, answers: GapAnswer[]): SkillsPatch {
  return (state) => {
    const cube = state.cubes.get(roundId);
    if (!cube) return false;
    return replaceEmployerAnswers(cube, employerId, answers);
  };
}

/** A round's details changed; a change into or out of draft changes what counts: reload. */
export function roundPatch(round: RoundRow): SkillsPatch {
  return (state) => {
    const before = state.rounds.get(round.id);
    if (!before) {
      if (round.status !== 'draft') return false;
      state.rounds.set(round.id, round);
      state.cubes.set(round.id, createRoundCube(state.dims));
      return true;
    }
    if ((before.status === 'draft') !== (round.status === 'draft')) return false;
    state.rounds.set(round.id, round);
    return true;
  };
}

/** The training supply changed: rebuilt from the public programmes (a few hundred rows). */
export function supplyPatch(programmes: SupplyProgramme[]): SkillsPatch {
  return (state) => {
    if (programmes.some((p) => p.roleIds.some((r) => !state.dims.roleIndex.has(r)))) return false;
    state.programmes = programmes;
    state.supply = buildSupplyCube(state.dims, programmes);
    return true;
  };
}
