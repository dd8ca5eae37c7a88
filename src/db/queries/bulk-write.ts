import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../create-db.ts';
import type { StageColumn } from '../copy-binary.ts';
import { isUniqueViolation } from '../pg-errors.ts';
import { rowsOf } from '../rows.ts';

/**
 * Bulk writes of an import (decision 017), all by binary COPY (`copyData`, the data made by
 * copy-binary.ts): straight into a table the caller found empty, or into a temporary staging
 * table (`createStage`) and from there
 * into the stored table in one statement — an upsert that writes only rows whose values differ,
 * or, for a load large against the stored table, a merge. Straight copies and merges run with
 * the table's keys and indexes dropped and built again once afterwards (`withoutIndexes`). The
 * upsert and the merge are generated from one `MergeSpec`, so they store the same rows and
 * return the same counts.
 *
 * Every identifier here comes from the code, never from a file: values travel as COPY data or
 * bound parameters.
 */

export type UpsertCounts = { created: number; updated: number; unchanged: number };

/** Rows per statement for writes by `unnest` of array parameters. */
export const BULK_CHUNK = 20_000;

/** A load of at least this many rows, and at least twice the stored rows, goes the bulk way. */
export const BULK_LOAD_MIN_ROWS = 50_000;

/** maintenance_work_mem for the index builds after a bulk load, for the rest of its transaction. */
export const BULK_MAINTENANCE_MEMORY = '256MB';

export function isBulkLoad(incoming: number, stored: number): boolean {
  return incoming >= BULK_LOAD_MIN_ROWS && incoming >= 2 * stored;
}

const list = (names: string[], prefix = '') => names.map((n) => `${prefix}${n}`).join(', ');

export async function countRows(tx: Db, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return row?.n ?? 0;
}

// ─── Staging ─────────────────────────────────────────────────────────────────────────────

type PgliteTransaction = {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
};

/** The driver's connection under drizzle's transaction: PGlite's (COPY from a blob) or node-postgres'. */
function connectionOf(tx: Db): { pglite: PgliteTransaction } | { pg: PoolClient } | null {
  const client = (tx as unknown as { session?: { client?: Record<string, unknown> } }).session?.client;
  if (!client) return null;
  if (typeof client.exec === 'function' && typeof client.rollback === 'function')
    return { pglite: client as unknown as PgliteTransaction };
  if (typeof client.release === 'function' && typeof client.query === 'function')
    return { pg: client as unknown as PoolClient };
  return null;
}

/**
 * Appends binary COPY data (copyBinary's, made by the caller or in an import's reader thread) to a table's given
 * columns (the others take their defaults): on PGlite from an in-memory file, on PostgreSQL from
 * the connection (pg-copy-streams).
 */
export async function copyData(
  tx: Db,
  table: string,
  columnNames: string[],
  data: Uint8Array,
): Promise<void> {
  const connection = connectionOf(tx);
  if (!connection) throw new Error('copyData needs a transaction on PGlite or node-postgres');
  const copy = `copy ${table} (${list(columnNames)}) from %s with (format binary)`;
  if ('pglite' in connection) {
    await connection.pglite.query(copy.replace('%s', `'/dev/blob'`), [], {
      blob: new Blob([data as Uint8Array<ArrayBuffer>]),
    });
    return;
  }
  const stream = connection.pg.query(copyFrom(copy.replace('%s', 'stdin')));
  await pipeline(Readable.from([data]), stream);
}

/** A new, empty temporary table (dropped at commit) of the given columns, for staged rows. */
export async function createStage(
  tx: Db,
  table: string,
  columns: readonly Pick<StageColumn<unknown>, 'name' | 'type'>[],
): Promise<void> {
  await tx.execute(
    sql.raw(
      `create temp table ${table} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) on commit drop`,
    ),
  );
}

// ─── Staged rows into the stored table ───────────────────────────────────────────────────

/**
 * How a staging table's rows go into a stored table: the key that identifies a row, the columns
 * taken from the staging table (compared: only rows whose values differ are written), and
 * columns set on every written row (e.g. the import that wrote it).
 */
export type MergeSpec = {
  table: string;
  stage: string;
  key: string[];
  columns: string[];
  stamp?: { column: string; value: SQL }[];
};

/** What both ways write: the stamp's assignments, and the insert's columns and values from `s`. */
function writeParts(spec: MergeSpec) {
  const stamp = spec.stamp ?? [];
  return {
    stampSets: stamp.map((s) => sql`${sql.raw(s.column)} = ${s.value}`),
    insertColumns: sql.raw(list([...spec.key, ...spec.columns, ...stamp.map((s) => s.column)])),
    insertValues: sql.join(
      [sql.raw(list([...spec.key, ...spec.columns], 's.')), ...stamp.map((s) => s.value)],
      sql`, `,
    ),
  };
}

/** `insert … on conflict do update … where distinct`: for a table with its keys in place. */
export async function upsertStaged(tx: Db, spec: MergeSpec, total: number): Promise<UpsertCounts> {
  const parts = writeParts(spec);
  const sets = [...spec.columns.map((c) => sql.raw(`${c} = excluded.${c}`)), ...parts.stampSets];
  const [row] = rowsOf<{ created: number; written: number }>(
    await tx.execute(sql`
      with w as (
        insert into ${sql.raw(spec.table)} as x (${parts.insertColumns})
        select ${parts.insertValues} from ${sql.raw(spec.stage)} s
        on conflict (${sql.raw(list(spec.key))}) do update set ${sql.join(sets, sql`, `)}
        where (${sql.raw(list(spec.columns, 'x.'))}) is distinct from (${sql.raw(list(spec.columns, 'excluded.'))})
        returning (xmax = 0) as inserted)
      select count(*) filter (where inserted)::int as created, count(*)::int as written from w`),
  );
  const created = row?.created ?? 0;
  const written = row?.written ?? 0;
  return { created, updated: written - created, unchanged: total - written };
}

/**
 * The same as `upsertStaged` for a table whose keys are dropped (inside `withoutIndexes`):
 * changed rows updated and new rows inserted, each in one hash join. The staged rows must be
 * unique by key, as the primary key built afterwards requires.
 */
export async function mergeStagedUnindexed(tx: Db, spec: MergeSpec, total: number): Promise<UpsertCounts> {
  const parts = writeParts(spec);
  const sameKey = spec.key.map((k) => `x.${k} = s.${k}`).join(' and ');
  const [updated] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with u as (
        update ${sql.raw(spec.table)} x set ${sql.join(
          [...spec.columns.map((c) => sql.raw(`${c} = s.${c}`)), ...parts.stampSets],
          sql`, `,
        )}
        from ${sql.raw(spec.stage)} s
        where ${sql.raw(sameKey)}
          and (${sql.raw(list(spec.columns, 'x.'))}) is distinct from (${sql.raw(list(spec.columns, 's.'))})
        returning 1)
      select count(*)::int as n from u`),
  );
  const [created] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with i as (
        insert into ${sql.raw(spec.table)} (${parts.insertColumns})
        select ${parts.insertValues} from ${sql.raw(spec.stage)} s
        where not exists (select 1 from ${sql.raw(spec.table)} x where ${sql.raw(sameKey)})
        returning 1)
      select count(*)::int as n from i`),
  );
  const c = created?.n ?? 0;
  const u = updated?.n ?? 0;
  return { created: c, updated: u, unchanged: total - c - u };
}

// ─── Keys and indexes dropped for a bulk load ────────────────────────────────────────────

type Restorable = { table: string; kind: 'index' | 'constraint'; name: string; definition: string };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function restorablesOf(tx: Db, table: string): Promise<Restorable[]> {
  const constraints = rowsOf<{ name: string; definition: string }>(
    await tx.execute(sql`
      select conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint
      where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')
      order by conname`),
  );
  // Indexes that belong to a constraint (primary key, unique) go with the constraint.
  const indexes = rowsOf<{ name: string; definition: string }>(
    await tx.execute(sql`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = ${table}::regclass
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
      order by c.relname`),
  );
  return [
    ...constraints.map((c) => ({ table, kind: 'constraint' as const, ...c })),
    ...indexes.map((i) => ({ table, kind: 'index' as const, ...i })),
  ];
}

const isForeignKey = (r: Restorable) => r.kind === 'constraint' && r.definition.startsWith('FOREIGN KEY');
/** A primary or unique key. */
const isKey = (r: Restorable) => r.kind === 'constraint' && !isForeignKey(r);

/** Foreign keys go first (they hang on other tables' keys), primary and unique keys last. */
function dropRank(r: Restorable): number {
  if (r.kind === 'index') return 1;
  return isForeignKey(r) ? 0 : 2;
}

/** What a load inside `withoutIndexes` may build again before it ends. */
export type DroppedIndexes = {
  /**
   * Builds the table's plain indexes (not its primary, unique or foreign keys) again now, once
   * its rows are in while the load still waits for something else: the rows written after are
   * added to them as usual.
   */
  restoreIndexesOf(table: string): Promise<void>;
  /**
   * Tries to build the table's primary and unique keys now, in a savepoint: true when they are
   * in place, false when its rows are not unique yet — the savepoint rolls back and the keys are
   * built at the end, as if not tried.
   */
  tryRestoreKeysOf(table: string): Promise<boolean>;
};

/**
 * Runs `load` with the tables' indexes, primary and unique keys and foreign keys dropped, inside
 * the caller's transaction, then restores each exactly as the catalog had it (pg_get_indexdef,
 * pg_get_constraintdef), so the migrations stay the one definition. Building an index once costs
 * a fraction of keeping it row by row; a foreign key is checked in one pass. If the load or a
 * restore fails — a duplicate key, a missing referenced row — the transaction fails and the
 * drop rolls back with everything else. List every table whose foreign keys point at a listed
 * table's key, or dropping that key fails.
 *
 * The drop locks the tables (ACCESS EXCLUSIVE) until commit: on PostgreSQL their readers wait
 * for the load to end; on PGlite a transaction holds the only connection anyway.
 */
export async function withoutIndexes<T>(
  tx: Db,
  tables: string[],
  load: (dropped: DroppedIndexes) => Promise<T>,
): Promise<T> {
  const restorables: Restorable[] = [];
  // One after the other: a transaction is one connection.
  for (const table of tables) restorables.push(...(await restorablesOf(tx, table)));
  const dropOrder = restorables.sort((a, b) => dropRank(a) - dropRank(b));
  for (const r of dropOrder) {
    await tx.execute(
      sql.raw(
        r.kind === 'index'
          ? `drop index ${ident(r.name)}`
          : `alter table ${ident(r.table)} drop constraint ${ident(r.name)}`,
      ),
    );
  }
  // Index builds sort in memory rather than in temporary files (the default is 64 MB).
  await tx.execute(sql`select set_config('maintenance_work_mem', ${BULK_MAINTENANCE_MEMORY}, true)`);
  const restored = new Set<Restorable>();
  const build = (r: Restorable) =>
    sql.raw(
      r.kind === 'index'
        ? r.definition
        : `alter table ${ident(r.table)} add constraint ${ident(r.name)} ${r.definition}`,
    );
  const restore = async (r: Restorable) => {
    if (restored.has(r)) return;
    restored.add(r);
    await tx.execute(build(r));
  };
  const result = await load({
    async restoreIndexesOf(table) {
      for (const r of dropOrder) if (r.table === table && r.kind === 'index') await restore(r);
    },
    async tryRestoreKeysOf(table) {
      const keys = dropOrder.filter((r) => r.table === table && isKey(r) && !restored.has(r));
      try {
        await tx.transaction(async (savepoint) => {
          for (const r of keys) await savepoint.execute(build(r));
        });
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      for (const r of keys) restored.add(r);
      return true;
    },
  });
  // Keys first, then indexes, then the foreign keys that need the keys.
  for (const r of [...dropOrder].reverse()) await restore(r);
  return result;
}
