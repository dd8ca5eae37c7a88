import { type FileProblem, fileProblem } from './file-problems.ts';

/**
 * Imports take UTF-8 only: guessing an encoding silently turns "Jyväskylä" into "JyvÃ¤skylÃ¤"
 * or worse. A file that is not UTF-8 is refused with the encoding it most likely is, and how to
 * save it right — Finnish Excel's default "CSV (semicolon delimited)" is Windows-1252.
 */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: FileProblem };

// ä ö å Ä Ö Å in Windows-1252 and ISO-8859-1 (Latin-1).
const LATIN1_NORDIC = new Set([0xe4, 0xf6, 0xe5, 0xc4, 0xd6, 0xc5]);

export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: fileProblem(
        'utf16',
        'The file is UTF-16 text ("Unicode text" in Excel). Save it as "CSV UTF-8" and upload it again.',
      ),
    };
  }
  try {
    // fatal: an invalid byte throws instead of becoming U+FFFD; the BOM is removed.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const byte = bytes[offset] ?? 0;
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const encoding = guessEightBitEncoding(bytes);
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const where = `line ${line} has the byte ${hex}, which is not valid UTF-8`;
    const message =
      encoding === 'Windows-1252 / ISO-8859-1'
        ? `The file is not UTF-8 text: ${where}. It looks like Windows-1252 / ISO-8859-1 (Latin-1), where 0xE4 is "ä" and 0xF6 is "ö". In Excel choose Save as → "CSV UTF-8", or convert the file to UTF-8, and upload it again.`
        : `The file is not UTF-8 text: ${where}. It may be ${encoding}. In Excel choose Save as → "CSV UTF-8", or convert the file to UTF-8, and upload it again.`;
    return { ok: false, problem: fileProblem('not_utf8', message, { line, byte: hex, encoding }) };
  }
}

function guessEightBitEncoding(bytes: Uint8Array): string {
  let nordic = 0;
  let high = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (LATIN1_NORDIC.has(b)) nordic++;
  }
  if (nordic > 0 && nordic * 2 >= high) return 'Windows-1252 / ISO-8859-1';
  return 'an 8-bit encoding such as Windows-1252';
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * The CSV delimiter: the candidate that appears (outside quotes) most often and most
 * consistently in the first lines. Finnish and Swedish Excel write `;`, English Excel `,`,
 * "Text (tab delimited)" a tab. A file with one column has none of them: `,` then.
 */
export function detectDelimiter(text: string, candidates: readonly string[] = [';', ',', '\t']): string {
  const lines = sampleRecords(text, 20);
  if (lines.length === 0) return ',';
  let best = ',';
  let bestScore = 0;
  for (const candidate of candidates) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const header = counts[0]!;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length / counts.length;
    const score = header * (0.5 + consistent);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** The first records of a CSV text, each a string; a quoted cell may span lines. */
function sampleRecords(text: string, max: number): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && records.length < max; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      const record = text.slice(start, i).replace(/\r$/, '');
      if (record.trim() !== '') records.push(record);
      start = i + 1;
    }
  }
  if (records.length < max && start < text.length) {
    const rest = text.slice(start).replace(/\r$/, '');
    if (rest.trim() !== '') records.push(rest);
  }
  return records;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}
