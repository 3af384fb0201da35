//! What the page does if Sorot itself fails (a Rust panic): the wasm
//! instance stops for good (`panic = "abort"`), so before it does, a panic
//! hook puts a notice on the page — built with plain DOM calls, not Yew,
//! which may be in the middle of a render — that says what happened, that
//! the work saved in this browser is intact (autosave writes whole values,
//! so a save is never half-written, and nothing is saved after the
//! failure), and offers that work as a Sorot JSON Lines file (which Sorot
//! opens again) and a reload.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, Url};

use super::i18n::Tr;
use super::storage;

/// Installs the panic hook, after the app is mounted (Yew's renderer sets
/// its own, which logs the panic to the console; that one still runs).
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let _ = show(&info.to_string());
    }));
}

/// Fails on purpose, for the end-to-end test of the notice (callable from
/// the page's console as `wasmBindings.sorot_fail_for_test()`; it only ends
/// this page's instance, as any failure would).
#[wasm_bindgen]
pub fn sorot_fail_for_test() {
    panic!("a failure requested by sorot_fail_for_test");
}

fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    e.set_class_name(class);
    e.set_text_content(Some(text));
    Ok(e)
}

fn show(what: &str) -> Result<(), JsValue> {
    let doc = gloo::utils::document();
    if doc.query_selector("[data-testid=crash]")?.is_some() {
        return Ok(());
    }
    // The language the page speaks (the hook cannot reach Yew's context).
    let tr = Tr::of(&storage::ui_lang());
    let bar = el(&doc, "div", "crash", "")?;
    bar.set_attribute("role", "alert")?;
    bar.set_attribute("data-testid", "crash")?;
    let title = el(&doc, "strong", "crash__title", tr.t("crash.title"))?;
    bar.append_child(&title)?;
    let text = el(&doc, "p", "crash__text", tr.t("crash.text"))?;
    bar.append_child(&text)?;
    // The saved documents, without the workspace header: Sorot JSON Lines.
    let saved = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(storage::KEY).ok().flatten())
        .unwrap_or_default();
    let lines: Vec<&str> = saved.split('\n').skip(1).filter(|l| !l.is_empty()).collect();
    if !lines.is_empty() {
        let body = format!("{}\n", lines.join("\n"));
        let parts = js_sys::Array::of1(&JsValue::from_str(&body));
        let opts = BlobPropertyBag::new();
        opts.set_type("application/x-ndjson");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = Url::create_object_url_with_blob(&blob)?;
        let a: HtmlAnchorElement =
            el(&doc, "a", "button button--primary", tr.t("crash.download"))?.dyn_into()?;
        a.set_href(&url);
        a.set_download("sorot-saved-work.jsonl");
        a.set_attribute("data-testid", "crash-download")?;
        bar.append_child(&a)?;
    }
    let reload = el(&doc, "a", "button", tr.t("crash.reload"))?;
    reload.set_attribute("href", "")?;
    reload.set_attribute("data-testid", "crash-reload")?;
    bar.append_child(&reload)?;
    let detail = el(&doc, "p", "crash__detail", what)?;
    bar.append_child(&detail)?;
    doc.body().ok_or("no body")?.prepend_with_node_1(&bar)?;
    Ok(())
}
