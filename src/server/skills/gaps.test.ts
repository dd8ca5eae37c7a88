import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { answer, createRound, type GapRowOut, gaps, invite, need } from './skills-test-kit.ts';

/**
 * The gap analysis over the demo network through the API: every view and roll-up shows each
 * cell the same way, nothing suppressed can be subtracted out of the published cells, a
 * coordinator sees their own region un-suppressed and no other, and the trend and the export
 * carry the same suppression.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let coordKokkola: Client;
let admin: Client;

const DIMENSIONS = ['role', 'eqf', 'region', 'horizon'] as const;
const ALL_GROUPINGS = Array.from({ length: 16 }, (_, mask) => DIMENSIONS.filter((_, i) => mask & (1 << i)));
const key = (r: GapRowOut) => [r.roleId, r.eqf, r.region, r.horizon].join('|');

/** Every cell of every roll-up the API offers, as one caller sees them. */
async function everything(round: string, client?: Client): Promise<Map<string, GapRowOut>> {
  const cells = new Map<string, GapRowOut>();
  for (const groupBy of ALL_GROUPINGS) {
    for (const row of await gaps(t, `round=${round}&groupBy=${groupBy.join(',')}`, client)) {
      const seen = cells.get(key(row));
      // The same cell is the same in every view.
      if (seen) expect(row).toEqual(seen);
      cells.set(key(row), row);
    }
  }
  return cells;
}

beforeAll(async () => {
  t = await createTestApp();
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => t.close());

describe('GET /api/skills/gaps', () => {
  it('answers the latest round by default, with demand, supply and gap by role and level', async () => {
    const latest = await gaps(t, 'groupBy=role,eqf');
    expect(latest).toEqual(await gaps(t, 'round=demo-skills-2026&groupBy=role,eqf'));
    const published = latest.filter((r) => !r.suppressed && (r.employers ?? 0) > 0);
    expect(published.length).toBeGreaterThan(3);
    for (const r of published) expect(r.gap).toBeCloseTo(r.demand! - r.supply, 5);
    for (const r of latest.filter((x) => x.suppressed))
      expect(r).toMatchObject({ demand: null, gap: null, employers: null });
    // The network total and Kokkola's total are published in the demo.
    const [total] = await gaps(t, 'groupBy=');
    expect(total).toMatchObject({ suppressed: false });
    expect(total!.employers).toBeGreaterThanOrEqual(20);
  });

  it('publishes nothing a subtraction along any hierarchy gives back, in any view', async () => {
    const cells = await everything('demo-skills-2026');
    const all = [...cells.values()];
    const values = {
      role: [...new Set(all.map((r) => r.roleId).filter((v) => v !== null))],
      eqf: [...new Set(all.map((r) => r.eqf).filter((v) => v !== null))],
      region: [...new Set(all.map((r) => r.region).filter((v) => v !== null))],
      horizon: ['now', '1-3', '3-5'],
    };
    const field = { role: 'roleId', eqf: 'eqf', region: 'region', horizon: 'horizon' } as const;
    let relations = 0;
    for (const parent of all) {
      if (parent.suppressed) continue;
      for (const dim of DIMENSIONS) {
        if (parent[field[dim]] !== null) continue;
        const children = values[dim].map((v) => cells.get(key({ ...parent, [field[dim]]: v })));
        const hidden = children.filter((c) => c?.suppressed);
        relations++;
        // One hidden child of a published total would be the total minus the others.
        expect(hidden.length, `${key(parent)} along ${dim}`).not.toBe(1);
        // A published total equal to its published children leaves zero for the hidden ones.
        if (hidden.length > 0) {
          const shown = children.reduce((sum, c) => sum + (c && !c.suppressed ? c.demand! : 0), 0);
          expect(parent.demand! - shown, `${key(parent)} along ${dim}`).toBeGreaterThan(0);
        }
        // Published children add up to their total.
        if (hidden.length === 0)
          expect(children.reduce((sum, c) => sum + (c?.demand ?? 0), 0)).toBeCloseTo(parent.demand!, 5);
      }
    }
    expect(relations).toBeGreaterThan(100);
  });

  it('shows the coordinator their own region un-suppressed, every other region as the public sees it', async () => {
    const publicCells = await everything('demo-skills-2026');
    const coordinatorCells = await everything('demo-skills-2026', coordKokkola);
    const adminCells = await everything('demo-skills-2026', admin);
    let restricted = 0;
    for (const [k, mine] of coordinatorCells) {
      const seen = publicCells.get(k)!;
      if (mine.region === 'kokkola') {
        expect(mine.suppressed).toBe(false);
        expect(mine.restricted).toBe(seen.suppressed);
        if (mine.restricted) restricted++;
        expect(mine.demand).toBe(adminCells.get(k)!.demand);
      } else expect(mine).toEqual(seen);
    }
    expect(restricted).toBeGreaterThan(0);
    expect([...adminCells.values()].every((r) => !r.suppressed)).toBe(true);
  });

  it('a filter gives the same cell as the grouped view', async () => {
    const grouped = await gaps(t, 'groupBy=role,eqf,horizon&region=kokkola');
    const one = grouped.find(
      (r) =>
        r.roleId === 'job-role.chemical-plant-control-room-operator' && r.eqf === 4 && r.horizon === '1-3',
    )!;
    const filtered = await gaps(
      t,
      'region=kokkola&role=job-role.chemical-plant-control-room-operator&eqf=4&horizon=1-3&groupBy=',
    );
    expect(filtered).toEqual([one]);
    expect(await gaps(t, 'role=job-role.no-such-role&groupBy=eqf')).toEqual([]);
  });

  it('answers 404 for a round that does not exist or is a draft the caller may not see', async () => {
    expect((await t.app.inject({ url: '/api/skills/gaps?round=nope' })).statusCode).toBe(404);
    const draft = await createRound(t, coordKokkola, { regionId: 'kokkola', open: false });
    expect((await t.app.inject({ url: `/api/skills/gaps?round=${draft.id}` })).statusCode).toBe(404);
    const asRunner = await t.app.inject({
      url: `/api/skills/gaps?round=${draft.id}`,
      headers: coordKokkola.headers(false),
    });
    expect(asRunner.statusCode).toBe(200);
  });
});

describe('GET /api/skills/gaps/trend', () => {
  it('gives one cell per round, oldest first, with the same figures and suppression as the round’s view', async () => {
    const trend = (await t.app.inject({ url: '/api/skills/gaps/trend?eqf=4&horizon=1-3' })).json() as {
      roundId: string;
      demand: number | null;
      suppressed: boolean;
    }[];
    const demo = trend.filter((r) => r.roundId.startsWith('demo-skills-'));
    expect(demo.map((r) => r.roundId)).toEqual(['demo-skills-2025', 'demo-skills-2026']);
    for (const row of demo) {
      const [cell] = await gaps(t, `round=${row.roundId}&eqf=4&horizon=1-3&groupBy=`);
      expect({ demand: row.demand, suppressed: row.suppressed }).toEqual({
        demand: cell!.demand,
        suppressed: cell!.suppressed,
      });
    }
    const hidden = (
      await t.app.inject({
        url: '/api/skills/gaps/trend?region=kokkola&role=job-role.materials-engineer&eqf=7',
      })
    ).json() as {
      demand: number | null;
      gap: number | null;
      suppressed: boolean;
    }[];
    for (const row of hidden.filter((r) => r.suppressed))
      expect(row).toMatchObject({ demand: null, gap: null });
  });
});

describe('GET /api/skills/gaps/export', () => {
  it('exports CSV for Excel with the same cells, suppressed ones blank', async () => {
    const rows = await gaps(t, 'groupBy=role,eqf');
    const response = await t.app.inject({
      url: '/api/skills/gaps/export?format=csv&groupBy=role,eqf&lang=fi',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFFkysely;rooli;')).toBe(true);
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    const suppressed = rows.findIndex((r) => r.suppressed);
    const cells = lines[suppressed + 1]!.split(';');
    expect(cells.slice(7)).toEqual(['', String(rows[suppressed]!.supply), '', '', 'kyllä']);
    const published = rows.findIndex((r) => !r.suppressed && (r.employers ?? 0) > 0);
    expect(lines[published + 1]!.split(';')[7]).toBe(String(rows[published]!.demand));
  });

  it('exports XLSX with figures as numbers and text neutralised against formulas', async () => {
    // A round whose title a spreadsheet would run as a formula.
    const round = await createRound(t, admin, {
      regionId: null,
      title: '=HYPERLINK("http://evil.example","x")',
    });
    const links = await invite(
      t,
      admin,
      round.id,
      ['umicore-finland', 'jervois-finland', 'keliber'].map((organisationId) => ({ organisationId })),
    );
    for (const link of links)
      await answer(t, link.token, [need('chemistry-technician', 4, 'kokkola', [1, 2, 3])], true);
    const response = await t.app.inject({
      url: `/api/skills/gaps/export?format=xlsx&round=${round.id}&groupBy=region`,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const kokkola = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(5).value === 'kokkola')!;
    expect(kokkola.getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(kokkola.getCell(8).value).toBe(18);
    expect(kokkola.getCell(11).value).toBe(3);
  });
});
