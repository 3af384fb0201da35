// End-to-end tests of the built app (dist/) in Debian's headless Chromium.
//
//   trunk build --release && node --test tests/e2e/
//
// The tests speak only the UI's data-testid contract (see lib/harness.mjs):
// article-input, file-input, drop-zone, document-view (highlights with
// data-label/-start/-end/-id, offsets in code points), export-json, doc-tab,
// notice, legend. They wait on selectors and events, never on fixed sleeps.

import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  LABELS,
  cpSlice,
  dropFiles,
  exportJson,
  fixture,
  highlights,
  openApp,
  pasteText,
  sel,
  tabs,
  validateExport,
  waitForHighlights,
  waitForViewText,
  useServerAndBrowser,
} from './lib/harness.mjs';

const TIMEOUT = 60_000;

const env = useServerAndBrowser();
let current; // { page, context, errors } of the running test

afterEach(async () => {
  await current?.context.close();
  current = undefined;
});

async function open() {
  current = await openApp(env.browser, env.server.url);
  return current.page;
}

/** No uncaught error (a Rust panic shows up as one) happened in the page. */
function assertNoPageErrors() {
  const fatal = current.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], `the page reported errors:\n${current.errors.join('\n')}`);
}

/** Every highlight's text is the code-point slice [start, end) of `text`. */
function assertHighlightsSlice(hs, text) {
  assert.ok(hs.length > 0, 'no highlights');
  const n = Array.from(text).length;
  for (const h of hs) {
    assert.ok(LABELS.includes(h.label), `unknown label ${h.label}`);
    assert.ok(h.id, `highlight without data-id: ${JSON.stringify(h)}`);
    assert.ok(
      Number.isInteger(h.start) && Number.isInteger(h.end) && 0 <= h.start && h.start < h.end && h.end <= n,
      `bad offsets ${JSON.stringify(h)} for a text of ${n} code points`,
    );
    assert.equal(h.text, cpSlice(text, h.start, h.end), `highlight ${h.id} (${h.label} ${h.start}..${h.end})`);
  }
}

/** Some annotation with `label` covers text containing `words`. */
function assertHasEntity(list, label, words) {
  assert.ok(
    list.some((a) => a.label === label && a.text.includes(words)),
    `no ${label} containing "${words}"; got: ${list.map((a) => `${a.label}:${a.text}`).join(' | ')}`,
  );
}

/** Checks an export: schema, format, text, every annotation's slice. */
async function assertValidExport(json, expectedText) {
  const { ok, errors } = await validateExport(json);
  assert.ok(ok, `export does not match the schema:\n${JSON.stringify(errors, null, 2)}`);
  assert.equal(json.format, 'sorot.annotations');
  assert.equal(json.version, 1);
  assert.equal(json.document.text, expectedText, 'document.text is not the text exactly as given');
  assert.ok(Array.isArray(json.annotations) && json.annotations.length > 0, 'no annotations exported');
  for (const a of json.annotations) {
    assert.equal(a.text, cpSlice(json.document.text, a.start, a.end), `annotation ${a.id} (${a.label} ${a.start}..${a.end})`);
  }
}

test('(a) pasting an Indonesian article highlights people, places, dates and quotes', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const article = fixture('artikel-takaichi.txt');
  await pasteText(page, article);
  await waitForHighlights(page);

  const documentText = await page.inputValue(sel.input);
  const hs = await highlights(page);
  assertHighlightsSlice(hs, documentText);

  const labels = new Set(hs.map((h) => h.label));
  for (const label of ['PERSON', 'LOC', 'DATE', 'QUOTE']) {
    assert.ok(labels.has(label), `no ${label} highlight; got ${[...labels].join(', ')}`);
  }
  assertHasEntity(hs, 'PERSON', 'Sanae Takaichi');
  assertHasEntity(hs, 'LOC', 'Jakarta');
  assertHasEntity(hs, 'DATE', 'Senin (1/12)');
  assertHasEntity(hs, 'QUOTE', 'Indo-Pasifik');

  // The document is named pasted-article and its tab is the active one.
  const active = await page.textContent(sel.activeTab);
  assert.match(active, /pasted-article/);

  // The legend lists the labels (each entry carries its label in data-label).
  const legend = await page.$$eval(`${sel.legend} [data-label]`, (els) => els.map((el) => el.getAttribute('data-label')));
  for (const label of LABELS) assert.ok(legend.includes(label), `legend lacks ${label}: ${JSON.stringify(legend)}`);

  assertNoPageErrors();
});

test('(b) export after pasting: schema-valid JSON with code-point offsets (emoji before entities)', { timeout: TIMEOUT }, async () => {
  const page = await open();

  // Plain article first.
  const article = fixture('artikel-takaichi.txt');
  await pasteText(page, article);
  await waitForHighlights(page);
  let out = await exportJson(page);
  assert.equal(out.name, 'pasted-article.sorot.json');
  await assertValidExport(out.json, await page.inputValue(sel.input));
  assert.equal(out.json.document.name, 'pasted-article');

  // Emoji (one astral code point, and a flag of two) before the entities: code-point
  // offsets differ from UTF-16 offsets from there on.
  const emojiText = fixture('emoji-takaichi.txt');
  await pasteText(page, emojiText);
  await waitForHighlights(page);
  const documentText = await page.inputValue(sel.input);
  const hs = await highlights(page);
  assertHighlightsSlice(hs, documentText);
  assertHasEntity(hs, 'PERSON', 'Sanae Takaichi');

  out = await exportJson(page);
  assert.equal(out.name, 'pasted-article.sorot.json');
  await assertValidExport(out.json, documentText);

  const firstEmojiEnd = Array.from(documentText).indexOf('😀') + 1;
  const afterEmoji = out.json.annotations.filter((a) => a.start >= firstEmojiEnd);
  assert.ok(afterEmoji.length > 0, 'no annotation after the emoji');
  for (const a of afterEmoji) {
    // The UTF-16 reading of the same numbers lands elsewhere: these are code points.
    assert.notEqual(documentText.slice(a.start, a.end), a.text, `annotation ${a.id} looks UTF-16-indexed`);
    assert.equal(cpSlice(documentText, a.start, a.end), a.text);
  }
  const person = out.json.annotations.find((a) => a.label === 'PERSON' && a.text.includes('Sanae Takaichi'));
  assert.ok(person, 'Sanae Takaichi not exported as PERSON after the emoji');
  const utf16Start = documentText.indexOf(person.text);
  const cpStart = Array.from(documentText.slice(0, utf16Start)).length;
  assert.ok(cpStart < utf16Start, 'fixture: no astral characters before the PERSON');
  assert.equal(person.start, cpStart, 'PERSON start is not a code-point offset');

  assertNoPageErrors();
});

test('(c) dropping a CRLF .txt with emoji opens it in a new active tab; export keeps CRLF', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const lf = fixture('berita.txt');
  assert.ok(!lf.includes('\r'), 'fixture berita.txt must be stored with LF line endings');
  const crlf = lf.replace(/\n/g, '\r\n');

  await dropFiles(page, [{ name: 'berita.txt', type: 'text/plain', bytes: crlf }]);
  await page.waitForSelector(`${sel.activeTab}:has-text("berita.txt")`);
  await waitForViewText(page, crlf);
  await waitForHighlights(page);
  const hs = await highlights(page);
  assertHighlightsSlice(hs, crlf);
  assertHasEntity(hs, 'PERSON', 'Sanae Takaichi');
  assertHasEntity(hs, 'QUOTE', 'enam puluh tahun');

  const out = await exportJson(page);
  assert.equal(out.name, 'berita.sorot.json');
  assertHasEntity(out.json.annotations, 'PERSON', 'Sanae Takaichi');
  assert.ok(out.json.document.text.includes('\r\n'), 'document.text lost its CRLF line endings');
  await assertValidExport(out.json, crlf);

  assertNoPageErrors();
});

test('(d) two files picked with the file input open two tabs; switching shows each', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const satu = fixture('satu.txt');
  const dua = fixture('dua.txt');
  await page.setInputFiles(sel.fileInput, [
    { name: 'satu.txt', mimeType: 'text/plain', buffer: Buffer.from(satu) },
    { name: 'dua.txt', mimeType: 'text/plain', buffer: Buffer.from(dua) },
  ]);
  await page.waitForFunction(
    (s) => {
      const names = [...document.querySelectorAll(s)].map((el) => el.textContent);
      return names.some((n) => n.includes('satu.txt')) && names.some((n) => n.includes('dua.txt'));
    },
    sel.tab,
  );
  const t = await tabs(page);
  assert.equal(t.length, 2, `expected two tabs, got ${JSON.stringify(t)}`);
  assert.equal(t.filter((x) => x.selected).length, 1, `exactly one tab must be active: ${JSON.stringify(t)}`);

  const cases = [
    ['satu.txt', satu, 'Prabowo Subianto'],
    ['dua.txt', dua, 'Sanae Takaichi'],
    ['satu.txt', satu, 'Prabowo Subianto'],
  ];
  for (const [name, text, person] of cases) {
    await page.click(`${sel.tab}:has-text("${name}")`);
    await page.waitForSelector(`${sel.activeTab}:has-text("${name}")`);
    await waitForViewText(page, text);
    await waitForHighlights(page);
    const hs = await highlights(page);
    assertHighlightsSlice(hs, text);
    assertHasEntity(hs, 'PERSON', person);
  }

  assertNoPageErrors();
});

test('(e) a non-UTF-8 file and an unsupported one are refused with a notice; the good file and earlier docs stay', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const article = fixture('artikel-takaichi.txt');
  await pasteText(page, article);
  await page.waitForSelector(`${sel.tab}:has-text("pasted-article")`);

  // Not UTF-8: a PNG-like header, 0xFF 0xFE 0x00 and a broken two-byte sequence.
  const garbage = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00, 0xc3, 0x28, 0xa0, 0xa1,
    0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x00, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0x82, 0x00, 0x01,
  ]);
  const baik = fixture('baik.txt');
  await dropFiles(page, [
    { name: 'rusak.txt', type: 'text/plain', bytes: garbage },
    { name: 'baik.txt', type: 'text/plain', bytes: baik },
    { name: 'program.exe', type: 'application/octet-stream', bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0x00]) },
  ]);

  await page.waitForSelector(`${sel.tab}:has-text("baik.txt")`);
  await page.waitForFunction(
    (s) => {
      const all = [...document.querySelectorAll(s)].map((el) => el.textContent).join('\n');
      return all.includes('rusak.txt') && all.includes('program.exe');
    },
    sel.notice,
  );
  const notices = await page.$$eval(sel.notice, (els) => els.map((el) => el.textContent.trim()));
  const rusak = notices.find((n) => n.includes('rusak.txt'));
  const exe = notices.find((n) => n.includes('program.exe'));
  // A reason, not just the name.
  assert.ok(rusak.replace('rusak.txt', '').trim().length >= 8, `notice for rusak.txt gives no reason: "${rusak}"`);
  assert.ok(exe.replace('program.exe', '').trim().length >= 8, `notice for program.exe gives no reason: "${exe}"`);
  assert.ok(!notices.some((n) => n.includes('baik.txt')), `the good file got a notice: ${JSON.stringify(notices)}`);

  const names = (await tabs(page)).map((x) => x.text);
  assert.ok(names.some((n) => n.includes('pasted-article')), `the earlier document was closed: ${JSON.stringify(names)}`);
  assert.ok(names.some((n) => n.includes('baik.txt')), `baik.txt did not open: ${JSON.stringify(names)}`);
  assert.ok(!names.some((n) => n.includes('rusak.txt') || n.includes('program.exe')), `a refused file opened: ${JSON.stringify(names)}`);

  // The earlier document is intact.
  await page.click(`${sel.tab}:has-text("pasted-article")`);
  await page.waitForSelector(`${sel.activeTab}:has-text("pasted-article")`);
  await waitForViewText(page, article);
  assertNoPageErrors();
});

test('(f) markup in the text is shown as text and never runs', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const evil = fixture('xss.txt');
  await pasteText(page, evil);

  const viewText = await page.textContent(sel.view);
  assert.ok(viewText.includes('<img src=x onerror="window.__pwned=1">'), 'the <img> markup is not shown as text');
  assert.ok(viewText.includes('<script>window.__pwned=2</script>'), 'the <script> markup is not shown as text');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'script from the text ran');
  assert.equal(await page.locator(`${sel.view} img`).count(), 0, 'an <img> element was created from the text');
  assert.equal(await page.locator(`${sel.view} script`).count(), 0, 'a <script> element was created from the text');

  // Also through a dropped file.
  await dropFiles(page, [{ name: 'jahat.txt', type: 'text/plain', bytes: evil }]);
  await page.waitForSelector(`${sel.activeTab}:has-text("jahat.txt")`);
  await waitForViewText(page, evil);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'script from a dropped file ran');
  assert.equal(await page.locator(`${sel.view} img, ${sel.view} script`).count(), 0);

  // A file name with markup, refused with a notice, stays text there too.
  const evilName = '<img src=x onerror="window.__pwned=3">.exe';
  await dropFiles(page, [{ name: evilName, type: 'application/octet-stream', bytes: Uint8Array.from([0x4d, 0x5a]) }]);
  await page.waitForFunction(
    (s) => [...document.querySelectorAll(s)].some((el) => el.textContent.includes('.exe')),
    sel.notice,
  );
  const notices = await page.$$eval(sel.notice, (els) => els.map((el) => el.textContent));
  assert.ok(notices.some((n) => n.includes(evilName)), `the notice does not show the file name as text: ${JSON.stringify(notices)}`);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'script from a file name ran');
  assert.equal(await page.locator('img').count(), await page.locator('img:not([src="x"])').count(), 'an <img src=x> was created from a file name');

  assertNoPageErrors();
});

test('(f2) markup in imported annotation labels, ids, speakers and W3C bodies stays text and never runs', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const text = 'Budi berkata di Jakarta: “Kami siap.”';
  const cp = (s) => [...s].length;
  const at = (s) => cp(text.slice(0, text.indexOf(s)));
  const evilLabel = '<img src=x onerror="window.__pwned=4">';
  const evilId = '"><script>window.__pwned=5</script>';
  const sorot = {
    format: 'sorot.annotations',
    version: 1,
    document: { name: '<b onmouseover="window.__pwned=6">x</b>.txt', lang: 'id', text },
    annotations: [
      { id: evilId, label: evilLabel, start: 0, end: 4, text: 'Budi', source: 'user' },
      { id: 'q"><img src=x onerror="window.__pwned=7">', label: 'QUOTE', start: at('“'), end: cp(text), text: '“Kami siap.”', source: 'user', speaker: evilId },
    ],
  };
  const w3c = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    'sorot:text': text,
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:x:<svg onload="window.__pwned=8">',
          type: 'Annotation',
          motivation: 'tagging',
          body: { type: 'TextualBody', purpose: 'tagging', value: '<svg onload="window.__pwned=9">' },
          target: { selector: [{ type: 'TextQuoteSelector', exact: 'Jakarta' }, { type: 'TextPositionSelector', start: at('Jakarta'), end: at('Jakarta') + 7 }] },
        },
      ],
    },
  };
  await dropFiles(page, [
    { name: 'jahat.sorot.json', type: 'application/json', bytes: JSON.stringify(sorot) },
    { name: 'jahat.txt', type: 'text/plain', bytes: text },
    { name: 'jahat.w3c.json', type: 'application/json', bytes: JSON.stringify(w3c) },
  ]);
  await page.waitForFunction((s) => document.querySelectorAll(s).length >= 2, sel.tab);
  // Every tab's highlights carry the imported labels as attribute text.
  const labels = new Set();
  for (const tab of await page.$$(sel.tab)) {
    await tab.click();
    await page.waitForSelector(sel.highlight);
    for (const l of await page.$$eval(sel.highlight, (els) => els.map((el) => el.getAttribute('data-label')))) labels.add(l);
  }
  assert.ok(labels.has(evilLabel), `the Sorot JSON label is not shown as text: ${JSON.stringify([...labels])}`);
  assert.ok(labels.has('<svg onload="window.__pwned=9">'), `the W3C body is not shown as text: ${JSON.stringify([...labels])}`);
  assert.ok((await page.textContent(sel.tab + ':first-child')).includes('<b onmouseover'), 'the document name is shown as text');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'script from an imported file ran');
  assert.equal(await page.locator('img[src="x"], svg[onload], b[onmouseover], [onerror], [onload]').count(), 0, 'an element was injected from an imported file');
  assertNoPageErrors();
});
