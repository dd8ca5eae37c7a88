#!/usr/bin/env node
// `npm test`: runs every test tier this machine can run, says plainly which tier it skipped
// and why, and ends with the line "N passed, N failed". With KENNO_REQUIRE_ALL_TIERS=1 (CI)
// a skipped tier is an error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.KENNO_CHROMIUM ?? '/usr/bin/chromium';
const requireAll = process.env.KENNO_REQUIRE_ALL_TIERS === '1';

const tiers = [
  { name: 'unit', skip: null },
  { name: 'pglite', skip: null },
  {
    name: 'postgres',
    skip: process.env.KENNO_TEST_DATABASE_URL
      ? null
      : 'KENNO_TEST_DATABASE_URL is not set (e.g. postgres://kenno:kenno@127.0.0.1:5432/kenno — see README, "Tests")',
  },
  {
    name: 'browser',
    skip: fs.existsSync(chromium)
      ? null
      : `no Chromium at ${chromium} (apt-get install chromium, or set KENNO_CHROMIUM)`,
  },
];

const only = process.env.KENNO_TEST_TIERS?.split(',').map((s) => s.trim());
const selected = tiers.filter((t) => !only || only.includes(t.name));
const skipped = selected.filter((t) => t.skip);
for (const t of skipped) console.log(`Skipping the ${t.name} tier: ${t.skip}`);
if (requireAll && skipped.length) {
  console.error('KENNO_REQUIRE_ALL_TIERS=1 but a tier cannot run; failing.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const run = selected.filter((t) => !t.skip);
const report = path.join(root, '.tmp', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const args = [
  path.join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  ...run.flatMap((t) => ['--project', t.name]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let pending = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed =
    (json.numFailedTests ?? 0) +
    (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0);
  pending = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else if (result.status !== 0) {
  failed = 1;
}
if (result.status !== 0 && failed === 0) failed = 1;
console.log(
  `Tiers run: ${run.map((t) => t.name).join(', ') || 'none'}${skipped.length ? `; skipped: ${skipped.map((t) => t.name).join(', ')}` : ''}`,
);
console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
