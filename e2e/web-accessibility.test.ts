import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

// Each scan takes a second or two; a test scans many pages.
const SCAN_TIMEOUT = 180_000;

const PUBLIC_PAGES = [
  '/',
  '/organisations',
  '/organisations?region=kokkola',
  '/organisations/centria',
  '/taxonomy',
  '/sign-in',
  '/challenges',
  '/challenges/common',
  '/challenges/new',
  '/projects',
  '/notifications',
  '/skills',
  '/training-paths',
  '/sites',
  '/reports',
  '/accessibility',
  '/privacy',
  '/no-such-page',
];

async function openPage(page: Page, path: string) {
  await page.goto(`${kenno().baseUrl}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const width of [1280, 375]) {
    it(
      `has no serious or critical violations on the main pages at ${width} px`,
      async () => {
        const context = await browser.newContext({ locale: 'fi-FI', viewport: { width, height: 900 } });
        const page = await context.newPage();
        const found: Record<string, string[]> = {};
        for (const path of PUBLIC_PAGES) {
          await openPage(page, path);
          const violations = await seriousViolations(page);
          if (violations.length) found[path] = violations;
        }
        if (width === 375) {
          // The collapsed menu, opened.
          await openPage(page, '/organisations');
          await page.getByRole('button', { name: 'Valikko' }).click();
          expect(await page.getByRole('button', { name: 'Valikko' }).getAttribute('aria-expanded')).toBe(
            'true',
          );
          const violations = await seriousViolations(page);
          if (violations.length) found['menu open'] = violations;
        }
        expect(found).toEqual({});
        await context.close();
      },
      SCAN_TIMEOUT,
    );
  }

  it(
    'has no serious or critical violations in Swedish and English',
    async () => {
      const found: Record<string, string[]> = {};
      for (const locale of ['sv-FI', 'en-GB']) {
        const context = await browser.newContext({ locale });
        const page = await context.newPage();
        for (const path of ['/', '/organisations', '/organisations/centria', '/taxonomy']) {
          await openPage(page, path);
          const violations = await seriousViolations(page);
          if (violations.length) found[`${locale} ${path}`] = violations;
        }
        await context.close();
      }
      expect(found).toEqual({});
    },
    SCAN_TIMEOUT,
  );

  it(
    'has no serious or critical violations on signed-in pages: account, edit form, user menu',
    async () => {
      const context = await browser.newContext({ locale: 'fi-FI' });
      const page = await context.newPage();
      await signInThroughUi(page, kenno().baseUrl, kenno().admin);
      const found: Record<string, string[]> = {};
      await openPage(page, '/account');
      await page.getByLabel('Avaimen nimi').fill('axe');
      await page.getByRole('button', { name: 'Luo avain' }).click();
      await page.getByLabel('Uusi API-avain').waitFor();
      found.account = await seriousViolations(page);
      await page.locator('.user-menu__button').click();
      found['user menu'] = await seriousViolations(page);
      await openPage(page, '/organisations/centria');
      await page.getByRole('button', { name: 'Muokkaa profiilia' }).click();
      await page.getByLabel('Nimi (pakollinen)').fill('');
      await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
      await page.locator('.error-summary').waitFor();
      found['edit form with errors'] = await seriousViolations(page);
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
      await context.close();
    },
    SCAN_TIMEOUT,
  );

  it('starts with a skip link to the main content', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    await openPage(page, '/organisations');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.innerText()).toBe('Siirry pääsisältöön');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('Organisaatiot');
    await context.close();
  });
});
