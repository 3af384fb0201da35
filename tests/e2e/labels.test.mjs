// The editable label set in the built app: add a label, label a selection
// with it by its number key, rename it (highlights follow), recolour it
// (the highlight's colour changes and text on it keeps WCAG AA contrast in
// both themes), hide it, reorder (number keys follow), reload (everything
// restored) and export (the labels array, valid against the schema).
//
//   trunk build --release && node --test tests/e2e/labels.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  exportJson,
  highlights,
  modelReady,
  pasteText,
  sel,
  selectText,
  useApp,
  validateExport,
  waitForHighlights,
} from './lib/harness.mjs';

const TIMEOUT = 90_000;
const app = useApp();



const ARTICLE =
  'Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, Senin (1/12). ' +
  '“Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. ' +
  'Kementerian Luar Negeri Jepang menyebut pertemuan itu penting bagi Tokyo dan Brussel.';



/** The labels in legend order, with whether each is hidden. */
async function legend(page) {
  return page.$$eval(`${sel.legend} > li`, (els) => els.map((el) => [el.getAttribute('data-label'), el.hasAttribute('data-hidden')]));
}

async function openManager(page) {
  if (!(await page.$eval('[data-testid=label-manager]', (d) => d.open))) {
    await page.click('[data-testid=label-manager] summary');
  }
}

const row = (name) => `[data-testid=label-row][data-label="${name}"]`;

/**
 * Computed colours of the highlight `id`, and the WCAG contrast of its text
 * colour on its background (over the document's surface when translucent),
 * all computed in the page.
 */
async function look(page, id) {
  return page.evaluate((id) => {
    const parse = (s) => {
      const m = s.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unexpected colour ${s}`);
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, under) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
    });
    const lum = ({ r, g, b }) => {
      const lin = (c) => {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    const mark = document.querySelector(`[data-testid=document-view] mark[data-id="${id}"]`);
    const cs = getComputedStyle(mark);
    const surface = parse(getComputedStyle(document.querySelector('[data-testid=document-view]')).backgroundColor);
    const bg = over(parse(cs.backgroundColor), surface);
    return {
      background: cs.backgroundColor,
      boxShadow: cs.boxShadow,
      color: cs.color,
      contrast: contrast(parse(cs.color), bg),
      text: mark.textContent,
    };
  }, id);
}

/** Clicks the theme switch until the page is in `theme` (light or dark). */
async function setTheme(page, theme) {
  for (let i = 0; i < 3; i++) {
    if ((await page.getAttribute('html', 'data-theme')) === theme) return;
    await page.click('[data-testid=theme-toggle]');
  }
  assert.equal(await page.getAttribute('html', 'data-theme'), theme);
}

test('labels: add, key, rename, recolour with AA contrast, hide, reorder, reload, export', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, ARTICLE);
  await modelReady(page, 'id');
  assert.deepEqual(await legend(page), ['PERSON', 'ORG', 'LOC', 'DATE', 'QUOTE'].map((l) => [l, false]));

  // The built-in labels keep their look (PERSON: #dbe8ff on light).
  await setTheme(page, 'light');
  const person = (await highlights(page)).find((h) => h.label === 'PERSON');
  assert.ok(person);
  assert.equal((await look(page, person.id)).background, 'rgb(219, 232, 255)');

  // A taken name is refused with a notice; a new one is added at the end.
  await openManager(page);
  await page.fill('[data-testid=new-label-name]', 'person');
  await page.click('[data-testid=add-label]');
  await page.waitForSelector(sel.notice);
  assert.match(await page.textContent(sel.notice), /already a label “PERSON”/);
  await page.fill('[data-testid=new-label-name]', 'Topik');
  await page.click('[data-testid=add-label]');
  await page.waitForSelector(`${sel.legend} li[data-label="Topik"]`);
  assert.deepEqual((await legend(page)).map((l) => l[0]), ['PERSON', 'ORG', 'LOC', 'DATE', 'QUOTE', 'Topik']);
  await page.click('[data-testid=label-manager] summary');

  // Its number key (6) labels a selection with it.
  await selectText(page, 'pertemuan');
  assert.ok(await page.$('[data-testid=edit-bar] [data-testid="label-Topik"]'), 'the edit bar offers the new label');
  await page.keyboard.press('6');
  await page.waitForSelector('mark[data-label="Topik"][data-source=user]');
  const id = await page.$eval('mark[data-label="Topik"]', (m) => m.getAttribute('data-id'));
  await page.keyboard.press('Escape');

  // Rename: the highlight follows.
  await openManager(page);
  const nameInput = page.locator(`${row('Topik')} [data-testid=label-name]`);
  await nameInput.fill('Tema');
  await nameInput.press('Enter');
  await page.waitForSelector(`mark[data-id="${id}"][data-label="Tema"]`);
  assert.ok(!(await page.$('mark[data-label="Topik"]')));
  assert.match(await page.getAttribute('[data-testid=undo]', 'title'), /rename Topik to Tema/);

  // Recolour: the highlight's colour changes, and in both themes its text
  // keeps AA contrast, for a pale and a deep pick alike.
  await setTheme(page, 'light');
  const before = await look(page, id);
  assert.equal(before.text, 'pertemuan');
  let lightBg;
  for (const colour of ['#ffee00', '#101060']) {
    const was = (await look(page, id)).background;
    await page.locator(`${row('Tema')} [data-testid=label-colour]`).fill(colour);
    await page.waitForFunction(
      ([id, bg]) => getComputedStyle(document.querySelector(`mark[data-id="${id}"]`)).backgroundColor !== bg,
      [id, was],
    );
    const seen = {};
    for (const theme of ['light', 'dark']) {
      await setTheme(page, theme);
      const l = await look(page, id);
      assert.ok(l.contrast >= 4.5, `${colour} in ${theme}: ${JSON.stringify(l)}`);
      seen[theme] = l;
    }
    assert.notEqual(seen.light.background, seen.dark.background, 'each theme has its own background');
    assert.notEqual(seen.light.color, seen.dark.color, 'and its own text colour');
    await setTheme(page, 'light');
    lightBg = (await look(page, id)).background;
    assert.notEqual(lightBg, before.background, `${colour} changed the highlight`);
  }

  // Hide: the highlight is no longer drawn (its text stays).
  await page.click(`${row('Tema')} [data-testid=label-hide]`);
  await page.waitForSelector(`${sel.legend} li[data-label="Tema"][data-hidden]`);
  let hidden = await look(page, id);
  assert.equal(hidden.background, 'rgba(0, 0, 0, 0)');
  assert.equal(hidden.boxShadow, 'none');
  assert.equal(hidden.text, 'pertemuan');

  // Reorder: up one place, before QUOTE; key 5 is now Tema.
  await page.click(`${row('Tema')} [data-testid=label-up]`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=legend] > li')[4]?.getAttribute('data-label') === 'Tema');
  await page.click('[data-testid=label-manager] summary');
  await selectText(page, 'Brussel');
  await page.keyboard.press('5');
  await page.waitForFunction(() => [...document.querySelectorAll('mark[data-label="Tema"]')].some((m) => m.textContent === 'Brussel'));
  await page.keyboard.press('Escape');
  const order = [['PERSON', false], ['ORG', false], ['LOC', false], ['DATE', false], ['Tema', true], ['QUOTE', false]];
  assert.deepEqual(await legend(page), order);

  // Reload: the label set (order, colour, hidden) and the highlights are back.
  await page.waitForFunction(() => {
    const header = JSON.parse((localStorage.getItem('sorot.workspace') ?? '{}').split('\n')[0]);
    const names = (header.labels ?? []).map((l) => l.name).join();
    return names === 'PERSON,ORG,LOC,DATE,Tema,QUOTE' && (localStorage.getItem('sorot.workspace') ?? '').includes('Brussel');
  });
  await page.reload();
  await page.waitForSelector(`mark[data-id="${id}"][data-label="Tema"]`);
  assert.deepEqual(await legend(page), order);
  hidden = await look(page, id);
  assert.equal(hidden.background, 'rgba(0, 0, 0, 0)');
  await openManager(page);
  assert.equal(await page.inputValue(`${row('Tema')} [data-testid=label-colour]`), '#101060');
  await page.click(`${row('Tema')} [data-testid=label-hide]`);
  await page.waitForFunction(() => !document.querySelector('[data-testid=legend] li[data-label="Tema"][data-hidden]'));
  await setTheme(page, 'light');
  assert.equal((await look(page, id)).background, lightBg, 'the colour came back');

  // Export: the labels, in order, with colour and hidden; schema-valid.
  const { json } = await exportJson(page);
  assert.deepEqual(
    json.labels.map((l) => [l.name, l.hidden]),
    order.map(([n]) => [n, false]),
  );
  assert.deepEqual(json.labels[4], { name: 'Tema', colour: '#101060', hidden: false });
  assert.equal(json.labels[0].colour, '#1d4ed8');
  assert.ok(json.annotations.some((a) => a.label === 'Tema' && a.text === 'pertemuan'));
  const valid = await validateExport(json);
  assert.ok(valid.ok, JSON.stringify(valid.errors));
  // A wrong labels entry is refused by the schema.
  const bad = structuredClone(json);
  bad.labels[0].colour = 'blue';
  assert.equal((await validateExport(bad)).ok, false);

  // "Export as…" writes the same labels into Sorot JSON, alone or zipped.
  await page.click('[data-testid=export-menu-toggle]');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-current-sorot]')]);
  const viaMenu = JSON.parse(await readFile(await d.path(), 'utf8'));
  assert.deepEqual(viaMenu.labels, json.labels);
  app.assertNoPageErrors();
});
