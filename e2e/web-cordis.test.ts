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
    await importFile(baseUrl, admin, path.join(FIXTURES, 'euroSciVoc.csv'), 'cordis-euroscivoc');
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

  it('a member opens an EU project from a track record: money, chart and participants', async () => {
    const page = await pageAs(kenno().member);
    await open(page, '/partners/cordis/999990003');
    await page.getByRole('link', { name: 'FIXCATHODE' }).click();
    await page.waitForURL('**/partners/cordis/projects/900000002');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: 'FIXCATHODE' }).waitFor();
    expect(await heading.innerText()).toBe(
      'FIXCATHODE: Low-cobalt cathode active materials for high-energy cells',
    );
    const table = page.getByRole('table', { name: /FIXCATHODE/ });
    const rows = table.getByRole('row');
    // Header, then the coordinator first, then by EU contribution.
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(1).innerText()).toMatch(/ACME "BATTERIES"[\s\S]*Koordinaattori/);
    expect(await rows.nth(2).innerText()).toMatch(/LAPPEENRANNAN-LAHDEN[\s\S]*Osallistuja[\s\S]*FI/);
    // The chart: one bar row per participant with money, drawn for sighted readers only.
    await page.locator('figure svg[aria-hidden="true"]').waitFor();
    expect(await page.getByText('Kokonaiskustannus').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /Avaa hanke CORDIS-palvelussa/ }).getAttribute('href')).toBe(
      'https://cordis.europa.eu/project/id/900000002',
    );
    // Each participant links to its CORDIS organisation page.
    await table.getByRole('link', { name: 'LAPPEENRANNAN-LAHDEN TEKNILLINEN YLIOPISTO LUT' }).click();
    await page.waitForURL('**/partners/cordis/999990003');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goBack();
    await heading.filter({ hasText: 'FIXCATHODE' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await open(page, '/partners/cordis/projects/900000001');
    await page
      .getByText(
        '/engineering and technology/environmental engineering/energy and fuels/energy storage/battery',
      )
      .waitFor();
    await open(page, '/partners/cordis/projects/123');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('EU-hanketta ei löydy');
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
