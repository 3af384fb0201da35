// The analysis worker (src/bin/analyser.rs, src/ui/analysis.rs): the page
// itself neither analyses nor reads files; a worker does, and the page
// copes when it cannot.
//
//   trunk build --release && node --test tests/e2e/worker.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  DIST,
  dropFiles,
  fixture,
  highlights,
  openApp,
  pasteText,
  sel,
  serveDist,
  tabs,
  useApp,
  waitForAnalysis,
  waitForHighlights,
  waitForSettled,
} from './lib/harness.mjs';

const app = useApp();

const noticeTexts = (page) => page.$$eval(sel.notice, (ns) => ns.map((n) => n.textContent));

test('analysis and file reading happen in a worker, not in the page', { timeout: 90_000 }, async () => {
  const workers = [];
  const page = await app.open({
    beforeLoad: (p) => p.on('worker', (w) => workers.push(w.url())),
  });
  await pasteText(page, fixture('artikel-takaichi.txt'));
  await waitForHighlights(page);
  assert.ok(
    workers.some((u) => /analyser_loader\.js$/.test(u)),
    `the analysis worker was started: ${workers.join(', ')}`,
  );
  await dropFiles(page, [{ name: 'berita.md', bytes: '# Judul\n\nPresiden Prabowo Subianto tiba di Tokyo pada Senin (1/12).' }]);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=doc-tab]')].some((t) => t.textContent.includes('berita.md')));
  await waitForAnalysis(page);
  assert.ok((await tabs(page)).some((t) => t.text.includes('berita.md') && t.selected), 'the dropped file opened and is shown');
  const labels = (await highlights(page)).map((h) => h.label);
  assert.ok(labels.includes('PERSON') && labels.includes('DATE'), labels.join(', '));
  app.assertNoPageErrors();
});

test('the worker is started once the page is up, before anything is pasted, and answers the first paste', { timeout: 90_000 }, async () => {
  // Loaded and warmed up ahead (its first analysis from unoptimised code
  // came some 2–6 times slower than later ones), so the first article a
  // person pastes does not wait for it.
  const workers = [];
  const page = await app.open({ beforeLoad: (p) => p.on('worker', (w) => workers.push(w.url())) });
  for (let i = 0; !workers.some((u) => /analyser_loader\.js$/.test(u)); i++) {
    assert.ok(i < 100, `no worker started before a paste: ${workers.join(', ')}`);
    await page.waitForTimeout(100);
  }
  await pasteText(page, 'Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).');
  await waitForHighlights(page);
  assert.equal(workers.filter((u) => /analyser_loader\.js$/.test(u)).length, 1, 'the same worker answered');
  app.assertNoPageErrors();
});

test('when the worker cannot start, the text still opens, a notice says why, and nothing is lost', { timeout: 90_000 }, async () => {
  // The build without the worker's files: every start of it fails.
  const dir = mkdtempSync(join(tmpdir(), 'sorot-no-worker-'));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !basename(src).startsWith('analyser') });
  const server = await serveDist(dir);
  const { page, context, errors } = await openApp(app.env.browser, server.url);
  try {
    const text = 'Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).';
    await pasteText(page, text);
    await page.waitForFunction((s) => document.querySelectorAll(s).length >= 1, sel.notice, { timeout: 30_000 });
    await waitForAnalysis(page);
    const notices = await noticeTexts(page);
    assert.equal(notices.length, 1, notices.join(' | '));
    assert.match(notices[0], /analysis could not run/i);
    assert.equal(await page.$eval(sel.view, (v) => v.textContent), text, 'the text is shown');
    await dropFiles(page, [{ name: 'b.txt', bytes: 'Teks kedua.' }]);
    await page.waitForFunction((s) => document.querySelectorAll(s).length >= 2, sel.notice, { timeout: 30_000 });
    await waitForAnalysis(page);
    const after = await noticeTexts(page);
    assert.equal(after.length, 2, `files that could not be read are reported too: ${after.join(' | ')}`);
    assert.equal(await page.$eval(sel.input, (i) => i.value), text, 'the paste box keeps the text');
    // The export menu's files are written by the worker too: a click says
    // the file could not be made, and the document stays.
    await page.click('[data-testid=export-menu-toggle]');
    await page.click('[data-testid=export-all-w3c]');
    await page.waitForFunction(
      (s) => [...document.querySelectorAll(s)].some((n) => n.textContent.includes('sorot-w3c.zip')),
      sel.notice,
      { timeout: 30_000 },
    );
    const saved = (await noticeTexts(page)).find((n) => n.includes('sorot-w3c.zip'));
    assert.match(saved, /was not saved/i, saved);
    assert.equal((await tabs(page)).length, 1, 'the document is still open');
    assert.equal(await page.$eval(sel.view, (v) => v.textContent), text, 'and shown');
    const fatal = errors.filter((e) => e.startsWith('pageerror') || /panicked/i.test(e));
    assert.deepEqual(fatal, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a large file the worker is stopped to give its memory back; a new one gets the tagger without analysing again', { timeout: 180_000 }, async () => {
  const started = [];
  let closed = 0;
  let release;
  const held = new Promise((ok) => (release = ok));
  const page = await app.open({
    serviceWorkers: 'block',
    beforeLoad: async (p) => {
      p.on('worker', (w) => {
        started.push(w.url());
        w.on('close', () => closed++);
      });
      // The tagger arrives only when the test lets it.
      await p.context().route('**/*.tagger', async (route) => {
        await held;
        await route.continue();
      });
      // Every analysis asked of a worker, counted.
      await p.addInitScript(() => {
        window.__jobs = 0;
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (m, ...rest) {
          if (m?.kind === 'job') window.__jobs++;
          return post.call(this, m, ...rest);
        };
      });
    },
  });
  // About 4.5 MB, made in the page and dropped as a file: read and
  // analysed (rules alone) by the first worker, which is then stopped. Its
  // last paragraph holds the one "Zorblax".
  const article = fixture('artikel-takaichi.txt');
  const length = await page.evaluate((a) => {
    const text = `${`${a}\n\n`.repeat(Math.ceil(4.5e6 / (a.length + 2)))}Zorblax tiba di Jakarta.\n`;
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'besar.txt', { type: 'text/plain' }));
    const zone = document.querySelector('[data-testid=drop-zone]');
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    return text.length;
  }, article);
  // Its chunks (some 280) are put on the page a part at a time, but the
  // page has its whole length from the first part on: a block as high as
  // the rest stands for them. The last word is searched for as soon as the
  // first chunks are there, while the others are still being placed.
  const first = await page
    .waitForFunction(
      () => {
        const v = document.querySelector('[data-testid=document-view][data-sparse=true]');
        if (!v?.querySelector('.document-view__chunk')) return null;
        const placing = v.hasAttribute('data-placing');
        const search = document.querySelector('[data-testid=search]');
        search.value = 'Zorblax';
        search.dispatchEvent(new Event('input', { bubbles: true }));
        return { placing, height: document.documentElement.scrollHeight };
      },
      null,
      { timeout: 60_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue());
  assert.ok(first.placing, 'the first chunks came before the rest');
  assert.ok(first.height > 100_000, `${first.height} px high as the first chunks came`);
  // The hit, at the end, is brought on screen and painted, and stays there
  // once every chunk is on the page.
  const hitOnScreen = () => {
    const h = CSS.highlights.get('sorot-search-current');
    const r = h && [...h][0];
    if (!r || r.toString() !== 'Zorblax') return false;
    const box = r.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  };
  await page.waitForFunction(hitOnScreen, null, { timeout: 30_000, polling: 200 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=document-view][data-placing]'), null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(hitOnScreen), 'the hit stayed on screen');
  assert.equal(await page.textContent('[data-testid=search-count]'), '1 of 1');
  // Shown with its highlights: a text this long keeps on the page only
  // the part near the reader, from its start.
  await page.waitForFunction(
    (n) => {
      const v = document.querySelector('[data-testid=document-view][data-sparse=true]');
      return v?.querySelector('mark') && v.textContent.length > 100_000 && v.textContent.length < n;
    },
    length,
    { timeout: 60_000 },
  );
  await waitForAnalysis(page, 120_000);
  await page.waitForFunction(() => document.querySelector('[data-testid=drop-zone]')?.getAttribute('data-model-id') === 'loading');
  await page.waitForTimeout(300);
  assert.deepEqual([started.length, closed], [1, 1], 'the worker that read the large file was stopped');
  // The tagger comes: a new worker is given it, and the document is
  // analysed with it once (a tagger given again to a new worker is no news
  // to the app).
  const jobs = await page.evaluate(() => window.__jobs);
  release();
  await waitForSettled(page, 120_000);
  await page.waitForTimeout(1000);
  assert.equal(await page.getAttribute(sel.dropZone, 'data-model-id'), 'ready');
  assert.equal((await page.evaluate(() => window.__jobs)) - jobs, 1, 'the document was analysed again once, with the tagger');
  assert.deepEqual([started.length, closed], [2, 2], 'the second worker was stopped too');
  // The next text: one new worker answers it, given the tagger first, and
  // nothing else is analysed again.
  const before = await page.evaluate(() => window.__jobs);
  await pasteText(page, 'Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).');
  await waitForSettled(page);
  await page.waitForTimeout(1000);
  assert.equal((await page.evaluate(() => window.__jobs)) - before, 1, 'only the pasted text was analysed');
  assert.equal(started.length, 3, 'one new worker answered it');
  const labels = (await highlights(page)).map((h) => `${h.label}:${h.text}`);
  assert.ok(labels.includes('PERSON:Sanae Takaichi') && labels.includes('LOC:Jakarta'), labels.join(', '));
  app.assertNoPageErrors();
});
