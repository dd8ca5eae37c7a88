import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const ORGANISATION = 'keliber';

/** A Finnish business ID (Y-tunnus) with a correct check digit, different on every run. */
function randomBusinessId(): { valid: string; wrongCheckDigit: string } {
  for (;;) {
    const digits = Array.from({ length: 7 }, (_, i) =>
      i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const sum = digits.reduce((acc, d, i) => acc + d * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
    const remainder = sum % 11;
    if (remainder === 1) continue; // no valid check digit for these
    const check = remainder === 0 ? 0 : 11 - remainder;
    const base = digits.join('');
    return { valid: `${base}-${check}`, wrongCheckDigit: `${base}-${(check + 1) % 10}` };
  }
}

async function signedInPage(account: Account | null): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return page;
}

async function fetchOrganisation(id: string) {
  const response = await fetch(`${kenno().baseUrl}/api/organisations/${id}`);
  return (await response.json()) as {
    businessId: string | null;
    sme: boolean | null;
    description: { fi: string; sv: string; en: string };
  };
}

describe('editing an organisation profile', () => {
  it('lets an admin edit, shows field-level errors from the API, and saves valid changes', async () => {
    const page = await signedInPage(kenno().admin);
    await page.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);
    await page.getByRole('button', { name: 'Muokkaa profiilia' }).click();

    const id = randomBusinessId();
    const businessId = page.getByLabel('Y-tunnus', { exact: true });
    await businessId.fill(id.wrongCheckDigit);
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.innerText()).toContain('Tarkista Y-tunnus');
    expect(await businessId.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await businessId.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toContain('Tarkista Y-tunnus');
    expect((await fetchOrganisation(ORGANISATION)).businessId).not.toBe(id.wrongCheckDigit);

    await businessId.fill(id.valid);
    await page.getByLabel('Pk-yritys', { exact: true }).selectOption({ label: 'Kyllä' });
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect.poll(() => page.locator('.profile__status').innerText()).toBe('Muutokset tallennettu.');
    expect(await page.locator('.facts').innerText()).toContain(id.valid);
    expect(await page.locator('.facts').innerText()).toContain('Kyllä, pieni tai keskisuuri yritys');
    expect(await fetchOrganisation(ORGANISATION)).toMatchObject({ businessId: id.valid, sme: true });
    await page.context().close();
  });

  it('shows a description in another language with a visible note, and never runs text as code', async () => {
    const page = await signedInPage(kenno().admin);
    await page.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);
    await page.getByRole('button', { name: 'Muokkaa profiilia' }).click();
    const payload = `Lithium refinery ${Date.now()}. <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
    await page.getByLabel('Suomeksi', { exact: true }).fill('');
    await page.getByLabel('Ruotsiksi', { exact: true }).fill('');
    await page.getByLabel('Englanniksi', { exact: true }).fill(payload);
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect.poll(() => page.locator('.profile__status').innerText()).toBe('Muutokset tallennettu.');

    await expect.poll(() => page.locator('.language-note').innerText()).toBe('Kuvaus vain englanniksi');
    const description = page.locator('.profile__description');
    expect(await description.getAttribute('lang')).toBe('en');
    expect(await description.innerText()).toBe(payload);
    await page.reload();
    await expect.poll(() => page.locator('.profile__description').innerText()).toBe(payload);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // In English the same text is simply the description, with no note.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => page.locator('#description-heading').innerText()).toBe('Description');
    expect(await page.locator('.language-note').count()).toBe(0);
    expect((await fetchOrganisation(ORGANISATION)).description.en).toBe(payload);
    await page.context().close();
  });

  it('offers editing only to those who may edit', async () => {
    const { member } = kenno();
    const visitor = await signedInPage(null);
    await visitor.goto(`${kenno().baseUrl}/organisations/centria`);
    await expect.poll(() => visitor.locator('h1').innerText()).toContain('Centria');
    expect(await visitor.getByRole('button', { name: 'Muokkaa profiilia' }).count()).toBe(0);
    await visitor.context().close();

    // A member of Centria may edit Centria, not another organisation.
    const page = await signedInPage(member);
    await page.goto(`${kenno().baseUrl}/organisations/centria`);
    await expect.poll(() => page.getByRole('button', { name: 'Muokkaa profiilia' }).count()).toBe(1);
    await page.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);
    await expect.poll(() => page.locator('h1').innerText()).not.toBe('');
    expect(await page.getByRole('button', { name: 'Muokkaa profiilia' }).count()).toBe(0);
    await page.context().close();
  });
});
