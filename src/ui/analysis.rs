//! The page's side of the analysis worker (`src/bin/analyser.rs`): the
//! page never analyses a text itself. The core asks for analyses
//! ([`Workspace::take_jobs`](crate::core::state::Workspace::take_jobs));
//! [`run`] posts them to the worker, and its answers come back as
//! [`Action::Analysed`], dispatched to the app; files to open go the same
//! way ([`open`], answered by [`Action::FilesOpened`]). Learned taggers go to the
//! worker too ([`install_model`]), which answers [`Action::ModelReady`] or
//! [`Action::ModelFailed`]. The export menu's files are written there
//! too ([`export`]): the page's own download then carries no format
//! writer.
//!
//! The worker is started on first use. Messages wait until it says it is
//! listening. If it cannot start or stops (an error in it), the app is
//! told with [`Action::AnalysisFailed`] and the next job starts a new one,
//! which is given the taggers again.
//!
//! The served app loads `analyser_loader.js` (Trunk's module loader for the
//! worker's wasm-bindgen module) from its own origin; the single-file
//! `sorot.html` carries the worker inline, as a classic script, and leaves
//! its `blob:` URL in `window.sorotAnalyser` (scripts/single-file.mjs).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::core::export::menu::Scope;
use crate::core::export::Format;
use crate::core::state::{Action, IncomingFile, Job};
use crate::core::wire::OpenedFile;
use crate::worker::message;

/// Where the served app's worker script is, relative to the page.
pub const WORKER_URL: &str = "analyser_loader.js";

type Dispatch = Rc<dyn Fn(Action)>;

/// A file the worker wrote for the export menu: its bytes stay a
/// JavaScript buffer (moved from the worker), which becomes the download's
/// `Blob` without passing through the page's memory.
pub struct Download {
    /// The file name.
    pub name: String,
    /// Its MIME type.
    pub mime: String,
    /// Its contents.
    pub bytes: Uint8Array,
}

/// What is done with the files of an export, or with why there are none.
type Exported = Box<dyn FnOnce(Result<Vec<Download>, String>)>;

struct Conn {
    worker: Worker,
    ready: bool,
    waiting: Vec<(Object, Option<Array>)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

#[derive(Default)]
struct Hub {
    dispatch: Option<Dispatch>,
    conn: Option<Conn>,
    /// Messages posted before the app could take answers (with their
    /// sizes).
    early: Vec<(Object, Option<Array>, usize)>,
    /// The taggers given so far, for a worker started again.
    models: Vec<(String, Uint8Array)>,
    /// Messages are answered by this in the page instead ([`serve_in_page`]).
    in_page: Option<Handler>,
    /// How many times an app connected (answers in the page for an
    /// earlier one are dropped).
    generation: u64,
    /// Messages posted to the worker and not answered yet.
    asked: usize,
    /// One of them carried at least [`RETIRE_BYTES`].
    heavy: bool,
    /// Languages whose tagger a new worker is being given again: its
    /// answer is not news to the app (which would analyse again).
    again: Vec<String>,
    /// Exports asked for and not answered, by id.
    exports: Vec<(u64, Exported)>,
    /// The id of the last export asked for.
    last_export: u64,
}

impl Hub {
    /// Starts a worker if there is none.
    fn started(&mut self) -> Result<(), String> {
        if self.conn.is_none() {
            let mut conn = spawn()?;
            // A worker started again gets the taggers first.
            conn.waiting.extend(self.models.iter().map(|(l, b)| (model_message(l, b), None)));
            self.asked += self.models.len();
            self.again = self.models.iter().map(|(l, _)| l.clone()).collect();
            self.conn = Some(conn);
        }
        Ok(())
    }

    /// Forgets the worker (returned, to be terminated) and what it was
    /// asked: the next message starts a new one.
    fn stop(&mut self) -> Option<Conn> {
        (self.asked, self.heavy) = (0, false);
        self.again.clear();
        self.conn.take()
    }
}

/// A worker that was given this much text or file data (bytes) at once is
/// stopped when it has answered everything: a WebAssembly memory never
/// shrinks, and analysing 10 MB leaves it some hundreds of MB. The next
/// message starts a new one, which is given the taggers again.
const RETIRE_BYTES: usize = 4 << 20;

/// What answers a message: [`crate::worker::handle`].
pub type Handler = fn(&JsValue) -> Option<(Object, Array)>;

/// Answers every message in the page itself with `handler` (one turn of
/// the event loop later, as a worker would), instead of starting a worker:
/// for the component tests (`tests/browser.rs`), which have no worker
/// build to load. The app never calls it.
pub fn serve_in_page(handler: Handler) {
    HUB.with(|h| h.borrow_mut().in_page = Some(handler));
}

thread_local! {
    static HUB: RefCell<Hub> = RefCell::new(Hub::default());
}

/// Lets the worker's answers reach the app (call once, when it mounts).
/// An app mounted later replaces the one before: the worker it had is
/// stopped, with the taggers given to it, so no answer meant for one
/// reaches the other.
pub fn connect(dispatch: impl Fn(Action) + 'static) {
    let early = HUB.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(conn) = h.stop() {
            conn.worker.terminate();
        }
        h.models.clear();
        h.exports.clear();
        h.generation += 1;
        h.dispatch = Some(Rc::new(dispatch));
        std::mem::take(&mut h.early)
    });
    for (m, moved, size) in early {
        post(m, moved, size);
    }
}

/// Starts the worker if there is none yet (the page calls it a moment
/// after it is interactive): the first article pasted then finds it
/// loaded, with its code warmed up (`crate::worker::start`), instead of
/// waiting for it to load, compile and run its first analysis from
/// unoptimised code. A worker the browser refuses to make is reported
/// by the job that needs it; one that cannot load says so as ever (the
/// notice then comes before anything is pasted).
pub fn start_early() {
    HUB.with(|h| {
        let mut h = h.borrow_mut();
        if h.dispatch.is_some() && h.in_page.is_none() {
            let _ = h.started();
        }
    });
}

/// Posts analyses to the worker.
pub fn run(jobs: Vec<Job>) {
    for job in jobs {
        let lang = job.lang.as_deref().map_or(JsValue::NULL, JsValue::from);
        // The text as UTF-8 bytes, moved: a JS string would be decoded to
        // UTF-16 here and encoded again there (a quarter of a second for
        // 10 MB, on this thread).
        let text = Uint8Array::from(job.text().as_bytes());
        let msg = message(&[
            ("kind", "job".into()),
            ("id", (job.id as f64).into()),
            ("text", text.clone().into()),
            ("lang", lang),
        ]);
        post(msg, Some(Array::of1(&text.buffer())), job.upto);
    }
}

/// Gives the worker batches of files to read (and their plain texts to
/// analyse); each answers with [`Action::FilesOpened`]. The bytes move to
/// the worker without a copy.
pub fn open(batches: Vec<Vec<IncomingFile>>) {
    for batch in batches {
        let (names, bytes, moved) = (Array::new(), Array::new(), Array::new());
        let size = batch.iter().map(|f| f.bytes.len()).sum();
        for f in batch {
            let b = Uint8Array::from(f.bytes.as_slice());
            names.push(&f.name.as_str().into());
            moved.push(&b.buffer());
            bytes.push(&b);
        }
        post(
            message(&[("kind", "files".into()), ("names", names.into()), ("bytes", bytes.into())]),
            Some(moved),
            size,
        );
    }
}

/// Asks the worker for the files of one click of the export menu: `format`
/// in `scope` for `docs` (each document's line of Sorot JSON Lines, a
/// string or a `Blob`, [`crate::ui::storage::export_line`]; `size` bytes
/// in all) with the label set `labels`
/// ([`crate::core::export::menu::labels_json`]). `done` gets the files, or
/// why there are none (the worker could not start, stopped, or could not
/// read what it was given).
pub fn export(
    format: Format,
    scope: Scope,
    docs: Array,
    labels: String,
    size: usize,
    done: impl FnOnce(Result<Vec<Download>, String>) + 'static,
) {
    let id = HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.last_export += 1;
        let id = h.last_export;
        h.exports.push((id, Box::new(done)));
        id
    });
    let msg = message(&[
        ("kind", "export".into()),
        ("id", (id as f64).into()),
        ("format", format.name().into()),
        ("scope", scope.name().into()),
        ("docs", docs.into()),
        ("labels", labels.into()),
    ]);
    post(msg, None, size);
}

/// Tells every export waiting for the worker that it will get no files.
fn fail_exports(reason: &str) {
    let waiting = HUB.with(|h| std::mem::take(&mut h.borrow_mut().exports));
    for (_, done) in waiting {
        done(Err(reason.to_string()));
    }
}

/// Which app is connected ([`connect`]): a tagger fetched for an app
/// that has since been replaced is not given to the next one.
pub fn generation() -> u64 {
    HUB.with(|h| h.borrow().generation)
}

/// Gives the worker a learned tagger's file for `lang`, fetched while app
/// `generation` was connected; it answers with [`Action::ModelReady`] or
/// [`Action::ModelFailed`].
pub fn install_model(lang: &str, bytes: &[u8], generation: u64) {
    if generation != self::generation() {
        return;
    }
    let bytes = Uint8Array::from(bytes);
    HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.models.retain(|(l, _)| l != lang);
        h.models.push((lang.to_string(), bytes.clone()));
    });
    post(model_message(lang, &bytes), None, 0);
}

fn model_message(lang: &str, bytes: &Uint8Array) -> Object {
    message(&[("kind", "model".into()), ("lang", lang.into()), ("bytes", bytes.clone().into())])
}

fn deliver(worker: &Worker, msg: &Object, moved: Option<&Array>) {
    let _ = match moved {
        Some(m) => worker.post_message_with_transfer(msg, m),
        None => worker.post_message(msg),
    };
}

/// Posts `msg` (which carries `size` bytes of text or files), moving the
/// buffers in `moved` (if any) to the worker, starting the worker if there
/// is none, or keeps it until the worker listens (or the app can take
/// answers).
fn post(msg: Object, moved: Option<Array>, size: usize) {
    let failed = HUB.with(|h| {
        let mut h = h.borrow_mut();
        if h.dispatch.is_none() {
            h.early.push((msg, moved, size));
            return None;
        }
        if let Some(handler) = h.in_page {
            let generation = h.generation;
            wasm_bindgen_futures::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                // Not even handled for an app replaced since: a tagger
                // given to it must not reach the next one's analyses.
                if HUB.with(|h| h.borrow().generation) != generation {
                    return;
                }
                if let Some((reply, _)) = handler(&msg) {
                    answer(&reply);
                }
            });
            return None;
        }
        if let Err(reason) = h.started() {
            return Some(reason);
        }
        h.asked += 1;
        h.heavy |= size >= RETIRE_BYTES;
        let conn = h.conn.as_mut()?;
        if conn.ready {
            deliver(&conn.worker, &msg, moved.as_ref());
        } else {
            conn.waiting.push((msg, moved));
        }
        None
    });
    if let Some(reason) = failed {
        fail_exports(&reason);
        tell(Action::AnalysisFailed { reason });
    }
}

/// One message was answered: a worker that had a large one and has
/// nothing left to answer is stopped (before the answer reaches the app,
/// which may ask for more at once, of a new worker).
fn answered() {
    let retired = HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.asked = h.asked.saturating_sub(1);
        if h.asked > 0 || !h.heavy {
            return None;
        }
        h.stop()
    });
    if let Some(conn) = retired {
        conn.worker.terminate();
    }
}

/// Dispatches each action a moment later, in a task of its own (the
/// second half of taking a long document's analysis).
pub fn later(actions: Vec<Action>) {
    for action in actions {
        gloo::timers::callback::Timeout::new(0, move || tell(action)).forget();
    }
}

fn tell(action: Action) {
    if let Some(d) = HUB.with(|h| h.borrow().dispatch.clone()) {
        d(action);
    }
}

fn spawn() -> Result<Conn, String> {
    // The single file's worker is a classic script (Chromium refuses a
    // module worker from a blob: URL on a file:// page); the served one a
    // module.
    let inline = Reflect::get(&gloo::utils::window(), &"sorotAnalyser".into())
        .ok()
        .and_then(|v| v.as_string());
    let opts = WorkerOptions::new();
    opts.set_type(if inline.is_some() { WorkerType::Classic } else { WorkerType::Module });
    let url = inline.unwrap_or_else(|| WORKER_URL.to_string());
    let worker = Worker::new_with_options(&url, &opts)
        .map_err(|e| e.as_string().unwrap_or_else(|| "the browser refused to start it".into()))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| answer(&e.data()));
    // A worker that cannot load fires a plain `Event`, one that fails later
    // an `ErrorEvent` with a message.
    let on_error = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        e.prevent_default();
        let what = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
        let reason = match what {
            Some(m) if !m.is_empty() => m,
            _ => "the analysis worker could not start or stopped".to_string(),
        };
        // The next job starts a new worker.
        if let Some(conn) = HUB.with(|h| h.borrow_mut().stop()) {
            conn.worker.terminate();
        }
        fail_exports(&reason);
        tell(Action::AnalysisFailed { reason });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Conn {
        worker,
        ready: false,
        waiting: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A message from the worker.
fn answer(data: &JsValue) {
    let get = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let kind = get("kind").as_string();
    if matches!(kind.as_deref(), Some("done" | "opened" | "model" | "exported")) {
        answered();
    }
    match kind.as_deref() {
        Some("ready") => HUB.with(|h| {
            if let Some(conn) = h.borrow_mut().conn.as_mut() {
                conn.ready = true;
                for (m, moved) in std::mem::take(&mut conn.waiting) {
                    deliver(&conn.worker, &m, moved.as_ref());
                }
            }
        }),
        Some("done") => {
            let Some(job) = get("id").as_f64() else { return };
            let nums = get("nums").dyn_into::<Uint32Array>().map(numbers).unwrap_or_default();
            tell(Action::Analysed {
                job: job as u64,
                lang: get("lang").as_string().unwrap_or_default(),
                nums,
                strings: get("strings").as_string().unwrap_or_default(),
            });
        }
        Some("opened") => {
            let files = Array::from(&get("files"));
            let opened = files.iter().map(|f| {
                let text = |k: &str| text_field(&f, k);
                let nums = Reflect::get(&f, &"nums".into())
                    .ok()
                    .and_then(|v| v.dyn_into::<Uint32Array>().ok())
                    .map(numbers)
                    .unwrap_or_default();
                // UTF-8 bytes, moved here without a copy.
                let body =
                    crate::worker::utf8(Reflect::get(&f, &"text".into()).unwrap_or_default());
                OpenedFile {
                    name: text("name"),
                    lang: text("lang"),
                    text: body,
                    nums,
                    strings: text("strings"),
                    json: text("json"),
                    notes: text("notes"),
                    error: text("error"),
                }
            });
            tell(Action::FilesOpened(opened.collect()));
        }
        Some("exported") => {
            let id = get("id").as_f64().map(|id| id as u64);
            let done = HUB.with(|h| {
                let mut h = h.borrow_mut();
                let k = h.exports.iter().position(|(e, _)| Some(*e) == id)?;
                Some(h.exports.remove(k).1)
            });
            let Some(done) = done else { return };
            if let Some(reason) = get("error").as_string() {
                return done(Err(reason));
            }
            let files = Array::from(&get("files"))
                .iter()
                .map(|f| {
                    let text = |k: &str| text_field(&f, k);
                    let bytes = Reflect::get(&f, &"bytes".into())
                        .ok()
                        .and_then(|v| v.dyn_into::<Uint8Array>().ok())
                        .unwrap_or_else(|| Uint8Array::new_with_length(0));
                    Download { name: text("name"), mime: text("mime"), bytes }
                })
                .collect();
            done(Ok(files));
        }
        Some("model") => {
            let lang = get("lang").as_string().unwrap_or_default();
            let again = HUB.with(|h| {
                let mut h = h.borrow_mut();
                let k = h.again.iter().position(|l| *l == lang);
                k.map(|k| h.again.swap_remove(k)).is_some()
            });
            if again && get("error").is_null() {
                return;
            }
            tell(match get("error").as_string() {
                None => Action::ModelReady { lang },
                Some(reason) => Action::ModelFailed { lang, reason },
            });
        }
        _ => {}
    }
}

/// The text field `k` of an object of an answer (empty when it has none).
fn text_field(o: &JsValue, k: &str) -> String {
    Reflect::get(o, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// The numbers of an answer, copied into the page's memory; the buffer
/// they came in (moved from the worker) is freed.
fn numbers(a: Uint32Array) -> Vec<u32> {
    let nums = a.to_vec();
    crate::worker::release(&a.buffer());
    nums
}
