// Words of the symbiosis pages in the reader's language: stream types (from the API's labels),
// availability, match reasons by code, and the names of markers and lines on the map.
import { useTranslation } from 'react-i18next';
import { pickLabel, useLocale } from '../../locale.ts';
import { isOneOf, useSiteLabels } from '../sites/site-labels.ts';
import { useSites } from '../sites/sites-api.ts';
import { AVAILABILITIES, type Stream, type StreamMatch, useStreamTypes } from './symbiosis-api.ts';

// The codes of src/domain/sites/symbiosis-matching.ts; the first four say why a pair fits.
export const MATCH_REASON_CODES = [
  'same_type',
  'units_incompatible',
  'assumed_continuous',
  'covers_need',
  'covers_part',
  'quantity_unknown',
  'near',
  'far',
  'location_unknown',
  'availability_match',
  'availability_differs',
  'available_later',
] as const;
const POSITIVE = new Set(['same_type', 'covers_need', 'near', 'availability_match']);

export function isPositiveReason(code: string): boolean {
  return POSITIVE.has(code);
}

export function useSymbiosisText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useSiteLabels();
  const types = useStreamTypes();
  const sites = useSites();
  /** Who holds a stream: its organisation, else the site it is at (a park's own stream). */
  const holder = (stream: Stream | undefined): { name: string; href: string | null } => {
    if (!stream) return { name: '', href: null };
    if (stream.organisationId)
      return {
        name: stream.organisationName ?? stream.organisationId,
        href: `/organisations/${encodeURIComponent(stream.organisationId)}`,
      };
    const site = stream.siteId
      ? sites.data?.items.find((candidate) => candidate.id === stream.siteId)
      : undefined;
    if (stream.siteId)
      return { name: site?.name ?? stream.siteId, href: `/sites/${encodeURIComponent(stream.siteId)}` };
    return { name: stream.organisationName ?? t('common.notGiven'), href: null };
  };
  const typeLabel = (key: string) => {
    const found = types.data?.find((type) => type.key === key);
    return found ? pickLabel(found.label, locale.language) : key.replaceAll('_', ' ');
  };
  const availability = (value: string) =>
    isOneOf(AVAILABILITIES, value) ? t(`symbiosis.availability.${value}`) : value;
  const direction = (stream: Stream) =>
    stream.direction === 'offer' ? t('symbiosis.offer') : t('symbiosis.need');
  return {
    holder,
    typeLabel,
    availability,
    markerLabel: (stream: Stream) =>
      `${direction(stream)}: ${typeLabel(stream.streamType)}, ${
        labels.quantity(stream.quantity, stream.unit) ?? t('sites.notPublished')
      } – ${holder(stream).name}`,
    matchTitle: (match: StreamMatch, byId: Map<string, Stream>) =>
      `${typeLabel(match.streamType)}: ${holder(byId.get(match.offerId)).name} → ${holder(byId.get(match.needId)).name}`,
    reason: (reason: { code: string; params?: Record<string, unknown> }) => {
      const params: Record<string, string | number> = Object.fromEntries(
        Object.entries(reason.params ?? {}).map(([key, value]) => {
          if (key === 'share' && typeof value === 'number') return [key, labels.percent(value)];
          if (key === 'type' && typeof value === 'string') return [key, typeLabel(value)];
          if ((key === 'offer' || key === 'need') && typeof value === 'string')
            return [key, availability(value)];
          return [key, typeof value === 'number' ? labels.number(value) : String(value ?? '')];
        }),
      );
      return isOneOf(MATCH_REASON_CODES, reason.code)
        ? t(`symbiosis.reasonCodes.${reason.code}`, params)
        : reason.code.replaceAll('_', ' ');
    },
  };
}
