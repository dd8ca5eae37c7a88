import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

type MapPoint = { id: string; stages: string[] };
type EcosystemMap = {
  regions: { id: string; organisations: MapPoint[] }[];
  outside: MapPoint[];
  unplaced: number;
};
type Matrix = { regions: { id: string }[]; rows: { conceptId: string; counts: Record<string, number> }[] };
type Entry = { conceptId: string; lq: number | null; count: number; stated: boolean; fewData: boolean };

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${kenno().baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function openPage(language: 'fi' | 'sv' | 'en', path: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: language, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem('kenno.language', lang), language);
  await page.goto(`${kenno().baseUrl}${path}`);
  await page.locator('h1').first().waitFor();
  return page;
}

const allPoints = (map: EcosystemMap) => [...map.regions.flatMap((r) => r.organisations), ...map.outside];
const fiNumber = (value: number) =>
  new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

describe('ecosystem map', () => {
  it('draws the eight regions as links and every placed organisation as a dot', async () => {
    const map = await api<EcosystemMap>('/api/ecosystem/map');
    const page = await openPage('fi', '/map');
    await page.locator('svg.eco-map a.eco-map__region-link').first().waitFor();
    expect(await page.locator('svg.eco-map a.eco-map__region-link').count()).toBe(8);
    await expect.poll(() => page.locator('circle.eco-map__dot').count()).toBe(allPoints(map).length);
    // Each region link names its region and count for screen readers and keyboard users.
    const kokkola = map.regions.find((r) => r.id === 'kokkola')!;
    const label = await page
      .locator('a.eco-map__region-link[href="/regions/kokkola"]')
      .getAttribute('aria-label');
    expect(label).toBe(`Kokkola: ${kokkola.organisations.length} organisaatiota`);
    // The same organisations as a list, reachable without the map.
    await page.getByText(/organisaatiota luettelona/).click();
    expect(await page.locator('.eco-list tbody tr').count()).toBe(allPoints(map).length);
    await page.context().close();
  });

  it('filters the dots by value-chain stage and keeps the choice in the address', async () => {
    const map = await api<EcosystemMap>('/api/ecosystem/map');
    const refining = allPoints(map).filter((p) => p.stages.includes('refining')).length;
    expect(refining).toBeGreaterThan(0);
    const page = await openPage('fi', '/map');
    await page.locator('circle.eco-map__dot').first().waitFor();
    // click(), not check(): the radios are controlled by the address, which updates a moment
    // after the click, so check()'s immediate state assertion would race the navigation.
    await page.getByRole('radio', { name: /Jalostus ja teknologiametallit/ }).click();
    await page.waitForURL((url) => url.searchParams.get('stage') === 'refining');
    await expect.poll(() => page.locator('circle.eco-map__dot').count()).toBe(refining);
    await page.getByRole('radio', { name: /Kaikki vaiheet/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('stage'));
    await expect.poll(() => page.getByRole('radio', { name: /Kaikki vaiheet/ }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('circle.eco-map__dot').count()).toBe(allPoints(map).length);
    await page.context().close();
  });

  it('opens a region page from the map by keyboard', async () => {
    const page = await openPage('sv', '/map');
    const link = page.locator('a.eco-map__region-link[href="/regions/vaasa"]');
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/regions/vaasa');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Vasa');
    await page.context().close();
  });

  it('shows the value-chain × region matrix with the API counts, each linked to the filtered list', async () => {
    const matrix = await api<Matrix>('/api/ecosystem/matrix');
    const count = matrix.rows.find((row) => row.conceptId === 'refining')!.counts.kokkola!;
    expect(count).toBeGreaterThan(0);
    const page = await openPage('fi', '/map');
    const cell = page.locator('td[data-region="kokkola"][data-concept="refining"]');
    await cell.waitFor();
    expect((await cell.innerText()).trim()).toBe(String(count));
    expect(await page.locator('table.matrix tbody tr').count()).toBe(matrix.rows.length);
    await cell.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/organisations');
    const url = new URL(page.url());
    expect([url.searchParams.get('region'), url.searchParams.get('concept')]).toEqual([
      'kokkola',
      'refining',
    ]);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /organisaati/ })
          .innerText(),
      )
      .toContain(String(count));
    await page.context().close();
  });
});

describe('region page', () => {
  it('shows the stated specialisation, the index as a chart and as a table, and the organisations', async () => {
    const entries = await api<Entry[]>('/api/regions/kokkola/specialisation');
    const shown = entries.filter((e) => e.count > 0 || e.stated);
    const page = await openPage('fi', '/regions/kokkola');
    expect(await page.locator('h1').innerText()).toBe('Kokkola');
    await expect.poll(() => page.locator('.region-stated .chip').count()).toBe(5);
    // The chart is drawn (Observable Plot, loaded with the page) with one bar per charted concept.
    await page.locator('.spec-chart').waitFor();
    expect(await page.locator('.spec-chart [aria-label="bar"] rect').count()).toBeGreaterThan(5);
    expect(await page.locator('.region-chart__summary').innerText()).toMatch(/^Suurimmat sijaintiosamäärät/);
    // Its text alternative: the full index as a table.
    await page.getByText('Indeksi taulukkona').click();
    const rows = page.locator('table.index-table tbody tr');
    expect(await rows.count()).toBe(shown.length);
    const refining = entries.find((e) => e.conceptId === 'refining')!;
    const row = rows.filter({
      has: page.getByRole('rowheader', { name: 'Jalostus ja teknologiametallit', exact: true }),
    });
    expect(await row.locator('td').nth(0).innerText()).toBe(String(refining.count));
    expect(await row.locator('td').nth(2).innerText()).toBe(fiNumber(refining.lq!));
    // The region's organisations, and the link to the filtered list.
    await page.locator('.region-orgs li').first().waitFor();
    await page.getByRole('link', { name: /Näytä kaikki \d+ organisaatiota/ }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'kokkola');
    await page.context().close();
  });

  it('is linked from the region cards of the home page', async () => {
    const page = await openPage('en', '/');
    await page.getByRole('link', { name: 'Kokkola', exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/regions/kokkola');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Kokkola');
    await page.context().close();
  });

  it('says so when a region does not exist', async () => {
    const page = await openPage('en', '/regions/atlantis');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Region not found');
    await page.context().close();
  });
});

describe('accessibility of the map and region pages (axe, WCAG 2.1 AA)', () => {
  const cases: ['fi' | 'sv', string, number][] = [
    ['fi', '/map', 1280],
    ['sv', '/map', 1280],
    ['fi', '/regions/kokkola', 1280],
    ['sv', '/regions/kokkola', 1280],
    ['fi', '/map', 375],
    ['sv', '/regions/kokkola', 375],
  ];
  for (const [language, path, width] of cases) {
    it(`has no serious or critical violations on ${path} in ${language} at ${width} px`, {
      timeout: 60_000,
    }, async () => {
      const page = await openPage(language, path, width);
      await page.waitForLoadState('networkidle');
      if (path === '/map') await page.locator('circle.eco-map__dot').first().waitFor();
      else await page.locator('.spec-chart').waitFor();
      // Open the disclosures so their tables are scanned too.
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
