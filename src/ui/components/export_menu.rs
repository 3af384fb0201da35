//! `ExportMenu`: every export format, one click each, for the document
//! shown and for all open documents (a `.zip` of one file per document, or
//! one JSON Lines file where the format has lines).
//!
//! A format that makes several files for one document (brat) is offered
//! as one `.zip` of them. Buttons carry `data-testid="export-current-<format>"`,
//! `export-all-<format>` and `export-jsonl-<format>`, where `<format>` is
//! the command-line name (`w3c`, `brat`, …). The analysis worker writes the
//! files ([`crate::core::export::menu`], asked through
//! [`analysis::export`]); this component only offers them as downloads.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::core::export::menu::{self, Scope};
use crate::core::export::Format;
use crate::core::i18n::Msg;
use crate::core::labels::LabelSet;
use crate::core::model::AnnotatedDocument;
use crate::ui::analysis::{self, Download};
use crate::ui::download::js_error;
use crate::ui::i18n::use_tr;
use crate::ui::storage;

/// Properties of [`ExportMenu`].
#[derive(Properties, Clone)]
pub struct ExportMenuProps {
    /// Every open document, in tab order.
    pub docs: Vec<Rc<AnnotatedDocument>>,
    /// The document shown, if any.
    pub current: Option<Rc<AnnotatedDocument>>,
    /// Called with a message when a download could not be started.
    pub on_error: Callback<Msg>,
    /// The label set, written into the formats that carry one.
    pub labels: LabelSet,
}

impl PartialEq for ExportMenuProps {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Rc<AnnotatedDocument>, b: &Rc<AnnotatedDocument>| Rc::ptr_eq(a, b);
        self.labels == other.labels
            && self.docs.len() == other.docs.len()
            && self.docs.iter().zip(&other.docs).all(|(a, b)| same(a, b))
            && match (&self.current, &other.current) {
                (Some(a), Some(b)) => same(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.on_error == other.on_error
    }
}

/// How long a download's object URL is kept before it is revoked.
const URL_LIFE_MS: u32 = 60_000;

/// An object URL, revoked when dropped ([`URL_LIFE_MS`] after the download
/// started).
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = Url::revoke_object_url(&self.0);
    }
}

/// Offers a file the worker wrote as a download.
fn save(file: &Download) -> Result<ObjectUrl, String> {
    let parts = js_sys::Array::of1(&file.bytes);
    let options = BlobPropertyBag::new();
    options.set_type(&file.mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = ObjectUrl(Url::create_object_url_with_blob(&blob).map_err(js_error)?);
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    a.set_href(&url.0);
    a.set_download(&file.name);
    a.set_hidden(true);
    let body = document.body().ok_or("the page has no body")?;
    body.append_child(&a).map_err(js_error)?;
    a.click();
    a.remove();
    Ok(url)
}

/// The export menu.
#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    let tr = use_tr();
    let details = use_node_ref();
    let button = |format: Format, scope: Scope, label: &str, enabled: bool| {
        let details = details.clone();
        let on_error = props.on_error.clone();
        let (docs, current, labels) =
            (props.docs.clone(), props.current.clone(), props.labels.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let docs: Vec<&Rc<AnnotatedDocument>> = match (scope, current.as_ref()) {
                (Scope::Current, Some(d)) => vec![d],
                (Scope::Current, None) => Vec::new(),
                _ => docs.iter().collect(),
            };
            let Some(first) = docs.first() else { return };
            // The name it will have, for a message if it cannot be made.
            let name = menu::file_name(format, scope, &first.doc.name);
            let on_error = on_error.clone();
            // Each document's line of the last save when it has not
            // changed since (a long one is not written again here).
            let lines = js_sys::Array::new();
            let mut size = 0;
            for d in docs {
                lines.push(&storage::export_line(d));
                size += d.doc.text.len();
            }
            let labels = menu::labels_json(&labels);
            analysis::export(format, scope, lines, labels, size, move |files| {
                let failed = |reason: String| {
                    on_error.emit(
                        Msg::new("export.failed").text("name", name.clone()).text("reason", reason),
                    )
                };
                let mut kept = Vec::new();
                match files {
                    Ok(files) => {
                        for f in &files {
                            match save(f) {
                                Ok(url) => kept.push(url),
                                Err(e) => failed(e),
                            }
                        }
                    }
                    Err(e) => failed(e),
                }
                // Each download's object URL lives a minute: long enough
                // for the browser to have read it, whatever is clicked next.
                gloo::timers::callback::Timeout::new(URL_LIFE_MS, move || drop(kept)).forget();
            });
            // Close the menu so that it no longer covers the page.
            if let Some(el) = details.cast::<web_sys::Element>() {
                let _ = el.remove_attribute("open");
            }
        });
        html! {
            <button type="button" class="button export-menu__button"
                data-testid={format!("export-{}-{}", scope.name(), format.name())}
                disabled={!enabled} {onclick}>{ label.to_string() }</button>
        }
    };
    let n = props.docs.len();
    let rows = Format::ALL.iter().map(|&f| {
        html! {
            <tr class="export-menu__row" data-format={f.name()}>
                <th scope="row" class="export-menu__format">{ f.title() }</th>
                <td>{ button(f, Scope::Current, f.extension(), props.current.is_some()) }</td>
                <td>{ button(f, Scope::All, ".zip", n > 0) }</td>
                <td>{ if f.has_jsonl() { button(f, Scope::Jsonl, ".jsonl", n > 0) } else { html! {} } }</td>
            </tr>
        }
    });
    html! {
        <details class="export-menu" data-testid="export-menu" ref={details.clone()}>
            <summary class="button export-menu__summary" data-testid="export-menu-toggle">{ tr.t("export.menu") }</summary>
            <div class="export-menu__panel">
                <table class="export-menu__table">
                    <thead>
                        <tr>
                            <th scope="col">{ tr.t("export.format") }</th>
                            <th scope="col">{ tr.t("export.this") }</th>
                            <th scope="col" colspan="2">{ tr.f("export.all", &[("n", &n.to_string())]) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
