// Bad and extreme input in the page (issue 8): each gets a clear message or
// works, the page never dies, and nothing already open is lost. Checked
// here: empty paste and empty file, a 10 MB article, one 5 MB line, text
// with NUL characters, deeply nested JSON, a zip bomb, a zip of thousands
// of files, and three thousand files dropped at once. (How long the page is
// busy with the large ones is measured by `node scripts/bench.mjs`, not
// asserted here.)
//
//   trunk build --release && node --test tests/e2e/extreme.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateRawSync } from 'node:zlib';
import { dropFiles, fixture, pasteLong, pasteText, sel, tabs, useApp, waitForAnalysis, waitForHighlights, waitForSettled, waitForViewText } from './lib/harness.mjs';

const TIMEOUT = 180_000;
const app = useApp();

const notices = (page) => page.$$eval(sel.notice, (els) => els.map((el) => el.textContent.trim()));
const tabNames = async (page) => (await tabs(page)).map((t) => t.text.replace('×', '').trim());

/**
 * Drops files made in the page from strings (the harness's dropFiles sends
 * bytes as a JSON array, far too slow for megabytes).
 */
async function dropTexts(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    const zone = document.querySelector('[data-testid=drop-zone]');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** A zip archive of `entries` ({ name, data: Buffer, deflate }). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : e.data;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc32(e.data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Real news text (the e2e fixture article) repeated to about `bytes`. */
function articleOf(bytes) {
  const one = `${fixture('artikel-takaichi.txt').trim()}\n\n`;
  return one.repeat(Math.ceil(bytes / Buffer.byteLength(one)));
}

test('empty input: an empty paste opens nothing, an empty file gets a notice', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  await pasteText(page, 'Presiden Joko Widodo tiba di Jakarta.');
  await page.fill(sel.input, '');
  await page.waitForTimeout(300);
  await dropFiles(page, [{ name: 'kosong.txt', type: 'text/plain', bytes: '' }, { name: 'spasi.txt', bytes: ' \n\t\n' }]);
  await page.waitForFunction((s) => document.querySelectorAll(s).length >= 2, sel.notice);
  const all = await notices(page);
  for (const name of ['kosong.txt', 'spasi.txt']) {
    assert.ok(all.some((n) => n.includes(name) && /empty/.test(n)), `no "empty" notice for ${name}: ${JSON.stringify(all)}`);
  }
  assert.ok(!(await tabNames(page)).some((n) => n.includes('kosong') || n.includes('spasi')));
  app.assertNoPageErrors();
});

test('a 10 MB article and a 5 MB single line open in full, only the text near the reader on the page; what was open stays', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  const first = fixture('artikel-takaichi.txt');
  await pasteText(page, first);
  await waitForHighlights(page);
  // A word found once, at the very end.
  const big = `${articleOf(10_000_000)}Catatan penutup: Zorblax.\n`;
  const line = articleOf(5_000_000).replace(/\n/g, ' ');
  await dropTexts(page, [
    { name: 'sepuluh-mb.txt', text: big },
    { name: 'satu-baris.txt', text: line },
  ]);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid=doc-tab]')].filter((t) => /sepuluh-mb|satu-baris/.test(t.textContent)).length === 2,
    null,
    { timeout: 120_000, polling: 500 },
  );
  for (const [name, text] of [['sepuluh-mb.txt', big], ['satu-baris.txt', line]]) {
    await page.click(`${sel.tab}:has-text("${name}")`);
    await page.waitForSelector('[data-testid=document-view][data-sparse=true]', { timeout: 60_000 });
    await waitForAnalysis(page, 120_000);
    // The chunks near the reader are drawn, with their highlights; the
    // rest of the text is not on the page at all.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-view] mark').length > 1000, null, {
      timeout: 60_000,
      polling: 200,
    });
    const shown = await page.evaluate(() => document.querySelector('[data-testid=document-view]').textContent);
    assert.ok(shown.length > 100_000 && shown.length < 1_000_000, `${shown.length} characters on the page`);
    assert.equal(shown, text.slice(0, shown.length), 'the page shows the start of the text');
    // Scrolled through, screen after screen: the middle of the window always
    // shows text, and what the reader left behind leaves the page.
    const scrolled = await page.evaluate(async () => {
      let blank = 0;
      for (let i = 0; i < 120; i++) {
        scrollBy(0, 2500);
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 30)));
        const chunk = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('.document-view__chunk');
        if (chunk && !chunk.hasChildNodes()) blank++;
      }
      await new Promise((ok) => setTimeout(ok, 300));
      const v = document.querySelector('[data-testid=document-view]');
      return { blank, y: scrollY, onPage: v.textContent.length, first: v.firstElementChild.hasChildNodes() };
    });
    assert.ok(scrolled.y > 290_000, `scrolled to ${scrolled.y}`);
    assert.equal(scrolled.blank, 0, 'no blank screen while scrolling');
    assert.ok(!scrolled.first && scrolled.onPage < 1_000_000, `the start left the page (${scrolled.onPage} characters on it)`);
    if (name === 'sepuluh-mb.txt') {
      // Far down, a highlight clicked and relabelled with a key, then the
      // change undone: the view shows each at once.
      const id = await page.evaluate(() => {
        const marks = [...document.querySelectorAll('[data-testid=document-view] mark[data-label=LOC]')];
        const near = marks.find((m) => {
          const r = m.getBoundingClientRect();
          return r.top > 100 && r.bottom < innerHeight - 100;
        });
        return near?.dataset.id ?? null;
      });
      assert.ok(id, 'a place on screen far down');
      await page.click(`${sel.view} mark[data-id="${id}"]`);
      await page.waitForSelector(`[data-testid=edit-bar][data-for="${id}"]`);
      await page.keyboard.press('2');
      await page.waitForSelector(`${sel.view} mark[data-id="${id}"][data-label=ORG][data-source=user]`, { timeout: 10_000 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await page.waitForSelector(`${sel.view} mark[data-id="${id}"][data-label=LOC][data-source=auto]`, { timeout: 10_000 });
    }
    // At the end of the page, its end.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(
      (tail) => {
        const chunks = [...document.querySelectorAll('.document-view__chunk')];
        const last = chunks[chunks.length - 1];
        return last.textContent.length > 0 && last.querySelector('mark') && tail.endsWith(last.textContent);
      },
      text.slice(-200_000),
      { timeout: 30_000, polling: 200 },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // The one long line is drawn in pieces (no block holds megabytes).
  const longest = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.document-view__chunk')].map((c) => c.textContent.length)),
  );
  assert.ok(longest < 100_000, `a chunk of ${longest} characters`);
  // Found by the search box though not on the page: the hit is brought
  // on screen and painted.
  await page.click(`${sel.tab}:has-text("sepuluh-mb.txt")`);
  await page.waitForSelector('[data-testid=document-view][data-sparse=true]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.fill('[data-testid=search]', 'Zorblax');
  await page.waitForFunction(() => {
    const h = CSS.highlights.get('sorot-search-current');
    const r = h && [...h][0];
    if (!r || r.toString() !== 'Zorblax') return false;
    const box = r.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }, null, { timeout: 30_000, polling: 200 });
  assert.equal(await page.textContent('[data-testid=search-count]'), '1 of 1');
  // Selected (Ctrl+Enter), it is the same word in the document: a place on
  // the page is counted from its own chunk, not from the text before it.
  await page.press('[data-testid=search]', 'Control+Enter');
  await page.waitForSelector('[data-testid=edit-bar-text]', { timeout: 10_000 });
  assert.equal(await page.textContent('[data-testid=edit-bar-text]'), '“Zorblax”');
  assert.deepEqual((await notices(page)).filter((n) => !/saved/.test(n)), [], 'no notice but perhaps about saving');
  await page.click(`${sel.tab}:has-text("pasted-article")`);
  await waitForViewText(page, first);
  app.assertNoPageErrors();
});

test('a one-letter search in a long article counts every hit and paints those around the current one, wherever it is', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  const long = articleOf(600_000);
  await pasteLong(page, long);
  await waitForHighlights(page);
  const n = long.match(/a/gi).length;
  await page.fill('[data-testid=search]', 'a');
  await page.waitForFunction((n) => document.querySelector('[data-testid=search-count]').textContent === `1 of ${n}`, n, { timeout: 30_000 });
  const painted = () =>
    page.evaluate(() => {
      const all = [...(CSS.highlights.get('sorot-search') ?? [])];
      const current = [...(CSS.highlights.get('sorot-search-current') ?? [])][0];
      const at16 = (r) => Number(r.startContainer.parentElement.closest('[data-at16]').dataset.at16);
      const text = (r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      };
      return {
        size: all.length,
        kinds: [...new Set(all.map((r) => r.constructor.name))],
        texts: [...new Set(all.map((r) => text(r).toLowerCase()))],
        current: current && { text: current.toString(), at16: at16(current), top: current.getBoundingClientRect().top },
      };
    });
  let p = await painted();
  assert.ok(p.size > 100 && p.size <= 1_001, `${p.size} hits painted of ${n}`);
  assert.deepEqual(p.texts, ['a']);
  assert.deepEqual(p.kinds, ['StaticRange'], 'thousands of live ranges would slow every later change to the page');
  assert.equal(p.current.text.toLowerCase(), 'a');
  // Shift+Enter: the last hit, at the far end of the article, is painted
  // and on screen with those around it.
  await page.press('[data-testid=search]', 'Shift+Enter');
  await page.waitForFunction((n) => document.querySelector('[data-testid=search-count]').textContent === `${n} of ${n}`, n);
  await page.waitForFunction((len) => {
    const current = [...(CSS.highlights.get('sorot-search-current') ?? [])][0];
    if (!current) return false;
    const chunk = current.startContainer.parentElement.closest('[data-at16]');
    const top = current.getBoundingClientRect().top;
    return Number(chunk.dataset.at16) > len * 0.9 && top >= 0 && top <= innerHeight;
  }, long.length, { timeout: 30_000, polling: 100 });
  p = await painted();
  assert.ok(p.size > 100 && p.size <= 1_001, `${p.size} hits painted of ${n}`);
  assert.deepEqual(p.texts, ['a']);
  // A word found once a copy of the article, in every chunk: the 500 hits
  // after the current one are painted, each on its own word, from the
  // chunks that hold them (not from every chunk between).
  const tokyo = long.match(/Tokyo/g).length;
  await page.fill('[data-testid=search]', 'Tokyo');
  await page.waitForFunction((n) => document.querySelector('[data-testid=search-count]').textContent === `1 of ${n}`, tokyo);
  p = await painted();
  assert.equal(p.size, Math.min(tokyo, 501));
  assert.deepEqual(p.texts, ['tokyo']);
  app.assertNoPageErrors();
});

test('a longer text pasted over a highlighted one is shown whole in the next frame', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  // A highlighted article, then a text several chunks long that starts
  // with it: the chunks the two share keep their place, and every chunk
  // must hold the new text in the frame after the paste, not a task later.
  const long = articleOf(1_000_000);
  await pasteLong(page, long.slice(0, 20_000));
  await waitForHighlights(page);
  // Settled: the learned tagger's re-analysis of the first text has come
  // back and been drawn too. (With only the first analysis waited for,
  // that answer can come during the paste; a CI run once saw the old text
  // in the frame after it, which six local runs did not reproduce.)
  await waitForSettled(page);
  const seen = await page.evaluate(
    (t) =>
      new Promise((done) => {
        const input = document.querySelector('[data-testid=article-input]');
        input.value = t;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        requestAnimationFrame(() => done(document.querySelector('[data-testid=document-view]').textContent.length));
      }),
    long,
  );
  assert.equal(seen, long.length, 'the whole text in the first frame after the paste');
  await waitForAnalysis(page);
});

test('text with NUL characters is shown exactly, highlights and all', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  const text = 'Presiden Joko Widodo\u0000 tiba di Jakarta pada Senin (1/12).\u0000\nMenteri Sugiono hadir.';
  await pasteLong(page, text);
  assert.equal(await page.textContent('[data-testid=document-view]'), text);
  await waitForHighlights(page);
  const words = await page.$$eval('[data-testid=document-view] mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(words.includes('Joko Widodo'), JSON.stringify(words));
  app.assertNoPageErrors();
});

test('deeply nested JSON, a zip bomb and a zip of thousands of files get a message; open work stays', { timeout: TIMEOUT }, async (t) => {
  const page = await app.open();
  const first = fixture('artikel-takaichi.txt');
  await pasteText(page, first);
  const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const nestedObject = `{"format":"sorot.annotations","documents":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
  const bomb = zip([{ name: 'nol.txt', data: Buffer.alloc(200 * 1024 * 1024, 0x20), deflate: true }]);
  assert.ok(bomb.length < 400_000, `the bomb is small: ${bomb.length} bytes`);
  const many = zip(Array.from({ length: 5000 }, (_, i) => ({ name: `berita-${i}.txt`, data: Buffer.from(`Berita nomor ${i} dari Jakarta.`) })));
  await dropFiles(page, [
    { name: 'bersarang.json', bytes: nested },
    { name: 'objek.json', bytes: nestedObject },
    { name: 'bom.zip', bytes: bomb },
    { name: 'banyak.zip', bytes: many },
  ]);
  await page.waitForFunction((s) => document.querySelectorAll(s).length >= 4, sel.notice, { timeout: 60_000 });
  const all = await notices(page);
  t.diagnostic(`notices: ${JSON.stringify(all)}`);
  for (const name of ['bersarang.json', 'objek.json', 'bom.zip', 'banyak.zip']) {
    const n = all.find((x) => x.includes(name));
    assert.ok(n, `no notice for ${name}: ${JSON.stringify(all)}`);
    assert.ok(n.replace(name, '').trim().length >= 12, `the notice for ${name} gives no reason: ${n}`);
  }
  assert.deepEqual(await tabNames(page), ['pasted-article']);
  await waitForViewText(page, first);
  app.assertNoPageErrors();
});

test('three thousand files dropped at once all open; the earlier document stays', { timeout: TIMEOUT }, async () => {
  const page = await app.open();
  const first = fixture('artikel-takaichi.txt');
  await pasteText(page, first);
  const files = Array.from({ length: 3000 }, (_, i) => ({
    name: `berita-${String(i).padStart(4, '0')}.txt`,
    text: `Presiden Joko Widodo bertemu Menteri Sugiono di Jakarta, berita nomor ${i}.`,
  }));
  await dropTexts(page, files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-tab]').length === 3001, null, {
    timeout: 120_000,
    polling: 500,
  });
  await page.click(`${sel.tab}:has-text("berita-2999.txt")`);
  await page.waitForFunction(() => document.querySelector('[data-testid=document-view]')?.textContent.includes('nomor 2999'));
  await waitForHighlights(page);
  await page.click(`${sel.tab}:has-text("pasted-article")`);
  await waitForViewText(page, first);
  app.assertNoPageErrors();
});
