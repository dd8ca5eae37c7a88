import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { useLocale } from '../../locale.ts';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { FilterSelect } from '../sites/filter-select.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { GapDrilldown } from './gap-drilldown.tsx';
import {
  buildHeatGrid,
  type ColumnDimension,
  cellKey,
  gapFilters,
  type HeatCell,
  isColumnDimension,
  parseCellKey,
  roundsWithResults,
} from './gap-grid.ts';
import { GapTable } from './gap-table.tsx';
import { SkillsNav, useRunsSurveys } from './skills-nav.tsx';
import { type GapQuery, gapExportUrl, HORIZONS, MIN_EMPLOYERS, useGaps, useRounds } from './skills-api.ts';
import { type SkillsLabels, useSkillsLabels } from './skills-labels.ts';
import './skills.css';

// Observable Plot loads with the chart only.
const GapHeatmap = lazy(() => import('./gap-heatmap.tsx'));

const EQF_COLUMNS = ['1', '2', '3', '4', '5', '6', '7', '8'];
const eqfTick = (level: string) => level;

/** The gap analysis: a heatmap of demand against supply, its cells' details and the export. */
export function GapPage() {
  const { t } = useTranslation();
  const runsSurveys = useRunsSurveys();
  const filters = useUrlFilters(['round', 'region', 'eqf', 'horizon', 'cols', 'cell'] as const);
  const { values, update } = filters;
  const column: ColumnDimension = isColumnDimension(values.cols) ? values.cols : 'eqf';
  const rounds = useRounds();
  const withResults = useMemo(() => roundsWithResults(rounds.data ?? []), [rounds.data]);
  const round = withResults.find((r) => r.id === values.round) ?? withResults[0];
  const labels = useSkillsLabels(round?.instrument.roleIds);
  const fixed = gapFilters(column, values);
  const query: GapQuery = { round: round?.id, ...fixed, groupBy: ['role', column] };
  const gaps = useGaps(query, Boolean(round));
  const ids = { status: useId(), figures: useId() };

  const columnOrder = useMemo(() => {
    const present = new Set((gaps.data ?? []).map((row) => row[column === 'eqf' ? 'eqf' : column]));
    if (column === 'horizon') return [...HORIZONS];
    if (column === 'region') return labels.regionOptions.map((o) => o.value).filter((id) => present.has(id));
    const asked = round?.instrument.eqfLevels.map(String) ?? [];
    return EQF_COLUMNS.filter((level) => asked.includes(level) || present.has(Number(level)));
  }, [gaps.data, column, labels.regionOptions, round]);

  const grid = useMemo(
    () =>
      buildHeatGrid(gaps.data ?? [], column, columnOrder, labels.role, (a, b) =>
        labels.locale.collator.compare(a, b),
      ),
    [gaps.data, column, columnOrder, labels],
  );

  // A region's tick without its longer name in brackets: "Kotka–Hamina (Kymenlaakso)" → "Kotka–Hamina".
  const regionTick = useCallback((key: string) => labels.region(key).replace(/\s*\(.*\)\s*$/, ''), [labels]);
  const columnLabel = useCallback((key: string) => columnName(column, key, labels), [column, labels]);
  const valueText = useCallback(
    (c: HeatCell, compact: boolean) =>
      c.row && !c.row.suppressed && c.row.gap !== null
        ? labels.signed(compact ? Math.round(c.row.gap) : c.row.gap)
        : '',
    [labels],
  );
  const cellLabel = useCallback(
    (c: HeatCell) => {
      const where = `${labels.role(c.roleId)}, ${columnName(column, c.column, labels)}`;
      if (!c.row) return t('skills.gaps.cell.empty', { where });
      if (c.row.suppressed || c.row.gap === null)
        return t('skills.gaps.cell.suppressed', { where, min: MIN_EMPLOYERS });
      if (c.row.gap === 0)
        return t('skills.gaps.cell.balanced', {
          where,
          demand: labels.number(c.row.demand ?? 0),
          employers: c.row.employers ?? 0,
        });
      return t(c.row.gap > 0 ? 'skills.gaps.cell.shortage' : 'skills.gaps.cell.surplus', {
        where,
        gap: labels.number(Math.abs(c.row.gap)),
        demand: labels.number(c.row.demand ?? 0),
        supply: labels.number(c.row.supply),
        employers: c.row.employers ?? 0,
      });
    },
    [labels, column, t],
  );

  const chosen = values.cell ? parseCellKey(values.cell) : null;
  const selectedIndex = chosen
    ? grid.cells.findIndex((c) => c.roleId === chosen.roleId && c.column === chosen.column)
    : -1;
  const selected = selectedIndex >= 0 ? grid.cells[selectedIndex]! : null;
  const select = useCallback(
    (index: number) => {
      const c = grid.cells[index];
      if (c) update({ cell: cellKey(c.roleId, c.column) }, true);
    },
    [grid, update],
  );

  const where = [
    column !== 'region' ? labels.region(fixed.region ?? null) : null,
    column !== 'eqf' && fixed.eqf ? labels.eqf(fixed.eqf) : null,
    column !== 'horizon' ? labels.horizon(fixed.horizon ?? null) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const chartLabel = t(`skills.gaps.chartLabel.${column}`, { where });
  const suppressedCount = grid.cells.filter((c) => c.row?.suppressed).length;
  const publishedCount = grid.cells.filter((c) => c.row && !c.row.suppressed).length;

  return (
    <>
      <SkillsNav />
      <PageHeading
        title={t('skills.gaps.title')}
        eyebrow={t('modules.skills.title')}
        lead={t('skills.gaps.lead')}
      />

      <search aria-label={t('skills.gaps.filtersLabel')}>
        <form className="filters skills-filters" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            label={t('skills.gaps.round')}
            value={round && round.id === values.round ? round.id : ''}
            allLabel={t('skills.gaps.latestRound', {
              title: withResults[0] ? labels.text(withResults[0].title) : '',
            })}
            options={withResults.map((r) => ({ value: r.id, label: labels.text(r.title) }))}
            onChange={(value) => update({ round: value, cell: '' })}
          />
          <FilterSelect
            label={t('skills.gaps.columns')}
            value={column === 'eqf' ? '' : column}
            allLabel={t('skills.gaps.columnsBy.eqf')}
            options={(['region', 'horizon'] as const).map((c) => ({
              value: c,
              label: t(`skills.gaps.columnsBy.${c}`),
            }))}
            onChange={(value) => update({ cols: value, cell: '' })}
          />
          {column !== 'region' ? (
            <FilterSelect
              label={t('skills.gaps.region')}
              value={values.region}
              allLabel={t('skills.wholeNetwork')}
              options={labels.regionOptions}
              onChange={(value) => update({ region: value, cell: '' })}
            />
          ) : null}
          {column !== 'eqf' ? (
            <FilterSelect
              label={t('skills.gaps.eqf')}
              value={values.eqf}
              allLabel={t('skills.gaps.allLevels')}
              options={EQF_COLUMNS.map((level) => ({ value: level, label: labels.eqf(Number(level)) }))}
              onChange={(value) => update({ eqf: value, cell: '' })}
            />
          ) : null}
          {column !== 'horizon' ? (
            <FilterSelect
              label={t('skills.gaps.horizonLabel')}
              value={values.horizon}
              allLabel={t('skills.horizon.all')}
              options={HORIZONS.map((h) => ({ value: h, label: t(`skills.horizon.${h}`) }))}
              onChange={(value) => update({ horizon: value, cell: '' })}
            />
          ) : null}
        </form>
      </search>

      <details className="skills-definitions">
        <summary>{t('skills.gaps.definitions.title')}</summary>
        <dl>
          <dt>{t('skills.gaps.demand')}</dt>
          <dd>{t('skills.gaps.definitions.demand')}</dd>
          <dt>{t('skills.gaps.supply')}</dt>
          <dd>{t('skills.gaps.definitions.supply')}</dd>
          <dt>{t('skills.gaps.gap')}</dt>
          <dd>{t('skills.gaps.definitions.gap')}</dd>
          <dt>{t('skills.gaps.suppressedTerm')}</dt>
          <dd>{t('skills.gaps.definitions.suppressed', { min: MIN_EMPLOYERS })}</dd>
        </dl>
      </details>

      {rounds.isError ? <ErrorMessage error={rounds.error} /> : null}
      {gaps.isError ? <ErrorMessage error={gaps.error} /> : null}
      {rounds.isPending ? <Loading /> : null}
      {rounds.data && !round ? (
        <div className="empty">
          <p className="empty__title">{t('skills.gaps.noRounds')}</p>
          <p>
            {runsSurveys ? (
              <Link to="/skills/rounds/new">{t('skills.rounds.new')}</Link>
            ) : (
              t('skills.gaps.noRoundsHint')
            )}
          </p>
        </div>
      ) : null}

      {round ? (
        <section className="gap-section" aria-labelledby={ids.figures}>
          <div className="section__header">
            <h2 id={ids.figures}>{labels.text(round.title)}</h2>
            <ExportLinks query={query} />
          </div>
          <p className="result-count" role="status" aria-live="polite" id={ids.status}>
            {gaps.data
              ? t('skills.gaps.count', { count: publishedCount, where: where || labels.region(null) }) +
                (suppressedCount > 0
                  ? ` ${t('skills.gaps.suppressedCount', { count: suppressedCount })}`
                  : '')
              : ''}
          </p>
          {gaps.isPending ? <Loading /> : null}
          {gaps.data && grid.cells.length === 0 ? (
            <div className="empty">
              <p className="empty__title">{t('skills.gaps.emptyTitle')}</p>
              <p>{t('skills.gaps.emptyText')}</p>
            </div>
          ) : null}
          {grid.cells.length > 0 ? (
            <div className={selected ? 'gap-layout has-detail' : 'gap-layout'}>
              <div className="gap-layout__chart">
                <Suspense fallback={<Loading label={t('skills.gaps.loadingChart')} />}>
                  <GapHeatmap
                    grid={grid}
                    label={chartLabel}
                    roleLabel={labels.role}
                    columnLabel={columnLabel}
                    columnTick={column === 'eqf' ? eqfTick : column === 'region' ? regionTick : undefined}
                    columnTitle={column === 'eqf' ? t('skills.gaps.columnsBy.eqf') : undefined}
                    valueText={valueText}
                    cellLabel={cellLabel}
                    formatGap={labels.signed}
                    selected={selectedIndex >= 0 ? selectedIndex : null}
                    onSelect={select}
                  />
                </Suspense>
              </div>
              <p className="visually-hidden" role="status">
                {selected ? t('skills.gaps.detailShown', { where: cellLabel(selected) }) : ''}
              </p>
              {selected ? (
                <GapDrilldown
                  key={cellKey(selected.roleId, selected.column)}
                  cell={selected}
                  column={column}
                  query={query}
                  labels={labels}
                  onClose={() => update({ cell: '' }, true)}
                />
              ) : (
                <p className="gap-layout__hint muted">{t('skills.gaps.pickCell')}</p>
              )}
            </div>
          ) : null}
          {grid.cells.length > 0 ? (
            <GapTable
              grid={grid}
              columnTitle={t(`skills.gaps.columnsBy.${column}`)}
              columnLabel={columnLabel}
              labels={labels}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** A column's heading: "EQF 6", a region's name or a horizon. */
export function columnName(column: ColumnDimension, key: string, labels: SkillsLabels): string {
  if (column === 'eqf') return labels.eqf(Number(key));
  if (column === 'region') return labels.region(key);
  return labels.horizon(key as (typeof HORIZONS)[number]);
}

function ExportLinks({ query }: { query: GapQuery }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="skills-export">
      <a
        className="button button--secondary button--small"
        href={gapExportUrl(query, 'xlsx', locale.language)}
        download
      >
        {t('skills.gaps.exportXlsx')}
      </a>
      <a
        className="button button--secondary button--small"
        href={gapExportUrl(query, 'csv', locale.language)}
        download
      >
        {t('skills.gaps.exportCsv')}
      </a>
    </div>
  );
}
