import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { auditLog, imports, organisations } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import { createImport, type ImportOptions } from '../../jobs/imports/import-store.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import { buildUser, createTestApp, type TestApp, tokenAdmin } from '../../../test/support/test-app.ts';

/**
 * The import runner as a job system: several runners share the queue without running an import
 * twice; a stopping server hands its import back, also one read in a thread of its own; a runner
 * that lost its claim writes nothing.
 */
let t: TestApp;
let actor: UserActor;
const runners: ImportRunner[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.database, 'admin');
  actor = tokenAdmin(user.id);
});
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await t.close();
});

function runner(options: Parameters<typeof startImportRunner>[1] = {}) {
  const started = startImportRunner(t.database.db, { pollMs: 30, ...options });
  runners.push(started);
  return started;
}

/** Queues an import of `rows` organisations named `<prefix> <n> Oy`, straight into the store. */
async function queue(prefix: string, rows: number, status: 'queued' | 'uploaded' = 'queued') {
  const lines = ['Nimi;Tyyppi', ...Array.from({ length: rows }, (_, i) => `${prefix} ${i} Oy;Yritys`)];
  const data = Buffer.from(`${lines.join('\n')}\n`);
  const options: ImportOptions = {
    preview: { headers: ['Nimi', 'Tyyppi'], rows: [] },
    totalRows: rows,
    headerSignature: 'test',
    delimiter: ';',
    via: 'token',
  };
  return createImport(t.database.db, actor, {
    kind: 'organisations',
    fileName: `${prefix}.csv`,
    fileType: 'csv',
    fileData: data,
    fileSha256: 'test',
    options,
    mapping: status === 'queued' ? { name: 'Nimi', type: 'Tyyppi' } : null,
  });
}

/** Queues an organization.csv (`;`, its first line the header) as uploaded and mapped. */
async function queueCordis(lines: string[]) {
  const headers = lines[0]!.split(';');
  return createImport(t.database.db, actor, {
    kind: 'cordis-organizations',
    fileName: 'organization.csv',
    fileType: 'csv',
    fileData: Buffer.from(`${lines.join('\n')}\n`),
    fileSha256: 'test',
    options: {
      preview: { headers, rows: [] },
      totalRows: lines.length - 1,
      headerSignature: 'test',
      delimiter: ';',
      via: 'token',
    },
    mapping: Object.fromEntries(headers.map((h) => [h, h])),
  });
}

async function statusOf(id: string) {
  const [row] = await t.database.db
    .select({ status: imports.status, attempts: imports.attempts, claimedBy: imports.claimedBy })
    .from(imports)
    .where(eq(imports.id, id));
  return row!;
}

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function organisationsNamed(prefix: string) {
  const rows = await t.database.db.select({ name: organisations.name }).from(organisations);
  return rows.filter((r) => r.name.startsWith(`${prefix} `)).length;
}

describe('import runners', () => {
  it('share the queue: two runners, each import run exactly once', async () => {
    const a = runner();
    const b = runner();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => queue(`Jono${i}`, 3)));
    a.wake();
    b.wake();
    await until(async () => {
      const rows = await t.database.db
        .select({ status: imports.status })
        .from(imports)
        .where(inArray(imports.id, ids));
      return rows.every((r) => r.status === 'done');
    });
    const audits = await t.database.db
      .select({ id: auditLog.entityId, n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import'), inArray(auditLog.entityId, ids)))
      .groupBy(auditLog.entityId);
    expect(audits).toHaveLength(6);
    expect(audits.every((r) => r.n === 1)).toBe(true);
    for (let i = 0; i < 6; i++) expect(await organisationsNamed(`Jono${i}`)).toBe(3);
    const attempts = await t.database.db
      .select({ attempts: imports.attempts })
      .from(imports)
      .where(inArray(imports.id, ids));
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('hands an import back to the queue when its server stops during validation', async () => {
    let stopping: Promise<void> | null = null;
    const a = runner({
      progressEvery: 10,
      onProgress: (p) => {
        if (p.done >= 10) stopping ??= a.stop();
      },
    });
    const id = await queue('Pysäytys', 100);
    a.wake();
    await until(async () => stopping !== null);
    await stopping;
    expect(await statusOf(id)).toEqual({ status: 'queued', attempts: 0, claimedBy: null });
    expect(await organisationsNamed('Pysäytys')).toBe(0);
    const b = runner();
    b.wake();
    await until(async () => (await statusOf(id)).status === 'done');
    expect(await statusOf(id)).toMatchObject({ attempts: 1, claimedBy: b.workerId });
    expect(await organisationsNamed('Pysäytys')).toBe(100);
    await b.stop();
  });

  it('hands back a file read in a thread of its own (CORDIS) when its server stops during the read', async () => {
    // More rows than one COPY chunk of the reader (10,000 rows): the stop comes between two chunks.
    const rows = 25_000;
    const lines = [
      'projectID;organisationID;name;role',
      ...Array.from(
        { length: rows },
        (_, i) => `${800_000 + Math.floor(i / 5)};${700_000 + i};Pysäytetty ${i};participant`,
      ),
    ];
    const id = await queueCordis(lines);
    const cordisRows = async () => {
      const [row] = rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`select count(*)::int as n from cordis_participations where project_id >= '800000'`,
        ),
      );
      return row?.n ?? 0;
    };
    let stopping: Promise<void> | null = null;
    const a = runner({
      progressEvery: 1000,
      onProgress: (p) => {
        if (p.phase === 'validating' && p.done >= 1000) stopping ??= a.stop();
      },
    });
    a.wake();
    await until(async () => stopping !== null);
    await stopping;
    expect(await statusOf(id)).toEqual({ status: 'queued', attempts: 0, claimedBy: null });
    expect(await cordisRows()).toBe(0);
    const b = runner();
    b.wake();
    await until(async () => (await statusOf(id)).status === 'done', 60_000);
    expect(await cordisRows()).toBe(rows);
    await b.stop();
  });

  it('fails a file read in a thread of its own on a quote never closed far down, storing nothing', async () => {
    const lines = [
      'projectID;organisationID;name;role',
      ...Array.from({ length: 12_000 }, (_, i) => `${810_000 + i};${710_000 + i};Lainaus ${i};participant`),
      '810999;719999;"Never closed;participant',
      '811000;720000;Last;participant',
    ];
    const id = await queueCordis(lines);
    const a = runner();
    a.wake();
    await until(async () => (await statusOf(id)).status === 'failed', 60_000);
    const [row] = await t.database.db
      .select({ report: imports.report })
      .from(imports)
      .where(eq(imports.id, id));
    expect(row?.report).toMatchObject({
      failure: { code: 'file' },
      fileError: { code: 'csv_syntax', params: { line: 12_002 } },
    });
    const [stored] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from cordis_participations where project_id between '810000' and '811000'`,
      ),
    );
    expect(stored?.n).toBe(0);
    await a.stop();
  });

  it('writes nothing when another runner took the import over meanwhile', async () => {
    const outcomes: string[] = [];
    let stolen = false;
    const a = runner({
      progressEvery: 10,
      onProgress: async (p) => {
        if (p.done >= 10 && !stolen) {
          stolen = true;
          await t.database.db.update(imports).set({ claimedBy: 'other-runner' }).where(eq(imports.id, p.id));
        }
      },
      onFinished: (_id, outcome) => outcomes.push(outcome),
    });
    const id = await queue('Kaappaus', 50);
    a.wake();
    await until(async () => outcomes.length > 0);
    expect(outcomes).toEqual(['lost']);
    expect(await statusOf(id)).toEqual({ status: 'running', attempts: 1, claimedBy: 'other-runner' });
    expect(await organisationsNamed('Kaappaus')).toBe(0);
    await a.stop();
    await t.database.db.update(imports).set({ status: 'failed' }).where(eq(imports.id, id));
  });

  it('on the embedded database, takes over at start an import a killed process left running', async () => {
    const id = await queue('Uudelleen', 2, 'uploaded');
    await t.database.db
      .update(imports)
      .set({
        status: 'running',
        claimedBy: 'killed-process',
        heartbeatAt: new Date(),
        attempts: 1,
        mapping: { name: 'Nimi', type: 'Tyyppi' },
      })
      .where(eq(imports.id, id));
    const a = runner({ expireRunningAtStart: true });
    await until(async () => (await statusOf(id)).status === 'done');
    expect(await statusOf(id)).toMatchObject({ attempts: 2, claimedBy: a.workerId });
    await a.stop();
  });
});
