/**
 * Text tagging: free text in Finnish, Swedish or English → ranked value-chain concepts, each
 * with the words of the text that matched, as written.
 *
 * How it works (everything that does not depend on the text is precomputed by buildTagIndex):
 * - Each label and synonym is split into words ("terms"); a term shared by many labels is
 *   matched once per text.
 * - Finnish and Swedish terms become prefixes (term-keys.ts) stored in one trie per language.
 *   Each text word is walked through the trie from every position, so "akkukemikaalien" finds
 *   "akkukemikaal", "litiumhydroksidin" finds "litium" and "hydroksid", and a prefix may sit
 *   at the start (inflection), in the middle or at the end (compounds) of the word.
 * - English terms are compared by an inflectional stem ("cathode materials" = "cathode material").
 * - Abbreviations (LFP, pCAM, BESS) are matched whole, written with capitals, optionally
 *   followed by digits or a hyphenated part ("NMC811", "LFP-akut").
 * - A label of several words matches when all its words occur within a small window with no
 *   punctuation or "and" between them. Finnish word order is free; in Swedish and English the
 *   order may only turn around a preposition ("recycling of batteries" = "battery recycling"),
 *   and English allows only function words or one plain adjective in between. A compound part
 *   that modifies the rest of its own word does not count for a label spread over several words.
 * - Words of a proper name ("Fortum Battery Recycling") are no evidence.
 * - Scores: match quality (exact > inflected > compound part) × specificity (more words and
 *   longer words are more specific), combined per concept as a noisy-or, so two independent
 *   mentions count more than one. A concept whose only evidence is also the evidence of a
 *   narrower concept is dropped (the narrower one is what the text is about), as is a word
 *   found only inside a longer compound that another concept matched ("nikkelisulfaatti").
 * - Context rules from the data reinterpret a concept next to others (hydrometallurgy in a
 *   recycling text is hydrometallurgical recycling).
 */
import { deriveWordKeys, stemEnglish } from './term-keys.ts';
import { detectLanguage, type TagLanguage, type TextToken, tokeniseText } from './text-tokens.ts';

export type { TagLanguage } from './text-tokens.ts';

export type LocalisedLabel = { fi: string; sv: string; en: string };

export type TaggableConcept = {
  id: string;
  parentId: string | null;
  labels: LocalisedLabel;
  altLabels: { fi: string[]; sv: string[]; en: string[] };
  /**
   * Concepts (not ancestors) that this one makes redundant when both match on the same words,
   * e.g. "hydrometallurgical recycling" supersedes "hydrometallurgy" for the word
   * "hydrometallurgical". Ancestors are always superseded and need not be listed.
   */
  supersedes?: string[];
  /** False when the official labels are too generic to be evidence on their own ("Applications"). */
  matchLabels?: boolean;
  /**
   * Disambiguation by context: when one of `whenAlso` is tagged in the same text, this concept's
   * evidence counts for `becomes` instead ("hydrometallurgy" in a text about battery recycling is
   * hydrometallurgical recycling, not primary refining).
   */
  contextRules?: Array<{ whenAlso: string[]; becomes: string }>;
};

export type TagResult = {
  conceptId: string;
  label: LocalisedLabel;
  /** 0..1; only results at or above TAG_THRESHOLD are returned. */
  score: number;
  /** The words of the text that matched, as written, in text order. */
  evidence: string[];
};

/** Results below this score are not returned: one weak compound-part match of a short word stays out. */
export const TAG_THRESHOLD = 0.5;

// Match quality of one word.
const QUALITY_EXACT = 1;
const QUALITY_STEM = 0.95;
const QUALITY_INFLECTED = 0.9;
const QUALITY_COMPOUND = 0.8;
// Phrase assembly.
const MAX_EXTRA_TOKENS = 2; // words allowed between the words of a label
const GAP_PENALTY = 0.04;
const UNORDERED_PENALTY = 0.95;
// Longest inflectional ending counted as "inflected" rather than "compound" (Finnish stacks
// case + plural + possessive: "materiaaleissaan"; Swedish at most "-ernas").
const MAX_ENDING: Record<'fi' | 'sv', number> = { fi: 7, sv: 5 };
// A word part inside a compound must be at least this long, and so must the left part before
// it ("akku|kemikaalien"); shorter keys only match at the start of a word.
const MIN_COMPOUND_KEY = 4;
const MIN_COMPOUND_LEFT = 3;
// A three-letter key ("aku" of akku, "pii") takes only a short ending: "akuissa", not "piirtää".
const SHORT_KEY_MAX_ENDING = 4;

// "and" between two label words usually means two things ("esiasteet ja katodimateriaalit" is
// pCAM and CAM, not "cathode material precursors"), unless the word before it is elided
// ("nikkeli- ja kobolttimalmit").
const CONJUNCTIONS: ReadonlySet<string> = new Set(['ja', 'sekä', 'tai', 'och', 'samt', 'eller', 'and', 'or']);

// Swedish and English fix word order; the words of a label come in another order only around
// a preposition ("recycling of batteries" = "battery recycling", "återvinning av batterier").
// Finnish word order is free.
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'from',
  'in',
  'on',
  'av',
  'för',
  'från',
  'i',
  'till',
  'med',
  'på',
  'inom',
]);

const STOPWORD_LIST: Record<TagLanguage, string[]> = {
  fi: ['ja', 'tai', 'sekä', 'esim', 'eli', 'ym', 'jne'],
  sv: ['och', 'av', 'för', 'i', 'till', 'med', 'eller', 'från', 'tillbaka', 'tex', 'tm', 'en', 'ett'],
  en: ['and', 'of', 'for', 'the', 'in', 'to', 'into', 'back', 'or', 'eg', 'with', 'from', 'a', 'an', 'on'],
};
const STOPWORDS: Record<TagLanguage, ReadonlySet<string>> = {
  fi: new Set(STOPWORD_LIST.fi),
  sv: new Set(STOPWORD_LIST.sv),
  en: new Set(STOPWORD_LIST.en),
};

// English multi-word terms are written together; only function words may stand between their
// words ("recycling of the batteries"). Otherwise "Battery Thermal Management System" would
// also be a "battery management system". Finnish and Swedish put adjectives in between freely.
// Function words of the three languages, which never make a run of capitalised words a name.
const FUNCTION_WORD_SET: ReadonlySet<string> = new Set([
  ...STOPWORD_LIST.fi,
  ...STOPWORD_LIST.sv,
  ...STOPWORD_LIST.en,
  'this',
  'these',
  'its',
  'our',
  'their',
  'se',
  'det',
  'den',
]);
const ENGLISH_GAP_WORDS: ReadonlySet<string> = new Set([
  ...STOPWORD_LIST.en,
  'its',
  'their',
  'our',
  'this',
  'these',
  'used',
]);

type TermKind = 'word' | 'abbr';
type Term = { kind: TermKind; lang: TagLanguage; norm: string; phraseIds: number[]; placement: Placement };
// A synonym written "=kestävä" matches only as a word of its own (inflected), never as part of a
// compound: "kestävä" (sustainable) must not be found in "haponkestävä" (acid-proof).
const WHOLE_WORD_MARK = '=';
// A synonym written "^elbil" matches only at the start of a word (inflected or as the first part
// of a compound), never inside one: "elbil" must not be found in "diesel|bil".
const INITIAL_ONLY_MARK = '^';
// Verb stems take participle and passive endings: "kierrät|ettäviksi", "esikäsit|eltäviksi".
const MAX_VERB_ENDING = 11;
type Placement = 'any' | 'whole' | 'initial';
type Phrase = {
  conceptIndex: number;
  termIds: number[];
  specificity: number;
  /** The label itself joins words with "and" ("formation and ageing"), so the text may too. */
  allowsConjunction: boolean;
  lang: TagLanguage;
};
type KeyEntry = { termId: number; surface: boolean; exact: boolean; placement: Placement; verbal: boolean };
type TrieNode = { next: Map<string, TrieNode>; entries: KeyEntry[] | null };
type IndexedConcept = {
  concept: TaggableConcept;
  /** Indices of concepts this one makes redundant on shared evidence: ancestors + `supersedes`. */
  supersedes: Set<number>;
  contextRules: Array<{ whenAlso: number[]; becomes: number }>;
};

export type TagIndex = {
  readonly concepts: IndexedConcept[];
  readonly terms: Term[];
  readonly phrases: Phrase[];
  readonly tries: { fi: TrieNode; sv: TrieNode };
  readonly englishStems: Map<string, number[]>;
  readonly abbreviations: Map<string, number[]>;
  /** Memo of English stems of text words: vocabularies repeat, and the stemmer runs regexes. */
  readonly stemMemo: Map<string, string>;
};

const STEM_MEMO_LIMIT = 100_000;

function createTrieNode(): TrieNode {
  return { next: new Map(), entries: null };
}

function insertKey(root: TrieNode, key: string, entry: KeyEntry): void {
  let node = root;
  for (const ch of key) {
    let child = node.next.get(ch);
    if (!child) {
      child = createTrieNode();
      node.next.set(ch, child);
    }
    node = child;
  }
  if (!node.entries) node.entries = [];
  const entries = node.entries;
  const existing = entries.find((e) => e.termId === entry.termId);
  if (!existing) entries.push(entry);
  else {
    existing.surface ||= entry.surface;
    existing.exact ||= entry.exact;
    existing.verbal ||= entry.verbal;
  }
}

// An abbreviation is a short word written with at least two capitals: LFP, pCAM, SoC, NMC811.
function isAbbreviation(written: string): boolean {
  if (written.length < 2 || written.length > 7) return false;
  let upper = 0;
  for (const ch of written) if (ch !== ch.toLowerCase()) upper++;
  return upper >= 2;
}

type LabelVariant = { lang: TagLanguage; text: string };

// Official labels carry explanations in parentheses: "Katodimateriaalin esiasteet (pCAM)",
// "Pyrometallurgia (sulatus)". A single abbreviation or a single term in parentheses is a
// synonym; a list ("Cu, Ni, Co, jalometallit") is an explanation and is left to the
// editorial synonym list.
function splitLabel(label: string): string[] {
  const out: string[] = [];
  const main = label
    .replace(/\(([^)]*)\)/g, (_, inner: string) => {
      if (!/[,;]|e\.g\.|esim\.|t\.ex\./.test(inner)) {
        for (const part of inner.split('/')) if (part.trim()) out.push(part.trim());
      }
      return ' ';
    })
    .trim();
  if (main) out.unshift(main);
  return out;
}

export function buildTagIndex(concepts: TaggableConcept[]): TagIndex {
  const terms: Term[] = [];
  const termIds = new Map<string, number>();
  const phrases: Phrase[] = [];
  const tries = { fi: createTrieNode(), sv: createTrieNode() };
  const englishStems = new Map<string, number[]>();
  const abbreviations = new Map<string, number[]>();
  const conceptIndex = new Map(concepts.map((c, i) => [c.id, i]));

  const internTerm = (kind: TermKind, lang: TagLanguage, norm: string, placement: Placement): number => {
    const key = kind === 'abbr' ? `abbr:${norm}` : `${lang}:${placement}:${norm}`;
    const known = termIds.get(key);
    if (known !== undefined) return known;
    const id = terms.length;
    terms.push({ kind, lang, norm, phraseIds: [], placement });
    termIds.set(key, id);
    if (kind === 'abbr') {
      const list = abbreviations.get(norm) ?? [];
      list.push(id);
      abbreviations.set(norm, list);
    } else if (lang === 'en') {
      const stem = stemEnglish(norm);
      const list = englishStems.get(stem) ?? [];
      list.push(id);
      englishStems.set(stem, list);
    } else {
      for (const { key: k, surface, verbal } of deriveWordKeys(norm, lang)) {
        insertKey(tries[lang], k, { termId: id, surface, exact: k === norm, placement, verbal });
      }
    }
    return id;
  };

  const seenPhrases = new Set<string>();
  const addPhrase = (index: number, variant: LabelVariant) => {
    const mark = variant.text[0];
    const placement: Placement =
      mark === WHOLE_WORD_MARK ? 'whole' : mark === INITIAL_ONLY_MARK ? 'initial' : 'any';
    const all = tokeniseText(placement === 'any' ? variant.text : variant.text.slice(1));
    const words = all.filter((t) => !STOPWORDS[variant.lang].has(t.norm) && t.norm);
    if (words.length === 0) return;
    const ids = words.map((w) =>
      isAbbreviation(w.written)
        ? internTerm('abbr', variant.lang, w.norm, 'any')
        : internTerm('word', variant.lang, w.norm, placement),
    );
    const signature = `${index}:${[...ids].sort((a, b) => a - b).join(',')}`;
    if (seenPhrases.has(signature)) return;
    seenPhrases.add(signature);
    const phraseId = phrases.length;
    phrases.push({
      conceptIndex: index,
      termIds: ids,
      specificity: rateSpecificity(words, ids, terms),
      allowsConjunction: all.some((t) => CONJUNCTIONS.has(t.norm)),
      lang: variant.lang,
    });
    for (const id of new Set(ids)) terms[id]!.phraseIds.push(phraseId);
  };

  concepts.forEach((concept, index) => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const labels = concept.matchLabels === false ? [] : splitLabel(concept.labels[lang]);
      const texts = [...labels, ...concept.altLabels[lang]];
      for (const text of texts) {
        addPhrase(index, { lang, text });
        // "lithium-ion" is also written "lithium ion"; Finnish/Swedish compounds are handled by the trie.
        if (lang === 'en' && /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(text)) {
          addPhrase(index, { lang, text: text.replace(/([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, '$1 ') });
        }
      }
    }
  });

  const indexed: IndexedConcept[] = concepts.map((concept) => {
    const supersedes = new Set<number>();
    let parent = concept.parentId;
    while (parent !== null) {
      const p = conceptIndex.get(parent);
      if (p === undefined) break;
      supersedes.add(p);
      parent = concepts[p]!.parentId;
    }
    for (const id of concept.supersedes ?? []) {
      const s = conceptIndex.get(id);
      if (s !== undefined) supersedes.add(s);
    }
    const contextRules = (concept.contextRules ?? []).flatMap((rule) => {
      const becomes = conceptIndex.get(rule.becomes);
      const whenAlso = rule.whenAlso.flatMap((id) => {
        const i = conceptIndex.get(id);
        return i === undefined ? [] : [i];
      });
      return becomes === undefined || whenAlso.length === 0 ? [] : [{ whenAlso, becomes }];
    });
    return { concept, supersedes, contextRules };
  });

  return { concepts: indexed, terms, phrases, tries, englishStems, abbreviations, stemMemo: new Map() };
}

// More words, and longer words, say more: "black mass" beats "mass", "hydrometallurgy" beats "cell".
function rateSpecificity(words: TextToken[], ids: number[], terms: Term[]): number {
  if (words.length > 1) return Math.min(1, 0.85 + 0.07 * (words.length - 1));
  const term = terms[ids[0]!]!;
  if (term.kind === 'abbr') return 0.85;
  const length = term.norm.length;
  if (length >= 10) return 0.85;
  if (length >= 7) return 0.8;
  if (length >= 5) return 0.7;
  return 0.6;
}

type Occurrence = {
  token: number;
  start: number;
  end: number;
  quality: number;
  /** The word goes on after this part ("litium|hydroksidin"): the part modifies another word. */
  modifier: boolean;
};
type PhraseMatch = { conceptIndex: number; score: number; spans: Occurrence[] };

function recordOccurrence(found: Map<number, Occurrence[]>, termId: number, occ: Occurrence): void {
  const list = found.get(termId);
  if (!list) {
    found.set(termId, [occ]);
    return;
  }
  const same = list.find((o) => o.token === occ.token);
  if (!same) list.push(occ);
  else if (
    occ.quality > same.quality ||
    (occ.quality === same.quality && occ.end - occ.start > same.end - same.start)
  ) {
    same.start = occ.start;
    same.end = occ.end;
    same.quality = occ.quality;
    same.modifier = occ.modifier;
  }
}

function stemTextWord(index: TagIndex, word: string): string {
  let stem = index.stemMemo.get(word);
  if (stem === undefined) {
    stem = stemEnglish(word);
    if (index.stemMemo.size >= STEM_MEMO_LIMIT) index.stemMemo.clear();
    index.stemMemo.set(word, stem);
  }
  return stem;
}

function matchAbbreviations(
  index: TagIndex,
  token: TextToken,
  t: number,
  found: Map<number, Occurrence[]>,
): void {
  if (!token.hasUpper) return;
  const norm = token.norm;
  // The abbreviation is the word, or its first hyphenated part ("LFP-akut"), or the word
  // without trailing digits or an English plural s ("NMC811", "pCAMs").
  const first = token.cuts.length > 0 ? norm.slice(0, token.cuts[0]) : norm;
  let bare = first;
  while (
    bare.length > 0 &&
    bare.charCodeAt(bare.length - 1) >= 48 &&
    bare.charCodeAt(bare.length - 1) <= 57
  ) {
    bare = bare.slice(0, -1);
  }
  const candidates = new Set([norm, first, bare]);
  if (first.endsWith('s')) candidates.add(first.slice(0, -1));
  for (const candidate of candidates) {
    const ids = index.abbreviations.get(candidate);
    if (!ids) continue;
    const quality = candidate === norm ? QUALITY_EXACT : QUALITY_INFLECTED;
    const modifier = candidate === first && token.cuts.length > 0;
    for (const id of ids)
      recordOccurrence(found, id, { token: t, start: 0, end: candidate.length, quality, modifier });
  }
}

function matchEnglish(index: TagIndex, token: TextToken, t: number, found: Map<number, Occurrence[]>): void {
  const parts: Array<[number, number]> = [[0, token.norm.length]];
  // Each part of "cell-manufacturing" or "sodium-ion" is a word of its own in English.
  if (token.cuts.length > 0) {
    let from = 0;
    for (const cut of [...token.cuts, token.norm.length]) {
      parts.push([from, cut]);
      from = cut;
    }
  }
  for (const [start, end] of parts) {
    const word = token.norm.slice(start, end);
    const ids = index.englishStems.get(stemTextWord(index, word));
    if (!ids) continue;
    for (const id of ids) {
      const term = index.terms[id]!;
      // "=training" in English: the word itself or its plural, not "trained" (a model is trained).
      if (term.placement === 'whole' && word !== term.norm && word !== `${term.norm}s`) continue;
      const quality = term.norm === word ? QUALITY_EXACT : QUALITY_STEM;
      recordOccurrence(found, id, { token: t, start, end, quality, modifier: end < token.norm.length });
    }
  }
}

function matchCompoundLanguage(
  index: TagIndex,
  lang: 'fi' | 'sv',
  token: TextToken,
  t: number,
  found: Map<number, Occurrence[]>,
): void {
  const norm = token.norm;
  const n = norm.length;
  const root = index.tries[lang];
  const maxEnding = MAX_ENDING[lang];
  for (let p = 0; p + 3 <= n; p++) {
    const atPartStart = p === 0 || token.cuts.includes(p);
    if (!atPartStart && p < MIN_COMPOUND_LEFT) continue;
    let node: TrieNode | undefined = root;
    for (let q = p; q < n && node; ) {
      node = node.next.get(norm[q]!);
      q++;
      if (!node?.entries) continue;
      const keyLength = q - p;
      const rest = n - q;
      const atPartEnd = rest === 0 || token.cuts.includes(q);
      for (const entry of node.entries) {
        const endingLimit =
          keyLength < MIN_COMPOUND_KEY ? SHORT_KEY_MAX_ENDING : entry.verbal ? MAX_VERB_ENDING : maxEnding;
        // Inside a compound only keys of some length count: "kenno" in "akkukenno", not "pii" in "kuppiin".
        if (!atPartStart && keyLength < MIN_COMPOUND_KEY) continue;
        if (entry.placement === 'whole' && (p !== 0 || rest > endingLimit)) continue;
        if (entry.placement === 'initial' && p !== 0) continue;
        let quality: number;
        let modifier = false;
        if (atPartStart && (rest === 0 || atPartEnd)) {
          quality = entry.exact ? QUALITY_EXACT : QUALITY_STEM;
          modifier = rest > 0;
        } else if (rest <= endingLimit) {
          quality = atPartStart ? QUALITY_INFLECTED : QUALITY_COMPOUND;
        } else if (atPartEnd || (entry.surface && keyLength >= MIN_COMPOUND_KEY)) {
          quality = QUALITY_COMPOUND;
          modifier = true;
        } else {
          continue; // an oblique stem followed by more than an ending is not this word
        }
        recordOccurrence(found, entry.termId, { token: t, start: p, end: q, quality, modifier });
      }
    }
  }
}

// Finds the tightest placement of all the phrase's words around each occurrence of its rarest word.
function matchPhrase(
  phrase: Phrase,
  found: Map<number, Occurrence[]>,
  tokens: TextToken[],
  conjunctions: boolean[],
  hasTerm: boolean[],
  out: PhraseMatch[],
): void {
  const lists = phrase.termIds.map((id) => found.get(id)!);
  if (lists.length === 1) {
    for (const occ of lists[0]!) {
      out.push({ conceptIndex: phrase.conceptIndex, score: occ.quality * phrase.specificity, spans: [occ] });
    }
    return;
  }
  let anchorIndex = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i]!.length < lists[anchorIndex]!.length) anchorIndex = i;
  const k = lists.length;
  for (const anchor of lists[anchorIndex]!) {
    const chosen: Occurrence[] = new Array(k);
    chosen[anchorIndex] = anchor;
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      if (i === anchorIndex) continue;
      let best: Occurrence | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const occ of lists[i]!) {
        if (chosen.some((c) => c && c.token === occ.token && c.start < occ.end && occ.start < c.end))
          continue;
        // Nearest first; at equal distance prefer the side the label's word order puts it on.
        const wrongSide = i < anchorIndex ? occ.token > anchor.token : occ.token < anchor.token;
        const distance = Math.abs(occ.token - anchor.token) + (wrongSide ? 0.5 : 0);
        if (distance < bestDistance) {
          best = occ;
          bestDistance = distance;
        }
      }
      if (!best) ok = false;
      else chosen[i] = best;
    }
    if (!ok) continue;
    let first = Number.POSITIVE_INFINITY;
    let last = -1;
    const tokensUsed = new Set<number>();
    let quality = 0;
    let ordered = true;
    for (let i = 0; i < k; i++) {
      const c = chosen[i]!;
      first = Math.min(first, c.token);
      last = Math.max(last, c.token);
      tokensUsed.add(c.token);
      quality += c.quality;
      const prev = chosen[i - 1];
      if (prev && (c.token < prev.token || (c.token === prev.token && c.start < prev.start))) ordered = false;
    }
    const span = last - first + 1;
    const gaps = span - tokensUsed.size;
    if (gaps > MAX_EXTRA_TOKENS) continue;
    let crossesBoundary = false;
    for (let t = first + 1; t <= last && !crossesBoundary; t++) {
      if (tokens[t]!.breakBefore) crossesBoundary = true;
      else if (conjunctions[t] && !phrase.allowsConjunction && !tokens[t - 1]!.written.endsWith('-')) {
        crossesBoundary = true;
      }
    }
    if (crossesBoundary) continue;
    if (phrase.lang === 'en' && gaps > 0) {
      // One plain adjective may stand in between ("balance the local grid"), but not a word that
      // is itself a term ("Battery Thermal Management System" is no battery management system).
      let contentWords = 0;
      let termWord = false;
      for (let t = first + 1; t < last; t++) {
        if (tokensUsed.has(t) || ENGLISH_GAP_WORDS.has(tokens[t]!.norm)) continue;
        contentWords++;
        if (hasTerm[t]) termWord = true;
      }
      if (termWord || contentWords > 1) continue;
    }
    // A compound part that modifies the rest of its own word belongs to that word, not to a label
    // spread over several words: "litium|hydroksidin" is no evidence for "litium … malmi".
    // The last word of the label may itself modify a compound head ("hydrometallurginen
    // kierrätys|kapasiteetti" is still hydrometallurgical recycling).
    if (tokensUsed.size > 1) {
      const dangling = chosen.some(
        (c, i) =>
          c.modifier &&
          !chosen.some((o) => o !== c && o.token === c.token && o.start >= c.end) &&
          !(ordered && i === k - 1),
      );
      if (dangling) continue;
    }
    if (!ordered && phrase.lang !== 'fi') {
      let inverted = false;
      for (let t = first + 1; t < last && !inverted; t++) inverted = PREPOSITIONS.has(tokens[t]!.norm);
      if (!inverted) continue;
    }
    const score =
      (quality / k) * (ordered ? 1 : UNORDERED_PENALTY) * (1 - GAP_PENALTY * gaps) * phrase.specificity;
    out.push({ conceptIndex: phrase.conceptIndex, score, spans: chosen });
  }
}

// A is redundant next to B when B covers all of A's words and either (1) B's match of each
// such word is a longer compound containing A's — "nikkelisulfaatti" (metal sulphates) over
// "sulfaatti", "yhteissaostus" over "saostus" — or (2) B is a narrower concept (or one that
// supersedes A) matched on the same words. A few more letters at the end are only an ending
// ("mustamassan" vs "mustamassa"), not a longer compound.
function isSubsumed(a: PhraseMatch, b: PhraseMatch, index: TagIndex): boolean {
  if (a.conceptIndex === b.conceptIndex) return false;
  let strictlyLonger = true;
  for (const span of a.spans) {
    const longer = b.spans.some(
      (s) =>
        s.token === span.token &&
        s.start <= span.start &&
        s.end >= span.end &&
        (span.start - s.start >= MIN_COMPOUND_LEFT || s.end - span.end >= MIN_COMPOUND_KEY),
    );
    if (!longer) strictlyLonger = false;
  }
  if (strictlyLonger) return true;
  return index.concepts[b.conceptIndex]!.supersedes.has(a.conceptIndex) && encloses(b, a);
}

// B's words enclose A's: "closed-loop battery recycling" encloses "battery recycling".
function encloses(b: PhraseMatch, a: PhraseMatch): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const s of b.spans) {
    first = Math.min(first, s.token);
    last = Math.max(last, s.token);
  }
  return a.spans.every((s) => s.token >= first && s.token <= last);
}

function isTitleCase(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase() && word.slice(1) !== word.slice(1).toUpperCase();
}

/**
 * Words that are part of a proper name: in a run of title-case words, those that follow a word
 * that is no term at all. "Fortum Battery Recycling started …" names a company ("Fortum" is no
 * term), so it is no evidence of recycling; in "Department of Separation Science" the topic word
 * comes first and stays evidence. A sentence-initial word that is a term ("Kaivosyhtiö Keliber")
 * does not start a name. Abbreviations (all capitals) are not names. In a text set in title case
 * throughout (a headline) nothing is marked.
 */
function markNameWords(tokens: TextToken[], hasTerm: boolean[]): boolean[] {
  const title = tokens.map((t) => isTitleCase(t.written) && !FUNCTION_WORD_SET.has(t.norm));
  const marked = tokens.map(() => false);
  if (title.filter(Boolean).length * 2 > tokens.length) return marked;
  let afterUnknown = false;
  for (let t = 0; t < tokens.length; t++) {
    const continues = t > 0 && title[t - 1] && !tokens[t]!.breakBefore;
    if (!title[t]) {
      afterUnknown = false;
      continue;
    }
    if (!continues) afterUnknown = false;
    if (afterUnknown) marked[t] = true;
    if (!hasTerm[t]) afterUnknown = true;
  }
  return marked;
}

function isInName(match: PhraseMatch, named: boolean[]): boolean {
  return match.spans.every((s) => named[s.token]);
}

function applyContextRules(index: TagIndex, matches: PhraseMatch[]): void {
  const present = new Set(matches.map((m) => m.conceptIndex));
  for (const m of matches) {
    for (const rule of index.concepts[m.conceptIndex]!.contextRules) {
      if (rule.whenAlso.some((c) => present.has(c))) {
        m.conceptIndex = rule.becomes;
        break;
      }
    }
  }
}

/**
 * Tag a text. `lang` restricts matching to one language's labels (abbreviations always count);
 * without it the language is guessed, and a text with no signal is matched in all three.
 */
export function tagText(index: TagIndex, text: string, lang?: TagLanguage): TagResult[] {
  const tokens = tokeniseText(text);
  if (tokens.length === 0) return [];
  const language = lang ?? detectLanguage(tokens);
  const found = new Map<number, Occurrence[]>();
  const conjunctions = tokens.map((t) => CONJUNCTIONS.has(t.norm));
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.norm.length === 0) continue;
    matchAbbreviations(index, token, t, found);
    if (language === null || language === 'en') matchEnglish(index, token, t, found);
    if (language === null || language === 'fi') matchCompoundLanguage(index, 'fi', token, t, found);
    if (language === null || language === 'sv') matchCompoundLanguage(index, 'sv', token, t, found);
  }
  if (found.size === 0) return [];

  const hasTerm = tokens.map(() => false);
  for (const list of found.values()) for (const occ of list) hasTerm[occ.token] = true;
  const matches: PhraseMatch[] = [];
  const tried = new Set<number>();
  for (const termId of found.keys()) {
    for (const phraseId of index.terms[termId]!.phraseIds) {
      if (tried.has(phraseId)) continue;
      tried.add(phraseId);
      const phrase = index.phrases[phraseId]!;
      if (phrase.termIds.every((id) => found.has(id)))
        matchPhrase(phrase, found, tokens, conjunctions, hasTerm, matches);
    }
  }

  const named = markNameWords(tokens, hasTerm);
  const surviving = matches.filter(
    (a) => !isInName(a, named) && !matches.some((b) => b !== a && isSubsumed(a, b, index)),
  );
  applyContextRules(index, surviving);

  const byConcept = new Map<number, PhraseMatch[]>();
  for (const m of surviving) {
    const list = byConcept.get(m.conceptIndex) ?? [];
    list.push(m);
    byConcept.set(m.conceptIndex, list);
  }

  const results: TagResult[] = [];
  for (const [conceptIdx, list] of byConcept) {
    list.sort((x, y) => y.score - x.score);
    // Noisy-or over matches on different words: a second, independent mention adds confidence,
    // the same words matched by two synonyms do not.
    const usedTokens = new Set<number>();
    let miss = 1;
    for (const m of list) {
      if (m.spans.some((s) => usedTokens.has(s.token))) continue;
      for (const s of m.spans) usedTokens.add(s.token);
      miss *= 1 - m.score;
    }
    const score = 1 - miss;
    if (score < TAG_THRESHOLD) continue;
    const evidenceTokens = [...new Set(list.flatMap((m) => m.spans.map((s) => s.token)))].sort(
      (x, y) => x - y,
    );
    const concept = index.concepts[conceptIdx]!.concept;
    results.push({
      conceptId: concept.id,
      label: concept.labels,
      score: Math.round(score * 1000) / 1000,
      evidence: [...new Set(evidenceTokens.map((t) => tokens[t]!.written))],
    });
  }
  return results.sort((x, y) => y.score - x.score || x.conceptId.localeCompare(y.conceptId));
}
