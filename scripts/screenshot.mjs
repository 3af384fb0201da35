// Takes docs/screenshot.png: the built app (dist/) with the Indonesian sample
// article pasted and annotated, 1280x900, in Debian's headless Chromium.
//
//   trunk build --release && node scripts/screenshot.mjs [out.png [article]]
//
// `article` is a text file, or a gold JSON fixture whose "text" is used
// (docs/screenshot-wikinews.png is made from
// tests/fixtures/quotes/en/tuned/gum_news_korea.json, a real Wikinews article).
//
// Needs what scripts/setup.sh --test installs (node_modules, /usr/bin/chromium).

import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  ROOT,
  fixture,
  launchBrowser,
  openApp,
  pasteText,
  serveDist,
  waitForHighlights,
} from '../tests/e2e/lib/harness.mjs';

const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'screenshot.png'));
const source = process.argv[3];
const article = !source
  ? fixture('artikel-takaichi.txt')
  : source.endsWith('.json')
    ? JSON.parse(readFileSync(source, 'utf8')).text
    : readFileSync(source, 'utf8');
const server = await serveDist();
const browser = await launchBrowser();
try {
  const { page, errors } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await pasteText(page, article);
  await waitForHighlights(page);
  // No focus ring or caret on the paste box in the picture.
  await page.locator('[data-testid=article-input]').blur();
  // Let fonts and the layout settle (no timers: wait for the fonts and two frames).
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await mkdir(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: false });
  // (Chromium's own /favicon.ico request 404s on a console line; only real errors are shown.)
  const real = errors.filter((e) => !e.includes('status of 404'));
  if (real.length) console.warn(`page reported:\n${real.join('\n')}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
