import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/create-db.ts';
import { emailOutbox } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import {
  absoluteLinks,
  createMailTransport,
  drainOutbox,
  type MailLog,
  startEmailSender,
} from './email-sender.ts';

/** A tiny SMTP server that accepts (or refuses) every message and keeps what it received. */
async function smtpSink(options: { refuse?: boolean } = {}) {
  const received: { from: string; to: string; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let data: string | null = null;
    let envelope = { from: '', to: '' };
    socket.setEncoding('utf8');
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            received.push({ ...envelope, data });
            data = null;
            socket.write('250 2.0.0 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') envelope = { from: line, to: '' };
        if (verb === 'RCPT') envelope.to = line;
        if (verb === 'RCPT' && options.refuse) socket.write('550 5.1.1 no such mailbox\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(verb === 'EHLO' ? '250-sink\r\n250 8BITMIME\r\n' : '250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?from=kenno@example.org`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function capturingLog() {
  const lines: { obj: Record<string, unknown>; msg: string }[] = [];
  const log: MailLog = {
    info: (obj, msg) => lines.push({ obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => lines.push({ obj: obj as Record<string, unknown>, msg }),
  };
  return { lines, log };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
});

async function queue(n: number, subject = 'Kenno test'): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    toAddress: `person-${i}@example.org`,
    subject: `${subject} ${i}`,
    body: `Hello ${i}`,
  }));
  await database.db.insert(emailOutbox).values(rows);
  return rows.map((r) => r.id);
}

const statuses = async (ids: string[]) =>
  (await database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids))).map((r) => r.status);

describe('the e-mail sender', () => {
  it('turns app paths on their own line into links to KENNO_PUBLIC_URL', () => {
    const body = 'Haaste: X\nMaija kommentoi.\n\n/challenges/abc-123\n\nSee /not/this inline\n//host/x\n';
    expect(absoluteLinks(body, 'https://kenno.example.org')).toBe(
      'Haaste: X\nMaija kommentoi.\n\nhttps://kenno.example.org/challenges/abc-123\n\nSee /not/this inline\n//host/x\n',
    );
    expect(absoluteLinks(body, undefined)).toBe(body);
  });

  it('delivers the outbox through SMTP and marks each row sent', async () => {
    const sink = await smtpSink();
    const transport = createMailTransport(sink.url, capturingLog().log);
    try {
      const ids = await queue(3);
      expect(await drainOutbox(database.db, transport)).toEqual({ sent: 3, failed: 0 });
      expect(sink.received).toHaveLength(3);
      sink.received.sort((a, b) => a.to.localeCompare(b.to));
      expect(sink.received[0]).toMatchObject({
        from: 'MAIL FROM:<kenno@example.org>',
        to: 'RCPT TO:<person-0@example.org>',
      });
      expect(sink.received[0]!.data).toContain('Subject: Kenno test 0');
      expect(sink.received[0]!.data).toContain('Hello 0');
      const rows = await database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
      expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null && r.attempts.length === 1)).toBe(
        true,
      );
      // Nothing is sent twice.
      expect(await drainOutbox(database.db, transport)).toEqual({ sent: 0, failed: 0 });
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('records a refused message, retries it later, and gives up after the last attempt', async () => {
    const sink = await smtpSink({ refuse: true });
    const transport = createMailTransport(sink.url, capturingLog().log);
    try {
      const [id] = await queue(1);
      expect(await drainOutbox(database.db, transport, { retryAfterMs: 60_000 })).toEqual({
        sent: 0,
        failed: 1,
      });
      // Not retried before its time.
      expect(await drainOutbox(database.db, transport, { retryAfterMs: 60_000 })).toEqual({
        sent: 0,
        failed: 0,
      });
      const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
      expect(row).toMatchObject({ status: 'pending', sentAt: null });
      expect(row!.attempts).toEqual([{ at: expect.any(String), error: expect.stringMatching(/550/) }]);
      await drainOutbox(database.db, transport, { retryAfterMs: 0, maxAttempts: 2 });
      expect(await statuses([id!])).toEqual(['failed']);
      expect(await drainOutbox(database.db, transport, { retryAfterMs: 0, maxAttempts: 2 })).toEqual({
        sent: 0,
        failed: 0,
      });
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('never sends a message twice when two servers drain at the same time', async () => {
    const sink = await smtpSink();
    const transports = [1, 2].map(() => createMailTransport(sink.url, capturingLog().log));
    try {
      const ids = await queue(45);
      const results = await Promise.all(transports.map((tr) => drainOutbox(database.db, tr)));
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(45);
      expect(sink.received).toHaveLength(45);
      expect(new Set(sink.received.map((m) => m.to)).size).toBe(45);
      expect(new Set(await statuses(ids))).toEqual(new Set(['sent']));
    } finally {
      for (const tr of transports) tr.close();
      await sink.close();
    }
  });

  it('without SMTP_URL writes each message as a structured log line and marks it sent', async () => {
    const { lines, log } = capturingLog();
    const transport = createMailTransport(undefined, log);
    expect(transport.kind).toBe('log');
    const ids = await queue(2, 'Logged');
    expect(await drainOutbox(database.db, transport)).toEqual({ sent: 2, failed: 0 });
    expect(
      lines.map((l) => l.obj.email).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { to: 'person-0@example.org', subject: 'Logged 0', body: 'Hello 0' },
      { to: 'person-1@example.org', subject: 'Logged 1', body: 'Hello 1' },
    ]);
    expect(await statuses(ids)).toEqual(['sent', 'sent']);
  });

  it('runs in the background of a server and stops cleanly', async () => {
    const sink = await smtpSink();
    const sender = startEmailSender(database.db, { smtpUrl: sink.url, log: capturingLog().log, pollMs: 20 });
    try {
      const ids = await queue(2);
      await expect.poll(() => sink.received.length, { timeout: 5_000 }).toBe(2);
      await expect.poll(() => statuses(ids), { timeout: 5_000 }).toEqual(['sent', 'sent']);
    } finally {
      await sender.stop();
      await sink.close();
    }
  });
});
