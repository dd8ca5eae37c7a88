/**
 * Formula injection (CSV injection): a spreadsheet program runs a cell that starts with `=`,
 * `+`, `-` or `@` as a formula, and a tab or carriage return can smuggle one past a naive
 * check. Every text cell Kenno exports goes through `neutraliseSpreadsheetCell`, which puts an
 * apostrophe in front, the way the OWASP guidance recommends: the spreadsheet then shows text.
 */
// Text that already starts with apostrophes before a formula character gets one more, so
// that `restoreNeutralisedCell` can take exactly one away again.
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseSpreadsheetCell(value: string): string {
  return NEEDS_APOSTROPHE.test(value) ? `'${value}` : value;
}

/** The inverse, applied to imported cells, so that a Kenno export imports back unchanged. */
export function restoreNeutralisedCell(value: string): string {
  if (value.charCodeAt(0) !== 39) return value; // no apostrophe first: nothing to restore
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
