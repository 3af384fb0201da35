// If Sorot itself fails (a Rust panic in the wasm), the page is not left
// dead: a notice says so, offers the work saved in this browser as a file
// Sorot opens again, and a reload brings the work back.
//
//   trunk build --release && node --test tests/e2e/crash.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dropFiles, highlights, openApp, pasteText, sel, useApp, waitForHighlights } from './lib/harness.mjs';

const TIMEOUT = 60_000;
const app = useApp();

const TEXT = 'Presiden Joko Widodo tiba di Jakarta pada Senin (1/12). “Kami siap,” kata Widodo.';

test('a failure shows a notice with the saved work to download; reload restores it', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, TEXT);
  await waitForHighlights(page);
  await page.waitForFunction(() => (localStorage.getItem('sorot.workspace') ?? '').includes('Joko Widodo'));
  const saved = await page.evaluate(() => localStorage.getItem('sorot.workspace'));

  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.sorot_fail_for_test();
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.ok(thrown, 'the failure surfaces as an exception');
  await page.waitForSelector('[data-testid=crash][role=alert]');
  assert.match(await page.textContent('[data-testid=crash]'), /saved in this browser/);
  assert.equal(await page.evaluate(() => localStorage.getItem('sorot.workspace')), saved, 'the saved work is untouched');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=crash-download]')]);
  assert.equal(download.suggestedFilename(), 'sorot-saved-work.jsonl');
  const body = await readFile(await download.path(), 'utf8');
  const docs = body.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(docs.length, 1);
  assert.equal(docs[0].document.text, TEXT);

  // The downloaded file opens in a fresh page with its highlights.
  const fresh = await openApp(app.env.browser, app.env.server.url);
  try {
    await dropFiles(fresh.page, [{ name: 'sorot-saved-work.jsonl', bytes: body }]);
    await waitForHighlights(fresh.page);
    const hs = await highlights(fresh.page);
    assert.deepEqual(hs.map((h) => [h.label, h.start, h.end]), docs[0].annotations.map((a) => [a.label, a.start, a.end]));
  } finally {
    await fresh.context.close();
  }

  // Reload: the work is back, the notice gone.
  await page.click('[data-testid=crash-reload]');
  await page.waitForSelector(`${sel.view} mark`);
  assert.equal(await page.$('[data-testid=crash]'), null);
  assert.match(await page.textContent(sel.view), /Joko Widodo/);
});
