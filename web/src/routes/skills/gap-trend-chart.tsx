// One gap cell across survey rounds: demand and supply as two lines (Observable Plot). A picture
// for sighted readers: the table beside it has the same figures, so the SVG is hidden. A round
// whose figure is suppressed leaves a hole in the demand line, never a zero.
import { axisX, axisY, dot, line, plot, ruleY, text } from '@observablehq/plot';
import { useEffect } from 'react';
import '../../components/charts/charts.css';
import { useElementWidth } from '../../components/charts/use-element-width.ts';

export interface TrendPoint {
  roundId: string;
  label: string;
  demand: number | null;
  supply: number;
  suppressed: boolean;
}

const DEMAND = '#b2182b';
const SUPPLY = '#2166ac';

export function GapTrendChart({
  points,
  format,
  names,
}: {
  points: TrendPoint[];
  format: (value: number) => string;
  names: { demand: string; supply: string; suppressed: string };
}) {
  const [container, width] = useElementWidth<HTMLDivElement>();

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0 || points.length === 0) return;
    const max = Math.max(1, ...points.map((p) => Math.max(p.demand ?? 0, p.supply)));
    const series = [
      ...points.map((p) => ({ ...p, kind: names.demand, value: p.demand })),
      ...points.map((p) => ({ ...p, kind: names.supply, value: p.supply as number | null })),
    ];
    const chart = plot({
      width,
      height: 220,
      marginLeft: 44,
      marginRight: 16,
      marginTop: 16,
      marginBottom: 36,
      className: 'spec-chart',
      style: { fontSize: '12px', fontFamily: 'inherit', color: '#1b2631', background: 'transparent' },
      x: { domain: points.map((p) => p.roundId), label: null, padding: 0.3, type: 'point' },
      y: { domain: [0, max * 1.15], nice: true, label: null },
      marks: [
        ruleY([0], { stroke: '#6b7a84' }),
        line(
          series.filter((d) => d.kind === names.demand),
          { x: 'roundId', y: 'value', stroke: DEMAND, strokeWidth: 2.5 },
        ),
        line(
          series.filter((d) => d.kind === names.supply),
          { x: 'roundId', y: 'value', stroke: SUPPLY, strokeWidth: 2.5, strokeDasharray: '6,4' },
        ),
        dot(
          series.filter((d) => d.value !== null),
          {
            x: 'roundId',
            y: 'value',
            fill: (d: { kind: string }) => (d.kind === names.demand ? DEMAND : '#fff'),
            stroke: (d: { kind: string }) => (d.kind === names.demand ? DEMAND : SUPPLY),
            strokeWidth: 2,
            r: 4,
            symbol: (d: { kind: string }) => (d.kind === names.demand ? 'circle' : 'square'),
          },
        ),
        text(
          points.filter((p) => p.suppressed),
          { x: 'roundId', y: () => 0, text: () => names.suppressed, dy: -10, fill: '#4f5e69' },
        ),
        axisY({ ticks: 4, tickFormat: (v: number) => format(v) }),
        axisX({
          tickSize: 0,
          tickFormat: (id: string) => points.find((p) => p.roundId === id)?.label ?? id,
          lineWidth: Math.max(6, (width - 132) / points.length / 12),
          textOverflow: 'ellipsis',
        }),
      ],
    });
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [container, points, width, format, names]);

  return (
    <figure className="gap-trend">
      <div ref={container} className="spec-chart-box" />
      {/* The table below the chart has the figures; this key only tells the lines apart. */}
      <figcaption className="gap-trend__key" aria-hidden="true">
        <span>
          <svg viewBox="0 0 28 10" className="gap-trend__swatch" aria-hidden="true" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={DEMAND} strokeWidth="2.5" />
            <circle cx="14" cy="5" r="3.5" fill={DEMAND} />
          </svg>
          {names.demand}
        </span>
        <span>
          <svg viewBox="0 0 28 10" className="gap-trend__swatch" aria-hidden="true" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={SUPPLY} strokeWidth="2.5" strokeDasharray="6,4" />
            <rect x="10.5" y="1.5" width="7" height="7" fill="#fff" stroke={SUPPLY} strokeWidth="2" />
          </svg>
          {names.supply}
        </span>
      </figcaption>
    </figure>
  );
}

export default GapTrendChart;
