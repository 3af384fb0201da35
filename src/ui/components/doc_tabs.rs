//! `DocTabs`: the list of open documents; one is shown at a time.

use yew::prelude::*;

use crate::ui::i18n::use_tr;

/// Properties of [`DocTabs`].
#[derive(Properties, Clone, PartialEq)]
pub struct DocTabsProps {
    /// The documents' names, in order.
    pub names: Vec<String>,
    /// The position of the document shown.
    pub current: Option<usize>,
    /// Called with a position when the user picks a document.
    pub on_select: Callback<usize>,
    /// Called with a position when the user closes a document.
    pub on_close: Callback<usize>,
}

/// The tabs of the open documents: a list of buttons, the shown one
/// `aria-current`, each with its close button.
#[function_component(DocTabs)]
pub fn doc_tabs(props: &DocTabsProps) -> Html {
    let tr = use_tr();
    if props.names.is_empty() {
        return html! {};
    }
    html! {
        <ul class="doc-tabs" aria-label={tr.t("tabs.list")}>
            { for props.names.iter().enumerate().map(|(i, name)| {
                let selected = props.current == Some(i);
                let on_select = props.on_select.clone();
                let on_close = props.on_close.clone();
                html! {
                    <li class={classes!("doc-tab", selected.then_some("doc-tab--active"))}>
                        <button type="button" class="doc-tab__name" data-testid="doc-tab"
                            aria-current={selected.then_some("true")}
                            onclick={Callback::from(move |_| on_select.emit(i))}>{ name }</button>
                        <button type="button" class="doc-tab__close" aria-label={tr.f("tabs.close", &[("name", name)])}
                            onclick={Callback::from(move |_| on_close.emit(i))}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
