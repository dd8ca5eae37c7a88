// A round's respondents by status as one stacked bar (Observable Plot). A picture for sighted
// readers: the figures are listed beside it, so the SVG is hidden; each part is named on the bar
// or in the key, and shaded differently, so it reads without colour.
import { barX, plot, stackX, text } from '@observablehq/plot';
import { useEffect } from 'react';
import '../../components/charts/charts.css';
import { useElementWidth } from '../../components/charts/use-element-width.ts';

export interface ResponsePart {
  key: string;
  label: string;
  count: number;
  colour: string;
  textColour: string;
}

export function ResponseChart({ parts }: { parts: ResponsePart[] }) {
  const [container, width] = useElementWidth<HTMLDivElement>();

  useEffect(() => {
    const element = container.current;
    const shown = parts.filter((p) => p.count > 0);
    const total = shown.reduce((sum, p) => sum + p.count, 0);
    if (!element || width === 0 || total === 0) return;
    const chart = plot({
      width,
      height: 56,
      marginLeft: 0,
      marginRight: 0,
      marginTop: 4,
      marginBottom: 4,
      className: 'spec-chart',
      style: { fontSize: '13px', fontFamily: 'inherit', background: 'transparent' },
      x: { domain: [0, total], axis: null },
      y: { axis: null },
      marks: [
        barX(shown, { x: 'count', fill: 'colour', stroke: '#fff', strokeWidth: 2, insetTop: 0 }),
        // A count on each part wide enough to hold it.
        text(
          shown,
          stackX({
            x: 'count',
            text: (p: ResponsePart) => ((p.count / total) * width > 28 ? String(p.count) : ''),
            fill: 'textColour',
            fontWeight: 600,
          }),
        ),
      ],
    });
    chart.querySelector('style')?.remove();
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [container, parts, width]);

  return <div ref={container} className="spec-chart-box skills-response-chart" />;
}

export default ResponseChart;
