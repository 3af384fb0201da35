//! `EditBar`: the small menu at a selection (label it, or label every
//! occurrence) and at a highlight in focus (relabel, accept, delete, move
//! its edges by a word, pick a quotation's speaker). It only builds
//! [`Edit`]s; the app applies them. The same things have keys (see the
//! app's shortcut list).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{excerpt, label_class};
use crate::core::edit::{nudge, occurrences, Edge, Edit};
use crate::core::labels::LabelSet;
use crate::core::model::{labels, AnnotatedDocument, Source};
use crate::ui::i18n::use_tr;

/// Properties of [`EditBar`].
#[derive(Properties, Clone, PartialEq)]
pub struct EditBarProps {
    /// The document shown.
    pub doc: Rc<AnnotatedDocument>,
    /// The labels, in order (label `k` has the number key `k + 1`).
    pub labels: LabelSet,
    /// The annotation in focus, if any.
    pub focus: Option<String>,
    /// The selected span (code points), if any; it takes precedence.
    pub picked: Option<(usize, usize)>,
    /// Where to draw the bar: page coordinates of its top-left corner.
    pub at: (f64, f64),
    /// Apply an edit.
    pub on_edit: Callback<Edit>,
    /// Close the bar (Escape).
    pub on_close: Callback<()>,
}

/// The excerpt for the bar's heading, in quotation marks unless it is a
/// quotation (which has its own).
fn quoted(label: &str, text: &str) -> String {
    if label == labels::QUOTE {
        excerpt(text, 60)
    } else {
        format!("“{}”", excerpt(text, 60))
    }
}

/// The menu at the selection or the highlight in focus.
#[function_component(EditBar)]
pub fn edit_bar(props: &EditBarProps) -> Html {
    let all = use_state(|| false);
    let tr = use_tr();
    let doc = &props.doc;
    // Placed through the CSSOM: the page's Content-Security-Policy refuses
    // style attributes.
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        let at = props.at;
        let key = (at.0 as i64, at.1 as i64, props.picked, props.focus.clone());
        use_effect_with(key, move |_| {
            if let Some(el) = bar.cast::<web_sys::HtmlElement>() {
                let st = el.style();
                // Whole pixels, rounded as `{:.0}` rounds (ties to even), but
                // without float formatting (several KB of wasm).
                let px = |v: f64| format!("{}px", v.round_ties_even() as i64);
                let _ = st.set_property("left", &px(at.0.max(4.0)));
                let _ = st.set_property("top", &px(at.1 + 6.0));
            }
        });
    }
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let label_buttons = |current: Option<&str>, make: Rc<dyn Fn(String) -> Edit>| -> Html {
        props
            .labels
            .defs()
            .iter()
            .enumerate()
            .map(|(k, d)| {
                let l = d.name.clone();
                let (cb, make) = (props.on_edit.clone(), make.clone());
                let onclick = {
                    let l = l.clone();
                    Callback::from(move |_: MouseEvent| cb.emit(make(l.clone())))
                };
                let key = (k < 9).then(|| (k + 1).to_string());
                let shown = tr.label(&l);
                let title = match &key {
                    Some(n) => tr.f("edit.key", &[("label", &shown), ("n", n)]),
                    None => shown.clone(),
                };
                html! {
                    <button type="button" class={classes!("edit-bar__label", "mark", label_class(&l))}
                        data-label={l.clone()} data-testid={format!("label-{l}")}
                        aria-pressed={current.map(|c| (c == l).to_string())}
                        aria-keyshortcuts={key.clone()} {title} {onclick}>
                        if let Some(n) = key {
                            <kbd>{ n }</kbd>{ " " }
                        }
                        { shown }
                    </button>
                }
            })
            .collect()
    };

    if let Some((start, end)) = props.picked {
        let text = doc.index().slice(&doc.doc.text, start, end).to_string();
        let others = occurrences(doc, start, end).len().saturating_sub(1);
        let every = *all && others > 0;
        let make: Rc<dyn Fn(String) -> Edit> = if every {
            Rc::new(move |label| Edit::LabelAll { label: label.into(), start, end })
        } else {
            Rc::new(move |label| Edit::Add { label: label.into(), start, end })
        };
        let toggle = {
            let all = all.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                all.set(input.checked());
            })
        };
        return html! {
            <div class="edit-bar" data-testid="edit-bar" role="dialog" aria-label={tr.t("edit.selection")} ref={bar.clone()}>
                <p class="edit-bar__head">
                    <span class="edit-bar__text" data-testid="edit-bar-text">{ format!("“{}”", excerpt(&text, 60)) }</span>
                    <button type="button" class="edit-bar__close" aria-label={tr.t("edit.close")} onclick={close}>{ "×" }</button>
                </p>
                <div class="edit-bar__labels">{ label_buttons(None, make) }</div>
                if others > 0 {
                    <label class="edit-bar__all">
                        <input type="checkbox" data-testid="label-all" checked={every} onchange={toggle} />
                        { " " }
                        { if others == 1 { tr.t("edit.all-one").to_string() } else { tr.f("edit.all-many", &[("n", &others.to_string())]) } }
                    </label>
                }
            </div>
        };
    }

    let Some(a) = props.focus.as_deref().and_then(|id| doc.get(id)) else { return html! {} };
    let id = a.id.clone();
    let emit = |e: Edit| {
        let cb = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| cb.emit(e.clone()))
    };
    let relabel: Rc<dyn Fn(String) -> Edit> = {
        let id = id.clone();
        Rc::new(move |label| Edit::Relabel { id: id.to_string(), label: label.into() })
    };
    let edge = |edge: Edge, grow: bool, text: &'static str, title: &'static str| -> Html {
        match nudge(doc, a.start, a.end, edge, grow) {
            Some((start, end)) => html! {
                <button type="button" class="edit-bar__edge" title={title}
                    onclick={emit(Edit::Resize { id: id.to_string(), start, end })}>{ text }</button>
            },
            None => html! {
                <button type="button" class="edit-bar__edge" title={title} disabled=true>{ text }</button>
            },
        }
    };
    let speaker = (a.label == labels::QUOTE).then(|| {
        // One choice per name: the mention nearest before the quotation
        // (or the first after it), plus the current speaker.
        let mut choices: Vec<(String, String)> = Vec::new();
        for e in doc.annotations.iter().filter(|e| e.label == labels::PERSON || e.label == labels::ORG) {
            let name = doc.text_of(e).to_string();
            match choices.iter_mut().find(|(_, n)| *n == name) {
                None => choices.push((e.id.to_string(), name)),
                Some(c) if e.start <= a.start => c.0 = e.id.to_string(),
                Some(_) => {}
            }
        }
        if let Some(s) = a.speaker.as_ref().and_then(|s| doc.get(s)) {
            let name = doc.text_of(s).to_string();
            match choices.iter_mut().find(|(_, n)| *n == name) {
                Some(c) => c.0 = s.id.to_string(),
                None => choices.push((s.id.to_string(), name)),
            }
        }
        let onchange = {
            let (cb, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let v = select.value();
                cb.emit(Edit::SetSpeaker { id: id.to_string(), speaker: (!v.is_empty()).then_some(v) });
            })
        };
        html! {
            <label class="edit-bar__speaker">
                { tr.t("edit.said-by") }{ " " }
                <select data-testid="speaker-select" aria-keyshortcuts="S" {onchange}>
                    <option value="" selected={a.speaker.is_none()}>{ tr.t("edit.no-speaker") }</option>
                    { for choices.iter().map(|(cid, name)| html! {
                        <option value={cid.clone()} selected={a.speaker.as_deref() == Some(cid.as_str())}>{ excerpt(name, 60) }</option>
                    }) }
                </select>
            </label>
        }
    });
    let auto = a.source == Source::Auto;
    html! {
        <div class="edit-bar" data-testid="edit-bar" role="dialog" data-for={id.to_string()} ref={bar}
            aria-label={tr.f("edit.correct", &[("label", &tr.label(&a.label).to_lowercase()), ("text", &excerpt(doc.text_of(a), 60))])}>
            <p class="edit-bar__head">
                <span class={classes!("edit-bar__source", auto.then_some("edit-bar__source--auto"))} data-testid="edit-bar-source">
                    { tr.t(if auto { "edit.automatic" } else { "edit.yours" }) }
                </span>
                <span class="edit-bar__text" data-testid="edit-bar-text">{ quoted(&a.label, doc.text_of(a)) }</span>
                <button type="button" class="edit-bar__close" aria-label={tr.t("edit.close")} onclick={close}>{ "×" }</button>
            </p>
            <div class="edit-bar__labels">{ label_buttons(Some(&a.label), relabel) }</div>
            <div class="edit-bar__row">
                if auto {
                    <button type="button" class="button" data-testid="accept" aria-keyshortcuts="Enter"
                        title={tr.t("edit.accept-title")} onclick={emit(Edit::Accept { id: id.to_string() })}>{ tr.t("edit.accept") }</button>
                }
                <button type="button" class="button" data-testid="delete" aria-keyshortcuts="Delete"
                    title={tr.t("edit.delete-title")} onclick={emit(Edit::Delete { id: id.to_string() })}>{ tr.t(if auto { "edit.reject" } else { "edit.delete" }) }</button>
                <span class="edit-bar__edges" role="group" aria-label={tr.t("edit.extent")}>
                    { edge(Edge::Start, true, "⇤", tr.t("edit.start-grow")) }
                    { edge(Edge::Start, false, "⇥", tr.t("edit.start-shrink")) }
                    { edge(Edge::End, false, "⇤", tr.t("edit.end-shrink")) }
                    { edge(Edge::End, true, "⇥", tr.t("edit.end-grow")) }
                </span>
                { speaker.unwrap_or_default() }
            </div>
        </div>
    }
}
