import { z } from 'zod';
import { STREAM_DIRECTIONS, STREAM_TYPE_KEYS } from '../../domain/sites/streams.ts';
import { LocalizedSchema } from '../common-schemas.ts';

export const StreamTypesSchema = z.array(
  z.object({
    key: z.string(),
    kind: z.enum(['material', 'energy']),
    label: LocalizedSchema,
    units: z.array(z.string()),
  }),
);

export const StreamListQuerySchema = z.object({
  type: z.enum(STREAM_TYPE_KEYS).optional(),
  direction: z.enum(STREAM_DIRECTIONS).optional(),
});

export const StreamSchema = z.object({
  id: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  siteId: z.string().nullable(),
  direction: z.string(),
  streamType: z.string(),
  label: LocalizedSchema,
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  quality: z.string().nullable(),
  /** The stream's own location, else its site's. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  availability: z.string(),
  availableFrom: z.string().nullable(),
  isPublic: z.boolean(),
  canEdit: z.boolean(),
});
export type Stream = z.infer<typeof StreamSchema>;

export const MatchQuerySchema = z.object({
  /** Matches of this stream; without it, every offer against every need. */
  streamId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SymbiosisMatchesSchema = z.array(
  z.object({
    offerId: z.string(),
    needId: z.string(),
    streamType: z.string(),
    score: z.number().min(0).max(1),
    /** Null when a stream has no location. */
    distanceKm: z.number().nullable(),
    /** Share of the need the offer covers, 0–1; null when a quantity is missing or the units differ in kind. */
    quantityCovered: z.number().min(0).max(1).nullable(),
    reasons: z.array(
      z.object({ code: z.string(), params: z.record(z.string(), z.union([z.number(), z.string()])) }),
    ),
  }),
);
