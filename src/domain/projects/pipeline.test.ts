import { describe, expect, it } from 'vitest';
import { allowedStages, daysLeft, dueReminder, stageProblem } from './pipeline.ts';

describe('stage transitions', () => {
  it('move one step forward or back to any earlier working stage', () => {
    expect(allowedStages('idea')).toEqual(['concept_note']);
    expect(allowedStages('proposal')).toEqual(['idea', 'concept_note', 'consortium', 'submitted']);
    expect(stageProblem('idea', 'proposal', null)).toBe('transition_not_allowed');
    expect(stageProblem('consortium', 'idea', null)).toBeNull();
  });

  it('reach funded or not funded only from submitted, and funded only with the granted sum', () => {
    expect(stageProblem('proposal', 'funded', 500_000)).toBe('transition_not_allowed');
    expect(stageProblem('proposal', 'not_funded', null)).toBe('transition_not_allowed');
    expect(stageProblem('submitted', 'funded', null)).toBe('granted_required');
    expect(stageProblem('submitted', 'funded', 0)).toBe('granted_required');
    expect(stageProblem('submitted', 'funded', 1_200_000)).toBeNull();
    expect(stageProblem('submitted', 'not_funded', null)).toBeNull();
  });

  it('let a decision be corrected and a rejected project be reworked', () => {
    expect(allowedStages('funded')).toEqual(['submitted']);
    expect(stageProblem('not_funded', 'idea', null)).toBeNull();
    expect(stageProblem('not_funded', 'funded', 1)).toBe('transition_not_allowed');
    expect(stageProblem('idea', 'idea', null)).toBe('same_stage');
  });
});

describe('deadline reminders', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const inDays = (d: number, hours = 0) => new Date(now.getTime() + d * 86_400_000 + hours * 3_600_000);

  it('count whole days up', () => {
    expect(daysLeft(inDays(0, 3), now)).toBe(1);
    expect(daysLeft(inDays(7), now)).toBe(7);
  });

  it('send 30, 7 and 1 days before, each once', () => {
    expect(dueReminder({ stage: 'idea', deadline: inDays(31), now, sent: [] })).toBeNull();
    expect(dueReminder({ stage: 'idea', deadline: inDays(30), now, sent: [] })).toEqual({
      days: 30,
      daysLeft: 30,
      sent: [30],
    });
    expect(dueReminder({ stage: 'proposal', deadline: inDays(12), now, sent: [30] })).toBeNull();
    expect(dueReminder({ stage: 'proposal', deadline: inDays(6), now, sent: [30] })).toMatchObject({
      days: 7,
      sent: [30, 7],
    });
    expect(dueReminder({ stage: 'proposal', deadline: inDays(0, 5), now, sent: [30, 7] })).toMatchObject({
      days: 1,
      sent: [30, 7, 1],
    });
    expect(dueReminder({ stage: 'proposal', deadline: inDays(0, 5), now, sent: [30, 7, 1] })).toBeNull();
  });

  it('send only the most urgent one when several are passed at once, none after the deadline', () => {
    expect(dueReminder({ stage: 'consortium', deadline: inDays(5), now, sent: [] })).toEqual({
      days: 7,
      daysLeft: 5,
      sent: [30, 7],
    });
    expect(dueReminder({ stage: 'consortium', deadline: inDays(-1), now, sent: [] })).toBeNull();
  });

  it('stop once the proposal is submitted or no deadline is known', () => {
    for (const stage of ['submitted', 'funded', 'not_funded'] as const)
      expect(dueReminder({ stage, deadline: inDays(1), now, sent: [] })).toBeNull();
    expect(dueReminder({ stage: 'idea', deadline: null, now, sent: [] })).toBeNull();
  });
});
