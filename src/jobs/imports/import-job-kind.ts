import type { Db } from '../../db/create-db.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import type { ImportKindDefinition, ImportSummary, RowError } from '../../domain/imports/import-kind.ts';

export type ValidRow<T> = { row: number; value: T };

type ImportMeta = { importId: string; actor: UserActor };
type CommitResult = { summary: ImportSummary; errors: RowError[] };

/**
 * An import kind as the job runs it: the pure definition (fields, row rules) plus the database
 * work — the reference data validation needs, the checks against stored rows, and the commit.
 * A kind commits either the checked rows (`commit`), or — a file of millions of rows — the COPY
 * data a reader thread makes of them while it reads (`readInThread`).
 */
export type ImportJobKind<T, C> = {
  definition: ImportKindDefinition<T, C>;
  /** Reference data for `validateRow` (regions, the importing user …), read once per run;
   * `params` are the upload's own values (ImportKindDefinition.params). */
  loadContext(db: Db, actor: UserActor, params: Readonly<Record<string, string>>): Promise<C>;
  /** Checks the upload's `params` before the file is stored (throws an AppError). */
  checkParams?(db: Db, actor: UserActor, params: Readonly<Record<string, string>>): Promise<void>;
} & (
  | {
      /**
       * Checks against stored data (references, conflicts with stored rows), read-only. Runs over
       * the rows that passed validation before anything is written, so that one report lists
       * every problem of the file.
       */
      checkStored?(db: Db, values: ValidRow<T>[], context: C): Promise<RowError[]>;
      /**
       * Writes every row inside `tx` — the one transaction of the import — and returns what it did.
       * Stored data may have changed since `checkStored`: a kind checks again here and returns
       * errors instead of writing; any error rolls the whole transaction back.
       */
      commit(tx: Db, values: ValidRow<T>[], context: C, meta: ImportMeta): Promise<CommitResult>;
      readInThread?: never;
    }
  | {
      checkStored?: never;
      commit?: never;
      /**
       * Read and checked in a thread of its own (reader/, decision 017): the kind is listed in
       * reader/thread-kinds.ts with its sink, and needs no context. `commit` runs inside the
       * import's one transaction from the start of the read: it writes each chunk of `data` as it
       * comes; the generator returns once every chunk has come, and its `end` then gives the
       * sink's end (a file read in two parts is joined meanwhile). If a row fails, the generator
       * throws and the transaction rolls back.
       */
      readInThread: {
        commit(
          tx: Db,
          data: AsyncGenerator<Uint8Array, ThreadDataEnd, void>,
          meta: ImportMeta & { expectedRows: number },
        ): Promise<CommitResult>;
      };
    }
);

/** What the data of a kind read in a thread ends with: the sink's end, perhaps still being made. */
export type ThreadDataEnd = { end: Promise<unknown> };

/** A kind with its types erased, as the registry holds it. */
export type AnyImportJobKind = ImportJobKind<unknown, unknown>;

/** Erases a kind's row and context types for the registry; they stay checked inside the kind. */
export function defineImportKind<T, C>(kind: ImportJobKind<T, C>): AnyImportJobKind {
  return kind as unknown as AnyImportJobKind;
}
