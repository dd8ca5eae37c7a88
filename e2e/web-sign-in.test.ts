import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function finnishPage() {
  const context = await browser.newContext({ locale: 'fi-FI' });
  return { context, page: await context.newPage() };
}

describe('signing in', () => {
  it('shows a clear error for a wrong password and stays signed out', async () => {
    const { baseUrl, coordinator } = kenno();
    const { context, page } = await finnishPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Sähköpostiosoite').fill(coordinator.email);
    await page.getByLabel('Salasana').fill('not-the-password');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).last().click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Sähköpostiosoite tai salasana on väärin');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.getByRole('link', { name: 'Kirjaudu sisään' }).count()).toBe(1);
    await context.close();
  });

  it('shows the signed-in user in the header, the account page, and signs out', async () => {
    const { baseUrl, admin } = kenno();
    const { context, page } = await finnishPage();
    await signInThroughUi(page, baseUrl, admin);
    expect(new URL(page.url()).pathname).toBe('/account');
    const menuButton = page.locator('.user-menu__button');
    await expect.poll(() => menuButton.innerText()).toContain('Aino Admin');
    await expect.poll(() => page.locator('main').innerText()).toContain(admin.email);
    expect(await page.locator('main').innerText()).toContain('Ylläpitäjä');

    // The session survives a reload: the cookie, not page state, carries it.
    await page.reload();
    await expect.poll(() => page.locator('.user-menu__button').innerText()).toContain('Aino Admin');

    await page.locator('.user-menu__button').click();
    expect(await page.locator('.user-menu__button').getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('link', { name: 'Kirjaudu sisään' }).count()).toBe(1);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session.user).toBeNull();
    await context.close();
  });

  it('creates a personal API token, shows it once, and the token works as a Bearer token', async () => {
    const { baseUrl, member } = kenno();
    const { context, page } = await finnishPage();
    await signInThroughUi(page, baseUrl, member);
    await page.goto(`${baseUrl}/account`);
    await page.getByLabel('Avaimen nimi').fill('E2E-skripti');
    await page.getByRole('button', { name: 'Luo avain' }).click();
    const tokenInput = page.getByLabel('Uusi API-avain');
    await expect.poll(() => tokenInput.inputValue()).not.toBe('');
    const token = await tokenInput.inputValue();
    await expect.poll(() => page.locator('table').innerText()).toContain('E2E-skripti');

    const response = await fetch(`${baseUrl}/api/tokens`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { name: string }[];
    expect(tokens.map((t) => t.name)).toContain('E2E-skripti');

    // Once dismissed, the token is gone from the page for good.
    await page.getByRole('button', { name: 'Olen tallentanut avaimen' }).click();
    expect(await page.getByLabel('Uusi API-avain').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('table').innerText()).toContain('E2E-skripti');
    expect(await page.locator('main').innerText()).not.toContain(token);
    await context.close();
  });
});
