// A server process as far as imports go, for import-kill.test.ts: opens an embedded data folder
// (taking its lock), runs the import runner as start-server.ts does, and prints each progress
// step so the test can SIGKILL it at a chosen moment. "slow" pauses at every progress step
// while rows are checked, so a kill lands mid-run on any machine, however loaded.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/create-db.ts';
import { startImportRunner } from '../../jobs/imports/import-runner.ts';

const [dataDir, mode] = process.argv.slice(2);
const database = await createDb({ dataDir: dataDir! });
startImportRunner(database.db, {
  pollMs: 50,
  progressEvery: 100,
  expireRunningAtStart: true,
  onProgress: async (p) => {
    process.stdout.write(`${p.phase} ${p.done}\n`);
    if (mode === 'slow' && p.phase === 'validating') await sleep(100);
  },
  onFinished: (_id, outcome) => process.stdout.write(`finished ${outcome}\n`),
});
process.stdout.write('ready\n');
// How many imports are still to run, so the test knows when this process is idle.
setInterval(async () => {
  const result = await database.db.execute(
    sql`select count(*)::int as n from imports where status in ('queued', 'running')`,
  );
  process.stdout.write(`open ${(result as unknown as { rows: { n: number }[] }).rows[0]!.n}\n`);
}, 100);
