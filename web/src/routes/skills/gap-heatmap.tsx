// The gap heatmap: job roles × EQF level (or region, or horizon) as Observable Plot `cell` marks,
// loaded with this chunk only. A diverging scale (shortage red, surplus blue) with the signed
// figure in every cell, so it reads without colour; suppressed cells hatched. The cells are
// buttons: one tab stop, arrow keys move, Enter or Space opens the cell's details.
import { axisX, axisY, cell, plot, scale, text } from '@observablehq/plot';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../components/charts/charts.css';
import { useElementWidth } from '../../components/charts/use-element-width.ts';
import { type HeatCell, type HeatGrid, moveInGrid, textColourOn } from './gap-grid.ts';
import { MIN_EMPLOYERS } from './skills-api.ts';

const SVG = 'http://www.w3.org/2000/svg';
const ROW_HEIGHT = 30;
const EMPTY_FILL = '#f0f3f3';
const LEGEND_STEPS = 9;

export interface GapHeatmapProps {
  grid: HeatGrid;
  /** The chart's accessible name, e.g. "Gap by job role and EQF level". */
  label: string;
  roleLabel: (roleId: string) => string;
  columnLabel: (column: string) => string;
  /** A column's short tick ("6" under an "EQF level" axis title); by default its label. */
  columnTick?: (column: string) => string;
  /** A title above the column ticks, e.g. "EQF level". */
  columnTitle?: string;
  /** The figure printed in a cell ("+12", "−4"), '' for none; `compact`: a whole number. */
  valueText: (cell: HeatCell, compact: boolean) => string;
  /** Everything a cell says, for its button's name. */
  cellLabel: (cell: HeatCell) => string;
  formatGap: (value: number) => string;
  selected: number | null;
  onSelect: (index: number) => void;
}

/** The colour of a gap: red for a shortage, blue for a surplus, paler towards zero. */
function gapScale(maxAbsGap: number) {
  return scale({
    // Square-root spacing: one very large gap does not wash out the rest of the map.
    color: {
      type: 'diverging-sqrt',
      scheme: 'rdbu',
      domain: [-maxAbsGap, maxAbsGap],
      reverse: true,
      pivot: 0,
    },
  });
}

export function GapHeatmap(props: GapHeatmapProps) {
  const {
    grid,
    label,
    roleLabel,
    columnLabel,
    columnTick,
    columnTitle,
    valueText,
    cellLabel,
    selected,
    onSelect,
  } = props;
  const { t } = useTranslation();
  const [container, width] = useElementWidth<HTMLDivElement>();
  const rects = useRef<SVGRectElement[]>([]);
  const active = useRef(0);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const colour = useMemo(() => gapScale(grid.maxAbsGap), [grid.maxAbsGap]);

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0 || grid.cells.length === 0) return;
    const narrow = width < 560;
    const fontSize = narrow ? 11 : 12.5;
    // Columns about 64 px wide (52 when there are many); the rest goes to the role names (≤ 360 px).
    const columnTarget = grid.columns.length > 6 ? 52 : 64;
    const marginLeft = narrow
      ? Math.min(120, width * 0.34)
      : Math.max(160, Math.min(360, width - grid.columns.length * columnTarget));
    // Columns never narrower than 36 px: a wider chart scrolls sideways instead.
    const chartWidth = Math.max(width, Math.ceil(marginLeft + grid.columns.length * 36));
    const tick = columnTick ?? columnLabel;
    const columnWidth = (chartWidth - marginLeft) / grid.columns.length;
    // Narrow cells print whole numbers (the cell's name and the table keep the decimals).
    const compact = columnWidth < 56;
    const longestTick = Math.max(...grid.columns.map((c) => tick(c).length));
    // Ticks that do not fit across their column are turned, and the top margin grows to hold them.
    const rotate = longestTick * fontSize * 0.6 > columnWidth - 6;
    const marginTop =
      (rotate ? Math.min(140, longestTick * fontSize * 0.5 + 16) : 24) + (columnTitle ? 22 : 0);
    const fillOf = (c: HeatCell) =>
      c.row === null
        ? EMPTY_FILL
        : c.row.suppressed || c.row.gap === null
          ? `url(#${hatchId})`
          : String(colour.apply(c.row.gap));
    const chart = plot({
      width: chartWidth,
      height: grid.roles.length * ROW_HEIGHT + marginTop + 4,
      marginLeft,
      marginTop,
      marginRight: 4,
      marginBottom: 4,
      className: 'gap-heatmap',
      ariaLabel: label,
      style: {
        fontSize: `${fontSize}px`,
        fontFamily: 'inherit',
        color: '#1b2631',
        background: 'transparent',
      },
      x: { domain: grid.columns, label: null, padding: 0 },
      y: { domain: grid.roles, label: null, padding: 0 },
      marks: [
        cell(grid.cells, {
          x: 'column',
          y: 'roleId',
          fill: fillOf,
          inset: 1,
          ariaLabel: (c: HeatCell) => cellLabel(c),
        }),
        // Figures only shown to this reader (their region): a dashed outline inside the cell.
        cell(
          grid.cells.filter((c) => c.row?.restricted),
          { x: 'column', y: 'roleId', fill: 'none', stroke: '#1b2631', strokeDasharray: '3,2', inset: 3 },
        ),
        text(grid.cells, {
          x: 'column',
          y: 'roleId',
          text: (c: HeatCell) => valueText(c, compact),
          fontSize: compact ? 10.5 : undefined,
          fill: (c: HeatCell) => (c.row && !c.row.suppressed ? textColourOn(fillOf(c)) : '#1b2631'),
          fontWeight: 600,
        }),
        axisY({
          tickSize: 0,
          tickFormat: (id: string) => roleLabel(id),
          // Plot measures in ems and underestimates some glyphs: a margin of safety keeps labels whole.
          lineWidth: Math.max(6, ((marginLeft - 16) / fontSize) * 0.88),
          textOverflow: 'ellipsis',
        }),
        axisX({
          anchor: 'top',
          tickSize: 0,
          tickFormat: (column: string) => tick(column),
          ...(rotate ? { tickRotate: -35, textAnchor: 'start' } : {}),
          label: columnTitle ?? null,
          labelAnchor: 'center',
          labelArrow: 'none',
        }),
      ],
    });
    // The Content-Security-Policy forbids Plot's inline <style>; charts.css carries its rules.
    chart.querySelector('style')?.remove();
    chart.setAttribute('role', 'group');
    chart.removeAttribute('aria-description');
    // Axes and printed figures repeat what each cell's name says: hidden from assistive technology.
    for (const group of chart.querySelectorAll('g[aria-label]')) {
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    const groups = [...chart.children].filter((node) => node.tagName.toLowerCase() === 'g');
    groups.forEach((group, i) => {
      if (i > 0) group.setAttribute('aria-hidden', 'true');
    });
    const defs = document.createElementNS(SVG, 'defs');
    const pattern = document.createElementNS(SVG, 'pattern');
    pattern.setAttribute('id', hatchId);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '7');
    pattern.setAttribute('height', '7');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const base = document.createElementNS(SVG, 'rect');
    base.setAttribute('width', '7');
    base.setAttribute('height', '7');
    base.setAttribute('fill', '#dfe4e6');
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '7');
    line.setAttribute('stroke', '#6b7a84');
    line.setAttribute('stroke-width', '2.5');
    pattern.append(base, line);
    defs.append(pattern);
    chart.prepend(defs);

    const cellRects = [...(groups[0]?.querySelectorAll('rect') ?? [])] as SVGRectElement[];
    if (cellRects.length !== grid.cells.length) {
      rects.current = [];
    } else {
      rects.current = cellRects;
      active.current = Math.min(active.current, cellRects.length - 1);
      cellRects.forEach((rect, index) => {
        rect.setAttribute('role', 'button');
        rect.setAttribute('tabindex', index === active.current ? '0' : '-1');
        rect.dataset.index = String(index);
        const c = grid.cells[index]!;
        rect.dataset.cell = `${c.roleId}|${c.column}`;
        if (c.row?.suppressed) rect.classList.add('is-suppressed');
      });
    }
    function indexOf(target: EventTarget | null): number | null {
      const value = target instanceof SVGElement ? target.dataset.index : undefined;
      return value === undefined ? null : Number(value);
    }
    function focusCell(index: number) {
      const list = rects.current;
      list[active.current]?.setAttribute('tabindex', '-1');
      active.current = index;
      list[index]?.setAttribute('tabindex', '0');
      list[index]?.focus();
    }
    const onClick = (event: Event) => {
      const index = indexOf(event.target);
      if (index === null) return;
      focusCell(index);
      onSelectRef.current(index);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const index = indexOf(event.target);
      if (index === null) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelectRef.current(index);
        return;
      }
      const next = moveInGrid(index, event.key, grid.cells.length, grid.columns.length);
      if (next === null) return;
      event.preventDefault();
      focusCell(next);
    };
    chart.addEventListener('click', onClick);
    chart.addEventListener('keydown', onKeyDown as EventListener);
    element.replaceChildren(chart);
    return () => {
      chart.removeEventListener('click', onClick);
      chart.removeEventListener('keydown', onKeyDown as EventListener);
      chart.remove();
    };
  }, [
    container,
    grid,
    width,
    label,
    roleLabel,
    columnLabel,
    columnTick,
    columnTitle,
    valueText,
    cellLabel,
    colour,
    hatchId,
  ]);

  // The chosen cell is outlined without drawing the chart again (which would lose the focus).
  useEffect(() => {
    rects.current.forEach((rect, index) => {
      if (index === selected) {
        rect.classList.add('is-selected');
        rect.setAttribute('aria-pressed', 'true');
      } else {
        rect.classList.remove('is-selected');
        rect.setAttribute('aria-pressed', 'false');
      }
    });
  });

  const steps = Array.from({ length: LEGEND_STEPS }, (_, i) => {
    const t = -1 + (2 * i) / (LEGEND_STEPS - 1);
    const value = Math.sign(t) * t * t * grid.maxAbsGap;
    return { value, colour: String(colour.apply(value)) };
  });

  return (
    <figure className="gap-figure">
      <div className="gap-heatmap-scroll">
        <div ref={container} className="spec-chart-box gap-heatmap-box" />
      </div>
      <figcaption className="gap-legend">
        <p className="gap-legend__title">{t('skills.gaps.legend.title')}</p>
        <div className="gap-legend__scale">
          <span className="gap-legend__end">{t('skills.gaps.legend.surplus')}</span>
          <span className="gap-legend__ramp" aria-hidden="true">
            {steps.map((step) => (
              <span key={step.value} className="gap-legend__step" style={{ background: step.colour }} />
            ))}
          </span>
          <span className="gap-legend__end">{t('skills.gaps.legend.shortage')}</span>
        </div>
        <p className="gap-legend__numbers">
          {t('skills.gaps.legend.range', {
            low: props.formatGap(-grid.maxAbsGap),
            high: props.formatGap(grid.maxAbsGap),
          })}
        </p>
        <ul className="gap-legend__keys">
          <li>
            <span className="gap-swatch gap-swatch--suppressed" aria-hidden="true" />
            {t('skills.gaps.legend.suppressed', { min: MIN_EMPLOYERS })}
          </li>
          <li>
            <span className="gap-swatch gap-swatch--empty" aria-hidden="true" />
            {t('skills.gaps.legend.empty')}
          </li>
          {grid.cells.some((c) => c.row?.restricted) ? (
            <li>
              <span className="gap-swatch gap-swatch--restricted" aria-hidden="true" />
              {t('skills.gaps.legend.restricted')}
            </li>
          ) : null}
        </ul>
        <p className="gap-legend__hint">{t('skills.gaps.legend.keyboard')}</p>
      </figcaption>
    </figure>
  );
}

export default GapHeatmap;
