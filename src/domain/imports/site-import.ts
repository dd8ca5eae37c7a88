import { canReadOrganisation } from '../auth/permissions.ts';
import type { UserActor } from '../auth/roles.ts';
import type { Localized } from '../i18n/localized.ts';
import {
  canonicalJson,
  normaliseUtility,
  PERMIT_STATUSES,
  type PermitStatus,
  SITE_STATUSES,
  SiteInputSchema,
  type SiteStatus,
  type SiteUtility,
  slugifySiteName,
} from '../sites/site.ts';
import { forbiddenSiteFields } from '../sites/site-access.ts';
import { canCreateSite, canEditSite } from '../sites/site-permissions.ts';
import { parseWktPoint } from '../sites/wkt.ts';
import { normaliseHeaderName } from './column-mapping.ts';
import type { ImportField, ImportKindDefinition, RowError, RowResult } from './import-kind.ts';
import {
  ORGANISATION_IMPORT_FIELDS,
  type OrganisationImportContext,
  parseYesNo,
} from './organisation-import.ts';

/**
 * The `sites` import kind, pure part: the fields a person maps (names in fi/sv/en), the rules
 * of one row — numbers with a decimal comma or point and an optional unit, a location as WKT
 * (`SRID=4326;POINT(lon lat)` or `POINT(lon lat)`) or as latitude and longitude columns,
 * statuses and permits in three languages — checked with the API's own SiteInputSchema, and
 * the plan: which row creates, updates or leaves alone which site.
 *
 * Deterministic ids make a re-import change nothing: a row is the site with the same Kenno
 * id, else the site whose name gives the same slug; a new site gets the slug of its name.
 * An empty cell leaves the stored value as it is; on a new site it is not stated (null), so an
 * empty rail, chemicals or permit cell never reads as "no".
 */

export const SITE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The fields both imports have: region, municipality, descriptions, public. */
const shared = (key: string): ImportField => ORGANISATION_IMPORT_FIELDS.find((f) => f.key === key)!;

/** A field; its labels in the three languages map to it too ("Väylän syvyys (m)"). */
function field(
  key: string,
  required: boolean,
  label: Localized,
  names: string[],
  hint?: Localized,
): ImportField {
  const aliases = [...names, label.fi, label.sv, label.en];
  return hint ? { key, label, required, aliases, hint } : { key, label, required, aliases };
}

const NUMBER_HINT = (unit: string): Localized => ({
  fi: `Luku (${unit}); desimaalipilkku tai -piste`,
  sv: `Ett tal (${unit}); decimalkomma eller -punkt`,
  en: `A number (${unit}); decimal comma or point`,
});

export const SITE_IMPORT_FIELDS: ImportField[] = [
  field('name', true, { fi: 'Nimi', sv: 'Namn', en: 'Name' }, [
    'nimi',
    'namn',
    'site',
    'site name',
    'kohde',
    'kohteen nimi',
    'teollisuusalue',
    'teollisuuspuisto',
    'industrial park',
    'industrial site',
    'park',
    'industriområde',
    'industripark',
    'områdets namn',
    'alueen nimi',
  ]),
  shared('regionId'),
  shared('municipality'),
  field(
    'geometry',
    false,
    { fi: 'Sijainti (WKT)', sv: 'Läge (WKT)', en: 'Location (WKT)' },
    [
      'geometry',
      'geom',
      'the geom',
      'wkt',
      'geometria',
      'geometri',
      'sijainti',
      'läge',
      'location',
      'point',
      'piste',
      'punkt',
    ],
    {
      fi: 'SRID=4326;POINT(pituus leveys) tai POINT(pituus leveys), esim. POINT(23.03 63.84)',
      sv: 'SRID=4326;POINT(longitud latitud) eller POINT(longitud latitud), t.ex. POINT(23.03 63.84)',
      en: 'SRID=4326;POINT(lon lat) or POINT(lon lat), e.g. POINT(23.03 63.84)',
    },
  ),
  field('lat', false, { fi: 'Leveysaste', sv: 'Latitud', en: 'Latitude' }, [
    'lat',
    'latitude',
    'leveysaste',
    'leveys',
    'latitud',
    'breddgrad',
    'wgs84 lat',
  ]),
  field('lon', false, { fi: 'Pituusaste', sv: 'Longitud', en: 'Longitude' }, [
    'lon',
    'lng',
    'long',
    'longitude',
    'pituusaste',
    'pituus',
    'longitud',
    'längdgrad',
    'wgs84 lon',
  ]),
  field(
    'status',
    false,
    { fi: 'Tila', sv: 'Status', en: 'Status' },
    ['status', 'tila', 'vaihe', 'läge i projektet', 'stage'],
    {
      fi: 'toiminnassa, kehitteillä tai suunniteltu',
      sv: 'i drift, under utveckling eller planerad',
      en: 'operating, developing or planned',
    },
  ),
  field(
    'totalAreaHa',
    false,
    { fi: 'Pinta-ala (ha)', sv: 'Areal (ha)', en: 'Area (ha)' },
    [
      'area',
      'area ha',
      'total area',
      'total area ha',
      'pinta-ala',
      'pinta-ala ha',
      'kokonaispinta-ala',
      'areal',
      'areal ha',
      'total areal',
      'yta',
      'hectares',
      'hehtaarit',
    ],
    NUMBER_HINT('ha'),
  ),
  field(
    'availableAreaHa',
    false,
    { fi: 'Vapaa pinta-ala (ha)', sv: 'Ledig areal (ha)', en: 'Available area (ha)' },
    [
      'available area',
      'available area ha',
      'free land',
      'free land ha',
      'vapaa pinta-ala',
      'vapaa pinta-ala ha',
      'vapaata maata',
      'vapaa maa',
      'ledig areal',
      'ledig areal ha',
      'ledig mark',
      'tillgänglig yta',
    ],
    NUMBER_HINT('ha'),
  ),
  field(
    'electricityMw',
    false,
    { fi: 'Sähköteho (MW)', sv: 'Eleffekt (MW)', en: 'Electricity (MW)' },
    [
      'electricity',
      'electricity mw',
      'power mw',
      'grid capacity',
      'grid capacity mw',
      'sähkö',
      'sähkö mw',
      'sähköteho',
      'sähköteho mw',
      'liittymäteho',
      'el',
      'el mw',
      'eleffekt',
      'eleffekt mw',
    ],
    NUMBER_HINT('MW'),
  ),
  field(
    'electricityPrice',
    false,
    { fi: 'Sähkön hinta (€/MWh)', sv: 'Elpris (€/MWh)', en: 'Electricity price (€/MWh)' },
    [
      'electricity price',
      'electricity price eur mwh',
      'power price',
      'sähkön hinta',
      'sähkön hinta eur mwh',
      'elpris',
      'elpris eur mwh',
    ],
    NUMBER_HINT('€/MWh'),
  ),
  field(
    'processWaterM3h',
    false,
    { fi: 'Prosessivesi (m³/h)', sv: 'Processvatten (m³/h)', en: 'Process water (m³/h)' },
    [
      'process water',
      'process water m3h',
      'prosessivesi',
      'prosessivesi m3h',
      'processvatten',
      'processvatten m3h',
    ],
    NUMBER_HINT('m³/h'),
  ),
  field(
    'steamTh',
    false,
    { fi: 'Höyry (t/h)', sv: 'Ånga (t/h)', en: 'Steam (t/h)' },
    ['steam', 'steam th', 'höyry', 'höyry th', 'ånga', 'ånga th'],
    NUMBER_HINT('t/h'),
  ),
  field('portName', false, { fi: 'Satama', sv: 'Hamn', en: 'Port' }, [
    'port',
    'port name',
    'satama',
    'hamn',
    'sataman nimi',
    'hamnens namn',
  ]),
  field(
    'fairwayDepthM',
    false,
    { fi: 'Väylän syvyys (m)', sv: 'Farledsdjup (m)', en: 'Fairway depth (m)' },
    [
      'port depth',
      'port depth m',
      'fairway depth',
      'fairway depth m',
      'depth',
      'väylän syvyys',
      'väyläsyvyys',
      'kulkusyvyys',
      'satamasyvyys',
      'syväys',
      'farledsdjup',
      'farledens djup',
      'hamndjup',
      'djup',
    ],
    NUMBER_HINT('m'),
  ),
  field(
    'portDistanceKm',
    false,
    { fi: 'Etäisyys satamaan (km)', sv: 'Avstånd till hamn (km)', en: 'Distance to port (km)' },
    [
      'port distance',
      'port distance km',
      'distance to port',
      'etäisyys satamaan',
      'etäisyys satamaan km',
      'avstånd till hamn',
      'avstånd till hamn km',
    ],
    NUMBER_HINT('km'),
  ),
  field(
    'rail',
    false,
    { fi: 'Raideyhteys', sv: 'Järnvägsförbindelse', en: 'Rail' },
    [
      'rail',
      'railway',
      'rail connection',
      'rautatie',
      'raide',
      'raideyhteys',
      'rataverkko',
      'järnväg',
      'järnvägsförbindelse',
      'spår',
    ],
    { fi: 'kyllä/ei', sv: 'ja/nej', en: 'yes/no' },
  ),
  field(
    'chemicalsHandling',
    false,
    { fi: 'Kemikaalien käsittely', sv: 'Kemikaliehantering', en: 'Chemicals handling' },
    [
      'chemicals',
      'chemicals handling',
      'chemical industry',
      'kemikaalit',
      'kemikaalien käsittely',
      'kemianteollisuus',
      'kemikaliehantering',
      'kemikalier',
      'kemisk industri',
    ],
    { fi: 'kyllä/ei', sv: 'ja/nej', en: 'yes/no' },
  ),
  field(
    'permitStatus',
    false,
    { fi: 'Luvitus', sv: 'Tillstånd', en: 'Permit status' },
    [
      'permit',
      'permit status',
      'permits',
      'lupa',
      'luvat',
      'lupatilanne',
      'luvitus',
      'kaavoitus',
      'tillstånd',
      'tillståndsläge',
    ],
    {
      fi: 'ei, kaavoitettu, YVA tehty, ympäristölupa tai Seveso-valmius',
      sv: 'inget, planlagd, MKB klar, miljötillstånd eller Seveso-beredskap',
      en: 'none, zoned, EIA done, environmental permit or Seveso-ready',
    },
  ),
  field('permitNote', false, { fi: 'Lupahuomautus', sv: 'Anmärkning om tillstånd', en: 'Permit note' }, [
    'permit note',
    'lupahuomautus',
    'lupatiedot',
    'tillståndsanmärkning',
    'anmärkning om tillstånd',
  ]),
  field(
    'readyInMonths',
    false,
    { fi: 'Valmis rakentamaan (kk)', sv: 'Byggklar (mån)', en: 'Ready to build (months)' },
    [
      'ready in months',
      'ready months',
      'readiness',
      'valmius kk',
      'valmis rakentamaan',
      'valmis rakentamaan kk',
      'byggklar',
      'byggklar mån',
    ],
    NUMBER_HINT('kk / mån / months'),
  ),
  field(
    'operator',
    false,
    { fi: 'Ylläpitäjä', sv: 'Förvaltare', en: 'Operator' },
    [
      'operator',
      'operator organisation',
      'operator organization',
      'ylläpitäjä',
      'operaattori',
      'haltija',
      'förvaltare',
      'operatör',
    ],
    {
      fi: 'Rekisterin organisaation tunniste tai nimi',
      sv: 'Id eller namn på en organisation i registret',
      en: 'The id or name of an organisation of the registry',
    },
  ),
  shared('description_fi'),
  shared('description_sv'),
  shared('description_en'),
  field(
    'sources',
    false,
    { fi: 'Lähteet', sv: 'Källor', en: 'Sources' },
    ['source', 'sources', 'lähde', 'lähteet', 'källa', 'källor', 'url', 'web'],
    {
      fi: 'Verkko-osoitteet, erottimena | tai välilyönti',
      sv: 'Webbadresser, åtskilda med | eller mellanslag',
      en: 'Web addresses separated by | or spaces',
    },
  ),
  shared('isPublic'),
  field(
    'id',
    false,
    { fi: 'Kennon tunniste', sv: 'Kenno-id', en: 'Kenno id' },
    ['id', 'kenno id', 'kennon tunniste', 'tunniste', 'site id'],
    {
      fi: 'Päivittää juuri sen kohteen',
      sv: 'Uppdaterar just det området',
      en: 'Updates exactly that site',
    },
  ),
];

function lookup<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, names] of Object.entries(entries) as [T, string[]][])
    for (const name of [value, ...names]) map.set(normaliseHeaderName(name), value);
  return map;
}

const STATUS_NAMES = lookup<SiteStatus>({
  operating: ['toiminnassa', 'käytössä', 'i drift', 'i bruk', 'in operation', 'operational'],
  developing: [
    'kehitteillä',
    'rakenteilla',
    'under utveckling',
    'under byggnad',
    'under development',
    'under construction',
  ],
  planned: ['suunniteltu', 'suunnitteilla', 'planerad', 'planerat', 'plan'],
});

const PERMIT_NAMES = lookup<PermitStatus>({
  none: ['ei', 'ei lupia', 'inget', 'inga', 'ingen', 'no', 'no permit'],
  zoned: ['kaavoitettu', 'asemakaavoitettu', 'planlagd', 'detaljplanerad', 'zoning', 'zoned for industry'],
  eia_done: [
    'yva',
    'yva tehty',
    'yva valmis',
    'mkb',
    'mkb klar',
    'mkb gjord',
    'eia',
    'eia done',
    'eia completed',
  ],
  environmental_permit: [
    'ympäristölupa',
    'ympäristölupa myönnetty',
    'miljötillstånd',
    'environmental permit',
    'permit granted',
  ],
  seveso_ready: ['seveso', 'seveso-valmius', 'seveso valmis', 'seveso-beredskap', 'seveso ready'],
});

/** Units a number cell may end with, per field. */
const UNITS: Record<string, string[]> = {
  totalAreaHa: ['ha', 'hehtaaria', 'hektar', 'hectares'],
  availableAreaHa: ['ha', 'hehtaaria', 'hektar', 'hectares'],
  electricityMw: ['mw'],
  electricityPrice: ['€/mwh', 'eur/mwh', 'e/mwh'],
  processWaterM3h: ['m3/h', 'm³/h'],
  steamTh: ['t/h'],
  fairwayDepthM: ['m', 'metriä', 'meter'],
  portDistanceKm: ['km'],
  readyInMonths: ['kk', 'kuukautta', 'mån', 'månader', 'months', 'mo'],
};

export type NumberParse = { ok: true; value: number } | { ok: false };

/** "1 200,5", "14 m", "0.5" → numbers; "1.200,5", "12 apples", "abc" → not. */
export function parseDecimal(text: string, units: string[] = []): NumberParse {
  let value = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const lower = value.toLowerCase();
  const unit = units.find((u) => lower.endsWith(u) && /[\d\s]$/.test(lower.slice(0, -u.length)));
  if (unit) value = value.slice(0, -unit.length).trim();
  value = value.replace(/ /g, '');
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(value)) return { ok: false };
  return { ok: true, value: Number(value.replace(',', '.')) };
}

export type SiteImportContext = OrganisationImportContext;

export type SiteImportRow = {
  id?: string;
  name: string;
  regionId?: string;
  municipality?: string;
  lat?: number;
  lon?: number;
  status?: SiteStatus;
  totalAreaHa?: number;
  availableAreaHa?: number;
  electricityMw?: number;
  electricityPrice?: number;
  processWaterM3h?: number;
  steamTh?: number;
  portName?: string;
  fairwayDepthM?: number;
  portDistanceKm?: number;
  rail?: boolean;
  chemicalsHandling?: boolean;
  permitStatus?: PermitStatus;
  permitNote?: string;
  readyInMonths?: number;
  /** The operator as written: an organisation id or name, resolved by the plan. */
  operator?: string;
  description: Partial<Localized>;
  sources: string[];
  isPublic?: boolean;
};

type Fail = (field: string, code: string, message: string, params?: Record<string, string | number>) => void;

const NUMBER_FIELDS = [
  'totalAreaHa',
  'availableAreaHa',
  'electricityMw',
  'electricityPrice',
  'processWaterM3h',
  'steamTh',
  'fairwayDepthM',
  'portDistanceKm',
  'readyInMonths',
] as const;

function parseLocation(cell: (key: string) => string, fail: Fail): { lat?: number; lon?: number } {
  const wkt = cell('geometry');
  const latText = cell('lat');
  const lonText = cell('lon');
  let fromColumns: { lat: number; lon: number } | undefined;
  if (latText || lonText) {
    if (!latText || !lonText) {
      fail(latText ? 'lon' : 'lat', 'coordinates_incomplete', 'Give both latitude and longitude');
    } else {
      const lat = parseDecimal(latText);
      const lon = parseDecimal(lonText);
      if (!lat.ok) fail('lat', 'not_a_number', `"${latText}" is not a number`, { value: latText });
      if (!lon.ok) fail('lon', 'not_a_number', `"${lonText}" is not a number`, { value: lonText });
      if (lat.ok && lon.ok) {
        if (Math.abs(lat.value) > 90)
          fail('lat', 'out_of_range', 'A latitude is between −90 and 90', { value: latText });
        else if (Math.abs(lon.value) > 180)
          fail('lon', 'out_of_range', 'A longitude is between −180 and 180', { value: lonText });
        else fromColumns = { lat: lat.value, lon: lon.value };
      }
    }
  }
  if (!wkt) return fromColumns ?? {};
  const parsed = parseWktPoint(wkt);
  if (!parsed.ok) {
    fail('geometry', parsed.code, parsed.message, { value: wkt.slice(0, 100), ...parsed.params });
    return {};
  }
  const { lat, lon } = parsed.point;
  if (fromColumns && (Math.abs(fromColumns.lat - lat) > 1e-6 || Math.abs(fromColumns.lon - lon) > 1e-6)) {
    fail('geometry', 'coordinates_conflict', `The point ${wkt} and the latitude/longitude columns disagree`, {
      value: wkt.slice(0, 100),
    });
  }
  return { lat, lon };
}

export function validateSiteRow(
  record: Record<string, string>,
  row: number,
  context: SiteImportContext,
): RowResult<SiteImportRow> {
  const errors: RowError[] = [];
  const failed = new Set<string>();
  const fail: Fail = (key, code, message, params) => {
    failed.add(key);
    errors.push({ row, column: null, field: key, code, message, ...(params ? { params } : {}) });
  };
  const cell = (key: string) => (record[key] ?? '').trim();
  const optional = (key: string) => cell(key) || undefined;

  const name = cell('name');
  if (!name) fail('name', 'required', 'The name is missing');

  let regionId: string | undefined;
  const regionText = cell('regionId');
  if (regionText) {
    regionId = context.regionIds.get(normaliseHeaderName(regionText));
    if (!regionId) {
      fail('regionId', 'unknown_region', `"${regionText}" is not a region of the network`, {
        value: regionText,
      });
    } else if (context.actor.role === 'coordinator' && regionId !== context.actor.regionId) {
      fail(
        'regionId',
        'other_region',
        `"${regionText}" is another region; you may import sites of your own region only`,
        {
          value: regionText,
        },
      );
    }
  }

  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
  for (const key of NUMBER_FIELDS) {
    const text = cell(key);
    if (!text) continue;
    const parsed = parseDecimal(text, UNITS[key]);
    if (!parsed.ok) fail(key, 'not_a_number', `"${text}" is not a number`, { value: text });
    else if (parsed.value < 0) fail(key, 'negative', `"${text}" is negative`, { value: text });
    else numbers[key] = parsed.value;
  }

  const location = parseLocation(cell, fail);

  let status: SiteStatus | undefined;
  const statusText = cell('status');
  if (statusText) {
    status = STATUS_NAMES.get(normaliseHeaderName(statusText));
    if (!status)
      fail('status', 'unknown_status', `"${statusText}" is not a status (${SITE_STATUSES.join(', ')})`, {
        value: statusText,
      });
  }
  let permitStatus: PermitStatus | undefined;
  const permitText = cell('permitStatus');
  if (permitText) {
    permitStatus = PERMIT_NAMES.get(normaliseHeaderName(permitText));
    if (!permitStatus)
      fail(
        'permitStatus',
        'unknown_permit',
        `"${permitText}" is not a permit status (${PERMIT_STATUSES.join(', ')})`,
        {
          value: permitText,
        },
      );
  }
  const booleans: Partial<Record<'rail' | 'chemicalsHandling' | 'isPublic', boolean>> = {};
  for (const key of ['rail', 'chemicalsHandling', 'isPublic'] as const) {
    const text = cell(key);
    if (!text) continue;
    const parsed = parseYesNo(text);
    if (parsed === null) fail(key, 'not_boolean', `"${text}" is not yes or no`, { value: text });
    else booleans[key] = parsed;
  }

  const sources = cell('sources')
    .split(/[|\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const description: Partial<Localized> = {};
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const text = cell(`description_${lang}`);
    if (text) description[lang] = text;
  }
  const id = optional('id');
  if (id && id.length > 100)
    fail('id', 'too_long', 'The Kenno id is longer than 100 characters', { max: 100 });
  const operator = optional('operator');
  if (operator && operator.length > 300)
    fail('operator', 'too_long', 'Longer than 300 characters', { max: 300 });

  // The field rules are the API's own: one schema for a form, the API and an import.
  const parsed = SiteInputSchema.safeParse({
    name,
    regionId,
    municipality: optional('municipality'),
    ...location,
    status,
    description,
    totalAreaHa: numbers.totalAreaHa,
    availableAreaHa: numbers.availableAreaHa,
    portName: optional('portName'),
    fairwayDepthM: numbers.fairwayDepthM,
    portDistanceKm: numbers.portDistanceKm,
    readyInMonths: numbers.readyInMonths,
    permitStatus,
    permitNote: optional('permitNote'),
    sources,
    ...booleans,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      const key = first === 'description' ? `description_${String(second)}` : String(first);
      if (failed.has(key)) continue;
      if (key === 'sources')
        fail(key, 'invalid_source', 'A source is a web address starting with http:// or https://');
      else if (issue.code === 'too_big')
        fail(key, 'too_large', `Larger than ${Number(issue.maximum)}`, { max: Number(issue.maximum) });
      else if (issue.code === 'too_small')
        fail(key, 'too_short', `Shorter than ${Number(issue.minimum)} characters`, {
          min: Number(issue.minimum),
        });
      else fail(key, 'invalid', issue.message);
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };

  const value: SiteImportRow = { name: parsed.data.name, description, sources };
  const copy = value as Record<string, unknown>;
  for (const [key, v] of Object.entries({
    id,
    regionId,
    municipality: parsed.data.municipality,
    ...location,
    status,
    ...numbers,
    portName: parsed.data.portName,
    permitStatus,
    permitNote: parsed.data.permitNote,
    operator,
    ...booleans,
  }))
    if (v !== undefined && v !== null) copy[key] = v;
  return { ok: true, value };
}

/** Two rows of one file naming the same site: an error on the later, naming both. */
export function findDuplicateSiteRows(values: { row: number; value: SiteImportRow }[]): RowError[] {
  const errors: RowError[] = [];
  const byKey = new Map<string, number>();
  for (const { row, value } of values) {
    const key = value.id ? `id:${value.id}` : `name:${slugifySiteName(value.name)}`;
    const other = byKey.get(key);
    if (other !== undefined) {
      errors.push({
        row,
        column: null,
        field: value.id ? 'id' : 'name',
        code: 'duplicate_site',
        message: `Rows ${other} and ${row} describe the same site "${value.id ?? value.name}"`,
        params: { otherRow: other, value: value.id ?? value.name },
      });
    } else byKey.set(key, row);
  }
  return errors;
}

/** A stored site as the plan needs it. */
export type ExistingSite = {
  id: string;
  name: string;
  operatorOrganisationId: string | null;
  regionId: string | null;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
  status: SiteStatus;
  description: Localized;
  totalAreaHa: number | null;
  availableAreaHa: number | null;
  utilities: SiteUtility[];
  portName: string | null;
  fairwayDepthM: number | null;
  portDistanceKm: number | null;
  /** null: not stated. */
  rail: boolean | null;
  chemicalsHandling: boolean | null;
  permitStatus: PermitStatus | null;
  permitNote: string | null;
  readyInMonths: number | null;
  sources: string[];
  isPublic: boolean;
};

export type OrganisationRef = { id: string; name: string; regionId: string | null; isPublic: boolean };

export type SiteValues = Omit<ExistingSite, 'description'> & { description: Localized };

export type SiteOperation =
  | { kind: 'create'; row: number; id: string; values: SiteValues }
  | {
      kind: 'update';
      row: number;
      id: string;
      set: Partial<SiteValues>;
      changes: Record<string, { from: unknown; to: unknown }>;
    }
  | { kind: 'unchanged'; row: number; id: string };

export type SiteImportPlan = { errors: RowError[]; operations: SiteOperation[] };

const SCALARS = [
  'name',
  'regionId',
  'municipality',
  'lat',
  'lon',
  'status',
  'totalAreaHa',
  'availableAreaHa',
  'portName',
  'fairwayDepthM',
  'portDistanceKm',
  'rail',
  'chemicalsHandling',
  'permitStatus',
  'permitNote',
  'readyInMonths',
  'isPublic',
] as const;

/** The utilities after a row: the row's capacity and price replace the stored ones; the rest stay. */
function mergeUtilities(stored: SiteUtility[], value: SiteImportRow): SiteUtility[] {
  const wanted: { kind: 'electricity' | 'process_water' | 'steam'; capacity?: number; price?: number }[] = [
    { kind: 'electricity', capacity: value.electricityMw, price: value.electricityPrice },
    { kind: 'process_water', capacity: value.processWaterM3h },
    { kind: 'steam', capacity: value.steamTh },
  ];
  let next = stored;
  for (const w of wanted) {
    if (w.capacity === undefined && w.price === undefined) continue;
    const before = next.find((u) => u.kind === w.kind);
    const merged = normaliseUtility({
      kind: w.kind,
      capacity: w.capacity ?? before?.capacity ?? null,
      price: w.price ?? before?.price ?? null,
      ...(before?.note ? { note: before.note } : {}),
    });
    next = before ? next.map((u) => (u.kind === w.kind ? merged : u)) : [...next, merged];
  }
  return next;
}

function resolveOperator(
  text: string,
  organisations: OrganisationRef[],
  actor: UserActor,
): { id: string } | { error: string } {
  const key = normaliseHeaderName(text);
  const readable = organisations.filter((o) => canReadOrganisation(actor, o));
  const byId = readable.find((o) => o.id === text);
  if (byId) return { id: byId.id };
  const named = readable.filter((o) => normaliseHeaderName(o.name) === key);
  if (named.length === 1) return { id: named[0]!.id };
  return { error: named.length ? 'ambiguous_organisation' : 'unknown_organisation' };
}

/**
 * Decides, from the stored sites and organisations, what each valid row does. Pure: the job
 * runs it again inside the commit transaction, so what it decides is what gets written.
 */
export function planSiteImport(args: {
  values: { row: number; value: SiteImportRow }[];
  existing: ExistingSite[];
  organisations: OrganisationRef[];
  actor: UserActor;
}): SiteImportPlan {
  const { actor } = args;
  const byId = new Map(args.existing.map((s) => [s.id, s]));
  const bySlug = new Map<string, ExistingSite>();
  for (const s of args.existing) bySlug.set(slugifySiteName(s.name), s);
  const taken = new Set(byId.keys());
  const errors: RowError[] = [];
  const operations: SiteOperation[] = [];

  for (const { row, value } of args.values) {
    const rowErrors: RowError[] = [];
    const fail: Fail = (key, code, message, params) =>
      rowErrors.push({ row, column: null, field: key, code, message, ...(params ? { params } : {}) });
    const slug = slugifySiteName(value.name);
    const target = (value.id ? byId.get(value.id) : undefined) ?? bySlug.get(slug) ?? byId.get(slug);

    let operatorOrganisationId: string | undefined;
    if (value.operator) {
      const resolved = resolveOperator(value.operator, args.organisations, actor);
      if ('id' in resolved) operatorOrganisationId = resolved.id;
      else
        fail(
          'operator',
          resolved.error,
          resolved.error === 'ambiguous_organisation'
            ? `Several organisations are named "${value.operator}"; give its Kenno id`
            : `"${value.operator}" is not an organisation of the registry`,
          { value: value.operator },
        );
    }

    if (target) {
      if (!canEditSite(actor, target)) {
        fail('regionId', 'not_allowed', `"${target.name}" (${target.id}) is not yours to change`, {
          id: target.id,
        });
      } else if (
        forbiddenSiteFields(actor, target, { regionId: value.regionId, operatorOrganisationId }).length
      ) {
        fail(
          'regionId',
          'not_allowed',
          `Your role may not move "${target.name}" to another region or operator`,
          {
            id: target.id,
          },
        );
      }
    } else {
      if (!slug) fail('name', 'name_without_letters', 'The name has no letters or digits to make an id from');
      const regionId = value.regionId ?? (actor.role === 'coordinator' ? actor.regionId : null);
      if (!canCreateSite(actor, regionId ?? null))
        fail('regionId', 'other_region', 'You may import sites of your own region only', {
          value: regionId ?? '',
        });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }

    const scalars: Partial<SiteValues> = {};
    for (const key of SCALARS)
      if (value[key] !== undefined) (scalars as Record<string, unknown>)[key] = value[key];
    if (operatorOrganisationId) scalars.operatorOrganisationId = operatorOrganisationId;

    if (!target) {
      const id = freeId(slug, taken);
      taken.add(id);
      operations.push({
        kind: 'create',
        row,
        id,
        values: {
          id,
          name: value.name,
          operatorOrganisationId: operatorOrganisationId ?? null,
          regionId: value.regionId ?? (actor.role === 'coordinator' ? actor.regionId : null),
          municipality: value.municipality ?? null,
          lat: value.lat ?? null,
          lon: value.lon ?? null,
          status: value.status ?? 'operating',
          description: { fi: '', sv: '', en: '', ...value.description },
          totalAreaHa: value.totalAreaHa ?? null,
          availableAreaHa: value.availableAreaHa ?? null,
          utilities: mergeUtilities([], value),
          portName: value.portName ?? null,
          fairwayDepthM: value.fairwayDepthM ?? null,
          portDistanceKm: value.portDistanceKm ?? null,
          // An empty cell does not say no: the new site leaves it unstated.
          rail: value.rail ?? null,
          chemicalsHandling: value.chemicalsHandling ?? null,
          permitStatus: value.permitStatus ?? null,
          permitNote: value.permitNote ?? null,
          readyInMonths: value.readyInMonths ?? null,
          sources: value.sources,
          isPublic: value.isPublic ?? true,
        },
      });
      continue;
    }

    const set: Partial<SiteValues> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = <K extends keyof SiteValues>(key: K, next: SiteValues[K]) => {
      if (canonicalJson(next) === canonicalJson(target[key as keyof ExistingSite])) return;
      set[key] = next;
      changes[key] = { from: target[key as keyof ExistingSite], to: next };
    };
    for (const [key, next] of Object.entries(scalars)) change(key as keyof SiteValues, next as never);
    change('description', { ...target.description, ...value.description });
    change('utilities', mergeUtilities(target.utilities, value));
    change('sources', [...new Set([...target.sources, ...value.sources])]);
    if (
      (set.availableAreaHa ?? target.availableAreaHa) !== null &&
      (set.totalAreaHa ?? target.totalAreaHa) !== null &&
      (set.availableAreaHa ?? target.availableAreaHa)! > (set.totalAreaHa ?? target.totalAreaHa)!
    ) {
      errors.push({
        row,
        column: null,
        field: 'availableAreaHa',
        code: 'invalid',
        message: `The available area is larger than the total area of "${target.name}"`,
      });
      continue;
    }
    if (Object.keys(changes).length === 0) operations.push({ kind: 'unchanged', row, id: target.id });
    else operations.push({ kind: 'update', row, id: target.id, set, changes });
  }
  return { errors, operations };
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function summariseSitePlan(operations: SiteOperation[]) {
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const op of operations) {
    if (op.kind === 'create') summary.created++;
    else if (op.kind === 'update') summary.updated++;
    else summary.unchanged++;
  }
  return summary;
}

export const sitesImportDefinition: ImportKindDefinition<SiteImportRow, SiteImportContext> = {
  kind: 'sites',
  title: { fi: 'Teollisuusalueet', sv: 'Industriområden', en: 'Industrial sites' },
  fields: SITE_IMPORT_FIELDS,
  maxBytes: SITE_IMPORT_MAX_BYTES,
  coordinatorsMayImport: true,
  validateRow: validateSiteRow,
  validateAll: (values) => findDuplicateSiteRows(values),
};
