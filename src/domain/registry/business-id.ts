/**
 * Finnish business ID (Y-tunnus / FO-nummer): 7 digits, a hyphen, a check digit.
 * Modulus 11 with weights 7,9,10,5,8,4,2. A remainder of 1 means no valid ID exists for
 * that base. Older IDs with fewer digits are left-padded with zeros.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export type BusinessIdCheck = { ok: true; value: string } | { ok: false; reason: string };

export function businessIdCheckDigit(base: string): number | null {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(base[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  if (r === 1) return null;
  return r === 0 ? 0 : 11 - r;
}

export function checkBusinessId(input: string): BusinessIdCheck {
  const trimmed = input.trim();
  const match = /^(\d{6,7})-(\d)$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'A business ID has the form 1234567-8.' };
  const base = match[1]!.padStart(7, '0');
  const expected = businessIdCheckDigit(base);
  if (expected === null) return { ok: false, reason: 'No valid business ID has this base (remainder 1).' };
  if (expected !== Number(match[2])) return { ok: false, reason: 'The check digit does not match.' };
  return { ok: true, value: `${base}-${match[2]}` };
}

/** `FI02459042` ↔ `0245904-2`. */
export function businessIdFromVat(vat: string): string | null {
  const m = /^FI(\d{8})$/.exec(vat.replace(/\s/g, '').toUpperCase());
  if (!m) return null;
  const check = checkBusinessId(`${m[1]!.slice(0, 7)}-${m[1]!.slice(7)}`);
  return check.ok ? check.value : null;
}
