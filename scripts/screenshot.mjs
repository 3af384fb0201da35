// Takes docs/screenshot.png: the built app (dist/) with the Indonesian sample
// article pasted and annotated, 1280x900, in Debian's headless Chromium.
//
//   trunk build --release && node scripts/screenshot.mjs [out.png [article]] [--dark] [--edit]
//
// --dark: in the dark theme. --edit: while correcting — the menu of the
// first quotation open (its speaker choice), after one correction made by
// hand (the first place relabelled as an organisation), with the
// Entities/Quotations panels beside it.
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

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const out = resolve(args[0] ?? join(ROOT, 'docs', 'screenshot.png'));
const source = args[1];
const article = !source
  ? fixture('artikel-takaichi.txt')
  : source.endsWith('.json')
    ? JSON.parse(readFileSync(source, 'utf8')).text
    : readFileSync(source, 'utf8');
const server = await serveDist();
const browser = await launchBrowser();
try {
  const { page, errors } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  if (flags.includes('--dark')) await page.emulateMedia({ colorScheme: 'dark' });
  await pasteText(page, article);
  await waitForHighlights(page);
  if (flags.includes('--edit')) {
    await page.waitForSelector('[data-testid=drop-zone][data-model-id=ready], [data-testid=drop-zone][data-model-en=ready]');
    await page.click('[data-testid=document-view] mark[data-label=LOC]');
    await page.keyboard.press('2');
    await page.waitForSelector('[data-testid=document-view] mark[data-source=user]');
    await page.keyboard.press('Escape');
    await page.focus('[data-testid=document-view] mark[data-label=QUOTE]');
    await page.waitForSelector('[data-testid=speaker-select]');
  }
  // No focus ring or caret on the paste box in the picture.
  if (!flags.includes('--edit')) await page.locator('[data-testid=article-input]').blur();
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
