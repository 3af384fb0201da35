// The benchmark corpus (scripts/bench.mjs; sources and licences in
// bench/README.md): real news text, detokenised from the token-per-line
// NER data in /work/shared/data (or $SOROT_BENCH_DATA).
//
//   en: the 22 Wikinews documents of genre "news" in GUM's train and dev
//       splits (en/gum/{train,dev}.txt), CC BY 2.5.
//   id: every sentence of idner-news-2k (id/idner2k/{train,dev}.txt), MIT.
//
// `corpus(lang, bytes)` returns the first paragraphs of the language's
// text up to `bytes` UTF-8 bytes (cut at the last paragraph end that fits),
// repeating the whole text as often as needed to get there (`repeats`
// says how many copies were started; 1 = no repetition).
//
//   node scripts/bench-corpus.mjs en 10000   # prints the 10 KB English text

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DATA = process.env.SOROT_BENCH_DATA ?? '/work/shared/data';

export const SOURCES = {
  en: {
    files: ['en/gum/train.txt', 'en/gum/dev.txt'],
    source:
      'GUM corpus (https://gucorpling.org/gum/), amir-zeldes/gum @ 72ce5ac, the 22 documents of genre "news" (Wikinews) in the train and dev splits, detokenised',
    licence: 'texts CC BY 2.5 (Wikinews); GUM annotations CC BY 4.0 (not used)',
  },
  id: {
    files: ['id/idner2k/train.txt', 'id/idner2k/dev.txt'],
    source:
      'idner-news-2k (khairunnisaor/idner-news-2k @ 625ff40), all 1,831 news sentences of train and dev, detokenised, 3 sentences a paragraph',
    licence: 'MIT, (c) 2020 khairunnisaor',
  },
};

/** GUM (format C): documents of genre news, each a list of sentences (token lists). */
function gumNews(text) {
  const docs = [];
  let doc = null;
  let sent = [];
  const flush = () => {
    if (doc && sent.length) doc.sents.push(sent);
    sent = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('# ')) {
      const m = /^# genre = (.*)$/.exec(line);
      if (line.startsWith('# newdoc id = ')) {
        flush();
        doc = { id: line.slice('# newdoc id = '.length).trim(), genre: '', sents: [] };
        docs.push(doc);
      } else if (m && doc) {
        doc.genre = m[1].trim();
      }
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    sent.push(line.split('\t')[0]);
  }
  flush();
  return docs.filter((d) => d.genre === 'news');
}

/** idner2k (format A, CRLF): one list of sentences (token lists). */
function idnerSentences(text) {
  const sents = [];
  let sent = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (sent.length) sents.push(sent);
      sent = [];
      continue;
    }
    sent.push(line.split(' ')[0]);
  }
  if (sent.length) sents.push(sent);
  return sents;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '...', '…', '”', '’']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '“', '‘']);
const JOINERS = new Set(['-', '/']);

/** Joins one sentence's tokens as running text (English and Indonesian punctuation). */
export function detokenise(tokens, open = { '"': false, "'": false }) {
  // `open`: which straight quotation marks are open; pass the same object
  // for every sentence of a document (a quotation may span sentences).
  let out = '';
  let glueNext = true; // no space before the first token
  for (const tok of tokens) {
    let before = !glueNext;
    let after = true;
    if (NO_SPACE_BEFORE.has(tok)) before = false;
    if (/^['’](s|re|m|ve|ll|d|S|RE|M|VE|LL|D)$/.test(tok) || /^n['’]t$/i.test(tok)) before = false;
    if (NO_SPACE_AFTER.has(tok)) after = false;
    if (JOINERS.has(tok)) {
      before = false;
      after = false;
    }
    if (tok === '"' || tok === "'") {
      if (open[tok]) {
        before = false; // closing
      } else {
        after = false; // opening
      }
      open[tok] = !open[tok];
    }
    out += (before ? ' ' : '') + tok;
    glueNext = !after;
  }
  return out;
}

/** The whole text of a language, paragraphs separated by blank lines. */
export function baseText(lang) {
  const src = SOURCES[lang];
  if (!src) throw new Error(`no corpus for language ${lang}`);
  const paragraphs = [];
  if (lang === 'en') {
    for (const file of src.files) {
      for (const doc of gumNews(readFileSync(join(DATA, file), 'utf8'))) {
        const open = { '"': false, "'": false };
        const sents = doc.sents.map((t) => detokenise(t, open));
        // Headline, dateline, then paragraphs of three sentences.
        paragraphs.push(sents[0], sents[1]);
        for (let i = 2; i < sents.length; i += 3) paragraphs.push(sents.slice(i, i + 3).join(' '));
      }
    }
  } else {
    const sents = src.files.flatMap((f) => idnerSentences(readFileSync(join(DATA, f), 'utf8'))).map((t) => detokenise(t));
    for (let i = 0; i < sents.length; i += 3) paragraphs.push(sents.slice(i, i + 3).join(' '));
  }
  return paragraphs.filter((p) => p && p.trim());
}

const bytesOf = (s) => Buffer.byteLength(s, 'utf8');

/** `{ text, bytes, repeats, baseBytes }`: at most `bytes` bytes of whole paragraphs. */
export function corpus(lang, bytes) {
  const paras = baseText(lang);
  const baseBytes = bytesOf(paras.join('\n\n'));
  const out = [];
  let size = 0;
  let repeats = 1;
  for (let i = 0; ; i++) {
    if (i > 0 && i % paras.length === 0) repeats++;
    const p = paras[i % paras.length];
    const add = bytesOf(p) + (out.length ? 2 : 0);
    if (size + add > bytes) break;
    out.push(p);
    size += add;
  }
  const text = out.join('\n\n');
  return { text, bytes: bytesOf(text), repeats, baseBytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [lang = 'en', n = '10000'] = process.argv.slice(2);
  process.stdout.write(corpus(lang, Number(n)).text + '\n');
}
