import { describe, expect, it } from 'vitest';
import {
  describeSuggestionEvidence,
  suggestCompetences,
  type TaggedConcept,
} from './competence-suggestions.ts';

const label = (en: string) => ({ fi: en, sv: en, en });
const tag = (conceptId: string, score: number, evidence: string[]): TaggedConcept => ({
  conceptId,
  label: label(conceptId),
  score,
  evidence,
});
const parentOf = new Map<string, string | null>([
  ['recycling', null],
  ['recycling.mechanical', 'recycling'],
  ['recycling.black-mass', 'recycling'],
  ['cam', null],
  ['cell', null],
]);

describe('suggestCompetences', () => {
  it('merges the languages: best score, every matched word once, in fi, sv, en order', () => {
    const result = suggestCompetences(
      {
        fi: [tag('cam', 0.7, ['katodimateriaaleja'])],
        sv: [tag('cam', 0.9, ['katodmaterial'])],
        en: [tag('cam', 0.8, ['cathode', 'materials']), tag('cell', 0.6, ['cells'])],
      },
      { existing: [], rejected: [], parentOf },
    );
    expect(result).toEqual([
      tag('cam', 0.9, ['katodimateriaaleja', 'katodmaterial', 'cathode', 'materials']),
      tag('cell', 0.6, ['cells']),
    ]);
  });

  it('leaves out existing and rejected concepts, and broader concepts of existing ones', () => {
    const result = suggestCompetences(
      {
        en: [
          tag('recycling', 0.9, ['recycling']),
          tag('recycling.black-mass', 0.8, ['black', 'mass']),
          tag('cam', 0.7, ['cathode']),
          tag('cell', 0.6, ['cell']),
        ],
      },
      { existing: ['recycling.mechanical', 'cell'], rejected: ['cam'], parentOf },
    );
    expect(result.map((s) => s.conceptId)).toEqual(['recycling.black-mass']);
  });

  it('orders by score, then by id, and stores evidence as the words themselves', () => {
    const result = suggestCompetences(
      { fi: [tag('cell', 0.8, ['kenno']), tag('cam', 0.8, ['katodi'])] },
      { existing: [], rejected: [], parentOf },
    );
    expect(result.map((s) => s.conceptId)).toEqual(['cam', 'cell']);
    expect(describeSuggestionEvidence(['mustamassan', 'liuotukseen'])).toBe('mustamassan, liuotukseen');
  });
});
