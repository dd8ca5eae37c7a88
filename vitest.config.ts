import { defineConfig } from 'vitest/config';

/**
 * Test tiers (scripts/test.mjs picks which run and says why a tier was skipped):
 * - unit:     pure domain code and the web app's pure helpers
 * - pglite:   db, server and CLI tests on an in-process PGlite cloned from a prepared template
 * - postgres: the same db and server tests on a PostgreSQL server (KENNO_TEST_DATABASE_URL)
 * - browser:  Playwright driving Debian's Chromium against a running Kenno
 */
const integration = [
  'src/db/**/*.test.ts',
  'src/server/**/*.test.ts',
  'src/jobs/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'test/**/*.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          globalSetup: ['test/support/global-setup.ts'],
          env: { KENNO_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          exclude: ['src/cli/**', 'src/db/data-dir-lock.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          env: { KENNO_TEST_DB: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
