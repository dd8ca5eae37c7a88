import { describe, expect, it } from 'vitest';
import { planCordisTopics, validateCordisProject } from './cordis-import.ts';
import {
  type CordisParticipationRecord,
  mergeParticipations,
  planCordisParticipations,
  validateCordisParticipation,
} from './cordis-participations.ts';
import { applyLinkAction, buildLinkIndex, type CordisLinkState, planLink } from './cordis-links.ts';
import {
  cordisCountryToIso,
  finnishBusinessIdOf,
  isCordisId,
  normaliseOrganisationName,
  normaliseVatNumber,
  parseCordisAmount,
  parseCordisDate,
  splitTopics,
} from './cordis-values.ts';
import { summariseTrackRecord } from './track-record.ts';

describe('CORDIS cell values', () => {
  it('maps the EU country codes to ISO: EL → GR, UK → GB, others unchanged', () => {
    expect(cordisCountryToIso('EL')).toEqual({ ok: true, value: 'GR' });
    expect(cordisCountryToIso('UK')).toEqual({ ok: true, value: 'GB' });
    expect(cordisCountryToIso(' fi ')).toEqual({ ok: true, value: 'FI' });
    expect(cordisCountryToIso('XK')).toEqual({ ok: true, value: 'XK' });
    expect(cordisCountryToIso('')).toEqual({ ok: true, value: null });
    expect(cordisCountryToIso('Germany').ok).toBe(false);
    expect(cordisCountryToIso('DE;HU').ok).toBe(false);
    expect(cordisCountryToIso('D1').ok).toBe(false);
    expect(cordisCountryToIso('el')).toEqual({ ok: true, value: 'GR' });
  });

  it('reads ids and VAT numbers as written, and as people write them', () => {
    expect(['1', '999999999', '101000123456'].map(isCordisId)).toEqual([true, true, true]);
    expect(['', '1234567890123', '12a', ' 12', '١٢', '-1'].map(isCordisId)).toEqual(Array(6).fill(false));
    expect(normaliseVatNumber('FI02459042')).toBe('FI02459042');
    expect(normaliseVatNumber('fi 0245.9042')).toBe('FI02459042');
    expect(normaliseVatNumber('DE\u00a0123')).toBe('DE123');
    expect(normaliseVatNumber('')).toBeNull();
    expect(normaliseVatNumber(' . ')).toBeNull();
  });

  it('reads amounts with a decimal point or comma, as the published files mix them', () => {
    expect(parseCordisAmount('528340.97')).toEqual({ ok: true, value: 528340.97 });
    expect(parseCordisAmount('960619,95')).toEqual({ ok: true, value: 960619.95 });
    expect(parseCordisAmount('230000')).toEqual({ ok: true, value: 230000 });
    expect(parseCordisAmount('1.5e+6')).toEqual({ ok: true, value: 1_500_000 });
    expect(parseCordisAmount('')).toEqual({ ok: true, value: null });
    expect(parseCordisAmount('1.234.567,89').ok).toBe(false);
    expect(parseCordisAmount('12 000').ok).toBe(false);
    expect(parseCordisAmount('€5').ok).toBe(false);
  });

  it('reads every amount as the same double as Number reads its text', () => {
    // The digits are read without Number (plainAmount): compare on amounts of every length.
    let seed = 20_261_124; // xorshift32: the same amounts every run
    const random = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const digits = (n: number) => Array.from({ length: n }, () => random(10)).join('');
    for (let i = 0; i < 20_000; i++) {
      const whole = digits(1 + random(15));
      const decimals = random(8); // 7: one too many
      const sign = random(4) === 0 ? '-' : '';
      const mark = random(2) ? '.' : ',';
      const text = `${sign}${whole}${decimals ? mark + digits(decimals) : ''}`;
      const padded = random(10) === 0 ? ` ${text}\t` : text;
      const expected = decimals > 6 ? { ok: false } : { ok: true, value: Number(text.replace(',', '.')) };
      expect(parseCordisAmount(padded), padded).toEqual(expected);
    }
    expect(parseCordisAmount('-0')).toEqual({ ok: true, value: -0 });
    // 21 digits: read by Number, whose nearest double is 10^15.
    expect(parseCordisAmount('999999999999999,999999')).toEqual({ ok: true, value: 1e15 });
    for (const bad of ['-', '1.', ',5', '1,2,3', '1.2.3', '--1', '1-', '1234567890123456', '12a'])
      expect(parseCordisAmount(bad).ok, bad).toBe(false);
  });

  it('reads dates and timestamps, refusing days that do not exist', () => {
    expect(parseCordisDate('2023-09-01')).toEqual({ ok: true, value: '2023-09-01' });
    expect(parseCordisDate('2023-06-12 13:33:03')).toEqual({ ok: true, value: '2023-06-12' });
    expect(parseCordisDate('2024-02-30').ok).toBe(false);
    expect(parseCordisDate('01/02/2024').ok).toBe(false);
  });

  it('splits topics and turns Finnish VAT numbers into business IDs', () => {
    expect(splitTopics('HORIZON-CL5-2024-D2-01-01;HORIZON-CL5-2024-D2-01-02; ')).toEqual([
      'HORIZON-CL5-2024-D2-01-01',
      'HORIZON-CL5-2024-D2-01-02',
    ]);
    expect(finnishBusinessIdOf('FI02459042')).toEqual({ businessId: '0245904-2', method: 'vat' });
    expect(finnishBusinessIdOf('0245904-2')).toEqual({ businessId: '0245904-2', method: 'business_id' });
    expect(finnishBusinessIdOf('FI02459043')).toBeNull();
    expect(finnishBusinessIdOf('EL090145420')).toBeNull();
  });

  it('compares names without legal forms, case, diacritics and punctuation', () => {
    expect(normaliseOrganisationName('CENTRIA AMMATTIKORKEAKOULU OY')).toBe(
      normaliseOrganisationName('Centria-ammattikorkeakoulu'),
    );
    expect(normaliseOrganisationName('Åbo Akademi')).toBe(normaliseOrganisationName('ABO AKADEMI'));
    expect(normaliseOrganisationName('Kokkolan kaupunki')).not.toBe(
      normaliseOrganisationName('Kotkan kaupunki'),
    );
  });
});

const orgRecord = (over: Record<string, string> = {}) => ({
  projectID: '101060884',
  organisationID: '999654356',
  vatNumber: 'EL090162593',
  name: 'EREVNITIKO PANEPISTIMIAKO INSTITOUTO',
  shortName: '',
  SME: 'false',
  activityType: 'REC',
  city: 'ATHINA',
  country: 'EL',
  organizationURL: 'http://www.iccs.gr',
  role: 'coordinator',
  ecContribution: '520625',
  netEcContribution: '520625',
  totalCost: '520625,5',
  endOfParticipation: 'false',
  active: '',
  ...over,
});

describe('organization.csv rows', () => {
  it('turns a published row into a participation with ISO country and numbers', () => {
    const result = validateCordisParticipation(orgRecord(), 2);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        projectId: '101060884',
        organisationId: '999654356',
        country: 'GR',
        totalCost: 520625.5,
        sme: false,
        active: null,
        shortName: null,
      }),
    });
  });

  it('names every problem of a row with its field', () => {
    const result = validateCordisParticipation(
      orgRecord({
        organisationID: 'PIC-1',
        name: '',
        country: 'Greece',
        ecContribution: '1.234,5',
        SME: 'maybe',
      }),
      7,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'organisationID', 'invalid'],
      [7, 'name', 'required'],
      [7, 'country', 'invalid'],
      [7, 'SME', 'not_boolean'],
      [7, 'ecContribution', 'invalid'],
    ]);
  });

  it('merges an organisation listed twice in a project (coordinator role kept), its last row naming it', () => {
    const rows = [
      { ...orgRecord({ role: 'participant', ecContribution: '100' }) },
      { ...orgRecord({ role: 'coordinator', ecContribution: '50,5' }) },
      { ...orgRecord({ projectID: '2', role: 'participant', name: 'NEW NAME' }) },
    ].map((r, i) => {
      const v = validateCordisParticipation(r, i + 2);
      if (!v.ok) throw new Error('fixture');
      return v.value;
    });
    const plan = planCordisParticipations(rows);
    expect(plan.duplicatesMerged).toBe(1);
    expect(plan.organisations).toHaveLength(1);
    expect(plan.organisations[0]!.name).toBe('NEW NAME');
    expect(plan.participations).toHaveLength(2);
    expect(plan.participations[0]).toMatchObject({ role: 'coordinator', ecContribution: 150.5 });
  });
});

describe('project.csv rows', () => {
  const record = {
    id: '900000001',
    acronym: 'X',
    title: 'Recycling of lithium-ion batteries',
    startDate: '2024-01-01',
    endDate: '2027-12-31',
    topics: 'A;B',
    ecMaxContribution: '2248251,25',
    objective: '',
    keywords: '',
  };

  it('reads a row and leaves concepts empty without a tag index', () => {
    const result = validateCordisProject(record, 2, { tagIndex: null });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ topics: ['A', 'B'], ecMaxContribution: 2248251.25, conceptIds: [] }),
    });
  });

  it('refuses an end before the start and a missing title', () => {
    const result = validateCordisProject({ ...record, title: '', endDate: '2023-01-01' }, 3, {
      tagIndex: null,
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['title', 'endDate']);
  });

  it('keeps one title per topic code', () => {
    expect(
      planCordisTopics([
        { code: 'T1', title: 'First' },
        { code: 'T1', title: '' },
        { code: 'T2', title: 'Two' },
      ]),
    ).toEqual([
      { code: 'T1', title: 'First' },
      { code: 'T2', title: 'Two' },
    ]);
  });
});

describe('links to the registry', () => {
  const index = buildLinkIndex([
    { id: 'lut', name: 'Lappeenrannan-Lahden teknillinen yliopisto LUT', businessId: '0245904-2' },
    { id: 'centria', name: 'Centria-ammattikorkeakoulu', businessId: null },
    { id: 'twin-a', name: 'Twin Oy', businessId: null },
    { id: 'twin-b', name: 'Twin Ab', businessId: null },
  ]);
  const state = (over: Partial<CordisLinkState>): CordisLinkState => ({
    id: '1',
    name: 'X',
    vatNumber: null,
    country: 'FI',
    registryOrganisationId: null,
    linkMethod: null,
    suggestedOrganisationId: null,
    ...over,
  });

  it('links by VAT number at once, suggests by a unique name, and leaves others alone', () => {
    expect(planLink(state({ vatNumber: 'FI02459042', name: 'LUT' }), index, new Set())).toMatchObject({
      registryOrganisationId: 'lut',
      linkMethod: 'vat',
    });
    expect(planLink(state({ name: 'CENTRIA AMMATTIKORKEAKOULU OY' }), index, new Set())).toMatchObject({
      registryOrganisationId: null,
      suggestedOrganisationId: 'centria',
    });
    expect(planLink(state({ name: 'TWIN' }), index, new Set())).toBeNull();
    expect(planLink(state({ name: 'Centria', country: 'SE' }), index, new Set())).toBeNull();
  });

  it('never overrides a person: confirmed links stay, rejected pairs are not suggested again', () => {
    const confirmed = state({
      vatNumber: 'FI02459042',
      registryOrganisationId: 'centria',
      linkMethod: 'name_confirmed',
    });
    expect(planLink(confirmed, index, new Set())).toBeNull();
    const rejected = new Set(['1\tcentria', '1\tlut']);
    expect(planLink(state({ name: 'Centria-ammattikorkeakoulu' }), index, rejected)).toBeNull();
    expect(planLink(state({ vatNumber: 'FI02459042' }), index, rejected)).toBeNull();
  });

  it('confirm, reject and unlink change only what they are about', () => {
    const suggested = state({ suggestedOrganisationId: 'centria' });
    expect(applyLinkAction(suggested, 'confirm')).toMatchObject({
      registryOrganisationId: 'centria',
      linkMethod: 'name_confirmed',
      suggestedOrganisationId: null,
    });
    expect(applyLinkAction(suggested, 'reject')).toMatchObject({
      suggestedOrganisationId: null,
      registryOrganisationId: null,
    });
    expect(applyLinkAction(suggested, 'unlink')).toBeNull();
    expect(
      applyLinkAction(state({ registryOrganisationId: 'lut', linkMethod: 'vat' }), 'unlink'),
    ).toMatchObject({
      registryOrganisationId: null,
    });
  });
});

describe('track record', () => {
  it('counts projects, coordination, money per programme and concepts', () => {
    const summary = summariseTrackRecord([
      {
        projectId: '1',
        role: 'coordinator',
        ecContribution: 100.5,
        frameworkProgramme: 'HORIZON',
        startDate: '2023-01-01',
        conceptIds: ['recycling', 'cam'],
      },
      {
        projectId: '2',
        role: 'participant',
        ecContribution: null,
        frameworkProgramme: 'H2020',
        startDate: '2017-05-01',
        conceptIds: ['recycling'],
      },
      {
        projectId: '3',
        role: 'participant',
        ecContribution: 50,
        frameworkProgramme: 'HORIZON',
        startDate: null,
        conceptIds: null,
      },
    ]);
    expect(summary).toMatchObject({
      projects: 3,
      coordinated: 1,
      ecContributionEur: 150.5,
      firstYear: 2017,
      lastYear: 2023,
    });
    expect(summary.byProgramme[0]).toEqual({
      frameworkProgramme: 'HORIZON',
      projects: 2,
      ecContributionEur: 150.5,
    });
    expect(summary.concepts[0]).toEqual({ conceptId: 'recycling', projects: 2 });
  });
});

describe('mergeParticipations', () => {
  it("folds one participation's rows to the same values in any grouping (a file read in two parts)", () => {
    const roles = ['participant', 'coordinator', 'partner', 'beneficiary', 'thirdParty'];
    const actives = [true, false, null];
    const rows: CordisParticipationRecord[] = Array.from({ length: 6 }, (_, i) => ({
      projectId: '101',
      organisationId: '999',
      role: roles[(i * 3) % roles.length]!,
      ecContribution: i % 3 === 0 ? null : i * 10.5,
      totalCost: i % 2 === 0 ? i * 100 : null,
      active: actives[(i * 2) % 3]!,
    }));
    const fold = (list: CordisParticipationRecord[]) => list.slice(1).reduce(mergeParticipations, list[0]!);
    const whole = fold(rows);
    for (let cut = 1; cut < rows.length; cut++) {
      expect(mergeParticipations(fold(rows.slice(0, cut)), fold(rows.slice(cut)))).toEqual(whole);
    }
  });
});
