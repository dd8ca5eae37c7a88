import { count } from 'drizzle-orm';
import type { PeriodStatus } from '../schema/index.ts';
import type { Db } from '../create-db.ts';
import { challenges, programmeCountries, workingLifePeriods } from '../schema/index.ts';

/** Member States and Associated Countries (ISO codes): their partners may receive EU money. */
export async function programmeCountryCodes(db: Db): Promise<Set<string>> {
  const rows = await db.select({ code: programmeCountries.countryCode }).from(programmeCountries);
  return new Set(rows.map((r) => r.code));
}

/** Teachers' working-life periods by status, counted straight from the table. */
export async function workingLifePeriodCounts(db: Db): Promise<Record<PeriodStatus, number>> {
  const rows = await db
    .select({ status: workingLifePeriods.status, n: count() })
    .from(workingLifePeriods)
    .groupBy(workingLifePeriods.status);
  const out: Record<PeriodStatus, number> = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
  for (const r of rows) if (r.status in out) out[r.status] = r.n;
  return out;
}

/** Challenges not merged away, and those already in a project. */
export async function challengeCounts(db: Db): Promise<{ total: number; inProject: number }> {
  const rows = await db
    .select({ status: challenges.status, n: count() })
    .from(challenges)
    .groupBy(challenges.status);
  const total = rows.filter((r) => r.status !== 'merged').reduce((s, r) => s + r.n, 0);
  return { total, inProject: rows.find((r) => r.status === 'in_project')?.n ?? 0 };
}
