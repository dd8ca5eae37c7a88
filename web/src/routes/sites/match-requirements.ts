// The investor's requirements: what the form shows, how they travel in the address (so a result
// can be shared) and what POST /api/sites/match receives. Pure, no React.
import { parseDecimal } from './decimal.ts';
import { PERMIT_STATUSES, type Requirements } from './sites-api.ts';

export type RequirementKind = 'number' | 'boolean' | 'permit' | 'regions';
export type RequirementGroup = 'land' | 'utilities' | 'logistics' | 'permits' | 'location';

export interface RequirementDef {
  key: string;
  kind: RequirementKind;
  group: RequirementGroup;
  unit?: string;
  /** The value is a maximum (price, months), not a minimum. */
  max?: boolean;
}

export const REQUIREMENTS: RequirementDef[] = [
  { key: 'landHa', kind: 'number', group: 'land', unit: 'ha' },
  { key: 'electricityMw', kind: 'number', group: 'utilities', unit: 'MW' },
  { key: 'maxElectricityPriceEurMwh', kind: 'number', group: 'utilities', unit: '€/MWh', max: true },
  { key: 'processWaterM3h', kind: 'number', group: 'utilities', unit: 'm³/h' },
  { key: 'steamTh', kind: 'number', group: 'utilities', unit: 't/h' },
  { key: 'coolingWater', kind: 'boolean', group: 'utilities' },
  { key: 'wastewaterTreatment', kind: 'boolean', group: 'utilities' },
  { key: 'industrialGases', kind: 'boolean', group: 'utilities' },
  { key: 'portDepthM', kind: 'number', group: 'logistics', unit: 'm' },
  { key: 'rail', kind: 'boolean', group: 'logistics' },
  { key: 'chemicalsHandling', kind: 'boolean', group: 'logistics' },
  { key: 'permit', kind: 'permit', group: 'permits' },
  { key: 'readyWithinMonths', kind: 'number', group: 'permits', unit: 'months', max: true },
  { key: 'regionIds', kind: 'regions', group: 'location' },
];

export const REQUIREMENT_GROUPS: RequirementGroup[] = [
  'land',
  'utilities',
  'logistics',
  'permits',
  'location',
];
export const DEFAULT_WEIGHT = 3;

/** One requirement as the form holds it: text for numbers, so a half-typed "12," survives. */
export interface RequirementEntry {
  value: string | boolean | string[];
  hard: boolean;
  weight: number;
}

export type RequirementForm = Record<string, RequirementEntry>;

export function emptyEntry(def: RequirementDef): RequirementEntry {
  const value = def.kind === 'boolean' ? false : def.kind === 'regions' ? [] : '';
  return { value, hard: false, weight: DEFAULT_WEIGHT };
}

export function emptyForm(): RequirementForm {
  return Object.fromEntries(REQUIREMENTS.map((def) => [def.key, emptyEntry(def)]));
}

function clampWeight(value: number): number {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? value : DEFAULT_WEIGHT;
}

/** The value the API gets for one entry, or null when the requirement is not set. */
function apiValue(def: RequirementDef, entry: RequirementEntry): number | boolean | string | string[] | null {
  switch (def.kind) {
    case 'number': {
      const parsed = typeof entry.value === 'string' ? parseDecimal(entry.value) : null;
      return typeof parsed === 'number' ? parsed : null;
    }
    case 'boolean':
      return entry.value === true ? true : null;
    case 'permit':
      return typeof entry.value === 'string' && (PERMIT_STATUSES as readonly string[]).includes(entry.value)
        ? entry.value
        : null;
    case 'regions':
      return Array.isArray(entry.value) && entry.value.length > 0 ? entry.value : null;
  }
}

/** The body's `requirements`: only the requirements that are set. */
export function toRequirements(form: RequirementForm): Requirements {
  const out: Requirements = {};
  for (const def of REQUIREMENTS) {
    const entry = form[def.key];
    if (!entry) continue;
    const value = apiValue(def, entry);
    if (value === null) continue;
    out[def.key] = { value, hard: entry.hard, weight: clampWeight(entry.weight) };
  }
  return out;
}

/** Which requirements are set (a number typed, a box ticked, a permit or region chosen). */
export function isSet(def: RequirementDef, entry: RequirementEntry | undefined): boolean {
  return entry !== undefined && apiValue(def, entry) !== null;
}

/**
 * The address form: each set requirement as `key=value` (numbers as typed with a dot, booleans
 * as 1, regions comma-separated), `hard=` the must-haves and `w=key:weight` for weights other
 * than the default, e.g. `?landHa=40&rail=1&hard=landHa,rail&w=landHa:5`.
 */
export function toSearchParams(form: RequirementForm): URLSearchParams {
  const params = new URLSearchParams();
  const requirements = toRequirements(form);
  const hard: string[] = [];
  const weights: string[] = [];
  for (const def of REQUIREMENTS) {
    const requirement = requirements[def.key];
    if (!requirement) continue;
    const value = requirement.value;
    params.set(def.key, Array.isArray(value) ? value.join(',') : value === true ? '1' : String(value));
    if (requirement.hard) hard.push(def.key);
    if (requirement.weight !== undefined && requirement.weight !== DEFAULT_WEIGHT)
      weights.push(`${def.key}:${requirement.weight}`);
  }
  if (hard.length) params.set('hard', hard.join(','));
  if (weights.length) params.set('w', weights.join(','));
  return params;
}

export function fromSearchParams(params: URLSearchParams): RequirementForm {
  const form = emptyForm();
  const hard = new Set((params.get('hard') ?? '').split(',').filter(Boolean));
  const weights = new Map(
    (params.get('w') ?? '')
      .split(',')
      .map((pair) => pair.split(':'))
      .filter((pair): pair is [string, string] => pair.length === 2)
      .map(([key, weight]) => [key, clampWeight(Number(weight))] as const),
  );
  for (const def of REQUIREMENTS) {
    const raw = params.get(def.key);
    if (raw === null) continue;
    let value: RequirementEntry['value'];
    if (def.kind === 'boolean') value = raw === '1' || raw === 'true';
    else if (def.kind === 'regions') value = raw.split(',').filter(Boolean);
    else value = raw;
    form[def.key] = { value, hard: hard.has(def.key), weight: weights.get(def.key) ?? DEFAULT_WEIGHT };
  }
  return form;
}

/** The requirements of a typical battery-chemicals plant (pCAM or lithium hydroxide), to start from. */
export function batteryChemicalsExample(): RequirementForm {
  const form = emptyForm();
  const set = (key: string, value: RequirementEntry['value'], hard: boolean, weight: number) => {
    form[key] = { value, hard, weight };
  };
  set('landHa', '40', true, 5);
  set('electricityMw', '50', false, 4);
  set('processWaterM3h', '300', false, 3);
  set('steamTh', '20', false, 2);
  set('portDepthM', '10', false, 4);
  set('rail', true, true, 4);
  set('chemicalsHandling', true, true, 5);
  set('permit', 'zoned', false, 3);
  return form;
}
