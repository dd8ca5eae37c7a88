import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

/**
 * The CORDIS pages in a browser, in Finnish: the published files imported through the API, a
 * Kokkola coordinator confirms the name suggestion for Centria with the keyboard, a member reads
 * a CORDIS organisation's track record and Centria's EU projects on its registry page; every page
 * axe-clean.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures/cordis');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function pageAs(account: Account | null): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return page;
}

async function open(page: Page, url: string) {
  await page.goto(`${kenno().baseUrl}${url}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('CORDIS pages', () => {
  it('imports the published files through the API', async () => {
    const { baseUrl, admin } = kenno();
    await importFile(baseUrl, admin, path.join(FIXTURES, 'project.csv'), 'cordis-projects');
    await importFile(baseUrl, admin, path.join(FIXTURES, 'organization.csv'), 'cordis-organizations');
    await importFile(baseUrl, admin, path.join(FIXTURES, 'topics.csv'), 'cordis-topics');
  }, 120_000);

  it('a coordinator confirms a name suggestion with the keyboard', async () => {
    const page = await pageAs(kenno().coordinator);
    await open(page, '/partners/links');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('CORDIS-yhteydet');
    const row = page.getByRole('row', { name: /CENTRIA AMMATTIKORKEAKOULU OY/ });
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Vahvista yhteys' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'on nyt yhdistetty' }).waitFor();
    await page.getByText('Päätöstä odottavia ehdotuksia ei ole.').waitFor();
    await page.getByRole('link', { name: 'Yhdistetyt' }).click();
    await page.getByRole('row', { name: /CENTRIA AMMATTIKORKEAKOULU OY/ }).waitFor();
    await page.context().close();
  }, 120_000);

  it('a member reads a CORDIS organisation and the EU projects on a registry page', async () => {
    const page = await pageAs(kenno().member);
    await open(page, '/partners/cordis/999990003');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'LAPPEENRANNAN-LAHDEN TEKNILLINEN YLIOPISTO LUT',
    );
    expect(
      await page
        .getByRole('link', { name: 'Lappeenrannan-Lahden teknillinen yliopisto LUT' })
        .getAttribute('href'),
    ).toBe('/organisations/lut');
    await page.getByRole('rowheader', { name: /FIXCATHODE/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await open(page, '/organisations/centria');
    const section = page.getByRole('region', { name: 'EU-hankkeet (CORDIS)' });
    await section.getByRole('rowheader', { name: /FIXRECYCLE/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('asks a visitor to sign in', async () => {
    const page = await pageAs(null);
    await open(page, '/partners/cordis/999990003');
    expect(
      await page.locator('main').getByRole('link', { name: 'Kirjaudu sisään' }).getAttribute('href'),
    ).toBe('/sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
