// The specialisation index as a horizontal bar chart (Observable Plot, loaded with this chunk only).
// The chart is a picture for sighted readers; the page gives the same numbers as a caption and a
// table, so the SVG is hidden from assistive technology.
import { axisX, axisY, barX, plot, ruleX, text } from '@observablehq/plot';
import { useEffect } from 'react';
import { useElementWidth } from './use-element-width.ts';
import './charts.css';

export interface ChartEntry {
  conceptId: string;
  label: string;
  lq: number;
  count: number;
  stated: boolean;
  fewData: boolean;
}

export interface SpecialisationChartProps {
  entries: ChartEntry[];
  /** Formats an LQ for the bar ends, in the page's locale. */
  formatLq: (lq: number) => string;
  /** Text at the end of a bar, e.g. "1,80 · 5". */
  barText: (entry: ChartEntry) => string;
}

const STATED = '#00695c';
const OTHER = '#7d8b93';
const BAR_HEIGHT = 26;

export function SpecialisationChart({ entries, formatLq, barText }: SpecialisationChartProps) {
  const [container, width] = useElementWidth<HTMLDivElement>();

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0 || entries.length === 0) return;
    const narrow = width < 520;
    const fontSize = narrow ? 11 : 12.5;
    const marginLeft = narrow ? Math.min(150, width * 0.42) : Math.min(280, width * 0.4);
    // Plot measures lines in ems: labels longer than the margin end in an ellipsis (the table has them in full).
    const lineWidth = Math.max(6, (marginLeft - 14) / fontSize);
    const max = Math.max(1.2, ...entries.map((e) => e.lq));
    const chart = plot({
      width,
      height: entries.length * BAR_HEIGHT + 44,
      marginLeft,
      marginRight: narrow ? 56 : 72,
      marginTop: 8,
      marginBottom: 34,
      className: 'spec-chart',
      style: {
        fontSize: `${fontSize}px`,
        fontFamily: 'inherit',
        color: '#1b2631',
        background: 'transparent',
      },
      x: { domain: [0, max * 1.08], nice: true, label: null },
      y: { domain: entries.map((e) => e.conceptId), label: null, padding: 0.22 },
      marks: [
        barX(
          entries.filter((e) => !e.fewData),
          { x: 'lq', y: 'conceptId', fill: (e: ChartEntry) => (e.stated ? STATED : OTHER) },
        ),
        // Few data: a pale, dashed bar, so a jumpy LQ of one or two organisations does not look like a finding.
        barX(
          entries.filter((e) => e.fewData),
          {
            x: 'lq',
            y: 'conceptId',
            fill: (e: ChartEntry) => (e.stated ? STATED : OTHER),
            fillOpacity: 0.35,
            stroke: (e: ChartEntry) => (e.stated ? STATED : OTHER),
            strokeWidth: 1.5,
            strokeDasharray: '4,2',
          },
        ),
        ruleX([1], { stroke: '#1b2631', strokeWidth: 1.5, strokeDasharray: '4,3' }),
        text(entries, {
          x: 'lq',
          y: 'conceptId',
          text: (e: ChartEntry) => barText(e),
          textAnchor: 'start',
          dx: 5,
          fill: '#1b2631',
        }),
        axisY({
          tickSize: 0,
          tickFormat: (id: string) => entries.find((e) => e.conceptId === id)?.label ?? id,
          lineWidth,
          textOverflow: 'ellipsis',
        }),
        axisX({ ticks: narrow ? 4 : 6, tickFormat: (v: number) => formatLq(v) }),
      ],
    });
    // Plot adds a <style> element; the Content-Security-Policy forbids inline styles, so the
    // element goes before the chart is attached and charts.css carries its two rules instead.
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [container, entries, width, formatLq, barText]);

  return <div ref={container} className="spec-chart-box" />;
}

export default SpecialisationChart;
