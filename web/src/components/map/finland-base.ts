// Finland as a base layer for point maps: the land and the municipal borders from the shipped,
// already projected TopoJSON (data/geo/finland-map.topo.json), and the projection for points.
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import topologyJson from '../../../../data/geo/finland-map.topo.json' with { type: 'json' };

type MunicipalityProperties = { code: string; fi: string; sv: string };
type MapTopology = Topology<{ municipalities: GeometryCollection<MunicipalityProperties> }> & {
  size: [number, number];
  projection: { rotate: [number, number]; scale: number; translate: [number, number] };
};

const topology = topologyJson as unknown as MapTopology;
const municipalities = topology.objects.municipalities;
const shapes = municipalities.geometries as Array<
  Polygon<MunicipalityProperties> | MultiPolygon<MunicipalityProperties>
>;

export const [MAP_WIDTH, MAP_HEIGHT] = topology.size;

const projection = geoTransverseMercator()
  .rotate(topology.projection.rotate)
  .scale(topology.projection.scale)
  .translate(topology.projection.translate);
// Planar: the arcs are in map units already.
const path = geoPath();

/** The land's outline: the coast and the border. */
export const LAND_PATH = path(merge(topology, shapes)) ?? '';
/** Every municipal border, drawn faintly. */
export const BORDERS_PATH = path(mesh(topology, municipalities, (a, b) => a !== b)) ?? '';

/** A WGS 84 point in map units, or null when it cannot be projected. */
export function projectPoint(lon: number, lat: number): [number, number] | null {
  return projection([lon, lat]);
}
