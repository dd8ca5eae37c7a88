import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

/**
 * The taxonomy pages in a real browser: scheme navigation and trees, concept pages, an
 * admin's label edit with validation and the history that records it, ESCO search after an
 * import of the fixture through the API, and an axe scan of each.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures/esco');
const SCAN_TIMEOUT = 180_000;

async function newPage(locale = 'fi-FI', account: Account | null = null, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return page;
}

async function fetchConcept(id: string) {
  const response = await fetch(`${kenno().baseUrl}/api/concepts/${encodeURIComponent(id)}`);
  return (await response.json()) as { labels: Record<string, string>; altLabels: Record<string, string[]> };
}

/** Imports one ESCO fixture file through the import API as the admin, and waits for it. */
function importFixture(name: string, kind: string): Promise<void> {
  return importFile(kenno().baseUrl, kenno().admin, path.join(FIXTURES, name), kind);
}

describe('taxonomy pages', () => {
  it('browses a scheme as a tree and opens a concept page with its labels in three languages', async () => {
    const page = await newPage();
    await page.goto(`${kenno().baseUrl}/taxonomy`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Käsitteistöt');
    const nav = page.getByRole('navigation', { name: 'Käsitteistöt' });
    await nav.getByRole('link', { name: /Koulutustasot ja tutkinnot/ }).click();
    await expect.poll(() => page.locator('section.scheme h2').innerText()).toBe('Koulutustasot ja tutkinnot');
    expect(
      await nav.getByRole('link', { name: /Koulutustasot ja tutkinnot/ }).getAttribute('aria-current'),
    ).toBe('page');
    // The scheme can be downloaded as SKOS.
    const skos = page.getByRole('link', { name: /SKOS/ });
    expect(await skos.getAttribute('href')).toBe('/api/concept-schemes/education-levels/skos');
    // The tree: the qualification sits under its EQF level.
    const level4 = page.locator('.taxonomy__stage', {
      has: page.getByRole('link', { name: 'EQF-taso 4', exact: true }),
    });
    await expect.poll(() => level4.innerText()).toContain('Ammatillinen perustutkinto');
    await page.getByLabel('Suodata käsitteitä').fill('grundexamen');
    await expect.poll(() => page.locator('.taxonomy__stage').count()).toBe(1);

    await page.getByRole('link', { name: 'Ammatillinen perustutkinto', exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Ammatillinen perustutkinto');
    // Focus moved to the new page's heading for screen-reader and keyboard users.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const labels = await page.locator('.concept-labels').innerText();
    expect(labels).toContain('Yrkesinriktad grundexamen');
    expect(labels).toContain('Upper secondary vocational qualification');
    expect(await page.locator('main').innerText()).toContain('180 osaamispistettä (osp)');
    // Up the hierarchy from the breadcrumb.
    await page.locator('.breadcrumb').getByRole('link', { name: 'EQF-taso 4' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('EQF-taso 4');
    expect(await page.getByRole('heading', { name: 'Suppeammat käsitteet' }).count()).toBe(1);
    // No editing for visitors.
    expect(await page.getByRole('button', { name: 'Muokkaa käsitettä' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets an admin edit a label, refuses an empty one, and shows the change in the history', async () => {
    const page = await newPage('fi-FI', kenno().admin);
    await page.goto(`${kenno().baseUrl}/taxonomy?scheme=funding-instruments`);
    await page.getByRole('link', { name: 'Interreg Aurora', exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Interreg Aurora');
    await page.getByRole('button', { name: 'Muokkaa käsitettä' }).click();

    const fi = page.getByLabel('Nimitys suomeksi');
    const sv = page.getByLabel('Nimitys ruotsiksi');
    const en = page.getByLabel('Nimitys englanniksi');
    for (const field of [fi, sv, en]) await field.fill('');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect
      .poll(() => page.locator('.error-summary').innerText())
      .toContain('Anna nimitys vähintään yhdellä kielellä');
    expect(await fi.getAttribute('aria-invalid')).toBe('true');
    expect((await fetchConcept('funding.interreg.aurora')).labels.fi).toBe('Interreg Aurora');

    const label = `Interreg Aurora -ohjelma ${Date.now()}`;
    await fi.fill(label);
    await sv.fill('Interreg Aurora');
    await en.fill('Interreg Aurora');
    await page
      .getByLabel('Suomeksi', { exact: true })
      .fill('Aurora-ohjelma\nPohjoisen rajat ylittävä ohjelma');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect.poll(() => page.locator('.profile__status').innerText()).toContain('Muutokset tallennettu');
    await expect.poll(() => page.locator('h1').innerText()).toBe(label);

    const latest = page.locator('.concept-history__entry').first();
    await expect.poll(() => latest.innerText()).toContain('Muutettu · Aino Admin');
    expect(await latest.innerText()).toContain(label);
    expect(await latest.innerText()).toContain('Aurora-ohjelma');
    const stored = await fetchConcept('funding.interreg.aurora');
    expect(stored.labels.fi).toBe(label);
    expect(stored.altLabels.fi).toEqual(['Aurora-ohjelma', 'Pohjoisen rajat ylittävä ohjelma']);
    // After a reload the history is still there, read from the server.
    await page.reload();
    await expect.poll(() => page.locator('.concept-history__entry').first().innerText()).toContain(label);
    await page.context().close();
  });

  it('searches ESCO occupations after an import and links them with the battery job roles', async () => {
    await importFixture('occupations_en.csv', 'esco-occupations');
    await importFixture('occupations_fi.csv', 'esco-occupations');
    await importFixture('occupations_sv.csv', 'esco-occupations');
    const page = await newPage();
    await page.goto(`${kenno().baseUrl}/taxonomy?scheme=esco-occupations`);
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('3 käsitettä');
    await page.getByLabel('Hae käsitteitä').fill('hitsaaja');
    await expect.poll(() => page.locator('.concept-results__item').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('hitsaaja');
    await page.getByRole('link', { name: 'akkujen kokoonpanija' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('akkujen kokoonpanija');
    const main = await page.locator('main').innerText();
    expect(main).toContain('8212.3.1');
    expect(main).toContain('http://data.europa.eu/esco/occupation/718bba63-75b7-4b3a-9912-e201b729fe4c');
    await page.getByRole('link', { name: 'Akkukokoonpanija' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Akkukokoonpanija');
    expect(await page.getByRole('heading', { name: /Vastaa täsmälleen/ }).count()).toBe(1);
    await page.context().close();
  });
});

describe('taxonomy pages: accessibility (axe, WCAG 2.1 AA)', () => {
  it(
    'has no serious or critical violations on the scheme, tree, search and concept pages',
    async () => {
      const found: Record<string, string[]> = {};
      const pages = [
        '/taxonomy',
        '/taxonomy?scheme=regions',
        '/taxonomy?scheme=battery-job-roles',
        '/taxonomy?scheme=esco-skills',
        '/taxonomy?concept=municipality.285',
        '/taxonomy?concept=job-role.battery-system-engineer',
      ];
      for (const [locale, width] of [
        ['fi-FI', 1280],
        ['sv-FI', 375],
        ['en-GB', 1280],
      ] as const) {
        const page = await newPage(locale, null, width);
        for (const url of pages) {
          await page.goto(`${kenno().baseUrl}${url}`);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          const violations = await seriousViolations(page);
          if (violations.length) found[`${locale} ${url}`] = violations;
        }
        await page.context().close();
      }
      // The edit form, open, with an error shown.
      const admin = await newPage('fi-FI', kenno().admin);
      await admin.goto(`${kenno().baseUrl}/taxonomy?concept=edu.eqf-5`);
      await admin.getByRole('button', { name: 'Muokkaa käsitettä' }).click();
      for (const lang of ['suomeksi', 'ruotsiksi', 'englanniksi'])
        await admin.getByLabel(`Nimitys ${lang}`).fill('');
      await admin.getByRole('button', { name: 'Tallenna muutokset' }).click();
      await admin.locator('.error-summary').waitFor();
      const violations = await seriousViolations(admin);
      if (violations.length) found['edit form'] = violations;
      await admin.context().close();
      expect(found).toEqual({});
    },
    SCAN_TIMEOUT,
  );
});
