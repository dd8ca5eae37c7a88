/**
 * A point in Well-Known Text, as GIS tools and PostGIS exports write it: `POINT(lon lat)` or
 * the extended form `SRID=4326;POINT(lon lat)`, in any case, with any spacing. Only WGS 84
 * longitude/latitude (SRID 4326) is accepted: a point in ETRS-TM35FIN (3067) metres would
 * land in the sea off Africa, so it is refused with a message that says what to do.
 */

export type WktPoint = { lon: number; lat: number };
export type WktProblemCode = 'wkt_syntax' | 'wkt_not_point' | 'wkt_empty' | 'wkt_srid' | 'wkt_out_of_range';
export type WktResult =
  | { ok: true; point: WktPoint }
  | { ok: false; code: WktProblemCode; message: string; params?: Record<string, string | number> };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const POINT = new RegExp(String.raw`^POINT\s*\(\s*(${NUMBER})\s+(${NUMBER})\s*\)$`, 'i');

function fail(code: WktProblemCode, message: string, params?: Record<string, string | number>): WktResult {
  return params ? { ok: false, code, message, params } : { ok: false, code, message };
}

export function parseWktPoint(input: string): WktResult {
  let text = input.trim();
  const srid = /^SRID\s*=\s*([^;]*);/i.exec(text);
  if (srid) {
    const code = srid[1]!.trim();
    if (code !== '4326') {
      return fail(
        'wkt_srid',
        `Only SRID=4326 (WGS 84 longitude latitude) is accepted, not SRID=${code}; convert the coordinates to WGS 84 first`,
        { srid: code },
      );
    }
    text = text.slice(srid[0].length).trim();
  }
  const type = /^([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase();
  if (type !== 'POINT') {
    return fail(
      'wkt_not_point',
      type
        ? `A ${type} is not a point; give the site as POINT(lon lat)`
        : `"${input.slice(0, 60)}" is not WKT; write POINT(lon lat), e.g. POINT(23.03 63.84)`,
      { type: type ?? '' },
    );
  }
  if (/^POINT\s+(?:Z|M|ZM)\b/i.test(text))
    return fail('wkt_syntax', 'Give a point with two coordinates: POINT(lon lat)');
  if (/^POINT\s+EMPTY$/i.test(text)) return fail('wkt_empty', 'The point is empty (POINT EMPTY)');
  const match = POINT.exec(text);
  if (!match) {
    return fail(
      'wkt_syntax',
      `"${input.slice(0, 60)}" is not a valid point; write POINT(lon lat) with a space between the numbers and a point as the decimal separator`,
    );
  }
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return fail(
      'wkt_out_of_range',
      `POINT(${match[1]} ${match[2]}) is outside longitude −180…180 / latitude −90…90; is it in another coordinate system?`,
      { lon, lat },
    );
  }
  return { ok: true, point: { lon, lat } };
}
