import { and, asc, eq, sql } from 'drizzle-orm';
import type { Language } from '../../domain/i18n/localized.ts';
import type { Db } from '../create-db.ts';
import { concepts } from '../schema/index.ts';

export type ConceptFilter = { scheme?: string; q?: string; lang?: Language };

export async function listConcepts(db: Db, filter: ConceptFilter) {
  const conditions = [];
  if (filter.scheme) conditions.push(eq(concepts.scheme, filter.scheme));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      filter.lang
        ? sql`(${concepts.labels}->>${filter.lang}) ilike ${pattern}`
        : sql`(${concepts.labels}->>'fi' ilike ${pattern} or ${concepts.labels}->>'sv' ilike ${pattern} or ${concepts.labels}->>'en' ilike ${pattern})`,
    );
  }
  return db
    .select()
    .from(concepts)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(concepts.scheme), asc(concepts.sortOrder), asc(concepts.id));
}

export async function existingConceptIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: concepts.id })
    .from(concepts)
    .where(sql`${concepts.id} = any(${sql.param(ids)}::text[])`);
  return new Set(rows.map((r) => r.id));
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
