import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ORGANISATION_TYPES, type OrganisationSummary } from '../../api.ts';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts, useOrganisations, useRegions } from '../../queries.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { OrganisationExportLinks } from '../imports/organisation-export-links.tsx';
import { conceptOptions } from './concept-options.ts';

export const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;
const CHIPS_PER_CARD = 4;

type FilterName = 'q' | 'region' | 'type' | 'concept' | 'page';

function readPage(value: string | null): number {
  const page = Number.parseInt(value ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

export function OrganisationListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const typeLabel = useOrganisationTypeLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const type = params.get('type') ?? '';
  const concept = params.get('concept') ?? '';
  const page = readPage(params.get('page'));

  const [search, setSearch] = useState(q);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);

  const regions = useRegions();
  const concepts = useConcepts();
  const conceptIndex = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const result = useOrganisations({
    q: q || undefined,
    region: region || undefined,
    type: type || undefined,
    concept: concept || undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  function update(changes: Partial<Record<FilterName, string>>, replace = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // Any filter change starts from the first page.
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

  const regionName = useMemo(() => {
    const names = new Map((regions.data ?? []).map((r) => [r.id, pickLabel(r.name, locale.language)]));
    return (id: string | null) => (id ? (names.get(id) ?? id) : '');
  }, [regions.data, locale.language]);

  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .map((r) => ({ id: r.id, label: pickLabel(r.name, locale.language) }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
    [regions.data, locale],
  );
  const typeOptions = useMemo(
    () =>
      ORGANISATION_TYPES.map((value) => ({ value, label: typeLabel(value) })).sort((a, b) =>
        locale.collator.compare(a.label, b.label),
      ),
    [typeLabel, locale],
  );

  const conceptLabel = (id: string) => {
    const found = conceptIndex.get(id);
    return found ? pickLabel(found.labels, locale.language) : id;
  };

  const hasFilters = Boolean(q || region || type || concept);
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;
  const ids = { search: useId(), region: useId(), type: useId(), concept: useId() };
  const conceptChoices = useMemo(
    () =>
      conceptOptions(concepts.data ?? [], locale.language, '', new Set(), (labels) =>
        pickLabel(labels, locale.language),
      ),
    [concepts.data, locale.language],
  );

  return (
    <>
      <PageHeading
        title={t('organisations.title')}
        eyebrow={t('modules.organisations.title')}
        lead={t('organisations.lead')}
      />
      <p>
        <Link to="/map">{t('regions.openMap')}</Link>
        {region ? (
          <>
            {' · '}
            <Link to={`/regions/${encodeURIComponent(region)}`}>
              {t('regions.regionPageLink', { region: regionName(region) })}
            </Link>
          </>
        ) : null}
      </p>

      <search aria-label={t('organisations.filtersLabel')}>
        <form className="filters" onSubmit={onSubmit}>
          <div className="field filters__search">
            <label htmlFor={ids.search}>{t('organisations.searchLabel')}</label>
            <input
              id={ids.search}
              type="search"
              value={search}
              autoComplete="off"
              placeholder={t('organisations.searchPlaceholder')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.region}>{t('organisations.regionLabel')}</label>
            <select
              id={ids.region}
              value={region}
              onChange={(event) => update({ region: event.target.value })}
            >
              <option value="">{t('organisations.allRegions')}</option>
              {regionOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.type}>{t('organisations.typeLabel')}</label>
            <select id={ids.type} value={type} onChange={(event) => update({ type: event.target.value })}>
              <option value="">{t('organisations.allTypes')}</option>
              {typeOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.concept}>{t('organisations.conceptFilter')}</label>
            <select
              id={ids.concept}
              value={concept}
              onChange={(event) => update({ concept: event.target.value })}
            >
              <option value="">{t('organisations.allConcepts')}</option>
              {/* A concept named in the address but not (yet) loaded stays selectable. */}
              {concept && !conceptChoices.some((option) => option.id === concept) ? (
                <option value={concept}>{conceptLabel(concept)}</option>
              ) : null}
              {conceptChoices.map((option) => (
                <option key={option.id} value={option.id}>
                  {'\u00a0\u00a0\u00a0'.repeat(option.depth)}
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>

      <OrganisationExportLinks params={params} />

      {concept || hasFilters ? (
        <div className="active-filters">
          {concept ? (
            <p className="chip chip--filter">
              <span>
                {t('organisations.conceptFilter')}: {conceptLabel(concept)}
              </span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('organisations.removeConceptFilter', { concept: conceptLabel(concept) })}
                onClick={() => update({ concept: '' })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </p>
          ) : null}
          {hasFilters ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              {t('organisations.clearFilters')}
            </button>
          ) : null}
        </div>
      ) : null}

      <p className="result-count" role="status" aria-live="polite">
        {data
          ? t(hasFilters ? 'organisations.countFiltered' : 'organisations.count', {
              count: data.total,
              formatted: locale.formatNumber(data.total),
            })
          : ''}
      </p>

      {result.isPending ? <Loading /> : null}
      {result.isError ? <ErrorMessage error={result.error} /> : null}

      {data && data.total === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('organisations.emptyTitle')}</p>
          <p>{hasFilters ? t('organisations.emptyFiltered') : t('organisations.emptyAll')}</p>
        </div>
      ) : null}

      {data && data.total > 0 && data.items.length === 0 ? (
        <div className="empty">
          <p>{t('organisations.pageOutOfRange')}</p>
          <Link to={{ search: withPage(params, 1) }}>{t('pagination.first')}</Link>
        </div>
      ) : null}

      {data && data.items.length > 0 ? (
        <ul className="result-list" aria-busy={result.isFetching}>
          {data.items.map((organisation) => (
            <li key={organisation.id}>
              <OrganisationCard
                organisation={organisation}
                typeLabel={typeLabel(organisation.type)}
                regionName={regionName(organisation.regionId)}
                conceptLabel={conceptLabel}
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

interface OrganisationCardProps {
  organisation: OrganisationSummary;
  typeLabel: string;
  regionName: string;
  conceptLabel: (id: string) => string;
}

function OrganisationCard({ organisation, typeLabel, regionName, conceptLabel }: OrganisationCardProps) {
  const { t } = useTranslation();
  const place = [regionName, organisation.municipality].filter(Boolean).join(' · ');
  const shown = organisation.conceptIds.slice(0, CHIPS_PER_CARD);
  const hidden = organisation.conceptIds.length - shown.length;
  return (
    <article className="result-card">
      <h2 className="result-card__title">
        <Link to={`/organisations/${encodeURIComponent(organisation.id)}`}>{organisation.name}</Link>
      </h2>
      <p className="result-card__meta">
        <span className="result-card__type">{typeLabel}</span>
        {place ? <span>{place}</span> : null}
        {organisation.isPublic ? null : (
          <span className="badge badge--warn">{t('organisations.notPublic')}</span>
        )}
      </p>
      {shown.length > 0 ? (
        <ul className="chips" aria-label={t('organisations.competences')}>
          {shown.map((id) => (
            <li key={id} className="chip">
              {conceptLabel(id)}
            </li>
          ))}
          {hidden > 0 ? (
            <li className="chip chip--more">{t('organisations.moreConcepts', { count: hidden })}</li>
          ) : null}
        </ul>
      ) : null}
    </article>
  );
}
