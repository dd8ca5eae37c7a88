import { parentPort } from 'node:worker_threads';
import { checkColumnMapping } from '../../../domain/imports/column-mapping.ts';
import { checkFileRows } from '../check-rows.ts';
import { openImportFile } from '../parse-file.ts';
import type { ReaderMessage, ReadRequest, ToReaderMessage } from './read-in-thread.ts';
import { THREAD_READ_KINDS } from './thread-kinds.ts';

/**
 * The reader thread itself (see read-in-thread.ts); thread.mjs loads it. It reads a whole file,
 * or one of a large CSV file's two parts (`request.part`): then it sends its part's end, and
 * once the caller has both, it ends its sink knowing the other part's summary.
 */

/**
 * Rows per COPY data chunk sent to the caller. The file is parsed in smaller batches (so that a
 * batch's cells die young: CSV_BATCH_RECORDS), and a COPY statement per batch would cost more
 * than it saves.
 */
const CHUNK_ROWS = 10_000;

const port = parentPort!;
const send = (message: ReaderMessage) => port.postMessage(message);

/** Messages from the caller's thread, in order. */
const received: ToReaderMessage[] = [];
let wake: (() => void) | null = null;
port.on('message', (message: ToReaderMessage) => {
  received.push(message);
  wake?.();
});
async function receive<T extends ToReaderMessage['type']>(
  type: T,
): Promise<Extract<ToReaderMessage, { type: T }>> {
  while (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  const message = received.shift()!;
  if (message.type !== type) throw new Error(`the reader expected ${type}, not ${message.type}`);
  return message as Extract<ToReaderMessage, { type: T }>;
}

async function read(request: ReadRequest): Promise<void> {
  const kind = THREAD_READ_KINDS[request.kind];
  if (!kind) throw new Error(`${request.kind} is not read in a thread`);
  const part = request.part;
  // The rest of a file has no header row: its thread takes the first part's, decoding meanwhile.
  const rest =
    part?.role === 'rest'
      ? { headers: receive('headers').then((m) => m.headers), newline: part.newline }
      : null;
  const opened = await openImportFile(request.bytes, request.fileType, {
    ...(request.delimiter ? { delimiter: request.delimiter } : {}),
    ...(rest ? { part: rest } : {}),
  });
  if (!opened.ok) {
    return send(
      rest
        ? { type: 'part-end', ok: false, problem: opened.problem }
        : { type: 'opened', ok: false, problem: opened.problem },
    );
  }
  const { file } = opened;
  if (!rest) {
    const mappingProblems = checkColumnMapping(kind.definition.fields, file.headers, request.mapping).map(
      (p) => p.message,
    );
    send({ type: 'opened', ok: true, headers: file.headers, mappingProblems });
    if (mappingProblems.length) return;
  }
  const sink = kind.sink(request.importId);
  const start = performance.now();
  // After the first failed row nothing will be stored: the rest is checked, not encoded.
  let failed = file.problems.length > 0;
  let unsent = 0;
  const sendData = () => {
    unsent = 0;
    const data = failed ? null : sink.take();
    if (data) send({ type: 'data', data });
  };
  const checked = await checkFileRows(
    file,
    kind.definition,
    request.mapping,
    undefined,
    {
      valid: (_row, value) => {
        if (failed) return;
        sink.add(value);
        unsent++;
      },
      invalid: () => {
        failed = true;
      },
      afterBatch: () => {
        if (unsent >= CHUNK_ROWS) sendData();
      },
      progress: (done, total) => send({ type: 'progress', done, total }),
    },
    {
      totalHint: request.totalHint,
      ...(request.progressEvery ? { progressEvery: request.progressEvery } : {}),
    },
  );
  if (checked.ok) sendData();
  if (!part) {
    if (!checked.ok) return send({ type: 'end', ok: false, problem: checked.problem });
    return send({
      type: 'end',
      ok: true,
      rowCount: checked.rowCount,
      errors: checked.errors,
      end: checked.errors.length ? null : sink.end(),
      readMs: performance.now() - start,
    });
  }
  if (!checked.ok) return send({ type: 'part-end', ok: false, problem: checked.problem });
  const { rowCount, records, errors } = checked;
  send({
    type: 'part-end',
    ok: true,
    rowCount,
    records,
    errors,
    summary: errors.length ? null : sink.summary(),
  });
  if (errors.length) return;
  sink.beforeJoin(part.role === 'first');
  const { other } = await receive('finish');
  send({
    type: 'part-joined',
    end: sink.partEnd(other, part.role === 'first'),
    readMs: performance.now() - start,
  });
}

// The request comes as a message, not as workerData: the thread starts before the file is cut.
await read((await receive('start')).request);
// The thread then waits, listening, until the caller stops it (ThreadReader.stop): a thread that
// ended on its own could end before its other part has sent its last message.
