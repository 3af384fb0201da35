//! `LangSelect`: which language the shown document is analysed as. Sorot
//! detects it; the user can override the guess, and the document is
//! analysed again at once.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The languages the recognizer has rules for: tag and name.
const LANGS: [(&str, &str); 2] = [("id", "Indonesian"), ("en", "English")];

/// Properties of [`LangSelect`].
#[derive(Properties, Clone, PartialEq)]
pub struct LangSelectProps {
    /// The language the document is analysed as (a BCP 47 tag).
    pub lang: String,
    /// Called with `Some(tag)` for a language the user picked, `None` to
    /// detect the language again.
    pub on_change: Callback<Option<String>>,
}

/// A select of the document's language.
#[function_component(LangSelect)]
pub fn lang_select(props: &LangSelectProps) -> Html {
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            cb.emit(if v == "auto" { None } else { Some(v) });
        })
    };
    html! {
        <label class="lang-select">
            <span class="lang-select__label">{ "Language" }</span>
            <select class="lang-select__input" data-testid="lang-select" onchange={on_change}>
                { for LANGS.iter().map(|&(tag, name)| html! {
                    <option value={tag} selected={props.lang == tag}>{ name }</option>
                }) }
                <option value="auto" selected={!LANGS.iter().any(|&(t, _)| t == props.lang)}>
                    { "Detect again" }
                </option>
            </select>
        </label>
    }
}
