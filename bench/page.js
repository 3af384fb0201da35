// In-page half of the benchmark (scripts/bench.mjs injects it into the
// app's page, together with the peers' bundle). Everything is timed with
// performance.now() inside the page, so no round trip to Playwright is
// counted. See bench/README.md for what each number means.
(() => {
  const INPUT = '[data-testid=article-input]';
  const VIEW = '[data-testid=document-view]';
  const MARK = '[data-testid=document-view] [data-label][data-start]';

  /** After the next frame has painted: rAF runs before paint, the timeout after it. */
  // The next animation frame, or `false` after `ms` without one (a page the
  // browser stopped drawing must not hang the benchmark; the caller reports
  // the stall).
  const nextFrame = (ms = 2000) =>
    new Promise((ok) => {
      const timer = setTimeout(() => ok(false), ms);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        ok(true);
      });
    });
  const frame = () => nextFrame().then(() => new Promise((ok) => setTimeout(ok, 0)));
  const idle = (ms) => new Promise((ok) => setTimeout(ok, ms));
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };

  /** Resolves once `check()` is true, re-checked after every DOM mutation. */
  function when(check, timeoutMs = 120_000) {
    if (check()) return Promise.resolve();
    return new Promise((ok, fail) => {
      const obs = new MutationObserver(() => {
        if (check()) {
          obs.disconnect();
          clearTimeout(timer);
          ok();
        }
      });
      const timer = setTimeout(() => {
        obs.disconnect();
        fail(new Error('timed out waiting for the document view'));
      }, timeoutMs);
      obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  }

  /** Sets the paste box as a paste does (value, then an input event), like tests/e2e's page.fill. */
  function paste(text) {
    const area = document.querySelector(INPUT);
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }

  const viewShows = (len, marks) => () => {
    const view = document.querySelector(VIEW);
    return !!view && view.textContent.length === len && (!marks || !!document.querySelector(MARK));
  };

  /** Replaces the pasted document by a one-letter text, so the next paste starts from a small page. */
  async function reset() {
    paste('x');
    await when(viewShows(1, false));
    await frame();
    await idle(50);
  }

  /** No document waits for the analysis worker, no learned tagger is
   * loading, every highlight is drawn: checked twice, 100 ms apart (a
   * tagger is asked for in the render after an analysis comes back). */
  async function settled() {
    const now = () => {
      const z = document.querySelector('[data-testid=drop-zone]');
      return (
        z?.getAttribute('data-analysing') === '0' &&
        !['id', 'en'].some((l) => z.getAttribute(`data-model-${l}`) === 'loading') &&
        !document.querySelector(`${VIEW}[data-drawing]`)
      );
    };
    await when(now);
    await idle(100);
    await when(now);
  }

  const texts = new Map();
  let analyser;

  window.sorotBench = {
    setText(key, text) {
      texts.set(key, text);
    },

    /**
     * Loads the analysis worker's module (analyser.js, the recognizer's own
     * wasm) on this page, so its analysis can be timed alone, without the
     * messages to and from the worker the app uses.
     */
    async loadAnalyser() {
      const m = await import(new URL('analyser.js', location.href).href);
      await m.default();
      analyser = m;
    },

    version() {
      return typeof analyser?.bench_analyze === 'function';
    },

    /** Pastes a text and waits until the learned tagger of `lang` is ready. */
    async loadModel(key, lang, timeoutMs = 60_000) {
      paste(texts.get(key));
      const t0 = performance.now();
      for (;;) {
        const state = document.querySelector(`[data-model-${lang}]`)?.getAttribute(`data-model-${lang}`);
        if (state === 'ready') break;
        if (state === 'failed') throw new Error(`the ${lang} tagger failed to load`);
        if (performance.now() - t0 > timeoutMs) throw new Error(`the ${lang} tagger did not load in ${timeoutMs} ms (state ${state})`);
        await idle(50);
      }
      // The same tagger for the module timed here.
      const bytes = new Uint8Array(await (await fetch(`models/${lang}.tagger`)).arrayBuffer());
      const error = analyser.bench_install_model(lang, bytes);
      if (error) throw new Error(`the ${lang} tagger: ${error}`);
      await frame();
      await reset();
    },

    /**
     * Times `fn(text)` `runs` times after one untimed warm-up call; returns
     * { median, min, count } (ms, and what the call returned).
     */
    async analyze(which, key, runs) {
      const text = texts.get(key);
      const fn =
        which === 'sorot'
          ? (t) => analyser.bench_analyze(t)
          : which === 'compromise'
            ? window.benchPeers.compromise
            : window.benchPeers.wink;
      let count = fn(text);
      const times = [];
      for (let i = 0; i < runs; i++) {
        await idle(0);
        const t0 = performance.now();
        count = fn(text);
        times.push(performance.now() - t0);
      }
      return { median: median(times), min: Math.min(...times), count };
    },

    /**
     * Paste to painted highlights: from setting the paste box to the frame
     * after the document view holds the whole text with its marks. Returns
     * medians { dom, paint, shown, drawn, marks } (ms to the DOM being
     * built, ms to painted, ms to the frame that showed the text before its
     * highlights came, ms until every chunk of a long document has its
     * highlights, marks in the view).
     */
    async pasteToHighlights(key, runs) {
      const text = texts.get(key);
      const dom = [];
      const paint = [];
      const shown = [];
      const drawn = [];
      let marks = 0;
      for (let i = 0; i < runs; i++) {
        await reset();
        const t0 = performance.now();
        paste(text);
        // The same page showing the text before its highlights come (if
        // they come in the same frame, the text shown is the painted page).
        await when(viewShows(text.length, false));
        let before = null;
        if (!document.querySelector(MARK)) {
          await frame();
          before = performance.now() - t0;
        }
        await when(viewShows(text.length, true));
        const t1 = performance.now();
        await frame();
        const t2 = performance.now();
        dom.push(t1 - t0);
        paint.push(t2 - t0);
        shown.push(before ?? t2 - t0);
        // A long document draws the highlights away from the screen after.
        await when(() => !document.querySelector(`${VIEW}[data-drawing]`));
        drawn.push(performance.now() - t0);
        marks = document.querySelectorAll(MARK).length;
      }
      return { dom: median(dom), paint: median(paint), shown: median(shown), drawn: median(drawn), marks };
    },

    /**
     * The same text without highlights: one text node in an <article> with
     * the document view's class (white-space: pre-wrap, same font, same
     * width, same place in the page), layout forced, then the next frame.
     */
    async plainText(key, runs) {
      const text = texts.get(key);
      const times = [];
      for (let i = 0; i < runs; i++) {
        await reset();
        const view = document.querySelector(VIEW);
        const plain = document.createElement('article');
        plain.className = 'document-view';
        const t0 = performance.now();
        plain.textContent = text;
        view.parentNode.insertBefore(plain, view);
        void plain.offsetHeight; // force layout
        await frame();
        times.push(performance.now() - t0);
        plain.remove();
      }
      return { paint: median(times) };
    },

    /**
     * The paste box alone: its value set to the text (no input event, so
     * the app does not react), layout forced, then the next frame.
     */
    async pasteBox(key, runs) {
      const text = texts.get(key);
      const times = [];
      for (let i = 0; i < runs; i++) {
        await reset();
        const area = document.querySelector(INPUT);
        const t0 = performance.now();
        area.value = text;
        void area.offsetHeight;
        await frame();
        times.push(performance.now() - t0);
      }
      await reset();
      return { paint: median(times) };
    },

    /**
     * Shows the text (`plain`: without highlights, as plainText does; else
     * pasted, waiting until all its highlights are drawn and the page is
     * idle), then scrolls it from top to bottom, 90% of a screen per frame,
     * recording main-thread long tasks (PerformanceObserver 'longtask',
     * reported from 50 ms) and the longest gap between frames.
     */
    async scroll(key, plain = false) {
      const text = texts.get(key);
      await reset();
      let shown = null;
      if (plain) {
        shown = document.createElement('article');
        shown.className = 'document-view';
        shown.textContent = text;
        const v = document.querySelector(VIEW);
        v.parentNode.insertBefore(shown, v);
      } else {
        paste(text);
        await when(viewShows(text.length, true));
        // Every chunk's highlights drawn (the drawing steps are timed by
        // pasteToHighlights' "drawn").
        await when(() => !document.querySelector(`${VIEW}[data-drawing]`));
      }
      await frame();
      await idle(1000);
      let scroller = shown ?? document.querySelector(VIEW);
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) {
        scroller = scroller.parentElement;
      }
      scroller ??= document.scrollingElement;
      scroller.scrollTop = 0;
      await frame();
      const tasks = [];
      const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
      obs.observe({ type: 'longtask' });
      const step = Math.max(100, Math.floor(scroller.clientHeight * 0.9));
      let frames = 0;
      let maxGap = 0;
      const gaps = [];
      let last = performance.now();
      const t0 = last;
      // Capped in frames and in time; a frame that does not come within 2 s
      // is a stall, and a scroll still going after 120 s stops there: both
      // are reported (and fail the budget) rather than hanging the run.
      let stalls = 0;
      let timedOut = false;
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && frames < 20_000) {
        if (performance.now() - t0 > 120_000) {
          timedOut = true;
          break;
        }
        const before = scroller.scrollTop;
        scroller.scrollTop = before + step;
        if (!(await nextFrame())) stalls++;
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        gaps.push(now - last);
        last = now;
        frames++;
        if (scroller.scrollTop === before) break;
      }
      const total = performance.now() - t0;
      await idle(200);
      tasks.push(...obs.takeRecords());
      obs.disconnect();
      const durations = tasks.map((t) => t.duration);
      const height = scroller.scrollHeight;
      shown?.remove();
      scroller.scrollTop = 0;
      return {
        scroller: scroller === document.scrollingElement ? 'page' : `${scroller.tagName.toLowerCase()}.${scroller.className}`,
        height,
        frames,
        total,
        maxGap,
        over33: gaps.filter((g) => g > 33.4).length,
        longTasks: durations.length,
        longest: durations.length ? Math.max(...durations) : 0,
        stalls,
        timedOut,
      };
    },

    /**
     * Typing while the 1 MB text is open, as a person types: a click, then
     * `keys` characters 100 ms apart, each its own input event of type
     * insertText (the browser's editing command). `into`:
     * - `search`: the app's search box, a word of the text typed letter by
     *   letter (every key searches the whole text and paints the hits);
     * - `edit`: the paste box after "Edit its text here" (the app holds a
     *   text this long out of the box; the button puts it back), the caret
     *   put mid-text;
     * - `plain`: a textarea of its own that the app does not watch, holding
     *   the text, the caret mid-text (the control).
     * Records main-thread long tasks from the click until the page has
     * settled and 1 s more; `clickLongest` is the longest before the first key.
     */
    async typing(key, keys = 10, into = 'search') {
      const text = texts.get(key);
      await reset();
      let area;
      if (into === 'plain') {
        area = document.createElement('textarea');
        area.className = document.querySelector(INPUT).className;
        document.querySelector(INPUT).after(area);
        area.value = text;
      } else {
        paste(text);
        await when(viewShows(text.length, true));
        // The analyses (rules, then the learned tagger) merged and drawn,
        // and the autosave after them made: the keys are timed alone.
        await settled();
      }
      await frame();
      await idle(2000);
      // A word from the middle of the text, for the search box.
      const word = (text.slice(text.length >> 1).match(/[A-Z][a-z]+ [A-Za-z]+ [A-Za-z]+/) || ['abcdefghij'])[0];
      const tasks = [];
      const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
      obs.observe({ type: 'longtask' });
      // The click; the keys follow as their own events, as a person's do.
      if (into === 'search') {
        area = document.querySelector('[data-testid=search]');
        area.focus();
      } else {
        if (into === 'edit') {
          document.querySelector('[data-testid=article-edit]').click();
          area = document.querySelector(INPUT);
        }
        area.focus();
        area.setSelectionRange(text.length >> 1, text.length >> 1);
      }
      await idle(100);
      const firstKey = performance.now();
      for (let i = 0; i < keys; i++) {
        document.execCommand('insertText', false, into === 'search' ? word[i % word.length] : 'abcdefghij'[i % 10]);
        await idle(100);
      }
      // The app takes a long text when typing pauses; its analysis follows.
      await idle(500);
      if (into === 'edit') await settled();
      await idle(1000);
      tasks.push(...obs.takeRecords());
      obs.disconnect();
      if (into === 'plain') area.remove();
      if (into === 'search') {
        area.value = '';
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      const durations = tasks.map((t) => t.duration);
      const click = tasks.filter((t) => t.startTime < firstKey).map((t) => t.duration);
      return {
        keys,
        typed: into === 'search' ? word.slice(0, keys) : null,
        longTasks: durations.length,
        longest: durations.length ? Math.max(...durations) : 0,
        clickLongest: click.length ? Math.max(...click) : 0,
      };
    },
  };
})();
