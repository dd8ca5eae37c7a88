/**
 * Problems with a file as a whole — it cannot be read as a table at all. Each has a code the
 * web app translates (fi/sv/en) and an English message for scripts; `params` fill in the
 * specifics (the line, the byte, the header).
 */
export const FILE_PROBLEM_CODES = [
  'empty',
  'no_header',
  'no_rows',
  'duplicate_header',
  'unnamed_column',
  'not_utf8',
  'utf16',
  'unsupported_type',
  'old_xls',
  'not_xlsx',
  'no_worksheet',
  'too_large',
  'csv_syntax',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

export type FileProblem = {
  code: FileProblemCode;
  message: string;
  params?: Record<string, string | number>;
};

export function fileProblem(
  code: FileProblemCode,
  message: string,
  params?: Record<string, string | number>,
): FileProblem {
  return params ? { code, message, params } : { code, message };
}

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
