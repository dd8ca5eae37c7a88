/**
 * Joins the value-chain taxonomy (labels, parents) with the editorial synonym list into the
 * concepts the tagger indexes. Pure: the caller reads and parses the two JSON files.
 */
import type { TaggableConcept } from './tagging.ts';

type Labels = { fi: string; sv: string; en: string };
type LabelLists = { fi?: string[]; sv?: string[]; en?: string[] };

export type ValueChainTaxonomy = {
  concepts: Array<{ id: string; parent: string | null; labels: Labels; alt_labels?: LabelLists }>;
};

export type ValueChainSynonyms = {
  schema: string;
  concepts: Record<string, LabelLists>;
  /** concept id → ids of non-ancestor concepts it makes redundant on shared words. */
  supersedes?: Record<string, string[]>;
  /** Concepts whose official labels are too generic to count as evidence ("Applications"). */
  unmatched_labels?: string[];
  /** "concept counts as `becomes` when one of `when_also` is tagged too" (see TaggableConcept). */
  context_rules?: Array<{ concept: string; when_also: string[]; becomes: string }>;
};

export function buildTaggableConcepts(
  taxonomy: ValueChainTaxonomy,
  synonyms: ValueChainSynonyms,
): TaggableConcept[] {
  const known = new Set(taxonomy.concepts.map((c) => c.id));
  const named = [
    ...Object.keys(synonyms.concepts),
    ...Object.entries(synonyms.supersedes ?? {}).flat(2),
    ...(synonyms.unmatched_labels ?? []),
    ...(synonyms.context_rules ?? []).flatMap((r) => [r.concept, r.becomes, ...r.when_also]),
  ];
  for (const id of named) {
    // A synonym for a concept that no longer exists would silently tag nothing: fail loudly.
    if (!known.has(id)) throw new Error(`Synonyms name an unknown concept: ${id}`);
  }
  return taxonomy.concepts.map((c) => {
    const extra = synonyms.concepts[c.id] ?? {};
    const merge = (lang: keyof Labels) => [
      ...new Set([...(c.alt_labels?.[lang] ?? []), ...(extra[lang] ?? [])]),
    ];
    return {
      id: c.id,
      parentId: c.parent,
      labels: c.labels,
      altLabels: { fi: merge('fi'), sv: merge('sv'), en: merge('en') },
      supersedes: synonyms.supersedes?.[c.id] ?? [],
      matchLabels: !(synonyms.unmatched_labels ?? []).includes(c.id),
      contextRules: (synonyms.context_rules ?? [])
        .filter((r) => r.concept === c.id)
        .map((r) => ({ whenAlso: r.when_also, becomes: r.becomes })),
    };
  });
}
