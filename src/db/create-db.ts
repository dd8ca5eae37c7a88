import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteSession } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type DataDirLock, acquireDataDirLock } from './data-dir-lock.ts';
import { takeFairTurns } from './pglite-fair-turns.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one handle to the database. A transaction handle has the same type, so every query
 * function works inside or outside a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Only for the embedded database: the PGlite instance (dump for tests and backups). */
  pglite: PGlite | null;
  close(): Promise<void>;
};

export type CreateDbOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string; lock?: boolean }
  /** An in-memory PGlite, optionally loaded from a dump (tests clone a prepared one). */
  | { memory: true; loadDataDir?: Blob };

/**
 * Whether `db` — a database or a transaction in one — is the embedded database (PGlite: one
 * connection, held by a transaction).
 */
export function isEmbedded(db: Db): boolean {
  return (db as unknown as { session?: unknown }).session instanceof PgliteSession;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens PGlite (embedded, default) or a PostgreSQL server (`url`) and applies migrations. */
export async function createDb(options: CreateDbOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url, options.poolSize ?? 10);
  if ('memory' in options) return openPglite(null, null, options.loadDataDir);
  const lock = options.lock === false ? null : acquireDataDirLock(options.dataDir);
  try {
    return await openPglite(path.join(options.dataDir, 'pglite'), lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPglite(
  dir: string | null,
  lock: DataDirLock | null,
  loadDataDir?: Blob,
): Promise<Database> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  takeFairTurns(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

const MIGRATION_LOCK_KEY = 7_404_242;

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast when the server is down so requests get a 503 instead of hanging.
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (e.g. a database restart) must not crash Kenno.
  pool.on('error', () => {});
  // A client checked out between two queries (inside a transaction) that loses its connection
  // emits 'error' on itself, which would otherwise crash the process; its pending and next
  // queries fail (→ 503) and the pool discards it.
  pool.on('connect', (client) => client.on('error', () => {}));
  // Several Kenno servers may start at once: one applies migrations, the others wait.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    lockClient.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pglite: null,
    async close() {
      await pool.end();
    },
  };
}
