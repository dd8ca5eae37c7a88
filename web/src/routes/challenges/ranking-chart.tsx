// Evaluation scores as horizontal bars (Observable Plot, loaded with the ranking page only).
// A picture for sighted readers: the table beside it has the same numbers, so the SVG is hidden.
import { axisX, axisY, barX, plot, text } from '@observablehq/plot';
import { useEffect } from 'react';
import { useElementWidth } from '../../components/charts/use-element-width.ts';
import '../../components/charts/charts.css';

export interface RankingBar {
  id: string;
  label: string;
  score: number;
}

const BAR = '#00695c';
const BAR_HEIGHT = 26;

export function RankingChart({
  bars,
  formatScore,
}: {
  bars: RankingBar[];
  formatScore: (v: number) => string;
}) {
  const [container, width] = useElementWidth<HTMLDivElement>();

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0 || bars.length === 0) return;
    const narrow = width < 520;
    const fontSize = narrow ? 11 : 12.5;
    const marginLeft = narrow ? Math.min(150, width * 0.42) : Math.min(320, width * 0.42);
    const chart = plot({
      width,
      height: bars.length * BAR_HEIGHT + 44,
      marginLeft,
      marginRight: 48,
      marginTop: 8,
      marginBottom: 34,
      className: 'spec-chart',
      style: {
        fontSize: `${fontSize}px`,
        fontFamily: 'inherit',
        color: '#1b2631',
        background: 'transparent',
      },
      x: { domain: [0, 100], label: null },
      y: { domain: bars.map((b) => b.id), label: null, padding: 0.22 },
      marks: [
        barX(bars, { x: 'score', y: 'id', fill: BAR }),
        text(bars, {
          x: 'score',
          y: 'id',
          text: (b: RankingBar) => formatScore(b.score),
          textAnchor: 'start',
          dx: 5,
          fill: '#1b2631',
        }),
        axisY({
          tickSize: 0,
          tickFormat: (id: string) => bars.find((b) => b.id === id)?.label ?? id,
          lineWidth: Math.max(6, (marginLeft - 14) / fontSize),
          textOverflow: 'ellipsis',
        }),
        axisX({ ticks: narrow ? 4 : 5 }),
      ],
    });
    // The Content-Security-Policy forbids Plot's inline <style>; charts.css carries its rules.
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [container, bars, width, formatScore]);

  return <div ref={container} className="spec-chart-box" />;
}

export default RankingChart;
