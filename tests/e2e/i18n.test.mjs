// The interface in Indonesian and English: a browser set to Indonesian gets
// the Indonesian catalogue (i18n/id.txt) — paste box, legend, edit bar,
// shortcut list, search count, notices, model status — with no English
// interface text left anywhere (visible text, titles, aria-labels,
// placeholders, screen-reader labels); the switch in the header turns it
// to English, and the choice survives a reload.
//
//   trunk build --release && node --test tests/e2e/i18n.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  dropFiles,
  pasteText,
  sel,
  selectText,
  useApp,
  waitForHighlights,
} from './lib/harness.mjs';

const TIMEOUT = 90_000;
const app = useApp();

/** A catalogue as { key: text }. */
function catalogue(code) {
  const out = {};
  for (const line of readFileSync(join(ROOT, 'i18n', `${code}.txt`), 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const at = line.indexOf('=');
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

const EN = catalogue('en');
const ID = catalogue('id');

/** `text` with its placeholders filled in. */
const fill = (text, args = {}) => text.replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));

/** The English texts that Indonesian says differently, as anchored patterns
 * (a placeholder stands for any text). */
const ENGLISH = Object.entries(EN)
  .filter(([key, text]) => ID[key] !== text)
  .map(([key, text]) => {
    const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return [key, new RegExp(`^${parts.join('.+?')}$`, 's')];
  });

/** Every interface string on the page: text nodes, titles, aria-labels,
 * placeholders and screen-reader labels (the article's text, the user's
 * names and the language switch's own names left out). */
async function pageStrings(page) {
  return page.evaluate(() => {
    const out = [];
    const own = (el) =>
      el.closest(
        'noscript, script, textarea, [data-testid=ui-lang], .review__name, .review__quote, [data-testid=doc-tab], [data-testid=edit-bar-text]',
      );
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || own(el) || el.closest('[data-testid=document-view]')) continue;
      const t = n.data.trim();
      if (t) out.push(t);
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [data-sr]')) {
      if (el.closest('[data-testid=ui-lang]')) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'data-sr']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

function englishIn(strings) {
  const found = [];
  for (const s of strings) {
    for (const [key, re] of ENGLISH) if (re.test(s)) found.push(`${key}: ${JSON.stringify(s)}`);
  }
  return found;
}

const ARTICLE =
  'Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, Senin (1/12). ' +
  '“Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. ' +
  'Kementerian Luar Negeri Jepang menyebut pertemuan itu penting bagi Tokyo dan Brussel.';


test('an Indonesian browser gets the Indonesian interface; the switch turns it to English for good', { timeout: TIMEOUT }, async () => {
  await app.open({ locale: 'id-ID' });
  const { page } = app.current;
  assert.equal(await page.evaluate(() => navigator.language), 'id-ID');
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  assert.equal(await page.inputValue('[data-testid=ui-lang]'), 'id');
  assert.equal(await page.title(), ID['app.page-title']);

  // The paste box and the empty page.
  assert.equal((await page.textContent('label[for=article-input]')).trim(), 'Tempel artikel');
  assert.equal(await page.getAttribute(sel.input, 'placeholder'), ID['input.placeholder']);
  assert.match(await page.getAttribute(sel.input, 'placeholder'), /^Tempel artikel berita di sini/);
  assert.equal((await page.textContent(sel.view)).trim(), ID['app.empty']);
  assert.deepEqual(englishIn(await pageStrings(page)), [], 'English on the empty Indonesian page');

  // An article: the legend names the labels in Indonesian.
  await pasteText(page, ARTICLE);
  await waitForHighlights(page);
  await page.waitForSelector('[data-testid=drop-zone][data-model-id=ready]');
  const legend = await page.$$eval(`${sel.legend} .legend__swatch`, (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(legend, ['Orang', 'Organisasi', 'Tempat', 'Tanggal', 'Kutipan']);
  assert.equal((await page.textContent('[data-testid=model-status]')).trim(), 'Penanda: id siap');

  // The edit bar at a selection.
  await selectText(page, 'Kementerian Luar Negeri');
  assert.equal(await page.getAttribute('[data-testid=edit-bar]', 'aria-label'), 'Beri label pada pilihan');
  assert.equal((await page.textContent('[data-testid=edit-bar] [data-testid=label-ORG]')).replace(/\s+/g, ' ').trim(), '2 Organisasi');
  assert.equal(await page.getAttribute('[data-testid=edit-bar] [data-testid=label-ORG]', 'title'), 'Organisasi (tombol 2)');
  assert.deepEqual(englishIn(await pageStrings(page)), [], 'English in the edit bar at a selection');
  // Labelled: the edit bar of the highlight in focus.
  await page.keyboard.press('2');
  await page.waitForFunction(() => document.querySelector('[data-testid=edit-bar-source]')?.textContent === 'buatan Anda');
  assert.equal((await page.textContent('[data-testid=edit-bar] [data-testid=delete]')).trim(), 'Hapus');
  assert.equal(await page.getAttribute('[data-testid=undo]', 'title'), 'Urungkan: beri label Organisasi (Ctrl+Z)');
  assert.deepEqual(englishIn(await pageStrings(page)), [], 'English in the edit bar of a highlight');
  await page.keyboard.press('Escape');

  // The shortcut list.
  await page.click('[data-testid=shortcuts] summary');
  assert.equal((await page.textContent('[data-testid=shortcuts] summary')).trim(), 'Pintasan papan ketik');
  const first = await page.$$eval('[data-testid=shortcuts] dt', (els) => els.map((e) => e.textContent.trim()));
  assert.equal(first[0], 'Pilih teks, lalu 1–9');
  assert.equal(first.length, 12);

  // Search, the label manager, the export menu, a notice.
  await page.fill('[data-testid=search]', 'Tokyo');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-count]').textContent === '1 dari 2');
  await page.click('[data-testid=label-manager] summary');
  await page.click('[data-testid=export-menu-toggle]');
  assert.equal((await page.textContent('[data-testid=export-menu] thead')).includes('Dokumen ini'), true);
  await dropFiles(page, [{ name: 'program.exe', bytes: 'MZ' }]);
  await page.waitForSelector(sel.notice);
  assert.match(await page.textContent(sel.notice), /^“program\.exe” tidak dibuka: Sorot membuka berkas /);
  const strings = await pageStrings(page);
  assert.ok(strings.length > 80, `too few strings scanned: ${strings.length}`);
  assert.deepEqual(englishIn(strings), [], 'English on the Indonesian page');

  // To English with the switch: at once, and after a reload.
  await page.selectOption('[data-testid=ui-lang]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await page.textContent('label[for=article-input]')).trim(), 'Paste an article');
  assert.match(await page.textContent(sel.notice), /^“program\.exe” was not opened: Sorot opens /);
  const english = englishIn(await pageStrings(page));
  assert.ok(english.length > 40, `the scan finds the English texts on the English page: ${english.length}`);
  assert.equal(await page.evaluate(() => localStorage.getItem('sorot.ui-lang')), 'en');
  await page.reload();
  await page.waitForSelector(sel.input);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('[data-testid=ui-lang]'), 'en');
  assert.equal((await page.textContent('label[for=article-input]')).trim(), 'Paste an article');
  await page.waitForSelector(`${sel.legend} .legend__swatch`);
  const legendEn = await page.$$eval(`${sel.legend} .legend__swatch`, (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(legendEn, ['Person', 'Organisation', 'Place', 'Date', 'Quotation']);
  assert.equal(fill(EN['search.count'], { at: 1, total: 2 }), '1 of 2');

  const fatal = app.current.errors.filter((e) => e.startsWith('pageerror') || /panicked|Content Security Policy/i.test(e));
  assert.deepEqual(fatal, [], app.current.errors.join('\n'));
});

test('an English browser gets English; a language Sorot has no catalogue for falls back to English', { timeout: TIMEOUT }, async () => {
  for (const locale of [undefined, 'fr-FR']) {
    await app.open(locale ? { locale } : {});
    const { page } = app.current;
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('label[for=article-input]')).trim(), 'Paste an article');
    assert.equal(await page.title(), EN['app.page-title']);
    await app.close();
  }
});
