import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApi } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

// The consortium page in a real browser: partners table, eligibility checklist turning green
// when a partner is added through the form, the budget of the rules.md worked example, the
// builder with a swap, and the admin's programme countries; axe on both pages.

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
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughUi(page, kenno().baseUrl, account);
  return { context, page };
}

const RUN = Date.now().toString(36);
const story = { projectId: '' };

describe('the consortium page', () => {
  it('sets the scene: a Horizon Europe IA project idea with two partners', async () => {
    const admin = await signedInApi(kenno().baseUrl, kenno().admin);
    const challenge = await admin<{ id: string }>('POST', '/challenges', {
      title: `Kierrätetyn katodimateriaalin pilotointi ${RUN}`,
      description:
        'Haluamme pilotoida kierrätetystä mustasta massasta valmistetun NMC-katodimateriaalin kennoissa ja verrata sitä neitseelliseen materiaaliin.',
      language: 'fi',
      regionId: 'kokkola',
      organisationId: null,
    });
    const project = await admin<{ id: string }>('POST', '/projects', {
      title: `Loop-CAM ${RUN}`,
      summary: 'Recycled cathode active material from black mass, tested in cells.',
      sourceClusterId: null,
      challengeIds: [challenge.id],
    });
    story.projectId = project.id;
    await admin('PATCH', `/projects/${project.id}`, { instrumentId: 'funding.horizon-europe.ia' });
    await admin('POST', `/projects/${project.id}/partners`, {
      name: 'Centria',
      country: 'FI',
      role: 'coordinator',
      organisationId: 'centria',
      isNonProfit: true,
      personnelEur: 250_000,
      otherEur: 40_000,
    });
    await admin('POST', `/projects/${project.id}/partners`, {
      name: 'Kathoden GmbH',
      country: 'DE',
      role: 'beneficiary',
      personnelEur: 300_000,
      subcontractingEur: 50_000,
      otherEur: 50_000,
    });
  });

  it('shows the check red, then green after a partner is added through the form; the budget follows rules.md', async () => {
    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}/consortium`);
    await expect.poll(() => page.locator('h1').innerText()).toContain('Consortium');
    const verdict = page.locator('.cn-verdict').first();
    await expect
      .poll(() => verdict.innerText())
      .toContain('Not yet eligible as a Horizon Europe IA consortium');
    await expect
      .poll(() =>
        page
          .getByText('Only 2 counted in Member States or Associated Countries; 3 needed.', { exact: false })
          .count(),
      )
      .toBe(1);
    // The worked example: IA company, 400,000 direct incl. 50,000 subcontracting → grant 341,250.
    const kathoden = page.locator('.cn-budget tbody tr', { hasText: 'Kathoden GmbH' });
    await expect.poll(() => kathoden.innerText()).toContain('487,500 €');
    expect(await kathoden.innerText()).toContain('341,250 €');
    expect(await kathoden.innerText()).toContain('70 %');
    await shot(page, 'consortium-red');

    await page.getByText('Add a partner', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a partner' });
    await form.getByLabel('Name').fill('Norsk Batteri AS');
    await form.getByLabel('Country code').fill('NO');
    await form.getByLabel('Personnel costs (€)').fill('100000');
    await form.getByRole('button', { name: 'Add partner' }).click();
    await expect.poll(() => verdict.innerText()).toContain('Eligible as a Horizon Europe IA consortium');
    await expect.poll(() => page.locator('.cn-table:not(.cn-budget) tbody tr').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'consortium-green');
    await context.close();
  }, 90_000);

  it('the builder proposes sets covering the stages; swapping a member updates the check at once', async () => {
    const { context, page } = await contextFor('en-GB', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/projects/${story.projectId}/consortium`);
    const builder = page.locator('.cn-builder');
    // Built around the three partners the project has (Finland, Germany, Norway).
    expect(await builder.getByLabel('Keep the 3 current partners').isChecked()).toBe(true);
    // At most three members: the three current ones (other tests may have imported more foreign
    // candidates into this server, which a bigger set could take in).
    await builder.getByLabel('Largest size').fill('3');
    await builder.getByRole('button', { name: 'Suggest consortia' }).click();
    const cards = page.locator('.cn-suggestion');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const first = cards.first();
    expect(await first.locator('.cn-verdict').innerText()).toContain('Eligible');
    expect(await first.locator('.cn-chip--covered').count()).toBeGreaterThan(0);
    expect(await first.getByRole('rowheader', { name: /Norsk Batteri AS/ }).count()).toBe(1);
    expect(await first.locator('.cn-tradeoffs li').count()).toBeGreaterThan(0);
    await shot(page, 'consortium-builder');
    // Swap Norway for a Finnish candidate: only Finland and Germany remain, the check turns red.
    const swap = first.getByLabel('Swap Norsk Batteri AS for another candidate');
    const finnish = await swap.locator('option', { hasText: '(FI)' }).first().getAttribute('value');
    await swap.selectOption(finnish!);
    await expect.poll(() => first.locator('.badge', { hasText: 'changed by you' }).count()).toBe(1);
    await expect.poll(() => first.locator('.cn-verdict').innerText()).toContain('Not yet eligible');
    expect(await first.getByRole('rowheader', { name: /Norsk Batteri AS/ }).count()).toBe(0);
    await shot(page, 'consortium-swapped');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('an admin edits the programme countries; the page is axe-clean in Finnish', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().admin);
    await page.goto(`${kenno().baseUrl}/admin/programme-countries`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Horisontti Euroopan ohjelmamaat');
    await expect.poll(() => page.locator('#pc-member_state').count()).toBe(1);
    expect(
      await page
        .locator('section', { has: page.locator('#pc-member_state') })
        .locator('tbody tr')
        .count(),
    ).toBe(27);
    await page.getByRole('button', { name: 'Muokkaa Islanti' }).click();
    await page.getByLabel('Lähde').fill(`Checked ${RUN}`);
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByText(`Checked ${RUN}`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'programme-countries');
    await context.close();
  }, 90_000);
});
