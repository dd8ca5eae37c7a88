import type { Concept, Localised } from '../../api.ts';

export type ConceptOption = { id: string; label: string; depth: number };

function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

/**
 * The value chain as a flat list in its own order, each concept with its depth, for a picker.
 * With a filter: the concepts whose label in any language contains it, with their ancestors
 * so each match is seen in place. `exclude` leaves out concepts already chosen.
 */
export function conceptOptions(
  concepts: Concept[],
  language: keyof Localised,
  filter: string,
  exclude: ReadonlySet<string>,
  labelOf: (labels: Localised) => string,
): ConceptOption[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const children = new Map<string | null, Concept[]>();
  for (const concept of concepts) {
    const parent = concept.parentId && byId.has(concept.parentId) ? concept.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), concept]);
  }
  const needle = normalise(filter.trim());
  let keep: Set<string> | null = null;
  if (needle) {
    keep = new Set();
    for (const concept of concepts) {
      const texts = [concept.labels.fi, concept.labels.sv, concept.labels.en, concept.labels[language]];
      if (!texts.some((text) => normalise(text ?? '').includes(needle))) continue;
      for (
        let c: Concept | undefined = concept;
        c && !keep.has(c.id);
        c = c.parentId ? byId.get(c.parentId) : undefined
      )
        keep.add(c.id);
    }
  }
  const out: ConceptOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const concept of children.get(parent) ?? []) {
      if (keep && !keep.has(concept.id)) continue;
      if (!exclude.has(concept.id)) out.push({ id: concept.id, label: labelOf(concept.labels), depth });
      walk(concept.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
