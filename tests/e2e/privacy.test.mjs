// Nothing is sent: every request the page makes while a user pastes, drops
// files, switches language and exports in every format is recorded, and the
// test fails on any request to another origin, and on any request after the
// page has loaded that is not one of the app's own built files (the
// learned taggers in dist/models/ are: the page fetches them from its own
// origin after the paste).
//
//   trunk build --release && node --test tests/e2e/privacy.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import {
  DIST,
  dropFiles,
  exportJson,
  openApp,
  pasteText,
  waitForHighlights,
  useServerAndBrowser,
} from './lib/harness.mjs';

const env = useServerAndBrowser();

test('no request leaves the page origin, and none but its own files after load', { timeout: 120_000 }, async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), afterLoad: loaded }));
  let loaded = false;
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=article-input]');
  await page.waitForLoadState('networkidle');
  loaded = true;
  const atLoad = requests.length;

  await pasteText(page, 'Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Sanae Takaichi di Tokyo, Senin (1/12).');
  await waitForHighlights(page);
  await dropFiles(page, [
    { name: 'berita.txt', bytes: '“Kami siap,” kata Menteri Luar Negeri Sugiono di Jakarta.' },
    { name: 'halaman.html', bytes: '<html><head><title>T</title><link rel="stylesheet" href="https://example.com/x.css"></head><body><img src="https://example.com/p.png"><p>Joko Widodo di Solo.</p><script src="https://example.com/x.js"></script></body></html>' },
  ]);
  await page.waitForSelector('[data-testid=doc-tab] >> text=halaman.html');
  await page.selectOption('[data-testid=lang-select]', 'en');
  // Both learned taggers have arrived (their requests are part of what is
  // checked below) before the exports, so no re-analysis runs under them.
  for (const lang of ['id', 'en']) {
    await page.waitForSelector(`[data-testid=drop-zone][data-model-${lang}="ready"]`, { timeout: 20_000 });
  }
  await exportJson(page);
  await page.click('[data-testid=export-menu-toggle]');
  const buttons = await page.$$('[data-testid^=export-]:not([data-testid=export-menu]):not([data-testid=export-menu-toggle]):not([data-testid=export-json])');
  assert.ok(buttons.length >= 8, `export buttons found: ${buttons.length}`);
  for (const b of buttons) {
    if (!(await b.isVisible())) await page.click('[data-testid=export-menu-toggle]');
    const [download] = await Promise.all([page.waitForEvent('download'), b.click()]);
    assert.equal(await download.failure(), null);
    // Chromium silently drops the eleventh of downloads started back to
    // back by one page (its limit on automatic downloads; measured: the
    // 11th of 12 clicks in a row is lost, none with 0.5 s between them).
    // A person never clicks that fast; pace the clicks like one.
    await page.waitForTimeout(500);
  }

  // Even a script in the page could not send anything elsewhere: the
  // policy's connect-src refuses it before any request is made (`.invalid`
  // names never resolve, so nothing could leave even without the policy).
  const attempt = await page.evaluate(() =>
    fetch('https://sorot-test.invalid/collect').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  assert.equal(attempt, 'refused');

  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to another origin');
  // The app's own files include dist/models/*.tagger, the learned taggers
  // it fetches once a document of their language is open.
  const own = new Set(['/', '/index.html', '/sw.js', ...readdirSync(DIST, { recursive: true }).map((f) => `/${f.split(sep).join('/')}`)]);
  const late = requests
    .slice(atLoad)
    .filter((r) => r.url.startsWith(origin) && !own.has(new URL(r.url).pathname));
  assert.deepEqual(late, [], 'requests after load that are not the app’s own files');
  await context.close();
});
