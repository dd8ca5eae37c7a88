import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/create-db.ts';
import { ROLE_SCHEMES } from '../../../db/queries/skills.ts';
import {
  namedConcepts,
  regionNames,
  registryOrganisations,
  storedProgrammes,
  writeTrainingImport,
} from '../../../db/queries/skills-imports.ts';
import type { UserActor } from '../../../domain/auth/roles.ts';
import {
  buildTrainingImportContext,
  planTrainingSupplyImport,
  type TrainingImportContext,
  type TrainingSupplyRow,
  trainingSupplyImportDefinition,
} from '../../../domain/imports/training-supply-import.ts';
import { qualificationLevels, summarisePlan } from '../../../domain/imports/survey-response-import.ts';
import { defineImportKind, type ValidRow } from '../import-job-kind.ts';

/**
 * The `training-supply` import kind: the database half of
 * src/domain/imports/training-supply-import.ts. Roles are the battery job roles and ESCO
 * occupations; competences the value-chain concepts and ESCO skills, by id or label.
 */

async function loadContext(db: Db, actor: UserActor): Promise<TrainingImportContext> {
  const [organisations, regions, roles, competences, education] = await Promise.all([
    registryOrganisations(db),
    regionNames(db),
    namedConcepts(db, { schemes: ROLE_SCHEMES }),
    namedConcepts(db, { schemes: ['value-chain', 'esco-skills'] }),
    namedConcepts(db, { schemes: ['education-levels'] }),
  ]);
  const levels = qualificationLevels(education);
  return buildTrainingImportContext({ actor, organisations, regions, roles, competences, levels });
}

async function plan(db: Db, values: ValidRow<TrainingSupplyRow>[], context: TrainingImportContext) {
  return planTrainingSupplyImport({ values, existing: await storedProgrammes(db), actor: context.actor });
}

export const trainingSupplyImportKind = defineImportKind<TrainingSupplyRow, TrainingImportContext>({
  definition: trainingSupplyImportDefinition,
  loadContext,
  async checkStored(db, values, context) {
    return (await plan(db, values, context)).errors;
  },
  async commit(tx, values, context, meta) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kenno:import:training-supply'))`);
    const { errors, operations } = await plan(tx, values, context);
    const summary = summarisePlan(operations);
    if (errors.length) return { summary, errors };
    await writeTrainingImport(tx, operations, meta);
    return { summary, errors: [] };
  },
});
