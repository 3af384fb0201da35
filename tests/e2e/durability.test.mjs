// Durability of the autosave (src/ui/storage.rs): the work survives a
// browser that is killed mid-editing, and a workspace too large for
// localStorage is saved all the same (in IndexedDB) and comes back.
//
// The killed browser is a real one: Chromium is started here with its own
// profile folder and driven over the DevTools protocol, then the whole
// browser process is sent SIGKILL one second after the last change (no
// unload, no flush), and started again on the same profile. localStorage
// alone loses that change: Chromium writes it to disk only every few
// seconds (measured here: a value set 3 s before the kill was gone).
//
//   trunk build --release && node --test tests/e2e/durability.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  highlights,
  pasteLong,
  pasteText,
  savedInIndexedDb,
  sel,
  selectText,
  serveDist,
  useApp,
  waitForHighlights,
  waitForSettled,
  waitForViewText,
} from './lib/harness.mjs';

const TIMEOUT = 120_000;
const app = useApp();

const ARTICLE =
  'Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, Senin (1/12). ' +
  '“Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. ' +
  'Kementerian Luar Negeri Jepang menyebut pertemuan itu penting bagi Tokyo dan Brussel. 😀 Takaichi tersenyum.';

let server;
let profile;
before(async () => {
  server = await serveDist();
  profile = mkdtempSync(join(tmpdir(), 'sorot-profile-'));
});
after(() => {
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Starts Chromium on `profile` and connects to it; returns { proc, browser }. */
async function startBrowser() {
  const port = join(profile, 'DevToolsActivePort');
  if (existsSync(port)) unlinkSync(port);
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: 'ignore',
  });
  for (let i = 0; !existsSync(port) || readFileSync(port, 'utf8').split('\n').length < 2; i++) {
    assert.ok(i < 300, 'Chromium did not start');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const [number] = readFileSync(port, 'utf8').trim().split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${number}`);
  return { proc, browser };
}

async function kill(proc) {
  const gone = new Promise((ok) => proc.once('exit', ok));
  proc.kill('SIGKILL');
  await gone;
}


/** Pastes the article 700 times (about 200 KB: a dozen chunks, longer than
 * the view draws at once, and taken from the paste box when typing pauses,
 * not at every key), waits for its highlights and, unless `settled` is
 * false, for the analysis and drawing to end. Returns the text. */
async function pasteLongArticle(page, { settled = true } = {}) {
  const long = `${ARTICLE}\n\n`.repeat(700);
  await pasteLong(page, long);
  await waitForHighlights(page);
  if (settled) await waitForSettled(page);
  return long;
}
test('a browser killed mid-editing: everything is back up to the last change', { timeout: TIMEOUT }, async () => {
  let { proc, browser } = await startBrowser();
  try {
    let page = await browser.contexts()[0].newPage();
    await page.goto(server.url);
    await page.waitForSelector(sel.input);
    await pasteText(page, ARTICLE);
    await waitForHighlights(page);
    // The last change: a label the user gives.
    await selectText(page, 'Kementerian Luar Negeri', { from: 3, to: 20 });
    await page.keyboard.press('2');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('mark[data-source=user]')].some((m) => m.textContent === 'Kementerian Luar Negeri'),
    );
    const before = await highlights(page);
    // A moment for the autosave (300 ms after a change), then the kill.
    await page.waitForTimeout(1000);
    await kill(proc);

    ({ proc, browser } = await startBrowser());
    page = await browser.contexts()[0].newPage();
    await page.goto(server.url);
    await waitForViewText(page, ARTICLE);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('mark[data-source=user]')].some((m) => m.textContent === 'Kementerian Luar Negeri'),
    );
    const back = await highlights(page);
    assert.deepEqual(
      back.map((h) => [h.label, h.text]),
      before.map((h) => [h.label, h.text]),
      'the same highlights as before the kill',
    );
    assert.equal(await page.inputValue(sel.input), ARTICLE, 'the paste box is back too');
    assert.equal((await page.$$(sel.notice)).length, 0, 'no notice');
  } finally {
    await kill(proc).catch(() => {});
  }
});

test('work too large for localStorage is saved in IndexedDB and comes back after a reload', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  // About 3 MB of text: with its annotations, and the paste box holding the
  // text too, the saved form is far over localStorage's limit.
  const big = `${ARTICLE}\n\n`.repeat(8_000);
  await pasteLong(page, big);
  await waitForHighlights(page);
  await waitForSettled(page);
  const count = await page.evaluate(() => document.querySelectorAll('[data-testid=document-view] mark').length);
  assert.ok(count > 10_000, `${count} highlights`);
  for (let i = 0; ; i++) {
    const saved = (await savedInIndexedDb(page))?.length ?? 0;
    if (saved > big.length * 2) break;
    assert.ok(i < 100, 'the work reached IndexedDB');
    await page.waitForTimeout(100);
  }
  assert.ok(
    !(await page.evaluate(() => localStorage.getItem('sorot.workspace') ?? '')).includes('Sanae Takaichi'),
    'localStorage could not hold it',
  );
  assert.equal((await page.$$(sel.notice)).length, 0, 'saved in IndexedDB: no "could not be saved" notice');

  // The export menu sends the worker the line of that save (kept as a
  // Blob, too long for localStorage): the file holds the whole document.
  await page.click('[data-testid=export-menu-toggle]');
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click('[data-testid=export-current-sorot]'),
  ]);
  assert.equal(await file.failure(), null);
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8'));
  assert.equal(exported.document.text, big);
  assert.equal(exported.annotations.length, count);

  await page.reload();
  await waitForSettled(page);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document-view] mark').length === n, count, {
    timeout: 60_000,
  });
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=document-view]').textContent.length), big.length);
  app.assertNoPageErrors();
});

test('typing in a long pasted text: what was typed is analysed when typing pauses, and saved', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  // About 200 KB: the paste box takes such a text when typing pauses, not
  // at every key.
  const long = await pasteLongArticle(page);
  const typed = ' Menteri Luar Negeri Budi Santoso tiba di Surabaya.';
  await page.evaluate(() => {
    const a = document.querySelector('[data-testid=article-input]');
    a.focus();
    a.setSelectionRange(1000, 1000);
  });
  await page.keyboard.type(typed, { delay: 20 });
  const want = long.slice(0, 1000) + typed + long.slice(1000);
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n, want.length, {
    timeout: 30_000,
  });
  await waitForSettled(page);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=document-view]').textContent.slice(0, 1100)), want.slice(0, 1100));
  const found = await page.$$eval('[data-testid=document-view] mark', (ms) => ms.map((m) => `${m.dataset.label}:${m.textContent}`));
  assert.ok(found.includes('PERSON:Budi Santoso') && found.includes('LOC:Surabaya'), found.slice(0, 30).join(', '));
  for (let i = 0; ; i++) {
    const saved = (await savedInIndexedDb(page)) ?? '';
    if (saved.includes('Budi Santoso tiba di Surabaya')) break;
    assert.ok(i < 100, 'what was typed is saved');
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('[data-testid=article-input]')?.value.length === n, want.length);
  assert.equal(await page.inputValue('[data-testid=article-input]'), want);
  app.assertNoPageErrors();
});

test('typing in a long pasted text: the highlights away from the change stay on screen while it is taken', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  // About 200 KB: longer than the view draws at once, so a new text is
  // drawn near the reader first and the rest a step at a time.
  const long = await pasteLongArticle(page);
  // Every frame from the first key until the view shows the new text (and
  // a few frames more): the marks in the last chunk, far from the change.
  await page.evaluate(() => {
    window.__lastMarks = [];
    const view = document.querySelector('[data-testid=document-view]');
    const n = view.textContent.length;
    const count = () => [...view.querySelectorAll('[data-chunk]')].at(-1).querySelectorAll('mark').length;
    let after = 0;
    const frame = () => {
      window.__lastMarks.push(count());
      if (view.textContent.length !== n) after++;
      if (after < 5) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const a = document.querySelector('[data-testid=article-input]');
    a.focus();
    a.setSelectionRange(1000, 1000);
  });
  await page.keyboard.type('x');
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n + 1, long.length);
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => window.__lastMarks);
  assert.ok(seen[0] > 0, `the last chunk had highlights: ${seen.slice(0, 5)}`);
  assert.ok(seen.every((k) => k > 0), `the last chunk kept its highlights in every frame: ${seen.join(',')}`);
  await waitForSettled(page);
  app.assertNoPageErrors();
});

test('a pasted text too long for the paste box is held out of it: a paste there replaces it, typing there does nothing, and "Edit its text here" puts it back', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await app.current.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const edit = '[data-testid=article-edit]';
  // About 500 KB: over the length the paste box keeps (HELD_FROM, 300 KB).
  const long = `${ARTICLE}\n\n`.repeat(1_500);
  const viewLength = () => page.evaluate(() => document.querySelector('[data-testid=document-view]').textContent.length);
  const box = () =>
    page.evaluate(() => {
      const a = document.querySelector('[data-testid=article-input]');
      return { length: a.value.length, placeholder: a.placeholder };
    });
  await pasteLong(page, long);
  await waitForHighlights(page);
  await page.waitForSelector(edit);
  let b = await box();
  assert.equal(b.length, 0, 'the box lets the text go');
  const mb = (Buffer.byteLength(long) / 1_048_576).toFixed(1);
  assert.equal(b.placeholder, `This ${mb} MB article is held out of this box so that the page stays quick. Paste here to replace it.`);
  assert.equal(await viewLength(), long.length);

  // Typing into the empty box would replace the article unseen: it does nothing.
  await page.focus(sel.input);
  await page.keyboard.type('xy');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(500);
  assert.equal((await box()).length, 0);
  assert.equal(await viewLength(), long.length);

  // A reload brings the text back, held out again.
  await waitForSettled(page);
  for (let i = 0; ((await savedInIndexedDb(page))?.length ?? 0) < long.length; i++) {
    assert.ok(i < 100, 'the long text is saved');
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.waitForSelector(edit);
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n, long.length);
  assert.equal((await box()).length, 0);

  // "Edit its text here": the whole text in the box, the caret at its
  // start; typing goes into the document as before.
  await page.click(edit);
  assert.equal((await box()).length, long.length);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'article-input');
  assert.equal(await page.$(edit), null);
  await page.keyboard.type('Presiden Prabowo Subianto tiba. ', { delay: 20 });
  const edited = `Presiden Prabowo Subianto tiba. ${long}`;
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n, edited.length, { timeout: 30_000 });
  await waitForSettled(page);
  assert.equal((await box()).length, edited.length, 'the box keeps the text while it is edited');
  const found = await page.$$eval('[data-testid=document-view] mark', (ms) => ms.slice(0, 5).map((m) => `${m.dataset.label}:${m.textContent}`));
  assert.ok(found.includes('PERSON:Prabowo Subianto'), found.join(', '));

  // A new long paste holds it out again; a paste (Ctrl+V) into the empty
  // box then replaces the text, as a paste over the whole text would.
  await page.evaluate((t) => {
    const input = document.querySelector('[data-testid=article-input]');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, long);
  await page.waitForSelector(edit);
  assert.equal((await box()).length, 0);
  await page.evaluate((t) => navigator.clipboard.writeText(t), ARTICLE);
  await page.focus(sel.input);
  await page.keyboard.press('Control+V');
  await waitForViewText(page, ARTICLE);
  assert.equal(await page.$(edit), null);
  assert.equal(await page.inputValue(sel.input), ARTICLE);
  await waitForHighlights(page);

  // Closing the pasted document empties the box (a paste then starts a
  // new article instead of landing beside the old text); a long one's
  // placeholder goes with it.
  await pasteLong(page, long);
  await page.waitForSelector(edit);
  await page.click('.doc-tab__close');
  await page.waitForFunction(() => !document.querySelector('[data-testid=doc-tab]'));
  b = await box();
  assert.equal(b.length, 0);
  assert.ok(!b.placeholder.includes('held out'), b.placeholder);
  assert.equal(await page.$(edit), null);
  await page.focus(sel.input);
  await page.keyboard.press('Control+V');
  await waitForViewText(page, ARTICLE);
  assert.equal(await page.inputValue(sel.input), ARTICLE);
  app.assertNoPageErrors();
});

test('a reload brings a long article back to the same words at the top of the window', { timeout: TIMEOUT }, async () => {
  // A narrow window: the chunks not yet drawn are estimated at a height that
  // is wrong here, so a scroll position in pixels would land elsewhere.
  const page = await app.open({ viewport: { width: 900, height: 800 } });
  // About 200 KB: a dozen chunks, most drawn only when they come near.
  const long = await pasteLongArticle(page, { settled: false });
  const topWords = () =>
    page.evaluate(() => {
      const view = document.querySelector('[data-testid=document-view]');
      const r = view.getBoundingClientRect();
      const caret = document.caretPositionFromPoint(r.left + 30, 4);
      const range = document.createRange();
      range.setStart(view, 0);
      range.setEnd(caret.offsetNode, caret.offset);
      const offset = range.toString().length;
      range.collapse(false);
      return { offset, top: Math.round(range.getBoundingClientRect().top) };
    });
  // The learned tagger's analysis done (it draws chunks again), read down
  // to about the middle, a screen at a time (every chunk on the way is
  // drawn and takes its real height); a page that stops scrolling fails
  // here, with where it stood, instead of hanging.
  await waitForSettled(page);
  const read = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    for (let i = 0; i < 1000; i++) {
      if (window.scrollY >= document.documentElement.scrollHeight * 0.5) return { ok: true };
      window.scrollBy(0, window.innerHeight * 0.9);
      await frame();
    }
    return { ok: false, y: window.scrollY, height: document.documentElement.scrollHeight };
  });
  assert.ok(read.ok, `the page stopped scrolling: ${JSON.stringify(read)}`);
  await page.waitForTimeout(500);
  const before = await topWords();
  assert.ok(before.offset > 50_000, `scrolled into the article: ${JSON.stringify(before)}`);
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n, long.length);
  await page.waitForTimeout(1000);
  const after = await topWords();
  // The same line at the top (a line holds ~100 characters).
  assert.ok(Math.abs(after.offset - before.offset) < 120, `before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
  app.assertNoPageErrors();
});

test('in a long article, a quotation picked in the review list far down is shown on screen (chunks off screen are drawn on the way)', { timeout: TIMEOUT }, async () => {
  const page = await app.open({ viewport: { width: 900, height: 800 } });
  await pasteLongArticle(page);
  // The list shows its first 200 and a button for as many more.
  assert.equal(await page.locator('[data-testid=quote]').count(), 200);
  const more = page.locator('[data-testid=more-quotes]');
  assert.match(await more.textContent(), /Show 200 more \(\d{3,} not shown\)/);
  await more.click();
  assert.equal(await page.locator('[data-testid=quote]').count(), 400);
  const { n, id } = await pickQuotation(page, 0.7);
  assert.ok(n > 600, `${n} quotations listed`);
  assert.equal(await more.count(), 0, 'all shown: no button');
  await page.waitForTimeout(400);
  const box = await page.evaluate((id) => {
    const r = document.querySelector(`[data-testid=document-view] mark[data-id="${id}"]`).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  }, id);
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the quotation is off screen: ${JSON.stringify(box)}`);
  app.assertNoPageErrors();
});

test('a long article (3 MB, its highlights drawn in steps) comes out whole, and a quotation picked far down is shown on screen', { timeout: TIMEOUT }, async () => {
  const page = await app.open({ viewport: { width: 900, height: 800 } });
  // About 3 MB: far more chunks than are drawn at once.
  const long = `${ARTICLE}\n\n`.repeat(10_000);
  await pasteLong(page, long);
  await waitForHighlights(page);
  await waitForSettled(page);
  const marks = await page.evaluate(() => document.querySelectorAll('[data-testid=document-view] mark').length);
  assert.ok(marks > 50_000, `${marks} highlights`);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=document-view]').textContent.length), long.length);
  const { id } = await pickQuotation(page, 0.9);
  await page.waitForFunction(
    (id) => {
      const r = document.querySelector(`[data-testid=document-view] mark[data-id="${id}"]`)?.getBoundingClientRect();
      return r && r.top >= 0 && r.bottom <= window.innerHeight;
    },
    id,
    { timeout: 10_000, polling: 50 },
  );
  app.assertNoPageErrors();
});

/**
 * Clicks the quotation `fraction` of the way down the review list (all of
 * it shown); returns how many are listed and the picked one's annotation id.
 */
async function pickQuotation(page, fraction) {
  // The whole list (it shows 200 at first, twice as many at each click).
  const more = page.locator('[data-testid=more-quotes]');
  while ((await more.count()) > 0) await more.click();
  const quotes = page.locator('[data-testid=quote]');
  const n = await quotes.count();
  const picked = quotes.nth(Math.floor(n * fraction));
  const id = await picked.getAttribute('data-id');
  await picked.click();
  return { n, id };
}

test('an unreadable save in IndexedDB is set aside, offered as it was, and outlives later saves', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, 'Presiden Joko Widodo tiba di Jakarta.');
  await waitForHighlights(page);
  // A newer save that this version cannot read (a later version wrote it,
  // or it was damaged).
  const unreadable = '{"sorot_workspace":99,"from":"a later Sorot"}\n{"documents":';
  // Written from a page of the same origin without the app (which saves
  // again as it unloads).
  const url = page.url();
  await page.goto(new URL('/nothing-here.txt', url).href);
  await page.waitForTimeout(500);
  await page.evaluate(
    (text) =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('sorot');
        r.onsuccess = () => {
          const tx = r.result.transaction('saves', 'readwrite');
          tx.objectStore('saves').put([Date.now() + 1e9, text], 'workspace');
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        };
      }),
    unreadable,
  );
  await page.goto(url);
  await page.waitForSelector('[data-testid=notice-download]');
  assert.match(await page.textContent(sel.notice), /could not be restored/);
  // The page carries on with what localStorage had, and saves again.
  await waitForViewText(page, 'Presiden Joko Widodo tiba di Jakarta.');
  await pasteText(page, 'Menteri Sugiono tiba di Tokyo.');
  await page.waitForTimeout(800);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=notice-download]')]);
  const { readFile } = await import('node:fs/promises');
  assert.equal(await readFile(await download.path(), 'utf8'), unreadable);
  app.assertNoPageErrors();
});
