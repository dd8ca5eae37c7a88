import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/create-db.ts';
import { findRound } from '../../../db/queries/skills.ts';
import {
  importedAnswers,
  namedConcepts,
  organisationsAnsweredByLink,
  regionNames,
  registryOrganisations,
  writeSurveyImport,
} from '../../../db/queries/skills-imports.ts';
import type { UserActor } from '../../../domain/auth/roles.ts';
import { AppError } from '../../../domain/errors.ts';
import {
  buildSurveyImportContext,
  planSurveyImport,
  type SurveyImportContext,
  type SurveyResponseRow,
  summarisePlan,
  surveyResponsesImportDefinition,
} from '../../../domain/imports/survey-response-import.ts';
import { canReadRound, canRunRound } from '../../../domain/skills/skills-permissions.ts';
import { defineImportKind, type ValidRow } from '../import-job-kind.ts';

/**
 * The `survey-responses` import kind: the database half of
 * src/domain/imports/survey-response-import.ts. The round comes from the upload's `roundId`
 * parameter; only who runs the round (its region's coordinator, an admin) may import into it.
 */

async function runnableRound(db: Db, actor: UserActor, params: Readonly<Record<string, string>>) {
  const round = params.roundId ? await findRound(db, params.roundId) : null;
  if (!round || !canReadRound(actor, round)) throw new AppError('not_found', 'Survey round not found');
  if (!canRunRound(actor, round))
    throw new AppError(
      'forbidden',
      "Only admins and the coordinator of the round's region import answers into it",
    );
  return round;
}

async function loadContext(
  db: Db,
  actor: UserActor,
  params: Readonly<Record<string, string>>,
): Promise<SurveyImportContext> {
  const round = await runnableRound(db, actor, params);
  const [organisations, regions, instrumentConcepts, levels] = await Promise.all([
    registryOrganisations(db),
    regionNames(db),
    namedConcepts(db, { ids: [...round.instrument.roleIds, ...round.instrument.skillIds] }),
    namedConcepts(db, { schemes: ['education-levels'] }),
  ]);
  return buildSurveyImportContext({
    actor,
    round: { id: round.id, regionId: round.regionId, instrument: round.instrument },
    organisations,
    concepts: [...instrumentConcepts, ...levels],
    regions,
  });
}

async function plan(db: Db, values: ValidRow<SurveyResponseRow>[], context: SurveyImportContext) {
  const roundId = context.round.id;
  return planSurveyImport({
    roundId,
    values,
    existing: await importedAnswers(db, roundId),
    answeredByLink: await organisationsAnsweredByLink(db, roundId),
  });
}

export const surveyResponsesImportKind = defineImportKind<SurveyResponseRow, SurveyImportContext>({
  definition: surveyResponsesImportDefinition,
  loadContext,
  async checkParams(db, actor, params) {
    await runnableRound(db, actor, params);
  },
  async checkStored(db, values, context) {
    return (await plan(db, values, context)).errors;
  },
  async commit(tx, values, context, meta) {
    // Two imports into one round commit one after the other, each planning from the other's result.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`kenno:import:survey-responses:${context.round.id}`}))`,
    );
    const { errors, operations } = await plan(tx, values, context);
    const summary = summarisePlan(operations);
    if (errors.length) return { summary, errors };
    await writeSurveyImport(tx, context.round.id, operations, meta);
    return { summary, errors: [] };
  },
});
