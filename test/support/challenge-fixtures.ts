import type { LightMyRequestResponse } from 'fastify';
import { createOrganisation } from '../../src/db/queries/organisations.ts';
import type { UserRow } from '../../src/db/queries/users.ts';
import type { Role } from '../../src/domain/auth/roles.ts';
import { buildUser, signIn, type TestApp } from './test-app.ts';

/** A signed-in person for the challenges tests: the user row and their session headers. */
export type Person = { user: UserRow; headers(write: boolean): Record<string, string> };

export async function person(
  t: TestApp,
  role: Role,
  scope: { organisationId?: string; regionId?: string } = {},
): Promise<Person> {
  const user = await buildUser(t.database, role, scope);
  const client = await signIn(t.app, user.email);
  return { user, headers: (write) => client.headers(write) };
}

/** The private Kokkola organisation of the permission matrix. */
export async function createHiddenKokkola(t: TestApp): Promise<void> {
  await createOrganisation(t.database.db, { kind: 'system' } as never, 'hidden-kokkola', {
    name: 'Hidden Kokkola Oy',
    type: 'company',
    regionId: 'kokkola',
    isPublic: false,
  });
}

/** One request as `who` (null: a visitor). */
export function call(
  t: TestApp,
  who: Person | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: who ? who.headers(method !== 'GET') : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

let counter = 0;

/** Submits a challenge and answers its JSON; fails the test unless it was created. */
export async function submitChallenge(
  t: TestApp,
  who: Person,
  fields: Record<string, unknown> = {},
): Promise<{ id: string } & Record<string, unknown>> {
  counter += 1;
  const response = await call(t, who, 'POST', '/api/challenges', {
    title: `Challenge ${counter}`,
    description: `A challenge written for a test (${counter}).`,
    language: 'en',
    ...fields,
  });
  if (response.statusCode !== 201) throw new Error(`submit failed: ${response.statusCode} ${response.body}`);
  return response.json();
}
