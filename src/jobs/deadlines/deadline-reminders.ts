import type { Db } from '../../db/create-db.ts';
import { sendDueDeadlineReminders } from '../../db/queries/deadline-reminders.ts';

/** Reminders are checked every quarter of an hour: the thresholds are whole days. */
export const REMINDER_POLL_MS = 15 * 60_000;

export type ReminderLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
export type DeadlineReminders = { stop(): Promise<void> };

/**
 * The background job of one server: sends the call-deadline reminders due now, then every
 * `pollMs` (src/db/queries/deadline-reminders.ts; safe with several servers).
 */
export function startDeadlineReminders(
  db: Db,
  options: { log: ReminderLog; pollMs?: number; now?: () => Date },
): DeadlineReminders {
  const pollMs = options.pollMs ?? REMINDER_POLL_MS;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = sendDueDeadlineReminders(db, now())
      .then((result) => {
        if (result.projects > 0) options.log.info(result, 'call deadline reminders sent');
      })
      // The database may be restarting: nothing was marked sent, the next tick tries again.
      .catch((error) => options.log.error({ err: error }, 'could not send call deadline reminders'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
