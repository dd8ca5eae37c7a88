import {
  type CordisOrganisationRecord,
  CordisParticipationPlan,
  type CordisParticipationRecord,
  type CordisParticipationRow,
} from '../../domain/cordis/cordis-participations.ts';
import { copyBinary, type StageColumn } from '../copy-binary.ts';

/**
 * organization.csv's rows as binary COPY data for cordis_organisations and
 * cordis_participations, made as the rows are read — in the import's reader thread
 * (src/jobs/imports/reader/), so this module needs no database. The store is
 * cordis-participation-file.ts.
 */

/** The organisations' COPY columns; the last, the import's id, is left out of merges (the stamp sets it). */
export const organisationColumns = (importId: string): StageColumn<CordisOrganisationRecord>[] => [
  { name: 'id', type: 'text', value: (r) => r.id },
  { name: 'vat_number', type: 'text', value: (r) => r.vatNumber },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'short_name', type: 'text', value: (r) => r.shortName },
  { name: 'sme', type: 'boolean', value: (r) => r.sme },
  { name: 'activity_type', type: 'text', value: (r) => r.activityType },
  { name: 'country', type: 'text', value: (r) => r.country },
  { name: 'city', type: 'text', value: (r) => r.city },
  { name: 'url', type: 'text', value: (r) => r.url },
  { name: 'import_id', type: 'text', value: () => importId },
];

export const PARTICIPATION_COLUMNS: StageColumn<CordisParticipationRecord>[] = [
  { name: 'project_id', type: 'text', value: (r) => r.projectId },
  { name: 'organisation_id', type: 'text', value: (r) => r.organisationId },
  { name: 'role', type: 'text', value: (r) => r.role },
  { name: 'ec_contribution', type: 'float8', value: (r) => r.ecContribution },
  { name: 'total_cost', type: 'float8', value: (r) => r.totalCost },
  { name: 'active', type: 'boolean', value: (r) => r.active },
];

const names = (columns: readonly StageColumn<never>[]) => columns.map((c) => c.name);
export const ORGANISATION_NAMES = names(organisationColumns(''));
export const PARTICIPATION_NAMES = names(PARTICIPATION_COLUMNS);

/** What is known of a file once every row is read. */
export type CordisParticipationFileEnd = {
  /** The file's organisations (each once, its details from its last row) as COPY data. */
  organisations: Uint8Array;
  organisationCount: number;
  participationCount: number;
  /** Participations merged with a later row after their chunk was sent: their final values. */
  corrections: CordisParticipationRecord[];
  duplicatesMerged: number;
  finnishOrganisationIds: string[];
};

/** The participations as COPY chunks, unique by (project, organisation) across all; then the end. */
export type CordisParticipationData = AsyncGenerator<Uint8Array, CordisParticipationFileEnd, void>;

/**
 * Turns a file's checked rows into COPY data as they come (CordisParticipationPlan folds them):
 * `take` gives the participations first seen since the last call; a participation merged with a
 * row after it was taken is sent again at the end as a correction.
 */
export class CordisParticipationCopyWriter {
  private readonly plan = new CordisParticipationPlan();

  constructor(private readonly importId: string) {}

  add(row: CordisParticipationRow): void {
    this.plan.add(row);
  }

  take(): Uint8Array | null {
    const pending = this.plan.takePending();
    return pending.length ? copyBinary(PARTICIPATION_COLUMNS, pending) : null;
  }

  /** After the last `take`. */
  end(): CordisParticipationFileEnd {
    const organisations = this.plan.organisations();
    return {
      organisations: copyBinary(organisationColumns(this.importId), organisations),
      organisationCount: organisations.length,
      participationCount: this.plan.participationCount,
      corrections: this.plan.corrections(),
      duplicatesMerged: this.plan.duplicatesMerged,
      finnishOrganisationIds: organisations.filter((o) => o.country === 'FI').map((o) => o.id),
    };
  }
}
