import { createTransport } from 'nodemailer';
import type { Db } from '../../db/create-db.ts';
import { claimEmails, markEmailSent, recordEmailFailure } from '../../db/queries/notifications.ts';

/**
 * Delivers the `email_outbox`: rows are written in the same transaction as the event that
 * causes them (a comment, a status change, a merge), and every server runs one sender that
 * claims pending rows (FOR UPDATE SKIP LOCKED: never the same row as another server), sends them
 * through SMTP when SMTP_URL is set — otherwise writes each as a structured log line — and marks
 * them sent, or records the failed attempt and tries again later, up to MAX_ATTEMPTS.
 */
export const POLL_MS = 5_000;
export const RETRY_AFTER_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;
const BATCH = 20;

export type Mail = { to: string; subject: string; text: string };
export type MailLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
export type MailTransport = { kind: 'smtp' | 'log'; send(mail: Mail): Promise<void>; close(): void };

/**
 * SMTP when a URL is given (`smtp://user:pass@host:587`, `smtps://…`; the sender address may be
 * given as `?from=kenno@example.org`), else the log.
 */
export function createMailTransport(smtpUrl: string | undefined, log: MailLog): MailTransport {
  if (!smtpUrl) {
    return {
      kind: 'log',
      async send(mail) {
        log.info(
          { email: { to: mail.to, subject: mail.subject, body: mail.text } },
          'e-mail (no SMTP_URL: logged, not sent)',
        );
      },
      close() {},
    };
  }
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from') ?? `Kenno <kenno@${url.hostname}>`;
  url.searchParams.delete('from');
  const transporter = createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

export type DrainOptions = {
  retryAfterMs?: number;
  maxAttempts?: number;
  log?: MailLog;
  /** KENNO_PUBLIC_URL: app paths on a line of their own become links to it. */
  publicUrl?: string | undefined;
};

/** Outbox bodies carry app paths (/challenges/…, /survey/…) on lines of their own; mail needs full links. */
export function absoluteLinks(text: string, publicUrl: string | undefined): string {
  if (!publicUrl) return text;
  return text.replace(/^\/(?!\/)\S*$/gm, (path) => `${publicUrl}${path}`);
}

/** Sends everything pending now; answers how many went out and how many attempts failed. */
export async function drainOutbox(
  db: Db,
  transport: MailTransport,
  options: DrainOptions = {},
): Promise<{ sent: number; failed: number }> {
  const retryAfterMs = options.retryAfterMs ?? RETRY_AFTER_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimEmails(db, { limit: BATCH, retryAfterMs });
    for (const row of batch) {
      try {
        await transport.send({
          to: row.toAddress,
          subject: row.subject,
          text: absoluteLinks(row.body, options.publicUrl),
        });
        await markEmailSent(db, row.id);
        sent += 1;
      } catch (error) {
        failed += 1;
        const giveUp = row.attempts.length >= maxAttempts;
        options.log?.error(
          { emailId: row.id, attempt: row.attempts.length, giveUp, err: error },
          'e-mail not sent',
        );
        await recordEmailFailure(db, row.id, String((error as Error)?.message ?? error), giveUp);
      }
    }
    if (batch.length < BATCH) return { sent, failed };
  }
}

export type EmailSender = { transport: MailTransport; stop(): Promise<void> };

/** The background sender of one server: drains the outbox now and every `pollMs`. */
export function startEmailSender(
  db: Db,
  options: DrainOptions & { smtpUrl: string | undefined; log: MailLog; pollMs?: number },
): EmailSender {
  const transport = createMailTransport(options.smtpUrl, options.log);
  const pollMs = options.pollMs ?? POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = drainOutbox(db, transport, options)
      .then(() => undefined)
      // The database may be restarting: the rows stay pending and the next tick tries again.
      .catch((error) => options.log.error({ err: error }, 'could not drain the e-mail outbox'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return {
    transport,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
