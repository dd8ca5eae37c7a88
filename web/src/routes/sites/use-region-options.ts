import { useMemo } from 'react';
import { pickLabel, useLocale } from '../../locale.ts';
import { useRegions } from '../../queries.ts';

/** The network regions by name in the reader's language, and sorted for a select. */
export function useRegionOptions() {
  const locale = useLocale();
  const regions = useRegions();
  return useMemo(() => {
    const names = new Map((regions.data ?? []).map((r) => [r.id, pickLabel(r.name, locale.language)]));
    const options = [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => locale.collator.compare(a.label, b.label));
    return {
      regionName: (id: string | null | undefined) => (id ? (names.get(id) ?? id) : ''),
      regionOptions: options,
    };
  }, [regions.data, locale]);
}
