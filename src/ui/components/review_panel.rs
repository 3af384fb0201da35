//! `ReviewPanel`: the document's entities, grouped by identity with their
//! mention counts (clicking one goes through its mentions), and its
//! quotations with their speakers (clicking one goes to it). Each list
//! shows its first [`SHOWN`] rows and a button that doubles them: a long
//! document has tens of thousands, and every row is a few elements to make.

use std::collections::HashMap;
use std::rc::Rc;

use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use super::{excerpt, label_class};
use crate::core::entities::{Entity, Grouping};
use crate::core::model::{labels, AnnotatedDocument};
use crate::ui::i18n::use_tr;

/// How many mentions of a long document are grouped in one task.
const GROUP_PER_TASK: usize = 20_000;

/// Groups the next part of `doc`'s mentions a moment from now, then the
/// next, until all are grouped and the panel is drawn again, in a task of
/// its own (the list's rows are a few hundred elements); dropping what
/// `timer` holds stops it.
fn group_later(
    doc: Rc<AnnotatedDocument>,
    mut grouping: Grouping,
    update: UseForceUpdateHandle,
    timer: Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
) {
    let next = timer.clone();
    let t = gloo::timers::callback::Timeout::new(0, move || {
        if doc.group_step(&mut grouping, GROUP_PER_TASK) {
            let draw = gloo::timers::callback::Timeout::new(0, move || update.force_update());
            *next.borrow_mut() = Some(draw);
        } else {
            group_later(doc, grouping, update, next);
        }
    });
    *timer.borrow_mut() = Some(t);
}

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

/// A document with more annotations than this has its entities grouped
/// after it is drawn.
const LATER: usize = 2_000;

/// A document that had no annotations and now has more than this (an
/// analysis came) has its rows drawn a task after it.
const FIRST_ROWS_AT_ONCE: usize = 100;

/// Rows each list shows at first; each click on its button shows as many
/// again (twice as many in all), so even tens of thousands are a few
/// clicks away.
const SHOWN: usize = 200;

/// The button under a list that shows as many more of its `total` rows
/// as it shows, when `shown` leaves some out.
fn more_button(
    tr: crate::ui::i18n::Tr,
    shown: &UseStateHandle<usize>,
    total: usize,
    testid: &'static str,
) -> Html {
    if **shown >= total {
        return Html::default();
    }
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown * 2))
    };
    let left = (total - **shown).to_string();
    let next = (**shown).min(total - **shown).to_string();
    html! {
        <button type="button" class="review__more" data-testid={testid} {onclick}>
            { tr.f("review.more", &[("n", &next), ("left", &left)]) }
        </button>
    }
}

/// Entities and quotations of the shown document.
#[function_component(ReviewPanel)]
pub fn review_panel(props: &ReviewPanelProps) -> Html {
    let doc = &props.doc;
    let tr = use_tr();
    // A long document's entities are grouped after it is drawn, a part a
    // task (10 MB of news at once took a tenth of a second).
    let later = doc.annotations.len() > LATER && !doc.entities_known();
    let update = use_force_update();
    // A long document's rows are drawn a task after it (the panel is
    // keyed by document: an edit draws them at once); so are the first
    // rows of a document that had no annotations, when there are many
    // (an analysis just came: the document view draws its highlights in
    // this render, and the frame that paints them is not kept waiting for
    // a few hundred rows).
    let rows = use_state_eq(|| !later);
    let had_none = use_mut_ref(|| true);
    let first = std::mem::replace(&mut *had_none.borrow_mut(), doc.annotations.is_empty())
        && doc.annotations.len() > FIRST_ROWS_AT_ONCE;
    let show_rows = *rows && !first;
    {
        let (doc, rows, update) = (doc.clone(), rows.clone(), update.clone());
        use_effect_with((Rc::as_ptr(&doc) as usize, later, first), move |&(_, later, first)| {
            let timer = Rc::new(std::cell::RefCell::new(None));
            let draw = (!*rows || first).then(|| {
                let update = update.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    rows.set(true);
                    update.force_update();
                })
            });
            if later {
                group_later(doc, Grouping::default(), update, timer.clone());
            }
            move || {
                drop(timer.borrow_mut().take());
                drop(draw);
            }
        });
    }
    // The document's entities (shared with it, not copied: a long article
    // has tens of thousands) and the order the list shows them in, the
    // most mentioned first.
    // (Not before the rows are drawn: grouping takes a few ms too.)
    let ungrouped = later || first;
    let grouped = use_memo((Rc::as_ptr(doc) as usize, ungrouped), |&(_, ungrouped)| {
        let all: Rc<[Entity]> = if ungrouped { Rc::new([]) } else { doc.shared_entities() };
        let mut order: Vec<usize> = (0..all.len()).collect();
        crate::core::sort::sort_by(&mut order, |&a, &b| {
            all[b].mentions.len().cmp(&all[a].mentions.len())
        });
        (all, order)
    });
    // Until then the list stays as it was (typing in a long text does not
    // make it flash); "…" for the count of a list not made yet.
    let last = use_mut_ref(|| None::<Rc<(Rc<[Entity]>, Vec<usize>)>>);
    if !ungrouped {
        *last.borrow_mut() = Some(grouped.clone());
    }
    let entities = last.borrow().clone().unwrap_or_else(|| grouped.clone());
    let (all, order) = (&entities.0, &entities.1);
    let waiting = ungrouped && (first || last.borrow().is_none());
    // Which mention of each entity the next click goes to.
    let next = use_mut_ref(HashMap::<String, usize>::new);
    let quotes: Vec<_> =
        doc.annotations.iter().enumerate().filter(|(_, a)| a.label == labels::QUOTE).collect();
    // How many rows of each list are shown (the page keys the panel by
    // document, so another document starts from the top again; an edit
    // keeps them).
    let shown_entities = use_state(|| SHOWN);
    let shown_quotes = use_state(|| SHOWN);
    html! {
        <section class="review" aria-label={tr.t("review.label")} data-testid="review">
            <details open=true>
                <summary>{ tr.f("review.entities", &[("n", &if waiting { "…".to_string() } else { all.len().to_string() })]) }</summary>
                <ul class="review__list" data-testid="entity-list">
                    { for order.iter().take(if show_rows { *shown_entities } else { 0 }).map(|&at| {
                        let e = &all[at];
                        let onclick = {
                            let (cb, next, all) = (props.on_jump.clone(), next.clone(), all.clone());
                            Callback::from(move |_: MouseEvent| {
                                let e = &all[at];
                                let mut n = next.borrow_mut();
                                let k = n.entry(e.id.clone()).or_insert(0);
                                if let Some(m) = e.mentions.get(*k % e.mentions.len().max(1)) {
                                    cb.emit(m.to_string());
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
                { more_button(tr, &shown_entities, all.len(), "more-entities") }
            </details>
            <details open=true>
                <summary>{ tr.f("review.quotes", &[("n", &quotes.len().to_string())]) }</summary>
                <ol class="review__list" data-testid="quote-list">
                    { for quotes.iter().take(if show_rows { *shown_quotes } else { 0 }).map(|&(at, q)| {
                        let speaker = q.speaker.as_deref().and_then(|s| doc.get_near(at, s, usize::MAX)).map(|s| doc.text_of(s).to_string());
                        let onclick = {
                            let (cb, id) = (props.on_jump.clone(), q.id.clone());
                            Callback::from(move |_: MouseEvent| cb.emit(id.to_string()))
                        };
                        html! {
                            <li>
                                <button type="button" class="review__item review__item--quote" data-testid="quote" data-id={q.id.to_string()} {onclick}>
                                    <span class="review__quote">{ excerpt(doc.text_of(q), 90) }</span>
                                    <span class="review__speaker" data-testid="quote-speaker">
                                        { speaker.map_or(tr.t("review.no-speaker").to_string(), |s| format!("— {s}")) }
                                    </span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                { more_button(tr, &shown_quotes, quotes.len(), "more-quotes") }
            </details>
        </section>
    }
}
