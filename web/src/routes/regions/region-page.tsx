import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ChartEntry } from '../../components/charts/specialisation-chart.tsx';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type Locale, pickLabel, pickText, useLocale } from '../../locale.ts';
import { useOrganisations } from '../../queries.ts';
import {
  type RegionDetail,
  type SpecialisationEntry,
  useEcosystemMap,
  useRegion,
  useSpecialisation,
} from './ecosystem-api.ts';
import './region-page.css';

// Observable Plot (and d3 under it) load only when a region page draws its chart.
const SpecialisationChart = lazy(() => import('../../components/charts/specialisation-chart.tsx'));
const EcosystemMap = lazy(() => import('../../components/map/ecosystem-map.tsx'));

/** Bars in the chart: the highest LQs, and every stated concept wherever it ranks. */
const CHART_TOP = 18;
const LIST_LIMIT = 100;

export function RegionPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const region = useRegion(id);

  if (region.isPending) return <Loading />;
  if (region.isError) {
    const missing = region.error && 'status' in region.error && region.error.status === 404;
    return missing ? (
      <article className="prose">
        <PageHeading title={t('regions.notFoundTitle')} />
        <p>{t('regions.notFoundText')}</p>
        <p>
          <Link to="/map">{t('regions.backToMap')}</Link>
        </p>
      </article>
    ) : (
      <ErrorMessage error={region.error} />
    );
  }
  return <RegionProfile region={region.data} locale={locale} />;
}

function RegionProfile({ region, locale }: { region: RegionDetail; locale: Locale }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const level = params.get('level') === '1' ? 1 : 2;
  const index = useSpecialisation(region.id, level);
  const map = useEcosystemMap();
  const organisations = useOrganisations({ region: region.id, page: 1, pageSize: LIST_LIMIT });
  const typeLabel = useOrganisationTypeLabel();
  const ids = { stated: useId(), index: useId(), orgs: useId(), level: useId(), facts: useId() };

  const name = pickLabel(region.name, locale.language);
  // Labels come with the API answers: the stated concepts with the region, the rest with the index.
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of region.specialisation.concepts) map.set(c.id, pickLabel(c.labels, locale.language));
    for (const e of index.data ?? []) map.set(e.conceptId, pickLabel(e.labels, locale.language));
    return map;
  }, [region, index.data, locale.language]);
  const label = (conceptId: string) => labels.get(conceptId) ?? conceptId;
  const stated = pickText(region.specialisation.stated, locale.language);
  const municipalityName = (m: { name: { fi: string; sv: string } }) =>
    locale.language === 'sv' ? m.name.sv : m.name.fi;
  const listHref = `/organisations?region=${encodeURIComponent(region.id)}`;

  const lqFormat = useMemo(
    () =>
      new Intl.NumberFormat(
        locale.language === 'sv' ? 'sv-FI' : locale.language === 'fi' ? 'fi-FI' : 'en-GB',
        {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        },
      ),
    [locale.language],
  );
  const formatLq = useCallback((lq: number) => lqFormat.format(lq), [lqFormat]);
  const barText = useCallback((e: ChartEntry) => `${lqFormat.format(e.lq)} (${e.count})`, [lqFormat]);

  // Shown: what the region has, and what it says it specialises in.
  const relevant = useMemo(() => (index.data ?? []).filter((e) => e.count > 0 || e.stated), [index.data]);
  const chartEntries: ChartEntry[] = useMemo(() => {
    // Counts of 3 or more first, then the few-data ones: a single organisation in a small region
    // can give the highest LQ of all, and the chart must not lead with it.
    const withLq = relevant.filter((e): e is SpecialisationEntry & { lq: number } => e.lq !== null);
    const ranked = [...withLq.filter((e) => !e.fewData), ...withLq.filter((e) => e.fewData)];
    const top = ranked.slice(0, CHART_TOP);
    const rest = ranked.slice(CHART_TOP).filter((e) => e.stated);
    return [...top, ...rest].map((e) => ({
      conceptId: e.conceptId,
      label: labels.get(e.conceptId) ?? e.conceptId,
      lq: e.lq,
      count: e.count,
      stated: e.stated,
      fewData: e.fewData,
    }));
  }, [relevant, labels]);
  const reliable = chartEntries.filter((e) => !e.fewData);
  const captionList = (reliable.length ? reliable : chartEntries)
    .slice(0, 3)
    .map((e) => t('regions.chartCaptionItem', { concept: e.label, lq: formatLq(e.lq), count: e.count }))
    .join('; ');
  const caption = reliable.length
    ? t('regions.chartCaption', { list: captionList })
    : t('regions.chartCaptionFew', { list: captionList });
  const missing = relevant.filter((e) => e.stated && e.count === 0);

  return (
    <>
      <nav className="breadcrumb" aria-label={t('regions.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('regions.home')}</Link>
          </li>
          <li>
            <Link to="/map">{t('regions.mapTitle')}</Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <PageHeading
        title={name}
        eyebrow={t('regions.regionEyebrow')}
        lead={`${pickLabel(region.maakunta.name, locale.language)} · ${region.nuts3}`}
      />

      <div className="region-layout">
        <div className="region-layout__main">
          <section aria-labelledby={ids.stated} className="region-stated">
            <h2 id={ids.stated}>{t('regions.statedTitle')}</h2>
            {stated ? (
              <>
                {stated.isFallback ? (
                  <p className="language-note">
                    {t('regions.statedOnlyIn', { language: t(`language.names.${stated.language}`) })}
                  </p>
                ) : null}
                <p className="region-stated__text" lang={stated.isFallback ? stated.language : undefined}>
                  {stated.text}
                </p>
              </>
            ) : (
              <p className="muted">{t('regions.noStated')}</p>
            )}
            {region.specialisation.conceptIds.length > 0 ? (
              <ul className="chips" aria-label={t('regions.statedConcepts')}>
                {region.specialisation.conceptIds.map((conceptId) => (
                  <li key={conceptId} className="chip chip--stated">
                    <Link className="chip__link" to={`${listHref}&concept=${encodeURIComponent(conceptId)}`}>
                      {label(conceptId)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby={ids.index} className="region-index">
            <div className="section__header">
              <h2 id={ids.index}>{t('regions.indexTitle')}</h2>
              <fieldset className="segmented">
                <legend className="visually-hidden">{t('regions.indexLevel')}</legend>
                {[1, 2].map((value) => (
                  <label key={value} className="segmented__option">
                    <input
                      type="radio"
                      name={ids.level}
                      checked={level === value}
                      onChange={() =>
                        setParams(
                          (current) => {
                            const next = new URLSearchParams(current);
                            if (value === 2) next.delete('level');
                            else next.set('level', '1');
                            return next;
                          },
                          { replace: true, preventScrollReset: true },
                        )
                      }
                    />
                    <span>{value === 1 ? t('regions.indexLevel1') : t('regions.indexLevel2')}</span>
                  </label>
                ))}
              </fieldset>
            </div>
            <p className="section__intro">{t('regions.indexIntro')}</p>

            {index.isPending ? <Loading /> : null}
            {index.isError ? <ErrorMessage error={index.error} /> : null}
            {index.data && chartEntries.length === 0 ? (
              <p className="empty">{t('regions.chartEmpty')}</p>
            ) : null}
            {chartEntries.length > 0 ? (
              <figure className="region-chart">
                <ul className="chart-legend" aria-hidden="true">
                  <li>
                    <span className="chart-legend__bar chart-legend__bar--stated" />
                    {t('regions.legendStated')}
                  </li>
                  <li>
                    <span className="chart-legend__bar" />
                    {t('regions.legendOther')}
                  </li>
                  <li>
                    <span className="chart-legend__bar chart-legend__bar--few" />
                    {t('regions.legendFewData')}
                  </li>
                  <li>
                    <span className="chart-legend__rule" />
                    {t('regions.legendNetwork')}
                  </li>
                  <li>{t('regions.legendCount')}</li>
                </ul>
                <Suspense fallback={<Loading label={t('regions.loadingChart')} />}>
                  <SpecialisationChart entries={chartEntries} formatLq={formatLq} barText={barText} />
                </Suspense>
                <figcaption className="region-chart__caption">
                  <p className="region-chart__summary">{caption}</p>
                  <p className="muted">{t('regions.chartShown')}</p>
                </figcaption>
              </figure>
            ) : null}

            {relevant.length > 0 ? (
              <details className="region-table">
                <summary>{t('regions.tableSummary')}</summary>
                {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
                <section className="table-wrap" tabIndex={0} aria-label={t('regions.tableSummary')}>
                  <table className="table index-table">
                    <caption className="visually-hidden">
                      {t('regions.tableCaption', { region: name })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('regions.colConcept')}</th>
                        <th scope="col" className="num">
                          {t('regions.colCount')}
                        </th>
                        <th scope="col" className="num">
                          {t('regions.colNetworkCount')}
                        </th>
                        <th scope="col" className="num">
                          {t('regions.colLq')}
                        </th>
                        <th scope="col">{t('regions.colNote')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {relevant.map((e) => (
                        <tr key={e.conceptId} className={e.level === 1 ? 'index-table__stage' : undefined}>
                          <th scope="row">
                            {label(e.conceptId)}
                            {e.level > 1 && e.parentId ? (
                              <span className="index-table__parent">{label(e.parentId)}</span>
                            ) : null}
                          </th>
                          <td className="num">{locale.formatNumber(e.count)}</td>
                          <td className="num">{locale.formatNumber(e.networkCount)}</td>
                          <td className="num">{e.lq === null ? '–' : formatLq(e.lq)}</td>
                          <td>
                            {[
                              e.stated ? t('regions.stated') : null,
                              e.count > 0 && e.fewData ? t('regions.fewData') : null,
                              e.lq === null ? t('regions.notInNetwork') : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </details>
            ) : null}
            {missing.length > 0 ? (
              <p className="notice notice--info region-missing">
                {t('regions.statedMissing')}: {missing.map((e) => label(e.conceptId)).join(', ')}
              </p>
            ) : null}
          </section>

          <section aria-labelledby={ids.orgs}>
            <h2 id={ids.orgs}>{t('regions.regionOrganisationsTitle')}</h2>
            {organisations.isPending ? <Loading /> : null}
            {organisations.isError ? <ErrorMessage error={organisations.error} /> : null}
            {organisations.data && organisations.data.total === 0 ? (
              <p className="muted">{t('regions.noOrganisations')}</p>
            ) : null}
            {organisations.data && organisations.data.items.length > 0 ? (
              <>
                <ul className="region-orgs">
                  {organisations.data.items.map((o) => (
                    <li key={o.id}>
                      <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                      <span className="region-orgs__meta">
                        {[typeLabel(o.type), o.municipality].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to={listHref}>
                    {t('regions.showAll', {
                      count: organisations.data.total,
                      formatted: locale.formatNumber(organisations.data.total),
                    })}
                  </Link>
                </p>
              </>
            ) : null}
          </section>
        </div>

        <aside className="region-layout__facts" aria-labelledby={ids.facts}>
          <div className="card">
            <h2 id={ids.facts} className="visually-hidden">
              {t('regions.facts')}
            </h2>
            <dl className="facts">
              <dt>{t('regions.maakunta')}</dt>
              <dd>
                {pickLabel(region.maakunta.name, locale.language)} ({region.maakunta.code})
              </dd>
              <dt>{t('regions.nuts')}</dt>
              <dd>{region.nuts3}</dd>
              <dt>{t('regions.municipalities')}</dt>
              <dd>
                {region.municipalities.map(municipalityName).join(', ')}
                <span className="facts__note">{t('regions.municipalitiesNote')}</span>
              </dd>
              <dt>{t('regions.organisations')}</dt>
              <dd>
                <Link to={listHref}>
                  {t('regions.showList', {
                    count: region.organisationCount,
                    formatted: locale.formatNumber(region.organisationCount),
                  })}
                </Link>
              </dd>
            </dl>
            {map.data ? (
              <figure className="region-locator">
                <Suspense fallback={null}>
                  <EcosystemMap data={map.data} language={locale.language} highlight={region.id} />
                </Suspense>
                <figcaption className="muted">{t('regions.locatorCaption', { region: name })}</figcaption>
              </figure>
            ) : null}
          </div>
        </aside>
      </div>
    </>
  );
}
