import type { Account } from './harness.ts';

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * A signed-in JSON client for a running Kenno (session cookie + CSRF token), for tests and
 * scripts that set a scene through the API. Any answer but 2xx throws with the server's text.
 */
export async function signedInApi(baseUrl: string, account: Account): Promise<ApiCall> {
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
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    // Fastify refuses an empty body declared as JSON (PUT …/support has none).
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
