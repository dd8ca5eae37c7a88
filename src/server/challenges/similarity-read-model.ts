import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/create-db.ts';
import { DATA_DIR } from '../../db/demo/demo-files.ts';
import {
  listChallengeIds,
  readChallengeChanges,
  readSimilarityVersions,
  type SimilarityChallengeRow,
} from '../../db/queries/challenge-similarity.ts';
import { createSimilarityEngine, type SimilarityEngine } from '../../domain/challenges/similarity/engine.ts';
import {
  type ChallengeFeatures,
  createSimilarityContext,
  extractFeatures,
  type SimilarityContext,
} from '../../domain/challenges/similarity/features.ts';
import { SimilarityLexiconSchema } from '../../domain/challenges/similarity/lexicon.ts';
import type { Localized } from '../../domain/i18n/localized.ts';
import type { ValueChainSynonyms } from '../../domain/taxonomy/taggable-concepts.ts';
import { loadTaggableConcepts, SYNONYMS_FILE } from '../tagging/tag-index-read-model.ts';

/** The cross-language lexicon of similarity (data/taxonomy, see data/README.md). */
export const LEXICON_FILE = path.join(DATA_DIR, 'taxonomy/similarity-lexicon.json');

/** Merged challenges live on in their survivor, rejected ones are out: neither is clustered. */
export function isClustered(row: Pick<SimilarityChallengeRow, 'status'>): boolean {
  return row.status !== 'merged' && row.status !== 'rejected';
}

export type SimilarityState = {
  /** The `challenges` data version this state reflects. */
  readonly version: number;
  /** Every challenge, whatever its status (scope checks, presenting, merged redirects). */
  readonly rows: ReadonlyMap<string, SimilarityChallengeRow>;
  /** The clustered challenges: index, links and clusters. */
  readonly engine: SimilarityEngine;
  readonly conceptLabels: ReadonlyMap<string, Localized>;
  /** The features of any challenge, indexed or not (merged and rejected ones on demand). */
  featuresOf(row: SimilarityChallengeRow): ChallengeFeatures;
  /** The features computed afresh (what a recomputation does for every challenge). */
  extract(row: SimilarityChallengeRow): ChallengeFeatures;
};

export type SimilarityReadModel = {
  /** The current state: checks the data versions on every call (one small query). */
  current(): Promise<SimilarityState>;
  /** Forgets everything and recomputes from the database (the full recomputation). */
  rebuild(): Promise<SimilarityState>;
};

type Loaded = {
  version: number;
  taxonomyVersion: number;
  /** Snapshot xmin of the last read: the next read takes what was written after it. */
  snapshot: string;
  rows: Map<string, SimilarityChallengeRow>;
  /** What the features were computed from, per clustered challenge. */
  fingerprints: Map<string, string>;
  engine: SimilarityEngine;
  context: SimilarityContext;
  conceptLabels: Map<string, Localized>;
};

const fingerprint = (r: SimilarityChallengeRow) =>
  JSON.stringify([r.title, r.description, r.language, [...r.conceptIds].sort()]);

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Challenge similarity kept current from PostgreSQL, the source of truth (decision 006), like
 * versioned-read-model.ts but incremental: on a change of `data_versions.challenges` it reads only
 * the challenges written since its last read (by transaction id, see challenge-similarity.ts),
 * notices deletions by count, and updates the index and the clusters one challenge at a time —
 * which gives the same clusters as a full recomputation (src/domain/challenges/similarity). A
 * change of the taxonomy (the tagger's concepts) recomputes everything. The version is checked on
 * every call, so a challenge written through any server is in its cluster on the next request.
 */
export function createSimilarityReadModel(db: Db): SimilarityReadModel {
  const lexicon = SimilarityLexiconSchema.parse(readJson(LEXICON_FILE));
  const synonyms = readJson(SYNONYMS_FILE) as ValueChainSynonyms;
  let state: Loaded | null = null;
  // One sync at a time; a caller that arrives during one waits for the next that starts after it.
  let running: Promise<Loaded> | null = null;
  let queued: Promise<Loaded> | null = null;

  async function build(): Promise<Loaded> {
    const versions = await readSimilarityVersions(db);
    const concepts = await loadTaggableConcepts(db, synonyms);
    const context = createSimilarityContext(concepts, lexicon);
    const { snapshot, rows } = await readChallengeChanges(db, null);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const fingerprints = new Map<string, string>();
    const features: ChallengeFeatures[] = [];
    for (const row of rows) {
      if (!isClustered(row)) continue;
      features.push(extractFeatures(context, row));
      fingerprints.set(row.id, fingerprint(row));
    }
    const engine = createSimilarityEngine();
    engine.rebuild(features);
    return {
      version: versions.challenges,
      taxonomyVersion: versions.taxonomy,
      snapshot,
      rows: byId,
      fingerprints,
      engine,
      context,
      conceptLabels: new Map(concepts.map((c) => [c.id, c.labels])),
    };
  }

  function apply(s: Loaded, row: SimilarityChallengeRow) {
    s.rows.set(row.id, row);
    if (!isClustered(row)) {
      s.fingerprints.delete(row.id);
      s.engine.remove(row.id);
      return;
    }
    const print = fingerprint(row);
    if (s.fingerprints.get(row.id) === print && s.engine.has(row.id)) return;
    s.fingerprints.set(row.id, print);
    s.engine.upsert(extractFeatures(s.context, row));
  }

  function forget(s: Loaded, id: string) {
    s.rows.delete(id);
    s.fingerprints.delete(id);
    s.engine.remove(id);
  }

  async function sync(): Promise<Loaded> {
    const versions = await readSimilarityVersions(db);
    if (!state || versions.taxonomy !== state.taxonomyVersion) {
      state = await build();
      return state;
    }
    if (versions.challenges === state.version) return state;
    const s = state;
    const { snapshot, total, rows } = await readChallengeChanges(db, s.snapshot);
    for (const row of rows) apply(s, row);
    if (total !== s.rows.size) {
      const present = new Set(await listChallengeIds(db));
      for (const id of [...s.rows.keys()]) if (!present.has(id)) forget(s, id);
    }
    s.snapshot = snapshot;
    s.version = versions.challenges;
    return s;
  }

  function schedule(run: () => Promise<Loaded>): Promise<Loaded> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    // Whatever is running may have started before the caller's own write: queue one more.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return schedule(run);
      });
    return queued;
  }

  const present = (s: Loaded): SimilarityState => ({
    version: s.version,
    rows: s.rows,
    engine: s.engine,
    conceptLabels: s.conceptLabels,
    featuresOf: (row) => s.engine.features(row.id) ?? extractFeatures(s.context, row),
    extract: (row) => extractFeatures(s.context, row),
  });

  return {
    async current() {
      return present(await schedule(sync));
    },
    async rebuild() {
      return present(
        await schedule(async () => {
          state = await build();
          return state;
        }),
      );
    },
  };
}

const models = new WeakMap<Db, SimilarityReadModel>();

/** One similarity model per database handle, shared by every route that needs it. */
export function similarityReadModelFor(db: Db): SimilarityReadModel {
  let model = models.get(db);
  if (!model) {
    model = createSimilarityReadModel(db);
    models.set(db, model);
  }
  return model;
}
