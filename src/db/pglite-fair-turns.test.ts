import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind } from '../../test/support/test-db.ts';
import type { Database } from './create-db.ts';

/** src/db/pglite-fair-turns.ts: the event loop gets a turn between queued statements. */
describe.skipIf(testDbKind() !== 'pglite')('PGlite fair turns', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('lets I/O and timers run between queued statements, not after all of them', async () => {
    const client = database.pglite!;
    let done = 0;
    const queued = Array.from({ length: 60 }, () =>
      client.query('select pg_sleep(0.002)').then(() => {
        done++;
      }),
    );
    // What a new connection or request is to a server: a callback of the event loop.
    const doneWhenTheLoopRan = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
    await Promise.all(queued);
    expect(done).toBe(60);
    expect(doneWhenTheLoopRan).toBeLessThanOrEqual(2);
  });

  it('keeps arrival order, passes errors on, and gives a transaction its turn throughout', async () => {
    const client = database.pglite!;
    const order: string[] = [];
    const tx = client.transaction(async (t) => {
      await t.query('create temp table fair_turns (n int)');
      order.push('tx start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await t.query('insert into fair_turns values (1)');
      order.push('tx end');
    });
    const after = client.query<{ n: number }>('select count(*)::int as n from fair_turns').then((r) => {
      order.push('after');
      return r.rows[0]?.n;
    });
    const failing = client.query('select * from no_such_table').catch((e: Error) => e.message);
    await tx;
    expect(await after).toBe(1);
    expect(await failing).toMatch(/no_such_table/);
    expect(order).toEqual(['tx start', 'tx end', 'after']);
  });
});
