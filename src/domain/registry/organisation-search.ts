/**
 * What a person typed into the organisation search box, made safe and split for PostgreSQL
 * full-text search: the whole text goes to `websearch_to_tsquery` (which accepts anything a
 * person types: quotes, "or", "-word"), and the last word also becomes a prefix query, so
 * "katodimat" already finds "katodimateriaaleja" while the word is being typed.
 */
export type SearchText = {
  /** The text for websearch_to_tsquery: control characters removed, spaces collapsed. */
  text: string;
  /** Everything before the last word, for `websearch(head) && prefix:*`; '' when one word. */
  head: string;
  /** The last word, letters and digits only (safe inside to_tsquery); null when too short. */
  prefix: string | null;
};

/** A one-letter prefix would match most of the registry and says nothing yet. */
export const MIN_PREFIX_LENGTH = 2;

const WORD = /[\p{L}\p{N}]+/gu;

export function parseSearchText(raw: string): SearchText {
  // PostgreSQL text cannot hold NUL, and other control characters carry no meaning here.
  const text = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = [...text.matchAll(WORD)];
  const last = words.at(-1);
  if (!last || last[0].length < MIN_PREFIX_LENGTH) return { text, head: '', prefix: null };
  const head = text.slice(0, last.index).trim();
  return { text, head, prefix: last[0].toLocaleLowerCase('fi') };
}

/** True when there is anything to search for at all (not only punctuation or spaces). */
export function hasSearchableWords(search: SearchText): boolean {
  return /[\p{L}\p{N}]/u.test(search.text);
}
