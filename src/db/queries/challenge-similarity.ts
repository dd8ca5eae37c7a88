/**
 * What challenge similarity reads from the database: the challenges (all of them, or only those
 * written since a snapshot), their count and ids (to notice deletions), one challenge, the
 * organisation names and texts of cluster members, and the data versions it follows.
 *
 * Changes are found by transaction id, not by `updated_at`: a row whose last writing
 * transaction was not yet visible at the previous read has `xmin` at or after that read's
 * snapshot xmin. This catches every insert and update, also from a writer that leaves
 * `updated_at` alone or a transaction that commits later than a newer one, and costs one
 * sequential pass over the id column (a few milliseconds at 20,000 challenges).
 */
import { inArray, sql } from 'drizzle-orm';
import type { ChallengeHorizon, ChallengeLanguage, ChallengeStatus } from '../schema/challenges.ts';
import type { Db } from '../create-db.ts';
import { challenges, organisations } from '../schema/index.ts';
import { rowsOf } from '../rows.ts';

export type SimilarityChallengeRow = {
  id: string;
  title: string;
  description: string;
  language: ChallengeLanguage;
  regionId: string | null;
  organisationId: string | null;
  createdBy: string | null;
  conceptIds: string[];
  isPublic: boolean;
  status: ChallengeStatus;
  mergedIntoId: string | null;
  createdAt: Date;
};

type RawRow = {
  snapshot_xmin: string;
  id: string | null;
  title: string;
  description: string;
  language: ChallengeLanguage;
  region_id: string | null;
  organisation_id: string | null;
  created_by: string | null;
  concept_ids: string[] | string;
  is_public: boolean;
  status: ChallengeStatus;
  merged_into_id: string | null;
  created_at: Date | string;
};

// node-postgres returns text[] as an array; keep a fallback for the literal form.
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((v) => v.replace(/^"|"$/g, '')) : [];
}

export type ChallengeChanges = {
  /** The snapshot xmin of this read: pass it to the next read. */
  snapshot: string;
  /** How many challenges there are in all (fewer than known: some were deleted). */
  total: number;
  rows: SimilarityChallengeRow[];
};

const ROW_COLUMNS = sql`c.id, c.title, c.description, c.language, c.region_id, c.organisation_id,
  c.created_by, c.concept_ids, c.is_public, c.status, c.merged_into_id, c.created_at`;

function presentRows(raw: RawRow[]): SimilarityChallengeRow[] {
  const rows: SimilarityChallengeRow[] = [];
  for (const r of raw) {
    if (r.id === null) continue;
    rows.push({
      id: r.id,
      title: r.title,
      description: r.description,
      language: r.language,
      regionId: r.region_id,
      organisationId: r.organisation_id,
      createdBy: r.created_by,
      conceptIds: textArray(r.concept_ids),
      isPublic: r.is_public,
      status: r.status,
      mergedIntoId: r.merged_into_id,
      createdAt: new Date(r.created_at),
    });
  }
  return rows;
}

/**
 * Every challenge (`since` null), or those written by transactions not visible at the read whose
 * snapshot was `since`. A change is found in one pass over the table, which also counts the rows
 * (a count below the known number means deletions); only the changed rows are then read whole.
 * A row changed again between the two statements comes in its newer version, and its writer's
 * transaction id is at or after this read's snapshot, so the next read takes it again.
 */
export async function readChallengeChanges(db: Db, since: string | null): Promise<ChallengeChanges> {
  if (since === null) {
    const raw = rowsOf<RawRow & { total: number }>(
      await db.execute(sql`
        with snap as (
          select pg_snapshot_xmin(pg_current_snapshot())::text as snapshot_xmin,
                 (select count(*)::int from ${challenges}) as total
        )
        select snap.snapshot_xmin, snap.total, ${ROW_COLUMNS}
        from snap left join ${challenges} c on true`),
    );
    return {
      snapshot: raw[0]?.snapshot_xmin ?? '0',
      total: Number(raw[0]?.total ?? 0),
      rows: presentRows(raw),
    };
  }
  const [scan] = rowsOf<{ snapshot_xmin: string; total: number | string; changed: string[] | string | null }>(
    await db.execute(sql`
      select pg_snapshot_xmin(pg_current_snapshot())::text as snapshot_xmin,
             count(*)::int as total,
             array_agg(c.id) filter (
               where age(c.xmin) <= age((${since}::bigint % 4294967296)::text::xid)
             ) as changed
      from ${challenges} c`),
  );
  const changed = scan?.changed ? textArray(scan.changed) : [];
  const rows = changed.length
    ? presentRows(
        rowsOf<RawRow>(
          await db.execute(sql`select '' as snapshot_xmin, ${ROW_COLUMNS} from ${challenges} c
            where c.id = any(${sql.param(changed)}::text[])`),
        ),
      )
    : [];
  return { snapshot: scan?.snapshot_xmin ?? '0', total: Number(scan?.total ?? 0), rows };
}

export async function listChallengeIds(db: Db): Promise<string[]> {
  return (await db.select({ id: challenges.id }).from(challenges)).map((r) => r.id);
}

/** The versions of the data similarity follows: its challenges, and the taxonomy it tags with. */
export async function readSimilarityVersions(db: Db): Promise<{ challenges: number; taxonomy: number }> {
  const rows = rowsOf<{ scope: string; version: number | string }>(
    await db.execute(sql`select scope, version from data_versions where scope in ('challenges', 'taxonomy')`),
  );
  const of = (scope: string) => Number(rows.find((r) => r.scope === scope)?.version ?? 0);
  return { challenges: of('challenges'), taxonomy: of('taxonomy') };
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type ChallengeExportText = {
  id: string;
  description: string;
  trlNow: number | null;
  trlWanted: number | null;
  horizon: ChallengeHorizon | null;
};

/** The texts and figures of the challenges a workshop file lists. */
export async function loadChallengeTexts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ChallengeExportText>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: challenges.id,
      description: challenges.description,
      trlNow: challenges.trlNow,
      trlWanted: challenges.trlWanted,
      horizon: challenges.horizon,
    })
    .from(challenges)
    .where(inArray(challenges.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
