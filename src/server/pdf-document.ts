/**
 * An A4 PDF for Kenno's printable exports (common challenges, the KPI report, training paths),
 * with DejaVu Sans embedded as the fonts `body` and `bold` (data/fonts, Bitstream Vera licence):
 * the standard PDF Helvetica only covers WinAnsi, which has ä, ö, å and – but not what people also
 * write (subscripts in Li₂CO₃, ≤, →, Greek letters).
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { DATA_DIR } from '../db/demo/demo-files.ts';
import type { Language } from '../domain/i18n/localized.ts';

const FONT_REGULAR = path.join(DATA_DIR, 'fonts/DejaVuSans.ttf');
const FONT_BOLD = path.join(DATA_DIR, 'fonts/DejaVuSans-Bold.ttf');

/** A new document and the promise of its bytes once `doc.end()` is called. */
export function createPdf(meta: { title: string; lang: Language; createdAt: Date }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${meta.title} – Kenno`, Author: 'Kenno', CreationDate: meta.createdAt },
    lang: meta.lang,
  });
  doc.registerFont('body', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
