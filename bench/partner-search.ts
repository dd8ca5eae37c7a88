import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/create-db.ts';
import { loadDemoNetwork } from '../src/db/demo/load-demo.ts';
import { createApiToken, createUser } from '../src/db/queries/users.ts';
import { concepts, cordisOrganisations, organisations } from '../src/db/schema/index.ts';
import {
  type PartnerIndex,
  type PartnerResult,
  searchPartners,
} from '../src/domain/partners/partner-index.ts';
import { buildApp } from '../src/server/app.ts';
import { buildPartnerState, partnerReadModelFor } from '../src/server/partners/partner-read-model.ts';
import { createRandom, openFreshDatabase, percentile, ROOT } from './lib.ts';

/**
 * Partner search at EU scale (QUALITY.md, issue 5): a fixed-seed CORDIS-like corpus — 200,000
 * organisations, 100,000 projects, 1,000,000 participations — with planted relevant partners for
 * 200 queries. Measures full scoring (text, concepts, track record) from the in-memory index
 * (p50/p95), nDCG@10 against the planted gold set, the index build from the database, a
 * plain-SQL full-text ranking baseline (ts_rank over a stored, GIN-indexed tsvector + concept overlap + track record,
 * aggregated per organisation) in the same run, and that the index patched after organisation
 * changes answers exactly as a fresh build does.
 */

export type PartnerBenchRow = {
  benchmark: string;
  db: 'pglite' | 'postgres';
  metric: string;
  value: number;
  unit: string;
  bar: string;
  pass: boolean | null;
};

export const PARTNER_P95_BAR_MS = 10;
export const PARTNER_RATIO_BAR = 50;
export const PARTNER_BUILD_BAR_MS = 10_000;
export const PARTNER_NDCG_BAR = 0.9;

const SEED = 20_261_125;
const CURRENT_YEAR = 2026;

const QUALIFIERS = [
  'solvent-free',
  'low-temperature',
  'continuous',
  'aqueous',
  'high-voltage',
  'solid-state',
  'dry',
  'microwave',
  'plasma',
  'bio-based',
  'closed-loop',
  'direct',
  'selective',
  'scalable',
  'automated',
  'in-situ',
  'modular',
  'electrochemical',
  'supercritical',
  'hydrothermal',
];
const MATERIALS = [
  'lithium',
  'nickel',
  'cobalt',
  'manganese',
  'graphite',
  'silicon',
  'sodium',
  'sulphide',
  'phosphate',
  'vanadium',
  'polymer',
  'ceramic',
  'aluminium',
  'copper',
  'titanium',
  'niobium',
  'zinc',
  'magnesium',
  'carbonate',
  'hydroxide',
  'fluoride',
  'borate',
  'garnet',
  'spinel',
  'olivine',
  'perovskite',
  'binder',
  'separator',
  'electrolyte',
  'anode',
];
const PROCESSES = [
  'leaching',
  'coating',
  'sintering',
  'calcination',
  'precipitation',
  'electrodeposition',
  'extraction',
  'crystallisation',
  'milling',
  'granulation',
  'drying',
  'spraying',
  'doping',
  'refining',
  'flotation',
  'smelting',
  'pyrolysis',
  'lamination',
  'stacking',
  'welding',
  'formation',
  'ageing',
  'screening',
  'sorting',
  'dismantling',
  'shredding',
  'purification',
  'filtration',
  'synthesis',
  'characterisation',
];
const GENERIC = [
  'battery',
  'energy',
  'storage',
  'performance',
  'novel',
  'innovative',
  'pilot',
  'demonstration',
  'industrial',
  'european',
  'value',
  'chain',
  'circular',
  'economy',
  'materials',
  'cells',
  'process',
  'technology',
  'development',
  'approach',
  'system',
  'cost',
  'efficiency',
  'safety',
  'market',
  'research',
  'production',
  'manufacturing',
  'supply',
  'sustainable',
  'digital',
  'model',
  'testing',
  'lifetime',
  'capacity',
  'recovery',
  'raw',
  'critical',
  'transport',
  'grid',
  'vehicle',
  'mobility',
  'stationary',
  'quality',
  'data',
  'platform',
  'standard',
  'training',
  'skills',
  'impact',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tu',
  'vas',
  'ne',
  'po',
  'sil',
  'dar',
  'ek',
  'or',
  'tin',
  'ga',
  'bel',
];
const NAME_WORDS = [
  'Nordic',
  'Euro',
  'Advanced',
  'Applied',
  'Institute',
  'Technologies',
  'Materials',
  'Energy',
  'Systems',
  'Research',
  'Solutions',
  'Industries',
  'Centre',
  'Laboratory',
  'University',
  'Innovation',
  'Chemicals',
  'Power',
  'Engineering',
  'Metals',
];
const SUFFIXES = ['GmbH', 'SA', 'SRL', 'AB', 'Oy', 'BV', 'SL', 'AS', 'SpA', 'Ltd', 'NV', 'Sp. z o.o.', ''];
const COUNTRIES = [
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'BE',
  'SE',
  'FI',
  'PL',
  'AT',
  'PT',
  'EL',
  'CZ',
  'DK',
  'IE',
  'NO',
  'UK',
];
const COUNTRY_WEIGHTS = [14, 12, 11, 11, 7, 6, 5, 4, 5, 4, 4, 4, 3, 3, 2, 3, 6];
const ACTIVITY = ['PRC', 'PRC', 'PRC', 'PRC', 'PRC', 'HES', 'HES', 'REC', 'REC', 'PUB', 'OTH'];

type Sizes = { organisations: number; projects: number; participations: number; queries: number };
const FULL: Sizes = { organisations: 200_000, projects: 100_000, participations: 1_000_000, queries: 200 };
const QUICK: Sizes = { organisations: 20_000, projects: 10_000, participations: 100_000, queries: 50 };

type Query = { id: number; words: string[]; text: string; conceptId: string };

type Corpus = {
  projectIds: string[];
  acronyms: string[];
  titles: string[];
  objectives: string[];
  topics: string[][];
  projectConcepts: string[][];
  startYears: Int16Array;
  organisationIds: string[];
  names: string[];
  countries: string[];
  activity: string[];
  sme: Uint8Array;
  partProject: Int32Array;
  partOrganisation: Int32Array;
  partCoordinator: Uint8Array;
  partEc: Float64Array;
  partCount: number;
  queries: Query[];
  /** query → organisation index → grade 1–3. */
  gold: Map<number, number>[];
};

/**
 * The corpus. Projects draw words from a shared vocabulary (so every query word is common alone);
 * each query is a niche — a qualifier, a material and a process together — that only its ten
 * planted projects write about. Per query, three organisations coordinate two recent niche
 * projects each (grade 3), four take part in two recent ones (grade 2), three took part in an old
 * one (grade 1); the niche projects' other participants (busy organisations with hundreds of
 * projects) earn grade 1 too. Participation is skewed: a few organisations are in very many
 * projects, as large research institutes are.
 */
export function generateCorpus(sizes: Sizes, conceptIds: string[], seed = SEED): Corpus {
  const random = createRandom(seed);
  const pick = random.pick;
  const weighted = (items: string[], weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = random.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };
  const word = () => {
    const x = random.next();
    if (x < 0.55) return pick(GENERIC);
    if (x < 0.65) return pick(QUALIFIERS);
    if (x < 0.77) return pick(MATERIALS);
    if (x < 0.89) return pick(PROCESSES);
    return pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');

  // Queries: distinct niches.
  const queries: Query[] = [];
  const taken = new Set<string>();
  while (queries.length < sizes.queries) {
    const triple = [pick(QUALIFIERS), pick(MATERIALS), pick(PROCESSES)];
    const key = triple.join(' ');
    if (taken.has(key)) continue;
    taken.add(key);
    queries.push({ id: queries.length, words: triple, text: key, conceptId: pick(conceptIds) });
  }

  const O = sizes.organisations;
  const organisationIds: string[] = [];
  const names: string[] = [];
  const countries: string[] = [];
  const activity: string[] = [];
  const sme = new Uint8Array(O);
  for (let o = 0; o < O; o++) {
    organisationIds.push(String(900_000_000 + o));
    const specialty =
      random.next() < 0.3 ? ` ${random.next() < 0.5 ? pick(MATERIALS) : pick(PROCESSES)}` : '';
    names.push(`${pick(NAME_WORDS)}${specialty} ${pick(NAME_WORDS)} ${o} ${pick(SUFFIXES)}`.trim());
    countries.push(weighted(COUNTRIES, COUNTRY_WEIGHTS));
    const a = pick(ACTIVITY);
    activity.push(a);
    sme[o] = a === 'PRC' && random.next() < 0.5 ? 1 : 0;
  }
  // The planted organisations: the last 10 per query, which the skewed draw almost never picks.
  const plantedStart = O - 10 * sizes.queries;

  const P = sizes.projects;
  const nichePerQuery = 10;
  const nicheProjects = nichePerQuery * sizes.queries;
  const projectIds: string[] = [];
  const acronyms: string[] = [];
  const titles: string[] = [];
  const objectives: string[] = [];
  const topics: string[][] = [];
  const projectConcepts: string[][] = [];
  const startYears = new Int16Array(P);
  // Niche projects have about six participants; the others make up the rest of the participations.
  const perProject = (sizes.participations - nicheProjects * 6) / (P - nicheProjects);
  const partProject = new Int32Array(sizes.participations + nicheProjects * 4);
  const partOrganisation = new Int32Array(partProject.length);
  const partCoordinator = new Uint8Array(partProject.length);
  const partEc = new Float64Array(partProject.length);
  let n = 0;
  const add = (p: number, o: number, coordinator: boolean) => {
    partProject[n] = p;
    partOrganisation[n] = o;
    partCoordinator[n] = coordinator ? 1 : 0;
    partEc[n] = Math.round((coordinator ? 600_000 : 150_000) * (0.3 + 2 * random.next()));
    n++;
  };
  // Busy organisations take part much more often: index = O_random · u², below the planted range.
  const busy = () => Math.floor(plantedStart * random.next() ** 2);
  const gold: Map<number, number>[] = queries.map(() => new Map());

  for (let p = 0; p < P; p++) {
    projectIds.push(String(100_000_000 + p));
    const q = p < nicheProjects ? queries[Math.floor(p / nichePerQuery)]! : null;
    const k = p % nichePerQuery;
    const recent = q ? k < 8 : false;
    const year = q ? (recent ? 2021 + random.int(5) : 2009 + random.int(5)) : 2008 + random.int(19);
    startYears[p] = year;
    acronyms.push(`${pick(SYLLABLES)}${pick(SYLLABLES)}${p}`.toUpperCase());
    if (q) {
      const [qualifier, material, process] = q.words;
      titles.push(`${qualifier} ${material} ${process} for ${words(3)}`);
      objectives.push(
        `${words(12)} ${qualifier} ${process} of ${material} ${words(15)} the ${material} ${process} ${words(10)}`,
      );
      projectConcepts.push([q.conceptId, pick(conceptIds)]);
    } else {
      titles.push(words(4 + random.int(4)));
      objectives.push(words(35 + random.int(20)));
      projectConcepts.push(
        random.next() < 0.9 ? [pick(conceptIds), ...(random.next() < 0.5 ? [pick(conceptIds)] : [])] : [],
      );
    }
    topics.push([`HORIZON-CL5-${year}-D${1 + random.int(4)}-0${1 + random.int(3)}-0${1 + random.int(9)}`]);

    const members = new Set<number>();
    if (q) {
      const base = plantedStart + q.id * 10;
      // k 0–5: grade-3 organisation k>>1 coordinates; grade-2 organisations join two recent ones each.
      if (k < 6) {
        members.add(base + (k >> 1));
        add(p, base + (k >> 1), true);
      }
      if (recent) {
        // k 0–7: grade-2 organisation 3 + (k >> 1) takes part (two recent projects each); where no
        // grade-3 organisation coordinates (k 6–7), a busy organisation does.
        if (k >= 6) {
          const o = busy();
          members.add(o);
          add(p, o, true);
        }
        members.add(base + 3 + (k >> 1));
        add(p, base + 3 + (k >> 1), false);
      } else {
        // k 8–9: the grade-1 organisations 7, 8 (k 8) and 9 (k 9) took part long ago.
        for (const g of k === 8 ? [7, 8] : [9]) {
          members.add(base + g);
          add(p, base + g, members.size === 1);
        }
      }
      // The niche projects' other participants: busy organisations.
      for (let i = 0; i < 3; i++) {
        const o = busy();
        if (members.has(o)) continue;
        members.add(o);
        add(p, o, false);
      }
    } else {
      const size = Math.max(1, Math.round(perProject * (0.5 + random.next())));
      while (members.size < size) {
        const o = busy();
        if (members.has(o)) continue;
        add(p, o, members.size === 0);
        members.add(o);
      }
    }
    if (n >= partProject.length - 40) break;
  }
  // Gold grades from what was generated, by one rule for every organisation.
  const stats = queries.map(
    () => new Map<number, { recent: number; coordinatedRecent: number; any: number }>(),
  );
  for (let i = 0; i < n; i++) {
    const p = partProject[i]!;
    if (p >= nicheProjects) continue;
    const q = Math.floor(p / nichePerQuery);
    const o = partOrganisation[i]!;
    const s = stats[q]!.get(o) ?? { recent: 0, coordinatedRecent: 0, any: 0 };
    s.any++;
    if (startYears[p]! >= 2021) {
      s.recent++;
      if (partCoordinator[i]) s.coordinatedRecent++;
    }
    stats[q]!.set(o, s);
  }
  stats.forEach((m, q) => {
    for (const [o, s] of m) gold[q]!.set(o, s.coordinatedRecent >= 2 ? 3 : s.recent >= 2 ? 2 : 1);
  });
  return {
    projectIds,
    acronyms,
    titles,
    objectives,
    topics,
    projectConcepts,
    startYears,
    organisationIds,
    names,
    countries,
    activity,
    sme,
    partProject,
    partOrganisation,
    partCoordinator,
    partEc,
    partCount: n,
    queries,
    gold,
  };
}

/** Bulk insert through unnest of one array parameter per column. */
export async function insertCorpus(db: Db, c: Corpus) {
  const CHUNK = 20_000;
  const col = <T>(values: T[]) => sql.param(values);
  for (let s = 0; s < c.projectIds.length; s += CHUNK) {
    const e = Math.min(c.projectIds.length, s + CHUNK);
    const r = (f: (i: number) => unknown) => col(Array.from({ length: e - s }, (_, k) => f(s + k)));
    await db.execute(sql`insert into cordis_projects (id, acronym, title, objective, topics, concept_ids, start_date, end_date, framework_programme)
      select id, acronym, title, objective, string_to_array(topics, '|'), string_to_array(concepts, '|'), make_date(y, 1, 1), make_date(y + 3, 12, 31), 'HORIZON'
      from unnest(${r((i) => c.projectIds[i])}::text[], ${r((i) => c.acronyms[i])}::text[], ${r((i) => c.titles[i])}::text[],
        ${r((i) => c.objectives[i])}::text[], ${r((i) => c.topics[i]!.join('|'))}::text[], ${r((i) => c.projectConcepts[i]!.join('|'))}::text[],
        ${r((i) => c.startYears[i])}::int[]) as t(id, acronym, title, objective, topics, concepts, y)`);
  }
  for (let s = 0; s < c.organisationIds.length; s += CHUNK) {
    const e = Math.min(c.organisationIds.length, s + CHUNK);
    const r = (f: (i: number) => unknown) => col(Array.from({ length: e - s }, (_, k) => f(s + k)));
    await db.execute(sql`insert into cordis_organisations (id, name, country, activity_type, sme)
      select * from unnest(${r((i) => c.organisationIds[i])}::text[], ${r((i) => c.names[i])}::text[],
        ${r((i) => c.countries[i])}::text[], ${r((i) => c.activity[i])}::text[], ${r((i) => c.sme[i] === 1)}::boolean[])`);
  }
  for (let s = 0; s < c.partCount; s += CHUNK * 2) {
    const e = Math.min(c.partCount, s + CHUNK * 2);
    const r = (f: (i: number) => unknown) => col(Array.from({ length: e - s }, (_, k) => f(s + k)));
    await db.execute(sql`insert into cordis_participations (project_id, organisation_id, role, ec_contribution)
      select * from unnest(${r((i) => c.projectIds[c.partProject[i]!])}::text[], ${r((i) => c.organisationIds[c.partOrganisation[i]!])}::text[],
        ${r((i) => (c.partCoordinator[i] ? 'coordinator' : 'participant'))}::text[], ${r((i) => c.partEc[i])}::float8[])`);
  }
  await db.execute(sql`analyze cordis_projects`);
  await db.execute(sql`analyze cordis_organisations`);
  await db.execute(sql`analyze cordis_participations`);
}

function ndcgAt10(ranked: number[], gold: Map<number, number>): number {
  let dcg = 0;
  ranked.slice(0, 10).forEach((o, i) => {
    const g = gold.get(o) ?? 0;
    dcg += (2 ** g - 1) / Math.log2(i + 2);
  });
  const ideal = [...gold.values()].sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg ? dcg / idcg : 1;
}

const ALL = { all: true } as const;

function runQuery(index: PartnerIndex, q: Query): PartnerResult {
  return searchPartners(index, {
    text: q.text,
    concepts: new Map([[q.conceptId, 1]]),
    visibility: ALL,
    limit: 10,
  });
}

/**
 * The same question in one SQL statement, as a plain full-text system would ask it: projects
 * matching any query word (ts_rank over a GIN expression index) or the concept, weighted by
 * recency and role, summed per organisation, plus the organisation's own name rank.
 */
async function baselineQuery(db: Db, q: Query): Promise<string[]> {
  const tsquery = q.words
    .map((w) =>
      w
        .replace(/[^a-z]/g, ' ')
        .trim()
        .split(/\s+/)
        .join(' & '),
    )
    .join(' | ');
  const result = await db.execute(sql`
    with q as (select to_tsquery('english', ${tsquery}) as tq),
    p as (
      select cp.id,
        ts_rank(cp.bench_tsv, q.tq)
          + case when cp.concept_ids && array[${q.conceptId}]::text[] then 0.1 else 0 end as r,
        extract(year from coalesce(cp.end_date, cp.start_date)) as y
      from cordis_projects cp, q
      where cp.bench_tsv @@ q.tq or cp.concept_ids && array[${q.conceptId}]::text[]
    ),
    o as (
      select pa.organisation_id as id,
        sum(p.r * p.r * (case when pa.role = 'coordinator' then 1.5 else 1 end) / (1 + greatest(0, ${CURRENT_YEAR} - p.y) / 6.0)) as track
      from cordis_participations pa join p on p.id = pa.project_id
      group by pa.organisation_id
    )
    select o.id, o.track + ts_rank(to_tsvector('english', co.name), q.tq) as score
    from o join cordis_organisations co on co.id = o.id, q
    order by score desc, o.id
    limit 10`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

const sameAnswer = (a: PartnerResult, b: PartnerResult) =>
  a.total === b.total &&
  a.hits.length === b.hits.length &&
  a.hits.every((h, i) => {
    const o = b.hits[i]!;
    return (
      (h.candidate.key === o.candidate.key && JSON.stringify(h) === JSON.stringify(o)) ||
      Math.abs(h.score - o.score) < 1e-4
    );
  });

export async function benchPartnerSearch(options: {
  db: 'pglite' | 'postgres';
  quick: boolean;
}): Promise<{ rows: PartnerBenchRow[]; raw: Record<string, unknown> }> {
  const kind = options.db;
  const sizes = options.quick ? QUICK : FULL;
  const out: PartnerBenchRow[] = [];
  const row = (metric: string, value: number, unit: string, bar = '—', pass: boolean | null = null) =>
    out.push({ benchmark: 'partner search', db: kind, metric, value, unit, bar, pass });
  const raw: Record<string, unknown> = { sizes, loadAverageAtStart: os.loadavg() };
  const { database, cleanup } = await openFreshDatabase(kind);
  try {
    const { db } = database;
    await loadDemoNetwork(db, { reset: false });
    const conceptIds = (
      await db
        .select({ id: concepts.id })
        .from(concepts)
        .where(eq(concepts.scheme, 'value-chain'))
        .orderBy(concepts.id)
    ).map((r) => r.id);
    const [generateMs, corpus] = await timeIt(() => generateCorpus(sizes, conceptIds));
    const label = `${sizes.organisations.toLocaleString('en')} organisations, ${corpus.partCount.toLocaleString('en')} participations, ${sizes.projects.toLocaleString('en')} projects`;
    row(`corpus: ${label} — generate`, generateMs, 'ms');
    const [insertMs] = await timeIt(() => insertCorpus(db, corpus));
    row('corpus: insert into a fresh database', insertMs, 'ms');

    // The index as the server builds it: read from the database, build.
    const model = partnerReadModelFor(db);
    const buildCpu = process.cpuUsage();
    const [buildMs, index] = await timeIt(() => model.current());
    const buildCpuUsed = process.cpuUsage(buildCpu);
    row(
      'index build from the database (read model, first request)',
      buildMs,
      'ms',
      `≤ ${PARTNER_BUILD_BAR_MS} ms`,
      buildMs <= PARTNER_BUILD_BAR_MS,
    );
    row(
      `… CPU time of this process (${kind === 'pglite' ? 'the embedded database included' : 'the database server not included'})`,
      (buildCpuUsed.user + buildCpuUsed.system) / 1000,
      'ms',
    );
    raw.memoryMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);

    // Full scoring, 200 queries (after a short warm-up), repeated 3 times for stable percentiles.
    const orgIndex = new Map(corpus.organisationIds.map((id, i) => [`cordis:${id}`, i]));
    // Warm-up as a running server has had it: other people's searches (random word triples).
    const warm = createRandom(SEED + 1);
    for (let i = 0; i < 200; i++)
      runQuery(index, {
        id: -1,
        words: [],
        text: `${warm.pick(QUALIFIERS)} ${warm.pick(MATERIALS)} ${warm.pick(PROCESSES)}`,
        conceptId: warm.pick(conceptIds),
      });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const ndcgs: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of corpus.queries) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const result = runQuery(index, q);
        times.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
        if (round === 0)
          ndcgs.push(
            ndcgAt10(
              result.hits.map((h) => orgIndex.get(h.candidate.key) ?? -1),
              corpus.gold[q.id]!,
            ),
          );
      }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const ndcg = ndcgs.reduce((a, b) => a + b, 0) / ndcgs.length;
    row(`full scoring (text, concepts, track record), ${corpus.queries.length} queries × 3 (p50)`, p50, 'ms');
    row('full scoring (p95)', p95, 'ms', `≤ ${PARTNER_P95_BAR_MS} ms`, p95 <= PARTNER_P95_BAR_MS);
    // On a shared machine the wall clock includes time other processes had the cores: the
    // process's own CPU time shows what the query costs.
    row('full scoring, CPU time of the process (p50)', percentile(cpuTimes, 50), 'ms');
    row('full scoring, CPU time of the process (p95)', percentile(cpuTimes, 95), 'ms');
    row('nDCG@10 on the planted gold set', ndcg, '×', `≥ ${PARTNER_NDCG_BAR}`, ndcg >= PARTNER_NDCG_BAR);

    // Through the HTTP route (tagging the text, visibility, JSON), signed in with a token.
    const app = await buildApp(
      { database, config: loadConfig({ KENNO_LOG_LEVEL: 'silent' }), version: 'bench' },
      { serveWebApp: false, logger: false },
    );
    await app.ready();
    const admin = await createUser(
      db,
      { kind: 'system' },
      {
        email: 'partner-bench@example.org',
        password: 'bench-password-123',
        role: 'admin',
      },
    );
    const { token } = await createApiToken(db, { kind: 'cli' }, admin.id, 'bench');
    const httpTimes: number[] = [];
    for (const q of corpus.queries.slice(0, options.quick ? 30 : 100)) {
      const [ms, response] = await timeIt(() =>
        app.inject({
          method: 'POST',
          url: '/api/partners/search',
          headers: { authorization: `Bearer ${token}` },
          payload: { text: q.text, conceptIds: [q.conceptId], limit: 10 },
        }),
      );
      if (response.statusCode !== 200) throw new Error(`search → ${response.statusCode} ${response.body}`);
      httpTimes.push(ms);
    }
    row(
      'POST /api/partners/search, first build shared (p95, tagging and JSON included)',
      percentile(httpTimes.slice(1), 95),
      'ms',
    );

    // The plain-SQL baseline, with a GIN index for its text search, on a subset of the queries.
    // (Bench-only DDL on the throwaway database: a stored tsvector, as a full-text design has.)
    await db.execute(
      sql`alter table cordis_projects add column bench_tsv tsvector generated always as (to_tsvector('english', title || ' ' || objective)) stored`,
    );
    await db.execute(sql`create index bench_cordis_projects_fts on cordis_projects using gin (bench_tsv)`);
    await db.execute(
      sql`create index bench_cordis_projects_concepts on cordis_projects using gin (concept_ids)`,
    );
    await db.execute(sql`analyze cordis_projects`);
    const baselineQueries = corpus.queries.slice(0, options.quick ? 10 : 12);
    const baseline: number[] = [];
    const baselineNdcg: number[] = [];
    await baselineQuery(db, baselineQueries[0]!);
    for (const q of baselineQueries) {
      const [ms, ids] = await timeIt(() => baselineQuery(db, q));
      baseline.push(ms);
      baselineNdcg.push(
        ndcgAt10(
          ids.map((id) => orgIndex.get(`cordis:${id}`) ?? -1),
          corpus.gold[q.id]!,
        ),
      );
    }
    const baseP50 = percentile(baseline, 50);
    const baseP95 = percentile(baseline, 95);
    row(`plain-SQL full-text ranking baseline, ${baselineQueries.length} queries (p50)`, baseP50, 'ms');
    row('plain-SQL baseline (p95)', baseP95, 'ms');
    row('plain-SQL baseline nDCG@10', baselineNdcg.reduce((a, b) => a + b, 0) / baselineNdcg.length, '×');
    const ratio = baseP95 / p95;
    row('baseline ÷ index (p95)', ratio, '×', `≥ ${PARTNER_RATIO_BAR}`, ratio >= PARTNER_RATIO_BAR);

    // Organisations change: CORDIS rows renamed, moved, linked to the registry; registry rows edited.
    const changeCount = options.quick ? 20 : 100;
    const changed = corpus.organisationIds.filter(
      (_, i) => i % Math.floor(sizes.organisations / changeCount) === 7,
    );
    const registry = (
      await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id)
    ).map((r) => r.id);
    for (const [i, id] of changed.entries()) {
      await db
        .update(cordisOrganisations)
        .set({
          name: `Renamed ${QUALIFIERS[i % QUALIFIERS.length]} ${MATERIALS[i % MATERIALS.length]} ${i}`,
          country: COUNTRIES[(i * 7) % COUNTRIES.length]!,
          sme: i % 2 === 0,
          registryOrganisationId: i % 5 === 0 ? registry[i % registry.length]! : null,
          updatedAt: new Date(),
        })
        .where(eq(cordisOrganisations.id, id));
    }
    const edited = registry.slice(0, 10);
    await db
      .update(organisations)
      .set({ name: sql`${organisations.name} || ' Cobalt Leaching'`, updatedAt: new Date() })
      .where(inArray(organisations.id, edited));
    const [patchMs, patched] = await timeIt(() => model.refresh());
    const update = model.lastUpdate();
    row(
      `index update after ${changed.length} CORDIS and ${edited.length} registry organisations changed (${update.kind})`,
      patchMs,
      'ms',
    );
    const [rebuildMs, fresh] = await timeIt(() => buildPartnerState(db));
    row('… a full rebuild from the database instead', rebuildMs, 'ms');
    const checks = [
      ...corpus.queries,
      ...changed.slice(0, 20).map((_, i) => ({
        id: -1,
        words: [],
        text: `renamed ${QUALIFIERS[i % QUALIFIERS.length]} ${MATERIALS[i % MATERIALS.length]}`,
        conceptId: conceptIds[i % conceptIds.length]!,
      })),
      { id: -1, words: [], text: 'cobalt leaching', conceptId: 'recycling' },
    ];
    let mismatches = 0;
    for (const q of checks) if (!sameAnswer(runQuery(patched, q), runQuery(fresh.index, q))) mismatches++;
    row(
      `answers differing from a fresh build after the changes (of ${checks.length} queries)`,
      mismatches,
      'count',
      '0',
      update.kind === 'patch' && mismatches === 0,
    );
    await app.close();
    raw.loadAverageAtEnd = os.loadavg();
    raw.times = { index: times, cpu: cpuTimes, http: httpTimes, baseline };
    raw.ndcg = ndcgs;
    return { rows: out, raw };
  } finally {
    await cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, postgres: { type: 'boolean', default: false } },
  });
  const db = values.postgres ? 'postgres' : 'pglite';
  const result = await benchPartnerSearch({ db, quick: values.quick });
  for (const r of result.rows)
    console.log(
      `${r.metric}: ${r.unit === '×' ? r.value.toFixed(3) : r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}${r.pass === null ? '' : r.pass ? ' ✓' : ' ✗'}`,
    );
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const { times: _times, ndcg: _ndcg, ...raw } = result.raw;
  fs.writeFileSync(
    path.join(dir, `partner-search-${db}${values.quick ? '-quick' : ''}.json`),
    JSON.stringify({ date: new Date().toISOString(), quick: values.quick, rows: result.rows, raw }, null, 2),
  );
}
