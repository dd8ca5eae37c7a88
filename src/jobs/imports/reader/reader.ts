import { parentPort, workerData } from 'node:worker_threads';
import { checkColumnMapping } from '../../../domain/imports/column-mapping.ts';
import { checkFileRows } from '../check-rows.ts';
import { openImportFile } from '../parse-file.ts';
import type { ReaderMessage, ReadRequest } from './read-in-thread.ts';
import { THREAD_READ_KINDS } from './thread-kinds.ts';

/** The reader thread itself (see read-in-thread.ts); thread.mjs loads it. */

const port = parentPort!;
const send = (message: ReaderMessage) => port.postMessage(message);
const request = (workerData as { request: ReadRequest }).request;

async function read(): Promise<void> {
  const kind = THREAD_READ_KINDS[request.kind];
  if (!kind) throw new Error(`${request.kind} is not read in a thread`);
  const opened = await openImportFile(request.bytes, request.fileType, {
    ...(request.delimiter ? { delimiter: request.delimiter } : {}),
  });
  if (!opened.ok) return send({ type: 'opened', ok: false, problem: opened.problem });
  const { file } = opened;
  const mappingProblems = checkColumnMapping(kind.definition.fields, file.headers, request.mapping).map(
    (p) => p.message,
  );
  send({ type: 'opened', ok: true, headers: file.headers, mappingProblems });
  if (mappingProblems.length) return;
  const sink = kind.sink(request.importId);
  const start = performance.now();
  // After the first failed row nothing will be stored: the rest is checked, not encoded.
  let failed = file.problems.length > 0;
  const checked = await checkFileRows(
    file,
    kind.definition,
    request.mapping,
    undefined,
    {
      valid: (_row, value) => {
        if (!failed) sink.add(value);
      },
      invalid: () => {
        failed = true;
      },
      afterBatch: () => {
        const data = failed ? null : sink.take();
        if (data) send({ type: 'data', data });
      },
      progress: (done, total) => send({ type: 'progress', done, total }),
    },
    {
      totalHint: request.totalHint,
      ...(request.progressEvery ? { progressEvery: request.progressEvery } : {}),
    },
  );
  if (!checked.ok) return send({ type: 'end', ok: false, problem: checked.problem });
  send({
    type: 'end',
    ok: true,
    rowCount: checked.rowCount,
    errors: checked.errors,
    end: checked.errors.length ? null : sink.end(),
    readMs: performance.now() - start,
  });
}

await read();
