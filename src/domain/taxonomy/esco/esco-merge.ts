/**
 * Merging ESCO rows into Kenno concepts. Pure. The three language files of one release hold
 * the same URIs; each fills its own language of one concept, whose id is derived from the
 * URI, so importing the same file again produces the same concept and changes nothing.
 */
import type { Language } from '../../i18n/localized.ts';
import {
  type ConceptRecord,
  type ConceptRelation,
  ESCO_CONCEPT_URI,
  normaliseAltLabels,
} from '../schemes/concept-record.ts';
import type { SchemeRecord } from '../schemes/scheme-file.ts';
import type {
  EscoBroaderRow,
  EscoConceptKind,
  EscoConceptRow,
  EscoOccupationSkillRow,
} from './esco-records.ts';

export const ESCO_SCHEME: Record<EscoConceptKind, string> = {
  occupation: 'esco-occupations',
  skill: 'esco-skills',
};

export const ESCO_SOURCE =
  'ESCO classification, European Commission (CSV download, https://esco.ec.europa.eu/)';

/** The two ESCO schemes. No concepts ship with Kenno: an admin imports them (esco-kinds.ts). */
export const ESCO_SCHEME_RECORDS: SchemeRecord[] = [
  {
    id: 'esco-occupations',
    sortOrder: 6,
    uri: 'http://data.europa.eu/esco/concept-scheme/occupations',
    title: { fi: 'ESCO-ammatit', sv: 'ESCO-yrken', en: 'ESCO occupations' },
    description: {
      fi: 'Eurooppalaisen taitojen, osaamisen, tutkintojen ja ammattien luokituksen (ESCO) ammatit. Ylläpitäjä tuo ne ESCO:n CSV-latauksesta (occupations_fi/sv/en.csv).',
      sv: 'Yrkena i den europeiska klassificeringen av färdigheter, kompetenser, kvalifikationer och yrken (ESCO). En administratör importerar dem från ESCO:s CSV-nedladdning (occupations_fi/sv/en.csv).',
      en: 'The occupations of the European Skills, Competences, Qualifications and Occupations classification (ESCO). An administrator imports them from the ESCO CSV download (occupations_fi/sv/en.csv).',
    },
    source: 'https://esco.ec.europa.eu/en/use-esco/download',
  },
  {
    id: 'esco-skills',
    sortOrder: 7,
    uri: 'http://data.europa.eu/esco/concept-scheme/skills',
    title: {
      fi: 'ESCO-taidot ja -osaaminen',
      sv: 'ESCO-färdigheter och -kompetenser',
      en: 'ESCO skills and knowledge',
    },
    description: {
      fi: 'ESCO-luokituksen taidot, osaaminen ja tiedot (noin 14 000). Ylläpitäjä tuo ne ESCO:n CSV-latauksesta (skills_fi/sv/en.csv).',
      sv: 'ESCO-klassificeringens färdigheter, kompetenser och kunskaper (cirka 14 000). En administratör importerar dem från ESCO:s CSV-nedladdning (skills_fi/sv/en.csv).',
      en: 'The skills, competences and knowledge of ESCO (about 14,000). An administrator imports them from the ESCO CSV download (skills_fi/sv/en.csv).',
    },
    source: 'https://esco.ec.europa.eu/en/use-esco/download',
  },
];

/** `http://data.europa.eu/esco/occupation/<uuid>` → `esco:occupation:<uuid>` (deterministic). */
export function escoConceptId(uri: string): string | null {
  const match = ESCO_CONCEPT_URI.exec(uri);
  return match ? `esco:${match[1]}:${match[2]}` : null;
}

/**
 * The concept after one language row: that language's label, alt labels and description are
 * replaced; other languages, the parent (set by broader relations) and admin-added sources
 * stay. The occupation code becomes the notation.
 */
export function mergeEscoConcept(
  existing: ConceptRecord | null,
  row: EscoConceptRow,
  language: Language,
): ConceptRecord {
  const id = escoConceptId(row.uri);
  if (!id) throw new Error(`Not an ESCO concept URI: ${row.uri}`);
  const base: ConceptRecord = existing ?? {
    id,
    scheme: ESCO_SCHEME[row.kind],
    parentId: null,
    level: 1,
    labels: { fi: '', sv: '', en: '' },
    altLabels: { fi: [], sv: [], en: [] },
    description: { fi: '', sv: '', en: '' },
    notation: null,
    uri: row.uri,
    sources: [ESCO_SOURCE],
    sortOrder: 0,
  };
  return {
    ...base,
    uri: row.uri,
    labels: { ...base.labels, [language]: row.preferredLabel },
    altLabels: { ...base.altLabels, [language]: normaliseAltLabels(row.altLabels, row.preferredLabel) },
    description: { ...base.description, [language]: row.description || row.definition },
    notation: row.kind === 'occupation' ? (row.code ?? base.notation) : base.notation,
    sources: base.sources.includes(ESCO_SOURCE) ? base.sources : [...base.sources, ESCO_SOURCE],
  };
}

export type BroaderPlan = {
  /** concept id → its new parent (the first broader concept listed for it that exists). */
  parents: Map<string, string>;
  /** Further broader concepts beyond the parent. */
  relations: ConceptRelation[];
  /** Rows whose concept or broader concept is not in Kenno (ISCO groups, skill groups …). */
  skipped: number;
};

/**
 * Plans the hierarchy from broaderRelations rows. `known` maps an ESCO URI to the concept
 * stored for it. Only links within one scheme count: ESCO also links occupations to ISCO
 * groups and skills to skill groups, which Kenno does not import; those rows are skipped and
 * counted.
 */
export function planEscoBroader(
  rows: readonly EscoBroaderRow[],
  known: ReadonlyMap<string, { id: string; scheme: string }>,
): BroaderPlan {
  const parents = new Map<string, string>();
  const relations: ConceptRelation[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of rows) {
    const narrower = known.get(row.conceptUri);
    const broader = known.get(row.broaderUri);
    if (!narrower || !broader || narrower.scheme !== broader.scheme) {
      skipped++;
      continue;
    }
    const key = `${narrower.id} ${broader.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!parents.has(narrower.id)) parents.set(narrower.id, broader.id);
    else relations.push({ fromId: narrower.id, toId: broader.id, kind: 'broader' });
  }
  return { parents, relations, skipped };
}

/** Occupation → skill relations for the rows whose two concepts are in Kenno. */
export function planEscoOccupationSkills(
  rows: readonly EscoOccupationSkillRow[],
  known: ReadonlyMap<string, { id: string }>,
): { relations: ConceptRelation[]; skipped: number } {
  const relations: ConceptRelation[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of rows) {
    const occupation = known.get(row.occupationUri);
    const skill = known.get(row.skillUri);
    if (!occupation || !skill) {
      skipped++;
      continue;
    }
    const key = `${occupation.id} ${skill.id} ${row.relationType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({ fromId: occupation.id, toId: skill.id, kind: row.relationType });
  }
  return { relations, skipped };
}
