// End-to-end tests of the file formats (issue 6) in Debian's headless
// Chromium against the built dist/: dropping every input type, and
// downloading every export for the current document and for all documents.
//
//   trunk build --release && node --test tests/e2e/
//
// Besides lib/harness.mjs's contract this speaks the export menu's:
// export-menu-toggle, export-current-<format>, export-all-<format>,
// export-jsonl-<format> (format = the command-line name).

import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  cpSlice,
  dropFiles,
  fixture,
  highlights,
  openApp,
  pasteText,
  sel,
  tabs,
  validateExport,
  waitForHighlights,
  useServerAndBrowser,
} from './lib/harness.mjs';

const TIMEOUT = 60_000;
const FORMATS = join(ROOT, 'tests', 'fixtures', 'formats');
const formatFixture = (name) => readFileSync(join(FORMATS, name));

let w3cValidator;
/** Validates a W3C export against tests/fixtures/formats/w3c-annotation-page.schema.json (ajv). */
async function validateW3c(json) {
  if (!w3cValidator) {
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    w3cValidator = ajv.compile(JSON.parse(formatFixture('w3c-annotation-page.schema.json').toString('utf8')));
  }
  const ok = w3cValidator(json);
  return { ok, errors: ok ? [] : w3cValidator.errors };
}

const env = useServerAndBrowser();
let current;

afterEach(async () => {
  await current?.context.close();
  current = undefined;
});

async function open() {
  current = await openApp(env.browser, env.server.url);
  // Any dialog (alert from an injected script) fails the test.
  current.dialogs = [];
  current.page.on('dialog', async (d) => {
    current.dialogs.push(d.message());
    await d.dismiss();
  });
  return current.page;
}

function assertClean() {
  const fatal = current.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], `the page reported errors:\n${current.errors.join('\n')}`);
  assert.deepEqual(current.dialogs, [], 'a script from a file ran');
}

async function viewText(page) {
  return page.textContent(sel.view);
}

async function noticeTexts(page) {
  return page.$$eval(sel.notice, (els) => els.map((el) => el.textContent.trim()));
}

/** Clicks an export button and returns every download it starts: [{ name, bytes }]. */
async function download(page, testid, count = 1) {
  // The menu closes after each download; open it again.
  await page.click('[data-testid=export-menu-toggle]');
  await page.waitForSelector(`[data-testid=${testid}]`, { state: 'visible' });
  const got = [];
  const done = new Promise((ok) => {
    const on = async (d) => {
      got.push(d);
      if (got.length === count) {
        page.off('download', on);
        ok();
      }
    };
    page.on('download', on);
  });
  await page.click(`[data-testid=${testid}]`);
  await done;
  const out = [];
  for (const d of got) {
    const failure = await d.failure();
    if (failure) throw new Error(`download failed: ${failure}`);
    out.push({ name: d.suggestedFilename(), bytes: await readFile(await d.path()) });
  }
  return out;
}

/** The files of a zip Sorot wrote (stored, not compressed): { name: text }. */
function zipFiles(buf) {
  const out = {};
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const size = buf.readUInt32LE(p + 18);
    const n = buf.readUInt16LE(p + 26);
    const x = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 30, p + 30 + n).toString('utf8');
    out[name] = buf.subarray(p + 30 + n + x, p + 30 + n + x + size).toString('utf8');
    p += 30 + n + x + size;
  }
  return out;
}

/** The file names stored in a zip (from its central directory). */
function zipNames(buf) {
  const names = [];
  let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(p + 10);
  p = buf.readUInt32LE(p + 16);
  for (let i = 0; i < count; i++) {
    const n = buf.readUInt16LE(p + 28);
    const x = buf.readUInt16LE(p + 30);
    const c = buf.readUInt16LE(p + 32);
    names.push(buf.subarray(p + 46, p + 46 + n).toString('utf8'));
    p += 46 + n + x + c;
  }
  return names;
}

test('every input type opens as a document; scripts in files never run', { timeout: TIMEOUT }, async () => {
  const page = await open();
  await dropFiles(page, [
    { name: 'berita.md', bytes: formatFixture('berita.md') },
    { name: 'berita.html', bytes: formatFixture('berita.html') },
    { name: 'berita.docx', bytes: formatFixture('berita.docx') },
    { name: 'latin1.txt', bytes: formatFixture('latin1.txt') },
    { name: 'utf16le.txt', bytes: formatFixture('utf16le.txt') },
    { name: 'arsip.zip', bytes: formatFixture('arsip.zip') },
  ]);
  await page.waitForSelector(`${sel.tab}:has-text("dua.md")`);
  const names = (await tabs(page)).map((t) => t.text);
  for (const n of ['berita.md', 'berita.html', 'berita.docx', 'latin1.txt', 'utf16le.txt', 'satu.txt', 'dua.md']) {
    assert.ok(names.some((t) => t.includes(n)), `no tab for ${n}: ${names.join(', ')}`);
  }
  // The first file is shown: Markdown without its markup.
  let text = await viewText(page);
  assert.ok(text.includes('Perdana Menteri Jepang Sanae Takaichi'), text);
  assert.ok(!/#|\*\*|`|\]\(/.test(text), `markup left in: ${text}`);
  await waitForHighlights(page);

  // The web page: article text only, entities decoded, markup shown as text.
  await page.click(`${sel.tab}:has-text("berita.html")`);
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('Harga'), sel.view);
  text = await viewText(page);
  assert.ok(text.startsWith('Takaichi Kunjungi Jakarta'), text);
  for (const gone of ['Politik', 'Baca juga', 'Beli sekarang', 'tidak boleh jalan', 'Teks tersembunyi', 'Bagikan', '2025 Kabar Harian', 'font-family']) {
    assert.ok(!text.includes(gone), `"${gone}" should have been dropped: ${text}`);
  }
  assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'HTML in the article is shown as text');
  assert.equal(await page.locator(`${sel.view} img, ${sel.view} script`).count(), 0, 'no element was injected');

  await page.click(`${sel.tab}:has-text("berita.docx")`);
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('damai'), sel.view);
  assert.ok((await viewText(page)).includes('<script>alert(1)</script>'));

  // Windows-1252: read, with a visible notice; the zip's image is refused by name.
  const notices = await noticeTexts(page);
  assert.ok(notices.some((n) => n.includes('latin1.txt') && n.includes('Windows-1252')), JSON.stringify(notices));
  assert.ok(notices.some((n) => n.includes('arsip.zip/gambar.png') && n.includes('not opened')), JSON.stringify(notices));
  await page.click(`${sel.tab}:has-text("latin1.txt")`);
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('São Paulo'), sel.view);
  await page.click(`${sel.tab}:has-text("utf16le.txt")`);
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('😀'), sel.view);
  assertClean();
});

test('broken files get a message naming them and the reason; open documents stay', { timeout: TIMEOUT }, async () => {
  const page = await open();
  await pasteText(page, fixture('artikel-takaichi.txt'));
  const zip = formatFixture('arsip.zip');
  await dropFiles(page, [
    { name: 'rusak.json', bytes: '{"format": "sorot.annotations", ' },
    { name: 'potong.zip', bytes: zip.subarray(0, zip.length >> 1) },
    { name: 'lain.json', bytes: '{"a": 1}' },
    { name: 'satu.ann', bytes: 'T1\tPERSON 0 3\tAli\n' },
  ]);
  await page.waitForFunction((s) => document.querySelectorAll(s).length >= 4, sel.notice);
  const notices = await noticeTexts(page);
  const about = (name, why) =>
    assert.ok(notices.some((n) => n.includes(name) && n.includes(why)), `no notice for ${name} (${why}): ${JSON.stringify(notices)}`);
  about('rusak.json', 'not valid JSON');
  about('potong.zip', 'damaged or incomplete');
  about('lain.json', 'neither a Sorot annotations file nor W3C');
  about('satu.ann', '.txt');
  assert.deepEqual((await tabs(page)).map((t) => t.text.replace('×', '').trim()), ['pasted-article']);
  assertClean();
});

test('every export for the current document, and every format for all documents', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const article = fixture('artikel-takaichi.txt');
  await pasteText(page, article);
  // Compare against the highlights after the learned tagger refined them.
  await page.waitForSelector('[data-testid=drop-zone][data-model-id=ready]');
  await waitForHighlights(page);
  const hs = await highlights(page);

  const [sorot] = await download(page, 'export-current-sorot');
  assert.equal(sorot.name, 'pasted-article.sorot.json');
  const json = JSON.parse(sorot.bytes.toString('utf8'));
  assert.ok((await validateExport(json)).ok);
  assert.equal(json.annotations.length, hs.length);

  const [w3c] = await download(page, 'export-current-w3c');
  assert.equal(w3c.name, 'pasted-article.w3c.json');
  const page3 = JSON.parse(w3c.bytes.toString('utf8'));
  assert.equal(page3.type, 'AnnotationPage');
  const valid = await validateW3c(page3);
  assert.ok(valid.ok, `W3C export does not follow the model:\n${JSON.stringify(valid.errors, null, 2)}`);
  assert.ok(!(await validateW3c({ ...page3, type: 'Page' })).ok, 'the schema rejects a wrong type');
  const tagging = page3.items.filter((i) => i.motivation === 'tagging');
  assert.equal(tagging.length, hs.length);
  for (const item of tagging) {
    const [quote, pos] = item.target.selector;
    assert.equal(quote.exact, cpSlice(article, pos.start, pos.end));
  }
  assert.ok(page3.items.some((i) => i.motivation === 'linking'), 'a quote is linked to its speaker');

  const [bratZip] = await download(page, 'export-current-brat');
  assert.equal(bratZip.name, 'pasted-article.brat.zip');
  const byName = zipFiles(bratZip.bytes);
  assert.deepEqual(Object.keys(byName), ['pasted-article.txt', 'pasted-article.ann']);
  assert.equal(byName['pasted-article.txt'], article);
  const tLines = byName['pasted-article.ann'].split('\n').filter((l) => l.startsWith('T'));
  assert.equal(tLines.length, hs.length);
  for (const line of tLines) {
    const [, spec, covered] = line.split('\t');
    const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
    assert.equal(covered, frags.map(([s, e]) => cpSlice(article, s, e)).join(' '), line);
  }
  assert.match(byName['pasted-article.ann'], /^R1\tSpeaker Arg1:T\d+ Arg2:T\d+$/m);

  const [conll] = await download(page, 'export-current-conll');
  assert.match(conll.bytes.toString('utf8'), /^Takaichi I-PERSON$/m);
  const [doccano] = await download(page, 'export-current-doccano');
  const line = JSON.parse(doccano.bytes.toString('utf8').trim());
  assert.equal(line.text, article);
  for (const [s, e] of line.label) assert.ok(hs.some((h) => h.start === s && h.end === e));
  const [ls] = await download(page, 'export-current-labelstudio');
  assert.equal(JSON.parse(ls.bytes.toString('utf8'))[0].data.text, article);
  const [spacy] = await download(page, 'export-current-spacy');
  const sp = JSON.parse(spacy.bytes.toString('utf8'));
  for (const e of sp.ents) assert.ok(hs.some((h) => h.start === e.start && h.end === e.end && h.label === e.label));
  const [csv] = await download(page, 'export-current-csv');
  assert.ok(csv.bytes.toString('utf8').startsWith('\ufeffid,label,start,end,text,speaker\r\n'));

  // All documents: a second one, then a zip per format and the JSONL.
  await dropFiles(page, [{ name: 'satu.txt', type: 'text/plain', bytes: fixture('satu.txt') }]);
  await page.waitForSelector(`${sel.tab}:has-text("satu.txt")`);
  for (const f of ['sorot', 'w3c', 'brat', 'conll', 'doccano', 'labelstudio', 'spacy', 'csv']) {
    const [zip] = await download(page, `export-all-${f}`);
    assert.equal(zip.name, `sorot-${f}.zip`);
    const names = zipNames(zip.bytes);
    assert.equal(names.length, f === 'brat' ? 4 : 2, `${f}: ${names}`);
    assert.ok(names.some((n) => n.startsWith('satu.')) && names.some((n) => n.startsWith('pasted-article.')), `${f}: ${names}`);
  }
  const [jsonl] = await download(page, 'export-jsonl-sorot');
  const lines = jsonl.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.document.name), ['pasted-article', 'satu.txt']);
  assertClean();
});

test('a W3C export and a Sorot zip open again with the same highlights', { timeout: TIMEOUT }, async () => {
  const page = await open();
  const article = fixture('artikel-takaichi.txt');
  await pasteText(page, article);
  // The learned tagger refines the highlights when it arrives: compare
  // against the refined ones.
  await page.waitForSelector('[data-testid=drop-zone][data-model-id=ready]');
  await waitForHighlights(page);
  const before = await highlights(page);
  const [w3c] = await download(page, 'export-current-w3c');
  const [zip] = await download(page, 'export-all-sorot');
  await dropFiles(page, [
    { name: 'kembali.w3c.json', bytes: w3c.bytes },
    { name: 'semua.zip', bytes: zip.bytes },
  ]);
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, sel.tab);
  for (const i of [1, 2]) {
    await page.locator(sel.tab).nth(i).click();
    await page.waitForFunction(
      ([s, i]) => document.querySelectorAll(s)[i].getAttribute('aria-current') === 'true',
      [sel.tab, i],
    );
    await waitForHighlights(page);
    const after = await highlights(page);
    assert.deepEqual(
      after.map((h) => [h.label, h.start, h.end]),
      before.map((h) => [h.label, h.start, h.end]),
    );
  }
  assertClean();
});
