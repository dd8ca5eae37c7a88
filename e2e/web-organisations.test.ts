import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

type Paged = { items: { id: string; name: string }[]; total: number };

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${kenno().baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function finnishPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI' });
  return context.newPage();
}

const resultNames = (page: Page) => page.locator('.result-card__title').allInnerTexts();
const count = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /organisaati/ })
    .innerText();

describe('organisation list', () => {
  it('pages through all organisations, 20 at a time, with the page in the address', async () => {
    const all = await api<Paged>('/api/organisations?page=1&pageSize=20');
    const second = await api<Paged>('/api/organisations?page=2&pageSize=20');
    expect(all.total).toBeGreaterThan(20);
    const page = await finnishPage();
    await page.goto(`${kenno().baseUrl}/organisations`);
    await expect.poll(() => count(page)).toBe(`${all.total} organisaatiota`);
    expect(await resultNames(page)).toEqual(all.items.map((o) => o.name));

    await page.getByRole('link', { name: 'Seuraava' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await expect.poll(() => resultNames(page)).toEqual(second.items.map((o) => o.name));
    const pages = Math.ceil(all.total / 20);
    expect(await page.locator('.pagination__status').innerText()).toBe(`Sivu 2/${pages}`);

    // Back returns to the first page, as the page number lives in the address.
    await page.goBack();
    await expect.poll(() => resultNames(page)).toEqual(all.items.map((o) => o.name));
    await page.context().close();
  });

  it('searches by name after a pause in typing, keeps the search in the address, and shows an empty state', async () => {
    const expected = await api<Paged>('/api/organisations?q=centria&page=1&pageSize=20');
    expect(expected.total).toBeGreaterThan(0);
    const page = await finnishPage();
    await page.goto(`${kenno().baseUrl}/organisations`);
    await page.getByLabel('Hae nimellä').fill('centria');
    await page.waitForURL((url) => url.searchParams.get('q') === 'centria');
    await expect.poll(() => resultNames(page)).toEqual(expected.items.map((o) => o.name));
    expect(await count(page)).toContain(`${expected.total}`);

    // A shared link opens the same search.
    const link = page.url();
    const other = await finnishPage();
    await other.goto(link);
    expect(await other.getByLabel('Hae nimellä').inputValue()).toBe('centria');
    await expect.poll(() => resultNames(other)).toEqual(expected.items.map((o) => o.name));
    await other.context().close();

    await page.getByLabel('Hae nimellä').fill('zzzz-ei-tällaista');
    await expect.poll(() => page.locator('.empty').innerText()).toContain('Organisaatioita ei löytynyt');
    await page.getByRole('button', { name: 'Tyhjennä kaikki rajaukset' }).click();
    await expect.poll(() => page.url()).toBe(`${kenno().baseUrl}/organisations`);
    expect(await page.getByLabel('Hae nimellä').inputValue()).toBe('');
    await page.context().close();
  });

  it('filters by region and by type, from the home page and from the filters', async () => {
    const kokkola = await api<Paged>('/api/organisations?region=kokkola&page=1&pageSize=20');
    const kokkolaUas = await api<Paged>('/api/organisations?region=kokkola&type=uas&page=1&pageSize=20');
    const page = await finnishPage();
    await page.goto(`${kenno().baseUrl}/`);
    await page.getByRole('link', { name: /organisaatio.*Kokkola/ }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'kokkola');
    await expect.poll(() => resultNames(page)).toEqual(kokkola.items.map((o) => o.name));
    expect(await page.getByLabel('Alue', { exact: true }).inputValue()).toBe('kokkola');

    await page.getByLabel('Tyyppi').selectOption('uas');
    await page.waitForURL((url) => url.searchParams.get('type') === 'uas');
    await expect.poll(() => resultNames(page)).toEqual(kokkolaUas.items.map((o) => o.name));
    const cards = await page.locator('.result-card__type').allInnerTexts();
    expect(new Set(cards)).toEqual(new Set(['Ammattikorkeakoulu']));
    await page.context().close();
  });
});

describe('organisation profile', () => {
  it('shows the facts, translated competence labels, an external website link and the sources', async () => {
    const org = await api<{
      name: string;
      website: string;
      competences: { conceptId: string }[];
      sources: string[];
    }>('/api/organisations/centria');
    const concepts = await api<{ id: string; labels: { fi: string; sv: string } }[]>(
      '/api/concepts?scheme=value-chain',
    );
    const label = (id: string, lang: 'fi' | 'sv') => concepts.find((c) => c.id === id)?.labels[lang];
    const page = await finnishPage();
    await page.goto(`${kenno().baseUrl}/organisations?q=centria`);
    await page.getByRole('link', { name: org.name }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(org.name);
    expect(await page.title()).toBe(`${org.name} – Kenno`);

    const chips = await page.locator('.competence-group .chip').allInnerTexts();
    expect(chips.sort()).toEqual(org.competences.map((c) => label(c.conceptId, 'fi')).sort());

    const website = page.locator('.facts a.external-link');
    expect(await website.getAttribute('href')).toBe(org.website);
    expect(await website.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('.sources li').count()).toBe(org.sources.length);

    await page.getByRole('button', { name: 'Svenska', exact: true }).click();
    await expect
      .poll(() => page.locator('.competence-group .chip').allInnerTexts())
      .toEqual(expect.arrayContaining(org.competences.map((c) => label(c.conceptId, 'sv'))));
    await page.context().close();
  });

  it('says so when an organisation does not exist', async () => {
    const page = await finnishPage();
    await page.goto(`${kenno().baseUrl}/organisations/no-such-organisation`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Organisaatiota ei löytynyt');
    await page.context().close();
  });
});
