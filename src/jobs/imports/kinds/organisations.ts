import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/create-db.ts';
import { loadOrganisationRecords } from '../../../db/queries/organisations.ts';
import {
  auditLog,
  concepts,
  organisationCompetences,
  organisations,
  regions,
} from '../../../db/schema/index.ts';
import type { UserActor } from '../../../domain/auth/roles.ts';
import {
  buildOrganisationImportContext,
  type ExistingOrganisation,
  type OrganisationImportContext,
  type OrganisationImportRow,
  organisationsImportDefinition,
  planOrganisationImport,
  summariseOrganisationPlan,
} from '../../../domain/imports/organisation-import.ts';
import { defineImportKind, type ValidRow } from '../import-job-kind.ts';

/**
 * The `organisations` import kind: the database half of src/domain/imports/organisation-import.ts.
 * The plan is computed twice from stored rows — once read-only so the report is complete, once
 * inside the commit transaction so that what is written is what the plan saw.
 */

const VALUE_CHAIN_SCHEME = 'value-chain';
const CHUNK = 500;

async function loadContext(db: Db, actor: UserActor): Promise<OrganisationImportContext> {
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions);
  return buildOrganisationImportContext(actor, rows);
}

function loadExistingOrganisations(db: Db): Promise<ExistingOrganisation[]> {
  return loadOrganisationRecords(db);
}

async function loadValueChainConceptIds(
  db: Db,
  values: ValidRow<OrganisationImportRow>[],
): Promise<Set<string>> {
  const wanted = [...new Set(values.flatMap((v) => v.value.valueChainIds))];
  if (wanted.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await db
      .select({ id: concepts.id })
      .from(concepts)
      .where(and(eq(concepts.scheme, VALUE_CHAIN_SCHEME), inArray(concepts.id, wanted.slice(i, i + CHUNK))));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

async function planAgainst(
  db: Db,
  values: ValidRow<OrganisationImportRow>[],
  context: OrganisationImportContext,
) {
  const existing = await loadExistingOrganisations(db);
  const knownConceptIds = await loadValueChainConceptIds(db, values);
  return planOrganisationImport({ values, existing, knownConceptIds, actor: context.actor });
}

/** The audit row's actor columns, as recordAudit writes them. */
function auditActor(actor: UserActor) {
  return {
    actorUserId: actor.userId,
    actorKind:
      actor.via === 'token' ? ('token' as const) : actor.via === 'cli' ? ('cli' as const) : ('user' as const),
  };
}

async function commit(
  tx: Db,
  values: ValidRow<OrganisationImportRow>[],
  context: OrganisationImportContext,
  meta: { importId: string; actor: UserActor },
) {
  // Two imports of organisations commit one after the other, each planning from the other's result.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kenno:import:organisations'))`);
  const plan = await planAgainst(tx, values, context);
  const summary = summariseOrganisationPlan(plan.operations);
  if (plan.errors.length) return { summary, errors: plan.errors };

  const now = new Date();
  const creates = plan.operations.flatMap((op) => (op.kind === 'create' ? [op] : []));
  const updates = plan.operations.flatMap((op) => (op.kind === 'update' ? [op] : []));
  for (let i = 0; i < creates.length; i += CHUNK) {
    await tx.insert(organisations).values(
      creates.slice(i, i + CHUNK).map((op) => ({
        ...op.values,
        sources: [],
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  for (const op of updates) {
    if (Object.keys(op.set).length > 0)
      await tx
        .update(organisations)
        .set({ ...op.set, updatedAt: now })
        .where(eq(organisations.id, op.id));
  }
  const competences = [
    ...creates.flatMap((op) => op.conceptIds.map((conceptId) => ({ organisationId: op.id, conceptId }))),
    ...updates.flatMap((op) => op.addConceptIds.map((conceptId) => ({ organisationId: op.id, conceptId }))),
  ];
  for (let i = 0; i < competences.length; i += CHUNK) {
    await tx
      .insert(organisationCompetences)
      .values(
        competences
          .slice(i, i + CHUNK)
          .map((c) => ({ ...c, strength: 'active' as const, source: 'import' as const, updatedAt: now })),
      )
      .onConflictDoNothing();
  }

  // Every created or changed organisation gets its own audit row; unchanged ones none.
  const actor = auditActor(meta.actor);
  const audits = [
    ...creates.map((op) => ({
      ...actor,
      action: 'create',
      entity: 'organisation',
      entityId: op.id,
      changes: { ...op.values, valueChainIds: op.conceptIds, importId: meta.importId, row: op.row },
    })),
    ...updates.map((op) => ({
      ...actor,
      action: 'update',
      entity: 'organisation',
      entityId: op.id,
      changes: { ...op.changes, importId: meta.importId, row: op.row },
    })),
  ];
  for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditLog).values(audits.slice(i, i + CHUNK));
  return { summary, errors: [] };
}

export const organisationsImportKind = defineImportKind<OrganisationImportRow, OrganisationImportContext>({
  definition: organisationsImportDefinition,
  loadContext,
  async checkStored(db, values, context) {
    return (await planAgainst(db, values, context)).errors;
  },
  commit,
});
