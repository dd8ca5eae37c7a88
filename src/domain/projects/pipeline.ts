/**
 * The R&D pipeline: a project's stages and the moves between them, and when a project's call
 * deadline is due a reminder. Pure; the routes and the reminder job apply it.
 */
export const PROJECT_STAGES = [
  'idea',
  'concept_note',
  'consortium',
  'proposal',
  'submitted',
  'funded',
  'not_funded',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** The stages worked on before the proposal goes in: reminders run, the board counts days left. */
export const PREPARING_STAGES: readonly ProjectStage[] = ['idea', 'concept_note', 'consortium', 'proposal'];

const WORKING: readonly ProjectStage[] = [...PREPARING_STAGES, 'submitted'];

/**
 * Where a project may go from `from`: one step forward or any step back through the working
 * stages (idea … submitted); the decision (funded / not funded) only from submitted; a decision
 * back to submitted (a correction); a project not funded back to idea or concept note (rework
 * and resubmit).
 */
export function allowedStages(from: ProjectStage): ProjectStage[] {
  if (from === 'funded') return ['submitted'];
  if (from === 'not_funded') return ['submitted', 'idea', 'concept_note'];
  const i = WORKING.indexOf(from);
  const next: ProjectStage[] = [...WORKING.slice(0, i)];
  if (from === 'submitted') next.push('funded', 'not_funded');
  else next.push(WORKING[i + 1]!);
  return next;
}

export type StageProblem = 'same_stage' | 'transition_not_allowed' | 'granted_required';

/** Why a move is refused, or null. Funded needs the granted sum (given now or recorded before). */
export function stageProblem(
  from: ProjectStage,
  to: ProjectStage,
  grantedEur: number | null,
): StageProblem | null {
  if (from === to) return 'same_stage';
  if (!allowedStages(from).includes(to)) return 'transition_not_allowed';
  if (to === 'funded' && (grantedEur === null || grantedEur <= 0)) return 'granted_required';
  return null;
}

export const STAGE_PROBLEM_MESSAGE: Record<StageProblem, string> = {
  same_stage: 'The project is already at this stage',
  transition_not_allowed:
    'Projects move one stage forward or back to an earlier one; funded or not funded only from submitted',
  granted_required: 'A funded project needs the granted sum (grantedEur)',
};

/** Days before a call deadline when the project's people are reminded. */
export const REMINDER_DAYS = [30, 7, 1] as const;
const DAY_MS = 86_400_000;

/** Whole days left until `deadline`, rounded up (a deadline 3 hours away is 1 day away). */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS);
}

export type DueReminder = { days: number; daysLeft: number; sent: number[] };

/**
 * The reminder due now for a project still in preparation, or null: the most urgent threshold
 * reached and not yet sent. Thresholds passed together (a project linked to a call 5 days before
 * its deadline) send one reminder and are all marked sent; a passed deadline sends nothing.
 */
export function dueReminder(input: {
  stage: ProjectStage;
  deadline: Date | null;
  now: Date;
  sent: readonly number[];
}): DueReminder | null {
  if (!input.deadline || !PREPARING_STAGES.includes(input.stage)) return null;
  const left = daysLeft(input.deadline, input.now);
  if (left <= 0) return null;
  const reached = REMINDER_DAYS.filter((d) => left <= d);
  const fresh = reached.filter((d) => !input.sent.includes(d));
  if (fresh.length === 0) return null;
  return {
    days: Math.min(...fresh),
    daysLeft: left,
    sent: [...new Set([...input.sent, ...reached])].sort((a, b) => b - a),
  };
}

/** The e-mail of a deadline reminder, in the three languages like the other notifications. */
export function deadlineReminderEmail(input: {
  projectTitle: string;
  callTitle: string;
  topicId: string | null;
  deadline: Date;
  daysLeft: number;
  link: string;
}): { subject: string; body: string } {
  const date = input.deadline.toISOString().slice(0, 10);
  const call = input.topicId ? `${input.topicId} – ${input.callTitle}` : input.callTitle;
  const n = input.daysLeft;
  const lines = {
    fi: `Hankkeen haku sulkeutuu ${date} (${n} ${n === 1 ? 'päivä' : 'päivää'} jäljellä).\nHaku: ${call}`,
    sv: `Projektets utlysning stänger ${date} (${n} ${n === 1 ? 'dag' : 'dagar'} kvar).\nUtlysning: ${call}`,
    en: `The project's call closes on ${date} (${n} ${n === 1 ? 'day' : 'days'} left).\nCall: ${call}`,
  };
  const heading = { fi: 'Hanke', sv: 'Projekt', en: 'Project' };
  const body = (['fi', 'sv', 'en'] as const)
    .map((lang) => `${heading[lang]}: ${input.projectTitle}\n${lines[lang]}`)
    .join('\n\n— — —\n\n');
  const title = input.projectTitle.replace(/\s+/g, ' ');
  return {
    subject: `[Kenno] Call deadline in ${n} ${n === 1 ? 'day' : 'days'}: ${title.length > 120 ? `${title.slice(0, 119)}…` : title}`,
    body: `${body}\n\n${input.link}\n`,
  };
}
