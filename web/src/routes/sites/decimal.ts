/** A decimal as a person types it in Finnish or English ("12,5" or "12.5"); '' is "not given". */
export function parseDecimal(value: string): number | null | 'invalid' {
  const trimmed = value.trim().replace(/\s+/g, '').replace(',', '.');
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) && number >= 0 ? number : 'invalid';
}
