import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApi } from './api-client.ts';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

// The challenges module end to end, in a real browser against a real `kenno start`:
// submit → similar challenges → merge a duplicate → the old address → common challenges →
// a project idea; plus the Swedish UI and an axe scan of every new page.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function contextFor(
  locale: string,
  account?: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return { context, page };
}

const idFrom = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

// A tag that keeps this file's challenges apart from anything else on the shared server.
const RUN = Date.now().toString(36);
const SUBMITTED = `Litiumin talteenotto mustasta massasta ${RUN}`;
const SWEDISH = `Återvinning av litium ur svart massa ${RUN}`;
const DUPLICATE = `Mustan massan litiumin kierrätys ${RUN}`;

/** Filled in as the story goes on. */
const story = { submittedId: '', swedishId: '', duplicateId: '', projectId: '', projectTitle: '' };

describe('challenges, from a submission to a project idea', () => {
  it('sets the scene: a Swedish challenge in Vaasa and a Finnish duplicate in Kokkola', async () => {
    const admin = await signedInApi(kenno().baseUrl, kenno().admin);
    const swedish = await admin<{ id: string; conceptIds: string[] }>('POST', '/challenges', {
      title: SWEDISH,
      description:
        'Vi söker en hydrometallurgisk process för att återvinna litium och kobolt ur svart massa från batteriåtervinning. Lakningen förbrukar svavelsyra och ger natriumsulfat.',
      language: 'sv',
      regionId: 'vaasa',
      organisationId: null,
    });
    const duplicate = await admin<{ id: string }>('POST', '/challenges', {
      title: DUPLICATE,
      description:
        'Litiumin ja koboltin hydrometallurginen talteenotto akkujen kierrätyksen mustasta massasta. Liuotus kuluttaa rikkihappoa ja tuottaa natriumsulfaattia.',
      language: 'fi',
      regionId: 'kokkola',
      organisationId: null,
    });
    story.swedishId = swedish.id;
    story.duplicateId = duplicate.id;
    expect(swedish.conceptIds.length).toBeGreaterThan(0);
  });

  it('a member submits a challenge: concepts are suggested while typing, one is removed, the page shows it', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().member);
    await page.goto(`${kenno().baseUrl}/challenges`);
    await page.getByRole('link', { name: 'Jätä haaste' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Jätä haaste');
    // Defaults: the UI language, the member's organisation and its region.
    const form = page.locator('main form');
    expect(await form.getByLabel('Kieli', { exact: true }).inputValue()).toBe('fi');
    await expect.poll(() => form.getByLabel('Alue', { exact: true }).inputValue()).toBe('kokkola');
    await expect.poll(() => form.getByLabel('Organisaatio', { exact: true }).inputValue()).toBe('centria');

    await page.getByLabel('Otsikko (pakollinen)').fill(SUBMITTED);
    await page
      .getByLabel('Kuvaus (pakollinen)')
      .fill(
        'Tarvitsemme hydrometallurgisen prosessin litiumin ja koboltin talteenottoon akkujen kierrätyksen mustasta massasta. Rikkihapon kulutus ja natriumsulfaatti ovat ongelma.',
      );
    const chips = page.getByRole('list', { name: 'Valitut käsitteet' }).getByRole('listitem');
    await expect.poll(() => chips.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kenno ehdottaa' }).count()).toBe(1);
    const before = await chips.count();
    const removed = (await chips.first().innerText()).split('(')[0]!.trim();
    await page.getByRole('button', { name: `Poista käsite ${removed}` }).click();
    await expect.poll(() => chips.count()).toBe(before - 1);

    // TRL wanted below TRL now is refused before anything is sent.
    await page.getByLabel('Valmiustaso nyt').selectOption('6');
    await page.getByLabel('Tavoiteltu valmiustaso').selectOption('3');
    await page.getByRole('button', { name: 'Jätä haaste' }).click();
    await expect
      .poll(() => page.locator('.error-summary').innerText())
      .toContain('Tavoiteltu valmiustaso ei voi olla nykyistä pienempi.');
    await page.getByLabel('Tavoiteltu valmiustaso').selectOption('8');
    await page.getByLabel('Keskipitkä (2–5 vuotta)').check();
    await page.getByRole('button', { name: 'Jätä haaste' }).click();

    await page.waitForURL(
      (url) => /^\/challenges\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
    );
    story.submittedId = idFrom(page.url());
    await expect.poll(() => page.locator('h1').innerText()).toBe(SUBMITTED);
    expect(await page.getByRole('status').filter({ hasText: 'Haaste on jätetty' }).count()).toBe(1);
    const shown = await page.locator('section[aria-labelledby="ch-concepts-heading"] .chip').allInnerTexts();
    expect(shown.length).toBe(before - 1);
    expect(shown).not.toContain(removed);
    const facts = await page.locator('.facts').innerText();
    expect(facts).toContain('Centria');
    expect(facts).toContain('Kokkola');
    expect(facts).toContain('TRL-taso 6');
    expect(facts).toContain('TRL-taso 8');
    expect(facts).toContain('Keskipitkä (2–5 vuotta)');
    await context.close();
  });

  it('shows similar challenges on its page, across languages, with the reasons', async () => {
    const { context, page } = await contextFor('fi-FI');
    await page.goto(`${kenno().baseUrl}/challenges/${story.submittedId}`);
    const panel = page.getByRole('region', { name: 'Samankaltaiset haasteet' });
    await expect
      .poll(() => panel.getByRole('link').allInnerTexts(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([SWEDISH, DUPLICATE]));
    const swedishItem = panel
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: SWEDISH }) });
    expect(await swedishItem.innerText()).toContain('Kirjoitettu ruotsiksi');
    expect(await swedishItem.innerText()).toMatch(/Samankaltaisuus \d+ %/);
    // Shared concepts as chips, and the languages the match crossed.
    expect(await swedishItem.locator('.ch-reasons').innerText()).toMatch(/Yhteiset käsitteet|Yhteiset sanat/);
    expect(await swedishItem.locator('.ch-reasons').innerText()).toContain('Kielten välillä');
    await context.close();
  });

  it('a coordinator merges the duplicate into it after confirming; the old address shows the survivor', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/challenges/${story.duplicateId}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(DUPLICATE);
    await page.getByRole('button', { name: 'Yhdistä toiseen haasteeseen…' }).click();
    await page.getByRole('radio', { name: SUBMITTED }).check();
    await page.getByRole('button', { name: 'Jatka vahvistukseen' }).click();
    const confirm = page.getByRole('region', { name: 'Vahvista yhdistäminen' });
    expect(await confirm.innerText()).toContain(`”${DUPLICATE}” yhdistetään haasteeseen ”${SUBMITTED}”`);
    await confirm.getByRole('button', { name: 'Yhdistä', exact: true }).click();

    await page.waitForURL(`${kenno().baseUrl}/challenges/${story.submittedId}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(SUBMITTED);
    expect(await page.getByText('Haaste on yhdistetty tähän').count()).toBe(1);
    expect(await page.locator('.ch-timeline').innerText()).toContain(
      `Tähän yhdistettiin haaste ”${DUPLICATE}”.`,
    );

    // Someone with the old link, later: the address leads to the survivor, with a notice.
    const { context: later, page: visitor } = await contextFor('fi-FI');
    await visitor.goto(`${kenno().baseUrl}/challenges/${story.duplicateId}`);
    await visitor.waitForURL(`${kenno().baseUrl}/challenges/${story.submittedId}`);
    await expect.poll(() => visitor.locator('h1').innerText()).toBe(SUBMITTED);
    expect(await visitor.locator('.notice').first().innerText()).toContain(`Avaamasi haaste ”${DUPLICATE}”`);
    await later.close();
    await context.close();
  });

  it('tells the author about the merge: the bell counts it, the list links to the challenge', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().member);
    const bell = page.getByRole('button', { name: /^Ilmoitukset, \d+ lukemato/ });
    await expect.poll(() => bell.count(), { timeout: 10_000 }).toBe(1);
    await bell.click();
    const sentence = `Kalle Koordinaattori yhdisti haasteen ”${DUPLICATE}” haasteeseen ”${SUBMITTED}”`;
    expect(await page.locator('.nt-bell__panel').getByRole('link', { name: sentence }).count()).toBe(1);
    await page.getByRole('link', { name: 'Kaikki ilmoitukset' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Ilmoitukset');
    await page.getByRole('button', { name: 'Merkitse kaikki luetuiksi' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'lukemat' }).innerText())
      .toBe('0 lukematonta ilmoitusta');
    expect(await page.getByRole('button', { name: 'Ilmoitukset', exact: true }).count()).toBe(1);
    await page.locator('main').getByRole('link', { name: sentence }).click();
    // The link names the merged duplicate; its address leads to the survivor.
    await page.waitForURL(`${kenno().baseUrl}/challenges/${story.submittedId}`);
    await context.close();
  });

  it('shows a common challenge spanning Kokkola and Vaasa, on a map, and starts a project idea from it', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/challenges`);
    await page.getByRole('link', { name: 'Yhteiset haasteet' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Yhteiset haasteet');
    const card = page.locator('.cc-card').filter({ has: page.getByRole('link', { name: SUBMITTED }) });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByRole('link', { name: SWEDISH }).count()).toBe(1);
    // The merged duplicate is no member of its own.
    expect(await card.getByRole('link', { name: DUPLICATE }).count()).toBe(0);
    const regions = await card.locator('.cc-chip--region').allInnerTexts();
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(regions).toEqual(expect.arrayContaining(['Kokkola', 'Vaasa']));
    await expect.poll(() => card.locator('.eco-map__region--highlight').count()).toBe(regions.length);
    expect(await card.locator('figcaption').innerText()).toContain('Kokkola');
    // The cluster's workshop file downloads as a real spreadsheet.
    const xlsx = await card.getByRole('link', { name: /^XLSX/ }).getAttribute('href');
    expect(xlsx).toMatch(/^\/api\/challenges\/common\/export\?format=xlsx&clusterId=cc-.*&lang=fi$/);
    const file = await page.request.get(`${kenno().baseUrl}${xlsx}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');

    await card.getByRole('button', { name: 'Aloita projektiaihio' }).click();
    story.projectTitle = `Mustan massan hydrometallurgia ${RUN}`;
    await card.getByLabel('Projektiaihion nimi').fill(story.projectTitle);
    await card
      .getByLabel('Tiivistelmä (vapaaehtoinen)')
      .fill('Yhteinen pilotti Kokkolan ja Vaasan toimijoille.');
    await card.getByRole('button', { name: 'Luo projektiaihio' }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/projects/'));
    story.projectId = idFrom(page.url());
    await expect.poll(() => page.locator('h1').innerText()).toBe(story.projectTitle);
    expect(await page.getByRole('status').filter({ hasText: 'Projektiaihio on luotu' }).count()).toBe(1);
    const members = page.locator('.pj-challenges .result-card__title');
    expect(await members.allInnerTexts()).toEqual(expect.arrayContaining([SUBMITTED, SWEDISH]));
    expect(await page.locator('.facts').innerText()).toContain('Aihio');
    expect(await page.locator('.facts .cc-chip--region').allInnerTexts()).toEqual(
      expect.arrayContaining(['Kokkola', 'Vaasa']),
    );
    expect(await page.getByText('Yhteinen pilotti Kokkolan ja Vaasan toimijoille.').count()).toBe(1);
    // Its challenges are now in a project, and the project list has it.
    expect(await page.locator('.pj-challenges .ch-status--in-project').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'Projektiaihiot' }).click();
    await expect.poll(() => page.getByRole('link', { name: story.projectTitle }).count()).toBe(1);
    await context.close();
  });

  it('reads in Swedish: the challenge, its language, status and similar challenges', async () => {
    const { context, page } = await contextFor('sv-FI');
    await page.goto(`${kenno().baseUrl}/challenges/${story.swedishId}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(SWEDISH);
    expect(await page.locator('h1 [lang="sv"]').count()).toBe(1);
    expect(await page.locator('.ch-page__badges').innerText()).toContain('Skriven på svenska');
    expect(await page.locator('.ch-page__badges').innerText()).toContain('I ett projekt');
    expect(await page.getByRole('heading', { name: 'Liknande utmaningar' }).count()).toBe(1);
    expect(await page.locator('.facts').innerText()).toContain('Originalspråk');
    await page.goto(`${kenno().baseUrl}/challenges?language=sv`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Utmaningar');
    expect(await page.getByLabel('Skrivspråk').inputValue()).toBe('sv');
    // The heading is there before the filtered list has loaded: wait for the list.
    await expect.poll(() => page.locator('.result-card__title').allInnerTexts()).toContain(SWEDISH);
    await context.close();
  });
});

describe('challenges pages: accessibility', () => {
  it('has no serious or critical axe violations on any new page, signed in as a coordinator', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().coordinator);
    const found: Record<string, string[]> = {};
    const scan = async (name: string) => {
      const violations = await seriousViolations(page);
      if (violations.length) found[name] = violations;
    };
    const open = async (path: string) => {
      await page.goto(`${kenno().baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    };
    for (const path of [
      '/challenges',
      '/challenges/new',
      '/challenges/common',
      '/challenges/ranking',
      '/projects',
      `/projects/${story.projectId}`,
      '/notifications',
    ]) {
      await open(path);
      await scan(path);
    }
    // A challenge with the moderation, merge and evaluation panels open.
    await open(`/challenges/${story.submittedId}`);
    await page.getByRole('button', { name: 'Yhdistä toiseen haasteeseen…' }).click();
    await page.getByRole('button', { name: 'Arvioi haaste' }).click();
    await scan('challenge with panels open');
    // The submit form showing its errors.
    await open('/challenges/new');
    await page.getByRole('button', { name: 'Jätä haaste' }).click();
    await page.locator('.error-summary').waitFor();
    await scan('submit form with errors');
    // The bell's panel.
    await page.getByRole('button', { name: /^Ilmoitukset/ }).click();
    await scan('notification panel');
    expect(found).toEqual({});
    await context.close();
  }, 180_000);

  it('lets an evaluator score a challenge and shows the score in the ranking', async () => {
    const { context, page } = await contextFor('fi-FI', kenno().coordinator);
    await page.goto(`${kenno().baseUrl}/challenges/${story.submittedId}`);
    await page.getByRole('button', { name: 'Arvioi haaste' }).click();
    const groups = page.locator('.ch-criterion');
    const count = await groups.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: '4' }).check();
    await page.getByLabel('Oma muistiinpano').fill('Vahva yhteinen tarve.');
    await page.getByRole('button', { name: 'Tallenna arvio' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Arvio tallennettu.' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('.ch-evaluation__summary').innerText()).toContain('1 arvioija');

    await page.goto(`${kenno().baseUrl}/challenges/ranking`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: SUBMITTED }) });
    await expect.poll(() => row.count()).toBe(1);
    // Every criterion at 4 of 5: 80 points.
    expect(await row.locator('.rk-score').innerText()).toBe('80,0');
    await expect.poll(() => page.locator('.rk-chart svg').count()).toBe(1);
    await context.close();
  });

  it('lets an admin change an evaluation criterion; evaluators see the new label', async () => {
    const { context, page } = await contextFor('en-GB', kenno().admin);
    await page.goto(`${kenno().baseUrl}/challenges/ranking`);
    await page.getByRole('link', { name: 'Edit the evaluation criteria' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Evaluation criteria', level: 1 }).count())
      .toBe(1);
    const funding = page.locator('li').filter({ has: page.getByRole('heading', { name: 'Funding fit' }) });
    await funding.getByRole('button', { name: 'Edit' }).click();
    // The card turns into the form (the only one open).
    const form = page.locator('li form');
    await form.getByLabel('Name in English').fill(`Funding fit ${RUN}`);
    await form.getByLabel('Weight').fill('2');
    await form.getByRole('button', { name: 'Save' }).click();
    const changed = page
      .locator('li')
      .filter({ has: page.getByRole('heading', { name: `Funding fit ${RUN}` }) });
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.innerText()).toContain('Weight 2');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const coordinator = await contextFor('en-GB', kenno().coordinator);
    await coordinator.page.goto(`${kenno().baseUrl}/challenges/criteria`);
    await expect
      .poll(() => coordinator.page.getByText('Only admins can change the evaluation criteria.').count())
      .toBe(1);
    await coordinator.context.close();
  });
});
