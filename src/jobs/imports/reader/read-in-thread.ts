import { Worker } from 'node:worker_threads';
import { type CsvNewline, guessCsvNewline } from '../../../domain/imports/csv-records.ts';
import type { FileProblem } from '../../../domain/imports/file-problems.ts';
import type { RowError } from '../../../domain/imports/import-kind.ts';
import {
  buildRowErrorReport,
  fileProblemReport,
  type ImportReport,
} from '../../../domain/imports/import-report.ts';
import type { ImportFileType } from '../parse-file.ts';
import { THREAD_READ_KINDS } from './thread-kinds.ts';

/**
 * Reads and checks an import's file in a worker thread while the caller writes what it sends
 * (decision 017): the thread parses, maps and validates each batch of rows and sends the rows
 * that passed as COPY data (thread-kinds.ts); the caller — the import's transaction — copies
 * one chunk while the next is read. Parsing and checking a million rows is most of an import's
 * work, and on the embedded database the copy runs on the caller's thread: the two overlap.
 *
 * A large CSV file is read by two threads (splitCsv), each with a sink of its own: the first
 * reads the file's start, the second the rest from a record's start (its header row comes from
 * the first). Once both have read their part — the data ends there — each ends its sink
 * knowing the other's summary, and the kind joins the two ends into the file's (for CORDIS:
 * organisations listed in both parts, participations sent by both). The cut is found by
 * counting quotes; if a part shows a problem of the whole file (a quote never closed — perhaps
 * where it was cut), the read ends with ReadAgainInOneThread and the caller reads the file again
 * in one thread, which names the problem's line exactly.
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
  /** A CSV file this large or larger is read by two threads (TWO_THREADS_FROM_BYTES). */
  twoThreadsFrom?: number;
  /** Set by readInThread for each thread of a file read by two. */
  part?: { role: 'first' } | { role: 'rest'; newline: CsvNewline };
};

/**
 * What a thread sends, in this order: opened (the first part's only), then progress and data,
 * then one end — or, for a part, its part-end and, once told the other's summary, part-joined.
 */
export type ReaderMessage =
  | { type: 'opened'; ok: true; headers: string[]; mappingProblems: string[] }
  | { type: 'opened'; ok: false; problem: FileProblem }
  | { type: 'progress'; done: number; total: number }
  | { type: 'data'; data: Uint8Array }
  | { type: 'end'; ok: true; rowCount: number; errors: RowError[]; end: unknown; readMs: number }
  | { type: 'end'; ok: false; problem: FileProblem; readAgain?: boolean }
  | {
      type: 'part-end';
      ok: true;
      rowCount: number;
      /** The number of the part's last record: the rest's rows are numbered after the first's. */
      records: number;
      errors: RowError[];
      /** Null when a row failed. */
      summary: unknown;
    }
  | { type: 'part-end'; ok: false; problem: FileProblem }
  | { type: 'part-joined'; end: unknown; readMs: number };

/** What the caller's thread sends a thread: its request; for a part, the headers (to the rest), then the other's summary. */
export type ToReaderMessage =
  | { type: 'start'; request: ReadRequest }
  | { type: 'headers'; headers: string[] }
  | { type: 'finish'; other: unknown };

export type ReaderOpened = Extract<ReaderMessage, { type: 'opened' }>;
export type ReaderEnd = Extract<ReaderMessage, { type: 'end' }>;

/** The sink's end (thread-kinds.ts), and how long the thread(s) read. */
export type Joined = { end: unknown; readMs: number };

/**
 * What the file's data ends with, once every chunk has come: the row count, and the sink's end
 * to come — a file read in two parts is joined after its last chunk, and meanwhile the caller
 * can finish with the chunks (build a table's indexes).
 */
export type ReadEnd = { rowCount: number; joined: Promise<Joined> };

/** A file read by two threads showed a problem of the whole file: read it again in one. */
export class ReadAgainInOneThread extends Error {
  constructor() {
    super('read the file again in one thread');
  }
}

/** The file could not be read, or rows failed: nothing is to be stored. */
export class ReadRejected extends Error {
  constructor(readonly report: ImportReport) {
    super('the file was rejected');
  }
}

export type ThreadReader = {
  opened: Promise<ReaderOpened>;
  /**
   * After `opened`: the data of the rows that passed, chunk by chunk, then the end (whose
   * sink's end may still be coming: ReadEnd). Throws ReadRejected at the end if the file or a
   * row failed; once a row has failed no more data comes, but every row is still checked for
   * the report.
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
 * Starts reading `request.bytes` in a new thread — two for a large CSV file. The bytes are the
 * threads' from now on: when they fill their own buffer it is moved to the thread that reads
 * (the rest of) the file — a 300 MB file: 35 ms instead of a 440 ms copy — and the caller's
 * view is left empty; a file's first part is copied for its thread.
 */
export function readInThread(
  request: ReadRequest,
  onProgress: (done: number, total: number) => void,
): ThreadReader {
  const kind = THREAD_READ_KINDS[request.kind];
  if (!kind) throw new Error(`${request.kind} is not read in a thread`);
  const twoParts =
    request.bytes.length >= (request.twoThreadsFrom ?? TWO_THREADS_FROM_BYTES) &&
    request.fileType === 'csv' &&
    !!request.delimiter;
  let split: { at: number; newline: CsvNewline } | null = null;
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
  let resolveJoined: (joined: Joined) => void = () => {};
  let rejectJoined: (error: Error) => void = () => {};
  const joinedEnd = new Promise<Joined>((resolve, reject) => {
    resolveJoined = resolve;
    rejectJoined = reject;
  });
  // Awaited by the caller once the data has ended, if it gets that far.
  joinedEnd.catch(() => {});
  const fail = (error: Error) => {
    failure ??= error;
    rejectOpened(failure);
    rejectJoined(failure);
    notify();
  };
  const finish = (end: ReaderEnd) => {
    queue.push(end);
    notify();
  };
  // Each part's progress, part-end and part-joined; the caller gets the sums and one end.
  const done = [0, 0];
  const totals = [0, 0];
  const partEnds: Extract<ReaderMessage, { type: 'part-end' }>[] = [];
  const joined: Extract<ReaderMessage, { type: 'part-joined' }>[] = [];
  let rowCount = 0;
  const workers: Worker[] = [];
  const onPartEnd = () => {
    const [first, rest] = partEnds;
    if (!first || !rest) return;
    if (!first.ok || !rest.ok) {
      const problem = first.ok ? (rest as { problem: FileProblem }).problem : first.problem;
      return finish({ type: 'end', ok: false, problem, readAgain: true });
    }
    rowCount = first.rowCount + rest.rowCount;
    if (first.errors.length || rest.errors.length) {
      // The rest's records are numbered from 1: after the first part's last record.
      const errors = [...first.errors, ...rest.errors.map((e) => ({ ...e, row: e.row + first.records }))];
      return finish({ type: 'end', ok: true, rowCount, errors, end: null, readMs: 0 });
    }
    workers[0]!.postMessage({ type: 'finish', other: rest.summary } satisfies ToReaderMessage);
    workers[1]!.postMessage({ type: 'finish', other: first.summary } satisfies ToReaderMessage);
    // Each part's data came before its part-end: the data ends here, the joined end follows.
    finish({ type: 'end', ok: true, rowCount, errors: [], end: null, readMs: 0 });
  };
  const start = (part: 0 | 1) => {
    const worker = new Worker(ENTRY, {
      workerData: { module: READER },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (message: ReaderMessage) => {
      switch (message.type) {
        case 'opened':
          // The first part may end inside a quoted cell before its header is even found.
          if (!message.ok && split) return fail(new ReadAgainInOneThread());
          if (message.ok)
            workers[1]?.postMessage({ type: 'headers', headers: message.headers } satisfies ToReaderMessage);
          return resolveOpened(message);
        case 'progress':
          done[part] = message.done;
          totals[part] = message.total;
          return onProgress(done[0]! + done[1]!, Math.max(request.totalHint, totals[0]! + totals[1]!));
        case 'part-end':
          partEnds[part] = message;
          return onPartEnd();
        case 'part-joined': {
          joined[part] = message;
          const [first, rest] = joined;
          if (!first || !rest) return;
          try {
            return resolveJoined({
              end: kind.join(first.end, rest.end),
              readMs: Math.max(first.readMs, rest.readMs),
            });
          } catch (error) {
            return fail(error as Error);
          }
        }
        case 'end':
          if (message.ok) resolveJoined({ end: message.end, readMs: message.readMs });
          return finish(message);
        default:
          queue.push(message);
          notify();
      }
    });
    worker.on('error', fail);
    // A thread waits for messages until it is stopped: it never ends on its own.
    worker.on('exit', (code) => fail(new Error(`the import's reader thread ended (exit code ${code})`)));
    return worker;
  };
  // The threads start (loading their modules takes a few tenths of a second) while the file is cut.
  workers.push(start(0));
  if (twoParts) workers.push(start(1));
  split = twoParts ? splitCsv(request) : null;
  if (twoParts && !split) {
    const spare = workers.pop()!;
    spare.removeAllListeners();
    spare.on('error', () => {});
    void spare.terminate();
  }
  const begin = (worker: Worker, threadRequest: ReadRequest, transfer: ArrayBuffer[]) =>
    worker.postMessage({ type: 'start', request: threadRequest } satisfies ToReaderMessage, transfer);
  const owned = ownsItsBuffer(request.bytes) ? [request.bytes.buffer as ArrayBuffer] : [];
  if (split) {
    const first = new Uint8Array(request.bytes.subarray(0, split.at)); // a copy (a Buffer's slice is a view)
    const rest = request.bytes.subarray(split.at);
    begin(workers[0]!, { ...request, bytes: first, totalHint: 0, part: { role: 'first' } }, [first.buffer]);
    const part = { role: 'rest' as const, newline: split.newline };
    begin(workers[1]!, { ...request, bytes: rest, totalHint: 0, part }, owned);
  } else {
    begin(workers[0]!, request, owned);
  }

  async function* data(): AsyncGenerator<Uint8Array, ReadEnd, void> {
    for (;;) {
      const message = queue.shift();
      if (message?.type === 'data') yield message.data;
      else if (message?.type === 'end') return ended(message, await opened, joinedEnd);
      else if (failure) throw failure;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    opened,
    data: data(),
    async stop() {
      failure ??= new Error('stopped');
      rejectJoined(failure);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** CSV files from this size are read by two threads: below it, starting one costs more than it saves. */
export const TWO_THREADS_FROM_BYTES = 16 * 1024 * 1024;
/** The first part's share of the file's bytes. */
const FIRST_PART_SHARE = 0.5;

/**
 * Where a CSV file is cut for two threads: the start of the first record that begins at or
 * after FIRST_PART_SHARE of its bytes, found by counting quotes (a line break after an even
 * number of them). A file whose cells hold a lone quote can fool the count: the first part then
 * ends inside a quoted cell, and its thread reports it (see readInThread). Null when the file
 * cannot be cut: no fixed delimiter, CR-only line breaks, or no line break after the share.
 */
export function splitCsv(request: Pick<ReadRequest, 'bytes' | 'fileType' | 'delimiter'>): {
  at: number;
  newline: CsvNewline;
} | null {
  const { bytes, delimiter } = request;
  if (request.fileType !== 'csv' || !delimiter) return null;
  const head = new TextDecoder().decode(bytes.subarray(0, 1024 * 1024)).replace(/^\uFEFF/, '');
  const newline = guessCsvNewline(head, delimiter);
  if (newline === '\r') return null;
  const from = Math.floor(bytes.length * FIRST_PART_SHARE);
  let quotes = 0;
  for (let i = 0; i < from; i++) if (bytes[i] === 0x22) quotes++;
  for (let i = from; i < bytes.length - 1; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quotes++;
    // A record starting with a byte-order mark would lose it as the start of a text.
    else if (byte === 0x0a && (quotes & 1) === 0 && bytes[i + 1] !== 0xef) return { at: i + 1, newline };
  }
  return null;
}

function ended(end: ReaderEnd, opened: ReaderOpened, joined: Promise<Joined>): ReadEnd {
  if (!end.ok && end.readAgain) throw new ReadAgainInOneThread();
  if (!end.ok) throw new ReadRejected(fileProblemReport(end.problem));
  if (end.errors.length)
    throw new ReadRejected(buildRowErrorReport(end.errors, opened.ok ? opened.headers : []));
  return { rowCount: end.rowCount, joined };
}

function ownsItsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}
