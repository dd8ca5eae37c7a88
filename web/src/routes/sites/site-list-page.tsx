import { type FormEvent, lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MapMarker } from '../../components/map/point-map.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { SITE_STATUSES, type SiteSummary, useSites } from './sites-api.ts';
import { FilterSelect } from './filter-select.tsx';
import { SitesNav } from './sites-nav.tsx';
import { STATUS_SHAPE, type SiteLabels, siteStatusOf, useSiteLabels } from './site-labels.ts';
import { StatusSymbol } from './status-symbol.tsx';
import { useRegionOptions } from './use-region-options.ts';
import { useUrlFilters } from './use-url-filters.ts';
import { MAX_COMPARE, readIds } from './compare-rows.ts';
import './sites.css';

// d3-geo and the geometry load with the map only.
const PointMap = lazy(() => import('../../components/map/point-map.tsx'));

export function SiteListPage() {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const navigate = useNavigate();
  const filters = useUrlFilters(['region', 'select'] as const);
  // The sites ticked for comparison live in the address too, so Back from the comparison keeps them.
  const selected = readIds(filters.values.select);
  const setSelected = (next: string[]) => filters.update({ select: next.join(',') }, true);
  const { q, search, setSearch } = filters;
  const region = filters.values.region;
  const [activeId, setActiveId] = useState<string | null>(null);
  const { regionName, regionOptions } = useRegionOptions();
  const sites = useSites({ q: q || undefined, region: region || undefined });
  const ids = { search: useId(), tray: useId(), list: useId() };

  const items = sites.data?.items ?? [];
  const numbered = useMemo(() => items.map((site, index) => ({ site, number: index + 1 })), [items]);
  const markers = useMemo<MapMarker[]>(
    () =>
      numbered.flatMap(({ site, number }) =>
        site.lat !== null && site.lon !== null
          ? [
              {
                id: site.id,
                lon: site.lon,
                lat: site.lat,
                shape: STATUS_SHAPE[siteStatusOf(site.status)],
                tone: siteStatusOf(site.status),
                text: String(number),
                label: `${number}. ${site.name} (${labels.status(site.status)})`,
                href: `/sites/${encodeURIComponent(site.id)}`,
              },
            ]
          : [],
      ),
    [numbered, labels],
  );
  const unplaced = items.length - markers.length;
  const selectedSites = selected.flatMap((id) => items.find((s) => s.id === id) ?? []);

  function toggle(id: string, on: boolean) {
    setSelected(
      on ? [...selected.filter((x) => x !== id), id].slice(0, MAX_COMPARE) : selected.filter((x) => x !== id),
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    filters.submitSearch();
  }

  const compareHref = `/sites/compare?ids=${selected.map(encodeURIComponent).join(',')}`;

  return (
    <>
      <SitesNav />
      <PageHeading
        title={t('sites.list.title')}
        eyebrow={t('modules.sites.title')}
        lead={t('sites.list.lead')}
      />
      <p className="sites-cta">
        <Link className="button" to="/sites/match">
          {t('sites.list.matchCta')}
        </Link>
        <span className="muted">{t('sites.list.matchCtaHint')}</span>
      </p>

      {sites.isError ? <ErrorMessage error={sites.error} /> : null}

      <div className="sites-layout">
        <figure className="sites-layout__map">
          <div className="eco-map-frame sites-map-frame">
            <Suspense fallback={<Loading label={t('sites.list.loadingMap')} />}>
              <PointMap markers={markers} label={t('sites.list.mapLabel')} activeId={activeId} size={11} />
            </Suspense>
          </div>
          <figcaption className="sites-legend">
            <p className="sites-legend__title">{t('sites.list.legend')}</p>
            <ul>
              {SITE_STATUSES.map((status) => (
                <li key={status}>
                  <StatusSymbol status={status} />
                  {t(`sites.status.${status}`)}
                </li>
              ))}
            </ul>
            <p className="sites-legend__note">{t('sites.list.legendNumbers')}</p>
            {unplaced > 0 ? (
              <p className="sites-legend__note">{t('sites.list.unplaced', { count: unplaced })}</p>
            ) : null}
            <p className="sites-legend__note">{t('sites.list.mapSource')}</p>
          </figcaption>
        </figure>

        <div className="sites-layout__list">
          <search aria-label={t('sites.list.filtersLabel')}>
            <form className="filters sites-filters" onSubmit={onSubmit}>
              <div className="field filters__search">
                <label htmlFor={ids.search}>{t('sites.list.searchLabel')}</label>
                <input
                  id={ids.search}
                  type="search"
                  value={search}
                  autoComplete="off"
                  placeholder={t('sites.list.searchPlaceholder')}
                  onChange={(event) => setSearch(event.target.value)}
                />
              </div>
              <FilterSelect
                label={t('sites.list.regionLabel')}
                value={region}
                allLabel={t('sites.list.allRegions')}
                options={regionOptions}
                onChange={(value) => filters.update({ region: value })}
              />
            </form>
          </search>
          <p className="result-count" role="status" aria-live="polite">
            {sites.data ? t('sites.list.count', { count: items.length }) : ''}
          </p>
          {sites.isPending ? <Loading /> : null}
          {sites.data && items.length === 0 ? (
            <div className="empty">
              <p className="empty__title">{t('sites.list.emptyTitle')}</p>
              <p>{q || region ? t('sites.list.emptyFiltered') : t('sites.list.emptyAll')}</p>
            </div>
          ) : null}

          {items.length > 0 ? (
            <>
              <p className="field__hint" id={ids.list}>
                {t('sites.list.selectHint', { max: MAX_COMPARE })}
              </p>
              <ol className="site-cards" aria-describedby={ids.list}>
                {numbered.map(({ site, number }) => (
                  <li
                    key={site.id}
                    onMouseEnter={() => setActiveId(site.id)}
                    onMouseLeave={() => setActiveId((current) => (current === site.id ? null : current))}
                    onFocus={() => setActiveId(site.id)}
                  >
                    <SiteCard
                      site={site}
                      number={number}
                      regionName={regionName(site.regionId)}
                      labels={labels}
                      selected={selected.includes(site.id)}
                      selectable={selected.includes(site.id) || selected.length < MAX_COMPARE}
                      onToggle={(on) => toggle(site.id, on)}
                    />
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </div>
      </div>

      {selected.length > 0 ? (
        <section className="compare-tray" aria-labelledby={ids.tray}>
          <h2 id={ids.tray} className="compare-tray__title">
            {t('sites.list.selected', { count: selected.length, max: MAX_COMPARE })}
          </h2>
          <p className="compare-tray__names">{selectedSites.map((s) => s.name).join(' · ')}</p>
          <div className="compare-tray__actions">
            {selected.length >= 2 ? (
              <button type="button" className="button" onClick={() => navigate(compareHref)}>
                {t('sites.list.compare', { count: selected.length })}
              </button>
            ) : (
              <p className="compare-tray__hint">{t('sites.list.selectOneMore')}</p>
            )}
            <button type="button" className="link-button" onClick={() => setSelected([])}>
              {t('sites.list.clearSelection')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

interface SiteCardProps {
  site: SiteSummary;
  number: number;
  regionName: string;
  labels: SiteLabels;
  selected: boolean;
  selectable: boolean;
  onToggle: (on: boolean) => void;
}

function SiteCard({ site, number, regionName, labels, selected, selectable, onToggle }: SiteCardProps) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const place = [site.municipality, regionName].filter(Boolean).join(' · ');
  const notPublished = <span className="muted">{t('sites.notPublished')}</span>;
  const land =
    site.availableAreaHa !== null
      ? site.totalAreaHa !== null
        ? t('sites.list.landOf', {
            available: labels.number(site.availableAreaHa),
            total: labels.number(site.totalAreaHa),
          })
        : labels.quantity(site.availableAreaHa, 'ha')
      : null;
  return (
    <article className={selected ? 'site-card is-selected' : 'site-card'}>
      <div className="site-card__head">
        <span className="site-card__number" aria-hidden="true">
          {number}
        </span>
        <div className="site-card__heading">
          <h2 className="site-card__title">
            <Link to={`/sites/${encodeURIComponent(site.id)}`}>{site.name}</Link>
          </h2>
          <p className="site-card__meta">
            <span className={`site-status site-status--${siteStatusOf(site.status)}`}>
              <StatusSymbol status={site.status} />
              {labels.status(site.status)}
            </span>
            {place ? <span>{place}</span> : null}
          </p>
        </div>
        <div className="site-card__select">
          <input
            id={checkboxId}
            type="checkbox"
            checked={selected}
            disabled={!selectable}
            aria-label={`${t('sites.list.compareCheckbox')}: ${site.name}`}
            onChange={(event) => onToggle(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('sites.list.compareCheckbox')}</label>
        </div>
      </div>
      <dl className="site-facts">
        <div>
          <dt>{t('sites.facts.availableLand')}</dt>
          <dd>{land ?? notPublished}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.fairwayDepth')}</dt>
          <dd>{labels.quantity(site.fairwayDepthM, 'm') ?? notPublished}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.rail')}</dt>
          <dd>
            {site.rail === null ? (
              notPublished
            ) : (
              <>
                <span aria-hidden="true" className={site.rail ? 'site-check' : 'site-cross'}>
                  {site.rail ? '✓' : '–'}
                </span>{' '}
                {labels.yesNo(site.rail)}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('sites.facts.permit')}</dt>
          <dd>{site.permitStatus === null ? notPublished : labels.permit(site.permitStatus)}</dd>
        </div>
      </dl>
      {site.utilityKinds.length > 0 ? (
        <ul className="chips site-card__utilities" aria-label={t('sites.facts.utilities')}>
          {site.utilityKinds.map((kind) => (
            <li key={kind} className="chip">
              {labels.utility(kind)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
