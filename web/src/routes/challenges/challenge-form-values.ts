// The submit and edit form's values as plain data: defaults, the checks made before sending,
// the concepts shown, and the API input. No React here, so it is tested on its own.
import type { User } from '../../api.ts';
import type {
  Challenge,
  ChallengeInput,
  ChallengeLanguage,
  Horizon,
  TagSuggestion,
} from './challenges-api.ts';

/** The server's limits (src/domain/challenges/challenge.ts). */
export const TITLE_MIN = 3;
export const TITLE_MAX = 300;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 10_000;

export interface ChallengeFormValues {
  title: string;
  description: string;
  language: ChallengeLanguage;
  regionId: string;
  organisationId: string;
  trlNow: string;
  trlWanted: string;
  horizon: Horizon | '';
  isPublic: boolean;
  /** Concepts the person added or kept. */
  conceptIds: string[];
  /** Suggestions the person removed; the tagger's answers never bring them back. */
  dismissed: string[];
}

export type Field =
  | 'title'
  | 'description'
  | 'language'
  | 'regionId'
  | 'organisationId'
  | 'trlNow'
  | 'trlWanted'
  | 'horizon';
export const FIELD_ORDER: Field[] = [
  'title',
  'description',
  'language',
  'regionId',
  'organisationId',
  'trlNow',
  'trlWanted',
  'horizon',
];

export function initialValues(
  user: User | null,
  language: ChallengeLanguage,
  challenge?: Challenge,
  defaultRegion: string | null = null,
): ChallengeFormValues {
  if (challenge) {
    return {
      title: challenge.title,
      description: challenge.description,
      language: challenge.language,
      regionId: challenge.regionId ?? '',
      organisationId: challenge.organisationId ?? '',
      trlNow: challenge.trlNow ? String(challenge.trlNow) : '',
      trlWanted: challenge.trlWanted ? String(challenge.trlWanted) : '',
      horizon: challenge.horizon ?? '',
      isPublic: challenge.isPublic,
      conceptIds: challenge.conceptIds,
      // Suggestions left out when it was saved stay out.
      dismissed: challenge.suggestedConceptIds.filter((id) => !challenge.conceptIds.includes(id)),
    };
  }
  return {
    title: '',
    description: '',
    language,
    regionId: user?.regionId ?? defaultRegion ?? '',
    organisationId: user?.organisationId ?? '',
    trlNow: '',
    trlWanted: '',
    horizon: '',
    isPublic: true,
    conceptIds: [],
    dismissed: [],
  };
}

/** Client-side checks, the same the server makes, so a person hears about them at once. */
export function validateChallenge(values: ChallengeFormValues): Set<Field> {
  const invalid = new Set<Field>();
  const title = values.title.trim().length;
  const description = values.description.trim().length;
  if (title < TITLE_MIN || title > TITLE_MAX) invalid.add('title');
  if (description < DESCRIPTION_MIN || description > DESCRIPTION_MAX) invalid.add('description');
  if (values.trlNow && values.trlWanted && Number(values.trlWanted) < Number(values.trlNow))
    invalid.add('trlWanted');
  return invalid;
}

export function toInput(values: ChallengeFormValues, conceptIds: string[]): ChallengeInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    language: values.language,
    regionId: values.regionId || null,
    organisationId: values.organisationId || null,
    conceptIds,
    trlNow: values.trlNow ? Number(values.trlNow) : null,
    trlWanted: values.trlWanted ? Number(values.trlWanted) : null,
    horizon: values.horizon || null,
    isPublic: values.isPublic,
  };
}

export interface ChosenConcept {
  id: string;
  label: string;
  /** Found by the tagger in the text (else added by the person). */
  suggested: boolean;
  /** The words of the text that led to the suggestion. */
  evidence: string[];
}

/**
 * The concepts the form will save: the person's own first, then the tagger's suggestions
 * that were not removed, and only concepts of the value chain (`known`; empty = not loaded).
 */
export function chosenConcepts(
  values: Pick<ChallengeFormValues, 'conceptIds' | 'dismissed'>,
  suggestions: readonly TagSuggestion[],
  known: ReadonlySet<string>,
  label: (id: string, suggestion?: TagSuggestion) => string,
): ChosenConcept[] {
  const dismissed = new Set(values.dismissed);
  const own = new Set(values.conceptIds);
  const out: ChosenConcept[] = values.conceptIds.map((id) => ({
    id,
    label: label(id),
    suggested: false,
    evidence: [],
  }));
  for (const tag of suggestions) {
    if (dismissed.has(tag.conceptId) || own.has(tag.conceptId)) continue;
    if (known.size > 0 && !known.has(tag.conceptId)) continue;
    own.add(tag.conceptId);
    out.push({
      id: tag.conceptId,
      label: label(tag.conceptId, tag),
      suggested: true,
      evidence: tag.evidence,
    });
  }
  return out;
}
