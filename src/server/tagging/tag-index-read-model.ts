import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/create-db.ts';
import { DATA_DIR } from '../../db/demo/demo-files.ts';
import { VALUE_CHAIN_SCHEME } from '../../db/demo/load-demo.ts';
import { listConcepts } from '../../db/queries/concepts.ts';
import {
  buildTaggableConcepts,
  type ValueChainSynonyms,
  type ValueChainTaxonomy,
} from '../../domain/taxonomy/taggable-concepts.ts';
import { buildTagIndex, type TaggableConcept, type TagIndex } from '../../domain/taxonomy/tagging.ts';
import { createVersionedReadModel, type VersionedReadModel } from '../organisations/versioned-read-model.ts';

export type TagIndexModel = {
  version: number;
  index: TagIndex;
  /** concept id → parent id of every indexed concept. */
  parentOf: ReadonlyMap<string, string | null>;
};
export type TagIndexReadModel = VersionedReadModel<TagIndexModel>;

/** The editorial synonym list shipped with Kenno (data/taxonomy, see data/README.md). */
export const SYNONYMS_FILE = path.join(DATA_DIR, 'taxonomy/value-chain-synonyms.json');

const EMPTY_SYNONYMS: ValueChainSynonyms = { schema: 'value-chain-synonyms/v1', concepts: {} };

function readSynonyms(): ValueChainSynonyms {
  try {
    return JSON.parse(fs.readFileSync(SYNONYMS_FILE, 'utf8')) as ValueChainSynonyms;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_SYNONYMS;
    throw error;
  }
}

/**
 * The synonyms as far as they name concepts the database has: the taxonomy is edited in the
 * database, so a concept the file names may be gone; its synonyms then simply do not apply.
 */
function synonymsFor(known: Set<string>, synonyms: ValueChainSynonyms): ValueChainSynonyms {
  const has = (id: string) => known.has(id);
  return {
    ...synonyms,
    concepts: Object.fromEntries(Object.entries(synonyms.concepts).filter(([id]) => has(id))),
    supersedes: Object.fromEntries(
      Object.entries(synonyms.supersedes ?? {})
        .filter(([id]) => has(id))
        .map(([id, ids]) => [id, ids.filter(has)]),
    ),
    unmatched_labels: (synonyms.unmatched_labels ?? []).filter(has),
    ...(synonyms.context_rules
      ? {
          context_rules: synonyms.context_rules.filter(
            (r) => has(r.concept) && has(r.becomes) && r.when_also.every(has),
          ),
        }
      : {}),
  };
}

/** Value-chain concepts of the database (labels and synonyms there) joined with the editorial list. */
export async function loadTaggableConcepts(db: Db, synonyms: ValueChainSynonyms): Promise<TaggableConcept[]> {
  const rows = await listConcepts(db, { scheme: VALUE_CHAIN_SCHEME });
  const taxonomy: ValueChainTaxonomy = {
    concepts: rows.map((c) => ({ id: c.id, parent: c.parentId, labels: c.labels, alt_labels: c.altLabels })),
  };
  const known = new Set(rows.map((c) => c.id));
  return buildTaggableConcepts(taxonomy, synonymsFor(known, synonyms));
}

const models = new WeakMap<Db, TagIndexReadModel>();

/**
 * One tag index per database handle, shared by every route that tags text (the tag route and
 * the competence suggestions), rebuilt when `data_versions.taxonomy` changes.
 */
export function tagIndexReadModelFor(db: Db): TagIndexReadModel {
  let model = models.get(db);
  if (!model) {
    const synonyms = readSynonyms();
    model = createVersionedReadModel(db, 'taxonomy', async (version) => {
      const concepts = await loadTaggableConcepts(db, synonyms);
      return {
        version,
        index: buildTagIndex(concepts),
        parentOf: new Map(concepts.map((c) => [c.id, c.parentId])),
      };
    });
    models.set(db, model);
  }
  return model;
}
