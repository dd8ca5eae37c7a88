import { describe, expect, it } from 'vitest';
import type { Concept } from '../../api.ts';
import { conceptOptions } from './concept-options.ts';

const concept = (id: string, parentId: string | null, fi: string, en: string): Concept => ({
  id,
  scheme: 'value-chain',
  parentId,
  level: parentId ? 2 : 1,
  labels: { fi, sv: fi, en },
});
const concepts = [
  concept('recycling', null, 'Kierrätys', 'Recycling'),
  concept('recycling.black-mass', 'recycling', 'Mustamassa', 'Black mass'),
  concept('cam', null, 'Katodimateriaalit', 'Cathode materials'),
  concept('cam.lfp', 'cam', 'LFP', 'LFP'),
];
const fi = (labels: { fi: string }) => labels.fi;

describe('conceptOptions', () => {
  it('lists the tree in order with depths, leaving out excluded concepts', () => {
    expect(conceptOptions(concepts, 'fi', '', new Set(['cam']), fi)).toEqual([
      { id: 'recycling', label: 'Kierrätys', depth: 0 },
      { id: 'recycling.black-mass', label: 'Mustamassa', depth: 1 },
      { id: 'cam.lfp', label: 'LFP', depth: 1 },
    ]);
  });

  it('filters by a label in any language, keeping ancestors, ignoring case and accents', () => {
    expect(conceptOptions(concepts, 'fi', 'BLACK', new Set(), fi).map((o) => o.id)).toEqual([
      'recycling',
      'recycling.black-mass',
    ]);
    expect(conceptOptions(concepts, 'fi', 'katodi', new Set(), fi).map((o) => o.id)).toEqual(['cam']);
    expect(conceptOptions(concepts, 'fi', 'nothing', new Set(), fi)).toEqual([]);
  });
});
