import type { Db } from '../../db/create-db.ts';
import { VALUE_CHAIN_SCHEME } from '../../db/demo/load-demo.ts';
import { readDataVersion } from '../../db/queries/data-versions.ts';
import {
  type EcosystemOrganisationRow,
  listSchemeConcepts,
  loadEcosystemOrganisations,
  type SchemeConceptRow,
} from '../../db/queries/regions.ts';
import { type ConceptTree, createConceptTree } from '../../domain/registry/specialisation.ts';

export type EcosystemSnapshot = {
  /** Every organisation, private ones included: each view filters by the caller's permissions. */
  organisations: readonly EcosystemOrganisationRow[];
  /** Value-chain concepts in taxonomy order. */
  concepts: readonly SchemeConceptRow[];
  tree: ConceptTree;
  order: readonly string[];
};

export type EcosystemReadModel = { current(): Promise<EcosystemSnapshot> };

/**
 * Organisations with their competences and the value-chain tree, held in memory and reloaded
 * when the registry or taxonomy data version changes (both are bumped by triggers in the same
 * transaction as any write, so a request never sees data older than its own writes).
 */
export function createEcosystemReadModel(db: Db): EcosystemReadModel {
  let snapshot: (EcosystemSnapshot & { key: string }) | null = null;
  let loading: Promise<EcosystemSnapshot & { key: string }> | null = null;

  async function load(key: string) {
    const [organisations, concepts] = await Promise.all([
      loadEcosystemOrganisations(db),
      listSchemeConcepts(db, VALUE_CHAIN_SCHEME),
    ]);
    return {
      key,
      organisations,
      concepts,
      tree: createConceptTree(concepts),
      order: concepts.map((c) => c.id),
    };
  }

  return {
    async current() {
      const [registry, taxonomy] = await Promise.all([
        readDataVersion(db, 'registry'),
        readDataVersion(db, 'taxonomy'),
      ]);
      const key = `${registry}:${taxonomy}`;
      if (snapshot?.key === key) return snapshot;
      loading ??= load(key).finally(() => {
        loading = null;
      });
      const loaded = await loading;
      // A write landing during the load leaves data newer than the key: the next check reloads.
      snapshot = loaded;
      return loaded;
    },
  };
}
