//! `InputPanel`: the paste box and the file picker.

use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::files;
use crate::ui::i18n::use_tr;

/// Properties of [`InputPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct InputPanelProps {
    /// The paste box's text.
    pub value: String,
    /// Called with the new text whenever the paste box changes.
    pub on_paste: Callback<String>,
    /// Called with the files the user picked.
    pub on_files: Callback<Vec<File>>,
}

/// Where an article comes in: pasted, or picked as files.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let tr = use_tr();
    let on_input = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_paste.emit(area.value());
        })
    };
    let on_change = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_files.emit(files::list(&list));
            }
            // Let the same file be picked again later.
            input.set_value("");
        })
    };
    html! {
        <section class="input-panel" aria-label={tr.t("input.region")}>
            <label class="input-panel__label" for="article-input">{ tr.t("input.label") }</label>
            <textarea id="article-input" class="input-panel__text" data-testid="article-input"
                placeholder={tr.t("input.placeholder")}
                spellcheck="false" value={props.value.clone()} oninput={on_input} />
            <label class="input-panel__file button">
                { tr.t("input.open") }
                <input type="file" multiple=true accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.zip,.json,.jsonld,.jsonl,.ann,text/plain,text/markdown,text/html,application/json,application/zip" data-testid="file-input"
                    class="visually-hidden" onchange={on_change} />
            </label>
        </section>
    }
}
