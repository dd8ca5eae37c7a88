// Sentences for the match's reasons and unmet requirements, from their stable codes and
// numbers (POST /api/sites/match). A code this version does not know falls back to a sentence
// built from the requirement's name, so a new server never shows a raw code.
import { useTranslation } from 'react-i18next';
import { PERMIT_STATUSES } from './sites-api.ts';
import type { MatchReason } from './sites-api.ts';
import { REQUIREMENTS } from './match-requirements.ts';
import { isOneOf, useSiteLabels } from './site-labels.ts';
import { useRegionOptions } from './use-region-options.ts';

// The codes of src/domain/sites/site-matching.ts.
export const REASON_CODES = [
  'land_ok',
  'land_short',
  'land_unknown',
  'electricity_ok',
  'electricity_short',
  'electricity_unknown',
  'process_water_ok',
  'process_water_short',
  'process_water_unknown',
  'steam_ok',
  'steam_short',
  'steam_unknown',
  'cooling_water_ok',
  'cooling_water_short',
  'cooling_water_unknown',
  'wastewater_ok',
  'wastewater_short',
  'wastewater_unknown',
  'industrial_gases_ok',
  'industrial_gases_unknown',
  'port_ok',
  'port_shallow',
  'port_unknown',
  'rail_ok',
  'no_rail',
  'rail_unknown',
  'chemicals_ok',
  'no_chemicals_handling',
  'chemicals_unknown',
  'permit_ok',
  'permit_below',
  'permit_unknown',
  'ready_ok',
  'ready_later',
  'ready_unknown',
  'price_ok',
  'price_above',
  'price_unknown',
  'region_ok',
  'region_other',
] as const;

export function useReasonText() {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const { regionName, regionOptions } = useRegionOptions();
  const format = (value: unknown): string => {
    if (typeof value === 'number') return labels.number(value);
    if (typeof value === 'boolean') return labels.yesNo(value);
    if (Array.isArray(value)) return value.map(format).join(', ');
    if (typeof value === 'string') {
      if (isOneOf(PERMIT_STATUSES, value)) return labels.permit(value);
      if (regionOptions.some((r) => r.value === value)) return regionName(value);
      return value;
    }
    return '';
  };
  const requirementName = (key: string) =>
    REQUIREMENTS.some((def) => def.key === key)
      ? t(`sites.match.req.${key}.label` as 'sites.match.req.landHa.label')
      : key;

  return (reason: MatchReason, met: boolean): string => {
    const params: Record<string, string | number> = Object.fromEntries(
      Object.entries(reason.params ?? {}).map(([k, v]) => [k, format(v)]),
    );
    if (isOneOf(REASON_CODES, reason.code)) return t(`sites.match.codes.${reason.code}`, params);
    return t(met ? 'sites.match.genericMet' : 'sites.match.genericUnmet', {
      requirement: requirementName(reason.key),
    });
  };
}
