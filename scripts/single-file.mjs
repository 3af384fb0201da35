// Trunk post-build hook (release builds only): writes sorot.html, the whole
// app in one self-contained file that works when opened straight from disk
// (file://), so a reporter can keep or pass on the tool as a single file.
//
// Built from the staged index.html after csp.mjs and sw.mjs: every
// stylesheet is inlined in one <style>, the favicon becomes a data: URL, and
// the wasm-bindgen JS module, the wasm bytes (base64) and the start code go
// into one inline <script type="module"> that hands the bytes to
// wasm-bindgen's init (`init({ module_or_path: bytes })`), so nothing is
// fetched; the analysis worker's module and wasm are inlined as one worker
// script in a data block, started from a blob: URL; the learned taggers of
// dist/models/ are inlined as base64 data blocks (see below). The file carries its own strict Content-Security-Policy: the
// inline script and style are allowed by their SHA-256 hashes (no
// 'unsafe-inline'), WebAssembly by 'wasm-unsafe-eval', and nothing may
// connect anywhere. No service worker: file:// pages cannot have one, so the
// start code hides navigator.serviceWorker (the app then skips registration,
// see ui::start), and sw.mjs leaves sorot.html out of the precache list.
//
// Runs with TRUNK_STAGING_DIR and TRUNK_PROFILE set (see Trunk.toml
// [[hooks]]); also usable by hand on a release dist/:
// `TRUNK_PROFILE=release node scripts/single-file.mjs dist`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const OUT = 'sorot.html';

if (process.env.TRUNK_PROFILE !== 'release') {
  console.log(`single-file.mjs: skipped (TRUNK_PROFILE=${process.env.TRUNK_PROFILE ?? 'unset'}, not release)`);
  process.exit(0);
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const fail = (msg) => {
  throw new Error(`single-file.mjs: ${msg}`);
};
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** A file of the build named by an href/src of index.html ("/name" or "name"). */
const local = (ref) => {
  const name = ref.replace(/^\.?\//, '');
  if (!name || /[/\\]|^[a-z]+:/i.test(name)) fail(`unexpected reference ${ref} in index.html`);
  const path = join(dir, name);
  if (!existsSync(path)) fail(`${path} (referenced by index.html) does not exist`);
  return path;
};
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i'))?.[1];

let html = readFileSync(join(dir, 'index.html'), 'utf8');

// index.html's own policy (csp.mjs) allows 'self'; this file gets its own.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');

// Stylesheets (in document order, so the cascade is unchanged), favicon,
// preloads.
const css = [];
let stylePlaceholder = false;
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase();
  const href = attr(tag, 'href');
  if (rel === 'stylesheet') {
    css.push(readFileSync(local(href), 'utf8'));
    if (stylePlaceholder) return '';
    stylePlaceholder = true;
    return '<!--sorot-style-->';
  }
  if (rel === 'icon') {
    const path = local(href);
    const type = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' }[extname(path)];
    if (!type) fail(`unknown favicon type ${path}`);
    return `<link rel="icon" href="data:${type};base64,${readFileSync(path).toString('base64')}" />`;
  }
  if (rel === 'modulepreload' || rel === 'preload') return '';
  fail(`no rule to inline ${tag}`);
});
const style = css.join('\n');
if (/<\/style/i.test(style)) fail('a stylesheet contains "</style"');

// Trunk's start script names the wasm-bindgen module and the wasm file.
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
if (scripts.length !== 1) fail(`expected one <script> in index.html (Trunk's start script), found ${scripts.length}`);
const [startTag, startAttrs, startCode] = scripts[0];
if (/\bsrc\s*=/i.test(startAttrs)) fail('the start script has a src');
const jsRef = startCode.match(/import\s+init\s*,\s*\*\s*as\s+bindings\s+from\s+'([^']+)'/)?.[1];
const wasmRef = startCode.match(/module_or_path:\s*'([^']+)'/)?.[1];
if (!jsRef || !wasmRef) fail(`cannot find the module and wasm paths in Trunk's start script:\n${startCode}`);
const app = standalone(readFileSync(local(jsRef), 'utf8'), jsRef);
const wasm = readFileSync(local(wasmRef));
let js = app.js;
const exported = app.exported;
const init = app.init;

// The analysis worker (src/bin/analyser.rs; the served app loads it from
// analyser_loader.js): its module and wasm become one worker script, kept
// in a data block (<script type="text/plain" id="sorot-analyser">, never
// run by the page); the start code makes a blob: URL of it for the app
// (window.sorotAnalyser, read by ui::analysis). The policy allows workers
// from blob: only.
const worker = standalone(readFileSync(local('analyser.js'), 'utf8'), 'analyser.js');
const workerWasm = readFileSync(local('analyser_bg.wasm'));
// A classic worker script: Chromium refuses a module worker from a blob:
// URL on a file:// page (a module's syntax is gone after standalone()).
const workerScript = `${worker.js.trimEnd()}
// --- start (as analyser_loader.js, with the wasm inlined) ---
(() => {
  const base64 = '${workerWasm.toString('base64')}';
  const bytes =
    typeof Uint8Array.fromBase64 === 'function'
      ? Uint8Array.fromBase64(base64)
      : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  ${worker.init}({ module_or_path: bytes }).catch((e) => { throw e; });
})();
`;

/**
 * A wasm-bindgen module (`--target web`) made to stand alone in an inline
 * script: no imports, its exports plain declarations (returned with their
 * names, `init` being the default one), and no way to fetch its wasm.
 */
function standalone(js, name) {
  // No imports (wasm-bindgen snippets would be separate files) and nothing
  // that ends an inline script early.
  if (/^\s*import\b/m.test(js)) fail(`${name} imports other modules; they cannot be inlined`);
  if (/<\/script|<!--/i.test(js)) fail(`${name} contains "</script" or "<!--"`);
  const exported = [];
  js = js.replace(/^export\s*\{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local_, as] = item.split(/\s+as\s+/);
      exported.push([as ?? local_, local_]);
    }
    return '';
  });
  js = js.replace(/^export\s+(?:async\s+)?(function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (m, kind, n) => {
    exported.push([n, n]);
    return m.replace(/^export\s+/, '');
  });
  if (/^\s*export\b/m.test(js)) fail(`${name} has an export this script does not understand`);
  const init = exported.find(([n]) => n === 'default')?.[1];
  if (!init) fail(`${name} has no default export (wasm-bindgen's init)`);
  // The default wasm location (a URL next to the module, via
  // import.meta.url) would be fetched only without bytes; make that
  // impossible.
  js = js.replace(
    /new URL\(\s*(['"])[^'"]*\.wasm\1\s*,\s*import\.meta\.url\s*\)/g,
    () => `(() => { throw new Error('sorot.html: the wasm is inlined; pass its bytes to init'); })()`,
  );
  if (/import\.meta/.test(js)) fail(`${name} still uses import.meta`);
  return { js, exported, init };
}

const bindings = exported.filter(([name]) => name !== 'default').map(([name, l]) => (name === l ? name : `${name}: ${l}`));
const script = `
${js.trimEnd()}

// --- start (as Trunk's start script, with the wasm inlined) ---
{
  // No service worker for a single file (none could precache it, and on
  // file:// Chromium still exposes navigator.serviceWorker but refuses to
  // register one): hiding it makes the app skip registration quietly.
  Object.defineProperty(navigator, 'serviceWorker', { value: undefined, configurable: true });
  const base64 = '${wasm.toString('base64')}';
  const bytes =
    typeof Uint8Array.fromBase64 === 'function'
      ? Uint8Array.fromBase64(base64)
      : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const analyser = document.getElementById('sorot-analyser')?.textContent ?? '';
  window.sorotAnalyser = URL.createObjectURL(new Blob([analyser], { type: 'text/javascript' }));
  const exports = await ${init}({ module_or_path: bytes });
  window.wasmBindings = { ${bindings.join(', ')} };
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));
}
`;
if (script.includes('\r')) fail('carriage return in the inline script (the hash would not match)');

html = html.replace(startTag, () => `<script type="module">${script}</script>`);
// The learned taggers (dist/models/<lang>.tagger), which the served app
// fetches: a file:// page cannot fetch, so they travel inside the file as
// base64 data blocks, <script type="application/octet-stream"
// id="sorot-model-<lang>">. A script of an unknown type is never run (and
// needs no place in the policy); ui::models reads its text instead of
// fetching.
const models = [];
const modelDir = join(dir, 'models');
if (existsSync(modelDir)) {
  for (const f of readdirSync(modelDir).filter((f) => /^[a-z]{2,3}\.tagger$/.test(f)).sort()) {
    const lang = f.replace(/\.tagger$/, '');
    const bytes = readFileSync(join(modelDir, f));
    models.push(lang);
    html = html.replace(
      '</head>',
      () => `<script type="application/octet-stream" id="sorot-model-${lang}">${bytes.toString('base64')}</script>\n</head>`,
    );
  }
}

html = html.replace(
  '</head>',
  () => `<script type="text/plain" id="sorot-analyser">${workerScript}</script>\n</head>`,
);

if (stylePlaceholder) {
  html = html.replace('<!--sorot-style-->', () => `<style>${style}</style>`);
} else if (style) {
  html = html.replace('</head>', () => `<style>${style}</style>\n</head>`);
}

const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(script)}`,
  `style-src ${style ? sha256(style) : "'none'"}`,
  'img-src data: blob:',
  "font-src 'none'",
  "connect-src 'none'",
  'worker-src blob:',
  "manifest-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (!html.includes('<meta charset="utf-8" />')) fail('no <meta charset="utf-8" /> to put the policy after');
html = html.replace(
  '<meta charset="utf-8" />',
  () => `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);

// Nothing may point at another file.
for (const m of html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
  if (!/^(data|blob):/i.test(m[1])) fail(`external reference left in ${OUT}: ${m[0].trim()}`);
}

writeFileSync(join(dir, OUT), html);
console.log(
  `single-file.mjs: ${join(dir, OUT)}: ${Buffer.byteLength(html)} bytes (${css.length} stylesheet(s), ${wasm.length} wasm bytes, models: ${models.join(', ') || 'none'} inlined)`,
);
