import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Account } from './harness.ts';

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export type ApiSend = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** A signed-in JSON sender for a running Kenno (session cookie + CSRF token) that returns any answer. */
export async function signedInSend(baseUrl: string, account: Account): Promise<ApiSend> {
  const signIn = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!signIn.ok) throw new Error(`Signing in as ${account.email} failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    // Fastify refuses an empty body declared as JSON (PUT …/support has none).
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/**
 * A signed-in JSON client for a running Kenno, for tests and scripts that set a scene through
 * the API. Any answer but 2xx throws with the server's text.
 */
export async function signedInApi(baseUrl: string, account: Account): Promise<ApiCall> {
  const send = await signedInSend(baseUrl, account);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await send(method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
}

/**
 * Imports a file through the import API (upload, the suggested column mapping, commit) as the
 * given account, and waits until the import is done.
 */
export async function importFile(
  baseUrl: string,
  account: Account,
  file: string,
  kind: string,
  params: Record<string, string> = {},
): Promise<void> {
  const session = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const form = new FormData();
  form.append('kind', kind);
  if (Object.keys(params).length) form.append('params', JSON.stringify(params));
  form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
  const uploaded = await fetch(`${baseUrl}/api/imports`, { method: 'POST', headers, body: form });
  expect(uploaded.status).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const view = async () =>
    (await (await fetch(`${baseUrl}/api/imports/${id}`, { headers })).json()) as {
      status: string;
      suggestedMapping: Record<string, string>;
    };
  const queued = await fetch(`${baseUrl}/api/imports/${id}/commit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mapping: (await view()).suggestedMapping }),
  });
  expect(queued.status).toBeLessThan(300);
  await expect.poll(async () => (await view()).status, { timeout: 30_000 }).toBe('done');
}
