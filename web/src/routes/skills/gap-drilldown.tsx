// The details of one heatmap cell: its figures (or why they are suppressed), the same cell by
// region and by horizon, and its trend across survey rounds.
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/status.tsx';
import type { ColumnDimension, HeatCell } from './gap-grid.ts';
import {
  type GapDimension,
  type GapQuery,
  type Horizon,
  MIN_EMPLOYERS,
  useGaps,
  useTrend,
} from './skills-api.ts';
import type { SkillsLabels } from './skills-labels.ts';
import { FiguresTable } from './figures-table.tsx';

const GapTrendChart = lazy(() => import('./gap-trend-chart.tsx'));

interface GapDrilldownProps {
  cell: HeatCell;
  column: ColumnDimension;
  /** The heatmap's query: its round and the filters every cell shares. */
  query: GapQuery;
  labels: SkillsLabels;
  onClose: () => void;
}

/** The filters that name exactly this cell. */
function cellFilter(cell: HeatCell, column: ColumnDimension, query: GapQuery): GapQuery {
  const { groupBy: _ignored, ...shared } = query;
  return {
    ...shared,
    role: cell.roleId,
    ...(column === 'eqf' ? { eqf: Number(cell.column) } : {}),
    ...(column === 'region' ? { region: cell.column } : {}),
    ...(column === 'horizon' ? { horizon: cell.column as Horizon } : {}),
  };
}

export function GapDrilldown({ cell, column, query, labels, onClose }: GapDrilldownProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const filter = cellFilter(cell, column, query);
  const row = cell.row;
  const place = [
    labels.role(cell.roleId),
    filter.eqf ? labels.eqf(filter.eqf) : t('skills.gaps.allLevels'),
    labels.region(filter.region ?? null),
    labels.horizon(filter.horizon ?? null),
  ];

  return (
    <section className="gap-detail" aria-labelledby={headingId}>
      <div className="gap-detail__head">
        <h3 id={headingId} className="gap-detail__title">
          {place[0]}
          <span className="gap-detail__where">{place.slice(1).join(' · ')}</span>
        </h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('skills.gaps.closeDetail')}
        </button>
      </div>
      {!row ? (
        <p>{t('skills.gaps.noData')}</p>
      ) : row.suppressed ? (
        <div className="notice gap-detail__suppressed">
          <p className="notice__title">{t('skills.gaps.suppressedTitle')}</p>
          <p>{t('skills.gaps.suppressedText', { min: MIN_EMPLOYERS })}</p>
          <p>
            {t('skills.gaps.supply')}: <strong>{labels.number(row.supply)}</strong>
          </p>
        </div>
      ) : (
        <>
          <dl className="gap-figures">
            <div>
              <dt>{t('skills.gaps.demand')}</dt>
              <dd>{labels.number(row.demand ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('skills.gaps.supply')}</dt>
              <dd>{labels.number(row.supply)}</dd>
            </div>
            <div
              className={(row.gap ?? 0) > 0 ? 'gap-figures__gap is-shortage' : 'gap-figures__gap is-surplus'}
            >
              <dt>{t('skills.gaps.gap')}</dt>
              <dd>
                {labels.signed(row.gap ?? 0)}{' '}
                <span className="gap-figures__word">
                  {(row.gap ?? 0) > 0
                    ? t('skills.gaps.shortage')
                    : (row.gap ?? 0) < 0
                      ? t('skills.gaps.surplus')
                      : ''}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('skills.gaps.employers')}</dt>
              <dd>{row.employers ?? 0}</dd>
            </div>
          </dl>
          {row.restricted ? <p className="gap-detail__note">{t('skills.gaps.restrictedNote')}</p> : null}
        </>
      )}

      {row ? <CellContext filter={filter} labels={labels} /> : null}
    </section>
  );
}

/** The cell by region and by horizon, and across survey rounds. */
function CellContext({ filter, labels }: { filter: GapQuery; labels: SkillsLabels }) {
  const { round: _round, ...trendFilter } = filter;
  const trend = useTrend(trendFilter, true);
  const { t } = useTranslation();
  const points = useMemo(
    () =>
      (trend.data ?? []).map((p) => ({
        roundId: p.roundId,
        label: p.closesAt ? labels.locale.formatDate(p.closesAt) : labels.text(p.roundTitle),
        demand: p.demand,
        supply: p.supply,
        suppressed: p.suppressed,
      })),
    [trend.data, labels],
  );
  const names = useMemo(
    () => ({
      demand: t('skills.gaps.demand'),
      supply: t('skills.gaps.supply'),
      suppressed: t('skills.gaps.suppressedShort'),
    }),
    [t],
  );
  return (
    <>
      {!filter.region ? (
        <Breakdown
          title={t('skills.gaps.byRegion')}
          query={{ ...filter, groupBy: ['region'] }}
          dimension="region"
          labels={labels}
        />
      ) : null}
      {!filter.horizon ? (
        <Breakdown
          title={t('skills.gaps.byHorizon')}
          query={{ ...filter, groupBy: ['horizon'] }}
          dimension="horizon"
          labels={labels}
        />
      ) : null}

      <h4 className="gap-detail__subtitle">{t('skills.gaps.trend')}</h4>
      {trend.isPending ? <Loading /> : null}
      {trend.data && points.length > 0 ? (
        <>
          <Suspense fallback={<Loading />}>
            <GapTrendChart points={points} format={labels.number} names={names} />
          </Suspense>
          <FiguresTable
            caption={t('skills.gaps.trendCaption')}
            nameHeaders={[t('skills.gaps.round')]}
            rows={(trend.data ?? []).map((p) => ({
              key: p.roundId,
              names: [labels.text(p.roundTitle)],
              row: p,
            }))}
            className="gap-detail__table"
            labels={labels}
          />
        </>
      ) : null}
      {trend.data && points.length === 0 ? <p className="muted">{t('skills.gaps.noTrend')}</p> : null}
    </>
  );
}

function Breakdown({
  title,
  query,
  dimension,
  labels,
}: {
  title: string;
  query: GapQuery;
  dimension: Extract<GapDimension, 'region' | 'horizon'>;
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const rows = useGaps(query);
  return (
    <>
      <h4 className="gap-detail__subtitle">{title}</h4>
      {rows.isPending ? <Loading /> : null}
      {rows.data && rows.data.length === 0 ? <p className="muted">{t('skills.gaps.noData')}</p> : null}
      {rows.data && rows.data.length > 0 ? (
        <FiguresTable
          caption={title}
          nameHeaders={[dimension === 'region' ? t('skills.gaps.region') : t('skills.gaps.horizonLabel')]}
          rows={rows.data.map((row) => ({
            key: String(row[dimension]),
            names: [dimension === 'region' ? labels.region(row.region) : labels.horizon(row.horizon)],
            row,
          }))}
          className="gap-detail__table"
          labels={labels}
        />
      ) : null}
    </>
  );
}
