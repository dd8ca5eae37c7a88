import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kennoCli, kennoEnv, type KennoProcess, spawnKenno } from '../support/kenno-process.ts';
import { findPostgresBin, type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.ts';
import { testDbKind } from '../support/test-db.ts';

/**
 * PRODUCT.md: "Kenno servers are stateless (sessions and jobs in the database), so several run
 * behind a load balancer." Two real servers on one PostgreSQL server, requests alternating
 * between them: a session made on one works on the other, an import queued on one is run by a
 * runner and seen from both, and a write through one is visible in the other's in-memory
 * organisation index within a second.
 */
const PASSWORD = 'a-long-password-1';

type Session = { cookie: string; csrf: string };

async function signIn(base: string, email: string): Promise<Session> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

describe.runIf(testDbKind() === 'postgres' && findPostgresBin() !== null)(
  'two servers on one PostgreSQL server',
  { timeout: 300_000 },
  () => {
    let postgres: PrivatePostgres;
    let a: KennoProcess;
    let b: KennoProcess;

    beforeAll(async () => {
      postgres = await startPrivatePostgres(50_000 + (process.pid % 5000));
      const env = kennoEnv({ DATABASE_URL: postgres.url });
      kennoCli(env, 'demo');
      kennoCli(
        env,
        'users',
        'add',
        '--email',
        'scale@example.org',
        '--password',
        PASSWORD,
        '--role',
        'admin',
      );
      [a, b] = await Promise.all([spawnKenno(env), spawnKenno(env)]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      postgres?.destroy();
    });

    it('shares sessions: signed in on one, recognised and signed out on the other', async () => {
      const session = await signIn(a.baseUrl, 'scale@example.org');
      const onB = await (
        await fetch(`${b.baseUrl}/api/session`, { headers: { cookie: session.cookie } })
      ).json();
      expect(onB).toMatchObject({ user: { email: 'scale@example.org' } });
      const out = await fetch(`${b.baseUrl}/api/session`, {
        method: 'DELETE',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
      expect(out.status).toBe(204);
      const onA = await (
        await fetch(`${a.baseUrl}/api/session`, { headers: { cookie: session.cookie } })
      ).json();
      expect(onA).toMatchObject({ user: null });
    });

    it('makes a write through one server visible in the other’s organisation index within a second', async () => {
      const session = await signIn(a.baseUrl, 'scale@example.org');
      const delays: number[] = [];
      for (let i = 0; i < 20; i++) {
        const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
        const name = `Scale ${i} Oy`;
        const created = await fetch(`${writer.baseUrl}/api/organisations`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ name, type: 'company', regionId: 'vaasa' }),
        });
        expect(created.status).toBe(201);
        const written = Date.now();
        for (;;) {
          const list = (await (
            await fetch(`${reader.baseUrl}/api/organisations?q=${encodeURIComponent(name)}&limit=5`)
          ).json()) as { items: { name: string }[] };
          if (list.items.some((o) => o.name === name)) break;
          if (Date.now() - written > 1000)
            throw new Error(`${name} not visible on the other server after 1 s`);
          await sleep(20);
        }
        delays.push(Date.now() - written);
      }
      delays.sort((x, y) => x - y);
      console.log(
        `scale-out: a write is visible on the other server after at most ${delays.at(-1)} ms (median ${delays[10]} ms)`,
      );
    });

    it('runs an import queued on one server exactly once, seen from both', async () => {
      const session = await signIn(b.baseUrl, 'scale@example.org');
      const form = new FormData();
      form.set('kind', 'organisations');
      form.set('mapping', JSON.stringify({ name: 'name', type: 'type', regionId: 'regionId' }));
      const rows = Array.from({ length: 200 }, (_, i) => `Scaled import ${i} Oy;company;turku`);
      form.set(
        'file',
        new Blob([`name;type;regionId\n${rows.join('\n')}\n`], { type: 'text/csv' }),
        'scale.csv',
      );
      const upload = await fetch(`${b.baseUrl}/api/imports`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });
      expect(upload.status).toBe(201);
      const { id } = (await upload.json()) as { id: string };
      // Both servers read one job row; two reads are not one instant, so they may
      // straddle a status change. What must hold: each server sees the status only
      // move forward, and both end at done.
      const order = ['queued', 'running', 'done'];
      const seen = [0, 0];
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [fromA, fromB] = await Promise.all(
          [a, b].map(
            async (s) =>
              (await (
                await fetch(`${s.baseUrl}/api/imports/${id}`, { headers: { cookie: session.cookie } })
              ).json()) as {
                status: string;
              },
          ),
        );
        [fromA, fromB].forEach((r, i) => {
          const rank = order.indexOf(r?.status ?? '');
          expect(rank, `status ${r?.status}`).toBeGreaterThanOrEqual(seen[i] ?? 0);
          seen[i] = rank;
        });
        if (fromA?.status === 'done' && fromB?.status === 'done') break;
        if (Date.now() > deadline) throw new Error('the import did not finish');
        await sleep(200);
      }
      for (const s of [a, b]) {
        const list = (await (
          await fetch(`${s.baseUrl}/api/organisations?q=Scaled%20import&limit=500`)
        ).json()) as {
          total: number;
        };
        expect(list.total).toBe(200);
      }
    });
  },
);
