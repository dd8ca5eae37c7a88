/**
 * An organisation's CORDIS track record in figures (pure): projects, how many it coordinated,
 * the EU contribution it received, per framework programme, and the value-chain concepts of
 * its projects (how often each occurs) — what a person judging a partner looks at first.
 */
export type TrackRecordParticipation = {
  projectId: string;
  role: string;
  ecContribution: number | null;
  frameworkProgramme: string | null;
  startDate: string | null;
  conceptIds: readonly string[] | null;
};

export type TrackRecordSummary = {
  projects: number;
  coordinated: number;
  ecContributionEur: number;
  firstYear: number | null;
  lastYear: number | null;
  byProgramme: { frameworkProgramme: string; projects: number; ecContributionEur: number }[];
  concepts: { conceptId: string; projects: number }[];
};

const UNKNOWN_PROGRAMME = '—';

export function summariseTrackRecord(rows: readonly TrackRecordParticipation[]): TrackRecordSummary {
  const programmes = new Map<string, { projects: number; ecContributionEur: number }>();
  const concepts = new Map<string, number>();
  let coordinated = 0;
  let ec = 0;
  let firstYear: number | null = null;
  let lastYear: number | null = null;
  for (const row of rows) {
    if (row.role.toLowerCase() === 'coordinator') coordinated++;
    const amount = row.ecContribution ?? 0;
    ec += amount;
    const key = row.frameworkProgramme ?? UNKNOWN_PROGRAMME;
    const programme = programmes.get(key) ?? { projects: 0, ecContributionEur: 0 };
    programme.projects++;
    programme.ecContributionEur += amount;
    programmes.set(key, programme);
    for (const id of new Set(row.conceptIds ?? [])) concepts.set(id, (concepts.get(id) ?? 0) + 1);
    const year = row.startDate ? Number(row.startDate.slice(0, 4)) : null;
    if (year !== null && Number.isFinite(year)) {
      firstYear = firstYear === null ? year : Math.min(firstYear, year);
      lastYear = lastYear === null ? year : Math.max(lastYear, year);
    }
  }
  return {
    projects: rows.length,
    coordinated,
    ecContributionEur: Math.round(ec * 100) / 100,
    firstYear,
    lastYear,
    byProgramme: [...programmes.entries()]
      .map(([frameworkProgramme, v]) => ({
        frameworkProgramme,
        projects: v.projects,
        ecContributionEur: Math.round(v.ecContributionEur * 100) / 100,
      }))
      .sort((a, b) => b.projects - a.projects || a.frameworkProgramme.localeCompare(b.frameworkProgramme)),
    concepts: [...concepts.entries()]
      .map(([conceptId, projects]) => ({ conceptId, projects }))
      .sort((a, b) => b.projects - a.projects || a.conceptId.localeCompare(b.conceptId))
      .slice(0, 20),
  };
}
