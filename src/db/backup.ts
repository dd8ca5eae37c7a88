import { createHash } from 'node:crypto';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { AppError } from '../domain/errors.ts';
import type { Db } from './create-db.ts';

/**
 * `kenno backup` / `kenno restore` (decision 010): every table of the `public` schema as JSON
 * lines, read in one consistent snapshot, with a content hash per table. The same file restores
 * into PGlite or a PostgreSQL server. Layout, one JSON value per line:
 *   {"format":"kenno-backup/1", createdAt, migrations, tables:[{name, columns, primaryKey, rows, hash}]}
 *   {"table":"regions"}   then one array of column values per row, in `columns` order
 *   …                     then {"end":true}
 * `data_versions` is restored and then moved forward (see restoreDatabase), so its hash is not
 * compared.
 */
export const BACKUP_FORMAT = 'kenno-backup/1';
const BATCH = 2000;
const VOLATILE_TABLES = new Set(['data_versions']);

export type TableInfo = { name: string; columns: string[]; primaryKey: string[] };
export type TableDigest = TableInfo & { rows: number; hash: string };
export type BackupHeader = { format: string; createdAt: string; migrations: number; tables: TableDigest[] };

type Executor = Pick<Db, 'execute'>;

async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);
const identList = (names: string[]) => sql.raw(names.map((n) => `"${n.replaceAll('"', '""')}"`).join(', '));

/** The tables of the public schema with their stored (not generated) columns and primary keys. */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const columns = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns c
        where table_schema = 'public' and is_generated = 'NEVER'
          and exists (select 1 from information_schema.tables t
                      where t.table_schema = 'public' and t.table_name = c.table_name and t.table_type = 'BASE TABLE')
        order by table_name, ordinal_position`,
  );
  const keys = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.relname as table_name, a.attname as column_name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
        where i.indisprimary and n.nspname = 'public'
        order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    table.columns.push(c.column_name);
    tables.set(c.table_name, table);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Row count and a hash over the table's rows, independent of physical order and database kind. */
export async function digestTable(db: Executor, table: TableInfo): Promise<{ rows: number; hash: string }> {
  const [row] = await rows<{ n: number; h: string }>(
    db,
    sql`select count(*)::int as n, md5(coalesce(string_agg(x, E'\n' order by x), '')) as h
        from (select json_build_array(${identList(table.columns)})::text as x from ${ident(table.name)}) s`,
  );
  return { rows: row!.n, hash: row!.h };
}

async function appliedMigrations(db: Executor): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row!.n;
}

/** Content hashes of every table (for tests and `kenno restore` verification). */
export async function digestDatabase(db: Db): Promise<TableDigest[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: TableDigest[] = [];
    for (const table of await listTables(tx)) out.push({ ...table, ...(await digestTable(tx, table)) });
    return out;
  });
}

function writeLine(out: Writable, value: unknown): Promise<void> {
  const line = `${JSON.stringify(value)}\n`;
  return new Promise((resolve, reject) => {
    if (out.write(line)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}

/** Writes a backup of every table to `out`, from one repeatable-read snapshot. */
export async function backupDatabase(db: Db, out: Writable): Promise<BackupHeader> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const tables: TableDigest[] = [];
      for (const table of await listTables(tx)) tables.push({ ...table, ...(await digestTable(tx, table)) });
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(tx),
        tables,
      };
      await writeLine(out, header);
      for (const table of tables) {
        await writeLine(out, { table: table.name });
        const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
        let last: Record<string, unknown> | null = null;
        for (;;) {
          const after: ReturnType<typeof sql> = last
            ? sql`where (${identList(order)}) > (select ${identList(order)} from json_populate_record(null::${ident(table.name)}, ${JSON.stringify(last)}::json))`
            : sql``;
          const batch: { r: unknown[]; k: Record<string, unknown> }[] = await rows<{
            r: unknown[];
            k: Record<string, unknown>;
          }>(
            tx,
            sql`select json_build_array(${identList(table.columns)}) as r, json_build_object(${sql.raw(
              order.map((c) => `'${c.replaceAll("'", "''")}', "${c.replaceAll('"', '""')}"`).join(', '),
            )}) as k
                from ${ident(table.name)} ${after} order by ${identList(order)} limit ${BATCH}`,
          );
          for (const row of batch) await writeLine(out, row.r);
          if (batch.length < BATCH) break;
          last = batch[batch.length - 1]!.k;
        }
      }
      await writeLine(out, { end: true });
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', `Not a Kenno backup: ${message}`);
}

/**
 * Replaces every table's rows with the backup's, in one transaction: foreign keys are dropped
 * and re-added (and so re-validated) around the load, user triggers are off during it, serial
 * sequences continue after the restored ids, and every table's content hash must equal the
 * backup's or nothing is kept. `data_versions` then moves past both the old and the restored
 * values so that running servers reload their read models.
 */
export async function restoreDatabase(db: Db, input: Readable): Promise<BackupHeader> {
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await iterator.next();
    if (done) throw invalid('the file ends early.');
    try {
      return JSON.parse(value);
    } catch {
      throw invalid('a line is not JSON.');
    }
  };
  const header = (await next()) as BackupHeader;
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.tables)) throw invalid('unknown format.');

  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const migrations = await appliedMigrations(tx);
    if (migrations !== header.migrations) {
      throw new AppError(
        'conflict',
        `The backup was made with ${header.migrations} database migrations and this Kenno has ${migrations}. ` +
          'Restore it with the Kenno version that made it, then upgrade.',
      );
    }
    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const here = byName.get(t.name);
      if (!here || here.columns.join(',') !== t.columns.join(','))
        throw new AppError('conflict', `Table ${t.name} differs between the backup and this database.`);
    }
    const previousVersions = await rows<{ scope: string; version: number }>(
      tx,
      sql`select scope, version::int as version from data_versions`,
    );
    const foreignKeys = await rows<{ tbl: string; name: string; def: string }>(
      tx,
      sql`select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
          where k.contype = 'f' and n.nspname = 'public'`,
    );
    for (const fk of foreignKeys)
      await tx.execute(sql`alter table ${ident(fk.tbl)} drop constraint ${ident(fk.name)}`);
    for (const t of tables) await tx.execute(sql`alter table ${ident(t.name)} disable trigger user`);
    await tx.execute(sql`truncate ${identList(tables.map((t) => t.name))}`);

    let current: TableDigest | null = null;
    let pending: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!current || pending.length === 0) return;
      await tx.execute(
        sql`insert into ${ident(current.name)} (${identList(current.columns)})
            select ${identList(current.columns)} from json_populate_recordset(null::${ident(current.name)}, ${JSON.stringify(pending)}::json)`,
      );
      pending = [];
    };
    const digests = new Map(header.tables.map((t) => [t.name, t]));
    for (;;) {
      const item = await next();
      if (Array.isArray(item)) {
        if (!current) throw invalid('a row comes before its table.');
        const row: Record<string, unknown> = {};
        current.columns.forEach((column, i) => {
          row[column] = item[i];
        });
        pending.push(row);
        if (pending.length >= BATCH) await flush();
      } else if (item && typeof item === 'object' && 'table' in item) {
        await flush();
        current = digests.get(String(item.table)) ?? null;
        if (!current) throw invalid(`table ${String(item.table)} is not in the header.`);
      } else if (item && typeof item === 'object' && 'end' in item) {
        await flush();
        break;
      } else throw invalid('an unexpected line.');
    }

    for (const t of tables) await tx.execute(sql`alter table ${ident(t.name)} enable trigger user`);
    for (const fk of foreignKeys)
      await tx.execute(sql`alter table ${ident(fk.tbl)} add constraint ${ident(fk.name)} ${sql.raw(fk.def)}`);
    const serials = await rows<{ tbl: string; col: string; seq: string }>(
      tx,
      sql`select table_name as tbl, column_name as col, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
          from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const s of serials) {
      await tx.execute(
        sql`select setval(${s.seq}::regclass, coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 0) + 1, false)`,
      );
    }
    for (const t of tables) {
      const expected = digests.get(t.name);
      if (!expected || VOLATILE_TABLES.has(t.name)) continue;
      const actual = await digestTable(tx, t);
      if (actual.rows !== expected.rows || actual.hash !== expected.hash) {
        throw new AppError(
          'conflict',
          `Restored table ${t.name} does not match the backup (${actual.rows} rows, expected ${expected.rows}); nothing was changed.`,
        );
      }
    }
    const previous = new Map(previousVersions.map((v) => [v.scope, v.version]));
    const restored = await rows<{ scope: string; version: number }>(
      tx,
      sql`select scope, version::int as version from data_versions`,
    );
    for (const v of restored) {
      const version = Math.max(v.version, previous.get(v.scope) ?? 0) + 1;
      await tx.execute(sql`update data_versions set version = ${version} where scope = ${v.scope}`);
    }
    return header;
  });
}

/** A short digest of a whole backup header (printed by the CLI). */
export function headerFingerprint(header: BackupHeader): string {
  const hash = createHash('sha256');
  for (const t of header.tables) hash.update(`${t.name}:${t.rows}:${t.hash}\n`);
  return hash.digest('hex').slice(0, 16);
}
