/** PostgreSQL's error codes (SQLSTATE) as drivers report them, perhaps wrapped (drizzle's `cause`). */

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** A unique or primary key found two rows with one key (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return codesOf(error).includes('23505');
}
