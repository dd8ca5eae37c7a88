import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/create-db.ts';
import { loadDemoNetwork } from '../../src/db/demo/load-demo.ts';

/**
 * Prepares one migrated database with the demo network, once per run; every test file then
 * clones it (PGlite: from a data-dir dump, ~0.3 s instead of 3–6 s; PostgreSQL: CREATE
 * DATABASE … TEMPLATE).
 */
export const TEMPLATE_DUMP = path.resolve('.tmp/test-template.tar');

export default async function setup(project: TestProject) {
  if (project.name === 'postgres') {
    const url = process.env.KENNO_TEST_DATABASE_URL;
    if (!url) throw new Error('KENNO_TEST_DATABASE_URL is needed for the postgres tier');
    const template = `kenno_template_${process.pid}`;
    await adminQuery(url, `drop database if exists ${template}`);
    await adminQuery(url, `create database ${template}`);
    const database = await createDb({ url: withDatabase(url, template), poolSize: 2 });
    await loadDemoNetwork(database.db, { reset: false });
    await database.close();
    project.provide('postgresTemplate', template);
    return async () => {
      await adminQuery(url, `drop database if exists ${template} with (force)`);
    };
  }
  const database = await createDb({ memory: true });
  await loadDemoNetwork(database.db, { reset: false });
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  const file = `${TEMPLATE_DUMP}.${process.pid}`;
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

export async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
