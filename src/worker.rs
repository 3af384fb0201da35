//! The analysis worker's side (wasm only): what `src/bin/analyser.rs`
//! runs in a Web Worker. It listens for the page's messages (see
//! [`crate::ui::analysis`] for the page's side), runs the recognizer and
//! every importer, and answers.
//!
//! Messages (plain objects):
//! - page → worker: `{kind: "job", id, text, lang}` (`text` its UTF-8
//!   bytes, a `Uint8Array`, or a string; `lang` null: detect),
//!   `{kind: "files", names, bytes}` (a batch of files to open: every
//!   importer runs here, and each plain text is analysed), `{kind:
//!   "model", lang, bytes}` (a learned tagger's file) and `{kind: "export",
//!   id, format, scope, docs, labels}` (one click of the export menu,
//!   [`crate::core::export::menu::Request`]: `docs` each document's line
//!   of Sorot JSON Lines, a string or a `Blob`; `labels` the label set as
//!   JSON);
//! - worker → page: `{kind: "ready"}` once it listens; `{kind: "done", id,
//!   lang, nums, strings}` (the spans, [`crate::core::wire`]; `nums` a
//!   `Uint32Array` whose buffer moves without a copy); `{kind: "opened",
//!   files}` (one [`crate::core::wire::OpenedFile`] per document or
//!   failure, as plain fields, `text` as UTF-8 bytes); `{kind: "model", lang, error}` (`error`
//!   null when the tagger is installed); `{kind: "exported", id, files,
//!   error}` (`files` as `{name, mime, bytes}`, the bytes moved; `error`
//!   null, or why there are none).
//!
//! [`handle`] is also what the component tests (`tests/browser.rs`) serve
//! in the page itself ([`crate::ui::analysis::serve_in_page`]), where no
//! worker build is at hand. The page's own wasm never calls it, so none of
//! this is in the page's download.

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core::export::menu::Request;
use crate::core::recognize::{analyze, detect_lang, install_model, Tagger};
use crate::core::wire;
use crate::ui::download::js_error;

/// Starts listening, when running as a worker.
pub fn start() {
    let Some(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        if let Some((reply, moved)) = handle(&e.data()) {
            post(&reply, &moved);
            // A tagger just installed is warmed up too (after the answer,
            // which says whether it was).
            let get = |k: &str| Reflect::get(&reply, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if get("kind").as_string().as_deref() == Some("model") && get("error").is_null() {
                if let Some(lang) = get("lang").as_string() {
                    warm_up(&[lang.as_str()]);
                }
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    warm_up(&["id", "en"]);
    post(&message(&[("kind", "ready".into())]), &Array::new());
}

/// Short articles (written for this; invented people and events) the
/// worker analyses when it starts and after a tagger is installed. The
/// browser runs new WebAssembly code from a quick first compilation and
/// compiles the functions that run most again, optimised, as they run:
/// a worker's first analysis ran some 2–6 times slower than later ones
/// (32 KB: 58 ms, then 8–9; 1 MB: 592 ms, then 137–292), and the first
/// article a person pastes is the one that came slowest.
const WARM_UP: [(&str, &str); 2] = [
    (
        "id",
        "Jakarta (1/12) – Menteri Luar Negeri Arini Pratiwi tiba di Tokyo pada Senin (1/12) \
         untuk bertemu Perdana Menteri Jepang Kenji Morita. “Kami ingin kerja sama yang lebih \
         erat di bidang energi,” kata Arini kepada wartawan. Ia menegaskan bahwa kedua negara \
         “tidak dapat dipisahkan lagi” dalam urusan keamanan kawasan. Menurut Kementerian Luar \
         Negeri, pertemuan itu membahas rencana latihan bersama pada Januari 2026. \
         “Kami menyambut baik kunjungan ini,” ujar juru bicara pemerintah Jepang, Haruto Sato, \
         di Tokyo, Selasa (2/12). Presiden Budi Santoso dijadwalkan menghadiri KTT ASEAN di \
         Kuala Lumpur pada 12 Desember 2025.\n\n",
    ),
    (
        "en",
        "LONDON, Dec. 1 — Foreign Secretary Helen Marsh met the Prime Minister of Japan, Kenji \
         Morita, in London on Monday. \"We want closer ties in energy and defence,\" Marsh told \
         reporters after the meeting. Morita said the two countries were \"partners for the \
         long run\" and that talks would resume in January 2026. According to the Foreign \
         Office, the ministers also discussed the United Nations climate summit. \"This is a \
         good start,\" said David Okafor, a spokesman for the embassy. The European Union and \
         NATO welcomed the talks in a statement on December 2, 2025.\n\n",
    ),
];

/// Analyses the warm-up articles of `langs` a few times (see [`WARM_UP`]).
fn warm_up(langs: &[&str]) {
    for (lang, text) in WARM_UP.iter().filter(|(l, _)| langs.contains(l)) {
        let text = text.repeat(WARM_UP_COPIES);
        for _ in 0..WARM_UP_RUNS {
            drop(analyze(&text, lang));
        }
    }
}

const WARM_UP_COPIES: usize = 4;
const WARM_UP_RUNS: usize = 3;

/// Answers one message of the page: the reply, and the buffers it moves
/// (`None` for a message it does not know).
pub fn handle(data: &JsValue) -> Option<(Object, Array)> {
    let get = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    match get("kind").as_string().as_deref() {
        Some("job") => {
            let text = utf8(get("text"));
            let lang = get("lang").as_string();
            let lang = lang.as_deref().unwrap_or_else(|| detect_lang(&text));
            let (nums, strings) = wire::encode(&analyze(&text, lang));
            drop(text);
            let nums = Uint32Array::from(&nums[..]);
            let reply = message(&[
                ("kind", "done".into()),
                ("id", get("id")),
                ("lang", lang.into()),
                ("nums", nums.clone().into()),
                ("strings", strings.into()),
            ]);
            Some((reply, Array::of1(&nums.buffer())))
        }
        Some("files") => {
            let names = Array::from(&get("names"));
            let bytes: Vec<(String, Vec<u8>)> = Array::from(&get("bytes"))
                .iter()
                .zip(names.iter())
                .map(|(b, n)| {
                    let b = b.dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
                    (n.as_string().unwrap_or_default(), b)
                })
                .collect();
            let batch: Vec<(&str, &[u8])> =
                bytes.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
            let opened = wire::open_files(&batch);
            drop(bytes);
            let (files, moved) = (Array::new(), Array::new());
            for f in opened {
                let nums = Uint32Array::from(&f.nums[..]);
                moved.push(&nums.buffer());
                // The text as UTF-8 bytes, moved (as the page's jobs come).
                let text = Uint8Array::from(f.text.as_bytes());
                moved.push(&text.buffer());
                files.push(&message(&[
                    ("name", f.name.into()),
                    ("lang", f.lang.into()),
                    ("text", text.into()),
                    ("nums", nums.into()),
                    ("strings", f.strings.into()),
                    ("json", f.json.into()),
                    ("notes", f.notes.into()),
                    ("error", f.error.into()),
                ]));
            }
            let reply = message(&[("kind", "opened".into()), ("files", files.into())]);
            Some((reply, moved))
        }
        Some("export") => {
            let text = |k: &str| get(k).as_string().unwrap_or_default();
            let files = lines(&get("docs"))
                .and_then(|docs| {
                    Request::from_parts(&text("format"), &text("scope"), docs, text("labels"))
                })
                .and_then(|r| r.answer());
            let (list, moved) = (Array::new(), Array::new());
            let error = match files {
                Ok(files) => {
                    for f in files {
                        let bytes = Uint8Array::from(f.bytes.as_slice());
                        moved.push(&bytes.buffer());
                        list.push(&message(&[
                            ("name", f.name.into()),
                            ("mime", f.mime.into()),
                            ("bytes", bytes.into()),
                        ]));
                    }
                    JsValue::NULL
                }
                Err(e) => e.into(),
            };
            let reply = message(&[
                ("kind", "exported".into()),
                ("id", get("id")),
                ("files", list.into()),
                ("error", error),
            ]);
            Some((reply, moved))
        }
        Some("model") => {
            let lang = get("lang").as_string().unwrap_or_default();
            let bytes = get("bytes").dyn_into::<Uint8Array>().map(|b| b.to_vec());
            let error = match bytes {
                Err(_) => Some("no model bytes".to_string()),
                Ok(bytes) => install(&lang, &bytes).err(),
            };
            let error = error.map_or(JsValue::NULL, JsValue::from);
            let reply =
                message(&[("kind", "model".into()), ("lang", lang.into()), ("error", error)]);
            Some((reply, Array::new()))
        }
        _ => None,
    }
}

/// The documents' lines of an export request: each a string, or a `Blob`
/// (a long document's saved line, read here).
fn lines(docs: &JsValue) -> Result<Vec<String>, String> {
    let reader = std::cell::OnceCell::new();
    Array::from(docs)
        .iter()
        .map(|d| match d.dyn_into::<web_sys::Blob>() {
            Ok(blob) => {
                let reader = reader.get_or_init(web_sys::FileReaderSync::new);
                let reader = reader.as_ref().map_err(|e| js_error(e.clone()))?;
                reader.read_as_text(&blob).map_err(js_error)
            }
            Err(d) => d.as_string().ok_or_else(|| "a document did not arrive".to_string()),
        })
        .collect()
}

/// A text that crossed between the page and the worker: its UTF-8 bytes
/// (moved without a copy, and without a conversion to UTF-16 and back),
/// or a string; empty for anything else or bytes that are not UTF-8. The
/// bytes are copied once, straight into the shared text (a 10 MB article
/// read into a `String` first, then into the shared text, left a 10 MB
/// hole in the page's memory), and their buffer is freed at once.
pub(crate) fn utf8(v: JsValue) -> std::rc::Rc<str> {
    let b = match v.dyn_into::<Uint8Array>() {
        Ok(b) => b,
        Err(t) => return t.as_string().unwrap_or_default().into(),
    };
    let len = b.length() as usize;
    // SAFETY: zeroed bytes are initialised `u8`s.
    let mut bytes = unsafe { std::rc::Rc::<[u8]>::new_zeroed_slice(len).assume_init() };
    if let Some(dst) = std::rc::Rc::get_mut(&mut bytes) {
        b.copy_to(dst);
    }
    release(&b.buffer());
    if std::str::from_utf8(&bytes).is_err() {
        return std::rc::Rc::from("");
    }
    // SAFETY: the bytes were just checked to be UTF-8, and `str` has the
    // layout of `[u8]`.
    unsafe { std::rc::Rc::from_raw(std::rc::Rc::into_raw(bytes) as *const str) }
}

/// Frees a buffer whose bytes were just copied into this side's own
/// memory, at once rather than whenever the garbage collector next runs:
/// the text of a 10 MB article crosses between the page and the worker
/// as such buffers, and a page that has opened one would otherwise hold
/// some 40 MB of them for a while. (A browser without
/// `ArrayBuffer.prototype.transfer` leaves it to the collector.)
pub(crate) fn release(buffer: &js_sys::ArrayBuffer) {
    let _ = buffer.transfer_with_length(0);
}

/// Reads, checks and installs a tagger for `lang`.
pub fn install(lang: &str, bytes: &[u8]) -> Result<(), String> {
    let tagger = Tagger::from_bytes(bytes).map_err(|e| format!("unreadable model file: {e}"))?;
    if tagger.lang != lang {
        return Err(format!("the file holds a model for “{}”", tagger.lang));
    }
    install_model(tagger);
    Ok(())
}

/// A plain object with these fields (the messages of both sides).
pub(crate) fn message(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn post(msg: &Object, moved: &Array) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message_with_transfer(msg, moved);
}
