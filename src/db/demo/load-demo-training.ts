import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DELIVERY_MODES } from '../../domain/skills/programme.ts';
import { PATH_AUDIENCES } from '../../domain/training/path-schema.ts';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import { trainingPaths, trainingPathSteps, trainingProgrammes } from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/**
 * The demo of training paths (data/demo/training.json, provenance in data/README.md): delivery,
 * work-based share and learning outcomes of the demo programmes of data/demo/skills.json, and
 * published paths joining them across levels. Idempotent: paths already there are left alone,
 * and programme details are only filled in where a programme has no learning outcomes yet.
 */

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const DemoTrainingSchema = z.object({
  notes: z.string(),
  programmeDetails: z.record(
    z.string(),
    z.object({
      delivery: z.enum(DELIVERY_MODES),
      workBasedShare: z.number().min(0).max(1),
      learningOutcomes: z.array(z.object({ text: Localized, conceptIds: z.array(z.string()) })),
    }),
  ),
  paths: z.array(
    z.object({
      id: z.string(),
      title: Localized,
      summary: Localized,
      audience: z.enum(PATH_AUDIENCES),
      status: z.enum(['draft', 'published']),
      regionIds: z.array(z.string()),
      ownerOrganisationId: z.string().nullable(),
      steps: z.array(z.object({ programmeId: z.string(), prerequisiteIds: z.array(z.string()) })),
    }),
  ),
});

export function readDemoTraining() {
  const file = path.join(DATA_DIR, 'demo/training.json');
  const parsed = DemoTrainingSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

export async function loadDemoTraining(tx: Db, options: { reset: boolean }) {
  const data = readDemoTraining();
  // A reset removed the programmes and with them the steps; the paths are loaded again.
  if (options.reset)
    await tx.delete(trainingPaths).where(
      inArray(
        trainingPaths.id,
        data.paths.map((p) => p.id),
      ),
    );
  const programmeIds = new Set(
    (await tx.select({ id: trainingProgrammes.id }).from(trainingProgrammes)).map((p) => p.id),
  );
  let detailed = 0;
  for (const [id, details] of Object.entries(data.programmeDetails)) {
    if (!programmeIds.has(id)) continue;
    const [row] = await tx
      .select({ learningOutcomes: trainingProgrammes.learningOutcomes })
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.id, id));
    if (row && row.learningOutcomes.length > 0) continue;
    await tx.update(trainingProgrammes).set(details).where(eq(trainingProgrammes.id, id));
    detailed++;
  }
  const existing = new Set(
    (
      await tx
        .select({ id: trainingPaths.id })
        .from(trainingPaths)
        .where(
          inArray(
            trainingPaths.id,
            data.paths.map((p) => p.id),
          ),
        )
    ).map((p) => p.id),
  );
  const fresh = data.paths.filter(
    (p) => !existing.has(p.id) && p.steps.every((s) => programmeIds.has(s.programmeId)),
  );
  for (const p of fresh) {
    const { steps, ...values } = p;
    await tx.insert(trainingPaths).values(values);
    await tx.insert(trainingPathSteps).values(steps.map((s, position) => ({ pathId: p.id, ...s, position })));
  }
  if (detailed || fresh.length)
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: 'demo_load',
      entity: 'demo_training',
      changes: { programmesDetailed: detailed, paths: fresh.length },
    });
  return { programmesDetailed: detailed, paths: fresh.length };
}
