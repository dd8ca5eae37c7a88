import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/create-db.ts';
import { createApiToken, createUser } from '../../src/db/queries/users.ts';
import type { Role, UserActor } from '../../src/domain/auth/roles.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from './test-db.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
};

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ KENNO_LOG_LEVEL: 'silent', KENNO_DATA_DIR: '/nonexistent' });
  const app = await buildApp({ database, config, version: 'test' }, { serveWebApp: false, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let userCounter = 0;

/** A user of the given role; members belong to `organisationId`, coordinators run `regionId`. */
export async function buildUser(
  database: Database,
  role: Role,
  scope: { organisationId?: string; regionId?: string } = {},
) {
  userCounter += 1;
  const email = `${role}-${userCounter}-${process.pid}@example.org`;
  const user = await createUser(
    database.db,
    { kind: 'system' },
    {
      email,
      password: TEST_PASSWORD,
      role,
      organisationId: scope.organisationId ?? (role === 'member' ? 'centria' : null),
      regionId: scope.regionId ?? (role === 'coordinator' ? 'kokkola' : null),
    },
  );
  return user;
}

/** A signed-in browser-like client: session cookie plus CSRF header on writes. */
/** An admin acting through an API token, with no organisation or region (the import tests' uploader). */
export function tokenAdmin(userId: string): UserActor {
  return { kind: 'user', userId, role: 'admin', organisationId: null, regionId: null, via: 'token' };
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kenno_session')!;
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie: `kenno_session=${cookie.value}`,
    csrfToken,
    headers(write: boolean): Record<string, string> {
      return write ? { cookie: this.cookie, 'x-csrf-token': csrfToken } : { cookie: this.cookie };
    },
  };
}

export async function bearerFor(database: Database, userId: string): Promise<string> {
  const { token } = await createApiToken(database.db, { kind: 'cli' }, userId, 'test');
  return token;
}

export function errorCode(response: LightMyRequestResponse): string | undefined {
  try {
    return (response.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
