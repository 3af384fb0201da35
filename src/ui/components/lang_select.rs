//! `LangSelect`: which language the shown document is analysed as. Sorot
//! detects it; the user can override the guess, and the document is
//! analysed again at once.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::i18n::use_tr;

/// The languages the recognizer has rules for: tag and the catalogue key
/// of its name.
const LANGS: [(&str, &str); 2] = [("id", "lang.id"), ("en", "lang.en")];

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
    let tr = use_tr();
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
            <span class="lang-select__label">{ tr.t("doclang.label") }</span>
            <select class="lang-select__input" data-testid="lang-select" onchange={on_change}>
                { for LANGS.iter().map(|&(tag, name)| html! {
                    <option value={tag} selected={props.lang == tag}>{ tr.t(name) }</option>
                }) }
                <option value="auto" selected={!LANGS.iter().any(|&(t, _)| t == props.lang)}>
                    { tr.t("doclang.detect") }
                </option>
            </select>
        </label>
    }
}
