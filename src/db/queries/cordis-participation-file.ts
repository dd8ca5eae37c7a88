import { sql } from 'drizzle-orm';
import type {
  CordisParticipationRecord,
  CordisParticipationRow,
} from '../../domain/cordis/cordis-participations.ts';
import { copyBinary } from '../copy-binary.ts';
import type { Db } from '../create-db.ts';
import {
  BULK_CHUNK,
  copyData,
  countRows,
  createStage,
  isBulkLoad,
  type MergeSpec,
  mergeStagedUnindexed,
  type UpsertCounts,
  upsertStaged,
  withoutIndexes,
} from './bulk-write.ts';
import {
  type CordisParticipationData,
  CordisParticipationCopyWriter,
  type CordisParticipationFileEnd,
  ORGANISATION_NAMES,
  organisationColumns,
  PARTICIPATION_COLUMNS,
  PARTICIPATION_NAMES,
} from './cordis-participation-copy.ts';

/**
 * organization.csv (one row per participation, up to millions) into cordis_organisations and
 * cordis_participations. The file's rows become binary COPY data as they are read
 * (cordis-participation-copy.ts, in the import's reader threads) and the commit copies each chunk
 * while the next is read (decision 017).
 */

const STAGE = { organisations: 'cordis_stage_organisations', participations: 'cordis_stage_participations' };

function organisationsSpec(importId: string): MergeSpec {
  return {
    table: 'cordis_organisations',
    stage: STAGE.organisations,
    key: ['id'],
    columns: ORGANISATION_NAMES.slice(1, -1),
    stamp: [
      { column: 'import_id', value: sql`${importId}` },
      { column: 'updated_at', value: sql`now()` },
    ],
  };
}

const PARTICIPATIONS_SPEC: MergeSpec = {
  table: 'cordis_participations',
  stage: STAGE.participations,
  key: ['project_id', 'organisation_id'],
  columns: PARTICIPATION_NAMES.slice(2),
};

/** The same data from rows in memory, in chunks of BULK_CHUNK rows (tests, small callers). */
export async function* cordisParticipationData(
  rows: readonly CordisParticipationRow[],
  importId: string,
): CordisParticipationData {
  const writer = new CordisParticipationCopyWriter(importId);
  for (let i = 0; i < rows.length; i++) {
    writer.add(rows[i]!);
    if ((i + 1) % BULK_CHUNK === 0) {
      const data = writer.take();
      if (data) yield data;
    }
  }
  const data = writer.take();
  if (data) yield data;
  return { end: Promise.resolve(writer.end()) };
}

/**
 * Copies every chunk into `table`, then the organisations into theirs, applies the corrections,
 * and puts each participation both parts of a file sent (read in two) once, merged.
 * `whileEndIsMade` runs once every chunk is in, while the end may still be coming.
 */
async function copyAll(
  t: Db,
  tables: { organisations: string; participations: string },
  data: CordisParticipationData,
  whileEndIsMade?: () => Promise<void>,
): Promise<CordisParticipationFileEnd> {
  for (;;) {
    const next = await data.next();
    if (next.done) {
      await whileEndIsMade?.();
      const end = await next.value.end;
      for (const chunk of end.organisations)
        await copyData(t, tables.organisations, ORGANISATION_NAMES, chunk);
      await correct(t, tables.participations, end.corrections);
      await replace(t, tables.participations, end.replaced);
      return end;
    }
    await copyData(t, tables.participations, PARTICIPATION_NAMES, next.value);
  }
}

/** Sets the merged values of participations copied before a later row of theirs was read. */
async function correct(t: Db, table: string, rows: CordisParticipationRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const p = (values: unknown[]) => sql.param(values);
  await t.execute(sql`
    update ${sql.raw(table)} x set role = c.role, ec_contribution = c.ec, total_cost = c.tc, active = c.active
    from unnest(
      ${p(rows.map((r) => r.projectId))}::text[], ${p(rows.map((r) => r.organisationId))}::text[],
      ${p(rows.map((r) => r.role))}::text[], ${p(rows.map((r) => r.ecContribution))}::float8[],
      ${p(rows.map((r) => r.totalCost))}::float8[], ${p(rows.map((r) => r.active))}::boolean[]
    ) as c(project_id, organisation_id, role, ec, tc, active)
    where x.project_id = c.project_id and x.organisation_id = c.organisation_id`);
}

/** Deletes every row of the participations' keys and copies them in once. */
async function replace(t: Db, table: string, rows: CordisParticipationRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const p = (values: unknown[]) => sql.param(values);
  await t.execute(sql`
    delete from ${sql.raw(table)} x
    using unnest(${p(rows.map((r) => r.projectId))}::text[], ${p(rows.map((r) => r.organisationId))}::text[])
      as k(project_id, organisation_id)
    where x.project_id = k.project_id and x.organisation_id = k.organisation_id`);
  await copyData(t, table, PARTICIPATION_NAMES, copyBinary(PARTICIPATION_COLUMNS, rows));
}

export type CordisParticipationFileCounts = {
  organisations: UpsertCounts;
  participations: UpsertCounts;
  end: CordisParticipationFileEnd;
};

/**
 * Stores one organization.csv as its data arrives. Files add and update, never delete. Three
 * ways, by what is stored (decision 017): the first file into empty tables is copied straight
 * into them; a file large against the stored participations (another framework programme) is
 * staged and merged — in both, the tables' keys and indexes are dropped and built again once
 * afterwards (src/db/queries/bulk-write.ts) — and the monthly refresh of a stored file is staged
 * and upserted. The way is chosen before the file is read, from `expectedParticipations` (the
 * upload's count); a stored file is always staged first, so a wrong guess costs time, not rows.
 */
export async function storeCordisParticipationFile(
  db: Db,
  data: CordisParticipationData,
  options: { importId: string; expectedParticipations: number },
): Promise<CordisParticipationFileCounts> {
  const { importId } = options;
  // Its own transaction (a savepoint inside the import's): the staging tables live until its end.
  return db.transaction(async (t) => {
    const tables = ['cordis_participations', 'cordis_organisations'];
    const stored = await countRows(t, 'cordis_participations');
    if (isBulkLoad(options.expectedParticipations, stored)) {
      // The lock the drop of the keys takes anyway, taken before the tables are found empty.
      await t.execute(sql.raw(`lock table ${tables.join(', ')} in access exclusive mode`));
      const empty =
        (await countRows(t, 'cordis_participations')) === 0 &&
        (await countRows(t, 'cordis_organisations')) === 0;
      if (empty) {
        return withoutIndexes(t, tables, async (dropped) => {
          // The participations' index and primary key are built while a file read in two is
          // joined. The key is tried: if both parts sent one participation (replaced once they
          // are joined, copyAll), it is built after the replacement instead.
          const end = await copyAll(
            t,
            { organisations: tables[1]!, participations: tables[0]! },
            data,
            async () => {
              await dropped.restoreIndexesOf(tables[0]!);
              await dropped.tryRestoreKeysOf(tables[0]!);
            },
          );
          const created = (n: number): UpsertCounts => ({ created: n, updated: 0, unchanged: 0 });
          return {
            organisations: created(end.organisationCount),
            participations: created(end.participationCount),
            end,
          };
        });
      }
    }
    await createStage(t, STAGE.organisations, organisationColumns(importId));
    await createStage(t, STAGE.participations, PARTICIPATION_COLUMNS);
    const end = await copyAll(t, STAGE, data);
    const counts = isBulkLoad(end.participationCount, stored)
      ? await withoutIndexes(t, tables, async () => ({
          organisations: await mergeStagedUnindexed(t, organisationsSpec(importId), end.organisationCount),
          participations: await mergeStagedUnindexed(t, PARTICIPATIONS_SPEC, end.participationCount),
        }))
      : {
          // Organisations first: the participations' foreign key needs them.
          organisations: await upsertStaged(t, organisationsSpec(importId), end.organisationCount),
          participations: await upsertStaged(t, PARTICIPATIONS_SPEC, end.participationCount),
        };
    await t.execute(sql.raw(`drop table ${STAGE.organisations}, ${STAGE.participations}`));
    return { ...counts, end };
  });
}
