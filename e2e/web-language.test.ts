import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Every visible text node on the page, in document order. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent?.checkVisibility()) continue;
      texts.push(text);
    }
    return texts;
  });
}

async function switchTo(page: Page, name: string, lang: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

// Names that are the same in every language: the product and the languages' own names.
const SAME_IN_EVERY_LANGUAGE = new Set(['Kenno', 'Suomi', 'Svenska', 'English']);

describe('language switch', () => {
  it('changes every visible string, <html lang> and the title, and the choice survives a reload', async () => {
    const { baseUrl } = kenno();
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    // A page with no user content (challenge titles stay in their own language): the KPI
    // dashboard as a visitor sees it (a sign-in notice, no figures).
    await page.goto(`${baseUrl}/reports`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Verkoston tunnusluvut');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    const finnish = await visibleTexts(page);
    const finnishTitle = await page.title();

    for (const [name, lang, heading] of [
      ['Svenska', 'sv', 'Nätverkets nyckeltal'],
      ['English', 'en', 'Network KPIs'],
    ] as const) {
      await switchTo(page, name, lang);
      await expect.poll(() => page.locator('h1').innerText()).toBe(heading);
      const translated = await visibleTexts(page);
      expect(translated).toHaveLength(finnish.length);
      const unchanged = finnish.filter(
        (text, i) => text === translated[i] && !SAME_IN_EVERY_LANGUAGE.has(text),
      );
      expect(unchanged).toEqual([]);
      expect(await page.title()).not.toBe(finnishTitle);
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');
    }

    // The choice is remembered over the browser's own language.
    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Network KPIs');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await switchTo(page, 'Svenska', 'sv');
    await page.goto(`${baseUrl}/`);
    // Region names and stated specialisations come in the UI language too.
    await expect.poll(() => page.locator('main').innerText()).toContain('Karleby');
    expect((await page.locator('main').innerText()).toLowerCase()).toContain('specialisering');
    await context.close();
  });

  it("starts in the browser's language when nothing is stored, and in Finnish otherwise", async () => {
    const { baseUrl } = kenno();
    for (const [locale, lang, nav] of [
      ['sv-FI', 'sv', 'Organisationer'],
      ['en-GB', 'en', 'Organisations'],
      ['de-DE', 'fi', 'Organisaatiot'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect.poll(() => page.getByRole('navigation').first().innerText()).toContain(nav);
      await context.close();
    }
  });
});
