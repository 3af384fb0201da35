// The document's language: detected on paste, and the user can override it
// in the page; the document is analysed again and the export says so.
//
//   trunk build --release && node --test tests/e2e/lang.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportJson, openApp, pasteText, sel, useServerAndBrowser, waitForAnalysis } from './lib/harness.mjs';

const env = useServerAndBrowser();

const LANG = '[data-testid=lang-select]';

test('the user overrides the detected language and the document is analysed again', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  try {
    const english = 'Prime Minister Sanae Takaichi said on Monday that the talks with the president went well.';
    await pasteText(page, english);
    await page.waitForSelector(LANG);
    await waitForAnalysis(page);
    assert.equal(await page.$eval(LANG, (s) => s.value), 'en');

    // The select shows the choice at once; the document is the chosen
    // language's once analysed again (the view's lang says so, as the
    // export does).
    await page.selectOption(LANG, 'id');
    await page.waitForFunction((s) => document.querySelector(s).value === 'id', LANG);
    await page.waitForFunction((v) => document.querySelector(v).lang === 'id', sel.view);
    let { json } = await exportJson(page);
    assert.equal(json.document.lang, 'id');

    // The choice holds while the user keeps editing the pasted text.
    await page.fill(sel.input, `${english} They will meet again.`);
    await page.waitForFunction((s) => document.querySelector(s).value === 'id', LANG);
    await page.waitForFunction((v) => {
      const view = document.querySelector(v);
      return view.lang === 'id' && view.textContent.includes('meet again');
    }, sel.view);
    ({ json } = await exportJson(page));
    assert.equal(json.document.lang, 'id');
    assert.match(json.document.text, /meet again/);

    await page.selectOption(LANG, 'auto');
    await page.waitForFunction((s) => document.querySelector(s).value === 'en', LANG);
    await page.waitForFunction((v) => document.querySelector(v).lang === 'en', sel.view);
    ({ json } = await exportJson(page));
    assert.equal(json.document.lang, 'en');
    assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
});
