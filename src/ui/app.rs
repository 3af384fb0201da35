//! `App`: the page. Wraps the core's [`Workspace`] in a reducer and wires
//! the components' events to actions and side effects.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{DragEvent, File};
use yew::prelude::*;

use super::components::doc_tabs::DocTabs;
use super::components::document_view::DocumentView;
use super::components::export_menu::ExportMenu;
use super::components::input_panel::InputPanel;
use super::components::lang_select::LangSelect;
use super::components::legend::Legend;
use super::components::notices::Notices;
use super::download::{self, Download};
use super::files;
use super::models;
use crate::core::export::sorot_json;
use crate::core::state::{Action, ModelStatus, Notice, NoticeKind, Workspace, MODEL_LANGS};

/// The workspace as Yew state: the core's reducer, unchanged.
#[derive(Default, PartialEq)]
pub struct State(pub Workspace);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut ws = Rc::unwrap_or_clone(self).0;
        ws.apply(action);
        Rc::new(State(ws))
    }
}

impl Clone for State {
    fn clone(&self) -> Self {
        State(self.0.clone())
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dragging = use_state(|| false);
    // The last download's object URL lives until the next export.
    let last_download: Rc<RefCell<Option<Download>>> = use_mut_ref(|| None);

    // The learned taggers: once a document of a language is open, load that
    // language's model (once per page; `requested` guards against a second
    // start before the reducer has recorded the first), after the rules'
    // highlights have been painted.
    let requested: Rc<RefCell<Vec<&'static str>>> = use_mut_ref(Vec::new);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.0.models_to_load(), move |langs| {
            for &lang in langs {
                if requested.borrow().contains(&lang) {
                    continue;
                }
                requested.borrow_mut().push(lang);
                dispatcher.dispatch(Action::ModelLoading { lang: lang.to_string() });
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    models::after_paint().await;
                    dispatcher.dispatch(models::load(lang).await);
                });
            }
        });
    }
    let open_files = {
        let state = state.dispatcher();
        Callback::from(move |list: Vec<File>| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for action in files::read_all(list).await {
                    state.dispatch(action);
                }
            });
        })
    };
    let on_paste = {
        let state = state.dispatcher();
        Callback::from(move |text: String| state.dispatch(Action::Paste(text)))
    };
    let on_select = {
        let state = state.dispatcher();
        Callback::from(move |i| state.dispatch(Action::Select(i)))
    };
    let on_close = {
        let state = state.dispatcher();
        Callback::from(move |i| state.dispatch(Action::Close(i)))
    };
    let on_dismiss = {
        let state = state.dispatcher();
        Callback::from(move |i| state.dispatch(Action::Dismiss(i)))
    };
    let current = state.0.current_doc().cloned();
    let on_lang = {
        let index = state.0.current;
        let state = state.dispatcher();
        Callback::from(move |lang: Option<String>| {
            if let Some(index) = index {
                state.dispatch(Action::SetLang { index, lang });
            }
        })
    };
    let on_export = {
        let state = state.dispatcher();
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(doc) = &current else { return };
            let name = sorot_json::file_name(&doc.doc.name);
            match download::save(&name, "application/json", &sorot_json::to_json(doc)) {
                Ok(d) => *last_download.borrow_mut() = Some(d),
                Err(e) => state.dispatch(Action::Notify(Notice {
                    kind: NoticeKind::Error,
                    message: format!("“{name}” was not saved: {e}."),
                })),
            }
        })
    };
    let on_export_error = {
        let state = state.dispatcher();
        Callback::from(move |message: String| {
            state.dispatch(Action::Notify(Notice { kind: NoticeKind::Error, message }))
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let open_files = open_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|dt| dt.files()) {
                open_files.emit(files::list(&list));
            }
        })
    };

    let names: Vec<String> = state.0.docs.iter().map(|d| d.doc.name.clone()).collect();
    let model_attr = |lang: &str| state.0.model_status(lang).map(|s| AttrValue::from(s.as_str()));
    let model_status: Vec<String> = MODEL_LANGS
        .iter()
        .filter_map(|&lang| {
            let status = match state.0.model_status(lang)? {
                ModelStatus::Loading => "loading…",
                ModelStatus::Ready => "ready",
                ModelStatus::Failed => "unavailable (rules only)",
            };
            Some(format!("{lang} {status}"))
        })
        .collect();
    html! {
        <div class={classes!("app", dragging.then_some("app--dragging"))} data-testid="drop-zone"
            data-model-id={model_attr("id")} data-model-en={model_attr("en")}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <header class="app__header">
                <h1 class="app__title">{ "Sorot" }<span class="app__tagline">{ "article annotator" }</span></h1>
                if !model_status.is_empty() {
                    <span class="app__model-status" data-testid="model-status" role="status"
                        title="The learned tagger refines the rules' highlights once it has loaded">
                        { format!("Tagger: {}", model_status.join(" · ")) }
                    </span>
                }
                <div class="app__actions">
                    <button type="button" class="button button--primary" data-testid="export-json"
                        disabled={current.is_none()} onclick={on_export}>{ "Export JSON" }</button>
                    <ExportMenu docs={state.0.docs.clone()} current={current.clone()} on_error={on_export_error} />
                </div>
            </header>
            <Notices notices={state.0.notices.clone()} {on_dismiss} />
            <main class="app__main">
                <InputPanel value={state.0.pasted.clone()} {on_paste} on_files={open_files} />
                <section class="app__reader" aria-label="Annotated document">
                    <DocTabs {names} current={state.0.current} {on_select} {on_close} />
                    <div class="app__reader-bar">
                        <Legend doc={current.clone()} />
                        if let Some(doc) = &current {
                            <LangSelect lang={doc.doc.lang.clone()} on_change={on_lang} />
                        }
                    </div>
                    {
                        match current {
                            Some(doc) => html! { <DocumentView {doc} /> },
                            None => html! {
                                <p class="document-view document-view--empty" data-testid="document-view">
                                    { "Paste an article or drop files (.txt, .md, .html, .docx, .zip, annotation JSON) to see its people, organisations, places, dates and quotations." }
                                </p>
                            },
                        }
                    }
                </section>
            </main>
            <div class="app__drop-hint" aria-hidden="true">{ "Drop files to open them" }</div>
        </div>
    }
}
