import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import {
  cordisOrganisations,
  fundingCalls,
  fundingInstruments,
  organisations,
  projectPartners,
  projects,
  regions,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type PartnerRow = typeof projectPartners.$inferSelect;
export type PartnerRole = PartnerRow['role'];

export type PartnerInput = {
  organisationId: string | null;
  cordisOrganisationId: string | null;
  name: string;
  country: string;
  role: PartnerRole;
  affiliatedToPartnerId: string | null;
  legalEntityGroup: string | null;
  isNonProfit: boolean;
  isSme: boolean;
  regionId: string | null;
  personnelEur: number;
  subcontractingEur: number;
  otherEur: number;
  conceptIds: string[];
};
export type PartnerPatch = Partial<PartnerInput> & { position?: number };

/** The project with what its checks need: the instrument's action type and the call deadline. */
export async function findProjectForConsortium(db: Db, projectId: string) {
  const [row] = await db
    .select({
      project: projects,
      instrument: {
        id: fundingInstruments.id,
        track: fundingInstruments.track,
        actionType: fundingInstruments.actionType,
      },
      callDeadline: fundingCalls.deadline,
      callActionType: fundingCalls.actionType,
    })
    .from(projects)
    .leftJoin(fundingInstruments, eq(fundingInstruments.id, projects.instrumentId))
    .leftJoin(fundingCalls, eq(fundingCalls.id, projects.callId))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) throw notFound('Project');
  return row;
}

export async function findInstrument(db: Db, id: string) {
  const [row] = await db.select().from(fundingInstruments).where(eq(fundingInstruments.id, id)).limit(1);
  return row ?? null;
}

export async function listPartners(db: Db, projectId: string): Promise<PartnerRow[]> {
  return db
    .select()
    .from(projectPartners)
    .where(eq(projectPartners.projectId, projectId))
    .orderBy(asc(projectPartners.position), asc(projectPartners.createdAt), asc(projectPartners.id));
}

/** The registry organisation of the project's coordinator partner (for the edit permission). */
export function coordinatorOrganisationId(partners: readonly PartnerRow[]): string | null {
  return partners.find((p) => p.role === 'coordinator' && p.organisationId)?.organisationId ?? null;
}

async function checkReferences(
  db: Db,
  projectId: string,
  input: Partial<PartnerInput>,
  selfId: string | null,
) {
  if (input.affiliatedToPartnerId) {
    const [target] = await db
      .select({ id: projectPartners.id, role: projectPartners.role })
      .from(projectPartners)
      .where(
        and(eq(projectPartners.projectId, projectId), eq(projectPartners.id, input.affiliatedToPartnerId)),
      );
    if (!target || target.id === selfId)
      throw invalid('affiliatedToPartnerId', 'Not a partner of this project');
  }
  if (input.role === 'affiliated_entity' && input.affiliatedToPartnerId === null)
    throw invalid('affiliatedToPartnerId', 'An affiliated entity is tied to a beneficiary');
  if (input.organisationId) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!org) throw invalid('organisationId', 'No such organisation');
  }
  if (input.regionId) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
    if (!region) throw invalid('regionId', 'No such region');
  }
  if (input.cordisOrganisationId) {
    const [org] = await db
      .select({ id: cordisOrganisations.id })
      .from(cordisOrganisations)
      .where(eq(cordisOrganisations.id, input.cordisOrganisationId));
    if (!org) throw invalid('cordisOrganisationId', 'No such CORDIS organisation');
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path: [field], message }]);
}

export async function createPartner(
  db: Db,
  actor: Actor,
  projectId: string,
  input: PartnerInput,
): Promise<PartnerRow> {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, projectId))
      .for('update');
    if (!project) throw notFound('Project');
    await checkReferences(tx, projectId, input, null);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${projectPartners.position}), -1) + 1` })
      .from(projectPartners)
      .where(eq(projectPartners.projectId, projectId))) as [{ next: number }];
    const id = randomUUID();
    const values = { ...input, country: input.country.toUpperCase(), id, projectId, position: Number(next) };
    const [row] = await tx.insert(projectPartners).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'project_partner',
      entityId: id,
      changes: values,
    });
    return row!;
  });
}

export async function updatePartner(
  db: Db,
  actor: Actor,
  projectId: string,
  partnerId: string,
  patch: PartnerPatch,
): Promise<PartnerRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.id, partnerId)))
      .for('update');
    if (!before) throw notFound('Partner');
    const next = { ...patch, ...(patch.country ? { country: patch.country.toUpperCase() } : {}) };
    await checkReferences(
      tx,
      projectId,
      {
        ...next,
        role: next.role ?? before.role,
        affiliatedToPartnerId:
          next.affiliatedToPartnerId === undefined
            ? before.affiliatedToPartnerId
            : next.affiliatedToPartnerId,
      },
      partnerId,
    );
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(projectPartners)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(projectPartners.id, partnerId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'project_partner',
      entityId: partnerId,
      changes,
    });
    return row!;
  });
}

/** Deletes a partner; its affiliated entities lose the tie (they stay, flagged by the check). */
export async function deletePartner(
  db: Db,
  actor: Actor,
  projectId: string,
  partnerId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.id, partnerId)))
      .returning();
    if (!before) throw notFound('Partner');
    await tx
      .update(projectPartners)
      .set({ affiliatedToPartnerId: null, updatedAt: new Date() })
      .where(
        and(eq(projectPartners.projectId, projectId), eq(projectPartners.affiliatedToPartnerId, partnerId)),
      );
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'project_partner',
      entityId: partnerId,
      changes: { projectId, name: before.name, country: before.country, role: before.role },
    });
  });
}
