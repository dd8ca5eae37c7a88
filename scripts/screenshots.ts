// Takes the README's screenshots from a real server: `node --import tsx scripts/screenshots.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startKenno } from '../e2e/harness.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const kenno = await startKenno();
const browser = await launchBrowser();
try {
  const shots: { name: string; url: string; lang: string; width: number }[] = [
    { name: 'organisations-en', url: '/organisations', lang: 'en', width: 1280 },
    { name: 'home-fi', url: '/', lang: 'fi', width: 1280 },
    { name: 'profile-sv', url: '/organisations/centria', lang: 'sv', width: 1280 },
    { name: 'organisations-fi-phone', url: '/organisations?region=kokkola', lang: 'fi', width: 375 },
    { name: 'map-en', url: '/map', lang: 'en', width: 1280 },
    { name: 'region-kokkola-fi', url: '/regions/kokkola', lang: 'fi', width: 1280 },
    { name: 'taxonomy-sv', url: '/taxonomy', lang: 'sv', width: 1280 },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: 900 },
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
