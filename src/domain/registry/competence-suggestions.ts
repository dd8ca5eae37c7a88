/**
 * Competences suggested from an organisation's own descriptions: the tagger's results for
 * each language, merged, minus what the organisation already has and what a person rejected.
 * Pure: the caller tags the texts and reads the existing and rejected concepts.
 */
import type { Language } from '../i18n/localized.ts';

export type TaggedConcept = {
  conceptId: string;
  label: { fi: string; sv: string; en: string };
  score: number;
  evidence: string[];
};

export type CompetenceSuggestion = TaggedConcept;

export type SuggestionContext = {
  /** Concepts the organisation already lists as competences. */
  existing: Iterable<string>;
  /** Concepts a person rejected as suggestions for this organisation. */
  rejected: Iterable<string>;
  /** concept id → parent id, to leave out broader concepts of what the organisation already has. */
  parentOf: ReadonlyMap<string, string | null>;
};

/**
 * The descriptions in fi, sv and en are usually translations of one text, so a concept found
 * in two of them is not twice as likely: its score is the best of the languages, and its
 * evidence is every word that matched, in fi, sv, en order.
 */
export function suggestCompetences(
  tagged: Partial<Record<Language, TaggedConcept[]>>,
  context: SuggestionContext,
): CompetenceSuggestion[] {
  const existing = new Set(context.existing);
  const rejected = new Set(context.rejected);
  // "Recycling" says nothing new about an organisation that already has "mechanical recycling".
  const covered = new Set<string>();
  for (const id of existing) {
    let parent = context.parentOf.get(id) ?? null;
    for (let depth = 0; parent !== null && depth < 50; depth++) {
      covered.add(parent);
      parent = context.parentOf.get(parent) ?? null;
    }
  }
  const merged = new Map<string, CompetenceSuggestion>();
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const result of tagged[language] ?? []) {
      const id = result.conceptId;
      if (existing.has(id) || rejected.has(id) || covered.has(id)) continue;
      const known = merged.get(id);
      if (!known) {
        merged.set(id, { ...result, evidence: [...new Set(result.evidence)] });
        continue;
      }
      known.score = Math.max(known.score, result.score);
      for (const word of result.evidence) if (!known.evidence.includes(word)) known.evidence.push(word);
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.conceptId.localeCompare(b.conceptId));
}

/**
 * The evidence stored with an accepted suggestion: the words of the description that led to
 * it, as written (the competence's `source` says it came from a suggestion).
 */
export function describeSuggestionEvidence(evidence: string[]): string {
  return evidence.slice(0, 20).join(', ').slice(0, 1000);
}
