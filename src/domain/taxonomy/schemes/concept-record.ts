/**
 * A concept as Kenno stores it, whatever scheme it belongs to (value chain, education levels,
 * regions, funding instruments, job roles, ESCO occupations and skills). Pure: the db layer
 * maps rows to and from this shape; shipped scheme files, ESCO imports and admin edits all
 * produce it, so "did anything change?" is answered in one place.
 */
import { z } from 'zod';
import { LANGUAGES, type Language, type Localized, type LocalizedList } from '../../i18n/localized.ts';

export type ConceptRecord = {
  id: string;
  scheme: string;
  parentId: string | null;
  level: number;
  labels: Localized;
  altLabels: LocalizedList;
  description: Localized;
  notation: string | null;
  uri: string | null;
  sources: string[];
  sortOrder: number;
};

/** The fields history and audit compare; `level` follows from `parentId` and is compared too. */
export const CONCEPT_FIELDS = [
  'scheme',
  'parentId',
  'level',
  'labels',
  'altLabels',
  'description',
  'notation',
  'uri',
  'sources',
  'sortOrder',
] as const satisfies readonly (keyof ConceptRecord)[];

export type ConceptField = (typeof CONCEPT_FIELDS)[number];

export type ConceptRelationKind = 'broader' | 'essential' | 'optional' | 'exact-match' | 'related';
export type ConceptRelation = { fromId: string; toId: string; kind: ConceptRelationKind };

/**
 * Concept ids: letters, digits and `. _ : + -`, starting with a letter or digit. Ids are
 * stable: value-chain ids (`cell.electrode`), scheme prefixes (`edu.eqf-4`, `region.vaasa`)
 * and ESCO ids derived from the URI (`esco:occupation:<uuid>`).
 */
export const ConceptIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:+-]*$/, 'Use letters, digits and . _ : + - only');

export function emptyLabelLists(): LocalizedList {
  return { fi: [], sv: [], en: [] };
}

/** Trimmed, non-empty, without case-insensitive duplicates or a copy of the preferred label. */
export function normaliseAltLabels(values: readonly string[], preferred = ''): string[] {
  const seen = new Set<string>([preferred.trim().toLocaleLowerCase()]);
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim();
    const key = value.toLocaleLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** The first non-empty label, preferring `lang`; for messages and fallbacks. */
export function labelOf(labels: Localized, lang: Language = 'en'): string {
  if (labels[lang]) return labels[lang];
  for (const other of LANGUAGES) if (labels[other]) return labels[other];
  return '';
}

/**
 * Field-by-field difference: the changed fields' old and new values, or null when nothing
 * changed. History stores exactly these two halves.
 */
export function diffConceptRecords(
  before: ConceptRecord,
  after: ConceptRecord,
): { before: Partial<ConceptRecord>; after: Partial<ConceptRecord> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const field of CONCEPT_FIELDS) {
    if (!sameValue(before[field], after[field])) {
      b[field] = before[field];
      a[field] = after[field];
    }
  }
  return Object.keys(a).length
    ? { before: b as Partial<ConceptRecord>, after: a as Partial<ConceptRecord> }
    : null;
}

/** Deep equality for the JSON values of a concept (key order of objects does not matter). */
export function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
  for (const key of keys) if (!sameValue(xo[key], yo[key])) return false;
  return true;
}

/**
 * Depth of every concept in a forest given as id → parent id (1 = top level). A parent that
 * is missing makes a concept top level; a cycle (which edits refuse) is cut where found.
 */
export function computeLevels(parents: ReadonlyMap<string, string | null>): Map<string, number> {
  const levels = new Map<string, number>();
  const depth = (id: string, path: Set<string>): number => {
    const known = levels.get(id);
    if (known !== undefined) return known;
    const parent = parents.get(id) ?? null;
    let level = 1;
    if (parent !== null && parents.has(parent) && !path.has(parent)) {
      path.add(id);
      level = depth(parent, path) + 1;
      path.delete(id);
    }
    levels.set(id, level);
    return level;
  };
  for (const id of parents.keys()) depth(id, new Set());
  return levels;
}

/**
 * Why `conceptId` may not get `parentId` as its parent, or null when it may: a parent must
 * exist, be in the same scheme, and be neither the concept itself nor one of its descendants.
 */
export function parentProblem(
  conceptId: string,
  parentId: string | null,
  scheme: string,
  lookup: (id: string) => { scheme: string; parentId: string | null } | undefined,
): string | null {
  if (parentId === null) return null;
  if (parentId === conceptId) return 'A concept cannot be its own parent';
  const parent = lookup(parentId);
  if (!parent) return 'The parent concept does not exist';
  if (parent.scheme !== scheme) return 'The parent must be in the same concept scheme';
  const seen = new Set<string>();
  for (let current: string | null = parentId; current !== null; current = lookup(current)?.parentId ?? null) {
    if (current === conceptId) return 'The parent cannot be one of the concept’s own narrower concepts';
    if (seen.has(current)) break;
    seen.add(current);
  }
  return null;
}

/** ESCO occupation and skill URIs (http, version-independent; rules.md §4). */
export const ESCO_CONCEPT_URI =
  /^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/** ESCO URIs a concept's sources name (a battery job role lists its ESCO occupation there). */
export function escoUrisIn(sources: readonly string[]): string[] {
  return sources.filter((s) => ESCO_CONCEPT_URI.test(s));
}
