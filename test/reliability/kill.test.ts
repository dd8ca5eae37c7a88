import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import { organisations } from '../../src/db/schema/index.ts';
import { kennoCli, kennoEnv, type KennoProcess, spawnKenno } from '../support/kenno-process.ts';
import { testDbKind } from '../support/test-db.ts';

/**
 * QUALITY.md: "A process killed with SIGKILL during writes or an import loses no acknowledged
 * write and leaves no half import; it restarts clean." A real `kenno start` on an embedded data
 * folder takes writes from four clients and an import, and is killed with SIGKILL at a random
 * moment, 20 times. After each restart every write that was acknowledged (201) is there; at the
 * end every import has finished with each of its rows stored exactly once.
 */
const ROUNDS = 20;
const IMPORT_ROWS = 300;
const WRITERS = 4;

let dataDir: string;
let env: NodeJS.ProcessEnv;
let token: string;
let server: KennoProcess | null = null;

/** A small fixed-seed generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function importFile(round: number): string {
  const lines = ['name;type;regionId'];
  for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`Imp ${round}-${i} Oy;company;vaasa`);
  return `${lines.join('\n')}\n`;
}

async function upload(baseUrl: string, round: number): Promise<string | null> {
  const form = new FormData();
  form.set('kind', 'organisations');
  form.set('mapping', JSON.stringify({ name: 'name', type: 'type', regionId: 'regionId' }));
  form.set('file', new Blob([importFile(round)], { type: 'text/csv' }), `kill-${round}.csv`);
  const response = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  }).catch(() => null);
  if (response?.status !== 201) return null;
  return ((await response.json()) as { id: string }).id;
}

describe.runIf(testDbKind() === 'pglite')('SIGKILL during writes and imports', { timeout: 900_000 }, () => {
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-kill-'));
    env = kennoEnv({ KENNO_DATA_DIR: dataDir });
    kennoCli(env, 'demo');
    kennoCli(
      env,
      'users',
      'add',
      '--email',
      'kill@example.org',
      '--password',
      'a-long-password-1',
      '--role',
      'admin',
    );
    token = /kenno_pat_\S+/.exec(
      kennoCli(env, 'tokens', 'create', '--email', 'kill@example.org', '--name', 'kill'),
    )![0];
  });
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses no acknowledged write and leaves no half import over ${ROUNDS} kills`, async () => {
    const next = random(20_261_123);
    const acknowledged: string[] = [];
    const importIds = new Map<string, number>();
    const killedAfterMs: number[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      server = await spawnKenno(env);
      const base = server.baseUrl;
      const auth = { authorization: `Bearer ${token}` };
      // Everything acknowledged before the last kill is there.
      for (const id of acknowledged) {
        const response = await fetch(`${base}/api/organisations/${id}`, { headers: auth });
        expect(response.status, `acknowledged organisation ${id} after kill ${round}`).toBe(200);
      }

      let stop = false;
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const response = await fetch(`${base}/api/organisations`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({
              name: `Kill ${round}-${w}-${i} Oy`,
              type: 'company',
              regionId: 'kokkola',
            }),
          }).catch(() => null);
          if (!response) return; // the server is gone
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        }
      });
      if (round % 2 === 0) {
        const id = await upload(base, round);
        if (id) importIds.set(id, round);
      }
      const delay = Math.round(150 + next() * 1200);
      killedAfterMs.push(delay);
      await sleep(delay);
      await server.kill();
      stop = true;
      await Promise.all(writers);
    }

    // A last start finishes any import a kill interrupted; then check the folder directly.
    server = await spawnKenno(env);
    const deadline = Date.now() + 300_000;
    for (const id of importIds.keys()) {
      for (;;) {
        const response = await fetch(`${server.baseUrl}/api/imports/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { status: string };
        if (body.status === 'done') break;
        expect(['queued', 'running'], `import ${id}`).toContain(body.status);
        if (Date.now() > deadline) throw new Error(`import ${id} did not finish`);
        await sleep(200);
      }
    }
    await server.stop();
    server = null;

    const database = await createDb({ dataDir });
    try {
      const stored = new Set(
        (
          await database.db
            .select({ id: organisations.id })
            .from(organisations)
            .where(like(organisations.name, 'Kill %'))
        ).map((r) => r.id),
      );
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      for (const round of importIds.values()) {
        const result = (await database.db.execute(
          sql`select count(*)::int as n, count(distinct name)::int as d from organisations where name like ${`Imp ${round}-%`}`,
        )) as unknown as { rows: { n: number; d: number }[] };
        expect(result.rows[0], `import of round ${round}`).toEqual({ n: IMPORT_ROWS, d: IMPORT_ROWS });
      }
    } finally {
      await database.close();
    }
    console.log(
      `kill test: ${ROUNDS} SIGKILLs after ${Math.min(...killedAfterMs)}–${Math.max(...killedAfterMs)} ms of load; ` +
        `${acknowledged.length} acknowledged writes, all present; ${importIds.size} imports, all complete exactly once`,
    );
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  });
});
