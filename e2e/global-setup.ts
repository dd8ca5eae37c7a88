import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type KennoUnderTest, startKenno } from './harness.ts';

/** One Kenno server for the whole browser tier; the web app is built first if missing. */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      // Vitest sets NODE_ENV=test, which would make Vite build React's development version.
      { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  const server = await startKenno();
  const { stop, ...info } = server;
  project.provide('kenno', info);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kenno: Omit<KennoUnderTest, 'stop'>;
  }
}
