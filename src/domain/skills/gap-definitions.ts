/**
 * What the gap analysis counts — defined here and nowhere else.
 *
 * **Cell.** A gap cell is a job role × EQF level × network region × horizon of one survey round.
 * Any of the four may be rolled up ("all roles", "all levels", "the whole network", "all
 * horizons"); a roll-up is the sum of its parts, so every figure the API returns is one cell of
 * the lattice of the 2⁴ = 16 roll-up levels.
 *
 * **Demand** of a cell = the sum of the headcounts employers stated for it: `headcountNow` for the
 * horizon *now*, `headcount1to3` for *1–3 years*, `headcount3to5` for *3–5 years* (the three are
 * separate needs, not cumulative), their sum for all horizons. Counted answers: the submitted
 * answers of a personal link that has not been revoked, and every imported answer, of rounds
 * that are open or closed (drafts count nowhere).
 *
 * **Supply** of a cell = the yearly graduates of the public programmes and modules in that
 * region at that EQF level that prepare for the role, times the years of the horizon:
 * *now* = the coming year (1), *1–3 years* = years 2–3 (2), *3–5 years* = years 4–5 (2), all
 * horizons = 5 years. The horizons do not overlap, so demand and supply both add up over them.
 * A programme that prepares for several roles has its graduates shared equally among them
 * (12 graduates, 3 roles → 4 per role), so supply adds up over roles as well. Programmes without
 * a network region count in no cell.
 *
 * **Gap** = demand − supply: positive means more people needed than trained.
 *
 * **Employers** of a cell = the number of distinct organisations whose counted answers fall in it
 * (an organisation that answered 0 for a horizon still counts as responding).
 *
 * **Disclosure control** (see disclosure.ts): a cell with fewer than MIN_EMPLOYERS responding
 * employers, or where one employer gives more than DOMINANCE_SHARE of its demand, is suppressed;
 * further cells are suppressed so that no suppressed figure can be derived from published ones.
 */

export const HORIZONS = ['now', '1-3', '3-5'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Years of graduates a horizon's supply counts (see the header). */
export const HORIZON_YEARS: Record<Horizon, number> = { now: 1, '1-3': 2, '3-5': 2 };
/** All three horizons together: years 1–5. */
export const ALL_HORIZONS_YEARS = HORIZON_YEARS.now + HORIZON_YEARS['1-3'] + HORIZON_YEARS['3-5'];

export const EQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const EQF_COUNT = EQF_LEVELS.length;

export const GAP_DIMENSIONS = ['role', 'eqf', 'region', 'horizon'] as const;
export type GapDimension = (typeof GAP_DIMENSIONS)[number];

/** A cell needs at least this many responding employers to be published. */
export const MIN_EMPLOYERS = 3;
/** A cell where one employer gives more than this share of the demand is not published. */
export const DOMINANCE_SHARE = 0.8;

export const TRAINING_LEVELS = ['vocational', 'applied_sciences', 'university', 'continuing'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

/** The EQF level a programme of a level usually has, when a form or file does not say. */
export const DEFAULT_EQF_FOR_LEVEL: Record<TrainingLevel, number | null> = {
  vocational: 4,
  applied_sciences: 6,
  university: 7,
  continuing: null,
};

/** One programme's yearly supply for one of its roles (graduates shared equally among roles). */
export function supplyPerRole(yearlyGraduates: number | null, roleCount: number): number {
  if (!yearlyGraduates || yearlyGraduates <= 0 || roleCount <= 0) return 0;
  return yearlyGraduates / roleCount;
}

/** Figures are shown with one decimal (supply can be fractional when shared among roles). */
export function roundFigure(value: number): number {
  return Math.round(value * 10) / 10;
}
