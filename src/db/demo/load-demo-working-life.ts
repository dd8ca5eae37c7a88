import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n/localized.ts';
import { DEMO_TEACHER_PREFIX, PERIOD_STATUSES } from '../../domain/training/working-life.ts';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import { concepts, hostOffers, meta, organisations, teachers, workingLifePeriods } from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/**
 * The demo of teachers' working-life periods (data/demo/working-life.json): host offers of
 * demo companies, illustrative teachers (no real persons) and two periods, one completed with
 * its follow-up report. Loaded once with the demo network, and once into a database whose
 * demo predates it; `reset` replaces them.
 */
const LOADED_KEY = 'demo_working_life_loaded_at';

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const FileSchema = z.object({
  offers: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      regionId: z.string().nullable(),
      title: Localized,
      description: Localized,
      conceptIds: z.array(z.string()),
      languages: z.array(z.enum(LANGUAGES)),
      capacity: z.number().int().min(1),
      durationWeeks: z.number().int().nullable(),
      availableFrom: Day.nullable(),
      availableTo: Day.nullable(),
      sources: z.array(z.string()).min(1),
    }),
  ),
  teachers: z.array(
    z.object({
      id: z.string(),
      /** Every demo teacher is invented: the file says so, and the loader refuses any other. */
      illustrative: z.literal(true),
      name: z.string(),
      organisationId: z.string(),
      regionId: z.string().nullable(),
      subjects: z.string(),
      developmentGoals: z.string(),
      conceptIds: z.array(z.string()),
      languages: z.array(z.enum(LANGUAGES)),
    }),
  ),
  periods: z.array(
    z.object({
      id: z.string(),
      teacherId: z.string(),
      offerId: z.string().nullable(),
      hostOrganisationId: z.string(),
      status: z.enum(PERIOD_STATUSES),
      startDate: Day,
      endDate: Day,
      goals: z.string(),
      supervisorName: z.string(),
      followUp: z
        .object({
          goalsAchieved: z.string(),
          outcomes: z.string(),
          changesToTeaching: z.string(),
          days: z.number().int().nullable(),
          rating: z.number().int().min(1).max(5).nullable(),
          submittedAt: z.string(),
        })
        .nullable(),
    }),
  ),
});

export function readDemoWorkingLife() {
  const file = path.join(DATA_DIR, 'demo/working-life.json');
  const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Runs inside the demo network's transaction, after the organisations and concepts are in. */
export async function loadDemoWorkingLife(tx: Db, options: { reset: boolean }) {
  if (options.reset) {
    await tx.delete(workingLifePeriods).where(sql`${workingLifePeriods.id} like 'demo-%'`);
    await tx.delete(teachers).where(sql`${teachers.id} like 'demo-%'`);
    await tx.delete(hostOffers).where(sql`${hostOffers.id} like 'demo-%'`);
  } else {
    const [done] = await tx.select({ key: meta.key }).from(meta).where(eq(meta.key, LOADED_KEY));
    if (done) return { loaded: false as const };
  }
  const file = readDemoWorkingLife();
  const orgIds = new Set((await tx.select({ id: organisations.id }).from(organisations)).map((r) => r.id));
  const conceptIds = new Set((await tx.select({ id: concepts.id }).from(concepts)).map((r) => r.id));
  const known = (ids: string[]) => ids.filter((id) => conceptIds.has(id));

  const offerRows = file.offers
    .filter((o) => orgIds.has(o.organisationId))
    .map(({ sources: _sources, ...o }) => ({ ...o, conceptIds: known(o.conceptIds), isActive: true }));
  const teacherRows = file.teachers
    .filter((t) => orgIds.has(t.organisationId) && t.id.startsWith(DEMO_TEACHER_PREFIX))
    .map(({ illustrative: _illustrative, ...t }) => ({
      ...t,
      conceptIds: known(t.conceptIds),
      email: null,
      userId: null,
    }));
  const offerIds = new Set(offerRows.map((o) => o.id));
  const teacherIds = new Set(teacherRows.map((t) => t.id));
  const periodRows = file.periods
    .filter((p) => teacherIds.has(p.teacherId) && orgIds.has(p.hostOrganisationId))
    .map((p) => ({ ...p, offerId: p.offerId && offerIds.has(p.offerId) ? p.offerId : null }));

  if (offerRows.length) await tx.insert(hostOffers).values(offerRows).onConflictDoNothing();
  if (teacherRows.length) await tx.insert(teachers).values(teacherRows).onConflictDoNothing();
  if (periodRows.length) await tx.insert(workingLifePeriods).values(periodRows).onConflictDoNothing();
  await tx
    .insert(meta)
    .values({ key: LOADED_KEY, value: new Date().toISOString() })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
  const counts = { offers: offerRows.length, teachers: teacherRows.length, periods: periodRows.length };
  await recordAudit(tx, {
    actor: { kind: 'system' },
    action: options.reset ? 'demo_reset' : 'demo_load',
    entity: 'demo_working_life',
    changes: counts,
  });
  return { loaded: true as const, ...counts };
}
