import type { Config } from '../config.ts';
import type { Database } from '../db/create-db.ts';
import type { UserRow } from '../db/queries/users.ts';
import type { Actor } from '../domain/auth/roles.ts';

/** What every route gets: the database (passed in, never global) and the configuration. */
export type AppContext = { database: Database; config: Config; version: string };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the request came with a valid browser session cookie. */
    browserSession: { token: string; csrfToken: string; user: UserRow } | null;
  }
}
