import { PROJECT_STAGES, type ProjectStage } from './pipeline.ts';

/**
 * The network's key figures for the funder report. Targets: 1–2 joint national projects and 1–2
 * Horizon Europe consortia. Decision: a project counts toward its target once its proposal is
 * submitted, and stays counted when funded (not when it is not funded: the consortium is then
 * back to rework). Forming a consortium and submitting is what the network
 * can do; the funder's decision is reported beside it (funded, money won). A national project is
 * "joint" when two or more of the network's regions take part (the project's own regions or its
 * partners'). Pure: the route gathers the rows.
 */
export const KPI_TARGETS = { national: { min: 1, max: 2 }, horizon_europe: { min: 1, max: 2 } } as const;
export type KpiTrack = keyof typeof KPI_TARGETS;
const REACHED: readonly ProjectStage[] = ['submitted', 'funded'];
const APPLIED: readonly ProjectStage[] = ['submitted', 'funded', 'not_funded'];

export type KpiPartner = {
  organisationId: string | null;
  cordisOrganisationId: string | null;
  name: string;
  country: string;
  regionId: string | null;
  isSme: boolean;
};

export type KpiProject = {
  id: string;
  title: string;
  stage: ProjectStage;
  /** The instrument's track; null while no instrument is chosen. */
  track: 'national' | 'horizon_europe' | 'other_eu' | null;
  regionIds: readonly string[];
  partners: readonly KpiPartner[];
  /** What the project applies for: its own figure, else the budget sketch's grant, else null. */
  appliedEur: number | null;
  grantedEur: number | null;
};

export type TrackKpi = {
  track: KpiTrack;
  target: { min: number; max: number };
  byStage: Record<ProjectStage, number>;
  /** Projects counting toward the target (submitted or funded; national ones joint). */
  reached: number;
  funded: number;
  status: 'not_started' | 'in_progress' | 'reached' | 'exceeded';
  /** National projects in preparation or applied for that involve only one network region. */
  notJoint: number;
};

export type Kpis = {
  tracks: TrackKpi[];
  byStage: Record<ProjectStage, number>;
  projects: number;
  unclassified: number;
  partners: { total: number; network: number; foreign: number; smes: number; countries: string[] };
  regions: { id: string; projects: number }[];
  money: { appliedEur: number; preparingEur: number; grantedEur: number; successRate: number | null };
};

function emptyStages(): Record<ProjectStage, number> {
  return Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
}

/** All network regions a project involves: its own and its partners'. */
export function projectRegions(p: Pick<KpiProject, 'regionIds' | 'partners'>): string[] {
  return [
    ...new Set([...p.regionIds, ...p.partners.flatMap((x) => (x.regionId ? [x.regionId] : []))]),
  ].sort();
}

export function countsTowardTarget(p: KpiProject): boolean {
  if (!REACHED.includes(p.stage)) return false;
  if (p.track === 'horizon_europe') return true;
  return p.track === 'national' && projectRegions(p).length >= 2;
}

function partnerKey(x: KpiPartner): string {
  if (x.organisationId) return `registry:${x.organisationId}`;
  if (x.cordisOrganisationId) return `cordis:${x.cordisOrganisationId}`;
  return `name:${x.country}:${x.name.trim().toLowerCase()}`;
}

export function computeKpis(projects: readonly KpiProject[]): Kpis {
  const byStage = emptyStages();
  for (const p of projects) byStage[p.stage] += 1;

  const tracks = (Object.keys(KPI_TARGETS) as KpiTrack[]).map((track): TrackKpi => {
    const mine = projects.filter((p) => p.track === track);
    const stages = emptyStages();
    for (const p of mine) stages[p.stage] += 1;
    const reached = mine.filter(countsTowardTarget).length;
    const target = KPI_TARGETS[track];
    const status =
      reached > target.max
        ? 'exceeded'
        : reached >= target.min
          ? 'reached'
          : mine.some((p) => p.stage !== 'not_funded')
            ? 'in_progress'
            : 'not_started';
    return {
      track,
      target: { ...target },
      byStage: stages,
      reached,
      funded: stages.funded,
      status,
      notJoint:
        track === 'national'
          ? mine.filter((p) => p.stage !== 'not_funded' && projectRegions(p).length < 2).length
          : 0,
    };
  });

  const partners = new Map<string, KpiPartner>();
  for (const p of projects) for (const x of p.partners) partners.set(partnerKey(x), x);
  const all = [...partners.values()];

  const regionCounts = new Map<string, number>();
  for (const p of projects)
    for (const r of projectRegions(p)) regionCounts.set(r, (regionCounts.get(r) ?? 0) + 1);

  const sum = (rows: readonly KpiProject[], f: (p: KpiProject) => number | null) =>
    rows.reduce((acc, p) => acc + (f(p) ?? 0), 0);
  const applied = projects.filter((p) => APPLIED.includes(p.stage));
  const decided = projects.filter((p) => p.stage === 'funded' || p.stage === 'not_funded');

  return {
    tracks,
    byStage,
    projects: projects.length,
    unclassified: projects.filter((p) => p.track === null).length,
    partners: {
      total: all.length,
      network: all.filter((x) => x.regionId !== null).length,
      foreign: all.filter((x) => x.country !== 'FI').length,
      smes: all.filter((x) => x.isSme).length,
      countries: [...new Set(all.map((x) => x.country))].sort(),
    },
    regions: [...regionCounts]
      .map(([id, n]) => ({ id, projects: n }))
      .sort((a, b) => b.projects - a.projects || a.id.localeCompare(b.id)),
    money: {
      appliedEur: sum(applied, (p) => p.appliedEur),
      preparingEur: sum(
        projects.filter((p) => !APPLIED.includes(p.stage)),
        (p) => p.appliedEur,
      ),
      grantedEur: sum(
        projects.filter((p) => p.stage === 'funded'),
        (p) => p.grantedEur,
      ),
      successRate:
        decided.length === 0 ? null : decided.filter((p) => p.stage === 'funded').length / decided.length,
    },
  };
}
