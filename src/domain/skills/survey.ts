import { z } from 'zod';
import { LANGUAGES, type Language, type Localized } from '../i18n/localized.ts';
import { EQF_LEVELS } from './gap-definitions.ts';

/**
 * Survey rounds, their instrument and employers' answers: the schemas that validate the API, the
 * import and the demo data alike, and the pure rules around them (an answer against the round's
 * instrument, a respondent's status, response rates, the invitation e-mail).
 */

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

const Id = z.string().trim().min(1).max(200);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list as unknown[]).size === list.length, { message: 'Contains duplicates' });

/** Text in up to three languages; at least one must be given when `required`. */
export function localizedInput(maxLength: number, required: boolean) {
  return z
    .object({
      fi: z.string().trim().max(maxLength).optional(),
      sv: z.string().trim().max(maxLength).optional(),
      en: z.string().trim().max(maxLength).optional(),
    })
    .strict()
    .refine((v) => !required || Boolean(v.fi || v.sv || v.en), {
      message: 'Give the text in at least one language',
    })
    .transform((v): Localized => ({ fi: v.fi ?? '', sv: v.sv ?? '', en: v.en ?? '' }));
}

export const InstrumentSchema = z
  .object({
    /** Battery job roles and ESCO occupations (concept ids) employers choose from. */
    roleIds: uniqueList(Id, 300).min(1),
    /** Skills (concept ids: value chain, ESCO skills) employers may tick for a role. */
    skillIds: uniqueList(Id, 500).default([]),
    eqfLevels: uniqueList(z.number().int().min(1).max(8), EQF_LEVELS.length).min(1),
    askRecruitmentDifficulty: z.boolean().default(true),
    askFreeText: z.boolean().default(true),
  })
  .strict();
export type Instrument = z.infer<typeof InstrumentSchema>;

const DateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const RoundInputSchema = z
  .object({
    title: localizedInput(300, true),
    intro: localizedInput(5000, false).optional(),
    regionId: Id.nullable(),
    instrument: InstrumentSchema,
    opensAt: DateTime.nullable().optional(),
    closesAt: DateTime.nullable().optional(),
  })
  .strict()
  .refine((v) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt, {
    message: 'The round must close after it opens',
    path: ['closesAt'],
  });
export type RoundInput = z.infer<typeof RoundInputSchema>;

export const RoundPatchSchema = z
  .object({
    title: localizedInput(300, true).optional(),
    intro: localizedInput(5000, false).optional(),
    status: z.enum(ROUND_STATUSES).optional(),
    instrument: InstrumentSchema.optional(),
    opensAt: DateTime.nullable().optional(),
    closesAt: DateTime.nullable().optional(),
  })
  .strict();
export type RoundPatch = z.infer<typeof RoundPatchSchema>;

/** Status changes a round may make: draft → open ⇄ closed. */
export function statusChangeAllowed(from: RoundStatus, to: RoundStatus): boolean {
  if (from === to) return true;
  return (
    (from === 'draft' && to === 'open') ||
    (from === 'open' && to === 'closed') ||
    (from === 'closed' && to === 'open')
  );
}

export const RespondentsInputSchema = z
  .object({
    respondents: z
      .array(
        z
          .object({
            organisationId: Id,
            email: z.email().max(320).nullable().optional(),
            language: z.enum(LANGUAGES).default('fi'),
          })
          .strict(),
      )
      .min(1)
      .max(500),
    expiresInDays: z.number().int().min(1).max(365).optional(),
  })
  .strict();

export const MAX_HEADCOUNT = 100_000;
const Headcount = z.number().int().min(0).max(MAX_HEADCOUNT);

export const AnswerSchema = z
  .object({
    roleId: Id,
    skillIds: uniqueList(Id, 50).default([]),
    eqfLevel: z.number().int().min(1).max(8),
    regionId: Id,
    headcountNow: Headcount,
    headcount1to3: Headcount,
    headcount3to5: Headcount,
    recruitmentDifficulty: z.number().int().min(1).max(5).nullable().optional(),
    freeText: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

export const MAX_ANSWERS = 200;
export const SurveyPutSchema = z
  .object({ answers: z.array(AnswerSchema).max(MAX_ANSWERS), submit: z.boolean().default(false) })
  .strict();

export type AnswerIssue = { path: (string | number)[]; message: string };

/**
 * An employer's answers against the round: roles, levels and skills the instrument offers, the
 * round's region (a regional round takes needs in its own region only), optional questions only
 * when asked, and one answer per role, level and region.
 */
export function checkAnswers(
  answers: readonly Answer[],
  instrument: Instrument,
  regionIds: ReadonlySet<string>,
): AnswerIssue[] {
  const roles = new Set(instrument.roleIds);
  const skills = new Set(instrument.skillIds);
  const levels = new Set(instrument.eqfLevels);
  const issues: AnswerIssue[] = [];
  const seen = new Map<string, number>();
  answers.forEach((a, i) => {
    if (!roles.has(a.roleId))
      issues.push({ path: ['answers', i, 'roleId'], message: 'Not a role of this survey' });
    if (!levels.has(a.eqfLevel))
      issues.push({ path: ['answers', i, 'eqfLevel'], message: 'Not an education level of this survey' });
    if (!regionIds.has(a.regionId))
      issues.push({ path: ['answers', i, 'regionId'], message: 'Not a region of this survey' });
    a.skillIds.forEach((s, j) => {
      if (!skills.has(s))
        issues.push({ path: ['answers', i, 'skillIds', j], message: 'Not a skill of this survey' });
    });
    if (!instrument.askRecruitmentDifficulty && a.recruitmentDifficulty != null)
      issues.push({ path: ['answers', i, 'recruitmentDifficulty'], message: 'This survey does not ask it' });
    if (!instrument.askFreeText && a.freeText)
      issues.push({ path: ['answers', i, 'freeText'], message: 'This survey does not ask it' });
    const key = `${a.roleId}\u0000${a.eqfLevel}\u0000${a.regionId}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: ['answers', i],
        message: `The same role, level and region as answer ${first + 1}; give one headcount per need`,
      });
    else seen.set(key, i);
  });
  return issues;
}

// ── Respondents and their personal links ──

/** Personal answer links carry `kenno_srv_` + 32 random bytes; only their SHA-256 is stored. */
export const SURVEY_TOKEN_PREFIX = 'kenno_srv_';
export const SURVEY_TOKEN_HEADER = 'x-survey-token';

export function looksLikeSurveyToken(value: unknown): value is string {
  return typeof value === 'string' && /^kenno_srv_[A-Za-z0-9_-]{20,100}$/.test(value);
}

export const RESPONDENT_STATUSES = ['invited', 'started', 'submitted', 'revoked', 'expired'] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];

export type RespondentState = {
  revokedAt: Date | null;
  submittedAt: Date | null;
  startedAt: Date | null;
  expiresAt: Date;
};

/** One status each: revoked, else submitted, else expired, else started (saved), else invited. */
export function respondentStatus(r: RespondentState, now: Date): RespondentStatus {
  if (r.revokedAt) return 'revoked';
  if (r.submittedAt) return 'submitted';
  if (r.expiresAt <= now) return 'expired';
  if (r.startedAt) return 'started';
  return 'invited';
}

export type RoundStats = Record<RespondentStatus, number> & { responseRate: number };

/** Response rate = submitted ÷ invited links that were not revoked. */
export function roundStats(statuses: readonly RespondentStatus[]): RoundStats {
  const stats = { invited: 0, started: 0, submitted: 0, revoked: 0, expired: 0 };
  for (const s of statuses) stats[s]++;
  const total = statuses.length - stats.revoked;
  return { ...stats, responseRate: total > 0 ? Math.round((stats.submitted / total) * 1000) / 1000 : 0 };
}

/** Why a link does not open the survey (the error the respondent's page explains). */
export type LinkProblem = 'revoked' | 'expired' | 'round_closed' | 'round_not_open';

export function linkProblem(r: RespondentState, roundStatus: RoundStatus, now: Date): LinkProblem | null {
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt <= now) return 'expired';
  if (roundStatus === 'closed') return 'round_closed';
  if (roundStatus === 'draft') return 'round_not_open';
  return null;
}

/** A link lives `expiresInDays`, else until the round closes, else 30 days. */
export function linkExpiry(now: Date, closesAt: Date | null, expiresInDays: number | undefined): Date {
  if (expiresInDays !== undefined) return new Date(now.getTime() + expiresInDays * 86_400_000);
  if (closesAt && closesAt > now) return closesAt;
  return new Date(now.getTime() + 30 * 86_400_000);
}

// ── E-mails ──

const MAIL: Record<
  Language,
  {
    invite: string;
    remind: string;
    greeting: string;
    body: string;
    again: string;
    expires: string;
    footer: string;
  }
> = {
  fi: {
    invite: 'Kutsu osaamistarvekyselyyn',
    remind: 'Muistutus: osaamistarvekysely',
    greeting: 'Hei,',
    body: 'Kenno-verkosto kartoittaa akkualan työnantajien osaamis- ja työvoimatarpeita. Vastaatte organisaation {org} puolesta kyselyyn "{title}". Vastaaminen ei vaadi tunnusta; voitte tallentaa vastauksen ja palata siihen myöhemmin tällä henkilökohtaisella linkillä:',
    again:
      'Tämä on uusi henkilökohtainen linkkinne; aiemmin lähetetty linkki ei enää toimi. Jo tallennetut vastauksenne ovat tallessa.',
    expires:
      'Linkki on voimassa {date} asti. Älkää jakako sitä: se avaa vain teidän organisaationne vastaukset.',
    footer:
      'Yksittäisen työnantajan vastauksia ei julkaista: tulokset näytetään vain vähintään kolmen työnantajan yhteenvetoina.',
  },
  sv: {
    invite: 'Inbjudan till enkäten om kompetensbehov',
    remind: 'Påminnelse: enkäten om kompetensbehov',
    greeting: 'Hej,',
    body: 'Kenno-nätverket kartlägger batteriarbetsgivarnas behov av kompetens och arbetskraft. Ni svarar för {org} på enkäten "{title}". Inget konto behövs; ni kan spara svaret och återkomma till det senare med denna personliga länk:',
    again:
      'Detta är er nya personliga länk; den tidigare länken fungerar inte längre. Redan sparade svar finns kvar.',
    expires: 'Länken gäller till {date}. Dela den inte: den öppnar bara er organisations svar.',
    footer:
      'Enskilda arbetsgivares svar publiceras inte: resultaten visas bara som sammanställningar av minst tre arbetsgivare.',
  },
  en: {
    invite: 'Invitation to the competence-needs survey',
    remind: 'Reminder: the competence-needs survey',
    greeting: 'Hello,',
    body: 'The Kenno network is mapping the competence and labour needs of battery-industry employers. You are answering the survey "{title}" for {org}. No account is needed; you can save your answers and come back to them later with this personal link:',
    again:
      'This is your new personal link; the link sent earlier no longer works. Answers you have saved are kept.',
    expires: 'The link is valid until {date}. Do not share it: it opens your organisation’s answers only.',
    footer:
      'No single employer’s answers are published: results are shown only as summaries of at least three employers.',
  },
};

const DATE_LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function surveyEmail(input: {
  kind: 'invitation' | 'reminder';
  language: Language;
  roundTitle: Localized;
  organisationName: string;
  link: string;
  expiresAt: Date;
}): { subject: string; body: string } {
  const m = MAIL[input.language];
  const title =
    input.roundTitle[input.language] || input.roundTitle.fi || input.roundTitle.en || input.roundTitle.sv;
  const date = input.expiresAt.toLocaleDateString(DATE_LOCALE[input.language], {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  });
  const fill = (text: string) =>
    text.replace('{org}', input.organisationName).replace('{title}', title).replace('{date}', date);
  const lines = [
    m.greeting,
    '',
    fill(m.body),
    '',
    input.link,
    '',
    ...(input.kind === 'reminder' ? [m.again, ''] : []),
    fill(m.expires),
    '',
    m.footer,
  ];
  return {
    subject: `${input.kind === 'invitation' ? m.invite : m.remind}: ${title}`,
    body: lines.join('\n'),
  };
}
