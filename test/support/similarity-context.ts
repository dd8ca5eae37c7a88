import fs from 'node:fs';
import path from 'node:path';
import { GoldenSetSchema } from '../../src/domain/challenges/golden/golden-similarity.ts';
import {
  createSimilarityContext,
  type SimilarityContext,
} from '../../src/domain/challenges/similarity/features.ts';
import { SimilarityLexiconSchema } from '../../src/domain/challenges/similarity/lexicon.ts';
import { buildTaggableConcepts } from '../../src/domain/taxonomy/taggable-concepts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

let shared: SimilarityContext | null = null;

/** The similarity context from the shipped taxonomy, synonyms and lexicon (as the server builds it). */
export function shippedSimilarityContext(): SimilarityContext {
  shared ??= createSimilarityContext(
    buildTaggableConcepts(
      readJson('data/reference/value-chain.json'),
      readJson('data/taxonomy/value-chain-synonyms.json'),
    ),
    SimilarityLexiconSchema.parse(readJson('data/taxonomy/similarity-lexicon.json')),
  );
  return shared;
}

export function readSimilarityGolden() {
  return GoldenSetSchema.parse(readJson('src/domain/challenges/golden/similarity-golden.json'));
}
