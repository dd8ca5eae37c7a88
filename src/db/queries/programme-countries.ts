import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { notFound } from '../../domain/errors.ts';
import type { ProgrammeCountry } from '../../domain/projects/eligibility.ts';
import type { Db } from '../create-db.ts';
import { programmeCountries } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type ProgrammeCountryRow = typeof programmeCountries.$inferSelect;
export type ProgrammeCountryInput = Omit<ProgrammeCountryRow, 'countryCode' | 'updatedAt'>;

/** Member States first, then Associated Countries, each by name. */
export async function listProgrammeCountries(db: Db): Promise<ProgrammeCountryRow[]> {
  return db
    .select()
    .from(programmeCountries)
    .orderBy(asc(programmeCountries.status), asc(programmeCountries.name));
}

export function toProgrammeCountry(row: ProgrammeCountryRow): ProgrammeCountry {
  return {
    countryCode: row.countryCode,
    name: row.name,
    status: row.status,
    scope: row.scope,
    fromDate: row.fromDate,
    toDate: row.toDate,
    transitional: row.transitional,
  };
}

/** Creates or replaces one country's status (admins). */
export async function putProgrammeCountry(
  db: Db,
  actor: Actor,
  countryCode: string,
  input: ProgrammeCountryInput,
): Promise<{ row: ProgrammeCountryRow; created: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(programmeCountries)
      .where(eq(programmeCountries.countryCode, countryCode))
      .for('update');
    if (before) {
      const changes = diffFields(
        before as unknown as Record<string, unknown>,
        input as Record<string, unknown>,
      );
      if (Object.keys(changes).length === 0) return { row: before, created: false };
      const [row] = await tx
        .update(programmeCountries)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(programmeCountries.countryCode, countryCode))
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'update',
        entity: 'programme_country',
        entityId: countryCode,
        changes,
      });
      return { row: row!, created: false };
    }
    const [row] = await tx
      .insert(programmeCountries)
      .values({ ...input, countryCode })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'programme_country',
      entityId: countryCode,
      changes: { ...input },
    });
    return { row: row!, created: true };
  });
}

export async function deleteProgrammeCountry(db: Db, actor: Actor, countryCode: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(programmeCountries)
      .where(eq(programmeCountries.countryCode, countryCode))
      .returning();
    if (!before) throw notFound('Programme country');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'programme_country',
      entityId: countryCode,
      changes: { name: before.name, status: before.status, scope: before.scope },
    });
  });
}
