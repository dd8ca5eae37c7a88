import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessIdCheckDigit, businessIdFromVat, checkBusinessId } from './business-id.ts';

describe('checkBusinessId', () => {
  it('accepts the worked examples of the rules', () => {
    expect(checkBusinessId('0179377-8')).toEqual({ ok: true, value: '0179377-8' });
    expect(checkBusinessId('2077474-0')).toEqual({ ok: true, value: '2077474-0' });
    expect(checkBusinessId('1000002-0').ok).toBe(true);
    expect(checkBusinessId('1000006-3').ok).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(checkBusinessId('2077474-1')).toMatchObject({ ok: false });
    expect(checkBusinessId('0179377-7')).toMatchObject({ ok: false });
  });

  it('rejects every ID whose base leaves remainder 1', () => {
    expect(businessIdCheckDigit('1000040')).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(checkBusinessId(`1000040-${digit}`)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('remainder 1'),
      });
    }
  });

  it('left-pads old six-digit IDs and rejects other shapes', () => {
    expect(checkBusinessId('179377-8')).toEqual({ ok: true, value: '0179377-8' });
    for (const bad of ['', '01793778', '0179377_8', 'FI01793778', '12345678-9', 'abcdefg-h']) {
      expect(checkBusinessId(bad).ok).toBe(false);
    }
  });

  it('maps VAT numbers to business IDs', () => {
    expect(businessIdFromVat('FI02459042')).toBe('0245904-2');
    expect(businessIdFromVat('FI 0245 9043')).toBeNull();
  });

  it('accepts exactly one check digit per valid base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const base = String(n).padStart(7, '0');
        const valid = Array.from({ length: 10 }, (_, d) => checkBusinessId(`${base}-${d}`).ok).filter(
          Boolean,
        ).length;
        expect(valid).toBe(businessIdCheckDigit(base) === null ? 0 : 1);
      }),
    );
  });
});
