import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Actor, type Role, roleScopeProblem } from '../../domain/auth/roles.ts';
import { generateSecret, hashPassword, hashSecret, normaliseEmail } from '../../domain/auth/secrets.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import { apiTokens, loginAttempts, organisations, regions, sessions, users } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

export type UserRow = typeof users.$inferSelect;

export type NewUser = {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
  organisationId?: string | null;
  regionId?: string | null;
};

export async function createUser(
  db: Db,
  actor: Actor | { kind: 'cli' } | { kind: 'system' },
  input: NewUser,
) {
  const email = normaliseEmail(input.email);
  const organisationId = input.organisationId ?? null;
  const regionId = input.regionId ?? null;
  const scopeProblem = roleScopeProblem(input.role, organisationId, regionId);
  if (scopeProblem) throw new AppError('validation_failed', scopeProblem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (organisationId) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!org) throw new AppError('validation_failed', `No organisation with id "${organisationId}"`);
    }
    if (regionId) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
      if (!region) throw new AppError('validation_failed', `No region with id "${regionId}"`);
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new AppError('conflict', `A user with e-mail ${email} already exists`);
    const id = randomUUID();
    const [row] = await tx
      .insert(users)
      .values({
        id,
        email,
        displayName: input.displayName?.trim() || email.split('@')[0]!,
        passwordHash,
        role: input.role,
        organisationId,
        regionId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: id,
      changes: { email, role: input.role, organisationId, regionId },
    });
    return row!;
  });
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row ?? null;
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, 'admin'));
  return row?.n ?? 0;
}

// --- sessions --------------------------------------------------------------------------

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Db, user: UserRow, ip: string) {
  const token = generateSecret();
  const csrfToken = generateSecret();
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: hashSecret(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    await tx.insert(loginAttempts).values({ email: user.email, ip, success: true });
    await recordAudit(tx, {
      actor: {
        kind: 'user',
        userId: user.id,
        role: user.role,
        organisationId: user.organisationId,
        regionId: user.regionId,
        via: 'session',
      },
      action: 'sign_in',
      entity: 'session',
      entityId: user.id,
    });
  });
  return { token, csrfToken };
}

export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
    await recordAudit(tx, {
      actor,
      action: 'sign_out',
      entity: 'session',
      entityId: actor.kind === 'user' ? actor.userId : null,
    });
  });
}

// --- login rate limit ------------------------------------------------------------------

export async function recordFailedLogin(db: Db, email: string, ip: string): Promise<void> {
  await db.insert(loginAttempts).values({ email: normaliseEmail(email), ip, success: false });
}

/** Failed attempts in the window, per e-mail and per client address. */
export async function recentFailedLogins(db: Db, email: string, ip: string, windowMs: number) {
  const since = new Date(Date.now() - windowMs);
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${normaliseEmail(email)})::int`,
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}

// --- personal API tokens ---------------------------------------------------------------

export const API_TOKEN_PREFIX = 'kenno_pat_';

export async function createApiToken(db: Db, actor: Actor | { kind: 'cli' }, userId: string, name: string) {
  const token = generateSecret(API_TOKEN_PREFIX);
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({ id, userId, name, tokenHash: hashSecret(token) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'api_token',
      entityId: id,
      changes: { name, userId },
    });
    return inserted!;
  });
  return { row, token };
}

export async function findApiToken(db: Db, token: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, actor: Actor, userId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (rows.length === 0) return false;
    await recordAudit(tx, { actor, action: 'revoke', entity: 'api_token', entityId: id });
    return true;
  });
}
