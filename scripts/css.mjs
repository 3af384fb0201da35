// Trunk post-build hook: makes the built stylesheets smaller for the first
// visit (README "Performance": the page's size budget). The sources in
// styles/ keep their comments; the built copies lose them, and the
// indentation and blank lines, and index.html gets each one's new
// Subresource Integrity hash (Trunk computed it for the longer file).
//
// Only comments and whitespace at the ends of lines go: no rule, value or
// string is touched. (Trunk's own minifier also rewrites index.html, in a
// form the other hooks do not read.)
//
// Runs with TRUNK_STAGING_DIR set (see Trunk.toml [[hooks]]); also usable by
// hand: `node scripts/css.mjs path/to/dist`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withIntegrity } from './sri.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const indexFile = join(dir, 'index.html');
let html = readFileSync(indexFile, 'utf8');

/** The stylesheet without comments, indentation and blank lines. */
function shorter(css) {
  if (/["'][^"'\n]*\/\*/.test(css)) {
    // A string holding "/*" would be cut by the comment rule: left alone.
    return css;
  }
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

for (const name of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  const after = shorter(before);
  if (after === before) continue;
  writeFileSync(path, after);
  html = withIntegrity(html, name, after, indexFile);
}
writeFileSync(indexFile, html);
