// The industrial symbiosis part of the API (src/server/sites): material and energy streams that
// organisations offer or need, and the matches between them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Localised, request } from '../../api.ts';

export type StreamDirection = 'offer' | 'need';
export const AVAILABILITIES = ['continuous', 'batch', 'seasonal'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface StreamType {
  key: string;
  kind: 'material' | 'energy';
  label: Localised;
  units: string[];
}

export interface Stream {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  siteId: string | null;
  direction: StreamDirection;
  streamType: string;
  /** The stream's own name; some servers give it in three languages. */
  label: Localised | string | null;
  quantity: number | null;
  unit: string | null;
  quality: string | null;
  lat: number | null;
  lon: number | null;
  availability: string;
  availableFrom: string | null;
  isPublic: boolean;
  canEdit: boolean;
}

export interface StreamMatch {
  offerId: string;
  needId: string;
  streamType: string;
  /** 0–1 */
  score: number;
  distanceKm: number | null;
  /** Share of the need the offer covers, 0–1. */
  quantityCovered: number | null;
  reasons: { code: string; params?: Record<string, unknown> }[];
}

export interface StreamInput {
  organisationId?: string;
  siteId?: string | null;
  direction: StreamDirection;
  streamType: string;
  label?: Localised;
  quantity?: number | null;
  unit?: string | null;
  quality?: string | null;
  availability?: Availability;
  availableFrom?: string | null;
  lat?: number;
  lon?: number;
  isPublic?: boolean;
}

export const symbiosisKeys = {
  types: ['symbiosis', 'types'] as const,
  streams: (type: string) => ['symbiosis', 'streams', type] as const,
  matches: ['symbiosis', 'matches'] as const,
};

export function useStreamTypes() {
  return useQuery({
    queryKey: symbiosisKeys.types,
    queryFn: ({ signal }) => request<StreamType[]>('GET', '/symbiosis/stream-types', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useStreams(type: string) {
  return useQuery({
    queryKey: symbiosisKeys.streams(type),
    queryFn: ({ signal }) => request<Stream[]>('GET', '/symbiosis/streams', { query: { type }, signal }),
  });
}

export function useStreamMatches() {
  return useQuery({
    queryKey: symbiosisKeys.matches,
    queryFn: ({ signal }) => request<StreamMatch[]>('GET', '/symbiosis/matches', { signal }),
  });
}

export function useCreateStream() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StreamInput) => request<Stream>('POST', '/symbiosis/streams', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['symbiosis'] }),
  });
}

/** The stream's own name in the reader's language, if it has one. */
export function streamLabel(stream: Stream, language: keyof Localised): string {
  if (!stream.label) return '';
  if (typeof stream.label === 'string') return stream.label;
  return stream.label[language] || stream.label.en || stream.label.fi || stream.label.sv || '';
}
