import type { Localized } from '../i18n/localized.ts';
import type { TrainingLevel } from '../skills/gap-definitions.ts';

/**
 * Validation of a training path: modules (training programmes) joined by prerequisites into a
 * graph that should climb the Finnish qualification levels — vocational → applied sciences →
 * university, with continuing education for people at work anywhere.
 *
 * Issues carry a stable `code` and `params` (the web app words them in fi/sv/en) and an English
 * `message` for API users. Errors block saving the graph; warnings and notes are shown.
 *
 * Credit totals are per training level, EQF level and unit: osaamispisteet (osp) and ECTS
 * credits are never summed together (rules.md §3.1). They are compared with the extents of
 * Finnish qualifications (rules.md §3.2).
 */

export type CreditUnit = 'osp' | 'ects';

export type PathModule = {
  id: string;
  name: Localized;
  kind: 'programme' | 'module';
  level: TrainingLevel;
  eqfLevel: number;
  credits: number | null;
  creditUnit: CreditUnit | null;
  isPublic: boolean;
};

export type PathStepInput = { programmeId: string; prerequisiteIds: readonly string[] };

export type IssueCode =
  | 'empty_path'
  | 'unknown_module'
  | 'duplicate_step'
  | 'prerequisite_not_on_path'
  | 'cycle'
  | 'level_jump'
  | 'level_down'
  | 'credits_above_extent'
  | 'credits_not_an_extent'
  | 'credits_partial'
  | 'credits_missing'
  | 'module_not_public';

export type Severity = 'error' | 'warning' | 'note';

export type PathIssue = {
  code: IssueCode;
  severity: Severity;
  /** The steps (programme ids) concerned, in a meaningful order (a cycle: in study order). */
  stepIds: string[];
  params: Record<string, string | number | number[] | string[]>;
  message: string;
};

/** The extents a Finnish qualification at this level may have (rules.md §3.2). */
export type QualificationExtent = {
  id: string;
  level: TrainingLevel;
  eqfLevel: number;
  unit: CreditUnit;
  extents: readonly number[];
  label: string;
};

export const QUALIFICATION_EXTENTS: readonly QualificationExtent[] = [
  {
    id: 'vocational',
    level: 'vocational',
    eqfLevel: 4,
    unit: 'osp',
    extents: [120, 150, 180],
    label:
      'upper secondary vocational qualification 180 osp; further vocational qualification 120, 150 or 180 osp',
  },
  {
    id: 'specialist_vocational',
    level: 'vocational',
    eqfLevel: 5,
    unit: 'osp',
    extents: [160, 180, 210],
    label: 'specialist vocational qualification 160, 180 or 210 osp',
  },
  {
    id: 'uas_bachelor',
    level: 'applied_sciences',
    eqfLevel: 6,
    unit: 'ects',
    extents: [180, 210, 240, 270],
    label: "UAS Bachelor's degree 180–270 ECTS (typically 210–240)",
  },
  {
    id: 'uas_master',
    level: 'applied_sciences',
    eqfLevel: 7,
    unit: 'ects',
    extents: [60, 90],
    label: "UAS Master's degree 60 or 90 ECTS",
  },
  {
    id: 'bachelor',
    level: 'university',
    eqfLevel: 6,
    unit: 'ects',
    extents: [180],
    label: "university Bachelor's degree 180 ECTS",
  },
  {
    id: 'master',
    level: 'university',
    eqfLevel: 7,
    unit: 'ects',
    extents: [120, 150],
    label: "university Master's degree 120 ECTS (some fields 150)",
  },
];

export function qualificationExtent(
  level: TrainingLevel,
  eqfLevel: number,
  unit: CreditUnit,
): QualificationExtent | null {
  return (
    QUALIFICATION_EXTENTS.find((q) => q.level === level && q.eqfLevel === eqfLevel && q.unit === unit) ?? null
  );
}

export type CreditStatus = 'matches' | 'partial' | 'above' | 'not_an_extent' | 'no_extent';

export type CreditTotal = {
  level: TrainingLevel;
  eqfLevel: number;
  unit: CreditUnit;
  total: number;
  steps: number;
  /** The qualification the total is compared with; null: no extent set in law (doctorate, continuing). */
  qualification: { id: string; extents: number[] } | null;
  status: CreditStatus;
};

export type PathValidation = {
  valid: boolean;
  errors: PathIssue[];
  warnings: PathIssue[];
  notes: PathIssue[];
  credits: CreditTotal[];
  /** Steps by depth in the prerequisite graph (first: those needing nothing); empty with a cycle. */
  layers: string[][];
};

/** The order levels are climbed in, for display and sorting. */
export const LEVEL_ORDER: readonly TrainingLevel[] = [
  'vocational',
  'applied_sciences',
  'university',
  'continuing',
];

/**
 * Vocational (EQF 4) → UAS Bachelor (EQF 6) is the usual Finnish route (a vocational
 * qualification gives eligibility for higher education), so that one skip is not a jump.
 */
function allowedStep(from: number, to: number): boolean {
  if (to - from <= 1) return true;
  return from === 4 && to === 6;
}

const nameOf = (m: PathModule | undefined, id: string) => (m ? m.name.en || m.name.fi || m.name.sv : id);

/** Every elementary cycle found by a depth-first search, each once, as it runs. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string) => {
    state.set(node, 1);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const s = state.get(next);
      if (s === 1) {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle found from another node: compare as a rotation starting at its least id.
        const least = cycle.indexOf([...cycle].sort()[0]!);
        const key = [...cycle.slice(least), ...cycle.slice(0, least)].join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Kahn's layers: depth 0 needs nothing, depth n needs something of depth n−1. Null with a cycle. */
export function layersOf(graph: ReadonlyMap<string, readonly string[]>): string[][] | null {
  const depth = new Map<string, number>();
  const remaining = new Map<string, number>();
  const dependants = new Map<string, string[]>();
  for (const [node, prerequisites] of graph) {
    const known = prerequisites.filter((p) => graph.has(p));
    remaining.set(node, known.length);
    for (const p of known) dependants.set(p, [...(dependants.get(p) ?? []), node]);
  }
  const queue = [...graph.keys()].filter((n) => remaining.get(n) === 0).sort();
  for (const n of queue) depth.set(n, 0);
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of dependants.get(node) ?? []) {
      depth.set(next, Math.max(depth.get(next) ?? 0, depth.get(node)! + 1));
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  if (queue.length !== graph.size) return null;
  const layers: string[][] = [];
  for (const node of queue) {
    const d = depth.get(node)!;
    layers[d] = [...(layers[d] ?? []), node];
  }
  return layers.map((l) => l.sort());
}

function creditTotals(steps: readonly PathModule[]): CreditTotal[] {
  const groups = new Map<string, PathModule[]>();
  for (const m of steps) {
    if (m.credits === null || m.creditUnit === null) continue;
    const key = `${LEVEL_ORDER.indexOf(m.level)}|${m.eqfLevel}|${m.creditUnit}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, ms]) => {
      const { level, eqfLevel, creditUnit } = ms[0]!;
      const unit = creditUnit!;
      const total = Math.round(ms.reduce((sum, m) => sum + m.credits!, 0) * 10) / 10;
      const q = level === 'continuing' ? null : qualificationExtent(level, eqfLevel, unit);
      const max = q ? Math.max(...q.extents) : 0;
      const hasProgramme = ms.some((m) => m.kind === 'programme');
      const status: CreditStatus = !q
        ? 'no_extent'
        : q.extents.includes(total)
          ? 'matches'
          : total > max
            ? 'above'
            : hasProgramme
              ? 'not_an_extent'
              : 'partial';
      return {
        level,
        eqfLevel,
        unit,
        total,
        steps: ms.length,
        qualification: q ? { id: q.id, extents: [...q.extents] } : null,
        status,
      };
    });
}

/**
 * Validates a path's steps against the modules they name. `modules` holds the modules the
 * caller may see; a step naming another is an unknown module. `publishing`: the path is (or is
 * about to be) public, so every module on it must be public too.
 */
export function validatePath(
  steps: readonly PathStepInput[],
  modules: ReadonlyMap<string, PathModule>,
  options: { publishing: boolean },
): PathValidation {
  const issues: PathIssue[] = [];
  const add = (issue: Omit<PathIssue, 'message'>, message: string) => issues.push({ ...issue, message });

  if (steps.length === 0)
    add(
      { code: 'empty_path', severity: options.publishing ? 'error' : 'warning', stepIds: [], params: {} },
      'The path has no modules yet',
    );

  const graph = new Map<string, string[]>();
  for (const step of steps) {
    if (graph.has(step.programmeId)) {
      add(
        { code: 'duplicate_step', severity: 'error', stepIds: [step.programmeId], params: {} },
        `"${nameOf(modules.get(step.programmeId), step.programmeId)}" is on the path twice`,
      );
      continue;
    }
    graph.set(step.programmeId, [...new Set(step.prerequisiteIds)]);
  }

  for (const [id, prerequisites] of graph) {
    const m = modules.get(id);
    if (!m) {
      add(
        { code: 'unknown_module', severity: 'error', stepIds: [id], params: { programmeId: id } },
        `"${id}" is not a module you can add`,
      );
      continue;
    }
    if (options.publishing && !m.isPublic)
      add(
        { code: 'module_not_public', severity: 'error', stepIds: [id], params: {} },
        `"${nameOf(m, id)}" is not public: a published path may only show public modules`,
      );
    if (m.credits === null || m.creditUnit === null)
      add(
        { code: 'credits_missing', severity: 'note', stepIds: [id], params: {} },
        `"${nameOf(m, id)}" does not state its credits; it is left out of the totals`,
      );
    for (const p of prerequisites) {
      if (p === id) continue; // a cycle of one, reported below
      if (!graph.has(p)) {
        add(
          {
            code: 'prerequisite_not_on_path',
            severity: 'error',
            stepIds: [id, p],
            params: { prerequisiteId: p },
          },
          `"${nameOf(m, id)}" requires "${nameOf(modules.get(p), p)}", which is not on the path`,
        );
        continue;
      }
      const before = modules.get(p);
      if (!before) continue;
      const from = before.eqfLevel;
      const to = m.eqfLevel;
      const continuing = m.level === 'continuing' || before.level === 'continuing';
      if (to < from && !continuing) {
        add(
          { code: 'level_down', severity: 'warning', stepIds: [p, id], params: { from, to } },
          `"${nameOf(m, id)}" (EQF ${to}) comes after "${nameOf(before, p)}" (EQF ${from}): a step down`,
        );
      } else if (!allowedStep(from, to)) {
        const missing = Array.from({ length: to - from - 1 }, (_, i) => from + 1 + i);
        add(
          {
            code: 'level_jump',
            severity: continuing ? 'warning' : 'error',
            stepIds: [p, id],
            params: { from, to, missing },
          },
          `"${nameOf(before, p)}" (EQF ${from}) leads straight to "${nameOf(m, id)}" (EQF ${to}), ` +
            `skipping EQF ${missing.join(', ')}: add a module in between or change the prerequisite`,
        );
      }
    }
  }

  // A cycle runs along "requires" edges; shown reversed, it reads in study order (A → B: A first).
  for (const cycle of findCycles(graph).map((c) => [...c].reverse())) {
    const names = cycle.map((id) => nameOf(modules.get(id), id));
    add(
      { code: 'cycle', severity: 'error', stepIds: cycle, params: { cycle } },
      `The prerequisites go round in a circle: ${[...names, names[0]].join(' → ')}`,
    );
  }

  const known = [...graph.keys()].map((id) => modules.get(id)).filter((m): m is PathModule => Boolean(m));
  const credits = creditTotals(known);
  const levelSteps = (c: CreditTotal) =>
    known
      .filter((m) => m.level === c.level && m.eqfLevel === c.eqfLevel && m.creditUnit === c.unit)
      .map((m) => m.id);
  for (const c of credits) {
    const unit = c.unit === 'osp' ? 'osp' : 'ECTS';
    const params = {
      level: c.level,
      eqf: c.eqfLevel,
      unit: c.unit,
      total: c.total,
      extents: c.qualification?.extents ?? [],
    };
    const extents = c.qualification?.extents.join(', ') ?? '';
    if (c.status === 'above')
      add(
        { code: 'credits_above_extent', severity: 'warning', stepIds: levelSteps(c), params },
        `${c.total} ${unit} at EQF ${c.eqfLevel} is more than a full qualification (${extents} ${unit})`,
      );
    else if (c.status === 'not_an_extent')
      add(
        { code: 'credits_not_an_extent', severity: 'warning', stepIds: levelSteps(c), params },
        `${c.total} ${unit} at EQF ${c.eqfLevel} is not the extent of a Finnish qualification (${extents} ${unit})`,
      );
    else if (c.status === 'partial')
      add(
        { code: 'credits_partial', severity: 'note', stepIds: levelSteps(c), params },
        `${c.total} ${unit} at EQF ${c.eqfLevel}: part of a qualification (${extents} ${unit})`,
      );
  }

  const layers = layersOf(graph) ?? [];
  const errors = issues.filter((i) => i.severity === 'error');
  return {
    valid: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity === 'warning'),
    notes: issues.filter((i) => i.severity === 'note'),
    credits,
    layers,
  };
}
