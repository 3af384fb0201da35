//! `Legend`: the labels, their colours and how many highlights each has.

use std::rc::Rc;

use yew::prelude::*;

use super::{describe, label_class};
use crate::core::model::{labels, AnnotatedDocument};

/// Properties of [`Legend`].
#[derive(Properties, Clone)]
pub struct LegendProps {
    /// The document whose highlights are counted, if one is shown.
    pub doc: Option<Rc<AnnotatedDocument>>,
}

impl PartialEq for LegendProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.doc, &other.doc) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// The legend of label colours with counts.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let count = |label: &str| {
        props.doc.as_ref().map_or(0, |d| d.annotations.iter().filter(|a| a.label == label).count())
    };
    html! {
        <ul class="legend" data-testid="legend" aria-label="Legend">
            { for labels::ALL.iter().map(|&l| html! {
                <li class="legend__item" data-label={l}>
                    <span class={classes!("mark", label_class(l), "legend__swatch")}>{ describe(l) }</span>
                    <span class="legend__count">{ count(l) }</span>
                </li>
            }) }
        </ul>
    }
}
