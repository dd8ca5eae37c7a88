/**
 * The golden set for tagging: labelled passages from public sources in fi/sv/en. Checks the set
 * itself (so a broken label cannot hide), then measures the tagger on it. A concept counts as
 * predicted when tagText returns it (every returned tag is at or above TAG_THRESHOLD); the
 * weights live in the domain code, the test only counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildTaggableConcepts,
  type ValueChainSynonyms,
  type ValueChainTaxonomy,
} from '../taggable-concepts.ts';
import { buildTagIndex } from '../tagging.ts';
import { evaluateTagging, type LabelledText, type TaggingQuality } from '../tagging-evaluation.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

type GoldenItem = LabelledText & { source: string };
const golden = readJson<{ schema: string; items: GoldenItem[] }>(
  'src/domain/taxonomy/golden/tagging-golden.json',
);
const taxonomy = readJson<ValueChainTaxonomy>('data/reference/value-chain.json');
const synonyms = readJson<ValueChainSynonyms>('data/taxonomy/value-chain-synonyms.json');

describe('tagging golden set: well-formed', () => {
  it('has at least 150 items, at least 40 in each language', () => {
    expect(golden.schema).toBe('tagging-golden/v1');
    expect(golden.items.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(golden.items.filter((i) => i.lang === lang).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('has unique ids and texts', () => {
    expect(new Set(golden.items.map((i) => i.id)).size).toBe(golden.items.length);
    expect(new Set(golden.items.map((i) => i.text)).size).toBe(golden.items.length);
  });

  it('gives every item a language, a text, a public source and known, distinct concept ids', () => {
    const known = new Set(taxonomy.concepts.map((c) => c.id));
    for (const item of golden.items) {
      expect(['fi', 'sv', 'en']).toContain(item.lang);
      expect(item.id.startsWith(`${item.lang}-`)).toBe(true);
      expect(item.text.trim().length).toBeGreaterThan(20);
      expect(item.source).toMatch(/^https?:\/\/\S+$/);
      expect(new Set(item.expected).size).toBe(item.expected.length);
      for (const id of item.expected) expect(known, `${item.id}: ${id}`).toContain(id);
    }
  });
});

describe('tagging golden set: quality', () => {
  const index = buildTagIndex(buildTaggableConcepts(taxonomy, synonyms));
  const result = evaluateTagging(index, golden.items);
  const show = (q: TaggingQuality) =>
    `P=${q.precision.toFixed(3)} R=${q.recall.toFixed(3)} (tp ${q.truePositives}, predicted ${q.predicted}, expected ${q.expected})`;

  it('reaches precision and recall of at least 0.85 overall', () => {
    console.log(`tagging golden set (${golden.items.length} items) overall: ${show(result.overall)}`);
    for (const lang of ['fi', 'sv', 'en'] as const)
      console.log(`  ${lang}: ${show(result.perLanguage[lang])}`);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('does not depend on being told the language', () => {
    // Detected language (or all three) must not cost much against the declared one.
    const undeclared = evaluateTagging(index, golden.items, false);
    console.log(`  language not given: ${show(undeclared.overall)}`);
    expect(undeclared.overall.precision).toBeGreaterThanOrEqual(result.overall.precision - 0.05);
    expect(undeclared.overall.recall).toBeGreaterThanOrEqual(result.overall.recall - 0.05);
  });
});
