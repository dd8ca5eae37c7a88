/**
 * Industrial-symbiosis streams: a material or energy an actor offers (a by-product, waste
 * heat) or needs (an input), of a known type, with a quantity per year (or a rate) in one of
 * the type's units. The schemas validate the API. Pure: no I/O.
 */
import { z } from 'zod';
import type { Localized } from '../i18n/localized.ts';
import { localizedPart, text } from './fields.ts';
import { normaliseUnit } from './units.ts';

export type StreamKind = 'material' | 'energy';
export type StreamType = { key: string; kind: StreamKind; label: Localized; units: string[] };

const MASS = ['t/a', 'kt/a', 't/d'];

export const STREAM_TYPES: StreamType[] = [
  {
    key: 'sodium_sulphate',
    kind: 'material',
    label: { fi: 'Natriumsulfaatti', sv: 'Natriumsulfat', en: 'Sodium sulphate' },
    units: MASS,
  },
  {
    key: 'sulphuric_acid',
    kind: 'material',
    label: { fi: 'Rikkihappo', sv: 'Svavelsyra', en: 'Sulphuric acid' },
    units: MASS,
  },
  {
    key: 'ammonium_sulphate',
    kind: 'material',
    label: { fi: 'Ammoniumsulfaatti', sv: 'Ammoniumsulfat', en: 'Ammonium sulphate' },
    units: MASS,
  },
  { key: 'gypsum', kind: 'material', label: { fi: 'Kipsi', sv: 'Gips', en: 'Gypsum' }, units: MASS },
  {
    key: 'iron_sulphate',
    kind: 'material',
    label: { fi: 'Rautasulfaatti', sv: 'Järnsulfat', en: 'Iron sulphate' },
    units: MASS,
  },
  { key: 'hydrogen', kind: 'material', label: { fi: 'Vety', sv: 'Vätgas', en: 'Hydrogen' }, units: MASS },
  {
    key: 'carbon_dioxide',
    kind: 'material',
    label: { fi: 'Hiilidioksidi', sv: 'Koldioxid', en: 'Carbon dioxide' },
    units: MASS,
  },
  { key: 'oxygen', kind: 'material', label: { fi: 'Happi', sv: 'Syre', en: 'Oxygen' }, units: MASS },
  { key: 'nitrogen', kind: 'material', label: { fi: 'Typpi', sv: 'Kväve', en: 'Nitrogen' }, units: MASS },
  {
    key: 'process_water',
    kind: 'material',
    label: { fi: 'Prosessivesi', sv: 'Processvatten', en: 'Process water' },
    units: ['m³/a', 'm³/d', 'm³/h'],
  },
  {
    key: 'waste_heat',
    kind: 'energy',
    label: { fi: 'Hukkalämpö', sv: 'Spillvärme', en: 'Waste heat' },
    units: ['MWh/a', 'GWh/a', 'MW'],
  },
  {
    key: 'steam',
    kind: 'energy',
    label: { fi: 'Höyry', sv: 'Ånga', en: 'Steam' },
    units: ['t/h', 't/a', 'kt/a', 'MWh/a', 'GWh/a'],
  },
  {
    key: 'black_mass',
    kind: 'material',
    label: { fi: 'Mustamassa', sv: 'Svartmassa', en: 'Black mass' },
    units: MASS,
  },
  {
    key: 'metal_scrap',
    kind: 'material',
    label: { fi: 'Metalliromu', sv: 'Metallskrot', en: 'Metal scrap' },
    units: MASS,
  },
  { key: 'slag', kind: 'material', label: { fi: 'Kuona', sv: 'Slagg', en: 'Slag' }, units: MASS },
  { key: 'lime', kind: 'material', label: { fi: 'Kalkki', sv: 'Kalk', en: 'Lime' }, units: MASS },
  {
    key: 'solid_carbon',
    kind: 'material',
    label: { fi: 'Kiinteä hiili', sv: 'Fast kol', en: 'Solid carbon' },
    units: MASS,
  },
];

export const STREAM_TYPE_KEYS = STREAM_TYPES.map((t) => t.key) as [string, ...string[]];
const BY_KEY = new Map(STREAM_TYPES.map((t) => [t.key, t]));

export function findStreamType(key: string): StreamType | undefined {
  return BY_KEY.get(key);
}

export const STREAM_DIRECTIONS = ['offer', 'need'] as const;
export const STREAM_AVAILABILITIES = ['continuous', 'batch', 'seasonal'] as const;

/** 2027, 2027-03 or 2027-03-01. */
const AvailableFromSchema = z
  .string()
  .trim()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'A year, year-month or date: 2027, 2027-03 or 2027-03-01',
  );

const streamFields = {
  organisationId: z.string().min(1).max(100).nullable().optional(),
  siteId: z.string().min(1).max(100).nullable().optional(),
  direction: z.enum(STREAM_DIRECTIONS),
  streamType: z.enum(STREAM_TYPE_KEYS),
  label: localizedPart(300).optional(),
  quantity: z.number().finite().min(0).max(1e12).nullable().optional(),
  unit: text(20).nullable().optional(),
  quality: text(500).nullable().optional(),
  lat: z.number().finite().min(-90).max(90).nullable().optional(),
  lon: z.number().finite().min(-180).max(180).nullable().optional(),
  availability: z.enum(STREAM_AVAILABILITIES).optional(),
  availableFrom: AvailableFromSchema.nullable().optional(),
  isPublic: z.boolean().optional(),
};

type StreamShape = {
  streamType?: string;
  unit?: string | null;
  quantity?: number | null;
  lat?: number | null;
  lon?: number | null;
};

function checkStream(stream: StreamShape, ctx: z.RefinementCtx, typeKey: string | undefined): void {
  if (
    (stream.lat === undefined || stream.lat === null) !== (stream.lon === undefined || stream.lon === null)
  ) {
    ctx.addIssue({ code: 'custom', path: ['lon'], message: 'Give both latitude and longitude, or neither' });
  }
  const type = typeKey ? findStreamType(typeKey) : undefined;
  if (type && stream.unit) {
    const unit = normaliseUnit(stream.unit);
    if (!type.units.includes(unit)) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `${type.label.en} is measured in ${type.units.join(', ')}`,
      });
    }
  }
}

function requireUnit(stream: StreamShape, ctx: z.RefinementCtx): void {
  if (typeof stream.quantity === 'number' && !stream.unit) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Give the unit of the quantity' });
  }
}

/** A new stream: owned by an organisation, or by a site when it has no organisation. */
export const StreamInputSchema = z.object(streamFields).superRefine((stream, ctx) => {
  if (!stream.organisationId && !stream.siteId) {
    ctx.addIssue({
      code: 'custom',
      path: ['organisationId'],
      message: 'A stream belongs to an organisation or a site',
    });
  }
  checkStream(stream, ctx, stream.streamType);
  requireUnit(stream, ctx);
});
export type StreamInput = z.infer<typeof StreamInputSchema>;

/** A change; the owner organisation stays. The unit is checked in the route against the stored type and unit. */
export const StreamPatchSchema = z
  .object(streamFields)
  .omit({ organisationId: true })
  .partial()
  .superRefine((patch, ctx) => {
    if ((patch.lat === undefined) !== (patch.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'Change latitude and longitude together' });
    }
    checkStream(patch, ctx, patch.streamType);
  });
export type StreamPatch = z.infer<typeof StreamPatchSchema>;
