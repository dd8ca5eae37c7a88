/**
 * Every import kind Kenno knows, by its `kind` name.
 *
 * Adding a kind is a one-line change here: write `kinds/<kind>.ts` exporting an ImportJobKind
 * made with `defineImportKind` (the pure rules go in src/domain/imports/), import it below and
 * add it to IMPORT_KINDS — e.g. `escoOccupationsImportKind,`. The upload route, the runner, the
 * permission check (`coordinatorsMayImport`), the multipart size limit (the largest `maxBytes`)
 * and `GET /api/import-kinds` all read this list; nothing else needs to change.
 */
import * as esco from '../../db/queries/concepts.ts';
import { type AnyImportJobKind, defineImportKind } from './import-job-kind.ts';
import { CORDIS_IMPORT_KINDS } from './kinds/cordis.ts';
import { organisationsImportKind } from './kinds/organisations.ts';
import { sitesImportKind } from './kinds/sites.ts';
import { surveyResponsesImportKind } from './kinds/survey-responses.ts';
import { trainingSupplyImportKind } from './kinds/training-supply.ts';

export const IMPORT_KINDS: readonly AnyImportJobKind[] = [
  organisationsImportKind,
  sitesImportKind,
  surveyResponsesImportKind,
  trainingSupplyImportKind,
  defineImportKind(esco.escoOccupationsJobKind),
  defineImportKind(esco.escoSkillsJobKind),
  defineImportKind(esco.escoOccupationSkillsJobKind),
  defineImportKind(esco.escoBroaderRelationsJobKind),
  ...CORDIS_IMPORT_KINDS,
  // escoOccupationsImportKind, escoSkillsImportKind, … — one line each.
];

const BY_NAME = new Map(IMPORT_KINDS.map((k) => [k.definition.kind, k]));

export function findImportKind(kind: string): AnyImportJobKind | null {
  return BY_NAME.get(kind) ?? null;
}

/** The largest file any kind accepts: the upload's hard limit before the kind's own. */
export function largestImportBytes(): number {
  return Math.max(...IMPORT_KINDS.map((k) => k.definition.maxBytes));
}
