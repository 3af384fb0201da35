//! `SearchBox`: find text in the shown document. Every hit is painted with
//! the CSS Custom Highlight API (no element is added to the text, so a long
//! document is not drawn again), the current one in its own colour; the box
//! shows "3 of 12" and Enter / Shift+Enter jump between hits.

use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, Range};
use yew::prelude::*;

use super::document_view::{node_at, reveal, scroll_to_middle, text_nodes_of};
use crate::core::edit::find_text;
use crate::core::model::AnnotatedDocument;
use crate::ui::i18n::use_tr;

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

/// Hits painted either side of the current one: the reader is at the
/// current hit, and a one-letter search in a megabyte finds tens of
/// thousands, each a DOM range to make at every key.
const PAINTED_AROUND: usize = 500;

/// The search field with its hit count.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let tr = use_tr();
    let query = use_state(String::new);
    let at = use_state(|| 0usize);
    let hits = use_memo((props.doc.clone(), (*query).clone()), |(doc, q)| find_text(doc, q));
    // The current hit as a DOM range, for Ctrl+Enter (select it).
    let current: Rc<std::cell::RefCell<Option<Range>>> = use_mut_ref(|| None);
    {
        let (doc, hits, at, current) = (props.doc.clone(), hits.clone(), *at, current.clone());
        use_effect_with((Rc::as_ptr(&props.doc) as usize, hits.clone(), at), move |_| {
            *current.borrow_mut() = paint(&doc, &hits, at, true);
            // The current hit is not on the page (a very long document
            // keeps only the text near the reader): its chunk is drawn
            // next, and the hit is shown then.
            let pending = Rc::new(std::cell::Cell::new(false));
            if current.borrow().is_none() {
                if let Some(&(start, _)) = hits.get(at.min(hits.len().saturating_sub(1))) {
                    pending.set(true);
                    reveal(start);
                }
            }
            // A long document draws its highlights in steps, replacing the
            // text nodes the hits were painted on: paint them again (where
            // they are; the reader is not moved, unless the current hit
            // was waiting to be shown).
            let listener = gloo::events::EventListener::new(
                &gloo::utils::document(),
                super::document_view::DRAWN_EVENT,
                move |_| {
                    let painted = paint(&doc, &hits, at, pending.get());
                    if painted.is_some() {
                        pending.set(false);
                    }
                    *current.borrow_mut() = painted;
                },
            );
            move || {
                drop(listener);
                clear()
            }
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
            // Ctrl/Cmd+Enter: select the current hit, as if with the mouse,
            // and leave the box, so the number keys label it (the keyboard's
            // way to make a new annotation).
            "Enter" if e.ctrl_key() || e.meta_key() => {
                e.prevent_default();
                if let Some(r) = current.borrow().as_ref() {
                    select(r);
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        let _ = input.blur();
                    }
                }
            }
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
        tr.t("search.none").to_string()
    } else {
        let at = ((*at).min(hits.len() - 1) + 1).to_string();
        tr.f("search.count", &[("at", &at), ("total", &hits.len().to_string())])
    };
    html! {
        <label class="search-box">
            <span class="visually-hidden">{ tr.t("search.label") }</span>
            <input type="search" class="search-box__input" data-testid="search" placeholder={tr.t("search.label")}
                aria-keyshortcuts="/" title={tr.t("search.title")} spellcheck="false" autocomplete="off" {oninput} {onkeydown} />
            <span class="search-box__count" data-testid="search-count" aria-live="polite">{ count }</span>
        </label>
    }
}

/// The page's constructor of this name, if the browser has it.
fn ctor(name: &str) -> Option<Function> {
    Reflect::get(&gloo::utils::window(), &name.into()).ok().and_then(|c| c.dyn_into().ok())
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

/// Makes `r` the page's selection and tells the document view, as a mouse
/// release would (the view snaps it and opens the label menu).
fn select(r: &Range) {
    let Ok(Some(sel)) = gloo::utils::window().get_selection() else { return };
    let _ = sel.remove_all_ranges();
    let _ = sel.add_range(r);
    let Ok(Some(view)) = gloo::utils::document().query_selector("[data-testid=document-view]")
    else {
        return;
    };
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &init) {
        let _ = view.dispatch_event(&ev);
    }
}

/// Paints the hits (code-point spans) over the document view, scrolls the
/// current one into view (if `scroll`) and returns it as a DOM range.
fn paint(
    doc: &AnnotatedDocument,
    hits: &[(usize, usize)],
    at: usize,
    scroll: bool,
) -> Option<Range> {
    clear();
    if hits.is_empty() {
        return None;
    }
    let view = gloo::utils::document().query_selector("[data-testid=document-view]").ok()??;
    let at = at.min(hits.len() - 1);
    let near = &hits[at.saturating_sub(PAINTED_AROUND)..(at + PAINTED_AROUND + 1).min(hits.len())];
    let text = &doc.doc.text;
    let index = doc.index();
    let u16_of = |c: usize| index.utf16_of_char(text, c);
    let ends: Vec<usize> = near.iter().flat_map(|&(s, e)| [u16_of(s), u16_of(e)]).collect();
    // The text nodes on the page of the chunks holding those hits (not of
    // every chunk between the first and the last: a name found a few
    // times across a megabyte walked the whole page at every key), with
    // their UTF-16 starts.
    let nodes = text_nodes_of(&view, Some(&ends));
    let locate = |u: usize| node_at(&nodes, u);
    // The hits are painted as static ranges, each made from one live
    // `Range` moved from hit to hit: a live range is kept up to date by
    // the browser at every change to the page until it is collected, and
    // two thousand of them a key, piling up, made every later key, frame
    // and focus change slower. The current hit is a live range of its own
    // (it is selected, and measured).
    let fixed = ctor("StaticRange");
    let r = gloo::utils::document().create_range().ok()?;
    let all = Array::new();
    let mut current: Option<Range> = None;
    for (&(s, e), u) in near.iter().zip(ends.chunks_exact(2)) {
        let (Some((sn, so)), Some((en, eo))) = (locate(u[0]), locate(u[1])) else {
            continue;
        };
        if r.set_start(sn, so).is_err() || r.set_end(en, eo).is_err() {
            continue;
        }
        if (s, e) == hits[at] {
            current = Some(r.clone_range());
        }
        let range = match &fixed {
            Some(fixed) => Reflect::construct(fixed, &Array::of1(&r)).ok(),
            None => Some(r.clone_range().into()),
        };
        if let Some(range) = range {
            all.push(&range);
        }
    }
    // Painted where the browser has the Custom Highlight API.
    let ctor = ctor("Highlight");
    if let (Some(reg), Some(ctor)) = (registry(), ctor) {
        if let Ok(h) = Reflect::construct(&ctor, &all) {
            call(&reg, "set", &[ALL.into(), h]);
        }
        if let Some(r) = &current {
            if let Ok(h) = Reflect::construct(&ctor, &Array::of1(r)) {
                call(&reg, "set", &[CURRENT.into(), h]);
            }
        }
    }
    if let Some(r) = current.as_ref().filter(|_| scroll) {
        if let Some(el) = r.start_container().ok().and_then(|n| n.parent_element()) {
            scroll_to_middle(&el);
        }
        // The element may be a whole chunk of plain text, taller than the
        // window: the hit itself is put in the middle.
        let window = gloo::utils::window();
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let rect = r.get_bounding_client_rect();
        let off = rect.top() + rect.height() / 2.0 - height / 2.0;
        if off.abs() > height / 4.0 {
            window.scroll_by_with_x_and_y(0.0, off);
        }
    }
    current
}
