// Debian's Chromium and the flags every headless run here uses (browser tests, Lighthouse bench).
export const CHROMIUM_PATH = process.env.KENNO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
