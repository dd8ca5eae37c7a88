import { describe, expect, it } from 'vitest';
import {
  buildTrainingImportContext,
  parseShare,
  planTrainingSupplyImport,
  validateTrainingSupplyRow,
} from './training-supply-import.ts';

/**
 * The optional module columns of the training-supply import (training paths, issue 7): delivery,
 * share of work-based learning and learning outcomes in up to three languages.
 */
const actor = {
  kind: 'user' as const,
  userId: 'u',
  role: 'admin' as const,
  organisationId: null,
  regionId: null,
  via: 'session' as const,
};
const context = buildTrainingImportContext({
  actor,
  organisations: [
    {
      id: 'centria',
      name: 'Centria-ammattikorkeakoulu',
      nameEn: 'Centria',
      businessId: null,
      regionId: 'kokkola',
    },
  ],
  regions: [{ id: 'kokkola', name: { fi: 'Kokkola', sv: 'Karleby', en: 'Kokkola' } }],
  roles: [],
  competences: [],
  levels: new Map(),
});
const base = { organisation: 'Centria', name_fi: 'Akkukemia', level: 'täydennyskoulutus', eqfLevel: '6' };

describe('module columns of the training-supply import', () => {
  it('reads delivery and the work-based share as people write them', () => {
    const row = validateTrainingSupplyRow(
      { ...base, delivery: 'Monimuoto', workBasedShare: '40 %' },
      2,
      context,
    );
    expect(row).toMatchObject({ ok: true, value: { delivery: 'blended', workBasedShare: 0.4 } });
    expect(parseShare('0,25')).toBe(0.25);
    expect(parseShare('15')).toBe(0.15);
    expect(parseShare('')).toBeNull();
    expect(parseShare('120 %')).toBe('invalid');
    expect(parseShare('a lot')).toBe('invalid');
  });

  it('names the cell when delivery or share cannot be read', () => {
    const row = validateTrainingSupplyRow(
      { ...base, delivery: 'by pigeon', workBasedShare: '-5' },
      7,
      context,
    );
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'delivery', 'unknown_delivery'],
      [7, 'workBasedShare', 'not_a_share'],
    ]);
  });

  it('pairs learning outcomes of the language columns by position, and replaces the stored ones', () => {
    const row = validateTrainingSupplyRow(
      {
        ...base,
        outcomes_fi: 'Tuntee katodimateriaalit; Tuntee elektrodien valmistuksen',
        outcomes_en: 'Knows cathode materials\nKnows electrode manufacturing',
      },
      2,
      context,
    );
    if (!row.ok) throw new Error(JSON.stringify(row.errors));
    expect(row.value.learningOutcomes).toEqual([
      { text: { fi: 'Tuntee katodimateriaalit', sv: '', en: 'Knows cathode materials' }, conceptIds: [] },
      {
        text: { fi: 'Tuntee elektrodien valmistuksen', sv: '', en: 'Knows electrode manufacturing' },
        conceptIds: [],
      },
    ]);
    const stored = {
      id: 'centria.akkukemia',
      organisationId: 'centria',
      name: { fi: 'Akkukemia', sv: '', en: '' },
      kind: 'module' as const,
      level: 'continuing' as const,
      eqfLevel: 6,
      regionId: 'kokkola',
      yearlyIntake: null,
      yearlyGraduates: null,
      roleIds: [],
      competenceIds: [],
      credits: null,
      creditUnit: null,
      language: null,
      url: null,
      isPublic: true,
      delivery: null,
      workBasedShare: null,
      learningOutcomes: [],
    };
    const { operations } = planTrainingSupplyImport({
      values: [{ row: 2, value: row.value }],
      existing: [stored],
      actor,
    });
    expect(operations).toHaveLength(1);
    const op = operations[0]!;
    expect(op.kind).toBe('update');
    if (op.kind === 'update') expect(Object.keys(op.changes).sort()).toEqual(['learningOutcomes']);
    // A file without the outcome columns leaves the stored outcomes alone.
    const plain = validateTrainingSupplyRow(base, 3, context);
    if (!plain.ok) throw new Error('plain row');
    const again = planTrainingSupplyImport({
      values: [{ row: 3, value: plain.value }],
      existing: [{ ...stored, learningOutcomes: row.value.learningOutcomes! }],
      actor,
    });
    expect(again.operations[0]!.kind).toBe('unchanged');
  });
});
