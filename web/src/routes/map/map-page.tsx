import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STAGE_COLOURS, stageColour } from '../../components/map/stage-colours.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import {
  type EcosystemMapData,
  type MapPoint,
  useEcosystemMap,
  useMatrix,
} from '../regions/ecosystem-api.ts';
import { MatrixTable } from './matrix-table.tsx';
import './map-page.css';

// d3-geo, topojson-client and the geometry load only with the map itself.
const EcosystemMap = lazy(() => import('../../components/map/ecosystem-map.tsx'));

type ListedPoint = MapPoint & { regionId: string | null };

function allPoints(data: EcosystemMapData): ListedPoint[] {
  return [
    ...data.regions.flatMap((r) => r.organisations.map((o) => ({ ...o, regionId: r.id as string | null }))),
    ...data.outside.map((o) => ({ ...o, regionId: null })),
  ];
}

export function MapPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const map = useEcosystemMap();
  const matrix = useMatrix(1);
  const ids = { filter: useId(), hint: useId(), caption: useId(), matrix: useId() };

  // The matrix rows are the value-chain stages with their labels, in taxonomy order.
  const stages = matrix.data?.rows ?? [];
  const stageLabel = useMemo(() => {
    const labels = new Map(
      (matrix.data?.rows ?? []).map((r) => [r.conceptId, pickLabel(r.labels, locale.language)]),
    );
    return (id: string) => labels.get(id) ?? id;
  }, [matrix.data, locale.language]);

  const points = useMemo(() => (map.data ? allPoints(map.data) : []), [map.data]);
  const requested = params.get('stage') ?? '';
  const stage = stages.some((s) => s.conceptId === requested) ? requested : '';
  const matches = (p: MapPoint) => !stage || p.stages.includes(stage);
  const shown = points.filter(matches);
  const regionName = (id: string | null) => {
    const region = map.data?.regions.find((r) => r.id === id);
    return region ? pickLabel(region.name, locale.language) : t('regions.outsideRegions');
  };

  function chooseStage(next: string) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('stage', next);
        else updated.delete('stage');
        return updated;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  const countFor = (stageId: string) => points.filter((p) => p.stages.includes(stageId)).length;
  const sortedList = [...shown].sort(
    (a, b) =>
      locale.collator.compare(regionName(a.regionId), regionName(b.regionId)) ||
      locale.collator.compare(a.name, b.name),
  );

  return (
    <>
      <nav className="breadcrumb" aria-label={t('regions.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('regions.home')}</Link>
          </li>
          <li>
            <Link to="/organisations">{t('modules.organisations.title')}</Link>
          </li>
          <li aria-current="page">{t('regions.mapTitle')}</li>
        </ol>
      </nav>
      <PageHeading
        title={t('regions.mapTitle')}
        eyebrow={t('modules.organisations.title')}
        lead={t('regions.mapLead')}
      />

      {map.isError ? <ErrorMessage error={map.error} /> : null}

      <div className="eco-layout">
        <figure className="eco-layout__map">
          {/* The frame keeps the map's shape while it loads, so nothing below jumps. */}
          <div className="eco-map-frame">
            {map.data ? (
              <Suspense fallback={<Loading label={t('regions.loadingMap')} />}>
                <EcosystemMap
                  data={map.data}
                  language={locale.language}
                  stage={stage}
                  label={t('regions.mapLabel')}
                  regionLabel={(region) => {
                    const count = shown.filter((p) => p.regionId === region.id).length;
                    return t('regions.regionLink', {
                      region: pickLabel(region.name, locale.language),
                      count,
                      formatted: locale.formatNumber(count),
                    });
                  }}
                />
              </Suspense>
            ) : map.isPending ? (
              <Loading label={t('regions.loadingMap')} />
            ) : null}
          </div>
          <figcaption id={ids.caption} className="eco-layout__caption">
            <p>{t('regions.mapCaption')}</p>
            <p className="eco-layout__source">{t('regions.mapSource')}</p>
          </figcaption>
        </figure>

        <div className="eco-layout__side">
          {map.data && matrix.data ? (
            <>
              <fieldset className="stage-filter" aria-describedby={ids.hint}>
                <legend>{t('regions.stageFilter')}</legend>
                <p id={ids.hint} className="field__hint">
                  {t('regions.stageFilterHint')}
                </p>
                <ul>
                  <li>
                    <label className="stage-filter__option">
                      <input
                        type="radio"
                        name={ids.filter}
                        value=""
                        checked={stage === ''}
                        onChange={() => chooseStage('')}
                      />
                      <span className="stage-swatch stage-swatch--all" aria-hidden="true" />
                      <span className="stage-filter__label">{t('regions.allStages')}</span>
                      <span className="stage-filter__count">{locale.formatNumber(points.length)}</span>
                    </label>
                  </li>
                  {stages.map(({ conceptId: id }) => {
                    const count = countFor(id);
                    return (
                      <li key={id}>
                        <label className={count ? 'stage-filter__option' : 'stage-filter__option is-empty'}>
                          <input
                            type="radio"
                            name={ids.filter}
                            value={id}
                            checked={stage === id}
                            onChange={() => chooseStage(id)}
                          />
                          <span
                            className="stage-swatch"
                            style={{ background: STAGE_COLOURS[id] ?? stageColour(undefined) }}
                            aria-hidden="true"
                          />
                          <span className="stage-filter__label">{stageLabel(id)}</span>
                          <span className="stage-filter__count">{locale.formatNumber(count)}</span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
                <p className="stage-filter__none">
                  <span
                    className="stage-swatch"
                    style={{ background: stageColour(undefined) }}
                    aria-hidden="true"
                  />
                  {t('regions.noStage')}
                </p>
              </fieldset>

              <section className="region-counts" aria-labelledby={`${ids.filter}-regions`}>
                <h2 id={`${ids.filter}-regions`}>{t('regions.regionsTitle')}</h2>
                {stage ? <p className="field__hint">{t('regions.regionsHint')}</p> : null}
                <ul>
                  {(map.data?.regions ?? []).map((region) => {
                    const count = shown.filter((p) => p.regionId === region.id).length;
                    return (
                      <li key={region.id}>
                        <Link to={`/regions/${encodeURIComponent(region.id)}`}>
                          {pickLabel(region.name, locale.language)}
                        </Link>
                        <span className="region-counts__n">
                          {t('regions.organisationCount', { count, formatted: locale.formatNumber(count) })}
                        </span>
                      </li>
                    );
                  })}
                  {map.data && map.data.outside.length > 0 ? (
                    <li className="region-counts__outside">
                      <span>{t('regions.outsideRegions')}</span>
                      <span className="region-counts__n">
                        {t('regions.organisationCount', {
                          count: shown.filter((p) => p.regionId === null).length,
                          formatted: locale.formatNumber(shown.filter((p) => p.regionId === null).length),
                        })}
                      </span>
                    </li>
                  ) : null}
                </ul>
                {map.data && map.data.unplaced > 0 ? (
                  <p className="field__hint">
                    {t('regions.unplaced', {
                      count: map.data.unplaced,
                      formatted: locale.formatNumber(map.data.unplaced),
                    })}
                  </p>
                ) : null}
              </section>
            </>
          ) : null}
        </div>
      </div>

      {map.data ? (
        <details className="eco-list">
          <summary>
            {t('regions.listSummary', { count: shown.length, formatted: locale.formatNumber(shown.length) })}
          </summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('regions.colOrganisation')}</th>
                  <th scope="col">{t('regions.colMunicipality')}</th>
                  <th scope="col">{t('regions.colRegion')}</th>
                  <th scope="col">{t('regions.colStages')}</th>
                </tr>
              </thead>
              <tbody>
                {sortedList.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/organisations/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                    </td>
                    <td>
                      {p.municipality.name[locale.language === 'sv' ? 'sv' : 'fi']}
                      {p.placedBy === 'region' ? (
                        <span className="muted"> ({t('regions.placedByRegion')})</span>
                      ) : null}
                    </td>
                    <td>{regionName(p.regionId)}</td>
                    <td>
                      {p.stages.length ? (
                        <ul className="stage-list">
                          {p.stages.map((id) => (
                            <li key={id}>
                              <span
                                className="stage-swatch"
                                style={{ background: stageColour(id) }}
                                aria-hidden="true"
                              />
                              {stageLabel(id)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t('regions.noStage')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}

      <section className="section" aria-labelledby={ids.matrix}>
        <h2 id={ids.matrix}>{t('regions.matrixTitle')}</h2>
        <p className="section__intro">{t('regions.matrixIntro')}</p>
        {matrix.isPending ? <Loading /> : null}
        {matrix.isError ? <ErrorMessage error={matrix.error} /> : null}
        {matrix.data ? <MatrixTable matrix={matrix.data} locale={locale} /> : null}
        {matrix.data ? <p className="field__hint matrix-scale">{t('regions.matrixScale')}</p> : null}
      </section>
    </>
  );
}
