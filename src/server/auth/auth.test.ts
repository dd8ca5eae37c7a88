import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  buildUser,
  createTestApp,
  errorCode,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { MAX_FAILED_PER_EMAIL } from './auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets a hardened session cookie', async () => {
    const user = await buildUser(t.database, 'admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: user.email, role: 'admin' },
      csrfToken: expect.any(String),
    });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/kenno_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(response.json().user).not.toHaveProperty('passwordHash');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const user = await buildUser(t.database, 'admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '127.0.0.1',
    });
    // Without KENNO_TRUST_PROXY the forwarded header is ignored, so a plain-HTTP test request is not Secure.
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const user = await buildUser(t.database, 'admin');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password and an unknown e-mail the same way', async () => {
    const user = await buildUser(t.database, 'admin');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ghost@example.org', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe('invalid_credentials');
  });

  it('rate-limits repeated failed sign-ins for one account, even with the right password', async () => {
    const user = await buildUser(t.database, 'member');
    for (let i = 0; i < MAX_FAILED_PER_EMAIL; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: `wrong-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(errorCode(blocked)).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('reports the signed-in user and signs out', async () => {
    const user = await buildUser(t.database, 'coordinator');
    const client = await signIn(t.app, user.email);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: client.headers(false) });
    expect(me.json()).toMatchObject({
      user: { id: user.id, role: 'coordinator', regionId: 'kokkola' },
      csrfToken: client.csrfToken,
    });
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: client.headers(true) });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/session', headers: client.headers(false) });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
  });

  it('does not accept a session id chosen by the client (no fixation)', async () => {
    const user = await buildUser(t.database, 'admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: 'kenno_session=attacker-chosen' },
    });
    const issued = response.cookies.find((c) => c.name === 'kenno_session')!.value;
    expect(issued).not.toBe('attacker-chosen');
    const planted = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: 'kenno_session=attacker-chosen' },
    });
    expect(planted.json().user).toBeNull();
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const user = await buildUser(t.database, 'admin');
    const client = await signIn(t.app, user.email);
    const noHeader = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: client.headers(false),
      payload: { municipality: 'Kokkola' },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(errorCode(noHeader)).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: { cookie: client.cookie, 'x-csrf-token': 'x' },
      payload: { municipality: 'Kokkola' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: client.headers(true),
      payload: { municipality: 'Kokkola' },
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('creates a token that works as Bearer without CSRF, lists it, and stops working once revoked', async () => {
    const user = await buildUser(t.database, 'admin');
    const client = await signIn(t.app, user.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: client.headers(true),
      payload: { name: 'nightly export' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^kenno_pat_/);

    const stored = await t.database.db.execute(sql`select token_hash from api_tokens where id = ${id}`);
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: bearer,
      payload: { municipality: 'Kokkola' },
    });
    expect(write.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer });
    expect(list.json()).toEqual([
      expect.objectContaining({ id, name: 'nightly export', lastUsedAt: expect.any(String) }),
    ]);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: client.headers(true),
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe('unauthenticated');
  });

  it('refuses a malformed Authorization header and visitors creating tokens', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: { authorization: 'Basic abc' },
    });
    expect(bad.statusCode).toBe(401);
    const visitor = await t.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(visitor.statusCode).toBe(401);
  });
});
