// Takes the README's screenshots from a real server: `node --import tsx scripts/screenshots.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { signedInApi } from '../e2e/api-client.ts';
import { launchBrowser, startKenno } from '../e2e/harness.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const kenno = await startKenno();
const browser = await launchBrowser();
try {
  // A survey round of the Kokkola coordinator with one personal link, for the respondent's page.
  const coordinator = await signedInApi(kenno.baseUrl, kenno.coordinator);
  const round = await coordinator<{ id: string }>('POST', '/survey-rounds', {
    title: {
      fi: 'Kokkolan osaamistarpeet 2027',
      sv: 'Karlebys kompetensbehov 2027',
      en: 'Kokkola skills needs 2027',
    },
    intro: {
      sv: 'Berätta om era behov av kompetens och arbetskraft per yrkesroll, utbildningsnivå och region.',
    },
    regionId: 'kokkola',
    instrument: {
      roleIds: ['job-role.chemistry-technician', 'job-role.chemical-plant-control-room-operator'],
      skillIds: ['refining.hydromet', 'cross.safety.process'],
      eqfLevels: [4, 5, 6],
    },
  });
  await coordinator('PATCH', `/survey-rounds/${round.id}`, { status: 'open' });
  const [respondent] = await coordinator<{ link: string }[]>(
    'POST',
    `/survey-rounds/${round.id}/respondents`,
    {
      respondents: [{ organisationId: 'keliber', language: 'sv' }],
    },
  );
  const shots: { name: string; url: string; lang: string; width: number; height?: number }[] = [
    { name: 'organisations-en', url: '/organisations', lang: 'en', width: 1280 },
    { name: 'home-fi', url: '/', lang: 'fi', width: 1280 },
    { name: 'profile-sv', url: '/organisations/centria', lang: 'sv', width: 1280 },
    { name: 'organisations-fi-phone', url: '/organisations?region=kokkola', lang: 'fi', width: 375 },
    { name: 'map-en', url: '/map', lang: 'en', width: 1280 },
    { name: 'region-kokkola-fi', url: '/regions/kokkola', lang: 'fi', width: 1280 },
    { name: 'taxonomy-sv', url: '/taxonomy', lang: 'sv', width: 1280 },
    { name: 'common-challenges-en', url: '/challenges/common', lang: 'en', width: 1280, height: 1150 },
    {
      name: 'challenge-fi',
      url: '/challenges/demo-bm-purification-pori',
      lang: 'fi',
      width: 1280,
      height: 1400,
    },
    { name: 'sites-en', url: '/sites', lang: 'en', width: 1280, height: 1150 },
    {
      name: 'sites-match-fi',
      url: '/sites/match?landHa=40&electricityMw=50&portDepthM=10&rail=1&chemicalsHandling=1&permit=zoned&hard=rail&w=landHa:5,electricityMw:4,portDepthM:4,rail:4,chemicalsHandling:5',
      lang: 'fi',
      width: 1280,
      height: 1150,
    },
    {
      name: 'skills-gaps-en',
      url: '/skills?round=demo-skills-2026&cell=job-role.chemical-plant-control-room-operator%7C4',
      lang: 'en',
      width: 1280,
      height: 1250,
    },
    { name: 'survey-sv', url: respondent!.link, lang: 'sv', width: 1280, height: 1100 },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height ?? 900 },
      locale: shot.lang,
    });
    const page = await context.newPage();
    await page.addInitScript((lang) => localStorage.setItem('kenno.language', lang), shot.lang);
    await page.goto(`${kenno.baseUrl}${shot.url}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(out, `${shot.name}.png`), fullPage: false });
    await context.close();
  }
} finally {
  await browser.close();
  await kenno.stop();
}
console.log(`screenshots in ${out}`);
