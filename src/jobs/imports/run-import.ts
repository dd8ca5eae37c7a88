import { eq } from 'drizzle-orm';
import { type Db, isEmbedded } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { users } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { checkColumnMapping } from '../../domain/imports/column-mapping.ts';
import type { ImportSummary, RowError } from '../../domain/imports/import-kind.ts';
import { canImportKind } from '../../domain/imports/import-permissions.ts';
import {
  buildRowErrorReport,
  fileProblemReport,
  type ImportReport,
} from '../../domain/imports/import-report.ts';
import { checkFileRows, columnOf } from './check-rows.ts';
import type { ThreadDataEnd, ValidRow } from './import-job-kind.ts';
import {
  failImport,
  finishImport,
  type ImportRowWithFile,
  loadImportWithFile,
  recordImportProgress,
  releaseImport,
} from './import-store.ts';
import { openImportFile } from './parse-file.ts';
import { ReadAgainInOneThread, ReadRejected, readInThread } from './reader/read-in-thread.ts';
import { findImportKind } from './registry.ts';

export type ImportProgress = { id: string; done: number; total: number; phase: 'validating' | 'saving' };

export type RunOptions = {
  db: Db;
  workerId: string;
  /** Aborted when the runner stops or loses its claim: validation stops and the import is released. */
  signal: AbortSignal;
  progressEvery?: number;
  /** A CSV file this large or larger is read by two threads (reader/read-in-thread.ts; tests set it low). */
  twoThreadsFrom?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

export type RunOutcome = 'done' | 'failed' | 'released' | 'lost';

/** Thrown inside the commit transaction to roll it back with the rows' errors. */
class RowsRejected extends Error {
  constructor(
    readonly errors: RowError[],
    readonly headers: string[],
  ) {
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
  const mapping = job.mapping ?? {};
  const withColumn = columnOf(mapping);
  // The rows counted when the file was uploaded; the file itself is read as rows are checked.
  let total = job.options.totalRows ?? 0;
  /** Writes the progress (unless `record` is false) and reports it to `onProgress`. */
  const progress = async (done: number, phase: 'validating' | 'saving', record = true) => {
    if (record && !(await recordImportProgress(db, id, workerId, { done, total, phase }))) {
      throw new AbortedRun('lost');
    }
    await options.onProgress?.({ id, done, total, phase });
  };
  const meta = { importId: id, actor };
  /** The import's one transaction: the kind's writes, the audit row and the status `done`. */
  const commit = async (
    headers: string[],
    write: (tx: Db) => Promise<{ summary: ImportSummary; errors: RowError[] }>,
  ): Promise<RunOutcome> => {
    await db.transaction(async (tx) => {
      const result = await write(tx);
      if (result.errors.length) throw new RowsRejected(result.errors.map(withColumn), headers);
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
    return 'done';
  };

  try {
    if (kind.readInThread) {
      const threaded = kind.readInThread;
      const read = (source: ImportRowWithFile, oneThread: boolean) => {
        const twoThreadsFrom = oneThread ? Number.POSITIVE_INFINITY : options.twoThreadsFrom;
        return readInThreadAndCommit(
          options,
          source,
          {
            ...(definition.delimiter ? { delimiter: definition.delimiter } : {}),
            mapping,
            totalHint: total,
            ...(twoThreadsFrom !== undefined ? { twoThreadsFrom } : {}),
          },
          {
            fail,
            progress: async (done, estimate, phase, record) => {
              total = estimate;
              await progress(done, phase, record);
            },
            commit: (headers, data) =>
              commit(headers, (tx) => threaded.commit(tx, data, { ...meta, expectedRows: total })),
          },
        );
      };
      try {
        return await read(job, false);
      } catch (error) {
        if (!(error instanceof ReadAgainInOneThread)) throw error;
        // The file went to the threads: read it from the database again.
        const again = await loadImportWithFile(db, id);
        if (!again || again.claimedBy !== workerId || again.status !== 'running') return 'lost';
        return await read(again, true);
      }
    }
    const opened = await openImportFile(job.fileData, job.fileType, {
      ...(definition.delimiter ? { delimiter: definition.delimiter } : {}),
    });
    if (!opened.ok) return fail(fileProblemReport(opened.problem));
    const { file } = opened;
    const mappingProblems = checkColumnMapping(definition.fields, file.headers, mapping);
    if (mappingProblems.length) return fail(mappingFailure(mappingProblems.map((p) => p.message)));

    await progress(0, 'validating');
    const context = await kind.loadContext(db, actor, job.options.params ?? {});
    const values: ValidRow<unknown>[] = [];
    const read = await checkFileRows(
      file,
      definition,
      mapping,
      context,
      {
        valid: (row, value) => values.push({ row, value }),
        progress: async (done, estimate) => {
          total = estimate;
          if (signal.aborted) throw new AbortedRun('stopping');
          await progress(done, 'validating');
        },
      },
      { totalHint: total, ...(options.progressEvery ? { progressEvery: options.progressEvery } : {}) },
    );
    if (!read.ok) return fail(fileProblemReport(read.problem));
    total = read.rowCount;
    const errors = read.errors;
    errors.push(...(definition.validateAll?.(values, context) ?? []).map(withColumn));
    if (kind.checkStored) errors.push(...(await kind.checkStored(db, values, context)).map(withColumn));
    if (errors.length) return fail(buildRowErrorReport(errors, file.headers));
    if (signal.aborted) throw new AbortedRun('stopping');

    await progress(total, 'saving');
    return await commit(file.headers, (tx) => kind.commit(tx, values, context, meta));
  } catch (error) {
    if (error instanceof RowsRejected) return fail(buildRowErrorReport(error.errors, error.headers));
    if (error instanceof ReadRejected) return fail(error.report);
    if (isUniqueViolation(error)) {
      return fail({
        failure: {
          code: 'conflict',
          message:
            'Organisations were changed by someone else while the import was saved; nothing was imported. Run it again.',
        },
      });
    }
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

/**
 * A kind read in its own thread (ImportJobKind.readInThread): the transaction opens once the
 * thread has the file's header, and the kind writes the rows' data as the thread sends it. The
 * database is a server: progress is written as usual; the embedded database is held by the
 * transaction — nothing else could read the progress — so it is only reported to `onProgress`.
 * A stop during the read rolls the transaction back and hands the import back to the queue;
 * once every row is read, the commit finishes.
 */
async function readInThreadAndCommit(
  options: RunOptions,
  job: ImportRowWithFile,
  file: { delimiter?: string; mapping: Record<string, string>; totalHint: number; twoThreadsFrom?: number },
  steps: {
    fail(report: ImportReport): Promise<RunOutcome>;
    progress(done: number, total: number, phase: 'validating' | 'saving', record?: boolean): Promise<void>;
    commit(headers: string[], data: AsyncGenerator<Uint8Array, ThreadDataEnd, void>): Promise<RunOutcome>;
  },
): Promise<RunOutcome> {
  const { signal } = options;
  // On the embedded database the import's transaction holds the only connection.
  const record = !isEmbedded(options.db);
  let writing: Promise<void> = Promise.resolve();
  let failed: unknown = null;
  const reader = readInThread(
    {
      kind: job.kind,
      bytes: job.fileData,
      fileType: job.fileType,
      ...file,
      importId: job.id,
      ...(options.progressEvery ? { progressEvery: options.progressEvery } : {}),
    },
    (done, total) => {
      // One write at a time, in order; the first failure (a lost claim) ends the read.
      writing = writing.then(async () => {
        if (failed) return;
        try {
          await steps.progress(done, total, 'validating', record);
        } catch (error) {
          failed = error;
        }
      });
    },
  );
  try {
    const opened = await reader.opened;
    if (!opened.ok) return await steps.fail(fileProblemReport(opened.problem));
    if (opened.mappingProblems.length) return await steps.fail(mappingFailure(opened.mappingProblems));
    const { headers } = opened;
    await steps.progress(0, file.totalHint, 'validating');
    const checked = async function* (): AsyncGenerator<Uint8Array, ThreadDataEnd, void> {
      for (;;) {
        if (signal.aborted) throw new AbortedRun('stopping');
        if (failed) throw failed;
        // Throws ReadRejected (the file's problem or the rows' errors) after the last row.
        const next = await reader.data.next();
        if (!next.done) {
          yield next.value;
          continue;
        }
        // On the embedded database `onProgress` is not waited for: it may want the database.
        if (record) await writing;
        if (failed) throw failed;
        const { rowCount } = next.value;
        await steps.progress(rowCount, rowCount, 'saving', record);
        return { end: next.value.joined.then((joined) => joined.end) };
      }
    };
    return await steps.commit(headers, checked());
  } finally {
    await reader.stop();
  }
}

const mappingFailure = (messages: string[]): ImportReport => ({
  failure: { code: 'mapping', message: messages.join('; ') },
});

class AbortedRun extends Error {
  constructor(readonly reason: 'stopping' | 'lost') {
    super(reason);
  }
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
