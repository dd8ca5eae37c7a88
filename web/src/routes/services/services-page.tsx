import { type FormEvent, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, pickText, useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts } from '../../queries.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { SitesNav } from '../sites/sites-nav.tsx';
import { useRegionOptions } from '../sites/use-region-options.ts';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { type ServiceOffering, useServiceCategories, useServices } from './services-api.ts';
import './services.css';

export function ServicesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const filters = useUrlFilters(['category', 'region', 'concept'] as const);
  const { category, region, concept } = filters.values;
  const services = useServices({
    q: filters.q || undefined,
    category: category || undefined,
    region: region || undefined,
    concept: concept || undefined,
  });
  const categories = useServiceCategories();
  const concepts = useConcepts();
  const conceptIndex = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const { regionName, regionOptions } = useRegionOptions();
  const ids = { search: useId() };

  const categoryLabel = useMemo(() => {
    const labels = new Map((categories.data ?? []).map((c) => [c.key, pickLabel(c.label, locale.language)]));
    return (key: string) => labels.get(key) ?? key.replaceAll('_', ' ');
  }, [categories.data, locale.language]);
  const categoryOptions = useMemo(
    () =>
      (categories.data ?? [])
        .map((c) => ({ value: c.key, label: pickLabel(c.label, locale.language) }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
    [categories.data, locale],
  );
  // The value-chain stages (level 1) as the concept filter.
  const stageOptions = (concepts.data ?? [])
    .filter((c) => c.level === 1)
    .map((c) => ({ value: c.id, label: pickLabel(c.labels, locale.language) }));
  const conceptLabel = (id: string) => {
    const found = conceptIndex.get(id);
    return found ? pickLabel(found.labels, locale.language) : id;
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    filters.submitSearch();
  }

  const items = services.data ?? [];
  return (
    <>
      <SitesNav />
      <PageHeading title={t('services.title')} eyebrow={t('modules.sites.title')} lead={t('services.lead')} />
      <p>
        <Link to="/services/chain">{t('services.chainLink')}</Link>
      </p>

      <search aria-label={t('services.filtersLabel')}>
        <form className="filters services-filters" onSubmit={onSubmit}>
          <div className="field filters__search">
            <label htmlFor={ids.search}>{t('services.searchLabel')}</label>
            <input
              id={ids.search}
              type="search"
              value={filters.search}
              autoComplete="off"
              placeholder={t('services.searchPlaceholder')}
              onChange={(event) => filters.setSearch(event.target.value)}
            />
          </div>
          <FilterSelect
            label={t('services.categoryLabel')}
            value={category}
            allLabel={t('services.allCategories')}
            options={categoryOptions}
            onChange={(value) => filters.update({ category: value })}
          />
          <FilterSelect
            label={t('services.regionLabel')}
            value={region}
            allLabel={t('services.allRegions')}
            options={regionOptions}
            onChange={(value) => filters.update({ region: value })}
          />
          <FilterSelect
            label={t('services.stageLabel')}
            value={concept}
            allLabel={t('services.allStages')}
            options={stageOptions}
            labelOf={conceptLabel}
            onChange={(value) => filters.update({ concept: value })}
          />
        </form>
      </search>

      {filters.active ? (
        <div className="active-filters">
          <button type="button" className="link-button" onClick={filters.clear}>
            {t('services.clearFilters')}
          </button>
        </div>
      ) : null}

      <p className="result-count" role="status" aria-live="polite">
        {services.data ? t('services.count', { count: items.length }) : ''}
      </p>
      {services.isPending ? <Loading /> : null}
      {services.isError ? <ErrorMessage error={services.error} /> : null}
      {services.data && items.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('services.emptyTitle')}</p>
          <p>{filters.active ? t('services.emptyFiltered') : t('services.emptyAll')}</p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="service-grid" aria-busy={services.isFetching}>
          {items.map((service) => (
            <li key={service.id}>
              <ServiceCard
                service={service}
                categoryLabel={categoryLabel(service.category)}
                regionName={regionName}
                conceptLabel={conceptLabel}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ServiceCard({
  service,
  categoryLabel,
  regionName,
  conceptLabel,
}: {
  service: ServiceOffering;
  categoryLabel: string;
  regionName: (id: string | null) => string;
  conceptLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const description = pickText(service.description, locale.language);
  const served = service.regionIds.map(regionName).filter(Boolean);
  return (
    <article className="service-card">
      <p className="service-card__category">{categoryLabel}</p>
      <h2 className="service-card__title">
        <Link to={`/organisations/${encodeURIComponent(service.organisationId)}`}>
          {service.organisationName}
        </Link>
      </h2>
      {service.organisationRegionId ? (
        <p className="service-card__meta">{regionName(service.organisationRegionId)}</p>
      ) : null}
      {description ? (
        <p className="service-card__text" lang={description.isFallback ? description.language : undefined}>
          {description.text}
        </p>
      ) : null}
      {served.length > 0 ? (
        <p className="service-card__served">
          <span className="service-card__label">{t('services.serves')}</span> {served.join(', ')}
        </p>
      ) : null}
      {service.conceptIds.length > 0 ? (
        <ul className="chips" aria-label={t('services.stages')}>
          {service.conceptIds.slice(0, 4).map((id) => (
            <li key={id} className="chip">
              {conceptLabel(id)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="service-card__chain">
        <Link
          to={`/services/chain?organisation=${encodeURIComponent(service.organisationId)}`}
          aria-label={`${t('services.showChain')}: ${service.organisationName}`}
        >
          {t('services.showChain')}
        </Link>
      </p>
    </article>
  );
}
