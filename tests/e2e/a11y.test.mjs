// Automated accessibility check (axe-core) of the page in the states a
// person meets: empty, an article with highlights, the menu at a highlight,
// the menu at a selection; in the light and the dark theme. Any violation of
// serious or critical impact fails.
//
//   trunk build --release && node --test tests/e2e/a11y.test.mjs

import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openApp, pasteText, sel, waitForHighlights, useServerAndBrowser } from './lib/harness.mjs';

const TIMEOUT = 90_000;
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const env = useServerAndBrowser();
let current;

afterEach(async () => {
  await current?.context.close();
  current = undefined;
});

const ARTICLE =
  'Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, Senin (1/12). ' +
  '“Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. ' +
  'Kementerian Luar Negeri Jepang menyebut pertemuan itu penting bagi Tokyo dan Brussel.';

/** Runs axe on the page; returns the serious and critical violations. */
async function check(page, state) {
  // Evaluated through the DevTools protocol, which the page's
  // Content-Security-Policy does not govern (no script is added to the page).
  await page.evaluate(`${AXE}\n;void 0`);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`no serious accessibility violations (${scheme} theme)`, { timeout: TIMEOUT }, async () => {
    current = await openApp(env.browser, env.server.url);
    const { page } = current;
    await page.emulateMedia({ colorScheme: scheme });
    const found = [];
    found.push(...(await check(page, 'empty page')));
    await pasteText(page, ARTICLE);
    await page.waitForSelector('[data-testid=drop-zone][data-model-id=ready]');
    await waitForHighlights(page);
    found.push(...(await check(page, 'article with highlights')));
    // Labels are not conveyed by colour alone: a screen reader hears the
    // label before the highlighted text.
    const tree = await page.locator(sel.view).ariaSnapshot();
    assert.match(tree, /mark: person:Sanae Takaichi/);
    assert.match(tree, /mark: place:Tokyo/);
    await page.focus(`${sel.view} mark[data-label=QUOTE]`);
    await page.waitForSelector('[data-testid=edit-bar]');
    found.push(...(await check(page, 'menu at a highlight')));
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const w = document.createTreeWalker(document.querySelector('[data-testid=document-view]'), NodeFilter.SHOW_TEXT);
      let t = w.nextNode();
      while (t && !t.data.includes('menyebut')) t = w.nextNode();
      const at = t.data.indexOf('menyebut');
      document.activeElement?.blur();
      const r = document.createRange();
      r.setStart(t, at + 1);
      r.setEnd(t, at + 5);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    await page.dispatchEvent(sel.view, 'mouseup');
    await page.waitForSelector('[data-testid=edit-bar]');
    found.push(...(await check(page, 'menu at a selection')));
    assert.deepEqual(found, [], found.join('\n'));
  });
}
