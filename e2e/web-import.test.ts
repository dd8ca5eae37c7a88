import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const RUN = Date.now().toString(36);

/** A Finnish business ID with a correct check digit. */
function businessId(base: number): string {
  for (let b = base; ; b++) {
    const digits = String(b).padStart(7, '0');
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
    const r = sum % 11;
    if (r !== 1) return `${digits}-${r === 0 ? 0 : 11 - r}`;
  }
}

async function signedInPage(account: Account | null): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI', acceptDownloads: true });
  const page = await context.newPage();
  if (account) await signInThroughUi(page, kenno().baseUrl, account);
  return page;
}

async function uploadThroughUi(page: Page, name: string, data: Buffer) {
  await page.goto(`${kenno().baseUrl}/imports`);
  await page
    .getByLabel('Tiedosto (CSV tai XLSX)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: data });
  await page.getByRole('button', { name: 'Lataa ja esikatsele' }).click();
}

async function organisationsNamed(q: string): Promise<number> {
  const response = await fetch(`${kenno().baseUrl}/api/organisations?q=${encodeURIComponent(q)}`);
  return ((await response.json()) as { total: number }).total;
}

describe('the import wizard', () => {
  it('goes from the organisations page through upload, mapping and progress to the report', async () => {
    const page = await signedInPage(kenno().admin);
    await page.goto(`${kenno().baseUrl}/organisations`);
    await page.getByRole('link', { name: 'Tuo organisaatioita' }).click();
    await page.waitForURL(/\/imports$/);

    const names = [`Selainakku ${RUN} Oy`, `Selainkenno ${RUN} Ab`, `Selainkemia ${RUN} Oy`];
    const file = Buffer.from(
      `\uFEFFNimi;Tyyppi;Y-tunnus;Alue;Kuvaus\r\n${names[0]};Yritys;${businessId(4100001)};Kokkola;"Kaksi\r\nriviä"\r\n${names[1]};Yliopisto;;Vasa;\r\n${names[2]};company;;;Kemikaalit\r\n`,
    );
    await uploadThroughUi(page, 'selain.csv', file);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Valitse sarakkeet' }).waitFor();

    // The suggestion is preselected; the preview shows the file's rows.
    expect(await page.getByLabel('Nimi (pakollinen)').inputValue()).toBe('Nimi');
    expect(await page.getByLabel('Tyyppi (pakollinen)').inputValue()).toBe('Tyyppi');
    expect(await page.getByLabel('Y-tunnus', { exact: true }).inputValue()).toBe('Y-tunnus');
    expect(await page.getByLabel('Kuvaus suomeksi').inputValue()).toBe('Kuvaus');
    expect(await page.getByLabel('Verkkosivusto').inputValue()).toBe('');
    expect(await page.locator('.import-preview tbody tr').count()).toBe(3);
    expect(await page.locator('.import-preview').innerText()).toContain(names[1]);
    const mappingViolations = await seriousViolations(page);

    // Leaving out a required field is caught before anything is sent.
    await page.getByLabel('Tyyppi (pakollinen)').selectOption('');
    await page.getByRole('button', { name: 'Tarkista ja tuo' }).click();
    await expect
      .poll(() => page.locator('.error-summary').innerText())
      .toContain('Valitse sarake pakollisille tiedoille: Tyyppi');
    await page.getByLabel('Tyyppi (pakollinen)').selectOption('Tyyppi');
    await page.getByLabel('Tallenna sarakevalinta nimellä (valinnainen)').fill(`Selain ${RUN}`);
    await page.getByRole('button', { name: 'Tarkista ja tuo' }).click();

    // Progress while it runs (the page shows it until the next poll at the latest).
    const progress = page.getByRole('progressbar', { name: 'Tuonnin edistyminen' });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuemax')).toBe('3');
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);

    const report = page.getByRole('heading', { name: 'Tuonti valmis' });
    await report.waitFor({ timeout: 20_000 });
    expect(await page.locator('.import-report .notice--success').innerText()).toBe(
      '3 riviä tuotu: 3 uutta, 0 päivitetty, 0 ennallaan.',
    );
    const reportViolations = await seriousViolations(page);
    expect({ mapping: mappingViolations, report: reportViolations }).toEqual({ mapping: [], report: [] });
    for (const name of names) expect(await organisationsNamed(name)).toBe(1);

    // Come back later: the import is in the list with its result.
    await page.goto(`${kenno().baseUrl}/imports`);
    const row = page.locator('tr', { hasText: 'selain.csv' }).first();
    await expect.poll(() => row.innerText()).toContain('Tuotu');
    expect(await row.innerText()).toContain('3 riviä tuotu');
    expect(await seriousViolations(page)).toEqual([]);

    // The same file again: the saved mapping is announced and nothing changes.
    await uploadThroughUi(page, 'selain.csv', file);
    await expect
      .poll(() => page.locator('.notice[role="status"]').innerText())
      .toContain(`Käytössä on tallennettu sarakevalinta ”Selain ${RUN}”`);
    await page.getByRole('button', { name: 'Tarkista ja tuo' }).click();
    await page.getByRole('heading', { name: 'Tuonti valmis' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.import-report .notice--success').innerText()).toBe(
      '3 riviä tuotu: 0 uutta, 0 päivitetty, 3 ennallaan.',
    );
    await page.context().close();
  }, 120_000);

  it('shows a bad file as a table of rows to fix, and stores nothing', async () => {
    const page = await signedInPage(kenno().admin);
    const good = `Hyvä ${RUN} Oy`;
    const file = Buffer.from(
      `Nimi;Tyyppi;Y-tunnus;Alue\n${good};Yritys;${businessId(4200001)};Kokkola\nTarkiste ${RUN} Oy;Yritys;2077474-1;Kokkola\nAvaruus ${RUN} Oy;Avaruusalus;;Atlantis\n`,
    );
    await uploadThroughUi(page, 'virheet.csv', file);
    await page.getByRole('heading', { name: 'Valitse sarakkeet' }).waitFor();
    await page.getByRole('button', { name: 'Tarkista ja tuo' }).click();
    await page.getByRole('heading', { name: 'Mitään ei tuotu' }).waitFor({ timeout: 20_000 });

    const rows = await page.locator('.import-errors tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t'))).toEqual([
      ['3', 'Y-tunnus', 'Y-tunnuksen ”2077474-1” tarkistusnumero on väärä.'],
      [
        '4',
        'Tyyppi',
        '”Avaruusalus” ei ole organisaatiotyyppi. Käytä esim. yritys, yliopisto, ammattikorkeakoulu tai tutkimuslaitos.',
      ],
      ['4', 'Alue', '”Atlantis” ei ole verkoston alue.'],
    ]);
    expect(await page.locator('.import-report .notice--error').innerText()).toContain(
      'Korjaa alla luetellut kohdat tiedostoon',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(await organisationsNamed(good)).toBe(0);

    // In Swedish the same report reads in Swedish.
    await page.getByRole('button', { name: 'Svenska', exact: true }).click();
    await expect
      .poll(() => page.locator('.import-errors tbody tr').first().innerText())
      .toContain('Kontrollsiffran i FO-numret ”2077474-1” är fel.');
    await page.context().close();
  }, 120_000);

  it('refuses a file that is not UTF-8 at upload, saying what to do', async () => {
    const page = await signedInPage(kenno().admin);
    await uploadThroughUi(
      page,
      'latin1.csv',
      Buffer.from('Nimi;Tyyppi\nJyväskylän Akku Oy;Yritys\n', 'latin1'),
    );
    const alert = page.locator('.notice--error[role="alert"]');
    await expect
      .poll(() => alert.innerText())
      .toContain('Tiedosto ei ole UTF-8-muodossa: rivillä 2 on tavu 0xE4');
    expect(await alert.innerText()).toContain('CSV UTF-8');
    expect(new URL(page.url()).pathname).toBe('/imports');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('exports the list as CSV for Excel, and keeps importing to admins and coordinators', async () => {
    const page = await signedInPage(kenno().admin);
    await page.goto(`${kenno().baseUrl}/organisations?region=kokkola`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Vie CSV' }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(header!.slice(0, 5)).toEqual(['id', 'name', 'nameEn', 'type', 'regionId']);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r[4] === 'kokkola')).toBe(true);
    // The organisation imported above, with its two-line description, is there as one row.
    expect(rows.find((r) => r[1] === `Selainakku ${RUN} Oy`)?.[8]).toBe('Kaksi\r\nriviä');
    expect(download.suggestedFilename()).toMatch(/^kenno-organisations-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.context().close();

    const member = await signedInPage(kenno().member);
    await member.goto(`${kenno().baseUrl}/organisations`);
    await member.getByRole('link', { name: 'Vie XLSX' }).waitFor();
    expect(await member.getByRole('link', { name: 'Tuo organisaatioita' }).count()).toBe(0);
    await member.goto(`${kenno().baseUrl}/imports`);
    await expect
      .poll(() => member.locator('main').innerText())
      .toContain('Vain ylläpitäjät ja aluekoordinaattorit voivat tuoda tietoja.');
    await member.context().close();
  });
});
