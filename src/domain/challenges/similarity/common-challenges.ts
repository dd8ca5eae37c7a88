/**
 * Common challenges: clusters of similar challenges that span two or more regions, as far as one
 * caller can read them. A cluster is shown only when its readable members still span two regions;
 * what it shows (regions, languages, concepts, cohesion) comes from those members alone, so a
 * private challenge never shows through. Its id is `cc-` and the id of its oldest member (of all
 * members), so it stays the same while that member stays in it.
 */
import type { ChallengeFeatures } from './features.ts';

export type ClusterMember = {
  id: string;
  title: string;
  language: 'fi' | 'sv' | 'en';
  regionId: string | null;
  organisationId: string | null;
  status: string;
  createdAt: Date;
};

export type CommonChallenge<M extends ClusterMember = ClusterMember> = {
  clusterId: string;
  regions: string[];
  languages: string[];
  /** The concepts at least half of the members name, most shared first. */
  conceptIds: string[];
  /** Mean similarity over all pairs of the members shown (pairs not linked count 0). */
  cohesion: number;
  /** Oldest first. */
  members: M[];
};

export type CommonChallengeQuery = { region?: string; concept?: string };

export const CLUSTER_ID_PREFIX = 'cc-';
const MAX_CONCEPTS = 6;

const oldestFirst = (a: ClusterMember, b: ClusterMember) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const matchesConcept = (id: string, wanted: string) => id === wanted || id.startsWith(`${wanted}.`);

function sharedConcepts(
  members: readonly ClusterMember[],
  featuresOf: (id: string) => ChallengeFeatures | null,
) {
  const counts = new Map<string, number>();
  for (const m of members) {
    for (const f of featuresOf(m.id)?.features ?? []) {
      if (f.kind === 'concept' && f.direct) counts.set(f.surface, (counts.get(f.surface) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const half = Math.ceil(members.length / 2);
  const shared = ranked.filter(([, n]) => n >= half);
  return (shared.length ? shared : ranked.slice(0, 3)).slice(0, MAX_CONCEPTS).map(([id]) => id);
}

export function commonChallenges<M extends ClusterMember>(input: {
  clusters: readonly (readonly string[])[];
  member: (id: string) => M | undefined;
  canRead: (member: M) => boolean;
  featuresOf: (id: string) => ChallengeFeatures | null;
  score: (a: string, b: string) => number;
  query?: CommonChallengeQuery;
}): CommonChallenge<M>[] {
  const out: CommonChallenge<M>[] = [];
  for (const ids of input.clusters) {
    const all = ids.map(input.member).filter((m): m is M => m !== undefined);
    if (all.length < 2) continue;
    all.sort(oldestFirst);
    const members = all.filter(input.canRead);
    const regions = [...new Set(members.flatMap((m) => (m.regionId ? [m.regionId] : [])))].sort();
    if (members.length < 2 || regions.length < 2) continue;
    const conceptIds = sharedConcepts(members, input.featuresOf);
    const query = input.query ?? {};
    if (query.region && !regions.includes(query.region)) continue;
    if (query.concept) {
      const wanted = query.concept;
      const named = conceptIds.some((c) => matchesConcept(c, wanted));
      const inMember = members.some((m) =>
        (input.featuresOf(m.id)?.features ?? []).some(
          (f) => f.kind === 'concept' && f.direct && matchesConcept(f.surface, wanted),
        ),
      );
      if (!named && !inMember) continue;
    }
    let sum = 0;
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) sum += input.score(members[i]!.id, members[j]!.id);
    const pairs = (members.length * (members.length - 1)) / 2;
    out.push({
      clusterId: `${CLUSTER_ID_PREFIX}${all[0]!.id}`,
      regions,
      languages: [...new Set(members.map((m) => m.language))].sort(),
      conceptIds,
      cohesion: Math.round((sum / pairs) * 1000) / 1000,
      members,
    });
  }
  return out.sort(
    (a, b) =>
      b.regions.length - a.regions.length ||
      b.members.length - a.members.length ||
      b.cohesion - a.cohesion ||
      (a.clusterId < b.clusterId ? -1 : 1),
  );
}
