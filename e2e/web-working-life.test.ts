import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

/**
 * Teachers' working-life periods in the browser: a Centria teacher adds a profile with goals,
 * sees the matching host offers with reasons, plans a period at Umicore (dates, goals,
 * supervisor), moves it through its lifecycle and writes the follow-up report; the counts
 * follow. Then continuing education: a company registers interest, the provider sees it.
 * KENNO_SCREENSHOTS=<folder> keeps a screenshot of each page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function openContext(
  language: 'fi' | 'sv' | 'en',
  account?: Account,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: language, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.addInitScript((lang) => localStorage.setItem('kenno.language', lang), language);
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return { context, page };
}

/** A day `offset` days from today: the plan lies ahead of whenever the test runs. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.KENNO_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

describe('a teacher’s working-life period from profile to follow-up', () => {
  let periodPath = '';

  it('lets a member add their teacher profile with development goals', async () => {
    const { context, page } = await openContext('en', kenno().member);
    await page.goto(`${kenno().baseUrl}/working-life`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe("Teachers' working-life periods");
    // The demo: illustrative teachers, Umicore's completed period in the counts.
    await expect.poll(() => page.getByText('Aino Esimerkki').count()).toBeGreaterThan(0);
    const demoTeacher = page.locator('article', { has: page.getByRole('link', { name: 'Aino Esimerkki' }) });
    expect(await demoTeacher.textContent()).toContain('Illustrative, not a real person');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'working-life');

    await page.getByRole('button', { name: 'Add your teacher profile' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Maija Opettaja');
    await page
      .getByLabel('Development goals')
      .fill('Hydrometallurgy and sulphate chemistry for my process course');
    await page.getByRole('checkbox', { name: 'Hydrometallurgical recycling' }).check();
    await page.getByRole('checkbox', { name: /^Metal sulphates/ }).check();
    await page.getByRole('checkbox', { name: 'Swedish' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/working-life\/teachers\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Maija Opettaja');
    await context.close();
  });

  it('shows the matching host offers with reasons and plans a period at the best one', async () => {
    const { context, page } = await openContext('en', kenno().member);
    await page.goto(`${kenno().baseUrl}/working-life`);
    await page.getByRole('link', { name: 'Maija Opettaja' }).click();
    const matches = page.locator('ol.wl-matches > li');
    await expect.poll(() => matches.count()).toBeGreaterThan(1);
    const best = matches.first();
    expect(await best.getByRole('heading').textContent()).toBe(
      'Working-life period at the cobalt refinery and precursor plant',
    );
    const reasons = await best.getByRole('list', { name: 'Why it fits' }).textContent();
    expect(reasons).toContain('Goal Metal sulphates (Ni, Co, Mn sulphate): exactly what the host does');
    expect(reasons).toContain('In the same region (Kokkola)');
    expect(reasons).toContain('Common language: Finnish, Swedish');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'teacher');

    await best.getByRole('button', { name: 'Plan a period at Umicore Finland Oy' }).click();
    await page.getByLabel('Starts').fill(day(90));
    await page.getByLabel('Ends').fill(day(115));
    await page.getByLabel('Supervisor at the host').fill('Process engineer on duty');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.waitForURL(/\/working-life\/periods\//);
    periodPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('.wl-status-line').textContent()).toBe('Status: Planned');
    expect(await page.locator('dl.wl-facts').textContent()).toContain('Process engineer on duty');
    // The report waits for the end date.
    expect(await page.getByText(/The follow-up report can be written from the end date/).count()).toBe(1);
    await context.close();
  });

  it('moves the period on and takes the follow-up report, which the counts then show', async () => {
    const before = (await (await fetch(`${kenno().baseUrl}/api/working-life/summary`)).json()) as {
      byStatus: { completed: number };
      followUps: number;
    };
    const { context, page } = await openContext('en', kenno().member);
    await page.goto(`${kenno().baseUrl}${periodPath}`);
    await page.getByRole('button', { name: 'Mark as started' }).click();
    await expect.poll(() => page.locator('.wl-status-line').textContent()).toBe('Status: Ongoing');
    await page.getByRole('button', { name: 'Mark as completed' }).click();
    await expect.poll(() => page.locator('.wl-status-line').textContent()).toBe('Status: Completed');

    await page
      .getByLabel('How the goals were met')
      .fill('Saw leaching, solvent extraction and crystallisation.');
    await page.getByLabel('Changes to teaching').fill('A crystallisation exercise with plant data.');
    await page.getByLabel('Days at the host').fill('20');
    await page.getByLabel('Rating of the period').selectOption('5');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Follow-up report saved');
    const report = page.locator('section', { has: page.getByRole('heading', { name: 'Follow-up report' }) });
    expect(await report.textContent()).toContain('A crystallisation exercise with plant data.');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'period');

    const after = (await (
      await fetch(`${kenno().baseUrl}/api/working-life/summary`)
    ).json()) as typeof before;
    expect(after.byStatus.completed).toBe(before.byStatus.completed + 1);
    expect(after.followUps).toBe(before.followUps + 1);
    await context.close();
  });

  it('reads in Finnish and Swedish too (Swedish on a phone), without accessibility problems', async () => {
    for (const [language, heading, width] of [
      ['fi', 'Opettajien työelämäjaksot', 1280],
      ['sv', 'Lärarnas arbetslivsperioder', 375],
    ] as const) {
      const { context, page } = await openContext(language, kenno().coordinator, width);
      await page.goto(`${kenno().baseUrl}/working-life`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      await expect.poll(() => page.locator('.wl-figure').count()).toBeGreaterThan(3);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `working-life-${language}`);
      await context.close();
    }
  });
});

describe('continuing education with enrolment interest', () => {
  const COURSE = 'Battery cluster continuing education (Southeast Finland)';

  it('lets a member organisation say it is interested, with a headcount', async () => {
    const { context, page } = await openContext('en', kenno().member);
    await page.goto(`${kenno().baseUrl}/continuing-education`);
    const card = page.locator('article', { hasText: COURSE });
    await expect.poll(() => card.count()).toBe(1);
    // Another institution's course: no interest figures for this member.
    expect(await card.textContent()).not.toContain('Interest so far');
    await card.getByRole('button', { name: `We are interested: ${COURSE}` }).click();
    await card.getByLabel('Participants').fill('6');
    await card.getByLabel('Message to the provider').fill('Laboratory staff, spring 2027');
    await card.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('p.form__status').textContent()).toContain('Interest registered');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the interest to an admin (as to the provider and its region’s coordinator)', async () => {
    const { context, page } = await openContext('en', kenno().admin);
    await page.goto(`${kenno().baseUrl}/continuing-education`);
    const received = page.locator('section', {
      has: page.getByRole('heading', { name: 'Interest received' }),
    });
    await expect.poll(() => received.textContent()).toContain('Laboratory staff, spring 2027');
    const card = page.locator('article', { hasText: COURSE });
    await expect.poll(() => card.textContent()).toContain('6 participants (organisations: 1)');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'continuing-education');
    await context.close();
  });
});
