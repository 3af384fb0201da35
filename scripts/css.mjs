// Trunk post-build hook: makes the built stylesheets smaller for the first
// visit (README "Performance": the page's size budget). The sources in
// styles/ keep their comments; the built copy loses them, and the
// indentation and blank lines; all of them are joined into one
// `sorot-<hash>.css`, and index.html links it with its Subresource
// Integrity hash in place of the eight links Trunk wrote.
//
// Only comments and whitespace at the ends of lines go: no rule, value or
// string is touched. (Trunk's own minifier also rewrites index.html, in a
// form the other hooks do not read.)
//
// Runs with TRUNK_STAGING_DIR set (see Trunk.toml [[hooks]]); also usable by
// hand: `node scripts/css.mjs path/to/dist`.
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrityOf } from './sri.mjs';

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

// The stylesheets, in the order index.html links them, become one file:
// gzip then compresses their shared words once (5.9 KB in eight files,
// 3.6 KB in one), and the page makes one request instead of eight. Each
// keeps its rules in the same order, so the cascade is unchanged.
const STYLESHEET = /<link\b[^>]*rel="stylesheet"[^>]*>\n?/g;
const links = [...html.matchAll(STYLESHEET)];
const names = links.map((m) => {
  const href = m[0].match(/href="\/([^"]+\.css)"/);
  if (!href) throw new Error(`${indexFile}: a stylesheet <link> without a local href: ${m[0]}`);
  return href[1];
});
if (names.length > 0) {
  const joined = names.map((name) => shorter(readFileSync(join(dir, name), 'utf8'))).join('\n');
  const hash = createHash('sha256').update(joined, 'utf8').digest('hex').slice(0, 16);
  const name = `sorot-${hash}.css`;
  writeFileSync(join(dir, name), joined);
  const link = `<link rel="stylesheet" href="/${name}" integrity="${integrityOf(joined)}"/>\n`;
  const at = links[0].index;
  html = html.slice(0, at) + link + html.slice(at).replace(STYLESHEET, '');
  for (const old of names) if (old !== name) unlinkSync(join(dir, old));
}
writeFileSync(indexFile, html);
