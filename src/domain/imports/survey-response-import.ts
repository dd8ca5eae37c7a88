import type { UserActor } from '../auth/roles.ts';
import { MAX_HEADCOUNT, type Instrument } from '../skills/survey.ts';
import { normaliseHeaderName } from './column-mapping.ts';
import type { ImportKindDefinition, RowError, RowResult } from './import-kind.ts';
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

/**
 * The `survey-responses` import kind, pure part: employers' answers exported from a survey tool
 * (Webropol, Microsoft Forms, Google Forms … as CSV or XLSX), one row per stated need, into a
 * chosen survey round (the upload's `roundId` parameter). A row names the employer by business
 * ID or name, the job role, the EQF level (a number, "EQF 6", or a Finnish qualification such as
 * "AMK"), the region and the three headcounts; difficulty, skills and free text are optional.
 *
 * Deterministic: a need is identified by round, employer, role, level and region, so the same
 * file imported again changes nothing, and a corrected file updates the needs it changes.
 * An employer that answered the round through its personal link is not imported over.
 */

export const SURVEY_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const SURVEY_RESPONSE_FIELDS = [
  field(
    'employer',
    true,
    { fi: 'Työnantaja', sv: 'Arbetsgivare', en: 'Employer' },
    [
      'organisaatio',
      'organisaation nimi',
      'organisaatiosi nimi',
      'yritys',
      'yrityksen nimi',
      'työnantaja',
      'vastaajaorganisaatio',
      'company',
      'company name',
      'employer',
      'organisation',
      'organization',
      'organisation name',
      'organization name',
      'name of your organisation',
      'name of your organization',
      'företag',
      'organisationens namn',
      'arbetsgivare',
    ],
    {
      fi: 'Organisaation nimi tai Kennon tunniste; Y-tunnus erottaa samannimiset',
      sv: 'Organisationens namn eller Kenno-id; FO-numret skiljer organisationer med samma namn åt',
      en: 'The organisation’s name or Kenno id; the business ID tells namesakes apart',
    },
  ),
  field('businessId', false, { fi: 'Y-tunnus', sv: 'FO-nummer', en: 'Business ID' }, [
    'y-tunnus',
    'y tunnus',
    'ytunnus',
    'business id',
    'business identity code',
    'fo-nummer',
    'company id',
  ]),
  field(
    'role',
    true,
    { fi: 'Ammattirooli', sv: 'Yrkesroll', en: 'Job role' },
    [
      'ammattirooli',
      'rooli',
      'tehtävä',
      'tehtävänimike',
      'ammatti',
      'job role',
      'role',
      'position',
      'occupation',
      'yrkesroll',
      'roll',
      'befattning',
    ],
    {
      fi: 'Kyselyn roolin nimi millä tahansa kielellä tai tunniste, esim. job-role.chemical-engineer',
      sv: 'Enkätens roll på valfritt språk eller dess id, t.ex. job-role.chemical-engineer',
      en: 'A role of the survey in any language, or its id, e.g. job-role.chemical-engineer',
    },
  ),
  field(
    'eqfLevel',
    true,
    { fi: 'Koulutustaso (EQF)', sv: 'Utbildningsnivå (EQF)', en: 'Education level (EQF)' },
    [
      'koulutustaso',
      'koulutustaso eqf',
      'eqf',
      'eqf level',
      'eqf-taso',
      'education level',
      'level of education',
      'tutkintotaso',
      'utbildningsnivå',
      'utbildningsnivå eqf',
    ],
    {
      fi: 'EQF 1–8 (esim. 6 tai EQF 6) tai tutkinto (esim. AMK, ammatillinen perustutkinto)',
      sv: 'EQF 1–8 (t.ex. 6 eller EQF 6) eller en examen (t.ex. YH-examen, yrkesinriktad grundexamen)',
      en: 'EQF 1–8 (e.g. 6 or EQF 6) or a qualification (e.g. AMK, bachelor’s degree)',
    },
  ),
  field(
    'region',
    false,
    { fi: 'Alue', sv: 'Region', en: 'Region' },
    ['alue', 'seutu', 'kaupunkiseutu', 'sijainti', 'region', 'location', 'city region', 'ort', 'stadsregion'],
    {
      fi: 'Verkoston alue; alueen kyselyssä tyhjä = kyselyn alue',
      sv: 'Nätverkets region; i en regional enkät betyder tomt enkätens region',
      en: 'A network region; empty means the round’s own region in a regional round',
    },
  ),
  field('headcountNow', false, { fi: 'Tarve nyt', sv: 'Behov nu', en: 'Needed now' }, [
    'tarve nyt',
    'tarve nyt hlöä',
    'tarve nyt henkilöä',
    'henkilöstötarve nyt',
    'rekrytointitarve nyt',
    'needed now',
    'headcount now',
    'need now',
    'hires now',
    'behov nu',
    'rekryteringsbehov nu',
  ]),
  field(
    'headcount1to3',
    false,
    { fi: 'Tarve 1–3 vuoden kuluttua', sv: 'Behov om 1–3 år', en: 'Needed in 1–3 years' },
    [
      'tarve 1-3 vuoden kuluttua',
      'tarve 1-3 v',
      'tarve 1-3 vuotta',
      'tarve 1–3 vuoden päästä',
      'needed in 1-3 years',
      'headcount 1-3 years',
      'need in 1-3 years',
      'in 1-3 years',
      'behov om 1-3 år',
    ],
  ),
  field(
    'headcount3to5',
    false,
    { fi: 'Tarve 3–5 vuoden kuluttua', sv: 'Behov om 3–5 år', en: 'Needed in 3–5 years' },
    [
      'tarve 3-5 vuoden kuluttua',
      'tarve 3-5 v',
      'tarve 3-5 vuotta',
      'tarve 3–5 vuoden päästä',
      'needed in 3-5 years',
      'headcount 3-5 years',
      'need in 3-5 years',
      'in 3-5 years',
      'behov om 3-5 år',
    ],
  ),
  field(
    'difficulty',
    false,
    {
      fi: 'Rekrytoinnin vaikeus (1–5)',
      sv: 'Rekryteringssvårighet (1–5)',
      en: 'Recruitment difficulty (1–5)',
    },
    [
      'rekrytoinnin vaikeus',
      'rekrytoinnin vaikeus 1-5',
      'kuinka vaikeaa rekrytointi on',
      'recruitment difficulty',
      'how hard is it to recruit',
      'how hard is it to recruit 1 easy 5 very hard',
      'difficulty',
      'rekryteringssvårighet',
    ],
  ),
  field('skills', false, { fi: 'Osaamiset', sv: 'Kompetenser', en: 'Skills' }, [
    'osaamiset',
    'osaamistarpeet',
    'taidot',
    'skills',
    'competences',
    'kompetenser',
    'färdigheter',
  ]),
  field('freeText', false, { fi: 'Vapaa sana', sv: 'Fritt ord', en: 'Free text' }, [
    'vapaa sana',
    'kommentit',
    'lisätietoja',
    'muuta',
    'free text',
    'comments',
    'other comments',
    'anything else',
    'fritt ord',
    'kommentarer',
    'övrigt',
  ]),
];

export type SurveyImportContext = {
  actor: UserActor;
  round: { id: string; regionId: string | null; instrument: Instrument };
  organisations: OrganisationIndex;
  roles: Map<string, string | null>;
  skills: Map<string, string | null>;
  /** Normalised qualification or level name → EQF level. */
  levels: Map<string, number>;
  regions: Map<string, string>;
  /** Region id → its English name, for messages. */
  regionNames: Map<string, string>;
};

export function buildSurveyImportContext(input: {
  actor: UserActor;
  round: SurveyImportContext['round'];
  organisations: readonly RegistryOrganisation[];
  concepts: readonly (NamedConcept & { parentId?: string | null })[];
  regions: readonly { id: string; name: { fi: string; sv: string; en: string } }[];
}): SurveyImportContext {
  const byId = new Map(input.concepts.map((c) => [c.id, c]));
  const pick = (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const levels = qualificationLevels(input.concepts);
  return {
    actor: input.actor,
    round: input.round,
    organisations: organisationIndex(input.organisations),
    roles: conceptIndex(pick(input.round.instrument.roleIds)),
    skills: conceptIndex(pick(input.round.instrument.skillIds)),
    levels,
    regions: regionIndex(input.regions),
    regionNames: new Map(input.regions.map((r) => [r.id, r.name.en])),
  };
}

/**
 * Qualification names and notations (AMK, PT, "ammattikorkeakoulututkinto" …) → their EQF level:
 * in the education-levels scheme each qualification sits under its level (edu.eqf-N).
 */
export function qualificationLevels(
  concepts: readonly (NamedConcept & { parentId?: string | null })[],
): Map<string, number> {
  const levels = new Map<string, number>();
  for (const c of concepts) {
    const level = /^edu\.eqf-(\d)$/.exec(c.parentId ?? '')?.[1] ?? /^edu\.eqf-(\d)$/.exec(c.id)?.[1];
    if (!level) continue;
    const alt = c.altLabels ?? { fi: [], sv: [], en: [] };
    for (const text of [c.notation, c.labels.fi, c.labels.sv, c.labels.en, ...alt.fi, ...alt.sv, ...alt.en]) {
      const key = text ? normaliseHeaderName(text) : '';
      if (key && !levels.has(key)) levels.set(key, Number(level));
    }
  }
  return levels;
}

/** "6", "EQF 6", "EQF-taso 6", "Level 6", or a qualification's name or notation. */
export function parseEqfLevel(text: string, levels: ReadonlyMap<string, number>): number | null {
  const plain = /^(?:eqf[\s-]*(?:taso|nivå|level)?|taso|level|nivå)?[\s:-]*([1-8])$/i.exec(text.trim());
  if (plain) return Number(plain[1]);
  return levels.get(normaliseHeaderName(text)) ?? null;
}

export type SurveyResponseRow = {
  organisationId: string;
  roleId: string;
  eqfLevel: number;
  regionId: string;
  now: number;
  in1to3: number;
  in3to5: number;
  difficulty: number | null;
  skillIds: string[];
  freeText: string | null;
};

export function validateSurveyResponseRow(
  record: Record<string, string>,
  row: number,
  context: SurveyImportContext,
): RowResult<SurveyResponseRow> {
  const { errors, failed, fail } = rowErrors(row);
  const cell = (key: string) => (record[key] ?? '').trim();
  const { instrument } = context.round;

  const employer = resolveOrganisation(context.organisations, cell('employer'), cell('businessId'), fail, {
    name: 'employer',
    businessId: 'businessId',
  });

  const roleText = cell('role');
  const roleId = roleText
    ? resolveConcept(context.roles, roleText, fail, 'role', 'job role of this survey')
    : null;
  if (!roleText) fail('role', 'required', 'The job role is missing');

  const levelText = cell('eqfLevel');
  const eqfLevel = levelText ? parseEqfLevel(levelText, context.levels) : null;
  if (!levelText) fail('eqfLevel', 'required', 'The education level is missing');
  else if (eqfLevel === null)
    fail('eqfLevel', 'unknown_level', `"${levelText}" is not an EQF level or a Finnish qualification`, {
      value: levelText,
    });
  else if (!instrument.eqfLevels.includes(eqfLevel))
    fail('eqfLevel', 'level_not_in_survey', `EQF ${eqfLevel} is not a level of this survey`, {
      value: eqfLevel,
    });

  const regionText = cell('region');
  let regionId: string | null = null;
  if (!regionText) {
    regionId = context.round.regionId;
    if (!regionId)
      fail('region', 'required', 'The region is missing (a network-wide round needs it on every row)');
  } else {
    regionId = context.regions.get(normaliseHeaderName(regionText)) ?? null;
    if (!regionId)
      fail('region', 'unknown_region', `"${regionText}" is not a region of the network`, {
        value: regionText,
      });
    else if (context.round.regionId && regionId !== context.round.regionId)
      fail(
        'region',
        'region_not_in_round',
        `This round is for ${context.regionNames.get(context.round.regionId) ?? context.round.regionId}; "${regionText}" is another region`,
        { value: regionText, roundRegionId: context.round.regionId },
      );
  }

  const counts: Record<string, number> = {};
  let given = 0;
  for (const key of ['headcountNow', 'headcount1to3', 'headcount3to5'] as const) {
    const value = parseCount(cell(key), MAX_HEADCOUNT);
    if (value === 'invalid')
      fail(key, 'not_a_headcount', `"${cell(key)}" is not a whole number of people (0–${MAX_HEADCOUNT})`, {
        value: cell(key),
        max: MAX_HEADCOUNT,
      });
    else if (value !== null) {
      counts[key] = value;
      given++;
    }
  }
  if (given === 0 && !['headcountNow', 'headcount1to3', 'headcount3to5'].some((k) => failed.has(k)))
    fail('headcountNow', 'no_headcount', 'The row states no headcount (now, in 1–3 or in 3–5 years)');

  const difficultyText = cell('difficulty');
  let difficulty: number | null = null;
  if (difficultyText) {
    // Survey tools export the chosen option, e.g. "4 = vaikea" or "4 - hard".
    const match = /^([1-5])(?:\s*[=:.)-].*)?$/.exec(difficultyText);
    if (!match)
      fail('difficulty', 'not_a_difficulty', `"${difficultyText}" is not a difficulty from 1 to 5`, {
        value: difficultyText,
      });
    else if (!instrument.askRecruitmentDifficulty)
      fail('difficulty', 'not_asked', 'This survey does not ask the recruitment difficulty');
    else difficulty = Number(match[1]);
  }

  const skillIds: string[] = [];
  for (const text of splitList(cell('skills'))) {
    const id = resolveConcept(context.skills, text, fail, 'skills', 'skill of this survey');
    if (id) skillIds.push(id);
  }

  const freeText = cell('freeText');
  if (freeText.length > 2000) fail('freeText', 'too_long', 'Longer than 2000 characters', { max: 2000 });
  else if (freeText && !instrument.askFreeText)
    fail('freeText', 'not_asked', 'This survey does not ask for free text');

  if (errors.length > 0 || !employer || !roleId || eqfLevel === null || !regionId)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      organisationId: employer.id,
      roleId,
      eqfLevel,
      regionId,
      now: counts.headcountNow ?? 0,
      in1to3: counts.headcount1to3 ?? 0,
      in3to5: counts.headcount3to5 ?? 0,
      difficulty,
      skillIds,
      freeText: freeText || null,
    },
  };
}

const needKey = (v: Pick<SurveyResponseRow, 'organisationId' | 'roleId' | 'eqfLevel' | 'regionId'>) =>
  `${v.organisationId}\u0000${v.roleId}\u0000${v.eqfLevel}\u0000${v.regionId}`;

/** One employer stating the same need twice in a file: an error on the later row. */
export function findDuplicateNeeds(values: { row: number; value: SurveyResponseRow }[]): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, value } of values) {
    const key = needKey(value);
    const other = first.get(key);
    if (other === undefined) first.set(key, row);
    else
      errors.push({
        row,
        column: null,
        field: 'role',
        code: 'duplicate_need',
        message: `Rows ${other} and ${row} state the same employer, role, level and region`,
        params: { otherRow: other },
      });
  }
  return errors;
}

/** The stored answer a need becomes: the same id every time (re-imports change nothing). */
export function importedAnswerId(
  roundId: string,
  v: Pick<SurveyResponseRow, 'organisationId' | 'roleId' | 'eqfLevel' | 'regionId'>,
): string {
  return `import.${roundId}.${v.organisationId}.${v.roleId}.${v.eqfLevel}.${v.regionId}`;
}

export type StoredImportedAnswer = SurveyResponseRow & { id: string };

export type SurveyImportOperation =
  | { kind: 'create'; row: number; id: string; value: SurveyResponseRow }
  | {
      kind: 'update';
      row: number;
      id: string;
      value: SurveyResponseRow;
      changes: Record<string, { from: unknown; to: unknown }>;
    }
  | { kind: 'unchanged'; row: number; id: string };

const COMPARED = ['now', 'in1to3', 'in3to5', 'difficulty', 'freeText', 'skillIds'] as const;

/**
 * What each valid row does against the round's stored imported answers. An employer that
 * answered through its personal link is left to that answer (a row error).
 */
export function planSurveyImport(args: {
  roundId: string;
  values: { row: number; value: SurveyResponseRow }[];
  existing: readonly StoredImportedAnswer[];
  answeredByLink: ReadonlySet<string>;
}): { errors: RowError[]; operations: SurveyImportOperation[] } {
  const byId = new Map(args.existing.map((a) => [a.id, a]));
  const errors: RowError[] = [];
  const operations: SurveyImportOperation[] = [];
  for (const { row, value } of args.values) {
    if (args.answeredByLink.has(value.organisationId)) {
      errors.push({
        row,
        column: null,
        field: 'employer',
        code: 'answered_by_link',
        message: `${value.organisationId} answered this round through its personal link; its answers are not imported over`,
        params: { value: value.organisationId },
      });
      continue;
    }
    const id = importedAnswerId(args.roundId, value);
    const stored = byId.get(id);
    if (!stored) {
      operations.push({ kind: 'create', row, id, value });
      continue;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of COMPARED)
      if (JSON.stringify(stored[key]) !== JSON.stringify(value[key]))
        changes[key] = { from: stored[key], to: value[key] };
    operations.push(
      Object.keys(changes).length
        ? { kind: 'update', row, id, value, changes }
        : { kind: 'unchanged', row, id },
    );
  }
  return { errors, operations };
}

export function summarisePlan(operations: readonly { kind: 'create' | 'update' | 'unchanged' }[]) {
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const op of operations) {
    if (op.kind === 'create') summary.created++;
    else if (op.kind === 'update') summary.updated++;
    else summary.unchanged++;
  }
  return summary;
}

export const surveyResponsesImportDefinition: ImportKindDefinition<SurveyResponseRow, SurveyImportContext> = {
  kind: 'survey-responses',
  title: {
    fi: 'Osaamistarvekyselyn vastaukset',
    sv: 'Svar på enkäten om kompetensbehov',
    en: 'Competence-needs survey responses',
  },
  params: [
    {
      key: 'roundId',
      label: { fi: 'Kyselykierros', sv: 'Enkätomgång', en: 'Survey round' },
      required: true,
      hint: {
        fi: 'Kierros, johon vastaukset tuodaan',
        sv: 'Omgången svaren importeras till',
        en: 'The round the answers are imported into',
      },
    },
  ],
  fields: SURVEY_RESPONSE_FIELDS,
  maxBytes: SURVEY_IMPORT_MAX_BYTES,
  coordinatorsMayImport: true,
  validateRow: validateSurveyResponseRow,
  validateAll: (values) => findDuplicateNeeds(values),
};
