import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { hashSecret } from '../../domain/auth/secrets.ts';
import { LANGUAGES } from '../../domain/i18n/localized.ts';
import { TRAINING_LEVELS } from '../../domain/skills/gap-definitions.ts';
import { CREDIT_UNITS, PROGRAMME_KINDS, programmeId } from '../../domain/skills/programme.ts';
import { InstrumentSchema, MAX_HEADCOUNT } from '../../domain/skills/survey.ts';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import { surveyAnswers, surveyRespondents, surveyRounds, trainingProgrammes } from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/**
 * The demo of skills intelligence (data/demo/skills.json, provenance in data/README.md): two
 * network-wide survey rounds answered by real demo employers — 2025 imported from a survey
 * tool, 2026 open and answered through personal links — and training programmes of the
 * network's institutions. Headcounts and intake/graduate figures are illustrative.
 */

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const Headcount = z.number().int().min(0).max(MAX_HEADCOUNT);
/** [roleId, eqfLevel, regionId, now, in 1–3 years, in 3–5 years, difficulty 1–5, free text?] */
const Need = z.union([
  z.tuple([
    z.string(),
    z.number().int().min(1).max(8),
    z.string(),
    Headcount,
    Headcount,
    Headcount,
    z.number().int().min(1).max(5),
  ]),
  z.tuple([
    z.string(),
    z.number().int().min(1).max(8),
    z.string(),
    Headcount,
    Headcount,
    Headcount,
    z.number().int().min(1).max(5),
    z.string(),
  ]),
]);

const DemoSkillsSchema = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      title: Localized,
      intro: Localized,
      regionId: z.string().nullable(),
      status: z.enum(['draft', 'open', 'closed']),
      opensAt: z.string(),
      closesAt: z.string(),
      instrument: InstrumentSchema,
      via: z.enum(['import', 'link']),
      responses: z.array(
        z.object({
          organisationId: z.string(),
          language: z.enum(LANGUAGES).optional(),
          status: z.enum(['invited', 'started', 'submitted']).optional(),
          needs: z.array(Need),
        }),
      ),
    }),
  ),
  programmes: z.array(
    z.object({
      organisationId: z.string(),
      kind: z.enum(PROGRAMME_KINDS),
      name: Localized,
      level: z.enum(TRAINING_LEVELS),
      eqfLevel: z.number().int().min(1).max(8),
      regionId: z.string().nullable(),
      yearlyIntake: z.number().int().nullable(),
      yearlyGraduates: z.number().int().nullable(),
      roleIds: z.array(z.string()),
      competenceIds: z.array(z.string()),
      credits: z.number().nullable(),
      creditUnit: z.enum(CREDIT_UNITS).nullable(),
      language: z.string().nullable(),
      url: z.string().nullable(),
      sources: z.array(z.string()),
      note: z.string(),
    }),
  ),
});

export function readDemoSkills() {
  const file = path.join(DATA_DIR, 'demo/skills.json');
  const parsed = DemoSkillsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Loads (or, after a reset, reloads) the demo rounds, their answers and the demo programmes. */
export async function loadDemoSkills(tx: Db, _options: { reset: boolean }) {
  const data = readDemoSkills();
  const programmes = data.programmes.map((p) => ({ ...p, id: programmeId(p.organisationId, p.name) }));
  // A reset removed the organisations and with them answers and programmes; rounds remain.
  await tx.delete(surveyRounds).where(
    inArray(
      surveyRounds.id,
      data.rounds.map((r) => r.id),
    ),
  );
  await tx.delete(trainingProgrammes).where(
    inArray(
      trainingProgrammes.id,
      programmes.map((p) => p.id),
    ),
  );

  let answerCount = 0;
  let respondentCount = 0;
  for (const round of data.rounds) {
    const opensAt = new Date(round.opensAt);
    const closesAt = new Date(round.closesAt);
    await tx.insert(surveyRounds).values({
      id: round.id,
      title: round.title,
      intro: round.intro,
      regionId: round.regionId,
      status: round.status,
      instrument: round.instrument,
      opensAt,
      closesAt,
      createdAt: opensAt,
      updatedAt: opensAt,
    });
    const answers: (typeof surveyAnswers.$inferInsert)[] = [];
    for (const [i, response] of round.responses.entries()) {
      let respondentId: string | null = null;
      if (round.via === 'link') {
        respondentId = `${round.id}.respondent-${i + 1}`;
        const status = response.status ?? 'submitted';
        const answeredAt = new Date(opensAt.getTime() + (i + 1) * 36 * 3_600_000);
        await tx.insert(surveyRespondents).values({
          id: respondentId,
          roundId: round.id,
          organisationId: response.organisationId,
          language: response.language ?? 'fi',
          // Nobody holds a demo token: coordinators invite real respondents themselves.
          tokenHash: hashSecret(randomBytes(32).toString('base64url')),
          expiresAt: closesAt,
          startedAt: status === 'invited' ? null : answeredAt,
          submittedAt: status === 'submitted' ? answeredAt : null,
          createdAt: opensAt,
        });
        respondentCount++;
      }
      for (const [roleId, eqfLevel, regionId, now, in1to3, in3to5, difficulty, freeText] of response.needs) {
        answers.push({
          id: `${round.id}.${response.organisationId}.${roleId}.${eqfLevel}.${regionId}`,
          roundId: round.id,
          respondentId,
          organisationId: response.organisationId,
          roleId,
          eqfLevel,
          regionId,
          headcountNow: now,
          headcount1to3: in1to3,
          headcount3to5: in3to5,
          recruitmentDifficulty: difficulty,
          freeText: freeText ?? null,
          createdAt: opensAt,
          updatedAt: opensAt,
        });
      }
    }
    for (let i = 0; i < answers.length; i += 500)
      await tx.insert(surveyAnswers).values(answers.slice(i, i + 500));
    answerCount += answers.length;
  }

  // `note` is provenance for data/README.md; the table has no column for it.
  await tx
    .insert(trainingProgrammes)
    .values(programmes.map(({ note: _note, ...p }) => ({ ...p, isPublic: true })));
  const counts = {
    rounds: data.rounds.length,
    respondents: respondentCount,
    answers: answerCount,
    programmes: programmes.length,
  };
  await recordAudit(tx, {
    actor: { kind: 'system' },
    action: 'demo_load',
    entity: 'demo_skills',
    changes: counts,
  });
  return counts;
}
