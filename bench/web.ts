// The web bars of QUALITY.md: the initial JS + CSS of the production build (gzipped, what a
// first visit downloads before the first route's own chunk), and Lighthouse's performance
// score on the public map page, run with Debian's Chromium against a Kenno with the demo.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { ROOT, spawnAndWaitForUrl } from './lib.ts';
import { freshPgliteEnv } from './start-time.ts';

const run = promisify(execFile);
const WEB = path.join(ROOT, 'dist/web');

export type InitialBundle = { files: { file: string; gzipBytes: number }[]; totalGzipBytes: number };

/**
 * The files index.html loads up front (entry script, module preloads, stylesheets) plus the
 * Finnish messages the app fetches before its first paint, each gzipped at level 9.
 */
export function initialBundle(): InitialBundle {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const messages = fs.readdirSync(path.join(WEB, 'assets')).filter((f) => /^fi-[\w-]+\.js$/.test(f));
  const files = [...new Set([...referenced, ...messages.map((f) => `assets/${f}`)])].map((file) => ({
    file,
    gzipBytes: zlib.gzipSync(fs.readFileSync(path.join(WEB, file)), { level: 9 }).length,
  }));
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export type LighthouseRun = { score: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number };

/** Lighthouse (mobile preset, its default throttling) on `page`, `runs` times against one server. */
export async function lighthouse(page: string, runs: number): Promise<LighthouseRun[]> {
  const fresh = await freshPgliteEnv();
  const kenno = await spawnAndWaitForUrl(
    ['bin/kenno.js', 'start'],
    { ...fresh.env, KENNO_DEMO: 'true', PORT: '0', KENNO_LOG_LEVEL: 'warn' },
    /is running at (http:\/\/\S+) /,
    120_000,
  );
  const out = path.join(os.tmpdir(), `kenno-lighthouse-${process.pid}.json`);
  try {
    // One unmeasured visit so the server has built its read models.
    await fetch(`${kenno.url}${page}`);
    await fetch(`${kenno.url}/api/regions`);
    const results: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) {
      await run(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/lighthouse/cli/index.js'),
          `${kenno.url}${page}`,
          '--only-categories=performance',
          `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 180_000 },
      );
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        categories: { performance: { score: number } };
        audits: Record<string, { numericValue: number }>;
      };
      const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
      results.push({
        score: Math.round(report.categories.performance.score * 100),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      });
    }
    return results;
  } finally {
    fs.rmSync(out, { force: true });
    await kenno.stop();
    await fresh.cleanup();
  }
}
