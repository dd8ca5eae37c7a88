import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Language, Localized } from '../../domain/i18n/localized.ts';
import type { GapAnswer } from '../../domain/skills/gap-cube.ts';
import type { Answer, Instrument, RoundInput, RoundPatch } from '../../domain/skills/survey.ts';
import type { Db } from '../create-db.ts';
import {
  concepts,
  dataVersions,
  emailOutbox,
  organisations,
  regions,
  surveyAnswers,
  surveyRespondents,
  surveyRounds,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

/**
 * Skills intelligence in the database: survey rounds, respondents and their personal links,
 * answers, and what the in-memory gap cube loads. Every write is one transaction with its audit
 * row; `skillsWrite` also returns the `skills` data version before and after, so the server that
 * wrote can bring its cube up to date incrementally (src/server/skills/skills-read-model.ts).
 */

export type RoundRow = typeof surveyRounds.$inferSelect;
export type RespondentRow = typeof surveyRespondents.$inferSelect;
export type AnswerRow = typeof surveyAnswers.$inferSelect;

export const SKILLS_SCOPE = 'skills';

export async function readSkillsVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: dataVersions.version })
    .from(dataVersions)
    .where(eq(dataVersions.scope, SKILLS_SCOPE));
  return Number(row?.version ?? 0);
}

export type VersionedWrite<T> = { result: T; from: number; to: number };

/**
 * Runs a skills write in one transaction, holding the `skills` version row from the start: no
 * other skills write lands between `from` and `to`, so the change from one to the other is
 * exactly this write.
 */
export async function skillsWrite<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<VersionedWrite<T>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ version: dataVersions.version })
      .from(dataVersions)
      .where(eq(dataVersions.scope, SKILLS_SCOPE))
      .for('update');
    const from = Number(row?.version ?? 0);
    const result = await fn(tx);
    return { result, from, to: await readSkillsVersion(tx) };
  });
}

// ── Rounds ──

export async function listRoundRows(db: Db): Promise<RoundRow[]> {
  return db.select().from(surveyRounds).orderBy(asc(surveyRounds.createdAt), asc(surveyRounds.id));
}

export async function findRound(db: Db, id: string): Promise<RoundRow | null> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, id)).limit(1);
  return row ?? null;
}

export async function createRound(tx: Db, actor: Actor, input: RoundInput): Promise<RoundRow> {
  const values = {
    id: randomUUID(),
    title: input.title,
    intro: input.intro ?? { fi: '', sv: '', en: '' },
    regionId: input.regionId,
    status: 'draft' as const,
    instrument: input.instrument,
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt ?? null,
    createdBy: actor.kind === 'user' ? actor.userId : null,
  };
  const [row] = await tx.insert(surveyRounds).values(values).returning();
  await recordAudit(tx, {
    actor,
    action: 'create',
    entity: 'survey_round',
    entityId: values.id,
    changes: values,
  });
  return row!;
}

export async function updateRound(
  tx: Db,
  actor: Actor,
  before: RoundRow,
  patch: Omit<RoundPatch, 'status'> & { status?: RoundRow['status'] },
): Promise<RoundRow> {
  const changes = diffFields(before as unknown as Record<string, unknown>, patch as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await tx
    .update(surveyRounds)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(surveyRounds.id, before.id))
    .returning();
  await recordAudit(tx, { actor, action: 'update', entity: 'survey_round', entityId: before.id, changes });
  return row!;
}

/** Touches the round so that the `skills` version moves (respondents have no trigger of their own). */
async function touchRound(tx: Db, roundId: string): Promise<void> {
  await tx.update(surveyRounds).set({ updatedAt: new Date() }).where(eq(surveyRounds.id, roundId));
}

// ── Respondents ──

export type RespondentListRow = RespondentRow & { organisationName: string };

export async function listRespondents(db: Db, roundId: string): Promise<RespondentListRow[]> {
  const rows = await db
    .select({ respondent: surveyRespondents, organisationName: organisations.name })
    .from(surveyRespondents)
    .innerJoin(organisations, eq(organisations.id, surveyRespondents.organisationId))
    .where(eq(surveyRespondents.roundId, roundId))
    .orderBy(asc(organisations.name), asc(surveyRespondents.createdAt), asc(surveyRespondents.id));
  return rows.map((r) => ({ ...r.respondent, organisationName: r.organisationName }));
}

export async function findRespondent(db: Db, roundId: string, id: string): Promise<RespondentRow | null> {
  const [row] = await db
    .select()
    .from(surveyRespondents)
    .where(and(eq(surveyRespondents.roundId, roundId), eq(surveyRespondents.id, id)))
    .limit(1);
  return row ?? null;
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type NewRespondent = {
  id: string;
  organisationId: string;
  email: string | null;
  language: Language;
  tokenHash: string;
  expiresAt: Date;
  /** The invitation e-mail, when an address is given. */
  mail: { subject: string; body: string } | null;
};

/** Respondents, their hashed tokens and their invitation e-mails, together. */
export async function insertRespondents(
  tx: Db,
  actor: Actor,
  roundId: string,
  respondents: readonly NewRespondent[],
): Promise<void> {
  await tx.insert(surveyRespondents).values(
    respondents.map((r) => ({
      id: r.id,
      roundId,
      organisationId: r.organisationId,
      email: r.email,
      language: r.language,
      tokenHash: r.tokenHash,
      expiresAt: r.expiresAt,
    })),
  );
  const mails = respondents.flatMap((r) =>
    r.mail && r.email ? [{ id: randomUUID(), toAddress: r.email, ...r.mail }] : [],
  );
  if (mails.length) await tx.insert(emailOutbox).values(mails);
  for (const r of respondents) {
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'survey_respondent',
      entityId: r.id,
      changes: {
        roundId,
        organisationId: r.organisationId,
        email: r.email,
        language: r.language,
        expiresAt: r.expiresAt.toISOString(),
        invitationSent: Boolean(r.mail),
      },
    });
  }
}

export async function revokeRespondent(
  tx: Db,
  actor: Actor,
  respondent: RespondentRow,
): Promise<RespondentRow> {
  if (respondent.revokedAt) return respondent;
  const [row] = await tx
    .update(surveyRespondents)
    .set({ revokedAt: new Date() })
    .where(eq(surveyRespondents.id, respondent.id))
    .returning();
  await touchRound(tx, respondent.roundId);
  await recordAudit(tx, {
    actor,
    action: 'revoke',
    entity: 'survey_respondent',
    entityId: respondent.id,
    changes: { roundId: respondent.roundId, organisationId: respondent.organisationId },
  });
  return row!;
}

/** Respondents a reminder goes to: with an address, not submitted, not revoked, not expired. */
export async function respondentsToRemind(db: Db, roundId: string, now: Date) {
  return db
    .select({ respondent: surveyRespondents, organisationName: organisations.name })
    .from(surveyRespondents)
    .innerJoin(organisations, eq(organisations.id, surveyRespondents.organisationId))
    .where(
      and(
        eq(surveyRespondents.roundId, roundId),
        isNotNull(surveyRespondents.email),
        isNull(surveyRespondents.submittedAt),
        isNull(surveyRespondents.revokedAt),
        gt(surveyRespondents.expiresAt, now),
      ),
    )
    .orderBy(asc(surveyRespondents.id));
}

/**
 * A reminder carries a fresh link (only the hash of the old one is stored, so it cannot be sent
 * again): the old link stops working, saved answers stay with the respondent.
 */
export async function recordReminders(
  tx: Db,
  actor: Actor,
  roundId: string,
  reminders: readonly {
    respondentId: string;
    email: string;
    tokenHash: string;
    mail: { subject: string; body: string };
  }[],
  now: Date,
): Promise<void> {
  for (const r of reminders) {
    await tx
      .update(surveyRespondents)
      .set({
        tokenHash: r.tokenHash,
        remindersSent: sql`${surveyRespondents.remindersSent} + 1`,
        lastReminderAt: now,
      })
      .where(eq(surveyRespondents.id, r.respondentId));
  }
  if (reminders.length)
    await tx
      .insert(emailOutbox)
      .values(reminders.map((r) => ({ id: randomUUID(), toAddress: r.email, ...r.mail })));
  await recordAudit(tx, {
    actor,
    action: 'remind',
    entity: 'survey_round',
    entityId: roundId,
    changes: { sent: reminders.length, respondentIds: reminders.map((r) => r.respondentId) },
  });
}

// ── The respondent's own side ──

export type RespondentWithRound = { respondent: RespondentRow; round: RoundRow; organisationName: string };

/** The respondent a token belongs to: looked up by the token's SHA-256, never by the token. */
export async function findRespondentByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<RespondentWithRound | null> {
  const [row] = await db
    .select({ respondent: surveyRespondents, round: surveyRounds, organisationName: organisations.name })
    .from(surveyRespondents)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyRespondents.roundId))
    .innerJoin(organisations, eq(organisations.id, surveyRespondents.organisationId))
    .where(eq(surveyRespondents.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function respondentAnswers(db: Db, respondentId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(surveyAnswers)
    .where(eq(surveyAnswers.respondentId, respondentId))
    .orderBy(asc(surveyAnswers.createdAt), asc(surveyAnswers.id));
}

/**
 * Replaces everything a respondent answered (save and come back later); `submit` marks it
 * submitted. Answering again after submitting keeps it submitted with the new answers.
 */
export async function saveRespondentAnswers(
  tx: Db,
  respondent: RespondentRow,
  answers: readonly Answer[],
  submit: boolean,
): Promise<RespondentRow> {
  const now = new Date();
  const before = await respondentAnswers(tx, respondent.id);
  await tx.delete(surveyAnswers).where(eq(surveyAnswers.respondentId, respondent.id));
  if (answers.length) {
    await tx.insert(surveyAnswers).values(
      answers.map((a, i) => ({
        id: randomUUID(),
        roundId: respondent.roundId,
        respondentId: respondent.id,
        organisationId: respondent.organisationId,
        roleId: a.roleId,
        skillIds: a.skillIds,
        eqfLevel: a.eqfLevel,
        regionId: a.regionId,
        headcountNow: a.headcountNow,
        headcount1to3: a.headcount1to3,
        headcount3to5: a.headcount3to5,
        recruitmentDifficulty: a.recruitmentDifficulty ?? null,
        freeText: a.freeText || null,
        // Keeps the respondent's order.
        createdAt: new Date(now.getTime() + i),
        updatedAt: now,
      })),
    );
  }
  const [row] = await tx
    .update(surveyRespondents)
    .set({ startedAt: respondent.startedAt ?? now, ...(submit ? { submittedAt: now } : {}) })
    .where(eq(surveyRespondents.id, respondent.id))
    .returning();
  await touchRound(tx, respondent.roundId);
  await recordAudit(tx, {
    actor: { kind: 'system' },
    action: submit ? 'submit' : 'save',
    entity: 'survey_answers',
    entityId: respondent.id,
    changes: {
      roundId: respondent.roundId,
      organisationId: respondent.organisationId,
      via: 'survey_link',
      answers: { from: before.length, to: answers.length },
    },
  });
  return row!;
}

// ── What the gap cube loads ──

/** Answers that count (gap-definitions.ts): imported, or submitted through a link not revoked, in rounds past draft. */
const counted = and(
  ne(surveyRounds.status, 'draft'),
  or(
    isNull(surveyAnswers.respondentId),
    and(isNotNull(surveyRespondents.submittedAt), isNull(surveyRespondents.revokedAt)),
  ),
);

const gapColumns = {
  id: surveyAnswers.id,
  roundId: surveyAnswers.roundId,
  employerId: surveyAnswers.organisationId,
  roleId: surveyAnswers.roleId,
  eqfLevel: surveyAnswers.eqfLevel,
  regionId: surveyAnswers.regionId,
  now: surveyAnswers.headcountNow,
  in1to3: surveyAnswers.headcount1to3,
  in3to5: surveyAnswers.headcount3to5,
};

export type RoundGapAnswer = GapAnswer & { roundId: string };

/** Every counted answer, in pages (a million rows do not fit one result comfortably). */
export async function* countedAnswers(db: Db, pageSize = 250_000): AsyncGenerator<RoundGapAnswer[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select(gapColumns)
      .from(surveyAnswers)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyAnswers.roundId))
      .leftJoin(surveyRespondents, eq(surveyRespondents.id, surveyAnswers.respondentId))
      .where(and(counted, gt(surveyAnswers.id, after)))
      .orderBy(asc(surveyAnswers.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

/** One employer's counted answers in one round: what its cube cells are after a write. */
export async function countedAnswersOf(
  db: Db,
  roundId: string,
  organisationId: string,
): Promise<GapAnswer[]> {
  return db
    .select(gapColumns)
    .from(surveyAnswers)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyAnswers.roundId))
    .leftJoin(surveyRespondents, eq(surveyRespondents.id, surveyAnswers.respondentId))
    .where(
      and(counted, eq(surveyAnswers.roundId, roundId), eq(surveyAnswers.organisationId, organisationId)),
    );
}

export async function regionIdsInOrder(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: regions.id })
    .from(regions)
    .orderBy(asc(regions.sortOrder), asc(regions.id));
  return rows.map((r) => r.id);
}

// ── Concepts the instrument names ──

export type ConceptLabel = {
  id: string;
  scheme: string;
  labels: Localized;
  notation: string | null;
  parentId: string | null;
};

export async function conceptLabels(db: Db, ids: readonly string[]): Promise<Map<string, ConceptLabel>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, ConceptLabel>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select({
        id: concepts.id,
        scheme: concepts.scheme,
        labels: concepts.labels,
        notation: concepts.notation,
        parentId: concepts.parentId,
      })
      .from(concepts)
      .where(inArray(concepts.id, unique.slice(i, i + 500)));
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** Job roles: the battery job roles and ESCO occupations. */
export const ROLE_SCHEMES = ['battery-job-roles', 'esco-occupations'];

/** Roles, skills and levels an instrument names must exist: a problem per unknown id. */
export async function checkInstrumentConcepts(
  db: Db,
  instrument: Pick<Instrument, 'roleIds' | 'skillIds'>,
  path: string[] = ['instrument'],
): Promise<{ path: (string | number)[]; message: string }[]> {
  const found = await conceptLabels(db, [...instrument.roleIds, ...instrument.skillIds]);
  const problems: { path: (string | number)[]; message: string }[] = [];
  instrument.roleIds.forEach((id, i) => {
    const c = found.get(id);
    if (!c || !ROLE_SCHEMES.includes(c.scheme))
      problems.push({
        path: [...path, 'roleIds', i],
        message: `"${id}" is not a job role or ESCO occupation`,
      });
  });
  instrument.skillIds.forEach((id, i) => {
    if (!found.has(id))
      problems.push({ path: [...path, 'skillIds', i], message: `"${id}" is not a concept` });
  });
  return problems;
}

export function requireFound<T>(row: T | null | undefined, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

export function conflict(message: string, details?: unknown): AppError {
  return new AppError('conflict', message, details);
}
