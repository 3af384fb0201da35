// Shared pieces of the end-to-end tests (and scripts/screenshot.mjs):
// a static file server for dist/, Debian's Chromium through playwright-core,
// and helpers that speak the UI's data-testid contract.
//
// Nothing here downloads a browser: playwright-core drives /usr/bin/chromium
// (scripts/setup.sh --test installs it with apt-get).

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..', '..');
export const DIST = resolve(process.env.SOROT_DIST ?? join(ROOT, 'dist'));
export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
export const SCHEMA = resolve(process.env.SOROT_SCHEMA ?? join(ROOT, 'schema', 'sorot.annotations.v1.schema.json'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The flags that behave on these machines (as root, no network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const LABELS = ['PERSON', 'ORG', 'LOC', 'DATE', 'QUOTE'];

/** Reads a fixture as UTF-8 text. */
export function fixture(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Slices a string by code points (the unit of every offset in Sorot). */
export function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` on an ephemeral 127.0.0.1 port. Returns { url, close }.
 * "/" and unknown paths without an extension serve index.html.
 */
export async function serveDist(dir = DIST) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: build the app first (trunk build --release)`);
  }
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info && !extname(path)) {
        path = join(root, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** Launches Debian's Chromium headless (Playwright gives it a fresh profile). */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup.sh --test (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens the app in a fresh context and waits until it has mounted.
 * Returns { page, context, errors } where `errors` collects uncaught page
 * errors (a Rust panic surfaces there) and console errors. `locale` is the
 * browser's language (`navigator.language`), English unless given;
 * `serviceWorkers: 'block'` keeps the service worker away (so every request
 * reaches Playwright's routes).
 */
export async function openApp(
  browser,
  url,
  { viewport = { width: 1280, height: 900 }, locale = 'en-US', beforeLoad, serviceWorkers = 'allow' } = {},
) {
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale, serviceWorkers });
  const page = await context.newPage();
  // Anything to set up before the app's first load (`beforeLoad(page, url)`).
  await beforeLoad?.(page, url);
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid=article-input]');
  return { page, context, errors };
}

export const sel = {
  input: '[data-testid=article-input]',
  fileInput: '[data-testid=file-input]',
  dropZone: '[data-testid=drop-zone]',
  view: '[data-testid=document-view]',
  highlight: '[data-testid=document-view] [data-label][data-start]',
  exportJson: '[data-testid=export-json]',
  tab: '[data-testid=doc-tab]',
  activeTab: '[data-testid=doc-tab][aria-current="true"]',
  notice: '[data-testid=notice]',
  legend: '[data-testid=legend]',
};

/** Pastes text into the article input and waits until the view shows it. */
export async function pasteText(page, text) {
  await page.fill(sel.input, text);
  await waitForViewText(page, text);
}

/**
 * Puts a long text in the paste box as a paste does (value, then an input
 * event) and waits until the view holds all of it. For megabytes: `page.fill`
 * types through the browser's editing commands, and `pasteText`'s check
 * compares whole texts on every frame.
 */
export async function pasteLong(page, text) {
  await page.evaluate((t) => {
    const input = document.querySelector('[data-testid=article-input]');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForFunction((n) => document.querySelector('[data-testid=document-view]')?.textContent.length === n, text.length, {
    timeout: 60_000,
  });
}

/**
 * The saved text of the workspace in IndexedDB (src/ui/storage.rs: database
 * `sorot`, store `saves`, record `workspace` = [number, Blob of the UTF-8
 * bytes of the text]), or null.
 */
export function savedInIndexedDb(page) {
  return page.evaluate(
    () =>
      new Promise((ok) => {
        const r = indexedDB.open('sorot');
        r.onsuccess = () => {
          if (!r.result.objectStoreNames.contains('saves')) return ok(null);
          const g = r.result.transaction('saves').objectStore('saves').get('workspace');
          // A Blob of the text's UTF-8 bytes (the bytes, or a string, from
          // earlier versions).
          g.onsuccess = () => {
            const t = g.result?.[1] ?? null;
            if (t instanceof Blob) t.text().then(ok, () => ok(null));
            else ok(t instanceof Uint8Array ? new TextDecoder().decode(t) : t);
          };
          g.onerror = () => ok(null);
        };
        r.onerror = () => ok(null);
      }),
  );
}

/** Waits until the document view shows `text` (ignoring whitespace layout). */
export async function waitForViewText(page, text) {
  await page.waitForFunction(
    ([viewSel, want]) => {
      const view = document.querySelector(viewSel);
      if (!view) return false;
      const squash = (s) => s.replace(/\s+/g, '');
      return squash(view.textContent) === squash(want);
    },
    [sel.view, text],
  );
}

/** Waits until at least one highlight is in the view. */
export async function waitForHighlights(page) {
  await waitForAnalysis(page);
  await page.waitForSelector(sel.highlight);
  await waitForDrawn(page);
}

/** Waits until the document view has drawn every highlight (a long
 * document draws them chunk by chunk: `data-drawing` until done). */
export async function waitForDrawn(page, timeout = 60_000) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=document-view][data-drawing]'), null, {
    timeout,
    polling: 50,
  });
}

/**
 * Waits until the page has settled: no document waits for the analysis
 * worker, no learned tagger is loading, every highlight is drawn (checked twice, 100 ms apart: a
 * tagger is asked for in the render after an analysis comes back).
 */
export async function waitForSettled(page, timeout = 60_000) {
  const settled = () =>
    page.waitForFunction(
      () => {
        const z = document.querySelector('[data-testid=drop-zone]');
        return (
          z?.getAttribute('data-analysing') === '0' &&
          !['id', 'en'].some((l) => z.getAttribute(`data-model-${l}`) === 'loading') &&
          !document.querySelector('[data-testid=document-view][data-drawing]')
        );
      },
      null,
      { timeout, polling: 50 },
    );
  await settled();
  await page.waitForTimeout(100);
  await settled();
}

/**
 * Waits until no open document is waiting for the analysis worker (the
 * page's data-analysing count is 0).
 */
export async function waitForAnalysis(page, timeout = 60_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=drop-zone]')?.getAttribute('data-analysing') === '0',
    null,
    { timeout, polling: 50 },
  );
}

/**
 * Every highlight in the document view, one entry per annotation:
 * { id, label, start, end, text, parts }. An annotation that crosses another
 * is rendered as several elements with the same data-id (data-part="true");
 * their texts, in document order, are joined. Elements of one annotation that
 * disagree on label or offsets are reported as an error.
 */
export async function highlights(page) {
  const els = await page.$$eval(sel.highlight, (list) =>
    list.map((el) => ({
      id: el.getAttribute('data-id'),
      label: el.getAttribute('data-label'),
      start: Number(el.getAttribute('data-start')),
      end: Number(el.getAttribute('data-end')),
      text: el.textContent,
    })),
  );
  const byId = new Map();
  for (const el of els) {
    const seen = byId.get(el.id);
    if (!seen) {
      byId.set(el.id, { ...el, parts: 1 });
      continue;
    }
    if (seen.label !== el.label || seen.start !== el.start || seen.end !== el.end) {
      throw new Error(`elements with data-id=${el.id} disagree: ${JSON.stringify(seen)} vs ${JSON.stringify(el)}`);
    }
    seen.text += el.text;
    seen.parts += 1;
  }
  return [...byId.values()];
}

/** The doc tabs: [{ text, selected }]. */
export async function tabs(page) {
  return page.$$eval(sel.tab, (els) =>
    els.map((el) => ({ text: el.textContent.trim(), selected: el.getAttribute('aria-current') === 'true' })),
  );
}

/**
 * Drops files on the drop zone, as a person dragging them from the desktop.
 * files: [{ name, type, bytes: Uint8Array | Buffer | string }]
 */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type ?? '',
    bytes: Array.from(typeof f.bytes === 'string' ? Buffer.from(f.bytes, 'utf8') : f.bytes),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const zone = page.locator(sel.dropZone);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** Clicks "export JSON" and returns { name, text, json } of the download. */
export async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel.exportJson)]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

let validator;
/** Validates a Sorot JSON export against schema/sorot.annotations.v1.schema.json. */
export async function validateExport(json) {
  if (!validator) {
    if (!existsSync(SCHEMA)) throw new Error(`schema not found: ${SCHEMA}`);
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  }
  const ok = validator(json);
  return { ok, errors: ok ? [] : validator.errors };
}

/**
 * Starts a server for dist/ and Chromium before a test file's tests, and
 * stops both after them. Returns `{ server, browser }`, filled in once the
 * `before` hook has run (a test may close `server` early and set it to
 * `undefined`, as the offline test does).
 */
export function useServerAndBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Selects the `nth` occurrence of `needle` in the document view (code units
 * `from`..`to` inside it, so `from`/`to` may cut words) the way a mouse does,
 * and releases the button. `alt`: hold Alt (no snapping to words).
 */
export async function selectText(page, needle, { nth = 0, from = 0, to = needle.length, alt = false } = {}) {
  await page.evaluate(
    ([viewSel, needle, nth, from, to]) => {
      // A mouse press on the text takes the focus from wherever it was.
      document.activeElement?.blur();
      const view = document.querySelector(viewSel);
      const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, text.length]);
        text += n.data;
      }
      let at = -1;
      for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" not in the view`);
      const locate = (pos) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          if (nodes[i][1] <= pos) return [nodes[i][0], pos - nodes[i][1]];
        }
      };
      const range = document.createRange();
      range.setStart(...locate(at + from));
      range.setEnd(...locate(at + to));
      const s = getSelection();
      s.removeAllRanges();
      s.addRange(range);
    },
    [sel.view, needle, nth, from, to],
  );
  if (alt) await page.keyboard.down('Alt');
  await page.dispatchEvent(sel.view, 'mouseup', { altKey: alt });
  if (alt) await page.keyboard.up('Alt');
  await page.waitForSelector('[data-testid=edit-bar]');
}

/** Waits for the learned tagger of `lang` to have refined the highlights
 * (its re-analysis is an undo step of its own, so edits start after it). */
export async function modelReady(page, lang) {
  await page.waitForSelector(`[data-testid=drop-zone][data-model-${lang}=ready]`);
  await waitForHighlights(page);
}

/**
 * What a test file of the app needs: the server and browser for the file
 * (`env`), `open(options)` for a fresh page of the app (its context closes
 * after each test; `current` is { page, context, errors }), and
 * `assertNoPageErrors()` for the page opened last.
 */
export function useApp() {
  const env = useServerAndBrowser();
  const app = {
    env,
    current: undefined,
    async open(options) {
      app.current = await openApp(env.browser, env.server.url, options);
      return app.current.page;
    },
    async close() {
      await app.current?.context.close();
      app.current = undefined;
    },
    assertNoPageErrors() {
      assertNoPageErrors(app.current.errors);
    },
  };
  afterEach(() => app.close());
  return app;
}

/** No uncaught error (a Rust panic shows up as one) and no
 * Content-Security-Policy violation among a page's reported errors. */
export function assertNoPageErrors(errors) {
  const fatal = errors.filter((e) => e.startsWith('pageerror') || /panicked|Content Security Policy/i.test(e));
  assert.deepEqual(fatal, [], `the page reported errors:\n${errors.join('\n')}`);
}
