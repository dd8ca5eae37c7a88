import type { Db } from '../../../db/create-db.ts';
import {
  loadFinnishLinkStates,
  loadRegistryRefs,
  loadRejectedPairs,
  lockCordisImport,
  upsertCordisProjects,
  upsertCordisScivoc,
  upsertCordisTopics,
  writeLinkChanges,
} from '../../../db/queries/cordis.ts';
import type { CordisParticipationData } from '../../../db/queries/cordis-participation-copy.ts';
import {
  type CordisParticipationFileCounts,
  storeCordisParticipationFile,
} from '../../../db/queries/cordis-participation-file.ts';
import type { UserActor } from '../../../domain/auth/roles.ts';
import {
  type CordisProjectContext,
  type CordisProjectRow,
  type CordisScivocRow,
  type CordisTopicRow,
  cordisEuroScivocDefinition,
  cordisProjectsDefinition,
  cordisTopicsDefinition,
  planCordisScivoc,
  planCordisTopics,
} from '../../../domain/cordis/cordis-import.ts';
import {
  type CordisParticipationRow,
  cordisOrganisationsDefinition,
} from '../../../domain/cordis/cordis-participations.ts';
import { buildLinkIndex, type LinkChange, planLink } from '../../../domain/cordis/cordis-links.ts';
import type { ImportSummary } from '../../../domain/imports/import-kind.ts';
import { tagIndexReadModelFor } from '../../../server/tagging/tag-index-read-model.ts';
import { defineImportKind, type ValidRow } from '../import-job-kind.ts';

/**
 * The CORDIS import kinds (cordis-projects, cordis-organizations, cordis-topics,
 * cordis-euroscivoc): the database half of src/domain/cordis/cordis-import.ts. Rows are
 * validated by the runner; the commit upserts them in bulk (src/db/queries/cordis.ts) inside
 * the import's one transaction, so a file of a million participations stores all or nothing.
 * Files of the other framework programmes stay: an import adds and updates, it never deletes.
 * The runner writes the import's audit row with the summary; links to the registry get one
 * audit row each.
 */

type Meta = { importId: string; actor: UserActor };

const ok = (summary: ImportSummary) => ({ summary, errors: [] });

/** Links the file's Finnish participants to registry organisations (business ID / VAT, else a name suggestion). */
async function linkFinnishParticipants(tx: Db, ids: string[], meta: Meta) {
  const counts = { linked: 0, suggested: 0 };
  if (ids.length === 0) return counts;
  // One after the other: a transaction is one connection.
  const states = await loadFinnishLinkStates(tx, ids);
  const registry = await loadRegistryRefs(tx);
  const rejected = await loadRejectedPairs(tx);
  const index = buildLinkIndex(registry);
  const changes = states.flatMap((s) => planLink(s, index, rejected) ?? []);
  for (const c of changes) {
    if (c.registryOrganisationId) counts.linked++;
    else if (c.suggestedOrganisationId) counts.suggested++;
  }
  const action = (c: LinkChange) =>
    c.registryOrganisationId ? 'link' : c.suggestedOrganisationId ? 'suggest_link' : 'clear_suggestion';
  await writeLinkChanges(tx, changes, {
    actor: meta.actor,
    action,
    organisationId: (c) => c.registryOrganisationId ?? c.suggestedOrganisationId,
    importId: meta.importId,
  });
  return counts;
}

export const cordisOrganisationsImportKind = defineImportKind<CordisParticipationRow, undefined>({
  definition: cordisOrganisationsDefinition,
  loadContext: async () => undefined,
  readInThread: {
    async commit(tx, data, meta) {
      await lockCordisImport(tx, 'cordis-organizations');
      const stored = await storeCordisParticipationFile(tx, data as CordisParticipationData, {
        importId: meta.importId,
        expectedParticipations: meta.expectedRows,
      });
      const links = await linkFinnishParticipants(tx, stored.end.finnishOrganisationIds, meta);
      return ok(cordisParticipationSummary(stored, links));
    },
  },
});

/** What an organization.csv import did, for its report and audit row. */
function cordisParticipationSummary(
  stored: CordisParticipationFileCounts,
  links: { linked: number; suggested: number },
): ImportSummary {
  return {
    ...stored.organisations,
    participationsCreated: stored.participations.created,
    participationsUpdated: stored.participations.updated,
    participationsUnchanged: stored.participations.unchanged,
    duplicatesMerged: stored.end.duplicatesMerged,
    linked: links.linked,
    suggested: links.suggested,
  };
}

export const cordisProjectsImportKind = defineImportKind<CordisProjectRow, CordisProjectContext>({
  definition: cordisProjectsDefinition,
  // Projects are tagged into value-chain concepts while they are validated (pure, per row).
  loadContext: async (db) => ({ tagIndex: (await tagIndexReadModelFor(db).current()).index }),
  async commit(tx, values, _context, meta) {
    await lockCordisImport(tx, 'cordis-projects');
    return ok(
      await upsertCordisProjects(
        tx,
        values.map((v) => v.value),
        meta.importId,
      ),
    );
  },
});

export const cordisTopicsImportKind = defineImportKind<CordisTopicRow, undefined>({
  definition: cordisTopicsDefinition,
  loadContext: async () => undefined,
  async commit(tx, values: ValidRow<CordisTopicRow>[]) {
    await lockCordisImport(tx, 'cordis-topics');
    return ok(await upsertCordisTopics(tx, planCordisTopics(values.map((v) => v.value))));
  },
});

export const cordisEuroScivocImportKind = defineImportKind<CordisScivocRow, undefined>({
  definition: cordisEuroScivocDefinition,
  loadContext: async () => undefined,
  async commit(tx, values: ValidRow<CordisScivocRow>[]) {
    await lockCordisImport(tx, 'cordis-euroscivoc');
    return ok(await upsertCordisScivoc(tx, planCordisScivoc(values.map((v) => v.value))));
  },
});

/** All four, for the registry (src/jobs/imports/registry.ts). */
export const CORDIS_IMPORT_KINDS = [
  cordisProjectsImportKind,
  cordisOrganisationsImportKind,
  cordisTopicsImportKind,
  cordisEuroScivocImportKind,
];
