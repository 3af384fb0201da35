// The annotation editor in the built app: select-and-label, relabel, delete,
// accept, label all, undo/redo, speaker change, keyboard-only correcting,
// switching documents, reload restores everything, theme switch.
//
//   trunk build --release && node --test tests/e2e/editor.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dropFiles,
  exportJson,
  highlights,
  modelReady,
  pasteText,
  sel,
  selectText,
  useApp,
  waitForHighlights,
} from './lib/harness.mjs';

const TIMEOUT = 60_000;
const app = useApp();



const ARTICLE =
  'Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, Senin (1/12). ' +
  '“Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. ' +
  'Kementerian Luar Negeri Jepang menyebut pertemuan itu penting bagi Tokyo dan Brussel. 😀 Takaichi tersenyum.';

const find = (hs, text, label) => hs.find((h) => h.text === text && (!label || h.label === label));

async function sourceOf(page, id) {
  return page.$eval(`${sel.view} mark[data-id="${id}"]`, (el) => el.getAttribute('data-source'));
}

test('select text and give it a label: snapped to words, the user\'s, undo and redo', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, ARTICLE);
  await modelReady(page, 'id');
  const before = await highlights(page);

  // A sloppy selection from inside "Kementerian" to inside "Negeri".
  await selectText(page, 'Kementerian Luar Negeri', { from: 3, to: 20 });
  assert.equal(await page.textContent('[data-testid=edit-bar-text]'), '“Kementerian Luar Negeri”');
  await page.keyboard.press('2');
  await page.waitForFunction(() => !document.querySelector('[data-testid=edit-bar] [data-testid=label-all]'));
  let hs = await highlights(page);
  const org = find(hs, 'Kementerian Luar Negeri', 'ORG');
  assert.ok(org, `no ORG “Kementerian Luar Negeri” in ${JSON.stringify(hs)}`);
  assert.equal(await sourceOf(page, org.id), 'user');
  // The new highlight is in focus, with the menu beside it.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), org.id);
  assert.equal(await page.textContent('[data-testid=edit-bar-source]'), 'yours');

  // Alt keeps the exact selection.
  await page.keyboard.press('Escape');
  await selectText(page, 'Brussel', { from: 0, to: 4, alt: true });
  await page.click('[data-testid=edit-bar] [data-testid=label-LOC]');
  await page.waitForFunction(() => [...document.querySelectorAll('mark[data-source=user]')].some((m) => m.textContent === 'Brus'));

  // Undo twice: back to the analysis; redo once.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('mark[data-source=user]'));
  assert.deepEqual((await highlights(page)).map((h) => [h.label, h.text]), before.map((h) => [h.label, h.text]));
  await page.click('[data-testid=redo]');
  hs = await highlights(page);
  assert.ok(find(hs, 'Kementerian Luar Negeri', 'ORG'));
  assert.ok(!find(hs, 'Brus'));
  app.assertNoPageErrors();
});

test('click a highlight: relabel with a key, accept, reject; keyboard only with Tab', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, ARTICLE);
  await modelReady(page, 'id');
  let hs = await highlights(page);
  const tokyo = hs.find((h) => h.text === 'Tokyo');
  assert.ok(tokyo, JSON.stringify(hs));
  await page.click(`${sel.view} mark[data-id="${tokyo.id}"]`);
  await page.waitForSelector(`[data-testid=edit-bar][data-for="${tokyo.id}"]`);
  assert.equal(await page.textContent('[data-testid=edit-bar-source]'), 'automatic');
  await page.keyboard.press('2');
  await page.waitForSelector(`${sel.view} mark[data-id="${tokyo.id}"][data-label=ORG][data-source=user]`);

  // Keyboard only: Tab from the page into the text reaches the first
  // highlight; Enter accepts it; Delete rejects the next one.
  await page.keyboard.press('Escape');
  await page.focus(sel.input);
  hs = await highlights(page);
  const first = hs.slice().sort((a, b) => a.start - b.start || b.end - a.end)[0];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'MARK')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), first.id);
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid', 'visible focus');
  await page.waitForSelector(`[data-testid=edit-bar][data-for="${first.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${sel.view} mark[data-id="${first.id}"][data-source=user]`);
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  assert.ok(second && second !== first.id);
  await page.waitForSelector(`[data-testid=edit-bar][data-for="${second}"]`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((id) => !document.querySelector(`mark[data-id="${id}"]`), second);
  // Undo brings the rejected one back.
  await page.keyboard.press('Control+z');
  await page.waitForSelector(`${sel.view} mark[data-id="${second}"]`);
  app.assertNoPageErrors();
});

test('label all occurrences in one step; move an edge by a word; change a speaker', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, ARTICLE);
  await modelReady(page, 'id');
  await selectText(page, 'Jepang');
  assert.match(await page.textContent('[data-testid=edit-bar]'), /1 other occurrence/);
  await page.keyboard.press('Shift+Digit3');
  await page.waitForFunction(
    () => [...document.querySelectorAll('mark[data-source=user][data-label=LOC]')].filter((m) => m.textContent === 'Jepang').length === 2,
  );
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('mark[data-source=user]'));

  // Extent: the highlight of "Rutte" in "Mark Rutte" (or "Mark Rutte") takes in the next word.
  let hs = await highlights(page);
  const quote = hs.find((h) => h.label === 'QUOTE');
  assert.ok(quote, JSON.stringify(hs));
  await page.focus(`${sel.view} mark[data-id="${quote.id}"]`);
  await page.waitForSelector(`[data-testid=edit-bar][data-for="${quote.id}"]`);
  const names = await page.$$eval('[data-testid=speaker-select] option', (os) => os.map((o) => [o.value, o.textContent, o.selected]));
  const takaichi = names.find((n) => n[1] === 'Sanae Takaichi');
  assert.ok(takaichi, JSON.stringify(names));
  await page.keyboard.press('s');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'speaker-select');
  await page.selectOption('[data-testid=speaker-select]', takaichi[0]);
  await page.waitForSelector(`${sel.view} mark[data-id="${quote.id}"][data-speaker="${takaichi[0]}"][data-source=user]`);

  const rutte = (await highlights(page)).find((h) => h.text === 'Mark Rutte' || h.text === 'Rutte');
  await page.focus(`${sel.view} mark[data-id="${rutte.id}"]`);
  await page.waitForSelector(`[data-testid=edit-bar][data-for="${rutte.id}"]`);
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForSelector(`${sel.view} mark[data-id="${rutte.id}"][data-end="${rutte.end + 3}"]`);

  // The export carries the corrections.
  const { json } = await exportJson(page);
  const q = json.annotations.find((a) => a.id === quote.id);
  assert.equal(q.speaker, takaichi[0]);
  assert.equal(q.source, 'user');
  assert.equal(json.annotations.find((a) => a.id === rutte.id).text, `${rutte.text} di`);
  app.assertNoPageErrors();
});

test('several documents keep their own edits and undo; a reload restores everything', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await dropFiles(page, [
    { name: 'satu.txt', bytes: 'Joko Widodo tiba di Jakarta pada Senin (1/12).' },
    { name: 'dua.txt', bytes: 'Prime Minister Anthony Albanese visited Sydney on Monday.' },
  ]);
  await page.waitForSelector(`${sel.view}[lang=id]`);
  await modelReady(page, 'id');
  await modelReady(page, 'en');
  await selectText(page, 'tiba');
  await page.keyboard.press('4');
  await page.waitForSelector('mark[data-source=user][data-label=DATE]');
  await page.click('[data-testid=doc-tab] >> text=dua.txt');
  await page.waitForSelector(`${sel.view}[lang=en]`);
  await waitForHighlights(page);
  const sydney = (await highlights(page)).find((h) => h.text === 'Sydney');
  await page.click(`${sel.view} mark[data-id="${sydney.id}"]`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((id) => !document.querySelector(`mark[data-id="${id}"]`), sydney.id);
  await page.click('[data-testid=doc-tab] >> text=satu.txt');
  await page.waitForSelector('mark[data-source=user][data-label=DATE]');
  assert.match(await page.getAttribute('[data-testid=undo]', 'title'), /label DATE/);

  // The autosave runs a moment after the change; then reload.
  await page.waitForFunction(() => (localStorage.getItem('sorot.workspace') ?? '').includes('"tiba"'));
  // The reader's place comes back too.
  await page.setViewportSize({ width: 800, height: 300 });
  await page.evaluate(() => window.scrollTo(0, 250));
  await page.reload();
  await page.waitForSelector('mark[data-source=user][data-label=DATE]');
  assert.equal(await page.evaluate(() => Math.round(window.scrollY)), 250, 'scrolled back to the same place');
  await page.setViewportSize({ width: 1280, height: 900 });
  const tabs = await page.$$eval(sel.tab, (els) => els.map((e) => e.textContent.trim()));
  assert.ok(tabs.some((t) => t.includes('satu.txt')) && tabs.some((t) => t.includes('dua.txt')), JSON.stringify(tabs));
  await page.click('[data-testid=doc-tab] >> text=dua.txt');
  await page.waitForSelector(`${sel.view}[lang=en]`);
  assert.ok(!(await highlights(page)).some((h) => h.text === 'Sydney'), 'the rejected place stays rejected after reload');

  // Clear saved work: everything goes, storage too.
  page.once('dialog', (d) => d.accept());
  await page.click('[data-testid=clear-data]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=doc-tab]'));
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => localStorage.getItem('sorot.workspace')), null);
  app.assertNoPageErrors();
});

test('damaged saved work is kept aside with a notice; the theme switch overrides the system', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await page.evaluate(() => localStorage.setItem('sorot.workspace', '{"sorot_workspace":1,"current":0,"docs":[{}]}\n{broken'));
  await page.reload();
  await page.waitForSelector(sel.notice);
  assert.match(await page.textContent(sel.notice), /could not be restored/);
  assert.equal(await page.evaluate(() => localStorage.getItem('sorot.workspace.damaged')?.endsWith('{broken')), true);
  // The notice offers it as it was saved.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=notice-download]')]);
  const { readFile } = await import('node:fs/promises');
  assert.equal(await readFile(await download.path(), 'utf8'), '{"sorot_workspace":1,"current":0,"docs":[{}]}\n{broken');

  await page.emulateMedia({ colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('[data-testid=theme-toggle]'); // system → light
  assert.equal(await bg(), light);
  await page.click('[data-testid=theme-toggle]'); // light → dark
  const dark = await bg();
  assert.notEqual(dark, light);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.reload();
  await page.waitForSelector(sel.input);
  assert.equal(await bg(), dark, 'the choice is kept');
  app.assertNoPageErrors();
});

test('review: entities by identity with counts, quotations with speakers, search with hits', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, ARTICLE);
  await modelReady(page, 'id');
  const entities = await page.$$eval('[data-testid=entity]', (els) =>
    els.map((e) => [e.getAttribute('data-label'), e.querySelector('.review__name').textContent, Number(e.querySelector('[data-testid=entity-count]').textContent)]),
  );
  const takaichi = entities.find((e) => e[1] === 'Sanae Takaichi');
  assert.ok(takaichi && takaichi[2] === 2, `“Sanae Takaichi” and “Takaichi” are one person: ${JSON.stringify(entities)}`);
  // Clicking goes through the mentions.
  const item = page.locator('[data-testid=entity]', { hasText: 'Sanae Takaichi' });
  await item.click();
  const first = await page.evaluate(() => document.activeElement?.textContent);
  await item.click();
  const second = await page.evaluate(() => document.activeElement?.textContent);
  assert.deepEqual([first, second], ['Sanae Takaichi', 'Takaichi']);

  const quotes = await page.$$eval('[data-testid=quote]', (els) => els.map((e) => e.querySelector('[data-testid=quote-speaker]').textContent));
  assert.equal(quotes.length, 1);
  assert.match(quotes[0], /^— (Mark )?Rutte$/);
  await page.click('[data-testid=quote]');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-label')), 'QUOTE');

  // Search: "/" focuses the box; every hit is painted; Enter moves on.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search');
  await page.keyboard.type('tokyo');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-count]').textContent === '1 of 2');
  // Static ranges (live ones would be kept up to date by the browser at
  // every change to the page until collected, and slowed it down).
  const painted = await page.evaluate(() =>
    [...CSS.highlights.get('sorot-search')].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return `${r.constructor.name}:${live}`;
    }),
  );
  assert.deepEqual(painted, ['StaticRange:Tokyo', 'StaticRange:Tokyo']);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-count]').textContent === '2 of 2');
  // Keyboard only, a new highlight: Ctrl+Enter selects the current hit
  // (the second "Tokyo"), the number key labels it.
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=edit-bar] [data-testid=edit-bar-text]');
  assert.equal(await page.textContent('[data-testid=edit-bar-text]'), '“Tokyo”');
  await page.keyboard.press('2');
  await page.waitForFunction(() => [...document.querySelectorAll('mark[data-source=user][data-label=ORG]')].some((m) => m.textContent === 'Tokyo'));
  const org = await page.$$eval('mark[data-source=user][data-label=ORG]', (ms) => ms.map((m) => Number(m.dataset.start)));
  const tokyos = (await highlights(page)).filter((h) => h.text === 'Tokyo').map((h) => h.start).sort((a, b) => a - b);
  assert.deepEqual(org, [tokyos[tokyos.length - 1]], 'the hit that was current is the one labelled');
  await page.focus('[data-testid=search]');
  await page.keyboard.press('End');
  await page.keyboard.type('zz');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-count]').textContent === 'no hits');
  assert.equal(await page.evaluate(() => CSS.highlights.has('sorot-search')), false);
  app.assertNoPageErrors();
});
