import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSend, signedInSend } from './api-client.ts';
import { kenno, launchBrowser, signInThroughUi } from './harness.ts';
import { type OpenApi, writeWithPayloads } from './script-payloads.ts';

/**
 * QUALITY.md: "an end-to-end test stores script payloads in every free-text field and proves in
 * the browser that nothing runs". Each scene writes through a module's routes with markup in
 * every free-text field of the route's schema, then opens the pages that show it: the text is
 * there, as text, and nothing ran (no window.__xss, no dialog).
 */
let browser: Browser;
let openapi: OpenApi;
let send: ApiSend;
const RUN = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  openapi = (await (await fetch(`${kenno().baseUrl}/api/openapi.json`)).json()) as OpenApi;
  send = await signedInSend(kenno().baseUrl, kenno().admin);
});
afterAll(async () => browser?.close());

type Written = { id: string };

async function write(
  method: string,
  route: string,
  path: string,
  base: Record<string, unknown>,
  marker: string,
): Promise<{ created: Written; fields: string[] }> {
  const { response, fields } = await writeWithPayloads(openapi, send, method, route, path, base, marker);
  expect(fields.length, `${method} ${route} has free-text fields`).toBeGreaterThan(0);
  return { created: response as Written, fields };
}

/** Opens each page as the admin and proves the marker is shown as text and nothing ran. */
async function expectInert(pages: string[], marker: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('kenno.language', 'en'));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInThroughUi(page, kenno().baseUrl, kenno().admin);
  for (const path of pages) {
    await page.goto(`${kenno().baseUrl}${path}`);
    await page.getByText(marker).first().waitFor({ timeout: 15_000 });
    // The markup is on the page as characters, not as elements.
    expect(await page.locator('body').innerText(), path).toContain(`${marker} <img src=x onerror=`);
    expect(await page.locator('img[src="x"], script:not([src]):not([type]), svg[onload]').count(), path).toBe(
      0,
    );
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), path).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
  await context.close();
}

describe('script payloads in every free-text field stay text', () => {
  it('in an organisation profile, its research infrastructure and contacts', async () => {
    const marker = `XSS-org-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/organisations',
      '/organisations',
      { name: `Payload Oy ${RUN}`, type: 'company', regionId: 'kokkola', description: { en: 'Battery.' } },
      marker,
    );
    const id = created.id;
    await write(
      'POST',
      '/api/organisations/{id}/infrastructure',
      `/organisations/${id}/infrastructure`,
      { name: { en: 'Lab' }, description: { en: 'Cells.' }, conceptIds: [], isPublic: true },
      `${marker}-infra`,
    );
    await write(
      'POST',
      '/api/organisations/{id}/contacts',
      `/organisations/${id}/contacts`,
      { name: 'Contact person', title: 'Director', isPublic: true },
      `${marker}-contact`,
    );
    await expectInert([`/organisations/${id}`], marker);
    await expectInert([`/organisations/${id}`], `${marker}-infra`);
    await expectInert([`/organisations/${id}`], `${marker}-contact`);
    await expectInert([`/organisations?q=${encodeURIComponent(`Payload Oy ${RUN}`)}`], marker);
  });

  it('in a challenge, its comments and an evaluation criterion', async () => {
    const marker = `XSS-challenge-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/challenges',
      '/challenges',
      {
        title: 'Payload challenge',
        description: 'A description long enough for the rules.',
        language: 'en',
        regionId: 'kokkola',
        isPublic: true,
      },
      marker,
    );
    await write(
      'POST',
      '/api/challenges/{id}/comments',
      `/challenges/${created.id}/comments`,
      { body: 'A comment' },
      `${marker}-comment`,
    );
    await expectInert([`/challenges/${created.id}`, '/challenges'], marker);
    await expectInert([`/challenges/${created.id}`], `${marker}-comment`);
    const criterion = `XSS-criterion-${RUN}`;
    await write(
      'POST',
      '/api/evaluation-criteria',
      '/evaluation-criteria',
      { label: { en: 'Payload criterion' }, description: { en: 'How well.' }, weight: 1 },
      criterion,
    );
    await expectInert(['/challenges/criteria'], criterion);
  });

  it('in a site, a service and a symbiosis stream', async () => {
    const marker = `XSS-site-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/sites',
      '/sites',
      { name: `Payload site ${RUN}`, regionId: 'vaasa', isPublic: true, totalAreaHa: 10, availableAreaHa: 5 },
      marker,
    );
    await expectInert([`/sites/${created.id}`, '/sites'], marker);
    const service = `XSS-service-${RUN}`;
    await write(
      'POST',
      '/api/services',
      '/services',
      {
        organisationId: 'centria',
        category: 'laboratory_analysis',
        description: { en: 'Cell analyses' },
        conceptIds: ['cell.formation'],
      },
      service,
    );
    await expectInert(['/services'], service);
    const stream = `XSS-stream-${RUN}`;
    await write(
      'POST',
      '/api/symbiosis/streams',
      '/symbiosis/streams',
      {
        organisationId: 'centria',
        direction: 'need',
        streamType: 'gypsum',
        quantity: 10,
        unit: 'kt/a',
        lat: 63.84,
        lon: 23.13,
        description: { en: 'Gypsum' },
      },
      stream,
    );
    await expectInert(['/symbiosis'], stream);
  });

  it('in a survey round and a training programme', async () => {
    const marker = `XSS-round-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/survey-rounds',
      '/survey-rounds',
      {
        title: { en: 'Payload round' },
        intro: { en: 'Intro' },
        regionId: 'kokkola',
        instrument: {
          roleIds: ['job-role.chemistry-technician'],
          skillIds: [],
          eqfLevels: [4],
          askRecruitmentDifficulty: true,
          askFreeText: true,
        },
      },
      marker,
    );
    await expectInert([`/skills/rounds/${created.id}`, '/skills/rounds'], marker);
    const programme = `XSS-programme-${RUN}`;
    await write(
      'POST',
      '/api/training-programmes',
      '/training-programmes',
      {
        organisationId: 'centria',
        name: { en: 'Payload programme' },
        level: 'applied_sciences',
        eqfLevel: 6,
        regionId: 'kokkola',
        roleIds: ['job-role.chemistry-technician'],
        competenceIds: [],
      },
      programme,
    );
    await expectInert(['/skills/supply'], programme);
  });

  it('in a call, a project, its work packages and partners, and an Associated Country', async () => {
    const marker = `XSS-call-${RUN}`;
    await write(
      'POST',
      '/api/calls',
      '/calls',
      { instrumentId: 'funding.horizon-europe.ria', title: 'Payload call', description: 'About batteries' },
      marker,
    );
    await expectInert(['/projects/calls'], marker);

    const { created: challenge } = await write(
      'POST',
      '/api/challenges',
      '/challenges',
      { title: 'Project seed', description: 'A description long enough for the rules.', language: 'en' },
      `XSS-seed-${RUN}`,
    );
    const project = `XSS-project-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/projects',
      '/projects',
      { title: 'Payload project', summary: 'Summary', challengeIds: [challenge.id] },
      project,
    );
    await expectInert([`/projects/${created.id}`, '/projects', '/reports'], project);
    // A change of title, summary and work packages (every free-text field of the PATCH).
    const wp = `XSS-wp-${RUN}`;
    await write(
      'PATCH',
      '/api/projects/{id}',
      `/projects/${created.id}`,
      { workPackages: [{ code: 'WP1', title: 'Management' }] },
      wp,
    );
    const partner = `XSS-partner-${RUN}`;
    await write(
      'POST',
      '/api/projects/{id}/partners',
      `/projects/${created.id}/partners`,
      { name: 'Partner GmbH', country: 'DE', role: 'beneficiary' },
      partner,
    );
    await expectInert([`/projects/${created.id}`, '/projects', '/reports'], wp);
    await expectInert([`/projects/${created.id}/consortium`], partner);

    const country = `XSS-country-${RUN}`;
    await write(
      'PUT',
      '/api/programme-countries/{code}',
      '/programme-countries/FO',
      { name: 'Faroe Islands', status: 'associated', scope: 'full', fromDate: '2022-08-01', source: 'EC' },
      country,
    );
    await expectInert(['/admin/programme-countries'], country);
  });

  it('in a training path, a teacher, a host offer, a working-life period and its follow-up, and enrolment interest', async () => {
    const path = `XSS-path-${RUN}`;
    const { created } = await write(
      'POST',
      '/api/paths',
      '/paths',
      { title: { en: 'Payload path' }, summary: { en: 'Summary' }, ownerOrganisationId: 'centria' },
      path,
    );
    await expectInert([`/training-paths/${created.id}`, '/training-paths'], path);

    const teacher = `XSS-teacher-${RUN}`;
    const { created: t } = await write(
      'POST',
      '/api/teachers',
      '/teachers',
      { name: 'Teacher', organisationId: 'centria', subjects: 'Chemistry', developmentGoals: 'Learn cells' },
      teacher,
    );
    await expectInert([`/working-life/teachers/${t.id}`], teacher);
    const offer = `XSS-offer-${RUN}`;
    const { created: o } = await write(
      'POST',
      '/api/host-offers',
      '/host-offers',
      { organisationId: 'umicore-finland', title: { en: 'Offer' }, description: { en: 'Plant' } },
      offer,
    );
    await expectInert(['/working-life'], offer);
    const period = `XSS-period-${RUN}`;
    const { created: pe } = await write(
      'POST',
      '/api/working-life-periods',
      '/working-life-periods',
      {
        teacherId: t.id,
        offerId: o.id,
        startDate: '2026-01-12',
        endDate: '2026-01-23',
        goals: 'Goals',
        supervisorName: 'Supervisor',
      },
      period,
    );
    const followUp = `XSS-followup-${RUN}`;
    await write(
      'POST',
      '/api/working-life-periods/{id}/follow-up',
      `/working-life-periods/${pe.id}/follow-up`,
      { goalsAchieved: 'Achieved', outcomes: 'Outcomes', changesToTeaching: 'Changes' },
      followUp,
    );
    await expectInert([`/working-life/periods/${pe.id}`], period);
    await expectInert([`/working-life/periods/${pe.id}`], followUp);

    const { created: programme } = await write(
      'POST',
      '/api/training-programmes',
      '/training-programmes',
      {
        organisationId: 'centria',
        name: { en: 'Continuing course' },
        level: 'continuing',
        eqfLevel: 6,
        regionId: 'kokkola',
        roleIds: ['job-role.chemistry-technician'],
        competenceIds: [],
      },
      `XSS-course-${RUN}`,
    );
    const interest = `XSS-interest-${RUN}`;
    await write(
      'POST',
      '/api/continuing-education/{programmeId}/interest',
      `/continuing-education/${programme.id}/interest`,
      { contactName: 'Contact', headcount: 3, message: 'We are interested' },
      interest,
    );
    await expectInert(['/continuing-education'], `XSS-course-${RUN}`);
    await expectInert(['/continuing-education'], interest);
  });
});
