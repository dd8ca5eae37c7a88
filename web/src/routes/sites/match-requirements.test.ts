import { describe, expect, it } from 'vitest';
import {
  batteryChemicalsExample,
  emptyForm,
  fromSearchParams,
  REQUIREMENTS,
  toRequirements,
  toSearchParams,
} from './match-requirements.ts';

describe('investor requirements', () => {
  it('sends nothing for an empty form', () => {
    expect(toRequirements(emptyForm())).toEqual({});
    expect(toSearchParams(emptyForm()).toString()).toBe('');
  });

  it('sends only the requirements that are set, numbers typed with a comma as numbers', () => {
    const form = emptyForm();
    form.landHa = { value: '12,5', hard: true, weight: 5 };
    form.rail = { value: true, hard: false, weight: 3 };
    form.coolingWater = { value: false, hard: true, weight: 4 };
    form.permit = { value: 'environmental_permit', hard: true, weight: 2 };
    form.regionIds = { value: ['kokkola', 'pori'], hard: false, weight: 1 };
    form.steamTh = { value: 'lots', hard: true, weight: 3 };
    expect(toRequirements(form)).toEqual({
      landHa: { value: 12.5, hard: true, weight: 5 },
      rail: { value: true, hard: false, weight: 3 },
      permit: { value: 'environmental_permit', hard: true, weight: 2 },
      regionIds: { value: ['kokkola', 'pori'], hard: false, weight: 1 },
    });
  });

  it('keeps a requirement set in the address and reads back the same requirements', () => {
    const form = batteryChemicalsExample();
    form.regionIds = { value: ['kokkola', 'kymenlaakso'], hard: true, weight: 4 };
    const params = toSearchParams(form);
    expect(params.get('landHa')).toBe('40');
    expect(params.get('rail')).toBe('1');
    expect(params.get('hard')?.split(',')).toEqual(['landHa', 'rail', 'chemicalsHandling', 'regionIds']);
    // Weights equal to the default stay out of the address.
    expect(params.get('w')).not.toContain('permit:');
    const back = fromSearchParams(new URLSearchParams(params.toString()));
    expect(toRequirements(back)).toEqual(toRequirements(form));
  });

  it('ignores unknown keys, impossible weights and unknown permit levels in a shared address', () => {
    const form = fromSearchParams(
      new URLSearchParams('landHa=30&w=landHa:9,rail:0&permit=granted&evil=1&hard=landHa,evil'),
    );
    expect(toRequirements(form)).toEqual({ landHa: { value: 30, hard: true, weight: 3 } });
  });

  it('has one form row per requirement of the API', () => {
    expect(REQUIREMENTS.map((r) => r.key).sort()).toEqual(
      [
        'chemicalsHandling',
        'coolingWater',
        'electricityMw',
        'industrialGases',
        'landHa',
        'maxElectricityPriceEurMwh',
        'permit',
        'portDepthM',
        'processWaterM3h',
        'rail',
        'readyWithinMonths',
        'regionIds',
        'steamTh',
        'wastewaterTreatment',
      ].sort(),
    );
  });
});
