import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import type { Role } from '../../domain/auth/roles.ts';
import { buildUser, signIn, type TestApp } from '../../../test/support/test-app.ts';

/** Request helpers shared by the sites, services and symbiosis server tests. */
export type Client = Awaited<ReturnType<typeof signIn>>;

export function signedIn(t: TestApp, role: Role, scope: { organisationId?: string; regionId?: string } = {}) {
  return buildUser(t.database, role, scope).then((user) => signIn(t.app, user.email));
}

/** `app` gives the test app once `beforeAll` has made it. */
export function requests(app: () => TestApp) {
  return {
    get: (url: string, client?: Client | null) =>
      app().app.inject({ url, headers: client ? client.headers(false) : {} }),
    send: (method: 'POST' | 'PATCH' | 'DELETE', url: string, client: Client | null, payload?: unknown) =>
      app().app.inject({
        method,
        url,
        headers: client ? client.headers(true) : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}

/** Audit rows of one row, newest first. */
export function auditsOf(t: TestApp, entity: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}
