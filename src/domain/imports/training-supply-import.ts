import type { UserActor } from '../auth/roles.ts';
import type { Localized } from '../i18n/localized.ts';
import { DEFAULT_EQF_FOR_LEVEL, type TrainingLevel } from '../skills/gap-definitions.ts';
import { programmeId } from '../skills/programme.ts';
import { canEditProgramme } from '../skills/skills-permissions.ts';
import { normaliseHeaderName } from './column-mapping.ts';
import type { ImportKindDefinition, RowError, RowResult } from './import-kind.ts';
import { normaliseWebsite, parseYesNo } from './organisation-import.ts';
import {
  conceptIndex,
  field,
  type NamedConcept,
  type OrganisationIndex,
  organisationIndex,
  parseCount,
  type RegistryOrganisation,
  regionIndex,
  resolveConcept,
  resolveOrganisation,
  rowErrors,
  splitList,
} from './skills-import-common.ts';
import { parseEqfLevel } from './survey-response-import.ts';

/**
 * The `training-supply` import kind, pure part: programmes and modules of institutions, one per
 * row — institution, name (fi/sv/en), level, EQF level, region, yearly intake and graduates, the
 * job roles and competences it prepares for, credits. The programme is the stored one with the
 * same Kenno id, else the institution's programme of the same name; a new one gets the id the form
 * gives it. Empty cells leave stored values as they are.
 */

export const TRAINING_SUPPLY_MAX_BYTES = 10 * 1024 * 1024;

const LEVEL_WORDS: Record<TrainingLevel, string[]> = {
  vocational: [
    'vocational',
    'ammatillinen',
    'ammatillinen koulutus',
    'toinen aste',
    'ammattiopisto',
    'yrkesutbildning',
    'yrkesinriktad',
    'vet',
  ],
  applied_sciences: [
    'applied_sciences',
    'applied sciences',
    'amk',
    'yamk',
    'ammattikorkeakoulu',
    'uas',
    'university of applied sciences',
    'yrkeshögskola',
    'yh',
  ],
  university: ['university', 'yliopisto', 'universitet', 'tiedekorkeakoulu'],
  continuing: [
    'continuing',
    'continuing education',
    'täydennyskoulutus',
    'jatkuva oppiminen',
    'fortbildning',
    'kontinuerligt lärande',
  ],
};
const LEVELS = new Map<string, TrainingLevel>();
for (const [level, words] of Object.entries(LEVEL_WORDS) as [TrainingLevel, string[]][])
  for (const w of words) LEVELS.set(normaliseHeaderName(w), level);

const KIND_WORDS: Record<'programme' | 'module', string[]> = {
  programme: [
    'programme',
    'program',
    'degree',
    'tutkinto',
    'koulutusohjelma',
    'koulutus',
    'examen',
    'utbildningsprogram',
  ],
  module: [
    'module',
    'course',
    'opintojakso',
    'moduuli',
    'kurssi',
    'opintokokonaisuus',
    'kurs',
    'studiehelhet',
    'modul',
  ],
};
const KINDS = new Map<string, 'programme' | 'module'>();
for (const [kind, words] of Object.entries(KIND_WORDS) as ['programme' | 'module', string[]][])
  for (const w of words) KINDS.set(normaliseHeaderName(w), kind);

const UNITS = new Map<string, 'osp' | 'ects'>([
  ['osp', 'osp'],
  ['osaamispiste', 'osp'],
  ['osaamispisteet', 'osp'],
  ['kp', 'osp'],
  ['kompetenspoang', 'osp'],
  ['ects', 'ects'],
  ['op', 'ects'],
  ['opintopiste', 'ects'],
  ['opintopisteet', 'ects'],
  ['sp', 'ects'],
  ['studiepoang', 'ects'],
  ['credits', 'ects'],
]);

const LANGUAGE_WORDS = new Map<string, string>([
  ['fi', 'fi'],
  ['suomi', 'fi'],
  ['finnish', 'fi'],
  ['finska', 'fi'],
  ['sv', 'sv'],
  ['ruotsi', 'sv'],
  ['swedish', 'sv'],
  ['svenska', 'sv'],
  ['en', 'en'],
  ['englanti', 'en'],
  ['english', 'en'],
  ['engelska', 'en'],
]);

const DELIVERY_WORDS = new Map<string, 'on_site' | 'online' | 'blended'>();
for (const [delivery, words] of [
  [
    'on_site',
    [
      'on site',
      'on-site',
      'on_site',
      'contact',
      'lähiopetus',
      'lähi',
      'paikan päällä',
      'närundervisning',
      'på plats',
    ],
  ],
  [
    'online',
    [
      'online',
      'remote',
      'distance',
      'verkko',
      'verkossa',
      'verkko-opetus',
      'etä',
      'etäopetus',
      'distans',
      'på distans',
      'distansundervisning',
    ],
  ],
  [
    'blended',
    ['blended', 'hybrid', 'monimuoto', 'monimuoto-opetus', 'hybridi', 'flerform', 'flerformsundervisning'],
  ],
] as const)
  for (const w of words) DELIVERY_WORDS.set(normaliseHeaderName(w), delivery);

/** "40 %", "40", "0,4": the share of work-based learning as 0–1, or 'invalid'. */
export function parseShare(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(compact);
  if (!match) return 'invalid';
  const value = Number(match[1]);
  const share = match[2] === '%' || value > 1 ? value / 100 : value;
  return share >= 0 && share <= 1 ? Math.round(share * 1000) / 1000 : 'invalid';
}

export const TRAINING_SUPPLY_FIELDS = [
  field('organisation', true, { fi: 'Oppilaitos', sv: 'Läroanstalt', en: 'Institution' }, [
    'oppilaitos',
    'koulutuksen järjestäjä',
    'korkeakoulu',
    'organisaatio',
    'institution',
    'provider',
    'education provider',
    'organisation',
    'organization',
    'läroanstalt',
    'utbildningsanordnare',
    'högskola',
  ]),
  field('businessId', false, { fi: 'Y-tunnus', sv: 'FO-nummer', en: 'Business ID' }, [
    'y-tunnus',
    'business id',
    'fo-nummer',
  ]),
  field('name_fi', false, { fi: 'Nimi suomeksi', sv: 'Namn på finska', en: 'Name in Finnish' }, [
    'koulutuksen nimi',
    'nimi',
    'nimi suomeksi',
    'koulutus',
    'name fi',
  ]),
  field('name_sv', false, { fi: 'Nimi ruotsiksi', sv: 'Namn på svenska', en: 'Name in Swedish' }, [
    'nimi ruotsiksi',
    'namn',
    'utbildningens namn',
    'utbildning',
    'name sv',
    'name in swedish',
  ]),
  field('name_en', false, { fi: 'Nimi englanniksi', sv: 'Namn på engelska', en: 'Name in English' }, [
    'nimi englanniksi',
    'name',
    'programme',
    'programme name',
    'program name',
    'course name',
    'name en',
    'name in english',
  ]),
  field(
    'kind',
    false,
    { fi: 'Tutkinto vai opintojakso', sv: 'Examen eller kurs', en: 'Programme or module' },
    ['laji', 'tyyppi', 'kind', 'type', 'typ'],
  ),
  field(
    'level',
    true,
    { fi: 'Koulutusaste', sv: 'Utbildningsstadium', en: 'Level' },
    ['koulutusaste', 'aste', 'taso', 'level', 'education level', 'utbildningsstadium', 'nivå'],
    {
      fi: 'ammatillinen, AMK, yliopisto tai täydennyskoulutus',
      sv: 'yrkesutbildning, YH, universitet eller fortbildning',
      en: 'vocational, applied sciences (AMK), university or continuing education',
    },
  ),
  field('eqfLevel', false, { fi: 'EQF-taso', sv: 'EQF-nivå', en: 'EQF level' }, [
    'eqf',
    'eqf-taso',
    'eqf level',
    'eqf-nivå',
  ]),
  field('region', false, { fi: 'Alue', sv: 'Region', en: 'Region' }, [
    'alue',
    'seutu',
    'region',
    'kaupunkiseutu',
  ]),
  field('yearlyIntake', false, { fi: 'Aloituspaikat / v', sv: 'Nybörjarplatser / år', en: 'Yearly intake' }, [
    'aloituspaikat',
    'aloituspaikat v',
    'aloituspaikkoja',
    'yearly intake',
    'intake',
    'intake per year',
    'nybörjarplatser',
    'antagna',
  ]),
  field(
    'yearlyGraduates',
    false,
    { fi: 'Valmistuneet / v', sv: 'Utexaminerade / år', en: 'Yearly graduates' },
    [
      'valmistuneet',
      'valmistuneet v',
      'valmistuneita',
      'tutkinnon suorittaneet',
      'yearly graduates',
      'graduates',
      'graduates per year',
      'completers',
      'utexaminerade',
    ],
  ),
  field('roles', false, { fi: 'Ammattiroolit', sv: 'Yrkesroller', en: 'Job roles' }, [
    'ammattiroolit',
    'roolit',
    'ammatit',
    'job roles',
    'roles',
    'occupations',
    'yrkesroller',
  ]),
  field('competences', false, { fi: 'Osaamiset', sv: 'Kompetenser', en: 'Competences' }, [
    'osaamiset',
    'osaaminen',
    'competences',
    'skills',
    'kompetenser',
  ]),
  field('credits', false, { fi: 'Laajuus', sv: 'Omfattning', en: 'Credits' }, [
    'laajuus',
    'opintopisteet',
    'osaamispisteet',
    'credits',
    'ects',
    'omfattning',
  ]),
  field('creditUnit', false, { fi: 'Laajuuden yksikkö', sv: 'Enhet', en: 'Credit unit' }, [
    'laajuuden yksikkö',
    'yksikkö',
    'credit unit',
    'unit',
    'enhet',
  ]),
  field('language', false, { fi: 'Opetuskieli', sv: 'Undervisningsspråk', en: 'Language' }, [
    'opetuskieli',
    'kieli',
    'language',
    'language of instruction',
    'språk',
    'undervisningsspråk',
  ]),
  field('url', false, { fi: 'Verkkosivu', sv: 'Webbsida', en: 'Web page' }, [
    'verkkosivu',
    'linkki',
    'url',
    'web',
    'webbsida',
    'link',
  ]),
  field('delivery', false, { fi: 'Toteutustapa', sv: 'Genomförande', en: 'Delivery' }, [
    'toteutustapa',
    'opetusmuoto',
    'delivery',
    'delivery mode',
    'mode',
    'genomförande',
    'undervisningsform',
  ]),
  field(
    'workBasedShare',
    false,
    { fi: 'Työelämässä oppimisen osuus', sv: 'Andel lärande i arbetet', en: 'Work-based learning share' },
    [
      'työelämässä oppiminen',
      'työelämässä oppimisen osuus',
      'työpaikalla oppiminen',
      'work-based learning',
      'work based learning',
      'work-based share',
      'wbl',
      'lärande i arbetet',
      'andel lärande i arbetet',
    ],
    { fi: 'esim. 40 %', sv: 't.ex. 40 %', en: 'e.g. 40 %' },
  ),
  field(
    'outcomes_fi',
    false,
    { fi: 'Osaamistavoitteet suomeksi', sv: 'Lärandemål på finska', en: 'Learning outcomes in Finnish' },
    ['osaamistavoitteet', 'osaamistavoitteet suomeksi', 'learning outcomes fi'],
  ),
  field(
    'outcomes_sv',
    false,
    { fi: 'Osaamistavoitteet ruotsiksi', sv: 'Lärandemål på svenska', en: 'Learning outcomes in Swedish' },
    ['osaamistavoitteet ruotsiksi', 'lärandemål', 'learning outcomes sv'],
  ),
  field(
    'outcomes_en',
    false,
    { fi: 'Osaamistavoitteet englanniksi', sv: 'Lärandemål på engelska', en: 'Learning outcomes in English' },
    ['osaamistavoitteet englanniksi', 'learning outcomes', 'learning outcomes en', 'outcomes'],
  ),
  field('isPublic', false, { fi: 'Julkinen', sv: 'Offentlig', en: 'Public' }, [
    'julkinen',
    'public',
    'offentlig',
  ]),
  field('id', false, { fi: 'Kennon tunniste', sv: 'Kenno-id', en: 'Kenno id' }, [
    'id',
    'kenno id',
    'kennon tunniste',
  ]),
];

export type TrainingImportContext = {
  actor: UserActor;
  organisations: OrganisationIndex;
  regions: Map<string, string>;
  roles: Map<string, string | null>;
  competences: Map<string, string | null>;
  levels: Map<string, number>;
};

export function buildTrainingImportContext(input: {
  actor: UserActor;
  organisations: readonly RegistryOrganisation[];
  regions: readonly { id: string; name: Localized }[];
  roles: readonly NamedConcept[];
  competences: readonly NamedConcept[];
  levels: Map<string, number>;
}): TrainingImportContext {
  return {
    actor: input.actor,
    organisations: organisationIndex(input.organisations),
    regions: regionIndex(input.regions),
    roles: conceptIndex(input.roles),
    competences: conceptIndex(input.competences),
    levels: input.levels,
  };
}

export type TrainingSupplyRow = {
  id?: string;
  organisationId: string;
  name: Partial<Localized>;
  kind?: 'programme' | 'module';
  level: TrainingLevel;
  eqfLevel: number;
  regionId: string | null;
  yearlyIntake?: number;
  yearlyGraduates?: number;
  roleIds: string[];
  competenceIds: string[];
  credits?: number;
  creditUnit?: 'osp' | 'ects';
  language?: string;
  url?: string;
  isPublic?: boolean;
  delivery?: 'on_site' | 'online' | 'blended';
  workBasedShare?: number;
  /** One per line or ';' in each language's column, paired by position; no concept links. */
  learningOutcomes?: { text: Localized; conceptIds: string[] }[];
};

/** Learning outcomes from the three language columns (one per line or separated by ';'). */
function outcomesOf(cell: (key: string) => string): { text: Localized; conceptIds: string[] }[] | undefined {
  const split = (text: string) =>
    text
      .split(/[;\n]/)
      .map((t) => t.trim())
      .filter(Boolean);
  const fi = split(cell('outcomes_fi'));
  const sv = split(cell('outcomes_sv'));
  const en = split(cell('outcomes_en'));
  const n = Math.max(fi.length, sv.length, en.length);
  if (n === 0) return undefined;
  return Array.from({ length: n }, (_, i) => ({
    text: { fi: fi[i] ?? '', sv: sv[i] ?? '', en: en[i] ?? '' },
    conceptIds: [],
  }));
}

export function validateTrainingSupplyRow(
  record: Record<string, string>,
  row: number,
  context: TrainingImportContext,
): RowResult<TrainingSupplyRow> {
  const { errors, fail } = rowErrors(row);
  const cell = (key: string) => (record[key] ?? '').trim();

  const organisation = resolveOrganisation(
    context.organisations,
    cell('organisation'),
    cell('businessId'),
    fail,
    {
      name: 'organisation',
      businessId: 'businessId',
    },
  );

  const name: Partial<Localized> = {};
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const text = cell(`name_${lang}`);
    if (text.length > 300) fail(`name_${lang}`, 'too_long', 'Longer than 300 characters', { max: 300 });
    else if (text) name[lang] = text;
  }
  if (!name.fi && !name.sv && !name.en)
    fail('name_fi', 'required', 'The programme has no name in any language');

  const levelText = cell('level');
  const level = levelText ? (LEVELS.get(normaliseHeaderName(levelText)) ?? null) : null;
  if (!levelText) fail('level', 'required', 'The level is missing');
  else if (!level)
    fail(
      'level',
      'unknown_level',
      `"${levelText}" is not vocational, applied sciences, university or continuing education`,
      { value: levelText },
    );

  const kindText = cell('kind');
  const kind = kindText ? KINDS.get(normaliseHeaderName(kindText)) : undefined;
  if (kindText && !kind)
    fail('kind', 'unknown_kind', `"${kindText}" is not a programme or a module`, { value: kindText });

  const eqfText = cell('eqfLevel');
  let eqfLevel: number | null = eqfText ? parseEqfLevel(eqfText, context.levels) : null;
  if (eqfText && eqfLevel === null)
    fail('eqfLevel', 'unknown_level', `"${eqfText}" is not an EQF level`, { value: eqfText });
  if (!eqfText && level) {
    eqfLevel = DEFAULT_EQF_FOR_LEVEL[level];
    if (eqfLevel === null) fail('eqfLevel', 'required', 'Continuing education needs its EQF level');
  }

  const regionText = cell('region');
  let regionId: string | null = organisation?.regionId ?? null;
  if (regionText) {
    regionId = context.regions.get(normaliseHeaderName(regionText)) ?? null;
    if (!regionId)
      fail('region', 'unknown_region', `"${regionText}" is not a region of the network`, {
        value: regionText,
      });
  }

  const counts: { yearlyIntake?: number; yearlyGraduates?: number } = {};
  for (const key of ['yearlyIntake', 'yearlyGraduates'] as const) {
    const value = parseCount(cell(key), 100_000);
    if (value === 'invalid')
      fail(key, 'not_a_count', `"${cell(key)}" is not a whole number`, { value: cell(key) });
    else if (value !== null) counts[key] = value;
  }

  const roleIds = splitList(cell('roles')).flatMap((text) => {
    const id = resolveConcept(context.roles, text, fail, 'roles', 'job role');
    return id ? [id] : [];
  });
  const competenceIds = splitList(cell('competences')).flatMap((text) => {
    const id = resolveConcept(context.competences, text, fail, 'competences', 'competence');
    return id ? [id] : [];
  });

  // "240 op", "180 osp", "5 ECTS": the unit may come with the figure.
  const creditsText = cell('credits');
  let credits: number | undefined;
  let creditUnit = cell('creditUnit') ? UNITS.get(normaliseHeaderName(cell('creditUnit'))) : undefined;
  if (cell('creditUnit') && !creditUnit)
    fail('creditUnit', 'unknown_unit', `"${cell('creditUnit')}" is not osp, op or ECTS`, {
      value: cell('creditUnit'),
    });
  if (creditsText) {
    const match = /^(\d+(?:[.,]\d+)?)\s*([\p{L}]*)$/u.exec(creditsText);
    const unit = match?.[2] ? UNITS.get(normaliseHeaderName(match[2])) : undefined;
    if (!match || Number(match[1]!.replace(',', '.')) > 1000 || (match[2] && !unit))
      fail('credits', 'not_credits', `"${creditsText}" is not a number of credits (e.g. 240 op, 180 osp)`, {
        value: creditsText,
      });
    else {
      credits = Number(match[1]!.replace(',', '.'));
      creditUnit ??= unit;
      if (!creditUnit) fail('creditUnit', 'required', 'Credits need a unit: osp, op or ECTS');
    }
  }

  const languageText = cell('language');
  const language = languageText ? LANGUAGE_WORDS.get(normaliseHeaderName(languageText)) : undefined;
  if (languageText && !language)
    fail('language', 'unknown_language', `"${languageText}" is not Finnish, Swedish or English`, {
      value: languageText,
    });

  const urlText = cell('url');
  const url = urlText ? normaliseWebsite(urlText) : undefined;
  if (url && (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url) || url.length > 500))
    fail('url', 'invalid_url', 'A web address starts with http:// or https://', { value: urlText });

  const publicText = cell('isPublic');
  const isPublic = publicText ? parseYesNo(publicText) : undefined;
  if (publicText && isPublic === null)
    fail('isPublic', 'not_boolean', `"${publicText}" is not yes or no`, { value: publicText });

  const deliveryText = cell('delivery');
  const delivery = deliveryText ? DELIVERY_WORDS.get(normaliseHeaderName(deliveryText)) : undefined;
  if (deliveryText && !delivery)
    fail('delivery', 'unknown_delivery', `"${deliveryText}" is not on site, online or blended`, {
      value: deliveryText,
    });
  const share = parseShare(cell('workBasedShare'));
  if (share === 'invalid')
    fail('workBasedShare', 'not_a_share', `"${cell('workBasedShare')}" is not a share from 0 to 100 %`, {
      value: cell('workBasedShare'),
    });
  const learningOutcomes = outcomesOf(cell);
  if (learningOutcomes && learningOutcomes.length > 50)
    fail('outcomes_fi', 'too_many', 'More than 50 learning outcomes', { max: 50 });
  if (
    learningOutcomes?.some(
      (o) => o.text.fi.length > 1000 || o.text.sv.length > 1000 || o.text.en.length > 1000,
    )
  )
    fail('outcomes_fi', 'too_long', 'A learning outcome is longer than 1000 characters', { max: 1000 });

  const id = cell('id');
  if (id.length > 200) fail('id', 'too_long', 'The Kenno id is longer than 200 characters', { max: 200 });

  if (organisation && !canEditProgramme(context.actor, { organisationId: organisation.id, regionId }))
    fail(
      'organisation',
      'not_allowed',
      `You may not add or change programmes of ${organisation.name} in that region`,
      {
        value: organisation.id,
      },
    );

  if (errors.length > 0 || !organisation || !level || eqfLevel === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(id ? { id } : {}),
      organisationId: organisation.id,
      name,
      ...(kind ? { kind } : {}),
      level,
      eqfLevel,
      regionId,
      ...counts,
      roleIds,
      competenceIds,
      ...(credits !== undefined ? { credits } : {}),
      ...(creditUnit ? { creditUnit } : {}),
      ...(language ? { language } : {}),
      ...(url ? { url } : {}),
      ...(isPublic !== undefined && isPublic !== null ? { isPublic } : {}),
      ...(delivery ? { delivery } : {}),
      ...(typeof share === 'number' ? { workBasedShare: share } : {}),
      ...(learningOutcomes ? { learningOutcomes } : {}),
    },
  };
}

const nameKey = (organisationId: string, name: Partial<Localized>) =>
  `${organisationId}\u0000${normaliseHeaderName(name.fi || name.en || name.sv || '')}`;

export function findDuplicateProgrammes(values: { row: number; value: TrainingSupplyRow }[]): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, value } of values) {
    const key = value.id ?? nameKey(value.organisationId, value.name);
    const other = first.get(key);
    if (other === undefined) first.set(key, row);
    else
      errors.push({
        row,
        column: null,
        field: 'name_fi',
        code: 'duplicate_programme',
        message: `Rows ${other} and ${row} describe the same programme`,
        params: { otherRow: other },
      });
  }
  return errors;
}

/** A stored programme as the plan compares it. */
export type StoredProgramme = {
  id: string;
  organisationId: string;
  name: Localized;
  kind: 'programme' | 'module';
  level: TrainingLevel;
  eqfLevel: number;
  regionId: string | null;
  yearlyIntake: number | null;
  yearlyGraduates: number | null;
  roleIds: string[];
  competenceIds: string[];
  credits: number | null;
  creditUnit: 'osp' | 'ects' | null;
  language: string | null;
  url: string | null;
  isPublic: boolean;
  delivery: 'on_site' | 'online' | 'blended' | null;
  workBasedShare: number | null;
  learningOutcomes: { text: Localized; conceptIds: string[] }[];
};

export type ProgrammeOperation =
  | { kind: 'create'; row: number; values: StoredProgramme }
  | {
      kind: 'update';
      row: number;
      id: string;
      set: Partial<StoredProgramme>;
      changes: Record<string, { from: unknown; to: unknown }>;
    }
  | { kind: 'unchanged'; row: number; id: string };

const UPDATABLE = [
  'kind',
  'level',
  'eqfLevel',
  'regionId',
  'yearlyIntake',
  'yearlyGraduates',
  'credits',
  'creditUnit',
  'language',
  'url',
  'isPublic',
  'delivery',
  'workBasedShare',
] as const;

/** Which row creates, changes or leaves alone which programme (same id, else same institution and name). */
export function planTrainingSupplyImport(args: {
  values: { row: number; value: TrainingSupplyRow }[];
  existing: readonly StoredProgramme[];
  actor: UserActor;
}): { errors: RowError[]; operations: ProgrammeOperation[] } {
  const byId = new Map(args.existing.map((p) => [p.id, p]));
  const byName = new Map<string, StoredProgramme>();
  for (const p of args.existing)
    for (const lang of ['fi', 'en', 'sv'] as const) {
      const key = nameKey(p.organisationId, { [lang]: p.name[lang] });
      if (p.name[lang] && !byName.has(key)) byName.set(key, p);
    }
  const taken = new Set(byId.keys());
  const errors: RowError[] = [];
  const operations: ProgrammeOperation[] = [];
  for (const { row, value } of args.values) {
    const target =
      (value.id ? byId.get(value.id) : undefined) ??
      (['fi', 'en', 'sv'] as const)
        .map((lang) =>
          value.name[lang]
            ? byName.get(nameKey(value.organisationId, { [lang]: value.name[lang] }))
            : undefined,
        )
        .find(Boolean);
    if (target && target.organisationId !== value.organisationId) {
      errors.push({
        row,
        column: null,
        field: 'id',
        code: 'other_organisation',
        message: `The programme ${target.id} belongs to ${target.organisationId}`,
        params: { value: target.id },
      });
      continue;
    }
    if (target && !canEditProgramme(args.actor, target)) {
      errors.push({
        row,
        column: null,
        field: 'organisation',
        code: 'not_allowed',
        message: `You may not change the programme ${target.id}`,
        params: { value: target.id },
      });
      continue;
    }
    if (!target) {
      const name = { fi: '', sv: '', en: '', ...value.name };
      const base = programmeId(value.organisationId, name);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      operations.push({
        kind: 'create',
        row,
        values: {
          id,
          organisationId: value.organisationId,
          name,
          kind: value.kind ?? 'programme',
          level: value.level,
          eqfLevel: value.eqfLevel,
          regionId: value.regionId,
          yearlyIntake: value.yearlyIntake ?? null,
          yearlyGraduates: value.yearlyGraduates ?? null,
          roleIds: value.roleIds,
          competenceIds: value.competenceIds,
          credits: value.credits ?? null,
          creditUnit: value.creditUnit ?? null,
          language: value.language ?? null,
          url: value.url ?? null,
          isPublic: value.isPublic ?? true,
          delivery: value.delivery ?? null,
          workBasedShare: value.workBasedShare ?? null,
          learningOutcomes: value.learningOutcomes ?? [],
        },
      });
      continue;
    }
    const set: Partial<StoredProgramme> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of UPDATABLE) {
      const next = value[key];
      if (next === undefined || next === target[key]) continue;
      (set as Record<string, unknown>)[key] = next;
      changes[key] = { from: target[key], to: next };
    }
    const name = { ...target.name, ...value.name };
    if (JSON.stringify(name) !== JSON.stringify(target.name)) {
      set.name = name;
      changes.name = { from: target.name, to: name };
    }
    // Learning outcomes given in the file replace the stored ones.
    if (
      value.learningOutcomes &&
      JSON.stringify(value.learningOutcomes) !== JSON.stringify(target.learningOutcomes)
    ) {
      set.learningOutcomes = value.learningOutcomes;
      changes.learningOutcomes = { from: target.learningOutcomes, to: value.learningOutcomes };
    }
    // Roles and competences are added, never removed, by an import.
    for (const key of ['roleIds', 'competenceIds'] as const) {
      const merged = [...new Set([...target[key], ...value[key]])];
      if (merged.length !== target[key].length) {
        set[key] = merged;
        changes[key] = { from: target[key], to: merged };
      }
    }
    operations.push(
      Object.keys(changes).length
        ? { kind: 'update', row, id: target.id, set, changes }
        : { kind: 'unchanged', row, id: target.id },
    );
  }
  return { errors, operations };
}

export const trainingSupplyImportDefinition: ImportKindDefinition<TrainingSupplyRow, TrainingImportContext> =
  {
    kind: 'training-supply',
    title: { fi: 'Koulutustarjonta', sv: 'Utbildningsutbud', en: 'Training supply' },
    fields: TRAINING_SUPPLY_FIELDS,
    maxBytes: TRAINING_SUPPLY_MAX_BYTES,
    coordinatorsMayImport: true,
    validateRow: validateTrainingSupplyRow,
    validateAll: (values) => findDuplicateProgrammes(values),
  };
