//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): render into the DOM, act as a user, and assert
//! on what is visible. Elements are found by `data-testid`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use sorot::core::model::{AnnotatedDocument, Annotation, Document};
use sorot::core::recognize::{analyze_with, Tagger};
use sorot::ui::app::App;
use sorot::ui::components::document_view::{DocumentView, DocumentViewProps};
use sorot::ui::components::legend::{Legend, LegendProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The app's analysis worker, served in this page (no worker build here).
fn serve_analysis() {
    sorot::ui::analysis::serve_in_page(sorot::worker::handle);
}

/// A fresh element to render into.
fn root() -> Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// How long a wait may last before the test fails, in milliseconds of
/// wall-clock time. It only bounds a failing test: the analysis in these
/// tests runs in the page's debug build (with the tagger once the model
/// has arrived), which took over five seconds on a loaded machine.
const PATIENCE_MS: f64 = 30_000.0;

/// Waits until `ready` gives something, polling every 10 ms; `None` after
/// [`PATIENCE_MS`].
async fn poll<T>(mut ready: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = js_sys::Date::now() + PATIENCE_MS;
    loop {
        if let Some(v) = ready() {
            return Some(v);
        }
        if js_sys::Date::now() > deadline {
            return None;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Waits until `selector` matches inside `root` (Yew may render a changed
/// child component in a later turn of the event loop than its parent), and
/// returns the element; fails the test after [`PATIENCE_MS`].
async fn wait_for(root: &Element, selector: &str) -> Element {
    match poll(|| root.query_selector(selector).unwrap()).await {
        Some(e) => e,
        None => panic!("nothing matched {selector} within {PATIENCE_MS} ms"),
    }
}

fn ann(id: &str, label: &str, start: usize, end: usize, speaker: Option<&str>) -> Annotation {
    Annotation { speaker: speaker.map(Into::into), ..Annotation::new(id, label, start, end) }
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn marks(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("[data-testid=document-view] [data-label]").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn attr(e: &Element, name: &str) -> String {
    e.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn document_view_marks_carry_code_point_offsets() {
    // 😀 and 🇯🇵 are one and two code points but two and four UTF-16 units.
    let text = "😀 “Kami siap,” kata Sanae Takaichi di 🇯🇵 Tokyo.\r\nSelesai.";
    let q_end = 1 + text.chars().skip(1).position(|c| c == '”').unwrap() + 1;
    let anns = vec![
        ann("a1", "QUOTE", 2, q_end, Some("a2")),
        ann("a2", "PERSON", 20, 34, None),
        ann("a3", "LOC", 41, 46, None),
    ];
    let d = Document { name: "t.txt".into(), lang: "id".into(), text: text.into() };
    let doc = Rc::new(AnnotatedDocument::new(d, anns));
    let r = root();
    let props =
        DocumentViewProps { doc, on_pick: yew::Callback::noop(), on_mark: yew::Callback::noop() };
    yew::Renderer::<DocumentView>::with_root_and_props(r.clone(), props).render();
    wait_for(&r, "[data-testid=document-view] [data-label]").await;

    let found = marks(&r);
    assert_eq!(found.len(), 3);
    for m in &found {
        let (s, e): (usize, usize) =
            (attr(m, "data-start").parse().unwrap(), attr(m, "data-end").parse().unwrap());
        assert_eq!(m.text_content().unwrap(), slice(text, s, e), "mark {}", attr(m, "data-id"));
    }
    assert_eq!(found[1].text_content().unwrap(), "Sanae Takaichi");
    assert_eq!(found[2].text_content().unwrap(), "Tokyo");
    assert_eq!(attr(&found[0], "data-speaker"), "a2");
    assert_eq!(attr(&found[0], "data-speaker-name"), "Sanae Takaichi");
    // The whole text, CRLF included, is in the view exactly once.
    let view = r.query_selector("[data-testid=document-view]").unwrap().unwrap();
    assert_eq!(view.text_content().unwrap(), text);
}

#[wasm_bindgen_test]
async fn legend_counts_each_label() {
    let d =
        Document { name: "t".into(), lang: "en".into(), text: "Ali and Budi in Jakarta".into() };
    let doc = AnnotatedDocument::new(
        d,
        vec![
            ann("a1", "PERSON", 0, 3, None),
            ann("a2", "PERSON", 8, 12, None),
            ann("a3", "LOC", 16, 23, None),
        ],
    );
    let r = root();
    yew::Renderer::<Legend>::with_root_and_props(
        r.clone(),
        LegendProps {
            doc: Some(Rc::new(doc)),
            labels: Default::default(),
            on_action: yew::Callback::noop(),
        },
    )
    .render();
    wait_for(&r, "[data-testid=legend]").await;
    let count = |label: &str| {
        r.query_selector(&format!("[data-testid=legend] [data-label={label}] .legend__count"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(count("PERSON"), "2");
    assert_eq!(count("LOC"), "1");
    assert_eq!(count("QUOTE"), "0");
}

async fn type_into_paste_box(r: &Element, text: &str) {
    let area: HtmlTextAreaElement =
        r.query_selector("[data-testid=article-input]").unwrap().unwrap().dyn_into().unwrap();
    area.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let ev = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&ev).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn pasting_an_article_shows_highlights_and_enables_export() {
    let r = root();
    serve_analysis();
    let app_handle = yew::Renderer::<App>::with_root(r.clone()).render();
    settle().await;
    let export = r.query_selector("[data-testid=export-json]").unwrap().unwrap();
    assert!(export.has_attribute("disabled"), "nothing to export before a paste");

    let text = "JAKARTA, Senin (1/12) — Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta. \
                “Kami siap bekerja sama,” kata Takaichi.";
    type_into_paste_box(&r, text).await;
    wait_for(&r, "[data-testid=document-view] [data-label]").await;

    let found = marks(&r);
    let labels: Vec<String> = found.iter().map(|m| attr(m, "data-label")).collect();
    for want in ["PERSON", "LOC", "DATE", "QUOTE"] {
        assert!(labels.iter().any(|l| l == want), "no {want} in {labels:?}");
    }
    for m in &found {
        let (s, e): (usize, usize) =
            (attr(m, "data-start").parse().unwrap(), attr(m, "data-end").parse().unwrap());
        assert_eq!(m.text_content().unwrap(), slice(text, s, e));
    }
    let tab = wait_for(&r, "[data-testid=doc-tab]").await;
    assert_eq!(tab.text_content().unwrap(), "pasted-article");
    assert!(!export.has_attribute("disabled"));
    // (An app left mounted could still act on a tagger or a timer of its
    // own while the next test's app is connected.)
    app_handle.destroy();
}

#[wasm_bindgen_test]
async fn pasted_markup_stays_text() {
    let r = root();
    serve_analysis();
    let app_handle = yew::Renderer::<App>::with_root(r.clone()).render();
    settle().await;
    let text =
        "<img src=x onerror=\"window.__sorotPwned=1\"><script>window.__sorotPwned=2</script> Ali";
    type_into_paste_box(&r, text).await;
    let view = wait_for(&r, "article[data-testid=document-view]").await;
    assert_eq!(view.text_content().unwrap(), text);
    assert!(view.query_selector("img, script").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__sorotPwned".into()).unwrap();
    assert!(pwned.is_undefined());
    app_handle.destroy();
}

/// Waits until `element`'s attribute `name` is `want`; fails after
/// [`PATIENCE_MS`].
async fn wait_for_attr(element: &Element, name: &str, want: &str) {
    if poll(|| (element.get_attribute(name).as_deref() == Some(want)).then_some(())).await.is_none()
    {
        panic!("{name} is {:?}, not {want:?}, after {PATIENCE_MS} ms", element.get_attribute(name));
    }
}

#[wasm_bindgen_test]
async fn an_open_documents_model_is_fetched_and_refines_its_highlights() {
    // wasm-bindgen-test-runner serves the crate's directory, so the page's
    // relative `models/id.tagger` is the real model. (A failing fetch is
    // tested end to end, tests/e2e/models.test.mjs.)
    let r = root();
    serve_analysis();
    let app_handle = yew::Renderer::<App>::with_root(r.clone()).render();
    settle().await;
    let app = wait_for(&r, ".app").await;
    assert!(!app.has_attribute("data-model-id"), "no model is asked for before a document");
    let json: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/quotes/id/tuned/timnas.json")).unwrap();
    let text = json["text"].as_str().unwrap();
    type_into_paste_box(&r, text).await;
    wait_for(&r, "[data-testid=document-view] [data-label]").await;
    wait_for_attr(&app, "data-model-id", "ready").await;
    settle().await;
    assert_eq!(app.get_attribute("data-model-en"), None, "only the language of an open document");
    let tagger = Tagger::from_bytes(include_bytes!("../models/id.tagger")).unwrap();
    let doc = Document { name: "pasted-article".into(), lang: "id".into(), text: text.into() };
    let want: std::collections::BTreeSet<(String, usize, usize)> =
        AnnotatedDocument::from_spans(doc, &analyze_with(text, "id", Some(&tagger)))
            .annotations
            .into_iter()
            .map(|a| (a.label.into(), a.start, a.end))
            .collect();
    let shown: std::collections::BTreeSet<(String, usize, usize)> = marks(&r)
        .iter()
        .map(|m| {
            let n = |name| attr(m, name).parse().unwrap();
            (attr(m, "data-label"), n("data-start"), n("data-end"))
        })
        .collect();
    assert_eq!(shown, want, "the view shows the model's annotations");
    assert!(r.query_selector("[data-testid=notice]").unwrap().is_none());
    let status = r.query_selector("[data-testid=model-status]").unwrap().unwrap();
    assert!(status.text_content().unwrap().contains("id ready"));
    app_handle.destroy();
}

/// Real news text of one language, from the quotation gold files
/// (`tests/fixtures/quotes/`: GUM Wikinews articles and interviews for
/// English, the Indonesian test articles).
fn corpus(lang: &str) -> Vec<String> {
    let files: &[&str] = if lang == "en" {
        &[
            include_str!("fixtures/quotes/en/tuned/gum_news_afghan.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_asylum.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_clock.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_crane.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_defector.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_expo.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_flag.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_hackers.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_homeopathic.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_ie9.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_iodine.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_korea.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_soccer.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_taxes.json"),
            include_str!("fixtures/quotes/en/tuned/gum_news_warming.json"),
            include_str!("fixtures/quotes/en/heldout/gum_news_election.json"),
        ]
    } else {
        &[
            include_str!("fixtures/quotes/id/tuned/anggaran.json"),
            include_str!("fixtures/quotes/id/tuned/banjir.json"),
            include_str!("fixtures/quotes/id/tuned/cabai.json"),
            include_str!("fixtures/quotes/id/tuned/maritim.json"),
            include_str!("fixtures/quotes/id/tuned/penipuan.json"),
            include_str!("fixtures/quotes/id/tuned/timnas.json"),
            include_str!("fixtures/quotes/id/heldout/gempa.json"),
            include_str!("fixtures/quotes/id/heldout/kpk.json"),
        ]
    };
    files
        .iter()
        .map(|f| {
            let v: serde_json::Value = serde_json::from_str(f).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect()
}

/// Analyses the articles one by one, round after round, until at least
/// `bytes` have been read; returns (bytes, seconds, spans found).
fn run(docs: &[String], lang: &str, tagger: Option<&Tagger>, bytes: usize) -> (usize, f64, usize) {
    let t0 = js_sys::Date::now();
    let (mut done, mut spans) = (0, 0);
    while done < bytes {
        for d in docs {
            spans += analyze_with(d, lang, tagger).len();
            done += d.len();
        }
    }
    (done, (js_sys::Date::now() - t0) / 1000.0, spans)
}

/// Throughput of the recognizer as the page runs it (wasm in Chromium), with
/// the rules alone and with the learned tagger, on about 1 MB of real news
/// text per language. Prints MB/s (`console_log!`, shown by
/// `scripts/test.sh`); asserts nothing about time. The taggers are read
/// from the same bytes the app fetches and passed to `analyze_with` rather
/// than installed, so the other tests in this page keep the rules alone.
#[wasm_bindgen_test]
fn throughput_with_and_without_the_learned_tagger() {
    const BYTES: usize = 1_000_000;
    let profile = if cfg!(debug_assertions) { "debug build" } else { "optimised build" };
    for (lang, model) in [
        ("id", &include_bytes!("../models/id.tagger")[..]),
        ("en", &include_bytes!("../models/en.tagger")[..]),
    ] {
        let t0 = js_sys::Date::now();
        let tagger = Tagger::from_bytes(model).unwrap();
        let load_ms = js_sys::Date::now() - t0;
        let docs = corpus(lang);
        // Warm-up: the lexicon and gazetteer tables are built on first use,
        // and Chromium first runs wasm from its baseline compiler (Liftoff),
        // switching to optimised code only once a function is hot; without
        // a long warm-up the first language measured looks slower.
        run(&docs, lang, None, 300_000);
        run(&docs, lang, Some(&tagger), 300_000);
        // The median of three runs of each.
        let median = |tagger: Option<&Tagger>| {
            let mut runs: Vec<(usize, f64, usize)> =
                (0..3).map(|_| run(&docs, lang, tagger, BYTES)).collect();
            runs.sort_by(|a, b| (a.1 / a.0 as f64).total_cmp(&(b.1 / b.0 as f64)));
            runs[1]
        };
        let (b0, s0, n0) = median(None);
        let (b1, s1, n1) = median(Some(&tagger));
        console_log!(
            "THROUGHPUT wasm/Chromium ({profile}) {lang}: rules alone {:.2} MB/s ({b0} bytes in {s0:.2} s, {n0} spans); \
             with the tagger {:.2} MB/s ({b1} bytes in {s1:.2} s, {n1} spans); model {} bytes read in {load_ms:.0} ms",
            b0 as f64 / 1e6 / s0,
            b1 as f64 / 1e6 / s1,
            model.len(),
        );
    }
}
