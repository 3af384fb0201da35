//! `DocTabs`: the list of open documents; one is shown at a time.

use yew::prelude::*;

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
    if props.names.is_empty() {
        return html! {};
    }
    html! {
        <ul class="doc-tabs" aria-label="Open documents">
            { for props.names.iter().enumerate().map(|(i, name)| {
                let selected = props.current == Some(i);
                let on_select = props.on_select.clone();
                let on_close = props.on_close.clone();
                html! {
                    <li class={classes!("doc-tab", selected.then_some("doc-tab--active"))}>
                        <button type="button" class="doc-tab__name" data-testid="doc-tab"
                            aria-current={selected.then_some("true")}
                            onclick={Callback::from(move |_| on_select.emit(i))}>{ name }</button>
                        <button type="button" class="doc-tab__close" aria-label={format!("Close {name}")}
                            onclick={Callback::from(move |_| on_close.emit(i))}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
