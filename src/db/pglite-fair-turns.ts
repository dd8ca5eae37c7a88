import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite runs every statement synchronously on the server's one thread, and hands the next
 * waiting statement its turn as a promise continuation — so under load, all queued database work
 * runs in one long chain of microtasks without the event loop ever getting a turn. Node drains
 * that chain after each I/O callback, which means a new connection is accepted, or a new request
 * read, only once per chain: measured under 200 clients, connections waited in the accept queue
 * for up to 31 s while the requests already inside were answered in milliseconds.
 *
 * This gives each top-level statement or transaction its own turn of the event loop
 * (setImmediate), one at a time in arrival order: between two turns Node accepts connections and
 * reads requests, and those requests queue behind the work already waiting, not behind all work
 * to come. PGlite runs one statement at a time anyway, so nothing is lost but a loop turn each.
 *
 * Wraps `query`, `exec` and `transaction` on the instance. Statements inside a transaction go
 * through its own handle and are not queued again (the transaction holds its turn throughout).
 */
export function takeFairTurns(client: PGlite): void {
  const waiting: (() => void)[] = [];
  let busy = false;

  const next = () => {
    const turn = waiting.shift();
    if (turn) setImmediate(turn);
    else busy = false;
  };

  const inTurn = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        let running: Promise<T>;
        try {
          running = work();
        } catch (error) {
          running = Promise.reject(error);
        }
        running.then(resolve, reject).finally(next);
      });
      if (!busy) {
        busy = true;
        next();
      }
    });

  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    query: ((...args: Parameters<typeof query>) => inTurn(() => query(...args))) as typeof query,
    exec: ((...args: Parameters<typeof exec>) => inTurn(() => exec(...args))) as typeof exec,
    transaction: ((...args: Parameters<typeof transaction>) =>
      inTurn(() => transaction(...args))) as typeof transaction,
  });
}
