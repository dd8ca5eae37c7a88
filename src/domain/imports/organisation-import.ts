import { canCreateOrganisation, canEditOrganisation } from '../auth/permissions.ts';
import type { UserActor } from '../auth/roles.ts';
import type { Localized } from '../i18n/localized.ts';
import { businessIdCheckDigit, businessIdFromVat } from '../registry/business-id.ts';
import {
  ORGANISATION_TYPES,
  OrganisationInputSchema,
  type OrganisationType,
  slugifyOrganisationName,
} from '../registry/organisation.ts';
import { normaliseHeaderName } from './column-mapping.ts';
import type { ImportField, ImportKindDefinition, RowError, RowResult } from './import-kind.ts';

/**
 * The `organisations` import kind, pure part: the fields a person maps, the rules of one row
 * (the same OrganisationInputSchema as the API), duplicates within the file, and the plan —
 * which row creates, updates or leaves alone which organisation — from the stored rows.
 *
 * Deterministic ids make a re-import change nothing: a row is the organisation with the same
 * Kenno id (a column of Kenno's own export), else the same business ID, else the same
 * normalised name; a new organisation gets the slug of its name as id.
 *
 * An empty cell leaves the stored value as it is: an import adds and changes, it never clears.
 * Value-chain concepts are added to the organisation's competences, never removed.
 */

export const ORGANISATION_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

function field(
  key: string,
  required: boolean,
  label: Localized,
  aliases: string[],
  hint?: Localized,
): ImportField {
  return hint ? { key, label, required, aliases, hint } : { key, label, required, aliases };
}

export const ORGANISATION_IMPORT_FIELDS: ImportField[] = [
  field('name', true, { fi: 'Nimi', sv: 'Namn', en: 'Name' }, [
    'nimi',
    'namn',
    'organisation',
    'organization',
    'organisaatio',
    'organisation name',
    'organization name',
    'organisaation nimi',
    'organisationens namn',
    'company',
    'company name',
    'yritys',
    'yrityksen nimi',
    'företag',
    'företagets namn',
    'toiminimi',
  ]),
  field(
    'type',
    true,
    { fi: 'Tyyppi', sv: 'Typ', en: 'Type' },
    [
      'tyyppi',
      'typ',
      'organisation type',
      'organization type',
      'organisaatiotyyppi',
      'organisationstyp',
      'laji',
    ],
    {
      fi: 'Esim. yritys, yliopisto, ammattikorkeakoulu tai tunnus kuten company',
      sv: 'T.ex. företag, universitet, yrkeshögskola eller en kod som company',
      en: 'E.g. company, university, university of applied sciences, or a code such as uas',
    },
  ),
  field(
    'businessId',
    false,
    { fi: 'Y-tunnus', sv: 'FO-nummer', en: 'Business ID' },
    [
      'y-tunnus',
      'y tunnus',
      'fo-nummer',
      'business id',
      'business identity code',
      'company id',
      'yritystunnus',
      'alv-numero',
      'vat number',
    ],
    {
      fi: 'Muodossa 1234567-8; tarkistusnumero tarkistetaan',
      sv: 'I formen 1234567-8; kontrollsiffran kontrolleras',
      en: 'In the form 1234567-8; the check digit is checked',
    },
  ),
  field(
    'regionId',
    false,
    { fi: 'Alue', sv: 'Region', en: 'Region' },
    ['region', 'region id', 'alue', 'seutu', 'kaupunkiseutu', 'city region', 'stadsregion', 'verkostoalue'],
    {
      fi: 'Alueen tunniste tai nimi, esim. kokkola tai Vaasa',
      sv: 'Regionens id eller namn, t.ex. kokkola eller Vasa',
      en: 'The region id or name, e.g. kokkola or Vaasa',
    },
  ),
  field('municipality', false, { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' }, [
    'kunta',
    'kommun',
    'kotikunta',
    'hemkommun',
    'sijaintikunta',
    'paikkakunta',
    'ort',
    'city',
    'kaupunki',
    'stad',
    'town',
  ]),
  field('website', false, { fi: 'Verkkosivusto', sv: 'Webbplats', en: 'Website' }, [
    'web site',
    'www',
    'web',
    'url',
    'homepage',
    'home page',
    'kotisivu',
    'kotisivut',
    'verkkosivu',
    'verkkosivut',
    'verkkosivusto',
    'webbplats',
    'hemsida',
    'webbsida',
  ]),
  field('nameEn', false, { fi: 'Nimi englanniksi', sv: 'Namn på engelska', en: 'Name in English' }, [
    'name en',
    'english name',
    'name in english',
    'nimi englanniksi',
    'englanninkielinen nimi',
    'engelskt namn',
    'namn på engelska',
  ]),
  field(
    'description_fi',
    false,
    { fi: 'Kuvaus suomeksi', sv: 'Beskrivning på finska', en: 'Description in Finnish' },
    [
      'kuvaus',
      'kuvaus fi',
      'kuvaus suomeksi',
      'suomenkielinen kuvaus',
      'beskrivning fi',
      'beskrivning på finska',
      'finnish description',
      'description in finnish',
    ],
  ),
  field(
    'description_sv',
    false,
    { fi: 'Kuvaus ruotsiksi', sv: 'Beskrivning på svenska', en: 'Description in Swedish' },
    [
      'beskrivning',
      'beskrivning sv',
      'beskrivning på svenska',
      'kuvaus ruotsiksi',
      'ruotsinkielinen kuvaus',
      'swedish description',
      'description in swedish',
    ],
  ),
  field(
    'description_en',
    false,
    { fi: 'Kuvaus englanniksi', sv: 'Beskrivning på engelska', en: 'Description in English' },
    [
      'description',
      'kuvaus englanniksi',
      'englanninkielinen kuvaus',
      'beskrivning på engelska',
      'english description',
      'description in english',
    ],
  ),
  field('sme', false, { fi: 'Pk-yritys', sv: 'Små eller medelstort företag', en: 'SME' }, [
    'pk-yritys',
    'pk yritys',
    'pkyritys',
    'pk',
    'sme',
    'smf',
    'small or medium-sized enterprise',
  ]),
  field(
    'isPublic',
    false,
    { fi: 'Julkinen', sv: 'Offentlig', en: 'Public' },
    [
      'is public',
      'public',
      'julkinen',
      'offentlig',
      'published',
      'julkaistu',
      'publicerad',
      'visible',
      'näkyvä',
    ],
    {
      fi: 'kyllä/ei tai true/false; tyhjä uudelle = kyllä',
      sv: 'ja/nej eller true/false; tomt för en ny = ja',
      en: 'yes/no or true/false; empty for a new one = yes',
    },
  ),
  field(
    'valueChainIds',
    false,
    { fi: 'Arvoketjun osaaminen', sv: 'Kompetens i värdekedjan', en: 'Value-chain competences' },
    [
      'value chain ids',
      'value chain',
      'value chain concepts',
      'arvoketju',
      'arvoketjun osaaminen',
      'värdekedja',
      'kompetens i värdekedjan',
      'competences',
      'osaaminen',
      'kompetenser',
      'concepts',
      'käsitteet',
    ],
    {
      fi: 'Käsitteiden tunnisteet puolipisteellä eroteltuina, esim. cam;recycling.black-mass',
      sv: 'Begreppens id åtskilda med semikolon, t.ex. cam;recycling.black-mass',
      en: 'Concept ids separated by semicolons, e.g. cam;recycling.black-mass',
    },
  ),
  field(
    'id',
    false,
    { fi: 'Kennon tunniste', sv: 'Kenno-id', en: 'Kenno id' },
    ['id', 'kenno id', 'kennon tunniste', 'tunniste', 'identifier', 'organisation id', 'organization id'],
    {
      fi: 'Kennon viennin id-sarake: päivittää juuri sen organisaation',
      sv: 'Id-kolumnen i Kennos export: uppdaterar just den organisationen',
      en: "The id column of Kenno's export: updates exactly that organisation",
    },
  ),
];

/** Type names people write, in three languages, as well as the codes. */
const TYPE_NAMES: Record<OrganisationType, string[]> = {
  company: ['Yritys', 'Företag', 'Company', 'Oy', 'Ab'],
  company_rd: ['Yritys (T&K)', 'Företag (FoU)', 'Company (R&D)'],
  state_company: ['Valtionyhtiö', 'Statligt bolag', 'State-owned company'],
  university: ['Yliopisto', 'Universitet', 'University'],
  uas: ['Ammattikorkeakoulu', 'AMK', 'Yrkeshögskola', 'University of applied sciences'],
  vocational: ['Ammatillinen oppilaitos', 'Yrkesläroanstalt', 'Vocational institution'],
  research_org: ['Tutkimuslaitos', 'Forskningsinstitut', 'Research organisation', 'Research organization'],
  city: ['Kaupunki', 'Stad', 'City'],
  municipality: ['Kunta', 'Kommun', 'Municipality'],
  development_company: ['Kehitysyhtiö', 'Utvecklingsbolag', 'Regional development company'],
  industrial_park_operator: [
    'Teollisuuspuiston ylläpitäjä',
    'Förvaltare av industripark',
    'Industrial park operator',
  ],
  cluster_organisation: ['Klusteriorganisaatio', 'Klusterorganisation', 'Cluster organisation'],
  association: ['Yhdistys', 'Förening', 'Association'],
  funder: ['Rahoittaja', 'Finansiär', 'Funder'],
  port: ['Satama', 'Hamn', 'Port'],
  utility: ['Energia- tai vesilaitos', 'Energi- eller vattenverk', 'Energy or water utility'],
};

const TYPE_BY_NAME = new Map<string, OrganisationType>();
for (const type of ORGANISATION_TYPES) {
  for (const name of [type, ...TYPE_NAMES[type]]) TYPE_BY_NAME.set(normaliseHeaderName(name), type);
}

export function parseOrganisationType(value: string): OrganisationType | null {
  return TYPE_BY_NAME.get(normaliseHeaderName(value)) ?? null;
}

const TRUE_WORDS = [
  'true',
  '1',
  'yes',
  'y',
  'x',
  'kyllä',
  'k',
  'ja',
  'j',
  'tosi',
  'sant',
  'public',
  'julkinen',
  'offentlig',
];
const FALSE_WORDS = [
  'false',
  '0',
  'no',
  'n',
  'ei',
  'e',
  'nej',
  'epätosi',
  'falskt',
  'private',
  'yksityinen',
  'privat',
  'ei julkinen',
  'inte offentlig',
];
const BOOLEAN_WORDS = new Map<string, boolean>([
  ...TRUE_WORDS.map((w) => [normaliseHeaderName(w), true] as const),
  ...FALSE_WORDS.map((w) => [normaliseHeaderName(w), false] as const),
]);

export function parseYesNo(value: string): boolean | null {
  return BOOLEAN_WORDS.get(normaliseHeaderName(value)) ?? null;
}

/** "www.example.fi" is a website a person means; it is stored as "https://www.example.fi". */
export function normaliseWebsite(value: string): string {
  if (/^https?:\/\//i.test(value)) return value;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(value)) return `https://${value}`;
  return value;
}

export function splitConceptIds(value: string): string[] {
  const ids = value
    .split(/[;,|\n]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  return [...new Set(ids)];
}

export type RegionName = { id: string; name: Localized };

export type OrganisationImportContext = {
  actor: UserActor;
  /** Normalised region id or fi/sv/en name → region id. */
  regionIds: Map<string, string>;
};

export function buildOrganisationImportContext(
  actor: UserActor,
  regions: RegionName[],
): OrganisationImportContext {
  const regionIds = new Map<string, string>();
  for (const region of regions) {
    for (const name of [region.id, region.name.fi, region.name.sv, region.name.en]) {
      const key = normaliseHeaderName(name);
      if (key && !regionIds.has(key)) regionIds.set(key, region.id);
    }
  }
  return { actor, regionIds };
}

export type OrganisationImportRow = {
  /** A Kenno id given in the file; used only when it names a stored organisation. */
  id?: string;
  name: string;
  nameEn?: string;
  type: OrganisationType;
  regionId?: string;
  municipality?: string;
  businessId?: string;
  website?: string;
  sme?: boolean;
  description: Partial<Localized>;
  isPublic?: boolean;
  valueChainIds: string[];
};

type ErrorSink = (
  field: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
) => void;

export function validateOrganisationRow(
  record: Record<string, string>,
  row: number,
  context: OrganisationImportContext,
): RowResult<OrganisationImportRow> {
  const errors: RowError[] = [];
  const failed = new Set<string>();
  const fail: ErrorSink = (field, code, message, params) => {
    failed.add(field);
    errors.push({ row, column: null, field, code, message, ...(params ? { params } : {}) });
  };
  const cell = (key: string) => (record[key] ?? '').trim();
  const optional = (key: string) => cell(key) || undefined;

  const name = cell('name');
  if (!name) fail('name', 'required', 'The name is missing');

  const typeText = cell('type');
  let type: OrganisationType | null = null;
  if (!typeText) fail('type', 'required', 'The type is missing');
  else {
    type = parseOrganisationType(typeText);
    if (!type) fail('type', 'unknown_type', `"${typeText}" is not an organisation type`, { value: typeText });
  }

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
        `"${regionText}" is another region; you may import organisations of your own region only`,
        { value: regionText },
      );
    }
  }

  const businessIdText = cell('businessId');
  const businessId = businessIdText ? (businessIdFromVat(businessIdText) ?? businessIdText) : undefined;

  let isPublic: boolean | undefined;
  const publicText = cell('isPublic');
  if (publicText) {
    const parsed = parseYesNo(publicText);
    if (parsed === null) {
      fail('isPublic', 'not_boolean', `"${publicText}" is not yes or no`, { value: publicText });
    } else isPublic = parsed;
  }

  let sme: boolean | undefined;
  const smeText = cell('sme');
  if (smeText) {
    const parsed = parseYesNo(smeText);
    if (parsed === null) fail('sme', 'not_boolean', `"${smeText}" is not yes or no`, { value: smeText });
    else sme = parsed;
  }

  const websiteText = cell('website');
  const website = websiteText ? normaliseWebsite(websiteText) : undefined;

  const id = optional('id');
  if (id && id.length > 100)
    fail('id', 'too_long', 'The Kenno id is longer than 100 characters', { max: 100 });

  const valueChainIds = splitConceptIds(cell('valueChainIds'));
  const badConcept = valueChainIds.find((c) => c.length > 100);
  if (badConcept)
    fail('valueChainIds', 'too_long', 'A concept id is longer than 100 characters', { max: 100 });

  const description: Partial<Localized> = {};
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const text = cell(`description_${lang}`);
    if (text) description[lang] = text;
  }

  // The field rules are the API's own: one schema for a form, the API and an import.
  const input = {
    name,
    nameEn: optional('nameEn'),
    type: type ?? typeText,
    regionId,
    municipality: optional('municipality'),
    website,
    businessId,
    sme,
    description,
    isPublic,
  };
  const parsed = OrganisationInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      const key = first === 'description' ? `description_${String(second)}` : String(first);
      if (failed.has(key)) continue;
      if (key === 'businessId') describeBusinessIdProblem(businessId ?? '', fail);
      else if (key === 'website')
        fail(key, 'invalid_website', 'A website starts with http:// or https://', { value: websiteText });
      else if (issue.code === 'too_big')
        fail(key, 'too_long', `Longer than ${Number(issue.maximum)} characters`, {
          max: Number(issue.maximum),
        });
      else if (issue.code === 'too_small')
        fail(key, 'too_short', `Shorter than ${Number(issue.minimum)} characters`, {
          min: Number(issue.minimum),
        });
      else fail(key, 'invalid', issue.message);
    }
  }
  if (errors.length > 0 || !parsed.success || !type) return { ok: false, errors };

  const value = parsed.data;
  return {
    ok: true,
    value: {
      ...(id ? { id } : {}),
      name: value.name,
      ...(value.nameEn ? { nameEn: value.nameEn } : {}),
      type,
      ...(value.regionId ? { regionId: value.regionId } : {}),
      ...(value.municipality ? { municipality: value.municipality } : {}),
      ...(value.businessId ? { businessId: value.businessId } : {}),
      ...(value.website ? { website: value.website } : {}),
      ...(typeof value.sme === 'boolean' ? { sme: value.sme } : {}),
      description: value.description ?? {},
      ...(value.isPublic !== undefined ? { isPublic: value.isPublic } : {}),
      valueChainIds,
    },
  };
}

function describeBusinessIdProblem(value: string, fail: ErrorSink): void {
  const match = /^(\d{6,7})-(\d)$/.exec(value);
  if (!match) {
    fail('businessId', 'business_id_format', `"${value}" is not a business ID of the form 1234567-8`, {
      value,
    });
  } else if (businessIdCheckDigit(match[1]!.padStart(7, '0')) === null) {
    fail(
      'businessId',
      'business_id_remainder',
      `"${value}" cannot be a business ID: no check digit is valid for ${match[1]} (remainder 1)`,
      { value },
    );
  } else {
    fail('businessId', 'business_id_check_digit', `The check digit of "${value}" does not match`, { value });
  }
}

/** Two rows of one file that describe the same organisation: an error on the later, naming both. */
export function findDuplicateOrganisationRows(
  values: { row: number; value: OrganisationImportRow }[],
): RowError[] {
  const errors: RowError[] = [];
  const byBusinessId = new Map<string, number>();
  const byName = new Map<string, { row: number; businessId?: string }>();
  const byId = new Map<string, number>();
  for (const { row, value } of values) {
    if (value.id) {
      const other = byId.get(value.id);
      if (other !== undefined) {
        errors.push({
          row,
          column: null,
          field: 'id',
          code: 'duplicate_id',
          message: `Rows ${other} and ${row} have the same Kenno id "${value.id}"`,
          params: { otherRow: other, value: value.id },
        });
      } else byId.set(value.id, row);
    }
    if (value.businessId) {
      const other = byBusinessId.get(value.businessId);
      if (other !== undefined) {
        errors.push({
          row,
          column: null,
          field: 'businessId',
          code: 'duplicate_business_id',
          message: `Rows ${other} and ${row} have the same business ID ${value.businessId}`,
          params: { otherRow: other, value: value.businessId },
        });
        continue;
      }
      byBusinessId.set(value.businessId, row);
    }
    const key = slugifyOrganisationName(value.name);
    const other = byName.get(key);
    // Same name, each with a business ID of its own: two organisations. Otherwise one, twice.
    if (other && (!other.businessId || !value.businessId)) {
      errors.push({
        row,
        column: null,
        field: 'name',
        code: 'duplicate_name',
        message: `Rows ${other.row} and ${row} have the same name "${value.name}" without business IDs that tell them apart`,
        params: { otherRow: other.row, value: value.name },
      });
    } else if (!other) {
      byName.set(key, { row, ...(value.businessId ? { businessId: value.businessId } : {}) });
    }
  }
  return errors;
}

/** A stored organisation as the plan needs it. */
export type ExistingOrganisation = {
  id: string;
  name: string;
  nameEn: string | null;
  type: string;
  regionId: string | null;
  municipality: string | null;
  businessId: string | null;
  website: string | null;
  sme: boolean | null;
  description: Localized;
  isPublic: boolean;
  conceptIds: string[];
};

export type OrganisationValues = Omit<ExistingOrganisation, 'conceptIds'>;

export type OrganisationOperation =
  | { kind: 'create'; row: number; id: string; values: OrganisationValues; conceptIds: string[] }
  | {
      kind: 'update';
      row: number;
      id: string;
      set: Partial<OrganisationValues>;
      changes: Record<string, { from: unknown; to: unknown }>;
      addConceptIds: string[];
    }
  | { kind: 'unchanged'; row: number; id: string };

export type OrganisationImportPlan = { errors: RowError[]; operations: OrganisationOperation[] };

const UPDATABLE = [
  'name',
  'nameEn',
  'type',
  'regionId',
  'municipality',
  'businessId',
  'website',
  'sme',
  'isPublic',
] as const;

/**
 * Decides, from the stored organisations, what each valid row does. Pure: the job runs it over
 * fresh rows inside the commit transaction, so what it decides is what gets written.
 */
export function planOrganisationImport(args: {
  values: { row: number; value: OrganisationImportRow }[];
  existing: ExistingOrganisation[];
  knownConceptIds: ReadonlySet<string>;
  actor: UserActor;
}): OrganisationImportPlan {
  const { actor } = args;
  const byId = new Map(args.existing.map((o) => [o.id, o]));
  const byBusinessId = new Map<string, ExistingOrganisation>();
  const byName = new Map<string, ExistingOrganisation[]>();
  for (const o of args.existing) {
    if (o.businessId) byBusinessId.set(o.businessId, o);
    const key = slugifyOrganisationName(o.name);
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  const takenIds = new Set(byId.keys());
  const targetedBy = new Map<string, number>();
  const errors: RowError[] = [];
  const operations: OrganisationOperation[] = [];

  for (const { row, value } of args.values) {
    const rowErrors: RowError[] = [];
    const fail: ErrorSink = (field, code, message, params) =>
      rowErrors.push({ row, column: null, field, code, message, ...(params ? { params } : {}) });

    const unknown = value.valueChainIds.filter((id) => !args.knownConceptIds.has(id));
    if (unknown.length) {
      fail('valueChainIds', 'unknown_concept', `Not a value-chain concept: ${unknown.join(', ')}`, {
        value: unknown.join(', '),
      });
    }

    const slug = slugifyOrganisationName(value.name);
    let target: ExistingOrganisation | undefined;
    if (value.id) target = byId.get(value.id);
    if (!target && value.businessId) target = byBusinessId.get(value.businessId);
    if (!target) {
      const sameName = byName.get(slug) ?? [];
      if (sameName.length > 1) {
        fail(
          'name',
          'ambiguous_name',
          `Several organisations are named "${value.name}" (${sameName.map((o) => o.id).join(', ')}); add their business IDs or Kenno ids`,
          { value: value.name, ids: sameName.map((o) => o.id).join(', ') },
        );
      } else target = sameName[0];
    }
    if (target && value.businessId && target.businessId && target.businessId !== value.businessId) {
      fail(
        'businessId',
        'business_id_conflict',
        `"${target.name}" (${target.id}) is stored with the business ID ${target.businessId}, not ${value.businessId}`,
        { value: value.businessId, id: target.id, stored: target.businessId },
      );
    }
    if (target && value.businessId && !target.businessId) {
      const owner = byBusinessId.get(value.businessId);
      if (owner && owner.id !== target.id) {
        fail(
          'businessId',
          'business_id_conflict',
          `The business ID ${value.businessId} belongs to "${owner.name}" (${owner.id})`,
          { value: value.businessId, id: owner.id, stored: value.businessId },
        );
      }
    }

    if (target) {
      const first = targetedBy.get(target.id);
      if (first !== undefined) {
        fail(
          'name',
          'same_organisation',
          `Rows ${first} and ${row} both describe "${target.name}" (${target.id})`,
          {
            otherRow: first,
            id: target.id,
          },
        );
      } else targetedBy.set(target.id, row);
      if (!canEditOrganisation(actor, target)) {
        fail(
          'regionId',
          'not_allowed',
          `"${target.name}" (${target.id}) is in another region; you may change organisations of your own region only`,
          { id: target.id },
        );
      }
    } else {
      if (!slug) fail('name', 'name_without_letters', 'The name has no letters or digits to make an id from');
      const regionId = value.regionId ?? (actor.role === 'coordinator' ? actor.regionId : null);
      if (!canCreateOrganisation(actor, regionId ?? null)) {
        fail('regionId', 'other_region', 'You may import organisations of your own region only', {
          value: regionId ?? '',
        });
      }
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }

    if (!target) {
      const id = freeId(slug, takenIds);
      takenIds.add(id);
      operations.push({
        kind: 'create',
        row,
        id,
        values: {
          id,
          name: value.name,
          nameEn: value.nameEn ?? null,
          type: value.type,
          regionId: value.regionId ?? (actor.role === 'coordinator' ? actor.regionId : null),
          municipality: value.municipality ?? null,
          businessId: value.businessId ?? null,
          website: value.website ?? null,
          sme: value.sme ?? null,
          description: { fi: '', sv: '', en: '', ...value.description },
          isPublic: value.isPublic ?? true,
        },
        conceptIds: value.valueChainIds,
      });
      continue;
    }

    const set: Partial<OrganisationValues> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of UPDATABLE) {
      const next = value[key];
      if (next === undefined || next === target[key]) continue;
      (set as Record<string, unknown>)[key] = next;
      changes[key] = { from: target[key], to: next };
    }
    const description = { ...target.description, ...value.description };
    if (JSON.stringify(description) !== JSON.stringify({ ...target.description })) {
      set.description = description;
      changes.description = { from: target.description, to: description };
    }
    const have = new Set(target.conceptIds);
    const addConceptIds = value.valueChainIds.filter((id) => !have.has(id));
    if (addConceptIds.length)
      changes.valueChainIds = { from: target.conceptIds, to: [...target.conceptIds, ...addConceptIds] };
    if (Object.keys(changes).length === 0) operations.push({ kind: 'unchanged', row, id: target.id });
    else operations.push({ kind: 'update', row, id: target.id, set, changes, addConceptIds });
  }
  return { errors, operations };
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function summariseOrganisationPlan(operations: OrganisationOperation[]) {
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const op of operations) {
    if (op.kind === 'create') summary.created++;
    else if (op.kind === 'update') summary.updated++;
    else summary.unchanged++;
  }
  return summary;
}

export const organisationsImportDefinition: ImportKindDefinition<
  OrganisationImportRow,
  OrganisationImportContext
> = {
  kind: 'organisations',
  title: { fi: 'Organisaatiot', sv: 'Organisationer', en: 'Organisations' },
  fields: ORGANISATION_IMPORT_FIELDS,
  maxBytes: ORGANISATION_IMPORT_MAX_BYTES,
  coordinatorsMayImport: true,
  validateRow: validateOrganisationRow,
  validateAll: (values) => findDuplicateOrganisationRows(values),
};
