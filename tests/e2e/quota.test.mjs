// A full storage quota: the autosave fails, the user is told once, what was
// saved before is not touched, and leaving the page asks first. The work is
// saved in two places (localStorage and IndexedDB, src/ui/storage.rs); a
// save fails only when neither takes it, so both are filled here: the
// origin's quota, which IndexedDB counts against, is set to one byte
// (DevTools protocol, Storage.overrideQuotaForOrigin), and localStorage is
// filled with other data.
//
//   trunk build --release && node --test tests/e2e/quota.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pasteLong, pasteText, savedInIndexedDb, sel, useApp, waitForHighlights } from './lib/harness.mjs';

const TIMEOUT = 60_000;
const app = useApp();

test('storage full: a notice, the earlier save intact, a question before leaving', { timeout: TIMEOUT }, async () => {
  // IndexedDB's quota is set at once, below anything it will hold: a
  // connection keeps the quota it opened with, and Chromium lets small
  // writes through over it, so the large save below is the one refused.
  const page = await app.open({
    beforeLoad: async (page, url) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(url).origin, quotaSize: 1 });
    },
  });
  await pasteText(page, 'Presiden Joko Widodo tiba di Jakarta.');
  await waitForHighlights(page);
  await page.waitForFunction(() => (localStorage.getItem('sorot.workspace') ?? '').includes('Joko Widodo'));
  const saved = await page.evaluate(() => localStorage.getItem('sorot.workspace'));

  const journal = () => savedInIndexedDb(page);
  const savedJournal = await journal();

  // Fill localStorage with other data.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length >= 16) {
      try {
        localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 1);

  // A longer text no longer fits.
  // (Large: Chromium lets a small IndexedDB write through over the quota.)
  const longer = 'Menteri Luar Negeri Sugiono bertemu Sekjen NATO Mark Rutte di Brussel. '.repeat(20_000);
  await pasteText(page, longer);
  await page.waitForSelector(sel.notice);
  assert.match(await page.textContent(sel.notice), /could not be saved in this browser/);
  assert.equal(await page.evaluate(() => localStorage.getItem('sorot.workspace')), saved, 'the earlier save is untouched');
  assert.equal(await journal(), savedJournal, 'the earlier save in IndexedDB is untouched');
  // One notice, not one per change. (A paste: the box holds a text this
  // long out of itself, and takes no typing while it does.)
  await pasteLong(page, `${longer} Selesai.`);
  await page.waitForTimeout(800);
  assert.equal((await page.$$(sel.notice)).length, 1);

  // Leaving asks first. (The question is then answered "leave": a page
  // kept open after a dismissed one sometimes took headless Chromium down
  // when its context was closed after the test.)
  const dialog = new Promise((ok) => page.once('dialog', (d) => ok(d)));
  const closed = new Promise((ok) => page.once('close', ok));
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  assert.equal(d.type(), 'beforeunload');
  await d.accept();
  await closed;
});
