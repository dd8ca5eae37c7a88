// Words and numbers of the sites module in the reader's language: statuses, permit levels,
// utility kinds, units, and values that may be missing ("not published", never 0).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale.ts';
import type { MarkerShape } from '../../components/map/point-map.tsx';
import {
  PERMIT_STATUSES,
  type PermitStatus,
  SITE_STATUSES,
  type SiteStatus,
  UTILITY_KINDS,
  type UtilityKind,
} from './sites-api.ts';

export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Shape and colour of a status on the map and in the legend: never colour alone. */
export const STATUS_SHAPE: Record<SiteStatus, MarkerShape> = {
  operating: 'circle',
  developing: 'diamond',
  planned: 'ring',
};

/** The status the map and badges use: anything unknown counts as planned. */
export function siteStatusOf(status: string): SiteStatus {
  return isOneOf(SITE_STATUSES, status) ? status : 'planned';
}

/** The rank of a permit status (none = 0 … seveso_ready = 4), or -1 if unknown. */
export function permitRank(status: string): number {
  return (PERMIT_STATUSES as readonly string[]).indexOf(status);
}

// Units as the API gives them; the few words among them are translated, symbols stay.
const UNIT_WORDS = ['months', 'count'] as const;

export function useSiteLabels() {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const decimals = new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[locale.language], {
      maximumFractionDigits: 1,
    });
    const percents = new Intl.NumberFormat({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[locale.language], {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    const number = (value: number) => decimals.format(value);
    const unit = (value: string | null | undefined): string => {
      if (!value) return '';
      return isOneOf(UNIT_WORDS, value) ? t(`sites.units.${value}`) : value;
    };
    return {
      number,
      /** A share 0–1 as a percentage in the reader's style ("85 %" or "85%"). */
      percent: (share: number) => percents.format(share),
      unit,
      /** A number with its unit, e.g. "14 m", "120 ha"; never a bare 0 for a missing value. */
      quantity(value: number | null | undefined, unitText: string | null | undefined): string | null {
        if (value === null || value === undefined || Number.isNaN(value)) return null;
        const u = unit(unitText);
        return u ? `${number(value)} ${u}` : number(value);
      },
      status(status: string): string {
        return t(`sites.status.${siteStatusOf(status)}`);
      },
      permit(status: string): string {
        return isOneOf<PermitStatus>(PERMIT_STATUSES, status) ? t(`sites.permit.${status}`) : status;
      },
      utility(kind: string): string {
        return isOneOf<UtilityKind>(UTILITY_KINDS, kind)
          ? t(`sites.utility.${kind}`)
          : kind.replaceAll('_', ' ');
      },
      yesNo(value: boolean): string {
        return value ? t('sites.yes') : t('sites.no');
      },
    };
  }, [t, locale.language]);
}

export type SiteLabels = ReturnType<typeof useSiteLabels>;
