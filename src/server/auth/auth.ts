import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createApiToken,
  createSession,
  deleteSession,
  findUserByEmail,
  listApiTokens,
  recentFailedLogins,
  recordFailedLogin,
  revokeApiToken,
  SESSION_TTL_MS,
  type UserRow,
} from '../../db/queries/users.ts';
import { dummyPasswordHash, verifyPassword } from '../../domain/auth/secrets.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/create-db.ts';
import type { AppContext } from '../context.ts';
import { requireUser, SESSION_COOKIE } from './actor.ts';
import {
  CreatedTokenSchema,
  CreateTokenSchema,
  SessionSchema,
  SignInSchema,
  TokenIdParamsSchema,
  TokenSchema,
  type User,
} from './schema.ts';

/** Login rate limit: failed attempts per e-mail and per client address in a sliding window. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_PER_EMAIL = 5;
export const MAX_FAILED_PER_IP = 30;

/**
 * The password check of sign-in and of anything else that asks for the password again (erasing
 * an account): rate-limited per e-mail and per address, every failure recorded, and the same
 * work whether or not the e-mail exists.
 */
export async function checkPassword(db: Db, email: string, password: string, ip: string): Promise<UserRow> {
  const failures = await recentFailedLogins(db, email, ip, LOGIN_WINDOW_MS);
  if (failures.byEmail >= MAX_FAILED_PER_EMAIL || failures.byIp >= MAX_FAILED_PER_IP) {
    throw new AppError('rate_limited', 'Too many failed sign-ins; wait 15 minutes and try again', {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000,
    });
  }
  const user = await findUserByEmail(db, email);
  const ok = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password);
  if (!user || !ok) {
    await recordFailedLogin(db, email, ip);
    throw new AppError('invalid_credentials', 'The e-mail or password is wrong');
  }
  return user;
}

export function presentUser(user: UserRow): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    regionId: user.regionId,
  };
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/session', {
    schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: SessionSchema } },
    handler: async (request) => {
      const session = request.browserSession;
      return session
        ? { user: presentUser(session.user), csrfToken: session.csrfToken }
        : { user: null, csrfToken: null };
    },
  });

  r.post('/api/session', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in (sets an HTTP-only session cookie)',
      body: SignInSchema,
      response: { 200: SessionSchema },
    },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const user = await checkPassword(db, email, password, request.ip);
      const session = await createSession(db, user, request.ip);
      setSessionCookie(reply, session.token);
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  });

  r.delete('/api/session', {
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.browserSession) await deleteSession(db, request.actor, request.browserSession.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/tokens', {
    schema: {
      tags: ['auth'],
      summary: 'Create a personal API token (shown once)',
      body: CreateTokenSchema,
      response: { 201: CreatedTokenSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const { row, token } = await createApiToken(db, actor, actor.userId, request.body.name);
      return reply
        .status(201)
        .send({ id: row.id, name: row.name, token, createdAt: row.createdAt.toISOString() });
    },
  });

  r.get('/api/tokens', {
    schema: { tags: ['auth'], summary: 'My personal API tokens', response: { 200: z.array(TokenSchema) } },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const rows = await listApiTokens(db, actor.userId);
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      }));
    },
  });

  r.delete('/api/tokens/:id', {
    schema: {
      tags: ['auth'],
      summary: 'Revoke one of my API tokens',
      params: TokenIdParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!(await revokeApiToken(db, actor, actor.userId, request.params.id))) throw notFound('Token');
      return reply.status(204).send(null);
    },
  });
}

function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request reached Kenno over TLS (directly or, with KENNO_TRUST_PROXY, via a proxy).
    secure: 'auto',
    maxAge: SESSION_TTL_MS / 1000,
  });
}
