import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { ROOT, stopProcess } from './lib.ts';

/** Time from spawning `kenno start` to the first 200 of /api/health. */
export async function timeToHealthy(env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/kenno.js', 'start'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', KENNO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`kenno exited with ${child.exitCode}: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error(`no healthy answer in 120 s: ${stderr}`);
      await sleep(20);
    }
  } finally {
    await stopProcess(child);
  }
}

export type StartTimes = { firstStartMs: number[]; existingStartMs: number[] };

/** Fresh data folder (or database) each round, then restarts on it. */
export async function measureStartTimes(
  rounds: number,
  restarts: number,
  freshEnv: () => Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>,
  port: number,
): Promise<StartTimes> {
  const firstStartMs: number[] = [];
  const existingStartMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const { env, cleanup } = await freshEnv();
    try {
      firstStartMs.push(await timeToHealthy(env, port));
      for (let r = 0; r < restarts; r++) existingStartMs.push(await timeToHealthy(env, port));
    } finally {
      await cleanup();
    }
  }
  return { firstStartMs, existingStartMs };
}

export function freshPgliteEnv(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KENNO_DATA_DIR: dataDir,
    KENNO_ADMIN_EMAIL: 'admin@bench.example.org',
    KENNO_ADMIN_PASSWORD: 'bench-password-123',
  };
  delete env.DATABASE_URL;
  return Promise.resolve({ env, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) });
}
