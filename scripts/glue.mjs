// Trunk post-build hook: makes the page's JavaScript glue (wasm-bindgen's
// `sorot-<hash>.js`, which the page needs before it is interactive)
// smaller for the first visit (README "Performance": the page's size
// budget), and writes its new Subresource Integrity hash into index.html
// (Trunk computed it for the longer file).
//
// esbuild (a dev dependency, already used by the benchmark) minifies it as
// an ES module: its exports keep their names, and so do the property names
// of the object the wasm module imports from. The file keeps its name: its
// hash is Trunk's, of the glue as wasm-bindgen wrote it. The export list
// is put on a line of its own, as single-file.mjs reads it.
//
// The worker's glue (`analyser.js`) is left as it is: it is not part of
// the first visit.
//
// Release builds only (a development build keeps the glue readable). Runs
// with TRUNK_STAGING_DIR and TRUNK_PROFILE set (see Trunk.toml [[hooks]]);
// also usable by hand: `TRUNK_PROFILE=release node scripts/glue.mjs dist`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { withIntegrity } from './sri.mjs';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const indexFile = join(dir, 'index.html');
const html = readFileSync(indexFile, 'utf8');

const glue = readdirSync(dir).filter((f) => /^sorot-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`${dir}: expected one sorot-<hash>.js, found ${glue.length}`);
const name = glue[0];
const path = join(dir, name);
const before = readFileSync(path, 'utf8');
{
  let { code } = transformSync(before, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
  code = code.replace(/;?export\s*\{([^}]*)\};?\s*$/, ';\nexport{$1};\n');
  if (!/^export\{[^}]*\bdefault\b[^}]*\};$/m.test(code)) throw new Error(`${name}: the minified glue has no export list on a line of its own`);
  const after = code;
  writeFileSync(path, after);
  writeFileSync(indexFile, withIntegrity(html, name, after, indexFile));
}
