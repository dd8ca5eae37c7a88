import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../create-db.ts';
import { hostOffers, teachers, workingLifePeriods } from '../schema/index.ts';
import { loadDemoNetwork } from './load-demo.ts';
import { readDemoWorkingLife } from './load-demo-working-life.ts';

/** The working-life demo: complete, sourced to the hosts' own sources, no real persons, loaded once. */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const organisations = JSON.parse(
  fs.readFileSync(new URL('../../../data/demo/organisations.json', import.meta.url), 'utf8'),
) as { id: string; type: string; sources: string[] }[];

describe('the working-life demo', () => {
  const file = readDemoWorkingLife();

  it('is loaded with the demo network, every row of it', async () => {
    const db = database.db;
    expect((await db.select().from(hostOffers)).map((o) => o.id).sort()).toEqual(
      file.offers.map((o) => o.id).sort(),
    );
    expect((await db.select().from(teachers)).map((t) => t.id).sort()).toEqual(
      file.teachers.map((t) => t.id).sort(),
    );
    const periods = await db.select().from(workingLifePeriods);
    expect(periods.map((p) => [p.id, p.status])).toEqual(
      expect.arrayContaining([
        ['demo-period-centria-umicore', 'completed'],
        ['demo-period-novia-wartsila', 'planned'],
      ]),
    );
    expect(periods.find((p) => p.status === 'completed')!.followUp).toMatchObject({ days: 20, rating: 5 });
  });

  it('offers at real demo companies, each sourced to what the company’s own sources say', () => {
    for (const offer of file.offers) {
      const host = organisations.find((o) => o.id === offer.organisationId);
      expect(host?.type, offer.id).toBe('company');
      for (const source of offer.sources) expect(host!.sources, offer.id).toContain(source);
    }
  });

  it('has only invented teachers: no e-mail, no account, marked illustrative', async () => {
    const rows = await database.db.select().from(teachers);
    for (const row of rows) {
      expect(row.id.startsWith('demo-teacher-')).toBe(true);
      expect(row.email).toBeNull();
      expect(row.userId).toBeNull();
      expect(row.name).toMatch(/Esimerkki|Exempel/);
    }
    expect(file.teachers.every((t) => t.illustrative)).toBe(true);
  });

  it('is not loaded twice', async () => {
    await loadDemoNetwork(database.db, { reset: false });
    expect(await database.db.select().from(hostOffers)).toHaveLength(file.offers.length);
    expect(await database.db.select().from(teachers)).toHaveLength(file.teachers.length);
  });
});
