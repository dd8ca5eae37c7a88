import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { createDb, type Database } from '../../src/db/create-db.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.KENNO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, migrated database with the demo network, private to the caller. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') {
    const url = process.env.KENNO_TEST_DATABASE_URL!;
    const name = `kenno_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
    const database = await createDb({ url: withDatabase(url, name), poolSize: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  return createDb({ memory: true, loadDataDir: new Blob([dump]) });
}
