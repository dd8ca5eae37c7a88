import { stemEnglish } from '../taxonomy/term-keys.ts';

/**
 * Index terms of partner search: words lowercased with inner hyphens and apostrophes dropped
 * ("solid-state" → "solidstate", as the tagger's tokeniser does), an inflection-only English stem
 * and a cut at TERM_LENGTH characters, so "recycling"/"recycled", "cathodes"/"cathode" and Finnish
 * or Swedish inflections of one stem ("kierrätys", "kierrätyksen") meet in one term. Concepts (the
 * tagger) carry meaning across languages; terms carry the exact words. A million words are
 * tokenised per index build, so the word → term step is memoised.
 */
export const TERM_LENGTH = 7;

const STOP = new Set(
  (
    'the and of to is are for with by from that this which as its be was were has have been will can at an ' +
    'into their our new also on such these or in a we it not all more than other use using based project ' +
    'ja sekä että on ovat oli ei myös joka jotka jossa kanssa tai kuin se ne sen tämä ' +
    'och är att som för av med det ett på till från har kan om inte eller också även vid den de'
  ).split(' '),
);

// Words: letters and digits, joined by inner hyphens or apostrophes ("solid-state", "BMS'n").
const SEPARATORS = /[^\p{L}\p{N}'’‐‑-]+/u;
const JOINERS = /['’‐‑-]/g;
const EDGE_JOINERS = /^['’‐‑-]+|['’‐‑-]+$/g;

function* words(text: string): Generator<string> {
  for (const piece of text.normalize('NFC').split(SEPARATORS)) {
    if (piece === '') continue;
    const code = piece.charCodeAt(0);
    const last = piece.charCodeAt(piece.length - 1);
    // Only strip when a joiner stands at an edge (rare): keeps the common path allocation-free.
    yield code === 45 || code === 39 || code > 0x2000 || last === 45 || last === 39 || last > 0x2000
      ? piece.replace(EDGE_JOINERS, '')
      : piece;
  }
}

const memo = new Map<string, string | null>();
const MEMO_LIMIT = 500_000;

/** The term of a lowercased word, or null for a stop word or a single character. */
export function termOf(word: string): string | null {
  let term = memo.get(word);
  if (term !== undefined) return term;
  const norm =
    word.includes('-') || word.includes("'") || /[‐‑’:]/.test(word) ? word.replace(JOINERS, '') : word;
  if (norm.length < 2 || STOP.has(norm)) term = null;
  else {
    const stemmed = stemEnglish(norm);
    term = stemmed.length > TERM_LENGTH ? stemmed.slice(0, TERM_LENGTH) : stemmed;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, term);
  return term;
}

/** The index terms of a text, in text order, with repeats (term frequency counts them). */
export function textTerms(text: string, maxTerms = 400): string[] {
  const out: string[] = [];
  for (const word of words(text.toLowerCase())) {
    if (word === '') continue;
    const term = termOf(word);
    if (term === null) continue;
    out.push(term);
    if (out.length >= maxTerms) break;
  }
  return out;
}

/** The query's distinct terms, each with the first word that produced it (for reasons). */
export function queryTerms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of words(text.slice(0, 2000))) {
    if (word === '') continue;
    const term = termOf(word.toLowerCase());
    if (term === null || out.has(term)) continue;
    out.set(term, word);
    if (out.size >= 32) break;
  }
  return out;
}
