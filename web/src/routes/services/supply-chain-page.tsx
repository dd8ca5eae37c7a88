import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, pickText, useLocale } from '../../locale.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { SitesNav } from '../sites/sites-nav.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { ChainGraph } from './chain-graph.tsx';
import { type ChainLink, useServiceCategories, useSupplyChain } from './services-api.ts';
import './services.css';

export function SupplyChainPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const filters = useUrlFilters(['organisation', 'category'] as const);
  const { organisation, category } = filters.values;
  const everything = useSupplyChain({});
  const chain = useSupplyChain({
    organisation: organisation || undefined,
    category: category || undefined,
  });
  const categories = useServiceCategories();
  const ids = { table: useId() };

  const organisationOptions = useMemo(
    () =>
      (everything.data?.nodes ?? [])
        .map((node) => ({ value: node.id, label: node.name }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
    [everything.data, locale],
  );
  const categoryOptions = (categories.data ?? []).map((c) => ({
    value: c.key,
    label: pickLabel(c.label, locale.language),
  }));
  const categoryLabel = (key: string | null) => {
    if (!key) return '';
    const found = categories.data?.find((c) => c.key === key);
    return found ? pickLabel(found.label, locale.language) : key.replaceAll('_', ' ');
  };
  const linkText = (link: ChainLink) =>
    pickText(link.what, locale.language)?.text ?? categoryLabel(link.category);
  const data = chain.data;
  const nameOf = new Map((data?.nodes ?? []).map((n) => [n.id, n.name]));
  const focusName = organisationOptions.find((n) => n.value === organisation)?.label ?? organisation;
  const sortedLinks = [...(data?.links ?? [])].sort(
    (a, b) =>
      locale.collator.compare(nameOf.get(a.supplierId) ?? '', nameOf.get(b.supplierId) ?? '') ||
      locale.collator.compare(nameOf.get(a.customerId) ?? '', nameOf.get(b.customerId) ?? ''),
  );

  return (
    <>
      <SitesNav />
      <PageHeading
        title={t('services.chain.title')}
        eyebrow={t('modules.sites.title')}
        lead={t('services.chain.lead')}
      />

      <search aria-label={t('services.chain.filtersLabel')}>
        <form className="filters chain-filters" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            label={t('services.chain.organisationLabel')}
            value={organisation}
            allLabel={t('services.chain.allOrganisations')}
            options={organisationOptions}
            onChange={(value) => filters.update({ organisation: value })}
          />
          <FilterSelect
            label={t('services.categoryLabel')}
            value={category}
            allLabel={t('services.allCategories')}
            options={categoryOptions}
            onChange={(value) => filters.update({ category: value })}
          />
        </form>
      </search>

      {organisation ? (
        <div className="active-filters">
          <p className="chip chip--filter">
            <span>
              {t('services.chain.focus')}: {focusName}
            </span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('services.chain.removeFocus', { name: focusName })}
              onClick={() => filters.update({ organisation: '' })}
            >
              <span aria-hidden="true">×</span>
            </button>
          </p>
          <Link to={`/organisations/${encodeURIComponent(organisation)}`}>
            {t('services.chain.profileLink', { name: focusName })}
          </Link>
        </div>
      ) : null}

      <p className="result-count" role="status" aria-live="polite">
        {data
          ? t('services.chain.count', { count: data.links.length, organisations: data.nodes.length })
          : ''}
      </p>
      {chain.isPending ? <Loading /> : null}
      {chain.isError ? <ErrorMessage error={chain.error} /> : null}
      {data && data.links.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('services.chain.emptyTitle')}</p>
          <p>{t('services.chain.empty')}</p>
        </div>
      ) : null}

      {data && data.links.length > 0 ? (
        <>
          <figure className="chain-figure">
            <ChainGraph nodes={data.nodes} links={data.links} focusId={organisation} linkText={linkText} />
            <figcaption className="field__hint">{t('services.chain.caption')}</figcaption>
          </figure>

          <section aria-labelledby={ids.table}>
            <h2 id={ids.table}>{t('services.chain.tableTitle')}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('services.chain.supplier')}</th>
                    <th scope="col">{t('services.chain.customer')}</th>
                    <th scope="col">{t('services.chain.what')}</th>
                    <th scope="col">{t('services.categoryLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sortedLinks.map((link) => (
                    <tr key={link.id}>
                      <td>
                        <Link to={`/organisations/${encodeURIComponent(link.supplierId)}`}>
                          {nameOf.get(link.supplierId) ?? link.supplierId}
                        </Link>
                      </td>
                      <td>
                        <Link to={`/organisations/${encodeURIComponent(link.customerId)}`}>
                          {nameOf.get(link.customerId) ?? link.customerId}
                        </Link>
                      </td>
                      <td>{pickText(link.what, locale.language)?.text ?? ''}</td>
                      <td>{categoryLabel(link.category)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
