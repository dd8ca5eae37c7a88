import fc from 'fast-check';
import { expect } from 'vitest';

/** Strings people (and attackers) type: SQL, markup, wildcards, NUL, tsquery syntax, huge, emoji. */
export const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    "'; drop table organisations; --",
    '<script>alert(1)</script>',
    '%',
    '_',
    '\\',
    '\u0000',
    'a & b | !c :* (',
    '"unclosed',
    '../../etc/passwd',
    '{{7*7}}',
    '=HYPERLINK("http://x")',
    'a'.repeat(10_000),
    'x'.repeat(25_000),
    '🔋'.repeat(50),
  ),
);

export const anyJson = fc.jsonValue({ maxDepth: 4 });

export const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A failure is fine; a 5xx, another error shape or a stack trace is not. */
export function expectNo5xx(response: { statusCode: number; body: string }): void {
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(JSON.parse(response.body)).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  }
}
