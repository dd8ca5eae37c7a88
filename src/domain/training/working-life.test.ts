import { describe, expect, it } from 'vitest';
import {
  canMoveTo,
  Day,
  effectiveStatus,
  followUpProblem,
  HostOfferInputSchema,
  PERIOD_STATUSES,
  PeriodInputSchema,
  planDatesProblem,
} from './working-life.ts';

describe('period lifecycle', () => {
  it('moves planned → ongoing → completed, or to cancelled, never back', () => {
    const allowed = PERIOD_STATUSES.flatMap((from) =>
      PERIOD_STATUSES.filter((to) => to !== from && canMoveTo(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'planned→ongoing',
      'planned→cancelled',
      'ongoing→completed',
      'ongoing→cancelled',
    ]);
  });

  it('opens the follow-up report at the end date or on completion, never for a cancelled period', () => {
    const period = { status: 'ongoing' as const, endDate: '2027-03-26' };
    expect(followUpProblem(period, '2027-03-25')).toMatch(/from the end date \(2027-03-26\)/);
    expect(followUpProblem(period, '2027-03-26')).toBeNull();
    expect(followUpProblem({ ...period, status: 'completed' }, '2027-01-01')).toBeNull();
    expect(followUpProblem({ ...period, status: 'cancelled' }, '2028-01-01')).toMatch(/cancelled/);
  });

  it('shows a planned period as ongoing from its start date', () => {
    expect(effectiveStatus({ status: 'planned', startDate: '2027-03-01' }, '2027-02-28')).toBe('planned');
    expect(effectiveStatus({ status: 'planned', startDate: '2027-03-01' }, '2027-03-01')).toBe('ongoing');
    expect(effectiveStatus({ status: 'cancelled', startDate: '2027-03-01' }, '2027-04-01')).toBe('cancelled');
  });
});

describe('plans and offers', () => {
  it('accepts only calendar dates in order and at most a year long', () => {
    expect(Day.safeParse('2027-02-29').success).toBe(false);
    expect(Day.safeParse('2028-02-29').success).toBe(true);
    expect(Day.safeParse('27-02-01').success).toBe(false);
    expect(planDatesProblem('2027-03-10', '2027-03-01')).toMatch(/end on or after/);
    expect(planDatesProblem('2027-03-01', '2027-03-01')).toBeNull();
    expect(planDatesProblem('2027-01-01', '2028-02-01')).toMatch(/at most a year/);
  });

  it('needs a host offer or organisation for a plan, and an offer that ends after it starts', () => {
    const plan = { teacherId: 't', startDate: '2027-03-01', endDate: '2027-03-05' };
    expect(PeriodInputSchema.safeParse(plan).success).toBe(false);
    expect(PeriodInputSchema.safeParse({ ...plan, offerId: 'o' }).success).toBe(true);
    const offer = { organisationId: 'o', title: { fi: 'Jakso' } };
    expect(HostOfferInputSchema.parse(offer)).toMatchObject({
      capacity: 1,
      isActive: true,
      title: { sv: '' },
    });
    expect(
      HostOfferInputSchema.safeParse({ ...offer, availableFrom: '2027-05-01', availableTo: '2027-04-01' })
        .success,
    ).toBe(false);
    expect(HostOfferInputSchema.safeParse({ ...offer, title: {} }).success).toBe(false);
  });
});
