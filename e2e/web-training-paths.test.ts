import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function openContext(
  language: 'fi' | 'sv' | 'en',
  account?: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: language, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem('kenno.language', lang), language);
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return { context, page };
}

const KPEDU = 'Vocational Qualification in Process Industry';
const CENTRIA = 'Bachelor of Engineering, Chemical Engineering';
const LUT = 'Master’s Programme in Chemical Engineering';

/** Picks a module in the builder's list by level and region, then adds it. */
async function addModule(page: Page, name: string, level: string, region: string) {
  const picker = page.locator('.tp-picker');
  await picker.getByLabel('Level').selectOption({ label: level });
  await picker.getByLabel('Region').selectOption({ label: region });
  await picker.getByRole('button', { name: `Add ${name} to the path` }).click();
  await expect.poll(() => page.getByRole('group', { name: new RegExp(`^${name}`) }).count()).toBe(1);
}

const step = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) });

describe('building a training path', () => {
  it('builds a path across three levels, sees the gaps it closes, publishes and prints it', async () => {
    const { context, page } = await openContext('en', kenno().member);
    await page.goto(`${kenno().baseUrl}/training-paths`);
    await page.getByRole('link', { name: 'Build a path' }).click();
    await page
      .getByRole('group', { name: 'Name of the path' })
      .getByLabel('In English')
      .fill('Chemistry from Kokkola');
    await page.getByRole('checkbox', { name: 'Kokkola' }).check();
    await page.getByRole('checkbox', { name: 'Lappeenranta' }).check();
    await page.getByRole('button', { name: 'Create and add modules' }).click();
    await page.waitForURL(/\/training-paths\/path-chemistry-from-kokkola\/edit$/);
    await page.getByRole('heading', { level: 1, name: /Build: Chemistry from Kokkola/ }).waitFor();

    await addModule(page, KPEDU, 'Vocational', 'Kokkola');
    await addModule(page, CENTRIA, 'University of applied sciences', 'Kokkola');
    await addModule(page, LUT, 'University', 'Lappeenranta');

    // The master's programme straight after the vocational qualification: a level jump, named.
    await step(page, LUT).getByRole('checkbox', { name: KPEDU }).check();
    const checks = page.locator('.tp-check');
    await expect
      .poll(() => checks.innerText())
      .toContain(`“${KPEDU}” (EQF 4) leads straight to “${LUT}” (EQF 7), skipping EQF 5, 6`);
    await step(page, LUT).getByRole('checkbox', { name: KPEDU }).uncheck();
    await step(page, LUT).getByRole('checkbox', { name: CENTRIA }).check();
    await step(page, CENTRIA).getByRole('checkbox', { name: KPEDU }).check();
    await expect.poll(() => checks.innerText()).toContain('No problems');
    // Credits per level against the Finnish qualification extents, osp and ECTS apart.
    const credits = page.getByRole('table', { name: 'Credits of the path by level' });
    await expect.poll(() => credits.innerText()).toMatch(/Vocational, EQF 4\s+180 osp/);
    expect(await credits.innerText()).toMatch(/University, EQF 7\s+120 ECTS/);

    await page.getByRole('button', { name: 'Save the path' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'The path is saved.' }).count())
      .toBe(1);

    // Coverage: the same figures the API gives, from the published gap analysis only.
    const coverage = (await (
      await fetch(`${kenno().baseUrl}/api/paths/path-chemistry-from-kokkola/coverage`, {
        headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      })
    ).json()) as { closed: unknown[]; remaining: unknown[] };
    expect(coverage.closed.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.tp-coverage__summary').innerText())
      .toBe(`Closes ${coverage.closed.length} gaps · ${coverage.remaining.length} remain`);
    const closed = page.getByRole('table', { name: /Gaps the path closes/ });
    expect(await closed.innerText()).toContain('Chemical plant control-room operator');

    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'The path is published.' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'See the public page' }).click();
    await context.close();

    // A visitor reads the published path, level by level, in Finnish.
    const visitor = await openContext('fi');
    const p = visitor.page;
    await p.goto(`${kenno().baseUrl}/training-paths/path-chemistry-from-kokkola`);
    await p.getByRole('heading', { level: 1, name: 'Chemistry from Kokkola' }).waitFor();
    const levels = await p.locator('.tp-level__title').allInnerTexts();
    expect(levels).toEqual(['Ammatillinen koulutus', 'Ammattikorkeakoulu', 'Yliopisto']);
    expect(await p.locator('.tp-module').nth(2).innerText()).toContain('Edeltävät:');
    expect(await seriousViolations(p)).toEqual([]);

    // Print: the header, navigation, buttons and coverage go; the modules stay.
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.site-header').isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: 'Tulosta' }).isVisible()).toBe(false);
    expect(await p.locator('.tp-coverage').isVisible()).toBe(false);
    expect(await p.locator('.tp-module').count()).toBe(3);
    expect(await p.locator('.tp-module').first().isVisible()).toBe(true);
    expect(await p.locator('.tp-print-footer').innerText()).toContain(
      '/training-paths/path-chemistry-from-kokkola',
    );
    await p.emulateMedia({ media: 'screen' });

    // The PDF in the reader's language.
    const href = await p.getByRole('link', { name: 'Lataa PDF' }).getAttribute('href');
    expect(href).toBe('/api/paths/path-chemistry-from-kokkola/pdf?lang=fi');
    const pdf = await fetch(`${kenno().baseUrl}${href}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await visitor.context.close();
  });
});

describe('the network view', () => {
  it('shows who delivers which level where, marks where nobody does, and lists a cell’s institutions', async () => {
    const { context, page } = await openContext('en');
    // The public list first: each path with the levels it climbs.
    await page.goto(`${kenno().baseUrl}/training-paths`);
    const card = page
      .locator('.tp-path-card')
      .filter({ hasText: 'From metal refining to materials engineering' });
    await expect
      .poll(() =>
        card.getByRole('list', { name: 'Levels of the path' }).getByRole('listitem').allInnerTexts(),
      )
      .toEqual(['Vocational', 'University of applied sciences', 'University']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Network view' }).click();
    const levels = page.getByRole('table', {
      name: 'Institutions offering each level of education in each region',
    });
    const vaasa = levels.getByRole('row', { name: /^Vaasa/ });
    await expect.poll(() => vaasa.innerText()).toContain('Vaasan yliopisto');
    expect(await vaasa.getByRole('cell').first().innerText()).toBe('Nobody');

    const areas = page.getByRole('table', { name: /each competence area/ });
    await areas
      .getByRole('button', { name: /^Recycling, Kotka–Hamina \(Kymenlaakso\): 1 institution$/ })
      .click();
    await expect.poll(() => page.locator('.tp-heat__detail').innerText()).toContain('LUT');

    await page.getByLabel('Level', { exact: true }).selectOption({ label: 'University' });
    await page.waitForURL((url) => url.searchParams.get('level') === 'university');
    await expect.poll(() => levels.locator('thead th').allInnerTexts()).toEqual(['Region', 'University']);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
