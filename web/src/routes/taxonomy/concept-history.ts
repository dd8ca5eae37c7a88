import { LANGUAGES, type Language } from '../../i18n/setup.ts';
import type { ConceptHistoryEntry } from './taxonomy-api.ts';

/** The fields a history entry can show, in this order. */
export const HISTORY_FIELDS = [
  'labels',
  'altLabels',
  'description',
  'parentId',
  'notation',
  'uri',
  'level',
  'sources',
  'sortOrder',
  'scheme',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export interface HistoryChange {
  field: HistoryField;
  /** For values kept per language: the language that changed. */
  language: Language | null;
  before: string;
  after: string;
}

const MAX_TEXT = 240;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  const out = Array.isArray(value)
    ? value.map(String).join(', ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

function isPerLanguage(value: unknown): value is Record<Language, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && LANGUAGES.every((l) => l in value)
  );
}

/**
 * What an entry changed, field by field; a value kept per language (labels, alternative
 * labels, description) is shown only for the languages that changed.
 */
export function historyChanges(entry: Pick<ConceptHistoryEntry, 'before' | 'after'>): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of HISTORY_FIELDS) {
    const before = entry.before?.[field];
    const after = entry.after?.[field];
    if (before === undefined && after === undefined) continue;
    if (isPerLanguage(before) || isPerLanguage(after)) {
      for (const language of LANGUAGES) {
        const b = text(isPerLanguage(before) ? before[language] : undefined);
        const a = text(isPerLanguage(after) ? after[language] : undefined);
        if (b !== a) changes.push({ field, language, before: b, after: a });
      }
    } else if (text(before) !== text(after)) {
      changes.push({ field, language: null, before: text(before), after: text(after) });
    }
  }
  return changes;
}
