import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  StoredImportedAnswer,
  SurveyImportOperation,
} from '../../domain/imports/survey-response-import.ts';
import type { ProgrammeOperation, StoredProgramme } from '../../domain/imports/training-supply-import.ts';
import type { NamedConcept, RegistryOrganisation } from '../../domain/imports/skills-import-common.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import type { Db } from '../create-db.ts';
import {
  auditLog,
  concepts,
  organisations,
  regions,
  surveyAnswers,
  trainingProgrammes,
} from '../schema/index.ts';

/** What the survey-responses and training-supply imports read and write. */

export async function registryOrganisations(db: Db): Promise<RegistryOrganisation[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      nameEn: organisations.nameEn,
      businessId: organisations.businessId,
      regionId: organisations.regionId,
    })
    .from(organisations);
}

export async function regionNames(db: Db) {
  return db.select({ id: regions.id, name: regions.name }).from(regions);
}

/** Concepts of some schemes (or with some ids) with their labels, for lookups by name. */
export async function namedConcepts(
  db: Db,
  filter: { schemes?: string[]; ids?: string[] },
): Promise<(NamedConcept & { parentId: string | null })[]> {
  const where = filter.ids
    ? filter.ids.length
      ? inArray(concepts.id, filter.ids)
      : sql`false`
    : inArray(concepts.scheme, filter.schemes ?? []);
  return db
    .select({
      id: concepts.id,
      labels: concepts.labels,
      altLabels: concepts.altLabels,
      notation: concepts.notation,
      parentId: concepts.parentId,
    })
    .from(concepts)
    .where(where);
}

/** The round's imported answers (not those of personal links), as the plan compares them. */
export async function importedAnswers(db: Db, roundId: string): Promise<StoredImportedAnswer[]> {
  return db
    .select({
      id: surveyAnswers.id,
      organisationId: surveyAnswers.organisationId,
      roleId: surveyAnswers.roleId,
      eqfLevel: surveyAnswers.eqfLevel,
      regionId: surveyAnswers.regionId,
      now: surveyAnswers.headcountNow,
      in1to3: surveyAnswers.headcount1to3,
      in3to5: surveyAnswers.headcount3to5,
      difficulty: surveyAnswers.recruitmentDifficulty,
      freeText: surveyAnswers.freeText,
      skillIds: surveyAnswers.skillIds,
    })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.roundId, roundId), isNull(surveyAnswers.respondentId)));
}

/** Employers that answered the round through a personal link. */
export async function organisationsAnsweredByLink(db: Db, roundId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ organisationId: surveyAnswers.organisationId })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.roundId, roundId), isNotNull(surveyAnswers.respondentId)));
  return new Set(rows.map((r) => r.organisationId));
}

function auditActor(actor: UserActor) {
  return {
    actorUserId: actor.userId,
    actorKind:
      actor.via === 'token' ? ('token' as const) : actor.via === 'cli' ? ('cli' as const) : ('user' as const),
  };
}

const CHUNK = 500;

export async function writeSurveyImport(
  tx: Db,
  roundId: string,
  operations: readonly SurveyImportOperation[],
  meta: { importId: string; actor: UserActor },
): Promise<void> {
  const now = new Date();
  const creates = operations.flatMap((op) => (op.kind === 'create' ? [op] : []));
  const updates = operations.flatMap((op) => (op.kind === 'update' ? [op] : []));
  const columns = (v: (typeof creates)[number]['value']) => ({
    headcountNow: v.now,
    headcount1to3: v.in1to3,
    headcount3to5: v.in3to5,
    recruitmentDifficulty: v.difficulty,
    freeText: v.freeText,
    skillIds: v.skillIds,
    importId: meta.importId,
    updatedAt: now,
  });
  for (let i = 0; i < creates.length; i += CHUNK)
    await tx.insert(surveyAnswers).values(
      creates.slice(i, i + CHUNK).map((op) => ({
        id: op.id,
        roundId,
        organisationId: op.value.organisationId,
        roleId: op.value.roleId,
        eqfLevel: op.value.eqfLevel,
        regionId: op.value.regionId,
        ...columns(op.value),
      })),
    );
  for (const op of updates)
    await tx.update(surveyAnswers).set(columns(op.value)).where(eq(surveyAnswers.id, op.id));
  const actor = auditActor(meta.actor);
  const audits = [
    ...creates.map((op) => ({
      ...actor,
      action: 'create',
      entity: 'survey_answer',
      entityId: op.id,
      changes: { roundId, ...op.value, importId: meta.importId, row: op.row },
    })),
    ...updates.map((op) => ({
      ...actor,
      action: 'update',
      entity: 'survey_answer',
      entityId: op.id,
      changes: { ...op.changes, importId: meta.importId, row: op.row },
    })),
  ];
  for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditLog).values(audits.slice(i, i + CHUNK));
}

export async function storedProgrammes(db: Db): Promise<StoredProgramme[]> {
  return db
    .select({
      id: trainingProgrammes.id,
      organisationId: trainingProgrammes.organisationId,
      name: trainingProgrammes.name,
      kind: trainingProgrammes.kind,
      level: trainingProgrammes.level,
      eqfLevel: trainingProgrammes.eqfLevel,
      regionId: trainingProgrammes.regionId,
      yearlyIntake: trainingProgrammes.yearlyIntake,
      yearlyGraduates: trainingProgrammes.yearlyGraduates,
      roleIds: trainingProgrammes.roleIds,
      competenceIds: trainingProgrammes.competenceIds,
      credits: trainingProgrammes.credits,
      creditUnit: trainingProgrammes.creditUnit,
      language: trainingProgrammes.language,
      url: trainingProgrammes.url,
      isPublic: trainingProgrammes.isPublic,
      delivery: trainingProgrammes.delivery,
      workBasedShare: trainingProgrammes.workBasedShare,
      learningOutcomes: trainingProgrammes.learningOutcomes,
    })
    .from(trainingProgrammes);
}

export async function writeTrainingImport(
  tx: Db,
  operations: readonly ProgrammeOperation[],
  meta: { importId: string; actor: UserActor },
): Promise<void> {
  const now = new Date();
  const creates = operations.flatMap((op) => (op.kind === 'create' ? [op] : []));
  const updates = operations.flatMap((op) => (op.kind === 'update' ? [op] : []));
  for (let i = 0; i < creates.length; i += CHUNK)
    await tx
      .insert(trainingProgrammes)
      .values(
        creates
          .slice(i, i + CHUNK)
          .map((op) => ({ ...op.values, sources: [], createdAt: now, updatedAt: now })),
      );
  for (const op of updates)
    await tx
      .update(trainingProgrammes)
      .set({ ...op.set, updatedAt: now })
      .where(eq(trainingProgrammes.id, op.id));
  const actor = auditActor(meta.actor);
  const audits = [
    ...creates.map((op) => ({
      ...actor,
      action: 'create',
      entity: 'training_programme',
      entityId: op.values.id,
      changes: { ...op.values, importId: meta.importId, row: op.row },
    })),
    ...updates.map((op) => ({
      ...actor,
      action: 'update',
      entity: 'training_programme',
      entityId: op.id,
      changes: { ...op.changes, importId: meta.importId, row: op.row },
    })),
  ];
  for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditLog).values(audits.slice(i, i + CHUNK));
}
