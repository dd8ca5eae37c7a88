import {
  type CordisOrganisationRecord,
  CordisParticipationPlan,
  type CordisParticipationRecord,
  type CordisParticipationRow,
  mergeParticipations,
} from '../../domain/cordis/cordis-participations.ts';
import { copyBinary, type StageColumn } from '../copy-binary.ts';

/**
 * organization.csv's rows as binary COPY data for cordis_organisations and
 * cordis_participations, made as the rows are read — in the import's reader threads
 * (src/jobs/imports/reader/), so this module needs no database; a large file's two parts each
 * have a writer, and joinCordisParts makes the file's end of theirs. The store is
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
  /** The file's organisations (each once, its details from its last row) as COPY data chunks. */
  organisations: Uint8Array[];
  organisationCount: number;
  participationCount: number;
  /** Participations merged with a later row after their chunk was sent: their final values. */
  corrections: CordisParticipationRecord[];
  /**
   * Participations sent once from each part of a file read in two (decision 017): both rows go,
   * this one comes instead. Empty for a file read in one part.
   */
  replaced: CordisParticipationRecord[];
  duplicatesMerged: number;
  finnishOrganisationIds: string[];
};

/** What one part of a file read in two tells the other before either ends (CopyWriter.summary). */
export type CordisPartSummary = { projectIds: string[]; organisationIds: string[] };

/** A part's end: its own end, and its participations in projects the other part lists too. */
export type CordisPartEnd = CordisParticipationFileEnd & { shared: CordisParticipationRecord[] };

/**
 * The participations as COPY chunks, unique by (project, organisation) across all; then, once
 * every chunk has come, the end — perhaps still being made (the two parts of a file read in two
 * are joined after their last chunks).
 */
export type CordisParticipationData = AsyncGenerator<
  Uint8Array,
  { end: Promise<CordisParticipationFileEnd> },
  void
>;

/**
 * Turns a file's checked rows into COPY data as they come (CordisParticipationPlan folds them):
 * `take` gives the participations first seen since the last call; a participation merged with a
 * row after it was taken is sent again at the end as a correction.
 */
export class CordisParticipationCopyWriter {
  private readonly plan = new CordisParticipationPlan();
  private restEnd: CordisParticipationFileEnd | null = null;

  constructor(private readonly importId: string) {}

  add(row: CordisParticipationRow): void {
    this.plan.add(row);
  }

  take(): Uint8Array | null {
    const pending = this.plan.takePending();
    return pending.length ? copyBinary(PARTICIPATION_COLUMNS, pending) : null;
  }

  /** After the last `take`. */
  end(excluding?: ReadonlySet<string>): CordisParticipationFileEnd {
    const organisations = this.plan.organisations(excluding);
    return {
      organisations: [copyBinary(organisationColumns(this.importId), organisations)],
      organisationCount: organisations.length,
      participationCount: this.plan.participationCount,
      corrections: this.plan.corrections(),
      replaced: [],
      duplicatesMerged: this.plan.duplicatesMerged,
      finnishOrganisationIds: organisations.filter((o) => o.country === 'FI').map((o) => o.id),
    };
  }

  /** For the other part of a file read in two, after the last `take`. */
  summary(): CordisPartSummary {
    return { projectIds: this.plan.projectIds(), organisationIds: this.plan.organisationIds() };
  }

  /**
   * For a part, after the last `take`, while the other part's summary is on its way: the rest's
   * end needs nothing of the first part (its organisations' last rows are its own), so it is made
   * now rather than in the join.
   */
  beforeJoin(first: boolean): void {
    if (!first) this.restEnd = this.end();
  }

  /**
   * This part's end, given the other part's summary: the first part leaves out the organisations
   * the rest lists (their last row is there), and each part adds its participations in the
   * projects both list — those that both sent are merged by joinCordisParts.
   */
  partEnd(other: CordisPartSummary, first: boolean): CordisPartEnd {
    const theirs = new Set(other.projectIds);
    const shared = this.plan.projectIds().filter((id) => theirs.has(id));
    return {
      ...(first ? this.end(new Set(other.organisationIds)) : (this.restEnd ?? this.end())),
      shared: this.plan.participationsIn(shared),
    };
  }
}

/** A file's end from the ends of its two parts (see CordisParticipationCopyWriter.partEnd). */
export function joinCordisParts(first: CordisPartEnd, rest: CordisPartEnd): CordisParticipationFileEnd {
  const key = (p: CordisParticipationRecord) => `${p.projectId}\t${p.organisationId}`;
  const later = new Map(rest.shared.map((p) => [key(p), p]));
  const replaced: CordisParticipationRecord[] = [];
  for (const p of first.shared) {
    const again = later.get(key(p));
    if (again) replaced.push(mergeParticipations(p, again));
  }
  return {
    organisations: [...first.organisations, ...rest.organisations],
    organisationCount: first.organisationCount + rest.organisationCount,
    participationCount: first.participationCount + rest.participationCount - replaced.length,
    corrections: [...first.corrections, ...rest.corrections],
    replaced,
    duplicatesMerged: first.duplicatesMerged + rest.duplicatesMerged + replaced.length,
    finnishOrganisationIds: [...first.finnishOrganisationIds, ...rest.finnishOrganisationIds],
  };
}
