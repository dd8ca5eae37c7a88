/**
 * Industrial-symbiosis matching: an offered stream (a by-product, waste heat) paired with a
 * needed one of the same type. A pair scores by how much of the need the offer covers
 * (quantities converted between compatible units), how far apart they are (great-circle
 * distance, the score halving every 5 km for heat and steam, which travel by pipe, and every
 * 150 km for materials), and whether the supply rhythm fits. Pure: no I/O.
 */
import { findStreamType } from './streams.ts';
import { convertQuantity } from './units.ts';

export type StreamFacts = {
  id: string;
  organisationId: string | null;
  direction: string;
  streamType: string;
  quantity: number | null;
  unit: string | null;
  lat: number | null;
  lon: number | null;
  availability: string;
  availableFrom: string | null;
};

export type SymbiosisReason = { code: string; params: Record<string, number | string> };
export type SymbiosisMatch = {
  offerId: string;
  needId: string;
  streamType: string;
  /** 0–1. */
  score: number;
  /** Null when either stream has no location. */
  distanceKm: number | null;
  /** Share of the need the offer covers, 0–1; null when a quantity is missing or units differ in kind. */
  quantityCovered: number | null;
  reasons: SymbiosisReason[];
};

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in km. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The distance at which a pair's distance score halves. */
export function halfDistanceKm(streamType: string): number {
  return findStreamType(streamType)?.kind === 'energy' ? 5 : 150;
}

export function distanceFactor(streamType: string, km: number): number {
  return 0.5 ** (km / halfDistanceKm(streamType));
}

const WEIGHTS = { quantity: 0.45, distance: 0.4, availability: 0.15 };
const UNKNOWN = 0.3;

function availabilityFit(offer: string, need: string): number {
  if (offer === need) return 1;
  if (need === 'continuous') return offer === 'batch' ? 0.6 : 0.4;
  return 0.8;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One offer and one need of the same type; null for any other pair. */
export function matchPair(offer: StreamFacts, need: StreamFacts): SymbiosisMatch | null {
  if (offer.direction !== 'offer' || need.direction !== 'need' || offer.streamType !== need.streamType)
    return null;
  if (offer.id === need.id) return null;
  const reasons: SymbiosisReason[] = [{ code: 'same_type', params: { type: offer.streamType } }];

  let quantityCovered: number | null = null;
  if (offer.quantity !== null && offer.unit && need.quantity !== null && need.unit) {
    const converted = convertQuantity(offer.quantity, offer.unit, need.unit);
    if (!converted.ok) {
      reasons.push({ code: 'units_incompatible', params: { offerUnit: offer.unit, needUnit: need.unit } });
    } else {
      quantityCovered = need.quantity === 0 ? 1 : Math.min(1, converted.value / need.quantity);
      if (converted.assumedContinuous)
        reasons.push({ code: 'assumed_continuous', params: { offerUnit: offer.unit, needUnit: need.unit } });
      reasons.push({
        code: quantityCovered >= 1 ? 'covers_need' : 'covers_part',
        params: {
          share: round(quantityCovered, 3),
          offered: round(converted.value, 3),
          needed: need.quantity,
          unit: need.unit,
        },
      });
    }
  } else {
    reasons.push({ code: 'quantity_unknown', params: {} });
  }

  let distanceKm: number | null = null;
  let distance = UNKNOWN;
  if (offer.lat !== null && offer.lon !== null && need.lat !== null && need.lon !== null) {
    distanceKm = round(
      greatCircleKm({ lat: offer.lat, lon: offer.lon }, { lat: need.lat, lon: need.lon }),
      1,
    );
    distance = distanceFactor(offer.streamType, distanceKm);
    reasons.push({
      code: distance >= 0.5 ? 'near' : 'far',
      params: { km: distanceKm, halfKm: halfDistanceKm(offer.streamType) },
    });
  } else {
    reasons.push({ code: 'location_unknown', params: {} });
  }

  const availability = availabilityFit(offer.availability, need.availability);
  reasons.push({
    code: availability === 1 ? 'availability_match' : 'availability_differs',
    params: { offer: offer.availability, need: need.availability },
  });
  if (offer.availableFrom && need.availableFrom && offer.availableFrom > need.availableFrom) {
    reasons.push({
      code: 'available_later',
      params: { from: offer.availableFrom, needed: need.availableFrom },
    });
  }

  const score =
    WEIGHTS.quantity * (quantityCovered ?? UNKNOWN) +
    WEIGHTS.distance * distance +
    WEIGHTS.availability * availability;
  return {
    offerId: offer.id,
    needId: need.id,
    streamType: offer.streamType,
    score: round(score, 3),
    distanceKm,
    quantityCovered: quantityCovered === null ? null : round(quantityCovered, 3),
    reasons,
  };
}

const byScore = (a: SymbiosisMatch, b: SymbiosisMatch) =>
  b.score - a.score ||
  (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
  (a.offerId + a.needId < b.offerId + b.needId ? -1 : 1);

/**
 * Matches of one stream (with the opposite direction, same type), or of every offer with
 * every need when no stream is given; best first.
 */
export function matchStreams(streams: StreamFacts[], streamId?: string): SymbiosisMatch[] {
  const offers = streams.filter((s) => s.direction === 'offer');
  const needs = streams.filter((s) => s.direction === 'need');
  const pairs: SymbiosisMatch[] = [];
  const focus = streamId === undefined ? undefined : streams.find((s) => s.id === streamId);
  if (streamId !== undefined && !focus) return [];
  for (const offer of focus?.direction === 'offer' ? [focus] : offers) {
    for (const need of focus?.direction === 'need' ? [focus] : needs) {
      const match = matchPair(offer, need);
      if (match) pairs.push(match);
    }
  }
  return pairs.sort(byScore);
}
