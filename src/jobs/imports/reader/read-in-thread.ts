import { Worker } from 'node:worker_threads';
import type { FileProblem } from '../../../domain/imports/file-problems.ts';
import type { RowError } from '../../../domain/imports/import-kind.ts';
import {
  buildRowErrorReport,
  fileProblemReport,
  type ImportReport,
} from '../../../domain/imports/import-report.ts';
import type { ImportFileType } from '../parse-file.ts';

/**
 * Reads and checks an import's file in a worker thread while the caller writes what it sends
 * (decision 017): the thread parses, maps and validates each batch of rows and sends the rows
 * that passed as COPY data (thread-kinds.ts); the caller — the import's transaction — copies
 * one chunk while the next is read. Parsing and checking a million rows is most of an import's
 * work, and on the embedded database the copy runs on the caller's thread: the two overlap.
 */

export type ReadRequest = {
  kind: string;
  /** Handed over to the thread: moved, not copied, when they are a whole buffer (see readInThread). */
  bytes: Uint8Array;
  fileType: ImportFileType;
  delimiter?: string;
  mapping: Record<string, string>;
  importId: string;
  /** The upload's row count, for progress before the file is read to its end. */
  totalHint: number;
  progressEvery?: number;
};

/** What the thread sends, in this order: opened, then progress and data, then one end. */
export type ReaderMessage =
  | { type: 'opened'; ok: true; headers: string[]; mappingProblems: string[] }
  | { type: 'opened'; ok: false; problem: FileProblem }
  | { type: 'progress'; done: number; total: number }
  | { type: 'data'; data: Uint8Array }
  | { type: 'end'; ok: true; rowCount: number; errors: RowError[]; end: unknown; readMs: number }
  | { type: 'end'; ok: false; problem: FileProblem };

export type ReaderOpened = Extract<ReaderMessage, { type: 'opened' }>;
export type ReaderEnd = Extract<ReaderMessage, { type: 'end' }>;

/** What the file's data ends with: the sink's end (thread-kinds.ts), and how long the thread read. */
export type ReadEnd = { rowCount: number; end: unknown; readMs: number };

/** The file could not be read, or rows failed: nothing is to be stored. */
export class ReadRejected extends Error {
  constructor(readonly report: ImportReport) {
    super('the file was rejected');
  }
}

export type ThreadReader = {
  opened: Promise<ReaderOpened>;
  /**
   * After `opened`: the data of the rows that passed, chunk by chunk, then the end. Throws
   * ReadRejected at the end if the file or a row failed; once a row has failed no more data
   * comes, but every row is still checked for the report.
   */
  data: AsyncGenerator<Uint8Array, ReadEnd, void>;
  /** Ends the thread (at once if it is still reading). */
  stop(): Promise<void>;
};

const ENTRY = new URL('./thread.mjs', import.meta.url);
/**
 * The thread's young generation: parsing makes some 25 short-lived strings a row, and with
 * V8's default (16 MB semi-spaces) many live long enough to be copied twice and promoted. A
 * million participations: 10.2–10.9 s read with the default, 8.9–9.0 s with 128 MB.
 */
const YOUNG_GENERATION_MB = 128;
const READER = new URL('./reader.ts', import.meta.url).href;

/**
 * Starts reading `request.bytes` in a new thread. The bytes are the thread's from now on: when
 * they fill their own buffer it is moved to the thread (a 300 MB file: 35 ms instead of a
 * 440 ms copy) and the caller's view is left empty.
 */
export function readInThread(
  request: ReadRequest,
  onProgress: (done: number, total: number) => void,
): ThreadReader {
  const worker = new Worker(ENTRY, {
    workerData: { module: READER, request },
    transferList: ownsItsBuffer(request.bytes) ? [request.bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const queue: ReaderMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let resolveOpened: (opened: ReaderOpened) => void = () => {};
  let rejectOpened: (error: Error) => void = () => {};
  const opened = new Promise<ReaderOpened>((resolve, reject) => {
    resolveOpened = resolve;
    rejectOpened = reject;
  });
  worker.on('message', (message: ReaderMessage) => {
    if (message.type === 'opened') resolveOpened(message);
    else if (message.type === 'progress') onProgress(message.done, message.total);
    else {
      queue.push(message);
      notify();
    }
  });
  const fail = (error: Error) => {
    failure ??= error;
    rejectOpened(failure);
    notify();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the import's reader thread ended (exit code ${code})`)));

  async function* data(): AsyncGenerator<Uint8Array, ReadEnd, void> {
    for (;;) {
      const message = queue.shift();
      if (message?.type === 'data') yield message.data;
      else if (message?.type === 'end') return ended(message, await opened);
      else if (failure) throw failure;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    opened,
    data: data(),
    async stop() {
      failure ??= new Error('stopped');
      await worker.terminate();
    },
  };
}

function ended(end: ReaderEnd, opened: ReaderOpened): ReadEnd {
  if (!end.ok) throw new ReadRejected(fileProblemReport(end.problem));
  if (end.errors.length)
    throw new ReadRejected(buildRowErrorReport(end.errors, opened.ok ? opened.headers : []));
  return { rowCount: end.rowCount, end: end.end, readMs: end.readMs };
}

function ownsItsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}
