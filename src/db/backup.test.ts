import { PassThrough, Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind } from '../../test/support/test-db.ts';
import { bearerFor, buildUser, createTestApp, signIn, type TestApp } from '../../test/support/test-app.ts';
import { backupDatabase, digestDatabase, restoreDatabase } from './backup.ts';
import { createDb, type Database } from './create-db.ts';
import { loadDemoNetwork } from './demo/load-demo.ts';

async function backupToString(database: Database): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await backupDatabase(database.db, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const withoutVolatile = (digests: Awaited<ReturnType<typeof digestDatabase>>) =>
  digests.filter((d) => d.name !== 'data_versions');

describe('kenno backup / restore', () => {
  let source: TestApp;
  let target: Database;
  let backup: string;

  beforeAll(async () => {
    source = await createTestApp();
    // Rows in the tables the demo leaves empty: users, sessions, tokens, audit, an import file (bytea).
    const admin = await buildUser(source.database, 'admin');
    await signIn(source.app, admin.email);
    await bearerFor(source.database, admin.id);
    const client = await signIn(source.app, admin.email);
    const file = 'name;type;region\nBackup Oy;company;kokkola\n';
    const boundary = 'kennoBoundary';
    await source.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...client.headers(true), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\norganisations\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="o.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`,
    });
    await source.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: client.headers(true),
      payload: { municipality: 'Kokkola – Karleby "ÅÄÖ" \\ \u{1F50B}' },
    });
    backup = await backupToString(source.database);
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('round-trips every table exactly (content hashes), onto a database with other data', async () => {
    const before = await digestDatabase(source.database.db);
    const nonEmpty = before.filter((t) => t.rows > 0).map((t) => t.name);
    expect(nonEmpty).toEqual(
      expect.arrayContaining(['users', 'sessions', 'api_tokens', 'audit_log', 'imports']),
    );
    await target.db.execute(sql`update organisations set municipality = 'changed' where id = 'uef'`);

    const header = await restoreDatabase(target.db, Readable.from(backup));
    expect(header.tables.map((t) => t.name)).toEqual(before.map((t) => t.name));
    expect(withoutVolatile(await digestDatabase(target.db))).toEqual(withoutVolatile(before));
  });

  it('an admin downloads the same backup from the running server', async () => {
    const admin = await buildUser(source.database, 'admin');
    const response = await source.app.inject({
      method: 'GET',
      url: '/api/admin/backup',
      headers: { authorization: `Bearer ${await bearerFor(source.database, admin.id)}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="kenno-backup-.*\.jsonl\.gz"/,
    );
    const text = gunzipSync(response.rawPayload).toString('utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n')));
    const users = header.tables.find((t: { name: string }) => t.name === 'users');
    expect(users.rows).toBeGreaterThan(0);
    expect(text.trimEnd().endsWith('{"end":true}')).toBe(true);
  });

  it('moves data versions forward so running servers reload', async () => {
    const versions = async (db: Database) =>
      (await db.db.execute(
        sql`select scope, version::int as v from data_versions order by scope`,
      )) as unknown as {
        rows: { scope: string; v: number }[];
      };
    const src = await versions(source.database);
    const dst = await versions(target);
    for (const row of dst.rows) {
      const before = src.rows.find((r) => r.scope === row.scope)!;
      expect(row.v).toBeGreaterThan(before.v);
    }
  });

  it('continues serial ids after the restored rows', async () => {
    const maxBefore = (await target.db.execute(sql`select max(id)::int as m from audit_log`)) as unknown as {
      rows: { m: number }[];
    };
    await target.db.execute(
      sql`insert into audit_log (actor_kind, action, entity) values ('system', 'test', 'backup')`,
    );
    const maxAfter = (await target.db.execute(sql`select max(id)::int as m from audit_log`)) as unknown as {
      rows: { m: number }[];
    };
    expect(maxAfter.rows[0]!.m).toBe(maxBefore.rows[0]!.m + 1);
  });

  it('refuses a tampered backup and leaves the database as it was', async () => {
    const before = await digestDatabase(target.db);
    const tampered = backup.replace('"Kokkola – Karleby', '"Kokkola – Karleby!');
    expect(tampered).not.toBe(backup);
    await expect(restoreDatabase(target.db, Readable.from(tampered))).rejects.toThrow(
      /does not match the backup/,
    );
    expect(await digestDatabase(target.db)).toEqual(before);
  });

  it('refuses a file that is not a backup, a cut-off file and another schema version', async () => {
    await expect(restoreDatabase(target.db, Readable.from('hello\n'))).rejects.toThrow(/Not a Kenno backup/);
    const cut = backup.slice(0, Math.floor(backup.length / 2));
    await expect(restoreDatabase(target.db, Readable.from(cut))).rejects.toThrow(/Not a Kenno backup/);
    const [first, ...rest] = backup.split('\n');
    const older = [JSON.stringify({ ...JSON.parse(first!), migrations: 1 }), ...rest].join('\n');
    await expect(restoreDatabase(target.db, Readable.from(older))).rejects.toThrow(/migrations/);
  });

  it.runIf(testDbKind() === 'postgres')(
    'moves an embedded (PGlite) database to the PostgreSQL server',
    async () => {
      const embedded = await createDb({ memory: true });
      try {
        await loadDemoNetwork(embedded.db, { reset: false });
        const expected = await digestDatabase(embedded.db);
        await restoreDatabase(target.db, Readable.from(await backupToString(embedded)));
        expect(withoutVolatile(await digestDatabase(target.db))).toEqual(withoutVolatile(expected));
      } finally {
        await embedded.close();
      }
    },
    120_000,
  );
});
