//! `Legend`: the labels in order, each with its colour, number key and how
//! many highlights the shown document has; and the label manager beside
//! it: rename, recolour, hide or show, move up or down, add a label. It
//! only builds [`Action`]s; the app applies them.
//!
//! The label colours are painted by one constructed stylesheet
//! (`new CSSStyleSheet()`, `replaceSync`, `document.adoptedStyleSheets`)
//! holding the core's [`LabelSet::stylesheet`]: the page's
//! Content-Security-Policy (`style-src 'self'`) refuses style attributes
//! and `<style>` elements, not constructed sheets.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::label_class;
use crate::core::labels::{Colour, LabelSet};
use crate::core::model::AnnotatedDocument;
use crate::core::state::Action;
use crate::ui::i18n::use_tr;

/// Properties of [`Legend`].
#[derive(Properties, Clone)]
pub struct LegendProps {
    /// The document whose highlights are counted, if one is shown.
    pub doc: Option<Rc<AnnotatedDocument>>,
    /// The labels, in order.
    pub labels: LabelSet,
    /// Change the label set.
    pub on_action: Callback<Action>,
}

impl PartialEq for LegendProps {
    /// The document and the labels: the callback only dispatches.
    fn eq(&self, other: &Self) -> bool {
        let same_doc = match (&self.doc, &other.doc) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_doc && self.labels == other.labels
    }
}

thread_local! {
    /// The page's one constructed stylesheet for label colours.
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Paints the label set: replaces the rules of the constructed stylesheet
/// (adopted by the document the first time).
pub fn apply_label_styles(labels: &LabelSet) {
    let css = labels.stylesheet();
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
            let doc = gloo::utils::document();
            let list = js_sys::Array::from(&doc.adopted_style_sheets());
            list.push(&sheet);
            doc.set_adopted_style_sheets(&list);
            *cell = Some(sheet);
        }
        if let Some(sheet) = cell.as_ref() {
            if let Err(e) = sheet.replace_sync(&css) {
                gloo::console::warn!("Sorot: the label colours could not be applied:", e);
            }
        }
    });
}

/// The legend of label colours with counts, and the label manager.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    use_effect_with(props.labels.clone(), apply_label_styles);
    let tr = use_tr();
    let count = |label: &str| {
        props.doc.as_ref().map_or(0, |d| d.annotations.iter().filter(|a| a.label == label).count())
    };
    let defs = props.labels.defs();
    let n = defs.len();
    let act = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let rows = defs.iter().enumerate().map(|(k, d)| {
        let name = d.name.clone();
        let on_rename = {
            let (cb, name) = (props.on_action.clone(), name.clone());
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let to = input.value();
                // Shows the current name until the set says otherwise (a
                // refused name leaves it, with a notice).
                input.set_value(&name);
                if to.trim() != name {
                    cb.emit(Action::RenameLabel { from: name.clone(), to });
                }
            })
        };
        let on_colour = {
            let (cb, name) = (props.on_action.clone(), name.clone());
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                if let Some(colour) = Colour::parse(&input.value()) {
                    cb.emit(Action::RecolourLabel { name: name.clone(), colour });
                }
            })
        };
        let shown = tr.label(&d.name);
        let shown = [("label", shown.as_str())];
        html! {
            <li class="labels__row" data-testid="label-row" data-label={name.clone()}>
                <span class="labels__key">{ if k < 9 { (k + 1).to_string() } else { String::new() } }</span>
                <input type="color" class="labels__colour" data-testid="label-colour" value={d.colour.to_hex()}
                    aria-label={tr.f("labels.colour", &shown)} onchange={on_colour} />
                <input type="text" class="labels__name" data-testid="label-name" value={name.clone()}
                    aria-label={tr.f("labels.name", &shown)} onchange={on_rename} />
                <button type="button" class="labels__button" data-testid="label-hide" aria-pressed={d.hidden.to_string()}
                    title={tr.t(if d.hidden { "labels.show-title" } else { "labels.hide-title" })}
                    onclick={act(Action::SetLabelHidden { name: name.clone(), hidden: !d.hidden })}>
                    { tr.t(if d.hidden { "labels.show" } else { "labels.hide" }) }
                </button>
                <button type="button" class="labels__button" data-testid="label-up" disabled={k == 0}
                    aria-label={tr.f("labels.up", &shown)}
                    onclick={act(Action::MoveLabel { name: name.clone(), to: k.saturating_sub(1) })}>{ "↑" }</button>
                <button type="button" class="labels__button" data-testid="label-down" disabled={k + 1 == n}
                    aria-label={tr.f("labels.down", &shown)}
                    onclick={act(Action::MoveLabel { name: name.clone(), to: k + 1 })}>{ "↓" }</button>
            </li>
        }
    });
    let new_name = use_node_ref();
    let new_colour = use_node_ref();
    let on_add = {
        let (cb, new_name, new_colour) =
            (props.on_action.clone(), new_name.clone(), new_colour.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = new_name.cast::<HtmlInputElement>() else { return };
            let colour =
                new_colour.cast::<HtmlInputElement>().and_then(|c| Colour::parse(&c.value()));
            cb.emit(Action::AddLabel { name: input.value(), colour });
            input.set_value("");
        })
    };
    html! {
        <div class="legend-bar">
            <ul class="legend" data-testid="legend" aria-label={tr.t("legend.label")}>
                { for defs.iter().enumerate().map(|(k, d)| html! {
                    <li class={classes!("legend__item", d.hidden.then_some("legend__item--hidden"))}
                        data-label={d.name.clone()} data-hidden={d.hidden.then_some("true")}
                        title={if d.hidden { tr.t("legend.hidden") } else { "" }}>
                        if k < 9 {
                            <kbd class="legend__key">{ k + 1 }</kbd>
                        }
                        <span class={classes!("mark", label_class(&d.name), "legend__swatch")} data-label={d.name.clone()}>
                            { tr.label(&d.name) }
                        </span>
                        <span class="legend__count">{ count(&d.name) }</span>
                    </li>
                }) }
            </ul>
            <details class="labels" data-testid="label-manager">
                <summary class="button labels__summary">{ tr.t("labels.button") }</summary>
                <div class="labels__panel">
                    <ol class="labels__list" aria-label={tr.t("labels.list")}>{ for rows }</ol>
                    <form class="labels__add" onsubmit={on_add}>
                        <input type="color" class="labels__colour" data-testid="new-label-colour" ref={new_colour}
                            value={props.labels.suggest_colour().to_hex()} aria-label={tr.t("labels.new-colour")} />
                        <input type="text" class="labels__name" data-testid="new-label-name" ref={new_name}
                            placeholder={tr.t("labels.new-placeholder")} aria-label={tr.t("labels.new-name")} />
                        <button type="submit" class="button" data-testid="add-label">{ tr.t("labels.add") }</button>
                    </form>
                </div>
            </details>
        </div>
    }
}
