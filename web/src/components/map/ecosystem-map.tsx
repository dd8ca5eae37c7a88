// The ecosystem map: Finland's municipalities from the shipped TopoJSON (data/geo), the network
// regions drawn as the union of their municipalities, and organisations as dots. The geometry
// ships already projected (data/geo/build-geo.mjs), so the browser only joins arcs into SVG
// paths; organisation points are projected here with the same parameters.
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import topologyJson from '../../../../data/geo/finland-map.topo.json' with { type: 'json' };
import type { Localised } from '../../api.ts';
import type { Language } from '../../i18n/setup.ts';
import { pickLabel } from '../../locale.ts';
import type { EcosystemMapData, MapPoint } from '../../routes/regions/ecosystem-api.ts';
import { stageColour } from './stage-colours.ts';
import './map.css';

type MunicipalityProperties = { code: string; fi: string; sv: string };
type Municipalities = GeometryCollection<MunicipalityProperties>;
type MapTopology = Topology<{ municipalities: Municipalities }> & {
  size: [number, number];
  projection: { rotate: [number, number]; scale: number; translate: [number, number] };
};

const topology = topologyJson as unknown as MapTopology;
const municipalities = topology.objects.municipalities;
const shapes = municipalities.geometries as Array<
  Polygon<MunicipalityProperties> | MultiPolygon<MunicipalityProperties>
>;

const [WIDTH, HEIGHT] = topology.size;
const projection = geoTransverseMercator()
  .rotate(topology.projection.rotate)
  .scale(topology.projection.scale)
  .translate(topology.projection.translate);
// Planar: the arcs are in map units already.
const path = geoPath();

// Drawn once: every municipal border faintly; the land's own edge is the coast and the border.
const innerBorders = path(mesh(topology, municipalities, (a, b) => a !== b)) ?? '';
const land = path(merge(topology, shapes)) ?? '';
const geometryByCode = new Map(shapes.map((g) => [g.properties?.code ?? '', g]));

const DOT_RADIUS = 4.2;
const DOT_SPACING = 5.6;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Region names stay about this size on screen however small the map is drawn. */
const LABEL_SCREEN_PX = 13;
/** Average width of a label character, in font sizes (bold system font). */
const LABEL_CHAR_EM = 0.62;

export type PlacedPoint = MapPoint & { regionId: string | null; x: number; y: number };

/**
 * Organisations sharing a municipality are spread on a sunflower spiral around its point, in
 * stage order, so a cluster reads as one place and its colours group together.
 */
export function layoutPoints(data: EcosystemMapData): PlacedPoint[] {
  const all = [
    ...data.regions.flatMap((r) => r.organisations.map((o) => ({ ...o, regionId: r.id as string | null }))),
    ...data.outside.map((o) => ({ ...o, regionId: null })),
  ];
  const byPlace = new Map<string, typeof all>();
  for (const point of all)
    byPlace.set(point.municipality.code, [...(byPlace.get(point.municipality.code) ?? []), point]);
  const placed: PlacedPoint[] = [];
  for (const group of byPlace.values()) {
    group.sort(
      (a, b) => (a.stages[0] ?? '~').localeCompare(b.stages[0] ?? '~') || a.name.localeCompare(b.name),
    );
    const [cx, cy] = projection([group[0]!.lon, group[0]!.lat]) ?? [0, 0];
    group.forEach((point, i) => {
      const r = group.length === 1 ? 0 : DOT_SPACING * Math.sqrt(i + 0.5);
      placed.push({
        ...point,
        x: cx + r * Math.cos(i * GOLDEN_ANGLE),
        y: cy + r * Math.sin(i * GOLDEN_ANGLE),
      });
    });
  }
  return placed;
}

function regionShape(codes: string[]): string {
  const geometries = codes.flatMap((code) => {
    const g = geometryByCode.get(code);
    return g ? [g] : [];
  });
  return geometries.length ? (path(merge(topology, geometries)) ?? '') : '';
}

const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

export interface EcosystemMapProps {
  data: EcosystemMapData;
  language: Language;
  /** Only organisations with a competence in this stage are shown; '' shows all. */
  stage?: string;
  /** Locator mode: one region (or several) highlighted, no dots, no links; the caller gives the text alternative. */
  highlight?: string | string[];
  /** Accessible name of the map (full mode). */
  label?: string;
  /** Organisations per region id, as the caller counts them (for the links' names). */
  regionLabel?: (region: { id: string; name: Localised }) => string;
}

export function EcosystemMap({
  data,
  language,
  stage = '',
  highlight,
  label,
  regionLabel,
}: EcosystemMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  // Map units per screen pixel: labels are sized in screen pixels, so a phone gets larger map units.
  const [unitsPerPixel, setUnitsPerPixel] = useState(1);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      const shown = entry?.contentRect.width ?? 0;
      if (shown > 0) setUnitsPerPixel(WIDTH / shown);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  const labelSize = Math.max(12, LABEL_SCREEN_PX * unitsPerPixel);
  const points = useMemo(() => layoutPoints(data), [data]);
  const regions = useMemo(
    () =>
      data.regions.map((region) => ({
        ...region,
        shape: regionShape(region.municipalities.map((m) => m.code)),
        anchor: anchorOf(points, region.mainMunicipality ?? undefined),
        labelDx: labelOffset(points, region.mainMunicipality ?? undefined),
      })),
    [data, points],
  );
  const shown = stage ? points.filter((p) => p.stages.includes(stage)) : points;

  if (highlight) {
    const highlighted = new Set([highlight].flat());
    return (
      <svg className="eco-map eco-map--locator" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <path className="eco-map__land" d={land} />
        <path className="eco-map__borders" d={innerBorders} />
        {regions.map((r) => (
          <path key={r.id} className="eco-map__region eco-map__region--context" d={r.shape} />
        ))}
        {regions
          .filter((r) => highlighted.has(r.id))
          .map((r) => (
            <path key={r.id} className="eco-map__region eco-map__region--highlight" d={r.shape} />
          ))}
      </svg>
    );
  }

  function go(event: MouseEvent, to: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; role="group" names the set of region links
    <svg ref={svgRef} className="eco-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label}>
      <path className="eco-map__land" d={land} />
      <path className="eco-map__borders" d={innerBorders} />
      {regions.map((region) => {
        const href = `/regions/${encodeURIComponent(region.id)}`;
        return (
          <a
            key={region.id}
            href={href}
            className="eco-map__region-link"
            aria-label={regionLabel ? regionLabel(region) : pickLabel(region.name, language)}
            onClick={(event) => go(event, href)}
          >
            <path className="eco-map__region" d={region.shape} />
          </a>
        );
      })}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in it takes focus; the dots repeat the list below */}
      <g className="eco-map__dots" aria-hidden="true">
        {shown.map((point) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut to the profile; the list below the map is the keyboard way there
          <circle
            key={point.id}
            className={point.placedBy === 'region' ? 'eco-map__dot eco-map__dot--approx' : 'eco-map__dot'}
            cx={point.x}
            cy={point.y}
            r={DOT_RADIUS}
            fill={stageColour(point.stages[0])}
            onClick={(event) => go(event, `/organisations/${encodeURIComponent(point.id)}`)}
          >
            <title>
              {language === 'en' && point.nameEn ? point.nameEn : point.name} —{' '}
              {point.municipality.name[language === 'sv' ? 'sv' : 'fi']}
              {point.placedBy === 'region' ? ` (${t('regions.placedByRegion')})` : ''}
            </title>
          </circle>
        ))}
      </g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: plain text; the region links carry the names */}
      <g className="eco-map__labels" aria-hidden="true" fontSize={labelSize} strokeWidth={labelSize / 4}>
        {placeLabels(regions, language, labelSize).map((l) => (
          <text key={l.id} className="eco-map__label" x={l.x} y={l.y} textAnchor={l.anchor}>
            {l.text}
          </text>
        ))}
      </g>
    </svg>
  );
}

type LabelPlacement = { id: string; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };

/**
 * Region names beside their main city's dots: to the right if the name fits, else to the left,
 * below or above — the first place that stays on the map and clears the names placed before.
 */
function placeLabels(
  regions: { id: string; name: Localised; anchor: [number, number] | null; labelDx: number }[],
  language: Language,
  size: number,
): LabelPlacement[] {
  const boxes: [number, number, number, number][] = [];
  const placed: LabelPlacement[] = [];
  for (const region of regions) {
    if (!region.anchor) continue;
    const [ax, ay] = region.anchor;
    const text = shortName(pickLabel(region.name, language));
    const w = text.length * LABEL_CHAR_EM * size;
    const d = region.labelDx;
    const options: LabelPlacement[] = [
      { id: region.id, text, x: ax + d, y: ay + size * 0.35, anchor: 'start' },
      { id: region.id, text, x: ax - d, y: ay + size * 0.35, anchor: 'end' },
      { id: region.id, text, x: ax, y: ay + d + size, anchor: 'middle' },
      { id: region.id, text, x: ax, y: ay - d - size * 0.3, anchor: 'middle' },
    ];
    const boxOf = (o: LabelPlacement): [number, number, number, number] => {
      const left = o.anchor === 'start' ? o.x : o.anchor === 'end' ? o.x - w : o.x - w / 2;
      return [left, o.y - size * 0.8, left + w, o.y + size * 0.25];
    };
    const fits = (b: [number, number, number, number]) =>
      b[0] >= 0 &&
      b[2] <= WIDTH &&
      b[1] >= 0 &&
      b[3] <= HEIGHT &&
      boxes.every((o) => b[2] < o[0] || b[0] > o[2] || b[3] < o[1] || b[1] > o[3]);
    const choice = options.find((o) => fits(boxOf(o))) ?? options[0]!;
    boxes.push(boxOf(choice));
    placed.push(choice);
  }
  return placed;
}

/** Labels sit to the right of the main city's cluster of dots. */
function labelOffset(points: PlacedPoint[], code: string | undefined): number {
  const count = points.filter((p) => p.municipality.code === code).length;
  return (count > 1 ? DOT_SPACING * Math.sqrt(count) : 0) + DOT_RADIUS + 5;
}

/** Where a municipality's dots are centred: the API's point for it, else the centroid of its shape. */
function anchorOf(points: PlacedPoint[], code: string | undefined): [number, number] | null {
  if (!code) return null;
  const point = points.find((p) => p.municipality.code === code);
  if (point) return projection([point.lon, point.lat]);
  const g = geometryByCode.get(code);
  return g ? path.centroid(feature(topology, g)) : null;
}

export default EcosystemMap;
