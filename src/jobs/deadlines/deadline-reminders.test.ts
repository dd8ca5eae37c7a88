import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../../db/create-db.ts';
import { createUser } from '../../db/queries/users.ts';
import { fundingCalls, notifications, projects } from '../../db/schema/index.ts';
import { type ReminderLog, startDeadlineReminders } from './deadline-reminders.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('the deadline reminder job', () => {
  it('sends the reminders due at start, logs them, and stops cleanly', async () => {
    const db = database.db;
    const creator = await createUser(
      db,
      { kind: 'system' },
      {
        email: 'job-creator@example.org',
        password: 'correct-horse-battery-staple',
        role: 'member',
        organisationId: 'centria',
        regionId: null,
      },
    );
    const now = new Date('2031-03-01T09:00:00Z');
    await db.insert(fundingCalls).values({
      id: 'job-call',
      instrumentId: 'funding.horizon-europe.ria',
      title: 'Job call',
      deadline: new Date(now.getTime() + 6 * 86_400_000),
    });
    await db.insert(projects).values({
      id: 'job-project',
      title: 'Job project',
      stage: 'proposal',
      callId: 'job-call',
      createdBy: creator.id,
    });
    const lines: string[] = [];
    const log: ReminderLog = {
      info: (_o, msg) => lines.push(msg),
      error: (_o, msg) => lines.push(`error: ${msg}`),
    };
    const job = startDeadlineReminders(db, { log, pollMs: 60_000, now: () => now });
    await expect.poll(() => lines.length).toBe(1);
    await job.stop();
    expect(lines).toEqual(['call deadline reminders sent']);
    const sent = await db.select().from(notifications).where(eq(notifications.userId, creator.id));
    expect(sent.map((n) => [n.kind, n.link, n.payload.daysLeft])).toEqual([
      ['project_deadline', '/projects/job-project', 6],
    ]);
    const [row] = await db.select().from(projects).where(eq(projects.id, 'job-project'));
    expect(row!.deadlineRemindersSent).toEqual([30, 7]);
  });
});
