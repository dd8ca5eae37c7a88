import { eq } from 'drizzle-orm';
import type { Db } from '../../db/create-db.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { users } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { checkColumnMapping, rowMapper } from '../../domain/imports/column-mapping.ts';
import type { FileProblem } from '../../domain/imports/file-problems.ts';
import type { RowError } from '../../domain/imports/import-kind.ts';
import { canImportKind } from '../../domain/imports/import-permissions.ts';
import { buildRowErrorReport, type ImportReport } from '../../domain/imports/import-report.ts';
import type { ValidRow } from './import-job-kind.ts';
import {
  failImport,
  finishImport,
  type ImportRowWithFile,
  loadImportWithFile,
  recordImportProgress,
  releaseImport,
} from './import-store.ts';
import { openImportFile } from './parse-file.ts';
import { findImportKind } from './registry.ts';

/**
 * Progress is written every this many rows (and the event loop gets a turn, for heartbeats) —
 * or, in a larger file, at most PROGRESS_STEPS times: a write per 500 rows would cost a
 * million-row file 2,000 writes.
 */
export const PROGRESS_EVERY_ROWS = 500;
export const PROGRESS_STEPS = 200;

export type ImportProgress = { id: string; done: number; total: number; phase: 'validating' | 'saving' };

export type RunOptions = {
  db: Db;
  workerId: string;
  /** Aborted when the runner stops or loses its claim: validation stops and the import is released. */
  signal: AbortSignal;
  progressEvery?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

export type RunOutcome = 'done' | 'failed' | 'released' | 'lost';

/** Thrown inside the commit transaction to roll it back with the rows' errors. */
class RowsRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('rows rejected');
  }
}

/**
 * Runs one claimed import to its end: parse, map, validate every row, check against stored
 * data, and — only when nothing is wrong — commit every row, the audit rows and the status
 * `done` in one transaction. Any problem ends as `failed` with a report and nothing stored.
 */
export async function runImport(options: RunOptions, id: string): Promise<RunOutcome> {
  const { db, workerId, signal } = options;
  const job = await loadImportWithFile(db, id);
  if (!job || job.claimedBy !== workerId || job.status !== 'running') return 'lost';
  const fail = async (report: ImportReport): Promise<RunOutcome> =>
    (await failImport(db, id, workerId, report)) ? 'failed' : 'lost';

  const kind = findImportKind(job.kind);
  if (!kind) return fail({ failure: { code: 'unknown_kind', message: `Unknown import kind "${job.kind}"` } });
  const actor = await loadActor(db, job);
  if (!actor) {
    return fail({
      failure: { code: 'user_gone', message: 'The account that started this import no longer exists' },
    });
  }
  if (!canImportKind(actor, kind.definition)) {
    return fail({
      failure: { code: 'not_allowed', message: 'The account that started this import may no longer import' },
    });
  }
  const definition = kind.definition;
  const opened = await openImportFile(job.fileData, job.fileType, {
    ...(definition.delimiter ? { delimiter: definition.delimiter } : {}),
  });
  if (!opened.ok) return fail(fileFailure(opened.problem));
  const { file } = opened;
  const mapping = job.mapping ?? {};
  const mappingProblems = checkColumnMapping(definition.fields, file.headers, mapping);
  if (mappingProblems.length) {
    return fail({ failure: { code: 'mapping', message: mappingProblems.map((p) => p.message).join('; ') } });
  }

  // The rows counted when the file was uploaded; the file itself is read as rows are checked.
  let total = job.options.totalRows ?? 0;
  const progress = async (done: number, phase: 'validating' | 'saving') => {
    const mine = await recordImportProgress(db, id, workerId, { done, total, phase });
    if (!mine) throw new AbortedRun('lost');
    await options.onProgress?.({ id, done, total, phase });
  };

  try {
    await progress(0, 'validating');
    const context = await kind.loadContext(db, actor, job.options.params ?? {});
    const columnOf = (error: RowError): RowError =>
      error.column === null && error.field
        ? { ...error, column: mapping[error.field] ?? error.field }
        : error;
    const errors: RowError[] = [...file.problems];
    // A cell the parser refused (a formula) is reported once, not again as, say, "missing".
    const refused = new Set(file.problems.map((p) => `${p.row}\t${p.column}`));
    const values: ValidRow<unknown>[] = [];
    const mapRow = rowMapper(file.headers, mapping);
    let done = 0;
    let every = 0;
    const read = await file.read(async ({ rows, rowNumbers, fraction }) => {
      // Before the last batch, the total is the upload's count or what the file's size suggests.
      total =
        fraction >= 1 ? done + rows.length : Math.max(total, Math.round((done + rows.length) / fraction));
      every ||= options.progressEvery ?? Math.max(PROGRESS_EVERY_ROWS, Math.ceil(total / PROGRESS_STEPS));
      for (let i = 0; i < rows.length; i++) {
        const row = rowNumbers[i]!;
        const result = definition.validateRow(mapRow(rows[i]!), row, context);
        if (result.ok) values.push({ row, value: result.value });
        else errors.push(...result.errors.map(columnOf).filter((e) => !refused.has(`${e.row}\t${e.column}`)));
        done++;
        if (done % every === 0 && done < total) {
          if (signal.aborted) throw new AbortedRun('stopping');
          await progress(done, 'validating');
        }
      }
    });
    if (!read.ok) return fail(fileFailure(read.problem));
    total = read.rowCount;
    errors.push(...(definition.validateAll?.(values, context) ?? []).map(columnOf));
    if (kind.checkStored) errors.push(...(await kind.checkStored(db, values, context)).map(columnOf));
    if (errors.length) return fail(buildRowErrorReport(errors, file.headers));
    if (signal.aborted) throw new AbortedRun('stopping');

    await progress(total, 'saving');
    try {
      await db.transaction(async (tx) => {
        const result = await kind.commit(tx, values, context, { importId: id, actor });
        if (result.errors.length) throw new RowsRejected(result.errors.map(columnOf));
        await recordAudit(tx, {
          actor,
          action: 'import',
          entity: 'import',
          entityId: id,
          changes: { kind: job.kind, fileName: job.fileName, rows: total, summary: result.summary },
        });
        const finished = await finishImport(tx, id, workerId, { summary: result.summary }, total);
        // Another runner took the import over while this one stalled: write nothing.
        if (!finished) throw new AbortedRun('lost');
      });
    } catch (error) {
      if (error instanceof RowsRejected) return fail(buildRowErrorReport(error.errors, file.headers));
      if (isUniqueViolation(error)) {
        return fail({
          failure: {
            code: 'conflict',
            message:
              'Organisations were changed by someone else while the import was saved; nothing was imported. Run it again.',
          },
        });
      }
      throw error;
    }
    return 'done';
  } catch (error) {
    if (error instanceof AbortedRun) {
      if (error.reason === 'stopping') {
        await releaseImport(db, id, workerId);
        return 'released';
      }
      return 'lost';
    }
    throw error;
  }
}

const fileFailure = (problem: FileProblem): ImportReport => ({
  failure: { code: 'file', message: problem.message },
  fileError: problem,
});

class AbortedRun extends Error {
  constructor(readonly reason: 'stopping' | 'lost') {
    super(reason);
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The importing user as they are now: a role taken away since the upload counts. */
async function loadActor(db: Db, job: ImportRowWithFile): Promise<UserActor | null> {
  if (!job.createdBy) return null;
  const [user] = await db.select().from(users).where(eq(users.id, job.createdBy)).limit(1);
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    regionId: user.regionId,
    via: job.options.via ?? 'session',
  };
}

/** For the runner: an unexpected failure that is not the file's fault. */
export function internalFailure(error: unknown): ImportReport {
  const message =
    error instanceof AppError
      ? error.message
      : 'The import failed because of a server error; nothing was imported. Try again.';
  return { failure: { code: 'internal', message } };
}
