import { describe, expect, it } from 'vitest';
import { parseWktPoint } from './wkt.ts';

describe('parseWktPoint', () => {
  it.each([
    ['SRID=4326;POINT(23.03 63.84)', 23.03, 63.84],
    ['POINT(23.03 63.84)', 23.03, 63.84],
    ['  srid = 4326 ; point ( 23.03   63.84 )  ', 23.03, 63.84],
    ['Point(-0.5 -1e1)', -0.5, -10],
    ['POINT (21 63)', 21, 63],
    ['POINT(.5 +60.)', 0.5, 60],
  ])('reads %j', (text, lon, lat) => {
    expect(parseWktPoint(text)).toEqual({ ok: true, point: { lon, lat } });
  });

  it('refuses another coordinate system and says what to do', () => {
    const result = parseWktPoint('SRID=3067;POINT(310000 7080000)');
    expect(result).toMatchObject({ ok: false, code: 'wkt_srid', params: { srid: '3067' } });
    expect(!result.ok && result.message).toMatch(/WGS 84/);
  });

  it('refuses coordinates outside longitude/latitude, as from metres without an SRID', () => {
    expect(parseWktPoint('POINT(310000 7080000)')).toMatchObject({ ok: false, code: 'wkt_out_of_range' });
    expect(parseWktPoint('POINT(23 95)')).toMatchObject({ ok: false, code: 'wkt_out_of_range' });
    expect(parseWktPoint('POINT(181 60)')).toMatchObject({ ok: false, code: 'wkt_out_of_range' });
  });

  it.each([
    ['POINT(23,03 63,84)', 'wkt_syntax'],
    ['POINT(23.03)', 'wkt_syntax'],
    ['POINT(23.03 63.84', 'wkt_syntax'],
    ['POINT(23.03 63.84 12)', 'wkt_syntax'],
    ['POINT Z (23.03 63.84 12)', 'wkt_syntax'],
    ['POINT EMPTY', 'wkt_empty'],
    ['LINESTRING(23 63, 24 64)', 'wkt_not_point'],
    ['POLYGON((0 0,1 0,1 1,0 0))', 'wkt_not_point'],
    ['63.84, 23.03', 'wkt_not_point'],
    ['', 'wkt_not_point'],
    ['SRID=4326;', 'wkt_not_point'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parseWktPoint(text)).toMatchObject({ ok: false, code });
  });
});
