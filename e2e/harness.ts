import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };
export type Account = { email: string; password: string };
export type KennoUnderTest = {
  baseUrl: string;
  admin: Account;
  coordinator: Account; // coordinator of the Kokkola region
  member: Account; // member of Centria (centria)
  stop(): Promise<void>;
};

const PASSWORD = 'correct-horse-battery-staple';
const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Starts a real Kenno server (the `kenno start` command) on a fresh embedded data folder,
 * with the demo network and three accounts made through the CLI beforehand.
 */
export async function startKenno(): Promise<KennoUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KENNO_DATA_DIR: dataDir,
    KENNO_LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  const admin = { email: 'admin@e2e.example.org', password: PASSWORD };
  const coordinator = { email: 'coordinator@e2e.example.org', password: PASSWORD };
  const member = { email: 'member@e2e.example.org', password: PASSWORD };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['bin/kenno.js', ...args], { cwd: ROOT, env, stdio: 'pipe' });
  cli('demo');
  cli(
    'users',
    'add',
    '--email',
    admin.email,
    '--password',
    PASSWORD,
    '--role',
    'admin',
    '--name',
    'Aino Admin',
  );
  cli(
    'users',
    'add',
    '--email',
    coordinator.email,
    '--password',
    PASSWORD,
    '--role',
    'coordinator',
    '--region',
    'kokkola',
    '--name',
    'Kalle Koordinaattori',
  );
  cli(
    'users',
    'add',
    '--email',
    member.email,
    '--password',
    PASSWORD,
    '--role',
    'member',
    '--organisation',
    'centria',
    '--name',
    'Maija Member',
  );

  const child = spawn(process.execPath, ['bin/kenno.js', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await waitForUrl(child);
  return {
    baseUrl,
    admin,
    coordinator,
    member,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Kenno did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/\S+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kenno exited with ${code}:\n${output}`));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The server started once for the browser tier by e2e/global-setup.ts. */
export function kenno(): Omit<KennoUnderTest, 'stop'> {
  return inject('kenno');
}

/** Signs in through the real sign-in form. */
export async function signInThroughUi(page: Page, baseUrl: string, account: Account): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[type="email"]').fill(account.email);
  await page.locator('input[type="password"]').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
