import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

/** A real `kenno start` process, for the reliability tests (kill, restart, scale-out). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

export type KennoProcess = {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
};

export function kennoEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KENNO_LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    KENNO_DEMO: 'true',
    ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** Runs a `kenno` command to completion and returns its standard output. */
export function kennoCli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/kenno.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

export async function spawnKenno(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<KennoProcess> {
  const child = spawn(process.execPath, ['bin/kenno.js', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Kenno did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
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
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Kenno exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
