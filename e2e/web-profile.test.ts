import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { seriousViolations } from './axe.ts';

/**
 * A member edits their own organisation's profile: suggested competences from the
 * description (with the matched words), accepting and rejecting them, adding a competence
 * from the value-chain picker, research infrastructure and contacts — and the list page then
 * finds the organisation by the new competence.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const ORGANISATION = 'centria';
// A write and the refetch that follows it may take longer than expect.poll's default second.
const WAIT = { timeout: 10_000 };
const ADDED_TEXT = 'We also study black mass leaching and sodium-ion batteries.';

async function memberPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  await signInThroughUi(page, kenno().baseUrl, kenno().member);
  return page;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${kenno().baseUrl}${path}`);
  return (await response.json()) as T;
}

type Profile = {
  description: { en: string };
  competences: { conceptId: string; strength: string; source: string }[];
  contacts: { name: string }[];
  infrastructure: { name: { fi: string } }[];
};

describe('editing competences on the profile page', () => {
  it('suggests competences with evidence, accepts one, rejects one, adds one; the list filter then finds the organisation', async () => {
    const page = await memberPage();
    await page.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);

    // The member widens the English description; suggestions follow it.
    await page.getByRole('button', { name: 'Muokkaa profiilia' }).click();
    const english = page.getByLabel('Englanniksi', { exact: true });
    const before = await english.inputValue();
    if (!before.includes(ADDED_TEXT)) await english.fill(`${before} ${ADDED_TEXT}`.trim());
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await expect
      .poll(() => page.locator('.profile__status').innerText(), WAIT)
      .toBe('Muutokset tallennettu.');

    const panel = page.getByRole('region', { name: 'Ehdotukset kuvauksen perusteella' });
    const blackMass = panel.locator('article', { has: page.getByRole('heading', { name: 'Mustamassa' }) });
    await blackMass.waitFor();
    // The matched words are shown, and marked in an excerpt of the description.
    expect(await blackMass.locator('mark').allInnerTexts()).toEqual(
      expect.arrayContaining(['black', 'mass']),
    );
    expect(await blackMass.locator('blockquote').getAttribute('lang')).toBe('en');
    expect(await blackMass.locator('blockquote').innerText()).toContain('black mass leaching');

    // Accept "Mustamassa" as a core competence.
    await blackMass.getByLabel('Vahvuus').selectOption('core');
    await blackMass.getByRole('button', { name: 'Hyväksy Mustamassa' }).click();
    await expect.poll(() => panel.getByRole('status').innerText(), WAIT).toBe('Hyväksytty: Mustamassa');
    await expect
      .poll(() => page.locator('.competence-group .chip').allInnerTexts(), WAIT)
      .toContain('Mustamassa');

    // Reject the sodium-ion suggestion: it is gone and stays gone.
    const sodium = 'Natriumioniakun materiaalit';
    await panel.getByRole('button', { name: `Hylkää ${sodium}` }).click();
    await expect.poll(() => panel.getByRole('status').innerText(), WAIT).toContain(`Hylätty: ${sodium}`);
    await page.reload();
    await panel.getByRole('heading', { name: 'Ehdotukset kuvauksen perusteella' }).waitFor();
    await panel.locator('article').first().waitFor();
    expect(await panel.getByRole('heading', { name: sodium }).count()).toBe(0);
    expect(await panel.getByRole('heading', { name: 'Mustamassa' }).count()).toBe(0);

    // Add a competence from the value-chain picker, by keyboard-usable native controls.
    await page.getByRole('button', { name: 'Muokkaa osaamisia' }).click();
    const editor = page.getByRole('region', { name: 'Osaamisten muokkaus' });
    await editor.getByLabel('Hae käsitettä').fill('litiumkem');
    await editor.getByLabel('Arvoketjun käsite').selectOption('refining.lithium-chemicals');
    await editor.getByLabel('Vahvuus', { exact: true }).selectOption('interest');
    await editor.getByRole('button', { name: 'Lisää', exact: true }).click();
    await expect
      .poll(() => editor.getByRole('status').innerText(), WAIT)
      .toContain('Lisätty: Litiumkemikaalit');
    // The table lists it with its strength, changeable in place.
    expect(
      await editor
        .getByLabel('Osaamisen Litiumkemikaalit (litiumhydroksidi, -karbonaatti) vahvuus')
        .inputValue(),
    ).toBe('interest');

    const profile = await api<Profile>(`/api/organisations/${ORGANISATION}`);
    expect(profile.competences).toEqual(
      expect.arrayContaining([
        {
          conceptId: 'recycling.black-mass',
          strength: 'core',
          evidence: 'black, mass',
          source: 'suggestion',
        },
        expect.objectContaining({
          conceptId: 'refining.lithium-chemicals',
          strength: 'interest',
          source: 'manual',
        }),
      ]),
    );

    // The list page's concept filter now finds the organisation.
    await page.goto(`${kenno().baseUrl}/organisations`);
    await page.getByLabel('Osaaminen', { exact: true }).selectOption('refining.lithium-chemicals');
    await page.waitForURL((url) => url.searchParams.get('concept') === 'refining.lithium-chemicals');
    await expect
      .poll(() => page.locator('.result-card__title').allInnerTexts(), WAIT)
      .toContain('Centria-ammattikorkeakoulu');
    await page.context().close();
  }, 120_000);

  it('adds research infrastructure and contacts; visitors see only public contacts; the editing view passes axe', async () => {
    const page = await memberPage();
    await page.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);

    await page.getByRole('button', { name: 'Lisää infrastruktuuri' }).click();
    await page.getByLabel('Nimi suomeksi').fill('Kuivahuonelaboratorio');
    await page.getByLabel('Nimi englanniksi').fill('Dry-room laboratory');
    await page.getByLabel('Verkko-osoite').fill('https://www.centria.fi/');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Kuivahuonelaboratorio' }).count(), WAIT)
      .toBe(1);

    const addContact = async (name: string, isPublic: boolean) => {
      await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();
      await page.getByLabel('Nimi', { exact: true }).fill(name);
      await page.getByLabel('Työsähköposti').fill(`${name.split(' ')[0]!.toLowerCase()}@centria.example`);
      if (isPublic) await page.getByLabel('Näytä julkisesti').check();
      await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
      await expect.poll(() => page.locator('.contact-card strong').allInnerTexts(), WAIT).toContain(name);
    };
    await addContact('Paula Julkinen', true);
    await addContact('Niko Verkosto', false);

    // A bad e-mail address is reported at the field.
    await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();
    await page.getByLabel('Nimi', { exact: true }).fill('Virhe Testi');
    const email = page.getByLabel('Työsähköposti');
    await email.fill('ei osoite');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => email.getAttribute('aria-invalid'), WAIT).toBe('true');

    // The editing view with everything open: no serious accessibility problems.
    await page.getByRole('button', { name: 'Muokkaa osaamisia' }).click();
    await page.getByRole('button', { name: 'Lisää infrastruktuuri' }).click();
    await page.getByRole('region', { name: 'Ehdotukset kuvauksen perusteella' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();

    const visitorContext = await browser.newContext({ locale: 'fi-FI' });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${kenno().baseUrl}/organisations/${ORGANISATION}`);
    await visitor.getByRole('heading', { name: 'Yhteyshenkilöt' }).waitFor();
    await expect
      .poll(() => visitor.locator('.contact-card strong').allInnerTexts(), WAIT)
      .toEqual(['Paula Julkinen']);
    expect(await visitor.getByRole('heading', { name: 'Kuivahuonelaboratorio' }).count()).toBe(1);
    expect(await visitor.getByRole('button', { name: 'Lisää yhteyshenkilö' }).count()).toBe(0);
    await visitorContext.close();
    const profile = await api<Profile>(`/api/organisations/${ORGANISATION}`);
    expect(profile.contacts.map((c) => c.name)).toEqual(['Paula Julkinen']);
  }, 120_000);
});
