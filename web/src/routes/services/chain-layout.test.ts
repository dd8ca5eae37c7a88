import { describe, expect, it } from 'vitest';
import { wrapName } from './chain-graph.tsx';
import { layoutChain } from './chain-layout.ts';

const node = (id: string) => ({ id, name: id });
const link = (supplierId: string, customerId: string) => ({ supplierId, customerId });

describe('layoutChain', () => {
  it('puts every supplier left of its customers along a chain', () => {
    const layout = layoutChain({
      nodes: ['mine', 'refinery', 'pcam', 'cathode', 'lab'].map(node),
      links: [
        link('mine', 'refinery'),
        link('refinery', 'pcam'),
        link('pcam', 'cathode'),
        link('lab', 'pcam'),
      ],
    });
    const column = new Map(layout.nodes.map((n) => [n.id, n.column]));
    expect(column.get('mine')).toBe(0);
    expect(column.get('refinery')).toBe(1);
    expect(column.get('pcam')).toBe(2);
    expect(column.get('cathode')).toBe(3);
    // A supplier with nothing upstream sits next to its customer, not at the far left.
    expect(column.get('lab')).toBe(1);
    expect(layout.columns).toBe(4);
    expect(layout.rows).toBe(2);
  });

  it('survives a cycle and gives every organisation its own place', () => {
    const layout = layoutChain({
      nodes: ['a', 'b', 'c'].map(node),
      links: [link('a', 'b'), link('b', 'c'), link('c', 'a'), link('a', 'a'), link('a', 'ghost')],
    });
    const places = layout.nodes.map((n) => `${n.column}:${n.row}`);
    expect(new Set(places).size).toBe(3);
    expect(layout.nodes.every((n) => n.column >= 0 && n.column < layout.columns)).toBe(true);
  });

  it('orders a column so that links cross less', () => {
    // s1 supplies c2, s2 supplies c1: sorted by name the links would cross.
    const layout = layoutChain({
      nodes: ['s1', 's2', 'c1', 'c2'].map(node),
      links: [link('s1', 'c2'), link('s2', 'c1')],
    });
    const row = new Map(layout.nodes.map((n) => [n.id, n.row]));
    expect(row.get('s1')! < row.get('s2')!).toBe(row.get('c2')! < row.get('c1')!);
  });

  it('lays out an empty chain', () => {
    expect(layoutChain({ nodes: [], links: [] })).toEqual({ nodes: [], columns: 1, rows: 0 });
  });
});

describe('wrapName', () => {
  it('breaks a long name between words onto two lines and shortens the rest', () => {
    expect(wrapName('Keliber Oy')).toEqual(['Keliber Oy']);
    expect(wrapName('BASF – Harjavalta battery materials plant')).toEqual([
      'BASF – Harjavalta battery',
      'materials plant',
    ]);
    const long = wrapName('One two three four five six seven eight nine ten eleven twelve', 12);
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
  });
});
