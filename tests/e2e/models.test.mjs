// The learned taggers load lazily: the page shows the rules' highlights at
// once, then fetches models/<lang>.tagger from its own origin, once per
// language of an open document, and the highlights become exactly what the
// native pipeline with the same model gives (the `sorot` command line, which
// has models/*.tagger built in). A model that cannot be loaded (404, damaged
// bytes) leaves the rules' highlights and a notice, and is not asked for
// again. The single-file sorot.html carries the models inline and fetches
// nothing.
//
//   trunk build --release && node --test tests/e2e/models.test.mjs
//
// The expected annotations come from `sorot annotate --stdout --lang L FILE`
// run at test time: $SOROT_BIN if set (with $SOROT_MODELS, the models/ it
// was built from), else `cargo build --bin sorot` (a no-op after `cargo
// test`) in $CARGO_TARGET_DIR (default target/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, exportJson, highlights, pasteText, sel, waitForHighlights, useServerAndBrowser } from './lib/harness.mjs';

const env = useServerAndBrowser();

/** A real article from the quotation gold files (see tests/fixtures/quotes/README.md). */
const article = (rel) => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'quotes', rel), 'utf8')).text;
// Texts on which the rules and the models disagree in many places (the
// Indonesian one is also tests/state.rs's), so that a page still showing the
// rules' highlights cannot pass for one showing the model's.
const TEXT = {
  id: article('id/tuned/timnas.json'),
  en: article('en/tuned/gum_news_soccer.json'),
};

let sorotBin;
/** The `sorot` command line, built from the same models as dist/ (checked once). */
function cli() {
  if (sorotBin) return sorotBin;
  let bin = process.env.SOROT_BIN;
  if (!bin) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'sorot'], { cwd: ROOT, stdio: 'inherit' });
    bin = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'sorot');
  }
  // The page's models and the command line's must be the same files
  // ($SOROT_MODELS: the models/ directory $SOROT_BIN was built from).
  const models = process.env.SOROT_MODELS ?? join(ROOT, 'models');
  for (const lang of ['id', 'en']) {
    const built = readFileSync(join(DIST, 'models', `${lang}.tagger`));
    const source = readFileSync(join(models, `${lang}.tagger`));
    assert.ok(built.equals(source), `dist/models/${lang}.tagger differs from ${models}/${lang}.tagger: rebuild dist (trunk build --release)`);
  }
  return (sorotBin = bin);
}

/** The native pipeline's annotations of `text` as language `lang`, with the built-in model. */
function nativeAnnotations(text, lang) {
  const dir = mkdtempSync(join(tmpdir(), 'sorot-models-'));
  const file = join(dir, 'pasted-article.txt');
  writeFileSync(file, text);
  const out = execFileSync(cli(), ['annotate', '--stdout', '--lang', lang, file], { encoding: 'utf8' });
  return JSON.parse(out).annotations;
}

/**
 * Annotations without their ids, a speaker as the span it points to: a
 * fresh analysis of the page's text keeps the ids of what it finds again,
 * so the page's ids after the model arrived need not be the native ones.
 */
function withoutIds(annotations) {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return annotations.map(({ id, speaker, ...a }) => (speaker === undefined ? a : { ...a, speaker: [byId.get(speaker)?.start, byId.get(speaker)?.end] }));
}

/** The attribute `data-model-<lang>` of the app root (null when absent). */
const modelState = (page, lang) => page.getAttribute(sel.dropZone, `data-model-${lang}`);

async function waitForModelState(page, lang, want) {
  await page.waitForSelector(`${sel.dropZone}[data-model-${lang}="${want}"]`, { timeout: 20_000 });
}

/** A fresh context without the service worker (so every model request reaches Playwright's routes). */
async function newPage(browser) {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  const requests = [];
  context.on('request', (r) => {
    if (/\.tagger(?:[?#]|$)/.test(r.url())) requests.push(r.url());
  });
  return { context, page, errors, requests };
}

/** Holds each model response until `release(lang)` is called, then passes it on (or to `respond`). */
async function gateModels(context, respond = (route) => route.continue()) {
  const gates = {};
  const gate = (lang) => (gates[lang] ??= (() => {
    let open;
    const promise = new Promise((ok) => (open = ok));
    return { promise, open };
  })());
  await context.route('**/*.tagger', async (route) => {
    const lang = new URL(route.request().url()).pathname.match(/([a-z]+)\.tagger$/)?.[1];
    await gate(lang).promise;
    await respond(route, lang);
  });
  return (lang) => gate(lang).open();
}

const key = (a) => `${a.label} ${a.start}-${a.end}`;

/** The offset, in the document view's text, of the character 100 px below the top of the window. */
const readingPlace = (page) =>
  page.evaluate((viewSel) => {
    const view = document.querySelector(viewSel);
    const box = view.getBoundingClientRect();
    const range = document.caretRangeFromPoint(box.left + 30, 100);
    if (!range || !view.contains(range.startContainer)) return -1;
    const before = document.createRange();
    before.setStart(view, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return before.toString().length;
  }, sel.view);

test('highlights show at once, then each model loads once from the own origin and its annotations replace the rules’', { timeout: 300_000 }, async () => {
  cli();
  const { context, page, errors, requests } = await newPage(env.browser);
  const release = await gateModels(context);
  try {
    await page.goto(env.server.url);
    await page.waitForSelector(sel.input);
    assert.equal(await modelState(page, 'id'), null, 'no model is asked for before there is a document');
    assert.deepEqual(requests, []);

    const origin = new URL(env.server.url).origin;
    let previous = null;
    for (const lang of ['id', 'en']) {
      await pasteText(page, TEXT[lang]);
      // The rules' highlights are there while the model is still on its way.
      await waitForHighlights(page);
      await waitForModelState(page, lang, 'loading');
      assert.match(await page.textContent('[data-testid=model-status]'), new RegExp(`${lang} loading`));
      const rules = (await exportJson(page)).json;
      assert.equal(rules.document?.lang ?? rules.lang, lang, 'the paste is detected as the expected language');
      // The reader has scrolled down the article before the model arrives;
      // afterwards the same line of the article is still where they read.
      await page.setViewportSize({ width: 900, height: 420 });
      // (Far enough past the page's header and bars to be inside the text.)
      await page.evaluate(() => window.scrollTo(0, 500));
      const before = await readingPlace(page);
      assert.ok(before > 0, `${lang}: the view is scrolled into the article`);

      release(lang);
      await waitForModelState(page, lang, 'ready');
      const after = await readingPlace(page);
      assert.ok(Math.abs(after - before) < 100, `${lang}: the model's arrival keeps the reader's place (character ${before} → ${after} at the same height)`);
      const { json } = await exportJson(page);
      const want = nativeAnnotations(TEXT[lang], lang);
      assert.deepEqual(withoutIds(json.annotations), withoutIds(want), `${lang}: the page's annotations are the native pipeline's with the model`);
      // What the model found again kept its id.
      for (const a of json.annotations) {
        const was = rules.annotations.find((r) => r.label === a.label && r.start === a.start && r.end === a.end);
        if (was) assert.equal(a.id, was.id, `${lang}: ${a.label} ${a.text} keeps its id`);
        else assert.ok(!rules.annotations.some((r) => r.id === a.id), `${lang}: ${a.label} ${a.text} has a new id`);
      }
      assert.notDeepEqual(rules.annotations.map(key), want.map(key), `${lang}: the model changed nothing on this text; pick one where it does`);
      // What is highlighted is what is exported.
      const shown = (await highlights(page)).map(key).sort();
      assert.deepEqual(shown, want.map(key).sort(), `${lang}: the view shows the model's annotations`);
      if (previous) assert.equal(await modelState(page, previous), 'ready', 'the other language stays ready');
      previous = lang;
    }

    // Pasting again (both models installed) asks for nothing more.
    await pasteText(page, `${TEXT.id}\n\nSelesai.`);
    await page.waitForTimeout(500);
    assert.deepEqual(requests.slice().sort(), [`${origin}/models/en.tagger`, `${origin}/models/id.tagger`], 'one request per model, to the own origin');
    assert.match(await page.textContent('[data-testid=model-status]'), /id ready · en ready/);
    assert.deepEqual(await page.$$(sel.notice), [], 'no notice when the models load');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a missing or damaged model keeps the rules’ highlights, shows a notice and is not fetched again', { timeout: 120_000 }, async () => {
  const { context, page, errors, requests } = await newPage(env.browser);
  const release = await gateModels(context, (route, lang) =>
    lang === 'id'
      ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('SOROT-TAGGER but not really, just damaged bytes') }),
  );
  try {
    await page.goto(env.server.url);
    await page.waitForSelector(sel.input);
    for (const [lang, reason] of [['id', /HTTP 404/], ['en', /unreadable model file/]]) {
      await pasteText(page, TEXT[lang]);
      await waitForHighlights(page);
      const before = (await highlights(page)).map(key);
      assert.ok(before.length > 0);
      release(lang);
      await waitForModelState(page, lang, 'failed');
      const notices = await page.$$eval(sel.notice, (els) => els.map((e) => e.textContent));
      const name = lang === 'id' ? 'Indonesian' : 'English';
      const mine = notices.filter((n) => n.includes(name));
      assert.equal(mine.length, 1, `one notice for the ${name} model: ${notices.join(' | ')}`);
      assert.match(mine[0], reason);
      assert.match(mine[0], /rules alone/);
      assert.deepEqual((await highlights(page)).map(key), before, 'the rules’ highlights stay');
      assert.match(await page.textContent('[data-testid=model-status]'), new RegExp(`${lang} unavailable`));
    }
    // No retry: more pastes of both languages, and time, bring no request.
    await pasteText(page, `${TEXT.id}\n\nSelesai.`);
    await pasteText(page, `${TEXT.en}\n\nThe end.`);
    await page.waitForTimeout(1000);
    assert.equal(requests.length, 2, `requests: ${requests.join(', ')}`);
    assert.equal((await page.$$(sel.notice)).length, 2, 'still one notice per language');
    // A failed model is a notice, not an error: nothing uncaught, no panic.
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('sorot.html from file:// annotates with its inline models and requests none', { timeout: 300_000 }, async () => {
  cli();
  const html = readFileSync(join(DIST, 'sorot.html'), 'utf8');
  for (const lang of ['id', 'en']) {
    const block = html.match(new RegExp(`<script type="application/octet-stream" id="sorot-model-${lang}">([A-Za-z0-9+/=]+)</script>`));
    assert.ok(block, `sorot.html has no inline ${lang} model`);
    assert.ok(Buffer.from(block[1], 'base64').equals(readFileSync(join(DIST, 'models', `${lang}.tagger`))), `the inline ${lang} model is dist/models/${lang}.tagger`);
  }
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  context.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(join(DIST, 'sorot.html')).href);
    await page.waitForSelector(sel.input);
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const lang of ['id', 'en']) {
      await pasteText(page, TEXT[lang]);
      await waitForModelState(page, lang, 'ready');
      const { json } = await exportJson(page);
      assert.deepEqual(withoutIds(json.annotations), withoutIds(nativeAnnotations(TEXT[lang], lang)), `${lang}: the inline model's annotations`);
    }
    assert.deepEqual(requests.filter((u) => /tagger|models/.test(u)), [], 'no request for a model');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
    assert.deepEqual(await page.$$(sel.notice), []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the service worker precaches the models', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /"\/models\/id\.tagger"/);
  assert.match(sw, /"\/models\/en\.tagger"/);
});
