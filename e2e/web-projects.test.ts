import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApi } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

// The projects module end to end, in a real browser against a real `kenno start`: a common
// challenge → a project idea → instrument and call → moved on the pipeline board with the
// keyboard → partner search adds a partner → the consortium page turns the eligibility check
// green → the KPI dashboard counts the submitted consortium. Axe on every page of the pipeline.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const SHOTS = process.env.KENNO_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function contextFor(
  locale: string,
  account: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInThroughUi(page, kenno().baseUrl, account);
  return { context, page };
}

type Kpis = {
  tracks: { track: string; reached: number }[];
  projectList: { id: string; countsTowardTarget: boolean }[];
};

const RUN = Date.now().toString(36);
const TITLE = `Joint black-mass pilot ${RUN}`;
const story = { projectId: '', heReachedBefore: 0 };

describe('from a common challenge to a Horizon Europe consortium on the KPI dashboard', () => {
  it('a coordinator starts a project idea from a common challenge', { timeout: 120_000 }, async () => {
    const admin = await signedInApi(kenno().baseUrl, kenno().admin);
    const before = await admin<Kpis>('GET', '/kpis');
    story.heReachedBefore = before.tracks.find((t) => t.track === 'horizon_europe')!.reached;

    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/challenges/common`);
    const card = page.locator('.cc-card').first();
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.getByRole('button', { name: 'Start a project idea' }).click();
    await card.getByLabel('Name of the project idea').fill(TITLE);
    await card.getByRole('button', { name: 'Create the project idea' }).click();
    await page.waitForURL((url) => /^\/projects\/[^/]+$/.test(url.pathname));
    story.projectId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.locator('h1').innerText()).toBe(TITLE);
    // The idea is at the first stage of the pipeline.
    expect(await page.locator('.pl-step[aria-current="step"]').innerText()).toContain('Idea');
    await context.close();
  });

  it('gets an instrument and a call, and moves on the board with the keyboard', {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}`);
    await page.getByLabel('Instrument', { exact: true }).selectOption('funding.horizon-europe.ia');
    await page.getByLabel('Call', { exact: true }).selectOption('demo-call-horizon-cl5-2027-05-d2-08');
    await page.getByRole('button', { name: 'Save funding' }).click();
    const funding = page.locator('section[aria-labelledby="pl-funding-heading"]');
    await expect.poll(() => funding.locator('.pl-facts').innerText()).toContain('HORIZON-CL5-2027-05-D2-08');
    expect(await funding.locator('.pl-facts').innerText()).toContain('Horizon Europe: Innovation Action');
    expect(await funding.locator('.pl-due').innerText()).toMatch(/\d+ days left/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'project-page');

    // The board: the card sits under Idea; its forward button, reached by keyboard, moves it.
    await page.goto(`${kenno().baseUrl}/projects`);
    const ideaColumn = page.locator('.pl-column--idea');
    await expect.poll(() => ideaColumn.getByRole('link', { name: TITLE }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'pipeline-board');
    for (const next of ['Concept note', 'Consortium']) {
      const forward = page.getByRole('button', { name: `Move “${TITLE}” to ${next}` });
      await forward.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() =>
          page
            .locator(`.pl-column--${next === 'Consortium' ? 'consortium' : 'concept_note'}`)
            .getByRole('link', { name: TITLE })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.getByText(`“${TITLE}” moved to ${next}.`).count()).toBe(1);
      // The moved card's title link has the focus again.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(TITLE);
    }
    // The table view lists it with its call deadline.
    await page.getByLabel('Table').check();
    const row = page.locator('.pl-table tbody tr', { hasText: TITLE });
    await expect.poll(() => row.innerText()).toContain('Consortium');
    expect(await row.innerText()).toContain('HORIZON-CL5-2027-05-D2-08');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('partner search adds a partner; the consortium turns eligible', { timeout: 240_000 }, async () => {
    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}`);
    await page.getByRole('link', { name: 'Find partners' }).click();
    await page.waitForURL((url) => url.pathname === '/partners' && url.search.includes(story.projectId));
    const results = page.locator('.partners__result');
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // A Finnish organisation of the registry from the results.
    const finnish = results.filter({ hasText: 'registry' }).first();
    const partnerName = (await finnish.locator('.card__title').innerText()).trim();
    const added = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/projects/${story.projectId}/partners`),
    );
    await finnish.getByRole('button', { name: 'Add to the project' }).click();
    expect((await added).status()).toBe(201);
    await shot(page, 'partner-search');

    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}/consortium`);
    await expect
      .poll(() => page.locator('.cn-table').first().innerText(), { timeout: 60_000 })
      .toContain(partnerName);
    const verdict = page.locator('.cn-verdict').first();
    await expect.poll(() => verdict.innerText()).toContain('Not yet eligible');
    // Two partners from other programme countries: Germany (a Member State) and Norway (associated).
    for (const [name, country] of [
      [`Batterie Forschung GmbH ${RUN}`, 'DE'],
      [`Norsk Batteri AS ${RUN}`, 'NO'],
    ] as const) {
      const form = page.getByRole('form', { name: 'Add a partner' });
      // The form stays open after an addition.
      if (!(await form.isVisible())) await page.getByText('Add a partner', { exact: true }).click();
      // After an addition the form empties itself: fill it only then.
      await expect.poll(() => form.getByLabel('Name').inputValue()).toBe('');
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Country code').fill(country);
      await form.getByLabel('Personnel costs (€)').fill('200000');
      await form.getByRole('button', { name: 'Add partner' }).click();
      await expect
        .poll(() => page.locator('.cn-table').first().innerText(), { timeout: 60_000 })
        .toContain(name);
    }
    await expect
      .poll(() => verdict.innerText(), { timeout: 60_000 })
      .toContain('Eligible as a Horizon Europe IA consortium');
    await shot(page, 'consortium-eligible');
    await context.close();
  });

  it('submitted, the consortium counts toward the Horizon Europe target on the KPI dashboard', {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}`);
    const stage = page.locator('section[aria-labelledby="pl-stage-heading"]');
    for (const next of ['Proposal', 'Submitted']) {
      await stage.getByRole('button', { name: `To ${next}` }).click();
      await expect.poll(() => stage.locator('.pl-step[aria-current="step"]').innerText()).toContain(next);
    }
    // The partner count and the applied-for sum of the budget sketch show on the page.
    expect(await page.locator('.pl-consortium').innerText()).toContain('3 partners');
    expect(await page.locator('section[aria-labelledby="pl-funding-heading"] .pl-facts').innerText()).toMatch(
      /Applied for\s+[\d,]+ €/,
    );

    await page.goto(`${kenno().baseUrl}/reports`);
    const he = page.locator('.kpi-target', { hasText: 'Horizon Europe' });
    await expect
      .poll(() => he.locator('.kpi-target__reached').innerText())
      .toBe(String(story.heReachedBefore + 1));
    const row = page.locator('.pl-table tbody tr', { hasText: TITLE });
    expect(await row.innerText()).toContain('Submitted');
    expect(await row.locator('.badge', { hasText: 'Counts' }).count()).toBe(1);
    // The funder report downloads as a spreadsheet and a PDF.
    for (const [name, type] of [
      ['Download XLSX', 'spreadsheetml'],
      ['Download PDF', 'application/pdf'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const file = await page.request.get(`${kenno().baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'kpi-dashboard');

    await page.goto(`${kenno().baseUrl}/projects/calls`);
    await expect.poll(() => page.getByText('HORIZON-CL5-2027-05-D2-08').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
