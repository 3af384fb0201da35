// The Subresource Integrity hash of a built file, written into the
// `<link>` of index.html that loads it: for the post-build hooks that
// rewrite a file Trunk hashed (css.mjs, glue.mjs).
import { createHash } from 'node:crypto';

/** The `integrity` attribute's value for `content`. */
export function integrityOf(content) {
  return `sha384-${createHash('sha384').update(content, 'utf8').digest('base64')}`;
}

/** `html` with the integrity of the `<link href="/name">` set to `content`'s hash. */
export function withIntegrity(html, name, content, indexFile) {
  const integrity = integrityOf(content);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`(<link\\b[^>]*href="/${escaped}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) throw new Error(`${indexFile}: no <link> with an integrity hash for ${name}`);
  return html.replace(link, `$1${integrity}$2`);
}
