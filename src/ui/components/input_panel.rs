//! `InputPanel`: the paste box and the file picker.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::files;
use crate::ui::i18n::use_tr;

/// Properties of [`InputPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct InputPanelProps {
    /// The paste box's text (shared with the workspace: comparing the
    /// properties compares an address, not a megabyte of text).
    pub value: std::rc::Rc<str>,
    /// Called with the new text whenever the paste box changes (a long
    /// text being typed: when typing pauses).
    pub on_paste: Callback<std::rc::Rc<str>>,
    /// Called with the files the user picked.
    pub on_files: Callback<Vec<File>>,
}

/// A text longer than this (UTF-16 code units) is taken from the paste
/// box a moment after typing stops, not at every key: each take makes the
/// whole document again and draws it.
const TYPED_AT_ONCE: u32 = 100_000;

/// How long after the last key a long text is taken (ms).
const TYPING_PAUSE_MS: u32 = 250;

/// Where an article comes in: pasted, or picked as files.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let tr = use_tr();
    let area = use_node_ref();
    // The take waiting for typing to stop, if any.
    let waiting: std::rc::Rc<std::cell::RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // The text the box holds as far as the page knows: the one last taken
    // from it or given to it. The box is given the workspace's text only
    // when it is another (a restore, a clear), not when it is what the box
    // just gave; and not through the markup's `value`, which has the box's
    // whole text read back and compared at every render (a megabyte
    // converted at every pause in typing).
    let shown = use_mut_ref(|| props.value.clone());
    if let Some(a) = area.cast::<HtmlTextAreaElement>() {
        let mut s = shown.borrow_mut();
        if !std::rc::Rc::ptr_eq(&s, &props.value) {
            a.set_value(&props.value);
            *s = props.value.clone();
        }
    }
    let take = {
        let (on_paste, area, waiting) = (props.on_paste.clone(), area.clone(), waiting.clone());
        let shown = shown.clone();
        move || {
            waiting.borrow_mut().take();
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let text: std::rc::Rc<str> = a.value().into();
                *shown.borrow_mut() = text.clone();
                on_paste.emit(text);
            }
        }
    };
    let on_input = {
        let (area, waiting, take) = (area.clone(), waiting.clone(), take.clone());
        Callback::from(move |e: InputEvent| {
            // Typing (not a paste, a drop, or a text set by a script).
            let kind =
                js_sys::Reflect::get(&e, &"inputType".into()).ok().and_then(|k| k.as_string());
            let typing = kind.is_some_and(|k| {
                !k.is_empty() && !matches!(k.as_str(), "insertFromPaste" | "insertFromDrop")
            });
            let long =
                area.cast::<HtmlTextAreaElement>().is_some_and(|a| a.text_length() > TYPED_AT_ONCE);
            if typing && long {
                let take = take.clone();
                *waiting.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, take));
            } else {
                take();
            }
        })
    };
    {
        // The box's first text; and hiding or leaving the page takes what
        // was typed at once (the autosave runs then too).
        let (waiting, take) = (waiting.clone(), take.clone());
        let (area, shown) = (area.clone(), shown.clone());
        use_effect_with((), move |_| {
            // The first text, once the box is on the page.
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.set_value(&shown.borrow());
            }
            let doc = gloo::utils::document();
            let flush = move |_: &web_sys::Event| {
                if waiting.borrow().is_some() {
                    take();
                }
            };
            let listeners = [
                EventListener::new(&doc, "visibilitychange", flush.clone()),
                EventListener::new(&gloo::utils::window(), "pagehide", flush),
            ];
            move || drop(listeners)
        });
    }
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
            <textarea id="article-input" class="input-panel__text" data-testid="article-input" ref={area}
                placeholder={tr.t("input.placeholder")}
                spellcheck="false" oninput={on_input} />
            <label class="input-panel__file button">
                { tr.t("input.open") }
                <input type="file" multiple=true accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.zip,.json,.jsonld,.jsonl,.ann,text/plain,text/markdown,text/html,application/json,application/zip" data-testid="file-input"
                    class="visually-hidden" onchange={on_change} />
            </label>
        </section>
    }
}
