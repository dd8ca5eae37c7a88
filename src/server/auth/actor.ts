import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findApiToken, findSession, touchApiToken, API_TOKEN_PREFIX } from '../../db/queries/users.ts';
import { type Actor, VISITOR, type UserActor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'kenno_session';
export const CSRF_HEADER = 'x-csrf-token';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is asking — a Bearer API token, a session cookie, or a visitor — and enforces
 * CSRF protection on writes that ride on the session cookie.
 */
export function registerActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('browserSession', null);

  app.addHook('onRequest', async (request) => {
    request.actor = VISITOR;
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization) {
      request.actor = await actorFromBearer(ctx, authorization);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const found = await findSession(ctx.database.db, token);
    if (!found) return;
    request.actor = toUserActor(found.user, 'session');
    request.browserSession = { token, csrfToken: found.session.csrfToken, user: found.user };
    if (WRITE_METHODS.has(request.method) && !isSignIn(request)) checkCsrf(request, found.session.csrfToken);
  });
}

function isSignIn(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.url.split('?')[0] === '/api/session';
}

async function actorFromBearer(ctx: AppContext, authorization: string): Promise<Actor> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization);
  if (!match || !match[1]!.startsWith(API_TOKEN_PREFIX)) {
    throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <personal API token>"');
  }
  const found = await findApiToken(ctx.database.db, match[1]!);
  if (!found) throw new AppError('unauthenticated', 'The API token is not valid or has been revoked');
  await touchApiToken(ctx.database.db, found.token.id);
  return toUserActor(found.user, 'token');
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !safeEqual(given, expected)) {
    throw new AppError(
      'csrf_failed',
      `Writes with a session cookie need the ${CSRF_HEADER} header from GET /api/session`,
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function toUserActor(
  user: { id: string; role: UserActor['role']; organisationId: string | null; regionId: string | null },
  via: UserActor['via'],
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    regionId: user.regionId,
    via,
  };
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}
