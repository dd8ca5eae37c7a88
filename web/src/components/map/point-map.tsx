// A map of Finland with places as markers (sites, stream holders) and optional lines between
// them (matches). Markers keep their size on screen however small the map is drawn; markers that
// would overlap are pushed apart and keep a thin leader to their true place. Shape and an
// optional number or letter inside carry the meaning besides colour.
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { BORDERS_PATH, LAND_PATH, MAP_HEIGHT, MAP_WIDTH, projectPoint } from './finland-base.ts';
import { spreadMarkers } from './spread-markers.ts';
import './map.css';
import './point-map.css';

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'ring';

export interface MapMarker {
  id: string;
  lon: number;
  lat: number;
  shape: MarkerShape;
  /** A class modifier for the colour: `pmap__marker--${tone}`. */
  tone: string;
  /** The accessible name of a linked marker, and the tooltip. */
  label: string;
  /** A short text drawn inside the marker, e.g. its number in the list beside the map. */
  text?: string;
  href?: string;
}

export interface MapLine {
  id: string;
  fromId: string;
  toId: string;
  tone: string;
  label: string;
  /** 0–1: drawn thicker when stronger. */
  strength?: number;
}

export interface PointMapProps {
  markers: MapMarker[];
  lines?: MapLine[];
  /** Accessible name of the map. */
  label: string;
  /** A marker drawn emphasised (e.g. the card under the pointer). */
  activeId?: string | null;
  /** Marker radius in screen pixels. */
  size?: number;
  /** A picture only (a locator): hidden from assistive technology, the page says the same in words. */
  decorative?: boolean;
}

type Placed = MapMarker & { x: number; y: number; x0: number; y0: number };

function shapePath(shape: MarkerShape, r: number): string {
  switch (shape) {
    case 'diamond':
      return `M0 ${-r * 1.25}L${r * 1.25} 0L0 ${r * 1.25}L${-r * 1.25} 0Z`;
    case 'square':
      return `M${-r * 0.9} ${-r * 0.9}h${r * 1.8}v${r * 1.8}h${-r * 1.8}Z`;
    case 'triangle':
      return `M0 ${-r * 1.3}L${r * 1.2} ${r * 0.85}L${-r * 1.2} ${r * 0.85}Z`;
    default:
      return `M${-r} 0a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  }
}

export function PointMap({
  markers,
  lines = [],
  label,
  activeId,
  size = 10,
  decorative = false,
}: PointMapProps) {
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const [unitsPerPixel, setUnitsPerPixel] = useState(1);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      const shown = entry?.contentRect.width ?? 0;
      if (shown > 0) setUnitsPerPixel(MAP_WIDTH / shown);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  const r = size * unitsPerPixel;
  const placed = useMemo(() => {
    const projected: Placed[] = [];
    for (const marker of markers) {
      const point = projectPoint(marker.lon, marker.lat);
      if (point) projected.push({ ...marker, x: point[0], y: point[1], x0: point[0], y0: point[1] });
    }
    return spreadMarkers(projected, r * 2.3);
  }, [markers, r]);
  const byId = new Map(placed.map((p) => [p.id, p]));

  function go(event: MouseEvent, to: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  }

  return (
    <svg
      ref={svgRef}
      className="eco-map pmap"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role={decorative ? undefined : 'group'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
    >
      <path className="eco-map__land" d={LAND_PATH} />
      <path className="eco-map__borders" d={BORDERS_PATH} />
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in it takes focus; the page lists the same matches */}
      <g aria-hidden="true">
        {lines.map((line) => {
          const from = byId.get(line.fromId);
          const to = byId.get(line.toId);
          if (!from || !to) return null;
          // A slight bow, so lines between the same two places do not hide each other.
          const mx = (from.x + to.x) / 2 - (to.y - from.y) * 0.15;
          const my = (from.y + to.y) / 2 + (to.x - from.x) * 0.15;
          return (
            <path
              key={line.id}
              className={`pmap__line pmap__line--${line.tone}`}
              d={`M${from.x} ${from.y}Q${mx} ${my} ${to.x} ${to.y}`}
              strokeWidth={1.5 + 3 * (line.strength ?? 0.5)}
            >
              <title>{line.label}</title>
            </path>
          );
        })}
        {placed.map((p) =>
          Math.hypot(p.x - p.x0, p.y - p.y0) > r * 0.5 ? (
            <g key={`leader-${p.id}`}>
              <line className="pmap__leader" x1={p.x0} y1={p.y0} x2={p.x} y2={p.y} />
              <circle className="pmap__origin" cx={p.x0} cy={p.y0} r={2 * unitsPerPixel} />
            </g>
          ) : null,
        )}
      </g>
      {placed.map((p) => {
        const classes = ['pmap__marker', `pmap__marker--${p.tone}`, activeId === p.id ? 'is-active' : '']
          .filter(Boolean)
          .join(' ');
        const body = (
          <>
            <path
              className={p.shape === 'ring' ? 'pmap__shape pmap__shape--ring' : 'pmap__shape'}
              d={shapePath(p.shape, activeId === p.id ? r * 1.3 : r)}
              strokeWidth={p.shape === 'ring' ? 3 : 1.4}
            />
            {p.text ? (
              <text className="pmap__text" y={r * 0.38} fontSize={r * 1.05} textAnchor="middle">
                {p.text}
              </text>
            ) : null}
            <title>{p.label}</title>
          </>
        );
        return p.href ? (
          <a
            key={p.id}
            href={p.href}
            className={classes}
            aria-label={p.label}
            onClick={(event) => go(event, p.href ?? '')}
          >
            <g transform={`translate(${p.x} ${p.y})`}>{body}</g>
          </a>
        ) : (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in it takes focus; without a link a marker is a picture and the page lists the same places in words
          <g key={p.id} className={classes} transform={`translate(${p.x} ${p.y})`} aria-hidden="true">
            {body}
          </g>
        );
      })}
    </svg>
  );
}

export default PointMap;
