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

/// A pasted text this long (UTF-8 bytes) or longer is held out of the paste
/// box: the box is left empty, says so, and takes a paste to replace the
/// text (typing into it does nothing: it would replace the text unseen).
/// A click into a textarea holding a megabyte is a browser task of 50–90 ms
/// (focus, then the caret placed in the laid-out text), and every key after
/// it lays the whole text out again; the document view shows the text
/// anyway. "Edit its text here" puts it back in the box for that text.
pub const HELD_FROM: usize = 300_000;

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
    // The user asked to edit the long text in the box ("Edit the text
    // here"); a paste, a drop or a text from elsewhere ends it.
    let raw = use_mut_ref(|| false);
    // Whether the box holds the text (false: it is held out, the box empty).
    let in_box = use_mut_ref(|| true);
    let redraw = use_force_update();
    let held = props.value.len() >= HELD_FROM;
    if let Some(a) = area.cast::<HtmlTextAreaElement>() {
        let mut s = shown.borrow_mut();
        let other = !std::rc::Rc::ptr_eq(&s, &props.value);
        if other {
            *s = props.value.clone();
            *raw.borrow_mut() = false;
        }
        let keep = !held || *raw.borrow();
        if other || keep != *in_box.borrow() {
            a.set_value(if keep { &props.value } else { "" });
            *in_box.borrow_mut() = keep;
        }
    }
    let held_out = held && !*raw.borrow();
    let take = {
        let (on_paste, area, waiting) = (props.on_paste.clone(), area.clone(), waiting.clone());
        let (shown, in_box) = (shown.clone(), in_box.clone());
        move || {
            waiting.borrow_mut().take();
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let text: std::rc::Rc<str> = a.value().into();
                *shown.borrow_mut() = text.clone();
                *in_box.borrow_mut() = true;
                on_paste.emit(text);
            }
        }
    };
    let on_input = {
        let (area, waiting, take) = (area.clone(), waiting.clone(), take.clone());
        let raw = raw.clone();
        Callback::from(move |e: InputEvent| {
            let typing = typed(&e);
            if !typing {
                *raw.borrow_mut() = false;
            }
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
        let (area, shown, in_box) = (area.clone(), shown.clone(), in_box.clone());
        use_effect_with((), move |_| {
            // The first text, once the box is on the page (none when it is
            // held out).
            let a = area.cast::<HtmlTextAreaElement>();
            if let Some(a) = &a {
                let text = shown.borrow();
                let keep = text.len() < HELD_FROM;
                a.set_value(if keep { &text } else { "" });
                *in_box.borrow_mut() = keep;
            }
            // Held out, the empty box takes a paste or a drop, not typing.
            let held = a.map(|a| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&a, "beforeinput", options, move |e| {
                    if !*in_box.borrow() && typed(e) {
                        e.prevent_default();
                    }
                })
            });
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
            move || drop((listeners, held))
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
    let on_edit = {
        let (area, shown, raw, in_box) = (area.clone(), shown.clone(), raw.clone(), in_box.clone());
        Callback::from(move |_: MouseEvent| {
            *raw.borrow_mut() = true;
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.set_value(&shown.borrow());
                *in_box.borrow_mut() = true;
                let _ = a.focus();
                let _ = a.set_selection_range(0, 0);
            }
            redraw.force_update();
        })
    };
    let placeholder = if held_out {
        let size = crate::core::import::Megabytes(props.value.len()).to_string();
        tr.f("input.held", &[("size", &size)])
    } else {
        tr.t("input.placeholder").to_string()
    };
    html! {
        <section class="input-panel" aria-label={tr.t("input.region")}>
            <label class="input-panel__label" for="article-input">{ tr.t("input.label") }</label>
            <textarea id="article-input" class="input-panel__text" data-testid="article-input" ref={area}
                {placeholder} spellcheck="false" oninput={on_input} />
            if held_out {
                <button type="button" class="button input-panel__edit" data-testid="article-edit"
                    onclick={on_edit}>{ tr.t("input.edit") }</button>
            }
            <label class="input-panel__file button">
                { tr.t("input.open") }
                <input type="file" multiple=true accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.zip,.json,.jsonld,.jsonl,.ann,text/plain,text/markdown,text/html,application/json,application/zip" data-testid="file-input"
                    class="visually-hidden" onchange={on_change} />
            </label>
        </section>
    }
}

/// Whether an input event is typing (not a paste, a drop, or a text set by
/// a script).
fn typed(e: &web_sys::Event) -> bool {
    let kind = js_sys::Reflect::get(e, &"inputType".into()).ok().and_then(|k| k.as_string());
    kind.is_some_and(|k| {
        !k.is_empty() && !matches!(k.as_str(), "insertFromPaste" | "insertFromDrop")
    })
}
