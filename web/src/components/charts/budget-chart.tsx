// Stacked bars per partner: the EU grant and the partner's own share of the costs (Observable
// Plot) — a consortium's budget sketch and a CORDIS project's participants. A picture for sighted readers: the table beside it has every
// number, so the SVG is hidden from assistive technology.
import { axisX, axisY, barX, plot } from '@observablehq/plot';
import { useEffect } from 'react';
import { useElementWidth } from './use-element-width.ts';
import './charts.css';

export interface BudgetBar {
  id: string;
  name: string;
  grant: number;
  own: number;
}

const GRANT = '#00695c';
const OWN = '#b8c4c9';
const BAR_HEIGHT = 28;

export function BudgetChart({
  bars,
  labels,
  formatEur,
}: {
  bars: BudgetBar[];
  labels: { grant: string; own: string };
  formatEur: (value: number) => string;
}) {
  const [container, width] = useElementWidth<HTMLDivElement>();

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0 || bars.length === 0) return;
    const narrow = width < 520;
    const marginLeft = narrow ? Math.min(140, width * 0.4) : Math.min(240, width * 0.3);
    const rows = bars.flatMap((b) => [
      { id: b.id, part: labels.grant, value: b.grant, fill: GRANT },
      { id: b.id, part: labels.own, value: b.own, fill: OWN },
    ]);
    const chart = plot({
      width,
      height: bars.length * BAR_HEIGHT + 44,
      marginLeft,
      marginRight: 24,
      marginTop: 8,
      marginBottom: 34,
      className: 'spec-chart',
      style: { fontSize: '12.5px', fontFamily: 'inherit', color: '#1b2631', background: 'transparent' },
      x: { nice: true, label: null },
      y: { domain: bars.map((b) => b.id), label: null, padding: 0.25 },
      marks: [
        barX(rows, { x: 'value', y: 'id', fill: 'fill', order: [labels.grant, labels.own], z: 'part' }),
        axisY({
          tickSize: 0,
          tickFormat: (id: string) => bars.find((b) => b.id === id)?.name ?? id,
          lineWidth: Math.max(6, (marginLeft - 14) / 12.5),
          textOverflow: 'ellipsis',
        }),
        axisX({ ticks: width < 360 ? 2 : narrow ? 3 : 5, tickFormat: (v: number) => formatEur(v) }),
      ],
    });
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [container, bars, width, labels, formatEur]);

  return (
    <figure className="cn-chart">
      <div ref={container} className="spec-chart-box" />
      <figcaption className="cn-chart__legend">
        <span>
          <span className="cn-swatch cn-swatch--grant" aria-hidden="true" /> {labels.grant}
        </span>
        <span>
          <span className="cn-swatch cn-swatch--own" aria-hidden="true" /> {labels.own}
        </span>
      </figcaption>
    </figure>
  );
}
