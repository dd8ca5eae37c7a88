// Shared formatting for the consortium pages: money, country names, stage labels, rule params.
import { useMemo } from 'react';
import type { Localised } from '../../api.ts';
import { useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts } from '../../queries.ts';
import type { RuleParams } from './consortium-api.ts';

export function useConsortiumFormat() {
  const locale = useLocale();
  const concepts = useConcepts();
  return useMemo(() => {
    const byId = indexConcepts(concepts.data);
    const regionNames = new Intl.DisplayNames([locale.language], { type: 'region' });
    const country = (code: string) => {
      try {
        return regionNames.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
    const stage = (id: string) => byId.get(id)?.labels[locale.language as keyof Localised] ?? id;
    const eur = (value: number | null) =>
      value === null ? '—' : `${locale.formatNumber(Math.round(value))} €`;
    /** Arrays become readable lists (stages and countries by name) for the i18n strings. */
    const params = (p: RuleParams): Record<string, string | number> =>
      Object.fromEntries(
        Object.entries(p).map(([key, value]) => {
          if (!Array.isArray(value)) return [key, value];
          const named =
            key === 'stages' ? value.map(stage) : key === 'countries' ? value.map(country) : value;
          return [key, named.length > 0 ? named.join(', ') : '—'];
        }),
      );
    /** The value-chain stages: the scheme's top-level concepts, in its order. */
    const stages = (concepts.data ?? []).filter((c) => c.parentId === null).map((c) => c.id);
    return { country, stage, stages, eur, params, locale };
  }, [concepts.data, locale]);
}
