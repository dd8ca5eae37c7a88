// Builds the geometry Kenno ships for its ecosystem map from the source TopoJSON in ./source.
//   node data/geo/build-geo.mjs
// Outputs (all committed; nothing is downloaded at run time):
//   finland-municipalities.topo.json  one TopoJSON object `municipalities`, properties {code, fi, sv} (WGS 84)
//   finland-map.topo.json             the same, projected for the web map (planar, map units), with the projection
//   municipality-centroids.json       [{code, fi, sv, lon, lat}] — a point inside each municipality
// See README.md in this folder for the source, its licence and every change made here.
import fs from 'node:fs';
import path from 'node:path';
import { geoArea, geoCentroid, geoContains, geoPath, geoTransverseMercator } from 'd3-geo';
import { feature } from 'topojson-client';

const here = import.meta.dirname;
const source = JSON.parse(fs.readFileSync(path.join(here, 'source/finland-munis-2020.topo.json'), 'utf8'));

// Municipal mergers after the 2020 source, applied here: 1.1.2021 Honkajoki (099) joined Kankaanpää (214).
const MERGERS = { '099': '214' };

const byCode = new Map();
for (const g of source.objects.munis.geometries) byCode.set(g.properties.code, g);
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.arcs] : g.arcs);

const geometries = [];
for (const g of source.objects.munis.geometries) {
  const code = g.properties.code;
  if (MERGERS[code]) continue;
  const absorbed = Object.entries(MERGERS)
    .filter(([, into]) => into === code)
    .map(([from]) => byCode.get(from));
  if (absorbed.length === 0) {
    geometries.push({ type: g.type, arcs: g.arcs, properties: g.properties });
    continue;
  }
  // A MultiPolygon of the parts: the arc they share is drawn by neither the fill nor the border mesh.
  const polygons = [g, ...absorbed].flatMap(polygonsOf);
  geometries.push({ type: 'MultiPolygon', arcs: polygons, properties: g.properties });
}

const topology = {
  type: 'Topology',
  transform: source.transform,
  arcs: source.arcs,
  objects: { municipalities: { type: 'GeometryCollection', geometries } },
};

// Sanity: every ring closes (arcs were copied by hand from the source; a wrong digit breaks a ring).
const decoded = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
});
const arcPoints = (i) => (i >= 0 ? decoded[i] : [...decoded[~i]].reverse());
for (const g of geometries) {
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      ring.forEach((arc, k) => {
        const end = arcPoints(arc).at(-1);
        const next = arcPoints(ring[(k + 1) % ring.length])[0];
        if (end[0] !== next[0] || end[1] !== next[1]) {
          throw new Error(`Ring of ${g.properties.code} does not close at arc ${arc}`);
        }
      });
    }
  }
}

// A point inside each municipality: the centroid of its largest polygon (archipelago
// municipalities would otherwise get a point in the sea), checked to lie inside.
const collection = feature(topology, topology.objects.municipalities);
const centroids = collection.features.map((f) => {
  const parts =
    f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates]
      : f.geometry.coordinates.map((coordinates) => coordinates);
  const largest = parts
    .map((coordinates) => ({ type: 'Polygon', coordinates }))
    .sort((a, b) => geoArea(b) - geoArea(a))[0];
  if (geoArea(largest) > 1) throw new Error(`Ring orientation of ${f.properties.code} is reversed`);
  let [lon, lat] = geoCentroid(largest);
  // A ring-shaped municipality (Jyväskylä around Muurame, Kuopio around Siilinjärvi) has its
  // centroid in its neighbour: take the inside point farthest from the border instead.
  if (!geoContains(f, [lon, lat])) [lon, lat] = innermostPoint(largest);
  return {
    code: f.properties.code,
    fi: f.properties.fi,
    sv: f.properties.sv,
    lon: Math.round(lon * 1e4) / 1e4,
    lat: Math.round(lat * 1e4) / 1e4,
  };
});

/** On a 60 × 60 grid over the polygon's box, the inside point farthest from any of its vertices. */
function innermostPoint(polygon) {
  const vertices = polygon.coordinates.flat();
  const lons = vertices.map((v) => v[0]);
  const lats = vertices.map((v) => v[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  let best = null;
  for (let i = 1; i < 60; i++) {
    for (let j = 1; j < 60; j++) {
      const p = [minLon + ((maxLon - minLon) * i) / 60, minLat + ((maxLat - minLat) * j) / 60];
      if (!geoContains(polygon, p)) continue;
      const d = Math.min(...vertices.map((v) => Math.hypot((v[0] - p[0]) * k, v[1] - p[1])));
      if (!best || d > best.d) best = { p, d };
    }
  }
  if (!best) throw new Error('no inside point found');
  return best.p;
}

fs.writeFileSync(path.join(here, 'finland-municipalities.topo.json'), JSON.stringify(topology));

// The web map draws Finland at a fixed size, so the projection is done here once instead of in
// every browser: transverse Mercator around 27° E (as ETRS-TM35FIN), 560 map units wide, points
// on a half-unit grid. The browser only joins arcs into paths; it projects organisation points
// itself with the parameters stored in `projection`.
const MAP_WIDTH = 560;
const MAP_PADDING = 12;
const GRID = 0.5;
const projection = geoTransverseMercator().rotate([-27, 0]).precision(0);
projection.fitWidth(MAP_WIDTH - 2 * MAP_PADDING, collection);
const [[bx0, by0], [, by1]] = geoPath(projection).bounds(collection);
const [tx, ty] = projection.translate();
projection.translate([tx - bx0 + MAP_PADDING, ty - by0 + MAP_PADDING]);
const mapHeight = Math.ceil(by1 - by0 + 2 * MAP_PADDING);
const [kx, ky] = source.transform.scale;
const [dx0, dy0] = source.transform.translate;
const projectedArcs = decoded.map((arc) => {
  const out = [];
  let px = 0;
  let py = 0;
  for (const [qx, qy] of arc) {
    const [x, y] = projection([qx * kx + dx0, qy * ky + dy0]);
    const gx = Math.round(x / GRID);
    const gy = Math.round(y / GRID);
    if (out.length > 0 && gx === px && gy === py) continue;
    out.push([gx - px, gy - py]);
    px = gx;
    py = gy;
  }
  // An arc shorter than half a unit still needs two points to keep its place in rings.
  if (out.length === 1) out.push([0, 0]);
  return out;
});
const mapTopology = {
  type: 'Topology',
  transform: { scale: [GRID, GRID], translate: [0, 0] },
  size: [MAP_WIDTH, mapHeight],
  projection: {
    type: 'transverseMercator',
    rotate: [-27, 0],
    scale: projection.scale(),
    translate: projection.translate(),
  },
  arcs: projectedArcs,
  objects: topology.objects,
};
fs.writeFileSync(path.join(here, 'finland-map.topo.json'), JSON.stringify(mapTopology));
fs.writeFileSync(
  path.join(here, 'municipality-centroids.json'),
  `[\n${centroids.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`,
);
console.log(`${geometries.length} municipalities, ${topology.arcs.length} arcs, map ${MAP_WIDTH} × ${mapHeight}`);
