import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, signedInApi } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

type GapRow = {
  roleId: string | null;
  eqf: number | null;
  region: string | null;
  demand: number | null;
  supply: number;
  gap: number | null;
  employers: number | null;
  suppressed: boolean;
  restricted: boolean;
};

const DEMO_ROUND = 'demo-skills-2026';
const ROLE = 'job-role.chemistry-technician';

async function publicApi<T>(path: string): Promise<T> {
  const response = await fetch(`${kenno().baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function openContext(
  language: 'fi' | 'sv' | 'en',
  options: { account?: Account; storeLanguage?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: language,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  if (options.storeLanguage !== false)
    await page.addInitScript((lang) => localStorage.setItem('kenno.language', lang), language);
  if (options.account) await signInThroughUi(page, kenno().baseUrl, options.account);
  return { context, page };
}

/** The heatmap cell of a role and column (EQF level), once the chart is drawn. */
function heatCell(page: Page, roleId: string, column: string) {
  return page.locator(`svg.gap-heatmap rect[data-cell="${roleId}|${column}"]`);
}

/** "+12" / "−4" as the English or Finnish page prints a gap. */
function signed(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

describe('a survey round from creation to the gap heatmap', () => {
  // Shared by the steps below, which run in order.
  let roundId = '';
  let link = '';

  it('lets a coordinator create and open a round, invite an employer in Swedish and copy its personal link', async () => {
    const { context, page } = await openContext('fi', { account: kenno().coordinator });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: kenno().baseUrl });
    await page.goto(`${kenno().baseUrl}/skills/rounds`);
    await page.getByRole('link', { name: 'Uusi kyselykierros' }).click();
    await page.waitForURL((url) => url.pathname === '/skills/rounds/new');
    // A round needs a title: the form says so before anything is sent.
    await page.getByRole('button', { name: 'Luo kierros' }).click();
    await page.locator('.error-summary').getByText('Anna otsikko vähintään yhdellä kielellä.').waitFor();
    await page.getByLabel('Suomeksi').first().fill('Kokkolan osaamistarpeet, e2e');
    await page.getByLabel('Ruotsiksi').first().fill('Karlebys kompetensbehov, e2e');
    // A coordinator runs rounds for their own region only.
    expect(await page.getByLabel('Alue', { exact: true }).inputValue()).toBe('kokkola');
    await page.getByRole('button', { name: 'Luo kierros' }).click();
    await page.waitForURL((url) => /^\/skills\/rounds\/(?!new$)[^/]+$/.test(url.pathname));
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await page.locator('h1').getByText('Luonnos').waitFor();

    await page.getByRole('button', { name: 'Avaa kierros' }).click();
    await page.locator('h1').getByText('Avoinna').waitFor();

    await page.getByLabel('Hae rekisteristä').fill('Keliber');
    await page.getByRole('button', { name: /^Lisää.*Keliber Oy/ }).click();
    await page.getByLabel('Kyselyn kieli').selectOption('sv');
    await page.getByRole('button', { name: 'Luo 1 henkilökohtainen linkki' }).click();
    await page.getByRole('heading', { name: '1 henkilökohtainen linkki luotu' }).waitFor();
    await page.getByText('ne näytetään vain tämän kerran').waitFor();
    const shown = await page.getByLabel('Organisaation Keliber Oy henkilökohtainen linkki').inputValue();
    await page.getByRole('button', { name: /^Kopioi linkki/ }).click();
    await page.getByText('Linkki kopioitu leikepöydälle.').waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
    expect(link).toMatch(new RegExp(`^${kenno().baseUrl}/survey/kenno_srv_[A-Za-z0-9_-]{20,}$`));

    // Once put away, the link is nowhere on the page; the respondent is listed without it.
    await page.getByRole('button', { name: 'Olen kopioinut linkit' }).click();
    const row = page.locator('table.skills-respondents tbody tr').filter({ hasText: 'Keliber Oy' });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(
      /Keliber Oy ei sähköpostia svenska ○ Kutsuttu 0/,
    );
    const token = link.split('/').at(-1)!;
    expect(await page.content()).not.toContain(token);
    await context.close();
  });

  it('lets the employer answer without an account in Swedish, save, come back and submit', async () => {
    expect(link).not.toBe('');
    const token = link.split('/').at(-1)!;
    // A browser in English that has never chosen a language: the link's own language wins.
    const { context, page } = await openContext('en', { storeLanguage: false });
    const apiCalls: { url: string; referer: string; token: string }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/'))
        apiCalls.push({
          url: request.url(),
          referer: request.headers().referer ?? '',
          token: request.headers()['x-survey-token'] ?? '',
        });
    });
    await page.goto(link);
    await page.locator('h1', { hasText: 'Karlebys kompetensbehov, e2e' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.title()).toBe('Karlebys kompetensbehov, e2e – Kenno');
    expect(await page.locator('.survey-facts').innerText()).toContain('Keliber Oy');
    // The regional round takes needs in its own region only.
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('kokkola');

    await page.getByLabel('Yrkesroll').selectOption(ROLE);
    await page.getByLabel('Utbildningsnivå').selectOption('4');
    await page.getByLabel('Nu', { exact: true }).fill('3');
    await page.getByLabel('Om 1–3 år').fill('-2');
    await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
    await page
      .locator('.error-summary')
      .getByText('Behov 1: ange antalet om 1–3 år som ett heltal 0–100 000.')
      .waitFor();
    await page.getByLabel('Om 1–3 år').fill('5');
    await page.getByLabel('Om 3–5 år').fill('7');
    await page.getByLabel('Hur svårt är det att rekrytera?').selectOption('4');
    await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Sparat/ })
      .waitFor();

    // Coming back later with the same link: the saved need is there.
    await page.reload();
    await page.locator('h1', { hasText: 'Karlebys kompetensbehov, e2e' }).waitFor();
    await expect.poll(() => page.getByLabel('Yrkesroll').inputValue()).toBe(ROLE);
    expect(await page.getByLabel('Om 3–5 år').inputValue()).toBe('7');
    expect(await page.getByLabel('Hur svårt är det att rekrytera?').inputValue()).toBe('4');

    await page.getByRole('button', { name: 'Lägg till ett behov' }).click();
    const second = page.locator('fieldset.survey-need').nth(1);
    // The new need takes the focus at its first field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await second.getByLabel('Yrkesroll').getAttribute('id'),
    );
    await second.getByLabel('Yrkesroll').selectOption(ROLE);
    await second.getByLabel('Utbildningsnivå').selectOption('5');
    await second.getByLabel('Nu', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Skicka in' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Tack! Era svar skickades in/ })
      .waitFor();

    // The token went in the header only: never in an API address, never in a Referer.
    const surveyCalls = apiCalls.filter((call) => call.url.endsWith('/api/survey'));
    expect(surveyCalls.length).toBeGreaterThanOrEqual(4);
    for (const call of surveyCalls) expect(call.token).toBe(token);
    for (const call of apiCalls) {
      expect(call.url).not.toContain(token);
      expect(call.referer).not.toContain(token);
    }
    await context.close();
  });

  it('shows the coordinator the response rate, and the answers in the heatmap of their region', async () => {
    const { context, page } = await openContext('fi', { account: kenno().coordinator });
    await page.goto(`${kenno().baseUrl}/skills/rounds/${encodeURIComponent(roundId)}`);
    const row = page.locator('table.skills-respondents tbody tr').filter({ hasText: 'Keliber Oy' });
    await row.getByText('Lähetetty').waitFor();
    expect(await page.locator('.skills-responses__big').innerText()).toMatch(/^100\s?%$/);

    const expected = await page.evaluate(async (id) => {
      const response = await fetch(`/api/skills/gaps?round=${id}&region=kokkola&groupBy=role,eqf`);
      return (await response.json()) as GapRow[];
    }, roundId);
    const mine = expected.find((r) => r.roleId === ROLE && r.eqf === 4)!;
    // One employer: the public sees the cell suppressed, the region's coordinator sees it.
    expect(mine).toMatchObject({ demand: 15, employers: 1, suppressed: false, restricted: true });

    await page.getByRole('link', { name: 'Katso tämän kierroksen osaamiskuilu' }).click();
    await page.waitForURL((url) => url.pathname === '/skills' && url.searchParams.get('round') === roundId);
    await page.getByLabel('Alue', { exact: true }).selectOption('kokkola');
    const cell = heatCell(page, ROLE, '4');
    await cell.waitFor();
    expect(await cell.getAttribute('aria-label')).toContain('tarve 15');
    await page.locator('.gap-legend').getByText('näkyy vain sinulle').waitFor();
    await cell.click();
    const detail = page.locator('section.gap-detail');
    await detail.getByText('Näet tämän luvun, koska se on omalta alueeltasi').waitFor();
    expect(await detail.locator('.gap-figures').innerText()).toMatch(/Tarve\s+15[\s\S]*Työnantajia\s+1/);
    await context.close();
  });

  it('shows the same cell as suppressed to the public, in the page as in the API', async () => {
    const { context, page } = await openContext('en');
    await page.goto(`${kenno().baseUrl}/skills?round=${encodeURIComponent(roundId)}&region=kokkola`);
    const cell = heatCell(page, ROLE, '4');
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain('is-suppressed');
    expect(await cell.getAttribute('aria-label')).toMatch(/suppressed, fewer than 3 employers/);
    // No figure is printed in it: the only texts of its row are other cells' figures.
    await cell.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('section.gap-detail');
    await detail.getByText('Figure suppressed').waitFor();
    expect(await detail.innerText()).not.toMatch(/Demand\s+\d/);
    await context.close();
  });

  it('tells the employer when the link has been revoked', async () => {
    const api = await signedInApi(kenno().baseUrl, kenno().coordinator);
    const respondents = await api<{ respondentId: string; organisationId: string }[]>(
      'GET',
      `/survey-rounds/${encodeURIComponent(roundId)}/respondents`,
    );
    const keliber = respondents.find((r) => r.organisationId === 'keliber')!;
    await api(
      'POST',
      `/survey-rounds/${encodeURIComponent(roundId)}/respondents/${keliber.respondentId}/revoke`,
    );
    const { context, page } = await openContext('sv');
    await page.goto(link);
    await page.locator('h1', { hasText: 'Länken har återkallats' }).waitFor();
    // Another link in the same browser: its own answer, never the one cached for the last link.
    await page.goto(`${kenno().baseUrl}/survey/kenno_srv_thisIsNotARealTokenAtAll123`);
    await page.locator('h1', { hasText: 'Länken fungerar inte' }).waitFor();
    await context.close();
  }, 120_000);
});

describe('the gap heatmap of the demo answers', () => {
  it('shows published figures and suppressed cells as the API does, with details, trend and export', async () => {
    const rows = await publicApi<GapRow[]>(`/api/skills/gaps?round=${DEMO_ROUND}&groupBy=role,eqf`);
    const published = rows.filter((r) => r.roleId && r.eqf && !r.suppressed && r.gap !== null);
    const suppressed = rows.filter((r) => r.roleId && r.eqf && r.suppressed);
    expect(published.length).toBeGreaterThan(3);
    expect(suppressed.length).toBeGreaterThan(0);

    const { context, page } = await openContext('en');
    // The demo's latest round, named (rounds other tests open may be newer on another day).
    await page.goto(`${kenno().baseUrl}/skills?round=${DEMO_ROUND}`);
    await page.locator('svg.gap-heatmap rect[role="button"]').first().waitFor();
    expect(await page.locator('svg.gap-heatmap rect.is-suppressed').count()).toBe(suppressed.length);
    await page
      .getByRole('status')
      .filter({
        hasText: `${published.length} cells with figures · Whole network · All horizons (1–5 years). ${suppressed.length} cells suppressed.`,
      })
      .waitFor();

    // The largest shortage: its figure is printed in the cell and its button says what it is.
    const top = published.reduce((a, b) => ((b.gap ?? 0) > (a.gap ?? 0) ? b : a));
    const cell = heatCell(page, top.roleId!, String(top.eqf));
    const n = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
    expect(await cell.getAttribute('aria-label')).toContain(`shortage of ${n.format(top.gap!)}`);
    const texts = await page.locator('svg.gap-heatmap text').allTextContents();
    expect(texts).toContain(signed(top.gap!, 'en-GB'));

    // Keyboard: one tab stop; the arrow keys move; Enter opens the details.
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.cell);
    expect(moved).toBe(`${top.roleId}|${top.eqf! + 1}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('cell') === `${top.roleId}|${top.eqf}`);
    const detail = page.locator('section.gap-detail');
    await detail.locator('.gap-figures').waitFor();
    const figures = (await detail.locator('.gap-figures').innerText()).replace(/\s+/g, ' ');
    expect(figures).toContain(`Demand ${n.format(top.demand!)}`);
    expect(figures).toContain(`Supply ${n.format(top.supply)}`);
    expect(figures).toContain(`Employers ${top.employers}`);

    // The cell by region, as the API gives it, and across the two demo rounds.
    const byRegion = await publicApi<GapRow[]>(
      `/api/skills/gaps?round=${DEMO_ROUND}&role=${top.roleId}&eqf=${top.eqf}&groupBy=region`,
    );
    const regionTable = detail.locator('table').first();
    await regionTable.locator('tbody tr').first().waitFor();
    expect(await regionTable.locator('tbody tr').count()).toBe(byRegion.length);
    const trend = await publicApi<{ roundId: string }[]>(
      `/api/skills/gaps/trend?role=${top.roleId}&eqf=${top.eqf}`,
    );
    expect(trend.map((t) => t.roundId)).toContain('demo-skills-2025');
    const trendTable = detail.locator('table').last();
    await expect.poll(() => trendTable.locator('tbody tr').count()).toBe(trend.length);
    await detail.locator('.gap-trend svg.spec-chart').waitFor();

    // A suppressed cell says why, and shows no demand.
    const hidden = suppressed[0]!;
    await heatCell(page, hidden.roleId!, String(hidden.eqf)).click();
    await detail.getByText('Fewer than 3 employers answered for this cell').waitFor();

    // Export with the same filters, and the same suppression.
    const xlsx = await page.getByRole('link', { name: 'Download Excel (XLSX)' }).getAttribute('href');
    const params = new URL(xlsx!, kenno().baseUrl).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      round: DEMO_ROUND,
      groupBy: 'role,eqf',
      format: 'xlsx',
      lang: 'en',
    });
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await (await fetch(new URL(csvHref!, kenno().baseUrl))).text();
    expect(
      csv
        .trim()
        .split(/\r?\n/)
        .filter((line) => /;yes$/.test(line.trim())),
    ).toHaveLength(suppressed.length);

    // The table alternative lists every cell with data.
    await page.getByText(/^Show the figures as a table/).click();
    expect(await page.locator('.gap-table tbody tr').count()).toBe(published.length + suppressed.length);
    await context.close();
  });

  it('changes the columns to regions from the address, and keeps the filters there', async () => {
    const { context, page } = await openContext('fi');
    await page.goto(`${kenno().baseUrl}/skills?round=${DEMO_ROUND}&cols=region&horizon=1-3`);
    await page.locator('svg.gap-heatmap rect[role="button"]').first().waitFor();
    const rows = await publicApi<GapRow[]>(
      `/api/skills/gaps?round=${DEMO_ROUND}&horizon=1-3&groupBy=role,region`,
    );
    const regions = new Set(rows.filter((r) => r.roleId && r.region).map((r) => r.region));
    const roles = new Set(rows.filter((r) => r.roleId && r.region).map((r) => r.roleId));
    expect(await page.locator('svg.gap-heatmap rect[role="button"]').count()).toBe(regions.size * roles.size);
    await page.getByLabel('Aikajänne').selectOption('3-5');
    await page.waitForURL(
      (url) => url.searchParams.get('horizon') === '3-5' && url.searchParams.get('cols') === 'region',
    );
    await context.close();
  }, 120_000);
});

describe('training supply', () => {
  it('lists the programmes by region, and lets the region’s coordinator add and remove one', async () => {
    const kokkola = await publicApi<{ id: string }[]>('/api/training-programmes?region=kokkola');
    const { context, page } = await openContext('fi', { account: kenno().coordinator });
    await page.goto(`${kenno().baseUrl}/skills/supply`);
    await page.getByLabel('Alue', { exact: true }).selectOption('kokkola');
    await page.waitForURL((url) => url.searchParams.get('region') === 'kokkola');
    await expect.poll(() => page.locator('table.skills-programmes tbody tr').count()).toBe(kokkola.length);

    await page.getByRole('button', { name: 'Lisää koulutus' }).click();
    const form = page.locator('.skills-programme-form');
    await form.getByLabel('Oppilaitos', { exact: true }).selectOption('centria');
    await form.getByLabel('Suomeksi').fill('Akkukemian moduuli, e2e');
    await form.getByLabel('Koulutusaste', { exact: true }).selectOption('continuing');
    await form.getByLabel('EQF-taso', { exact: true }).selectOption('5');
    await form.getByLabel('Valmistuneet vuodessa').fill('10');
    await form.getByRole('button', { name: 'Lisää koulutus' }).click();
    await page.getByRole('status').filter({ hasText: 'Akkukemian moduuli, e2e lisätty.' }).waitFor();
    const added = page
      .locator('table.skills-programmes tbody tr')
      .filter({ hasText: 'Akkukemian moduuli, e2e' });
    expect((await added.innerText()).replace(/\s+/g, ' ')).toMatch(
      /Centria.*Täydennyskoulutus EQF-taso 5 Kokkola – 10/,
    );

    page.once('dialog', (dialog) => void dialog.accept());
    await added.getByRole('button', { name: /^Muokkaa/ }).click();
    await page.getByRole('button', { name: 'Poista koulutus' }).click();
    await page.getByRole('status').filter({ hasText: 'Akkukemian moduuli, e2e poistettu.' }).waitFor();
    await expect.poll(() => page.locator('table.skills-programmes tbody tr').count()).toBe(kokkola.length);
    await context.close();
  }, 120_000);
});

describe('accessibility of the skills pages (axe, WCAG 2.1 AA)', () => {
  it('has no serious or critical violations on the public pages, with a cell open, at 1280 and 375 px', async () => {
    const rows = await publicApi<GapRow[]>(`/api/skills/gaps?round=${DEMO_ROUND}&groupBy=role,eqf`);
    const cell = rows.find((r) => r.roleId && r.eqf && !r.suppressed)!;
    const found: Record<string, string[]> = {};
    for (const width of [1280, 375]) {
      const { context, page } = await openContext('fi', { width });
      const open = `/skills?round=${DEMO_ROUND}&cell=${encodeURIComponent(`${cell.roleId}|${cell.eqf}`)}`;
      for (const path of ['/skills', open, '/skills/supply']) {
        await page.goto(`${kenno().baseUrl}${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousViolations(page);
        if (violations.length) found[`${path} @${width}`] = violations;
      }
      await context.close();
    }
    expect(found).toEqual({});
  }, 180_000);

  it('has none on the coordinator’s pages and on a respondent’s survey', async () => {
    const admin = await signedInApi(kenno().baseUrl, kenno().coordinator);
    const round = await admin<{ id: string }>('POST', '/survey-rounds', {
      title: { fi: 'Saavutettavuuskierros', sv: 'Tillgänglighetsomgång' },
      regionId: 'kokkola',
      instrument: { roleIds: [ROLE], skillIds: ['refining.hydromet'], eqfLevels: [4, 5] },
    });
    await admin('PATCH', `/survey-rounds/${round.id}`, { status: 'open' });
    const [created] = await admin<{ link: string }[]>('POST', `/survey-rounds/${round.id}/respondents`, {
      respondents: [{ organisationId: 'keliber', language: 'sv', email: 'hr@keliber.example.org' }],
    });
    const found: Record<string, string[]> = {};
    const coordinator = await openContext('fi', { account: kenno().coordinator });
    for (const path of ['/skills/rounds', '/skills/rounds/new', `/skills/rounds/${round.id}`]) {
      await coordinator.page.goto(`${kenno().baseUrl}${path}`);
      await coordinator.page.locator('h1').first().waitFor();
      await coordinator.page.waitForLoadState('networkidle');
      const violations = await seriousViolations(coordinator.page);
      if (violations.length) found[path] = violations;
    }
    await coordinator.context.close();
    for (const width of [1280, 375]) {
      const respondent = await openContext('sv', { width });
      await respondent.page.goto(`${kenno().baseUrl}${created!.link}`);
      await respondent.page.locator('fieldset.survey-need').first().waitFor();
      await respondent.page.getByText(/^Kompetenser som behövs/).click();
      const violations = await seriousViolations(respondent.page);
      if (violations.length) found[`survey @${width}`] = violations;
      await respondent.context.close();
    }
    expect(found).toEqual({});
  }, 180_000);
});

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');

describe('a round that asks about an ESCO occupation, with answers from a survey tool', () => {
  it('finds the occupation by search, names it on the round, and imports a Webropol export into the round from the import page', async () => {
    // The admin runs a round for the whole network (the Webropol file has answers from several regions).
    const { baseUrl, admin } = kenno();
    for (const lang of ['en', 'fi', 'sv'])
      await importFile(
        baseUrl,
        admin,
        path.join(FIXTURES, 'esco', `occupations_${lang}.csv`),
        'esco-occupations',
      );

    const { context, page } = await openContext('en', { account: admin });
    await page.goto(`${baseUrl}/skills/rounds/new`);
    await page.getByLabel('In English').first().fill('Kokkola needs with ESCO, e2e');
    const search = page.getByLabel('Search ESCO occupations');
    await search.fill('battery system');
    await page.getByText('1 occupation found').waitFor();
    await page.getByLabel(/^battery system engineer/).check();
    // The chosen occupation stays chosen when the search changes.
    await search.fill('assembler');
    await page.getByLabel(/^battery assembler/).waitFor();
    expect(await page.getByLabel(/^battery system engineer/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create the round' }).click();
    await page.waitForURL((url) => /^\/skills\/rounds\/(?!new$)[^/]+$/.test(url.pathname));
    const roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    // The round asks about the occupation by its name, not its ESCO address.
    const api = await signedInApi(baseUrl, admin);
    const round = await api<{ instrument: { roleIds: string[] } }>(
      'GET',
      `/survey-rounds/${encodeURIComponent(roundId)}`,
    );
    const esco = round.instrument.roleIds.filter((id) => !id.startsWith('job-role.'));
    expect(esco).toHaveLength(1);
    await page.getByText(/^Show the \d+ job roles$/).click();
    await page.locator('.skills-round-roles').getByText('battery system engineer', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Open the round' }).click();

    // Answers exported from Webropol go into this round through the import page.
    await page.getByRole('link', { name: 'Import answers from a survey tool' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/imports' && url.searchParams.get('roundId') === roundId,
    );
    await page
      .getByLabel('File (CSV or XLSX)')
      .setInputFiles(path.join(FIXTURES, 'skills', 'webropol-vastaukset-fi.csv'));
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.import-report .notice--success').innerText()).toMatch(
      /^\d+ rows imported: \d+ new/,
    );
    // The answers are the round's: its gap view now has demand (the cube sees the change within 250 ms).
    await expect
      .poll(async () => {
        const rows = await api<GapRow[]>(
          'GET',
          `/skills/gaps?round=${encodeURIComponent(roundId)}&groupBy=role`,
        );
        return rows.some((row) => (row.demand ?? 0) > 0 || row.suppressed);
      })
      .toBe(true);
    await context.close();
  }, 120_000);
});
