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
    const fatal = errors.filter((e) => e.startsWith('pageerror') || /panicked/i.test(e));
    assert.deepEqual(fatal, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
