import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import type { CordisProjectRow, CordisScivocRow, CordisTopicRow } from '../../domain/cordis/cordis-import.ts';
import type {
  CordisLinkState,
  LinkChange,
  RegistryOrganisationRef,
} from '../../domain/cordis/cordis-links.ts';
import type { Db } from '../create-db.ts';
import {
  auditLog,
  cordisOrganisations,
  cordisParticipations,
  cordisProjects,
  cordisProjectScivoc,
  organisations,
} from '../schema/index.ts';
import { rowsOf } from '../rows.ts';
import { recordAudit } from './audit.ts';
import { BULK_CHUNK, type UpsertCounts } from './bulk-write.ts';

/**
 * The CORDIS tables (cordis_projects, cordis_organisations, cordis_participations,
 * cordis_topics, cordis_project_scivoc): bulk upserts for the imports and the reads of the
 * CORDIS pages. Only rows whose values differ are written, so the same file imported twice
 * writes nothing. organization.csv (up to millions of rows) goes through a staging table
 * (src/db/queries/bulk-write.ts); the other files send each column as one array parameter and
 * `unnest` them, one statement per 20,000 rows, the same on PGlite and PostgreSQL.
 */

const p = (value: unknown[]) => sql.param(value);

function column<T, K extends keyof T>(rows: readonly T[], key: K): T[K][] {
  return rows.map((r) => r[key]);
}

async function chunked<T>(
  rows: readonly T[],
  write: (chunk: readonly T[]) => Promise<{ inserted: boolean }[]>,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const chunk = rows.slice(i, i + BULK_CHUNK);
    const written = await write(chunk);
    const created = written.filter((w) => w.inserted).length;
    counts.created += created;
    counts.updated += written.length - created;
    counts.unchanged += chunk.length - written.length;
  }
  return counts;
}

type Written = { inserted: boolean };

/** Serialises the imports of one CORDIS table: two commits run one after the other. */
export async function lockCordisImport(tx: Db, kind: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kenno:import:${kind}`}))`);
}

// organization.csv (organisations and participations): cordis-participation-file.ts.

export function upsertCordisProjects(
  tx: Db,
  rows: readonly CordisProjectRow[],
  importId: string,
): Promise<UpsertCounts> {
  // Arrays of arrays do not unnest row by row: topics and concepts travel as JSON text.
  return chunked(rows, async (chunk) =>
    rowsOf<Written>(
      await tx.execute(sql`
        insert into cordis_projects as o
          (id, acronym, title, status, topics, framework_programme, legal_basis, master_call, sub_call,
           funding_scheme, start_date, end_date, ec_max_contribution, total_cost, objective, keywords,
           concept_ids, import_id, updated_at)
        select t.id, t.acronym, t.title, t.status,
          array(select jsonb_array_elements_text(t.topics::jsonb)),
          t.fp, t.lb, t.mc, t.sc, t.fs, t.sd::date, t.ed::date, t.ec, t.tc, t.objective, t.keywords,
          array(select jsonb_array_elements_text(t.concepts::jsonb)), ${importId}, now()
        from unnest(
          ${p(column(chunk, 'id'))}::text[], ${p(column(chunk, 'acronym'))}::text[],
          ${p(column(chunk, 'title'))}::text[], ${p(column(chunk, 'status'))}::text[],
          ${p(chunk.map((r) => JSON.stringify(r.topics)))}::text[],
          ${p(column(chunk, 'frameworkProgramme'))}::text[], ${p(column(chunk, 'legalBasis'))}::text[],
          ${p(column(chunk, 'masterCall'))}::text[], ${p(column(chunk, 'subCall'))}::text[],
          ${p(column(chunk, 'fundingScheme'))}::text[], ${p(column(chunk, 'startDate'))}::text[],
          ${p(column(chunk, 'endDate'))}::text[], ${p(column(chunk, 'ecMaxContribution'))}::float8[],
          ${p(column(chunk, 'totalCost'))}::float8[], ${p(column(chunk, 'objective'))}::text[],
          ${p(column(chunk, 'keywords'))}::text[], ${p(chunk.map((r) => JSON.stringify(r.conceptIds)))}::text[]
        ) as t(id, acronym, title, status, topics, fp, lb, mc, sc, fs, sd, ed, ec, tc, objective, keywords, concepts)
        on conflict (id) do update set
          acronym = excluded.acronym, title = excluded.title, status = excluded.status,
          topics = excluded.topics, framework_programme = excluded.framework_programme,
          legal_basis = excluded.legal_basis, master_call = excluded.master_call,
          sub_call = excluded.sub_call, funding_scheme = excluded.funding_scheme,
          start_date = excluded.start_date, end_date = excluded.end_date,
          ec_max_contribution = excluded.ec_max_contribution, total_cost = excluded.total_cost,
          objective = excluded.objective, keywords = excluded.keywords,
          concept_ids = excluded.concept_ids, import_id = excluded.import_id, updated_at = now()
        where (o.acronym, o.title, o.status, o.topics, o.framework_programme, o.legal_basis, o.master_call,
            o.sub_call, o.funding_scheme, o.start_date, o.end_date, o.ec_max_contribution, o.total_cost,
            o.objective, o.keywords, o.concept_ids)
          is distinct from (excluded.acronym, excluded.title, excluded.status, excluded.topics,
            excluded.framework_programme, excluded.legal_basis, excluded.master_call, excluded.sub_call,
            excluded.funding_scheme, excluded.start_date, excluded.end_date, excluded.ec_max_contribution,
            excluded.total_cost, excluded.objective, excluded.keywords, excluded.concept_ids)
        returning (xmax = 0) as inserted`),
    ),
  );
}

export function upsertCordisTopics(tx: Db, rows: readonly CordisTopicRow[]): Promise<UpsertCounts> {
  return chunked(rows, async (chunk) =>
    rowsOf<Written>(
      await tx.execute(sql`
        insert into cordis_topics as o (code, title)
        select * from unnest(${p(column(chunk, 'code'))}::text[], ${p(column(chunk, 'title'))}::text[])
        on conflict (code) do update set title = excluded.title
        where o.title is distinct from excluded.title and excluded.title <> ''
        returning (xmax = 0) as inserted`),
    ),
  );
}

export function upsertCordisScivoc(tx: Db, rows: readonly CordisScivocRow[]): Promise<UpsertCounts> {
  return chunked(rows, async (chunk) =>
    rowsOf<Written>(
      await tx.execute(sql`
        insert into cordis_project_scivoc as o (project_id, code, path, title)
        select * from unnest(
          ${p(column(chunk, 'projectId'))}::text[], ${p(column(chunk, 'code'))}::text[],
          ${p(column(chunk, 'path'))}::text[], ${p(column(chunk, 'title'))}::text[])
        on conflict (project_id, code) do update set path = excluded.path, title = excluded.title
        where (o.path, o.title) is distinct from (excluded.path, excluded.title)
        returning (xmax = 0) as inserted`),
    ),
  );
}

// ─── Links to the registry ───────────────────────────────────────────────────────────────

const LINK_ENTITY = 'cordis_organisation';
const REJECT_ACTIONS = ['reject_link', 'unlink'];

const linkColumns = {
  id: cordisOrganisations.id,
  name: cordisOrganisations.name,
  vatNumber: cordisOrganisations.vatNumber,
  country: cordisOrganisations.country,
  registryOrganisationId: cordisOrganisations.registryOrganisationId,
  linkMethod: cordisOrganisations.linkMethod,
  suggestedOrganisationId: cordisOrganisations.suggestedOrganisationId,
};

/** Finnish CORDIS organisations of the given ids (all Finnish ones when `ids` is null). */
export async function loadFinnishLinkStates(
  tx: Db,
  ids: readonly string[] | null,
): Promise<CordisLinkState[]> {
  if (ids === null)
    return tx.select(linkColumns).from(cordisOrganisations).where(eq(cordisOrganisations.country, 'FI'));
  const out: CordisLinkState[] = [];
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    out.push(
      ...(await tx
        .select(linkColumns)
        .from(cordisOrganisations)
        .where(
          and(
            eq(cordisOrganisations.country, 'FI'),
            inArray(cordisOrganisations.id, ids.slice(i, i + BULK_CHUNK)),
          ),
        )),
    );
  }
  return out;
}

export async function loadCordisLinkState(db: Db, id: string): Promise<CordisLinkState | null> {
  const [row] = await db.select(linkColumns).from(cordisOrganisations).where(eq(cordisOrganisations.id, id));
  return row ?? null;
}

export function loadRegistryRefs(tx: Db): Promise<RegistryOrganisationRef[]> {
  return tx
    .select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId })
    .from(organisations);
}

/** Pairs "cordis id\tregistry id" a person rejected or unlinked (kept in the audit log). */
export async function loadRejectedPairs(tx: Db): Promise<Set<string>> {
  const rows = await tx
    .select({ entityId: auditLog.entityId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entity, LINK_ENTITY), inArray(auditLog.action, REJECT_ACTIONS)));
  const pairs = new Set<string>();
  for (const row of rows) {
    const registryId = (row.changes as { organisationId?: unknown } | null)?.organisationId;
    if (row.entityId && typeof registryId === 'string') pairs.add(`${row.entityId}\t${registryId}`);
  }
  return pairs;
}

/** Writes link changes, each with its audit row (`action`: link, suggest, confirm_link …). */
export async function writeLinkChanges(
  tx: Db,
  changes: readonly LinkChange[],
  audit: {
    actor: Actor | { kind: 'system' };
    action: (change: LinkChange) => string;
    organisationId: (change: LinkChange) => string | null;
    importId?: string;
  },
): Promise<void> {
  for (const change of changes) {
    await tx
      .update(cordisOrganisations)
      .set({
        registryOrganisationId: change.registryOrganisationId,
        linkMethod: change.linkMethod,
        suggestedOrganisationId: change.suggestedOrganisationId,
        updatedAt: new Date(),
      })
      .where(eq(cordisOrganisations.id, change.id));
    await recordAudit(tx, {
      actor: audit.actor,
      action: audit.action(change),
      entity: LINK_ENTITY,
      entityId: change.id,
      changes: {
        organisationId: audit.organisationId(change),
        registryOrganisationId: change.registryOrganisationId,
        linkMethod: change.linkMethod,
        suggestedOrganisationId: change.suggestedOrganisationId,
        ...(audit.importId ? { importId: audit.importId } : {}),
      },
    });
  }
}

// ─── Reads ───────────────────────────────────────────────────────────────────────────────

export type CordisOrganisationRow = typeof cordisOrganisations.$inferSelect;
export type CordisProjectDbRow = typeof cordisProjects.$inferSelect;

export async function findCordisOrganisation(db: Db, id: string): Promise<CordisOrganisationRow | null> {
  const [row] = await db.select().from(cordisOrganisations).where(eq(cordisOrganisations.id, id));
  return row ?? null;
}

export type TrackRecordRow = {
  projectId: string;
  role: string;
  ecContribution: number | null;
  totalCost: number | null;
  active: boolean | null;
  acronym: string | null;
  title: string | null;
  frameworkProgramme: string | null;
  fundingScheme: string | null;
  startDate: string | null;
  endDate: string | null;
  topics: string[] | null;
  conceptIds: string[] | null;
};

/** An organisation's participations with their projects, newest first (at most `limit`). */
export async function listCordisTrackRecord(
  db: Db,
  organisationId: string,
  limit = 500,
): Promise<{ rows: TrackRecordRow[]; total: number }> {
  const rows = await db
    .select({
      projectId: cordisParticipations.projectId,
      role: cordisParticipations.role,
      ecContribution: cordisParticipations.ecContribution,
      totalCost: cordisParticipations.totalCost,
      active: cordisParticipations.active,
      acronym: cordisProjects.acronym,
      title: cordisProjects.title,
      frameworkProgramme: cordisProjects.frameworkProgramme,
      fundingScheme: cordisProjects.fundingScheme,
      startDate: cordisProjects.startDate,
      endDate: cordisProjects.endDate,
      topics: cordisProjects.topics,
      conceptIds: cordisProjects.conceptIds,
    })
    .from(cordisParticipations)
    .leftJoin(cordisProjects, eq(cordisProjects.id, cordisParticipations.projectId))
    .where(eq(cordisParticipations.organisationId, organisationId))
    .orderBy(sql`${cordisProjects.startDate} desc nulls last`, asc(cordisParticipations.projectId))
    .limit(limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cordisParticipations)
    .where(eq(cordisParticipations.organisationId, organisationId));
  return { rows, total: count?.n ?? 0 };
}

export async function findCordisProject(db: Db, id: string): Promise<CordisProjectDbRow | null> {
  const [row] = await db.select().from(cordisProjects).where(eq(cordisProjects.id, id));
  return row ?? null;
}

export type ProjectParticipantRow = {
  organisationId: string;
  role: string;
  ecContribution: number | null;
  totalCost: number | null;
  active: boolean | null;
  name: string;
  shortName: string | null;
  country: string | null;
  city: string | null;
  activityType: string | null;
  sme: boolean | null;
  registryOrganisationId: string | null;
};

export async function listCordisProjectParticipants(
  db: Db,
  projectId: string,
): Promise<ProjectParticipantRow[]> {
  return db
    .select({
      organisationId: cordisParticipations.organisationId,
      role: cordisParticipations.role,
      ecContribution: cordisParticipations.ecContribution,
      totalCost: cordisParticipations.totalCost,
      active: cordisParticipations.active,
      name: cordisOrganisations.name,
      shortName: cordisOrganisations.shortName,
      country: cordisOrganisations.country,
      city: cordisOrganisations.city,
      activityType: cordisOrganisations.activityType,
      sme: cordisOrganisations.sme,
      registryOrganisationId: cordisOrganisations.registryOrganisationId,
    })
    .from(cordisParticipations)
    .innerJoin(cordisOrganisations, eq(cordisOrganisations.id, cordisParticipations.organisationId))
    .where(eq(cordisParticipations.projectId, projectId))
    .orderBy(
      sql`case ${cordisParticipations.role} when 'coordinator' then 0 else 1 end`,
      desc(cordisParticipations.ecContribution),
      asc(cordisOrganisations.name),
    );
}

export async function listCordisProjectScivoc(db: Db, projectId: string) {
  return db
    .select({
      code: cordisProjectScivoc.code,
      path: cordisProjectScivoc.path,
      title: cordisProjectScivoc.title,
    })
    .from(cordisProjectScivoc)
    .where(eq(cordisProjectScivoc.projectId, projectId))
    .orderBy(asc(cordisProjectScivoc.path));
}

export async function topicTitles(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = (await db.execute(
    sql`select code, title from cordis_topics where code = any(${sql.param([...codes])}::text[])`,
  )) as unknown;
  const list = ((rows as { rows?: { code: string; title: string }[] }).rows ?? rows) as {
    code: string;
    title: string;
  }[];
  return new Map(list.map((r) => [r.code, r.title]));
}

export type LinkListRow = {
  id: string;
  name: string;
  shortName: string | null;
  vatNumber: string | null;
  city: string | null;
  country: string | null;
  registryOrganisationId: string | null;
  linkMethod: 'business_id' | 'vat' | 'name_confirmed' | null;
  suggestedOrganisationId: string | null;
  registryName: string | null;
  registryRegionId: string | null;
  registryBusinessId: string | null;
  participations: number;
};

/**
 * CORDIS organisations with a suggestion (`status` suggested) or a link (`linked`), with the
 * registry organisation they are about; `regionId` limits them to that registry region.
 */
export async function listCordisLinks(
  db: Db,
  filter: { status: 'suggested' | 'linked'; regionId: string | null; limit: number; offset: number },
): Promise<{ rows: LinkListRow[]; total: number }> {
  const target =
    filter.status === 'suggested'
      ? cordisOrganisations.suggestedOrganisationId
      : cordisOrganisations.registryOrganisationId;
  const where = and(
    isNotNull(target),
    filter.regionId === null ? undefined : eq(organisations.regionId, filter.regionId),
  );
  const rows = await db
    .select({
      id: cordisOrganisations.id,
      name: cordisOrganisations.name,
      shortName: cordisOrganisations.shortName,
      vatNumber: cordisOrganisations.vatNumber,
      city: cordisOrganisations.city,
      country: cordisOrganisations.country,
      registryOrganisationId: cordisOrganisations.registryOrganisationId,
      linkMethod: cordisOrganisations.linkMethod,
      suggestedOrganisationId: cordisOrganisations.suggestedOrganisationId,
      registryName: organisations.name,
      registryRegionId: organisations.regionId,
      registryBusinessId: organisations.businessId,
      participations: sql<number>`(select count(*)::int from cordis_participations x where x.organisation_id = ${cordisOrganisations.id})`,
    })
    .from(cordisOrganisations)
    .innerJoin(organisations, eq(organisations.id, target))
    .where(where)
    .orderBy(asc(cordisOrganisations.name), asc(cordisOrganisations.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cordisOrganisations)
    .innerJoin(organisations, eq(organisations.id, target))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/** The CORDIS organisations linked to (or suggested for) one registry organisation. */
export async function cordisOrganisationsOfRegistry(db: Db, registryId: string) {
  return db
    .select({
      id: cordisOrganisations.id,
      name: cordisOrganisations.name,
      registryOrganisationId: cordisOrganisations.registryOrganisationId,
      linkMethod: cordisOrganisations.linkMethod,
      suggestedOrganisationId: cordisOrganisations.suggestedOrganisationId,
    })
    .from(cordisOrganisations)
    .where(
      or(
        eq(cordisOrganisations.registryOrganisationId, registryId),
        eq(cordisOrganisations.suggestedOrganisationId, registryId),
      ),
    )
    .orderBy(asc(cordisOrganisations.name));
}

export async function findRegistryScope(db: Db, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionId: organisations.regionId,
      isPublic: organisations.isPublic,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}
