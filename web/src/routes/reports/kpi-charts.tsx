// The charts of the KPI dashboard (Observable Plot). Pictures for sighted readers: every figure is
// also written out beside them, so the SVGs are hidden from assistive technology.
import { barX, plot, ruleX, text } from '@observablehq/plot';
import { useEffect } from 'react';
import '../../components/charts/charts.css';
import { useElementWidth } from '../../components/charts/use-element-width.ts';

export interface StagePart {
  key: string;
  label: string;
  count: number;
  colour: string;
  textColour: string;
}

/** A track's projects by stage as one stacked bar, with the target's range marked below. */
export function StageBar({ parts, targetMax }: { parts: StagePart[]; targetMax: number }) {
  const [box, width] = useElementWidth<HTMLDivElement>();
  useEffect(() => {
    const element = box.current;
    const shown = parts.filter((p) => p.count > 0);
    const total = shown.reduce((s, p) => s + p.count, 0);
    if (!element || width === 0) return;
    const domainMax = Math.max(total, targetMax + 1);
    let x0 = 0;
    const stacked = shown.map((p) => {
      const row = { ...p, x1: x0, x2: x0 + p.count };
      x0 += p.count;
      return row;
    });
    const chart = plot({
      width,
      height: 46,
      marginLeft: 0,
      marginRight: 0,
      marginTop: 2,
      marginBottom: 4,
      className: 'spec-chart',
      style: { fontSize: '13px', fontFamily: 'inherit', background: 'transparent' },
      x: { domain: [0, domainMax], axis: null },
      y: { axis: null },
      marks: [
        barX([{ x1: 0, x2: domainMax }], { x1: 'x1', x2: 'x2', fill: '#eef2f2', rx: 4 }),
        barX(stacked, { x1: 'x1', x2: 'x2', fill: 'colour', stroke: '#fff', strokeWidth: 2 }),
        text(stacked, {
          x: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2,
          text: (d: StagePart & { x1: number; x2: number }) =>
            ((d.x2 - d.x1) / domainMax) * width > 24 ? String(d.count) : '',
          fill: 'textColour',
          fontWeight: 700,
        }),
      ],
    });
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [box, parts, width, targetMax]);
  return <div ref={box} className="spec-chart-box kpi-stage-bar" />;
}

/** Projects per network region, a bar each, longest first. */
export function RegionBars({ rows }: { rows: { label: string; projects: number }[] }) {
  const [box, width] = useElementWidth<HTMLDivElement>();
  useEffect(() => {
    const element = box.current;
    if (!element || width === 0 || rows.length === 0) return;
    const max = Math.max(...rows.map((r) => r.projects));
    const chart = plot({
      width,
      height: 28 * rows.length + 30,
      marginLeft: Math.min(180, Math.max(...rows.map((r) => r.label.length)) * 7.5 + 12),
      marginRight: 36,
      className: 'spec-chart',
      style: { fontSize: '13px', fontFamily: 'inherit', background: 'transparent' },
      x: {
        domain: [0, max],
        axis: 'bottom',
        ticks: Math.min(max, 5),
        tickFormat: 'd',
        label: null,
        grid: true,
      },
      y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
      marks: [
        barX(rows, { x: 'projects', y: 'label', fill: '#00695c', insetTop: 4, insetBottom: 4, rx: 3 }),
        text(rows, {
          x: 'projects',
          y: 'label',
          text: (r: { projects: number }) => String(r.projects),
          dx: 14,
          fill: '#1b2631',
          fontWeight: 600,
        }),
        ruleX([0], { stroke: '#6b7a84' }),
      ],
    });
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [box, rows, width]);
  return <div ref={box} className="spec-chart-box kpi-region-bars" />;
}
