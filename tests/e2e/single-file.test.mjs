// The release build's single-file app, dist/sorot.html (scripts/single-file.mjs),
// works when opened straight from disk: from file://, with no server, it
// starts, annotates and exports under its own strict Content-Security-Policy,
// and it points at no other file.
//
//   trunk build --release && node --test tests/e2e/single-file.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, exportJson, highlights, launchBrowser, pasteText, sel, waitForHighlights } from './lib/harness.mjs';

const FILE = join(DIST, 'sorot.html');
let browser;

before(async () => {
  assert.ok(existsSync(FILE), `${FILE} not found: build with trunk build --release (single-file.mjs runs only for release)`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('sorot.html is self-contained and carries a strict policy', () => {
  const html = readFileSync(FILE, 'utf8');
  const external = [...html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)]
    .map((m) => m[1])
    .filter((ref) => !/^(data|blob):/i.test(ref));
  assert.deepEqual(external, [], 'sorot.html refers to other files');
  assert.doesNotMatch(html, /<link\b[^>]*rel="(?:stylesheet|modulepreload|preload)"/i);
  // One script runs; the others are data blocks, never run by the page:
  // the learned taggers in base64 (type application/octet-stream, see
  // models.test.mjs) and the analysis worker's script (type text/plain,
  // started from a blob: URL).
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  const data = scripts.filter((a) => /^\s*type="application\/octet-stream" id="sorot-model-[a-z]+"\s*$/.test(a));
  const worker = scripts.filter((a) => /^\s*type="text\/plain" id="sorot-analyser"\s*$/.test(a));
  assert.equal(scripts.length - data.length - worker.length, 1, `one inline script to run: ${scripts.join(' | ')}`);
  assert.equal(data.length, 2, 'the id and en models inline');
  assert.equal(worker.length, 1, 'the analysis worker inline');
  assert.doesNotMatch(html, /<script\b[^>]*\bsrc\s*=/i);

  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(policy, 'sorot.html has no Content-Security-Policy meta tag');
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|'self'/);
  assert.match(policy, /script-src 'wasm-unsafe-eval' 'sha256-[^']+'(;|$)/);
  assert.match(policy, /style-src 'sha256-[^']+'(;|$)/);
  assert.match(policy, /connect-src 'none'/);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /worker-src blob:(;|$)/, 'workers only from the page itself (blob:)');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'));
});

test('the service worker does not precache sorot.html', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /sorot\.html/);
});

test('sorot.html loads, annotates and exports from file://', { timeout: 90_000 }, async () => {
  const url = pathToFileURL(FILE).href;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const messages = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    messages.push(`${msg.type()}: ${msg.text()}`);
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  try {
    await page.goto(url);
    await page.waitForSelector(sel.input);
    assert.equal(new URL(page.url()).protocol, 'file:');
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await pasteText(page, 'Presiden Prabowo Subianto tiba di Tokyo, Jepang, pada Senin (1/12).');
    await waitForHighlights(page);
    const labels = (await highlights(page)).map((h) => h.label);
    assert.ok(labels.includes('PERSON'), `no PERSON highlight: ${labels.join(', ')}`);

    const { json } = await exportJson(page);
    assert.equal(json.format, 'sorot.annotations');
    assert.ok(json.annotations?.length > 0 || JSON.stringify(json).includes('PERSON'), 'the export has annotations');

    // The export menu's files are written by the inline worker.
    await page.click('[data-testid=export-menu-toggle]');
    const [w3c] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-current-w3c]')]);
    assert.equal(await w3c.failure(), null);
    const page3 = JSON.parse(readFileSync(await w3c.path(), 'utf8'));
    assert.equal(page3.type, 'AnnotationPage');
    assert.ok(page3.items.some((i) => i.motivation === 'tagging'), 'the W3C export has annotations');

    // On file:// Chromium may expose navigator.serviceWorker but refuses to
    // use it (origin 'null'): then no worker can be registered either.
    assert.deepEqual(messages.filter((m) => /service ?worker|offline cache/i.test(m)), [], 'sorot.html tried to register a service worker');
    const registrations = await page.evaluate(async () => {
      try {
        return navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0;
      } catch {
        return 0;
      }
    });
    assert.equal(registrations, 0, 'sorot.html registered a service worker');

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    const cspErrors = errors.filter((e) => /Content Security Policy/i.test(e));
    assert.deepEqual(cspErrors, [], 'Chromium reported policy violations');
    const pageErrors = errors.filter((e) => e.startsWith('pageerror:'));
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  } finally {
    await context.close();
  }
});
