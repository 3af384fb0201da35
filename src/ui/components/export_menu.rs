//! `ExportMenu`: every export format, one click each, for the document
//! shown and for all open documents (a `.zip` of one file per document, or
//! one JSON Lines file where the format has lines).
//!
//! A format that makes several files for one document (brat) is offered
//! as one `.zip` of them. Buttons carry `data-testid="export-current-<format>"`,
//! `export-all-<format>` and `export-jsonl-<format>`, where `<format>` is
//! the command-line name (`w3c`, `brat`, …). The files are built by
//! `core::export`; this component only offers them as downloads.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::core::export::{base_name, write_jsonl, write_zip_labelled, Format, OutputFile};
use crate::core::i18n::Msg;
use crate::core::labels::LabelSet;
use crate::core::model::AnnotatedDocument;
use crate::ui::download::js_error;
use crate::ui::i18n::use_tr;

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

/// An object URL, revoked when dropped (kept until the next download).
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = Url::revoke_object_url(&self.0);
    }
}

/// Offers bytes as a download named `name`.
fn save(name: &str, mime: &str, bytes: &[u8]) -> Result<ObjectUrl, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = ObjectUrl(Url::create_object_url_with_blob(&blob).map_err(js_error)?);
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    a.set_href(&url.0);
    a.set_download(name);
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
    // Object URLs of the last downloads, alive until the next click.
    let last: Rc<RefCell<Vec<ObjectUrl>>> = use_mut_ref(Vec::new);
    let offer = {
        let on_error = props.on_error.clone();
        move |files: Vec<OutputFile>| {
            let mut kept = Vec::new();
            for f in files {
                match save(&f.name, f.mime, &f.bytes) {
                    Ok(url) => kept.push(url),
                    Err(e) => on_error
                        .emit(Msg::new("export.failed").text("name", f.name).text("reason", e)),
                }
            }
            *last.borrow_mut() = kept;
        }
    };
    let details = use_node_ref();
    let button =
        |testid: String, label: &str, enabled: bool, make: Rc<dyn Fn() -> Vec<OutputFile>>| {
            let offer = offer.clone();
            let details = details.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                offer(make());
                // Close the menu so that it no longer covers the page.
                if let Some(el) = details.cast::<web_sys::Element>() {
                    let _ = el.remove_attribute("open");
                }
            });
            html! {
                <button type="button" class="button export-menu__button" data-testid={testid}
                    disabled={!enabled} {onclick}>{ label.to_string() }</button>
            }
        };
    let docs = props.docs.clone();
    let n = docs.len();
    let rows = Format::ALL.iter().map(|&f| {
        let current = props.current.clone();
        let (labels, zip_labels) = (props.labels.clone(), props.labels.clone());
        // A format of several files (brat's .txt + .ann) comes as one zip:
        // browsers ask before a page starts several downloads at once.
        let one: Rc<dyn Fn() -> Vec<OutputFile>> = Rc::new(move || {
            let Some(d) = current.as_ref() else { return Vec::new() };
            let files = f.write_labelled(d, &labels);
            if files.len() == 1 {
                return files;
            }
            vec![OutputFile {
                name: format!("{}.{}.zip", base_name(&d.doc.name), f.name()),
                mime: "application/zip",
                bytes: write_zip_labelled(f, &[d.as_ref()], Some(&labels)),
            }]
        });
        let all_docs = docs.clone();
        let zip: Rc<dyn Fn() -> Vec<OutputFile>> = Rc::new(move || {
            let refs: Vec<&AnnotatedDocument> = all_docs.iter().map(|d| d.as_ref()).collect();
            vec![OutputFile {
                name: format!("sorot-{}.zip", f.name()),
                mime: "application/zip",
                bytes: write_zip_labelled(f, &refs, Some(&zip_labels)),
            }]
        });
        let jsonl_docs = docs.clone();
        let jsonl: Rc<dyn Fn() -> Vec<OutputFile>> = Rc::new(move || {
            let refs: Vec<&AnnotatedDocument> = jsonl_docs.iter().map(|d| d.as_ref()).collect();
            write_jsonl(f, &refs)
                .map(|s| OutputFile {
                    name: format!("sorot-{}.jsonl", f.name()),
                    mime: "application/jsonl",
                    bytes: s.into_bytes(),
                })
                .into_iter()
                .collect()
        });
        html! {
            <tr class="export-menu__row" data-format={f.name()}>
                <th scope="row" class="export-menu__format">{ f.title() }</th>
                <td>{ button(format!("export-current-{}", f.name()), f.extension(), props.current.is_some(), one) }</td>
                <td>{ button(format!("export-all-{}", f.name()), ".zip", n > 0, zip) }</td>
                <td>{ if f.has_jsonl() { button(format!("export-jsonl-{}", f.name()), ".jsonl", n > 0, jsonl) } else { html! {} } }</td>
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
