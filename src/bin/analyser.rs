//! The analysis worker: the recognizer (rules, word lists, gazetteer and
//! learned taggers) in its own wasm, run by the page in a Web Worker
//! (`src/ui/analysis.rs`), so analysing a long text never blocks the page
//! and the page's own download stays small. Trunk builds it beside the app
//! (`index.html`, `data-type="worker"`).
//!
//! Messages (plain objects):
//! - page → worker: `{kind: "job", id, text, lang}` (`lang` null: detect)
//!   and `{kind: "model", lang, bytes}` (a learned tagger's file);
//! - worker → page: `{kind: "ready"}` once it listens; `{kind: "done", id,
//!   lang, nums, strings}` (the spans, [`sorot::core::wire`]; `nums` a
//!   `Uint32Array` whose buffer moves without a copy); `{kind: "model",
//!   lang, error}` (`error` null when the tagger is installed).
//!
//! It also exports `bench_analyze` and `bench_install_model` for the
//! benchmark page (`bench/page.js`), which loads this module on the page
//! itself to time the analysis alone; there it does not listen.
//!
//! Natively this binary only says what it is: the command line is `sorot`.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
    use sorot::core::recognize::{analyze, annotate, detect_lang, install_model, Tagger};
    use sorot::core::wire;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Starts listening, when running as a worker.
    pub fn start() {
        let Some(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok() else {
            return;
        };
        let on_message =
            Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| handle(&e.data()));
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&message(&[("kind", "ready".into())]), None);
    }

    fn handle(data: &JsValue) {
        let get = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
        match get("kind").as_string().as_deref() {
            Some("job") => {
                let text = get("text").as_string().unwrap_or_default();
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
                post(&reply, Some(&nums.buffer()));
            }
            Some("model") => {
                let lang = get("lang").as_string().unwrap_or_default();
                let bytes = get("bytes").dyn_into::<Uint8Array>().map(|b| b.to_vec());
                let error = match bytes {
                    Err(_) => Some("no model bytes".to_string()),
                    Ok(bytes) => install(&lang, &bytes).err(),
                };
                let error = error.map_or(JsValue::NULL, JsValue::from);
                post(
                    &message(&[("kind", "model".into()), ("lang", lang.into()), ("error", error)]),
                    None,
                );
            }
            _ => {}
        }
    }

    /// Reads, checks and installs a tagger for `lang`.
    fn install(lang: &str, bytes: &[u8]) -> Result<(), String> {
        let tagger =
            Tagger::from_bytes(bytes).map_err(|e| format!("unreadable model file: {e}"))?;
        if tagger.lang != lang {
            return Err(format!("the file holds a model for “{}”", tagger.lang));
        }
        install_model(tagger);
        Ok(())
    }

    fn message(fields: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in fields {
            let _ = Reflect::set(&o, &(*k).into(), v);
        }
        o
    }

    fn post(msg: &Object, transfer: Option<&JsValue>) {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = match transfer {
            Some(t) => scope.post_message_with_transfer(msg, &Array::of1(t)),
            None => scope.post_message(msg),
        };
    }

    /// The benchmark page: annotates `text` as a pasted article is (the
    /// language detected, the learned tagger once installed, code-point
    /// annotations) and returns how many annotations it got.
    #[wasm_bindgen]
    pub fn bench_analyze(text: &str) -> u32 {
        annotate("bench", text).annotations.len() as u32
    }

    /// The benchmark page: installs a tagger's file for `lang`; the error
    /// if it cannot.
    #[wasm_bindgen]
    pub fn bench_install_model(lang: &str, bytes: &[u8]) -> Option<String> {
        install(lang, bytes).err()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("analyser: Sorot's analysis worker runs in the browser; the command line is `sorot`");
    std::process::exit(2);
}
