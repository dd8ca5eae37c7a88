import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../../db/create-db.ts';
import {
  claimNextImport,
  expireRunningImports,
  failExhaustedImports,
  failImport,
  touchImportHeartbeat,
} from './import-store.ts';
import { onImportQueued } from './import-queue-signal.ts';
import { type ImportProgress, internalFailure, runImport } from './run-import.ts';

/** A run whose heartbeat is older than this is taken over by another runner. */
export const STALE_AFTER_MS = 60_000;
/** How often a running import's heartbeat is written (well inside STALE_AFTER_MS). */
export const HEARTBEAT_MS = 10_000;
/** Runs that never finished (a runner killed each time) before the import is given up. */
export const MAX_ATTEMPTS = 3;
export const POLL_MS = 1_000;

export type ImportRunner = {
  readonly workerId: string;
  /** Look for work now (this server just queued an import). */
  wake(): void;
  /** Stops claiming; an import being validated goes back to the queue, one being committed finishes. */
  stop(): Promise<void>;
};

export type ImportRunnerOptions = {
  workerId?: string;
  pollMs?: number;
  heartbeatMs?: number;
  staleAfterMs?: number;
  maxAttempts?: number;
  progressEvery?: number;
  /** Passed to runImport (tests read small files in two threads). */
  twoThreadsFrom?: number;
  /**
   * Take over imports left "running" at once. Only right where no other process can be running
   * them: the embedded database, which one process holds (the data-folder lock).
   */
  expireRunningAtStart?: boolean;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** Called after each import this runner ran to its end (for tests and logs). */
  onFinished?: (id: string, outcome: string) => void;
};

/**
 * The background runner of one Kenno server. It polls every second — and at once when this
 * server queues an import — claims one import at a time, keeps its heartbeat fresh, and runs it.
 * Several servers on one database each run one; `FOR UPDATE SKIP LOCKED` keeps them apart.
 */
export function startImportRunner(db: Db, options: ImportRunnerOptions = {}): ImportRunner {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const pollMs = options.pollMs ?? POLL_MS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const limits = {
    staleAfterMs: options.staleAfterMs ?? STALE_AFTER_MS,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
  };
  const log = options.log;
  const stopController = new AbortController();
  let wakeUp: (() => void) | null = null;
  let pendingWake = false;

  const wake = () => {
    pendingWake = true;
    wakeUp?.();
  };
  const unsubscribe = onImportQueued(db, wake);

  function idle(): Promise<void> {
    if (pendingWake || stopController.signal.aborted) {
      pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        pendingWake = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function runOne(id: string): Promise<void> {
    // The run is aborted when the server stops or when the heartbeat finds the claim gone.
    const run = new AbortController();
    const onStop = () => run.abort();
    stopController.signal.addEventListener('abort', onStop);
    let beating: Promise<void> | null = null;
    const heartbeat = setInterval(() => {
      beating ??= touchImportHeartbeat(db, id, workerId)
        .then((mine) => {
          if (!mine) run.abort();
        })
        .catch(() => {}) // a missed beat is retried; a long outage lets another runner take over
        .finally(() => {
          beating = null;
        });
    }, heartbeatMs);
    try {
      const outcome = await runImport(
        {
          db,
          workerId,
          signal: run.signal,
          ...(options.progressEvery ? { progressEvery: options.progressEvery } : {}),
          ...(options.twoThreadsFrom !== undefined ? { twoThreadsFrom: options.twoThreadsFrom } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        },
        id,
      );
      log?.info({ importId: id, outcome }, 'import finished');
      options.onFinished?.(id, outcome);
    } catch (error) {
      log?.error({ importId: id, err: error }, 'import failed unexpectedly');
      await failImport(db, id, workerId, internalFailure(error)).catch(() => {});
      options.onFinished?.(id, 'failed');
    } finally {
      clearInterval(heartbeat);
      stopController.signal.removeEventListener('abort', onStop);
      await beating;
    }
  }

  async function loop(): Promise<void> {
    if (options.expireRunningAtStart) await expireRunningImports(db).catch(() => 0);
    while (!stopController.signal.aborted) {
      let claimed: string | null = null;
      try {
        await failExhaustedImports(db, limits);
        claimed = await claimNextImport(db, workerId, limits);
      } catch (error) {
        // The database may be restarting: try again at the next poll.
        log?.error({ err: error }, 'could not look for imports');
      }
      if (claimed) await runOne(claimed);
      else await idle();
    }
  }

  const running = loop();
  return {
    workerId,
    wake,
    async stop() {
      stopController.abort();
      wakeUp?.();
      unsubscribe();
      await running;
    },
  };
}
