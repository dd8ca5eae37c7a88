import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { deadlineReminderEmail, dueReminder } from '../../domain/projects/pipeline.ts';
import type { Db } from '../create-db.ts';
import { emailOutbox, fundingCalls, notifications, projects, users } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

/**
 * Sends the deadline reminders due at `now` (30, 7 and 1 days before the call deadline of a
 * project still in preparation) to the project's creator and the coordinators of its regions: a
 * notification and an e-mail each. One transaction per project, the project row locked and the
 * due reminder decided again under the lock, so two servers never remind twice.
 */
export async function sendDueDeadlineReminders(
  db: Db,
  now: Date,
): Promise<{ projects: number; recipients: number }> {
  const candidates = await db
    .select({
      id: projects.id,
      stage: projects.stage,
      sent: projects.deadlineRemindersSent,
      deadline: fundingCalls.deadline,
    })
    .from(projects)
    .innerJoin(fundingCalls, eq(fundingCalls.id, projects.callId))
    .where(
      sql`${projects.stage} in ('idea', 'concept_note', 'consortium', 'proposal') and ${fundingCalls.deadline} > ${now}`,
    );
  let reminded = 0;
  let recipients = 0;
  for (const c of candidates) {
    if (!dueReminder({ stage: c.stage, deadline: c.deadline, now, sent: c.sent })) continue;
    const n = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ project: projects, call: fundingCalls })
        .from(projects)
        .innerJoin(fundingCalls, eq(fundingCalls.id, projects.callId))
        .where(eq(projects.id, c.id))
        .for('update', { of: projects });
      if (!row) return 0;
      const { project, call } = row;
      const due = dueReminder({
        stage: project.stage,
        deadline: call.deadline,
        now,
        sent: project.deadlineRemindersSent,
      });
      if (!due || !call.deadline) return 0;
      const people = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          or(
            project.createdBy ? eq(users.id, project.createdBy) : undefined,
            project.regionIds.length
              ? and(eq(users.role, 'coordinator'), inArray(users.regionId, project.regionIds))
              : undefined,
          ),
        )
        .orderBy(users.id);
      const link = `/projects/${project.id}`;
      if (people.length) {
        const mail = deadlineReminderEmail({
          projectTitle: project.title,
          callTitle: call.title,
          topicId: call.topicId,
          deadline: call.deadline,
          daysLeft: due.daysLeft,
          link,
        });
        await tx.insert(notifications).values(
          people.map((p) => ({
            id: randomUUID(),
            userId: p.id,
            kind: 'project_deadline',
            link,
            payload: {
              projectId: project.id,
              title: project.title,
              callId: call.id,
              callTitle: call.title,
              topicId: call.topicId,
              deadline: call.deadline!.toISOString(),
              daysLeft: due.daysLeft,
            },
          })),
        );
        await tx
          .insert(emailOutbox)
          .values(people.map((p) => ({ id: randomUUID(), toAddress: p.email, ...mail })));
      }
      await tx.update(projects).set({ deadlineRemindersSent: due.sent }).where(eq(projects.id, project.id));
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'deadline_reminder',
        entity: 'project',
        entityId: project.id,
        changes: { days: due.days, daysLeft: due.daysLeft, recipients: people.length },
      });
      return people.length;
    });
    if (n > 0) reminded += 1;
    recipients += n;
  }
  return { projects: reminded, recipients };
}
