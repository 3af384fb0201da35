//! `SearchBox`: find text in the shown document. Every hit is painted with
//! the CSS Custom Highlight API (no element is added to the text, so a long
//! document is not drawn again), the current one in its own colour; the box
//! shows "3 of 12" and Enter / Shift+Enter jump between hits.

use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CharacterData, HtmlInputElement, Node, Range};
use yew::prelude::*;

use crate::core::edit::find_text;
use crate::core::model::AnnotatedDocument;

/// Properties of [`SearchBox`].
#[derive(Properties, Clone)]
pub struct SearchBoxProps {
    /// The document searched.
    pub doc: Rc<AnnotatedDocument>,
}

impl PartialEq for SearchBoxProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

const ALL: &str = "sorot-search";
const CURRENT: &str = "sorot-search-current";

/// The search field with its hit count.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let query = use_state(String::new);
    let at = use_state(|| 0usize);
    let hits = use_memo((props.doc.clone(), (*query).clone()), |(doc, q)| find_text(doc, q));
    {
        let (doc, hits, at) = (props.doc.clone(), hits.clone(), *at);
        use_effect_with((Rc::as_ptr(&props.doc) as usize, hits.clone(), at), move |_| {
            paint(&doc, &hits, at);
            move || clear()
        });
    }
    let oninput = {
        let (query, at) = (query.clone(), at.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            at.set(0);
        })
    };
    let onkeydown = {
        let (query, at, n) = (query.clone(), at.clone(), hits.len());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if n > 0 => {
                e.prevent_default();
                at.set(if e.shift_key() { (*at + n - 1) % n } else { (*at + 1) % n });
            }
            "Escape" => {
                query.set(String::new());
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
            _ => {}
        })
    };
    let count = if query.trim().is_empty() {
        String::new()
    } else if hits.is_empty() {
        "no hits".to_string()
    } else {
        format!("{} of {}", (*at).min(hits.len() - 1) + 1, hits.len())
    };
    html! {
        <label class="search-box">
            <span class="visually-hidden">{ "Search in the text" }</span>
            <input type="search" class="search-box__input" data-testid="search" placeholder="Search in the text"
                aria-keyshortcuts="/" title="Search (/); Enter: next hit, Shift+Enter: previous" {oninput} {onkeydown} />
            <span class="search-box__count" data-testid="search-count" aria-live="polite">{ count }</span>
        </label>
    }
}

/// The page's highlight registry (`CSS.highlights`), if the browser has one.
fn registry() -> Option<JsValue> {
    let css = Reflect::get(&gloo::utils::window(), &"CSS".into()).ok()?;
    let reg = Reflect::get(&css, &"highlights".into()).ok()?;
    (!reg.is_undefined()).then_some(reg)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) {
    if let Ok(f) = Reflect::get(target, &method.into()).and_then(|f| f.dyn_into::<Function>()) {
        let _ = f.apply(target, &args.iter().collect::<Array>());
    }
}

fn clear() {
    if let Some(reg) = registry() {
        call(&reg, "delete", &[ALL.into()]);
        call(&reg, "delete", &[CURRENT.into()]);
    }
}

/// Paints the hits (code-point spans) over the document view and scrolls
/// the current one into view.
fn paint(doc: &AnnotatedDocument, hits: &[(usize, usize)], at: usize) {
    clear();
    let Some(reg) = registry() else { return };
    if hits.is_empty() {
        return;
    }
    let Some(view) =
        gloo::utils::document().query_selector("[data-testid=document-view]").ok().flatten()
    else {
        return;
    };
    let Ok(ctor) = Reflect::get(&gloo::utils::window(), &"Highlight".into()) else { return };
    let Ok(ctor) = ctor.dyn_into::<Function>() else { return };
    // The text nodes of the view in order, with their UTF-16 starts.
    let mut nodes: Vec<(Node, usize)> = Vec::new();
    let Ok(walker) = gloo::utils::document().create_tree_walker_with_what_to_show(&view, 4) else {
        return;
    };
    let mut pos = 0usize;
    while let Ok(Some(n)) = walker.next_node() {
        let len = n.dyn_ref::<CharacterData>().map_or(0, |c| c.length() as usize);
        nodes.push((n, pos));
        pos += len;
    }
    let locate = |u: usize| -> Option<(&Node, u32)> {
        let i = nodes.partition_point(|(_, s)| *s <= u).checked_sub(1)?;
        Some((&nodes[i].0, (u - nodes[i].1) as u32))
    };
    let text = &doc.doc.text;
    let index = doc.index();
    let all = Array::new();
    let mut current: Option<Range> = None;
    for (k, &(s, e)) in hits.iter().enumerate() {
        let (Some((sn, so)), Some((en, eo))) =
            (locate(index.utf16_of_char(text, s)), locate(index.utf16_of_char(text, e)))
        else {
            continue;
        };
        let Ok(r) = gloo::utils::document().create_range() else { continue };
        if r.set_start(sn, so).is_err() || r.set_end(en, eo).is_err() {
            continue;
        }
        if k == at.min(hits.len() - 1) {
            current = Some(r.clone());
        }
        all.push(&r);
    }
    if let Ok(h) = Reflect::construct(&ctor, &all) {
        call(&reg, "set", &[ALL.into(), h]);
    }
    if let Some(r) = current {
        if let Ok(h) = Reflect::construct(&ctor, &Array::of1(&r)) {
            call(&reg, "set", &[CURRENT.into(), h]);
        }
        if let Some(el) = r.start_container().ok().and_then(|n| n.parent_element()) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}
