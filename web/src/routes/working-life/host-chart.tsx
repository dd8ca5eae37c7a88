// Working-life periods per host organisation as a horizontal bar chart (Observable Plot). The
// page gives the same numbers in a table, so the SVG is hidden from assistive technology.
import { axisY, barX, plot, text } from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import '../../components/charts/charts.css';

const BAR = '#00695c';

export function HostChart({ hosts }: { hosts: { organisationId: string; name: string; periods: number }[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || hosts.length === 0) return;
    const width = Math.max(280, Math.floor(element.getBoundingClientRect().width));
    const shown = hosts.slice(0, 10);
    const fontSize = 12.5;
    const marginLeft = Math.min(300, width * 0.5);
    // Plot measures lines in ems: longer names end in an ellipsis (the table has them in full).
    const lineWidth = Math.max(6, (marginLeft - 14) / fontSize);
    const chart = plot({
      width,
      height: shown.length * 28 + 24,
      marginLeft,
      marginRight: 40,
      marginTop: 4,
      marginBottom: 4,
      style: {
        fontSize: `${fontSize}px`,
        fontFamily: 'inherit',
        color: '#1b2631',
        background: 'transparent',
      },
      x: { axis: null, domain: [0, Math.max(...shown.map((h) => h.periods))] },
      y: { domain: shown.map((h) => h.organisationId), label: null, padding: 0.25 },
      marks: [
        barX(shown, { x: 'periods', y: 'organisationId', fill: BAR }),
        text(shown, {
          x: 'periods',
          y: 'organisationId',
          text: (h: { periods: number }) => String(h.periods),
          textAnchor: 'start',
          dx: 5,
          fill: '#1b2631',
        }),
        axisY({
          tickSize: 0,
          tickFormat: (id: string) => shown.find((h) => h.organisationId === id)?.name ?? id,
          lineWidth,
          textOverflow: 'ellipsis',
        }),
      ],
    });
    // The Content-Security-Policy forbids inline <style>: charts.css carries Plot's rules.
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [hosts]);
  return <div ref={container} className="wl-chart__box" />;
}
