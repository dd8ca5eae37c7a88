// Filters kept in the address (so a filtered view can be shared and Back works), with a search
// box that updates the address after a pause instead of on every keystroke.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../use-debounced-value.ts';

const SEARCH_DELAY_MS = 300;

export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<K, string>;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search, SEARCH_DELAY_MS);

  function update(changes: Partial<Record<K | 'q', string>>, replace = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (typeof value === 'string' && value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace, preventScrollReset: true },
    );
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the debounced text only
  useEffect(() => {
    if (debounced.trim() !== q) update({ q: debounced.trim() } as Partial<Record<K | 'q', string>>, true);
  }, [debounced]);

  // Back and forward restore the search box from the address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the address only
  useEffect(() => {
    if (q !== debounced.trim()) setSearch(q);
  }, [q]);

  return {
    q,
    values,
    search,
    setSearch,
    update,
    /** Submitting the form applies the search at once. */
    submitSearch: () => update({ q: search.trim() } as Partial<Record<K | 'q', string>>),
    clear: () => {
      setSearch('');
      setParams(new URLSearchParams(), { preventScrollReset: true });
    },
    active: Boolean(q) || names.some((name) => Boolean(values[name])),
  };
}
