import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

// Partner search in a real browser: a search typed and submitted by keyboard, results with their
// reasons, choosing a partner (it moves to "chosen partners" and out of the results), Finnish
// labels, and axe on the page.

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signInThroughUi(page, kenno().baseUrl, kenno().admin);
});
afterAll(async () => browser?.close());

describe('the partner search page', () => {
  it('finds partners for a free text by keyboard alone, with reasons', async () => {
    await page.goto(`${kenno().baseUrl}/partners`);
    await page.getByRole('heading', { level: 1, name: 'Partner search' }).waitFor();
    await page.getByRole('radio', { name: 'Free text' }).check();
    await page.getByLabel('What are you looking for?').focus();
    await page.keyboard.type('battery recycling and black mass leaching');
    // Tab to the search button and press it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      if (
        await page
          .getByRole('button', { name: 'Search partners' })
          .evaluate((b) => b === document.activeElement)
      )
        break;
    }
    await page.keyboard.press('Enter');
    const results = page.locator('.partners__results > li');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/match/);
    // Every result says why it is there.
    const firstReasons = await results.first().locator('.partners__reasons li').allTextContents();
    expect(firstReasons.length).toBeGreaterThan(0);
    expect(firstReasons.join(' ')).toMatch(/Works on|mentions|related EU project|Adds what/);
    expect(page.url()).toContain('mode=text');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('moves a chosen partner out of the results into the chosen list', async () => {
    const results = page.locator('.partners__results > li');
    const name = (await results.first().locator('h3').textContent())!.trim();
    await results.first().getByRole('button', { name: 'Choose as a partner' }).click();
    const chosen = page.getByRole('region', { name: 'Chosen partners' });
    await chosen.waitFor();
    await expect.poll(() => chosen.textContent()).toContain(name);
    await expect
      .poll(async () => (await page.locator('.partners__results h3').allTextContents()).map((t) => t.trim()))
      .not.toContain(name);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks Finnish', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    const fi = await context.newPage();
    await signInThroughUi(fi, kenno().baseUrl, kenno().admin);
    await fi.goto(`${kenno().baseUrl}/partners?mode=text&q=${encodeURIComponent('akkujen kierrätys')}`);
    await fi.getByRole('heading', { level: 1, name: 'Kumppanihaku' }).waitFor();
    await fi.locator('.partners__results > li').first().waitFor();
    expect(await fi.getByRole('button', { name: 'Valitse kumppaniksi' }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
