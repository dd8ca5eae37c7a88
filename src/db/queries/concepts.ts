import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { ImportKindDefinition, ImportSummary, RowError } from '../../domain/imports/import-kind.ts';
import type { Language } from '../../domain/i18n/localized.ts';
import { escoLanguageFromFileName, toKennoLanguage } from '../../domain/taxonomy/esco/esco-csv.ts';
import {
  type EscoImportContext,
  escoBroaderRelationsKind,
  escoOccupationSkillsKind,
  escoOccupationsKind,
  escoSkillsKind,
} from '../../domain/taxonomy/esco/esco-kinds.ts';
import {
  ESCO_SCHEME,
  ESCO_SCHEME_RECORDS,
  escoConceptId,
  mergeEscoConcept,
  planEscoBroader,
  planEscoOccupationSkills,
} from '../../domain/taxonomy/esco/esco-merge.ts';
import type {
  EscoBroaderRow,
  EscoConceptRow,
  EscoOccupationSkillRow,
} from '../../domain/taxonomy/esco/esco-records.ts';
import { applyConceptPatch, type ConceptPatch } from '../../domain/taxonomy/schemes/concept-edit.ts';
import {
  type ConceptRecord,
  type ConceptRelation,
  computeLevels,
  diffConceptRecords,
  escoUrisIn,
  parentProblem,
} from '../../domain/taxonomy/schemes/concept-record.ts';
import type { SchemeRecord } from '../../domain/taxonomy/schemes/scheme-file.ts';
import type { Db } from '../create-db.ts';
import {
  conceptHistory,
  conceptRelations,
  conceptSchemes,
  concepts,
  imports,
  organisationCompetences,
  users,
} from '../schema/index.ts';
import { type AuditEntry, recordAudit } from './audit.ts';

export type ConceptRow = typeof concepts.$inferSelect;
export type ConceptSchemeRow = typeof conceptSchemes.$inferSelect;
type Writer = AuditEntry['actor'];

/** The scheme of the battery job roles (data/taxonomy/schemes/battery-job-roles.json). */
export const JOB_ROLE_SCHEME = 'battery-job-roles';

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toConceptRecord(row: ConceptRow): ConceptRecord {
  return {
    id: row.id,
    scheme: row.scheme,
    parentId: row.parentId,
    level: row.level,
    labels: row.labels,
    altLabels: row.altLabels,
    description: row.description,
    notation: row.notation,
    uri: row.uri,
    sources: row.sources,
    sortOrder: row.sortOrder,
  };
}

function actorUserId(actor: Writer): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

// ─── Reading ──────────────────────────────────────────────────────────────────────────────

export type ConceptFilter = {
  scheme?: string;
  q?: string;
  /** Ranks and sorts by this language's label; the search itself covers all three. */
  lang?: Language;
  /** Only the narrower concepts of this concept. */
  parent?: string;
  limit?: number;
  offset?: number;
};

/** `%` and `_` typed by a person are literal characters, not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Labels and alternative labels in fi, sv and en, and the notation, as one searchable text. */
const searchableText = sql`(coalesce(${concepts.labels}->>'fi', '') || ' ' || coalesce(${concepts.labels}->>'sv', '') || ' ' || coalesce(${concepts.labels}->>'en', '') || ' ' || jsonb_path_query_array(${concepts.altLabels}, '$.*[*]')::text || ' ' || coalesce(${concepts.notation}, ''))`;

function conceptConditions(filter: ConceptFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.scheme) conditions.push(eq(concepts.scheme, filter.scheme));
  if (filter.parent) conditions.push(eq(concepts.parentId, filter.parent));
  const q = filter.q?.trim();
  if (q) conditions.push(sql`${searchableText} ilike ${`%${escapeLike(q)}%`}`);
  return conditions.length ? and(...conditions) : undefined;
}

function labelIn(lang: Language) {
  return sql`(${concepts.labels}->>${sql.raw(`'${lang}'`)})`;
}

/** Concepts in the scheme's own order (every one unless `limit` is given). */
export async function listConcepts(db: Db, filter: ConceptFilter): Promise<ConceptRow[]> {
  const query = db
    .select()
    .from(concepts)
    .where(conceptConditions(filter))
    .orderBy(asc(concepts.scheme), asc(concepts.sortOrder), asc(concepts.id));
  if (filter.limit !== undefined) return query.limit(filter.limit).offset(filter.offset ?? 0);
  return query;
}

/**
 * One page of concepts and the total. With `q`, a label that equals or starts with the words
 * (in the `lang` language) ranks first; big schemes (ESCO skills) are sorted by label.
 */
export async function searchConcepts(
  db: Db,
  filter: ConceptFilter & { limit: number; offset: number },
): Promise<{ rows: ConceptRow[]; total: number }> {
  const lang = filter.lang ?? 'en';
  const label = labelIn(lang);
  const q = filter.q?.trim().toLocaleLowerCase() ?? '';
  const rank = q
    ? [
        asc(
          sql`case when lower(${label}) = ${q} then 0 when lower(${label}) like ${`${escapeLike(q)}%`} then 1 when lower(${label}) like ${`%${escapeLike(q)}%`} then 2 else 3 end`,
        ),
      ]
    : [];
  const rows = await db
    .select({ concept: concepts, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(concepts)
    .where(conceptConditions(filter))
    .orderBy(
      asc(concepts.scheme),
      ...rank,
      asc(concepts.sortOrder),
      asc(sql`lower(${label})`),
      asc(concepts.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && filter.offset > 0) {
    const [counted] = await db.select({ n: count() }).from(concepts).where(conceptConditions(filter));
    total = Number(counted?.n ?? 0);
  }
  return { rows: rows.map((r) => r.concept), total };
}

export async function existingConceptIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: concepts.id })
    .from(concepts)
    .where(sql`${concepts.id} = any(${sql.param(ids)}::text[])`);
  return new Set(rows.map((r) => r.id));
}

export async function listConceptSchemes(db: Db) {
  return db
    .select({
      scheme: conceptSchemes,
      // Qualified by hand: inside a subquery drizzle would leave the outer column unqualified.
      conceptCount:
        sql<number>`(select count(*) from concepts c where c.scheme = "concept_schemes"."id")`.mapWith(
          Number,
        ),
    })
    .from(conceptSchemes)
    .orderBy(asc(conceptSchemes.sortOrder), asc(conceptSchemes.id));
}

export async function findConceptScheme(db: Db, id: string): Promise<ConceptSchemeRow | undefined> {
  const [row] = await db.select().from(conceptSchemes).where(eq(conceptSchemes.id, id));
  return row;
}

export async function findConcept(db: Db, id: string): Promise<ConceptRow | undefined> {
  const [row] = await db.select().from(concepts).where(eq(concepts.id, id));
  return row;
}

/** A short reference to another concept, for parent, children and relations. */
const conceptRef = {
  id: concepts.id,
  scheme: concepts.scheme,
  labels: concepts.labels,
  notation: concepts.notation,
  uri: concepts.uri,
};

/** Relations listed per direction on a concept page; the totals say how many there are. */
export const RELATION_PAGE = 500;

export async function getConceptDetail(db: Db, id: string) {
  const concept = await findConcept(db, id);
  if (!concept) return null;
  const [parent] = concept.parentId
    ? await db.select(conceptRef).from(concepts).where(eq(concepts.id, concept.parentId))
    : [];
  const children = await db
    .select(conceptRef)
    .from(concepts)
    .where(eq(concepts.parentId, id))
    .orderBy(asc(concepts.sortOrder), asc(sql`lower(${concepts.labels}->>'en')`), asc(concepts.id))
    .limit(1000);
  const relation = (direction: 'out' | 'in') => {
    const self = direction === 'out' ? conceptRelations.fromId : conceptRelations.toId;
    const other = direction === 'out' ? conceptRelations.toId : conceptRelations.fromId;
    return db
      .select({
        kind: conceptRelations.kind,
        concept: conceptRef,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(conceptRelations)
      .innerJoin(concepts, eq(concepts.id, other))
      .where(eq(self, id))
      .orderBy(
        asc(conceptRelations.kind),
        asc(concepts.scheme),
        asc(sql`lower(${concepts.labels}->>'en')`),
        asc(concepts.id),
      )
      .limit(RELATION_PAGE);
  };
  const [outgoing, incoming] = [await relation('out'), await relation('in')];
  const scheme = await findConceptScheme(db, concept.scheme);
  return {
    concept,
    scheme: scheme ?? null,
    parent: parent ?? null,
    children,
    outgoing: outgoing.map(({ kind, concept }) => ({ kind, concept })),
    incoming: incoming.map(({ kind, concept }) => ({ kind, concept })),
    outgoingTotal: outgoing[0]?.total ?? 0,
    incomingTotal: incoming[0]?.total ?? 0,
  };
}

export async function listConceptHistory(db: Db, conceptId: string, limit = 200) {
  return db
    .select({
      id: conceptHistory.id,
      at: conceptHistory.at,
      action: conceptHistory.action,
      before: conceptHistory.before,
      after: conceptHistory.after,
      actorUserId: conceptHistory.actorUserId,
      actorName: users.displayName,
    })
    .from(conceptHistory)
    .leftJoin(users, eq(users.id, conceptHistory.actorUserId))
    .where(eq(conceptHistory.conceptId, conceptId))
    .orderBy(desc(conceptHistory.at), desc(conceptHistory.id))
    .limit(limit);
}

/** Everything the SKOS export of one scheme needs, in the scheme's order. */
export async function loadSchemeForSkos(db: Db, schemeId: string) {
  const scheme = await findConceptScheme(db, schemeId);
  if (!scheme) return null;
  const rows = await listConcepts(db, { scheme: schemeId });
  const relations = await db
    .select({ fromId: conceptRelations.fromId, toId: conceptRelations.toId, kind: conceptRelations.kind })
    .from(conceptRelations)
    .innerJoin(concepts, eq(concepts.id, conceptRelations.fromId))
    .where(eq(concepts.scheme, schemeId));
  const targetIds = [...new Set(relations.map((r) => r.toId))];
  const targets = new Map<string, { id: string; uri: string | null; scheme: string }>();
  for (const part of chunks(targetIds, 1000)) {
    const found = await db
      .select({ id: concepts.id, uri: concepts.uri, scheme: concepts.scheme })
      .from(concepts)
      .where(sql`${concepts.id} = any(${sql.param(part)}::text[])`);
    for (const t of found) targets.set(t.id, t);
  }
  return { scheme, rows, relations, targets };
}

// ─── Writing one concept (admins) ─────────────────────────────────────────────────────────

async function lockConcept(db: Db, id: string): Promise<ConceptRow> {
  const [row] = await db.select().from(concepts).where(eq(concepts.id, id)).for('update');
  if (!row) throw notFound('Concept');
  return row;
}

/** The ancestors of `id` (and `id` itself) as id → {scheme, parentId}, for the cycle check. */
async function loadAncestry(db: Db, id: string) {
  const rows = await db.execute<{ id: string; scheme: string; parent_id: string | null }>(sql`
    with recursive up(id, scheme, parent_id, depth) as (
      select id, scheme, parent_id, 0 from concepts where id = ${id}
      union all
      select c.id, c.scheme, c.parent_id, up.depth + 1 from concepts c join up on c.id = up.parent_id where up.depth < 100
    ) select id, scheme, parent_id from up`);
  const list = (rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]);
  const map = new Map<string, { scheme: string; parentId: string | null }>();
  for (const r of list as { id: string; scheme: string; parent_id: string | null }[])
    map.set(r.id, { scheme: r.scheme, parentId: r.parent_id });
  return map;
}

async function checkParent(
  db: Db,
  conceptId: string,
  parentId: string | null,
  scheme: string,
): Promise<number> {
  if (parentId === null) return 1;
  const ancestry = await loadAncestry(db, parentId);
  const problem = parentProblem(conceptId, parentId, scheme, (id) => ancestry.get(id));
  if (problem) throw new AppError('validation_failed', problem, [{ path: ['parentId'], message: problem }]);
  const [parent] = await db.select({ level: concepts.level }).from(concepts).where(eq(concepts.id, parentId));
  return (parent?.level ?? 0) + 1;
}

/** Sets the levels of a concept's descendants after it moved (levels follow the tree). */
async function relevelDescendants(db: Db, id: string, level: number): Promise<void> {
  await db.execute(sql`
    with recursive sub(id, lvl, depth) as (
      select id, ${level}::int, 0 from concepts where id = ${id}
      union all
      select c.id, sub.lvl + 1, sub.depth + 1 from concepts c join sub on c.parent_id = sub.id where sub.depth < 100
    )
    update concepts set level = sub.lvl from sub where concepts.id = sub.id and concepts.level <> sub.lvl`);
}

function recordValues(record: ConceptRecord) {
  return { ...record, updatedAt: new Date() };
}

export async function createConcept(db: Db, actor: Actor, record: ConceptRecord): Promise<ConceptRow> {
  return db.transaction(async (tx) => {
    if (!(await findConceptScheme(tx, record.scheme)))
      throw new AppError('validation_failed', 'Unknown concept scheme', [
        { path: ['scheme'], message: 'Unknown concept scheme' },
      ]);
    if (await findConcept(tx, record.id))
      throw new AppError('conflict', 'A concept with this id already exists', [
        { path: ['id'], message: 'A concept with this id already exists' },
      ]);
    const level = await checkParent(tx, record.id, record.parentId, record.scheme);
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${concepts.sortOrder}), -1)`.mapWith(Number) })
      .from(concepts)
      .where(eq(concepts.scheme, record.scheme));
    const created: ConceptRecord = { ...record, level, sortOrder: (last?.max ?? -1) + 1 };
    const [row] = await tx.insert(concepts).values(recordValues(created)).returning();
    await tx.insert(conceptHistory).values({
      conceptId: created.id,
      actorUserId: actorUserId(actor),
      action: 'create',
      before: null,
      after: created,
    });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'concept',
      entityId: created.id,
      changes: created,
    });
    return row!;
  });
}

/** Applies an admin's change; nothing changed → no history row and the concept as it was. */
export async function updateConcept(
  db: Db,
  actor: Actor,
  id: string,
  patch: ConceptPatch,
): Promise<ConceptRow> {
  return db.transaction(async (tx) => {
    const row = await lockConcept(tx, id);
    const before = toConceptRecord(row);
    let after = applyConceptPatch(before, patch);
    if (after.parentId !== before.parentId) {
      after = { ...after, level: await checkParent(tx, id, after.parentId, before.scheme) };
    }
    const diff = diffConceptRecords(before, after);
    if (!diff) return row;
    const [updated] = await tx
      .update(concepts)
      .set(recordValues(after))
      .where(eq(concepts.id, id))
      .returning();
    if (after.level !== before.level) await relevelDescendants(tx, id, after.level);
    await tx.insert(conceptHistory).values({
      conceptId: id,
      actorUserId: actorUserId(actor),
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'concept',
      entityId: id,
      changes: Object.fromEntries(
        Object.keys(diff.after).map((k) => [
          k,
          {
            from: (diff.before as Record<string, unknown>)[k],
            to: (diff.after as Record<string, unknown>)[k],
          },
        ]),
      ),
    });
    return updated!;
  });
}

/**
 * Removes a concept. One with narrower concepts, or one that organisations use as a
 * competence, is refused: deleting it would silently change other data.
 */
export async function deleteConcept(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockConcept(tx, id);
    const [children] = await tx.select({ n: count() }).from(concepts).where(eq(concepts.parentId, id));
    if (Number(children?.n ?? 0) > 0)
      throw new AppError('conflict', 'The concept has narrower concepts: move or remove them first');
    const [used] = await tx
      .select({ n: count() })
      .from(organisationCompetences)
      .where(eq(organisationCompetences.conceptId, id));
    if (Number(used?.n ?? 0) > 0)
      throw new AppError(
        'conflict',
        `${used!.n} organisations use the concept as a competence; it cannot be removed`,
      );
    await tx.delete(concepts).where(eq(concepts.id, id));
    const before = toConceptRecord(row);
    await tx.insert(conceptHistory).values({
      conceptId: id,
      actorUserId: actorUserId(actor),
      action: 'delete',
      before,
      after: null,
    });
    await recordAudit(tx, { actor, action: 'delete', entity: 'concept', entityId: id, changes: before });
  });
}

// ─── Bulk writes: shipped schemes and imports ────────────────────────────────────────────

export async function loadConceptRecords(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ConceptRecord>> {
  const out = new Map<string, ConceptRecord>();
  for (const part of chunks([...new Set(ids)], 1000)) {
    const rows = await db
      .select()
      .from(concepts)
      .where(sql`${concepts.id} = any(${sql.param(part)}::text[])`);
    for (const row of rows) out.set(row.id, toConceptRecord(row));
  }
  return out;
}

export type ConceptChanges = {
  created: ConceptRecord[];
  updated: { before: ConceptRecord; after: ConceptRecord }[];
};

/** Stores new and changed concepts with a history row each (action `import`). */
export async function writeConceptChanges(db: Db, changes: ConceptChanges, actor: Writer): Promise<void> {
  const who = actorUserId(actor);
  for (const part of chunks(changes.created)) {
    await db.insert(concepts).values(part.map(recordValues));
    await db.insert(conceptHistory).values(
      part.map((c) => ({
        conceptId: c.id,
        actorUserId: who,
        action: 'import' as const,
        before: null,
        after: c,
      })),
    );
  }
  for (const part of chunks(changes.updated)) {
    await db
      .insert(concepts)
      .values(part.map((u) => recordValues(u.after)))
      .onConflictDoUpdate({
        target: concepts.id,
        set: {
          scheme: sql`excluded.scheme`,
          parentId: sql`excluded.parent_id`,
          level: sql`excluded.level`,
          labels: sql`excluded.labels`,
          altLabels: sql`excluded.alt_labels`,
          description: sql`excluded.description`,
          notation: sql`excluded.notation`,
          uri: sql`excluded.uri`,
          sources: sql`excluded.sources`,
          sortOrder: sql`excluded.sort_order`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
    const history = part.flatMap((u) => {
      const diff = diffConceptRecords(u.before, u.after);
      return diff
        ? [
            {
              conceptId: u.after.id,
              actorUserId: who,
              action: 'import' as const,
              before: diff.before,
              after: diff.after,
            },
          ]
        : [];
    });
    if (history.length) await db.insert(conceptHistory).values(history);
  }
}

/** Inserts relations that are not there yet; returns how many were new. */
export async function insertRelations(db: Db, relations: readonly ConceptRelation[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(relations)) {
    const rows = await db
      .insert(conceptRelations)
      .values(part.map((r) => ({ fromId: r.fromId, toId: r.toId, kind: r.kind })))
      .onConflictDoNothing()
      .returning({ fromId: conceptRelations.fromId });
    inserted += rows.length;
  }
  return inserted;
}

export async function upsertConceptScheme(db: Db, scheme: SchemeRecord, overwrite: boolean): Promise<void> {
  const insert = db.insert(conceptSchemes).values(scheme);
  if (overwrite)
    await insert.onConflictDoUpdate({
      target: conceptSchemes.id,
      set: {
        title: scheme.title,
        description: scheme.description,
        uri: scheme.uri,
        source: scheme.source,
        sortOrder: scheme.sortOrder,
      },
    });
  else await insert.onConflictDoNothing();
}

/** Ids of concepts an admin has deleted; shipped data does not bring them back. */
export async function deletedConceptIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...ids], 1000)) {
    const rows = await db
      .selectDistinct({ id: conceptHistory.conceptId })
      .from(conceptHistory)
      .where(
        and(
          eq(conceptHistory.action, 'delete'),
          sql`${conceptHistory.conceptId} = any(${sql.param(part)}::text[])`,
        ),
      );
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/**
 * Links each battery job role to the ESCO occupation its sources name (its URI), once that
 * occupation is in the database: an `exact-match` relation. Returns how many were new.
 */
export async function linkJobRolesToEsco(db: Db): Promise<number> {
  const roles = await db
    .select({ id: concepts.id, sources: concepts.sources })
    .from(concepts)
    .where(eq(concepts.scheme, JOB_ROLE_SCHEME));
  const wanted = roles.flatMap((r) => escoUrisIn(r.sources).map((uri) => ({ roleId: r.id, uri })));
  if (!wanted.length) return 0;
  const uris = [...new Set(wanted.map((w) => w.uri))];
  const found = await db
    .select({ id: concepts.id, uri: concepts.uri })
    .from(concepts)
    .where(sql`${concepts.uri} = any(${sql.param(uris)}::text[])`);
  const byUri = new Map(found.map((f) => [f.uri!, f.id]));
  const relations: ConceptRelation[] = wanted.flatMap((w) => {
    const to = byUri.get(w.uri);
    return to ? [{ fromId: w.roleId, toId: to, kind: 'exact-match' as const }] : [];
  });
  return insertRelations(db, relations);
}

// ─── ESCO import commits ──────────────────────────────────────────────────────────────────

export type EscoCommitContext = {
  actor: Writer;
  /** The uploaded file's name: the language of occupations_fi.csv is fi. */
  fileName?: string | null;
};

function uriIndex(rows: { id: string; uri: string | null; scheme: string }[]) {
  return new Map(rows.filter((r) => r.uri).map((r) => [r.uri!, { id: r.id, scheme: r.scheme }]));
}

async function conceptsByUri(db: Db, uris: readonly string[]) {
  const out: { id: string; uri: string | null; scheme: string }[] = [];
  for (const part of chunks([...new Set(uris)], 1000)) {
    out.push(
      ...(await db
        .select({ id: concepts.id, uri: concepts.uri, scheme: concepts.scheme })
        .from(concepts)
        .where(sql`${concepts.uri} = any(${sql.param(part)}::text[])`)),
    );
  }
  return uriIndex(out);
}

/** Recomputes the levels of a scheme after its hierarchy changed; returns the changed ids. */
async function relevelScheme(db: Db, scheme: string, except: ReadonlySet<string>): Promise<void> {
  const rows = await db
    .select({ id: concepts.id, parentId: concepts.parentId, level: concepts.level })
    .from(concepts)
    .where(eq(concepts.scheme, scheme));
  const levels = computeLevels(new Map(rows.map((r) => [r.id, r.parentId])));
  const changed = rows.filter((r) => !except.has(r.id) && levels.get(r.id) !== r.level);
  for (const part of chunks(changed, 1000)) {
    const values = sql.join(
      part.map((r) => sql`(${r.id}::text, ${levels.get(r.id)!}::int)`),
      sql`, `,
    );
    await db.execute(
      sql`update concepts set level = v.level from (values ${values}) as v(id, level) where concepts.id = v.id`,
    );
  }
}

async function ensureEscoSchemes(db: Db): Promise<void> {
  for (const scheme of ESCO_SCHEME_RECORDS) await upsertConceptScheme(db, scheme, false);
}

function languageError(fileName: string | null | undefined, row: number): AppError {
  const found = escoLanguageFromFileName(fileName);
  const error: RowError = {
    row,
    column: null,
    message: found
      ? `The file is in language "${found}"; Kenno keeps ESCO in fi, sv and en`
      : 'The language is not known: keep the official file name (e.g. occupations_fi.csv)',
  };
  return new AppError('validation_failed', error.message, [error]);
}

/**
 * Commits validated occupation or skill rows: each row fills its language of the concept
 * whose id comes from the URI; a value that is already stored changes nothing. All rows in
 * one transaction. After occupations, the battery job roles are linked to them.
 */
export async function commitEscoConcepts(
  db: Db,
  values: readonly { row: number; value: EscoConceptRow }[],
  context: EscoCommitContext,
): Promise<ImportSummary> {
  const fileLanguage = toKennoLanguage(escoLanguageFromFileName(context.fileName));
  return db.transaction(async (tx) => {
    await ensureEscoSchemes(tx);
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const schemes = new Set<string>();
    for (const part of chunks(values, 1000)) {
      const existing = await loadConceptRecords(
        tx,
        part.map((v) => escoConceptId(v.value.uri)!),
      );
      // A file with a language column may hold several languages of one concept.
      const states = new Map<string, { before: ConceptRecord | null; after: ConceptRecord }>();
      for (const { row, value } of part) {
        const language = value.language ?? fileLanguage;
        if (!language) throw languageError(context.fileName, row);
        const id = escoConceptId(value.uri)!;
        const state = states.get(id);
        const before = state ? state.before : (existing.get(id) ?? null);
        const merged = mergeEscoConcept(state ? state.after : before, value, language);
        states.set(id, { before, after: merged });
        schemes.add(merged.scheme);
      }
      const changes: ConceptChanges = { created: [], updated: [] };
      for (const { before, after } of states.values()) {
        if (!before) changes.created.push(after);
        else if (diffConceptRecords(before, after)) changes.updated.push({ before, after });
        else summary.unchanged++;
      }
      summary.created += changes.created.length;
      summary.updated += changes.updated.length;
      await writeConceptChanges(tx, changes, context.actor);
    }
    if (schemes.has(ESCO_SCHEME.occupation)) summary.linkedJobRoles = await linkJobRolesToEsco(tx);
    await recordAudit(tx, {
      actor: context.actor,
      action: 'import',
      entity: 'concept_scheme',
      entityId: [...schemes].join(',') || null,
      changes: { file: context.fileName ?? null, rows: values.length, ...summary },
    });
    return summary;
  });
}

/** Commits occupation → skill relations; rows naming a concept that is not imported are skipped. */
export async function commitEscoOccupationSkills(
  db: Db,
  values: readonly { row: number; value: EscoOccupationSkillRow }[],
  context: EscoCommitContext,
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const rows = values.map((v) => v.value);
    const known = await conceptsByUri(
      tx,
      rows.flatMap((r) => [r.occupationUri, r.skillUri]),
    );
    const plan = planEscoOccupationSkills(rows, known);
    const created = await insertRelations(tx, plan.relations);
    const summary: ImportSummary = {
      created,
      updated: 0,
      unchanged: plan.relations.length - created,
      skipped: plan.skipped,
    };
    await recordAudit(tx, {
      actor: context.actor,
      action: 'import',
      entity: 'concept_relations',
      entityId: 'esco-occupation-skills',
      changes: { file: context.fileName ?? null, rows: values.length, ...summary },
    });
    return summary;
  });
}

/**
 * Commits broader relations: the first broader concept of a concept becomes its parent,
 * further ones `broader` relations; levels follow. Links to concepts Kenno does not import
 * (ISCO groups, skill groups) are skipped and counted.
 */
export async function commitEscoBroaderRelations(
  db: Db,
  values: readonly { row: number; value: EscoBroaderRow }[],
  context: EscoCommitContext,
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const rows = values.map((v) => v.value);
    const known = await conceptsByUri(
      tx,
      rows.flatMap((r) => [r.conceptUri, r.broaderUri]),
    );
    const plan = planEscoBroader(rows, known);
    const current = await loadConceptRecords(tx, [...plan.parents.keys()]);
    const changes: ConceptChanges = { created: [], updated: [] };
    const schemes = new Set<string>();
    for (const [id, parentId] of plan.parents) {
      const before = current.get(id);
      if (!before || before.parentId === parentId) continue;
      changes.updated.push({ before, after: { ...before, parentId } });
      schemes.add(before.scheme);
    }
    // Levels follow the new tree; the moved concepts' history shows their new level too.
    for (const scheme of schemes) {
      const rows = await tx
        .select({ id: concepts.id, parentId: concepts.parentId })
        .from(concepts)
        .where(eq(concepts.scheme, scheme));
      const parents = new Map(rows.map((r) => [r.id, r.parentId]));
      for (const u of changes.updated) if (parents.has(u.after.id)) parents.set(u.after.id, u.after.parentId);
      const levels = computeLevels(parents);
      for (const u of changes.updated) u.after = { ...u.after, level: levels.get(u.after.id) ?? 1 };
    }
    await writeConceptChanges(tx, changes, context.actor);
    const moved = new Set(changes.updated.map((u) => u.after.id));
    for (const scheme of schemes) await relevelScheme(tx, scheme, moved);
    const createdRelations = await insertRelations(tx, plan.relations);
    const linked = plan.parents.size + plan.relations.length;
    const summary: ImportSummary = {
      created: createdRelations,
      updated: changes.updated.length,
      unchanged: linked - createdRelations - changes.updated.length,
      skipped: plan.skipped,
    };
    await recordAudit(tx, {
      actor: context.actor,
      action: 'import',
      entity: 'concept_relations',
      entityId: 'esco-broader-relations',
      changes: { file: context.fileName ?? null, rows: values.length, ...summary },
    });
    return summary;
  });
}

// ─── The ESCO import kinds as the job runner runs them (src/jobs/imports/registry.ts) ─────

type JobMeta = { importId: string; actor: UserActor };
type JobResult = { summary: ImportSummary; errors: RowError[] };

async function importFileName(db: Db, importId: string): Promise<string | null> {
  const [row] = await db.select({ fileName: imports.fileName }).from(imports).where(eq(imports.id, importId));
  return row?.fileName ?? null;
}

/** Row problems found while storing (an unknown file language) go to the report, not a 500. */
async function asJobResult(run: () => Promise<ImportSummary>): Promise<JobResult> {
  try {
    return { summary: await run(), errors: [] };
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed' && Array.isArray(error.details))
      return { summary: { created: 0, updated: 0, unchanged: 0 }, errors: error.details as RowError[] };
    throw error;
  }
}

function escoJobKind<T>(
  definition: ImportKindDefinition<T, EscoImportContext>,
  commit: (
    db: Db,
    values: readonly { row: number; value: T }[],
    context: EscoCommitContext,
  ) => Promise<ImportSummary>,
) {
  return {
    definition,
    // The runner validates before the file name is passed on; the language is resolved on commit.
    loadContext: async (): Promise<EscoImportContext> => ({ fileName: null }),
    commit: (tx: Db, values: { row: number; value: T }[], _context: EscoImportContext, meta: JobMeta) =>
      asJobResult(async () =>
        commit(tx, values, { actor: meta.actor, fileName: await importFileName(tx, meta.importId) }),
      ),
  };
}

export const escoOccupationsJobKind = escoJobKind(escoOccupationsKind, commitEscoConcepts);
export const escoSkillsJobKind = escoJobKind(escoSkillsKind, commitEscoConcepts);
export const escoOccupationSkillsJobKind = escoJobKind(escoOccupationSkillsKind, commitEscoOccupationSkills);
export const escoBroaderRelationsJobKind = escoJobKind(escoBroaderRelationsKind, commitEscoBroaderRelations);
