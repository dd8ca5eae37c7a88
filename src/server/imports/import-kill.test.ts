import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db.ts';
import { createUser } from '../../db/queries/users.ts';
import { tokenAdmin } from '../../../test/support/test-app.ts';
import { auditLog, imports, organisations } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import { createImport } from '../../jobs/imports/import-store.ts';
import { testDbKind } from '../../../test/support/test-db.ts';

/**
 * Imports against SIGKILL, for real: a process running imports on an embedded data folder is
 * killed while it checks rows, as it saves (inside or just before the commit transaction), and
 * after it is done. A new process on the same folder takes over at once; the import always ends
 * `done` with every row stored exactly once — never half, never twice, never lost.
 * (PostgreSQL: another server takes over after the 60 s heartbeat timeout — covered without
 * the wait by import-runner.test.ts and imports.test.ts.)
 */
const WORKER = path.join(import.meta.dirname, 'import-kill-worker.ts');
const TSX = path.resolve(import.meta.dirname, '../../../node_modules/tsx/dist/loader.mjs');
const ROWS = 3000;
let dataDir: string;
let actor: UserActor;
let worker: { child: ChildProcess; lines: string[]; exited: Promise<unknown> } | null = null;

function startWorker(mode: 'slow' | 'normal') {
  const child = spawn(process.execPath, ['--import', TSX, WORKER, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  worker = { child, lines, exited };
  void exited.then(() => {
    if (stderr.trim()) console.error(stderr);
  });
  return worker;
}

async function until(check: () => boolean, what: string, ms = 120_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms)
      throw new Error(`timed out waiting for ${what}: ${worker?.lines.join(' | ')}`);
    await sleep(5);
  }
}

async function stopWorker(signal: NodeJS.Signals) {
  if (!worker) return;
  const { child, exited } = worker;
  worker = null;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}

/** Opens the folder between worker runs (the data-folder lock allows one process at a time). */
async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof createDb>>['db']) => Promise<T>,
): Promise<T> {
  const database = await createDb({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

describe.skipIf(testDbKind() === 'postgres')('an import killed with SIGKILL', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-kill-'));
    await withDatabase(async (db) => {
      const user = await createUser(
        db,
        { kind: 'system' },
        { email: 'kill@example.org', password: 'correct-horse-battery', role: 'admin', displayName: 'Kill' },
      );
      actor = tokenAdmin(user.id);
    });
  }, 60_000);
  afterAll(async () => {
    await stopWorker('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const moment of ['validating', 'saving', 'done'] as const) {
    it(`stores every row exactly once when killed ${moment === 'done' ? 'after it is done' : `while ${moment}`}`, async () => {
      const prefix = `Tappo ${moment}`;
      const lines = ['Nimi;Tyyppi', ...Array.from({ length: ROWS }, (_, i) => `${prefix} ${i} Oy;Yritys`)];
      const id = await withDatabase((db) =>
        createImport(db, actor, {
          kind: 'organisations',
          fileName: `${moment}.csv`,
          fileType: 'csv',
          fileData: Buffer.from(`${lines.join('\n')}\n`),
          fileSha256: moment,
          mapping: { name: 'Nimi', type: 'Tyyppi' },
          options: {
            preview: { headers: ['Nimi', 'Tyyppi'], rows: [] },
            totalRows: ROWS,
            headerSignature: moment,
            delimiter: ';',
            via: 'token',
          },
        }),
      );

      const first = startWorker('slow');
      if (moment === 'validating')
        await until(() => first.lines.includes('validating 500'), 'validating 500');
      if (moment === 'saving') {
        await until(() => first.lines.includes(`saving ${ROWS}`), 'saving');
        await sleep(30);
      }
      if (moment === 'done') await until(() => first.lines.includes('finished done'), 'finished');
      await stopWorker('SIGKILL');

      // A new process on the same folder: takes the lock over and the import at once.
      const second = startWorker('normal');
      await until(() => second.lines.includes('open 0'), 'the import to end');
      await stopWorker('SIGTERM');

      await withDatabase(async (db) => {
        const [row] = await db.select().from(imports).where(eq(imports.id, id));
        expect(row).toMatchObject({ status: 'done', report: { summary: { created: ROWS } } });
        if (moment === 'validating') expect(row!.attempts).toBe(2);
        if (moment === 'done') expect(row!.attempts).toBe(1);
        const stored = await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(like(organisations.name, `${prefix} %`));
        expect(stored).toHaveLength(ROWS);
        const audits = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, id));
        // The upload and the one import that landed.
        expect(audits).toHaveLength(2);
      });
    }, 240_000);
  }
});
