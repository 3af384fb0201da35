//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): render into the DOM, act as a user, and assert
//! on what is visible. Elements are found by `data-testid`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use sorot::core::model::{AnnotatedDocument, Annotation, Document, Source};
use sorot::ui::app::App;
use sorot::ui::components::document_view::{DocumentView, DocumentViewProps};
use sorot::ui::components::legend::{Legend, LegendProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

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

/// Waits until `selector` matches inside `root` (Yew may render a changed
/// child component in a later turn of the event loop than its parent), and
/// returns the element; fails the test after two seconds.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(e) = root.query_selector(selector).unwrap() {
            return e;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("nothing matched {selector} within two seconds");
}

fn ann(id: &str, label: &str, start: usize, end: usize, speaker: Option<&str>) -> Annotation {
    Annotation {
        id: id.into(),
        label: label.into(),
        start,
        end,
        source: Source::Auto,
        speaker: speaker.map(str::to_owned),
        value: None,
        title: None,
    }
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
    yew::Renderer::<DocumentView>::with_root_and_props(r.clone(), DocumentViewProps { doc })
        .render();
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
        LegendProps { doc: Some(Rc::new(doc)) },
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
    yew::Renderer::<App>::with_root(r.clone()).render();
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
}

#[wasm_bindgen_test]
async fn pasted_markup_stays_text() {
    let r = root();
    yew::Renderer::<App>::with_root(r.clone()).render();
    settle().await;
    let text =
        "<img src=x onerror=\"window.__sorotPwned=1\"><script>window.__sorotPwned=2</script> Ali";
    type_into_paste_box(&r, text).await;
    let view = wait_for(&r, "article[data-testid=document-view]").await;
    assert_eq!(view.text_content().unwrap(), text);
    assert!(view.query_selector("img, script").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__sorotPwned".into()).unwrap();
    assert!(pwned.is_undefined());
}
