import { Fragment, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type CompareGroup, compareGroupOf, MAX_COMPARE, parseCompareKey, readIds } from './compare-rows.ts';
import { type SiteLabels, useSiteLabels } from './site-labels.ts';
import { type CompareRow, type CompareValue, useComparison, useSites } from './sites-api.ts';
import { SitesBreadcrumb } from './sites-nav.tsx';
import { StatusSymbol } from './status-symbol.tsx';
import './sites.css';

const GROUPS: CompareGroup[] = ['land', 'utilities', 'logistics', 'permits', 'community', 'other'];

export function SiteComparePage() {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const [params, setParams] = useSearchParams();
  const ids = readIds(params.get('ids'));
  const comparison = useComparison(ids);
  const all = useSites();
  const addId = useId();
  const rowLabel = useCompareRowLabel();

  function setIds(next: string[]) {
    setParams(next.length ? { ids: next.join(',') } : {}, { replace: true, preventScrollReset: true });
  }

  const grouped = useMemo(() => {
    const rows = comparison.data?.rows ?? [];
    return GROUPS.map((group) => ({
      group,
      rows: rows.filter((row) => compareGroupOf(row.key) === group),
    })).filter((g) => g.rows.length > 0);
  }, [comparison.data]);
  // Whether a site offers the utility of a capacity or price row at all (its "utility.kind" row).
  const offered = (key: string, index: number) => {
    const { utility } = parseCompareKey(key);
    if (!utility) return true;
    const row = comparison.data?.rows.find((r) => r.key === `utility.${utility}`);
    return row ? row.values[index] !== false : true;
  };
  const others = (all.data?.items ?? []).filter((site) => !ids.includes(site.id));
  const sites = comparison.data?.sites ?? [];

  return (
    <>
      <SitesBreadcrumb current={t('sites.compare.title')} />
      <PageHeading
        title={t('sites.compare.title')}
        eyebrow={t('modules.sites.title')}
        lead={t('sites.compare.lead')}
      />

      <div className="compare-actions">
        {sites.length >= 2 ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('sites.compare.print')}
          </button>
        ) : null}
        {ids.length < MAX_COMPARE && others.length > 0 ? (
          <div className="form--inline compare-add">
            <div className="field">
              <label htmlFor={addId}>{t('sites.compare.add')}</label>
              <select
                id={addId}
                value=""
                onChange={(event) => {
                  if (event.target.value) setIds([...ids, event.target.value]);
                }}
              >
                <option value="">{t('sites.compare.choose')}</option>
                {others.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        <Link to={ids.length ? `/sites?select=${ids.map(encodeURIComponent).join(',')}` : '/sites'}>
          {t('sites.compare.backToList')}
        </Link>
      </div>

      {ids.length < 2 ? (
        <div className="empty">
          <p className="empty__title">{t('sites.compare.tooFewTitle')}</p>
          <p>{t('sites.compare.tooFew', { max: MAX_COMPARE })}</p>
          <p>
            <Link to="/sites">{t('sites.compare.pick')}</Link>
          </p>
        </div>
      ) : null}
      {comparison.isPending && ids.length >= 2 ? <Loading /> : null}
      {comparison.isError ? <ErrorMessage error={comparison.error} /> : null}

      {sites.length >= 2 ? (
        <div className="table-wrap">
          <table className="table compare-table">
            <caption className="visually-hidden">
              {t('sites.compare.caption', { sites: sites.map((s) => s.name).join(', ') })}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('sites.compare.property')}</span>
                </th>
                {sites.map((site) => (
                  <th scope="col" key={site.id}>
                    <Link to={`/sites/${encodeURIComponent(site.id)}`}>{site.name}</Link>
                    <span className="compare-table__unit">
                      <StatusSymbol status={site.status} />
                      {labels.status(site.status)}
                      {site.municipality ? ` · ${site.municipality}` : ''}
                    </span>
                    {sites.length > 2 ? (
                      <button
                        type="button"
                        className="link-button compare-remove"
                        onClick={() => setIds(ids.filter((id) => id !== site.id))}
                      >
                        {t('sites.compare.remove')}
                        <span className="visually-hidden"> {site.name}</span>
                      </button>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grouped.map(({ group, rows }) => (
                <Fragment key={group}>
                  <tr className="compare-group">
                    <th scope="colgroup" colSpan={sites.length + 1}>
                      {t(`sites.compare.groups.${group}`)}
                    </th>
                  </tr>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{rowLabel(row.key)}</th>
                      {row.values.map((value, index) => (
                        <CompareCell
                          key={sites[index]?.id ?? index}
                          row={row}
                          value={value}
                          best={row.best.includes(index)}
                          offered={offered(row.key, index)}
                          labels={labels}
                        />
                      ))}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {sites.length >= 2 ? <p className="field__hint">{t('sites.compare.bestNote')}</p> : null}
    </>
  );
}

function CompareCell({
  row,
  value,
  best,
  offered,
  labels,
}: {
  row: CompareRow;
  value: CompareValue;
  best: boolean;
  /** False when the site does not offer the row's utility at all. */
  offered: boolean;
  labels: SiteLabels;
}) {
  const { t } = useTranslation();
  const parsed = parseCompareKey(row.key);
  let shown: string;
  if (value === null) shown = offered ? t('sites.notPublished') : t('sites.compare.notOffered');
  else if (typeof value === 'boolean') shown = `${value ? '✓' : '–'} ${labels.yesNo(value)}`;
  else if (typeof value === 'number') shown = labels.quantity(value, row.unit) ?? '';
  else if (parsed.known === 'permitStatus') shown = labels.permit(value);
  else if (parsed.known === 'status') shown = labels.status(value);
  else shown = value;
  return (
    <td className={best ? 'is-best' : value === null ? 'is-missing' : undefined}>
      {shown}
      {best ? ' ' : null}
      {best ? (
        <span className="best-mark">
          <span aria-hidden="true">★</span> {t('sites.compare.best')}
        </span>
      ) : null}
    </td>
  );
}

function useCompareRowLabel() {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  return (key: string): string => {
    const parsed = parseCompareKey(key);
    if (parsed.utility) {
      const utility = labels.utility(parsed.utility);
      if (parsed.measure === 'offered') return t('sites.compare.offered', { utility });
      return `${utility}: ${parsed.measure === 'price' ? t('sites.compare.price') : t('sites.compare.capacity')}`;
    }
    return parsed.known ? t(`sites.compare.rows.${parsed.known}`) : key;
  };
}
