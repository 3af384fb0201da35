//! The browser's storage: the autosaved workspace, the chosen theme and
//! the chosen interface language.
//!
//! The workspace is saved in the core's saved form ([`crate::core::persist`])
//! a moment after every change, and at once when the page is hidden, in two
//! places, each save numbered ([`next_seq`]):
//!
//! - `localStorage` under [`KEY`] (its number under [`SEQ_KEY`]): read
//!   synchronously, so the page starts with the work on screen. But the
//!   browser writes it to disk only every few seconds, and it holds a few
//!   megabytes at most.
//! - IndexedDB (database [`DB`], store [`STORE`], record [`RECORD`]: the
//!   number and a `Blob` of the text's UTF-8 bytes; the bytes or a text
//!   string from earlier versions are read too), written with `durability: "strict"`: on disk
//!   when the write completes, so it survives a killed browser, and it holds
//!   far more. Read once after start ([`journal_get`]); when it is newer than
//!   what `localStorage` gave, the app puts it back (`Action::Restore`).
//!
//! A save has failed only when neither place took it. If the saved text
//! cannot be read on load it is moved to [`DAMAGED_KEY`] (never deleted: it
//! is the user's work) and the page starts empty with a notice.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use crate::core::export::sorot_json;
use crate::core::i18n::{self, Msg};
use crate::core::model::AnnotatedDocument;
use crate::core::persist;
use crate::core::state::{Notice, NoticeAction, NoticeKind, Workspace};

/// Where the workspace is saved.
pub const KEY: &str = "sorot.workspace";
/// The number of the save kept under [`KEY`].
pub const SEQ_KEY: &str = "sorot.workspace.seq";
/// The IndexedDB database of the saved workspace.
pub const DB: &str = "sorot";
/// Its object store.
pub const STORE: &str = "saves";
/// The record holding `[number, saved text]`.
pub const RECORD: &str = "workspace";
/// The record holding a save read from [`RECORD`] that could not be read
/// (the text as it was).
pub const DAMAGED_RECORD: &str = "workspace.damaged";
/// Where a saved workspace that could not be read is kept.
pub const DAMAGED_KEY: &str = "sorot.workspace.damaged";
/// Where the chosen theme is kept (`light`, `dark`; absent: the system's).
pub const THEME_KEY: &str = "sorot.theme";
/// Where the chosen interface language is kept (a catalogue's code;
/// absent: the browser's language).
pub const UI_LANG_KEY: &str = "sorot.ui-lang";
/// Where the reader's place (the page's scroll position) is kept.
pub const PLACE_KEY: &str = "sorot.place";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The workspace saved by an earlier visit (empty if there is none), and a
/// notice if one could not be read.
pub fn restore() -> Workspace {
    let Some(s) = storage() else { return Workspace::default() };
    let Ok(Some(saved)) = s.get_item(KEY) else { return Workspace::default() };
    match persist::load(&saved) {
        Ok(ws) => ws,
        Err(e) => {
            let _ = s.set_item(DAMAGED_KEY, &saved);
            let _ = s.remove_item(KEY);
            let mut ws = Workspace::default();
            let msg = Msg::new("notice.restore-failed")
                .text("reason", e.to_string())
                .text("key", DAMAGED_KEY);
            let notice = Notice::keyed(NoticeKind::Error, msg);
            ws.notices.push(notice.with_action(NoticeAction::DownloadSetAside));
            ws
        }
    }
}

/// The workspace in its saved form, ready to be written: the core's
/// saved form, in which a line kept outside the page's memory
/// ([`Line::Blob`]) has no pieces, and those lines.
pub struct Form {
    /// The saved form.
    pub saved: persist::Saved,
    /// For each of its lines, the line itself when the page keeps it as a
    /// `Blob` (its pieces in `saved` are empty then), with its length.
    blobs: Vec<Option<(web_sys::Blob, usize)>>,
}

impl Form {
    /// Its length in bytes.
    fn len(&self) -> usize {
        self.saved.len() + self.blobs.iter().flatten().map(|(_, n)| n).sum::<usize>()
    }

    /// Whether every line is in the page's memory (else it is not written
    /// to `localStorage`, which takes a text: such a form is longer than
    /// it can hold anyway).
    fn in_memory(&self) -> bool {
        self.blobs.iter().all(Option::is_none)
    }
}

/// The workspace in its saved form, in pieces; `None` for an empty
/// workspace (nothing to keep).
pub fn saved_form(ws: &Workspace) -> Option<Form> {
    if ws.docs.is_empty() && ws.pasted.is_empty() && ws.labels == Default::default() {
        return None;
    }
    // A document that did not change since the last save keeps its line
    // (serialising a long article again would cost the page a long pause
    // on every save).
    LINES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let mut fresh = Lines::default();
        let mut blobs = Vec::new();
        let saved = persist::save_with(ws, &mut |d| {
            let line = known_line(&cache, d)
                .unwrap_or_else(|| Line::Text(Rc::new(vec![sorot_json::to_json_line(d)])));
            fresh.insert(Rc::as_ptr(d) as usize, (Rc::downgrade(d), line.clone()));
            match line {
                Line::Text(pieces) => {
                    blobs.push(None);
                    pieces
                }
                Line::Blob(blob, n) => {
                    blobs.push(Some((blob, n)));
                    Rc::new(Vec::new())
                }
            }
        });
        *cache = fresh;
        Some(Form { saved, blobs })
    })
}

/// The saved line of `doc` made for an earlier save, if it did not change
/// since (the same document, alive, so its address is its own).
fn known_line(cache: &Lines, doc: &Rc<AnnotatedDocument>) -> Option<Line> {
    let (w, line) = cache.get(&(Rc::as_ptr(doc) as usize))?;
    (w.strong_count() > 0).then(|| line.clone())
}

/// Document `doc`'s line of Sorot JSON Lines, for the export menu: the line
/// of the last save when the document has not changed since (a string, or
/// the `Blob` a long one is kept in), else made now.
pub fn export_line(doc: &Rc<AnnotatedDocument>) -> JsValue {
    match LINES.with(|c| known_line(&c.borrow(), doc)) {
        Some(Line::Text(pieces)) => pieces.concat().into(),
        Some(Line::Blob(blob, _)) => blob.into(),
        None => sorot_json::to_json_line(doc).into(),
    }
}

/// A document's saved line, as it is kept between saves.
#[derive(Clone)]
enum Line {
    /// In pieces, in the page's memory.
    Text(Rc<Vec<String>>),
    /// A line too long for `localStorage` anyway, kept as a `Blob` (the
    /// browser keeps its bytes outside the page: a 10 MB article's line is
    /// some 30 MB), without its final line break, with its length.
    Blob(web_sys::Blob, usize),
}

/// Annotations [`prepare`] writes in one task (about 15–30 ms: 12,000 took
/// 50–70 ms in a trace of a 1 MB paste), or 64 times as many bytes of
/// text; a document with no more of either has its line made in the save
/// itself.
const STEP: usize = 6_000;

/// Makes the saved lines of the long documents (more than [`STEP`]
/// annotations, or more text than a step writes) among `docs` that changed
/// since the last save, a part at a time, one short task after another
/// (a 10 MB article's line in one go would stop the page for a good part
/// of a second), so that the save that follows finds them made. Stops
/// early when `wanted` says the save it is for is no longer wanted.
pub async fn prepare(docs: Vec<Rc<AnnotatedDocument>>, wanted: impl Fn() -> bool) {
    for doc in docs {
        let short = doc.annotations.len() <= STEP
            && doc.doc.text.len() <= STEP * sorot_json::TEXT_PER_ANNOTATION;
        if short || LINES.with(|c| known_line(&c.borrow(), &doc)).is_some() {
            continue;
        }
        // A line surely longer than `localStorage` holds goes out of the
        // page's memory piece by piece, as it is made.
        let outside = doc.doc.text.len() + doc.annotations.len() * 64 > LOCAL_MAX;
        let key = Rc::as_ptr(&doc) as usize;
        let mut steps = sorot_json::LineInSteps::new(doc);
        let parts = Array::new();
        let mut len = 0usize;
        let line = loop {
            if !wanted() {
                return;
            }
            if let Some(line) = steps.step(STEP) {
                break line;
            }
            if outside {
                for piece in steps.take_pieces() {
                    len += piece.len();
                    parts.push(&blob_of(&[piece.as_str()]));
                }
            }
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
        };
        let line = if outside {
            let rest: Vec<&str> = persist::Saved::line_pieces(&line).collect();
            len += rest.iter().map(|p| p.len()).sum::<usize>();
            parts.push(&blob_of(&rest));
            match web_sys::Blob::new_with_blob_sequence(&parts) {
                Ok(blob) => Line::Blob(blob, len),
                Err(_) => return,
            }
        } else {
            Line::Text(Rc::new(line))
        };
        let doc = steps.doc();
        LINES.with(|c| c.borrow_mut().insert(key, (Rc::downgrade(doc), line)));
    }
}

/// A `Blob` of these texts' UTF-8 bytes, one after the other.
fn blob_of(texts: &[&str]) -> JsValue {
    let parts = Array::new();
    for t in texts {
        // SAFETY: a view of the page's memory, which must not grow while
        // it lives: nothing between here and the `Blob` (which copies the
        // bytes) allocates in it. A copy in a JS array instead would be
        // garbage the moment the `Blob` is made: some 30 MB for each save
        // of a 10 MB article, held until the collector runs.
        let view = unsafe { js_sys::Uint8Array::view(t.as_bytes()) };
        parts.push(&view);
    }
    web_sys::Blob::new_with_u8_array_sequence(&parts).map(JsValue::from).unwrap_or(JsValue::NULL)
}

thread_local! {
    /// The saved line of each document of the last save.
    static LINES: RefCell<Lines> = RefCell::new(Lines::default());
}

/// Saved lines by document address.
type Lines = rustc_hash::FxHashMap<usize, (Weak<AnnotatedDocument>, Line)>;

thread_local! {
    static LAST_SEQ: Cell<u64> = const { Cell::new(0) };
    /// The page's one connection to [`DB`], opened by [`journal_get`]: every
    /// save's transaction is made on it at once, so IndexedDB runs them in
    /// the order of the saves.
    static CONN: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

/// A number for the next save, larger than any before it in this browser
/// (the clock in milliseconds, moved on if the clock went back). Whole
/// numbers only: formatting or parsing a float would add ~25 KB of wasm.
pub fn next_seq() -> u64 {
    let floor = LAST_SEQ.with(Cell::get).max(local_seq());
    let seq = (js_sys::Date::now() as u64).max(floor + 1);
    LAST_SEQ.with(|c| c.set(seq));
    seq
}

/// The number of the save in `localStorage` (0: none, or saved before
/// saves were numbered).
pub fn local_seq() -> u64 {
    storage()
        .and_then(|s| s.get_item(SEQ_KEY).ok().flatten())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
}

/// The longest saved form (bytes of UTF-8, so at most as many UTF-16 code
/// units) [`save`] puts in `localStorage`; a longer one goes to IndexedDB
/// alone. `localStorage` takes a text in one call on the page's thread:
/// the save of a 1 MB article (some 2.5 MB with its annotations and the
/// paste box) held the page 40 ms, converted to UTF-16 and copied.
const LOCAL_MAX: usize = 1_000_000;

/// Saves the saved form (from [`saved_form`]; `None`: nothing to keep) as
/// save number `seq` in `localStorage`; the error says why it could not be
/// (storage full or turned off). Nothing saved before is changed by a
/// failed save.
pub fn save(form: Option<&Form>, seq: u64) -> Result<(), Msg> {
    let s = storage().ok_or_else(|| Msg::new("save.no-storage"))?;
    let Some(form) = form else {
        let _ = s.set_item(SEQ_KEY, &seq.to_string());
        return s.remove_item(KEY).map_err(|_| Msg::new("save.unchangeable"));
    };
    // Past `localStorage`'s quota (Chromium: 10 MiB of UTF-16 per site),
    // trying costs a long pause only to fail; IndexedDB keeps it.
    let size = form.len();
    let stored = if size > LOCAL_MAX || !form.in_memory() {
        Err(JsValue::NULL)
    } else {
        s.set_item(KEY, &form.saved.concat()).and_then(|()| s.set_item(SEQ_KEY, &seq.to_string()))
    };
    stored.map_err(|_| {
        // One decimal, rounded to nearest (ties to even) with integers:
        // float formatting costs several KB of wasm.
        let (tenths, rest) = (size / 100_000, size % 100_000);
        let tenths = tenths + usize::from(rest > 50_000 || (rest == 50_000 && tenths % 2 == 1));
        Msg::new("save.full").text("size", format!("{}.{}", tenths / 10, tenths % 10))
    })
}

/// Removes everything Sorot saved in this browser.
pub fn clear() {
    if let Some(s) = storage() {
        for key in [KEY, SEQ_KEY, DAMAGED_KEY, THEME_KEY, UI_LANG_KEY, PLACE_KEY] {
            let _ = s.remove_item(key);
        }
    }
    if let Some(db) = CONN.with(|c| c.borrow().clone()) {
        if let Ok(tx) = transaction(&db, "readwrite") {
            if let Ok(store) = tx.object_store(STORE) {
                let _ = store.clear();
            }
        }
    }
}

/// Resolves with the request's result, or fails with its error.
async fn request(r: &IdbRequest) -> Result<JsValue, JsValue> {
    let r = r.clone();
    let p = Promise::new(&mut |resolve: Function, reject: Function| {
        let (ok_r, bad_r) = (r.clone(), r.clone());
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok_r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = Closure::once_into_js(move || {
            let e = bad_r.error().ok().flatten().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(bad.unchecked_ref()));
    });
    JsFuture::from(p).await
}

/// Resolves when the transaction has completed (with `durability:
/// "strict"`, when it is on disk); fails when it aborted (a full quota).
async fn done(tx: &IdbTransaction) -> Result<(), JsValue> {
    let tx = tx.clone();
    let p = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let reject2 = reject.clone();
        let bad = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        let aborted = Closure::once_into_js(move || {
            let _ = reject2.call0(&JsValue::NULL);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(bad.unchecked_ref()));
        tx.set_onabort(Some(aborted.unchecked_ref()));
    });
    JsFuture::from(p).await.map(drop)
}

async fn open_db() -> Result<IdbDatabase, JsValue> {
    let factory = gloo::utils::window().indexed_db()?.ok_or(JsValue::NULL)?;
    let open: IdbOpenDbRequest = factory.open_with_u32(DB, 1)?;
    let up = open.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = up.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    request(&open).await?.dyn_into::<IdbDatabase>()
}

/// A transaction on [`STORE`], asking for strict durability
/// (`db.transaction(store, mode, { durability })`, which web-sys does not
/// expose yet).
fn transaction(db: &IdbDatabase, mode: &str) -> Result<IdbTransaction, JsValue> {
    let opts = Object::new();
    Reflect::set(&opts, &"durability".into(), &"strict".into())?;
    let f: Function = Reflect::get(db, &"transaction".into())?.dyn_into()?;
    f.call3(db, &STORE.into(), &mode.into(), &opts)?.dyn_into()
}

fn store(tx: &IdbTransaction) -> Result<IdbObjectStore, JsValue> {
    tx.object_store(STORE)
}

/// Writes save number `seq` (the saved form, `None` for nothing to keep)
/// to IndexedDB; done when it is on disk. Fails when IndexedDB is missing,
/// turned off or full; nothing written before is changed then.
pub async fn journal_put(seq: u64, form: Option<Form>) -> Result<(), JsValue> {
    let db = CONN.with(|c| c.borrow().clone()).ok_or(JsValue::NULL)?;
    let tx = transaction(&db, "readwrite")?;
    // A `Blob` of the UTF-8 bytes, made of the pieces and of the lines kept
    // as blobs (the page never holds the whole text at once, nor copies a
    // long line again): a JS string would be a conversion to UTF-16 (a
    // third of a second for a 10 MB article's save), one array of bytes a
    // copy of it all that IndexedDB would copy again.
    let parts = Array::new();
    if let Some(form) = &form {
        let saved = &form.saved;
        parts.push(&blob_of(&[saved.header.as_str()]));
        for (line, blob) in saved.lines.iter().zip(&form.blobs) {
            match blob {
                Some((blob, _)) => {
                    parts.push(&blob_of(&["\n"]));
                    parts.push(blob);
                }
                None => {
                    let pieces: Vec<&str> =
                        std::iter::once("\n").chain(persist::Saved::line_pieces(line)).collect();
                    parts.push(&blob_of(&pieces));
                }
            }
        }
    }
    drop(form);
    let blob = web_sys::Blob::new_with_blob_sequence(&parts)?;
    let value = Array::of2(&JsValue::from_f64(seq as f64), &blob);
    store(&tx)?.put_with_key(&value, &RECORD.into())?;
    done(&tx).await
}

/// The save in IndexedDB: its number and saved form (`None`: there is none,
/// or IndexedDB cannot be used).
pub async fn journal_get() -> Option<(u64, String)> {
    let db = open_db().await.ok()?;
    CONN.with(|c| *c.borrow_mut() = Some(db.clone()));
    let tx = transaction(&db, "readonly").ok()?;
    let value = request(&store(&tx).ok()?.get(&RECORD.into()).ok()?).await.ok()?;
    let value: Array = value.dyn_into().ok()?;
    // A `Blob` of UTF-8 bytes; the bytes themselves, or a text, from
    // earlier versions.
    let mut saved = value.get(1);
    if let Some(blob) = saved.dyn_ref::<web_sys::Blob>() {
        saved = JsFuture::from(blob.array_buffer()).await.ok()?;
    }
    if saved.is_instance_of::<js_sys::ArrayBuffer>() {
        saved = js_sys::Uint8Array::new(&saved).into();
    }
    let text = match saved.dyn_into::<js_sys::Uint8Array>() {
        Ok(b) => {
            let bytes = b.to_vec();
            crate::worker::release(&b.buffer());
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        Err(v) => v.as_string()?,
    };
    Some((value.get(0).as_f64()? as u64, text))
}

/// Reads a save found in IndexedDB: the workspace, or (when it cannot be
/// read) a notice to show beside the work the page has, the text kept
/// aside as it was, in
/// IndexedDB under [`DAMAGED_RECORD`] (before any later save replaces the
/// record it came from) and under [`DAMAGED_KEY`] if it fits there.
pub async fn read_journal(text: String) -> Result<Workspace, Notice> {
    if text.is_empty() {
        return Ok(Workspace::default());
    }
    match persist::load(&text) {
        Ok(ws) => Ok(ws),
        Err(e) => {
            if let Some(s) = storage() {
                let _ = s.set_item(DAMAGED_KEY, &text);
            }
            if let Some(db) = CONN.with(|c| c.borrow().clone()) {
                if let Ok(tx) = transaction(&db, "readwrite") {
                    if let Ok(store) = store(&tx) {
                        let _ =
                            store.put_with_key(&JsValue::from_str(&text), &DAMAGED_RECORD.into());
                    }
                    let _ = done(&tx).await;
                }
            }
            let msg = Msg::new("notice.restore-failed")
                .text("reason", e.to_string())
                .text("key", DAMAGED_KEY);
            Err(Notice::keyed(NoticeKind::Error, msg).with_action(NoticeAction::DownloadSetAside))
        }
    }
}

/// The saved work set aside because it could not be read, as it was saved
/// (from `localStorage`, else IndexedDB).
pub async fn set_aside() -> Option<String> {
    if let Some(text) = storage().and_then(|s| s.get_item(DAMAGED_KEY).ok().flatten()) {
        return Some(text);
    }
    let db = match CONN.with(|c| c.borrow().clone()) {
        Some(db) => db,
        None => open_db().await.ok()?,
    };
    let tx = transaction(&db, "readonly").ok()?;
    request(&store(&tx).ok()?.get(&DAMAGED_RECORD.into()).ok()?).await.ok()?.as_string()
}

/// The chosen theme: `"light"`, `"dark"`, or `"system"`.
pub fn theme() -> String {
    storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .filter(|t| t == "light" || t == "dark")
        .unwrap_or_else(|| "system".into())
}

/// Chooses a theme (`"system"` follows the system setting) and applies it.
pub fn set_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = match theme {
            "light" | "dark" => s.set_item(THEME_KEY, theme),
            _ => s.remove_item(THEME_KEY),
        };
    }
    apply_theme(theme);
}

/// Sets `data-theme` on the root element (the stylesheet reads it).
pub fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// The interface language: the one chosen in the header, else the
/// browser's (`navigator.language`; English if Sorot has no catalogue for
/// it).
pub fn ui_lang() -> String {
    let chosen = storage().and_then(|s| s.get_item(UI_LANG_KEY).ok().flatten());
    match chosen.filter(|c| i18n::catalogues().iter().any(|k| k.code == c)) {
        Some(code) => code,
        None => {
            let tag = gloo::utils::window().navigator().language().unwrap_or_default();
            i18n::for_locale(&tag).to_string()
        }
    }
}

/// Chooses the interface language (kept for later visits) and applies it.
pub fn set_ui_lang(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(UI_LANG_KEY, code);
    }
    apply_ui_lang(code);
}

/// Sets `lang` on the root element and the page's title in that language.
pub fn apply_ui_lang(code: &str) {
    let cat = i18n::catalogue(code);
    let doc = gloo::utils::document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", cat.code);
    }
    doc.set_title(cat.get("app.page-title"));
}

/// Keeps the reader's place for the next visit: the page's vertical scroll
/// position, and, when the document view fills the top of the window, the
/// character at the top of the window (as UTF-16 units from the start of
/// the view's text) and how far below the window's top its line was. The
/// character is what counts on return: the view draws a long text's chunks
/// only near the screen, so the height above the place is an estimate until
/// the reader goes there, and a position in pixels would land elsewhere.
pub fn save_place() {
    let window = gloo::utils::window();
    let y = window.scroll_y().unwrap_or(0.0).max(0.0) as u64;
    let mut place = y.to_string();
    if let Some((offset, top)) = char_at_top() {
        place = format!("{y} {offset} {top}");
    }
    if let Some(s) = storage() {
        let _ = s.set_item(PLACE_KEY, &place);
    }
}

fn view() -> Option<web_sys::Element> {
    gloo::utils::document().query_selector("[data-testid=document-view]").ok()?
}

/// The character of the document view at the top of the window and its
/// line's distance below the window's top (whole pixels), if the view
/// covers the top of the window.
fn char_at_top() -> Option<(u32, i32)> {
    let doc = gloo::utils::document();
    let view = view()?;
    let rect = view.get_bounding_client_rect();
    if rect.top() > 0.0 || rect.bottom() < 8.0 {
        return None;
    }
    let style = gloo::utils::window().get_computed_style(&view).ok()??;
    let pad = style.get_property_value("padding-left").ok()?;
    let pad: i32 = pad.trim_end_matches("px").split('.').next()?.parse().ok()?;
    let x = rect.left() as i32 + pad + 2;
    let caret = doc.caret_position_from_point(x as f32, 4.0)?;
    let node = caret.offset_node()?;
    if !view.contains(Some(&node)) {
        return None;
    }
    let offset = crate::ui::components::document_view::utf16_at(&view, &node, caret.offset())?;
    let range = doc.create_range().ok()?;
    range.set_start(&node, caret.offset()).ok()?;
    range.collapse_with_to_start(true);
    Some((offset as u32, range.get_bounding_client_rect().top().round() as i32))
}

/// Scrolls back to the place kept by [`save_place`], if any: to the same
/// character at the same height when it was kept and the view still holds
/// it, else to the same scroll position.
pub fn restore_place() {
    restore_place_in(40);
}

/// [`restore_place`], once the document view has its chunks (a very long
/// document's are laid out a moment after it is shown): tried again
/// every 50 ms, `tries` times more.
fn restore_place_in(tries: u32) {
    let laying_out = view().is_some_and(|v| {
        v.has_attribute("data-sparse")
            && (v.first_element_child().is_none() || v.has_attribute("data-placing"))
    });
    if laying_out && tries > 0 {
        gloo::timers::callback::Timeout::new(50, move || restore_place_in(tries - 1)).forget();
        return;
    }
    let Some(place) = storage().and_then(|s| s.get_item(PLACE_KEY).ok().flatten()) else { return };
    let mut parts = place.split(' ');
    let Some(y) = parts.next().and_then(|v| v.parse::<u64>().ok()) else { return };
    let window = gloo::utils::window();
    let char_place = parts
        .next()
        .and_then(|o| o.parse::<u32>().ok())
        .zip(parts.next().and_then(|t| t.parse::<i32>().ok()));
    if let Some((offset, top)) = char_place {
        // Bring the chunk holding the character on screen first: a chunk
        // off screen is not drawn and has an estimated height, so the
        // character's position inside it is not where it will be.
        let chunk = view()
            .and_then(|v| crate::ui::components::document_view::chunk_at16(&v, offset as usize));
        if let Some(chunk) = chunk {
            chunk.scroll_into_view();
            settle_place(offset, top, 0);
            return;
        }
    }
    window.scroll_to_with_x_and_y(0.0, y as f64);
}

/// Corrects the scroll position a few times in the first half second: the
/// chunks that come on screen are drawn and take their real heights, which
/// can move the character the reader was at.
fn settle_place(offset: u32, top: i32, round: u32) {
    const DELAYS: [u32; 6] = [20, 30, 60, 100, 150, 250];
    let Some(&delay) = DELAYS.get(round as usize) else { return };
    gloo::timers::callback::Timeout::new(delay, move || {
        let window = gloo::utils::window();
        if let Some(now) = char_top(offset) {
            let off = now - f64::from(top);
            if off.abs() >= 1.0 {
                window.scroll_by_with_x_and_y(0.0, off.round());
            }
        }
        settle_place(offset, top, round + 1);
    })
    .forget();
}

/// The text node of the document view holding the character `offset`
/// UTF-16 units into the view's text, and the offset inside it.
fn char_node(offset: u32) -> Option<(web_sys::Node, u32)> {
    let nodes = crate::ui::components::document_view::text_nodes(&view()?);
    crate::ui::components::document_view::node_at(&nodes, offset as usize)
        .map(|(n, at)| (n.clone(), at))
}

/// The window-relative top of the line holding the character `offset`
/// UTF-16 units into the document view's text.
fn char_top(offset: u32) -> Option<f64> {
    let (node, at) = char_node(offset)?;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&node, at).ok()?;
    range.collapse_with_to_start(true);
    Some(range.get_bounding_client_rect().top())
}
