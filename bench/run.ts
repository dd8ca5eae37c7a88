// `npm run bench` — the benchmarks of QUALITY.md that exist so far, on the embedded default
// and (when KENNO_BENCH_DATABASE_URL or KENNO_TEST_DATABASE_URL is set) on a PostgreSQL
// server, each with its baseline in the same run. Results: bench/results/<date>.json and
// bench/results/latest.json; a table on stdout and in BENCHMARKS.md.
// `--quick` is the scaled-down run CI uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { load, percentile, ROOT, spawnAndWaitForUrl, type LoadResult } from './lib.ts';
import { freshPgliteEnv, measureStartTimes } from './start-time.ts';
import { benchOrganisationSearch } from './organisation-search.ts';
import { benchChallengeClusters } from './challenge-clusters.ts';
import { benchCordisImport } from './cordis-import.ts';
import { benchPartnerSearch } from './partner-search.ts';
import { benchSkillsGaps } from './skills-gaps.ts';
import { benchTagging } from './tagging.ts';
import { benchMixedLoad } from './mixed-load.ts';
import { initialBundle, lighthouse } from './web.ts';
import { notMetSection } from './not-met.ts';
import { execFileSync } from 'node:child_process';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    // e.g. --only gaps,web: run just these (BENCHMARKS.md is then left alone).
    only: { type: 'string' },
  },
});
const quick = args.quick;
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
/** Whether a benchmark group runs in this invocation. */
const want = (group: string) => !only || only.has(group);
const pgUrl = process.env.KENNO_BENCH_DATABASE_URL ?? process.env.KENNO_TEST_DATABASE_URL;

type DbKind = 'pglite' | 'postgres';
type Row = {
  benchmark: string;
  db: DbKind | 'none';
  metric: string;
  value: number;
  unit: string;
  bar: string;
  pass: boolean | null;
};
const rows: Row[] = [];
const raw: Record<string, unknown> = {};

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshPostgresEnv() {
  const name = `kenno_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    KENNO_DEMO: 'true',
    KENNO_ADMIN_EMAIL: 'admin@bench.example.org',
    KENNO_ADMIN_PASSWORD: 'bench-password-123',
  };
  return { env, cleanup: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

async function benchStart(db: DbKind) {
  const rounds = quick ? 1 : 3;
  const restarts = quick ? 2 : 5;
  const port = 3900 + (db === 'pglite' ? 1 : 2);
  const times = await measureStartTimes(
    rounds,
    restarts,
    db === 'pglite' ? freshPgliteEnv : freshPostgresEnv,
    port,
  );
  raw[`start.${db}`] = times;
  const first = Math.max(...times.firstStartMs);
  const existing = percentile(times.existingStartMs, 95);
  rows.push({
    benchmark: 'start',
    db,
    metric: 'first start → 200 /api/health (max)',
    value: first,
    unit: 'ms',
    bar: '≤ 20000 ms',
    pass: first <= 20_000,
  });
  rows.push({
    benchmark: 'start',
    db,
    metric: 'start on existing data → 200 (p95)',
    value: existing,
    unit: 'ms',
    bar: '≤ 3000 ms',
    pass: existing <= 3000,
  });
}

async function benchHttp(db: DbKind) {
  const duration = quick ? 3 : 10;
  const connections = 50;
  const fresh = db === 'pglite' ? await freshPgliteEnv() : await freshPostgresEnv();
  const kenno = await spawnAndWaitForUrl(
    ['bin/kenno.js', 'start'],
    { ...fresh.env, PORT: '0', KENNO_LOG_LEVEL: 'warn' },
    /is running at (http:\/\/\S+) /,
  );
  const bare = await spawnAndWaitForUrl(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    process.env,
    /listening (http:\/\/\S+)/,
  );
  try {
    const target = `${kenno.url}/api/organisations?pageSize=20`;
    // Warm up both, then measure the baseline and Kenno alternately, twice each.
    await load(target, 10, 1);
    await load(`${bare.url}/json`, 10, 1);
    const results: { bare: LoadResult[]; kenno: LoadResult[] } = { bare: [], kenno: [] };
    for (let i = 0; i < 2; i++) {
      results.bare.push(await load(`${bare.url}/json`, connections, duration));
      results.kenno.push(await load(target, connections, duration));
    }
    raw[`http.${db}`] = results;
    const best = (list: LoadResult[]) =>
      list.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const k = best(results.kenno);
    const b = best(results.bare);
    const ratio = k.requestsPerSecond / b.requestsPerSecond;
    const errors = results.kenno.reduce((n, r) => n + r.errors + r.non2xx, 0);
    rows.push({
      benchmark: 'http',
      db,
      metric: 'bare Fastify JSON route (baseline)',
      value: b.requestsPerSecond,
      unit: 'req/s',
      bar: '—',
      pass: null,
    });
    rows.push({
      benchmark: 'http',
      db,
      metric: 'GET /api/organisations, 50 connections',
      value: k.requestsPerSecond,
      unit: 'req/s',
      bar: '—',
      pass: null,
    });
    rows.push({
      benchmark: 'http',
      db,
      metric: 'throughput ratio to baseline',
      value: ratio,
      unit: '×',
      bar: '≥ 0.30',
      pass: ratio >= 0.3,
    });
    rows.push({
      benchmark: 'http',
      db,
      metric: 'GET /api/organisations p99 latency',
      value: k.p99Ms,
      unit: 'ms',
      bar: '≤ 100 ms',
      pass: k.p99Ms <= 100,
    });
    rows.push({
      benchmark: 'http',
      db,
      metric: 'errors and non-2xx answers',
      value: errors,
      unit: 'count',
      bar: '0',
      pass: errors === 0,
    });
  } finally {
    await kenno.stop();
    await bare.stop();
    await fresh.cleanup();
  }
}

async function benchLoad(db: DbKind) {
  const clients = quick ? 50 : 200;
  const seconds = quick ? 10 : 60;
  const fresh = db === 'pglite' ? await freshPgliteEnv() : await freshPostgresEnv();
  try {
    const cli = (...a: string[]) =>
      execFileSync(process.execPath, ['bin/kenno.js', ...a], { cwd: ROOT, env: fresh.env, encoding: 'utf8' });
    cli('demo');
    cli(
      'users',
      'add',
      '--email',
      'load@bench.example.org',
      '--password',
      'bench-password-123',
      '--role',
      'admin',
    );
    const token = /kenno_pat_\S+/.exec(
      cli('tokens', 'create', '--email', 'load@bench.example.org', '--name', 'load'),
    )![0];
    const result = await benchMixedLoad({
      env: fresh.env,
      database: fresh.env.DATABASE_URL
        ? { url: fresh.env.DATABASE_URL }
        : { dataDir: fresh.env.KENNO_DATA_DIR! },
      clients,
      seconds,
      token,
    });
    raw[`load.${db}`] = result;
    const metric = (m: string) => `${clients} clients × ${seconds} s mixed read/write: ${m}`;
    rows.push({
      benchmark: 'load',
      db,
      metric: metric('requests/s'),
      value: result.requestsPerSecond,
      unit: 'req/s',
      bar: '—',
      pass: null,
    });
    rows.push({
      benchmark: 'load',
      db,
      metric: metric('p99 latency'),
      value: result.p99Ms,
      unit: 'ms',
      bar: '—',
      pass: null,
    });
    rows.push({
      benchmark: 'load',
      db,
      metric: metric('write p99 latency'),
      value: result.writeP99Ms,
      unit: 'ms',
      bar: '—',
      pass: null,
    });
    rows.push({
      benchmark: 'load',
      db,
      metric: metric('errors'),
      value: result.errors,
      unit: 'count',
      bar: '0',
      pass: result.errors === 0,
    });
    rows.push({
      benchmark: 'load',
      db,
      metric: metric(`lost writes (of ${result.writes})`),
      value: result.lostWrites,
      unit: 'count',
      bar: '0',
      pass: result.lostWrites === 0,
    });
  } finally {
    await fresh.cleanup();
  }
}

const dbs: DbKind[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];
if (!pgUrl)
  console.log('PostgreSQL benchmarks skipped: set KENNO_BENCH_DATABASE_URL (or KENNO_TEST_DATABASE_URL).');
for (const db of dbs) {
  if (want('start')) {
    console.log(`\n[${db}] start time …`);
    await benchStart(db);
  }
  if (want('http')) {
    console.log(`[${db}] HTTP throughput …`);
    await benchHttp(db);
  }
  if (want('load')) {
    console.log(`[${db}] mixed read/write load …`);
    await benchLoad(db);
  }
  if (want('search')) {
    console.log(`[${db}] organisation search (5,000 organisations, 50,000 competences) …`);
    const search = await benchOrganisationSearch({ db, quick });
    rows.push(...search.rows);
    raw[`search.${db}`] = search.raw;
  }
  if (want('gaps')) {
    console.log(
      `[${db}] gap analysis (${quick ? '100,000' : '1,000,000'} survey answers; cube vs DuckDB vs SQL) …`,
    );
    const gaps = await benchSkillsGaps({ db, quick });
    rows.push(...gaps.rows);
    raw[`gaps.${db}`] = gaps.raw;
  }
  if (want('challenges')) {
    console.log(`[${db}] common challenges (${quick ? '2,000' : '20,000'} challenges) …`);
    const clusters = await benchChallengeClusters({ db, quick });
    rows.push(...clusters.rows);
    raw[`challenges.${db}`] = clusters.raw;
  }
  if (want('cordis-import')) {
    console.log(
      `[${db}] CORDIS organisation import (${quick ? '100,000' : '1,000,000'} participations) vs bare COPY …`,
    );
    const cordis = await benchCordisImport({ db, quick });
    rows.push(...cordis.rows);
    raw[`cordisImport.${db}`] = cordis.raw;
  }
  if (want('partners')) {
    console.log(
      `[${db}] partner search (${quick ? '20,000' : '200,000'} organisations, ${quick ? '100,000' : '1,000,000'} participations) …`,
    );
    const partners = await benchPartnerSearch({ db, quick });
    rows.push(...partners.rows);
    raw[`partners.${db}`] = partners.raw;
  }
}

if (want('tagging')) {
  console.log('\n[tagging] throughput and quality …');
  const tagging = await benchTagging({ quick });
  raw.tagging = tagging;
  rows.push({
    benchmark: 'tagging',
    db: 'none',
    metric: `texts/s (${tagging.texts} texts fi/sv/en)`,
    value: tagging.textsPerSecond,
    unit: 'texts/s',
    bar: '≥ 2000',
    pass: tagging.textsPerSecond >= 2000,
  });
  rows.push({
    benchmark: 'tagging',
    db: 'none',
    metric: 'precision on the golden set',
    value: tagging.precision,
    unit: '×',
    bar: '≥ 0.85',
    pass: tagging.precision >= 0.85,
  });
  rows.push({
    benchmark: 'tagging',
    db: 'none',
    metric: 'recall on the golden set',
    value: tagging.recall,
    unit: '×',
    bar: '≥ 0.85',
    pass: tagging.recall >= 0.85,
  });
}

if (want('web')) {
  console.log('\n[web] initial bundle and Lighthouse on the public map page …');
  const bundle = initialBundle();
  raw.webBundle = bundle;
  rows.push({
    benchmark: 'web',
    db: 'none',
    metric: `initial JS + CSS, gzipped (${bundle.files.length} files)`,
    value: bundle.totalGzipBytes / 1000,
    unit: 'kB',
    bar: '≤ 250 kB',
    pass: bundle.totalGzipBytes <= 250_000,
  });
  const lighthouseRuns = await lighthouse('/map', quick ? 1 : 3);
  raw.lighthouse = lighthouseRuns;
  const median = <T>(list: T[], key: (t: T) => number) =>
    [...list].sort((a, b) => key(a) - key(b))[Math.floor(list.length / 2)]!;
  const lh = median(lighthouseRuns, (r) => r.score);
  rows.push({
    benchmark: 'web',
    db: 'pglite',
    metric: `Lighthouse performance, /map, mobile preset (median of ${lighthouseRuns.length}; FCP ${Math.round(lh.fcpMs)} ms, LCP ${Math.round(lh.lcpMs)} ms, TBT ${Math.round(lh.tbtMs)} ms)`,
    value: lh.score,
    unit: 'score',
    bar: '≥ 95',
    pass: lh.score >= 95,
  });
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '?',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const result = { date: new Date().toISOString(), quick, machine, rows, raw };
const dir = path.join(ROOT, 'bench/results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2));
fs.writeFileSync(
  path.join(dir, `${result.date.replace(/[:.]/g, '-')}.json`),
  JSON.stringify(result, null, 2),
);

const fmt = (r: Row) =>
  r.unit === '×'
    ? r.value.toFixed(2)
    : r.unit === 'count' || r.unit === 'score'
      ? String(r.value)
      : r.value.toFixed(r.value < 10 ? 1 : 0);
const tableOf = (list: (Row & { date?: string })[]) =>
  [
    '| benchmark | db | metric | value | bar | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...list.map(
      (r) =>
        `| ${r.benchmark} | ${r.db} | ${r.metric} | ${fmt(r)} ${r.unit} | ${r.bar} | ${r.pass === null ? '' : r.pass ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
console.log(`\n${tableOf(rows)}\n`);

if (!quick) {
  // A full run of some groups (--only) replaces their rows in BENCHMARKS.json and keeps the rest,
  // so the benchmarks can be run one at a time on a quiet machine; each row keeps its date.
  type Kept = { rows: (Row & { date: string })[]; raw: Record<string, unknown>; machine: typeof machine };
  const keptFile = path.join(ROOT, 'BENCHMARKS.json');
  const kept: Kept | null =
    only && fs.existsSync(keptFile) ? JSON.parse(fs.readFileSync(keptFile, 'utf8')) : null;
  const fresh = rows.map((r) => ({ ...r, date: result.date }));
  const key = (r: Row) => `${r.benchmark}|${r.db}`;
  const replaced = new Set(fresh.map(key));
  const merged = kept ? [...kept.rows.filter((r) => !replaced.has(key(r))), ...fresh] : fresh;
  const dates = merged.map((r) => r.date.slice(0, 10)).sort();
  const span = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} – ${dates.at(-1)}`;
  const doc = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (${span}) — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    'Each baseline runs in the same run as what it is compared with; every row with its date and the raw figures are in `BENCHMARKS.json`.',
    '',
    tableOf(merged),
    '',
    ...notMetSection(merged.filter((r) => r.pass === false)),
  ].join('\n');
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc);
  fs.writeFileSync(
    keptFile,
    `${JSON.stringify({ machine, rows: merged, raw: { ...kept?.raw, ...raw } }, null, 2)}\n`,
  );
}
const failed = rows.filter((r) => r.pass === false);
console.log(failed.length ? `${failed.length} bar(s) not met.` : 'All measured bars met.');
