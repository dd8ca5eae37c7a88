/**
 * A language-independent representation of a challenge, from its title and text:
 *
 * - concepts: the value-chain concepts the tagger finds (plus those a person confirmed), each
 *   weighted by the tagger's score and the concept's depth; its ancestors get a share of that
 *   weight (partial credit: a challenge about hydrometallurgical recycling is also about recycling);
 * - specific terms, the same in every language: chemical formulas (LiFePO4, Li2CO3), cell
 *   chemistries (NMC811), acronyms (BMS, FCR), numbers with units (30 MW), element symbols,
 *   and the entries of the cross-language lexicon (lexicon.ts);
 * - words: content words stemmed in the challenge's own language (Snowball for Finnish and
 *   Swedish, the tagger's inflection stemmer for English), which only compare within a language.
 *
 * Weights here are raw; the index normalises each kind to unit length.
 */
import snowball from 'snowball-stemmers';
import { stemEnglish } from '../../taxonomy/term-keys.ts';
import {
  buildTagIndex,
  type TaggableConcept,
  type TagIndex,
  type TagLanguage,
  type TagResult,
  tagText,
} from '../../taxonomy/tagging.ts';
import { type TextToken, tokeniseText } from '../../taxonomy/text-tokens.ts';
import { LEXICON_PREFIX, lexiconConcepts, type SimilarityLexicon } from './lexicon.ts';
import { GENERIC_WORDS, STOP_ACRONYMS, STOPWORDS } from './word-lists.ts';

export type SimilarityLanguage = TagLanguage;

/** What similarity reads of a challenge. */
export type ChallengeText = {
  id: string;
  language: SimilarityLanguage;
  title: string;
  description: string;
  /** Concepts a person confirmed; they count fully even when the tagger misses them. */
  conceptIds?: readonly string[];
};

export type FeatureKind = 'concept' | 'specific' | 'word';
export const FEATURE_KINDS: readonly FeatureKind[] = ['concept', 'specific', 'word'];

export type Feature = {
  /** `c:<concept id>`, `t:<term>`, `x:<lexicon entry>` or `<lang>:<stem>`. */
  key: string;
  kind: FeatureKind;
  weight: number;
  /**
   * False for an ancestor concept reached only through a narrower one. Two challenges that share
   * nothing but such ancestors stay below any useful threshold (see MAX_ANCESTOR_ONLY_SIMILARITY).
   */
  direct: boolean;
  /** How the feature reads in this challenge, for reasons: the concept id, the word as written. */
  surface: string;
};

export type ChallengeFeatures = { id: string; language: SimilarityLanguage; features: Feature[] };

/** A concept's ancestors get this share of its weight per level up. */
export const ANCESTOR_SHARE = 0.5;
/** Top-level concepts ("Recycling") say less than narrower ones ("Black mass"). */
const DEPTH_WEIGHT = [0.6, 1, 1];
const TITLE_WORD_WEIGHT = 1.5;

const WEIGHT = {
  formula: 1,
  chemistryCode: 1,
  acronym: 0.6,
  quantity: 0.5,
  percentage: 0.3,
};

// Element symbols (the periodic table up to bismuth, without the rare gases).
const ELEMENTS: ReadonlySet<string> = new Set(
  (
    'H Li Be B C N O F Na Mg Al Si P S Cl K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Rb Sr Y Zr Nb Mo ' +
    'Ru Rh Pd Ag Cd In Sn Sb Te I Cs Ba La Ce Pr Nd Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi'
  ).split(' '),
);
// Formulas too common to say anything about a problem.
const STOP_FORMULAS: ReadonlySet<string> = new Set(['h2o', 'co2', 'o2', 'n2', 'h2']);
// Cell chemistries, written with or without their ratio: NMC811, NCM622, LFP, LMFP.
const CHEMISTRY_CODE = /^(NMC|NCM|NCA|LMFP|LFP|LMO|LNMO|LTO|LCO)(\d{2,4})?$/;
const QUANTITY =
  /(\d+(?:[.,]\d+)?)\s?(%|°C|ppm|ppb|mg\/l|g\/l|kt\/a|kt|t\/a|GWh|MWh|kWh|GW|MW|kW|Wh\/kg|mAh\/g|mAh|Ah|V|µm|μm|nm|mm|bar)(?![\p{L}\p{N}])/gu;

export type SimilarityContext = {
  readonly conceptIndex: TagIndex;
  /** The lexicon entries as pseudo-concepts (`x:` ids), in an index of their own. */
  readonly lexiconIndex: TagIndex;
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly depthOf: ReadonlyMap<string, number>;
  readonly lexiconWeight: ReadonlyMap<string, number>;
  /** Element symbol → lexicon key (`Ni` → `x:nickel`). */
  readonly symbolEntry: ReadonlyMap<string, string>;
  readonly stopwords: Record<SimilarityLanguage, ReadonlySet<string>>;
  readonly genericStems: Record<SimilarityLanguage, ReadonlySet<string>>;
  /** Memo of stems per language: vocabularies repeat. */
  readonly stemMemo: Record<SimilarityLanguage, Map<string, string>>;
};

const stemmers = { fi: snowball.newStemmer('finnish'), sv: snowball.newStemmer('swedish') };
const STEM_MEMO_LIMIT = 200_000;

function stemWord(context: SimilarityContext, lang: SimilarityLanguage, word: string): string {
  const memo = context.stemMemo[lang];
  let stem = memo.get(word);
  if (stem === undefined) {
    stem = lang === 'en' ? stemEnglish(word) : stemmers[lang].stem(word);
    if (memo.size >= STEM_MEMO_LIMIT) memo.clear();
    memo.set(word, stem);
  }
  return stem;
}

/** Builds everything that does not depend on the challenge: two tag indexes and word lists. */
export function createSimilarityContext(
  concepts: readonly TaggableConcept[],
  lexicon: SimilarityLexicon,
): SimilarityContext {
  const parentOf = new Map(concepts.map((c) => [c.id, c.parentId]));
  const depthOf = new Map<string, number>();
  for (const c of concepts) {
    let depth = 0;
    for (let p = c.parentId; p !== null && depth < 10; p = parentOf.get(p) ?? null) depth++;
    depthOf.set(c.id, depth);
  }
  const symbolEntry = new Map<string, string>();
  for (const entry of lexicon.entries)
    for (const symbol of entry.symbols ?? []) symbolEntry.set(symbol, `${LEXICON_PREFIX}${entry.id}`);
  const genericStems = { fi: new Set<string>(), sv: new Set<string>(), en: new Set<string>() };
  const context: SimilarityContext = {
    conceptIndex: buildTagIndex([...concepts]),
    lexiconIndex: buildTagIndex(lexiconConcepts(lexicon)),
    parentOf,
    depthOf,
    lexiconWeight: new Map(lexicon.entries.map((e) => [`${LEXICON_PREFIX}${e.id}`, e.weight])),
    symbolEntry,
    stopwords: { fi: new Set(STOPWORDS.fi), sv: new Set(STOPWORDS.sv), en: new Set(STOPWORDS.en) },
    genericStems,
    stemMemo: { fi: new Map(), sv: new Map(), en: new Map() },
  };
  for (const lang of ['fi', 'sv', 'en'] as const) {
    for (const word of GENERIC_WORDS[lang]) genericStems[lang].add(stemWord(context, lang, word));
  }
  return context;
}

/** The element symbols of a chemical formula (LiFePO4, Li2CO3, NiSO4), or null if it is none. */
export function parseFormula(written: string): string[] | null {
  if (!/[0-9a-z]/.test(written.slice(1))) return null; // all capitals: an acronym (BESS, CAM)
  const symbols: string[] = [];
  let rest = written;
  while (rest.length > 0) {
    const m = /^([A-Z][a-z]?)(\d*(?:\.\d+)?)/.exec(rest);
    if (!m || !ELEMENTS.has(m[1]!)) return null;
    symbols.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return symbols.length >= 2 ? symbols : null;
}

// An abbreviation is a short word with at least two capitals (the tagger's rule): LFP, pCAM, SoH.
function isAcronym(word: string): boolean {
  if (word.length < 2 || word.length > 7) return false;
  let upper = 0;
  for (const ch of word) if (ch !== ch.toLowerCase()) upper++;
  return upper >= 2 && /^[\p{L}\p{N}]+$/u.test(word) && /\p{L}/u.test(word);
}

type Collected = Map<string, Feature>;

function add(out: Collected, feature: Feature): void {
  const known = out.get(feature.key);
  if (!known) out.set(feature.key, feature);
  else {
    known.weight = Math.max(feature.weight, known.weight);
    known.direct ||= feature.direct;
  }
}

function conceptFeatures(
  context: SimilarityContext,
  tags: TagResult[],
  challenge: ChallengeText,
  out: Collected,
) {
  const direct = new Map<string, number>();
  const depthWeight = (id: string) => DEPTH_WEIGHT[Math.min(2, context.depthOf.get(id) ?? 1)]!;
  for (const result of tags) {
    if (!result.conceptId.startsWith(LEXICON_PREFIX))
      direct.set(result.conceptId, result.score * depthWeight(result.conceptId));
  }
  for (const id of challenge.conceptIds ?? []) {
    if (context.parentOf.has(id)) direct.set(id, Math.max(direct.get(id) ?? 0, depthWeight(id)));
  }
  for (const [id, weight] of direct) {
    add(out, { key: `c:${id}`, kind: 'concept', weight, direct: true, surface: id });
    let share = weight;
    for (
      let p = context.parentOf.get(id) ?? null, n = 0;
      p !== null && n < 10;
      p = context.parentOf.get(p) ?? null, n++
    ) {
      share *= ANCESTOR_SHARE;
      if (!direct.has(p))
        add(out, { key: `c:${p}`, kind: 'concept', weight: share, direct: false, surface: p });
    }
  }
}

function specificFeatures(
  context: SimilarityContext,
  text: string,
  tokens: TextToken[],
  tags: TagResult[],
  challenge: ChallengeText,
  out: Collected,
) {
  const specific = (key: string, weight: number, surface: string) =>
    add(out, { key, kind: 'specific', weight, direct: true, surface });
  for (const result of tags) {
    const weight = context.lexiconWeight.get(result.conceptId) ?? 0;
    if (weight > 0) specific(result.conceptId, weight, result.evidence[0] ?? result.label.en);
  }
  tokens.forEach((token, i) => {
    // "NMC811:n", "LFP-akut", "BMS:en": the part before the first hyphen or colon.
    const written = token.written.split(/[-‐‑:’']/)[0]!;
    if (!written) return;
    const formula = parseFormula(written);
    const code = CHEMISTRY_CODE.exec(written.replace(/^NCM/, 'NMC'));
    if (code) {
      specific(`t:${code[1]!.toLowerCase()}`, WEIGHT.acronym, code[1]!);
      if (code[2]) specific(`t:${code[1]!.toLowerCase()}${code[2]}`, WEIGHT.chemistryCode, written);
    } else if (formula) {
      const key = written.toLowerCase();
      if (!STOP_FORMULAS.has(key)) specific(`t:${key}`, WEIGHT.formula, written);
      for (const symbol of formula) {
        const entry = context.symbolEntry.get(symbol);
        if (entry) specific(entry, (context.lexiconWeight.get(entry) ?? 0) * 0.8, written);
      }
    } else if (/^[A-Z][a-z]$/.test(written)) {
      // An element symbol as a word: "Al, Cu ja Fe". In Swedish "Ni" is also "you": there it
      // counts only next to another symbol ("Ni, Co och Mn").
      if (challenge.language === 'sv' && written === 'Ni') {
        const near = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
        if (!near.some((t) => t && t.written !== 'Ni' && context.symbolEntry.has(t.written))) return;
      }
      const entry = context.symbolEntry.get(written);
      if (entry) specific(entry, context.lexiconWeight.get(entry) ?? 0, written);
    } else if (isAcronym(written) && !STOP_ACRONYMS.has(written.toLowerCase())) {
      specific(`t:${written.toLowerCase()}`, WEIGHT.acronym, written);
    }
  });
  for (const m of text.matchAll(QUANTITY)) {
    const value = Number(m[1]!.replace(',', '.'));
    const unit = m[2]!.replace('μ', 'µ').toLowerCase();
    specific(`t:${value}${unit}`, unit === '%' ? WEIGHT.percentage : WEIGHT.quantity, m[0]);
  }
}

function wordFeatures(
  context: SimilarityContext,
  tokens: TextToken[],
  titleTokens: number,
  challenge: ChallengeText,
  out: Collected,
) {
  const lang = challenge.language;
  const stop = context.stopwords[lang];
  const generic = context.genericStems[lang];
  tokens.forEach((token, i) => {
    const norm = token.norm;
    if (norm.length < 3 || stop.has(norm) || /\d/.test(norm)) return;
    const stem = stemWord(context, lang, norm);
    if (stem.length < 3 || generic.has(stem)) return;
    const weight = i < titleTokens ? TITLE_WORD_WEIGHT : 1;
    add(out, { key: `${lang}:${stem}`, kind: 'word', weight, direct: true, surface: token.written });
  });
}

export function extractFeatures(context: SimilarityContext, challenge: ChallengeText): ChallengeFeatures {
  // The title ends a phrase: a label must not run from the title into the text.
  const text = `${challenge.title}.\n${challenge.description}`;
  const out: Collected = new Map();
  const tokens = tokeniseText(text);
  const titleTokens = tokeniseText(challenge.title).length;
  conceptFeatures(context, tagText(context.conceptIndex, text, challenge.language), challenge, out);
  specificFeatures(
    context,
    text,
    tokens,
    tagText(context.lexiconIndex, text, challenge.language),
    challenge,
    out,
  );
  wordFeatures(context, tokens, titleTokens, challenge, out);
  return { id: challenge.id, language: challenge.language, features: [...out.values()] };
}
