import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import {
  challengeHistory,
  challenges,
  concepts,
  fundingCalls,
  fundingInstruments,
  meta,
  organisations,
  projectPartners,
  projects,
} from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/**
 * The demo pipeline (data/demo/projects.json): real battery calls with their sources, and
 * illustrative projects at different stages with consortia and budget sketches built from the
 * demo organisations (plus a few foreign partners by name and country). Loaded once with the
 * demo network, and once into a database whose demo predates it; `reset` replaces them.
 */
const LOADED_KEY = 'demo_projects_loaded_at';
const STAGES = [
  'idea',
  'concept_note',
  'consortium',
  'proposal',
  'submitted',
  'funded',
  'not_funded',
] as const;
const ACTIONS = ['RIA', 'IA', 'CSA'] as const;
const ROLES = ['coordinator', 'beneficiary', 'affiliated_entity', 'associated_partner'] as const;
const euros = z.number().int().min(0);

const FileSchema = z.object({
  calls: z.array(
    z.object({
      id: z.string().startsWith('demo-'),
      instrumentId: z.string(),
      topicId: z.string().nullable(),
      title: z.string(),
      description: z.string(),
      deadline: z.iso.datetime({ offset: true }).nullable(),
      actionType: z.enum(ACTIONS).nullable(),
      budgetEur: euros.nullable(),
      url: z.string().nullable(),
      conceptIds: z.array(z.string()),
      sources: z.array(z.string()).min(1),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string().startsWith('demo-'),
      /** Every demo project is invented: the file says so, and the loader refuses any other. */
      illustrative: z.literal(true),
      title: z.string(),
      summary: z.string(),
      stage: z.enum(STAGES),
      challengeIds: z.array(z.string()),
      regionIds: z.array(z.string()),
      conceptIds: z.array(z.string()),
      instrumentId: z.string().nullable(),
      callId: z.string().nullable(),
      requestedEur: euros.nullable(),
      grantedEur: euros.nullable(),
      workPackages: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          /** Index of the lead in `partners`. */
          lead: z.number().int().min(0).nullable(),
          startMonth: z.number().int().nullable(),
          endMonth: z.number().int().nullable(),
          conceptIds: z.array(z.string()),
        }),
      ),
      partners: z.array(
        z.object({
          organisationId: z.string().optional(),
          name: z.string().optional(),
          country: z.string().length(2).optional(),
          role: z.enum(ROLES),
          isNonProfit: z.boolean(),
          isSme: z.boolean(),
          personnelEur: euros,
          subcontractingEur: euros,
          otherEur: euros,
        }),
      ),
    }),
  ),
});

export function readDemoProjects() {
  const file = path.join(DATA_DIR, 'demo/projects.json');
  const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Runs inside the demo network's transaction, after the organisations, concepts and challenges. */
export async function loadDemoProjects(tx: Db, options: { reset: boolean }) {
  if (options.reset) {
    await tx.delete(projects).where(sql`${projects.id} like 'demo-%'`);
    await tx.delete(fundingCalls).where(sql`${fundingCalls.id} like 'demo-%'`);
  } else {
    const [done] = await tx.select({ key: meta.key }).from(meta).where(eq(meta.key, LOADED_KEY));
    if (done) return { loaded: false as const };
  }
  const file = readDemoProjects();
  const orgs = new Map(
    (
      await tx
        .select({ id: organisations.id, name: organisations.name, regionId: organisations.regionId })
        .from(organisations)
    ).map((o) => [o.id, o]),
  );
  const conceptIds = new Set((await tx.select({ id: concepts.id }).from(concepts)).map((r) => r.id));
  const instrumentIds = new Set(
    (await tx.select({ id: fundingInstruments.id }).from(fundingInstruments)).map((r) => r.id),
  );
  const known = (ids: string[]) => ids.filter((id) => conceptIds.has(id));

  const callRows = file.calls
    .filter((c) => instrumentIds.has(c.instrumentId))
    .map(({ sources: _sources, deadline, ...c }) => ({
      ...c,
      deadline: deadline ? new Date(deadline) : null,
      conceptIds: known(c.conceptIds),
    }));
  const callIds = new Set(callRows.map((c) => c.id));
  if (callRows.length) await tx.insert(fundingCalls).values(callRows).onConflictDoNothing();

  let partnerCount = 0;
  for (const p of file.projects) {
    // Partners of the registry that this database lacks are left out; foreign ones need a name.
    const partners = p.partners.flatMap((x, i) => {
      const org = x.organisationId ? orgs.get(x.organisationId) : undefined;
      if (x.organisationId && !org) return [];
      const name = org?.name ?? x.name;
      if (!name) return [];
      const { organisationId: _o, name: _n, country, ...money } = x;
      return [
        {
          id: `${p.id}-p${i + 1}`,
          index: i,
          projectId: p.id,
          organisationId: org?.id ?? null,
          name,
          country: country ?? 'FI',
          regionId: org?.regionId ?? null,
          position: i,
          conceptIds: [] as string[],
          ...money,
        },
      ];
    });
    const partnerId = (index: number | null) => partners.find((x) => x.index === index)?.id ?? null;
    const [row] = await tx
      .insert(projects)
      .values({
        id: p.id,
        title: p.title,
        summary: p.summary,
        stage: p.stage,
        challengeIds: p.challengeIds,
        regionIds: p.regionIds,
        conceptIds: known(p.conceptIds),
        details: { illustrative: true },
        instrumentId: p.instrumentId && instrumentIds.has(p.instrumentId) ? p.instrumentId : null,
        callId: p.callId && callIds.has(p.callId) ? p.callId : null,
        requestedEur: p.requestedEur,
        grantedEur: p.grantedEur,
        workPackages: p.workPackages.map(({ lead, ...wp }) => ({
          ...wp,
          leadPartnerId: partnerId(lead),
          conceptIds: known(wp.conceptIds),
        })),
      })
      .onConflictDoNothing()
      .returning({ id: projects.id });
    if (row && partners.length) {
      await tx.insert(projectPartners).values(partners.map(({ index: _index, ...x }) => x));
      partnerCount += partners.length;
    }
    if (row) await markChallengesInProject(tx, p.id, p.title, p.challengeIds);
  }
  await tx
    .insert(meta)
    .values({ key: LOADED_KEY, value: new Date().toISOString() })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
  const counts = { calls: callRows.length, projects: file.projects.length, partners: partnerCount };
  await recordAudit(tx, {
    actor: { kind: 'system' },
    action: options.reset ? 'demo_reset' : 'demo_load',
    entity: 'demo_projects',
    changes: counts,
  });
  return { loaded: true as const, ...counts };
}

/**
 * As starting a project from challenges does in the app (src/db/queries/projects.ts): its open
 * challenges move on to `in_project`, with a line in their history; merged and rejected ones stay.
 */
async function markChallengesInProject(tx: Db, projectId: string, title: string, ids: string[]) {
  if (ids.length === 0) return;
  const open = await tx
    .select({ id: challenges.id, status: challenges.status })
    .from(challenges)
    .where(and(inArray(challenges.id, ids), inArray(challenges.status, ['new', 'validated', 'common'])));
  if (open.length === 0) return;
  await tx
    .update(challenges)
    .set({ status: 'in_project', updatedAt: new Date() })
    .where(
      inArray(
        challenges.id,
        open.map((c) => c.id),
      ),
    );
  // Written by no one: the demo loader is not a person.
  await tx.insert(challengeHistory).values(
    open.map((c) => ({
      id: randomUUID(),
      challengeId: c.id,
      actorUserId: null,
      event: 'added_to_project',
      details: { projectId, projectTitle: title, from: c.status, to: 'in_project' },
    })),
  );
}
