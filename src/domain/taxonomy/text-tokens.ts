/**
 * Tokenising and language guessing for the tagger. Kept apart from the matcher so the
 * same normalisation is applied to concept labels (at index time) and to text (per call).
 */
export type TagLanguage = 'fi' | 'sv' | 'en';

export type TextToken = {
  /** The word as written in the text (NFC), including inner hyphens and colons: "pCAM-materiaalien", "BMS:n". */
  written: string;
  /** Lowercased, hyphens and colons removed: "pcammateriaalien", "bmsn". */
  norm: string;
  /** Positions in `norm` where a hyphen or colon stood: a word part always begins there. */
  cuts: number[];
  /** True when the written word is not all lowercase (abbreviations must be written with capitals). */
  hasUpper: boolean;
  /** True when punctuation (a comma, full stop, bracket …) stands between this word and the one before. */
  breakBefore: boolean;
};

// One pass over the text with one regex: letters/digits, optionally joined by hyphens or colons
// ("litiumioni-akku", "BMS:n", "NMC-811"), and a trailing hyphen kept for Finnish/Swedish
// elision ("nikkeli- ja kobolttimalmit").
const WORD = /[\p{L}\p{N}]+(?:[-‐‑:’'][\p{L}\p{N}]+)*-?/gu;
const JOINERS = new Set(['-', '‐', '‑', ':', '’', "'"]);
// Punctuation that ends a phrase: label words on both sides of it belong to different things.
const BREAK = /[,.;:!?()[\]{}•|/\n]/;

export function tokeniseText(text: string): TextToken[] {
  const source = text.normalize('NFC');
  const tokens: TextToken[] = [];
  let previousEnd = 0;
  for (const match of source.matchAll(WORD)) {
    const written = match[0];
    const breakBefore = tokens.length > 0 && BREAK.test(source.slice(previousEnd, match.index));
    previousEnd = match.index + written.length;
    const lower = written.toLowerCase();
    let norm = '';
    const cuts: number[] = [];
    for (const ch of lower) {
      if (JOINERS.has(ch)) {
        if (norm.length > 0 && cuts[cuts.length - 1] !== norm.length) cuts.push(norm.length);
      } else {
        norm += ch;
      }
    }
    if (cuts.length > 0 && cuts[cuts.length - 1] === norm.length) cuts.pop();
    tokens.push({ written, norm, cuts, hasUpper: lower !== written, breakBefore });
  }
  return tokens;
}

/** Lowercased, NFC, hyphens and colons dropped: the form labels and text are compared in. */
export function normaliseWord(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC').toLowerCase()) if (!JOINERS.has(ch)) out += ch;
  return out;
}

// Frequent function words that are unambiguous enough between the three languages. Words
// shared by two of them ("i", "en", "on" …) are left out on purpose.
const FUNCTION_WORDS: Record<TagLanguage, ReadonlySet<string>> = {
  fi: new Set(
    'ja sekä että on ovat oli ei myös joka jotka jossa joissa kanssa mukaan tai kuin se ne sen niiden tämä nämä hän yli noin vuonna vuoden jo voi ollut olla sitä siitä kun mutta eri uusi uuden'.split(
      ' ',
    ),
  ),
  sv: new Set(
    'och är att som för av med det ett på till från har kan om inte eller också även vid den de detta dessa under sig nya inom samt vara blir bli var'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the and of to is are for with by from that this which as its be was were has have been will can at an into their our new also on such these or'.split(
      ' ',
    ),
  ),
};

/**
 * Guess the language of a text from function words, with å/ä/ö as a tie-breaker.
 * Returns null when the text gives no signal (a keyword list, a title): the caller then
 * matches all three languages.
 */
export function detectLanguage(tokens: TextToken[]): TagLanguage | null {
  const counts = { fi: 0, sv: 0, en: 0 };
  let aRing = 0;
  let umlaut = 0;
  for (const token of tokens) {
    const w = token.norm;
    if (FUNCTION_WORDS.fi.has(w)) counts.fi++;
    if (FUNCTION_WORDS.sv.has(w)) counts.sv++;
    if (FUNCTION_WORDS.en.has(w)) counts.en++;
    if (w.includes('å')) aRing++;
    if (w.includes('ä') || w.includes('ö')) umlaut++;
  }
  // Letters count a little: Finnish has ä/ö but never å; English has neither.
  counts.sv += aRing * 0.5;
  counts.fi += Math.max(0, umlaut - aRing * 2) * 0.3;
  counts.en -= (aRing + umlaut) * 0.5;
  const ranked = (Object.keys(counts) as TagLanguage[]).sort((a, b) => counts[b] - counts[a]);
  const best = ranked[0]!;
  const second = ranked[1]!;
  if (counts[best] < 1 || counts[best] - counts[second] < 0.5) return null;
  return best;
}
