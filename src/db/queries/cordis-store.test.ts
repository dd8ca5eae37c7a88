import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import type { CordisParticipationRow } from '../../domain/cordis/cordis-participations.ts';
import { planCordisParticipations } from '../../domain/cordis/cordis-participations.ts';
import type { Database, Db } from '../create-db.ts';
import { BULK_LOAD_MIN_ROWS } from './bulk-write.ts';
import {
  type CordisParticipationData,
  CordisParticipationCopyWriter,
  joinCordisParts,
} from './cordis-participation-copy.ts';
import { cordisParticipationData, storeCordisParticipationFile } from './cordis-participation-file.ts';
import { rowsOf } from '../rows.ts';

/**
 * storeCordisParticipationFile's three ways (decision 017) store the same tables with the same
 * counts: the first file copied straight into empty tables, a large file merged with the keys
 * dropped, and the refresh of a stored file upserted. A file of BULK_LOAD_MIN_ROWS
 * participations takes the first way into empty tables. The data comes in chunks of BULK_CHUNK
 * rows, as from the reader thread: a participation listed again after its chunk was copied is
 * corrected at the end. A file read in two parts (two threads, each with its own writer) stores
 * what one part stores.
 */

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => database?.close());
beforeEach(async () => {
  await db.execute(sql`delete from cordis_participations`);
  await db.execute(sql`delete from cordis_organisations`);
});

/** `n` participations of (up to) 10,000 organisations in n/10 projects; `variant` changes some values. */
function file(n: number, variant = 0): CordisParticipationRow[] {
  return Array.from({ length: n }, (_, i) => {
    const org = (i * 7919) % 10_000;
    return {
      projectId: String(100_000_000 + Math.floor(i / 10)),
      organisationId: String(900_000_000 + org),
      vatNumber: org % 3 === 0 ? null : `DE${org}`,
      name: `Organisation ${org}${variant && org % 4 === 0 ? ' renamed' : ''}`,
      shortName: null,
      sme: org % 2 === 0,
      activityType: 'PRC',
      city: 'Vaasa',
      country: org % 20 === 0 ? 'FI' : 'DE',
      url: null,
      role: i % 10 === 0 ? 'coordinator' : 'participant',
      ecContribution: variant && i % 7 === 0 ? i + 0.5 : i,
      totalCost: null,
      active: null,
    };
  });
}

async function store(rows: CordisParticipationRow[], data = cordisParticipationData(rows, 'import-1')) {
  return db.transaction((tx) =>
    storeCordisParticipationFile(tx, data, { importId: 'import-1', expectedParticipations: rows.length }),
  );
}

/** The data of a file read in two parts, rows[0, cut) and rows[cut, …), their chunks interleaved. */
async function* twoParts(rows: CordisParticipationRow[], cut: number): CordisParticipationData {
  const parts = [rows.slice(0, cut), rows.slice(cut)].map((partRows) => ({
    rows: partRows,
    writer: new CordisParticipationCopyWriter('import-1'),
  }));
  for (let at = 0; at < Math.max(cut, rows.length - cut); at += 7_000) {
    for (const { rows: partRows, writer } of parts) {
      for (const row of partRows.slice(at, at + 7_000)) writer.add(row);
      const data = writer.take();
      if (data) yield data;
    }
  }
  const [first, rest] = parts.map((p) => p.writer);
  // As the reader threads do: what needs nothing of the other part first, then the parts joined
  // after their last chunk — the end comes later.
  first!.beforeJoin(true);
  rest!.beforeJoin(false);
  const end = new Promise<ReturnType<typeof joinCordisParts>>((resolve) =>
    setImmediate(() =>
      resolve(joinCordisParts(first!.partEnd(rest!.summary(), true), rest!.partEnd(first!.summary(), false))),
    ),
  );
  return { end };
}

async function tables() {
  const organisations = rowsOf(
    await db.execute(sql`
      select id, vat_number, name, short_name, sme, activity_type, country, city, url, import_id
      from cordis_organisations order by id`),
  );
  const participations = rowsOf(
    await db.execute(sql`select * from cordis_participations order by project_id, organisation_id`),
  );
  const keys = rowsOf(
    await db.execute(sql`
      select indexname as name from pg_indexes
      where tablename in ('cordis_organisations', 'cordis_participations')
      union all
      select conname from pg_constraint
      where conrelid in ('cordis_organisations'::regclass, 'cordis_participations'::regclass)
      order by 1`),
  );
  return { organisations, participations, keys };
}

describe('storeCordisParticipationFile', () => {
  it('stores the same tables straight into empty ones as by the upsert, with the same counts', async () => {
    const rows = file(BULK_LOAD_MIN_ROWS);
    const first = await store(rows);
    expect(first.participations).toEqual({ created: 50_000, updated: 0, unchanged: 0 });
    expect(first.organisations).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    const copied = await tables();

    await db.execute(sql`delete from cordis_participations`);
    await db.execute(sql`delete from cordis_organisations`);
    // Three fifths first, then the whole file: neither is a bulk load against what is stored.
    await store(rows.slice(0, 30_000));
    const refreshed = await store(rows);
    expect(refreshed.participations).toEqual({ created: 20_000, updated: 0, unchanged: 30_000 });
    expect(await tables()).toEqual(copied);
  });

  it('merges a large file into stored tables, updating only what changed, keys back in place', async () => {
    await store(file(BULK_LOAD_MIN_ROWS / 2));
    const before = await tables();
    const counts = await store(file(BULK_LOAD_MIN_ROWS, 1));
    expect(counts.participations.created).toBe(25_000);
    expect(counts.participations.updated).toBeGreaterThan(0);
    expect(counts.participations.unchanged).toBeGreaterThan(0);
    const after = await tables();
    expect(after.keys).toEqual(before.keys);
    expect(after.participations).toHaveLength(50_000);
    const [one] = rowsOf<{ name: string }>(
      await db.execute(sql`select name from cordis_organisations where id = '900000004'`),
    );
    expect(one?.name).toBe('Organisation 4 renamed');
  });

  it('stores a file read in two parts as one part, on every way', async () => {
    const rows = file(BULK_LOAD_MIN_ROWS);
    const cut = 26_003;
    // Listed in both parts: pairs of the first part again in the rest (a higher role, amounts),
    // a pair of the rest again in the rest after its chunk went, organisations renamed in the rest.
    const again = [rows[3]!, rows[7]!, rows[25_999]!].map((r) => ({
      ...r,
      role: 'coordinator',
      ecContribution: 1000,
    }));
    const renamed = file(20, 1).map((r, i) => ({ ...r, projectId: rows[40_000 + i]!.projectId }));
    const whole = [...rows.slice(0, 30_000), ...again, rows[30_001]!, ...rows.slice(30_000), ...renamed];
    const one = await store(whole);
    const byOne = await tables();
    expect(one.end.duplicatesMerged).toBeGreaterThanOrEqual(4);
    for (const upserted of [false, true]) {
      await db.execute(sql`delete from cordis_participations`);
      await db.execute(sql`delete from cordis_organisations`);
      if (upserted) await store(rows.slice(0, 10_000));
      const two = await store(whole, twoParts(whole, cut));
      expect(two.end.replaced.length).toBeGreaterThanOrEqual(3);
      expect(await tables()).toEqual(byOne);
      if (!upserted) {
        expect(two.end.duplicatesMerged).toBe(one.end.duplicatesMerged);
        expect(two.organisations).toEqual(one.organisations);
        expect(two.participations).toEqual(one.participations);
        expect([...two.end.finnishOrganisationIds].sort()).toEqual(
          [...one.end.finnishOrganisationIds].sort(),
        );
      }
    }
  });

  it('merges a participation listed again after its chunk was copied, on every way, as the plan does', async () => {
    const rows = file(BULK_LOAD_MIN_ROWS);
    // Rows 3 and 7 again, well after the first chunk (BULK_CHUNK rows) was taken: the higher
    // role wins and the amounts add up.
    const again = [rows[3]!, rows[7]!].map((r) => ({ ...r, role: 'coordinator', ecContribution: 1000 }));
    const withDuplicates = [...rows.slice(0, 30_000), ...again, ...rows.slice(30_000)];
    const plan = planCordisParticipations(withDuplicates);
    expect(plan.duplicatesMerged).toBe(2);
    const expected = plan.participations
      .map((p) => ({
        project_id: p.projectId,
        organisation_id: p.organisationId,
        role: p.role,
        ec_contribution: p.ecContribution,
      }))
      .sort(
        (a, b) =>
          a.project_id.localeCompare(b.project_id) || a.organisation_id.localeCompare(b.organisation_id),
      );
    const stored = async () =>
      rowsOf<{ project_id: string; organisation_id: string; role: string; ec_contribution: number }>(
        await db.execute(sql`
          select project_id, organisation_id, role, ec_contribution from cordis_participations
          order by project_id, organisation_id`),
      );

    const straight = await store(withDuplicates);
    expect(straight.end.duplicatesMerged).toBe(2);
    expect(straight.end.corrections).toHaveLength(2);
    expect(await stored()).toEqual(expected);

    // Upserted over a stored file: the same rows.
    await db.execute(sql`delete from cordis_participations`);
    await store(rows.slice(0, 10_000));
    await store(withDuplicates);
    expect(await stored()).toEqual(expected);
  });
});
