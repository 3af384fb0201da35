//! `App`: the page. Wraps the core's [`Workspace`] in a reducer and wires
//! the components' events to actions and side effects.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, File, HtmlElement};
use yew::prelude::*;

use super::analysis;
use super::components::doc_tabs::DocTabs;
use super::components::document_view::{
    focus_mark, scroll_to_middle, with_mark, DocumentView, Picked,
};
use super::components::edit_bar::EditBar;
use super::components::export_menu::ExportMenu;
use super::components::input_panel::InputPanel;
use super::components::lang_select::LangSelect;
use super::components::legend::Legend;
use super::components::notices::Notices;
use super::components::review_panel::ReviewPanel;
use super::components::search_box::SearchBox;
use super::download::{self, Download};
use super::files;
use super::i18n::Tr;
use super::models;
use super::storage;
use crate::core::edit::{nudge, Edge, Edit};
use crate::core::export::sorot_json;
use crate::core::i18n::{catalogues, Msg};
use crate::core::labels::LabelSet;
use crate::core::model::{labels, AnnotatedDocument};
use crate::core::state::{Action, ModelStatus, Notice, NoticeKind, Workspace, MODEL_LANGS};

/// How long after the app mounts the analysis worker is started, if no
/// job started it before.
const WORKER_AFTER_MS: u32 = 300;

/// How long after a change the workspace is saved (a burst of changes is
/// saved once).
const SAVE_DELAY_MS: u32 = 300;

/// The keyboard shortcuts, as the page lists them: the catalogue keys of
/// the keys pressed and of what they do.
pub const SHORTCUTS: [(&str, &str); 12] = [
    ("shortcut.1.keys", "shortcut.1.what"),
    ("shortcut.2.keys", "shortcut.2.what"),
    ("shortcut.3.keys", "shortcut.3.what"),
    ("shortcut.4.keys", "shortcut.4.what"),
    ("shortcut.5.keys", "shortcut.5.what"),
    ("shortcut.6.keys", "shortcut.6.what"),
    ("shortcut.7.keys", "shortcut.7.what"),
    ("shortcut.8.keys", "shortcut.8.what"),
    ("shortcut.9.keys", "shortcut.9.what"),
    ("shortcut.10.keys", "shortcut.10.what"),
    ("shortcut.11.keys", "shortcut.11.what"),
    ("shortcut.12.keys", "shortcut.12.what"),
];

/// What the page-wide key handler needs to know, kept current by every
/// render (the handler itself is installed once).
#[derive(Default)]
struct Live {
    index: Option<usize>,
    doc: Option<Rc<AnnotatedDocument>>,
    focus: Option<String>,
    picked: Option<Picked>,
    labels: LabelSet,
}

/// The edit a key stands for, if any (see [`SHORTCUTS`]).
fn key_edit(e: &KeyboardEvent, live: &Live) -> Option<Edit> {
    let digit = e
        .code()
        .strip_prefix("Digit")
        .or_else(|| e.code().strip_prefix("Numpad").map(str::to_string).as_deref().map(|_| ""))
        .and_then(|d| d.parse::<usize>().ok())
        .and_then(|d| live.labels.key_label(d))
        .map(str::to_string);
    if let Some(p) = live.picked {
        let label = digit?;
        return Some(if e.shift_key() {
            Edit::LabelAll { label: label.into(), start: p.start, end: p.end }
        } else {
            Edit::Add { label: label.into(), start: p.start, end: p.end }
        });
    }
    let id = live.focus.clone()?;
    let doc = live.doc.as_ref()?;
    let a = doc.get(&id)?;
    if let Some(label) = digit {
        return Some(Edit::Relabel { id, label: label.into() });
    }
    match e.key().as_str() {
        "Delete" | "Backspace" => Some(Edit::Delete { id }),
        "Enter" => Some(Edit::Accept { id }),
        "ArrowLeft" | "ArrowRight" if e.shift_key() => {
            let right = e.key() == "ArrowRight";
            let (edge, grow) = if e.alt_key() { (Edge::Start, !right) } else { (Edge::End, right) };
            let (start, end) = nudge(doc, a.start, a.end, edge, grow)?;
            Some(Edit::Resize { id, start, end })
        }
        _ => None,
    }
}

/// Whether a key pressed in this element belongs to it (typing, a button
/// or a list), not to the page's shortcuts.
fn is_control(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT" | "BUTTON")
    })
}

/// Moves keyboard focus to the element with this `data-testid`; whether
/// there was one.
fn focus_testid(testid: &str) -> bool {
    let el = gloo::utils::document()
        .query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    el.is_some_and(|el| el.focus().is_ok())
}

fn clear_selection() {
    if let Ok(Some(sel)) = gloo::utils::window().get_selection() {
        let _ = sel.remove_all_ranges();
    }
}

fn scroll() -> (f64, f64) {
    let w = gloo::utils::window();
    (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))
}

/// The workspace as Yew state: the core's reducer, unchanged.
#[derive(Default, PartialEq)]
pub struct State(pub Workspace);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut ws = Rc::unwrap_or_clone(self).0;
        ws.update(action);
        analysis::run(ws.take_jobs());
        analysis::open(ws.take_file_jobs());
        analysis::later(ws.take_later());
        Rc::new(State(ws))
    }
}

impl Clone for State {
    fn clone(&self) -> Self {
        State(self.0.clone())
    }
}

/// A cheap fingerprint of what the autosave keeps ([`crate::core::persist`])
/// besides the annotation in focus: the documents by identity (a changed
/// document is a new one, and every change of the paste box's text, of a
/// document's rejections or of its annotation-file mark comes with a new
/// document), which one is shown, the paste box's language and the labels.
#[derive(PartialEq)]
struct SavedParts {
    docs: Vec<usize>,
    current: Option<usize>,
    pasted_lang: Option<String>,
    labels: crate::core::labels::LabelSet,
    /// A document waits for its analysis: the save waits too (the answer
    /// changes the document again; saving a long text twice costs).
    analysing: bool,
}

fn saved_parts(ws: &crate::core::state::Workspace) -> SavedParts {
    SavedParts {
        docs: ws.docs.iter().map(|d| Rc::as_ptr(d) as usize).collect(),
        current: ws.current,
        pasted_lang: ws.pasted_lang.clone(),
        labels: ws.labels.clone(),
        analysing: ws.busy() > 0,
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let mut ws = storage::restore();
        ws.resume();
        analysis::run(ws.take_jobs());
        State(ws)
    });
    {
        // The analysis worker's answers come back as actions.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            analysis::connect(move |a| dispatcher.dispatch(a));
            // The worker, loaded and warmed up before the first paste (not
            // in the way of the page becoming interactive).
            let early =
                gloo::timers::callback::Timeout::new(WORKER_AFTER_MS, analysis::start_early);
            move || drop(early)
        });
    }
    let ui_lang = use_state(storage::ui_lang);
    let tr = Tr::of(&ui_lang);
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
                    if let Some(failed) = models::load(lang).await {
                        dispatcher.dispatch(failed);
                    }
                });
            }
        });
    }
    // Correcting: the selection waiting for a label, where the menu is, and
    // a mirror of what the page-wide key handler needs.
    let picked = use_state(|| None::<Picked>);
    let bar_at = use_state(|| (0.0f64, 0.0f64));
    let live: Rc<RefCell<Live>> = use_mut_ref(Live::default);
    let current = state.0.current_doc().cloned();
    *live.borrow_mut() = Live {
        index: state.0.current,
        doc: current.clone(),
        focus: state.0.focus.clone(),
        picked: *picked,
        labels: state.0.labels.clone(),
    };
    {
        let (dispatcher, picked, live) = (state.dispatcher(), picked.setter(), live.clone());
        use_effect_with((), move |_| {
            let opts = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                opts,
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    let l = live.borrow();
                    let Some(index) = l.index else { return };
                    let ctrl = e.ctrl_key() || e.meta_key();
                    let in_text = e
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"));
                    let key = e.key().to_lowercase();
                    if ctrl && !in_text && (key == "z" || key == "y") {
                        e.prevent_default();
                        let redo = key == "y" || e.shift_key();
                        drop(l);
                        dispatcher.dispatch(if redo {
                            Action::Redo(index)
                        } else {
                            Action::Undo(index)
                        });
                        return;
                    }
                    if ctrl || is_control(e.target()) {
                        return;
                    }
                    if e.key() == "Escape" {
                        let had = l.picked.is_some() || l.focus.is_some();
                        drop(l);
                        if had {
                            picked.set(None);
                            clear_selection();
                            dispatcher.dispatch(Action::Focus(None));
                        }
                        return;
                    }
                    if key == "/" {
                        if focus_testid("search") {
                            e.prevent_default();
                        }
                        return;
                    }
                    if key == "s" && l.picked.is_none() {
                        let quote = l
                            .focus
                            .as_ref()
                            .zip(l.doc.as_ref())
                            .and_then(|(id, d)| d.get(id))
                            .is_some_and(|a| a.label == labels::QUOTE);
                        if quote {
                            e.prevent_default();
                            focus_testid("speaker-select");
                        }
                        return;
                    }
                    if let Some(edit) = key_edit(e, &l) {
                        e.prevent_default();
                        let was_pick = l.picked.is_some();
                        drop(l);
                        if was_pick {
                            picked.set(None);
                            clear_selection();
                        }
                        dispatcher.dispatch(Action::Edit { index, edit });
                    }
                },
            );
            move || drop(listener)
        });
    }
    // The highlight in focus gets keyboard focus and the menu beside it
    // (again after each change, since the highlight may be drawn anew).
    {
        let bar_at = bar_at.setter();
        let doc_ptr = current.as_ref().map_or(0, |d| Rc::as_ptr(d) as usize);
        let pick = picked.is_some();
        use_effect_with((state.0.focus.clone(), doc_ptr, pick), move |(focus, _, pick)| {
            if let (Some(id), false) = (focus, pick) {
                let id2 = id.clone();
                with_mark(id, move |_| {
                    if let Some((x, y)) = focus_mark(&id2) {
                        let (sx, sy) = scroll();
                        bar_at.set((x + sx, y + sy));
                    }
                });
            }
        });
    }
    let on_pick = {
        let (picked, bar_at) = (picked.setter(), bar_at.setter());
        Callback::from(move |p: Option<Picked>| {
            if let Some(p) = p {
                let (sx, sy) = scroll();
                bar_at.set((p.x + sx, p.y + sy));
            }
            picked.set(p);
        })
    };
    let on_mark = {
        let dispatcher = state.dispatcher();
        let picked = picked.clone();
        Callback::from(move |id: Option<String>| {
            if picked.is_some() {
                return;
            }
            dispatcher.dispatch(Action::Focus(id));
        })
    };
    let on_jump = {
        let dispatcher = state.dispatcher();
        let picked = picked.setter();
        Callback::from(move |id: String| {
            picked.set(None);
            with_mark(&id, |el| scroll_to_middle(&el));
            dispatcher.dispatch(Action::Focus(Some(id)));
        })
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        let picked = picked.setter();
        let index = state.0.current;
        Callback::from(move |edit: Edit| {
            let Some(index) = index else { return };
            picked.set(None);
            clear_selection();
            dispatcher.dispatch(Action::Edit { index, edit });
        })
    };
    let on_bar_close = {
        let dispatcher = state.dispatcher();
        let picked = picked.setter();
        Callback::from(move |_| {
            picked.set(None);
            clear_selection();
            dispatcher.dispatch(Action::Focus(None));
        })
    };
    let undo_redo = |undo: bool| {
        let dispatcher = state.dispatcher();
        let index = state.0.current;
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = index {
                dispatcher.dispatch(if undo { Action::Undo(i) } else { Action::Redo(i) });
            }
        })
    };
    let history = state.0.current.and_then(|i| state.0.history(i));
    let next_undo = history.and_then(|h| h.next_undo_msg()).map(|m| tr.msg(m));
    let next_redo = history.and_then(|h| h.next_redo_msg()).map(|m| tr.msg(m));

    // Autosave: a moment after every change, at once when the page is
    // hidden, and before it unloads; a warning on leaving only if the last
    // save failed.
    let latest: Rc<RefCell<Option<UseReducerHandle<State>>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some(state.clone());
    let save_failed: Rc<RefCell<bool>> = use_mut_ref(|| false);
    // No save before the save in IndexedDB has been read: it may be newer
    // than what the page started with, and a save would overwrite it.
    let journal_read: Rc<RefCell<bool>> = use_mut_ref(|| false);
    let save_waiting: Rc<RefCell<bool>> = use_mut_ref(|| false);
    let save_now: Rc<dyn Fn()> = {
        let (latest, failed, dispatcher) =
            (latest.clone(), save_failed.clone(), state.dispatcher());
        let (journal_read, waiting) = (journal_read.clone(), save_waiting.clone());
        Rc::new(move || {
            if !*journal_read.borrow() {
                *waiting.borrow_mut() = true;
                return;
            }
            let Some(handle) = latest.borrow().clone() else { return };
            let saved = storage::saved_form(&handle.0);
            let seq = storage::next_seq();
            let local = storage::save(saved.as_ref(), seq);
            if local.is_ok() {
                *failed.borrow_mut() = false;
            }
            let (failed, dispatcher) = (failed.clone(), dispatcher.clone());
            // Failed only if IndexedDB did not take it either.
            wasm_bindgen_futures::spawn_local(async move {
                let journal = storage::journal_put(seq, saved).await;
                match (local, journal) {
                    (Ok(()), _) | (_, Ok(())) => *failed.borrow_mut() = false,
                    (Err(e), Err(_)) => {
                        let first = !*failed.borrow();
                        *failed.borrow_mut() = true;
                        if first {
                            let msg = Msg::new("notice.save-failed").msg("reason", e);
                            dispatcher
                                .dispatch(Action::Notify(Notice::keyed(NoticeKind::Error, msg)));
                        }
                    }
                }
            });
        })
    };
    {
        // Read the save in IndexedDB once; put it back if it is newer than
        // the one `localStorage` gave (the browser was killed before it
        // wrote its last saves to disk, or the work was too large for it).
        let (journal_read, waiting, save_now) =
            (journal_read.clone(), save_waiting.clone(), save_now.clone());
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((seq, text)) = storage::journal_get().await {
                    if seq > storage::local_seq() {
                        // An unreadable one is set aside with a notice; the
                        // page keeps the work it has.
                        match storage::read_journal(text).await {
                            Ok(ws) => {
                                dispatcher.dispatch(Action::Restore(Box::new(ws)));
                                // Back to where the reader was in it, once
                                // it is drawn (a save too long for
                                // `localStorage` comes back only from here).
                                Timeout::new(0, storage::restore_place).forget();
                            }
                            Err(notice) => dispatcher.dispatch(Action::Notify(notice)),
                        }
                    }
                }
                *journal_read.borrow_mut() = true;
                if std::mem::take(&mut *waiting.borrow_mut()) {
                    save_now();
                }
            });
        });
    }
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let (timer, save_now) = (timer.clone(), save_now.clone());
        // What the autosave keeps, compared cheaply: the annotation in focus
        // is left out, so a click on a highlight does not serialise a long
        // article again (the focus is saved with the next change, or when
        // the page is hidden).
        let version = saved_parts(&state.0);
        // Not on the first render: what was just restored is already saved
        // (and saving then would overwrite what another tab saved meanwhile).
        let first = use_mut_ref(|| true);
        // Which save is the latest asked for.
        let asked: Rc<RefCell<u64>> = use_mut_ref(|| 0);
        let latest = latest.clone();
        use_effect_with(version, move |version| {
            if std::mem::replace(&mut *first.borrow_mut(), false) || version.analysing {
                return;
            }
            let (t, n) = (timer.clone(), *asked.borrow() + 1);
            *asked.borrow_mut() = n;
            *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                // The save stays pending (a flush when the page is hidden
                // makes it at once) while the lines of long documents are
                // made a part at a time; a later change asks for another.
                let docs = latest.borrow().as_ref().map(|s| s.0.docs.clone()).unwrap_or_default();
                wasm_bindgen_futures::spawn_local(async move {
                    storage::prepare(docs, || *asked.borrow() == n).await;
                    if *asked.borrow() == n && t.borrow_mut().take().is_some() {
                        save_now();
                    }
                });
            }));
        });
    }
    {
        let (timer, save_now, failed) = (timer.clone(), save_now.clone(), save_failed.clone());
        use_effect_with((), move |_| {
            // Back to where the reader was (the restored document is drawn).
            storage::restore_place();
            let flush = {
                let (timer, save_now) = (timer.clone(), save_now.clone());
                move || {
                    if timer.borrow_mut().take().is_some() {
                        save_now();
                    }
                    storage::save_place();
                }
            };
            let doc = gloo::utils::document();
            let hidden = {
                let (flush, doc2) = (flush.clone(), doc.clone());
                EventListener::new(&doc, "visibilitychange", move |_| {
                    if doc2.hidden() {
                        flush();
                    }
                })
            };
            let opts = EventListenerOptions::enable_prevent_default();
            let unload = EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                opts,
                move |e| {
                    flush();
                    if *failed.borrow() {
                        e.prevent_default();
                        if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                            let tr = Tr::of(&storage::ui_lang());
                            e.set_return_value(tr.t("app.unsaved"));
                        }
                    }
                },
            );
            move || drop((hidden, unload))
        });
    }
    let theme = use_state(storage::theme);
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match theme.as_str() {
                "system" => "light",
                "light" => "dark",
                _ => "system",
            };
            storage::set_theme(next);
            theme.set(next.to_string());
        })
    };
    let on_ui_lang = {
        let ui_lang = ui_lang.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let code = select.value();
            storage::set_ui_lang(&code);
            ui_lang.set(code);
        })
    };
    let on_clear = {
        let (dispatcher, theme, timer, picked) =
            (state.dispatcher(), theme.clone(), timer.clone(), picked.setter());
        let ui_lang = ui_lang.clone();
        Callback::from(move |_: MouseEvent| {
            let sure =
                gloo::utils::window().confirm_with_message(tr.t("clear.confirm")).unwrap_or(false);
            if sure {
                timer.borrow_mut().take();
                storage::clear();
                storage::apply_theme("system");
                theme.set("system".into());
                let lang = storage::ui_lang();
                storage::apply_ui_lang(&lang);
                ui_lang.set(lang);
                picked.set(None);
                dispatcher.dispatch(Action::ClearAll);
            }
        })
    };
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
        Callback::from(move |text: std::rc::Rc<str>| state.dispatch(Action::Paste(text)))
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
        let labels = state.0.labels.clone();
        let state = state.dispatcher();
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(doc) = &current else { return };
            let name = sorot_json::file_name(&doc.doc.name);
            match download::save(
                &name,
                "application/json",
                &sorot_json::to_json_with_labels(doc, &labels),
            ) {
                Ok(d) => *last_download.borrow_mut() = Some(d),
                Err(e) => {
                    let msg = Msg::new("export.json-failed")
                        .text("name", name)
                        .text("reason", e.to_string());
                    state.dispatch(Action::Notify(Notice::keyed(NoticeKind::Error, msg)))
                }
            }
        })
    };
    let on_export_error = {
        let state = state.dispatcher();
        Callback::from(move |msg: Msg| {
            state.dispatch(Action::Notify(Notice::keyed(NoticeKind::Error, msg)))
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
                ModelStatus::Loading => "model.loading",
                ModelStatus::Ready => "model.ready",
                ModelStatus::Failed => "model.failed",
            };
            Some(tr.f("model.item", &[("lang", lang), ("status", tr.t(status))]))
        })
        .collect();
    let theme_name = match theme.as_str() {
        "light" => tr.t("theme.light"),
        "dark" => tr.t("theme.dark"),
        _ => tr.t("theme.system"),
    };
    html! {
        <ContextProvider<Tr> context={tr}>
        <div class={classes!("app", dragging.then_some("app--dragging"))} data-testid="drop-zone"
            data-model-id={model_attr("id")} data-model-en={model_attr("en")}
            data-analysing={state.0.busy().to_string()}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <header class="app__header">
                <h1 class="app__title">{ "Sorot" }<span class="app__tagline">{ tr.t("app.tagline") }</span></h1>
                if !model_status.is_empty() {
                    <span class="app__model-status" data-testid="model-status" role="status"
                        title={tr.t("model.title")}>
                        { tr.f("model.line", &[("list", &model_status.join(" · "))]) }
                    </span>
                }
                <div class="app__actions">
                    <select class="lang-select__input app__ui-lang" data-testid="ui-lang" aria-label={tr.t("language.switch")}
                        title={tr.t("language.switch")} onchange={on_ui_lang}>
                        { for catalogues().iter().map(|c| html! {
                            <option value={c.code} lang={c.code} selected={c.code == tr.code()}>{ c.name() }</option>
                        }) }
                    </select>
                    <button type="button" class="button" data-testid="theme-toggle" onclick={on_theme}
                        title={tr.t("theme.title")}>
                        { tr.f("theme.button", &[("theme", theme_name)]) }
                    </button>
                    <button type="button" class="button" data-testid="clear-data" onclick={on_clear}
                        title={tr.t("clear.title")}>{ tr.t("clear.button") }</button>
                    <button type="button" class="button button--primary" data-testid="export-json"
                        disabled={current.is_none()} onclick={on_export}>{ tr.t("export.json") }</button>
                    <ExportMenu docs={state.0.docs.clone()} current={current.clone()} on_error={on_export_error} labels={state.0.labels.clone()} />
                </div>
            </header>
            <Notices notices={state.0.notices.clone()} {on_dismiss} />
            <main class="app__main">
                <div class="app__side">
                    <InputPanel value={state.0.pasted.clone()} {on_paste} on_files={open_files} />
                    if let Some(doc) = current.clone() {
                        <ReviewPanel key={format!("{}:{}", state.0.current.unwrap_or(usize::MAX), &doc.doc.name)} doc={doc.clone()} {on_jump} />
                    }
                </div>
                <section class="app__reader" aria-label={tr.t("app.reader")}>
                    <DocTabs {names} current={state.0.current} {on_select} {on_close} />
                    <div class="app__reader-bar">
                        <Legend doc={current.clone()} labels={state.0.labels.clone()} on_action={state.dispatcher().to_callback()} />
                        if let Some(doc) = &current {
                            <LangSelect lang={doc.doc.lang.clone()} on_change={on_lang} />
                            if state.0.current.is_some_and(|i| state.0.analysing(i)) || state.0.opening > 0 {
                                <span class="app__analysing" data-testid="analysing" role="status">{ tr.t("analysis.running") }</span>
                            }
                            <SearchBox doc={doc.clone()} />
                            <span class="app__history">
                                <button type="button" class="button" data-testid="undo" disabled={next_undo.is_none()}
                                    aria-keyshortcuts="Control+Z" onclick={undo_redo(true)}
                                    title={next_undo.as_ref().map_or(tr.t("history.nothing-undo").to_string(), |w| tr.f("history.undo-title", &[("what", w)]))}>{ tr.t("history.undo") }</button>
                                <button type="button" class="button" data-testid="redo" disabled={next_redo.is_none()}
                                    aria-keyshortcuts="Control+Shift+Z" onclick={undo_redo(false)}
                                    title={next_redo.as_ref().map_or(tr.t("history.nothing-redo").to_string(), |w| tr.f("history.redo-title", &[("what", w)]))}>{ tr.t("history.redo") }</button>
                            </span>
                        }
                    </div>
                    {
                        match current.clone() {
                            Some(doc) => html! { <DocumentView doc={doc.clone()} {on_pick} {on_mark} /> },
                            None => html! {
                                <p class="document-view document-view--empty" data-testid="document-view">
                                    { tr.t("app.empty") }
                                </p>
                            },
                        }
                    }
                    if let Some(doc) = current.clone().filter(|_| picked.is_some() || state.0.focus.is_some()) {
                        <EditBar {doc} labels={state.0.labels.clone()} focus={state.0.focus.clone()} picked={picked.map(|p| (p.start, p.end))}
                            at={*bar_at} {on_edit} on_close={on_bar_close} />
                    }
                    <details class="app__shortcuts" data-testid="shortcuts">
                        <summary>{ tr.t("shortcuts.title") }</summary>
                        <dl>
                            { for SHORTCUTS.iter().map(|&(k, what)| html! { <><dt><kbd>{ tr.t(k) }</kbd></dt><dd>{ tr.t(what) }</dd></> }) }
                        </dl>
                    </details>
                </section>
            </main>
            <div class="app__drop-hint" aria-hidden="true">{ tr.t("app.drop-hint") }</div>
        </div>
        </ContextProvider<Tr>>
    }
}
