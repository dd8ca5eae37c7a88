import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/create-db.ts';
import { loadDemoNetwork } from '../src/db/demo/load-demo.ts';
import { readSkillsVersion } from '../src/db/queries/skills.ts';
import { concepts, organisations, regions, surveyRounds } from '../src/db/schema/index.ts';
import { computeRelease } from '../src/domain/skills/disclosure.ts';
import { buildRoundCube, type GapAnswer, replaceEmployerAnswers } from '../src/domain/skills/gap-cube.ts';
import { GAP_DIMENSIONS, type GapDimension, HORIZONS } from '../src/domain/skills/gap-definitions.ts';
import { type GapFilter, queryGapCells } from '../src/domain/skills/gap-query.ts';
import { buildApp } from '../src/server/app.ts';
import { loadSkillsState } from '../src/server/skills/skills-read-model.ts';
import { percentile, ROOT } from './lib.ts';
import { createRandom, openFreshDatabase } from './lib.ts';
import { rowsOf } from '../src/db/rows.ts';

export type GapBenchRow = {
  benchmark: string;
  db: 'pglite' | 'postgres';
  metric: string;
  value: number;
  unit: string;
  bar: string;
  pass: boolean | null;
};

/** QUALITY.md: any gap view p95 ≤ 5 ms, and ≥ 10× faster than DuckDB scanning the same rows. */
export const GAP_P95_BAR_MS = 5;
export const GAP_DUCKDB_RATIO_BAR = 10;

const SEED = 20_261_124;
const ROUND_ID = 'bench-gap-round';

/** The generated answers, column by column (a million objects would be wasteful). */
type Answers = {
  count: number;
  employer: Uint16Array;
  role: Uint8Array;
  eqf: Uint8Array;
  region: Uint8Array;
  h0: Uint16Array;
  h1: Uint16Array;
  h2: Uint16Array;
};

/**
 * Each employer states `perEmployer` distinct needs (role × level × region), mostly in its own
 * region, roles and levels skewed as in real surveys (many operators and process engineers, few
 * simulation engineers), headcounts small with a few large employers.
 */
export function generateAnswers(
  rows: number,
  employers: number,
  roles: number,
  regionCount: number,
  seed = SEED,
): Answers {
  const random = createRandom(seed);
  const perEmployer = Math.round(rows / employers);
  const count = perEmployer * employers;
  const a: Answers = {
    count,
    employer: new Uint16Array(count),
    role: new Uint8Array(count),
    eqf: new Uint8Array(count),
    region: new Uint8Array(count),
    h0: new Uint16Array(count),
    h1: new Uint16Array(count),
    h2: new Uint16Array(count),
  };
  const levelWeights = [0, 0, 1, 6, 9, 6, 8, 5, 1]; // EQF 1–8 (index 0 unused)
  const levelTotal = levelWeights.reduce((s, w) => s + w, 0);
  const level = () => {
    let x = random.next() * levelTotal;
    for (let e = 1; e <= 8; e++) {
      x -= levelWeights[e]!;
      if (x < 0) return e;
    }
    return 8;
  };
  let i = 0;
  for (let emp = 0; emp < employers; emp++) {
    const home = random.int(regionCount);
    const size = random.next() < 0.1 ? 4 : random.next() < 0.4 ? 2 : 1;
    const taken = new Set<number>();
    while (taken.size < perEmployer) {
      // Zipf-like role popularity.
      const role = Math.min(roles - 1, Math.floor(roles * random.next() ** 2.2));
      const eqf = level();
      const region = random.next() < 0.85 ? home : random.int(regionCount);
      const key = (role * 16 + eqf) * 16 + region;
      if (taken.has(key)) continue;
      taken.add(key);
      a.employer[i] = emp;
      a.role[i] = role;
      a.eqf[i] = eqf;
      a.region[i] = region;
      a.h0[i] = size * random.int(4);
      a.h1[i] = size * random.int(7);
      a.h2[i] = size * random.int(9);
      i++;
    }
  }
  return a;
}

type View = { filter: GapFilter; groupBy: GapDimension[] };

/** A mix like the web app's: any subset of dimensions grouped, some of the others filtered. */
export function generateViews(
  count: number,
  roleIds: string[],
  regionIds: string[],
  seed = SEED + 1,
): View[] {
  const random = createRandom(seed);
  const views: View[] = [];
  for (let i = 0; i < count; i++) {
    const mask = random.int(16);
    const groupBy = GAP_DIMENSIONS.filter((_, d) => mask & (1 << d));
    const filter: GapFilter = {};
    if (!groupBy.includes('role') && random.next() < 0.35)
      filter.roleId = roleIds[random.int(roleIds.length)]!;
    if (!groupBy.includes('eqf') && random.next() < 0.35) filter.eqf = 3 + random.int(6);
    if (!groupBy.includes('region') && random.next() < 0.35)
      filter.regionId = regionIds[random.int(regionIds.length)]!;
    if (!groupBy.includes('horizon') && random.next() < 0.35) filter.horizon = HORIZONS[random.int(3)]!;
    views.push({ filter, groupBy });
  }
  return views;
}

function viewUrl(view: View): string {
  const params = new URLSearchParams({ round: ROUND_ID, groupBy: view.groupBy.join(',') });
  if (view.filter.roleId) params.set('role', view.filter.roleId);
  if (view.filter.eqf) params.set('eqf', String(view.filter.eqf));
  if (view.filter.regionId) params.set('region', view.filter.regionId);
  if (view.filter.horizon) params.set('horizon', view.filter.horizon);
  return `/api/skills/gaps?${params}`;
}

type Columns = {
  table: string;
  org: string;
  role: string;
  eqf: string;
  region: string;
  h: [string, string, string];
  where: string;
};

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The same view as one SQL statement: per employer and cell first (for exact distinct employers
 * and the largest employer of the dominance rule), then per cell.
 */
function viewSql(view: View, c: Columns): string {
  const groups: string[] = [];
  const filters: string[] = [c.where];
  if (view.groupBy.includes('role')) groups.push('role');
  if (view.groupBy.includes('eqf')) groups.push('eqf');
  if (view.groupBy.includes('region')) groups.push('region');
  if (view.filter.roleId) filters.push(`${c.role} = ${quote(view.filter.roleId)}`);
  if (view.filter.eqf) filters.push(`${c.eqf} = ${view.filter.eqf}`);
  if (view.filter.regionId) filters.push(`${c.region} = ${quote(view.filter.regionId)}`);
  const base = (value: string, horizon: string) =>
    `select ${c.org} as org, ${c.role} as role, ${c.eqf} as eqf, ${c.region} as region, ${horizon} as hz, ${value} as v from ${c.table} where ${filters.join(' and ')}`;
  let source: string;
  if (view.groupBy.includes('horizon')) {
    groups.push('hz');
    source = HORIZONS.map((h, i) => base(c.h[i]!, quote(h))).join(' union all ');
  } else if (view.filter.horizon)
    source = base(c.h[HORIZONS.indexOf(view.filter.horizon)]!, quote(view.filter.horizon));
  else source = base(`${c.h[0]} + ${c.h[1]} + ${c.h[2]}`, 'null');
  const cols = groups.join(', ');
  const per = `select ${cols ? `${cols}, ` : ''}org, sum(v) as d from (${source}) s group by ${cols ? `${cols}, ` : ''}org`;
  return `select ${cols ? `${cols}, ` : ''}sum(d) as demand, count(*) as employers, max(d) as largest from (${per}) p${cols ? ` group by ${cols}` : ''}`;
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

/** Employers, the round and the answers, in multi-row statements of `unnest` arrays. */
async function loadAnswers(
  db: Db,
  answers: Answers,
  employers: number,
  roleIds: string[],
  regionIds: string[],
) {
  const employerId = (i: number) => `bench-employer-${i + 1}`;
  for (let i = 0; i < employers; i += 1000) {
    const ids = Array.from({ length: Math.min(1000, employers - i) }, (_, k) => employerId(i + k));
    await db.insert(organisations).values(
      ids.map((id, k) => ({
        id,
        name: `Bench Employer ${i + k + 1} Oy`,
        type: 'company',
        regionId: regionIds[(i + k) % regionIds.length]!,
        description: { fi: '', sv: '', en: '' },
      })),
    );
  }
  await db.insert(surveyRounds).values({
    id: ROUND_ID,
    title: { fi: 'Benchmark', sv: 'Benchmark', en: 'Benchmark' },
    status: 'closed',
    instrument: {
      roleIds,
      skillIds: [],
      eqfLevels: [1, 2, 3, 4, 5, 6, 7, 8],
      askRecruitmentDifficulty: false,
      askFreeText: false,
    },
  });
  const CHUNK = 25_000;
  for (let start = 0; start < answers.count; start += CHUNK) {
    const end = Math.min(answers.count, start + CHUNK);
    // One array parameter per column (sql.param: a plain array would become a row of parameters).
    const col = <T>(f: (i: number) => T) =>
      sql.param(Array.from({ length: end - start }, (_, k) => f(start + k)));
    await db.execute(sql`insert into survey_answers
      (id, round_id, organisation_id, role_id, eqf_level, region_id, headcount_now, headcount_1_to_3, headcount_3_to_5)
      select * from unnest(
        ${col((i) => `b${i}`)}::text[], ${col(() => ROUND_ID)}::text[], ${col((i) => employerId(answers.employer[i]!))}::text[],
        ${col((i) => roleIds[answers.role[i]!]!)}::text[], ${col((i) => answers.eqf[i]!)}::int[],
        ${col((i) => regionIds[answers.region[i]!]!)}::text[], ${col((i) => answers.h0[i]!)}::int[],
        ${col((i) => answers.h1[i]!)}::int[], ${col((i) => answers.h2[i]!)}::int[])`);
  }
  await db.execute(sql`analyze survey_answers`);
}

function toGapAnswers(answers: Answers, roleIds: string[], regionIds: string[]): GapAnswer[] {
  const list: GapAnswer[] = [];
  for (let i = 0; i < answers.count; i++)
    list.push({
      employerId: `bench-employer-${answers.employer[i]! + 1}`,
      roleId: roleIds[answers.role[i]!]!,
      eqfLevel: answers.eqf[i]!,
      regionId: regionIds[answers.region[i]!]!,
      now: answers.h0[i]!,
      in1to3: answers.h1[i]!,
      in3to5: answers.h2[i]!,
    });
  return list;
}

export async function benchSkillsGaps(options: {
  db: 'pglite' | 'postgres';
  quick: boolean;
}): Promise<{ rows: GapBenchRow[]; raw: Record<string, unknown> }> {
  const kind = options.db;
  const rowCount = options.quick ? 100_000 : 1_000_000;
  const employers = options.quick ? 1_000 : 5_000;
  const label = options.quick ? '100,000' : '1,000,000';
  const out: GapBenchRow[] = [];
  const row = (metric: string, value: number, unit: string, bar = '—', pass: boolean | null = null) =>
    out.push({ benchmark: 'gap analysis', db: kind, metric, value, unit, bar, pass });
  const raw: Record<string, unknown> = {};

  const { database, cleanup } = await openFreshDatabase(kind);
  try {
    const { db } = database;
    await loadDemoNetwork(db, { reset: false });
    const roleIds = (
      await db
        .select({ id: concepts.id })
        .from(concepts)
        .where(eq(concepts.scheme, 'battery-job-roles'))
        .orderBy(concepts.sortOrder)
    ).map((r) => r.id);
    const regionIds = (await db.select({ id: regions.id }).from(regions).orderBy(regions.sortOrder)).map(
      (r) => r.id,
    );
    const answers = generateAnswers(rowCount, employers, roleIds.length, regionIds.length);
    const [insertMs] = await timeIt(() => loadAnswers(db, answers, employers, roleIds, regionIds));
    row(
      `answers: ${label} rows, ${employers.toLocaleString('en')} employers, insert into a fresh database`,
      insertMs,
      'ms',
    );

    // The cube as the server builds it: read every counted answer from the database, build.
    const [loadMs, state] = await timeIt(async () => loadSkillsState(db, await readSkillsVersion(db)));
    row('cube: load from the database and build (read model)', loadMs, 'ms');
    const inMemory = toGapAnswers(answers, roleIds, regionIds);
    const [buildMs, scratchCube] = await timeIt(() => buildRoundCube(state.dims, inMemory));
    row('cube: build from answers in memory', buildMs, 'ms');
    const cube = state.cubes.get(ROUND_ID)!;
    const [releaseMs, release] = await timeIt(() => computeRelease(cube));
    row('disclosure release: primary + secondary suppression of every cell', releaseMs, 'ms');
    raw.cells = cube.dims.cellCount;
    raw.suppressedCells = release.suppressed.reduce((s, v) => s + v, 0);

    // The view mix, straight from the cube (disclosure applied: the public's view).
    const views = generateViews(options.quick ? 300 : 1000, roleIds, regionIds);
    for (const v of views.slice(0, 50))
      queryGapCells(cube, release, state.supply, v.filter, new Set(v.groupBy), { kind: 'public' });
    const cubeTimes: number[] = [];
    let cells = 0;
    for (const v of views) {
      const [ms, result] = await timeIt(() =>
        queryGapCells(cube, release, state.supply, v.filter, new Set(v.groupBy), { kind: 'public' }),
      );
      cubeTimes.push(ms);
      cells += result.length;
    }
    const cubeP50 = percentile(cubeTimes, 50);
    const cubeP95 = percentile(cubeTimes, 95);
    row(`gap view from the cube, ${views.length} random views (p50)`, cubeP50, 'ms');
    row(`gap view from the cube (p95)`, cubeP95, 'ms', `≤ ${GAP_P95_BAR_MS} ms`, cubeP95 <= GAP_P95_BAR_MS);
    raw.cubeTimes = { p50: cubeP50, p95: cubeP95, max: Math.max(...cubeTimes), cellsReturned: cells };

    // The HTTP route: read model, disclosure, presenting and JSON, in-process.
    const app = await buildApp(
      { database, config: loadConfig({ KENNO_LOG_LEVEL: 'silent' }), version: 'bench' },
      { serveWebApp: false, logger: false },
    );
    await app.ready();
    const [firstMs] = await timeIt(() => app.inject({ url: viewUrl(views[0]!) }));
    row('GET /api/skills/gaps: first request (builds the read model and release)', firstMs, 'ms');
    const httpTimes: number[] = [];
    for (const v of views.slice(0, options.quick ? 100 : 300)) {
      const [ms, response] = await timeIt(() => app.inject({ url: viewUrl(v) }));
      if (response.statusCode !== 200) throw new Error(`${viewUrl(v)} → ${response.statusCode}`);
      httpTimes.push(ms);
    }
    row('GET /api/skills/gaps, same views, in-process (p95)', percentile(httpTimes, 95), 'ms');
    await app.close();

    // One employer answers again (its 200 needs replaced): cube update + new release — on a
    // copy of the cube, so the comparisons below see the data as loaded.
    const random = createRandom(SEED + 2);
    const updateTimes: number[] = [];
    for (let k = 0; k < (options.quick ? 5 : 20); k++) {
      const emp = random.int(employers);
      const mine = inMemory
        .filter((a) => a.employerId === `bench-employer-${emp + 1}`)
        .map((a) => ({ ...a, now: a.now + 1 }));
      const [ms] = await timeIt(() => {
        replaceEmployerAnswers(scratchCube, `bench-employer-${emp + 1}`, mine);
        return computeRelease(scratchCube);
      });
      updateTimes.push(ms);
    }
    row('an employer answers again: cube update + new release (p95)', percentile(updateTimes, 95), 'ms');

    // DuckDB: the same rows in an in-memory table, the same views as GROUP BY with distinct employers.
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    await duck.run(
      'create table answers (org varchar, role varchar, eqf integer, region varchar, h0 integer, h1 integer, h2 integer)',
    );
    const [duckLoadMs] = await timeIt(async () => {
      const appender = await duck.createAppender('answers');
      for (const a of inMemory) {
        appender.appendVarchar(a.employerId);
        appender.appendVarchar(a.roleId);
        appender.appendInteger(a.eqfLevel);
        appender.appendVarchar(a.regionId);
        appender.appendInteger(a.now);
        appender.appendInteger(a.in1to3);
        appender.appendInteger(a.in3to5);
        appender.endRow();
      }
      appender.closeSync();
    });
    row('DuckDB: load the same rows (appender, in memory)', duckLoadMs, 'ms');
    const duckColumns: Columns = {
      table: 'answers',
      org: 'org',
      role: 'role',
      eqf: 'eqf',
      region: 'region',
      h: ['h0', 'h1', 'h2'],
      where: 'true',
    };
    const duckViews = views.slice(0, options.quick ? 60 : 200);
    for (const v of duckViews.slice(0, 5)) await duck.runAndReadAll(viewSql(v, duckColumns));
    const duckTimes: number[] = [];
    let mismatches = 0;
    for (const v of duckViews) {
      const [ms, result] = await timeIt(() => duck.runAndReadAll(viewSql(v, duckColumns)));
      duckTimes.push(ms);
      // Same figures as the cube (every cell un-suppressed, as an admin sees them).
      const expected = queryGapCells(cube, release, state.supply, v.filter, new Set(v.groupBy), {
        kind: 'all',
      }).filter((r) => (r.employers ?? 0) > 0);
      const got = result.getRowObjectsJS() as Record<string, unknown>[];
      const demand = (r: Record<string, unknown>) => Number(r.demand);
      const employersOf = (r: Record<string, unknown>) => Number(r.employers);
      const total = (list: number[]) => list.reduce((s, x) => s + x, 0);
      if (
        got.length !== expected.length ||
        total(got.map(demand)) !== total(expected.map((r) => r.demand!)) ||
        total(got.map(employersOf)) !== total(expected.map((r) => r.employers!))
      )
        mismatches++;
    }
    duck.closeSync();
    const duckP50 = percentile(duckTimes, 50);
    const duckP95 = percentile(duckTimes, 95);
    row(`DuckDB GROUP BY with distinct employers, ${duckViews.length} of the views (p50)`, duckP50, 'ms');
    row('DuckDB GROUP BY with distinct employers (p95)', duckP95, 'ms');
    row('views where DuckDB and the cube disagree', mismatches, 'count', '0', mismatches === 0);
    const ratio = duckP95 / cubeP95;
    row('DuckDB ÷ cube (p95)', ratio, '×', `≥ ${GAP_DUCKDB_RATIO_BAR}`, ratio >= GAP_DUCKDB_RATIO_BAR);

    // The database itself: the same statements on survey_answers.
    const pgColumns: Columns = {
      table: 'survey_answers',
      org: 'organisation_id',
      role: 'role_id',
      eqf: 'eqf_level',
      region: 'region_id',
      h: ['headcount_now', 'headcount_1_to_3', 'headcount_3_to_5'],
      where: `round_id = ${quote(ROUND_ID)}`,
    };
    const pgViews = views.slice(0, options.quick ? 8 : 20);
    await db.execute(sql.raw(viewSql(pgViews[0]!, pgColumns)));
    const pgTimes: number[] = [];
    for (const v of pgViews) {
      const [ms, result] = await timeIt(() => db.execute(sql.raw(viewSql(v, pgColumns))));
      rowsOf<Record<string, unknown>>(result);
      pgTimes.push(ms);
    }
    const pgP95 = percentile(pgTimes, 95);
    row(
      `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} GROUP BY, ${pgViews.length} of the views (p50)`,
      percentile(pgTimes, 50),
      'ms',
    );
    row(`${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} GROUP BY (p95)`, pgP95, 'ms');
    row(`${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ÷ cube (p95)`, pgP95 / cubeP95, '×');
    raw.times = {
      cube: cubeTimes,
      http: httpTimes,
      duckdb: duckTimes,
      database: pgTimes,
      updates: updateTimes,
    };
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
  const result = await benchSkillsGaps({ db, quick: values.quick });
  for (const r of result.rows)
    console.log(
      `${r.metric}: ${r.unit === '×' ? r.value.toFixed(1) : r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}${r.pass === null ? '' : r.pass ? ' ✓' : ' ✗'}`,
    );
  // Run alone, the figures go to bench/results/skills-gaps-<db>.json (npm run bench writes latest.json).
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const { times: _times, ...raw } = result.raw;
  fs.writeFileSync(
    path.join(dir, `skills-gaps-${db}${values.quick ? '-quick' : ''}.json`),
    JSON.stringify({ date: new Date().toISOString(), quick: values.quick, rows: result.rows, raw }, null, 2),
  );
}
