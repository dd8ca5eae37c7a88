import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  canonicalJson,
  normaliseUtility,
  type SiteInput,
  type SitePatch,
  slugifySiteName,
} from '../../domain/sites/site.ts';
import type { Db } from '../create-db.ts';
import { organisations, sites } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type SiteRow = typeof sites.$inferSelect;

/** Every site, for the module's read model (sites are few: tens, at most thousands). */
export function loadSites(db: Db): Promise<SiteRow[]> {
  return db.select().from(sites).orderBy(asc(sites.id));
}

export async function findSite(db: Db, id: string): Promise<SiteRow | null> {
  const [row] = await db.select().from(sites).where(eq(sites.id, id)).limit(1);
  return row ?? null;
}

/** Which of `ids` are stored organisations. */
export async function existingOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.id} = any(${sql.param(ids)}::text[])`);
  return new Set(rows.map((r) => r.id));
}

const emptyText = { fi: '', sv: '', en: '' };

/** The stored form of a site's fields: units filled in, descriptions in all three languages. */
function siteValues(input: SitePatch, before?: SiteRow) {
  const { description, utilities, ...rest } = input;
  return {
    ...rest,
    ...(description ? { description: { ...emptyText, ...before?.description, ...description } } : {}),
    ...(utilities ? { utilities: utilities.map(normaliseUtility) } : {}),
  };
}

/** A free id from the name: `kokkola-industrial-park`, `-2`, `-3` … */
async function freeSiteId(tx: Db, name: string): Promise<string> {
  const base = slugifySiteName(name) || 'site';
  const rows = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(sql`${sites.id} = ${base} or ${sites.id} like ${`${base}-%`}`);
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createSite(db: Db, actor: Actor, input: SiteInput): Promise<SiteRow> {
  return db.transaction(async (tx) => {
    // One id at a time: two sites of the same name get -2 and -3, not the same id.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kenno:site-id'))`);
    const id = await freeSiteId(tx, input.name);
    const values = { id, description: emptyText, ...siteValues(input), name: input.name };
    const [row] = await tx.insert(sites).values(values).returning();
    await recordAudit(tx, { actor, action: 'create', entity: 'site', entityId: id, changes: values });
    return row!;
  });
}

export async function updateSite(db: Db, actor: Actor, id: string, patch: SitePatch): Promise<SiteRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, id)).for('update');
    if (!before) throw notFound('Site');
    const next = siteValues(patch, before);
    // jsonb keeps keys in its own order: compare values, not texts.
    const changes = Object.fromEntries(
      Object.entries(
        diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>),
      ).filter(([, c]) => canonicalJson(c.from) !== canonicalJson(c.to)),
    );
    if (Object.keys(changes).length === 0) return before;
    const after = { ...before, ...next };
    if (
      after.totalAreaHa !== null &&
      after.availableAreaHa !== null &&
      after.availableAreaHa > after.totalAreaHa
    ) {
      throw new AppError('validation_failed', 'The available area is larger than the total area', [
        { path: ['availableAreaHa'], message: 'The available area is larger than the total area' },
      ]);
    }
    const [row] = await tx
      .update(sites)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(sites.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'site', entityId: id, changes });
    return row!;
  });
}

export async function deleteSite(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(sites)
      .where(eq(sites.id, id))
      .returning({ id: sites.id, name: sites.name });
    if (!row) throw notFound('Site');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'site',
      entityId: id,
      changes: { name: row.name },
    });
  });
}
