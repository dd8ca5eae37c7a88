import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

type SiteSummary = { id: string; name: string; lat: number | null; lon: number | null };
type Comparison = { sites: SiteSummary[]; rows: { key: string; values: unknown[]; best: number[] }[] };
type MatchResult = { siteId: string; name: string; score: number; eligible: boolean };
type Stream = { id: string; lat: number | null; lon: number | null; organisationName: string | null };
type StreamMatch = { offerId: string; needId: string; streamType: string };

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${kenno().baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
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

// The requirements the match page's "battery-chemicals plant" example fills in.
const EXAMPLE = {
  landHa: { value: 40, hard: true, weight: 5 },
  electricityMw: { value: 50, hard: false, weight: 4 },
  processWaterM3h: { value: 300, hard: false, weight: 3 },
  steamTh: { value: 20, hard: false, weight: 2 },
  portDepthM: { value: 10, hard: false, weight: 4 },
  rail: { value: true, hard: true, weight: 4 },
  chemicalsHandling: { value: true, hard: true, weight: 5 },
  permit: { value: 'zoned', hard: false, weight: 3 },
};

const located = <T extends { lat: number | null; lon: number | null }>(items: T[]) =>
  items.filter((item) => item.lat !== null && item.lon !== null);

describe('sites map and list', () => {
  it('shows every demo site with a location on the map of Finland and every site in the list', async () => {
    const { items } = await api<{ items: SiteSummary[] }>('/api/sites');
    expect(items.length).toBeGreaterThanOrEqual(10);
    const page = await openPage('fi', '/sites');
    await page.locator('svg.pmap a.pmap__marker').first().waitFor();
    expect(await page.locator('svg.pmap a.pmap__marker').count()).toBe(located(items).length);
    // Each marker names its site and status for screen readers, and links to the profile.
    const kip = page.locator('a.pmap__marker[href="/sites/kip"]');
    expect(await kip.getAttribute('aria-label')).toMatch(/^\d+\. Kokkola Industrial Park .*\(Toiminnassa\)$/);
    expect(await page.locator('.site-card').count()).toBe(items.length);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /teollisuusalue/ })
          .innerText(),
      )
      .toBe(`${items.length} teollisuusaluetta`);
    // The facts of a card: land "of" total, fairway depth, rail, permit.
    const card = page.locator('.site-card').filter({ hasText: 'Kokkola Industrial Park' });
    expect(await card.locator('.site-facts').innerText()).toMatch(
      /70 \/ 700 ha[\s\S]*14 m[\s\S]*Kyllä[\s\S]*Kaavoitettu/,
    );
    // GigaVaasa's sources state neither rail nor a permit: "not published", never "no".
    const gigavaasa = page.locator('.site-card').filter({ hasText: 'GigaVaasa' });
    const fact = (name: string) =>
      gigavaasa.locator('.site-facts > div').filter({ has: page.getByText(name, { exact: true }) });
    expect(await fact('Raideyhteys').locator('dd').innerText()).toBe('Ei julkaistu');
    expect(await fact('Lupatilanne').locator('dd').innerText()).toBe('Ei julkaistu');
    await page.context().close();
  });

  it('filters the sites by region, keeping the filter in the address', async () => {
    const { items } = await api<{ items: SiteSummary[] }>('/api/sites?region=pori');
    expect(items.length).toBeGreaterThan(0);
    const page = await openPage('fi', '/sites');
    await page.locator('.site-card').first().waitFor();
    await page.getByLabel('Alue', { exact: true }).selectOption('pori');
    await page.waitForURL((url) => url.searchParams.get('region') === 'pori');
    await expect.poll(() => page.locator('.site-card').count()).toBe(items.length);
    await expect.poll(() => page.locator('svg.pmap a.pmap__marker').count()).toBe(located(items).length);
    await page.context().close();
  });
});

describe('comparing sites', () => {
  it('selects two sites by keyboard and compares them side by side, the best value marked in words', async () => {
    const expected = await api<Comparison>('/api/sites/compare?ids=kip,kotka-hamina-power-coast');
    const land = expected.rows.find((row) => row.key === 'availableAreaHa')!;
    expect(land.best).toEqual([0]);
    const page = await openPage('fi', '/sites');
    for (const name of ['Kokkola Industrial Park', 'Kotka–Hamina']) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^Vertaile: ${name}`) });
      await box.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await page.getByRole('button', { name: 'Vertaile 2 aluetta' }).click();
    await page.waitForURL((url) => url.pathname === '/sites/compare');
    expect(new URL(page.url()).searchParams.get('ids')).toBe('kip,kotka-hamina-power-coast');
    const headers = page.locator('table.compare-table thead th a');
    await headers.first().waitFor();
    expect(await headers.allInnerTexts()).toEqual(expected.sites.map((s) => s.name));
    const row = page.locator('table.compare-table tbody tr').filter({
      has: page.getByRole('rowheader', { name: 'Vapaata maata', exact: true }),
    });
    const cells = row.locator('td');
    expect((await cells.nth(0).innerText()).replace(/\s+/g, ' ')).toBe('70 ha ★ Paras');
    expect(await cells.nth(1).innerText()).toBe('50 ha');
    // A price nobody publishes reads "not published", never 0.
    expect(await page.locator('table.compare-table').innerText()).not.toMatch(/\b0 €/);
    // Back to the list keeps the two sites ticked.
    await page.getByRole('link', { name: 'Takaisin alueisiin' }).click();
    await page.waitForURL((url) => url.pathname === '/sites');
    await expect.poll(() => page.locator('.site-card.is-selected').count()).toBe(2);
    await page.context().close();
  });
});

describe('investor match', () => {
  it('ranks the sites for a battery-chemicals plant with reasons, and keeps the requirements in the address', async () => {
    const results = await api<MatchResult[]>('/api/sites/match', { requirements: EXAMPLE });
    const eligible = results.filter((r) => r.eligible);
    expect(eligible.length).toBeGreaterThan(0);
    const page = await openPage('fi', '/sites/match');
    await page.getByRole('button', { name: 'Täytä akkukemikaalitehtaan tiedot' }).click();
    await page.getByRole('button', { name: 'Etsi alueet' }).click();
    await page.waitForURL((url) => url.searchParams.get('landHa') === '40');
    const titles = page.locator('.match-results > div > ol.match-list .match-card__title');
    await titles.first().waitFor();
    expect(await titles.allInnerTexts()).toEqual(eligible.map((r) => r.name));
    const first = page.locator('.match-results ol.match-list .match-card').first();
    expect(await first.locator('.match-card__score').innerText()).toBe(`${eligible[0]!.score} / 100`);
    expect(await first.locator('.reason-list--met').innerText()).toContain(
      'Vapaata maata 70 ha (tarve 40 ha)',
    );

    // The address alone brings back the same ranking (a result can be shared).
    const shared = await openPage('fi', new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.locator('.match-card__title').first().waitFor();
    expect(
      await shared.locator('.match-results > div > ol.match-list .match-card__title').allInnerTexts(),
    ).toEqual(eligible.map((r) => r.name));
    await shared.context().close();
    await page.context().close();
  });

  it('says so when no site meets the must-haves, and shows for every site why', async () => {
    const { items } = await api<{ items: SiteSummary[] }>('/api/sites');
    const page = await openPage('fi', '/sites/match');
    await page.getByLabel('Vapaa maa', { exact: true }).fill('5000');
    await page.getByRole('checkbox', { name: 'Ehdoton: Vapaa maa' }).check();
    await page.getByRole('button', { name: 'Etsi alueet' }).click();
    await page
      .locator('.notice')
      .filter({ hasText: 'Mikään alue ei täytä kaikkia ehdottomia vaatimuksiasi' })
      .waitFor();
    const cards = page.locator('.match-card--excluded');
    expect(await cards.count()).toBe(items.length);
    // Every site says which must-have it misses, in words, with the numbers.
    for (const card of await cards.all()) {
      expect(await card.locator('.reason-list--unmet .hard-tag').count()).toBeGreaterThan(0);
    }
    const kip = cards.filter({ hasText: 'Kokkola Industrial Park' });
    expect(await kip.innerText()).toMatch(/Vapaata maata vain 70 ha \(tarve 5\s000 ha\)/);
    await page.context().close();
  });
});

describe('industrial symbiosis', () => {
  it('draws the matches between offered and needed streams on the map and lists them', async () => {
    const streams = await api<Stream[]>('/api/symbiosis/streams');
    const matches = await api<StreamMatch[]>('/api/symbiosis/matches');
    const placed = new Set(located(streams).map((s) => s.id));
    const drawn = matches.filter((m) => placed.has(m.offerId) && placed.has(m.needId));
    expect(drawn.length).toBeGreaterThan(0);
    const page = await openPage('fi', '/symbiosis');
    await page.locator('svg.pmap path.pmap__line').first().waitFor();
    expect(await page.locator('svg.pmap path.pmap__line').count()).toBe(drawn.length);
    expect(await page.locator('svg.pmap .pmap__marker').count()).toBe(located(streams).length);
    expect(await page.locator('.symbiosis-matches .match-card').count()).toBe(matches.length);
    // Boliden's steam to Keliber: a match with its distance and the share of the need covered.
    const steam = page
      .locator('.symbiosis-match')
      .filter({ hasText: 'Keliber Oy' })
      .filter({ hasText: 'Höyry' });
    expect(await steam.innerText()).toMatch(/Boliden Kokkola Oy[\s\S]*0 km[\s\S]*100\s%/);
    // Filtering by type leaves that type's matches only.
    const steamMatches = drawn.filter((m) => m.streamType === 'steam').length;
    await page.getByLabel('Virran tyyppi').selectOption('steam');
    await page.waitForURL((url) => url.searchParams.get('type') === 'steam');
    await expect.poll(() => page.locator('svg.pmap path.pmap__line').count()).toBe(steamMatches);
    await page.context().close();
  });

  it('lets a member add a stream for their organisation, which then appears and is matched', async () => {
    const before = await api<StreamMatch[]>('/api/symbiosis/matches');
    const page = await openPage('fi', '/sign-in');
    await signInThroughUi(page, kenno().baseUrl, kenno().member);
    await page.goto(`${kenno().baseUrl}/symbiosis`);
    await page.getByRole('button', { name: 'Lisää virta' }).click();
    const form = page.locator('.panel');
    await form.locator('form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('tarvitsee tätä virtaa').check();
    await form.getByLabel('Virran tyyppi').selectOption('waste_heat');
    await form.getByLabel('Määrä').fill('5');
    await form.getByLabel('Yksikkö').selectOption('GWh/a');
    await form.getByRole('button', { name: 'Lisää virta' }).click();
    await page.getByRole('status').filter({ hasText: 'Virta lisättiin.' }).waitFor();
    const needs = page.locator('.symbiosis-streams').filter({ hasText: 'Tarvitut virrat' });
    await expect
      .poll(() => needs.locator('tr').filter({ hasText: 'Centria' }).innerText())
      .toMatch(/Hukkalämpö[\s\S]*5 GWh\/a/);
    const after = await api<StreamMatch[]>('/api/symbiosis/matches');
    expect(after.length).toBeGreaterThan(before.length);
    await page.context().close();
  });
});

describe('services and subcontracting chains', () => {
  it('finds service providers by category and links them to their profiles', async () => {
    const services = await api<{ organisationId: string; organisationName: string }[]>(
      '/api/services?category=laboratory_analysis',
    );
    expect(services.length).toBeGreaterThan(0);
    const page = await openPage('fi', '/services');
    await page.locator('.service-card').first().waitFor();
    await page.getByLabel('Luokka').selectOption('laboratory_analysis');
    await page.waitForURL((url) => url.searchParams.get('category') === 'laboratory_analysis');
    await expect.poll(() => page.locator('.service-card').count()).toBe(services.length);
    await page.getByRole('link', { name: services[0]!.organisationName, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === `/organisations/${services[0]!.organisationId}`);
    await page.context().close();
  });

  it('draws who supplies whom and gives the same links as a table', async () => {
    const chain = await api<{ nodes: unknown[]; links: unknown[] }>('/api/supply-chain');
    expect(chain.links.length).toBeGreaterThan(0);
    const page = await openPage('fi', '/services/chain');
    await page.locator('.chain-graph a.chain-graph__node').first().waitFor();
    expect(await page.locator('.chain-graph a.chain-graph__node').count()).toBe(chain.nodes.length);
    expect(await page.locator('.chain-graph path.chain-graph__link').count()).toBe(chain.links.length);
    expect(await page.locator('section table tbody tr').count()).toBe(chain.links.length);
    await page.context().close();
  });
});

describe('Swedish', () => {
  it('shows the sites, the comparison and the match in Swedish', async () => {
    const page = await openPage('sv', '/sites');
    expect(await page.locator('h1').innerText()).toBe('Industriområden');
    await page.locator('a.pmap__marker').first().waitFor();
    expect(await page.locator('a.pmap__marker[href="/sites/kip"]').getAttribute('aria-label')).toMatch(
      /\(I drift\)$/,
    );
    await page.goto(`${kenno().baseUrl}/sites/compare?ids=kip,kotka-hamina-power-coast`);
    await page.getByRole('rowheader', { name: 'Ledig mark', exact: true }).waitFor();
    expect(await page.locator('td.is-best').first().innerText()).toContain('Bäst');
    await page.goto(`${kenno().baseUrl}/sites/match?rail=1&hard=rail`);
    expect(await page.locator('h1').innerText()).toBe('Hitta en plats för din fabrik');
    await page.locator('.match-card').first().waitFor();
    expect(await page.locator('.reason-list--met').first().innerText()).toContain('Järnvägsförbindelse');
    await page.context().close();
  });
});

describe('rail, chemicals and permits a site does not state', () => {
  it('reads "not published" on the profile, where a stated "no permits yet" stays as it is', async () => {
    const page = await openPage('fi', '/sites/gigavaasa');
    const logistics = page.locator('.site-logistics');
    await logistics.waitFor();
    const fact = (name: string) =>
      logistics
        .locator('div')
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator('dd');
    expect(await fact('Raideyhteys').innerText()).toBe('Ei julkaistu');
    expect(await fact('Kemikaalien käsittely').innerText()).toBe('Ei julkaistu');
    expect(await page.locator('.profile__facts').innerText()).not.toContain('Ei vielä lupia');
    expect(await page.locator('.permit-steps li.is-reached, .permit-steps li.is-current').count()).toBe(0);
    await page.goto(`${kenno().baseUrl}/sites/kristinestad`);
    await page.locator('.profile__facts').waitFor();
    expect(await page.locator('.profile__facts').innerText()).toContain('Ei vielä lupia');
    await page.context().close();
  });

  it('says in the match why a site without a stated rail connection is left out', async () => {
    const page = await openPage('en', '/sites/match?rail=1&hard=rail');
    await page.locator('.match-card').first().waitFor();
    await page.locator('details.match-excluded > summary').click();
    const gigavaasa = page.locator('.match-card--excluded').filter({ hasText: 'GigaVaasa' });
    expect(await gigavaasa.locator('.reason-list--unmet').innerText()).toContain(
      'Rail connection not published',
    );
    expect(await gigavaasa.innerText()).not.toContain('No rail connection');
    await page.context().close();
  });

  it('lets the coordinator set a fact to no and back to not stated', async () => {
    const page = await openPage('fi', '/sign-in');
    await signInThroughUi(page, kenno().baseUrl, kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/sites/keliber-mines`);
    const rail = page.locator('.site-logistics div').filter({ hasText: 'Raideyhteys' }).locator('dd');
    await rail.waitFor();
    expect(await rail.innerText()).toBe('Ei julkaistu');
    const setRail = async (option: string) => {
      await page.getByRole('button', { name: 'Muokkaa aluetta' }).click();
      const select = page.getByLabel('Alueelle on raideyhteys');
      expect(await select.locator('option').allInnerTexts()).toEqual(['Ei ilmoitettu', 'Kyllä', 'Ei']);
      await select.selectOption({ label: option });
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await page.getByRole('status').filter({ hasText: 'Alue tallennettiin.' }).waitFor();
    };
    await setRail('Ei');
    await expect.poll(() => rail.innerText()).toBe('Ei');
    await setRail('Ei ilmoitettu');
    await expect.poll(() => rail.innerText()).toBe('Ei julkaistu');
    await page.context().close();
  });
});

describe('editing a site', () => {
  it('lets the coordinator of the region change a fact, shown on the profile', async () => {
    const page = await openPage('fi', '/sign-in');
    await signInThroughUi(page, kenno().baseUrl, kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/sites/kip`);
    await page.getByRole('button', { name: 'Muokkaa aluetta' }).click();
    await page.locator('.panel form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Rakentamisvalmis (kuukautta)').fill('18');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('status').filter({ hasText: 'Alue tallennettiin.' }).waitFor();
    expect(await page.locator('.profile__facts').innerText()).toContain('18 kuukaudessa');
    await page.context().close();
  });

  it('offers no editing to a visitor', async () => {
    const page = await openPage('fi', '/sites/kip');
    await page.locator('.profile__facts').waitFor();
    expect(await page.getByRole('button', { name: 'Muokkaa aluetta' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('accessibility of the sites pages (axe, WCAG 2.1 AA)', () => {
  const match = '/sites/match?landHa=40&rail=1&chemicalsHandling=1&hard=landHa,rail,chemicalsHandling';
  const cases: ['fi' | 'sv' | 'en', string, string, number][] = [
    ['fi', '/sites', 'a.pmap__marker', 1280],
    ['sv', '/sites', 'a.pmap__marker', 375],
    ['fi', '/sites/kip', '.profile__facts', 1280],
    ['fi', '/sites/compare?ids=kip,kotka-hamina-power-coast,harjavalta', 'td.is-best', 1280],
    ['fi', match, '.match-card', 1280],
    ['en', '/sites/match?landHa=5000&hard=landHa', '.match-card--excluded', 375],
    ['fi', '/services', '.service-card', 1280],
    ['sv', '/services/chain', '.chain-graph__node', 1280],
    ['fi', '/symbiosis', 'path.pmap__line', 1280],
    ['sv', '/symbiosis', 'path.pmap__line', 375],
  ];
  for (const [language, path, ready, width] of cases) {
    it(`has no serious or critical violations on ${path} in ${language} at ${width} px`, {
      timeout: 60_000,
    }, async () => {
      const page = await openPage(language, path, width);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
