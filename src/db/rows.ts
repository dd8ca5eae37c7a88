/**
 * The rows of a `db.execute(sql…)` result. Both drivers under drizzle — PGlite and
 * node-postgres — return them as `.rows`; the query's own select list gives their type.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
