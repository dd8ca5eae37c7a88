import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/create-db.ts';
import { escapeLike } from '../../db/queries/concepts.ts';
import { loadOrganisationRecords, searchOrganisationText } from '../../db/queries/organisations.ts';
import { organisationCompetences, organisations } from '../../db/schema/index.ts';
import type { organisationVisibility } from '../../domain/auth/permissions.ts';
import { writeSpreadsheetCsv } from '../../domain/imports/csv-writer.ts';
import { neutraliseSpreadsheetCell } from '../../domain/imports/spreadsheet-cells.ts';
import { parseSearchText } from '../../domain/registry/organisation-search.ts';
import type { ExportQuery } from './schema.ts';

/**
 * Organisations as CSV or XLSX, with the list's filters and visibility. The columns are the
 * import fields' own names, so an exported file — edited or not — imports back, and an
 * unedited one changes nothing.
 */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'nameEn',
  'type',
  'regionId',
  'municipality',
  'businessId',
  'website',
  'description_fi',
  'description_sv',
  'description_en',
  'isPublic',
  'valueChainIds',
  // Added after the first release: at the end, so that columns keep their places.
  'sme',
] as const;

const collator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

export async function loadOrganisationsForExport(
  db: Db,
  query: Pick<ExportQuery, 'q' | 'region' | 'type' | 'concept'>,
  visibility: ReturnType<typeof organisationVisibility>,
): Promise<string[][]> {
  const conditions: (SQL | undefined)[] = [];
  if (query.region) conditions.push(eq(organisations.regionId, query.region));
  if (query.type) conditions.push(eq(organisations.type, query.type));
  if (query.q) {
    // As the list: a name containing the text, or a full-text match in names and descriptions.
    const pattern = `%${escapeLike(query.q)}%`;
    const textIds = [...(await searchOrganisationText(db, parseSearchText(query.q))).keys()];
    conditions.push(
      or(
        sql`${organisations.name} ilike ${pattern}`,
        sql`${organisations.nameEn} ilike ${pattern}`,
        textIds.length ? inArray(organisations.id, textIds) : undefined,
      ),
    );
  }
  if (query.concept) {
    // The concept and every narrower one, as in the list.
    conditions.push(sql`exists (select 1 from ${organisationCompetences} oc
      where oc.organisation_id = ${organisations.id}
        and (oc.concept_id = ${query.concept} or oc.concept_id like ${`${escapeLike(query.concept)}.%`}))`);
  }
  if (!visibility.all) {
    conditions.push(
      or(
        eq(organisations.isPublic, true),
        visibility.privateRegionId ? eq(organisations.regionId, visibility.privateRegionId) : undefined,
        visibility.privateOrganisationId ? eq(organisations.id, visibility.privateOrganisationId) : undefined,
      ),
    );
  }
  const rows = await loadOrganisationRecords(db, and(...conditions));
  rows.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return rows.map((o) => [
    o.id,
    o.name,
    o.nameEn ?? '',
    o.type,
    o.regionId ?? '',
    o.municipality ?? '',
    o.businessId ?? '',
    o.website ?? '',
    o.description.fi ?? '',
    o.description.sv ?? '',
    o.description.en ?? '',
    o.isPublic ? 'true' : 'false',
    o.conceptIds.join(';'),
    o.sme === null ? '' : o.sme ? 'true' : 'false',
  ]);
}

export function organisationsCsv(rows: string[][]): Buffer {
  return Buffer.from(writeSpreadsheetCsv([[...EXPORT_COLUMNS], ...rows]), 'utf8');
}

export async function organisationsXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kenno';
  const sheet = workbook.addWorksheet('Organisations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...EXPORT_COLUMNS]).font = { bold: true };
  // Text cells are never formulas in XLSX, but they are neutralised all the same: the same
  // cells end up copied, pasted and saved as CSV.
  for (const row of rows) sheet.addRow(row.map(neutraliseSpreadsheetCell));
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 40 : i >= 8 && i <= 10 ? 60 : 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
