import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-lock-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts another process that opens the folder and keeps it open. */
async function holdInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-database.ts', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}: ${out}`)));
  });
  return child;
}

describe('the data-folder lock', { timeout: 120_000 }, () => {
  it('refuses a second opener in the same process', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses a second process with a clear message, then takes over once the holder is killed, losing nothing', async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);

    const refused = await createDb({ dataDir: dir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`pid ${holder.pid}`);
    expect((refused as Error).message).toMatch(/already in use by another Kenno process/);

    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;

    const database = await createDb({ dataDir: dir });
    try {
      const rows = await database.db.execute(sql`select value from meta where key = 'held-by'`);
      const values = (rows as unknown as { rows: { value: unknown }[] }).rows;
      expect(values.map((r) => r.value)).toEqual([holder.pid]);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dir, 'kenno.lock'))).toBe(false);
  });

  it('refuses the CLI and a second server while the folder is in use', async () => {
    const dir = tempDir();
    await holdInAnotherProcess(dir);
    const env = { ...process.env, KENNO_DATA_DIR: dir, DATABASE_URL: '' };
    const cli = spawnSync(
      process.execPath,
      [
        'bin/kenno.js',
        'users',
        'add',
        '--email',
        'x@example.org',
        '--password',
        'correct-horse-battery',
        '--role',
        'admin',
      ],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    expect(cli.status).toBe(75);
    expect(cli.stderr).toMatch(/kenno: The data folder .* is already in use by another Kenno process/);
    const server = spawnSync(process.execPath, ['bin/kenno.js', 'start'], {
      cwd: ROOT,
      env: { ...env, PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(server.status).toBe(75);
    expect(server.stderr).toMatch(/already in use/);
  });
});
