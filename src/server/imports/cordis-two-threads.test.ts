import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { imports } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import { createImport } from '../../jobs/imports/import-store.ts';
import { startImportRunner } from '../../jobs/imports/import-runner.ts';
import { splitCsv } from '../../jobs/imports/reader/read-in-thread.ts';
import { buildUser, createTestApp, type TestApp, tokenAdmin } from '../../../test/support/test-app.ts';

/**
 * A large CORDIS organization.csv is read by two threads, each with its own plan of the rows
 * (decision 017). What they store must be what one thread stores, byte for byte: organisations
 * listed in both parts (the last row's details win), participations listed in both (merged
 * once), quoted cells with the delimiter, quotes and line breaks, rows cut nowhere — and the
 * row numbers of a failed row. A cut that a lone quote put inside a quoted cell is noticed, and
 * the file is read again in one thread.
 */
let t: TestApp;
let actor: UserActor;

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.database, 'admin');
  actor = tokenAdmin(user.id);
});
afterAll(async () => t.close());

const HEADER = 'projectID;organisationID;vatNumber;name;city;country;role;ecContribution;totalCost;active';

/**
 * 4,000 participations of 400 projects by 600 organisations whose details change from row to
 * row; pairs listed twice within the first part, within the rest, and across the two; cells
 * quoted with `;`, `""` and line breaks.
 */
function organisationFile(): string[] {
  const lines = [HEADER];
  const row = (i: number, project: number, org: number, role = 'participant') => {
    const name = i % 7 === 0 ? `"Org ${org}; ""${i % 3}""\nsecond line"` : `"Org ${org} v${i % 3}"`;
    const country = ['FI', 'SE', 'EL', 'UK', 'DE'][org % 5];
    const active = ['true', 'false', ''][i % 3];
    return `${100_000 + project};${900_000 + org};FI${10_000_000 + org};${name};City ${i % 4};${country};${role};${i * 10.5};${i * 20};${active}`;
  };
  for (let i = 0; i < 4000; i++) lines.push(row(i, Math.floor(i / 10), (i * 37) % 600));
  // Listed again: within the first part, within the rest, and across the parts (both ends).
  for (let i = 0; i < 20; i++)
    lines.splice(100 + i * 3, 0, row(5000 + i, Math.floor(i / 2), (i * 37) % 600, 'coordinator'));
  for (let i = 3000; i < 3020; i++)
    lines.push(row(6000 + i, Math.floor(i / 10), (i * 37) % 600, 'coordinator'));
  for (let i = 0; i < 30; i++)
    lines.push(row(7000 + i, Math.floor(i / 10), (i * 37) % 600, i % 2 ? 'coordinator' : 'partner'));
  return lines;
}

async function queue(lines: string[], totalRows: number, newline = '\n') {
  const headers = lines[0]!.split(';');
  return createImport(t.database.db, actor, {
    kind: 'cordis-organizations',
    fileName: 'organization.csv',
    fileType: 'csv',
    fileData: Buffer.from(`${lines.join(newline)}${newline}`),
    fileSha256: 'test',
    options: {
      preview: { headers, rows: [] },
      totalRows,
      headerSignature: 'test',
      delimiter: ';',
      via: 'token',
    },
    mapping: Object.fromEntries(headers.map((h) => [h, h])),
  });
}

/** Runs one import to its end with files from `twoThreadsFrom` bytes read by two threads. */
async function run(lines: string[], twoThreadsFrom: number, totalRows = lines.length - 1, newline = '\n') {
  const id = await queue(lines, totalRows, newline);
  const runner = startImportRunner(t.database.db, { pollMs: 20, twoThreadsFrom });
  runner.wake();
  try {
    for (const started = Date.now(); Date.now() - started < 60_000; ) {
      const [row] = await t.database.db
        .select({ status: imports.status, report: imports.report })
        .from(imports)
        .where(eq(imports.id, id));
      if (row && (row.status === 'done' || row.status === 'failed')) {
        return { ...row, summary: (row.report as { summary?: Record<string, unknown> } | null)?.summary };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the import did not end');
  } finally {
    await runner.stop();
  }
}

async function stored() {
  const query = async (text: string) => rowsOf(await t.database.db.execute(sql.raw(text)));
  return {
    organisations: await query(
      `select id, vat_number, name, short_name, sme, activity_type, country, city, url
       from cordis_organisations order by id`,
    ),
    participations: await query(
      `select project_id, organisation_id, role, ec_contribution, total_cost, active
       from cordis_participations order by project_id, organisation_id`,
    ),
  };
}

async function clear() {
  await t.database.db.execute(sql`delete from cordis_participations`);
  await t.database.db.execute(sql`delete from cordis_organisations`);
}

describe('a CORDIS organization.csv read by two threads', () => {
  it('stores what one thread stores, into empty tables and over stored rows', async () => {
    const lines = organisationFile();
    expect(
      splitCsv({ bytes: Buffer.from(lines.join('\n')), fileType: 'csv', delimiter: ';' }),
    ).not.toBeNull();
    await clear();
    // A large count at upload: the way straight into the empty tables.
    const two = await run(lines, 0, 60_000);
    expect(two.status).toBe('done');
    const byTwo = await stored();
    await clear();
    const one = await run(lines, Number.POSITIVE_INFINITY, 60_000);
    expect(one.status).toBe('done');
    expect(await stored()).toEqual(byTwo);
    expect(two.summary).toEqual(one.summary);
    expect(one.summary).toMatchObject({ created: 600 });
    expect((one.summary as { duplicatesMerged: number }).duplicatesMerged).toBeGreaterThanOrEqual(50);
    // The same file again over the stored rows (staged and upserted): nothing changes.
    const again = await run(lines, 0);
    expect(again.status).toBe('done');
    expect(again.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 600,
      participationsUnchanged: byTwo.participations.length,
    });
    expect(await stored()).toEqual(byTwo);
  });

  it('reads a file it cannot cut (line breaks of CR only) in one thread', async () => {
    const lines = organisationFile();
    const text = lines.join('\r');
    expect(splitCsv({ bytes: Buffer.from(text), fileType: 'csv', delimiter: ';' })).toBeNull();
    await clear();
    const byOne = await run(lines, Number.POSITIVE_INFINITY);
    expect(byOne.status).toBe('done');
    const expected = await stored();
    await clear();
    const cr = await run(lines, 0, undefined, '\r');
    expect(cr.status).toBe('done');
    expect(cr.summary).toEqual(byOne.summary);
    expect((await stored()).participations).toEqual(expected.participations);
  });

  it('names the failed rows of either part with the numbers one thread gives them', async () => {
    const lines = organisationFile();
    lines[40] = lines[40]!.replace('participant', '(none)');
    lines[3500] = lines[3500]!.replace(/;\d+;FI/, ';not-an-id;FI');
    await clear();
    const two = await run(lines, 0);
    const one = await run(lines, Number.POSITIVE_INFINITY);
    expect(two.status).toBe('failed');
    expect(two.report).toEqual(one.report);
    expect(JSON.stringify(one.report)).toContain('organisationID');
    expect((await stored()).participations).toHaveLength(0);
  });

  it('reads the file again in one thread when a lone quote put the cut inside a quoted cell', async () => {
    const lines = organisationFile();
    // A lone quote in an unquoted cell (Excel reads it as text) throws the count of quotes off …
    lines[10] = lines[10]!.replace(/"Org (\d+) v(\d)"/, 'Org $1 5" display');
    // … so a line break inside a quoted cell past the middle looks like the end of a record.
    const bytes = Buffer.from(lines.join('\n'));
    const cut = splitCsv({ bytes, fileType: 'csv', delimiter: ';' });
    expect(cut).not.toBeNull();
    expect(bytes.subarray(0, cut!.at).toString().endsWith('""\n')).toBe(true);
    await clear();
    const two = await run(lines, 0);
    expect(two.status).toBe('done');
    const byTwo = await stored();
    await clear();
    const one = await run(lines, Number.POSITIVE_INFINITY);
    expect(await stored()).toEqual(byTwo);
    expect(two.summary).toEqual(one.summary);
  });
});
