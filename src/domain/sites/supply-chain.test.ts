import { describe, expect, it } from 'vitest';
import { chainAround } from './supply-chain.ts';

const link = (supplierId: string, customerId: string) => ({
  id: `${supplierId}>${customerId}`,
  supplierId,
  customerId,
});

describe('chainAround', () => {
  const links = [
    link('mine', 'smelter'),
    link('smelter', 'refinery'),
    link('refinery', 'pcam'),
    link('pcam', 'cam'),
    link('cam', 'cells'),
    link('lab', 'smelter'),
    link('lab', 'university'),
    link('port', 'mine'),
    link('quarry', 'port'),
  ];

  it('follows suppliers upstream and customers downstream, not sideways', () => {
    const ids = chainAround(links, 'refinery').map((l) => l.id);
    expect(ids).toEqual([
      'mine>smelter',
      'smelter>refinery',
      'refinery>pcam',
      'pcam>cam',
      'cam>cells',
      'lab>smelter',
      'port>mine',
    ]);
    // lab also serves the university, which is not in the refinery's chain.
    expect(ids).not.toContain('lab>university');
  });

  it('stops after three steps each way', () => {
    // quarry → port → mine → smelter → refinery: four steps up.
    expect(chainAround(links, 'refinery').map((l) => l.id)).not.toContain('quarry>port');
    expect(chainAround(links, 'refinery', 4).map((l) => l.id)).toContain('quarry>port');
  });

  it('survives cycles and unknown organisations', () => {
    expect(chainAround([link('a', 'b'), link('b', 'a')], 'a')).toHaveLength(2);
    expect(chainAround(links, 'nobody')).toEqual([]);
  });
});
