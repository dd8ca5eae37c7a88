/**
 * The cross-language lexicon of challenge similarity (data/taxonomy/similarity-lexicon.json):
 * domain words the value-chain taxonomy lacks ("impurity", "tap density", "rescue department"),
 * each with its Finnish, Swedish and English forms. Its entries are matched by the same tagger
 * as the taxonomy (inflection, compounds, English stems), as pseudo-concepts `x:<id>`.
 */
import { z } from 'zod';
import type { TaggableConcept } from '../../taxonomy/tagging.ts';

export const LexiconEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** How much sharing this entry says about two challenges being one problem (0–1]. */
  weight: z.number().gt(0).max(1),
  /** Element symbols that stand for the entry as a word ("Al") or inside a formula ("NiSO4"). */
  symbols: z.array(z.string().regex(/^[A-Z][a-z]?$/)).optional(),
  fi: z.array(z.string().min(1)),
  sv: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
});

export const SimilarityLexiconSchema = z.object({
  schema: z.literal('similarity-lexicon/v1'),
  entries: z.array(LexiconEntrySchema),
});

export type SimilarityLexicon = z.infer<typeof SimilarityLexiconSchema>;
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

export const LEXICON_PREFIX = 'x:';

/** The entries as concepts for buildTagIndex: the first form is the label, the rest alternatives. */
export function lexiconConcepts(lexicon: SimilarityLexicon): TaggableConcept[] {
  return lexicon.entries.map((entry) => {
    const first = (list: string[]) => list[0] ?? '';
    return {
      id: `${LEXICON_PREFIX}${entry.id}`,
      parentId: null,
      // Labels are matched as given; the "=" and "^" placement marks only work on alternatives,
      // so every form goes to the alternatives and the label only names the entry.
      labels: { fi: first(entry.fi), sv: first(entry.sv), en: first(entry.en) },
      altLabels: { fi: entry.fi, sv: entry.sv, en: entry.en },
      matchLabels: false,
    };
  });
}
