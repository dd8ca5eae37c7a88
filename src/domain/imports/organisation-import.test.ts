import { describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/roles.ts';
import {
  buildOrganisationImportContext,
  type ExistingOrganisation,
  findDuplicateOrganisationRows,
  normaliseWebsite,
  type OrganisationImportRow,
  parseOrganisationType,
  parseYesNo,
  planOrganisationImport,
  splitConceptIds,
  validateOrganisationRow,
} from './organisation-import.ts';

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
  { id: 'turku', name: { fi: 'Turku', sv: 'Åbo', en: 'Turku' } },
  { id: 'vaasa', name: { fi: 'Vaasa', sv: 'Vasa', en: 'Vaasa' } },
];
const asAdmin = buildOrganisationImportContext(admin, regions);
const asCoordinator = buildOrganisationImportContext(kokkolaCoordinator, regions);

function valid(record: Record<string, string>, context = asAdmin): OrganisationImportRow {
  const result = validateOrganisationRow(record, 2, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function codes(record: Record<string, string>, context = asAdmin) {
  const result = validateOrganisationRow(record, 7, context);
  return result.ok ? [] : result.errors.map((e) => [e.row, e.field, e.code]);
}

describe('validateOrganisationRow', () => {
  it('accepts names of types and regions in three languages, VAT numbers and bare web addresses', () => {
    expect(
      valid({
        name: ' Akku Oy ',
        type: 'Ammattikorkeakoulu',
        regionId: 'Åbo',
        businessId: 'FI01793778',
        website: 'www.akku.example/fi',
        isPublic: 'Ei',
        valueChainIds: 'cam; recycling.black-mass;cam',
        description_sv: 'Batterier',
      }),
    ).toEqual({
      name: 'Akku Oy',
      type: 'uas',
      regionId: 'turku',
      businessId: '0179377-8',
      website: 'https://www.akku.example/fi',
      isPublic: false,
      valueChainIds: ['cam', 'recycling.black-mass'],
      description: { sv: 'Batterier' },
    });
  });

  it('leaves empty optional cells out, so an update keeps the stored value', () => {
    expect(valid({ name: 'Akku Oy', type: 'company', regionId: '', website: '', isPublic: '' })).toEqual({
      name: 'Akku Oy',
      type: 'company',
      description: {},
      valueChainIds: [],
    });
  });

  it('reads the SME column as yes or no in three languages', () => {
    expect(valid({ name: 'Akku Oy', type: 'company', sme: 'Kyllä' }).sme).toBe(true);
    expect(valid({ name: 'Akku Oy', type: 'company', sme: 'nej' }).sme).toBe(false);
    expect(valid({ name: 'Akku Oy', type: 'company', sme: '' })).not.toHaveProperty('sme');
    expect(codes({ name: 'Akku Oy', type: 'company', sme: 'medium' })).toEqual([[7, 'sme', 'not_boolean']]);
  });

  it('checks the business ID check digit, the remainder-1 bases and the form', () => {
    expect(codes({ name: 'A Oy', type: 'company', businessId: '2077474-1' })).toEqual([
      [7, 'businessId', 'business_id_check_digit'],
    ]);
    expect(codes({ name: 'A Oy', type: 'company', businessId: '1000040-0' })).toEqual([
      [7, 'businessId', 'business_id_remainder'],
    ]);
    expect(codes({ name: 'A Oy', type: 'company', businessId: '1234567' })).toEqual([
      [7, 'businessId', 'business_id_format'],
    ]);
    expect(valid({ name: 'A Oy', type: 'company', businessId: '179377-8' }).businessId).toBe('0179377-8');
  });

  it('reports every problem of a row, each with its field', () => {
    expect(
      codes({
        name: 'A',
        type: 'spaceship',
        regionId: 'Atlantis',
        website: 'ftp://x',
        isPublic: 'maybe',
        description_en: 'x'.repeat(5001),
      }),
    ).toEqual([
      [7, 'type', 'unknown_type'],
      [7, 'regionId', 'unknown_region'],
      [7, 'isPublic', 'not_boolean'],
      [7, 'name', 'too_short'],
      [7, 'website', 'invalid_website'],
      [7, 'description_en', 'too_long'],
    ]);
    expect(codes({ name: '', type: '' })).toEqual([
      [7, 'name', 'required'],
      [7, 'type', 'required'],
    ]);
  });

  it("refuses a coordinator's row for another region", () => {
    expect(codes({ name: 'A Oy', type: 'company', regionId: 'Vasa' }, asCoordinator)).toEqual([
      [7, 'regionId', 'other_region'],
    ]);
    expect(valid({ name: 'A Oy', type: 'company', regionId: 'Karleby' }, asCoordinator).regionId).toBe(
      'kokkola',
    );
  });
});

describe('small parsers', () => {
  it('read yes and no in three languages', () => {
    expect(['kyllä', 'Ja', 'TRUE', '1', 'x'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['ei', 'Nej', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('ehkä')).toBeNull();
  });

  it('read organisation types by code or name', () => {
    expect(parseOrganisationType('Yliopisto')).toBe('university');
    expect(parseOrganisationType('yrkeshögskola')).toBe('uas');
    expect(parseOrganisationType('Company (R&D)')).toBe('company_rd');
    expect(parseOrganisationType('research_org')).toBe('research_org');
    expect(parseOrganisationType('kauppa')).toBeNull();
  });

  it('normalise websites and concept lists', () => {
    expect(normaliseWebsite('akku.fi')).toBe('https://akku.fi');
    expect(normaliseWebsite('http://akku.fi')).toBe('http://akku.fi');
    expect(normaliseWebsite('not a site')).toBe('not a site');
    expect(splitConceptIds(' cam ;;anode, cell\nrecycling|cam')).toEqual([
      'cam',
      'anode',
      'cell',
      'recycling',
    ]);
  });
});

describe('findDuplicateOrganisationRows', () => {
  const row = (r: number, value: Partial<OrganisationImportRow>) => ({
    row: r,
    value: { name: 'X', type: 'company' as const, description: {}, valueChainIds: [], ...value },
  });

  it('names both rows: same business ID, or same normalised name where a business ID is missing', () => {
    const errors = findDuplicateOrganisationRows([
      row(2, { name: 'Akku Oy', businessId: '0179377-8' }),
      row(3, { name: 'Muu Oy', businessId: '0179377-8' }),
      row(4, { name: 'Kenno Ab' }),
      row(5, { name: 'KENNO AB' }),
      row(6, { name: 'Sama Oy', businessId: '2077474-0' }),
      row(7, { name: 'Sama Oy', businessId: '1000002-0' }),
      row(8, { name: 'Sama Oy' }),
    ]);
    expect(errors.map((e) => [e.row, e.code, e.params?.otherRow])).toEqual([
      [3, 'duplicate_business_id', 2],
      [5, 'duplicate_name', 4],
      [8, 'duplicate_name', 6],
    ]);
  });
});

describe('planOrganisationImport', () => {
  const stored = (o: Partial<ExistingOrganisation> & { id: string; name: string }): ExistingOrganisation => ({
    nameEn: null,
    type: 'company',
    regionId: 'kokkola',
    municipality: null,
    businessId: null,
    website: null,
    sme: null,
    description: { fi: '', sv: '', en: '' },
    isPublic: true,
    conceptIds: [],
    ...o,
  });
  const existing = [
    stored({
      id: 'umicore-finland',
      name: 'Umicore Finland Oy',
      businessId: '2077474-0',
      conceptIds: ['pcam'],
    }),
    stored({ id: 'keliber', name: 'Keliber Oy' }),
    stored({ id: 'vaasa-oy', name: 'Vaasa Oy', regionId: 'vaasa' }),
    stored({ id: 'twin', name: 'Twin Oy' }),
    stored({ id: 'twin-2', name: 'TWIN OY' }),
    stored({ id: 'akku-oy', name: 'Akku Oyj' }),
    stored({ id: 'litium', name: 'Litium Oy', businessId: '1000002-0' }),
  ];
  const known = new Set(['pcam', 'cam', 'recycling']);
  const value = (r: number, v: Partial<OrganisationImportRow>) => ({
    row: r,
    value: { name: 'X', type: 'company' as const, description: {}, valueChainIds: [], ...v },
  });
  const plan = (values: ReturnType<typeof value>[], actor: UserActor = admin) =>
    planOrganisationImport({ values, existing, knownConceptIds: known, actor });

  it('finds stored organisations by Kenno id, business ID, then normalised name; new ones get a free slug', () => {
    const result = plan([
      value(2, { id: 'keliber', name: 'Keliber Oy' }),
      value(3, { name: 'Renamed Umicore', businessId: '2077474-0' }),
      value(4, { name: 'VAASA OY', regionId: 'vaasa' }),
      value(5, { name: 'Akku Oy' }),
      value(6, { name: 'Uusi Yhtiö Oy', valueChainIds: ['cam'] }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.operations.map((op) => [op.row, op.kind, op.id])).toEqual([
      [2, 'unchanged', 'keliber'],
      [3, 'update', 'umicore-finland'],
      [4, 'update', 'vaasa-oy'],
      [5, 'create', 'akku-oy-2'],
      [6, 'create', 'uusi-yhtio-oy'],
    ]);
    expect(result.operations[1]).toMatchObject({
      changes: { name: { from: 'Umicore Finland Oy', to: 'Renamed Umicore' } },
    });
  });

  it('changes nothing for the same values, merges descriptions, and only adds competences', () => {
    const result = plan([
      value(2, { name: 'Umicore Finland Oy', businessId: '2077474-0', valueChainIds: ['pcam'] }),
      value(3, { name: 'Keliber Oy', description: { sv: 'Litium' }, valueChainIds: ['cam', 'pcam'] }),
    ]);
    expect(result.operations[0]).toEqual({ kind: 'unchanged', row: 2, id: 'umicore-finland' });
    expect(result.operations[1]).toMatchObject({
      kind: 'update',
      set: { description: { fi: '', sv: 'Litium', en: '' } },
      addConceptIds: ['cam', 'pcam'],
    });
  });

  it('reports unknown concepts, business-ID conflicts, ambiguous names and two rows for one organisation', () => {
    const result = plan([
      value(2, { name: 'Keliber Oy', valueChainIds: ['cam', 'no-such'] }),
      value(3, { name: 'Twin Oy' }),
      value(4, { id: 'umicore-finland', name: 'Umicore' }),
      value(5, { name: 'Umicore Finland Oy' }),
      value(6, { id: 'vaasa-oy', name: 'Vaasa Oy', businessId: '2077474-0' }),
      value(7, { name: 'Litium Oy', businessId: '1000006-3' }),
    ]);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'valueChainIds', 'unknown_concept'],
      [3, 'name', 'ambiguous_name'],
      [5, 'name', 'same_organisation'],
      [6, 'businessId', 'business_id_conflict'],
      [7, 'businessId', 'business_id_conflict'],
    ]);
    expect(result.operations.map((op) => [op.row, op.kind])).toEqual([[4, 'update']]);
    expect(result.errors[0]!.message).toBe('Not a value-chain concept: no-such');
  });

  it("keeps a coordinator to their region: new rows get it, other regions' rows are refused", () => {
    const result = plan(
      [
        value(2, { name: 'Uusi Oy' }),
        value(3, { name: 'Vaasa Oy' }),
        value(4, { name: 'Keliber Oy', isPublic: false }),
      ],
      kokkolaCoordinator,
    );
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'not_allowed']]);
    expect(result.operations).toMatchObject([
      { kind: 'create', values: { regionId: 'kokkola' } },
      { kind: 'update', id: 'keliber', set: { isPublic: false } },
    ]);
  });
});
