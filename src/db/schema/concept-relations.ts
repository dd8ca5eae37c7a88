import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { concepts } from './concepts.ts';

export const CONCEPT_RELATION_KINDS = ['broader', 'essential', 'optional', 'exact-match', 'related'] as const;
export type ConceptRelationKind = (typeof CONCEPT_RELATION_KINDS)[number];

/** Relations between concepts beyond the one parent: ESCO occupation → essential/optional
 * skill, extra broader concepts, a battery job role's exact match in ESCO. */
export const conceptRelations = pgTable(
  'concept_relations',
  {
    fromId: text('from_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    toId: text('to_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConceptRelationKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index('concept_relations_to_idx').on(t.toId)],
);
