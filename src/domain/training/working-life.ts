import { z } from 'zod';
import { LANGUAGES } from '../i18n/localized.ts';
import { localizedInput } from '../skills/survey.ts';

/**
 * Teachers' working-life periods (issue 7): the input schemas of teachers, host offers,
 * periods, follow-up reports and enrolment interest — the same schemas for the API, its
 * OpenAPI document and the web forms — and the period lifecycle
 * (planned → ongoing → completed | cancelled). Pure: no I/O.
 */

export const PERIOD_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;

/** Every demo teacher's id starts so (data/demo/working-life.json): the pages mark them as invented persons. */
export const DEMO_TEACHER_PREFIX = 'demo-teacher-';
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** Which status may follow which. Completed and cancelled periods are closed. */
const NEXT: Record<PeriodStatus, readonly PeriodStatus[]> = {
  planned: ['ongoing', 'cancelled'],
  ongoing: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canMoveTo(from: PeriodStatus, to: PeriodStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function isClosed(status: PeriodStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

/**
 * A follow-up report is written when the period is completed, or once its end date has come
 * (the report then completes it). A cancelled period has none.
 */
export function followUpProblem(
  period: { status: PeriodStatus; endDate: string },
  today: string,
): string | null {
  if (period.status === 'cancelled') return 'A cancelled period has no follow-up report';
  if (period.status === 'completed' || period.endDate <= today) return null;
  return `The follow-up report can be written from the end date (${period.endDate}) on`;
}

/** The status a stored period shows today: a planned period whose start date has come is ongoing. */
export function effectiveStatus(
  period: { status: PeriodStatus; startDate: string },
  today: string,
): PeriodStatus {
  return period.status === 'planned' && period.startDate <= today ? 'ongoing' : period.status;
}

/** yyyy-mm-dd of a Date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Longest period that can be planned in one go. */
export const MAX_PERIOD_DAYS = 366;

const Id = z.string().trim().min(1).max(100);
const Text = (max: number) => z.string().trim().max(max);
const Email = z.string().trim().max(254).email();
const unique = (list: readonly string[]) => new Set(list).size === list.length;
const ConceptIds = z.array(Id).max(50).refine(unique, 'A competence is listed twice');
const Languages = z.array(z.enum(LANGUAGES)).max(3).refine(unique, 'A language is listed twice');
/** A calendar day, yyyy-mm-dd, that exists. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written yyyy-mm-dd')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && isoDay(d) === v && v >= '2000-01-01' && v <= '2100-12-31';
  }, 'Not a calendar date');

const teacherFields = {
  name: Text(200).min(1),
  email: Email.nullable(),
  organisationId: Id,
  regionId: Id.nullable(),
  subjects: Text(2000),
  developmentGoals: Text(5000),
  conceptIds: ConceptIds,
  languages: Languages,
};

export const TeacherInputSchema = z
  .object({
    ...teacherFields,
    email: teacherFields.email.optional(),
    regionId: teacherFields.regionId.optional(),
    subjects: teacherFields.subjects.default(''),
    developmentGoals: teacherFields.developmentGoals.default(''),
    conceptIds: teacherFields.conceptIds.default([]),
    languages: teacherFields.languages.default([]),
    /** The profile is the signed-in person's own (links it to the account). */
    isSelf: z.boolean().default(false),
  })
  .strict();
export type TeacherInput = z.infer<typeof TeacherInputSchema>;

export const TeacherPatchSchema = z
  .object({
    name: teacherFields.name.optional(),
    email: teacherFields.email.optional(),
    regionId: teacherFields.regionId.optional(),
    subjects: teacherFields.subjects.optional(),
    developmentGoals: teacherFields.developmentGoals.optional(),
    conceptIds: teacherFields.conceptIds.optional(),
    languages: teacherFields.languages.optional(),
  })
  .strict();
export type TeacherPatch = z.infer<typeof TeacherPatchSchema>;

const offerFields = {
  organisationId: Id,
  regionId: Id.nullable(),
  title: localizedInput(300, true),
  description: localizedInput(5000, false),
  conceptIds: ConceptIds,
  languages: Languages,
  capacity: z.number().int().min(1).max(100),
  durationWeeks: z.number().int().min(1).max(52).nullable(),
  availableFrom: Day.nullable(),
  availableTo: Day.nullable(),
  isActive: z.boolean(),
};

const datesInOrder = (v: { availableFrom?: string | null; availableTo?: string | null }) =>
  !v.availableFrom || !v.availableTo || v.availableFrom <= v.availableTo;
const datesMessage = { message: 'The offer must end after it starts', path: ['availableTo'] };

export const HostOfferInputSchema = z
  .object({
    ...offerFields,
    regionId: offerFields.regionId.optional(),
    description: offerFields.description.optional(),
    conceptIds: offerFields.conceptIds.default([]),
    languages: offerFields.languages.default([]),
    capacity: offerFields.capacity.default(1),
    durationWeeks: offerFields.durationWeeks.optional(),
    availableFrom: offerFields.availableFrom.optional(),
    availableTo: offerFields.availableTo.optional(),
    isActive: offerFields.isActive.default(true),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type HostOfferInput = z.infer<typeof HostOfferInputSchema>;

export const HostOfferPatchSchema = z
  .object({
    regionId: offerFields.regionId.optional(),
    title: offerFields.title.optional(),
    description: offerFields.description.optional(),
    conceptIds: offerFields.conceptIds.optional(),
    languages: offerFields.languages.optional(),
    capacity: offerFields.capacity.optional(),
    durationWeeks: offerFields.durationWeeks.optional(),
    availableFrom: offerFields.availableFrom.optional(),
    availableTo: offerFields.availableTo.optional(),
    isActive: offerFields.isActive.optional(),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type HostOfferPatch = z.infer<typeof HostOfferPatchSchema>;

const planFields = {
  startDate: Day,
  endDate: Day,
  goals: Text(5000),
  supervisorName: Text(200),
  supervisorEmail: Email.nullable(),
};

/** The plan of a period: at a host offer (its organisation hosts) or straight at an organisation. */
export const PeriodInputSchema = z
  .object({
    teacherId: Id,
    offerId: Id.optional(),
    hostOrganisationId: Id.optional(),
    ...planFields,
    goals: planFields.goals.default(''),
    supervisorName: planFields.supervisorName.default(''),
    supervisorEmail: planFields.supervisorEmail.optional(),
  })
  .strict()
  .refine((v) => Boolean(v.offerId || v.hostOrganisationId), {
    message: 'Name the host offer or the host organisation',
    path: ['offerId'],
  });
export type PeriodInput = z.infer<typeof PeriodInputSchema>;

export const PeriodPatchSchema = z
  .object({
    status: z.enum(PERIOD_STATUSES).optional(),
    startDate: planFields.startDate.optional(),
    endDate: planFields.endDate.optional(),
    goals: planFields.goals.optional(),
    supervisorName: planFields.supervisorName.optional(),
    supervisorEmail: planFields.supervisorEmail.optional(),
  })
  .strict();
export type PeriodPatch = z.infer<typeof PeriodPatchSchema>;

/** The fields a host organisation's members may change: who supervises. */
export const SUPERVISOR_FIELDS = ['supervisorName', 'supervisorEmail'] as const;

/** Dates of a plan: in order and not longer than a year. */
export function planDatesProblem(startDate: string, endDate: string): string | null {
  if (endDate < startDate) return 'The period must end on or after its start date';
  if (daysBetween(startDate, endDate) > MAX_PERIOD_DAYS) return 'A period is at most a year long';
  return null;
}

export const FollowUpInputSchema = z
  .object({
    goalsAchieved: Text(5000).min(1),
    outcomes: Text(5000).default(''),
    changesToTeaching: Text(5000).default(''),
    days: z.number().int().min(0).max(MAX_PERIOD_DAYS).nullable().default(null),
    rating: z.number().int().min(1).max(5).nullable().default(null),
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

export const EnrolmentInterestInputSchema = z
  .object({
    contactName: Text(200).min(1),
    contactEmail: Email.nullable().optional(),
    headcount: z.number().int().min(1).max(1000),
    message: Text(2000).default(''),
  })
  .strict();
export type EnrolmentInterestInput = z.infer<typeof EnrolmentInterestInputSchema>;
