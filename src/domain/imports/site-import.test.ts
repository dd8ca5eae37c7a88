import { describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/roles.ts';
import { suggestColumnMapping } from './column-mapping.ts';
import { buildOrganisationImportContext } from './organisation-import.ts';
import {
  type ExistingSite,
  findDuplicateSiteRows,
  parseDecimal,
  planSiteImport,
  SITE_IMPORT_FIELDS,
  type SiteImportRow,
  validateSiteRow,
} from './site-import.ts';

const admin: UserActor = {
  kind: 'user',
  userId: 'a',
  role: 'admin',
  organisationId: null,
  regionId: null,
  via: 'session',
};
const kokkolaCoordinator: UserActor = { ...admin, userId: 'k', role: 'coordinator', regionId: 'kokkola' };
const regions = [
  { id: 'kokkola', name: { fi: 'Kokkola', sv: 'Karleby', en: 'Kokkola' } },
  { id: 'vaasa', name: { fi: 'Vaasa', sv: 'Vasa', en: 'Vaasa' } },
];
const asAdmin = buildOrganisationImportContext(admin, regions);
const asCoordinator = buildOrganisationImportContext(kokkolaCoordinator, regions);

function valid(record: Record<string, string>, context = asAdmin): SiteImportRow {
  const result = validateSiteRow(record, 2, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function problems(record: Record<string, string>, context = asAdmin) {
  const result = validateSiteRow(record, 7, context);
  return result.ok ? [] : result.errors.map((e) => [e.row, e.field, e.code]);
}

describe('parseDecimal', () => {
  it.each([
    ['14', 14],
    ['45,5', 45.5],
    ['1 200,5', 1200.5],
    ['15,3 m', 15.3],
    ['0.25', 0.25],
    ['-3', -3],
  ])('reads %j', (text, value) => {
    expect(parseDecimal(text, ['m'])).toEqual({ ok: true, value });
  });

  it.each(['noin sata', '1.200,5', '12 apples', '12 km', '', '1e5', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text, ['m'])).toEqual({ ok: false });
  });
});

describe('validateSiteRow', () => {
  it('reads Finnish numbers with units, an EWKT point, and statuses, permits and yes/no in three languages', () => {
    expect(
      valid({
        name: ' Testipuisto ',
        regionId: 'Karleby',
        geometry: 'SRID=4326;POINT(23.05 63.86)',
        totalAreaHa: '120 ha',
        availableAreaHa: '45,5',
        electricityMw: '80 MW',
        electricityPrice: '42,5 €/MWh',
        fairwayDepthM: '11 m',
        readyInMonths: '6 kk',
        rail: 'kyllä',
        chemicalsHandling: 'nej',
        permitStatus: 'YVA tehty',
        status: 'i drift',
        sources: 'https://example.org/a | https://example.org/b',
        description_sv: 'Ett testområde',
      }),
    ).toEqual({
      name: 'Testipuisto',
      regionId: 'kokkola',
      lat: 63.86,
      lon: 23.05,
      totalAreaHa: 120,
      availableAreaHa: 45.5,
      electricityMw: 80,
      electricityPrice: 42.5,
      fairwayDepthM: 11,
      readyInMonths: 6,
      rail: true,
      chemicalsHandling: false,
      permitStatus: 'eia_done',
      status: 'operating',
      sources: ['https://example.org/a', 'https://example.org/b'],
      description: { sv: 'Ett testområde' },
    });
  });

  it('takes the location from latitude and longitude columns too, and checks they agree with the WKT', () => {
    expect(valid({ name: 'Alfa', lat: '63,1', lon: '21,6' })).toMatchObject({ lat: 63.1, lon: 21.6 });
    expect(valid({ name: 'Alfa', lat: '63.1', lon: '21.6', geometry: 'POINT(21.6 63.1)' })).toMatchObject({
      lat: 63.1,
      lon: 21.6,
    });
    expect(problems({ name: 'Alfa', lat: '63.1', lon: '21.6', geometry: 'POINT(63.1 21.6)' })).toEqual([
      [7, 'geometry', 'coordinates_conflict'],
    ]);
    expect(problems({ name: 'Alfa', lat: '63.1' })).toEqual([[7, 'lon', 'coordinates_incomplete']]);
    expect(problems({ name: 'Alfa', lat: '95', lon: '21' })).toEqual([[7, 'lat', 'out_of_range']]);
  });

  it('names every problem of a row with a code the web app translates', () => {
    expect(
      problems({
        name: '',
        regionId: 'Atlantis',
        geometry: 'POINT(23,05 63,86)',
        totalAreaHa: 'noin sata',
        fairwayDepthM: '-4',
        rail: 'perhaps',
        permitStatus: 'approved',
        status: 'dreaming',
        sources: 'ftp://x',
      }),
    ).toEqual([
      [7, 'name', 'required'],
      [7, 'regionId', 'unknown_region'],
      [7, 'totalAreaHa', 'not_a_number'],
      [7, 'fairwayDepthM', 'negative'],
      [7, 'geometry', 'wkt_syntax'],
      [7, 'status', 'unknown_status'],
      [7, 'permitStatus', 'unknown_permit'],
      [7, 'rail', 'not_boolean'],
      [7, 'sources', 'invalid_source'],
    ]);
    expect(problems({ name: 'Alfa', geometry: 'SRID=3067;POINT(310000 7080000)' })).toEqual([
      [7, 'geometry', 'wkt_srid'],
    ]);
    expect(problems({ name: 'Alfa', totalAreaHa: '10', availableAreaHa: '20' })).toEqual([
      [7, 'availableAreaHa', 'invalid'],
    ]);
  });

  it('lets a coordinator import their own region only', () => {
    expect(problems({ name: 'Alfa', regionId: 'Vasa' }, asCoordinator)).toEqual([
      [7, 'regionId', 'other_region'],
    ]);
    expect(valid({ name: 'Alfa', regionId: 'kokkola' }, asCoordinator).regionId).toBe('kokkola');
  });
});

describe('column mapping', () => {
  it('maps the fixture files’ Finnish and English headers without asking', () => {
    const finnish = suggestColumnMapping(SITE_IMPORT_FIELDS, [
      'Nimi',
      'Alue',
      'Sijainti',
      'Pinta-ala (ha)',
      'Vapaa pinta-ala (ha)',
      'Sähköteho (MW)',
      'Sähkön hinta (€/MWh)',
      'Prosessivesi (m³/h)',
      'Väylän syvyys (m)',
      'Raideyhteys',
      'Luvitus',
      'Valmis rakentamaan (kk)',
      'Lähteet',
    ]);
    expect(finnish).toEqual({
      name: 'Nimi',
      regionId: 'Alue',
      geometry: 'Sijainti',
      totalAreaHa: 'Pinta-ala (ha)',
      availableAreaHa: 'Vapaa pinta-ala (ha)',
      electricityMw: 'Sähköteho (MW)',
      electricityPrice: 'Sähkön hinta (€/MWh)',
      processWaterM3h: 'Prosessivesi (m³/h)',
      fairwayDepthM: 'Väylän syvyys (m)',
      rail: 'Raideyhteys',
      permitStatus: 'Luvitus',
      readyInMonths: 'Valmis rakentamaan (kk)',
      sources: 'Lähteet',
    });
    const swedish = suggestColumnMapping(SITE_IMPORT_FIELDS, [
      'Namn',
      'Kommun',
      'Läge',
      'Farledsdjup (m)',
      'Järnväg',
    ]);
    expect(swedish).toEqual({
      name: 'Namn',
      municipality: 'Kommun',
      geometry: 'Läge',
      fairwayDepthM: 'Farledsdjup (m)',
      rail: 'Järnväg',
    });
  });
});

describe('findDuplicateSiteRows', () => {
  it('reports the later of two rows naming the same site', () => {
    const row = (name: string) => ({ name, description: {}, sources: [] });
    expect(
      findDuplicateSiteRows([
        { row: 2, value: row('Testipuisto A') },
        { row: 3, value: row('testipuisto a') },
        { row: 4, value: row('Testipuisto B') },
      ]),
    ).toMatchObject([{ row: 3, field: 'name', code: 'duplicate_site', params: { otherRow: 2 } }]);
  });
});

describe('planSiteImport', () => {
  const stored: ExistingSite = {
    id: 'testipuisto',
    name: 'Testipuisto',
    operatorOrganisationId: null,
    regionId: 'kokkola',
    municipality: 'Kokkola',
    lat: 63.86,
    lon: 23.05,
    status: 'operating',
    description: { fi: 'Kuvaus', sv: '', en: '' },
    totalAreaHa: 120,
    availableAreaHa: 45,
    utilities: [
      {
        kind: 'electricity',
        capacity: 80,
        capacityUnit: 'MW',
        price: null,
        priceUnit: '€/MWh',
        note: 'Grid',
      },
    ],
    portName: null,
    fairwayDepthM: 11,
    portDistanceKm: null,
    rail: true,
    chemicalsHandling: false,
    permitStatus: 'zoned',
    permitNote: null,
    readyInMonths: null,
    sources: [],
    isPublic: true,
  };
  const organisations = [
    { id: 'kip-service', name: 'KIP Service Oy', regionId: 'kokkola', isPublic: true },
    { id: 'hidden', name: 'Hidden Oy', regionId: 'vaasa', isPublic: false },
  ];
  const plan = (value: Partial<SiteImportRow>, actor = admin, existing = [stored]) =>
    planSiteImport({
      values: [{ row: 2, value: { name: 'Testipuisto', description: {}, sources: [], ...value } }],
      existing,
      organisations,
      actor,
    });

  it('creates a new site under the slug of its name, with defaults for what the row leaves empty', () => {
    const { operations, errors } = plan({ name: 'Uusi Puisto', regionId: 'vaasa', electricityMw: 20 });
    expect(errors).toEqual([]);
    expect(operations[0]).toMatchObject({
      kind: 'create',
      id: 'uusi-puisto',
      values: {
        status: 'operating',
        // Empty cells: not stated, never "no".
        permitStatus: null,
        rail: null,
        chemicalsHandling: null,
        isPublic: true,
        utilities: [
          { kind: 'electricity', capacity: 20, capacityUnit: 'MW', price: null, priceUnit: '€/MWh' },
        ],
      },
    });
  });

  it('keeps an empty rail, chemicals or permit cell apart from a stated no, from the row to the new site', () => {
    const empty = valid({ name: 'Tyhjä Puisto', rail: '', chemicalsHandling: ' ', permitStatus: '' });
    const no = valid({ name: 'Ei Puisto', rail: 'ei', chemicalsHandling: 'nej', permitStatus: 'ei lupia' });
    expect(empty).not.toHaveProperty('rail');
    expect(empty).not.toHaveProperty('chemicalsHandling');
    expect(empty).not.toHaveProperty('permitStatus');
    expect(no).toMatchObject({ rail: false, chemicalsHandling: false, permitStatus: 'none' });
    const created = (value: SiteImportRow) => {
      const op = plan(value).operations[0]!;
      if (op.kind !== 'create') throw new Error(op.kind);
      return op.values;
    };
    expect(created(empty)).toMatchObject({ rail: null, chemicalsHandling: null, permitStatus: null });
    expect(created(no)).toMatchObject({ rail: false, chemicalsHandling: false, permitStatus: 'none' });
    // On a stored site, an empty cell keeps what is stored; a "no" replaces a yes.
    expect(plan({ rail: undefined }).operations[0]).toMatchObject({ kind: 'unchanged' });
    expect(plan({ rail: false }).operations[0]).toMatchObject({
      kind: 'update',
      changes: { rail: { from: true, to: false } },
    });
  });

  it('leaves a site alone when the row says what is stored', () => {
    const { operations } = plan({ totalAreaHa: 120, electricityMw: 80, rail: true, sources: [] });
    expect(operations).toEqual([{ kind: 'unchanged', row: 2, id: 'testipuisto' }]);
  });

  it('finds the site by its name whatever the spelling, and then only renames it', () => {
    const { operations } = plan({ name: 'TESTIPUISTO', totalAreaHa: 120 });
    expect(operations).toMatchObject([{ kind: 'update', id: 'testipuisto', set: { name: 'TESTIPUISTO' } }]);
    expect(Object.keys((operations[0] as { changes: object }).changes)).toEqual(['name']);
  });

  it('changes only what the row gives, keeping a utility’s note and adding its price', () => {
    const { operations } = plan({
      electricityPrice: 55,
      fairwayDepthM: 12,
      description: { en: 'Test park' },
    });
    expect(operations[0]).toMatchObject({ kind: 'update', id: 'testipuisto' });
    const op = operations[0] as Extract<(typeof operations)[number], { kind: 'update' }>;
    expect(Object.keys(op.changes).sort()).toEqual(['description', 'fairwayDepthM', 'utilities']);
    expect(op.set.utilities).toEqual([
      { kind: 'electricity', capacity: 80, capacityUnit: 'MW', price: 55, priceUnit: '€/MWh', note: 'Grid' },
    ]);
    expect(op.set.description).toEqual({ fi: 'Kuvaus', sv: '', en: 'Test park' });
  });

  it('finds the operator by id or name among the organisations the importer may see', () => {
    expect(plan({ operator: 'kip service oy' }).operations[0]).toMatchObject({
      set: { operatorOrganisationId: 'kip-service' },
    });
    expect(plan({ operator: 'Hidden Oy' }, kokkolaCoordinator).errors).toMatchObject([
      { field: 'operator', code: 'unknown_organisation' },
    ]);
  });

  it('refuses a coordinator’s rows for another region’s sites', () => {
    const vaasaSite = { ...stored, regionId: 'vaasa' };
    expect(plan({}, kokkolaCoordinator, [vaasaSite]).errors).toMatchObject([{ code: 'not_allowed' }]);
    expect(plan({ name: 'Uusi', regionId: 'vaasa' }, kokkolaCoordinator).errors).toMatchObject([
      { code: 'other_region' },
    ]);
    // Without a region, a coordinator's new site lands in their own region.
    expect(plan({ name: 'Uusi' }, kokkolaCoordinator).operations[0]).toMatchObject({
      kind: 'create',
      values: { regionId: 'kokkola' },
    });
  });

  it('refuses an available area larger than the stored total', () => {
    expect(plan({ availableAreaHa: 500 }).errors).toMatchObject([
      { field: 'availableAreaHa', code: 'invalid' },
    ]);
  });
});
