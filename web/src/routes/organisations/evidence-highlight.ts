import type { Localised } from '../../api.ts';

/** A piece of the excerpt; `start` is its offset in the description (a stable key). */
export type Segment = { text: string; mark: boolean; start: number };
export type EvidenceExcerpt = {
  language: keyof Localised;
  segments: Segment[];
  clippedStart: boolean;
  clippedEnd: boolean;
};

const LANGUAGE_ORDER: (keyof Localised)[] = ['fi', 'sv', 'en'];
const CONTEXT = 70;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each evidence word occurs in `text` as a whole word (evidence is quoted as written). */
function findMatches(text: string, evidence: string[]): Array<[number, number]> {
  const words = [...new Set(evidence.filter((w) => w.trim()))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A short excerpt of the description that shows why a competence was suggested, with the
 * matched words marked: from the description with the most matches, the UI language first
 * on a tie. Null when no description contains the words.
 */
export function findEvidenceExcerpt(
  descriptions: Localised,
  evidence: string[],
  preferred: keyof Localised,
): EvidenceExcerpt | null {
  const order = [preferred, ...LANGUAGE_ORDER.filter((l) => l !== preferred)];
  let best: { language: keyof Localised; matches: Array<[number, number]> } | null = null;
  for (const language of order) {
    const matches = findMatches(descriptions[language] ?? '', evidence);
    if (matches.length > (best?.matches.length ?? 0)) best = { language, matches };
  }
  if (!best) return null;
  const text = descriptions[best.language];
  // From a little before the first match to a little after the last one near it.
  const first = best.matches[0]!;
  const nearby = best.matches.filter(([start]) => start - first[0] < CONTEXT * 3);
  let from = Math.max(0, first[0] - CONTEXT);
  let to = Math.min(text.length, nearby.at(-1)![1] + CONTEXT);
  // Cut at word boundaries.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > nearby.at(-1)![1] ? text.lastIndexOf(' ', to) : to;
  const segments: Segment[] = [];
  let at = from;
  for (const [start, end] of nearby) {
    if (start < at) continue;
    if (start > at) segments.push({ text: text.slice(at, start), mark: false, start: at });
    segments.push({ text: text.slice(start, end), mark: true, start });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false, start: at });
  return { language: best.language, segments, clippedStart: from > 0, clippedEnd: to < text.length };
}
