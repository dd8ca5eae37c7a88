import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../domain/auth/roles.ts';
import type { ChallengeStatus } from '../../domain/challenges/challenge.ts';
import { mergeProblem, planMerge } from '../../domain/challenges/merge.ts';
import type { ChallengeVisibility } from '../../domain/challenges/visibility.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { hasSearchableWords, parseSearchText } from '../../domain/registry/organisation-search.ts';
import type { Db } from '../create-db.ts';
import {
  challengeComments,
  challengeFollows,
  challengeHistory,
  challengeSupports,
  challenges,
  organisations,
  users,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import { notifyChallenge } from './notifications.ts';

export type ChallengeRow = typeof challenges.$inferSelect;
export type ChallengeValues = Omit<ChallengeRow, 'createdAt' | 'updatedAt' | 'mergedIntoId' | 'status'>;
/** What an edit may change (the route decides it from the locked row). */
export type ChallengeChanges = Partial<
  Pick<
    ChallengeRow,
    | 'title'
    | 'description'
    | 'language'
    | 'regionId'
    | 'organisationId'
    | 'conceptIds'
    | 'suggestedConceptIds'
    | 'trlNow'
    | 'trlWanted'
    | 'horizon'
    | 'isPublic'
    | 'status'
  >
>;

const supportCount = sql<number>`(select count(*)::int from ${challengeSupports}
  where ${challengeSupports.challengeId} = ${challenges.id})`;
const commentCount = sql<number>`(select count(*)::int from ${challengeComments}
  where ${challengeComments.challengeId} = ${challenges.id})`;

/** A challenge with what its summary shows beside its own columns. */
export const summaryColumns = {
  ...getTableColumns(challenges),
  organisationName: organisations.name,
  supportCount,
  commentCount,
};
export type ChallengeSummaryRow = ChallengeRow & {
  organisationName: string | null;
  supportCount: number;
  commentCount: number;
};

/** challengeVisibility (src/domain/challenges/visibility.ts) as SQL. */
export function visibleTo(v: ChallengeVisibility): SQL | undefined {
  if (v.all) return undefined;
  return or(
    eq(challenges.isPublic, true),
    v.userId ? eq(challenges.createdBy, v.userId) : undefined,
    v.organisationId ? eq(challenges.organisationId, v.organisationId) : undefined,
    v.regionId ? eq(challenges.regionId, v.regionId) : undefined,
  );
}

const SEARCH_CONFIGS = ['finnish', 'swedish', 'english', 'simple'] as const;

/**
 * The search box as a tsquery against `challenges.search_vector`, which is stemmed in each
 * challenge's own language: the text is stemmed in all three languages (OR), and its last word
 * is also a prefix, so a word being typed already matches.
 */
function challengeTsQuery(raw: string): SQL | null {
  const search = parseSearchText(raw);
  if (!hasSearchableWords(search)) return null;
  const parts = SEARCH_CONFIGS.flatMap((name) => {
    const cfg = sql.raw(`'${name}'::regconfig`);
    const whole = sql`websearch_to_tsquery(${cfg}, ${search.text})`;
    if (!search.prefix) return [whole];
    const prefix = sql`to_tsquery(${cfg}, ${`${search.prefix}:*`})`;
    return [whole, search.head ? sql`(websearch_to_tsquery(${cfg}, ${search.head}) && ${prefix})` : prefix];
  });
  return sql`(${sql.join(parts, sql` || `)})`;
}

export type ChallengeFilter = {
  q?: string;
  regionId?: string;
  conceptId?: string;
  status?: ChallengeStatus;
  language?: string;
  organisationId?: string;
};

/** The filters of the list and the ranking; merged challenges only when asked for. */
export function challengeConditions(v: ChallengeVisibility, f: ChallengeFilter): SQL | undefined {
  const tsq = f.q ? challengeTsQuery(f.q) : null;
  return and(
    visibleTo(v),
    f.status ? eq(challenges.status, f.status) : ne(challenges.status, 'merged'),
    f.regionId ? eq(challenges.regionId, f.regionId) : undefined,
    f.language ? eq(challenges.language, f.language as ChallengeRow['language']) : undefined,
    f.organisationId ? eq(challenges.organisationId, f.organisationId) : undefined,
    // A concept finds its narrower concepts too (value-chain ids are dotted paths).
    f.conceptId
      ? sql`exists (select 1 from unnest(${challenges.conceptIds}) c
          where c = ${f.conceptId} or starts_with(c, ${`${f.conceptId}.`}))`
      : undefined,
    f.q ? (tsq ? sql`challenges.search_vector @@ ${tsq}` : sql`false`) : undefined,
  );
}

export async function listChallenges(
  db: Db,
  v: ChallengeVisibility,
  f: ChallengeFilter & { sort?: 'newest' | 'supports'; limit: number; offset: number },
): Promise<{ rows: ChallengeSummaryRow[]; total: number }> {
  const where = challengeConditions(v, f);
  const tsq = f.q ? challengeTsQuery(f.q) : null;
  // Sorting by supports counts them once for all rows (a join), not row by row.
  const totals = db
    .select({ challengeId: challengeSupports.challengeId, n: count().as('n') })
    .from(challengeSupports)
    .groupBy(challengeSupports.challengeId)
    .as('support_totals');
  const order =
    f.sort === 'supports'
      ? [desc(sql`coalesce(${totals.n}, 0)`), desc(challenges.createdAt)]
      : f.sort === undefined && tsq
        ? [desc(sql`ts_rank(challenges.search_vector, ${tsq})`), desc(challenges.createdAt)]
        : [desc(challenges.createdAt)];
  let query = db
    .select(summaryColumns)
    .from(challenges)
    .leftJoin(organisations, eq(organisations.id, challenges.organisationId))
    .$dynamic();
  if (f.sort === 'supports') query = query.leftJoin(totals, eq(totals.challengeId, challenges.id));
  const [rows, [total]] = await Promise.all([
    query
      .where(where)
      .orderBy(...order, asc(challenges.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(challenges).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findChallenge(db: Db, id: string) {
  const [row] = await db
    .select({ ...summaryColumns, createdByName: users.displayName })
    .from(challenges)
    .leftJoin(organisations, eq(organisations.id, challenges.organisationId))
    .leftJoin(users, eq(users.id, challenges.createdBy))
    .where(eq(challenges.id, id))
    .limit(1);
  return row ?? null;
}

export async function findChallengeSummaries(db: Db, ids: string[]): Promise<ChallengeSummaryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(challenges)
    .leftJoin(organisations, eq(organisations.id, challenges.organisationId))
    .where(inArray(challenges.id, ids))
    .orderBy(asc(challenges.createdAt), asc(challenges.id));
}

/** Every challenge merged into `id`, directly or through another merged one. */
export async function loadMergedInto(db: Db, id: string): Promise<ChallengeRow[]> {
  const tree = sql`(with recursive tree(id) as (
      select c.id from challenges c where c.merged_into_id = ${id}
      union
      select c.id from challenges c join tree t on c.merged_into_id = t.id)
    select id from tree)`;
  return db
    .select()
    .from(challenges)
    .where(sql`${challenges.id} in ${tree}`)
    .orderBy(asc(challenges.createdAt), asc(challenges.id));
}

export async function loadHistory(db: Db, challengeIds: string[]) {
  return db
    .select({
      challengeId: challengeHistory.challengeId,
      at: challengeHistory.at,
      event: challengeHistory.event,
      details: challengeHistory.details,
      actorName: users.displayName,
    })
    .from(challengeHistory)
    .leftJoin(users, eq(users.id, challengeHistory.actorUserId))
    .where(inArray(challengeHistory.challengeId, challengeIds))
    .orderBy(asc(challengeHistory.at), asc(challengeHistory.event), asc(challengeHistory.id));
}

export async function loadEngagement(db: Db, challengeId: string, userId: string | null) {
  if (!userId) return { supportedByMe: false, followedByMe: false };
  const mine = (table: typeof challengeSupports | typeof challengeFollows) =>
    sql`exists (select 1 from ${table} where challenge_id = ${challengeId} and user_id = ${userId})`;
  const result = await db.execute(
    sql`select ${mine(challengeSupports)} as supported, ${mine(challengeFollows)} as followed`,
  );
  const [row] = (result as unknown as { rows: { supported: boolean; followed: boolean }[] }).rows;
  return { supportedByMe: row?.supported === true, followedByMe: row?.followed === true };
}

// ── Writes: each in one transaction with its history row(s), audit row and notifications ──

export async function addHistory(
  tx: Db,
  challengeId: string,
  actor: Actor,
  event: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(challengeHistory).values({
    id: randomUUID(),
    challengeId,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    event,
    details,
  });
}

/** The challenge row locked for this transaction; `check` decides (permissions, state) on it. */
export async function lockChallenge(
  tx: Db,
  id: string,
  check: (row: ChallengeRow) => void,
  mode: 'update' | 'share' = 'update',
): Promise<ChallengeRow> {
  const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for(mode);
  if (!row) throw notFound('Challenge');
  check(row);
  return row;
}

export async function createChallenge(
  db: Db,
  actor: UserActor,
  values: ChallengeValues,
): Promise<ChallengeRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(challenges).values(values).returning();
    await addHistory(tx, values.id, actor, 'created', { status: 'new' });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'challenge',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

/**
 * Changes a challenge. `decide` sees the locked row and returns the changes (or throws). A
 * status change is its own history event and notifies the followers.
 */
export async function updateChallenge(
  db: Db,
  actor: UserActor,
  id: string,
  decide: (before: ChallengeRow) => ChallengeChanges,
): Promise<ChallengeRow> {
  return db.transaction(async (tx) => {
    let changes: ChallengeChanges = {};
    const before = await lockChallenge(tx, id, (row) => {
      changes = decide(row);
    });
    const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
    if (Object.keys(diff).length === 0) return before;
    const [row] = await tx
      .update(challenges)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(challenges.id, id))
      .returning();
    const { status, ...edited } = diff;
    // History names the fields that changed; their texts stay in the row and the audit log.
    if (Object.keys(edited).length)
      await addHistory(tx, id, actor, 'edited', { fields: Object.keys(edited) });
    if (status) {
      await addHistory(tx, id, actor, 'status_changed', { from: status.from, to: status.to });
      await notifyChallenge(tx, {
        challenge: row!,
        actorUserId: actor.userId,
        event: {
          kind: 'challenge_status',
          from: status.from as ChallengeStatus,
          to: status.to as ChallengeStatus,
        },
      });
    }
    await recordAudit(tx, { actor, action: 'update', entity: 'challenge', entityId: id, changes: diff });
    return row!;
  });
}

export async function deleteChallenge(
  db: Db,
  actor: UserActor,
  id: string,
  check: (row: ChallengeRow) => void,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockChallenge(tx, id, check);
    const [merged] = await tx.select({ n: count() }).from(challenges).where(eq(challenges.mergedIntoId, id));
    if (Number(merged?.n) > 0)
      throw new AppError('conflict', 'Other challenges were merged into this one; it cannot be removed');
    await tx.delete(challenges).where(eq(challenges.id, id));
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'challenge',
      entityId: id,
      changes: { title: row.title, status: row.status },
    });
  });
}

/**
 * Merges `sourceId` into `targetId`: supporters and followers the target lacks move over (with
 * the date they joined), the comments move, the source keeps its row and history as merged.
 * `check` sees both locked rows (permissions; the target may not exist). Answers the target.
 */
export async function mergeChallenges(
  db: Db,
  actor: UserActor,
  sourceId: string,
  targetId: string,
  check: (source: ChallengeRow, target: ChallengeRow | null) => void,
): Promise<ChallengeRow> {
  return db.transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const rows = await tx
      .select()
      .from(challenges)
      .where(inArray(challenges.id, [sourceId, targetId]))
      .orderBy(asc(challenges.id))
      .for('update');
    const source = rows.find((r) => r.id === sourceId);
    const target = rows.find((r) => r.id === targetId);
    if (!source) throw notFound('Challenge');
    check(source, target ?? null);
    if (!target) throw notFound('Challenge');
    const problem = mergeProblem(source, target);
    if (problem) throw new AppError('conflict', problem);

    const people = async (table: typeof challengeSupports | typeof challengeFollows, challengeId: string) =>
      (await tx.select({ userId: table.userId }).from(table).where(eq(table.challengeId, challengeId))).map(
        (r) => r.userId,
      );
    const plan = planMerge(
      {
        supporters: await people(challengeSupports, sourceId),
        followers: await people(challengeFollows, sourceId),
      },
      {
        supporters: await people(challengeSupports, targetId),
        followers: await people(challengeFollows, targetId),
      },
    );
    for (const [table, userIds] of [
      [challengeSupports, plan.supporters],
      [challengeFollows, plan.followers],
    ] as const) {
      if (userIds.length)
        await tx.execute(sql`insert into ${table} (challenge_id, user_id, created_at)
          select ${targetId}, user_id, created_at from ${table}
          where challenge_id = ${sourceId} and user_id = any(${sql.param(userIds)}::text[])`);
      await tx.delete(table).where(eq(table.challengeId, sourceId));
    }
    const movedComments = await tx
      .update(challengeComments)
      .set({ challengeId: targetId })
      .where(eq(challengeComments.challengeId, sourceId))
      .returning({ id: challengeComments.id });
    const now = new Date();
    await tx
      .update(challenges)
      .set({ status: 'merged', mergedIntoId: targetId, updatedAt: now })
      .where(eq(challenges.id, sourceId));
    const [survivor] = await tx
      .update(challenges)
      .set({ updatedAt: now })
      .where(eq(challenges.id, targetId))
      .returning();

    const moved = {
      supporters: plan.supporters.length,
      followers: plan.followers.length,
      comments: movedComments.length,
    };
    await addHistory(tx, sourceId, actor, 'merged_into', {
      targetId,
      targetTitle: target.title,
      from: source.status,
    });
    await addHistory(tx, targetId, actor, 'merged_from', { sourceId, sourceTitle: source.title, moved });
    await recordAudit(tx, {
      actor,
      action: 'merge',
      entity: 'challenge',
      entityId: sourceId,
      changes: { targetId, from: source.status, moved },
    });
    // The target's followers now include the source's; the source's author hears it too.
    await notifyChallenge(tx, {
      challenge: survivor!,
      about: source,
      alsoUserIds: [source.createdBy],
      actorUserId: actor.userId,
      event: { kind: 'challenge_merged', targetId, targetTitle: target.title },
    });
    return survivor!;
  });
}
