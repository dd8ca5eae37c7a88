import type { UserRow } from '../../src/db/queries/users.ts';
import type { TestApp } from './test-app.ts';

/**
 * The callers of the permission matrix (src/server/permissions.test.ts).
 * `centria` is a public Kokkola organisation; `hidden-kokkola` a private one; `uef` is in Kuopio.
 * A row the caller may not read answers 404 (its existence is not revealed).
 */
export type Who =
  | 'visitor'
  | 'memberCentria'
  | 'memberHidden'
  | 'memberUef'
  | 'coordKokkola'
  | 'coordVaasa'
  | 'admin'
  | 'adminToken';

export const EVERYONE: Who[] = [
  'visitor',
  'memberCentria',
  'memberHidden',
  'memberUef',
  'coordKokkola',
  'coordVaasa',
  'admin',
  'adminToken',
];

/** One request tried as every caller. `:fresh` in `url` is replaced by `fresh(who)`'s id. */
export type Case = {
  method: string;
  url: string;
  /** The route pattern as registered, e.g. /api/challenges/:id. */
  route: string;
  body?: (who: Who) => unknown;
  /** Creates a new row for each caller (for deletes and one-shot writes); returns its id. */
  fresh?: (who: Who, fixture: MatrixFixture) => Promise<string>;
  expect: Record<Who, number>;
};

/** What a module's setup and fresh rows may use: the app and the signed-in users. */
export type MatrixFixture = { t: TestApp; users: Record<Exclude<Who, 'visitor' | 'adminToken'>, UserRow> };

/** A module's part of the matrix: rows it needs, then its cases. */
export type ModuleMatrix = { name: string; setup?: (fixture: MatrixFixture) => Promise<void>; cases: Case[] };

export const all = (status: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  ...(Object.fromEntries(EVERYONE.map((w) => [w, status])) as Record<Who, number>),
  ...overrides,
});

export const signedIn = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  all(status, { visitor: 401, ...overrides });
