// Trunk post-build hook: adds a strict Content-Security-Policy to the built
// index.html.
//
// Trunk starts the app with an inline <script type="module">; `script-src
// 'self'` alone would block it and leave the page blank, and
// 'unsafe-inline' would allow any injected script. So the policy allows
// exactly the inline scripts Trunk wrote, by their SHA-256 hashes, computed
// here after the build. WebAssembly compilation needs 'wasm-unsafe-eval'
// (not 'unsafe-eval'). Nothing may connect anywhere but the page's origin.
//
// Runs with TRUNK_STAGING_DIR set (see Trunk.toml [[hooks]]); also usable by
// hand: `node scripts/csp.mjs path/to/index.html`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');

// Remove a policy from an earlier run, so the hook is idempotent.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');

const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (!/<meta charset="utf-8" \/>/.test(html)) {
  throw new Error(`${file}: no <meta charset="utf-8" /> to put the policy after`);
}
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(file, html);
console.log(`csp.mjs: ${file}: policy with ${hashes.length} inline script hash(es)`);
