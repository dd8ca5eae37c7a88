import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../app.ts';
import { VERSION_CHECK_INTERVAL_MS } from './organisation-read-model.ts';

/** Two Kenno servers on one database: a write through one is listed by the other within a second. */
let a: TestApp;
let b: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  a = await createTestApp();
  b = await buildApp(
    { database: a.database, config: loadConfig({ KENNO_LOG_LEVEL: 'silent' }), version: 'test' },
    { serveWebApp: false },
  );
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const names = async (app: typeof b, q: string) =>
  (
    (await app.inject({ url: `/api/organisations?q=${encodeURIComponent(q)}` })).json() as {
      items: { name: string }[];
    }
  ).items.map((i) => i.name);

describe('registry read model across servers', () => {
  it('shows a write through server A on server B within a second, and on A at once', async () => {
    expect(await names(b, 'Read Model')).toEqual([]); // B has built its index
    const admin = await signIn(a.app, (await buildUser(a.database, 'admin')).email);
    const created = await a.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin.headers(true),
      payload: { name: 'Read Model Oy', type: 'company' },
    });
    expect(created.statusCode).toBe(201);
    expect(await names(a.app, 'Read Model')).toEqual(['Read Model Oy']);

    const started = Date.now();
    let seen: string[] = [];
    while (Date.now() - started < 1000) {
      seen = await names(b, 'Read Model');
      if (seen.length) break;
      await sleep(20);
    }
    expect(seen).toEqual(['Read Model Oy']);
    expect(Date.now() - started).toBeLessThan(1000);

    await a.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${created.json().id}`,
      headers: admin.headers(true),
      payload: { name: 'Renamed Model Oy' },
    });
    await sleep(VERSION_CHECK_INTERVAL_MS + 50);
    await names(b, 'Renamed Model'); // the first request after the interval checks the version
    expect(await names(b, 'Renamed Model')).toEqual(['Renamed Model Oy']);
  });
});
