// Offline: once the page has loaded, a service worker keeps it working with
// the network gone — a reload, and a new visit in the same browser, load
// from the cache, and the app annotates as before.
//
//   trunk build --release && node --test tests/e2e/offline.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, pasteText, waitForHighlights, highlights, sel, useServerAndBrowser } from './lib/harness.mjs';

const env = useServerAndBrowser();

test('after one visit the app reloads and works with the server gone', { timeout: 90_000 }, async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  try {
    // The worker installs (precaching every file) and takes control.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });

    await env.server.close(); // the network is gone: nothing answers any more
    env.server = undefined;

    await page.reload();
    await page.waitForSelector(sel.input);
    await pasteText(page, 'Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Sanae Takaichi di Tokyo.');
    await waitForHighlights(page);
    const labels = new Set((await highlights(page)).map((h) => h.label));
    assert.ok(labels.has('PERSON') && labels.has('LOC'), `labels: ${[...labels]}`);

    const second = await context.newPage();
    await second.goto(page.url());
    await second.waitForSelector(sel.input);
    await pasteText(second, 'Menteri Luar Negeri Sugiono tiba di Jakarta.');
    await waitForHighlights(second);

    assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  } finally {
    await context.close();
  }
});
