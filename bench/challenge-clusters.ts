import { parseArgs } from 'node:util';
import { like } from 'drizzle-orm';
import type { Database } from '../src/db/create-db.ts';
import { loadDemoNetwork } from '../src/db/demo/load-demo.ts';
import { listRegionRows } from '../src/db/queries/regions.ts';
import { readChallengeChanges } from '../src/db/queries/challenge-similarity.ts';
import { challenges } from '../src/db/schema/index.ts';
import { clusterQuality } from '../src/domain/challenges/similarity/cluster-quality.ts';
import { createSimilarityEngine, pairSimilarity } from '../src/domain/challenges/similarity/engine.ts';
import { createSimilarityReadModel } from '../src/server/challenges/similarity-read-model.ts';
import { generateChallenges } from './challenge-generator.ts';
import { openFreshDatabase, percentile } from './lib.ts';

export type ClusterBenchRow = {
  benchmark: string;
  db: 'pglite' | 'postgres';
  metric: string;
  value: number;
  unit: string;
  bar: string;
  pass: boolean | null;
};

const FULL_COUNT = 20_000;
const QUICK_COUNT = 2_000;
const NAIVE_COUNT = 1_000;
export const FULL_RECOMPUTE_BAR_MS = 10_000;
export const INSERT_BAR_MS = 100;

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

type Generated = ReturnType<typeof generateChallenges>[number];

function rowOf(c: Generated, i: number) {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    language: c.language,
    regionId: c.regionId,
    organisationId: null,
    createdBy: null,
    conceptIds: [],
    suggestedConceptIds: [],
    isPublic: true,
    createdAt,
    updatedAt: createdAt,
  };
}

async function store(database: Database, generated: Generated[]) {
  const { db } = database;
  await loadDemoNetwork(db, { reset: false });
  // The demo's regions, organisations and taxonomy stay; its challenges make way.
  await db.delete(challenges).where(like(challenges.id, 'demo-%'));
  for (let i = 0; i < generated.length; i += 1000) {
    await db.insert(challenges).values(generated.slice(i, i + 1000).map((c, j) => rowOf(c, i + j)));
  }
}

export async function benchChallengeClusters(options: {
  db: 'pglite' | 'postgres';
  quick: boolean;
}): Promise<{ rows: ClusterBenchRow[]; raw: Record<string, unknown> }> {
  const kind = options.db;
  const count = options.quick ? QUICK_COUNT : FULL_COUNT;
  const inserts = options.quick ? 30 : 100;
  const { database, cleanup } = await openFreshDatabase(kind);
  try {
    const regions = (await listRegionRows(database.db)).map((r) => r.id);
    const regionIds = regions.length ? regions : ['kokkola', 'vaasa'];
    const all = generateChallenges(count + inserts, regionIds);
    const stored = all.slice(0, count);
    const arriving = all.slice(count);
    const [storeMs] = await time(() => store(database, stored));

    // The full recomputation, twice (the second with a warm JIT), each by a new read model.
    const fullMs: number[] = [];
    let model = createSimilarityReadModel(database.db);
    for (let i = 0; i < 2; i++) {
      model = createSimilarityReadModel(database.db);
      fullMs.push((await time(() => model.current()))[0]);
    }
    const state = await model.current();
    const clusters = state.engine.clusters();
    // Where the time of a recomputation goes: reading, features, then index, links and clusters.
    const [readMs, read] = await time(() => readChallengeChanges(database.db, null));
    const [featuresMs, everyone] = await time(() => read.rows.map((r) => state.extract(r)));
    const [engineMs] = await time(() => createSimilarityEngine().rebuild(everyone));

    // One new challenge at a time: the write, then the read model catches up.
    const insertMs: number[] = [];
    const catchUpMs: number[] = [];
    let placed = 0;
    for (const [i, c] of arriving.entries()) {
      const [total] = await time(async () => {
        await database.db.insert(challenges).values(rowOf(c, count + i));
        const [ms, s] = await time(() => model.current());
        catchUpMs.push(ms);
        if (s.engine.has(c.id)) placed++;
      });
      insertMs.push(total);
    }

    // Baselines on the same features: every pair scored directly, and one newcomer against all.
    const sample = read.rows.slice(0, NAIVE_COUNT);
    const features = sample.map((r) => state.featuresOf(r));
    const [naiveMs, naivePairs] = await time(() => {
      let similar = 0;
      for (let a = 0; a < features.length; a++)
        for (let b = a + 1; b < features.length; b++)
          if (pairSimilarity(features[a]!, features[b]!) >= 0.3) similar++;
      return similar;
    });
    const [indexedMs] = await time(() => createSimilarityEngine().rebuild(features));
    const newcomer = state.featuresOf({
      ...rowOf(arriving[0]!, 0),
      id: 'bench-newcomer',
      status: 'new',
      mergedIntoId: null,
    });
    const [naiveOneMs] = await time(() => {
      for (const f of everyone) pairSimilarity(newcomer, f);
    });
    const [indexedOneMs] = await time(() => state.engine.similarTo(newcomer));

    const truth = new Map(all.map((c) => [c.id, String(c.problem)]));
    const predicted = new Map<string, string>();
    state.engine.clusters().forEach((cluster, i) => {
      for (const id of cluster.members) predicted.set(id, `p${i}`);
    });
    const quality = clusterQuality(new Map([...truth].filter(([id]) => state.engine.has(id))), predicted);

    const p = (values: number[], n: number) => percentile(values, n);
    const full = Math.min(...fullMs);
    const rows: ClusterBenchRow[] = [
      row(`challenges: ${count.toLocaleString('en')} generated, stored in a fresh database`, storeMs, 'ms'),
      {
        ...row(
          `full recompute from the database (${count.toLocaleString('en')} challenges, best of 2)`,
          full,
          'ms',
        ),
        bar: options.quick ? '—' : `≤ ${FULL_RECOMPUTE_BAR_MS} ms`,
        pass: options.quick ? null : full <= FULL_RECOMPUTE_BAR_MS,
      },
      row('… reading the rows (measured apart)', readMs, 'ms'),
      row('… features of every challenge (measured apart)', featuresMs, 'ms'),
      row('… index, links and clusters (measured apart)', engineMs, 'ms'),
      row('one new challenge → clusters current, write included (p50)', p(insertMs, 50), 'ms'),
      {
        ...row('one new challenge → clusters current, write included (p95)', p(insertMs, 95), 'ms'),
        bar: `≤ ${INSERT_BAR_MS} ms`,
        pass: p(insertMs, 95) <= INSERT_BAR_MS && placed === arriving.length,
      },
      row('… of which the read model catching up (p95)', p(catchUpMs, 95), 'ms'),
      row(`naive baseline: every pair of ${NAIVE_COUNT.toLocaleString('en')} scored directly`, naiveMs, 'ms'),
      row(`index: links and clusters of the same ${NAIVE_COUNT.toLocaleString('en')}`, indexedMs, 'ms'),
      row('naive ÷ index, all pairs', naiveMs / indexedMs, '×'),
      row(
        `naive baseline: one new challenge scored against all ${count.toLocaleString('en')}`,
        naiveOneMs,
        'ms',
      ),
      row('index: the same new challenge', indexedOneMs, 'ms'),
      row('naive ÷ index, one new challenge', naiveOneMs / indexedOneMs, '×'),
      row('clusters (2 or more challenges)', clusters.length, 'count'),
      row('agreement with the generated problems (adjusted Rand index)', quality.adjustedRand, '×'),
    ];
    return {
      rows,
      raw: {
        count,
        fullMs,
        readMs,
        featuresMs,
        engineMs,
        insertMs,
        catchUpMs,
        naivePairsAboveThreshold: naivePairs,
        clusterSizes: clusters
          .map((c) => c.members.length)
          .sort((a, b) => b - a)
          .slice(0, 20),
        quality,
        heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      },
    };
  } finally {
    await cleanup();
  }

  function row(metric: string, value: number, unit: string): ClusterBenchRow {
    return { benchmark: 'common challenges', db: kind, metric, value, unit, bar: '—', pass: null };
  }
}

// Run alone: prints the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, postgres: { type: 'boolean', default: false } },
  });
  const result = await benchChallengeClusters({
    db: values.postgres ? 'postgres' : 'pglite',
    quick: values.quick,
  });
  console.table(
    result.rows.map((r) => ({
      metric: r.metric,
      value: Number(r.value.toFixed(2)),
      unit: r.unit,
      bar: r.bar,
      pass: r.pass,
    })),
  );
}
