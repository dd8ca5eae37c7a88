import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kennoCli, kennoEnv, type KennoProcess, spawnKenno } from '../support/kenno-process.ts';
import { findPostgresBin, type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.ts';
import { testDbKind } from '../support/test-db.ts';

/**
 * QUALITY.md: "With a PostgreSQL server, a database restart makes requests fail fast with 503
 * and the service recovers by itself, with no restart of Kenno." A real `kenno start` on a
 * PostgreSQL server of its own, under a steady read/write load; the database is stopped for a
 * few seconds and started again.
 */
type Sample = { at: number; status: number; ms: number; phase: 'before' | 'outage' | 'after' };

describe.runIf(testDbKind() === 'postgres' && findPostgresBin() !== null)(
  'PostgreSQL restart under load',
  { timeout: 300_000 },
  () => {
    let postgres: PrivatePostgres;
    let server: KennoProcess;
    let token: string;

    beforeAll(async () => {
      postgres = await startPrivatePostgres(55_000 + (process.pid % 5000));
      const env = kennoEnv({ DATABASE_URL: postgres.url });
      kennoCli(env, 'demo');
      kennoCli(
        env,
        'users',
        'add',
        '--email',
        'restart@example.org',
        '--password',
        'a-long-password-1',
        '--role',
        'admin',
      );
      token = /kenno_pat_\S+/.exec(
        kennoCli(env, 'tokens', 'create', '--email', 'restart@example.org', '--name', 'r'),
      )![0];
      server = await spawnKenno(env);
    });
    afterAll(async () => {
      await server?.stop();
      postgres?.destroy();
    });

    it('answers 503 quickly during the outage and recovers without a restart', async () => {
      const samples: Sample[] = [];
      let phase: Sample['phase'] = 'before';
      let running = true;
      const auth = { authorization: `Bearer ${token}` };
      const client = async (n: number) => {
        for (let i = 0; running; i++) {
          const started = Date.now();
          const write = i % 3 === 0;
          const response = await fetch(
            write ? `${server.baseUrl}/api/organisations/centria` : `${server.baseUrl}/api/organisations/uef`,
            write
              ? {
                  method: 'PATCH',
                  headers: { ...auth, 'content-type': 'application/json' },
                  body: JSON.stringify({ municipality: `Kokkola ${n}-${i}` }),
                }
              : { headers: auth },
          ).catch((error: unknown) => {
            throw new Error(`request failed: ${String(error)}\n${server.output().slice(-4000)}`);
          });
          await response.arrayBuffer();
          samples.push({ at: started, status: response.status, ms: Date.now() - started, phase });
          if (response.status === 503) await sleep(50);
        }
      };
      const clients = Array.from({ length: 4 }, (_, n) => client(n));
      await sleep(1500);
      phase = 'outage';
      postgres.stop();
      await sleep(4000);
      postgres.start();
      phase = 'after';
      // Recovery: the first success after the restart, then a steady second of successes.
      const restartedAt = Date.now();
      while (!samples.some((s) => s.phase === 'after' && s.status < 300 && s.at >= restartedAt)) {
        if (Date.now() - restartedAt > 30_000) break;
        await sleep(50);
      }
      const recoveredAt = Date.now();
      await sleep(1500);
      running = false;
      await Promise.all(clients);

      const statuses = new Set(samples.map((s) => s.status));
      const outage = samples.filter((s) => s.phase === 'outage' && s.status === 503);
      const steady = samples.filter((s) => s.at > recoveredAt + 200);
      console.log(
        `database restart: ${samples.length} requests; ${outage.length} answered 503 during the outage ` +
          `(slowest ${Math.max(...outage.map((s) => s.ms))} ms); recovered ${recoveredAt - restartedAt} ms after the database came back`,
      );
      expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(outage.length).toBeGreaterThan(0);
      // Fail fast: the pool's connection timeout is 2 s.
      expect(Math.max(...outage.map((s) => s.ms))).toBeLessThan(5000);
      expect(recoveredAt - restartedAt).toBeLessThan(30_000);
      expect(steady.length).toBeGreaterThan(0);
      expect(steady.every((s) => s.status === 200)).toBe(true);
      const body = await (await fetch(`${server.baseUrl}/api/health`)).json();
      expect(body).toMatchObject({ status: 'ok', db: 'postgres' });
    });
  },
);
