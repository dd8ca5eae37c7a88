import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { ChallengeCard } from './challenge-card.tsx';
import { ConceptSelect, RegionSelect, StatusSelect } from './challenge-filters.tsx';
import { isEvaluator, useChallengeLabels, useNames } from './challenge-labels.ts';
import { CHALLENGE_LANGUAGES, useChallenges } from './challenges-api.ts';
import './challenges.css';

export const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

type FilterName = 'q' | 'region' | 'concept' | 'status' | 'language' | 'sort' | 'page';

function readPage(value: string | null): number {
  const page = Number.parseInt(value ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

export function ChallengeListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useChallengeLabels();
  const names = useNames(locale);
  const session = useSession();
  const user = session.data?.user ?? null;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const concept = params.get('concept') ?? '';
  const status = params.get('status') ?? '';
  const language = params.get('language') ?? '';
  const sort = params.get('sort') === 'supports' ? 'supports' : 'newest';
  const page = readPage(params.get('page'));

  const [search, setSearch] = useState(q);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);

  const result = useChallenges({
    q: q || undefined,
    region: region || undefined,
    concept: concept || undefined,
    status: status || undefined,
    language: language || undefined,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  function update(changes: Partial<Record<FilterName, string>>, replace = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  }

  // Typing updates the address after a pause, without a history entry per keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the debounced text only
  useEffect(() => {
    if (debouncedSearch.trim() !== q) update({ q: debouncedSearch.trim() }, true);
  }, [debouncedSearch]);

  // Back and forward restore the search box from the address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the address only
  useEffect(() => {
    if (q !== debouncedSearch.trim()) setSearch(q);
  }, [q]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  const hasFilters = Boolean(q || region || concept || status || language);
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const ids = {
    search: useId(),
    language: useId(),
    sort: useId(),
  };

  return (
    <>
      <PageHeading title={t('challenges.title')} lead={t('challenges.lead')} />

      <div className="ch-actions">
        {user ? (
          <Link className="button" to="/challenges/new">
            {t('challenges.submit')}
          </Link>
        ) : (
          <Link
            className="button button--secondary"
            to={`/sign-in?next=${encodeURIComponent('/challenges/new')}`}
          >
            {t('challenges.signInToSubmit')}
          </Link>
        )}
        <Link className="button button--secondary" to="/challenges/common">
          {t('challenges.commonLink')}
        </Link>
        {isEvaluator(user?.role) ? (
          <Link className="button button--secondary" to="/challenges/ranking">
            {t('challenges.rankingLink')}
          </Link>
        ) : null}
      </div>

      <search aria-label={t('challenges.filtersLabel')}>
        <form className="filters ch-filters" onSubmit={onSubmit}>
          <div className="field filters__search">
            <label htmlFor={ids.search}>{t('challenges.searchLabel')}</label>
            <input
              id={ids.search}
              type="search"
              value={search}
              autoComplete="off"
              placeholder={t('challenges.searchPlaceholder')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <RegionSelect value={region} onChange={(value) => update({ region: value })} />
          <ConceptSelect value={concept} onChange={(value) => update({ concept: value })} />
          <StatusSelect value={status} onChange={(value) => update({ status: value })} />
          <div className="field">
            <label htmlFor={ids.language}>{t('challenges.languageLabel')}</label>
            <select id={ids.language} value={language} onChange={(e) => update({ language: e.target.value })}>
              <option value="">{t('challenges.allLanguages')}</option>
              {CHALLENGE_LANGUAGES.map((value) => (
                <option key={value} value={value}>
                  {labels.language(value)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.sort}>{t('challenges.sortLabel')}</label>
            <select
              id={ids.sort}
              value={sort}
              onChange={(e) => update({ sort: e.target.value === 'supports' ? 'supports' : '' })}
            >
              <option value="newest">{t('challenges.sortNewest')}</option>
              <option value="supports">{t('challenges.sortSupports')}</option>
            </select>
          </div>
        </form>
      </search>

      {hasFilters ? (
        <div className="active-filters">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams());
            }}
          >
            {t('challenges.clearFilters')}
          </button>
        </div>
      ) : null}

      <p className="result-count" role="status" aria-live="polite">
        {data
          ? t(hasFilters ? 'challenges.countFiltered' : 'challenges.count', {
              count: data.total,
              formatted: locale.formatNumber(data.total),
            })
          : ''}
      </p>

      {result.isPending ? <Loading /> : null}
      {result.isError ? <ErrorMessage error={result.error} /> : null}

      {data && data.total === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('challenges.emptyTitle')}</p>
          <p>{hasFilters ? t('challenges.emptyFiltered') : t('challenges.emptyAll')}</p>
        </div>
      ) : null}

      {data && data.total > 0 && data.items.length === 0 ? (
        <div className="empty">
          <p>{t('challenges.pageOutOfRange')}</p>
          <Link to={{ search: withPage(params, 1) }}>{t('pagination.first')}</Link>
        </div>
      ) : null}

      {data && data.items.length > 0 ? (
        <ul className="result-list" aria-busy={result.isFetching}>
          {data.items.map((challenge) => (
            <li key={challenge.id}>
              <ChallengeCard
                challenge={challenge}
                regionName={names.region(challenge.regionId)}
                conceptLabel={names.concept}
              />
            </li>
          ))}
        </ul>
      ) : null}

      {data ? (
        <Pagination page={page} pageCount={pageCount} hrefFor={(target) => withPage(params, target)} />
      ) : null}
    </>
  );
}

function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  const search = next.toString();
  return search ? `?${search}` : '';
}
