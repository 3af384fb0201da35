//! `ReviewPanel`: the document's entities, grouped by identity with their
//! mention counts (clicking one goes through its mentions), and its
//! quotations with their speakers (clicking one goes to it).

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::{excerpt, label_class};
use crate::core::model::{labels, AnnotatedDocument};
use crate::ui::i18n::use_tr;

/// Properties of [`ReviewPanel`].
#[derive(Properties, Clone)]
pub struct ReviewPanelProps {
    /// The document reviewed.
    pub doc: Rc<AnnotatedDocument>,
    /// Go to the annotation with this id.
    pub on_jump: Callback<String>,
}

impl PartialEq for ReviewPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

/// Entities and quotations of the shown document.
#[function_component(ReviewPanel)]
pub fn review_panel(props: &ReviewPanelProps) -> Html {
    let doc = &props.doc;
    let tr = use_tr();
    let entities = use_memo(Rc::as_ptr(doc) as usize, |_| {
        let mut g = doc.entities().to_vec();
        crate::core::sort::sort_by(&mut g, |a, b| b.mentions.len().cmp(&a.mentions.len()));
        g
    });
    // Which mention of each entity the next click goes to.
    let next = use_mut_ref(HashMap::<String, usize>::new);
    let quotes: Vec<_> = doc.annotations.iter().filter(|a| a.label == labels::QUOTE).collect();
    let ids = doc.by_id();
    html! {
        <section class="review" aria-label={tr.t("review.label")} data-testid="review">
            <details open=true>
                <summary>{ tr.f("review.entities", &[("n", &entities.len().to_string())]) }</summary>
                <ul class="review__list" data-testid="entity-list">
                    { for entities.iter().map(|e| {
                        let onclick = {
                            let (cb, next, id, mentions) = (props.on_jump.clone(), next.clone(), e.id.clone(), e.mentions.clone());
                            Callback::from(move |_: MouseEvent| {
                                let mut n = next.borrow_mut();
                                let k = n.entry(id.clone()).or_insert(0);
                                if let Some(m) = mentions.get(*k % mentions.len().max(1)) {
                                    cb.emit(m.clone());
                                }
                                *k += 1;
                            })
                        };
                        html! {
                            <li>
                                <button type="button" class="review__item" data-testid="entity" data-label={e.label.clone()} {onclick}
                                    title={tr.f("review.entity-title", &[("label", &tr.label(&e.label)), ("n", &e.mentions.len().to_string())])}>
                                    <span class={classes!("mark", label_class(&e.label), "review__swatch")}>{ tr.label(&e.label) }</span>
                                    <span class="review__name">{ excerpt(&e.name, 48) }</span>
                                    <span class="review__count" data-testid="entity-count">{ e.mentions.len() }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            <details open=true>
                <summary>{ tr.f("review.quotes", &[("n", &quotes.len().to_string())]) }</summary>
                <ol class="review__list" data-testid="quote-list">
                    { for quotes.iter().map(|q| {
                        let speaker = q.speaker.as_deref().and_then(|s| ids.get(s)).map(|s| doc.text_of(s).to_string());
                        let onclick = {
                            let (cb, id) = (props.on_jump.clone(), q.id.clone());
                            Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
                        };
                        html! {
                            <li>
                                <button type="button" class="review__item review__item--quote" data-testid="quote" data-id={q.id.clone()} {onclick}>
                                    <span class="review__quote">{ excerpt(doc.text_of(q), 90) }</span>
                                    <span class="review__speaker" data-testid="quote-speaker">
                                        { speaker.map_or(tr.t("review.no-speaker").to_string(), |s| format!("— {s}")) }
                                    </span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </details>
        </section>
    }
}
