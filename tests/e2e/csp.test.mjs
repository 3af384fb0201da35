// The built page carries a strict Content-Security-Policy and works under it:
// no 'unsafe-inline', no 'unsafe-eval', connections only to its own origin,
// and the app starts, annotates and exports with no policy violation.
//
//   trunk build --release && node --test tests/e2e/csp.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, exportJson, openApp, pasteText, waitForHighlights, useServerAndBrowser } from './lib/harness.mjs';

const env = useServerAndBrowser();

function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(m, 'dist/index.html has no Content-Security-Policy meta tag');
  return m[1];
}

test('the built index.html has a strict policy that allows only its own inline script', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = policyOf(html);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /object-src 'none'/);
  // The policy comes before any script, or it would not cover it.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('the app runs under the policy with no violation', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url, {});
  try {
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await pasteText(page, 'Presiden Prabowo Subianto tiba di Tokyo, Jepang, pada Senin (1/12).');
    await waitForHighlights(page);
    const { json } = await exportJson(page);
    assert.equal(json.format, 'sorot.annotations');
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, []);
    const cspErrors = errors.filter((e) => /Content Security Policy/i.test(e));
    assert.deepEqual(cspErrors, [], 'Chromium reported policy violations while the app started');
  } finally {
    await context.close();
  }
});

test('every stylesheet loads: its integrity hash fits the built file (scripts/css.mjs)', { timeout: 60_000 }, async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
  assert.equal(linked.length, 1, 'the stylesheets are joined into one');
  assert.ok(linked.every((l) => /integrity="sha384-/.test(l)), 'each with an integrity hash');
  for (const l of linked) {
    const name = l.match(/href="\/([^"]+)"/)[1];
    assert.doesNotMatch(readFileSync(join(DIST, name), 'utf8'), /\/\*/, `${name} keeps no comment`);
  }
  const { page, context, errors } = await openApp(env.browser, env.server.url, {});
  try {
    // A stylesheet whose hash does not fit is refused: it has no rules.
    const sheets = await page.evaluate(() =>
      [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
    );
    assert.equal(sheets.length, linked.length, JSON.stringify(sheets));
    assert.ok(sheets.every((s) => s.rules > 0), JSON.stringify(sheets));
    assert.deepEqual(errors.filter((e) => /integrity/i.test(e)), []);
  } finally {
    await context.close();
  }
});
