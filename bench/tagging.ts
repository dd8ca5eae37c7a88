// Tagging benchmark (QUALITY.md: 10,000 texts fi/sv/en, ≥ 2,000 texts/s, precision and recall
// ≥ 0.85 on a labelled set). Speed is measured on texts generated from the golden set, so the
// vocabulary is real battery-field language; quality is measured on the golden set itself.
// Run alone: `node --import tsx bench/tagging.ts [--quick]`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildTaggableConcepts,
  type ValueChainSynonyms,
  type ValueChainTaxonomy,
} from '../src/domain/taxonomy/taggable-concepts.ts';
import { buildTagIndex, type TagLanguage, tagText } from '../src/domain/taxonomy/tagging.ts';
import { evaluateTagging, type LabelledText } from '../src/domain/taxonomy/tagging-evaluation.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED = 20_261_123;
const WARM_UP_TEXTS = 500;

type Quality = { precision: number; recall: number };
export type TaggingBenchResult = {
  texts: number;
  textsPerSecond: number;
  /** Mean words per generated text, to compare runs. */
  meanWords: number;
  indexBuildMs: number;
  precision: number;
  recall: number;
  perLanguage: Record<TagLanguage, Quality>;
};

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

// Small, fast, seedable PRNG: the same seed gives the same 10,000 texts on every machine.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Everyday sentences with no value-chain concept, so generated texts are not all signal.
const FILLER: Record<TagLanguage, string[]> = {
  fi: [
    'Hankkeen kesto on kolme vuotta ja se alkaa ensi vuoden alussa.',
    'Yritys työllistää tällä hetkellä noin sata henkilöä.',
    'Lisätietoja antaa projektipäällikkö.',
    'Tilaisuus järjestetään kaupungin kokoustiloissa.',
    'Toiminta laajenee myös muihin Pohjoismaihin.',
  ],
  sv: [
    'Projektet pågår i tre år och startar i början av nästa år.',
    'Företaget sysselsätter för närvarande cirka hundra personer.',
    'Mer information ges av projektledaren.',
    'Evenemanget ordnas i stadens mötesrum.',
    'Verksamheten utvidgas också till andra nordiska länder.',
  ],
  en: [
    'The project runs for three years and starts early next year.',
    'The company currently employs about one hundred people.',
    'More information is available from the project manager.',
    'The event is held in the city conference centre.',
    'Operations will also expand to the other Nordic countries.',
  ],
};

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
}

/** Texts of one language each: sentences of 1–3 golden items, shuffled, with 0–2 filler sentences. */
export function generateTexts(golden: LabelledText[], count: number, seed = SEED): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const byLang: Record<TagLanguage, LabelledText[]> = { fi: [], sv: [], en: [] };
  for (const item of golden) byLang[item.lang].push(item);
  const langs = (Object.keys(byLang) as TagLanguage[]).filter((l) => byLang[l].length > 0);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const lang = pick(langs);
    const sentences: string[] = [];
    const items = 1 + Math.floor(random() * 3);
    for (let j = 0; j < items; j++) sentences.push(...splitSentences(pick(byLang[lang]).text));
    const fillers = Math.floor(random() * 3);
    for (let j = 0; j < fillers; j++) sentences.push(pick(FILLER[lang]));
    for (let j = sentences.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [sentences[j], sentences[k]] = [sentences[k]!, sentences[j]!];
    }
    texts.push(sentences.join(' '));
  }
  return texts;
}

export async function benchTagging(options: { quick: boolean }): Promise<TaggingBenchResult> {
  const taxonomy = readJson<ValueChainTaxonomy>('data/reference/value-chain.json');
  const synonyms = readJson<ValueChainSynonyms>('data/taxonomy/value-chain-synonyms.json');
  const golden = readJson<{ items: LabelledText[] }>('src/domain/taxonomy/golden/tagging-golden.json').items;

  const buildStart = performance.now();
  const index = buildTagIndex(buildTaggableConcepts(taxonomy, synonyms));
  const indexBuildMs = performance.now() - buildStart;

  const texts = generateTexts(golden, options.quick ? 2_000 : 10_000);
  // Warm-up on other texts than the timed ones: JIT and the stem memo settle first.
  for (const text of generateTexts(golden, WARM_UP_TEXTS, SEED + 1)) tagText(index, text);
  let tags = 0;
  const start = performance.now();
  // No language given: detection is part of the work a caller gets.
  for (const text of texts) tags += tagText(index, text).length;
  const seconds = (performance.now() - start) / 1000;
  if (tags === 0) throw new Error('the tagger returned no tag at all: the benchmark measured nothing');

  const quality = evaluateTagging(index, golden);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  const q = (l: TagLanguage): Quality => ({
    precision: quality.perLanguage[l].precision,
    recall: quality.perLanguage[l].recall,
  });
  return {
    texts: texts.length,
    textsPerSecond: texts.length / seconds,
    meanWords: words / texts.length,
    indexBuildMs,
    precision: quality.overall.precision,
    recall: quality.overall.recall,
    perLanguage: { fi: q('fi'), sv: q('sv'), en: q('en') },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const r = await benchTagging({ quick: values.quick ?? false });
  const f = (x: number) => x.toFixed(3);
  console.log(
    `tagging: ${r.texts} texts (mean ${r.meanWords.toFixed(0)} words), index built in ${r.indexBuildMs.toFixed(0)} ms`,
  );
  console.log(`  ${Math.round(r.textsPerSecond)} texts/s (bar ≥ 2000)`);
  console.log(`  golden set: precision ${f(r.precision)}, recall ${f(r.recall)} (bar ≥ 0.85)`);
  for (const lang of ['fi', 'sv', 'en'] as const) {
    console.log(
      `    ${lang}: precision ${f(r.perLanguage[lang].precision)}, recall ${f(r.perLanguage[lang].recall)}`,
    );
  }
}
