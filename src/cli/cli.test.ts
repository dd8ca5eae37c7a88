import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { createDb } from '../db/create-db.ts';
import { findUserByEmail } from '../db/queries/users.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

function kenno(...args: string[]) {
  return spawnSync(process.execPath, ['bin/kenno.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, KENNO_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Each step starts a real process that opens the embedded database: slow on a busy 2-core machine.
describe('the kenno command', { timeout: 180_000 }, () => {
  it('loads the demo network, adds users of each role, and refuses bad input clearly', () => {
    const demo = kenno('demo');
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/8 regions, 73 concepts, 74 organisations/);

    const member = kenno(
      'users',
      'add',
      '--email',
      'Maija@Example.org',
      '--password',
      'correct-horse-battery',
      '--role',
      'member',
      '--organisation',
      'centria',
    );
    expect(member.status, member.stderr).toBe(0);
    expect(member.stdout).toContain('Added maija@example.org as member of centria');

    const coordinator = kenno(
      'users',
      'add',
      '--email',
      'k@example.org',
      '--password',
      'correct-horse-battery',
      '--role',
      'coordinator',
      '--region',
      'vaasa',
    );
    expect(coordinator.status, coordinator.stderr).toBe(0);

    const noRegion = kenno(
      'users',
      'add',
      '--email',
      'c@example.org',
      '--password',
      'correct-horse-battery',
      '--role',
      'coordinator',
    );
    expect(noRegion.status).toBe(1);
    expect(noRegion.stderr).toContain('A coordinator must run a region');
    const shortPassword = kenno(
      'users',
      'add',
      '--email',
      'p@example.org',
      '--password',
      'short',
      '--role',
      'admin',
    );
    expect(shortPassword.stderr).toContain('at least 12 characters');
    const badRole = kenno(
      'users',
      'add',
      '--email',
      'r@example.org',
      '--password',
      'correct-horse-battery',
      '--role',
      'king',
    );
    expect(badRole.status).not.toBe(0);
    const duplicate = kenno(
      'users',
      'add',
      '--email',
      'maija@example.org',
      '--password',
      'correct-horse-battery',
      '--role',
      'admin',
    );
    expect(duplicate.stderr).toContain('already exists');
  });

  it('prints a personal API token that authenticates as that user', async () => {
    const created = kenno('tokens', 'create', '--email', 'maija@example.org', '--name', 'script');
    expect(created.status, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^kenno_pat_[\w-]{20,}$/);

    const database = await createDb({ dataDir });
    try {
      const app = await buildApp(
        { database, config: loadConfig({ KENNO_LOG_LEVEL: 'silent' }), version: 'test' },
        { serveWebApp: false },
      );
      const response = await app.inject({
        method: 'PATCH',
        url: '/api/organisations/centria',
        headers: { authorization: `Bearer ${token}` },
        payload: { municipality: 'Kokkola' },
      });
      expect(response.statusCode).toBe(200);
      const other = await app.inject({
        method: 'PATCH',
        url: '/api/organisations/uef',
        headers: { authorization: `Bearer ${token}` },
        payload: { municipality: 'Kuopio' },
      });
      expect(other.statusCode).toBe(403);
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('resets the demo network and keeps users linked to it', async () => {
    const reset = kenno('demo', '--reset');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Demo network loaded/);
    const again = kenno('demo');
    expect(again.stdout).toContain('already loaded');
    const database = await createDb({ dataDir });
    try {
      const maija = await findUserByEmail(database.db, 'maija@example.org');
      expect(maija?.organisationId).toBe('centria');
      const coordinator = await findUserByEmail(database.db, 'k@example.org');
      expect(coordinator?.regionId).toBe('vaasa');
    } finally {
      await database.close();
    }
  });

  it('backs up and restores the data folder; restore needs --yes and checks the file', async () => {
    const file = path.join(dataDir, 'backup.jsonl.gz');
    const backup = kenno('backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*backup\.jsonl\.gz: \d+ tables, \d+ rows/);
    const fingerprint = /fingerprint (\w+)/.exec(backup.stdout)![1];

    const database = await createDb({ dataDir });
    try {
      await database.db.execute(sql`delete from users where email = 'maija@example.org'`);
    } finally {
      await database.close();
    }
    const unconfirmed = kenno('restore', file);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const broken = path.join(dataDir, 'broken.jsonl');
    fs.writeFileSync(broken, '{"format":"something-else"}\n');
    const refused = kenno('restore', broken, '--yes');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Not a Kenno backup/);

    const restore = kenno('restore', file, '--yes');
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`fingerprint ${fingerprint}`);
    const after = await createDb({ dataDir });
    try {
      expect((await findUserByEmail(after.db, 'maija@example.org'))?.organisationId).toBe('centria');
    } finally {
      await after.close();
    }
  });

  it('serves, then shuts down cleanly on SIGTERM and releases the data folder', async () => {
    const child = spawn(process.execPath, ['bin/kenno.js', 'start'], {
      cwd: ROOT,
      env: { ...process.env, KENNO_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', KENNO_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /is running at (http:\/\/\S+) /.exec(output);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'pglite', version: expect.any(String) });
    // Structured logs: JSON lines.
    const logLine = output.split('\n').find((l) => l.startsWith('{'));
    expect(JSON.parse(logLine!)).toMatchObject({ level: expect.any(Number), msg: expect.any(String) });

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kenno.lock'))).toBe(false);
  });
});
