import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/create-db.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { organisations, regions, sites } from '../../../db/schema/index.ts';
import type { UserActor } from '../../../domain/auth/roles.ts';
import { buildOrganisationImportContext } from '../../../domain/imports/organisation-import.ts';
import {
  type ExistingSite,
  planSiteImport,
  type SiteImportContext,
  type SiteImportRow,
  sitesImportDefinition,
  summariseSitePlan,
} from '../../../domain/imports/site-import.ts';
import { defineImportKind, type ValidRow } from '../import-job-kind.ts';

/**
 * The `sites` import kind: the database half of src/domain/imports/site-import.ts. The plan
 * is computed read-only for the report, then again inside the commit transaction. Sites are
 * few (tens to thousands), so each gets its audit row through recordAudit.
 */
const CHUNK = 500;

async function loadContext(db: Db, actor: UserActor): Promise<SiteImportContext> {
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions);
  return buildOrganisationImportContext(actor, rows);
}

async function planAgainst(db: Db, values: ValidRow<SiteImportRow>[], context: SiteImportContext) {
  const [existing, orgs] = await Promise.all([
    db.select().from(sites) as Promise<ExistingSite[]>,
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        regionId: organisations.regionId,
        isPublic: organisations.isPublic,
      })
      .from(organisations),
  ]);
  return planSiteImport({ values, existing, organisations: orgs, actor: context.actor });
}

async function commit(
  tx: Db,
  values: ValidRow<SiteImportRow>[],
  context: SiteImportContext,
  meta: { importId: string; actor: UserActor },
) {
  // Two imports of sites commit one after the other, each planning from the other's result.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kenno:import:sites'))`);
  const plan = await planAgainst(tx, values, context);
  const summary = summariseSitePlan(plan.operations);
  if (plan.errors.length) return { summary, errors: plan.errors };

  const now = new Date();
  const creates = plan.operations.flatMap((op) => (op.kind === 'create' ? [op] : []));
  const updates = plan.operations.flatMap((op) => (op.kind === 'update' ? [op] : []));
  for (let i = 0; i < creates.length; i += CHUNK) {
    await tx
      .insert(sites)
      .values(creates.slice(i, i + CHUNK).map((op) => ({ ...op.values, createdAt: now, updatedAt: now })));
  }
  for (const op of updates)
    await tx
      .update(sites)
      .set({ ...op.set, updatedAt: now })
      .where(eq(sites.id, op.id));

  // Every created or changed site gets its own audit row; unchanged ones none.
  for (const op of creates) {
    await recordAudit(tx, {
      actor: meta.actor,
      action: 'create',
      entity: 'site',
      entityId: op.id,
      changes: { ...op.values, importId: meta.importId, row: op.row },
    });
  }
  for (const op of updates) {
    await recordAudit(tx, {
      actor: meta.actor,
      action: 'update',
      entity: 'site',
      entityId: op.id,
      changes: { ...op.changes, importId: meta.importId, row: op.row },
    });
  }
  return { summary, errors: [] };
}

export const sitesImportKind = defineImportKind<SiteImportRow, SiteImportContext>({
  definition: sitesImportDefinition,
  loadContext,
  async checkStored(db, values, context) {
    return (await planAgainst(db, values, context)).errors;
  },
  commit,
});
