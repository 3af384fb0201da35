//! Loading the learned taggers (`models/<lang>.tagger`) after the page is
//! interactive. They are not in the wasm (the first visit stays small):
//! the served app fetches `models/<lang>.tagger` from its own origin (a
//! relative URL, allowed by `connect-src 'self'` and precached by the
//! service worker); the single-file `sorot.html` carries them inline as
//! base64 in `<script type="application/octet-stream"
//! id="sorot-model-<lang>">` (a data block, never run), because a page
//! opened from `file://` cannot fetch files. The core decides which
//! languages are needed ([`Workspace::models_to_load`]); this module only
//! fetches and hands them to the analysis worker
//! ([`analysis::install_model`]), which installs them and reports.
//!
//! [`Workspace::models_to_load`]: crate::core::state::Workspace::models_to_load

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::state::Action;
use crate::ui::analysis;

/// The id of the element holding `lang`'s model inline (single-file build).
pub fn inline_id(lang: &str) -> String {
    format!("sorot-model-{lang}")
}

/// The URL the served app fetches `lang`'s model from, relative to the page.
pub fn url(lang: &str) -> String {
    format!("models/{lang}.tagger")
}

/// Loads `lang`'s model and gives it to the analysis worker, which checks
/// and installs it and answers with [`Action::ModelReady`] (the documents
/// of that language are then analysed again) or [`Action::ModelFailed`].
/// A model that cannot be loaded is reported here. Never panics: every
/// failure is a value.
pub async fn load(lang: &str) -> Option<Action> {
    let generation = analysis::generation();
    let bytes = match inline(lang) {
        Some(bytes) => bytes,
        None => fetch(&url(lang)).await,
    };
    match bytes {
        Ok(bytes) => {
            analysis::install_model(lang, &bytes, generation);
            None
        }
        Err(reason) => Some(Action::ModelFailed { lang: lang.to_string(), reason }),
    }
}

/// The model inlined in the page, if the page has one for `lang`.
fn inline(lang: &str) -> Option<Result<Vec<u8>, String>> {
    let el = gloo::utils::document().get_element_by_id(&inline_id(lang))?;
    let text = el.text_content().unwrap_or_default();
    let text: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    Some(
        gloo::utils::window()
            .atob(&text)
            .ok()
            // atob gives one char per byte, all below U+0100.
            .map(|binary| binary.chars().map(|c| c as u32 as u8).collect())
            .ok_or_else(|| "damaged inline model (not base64)".to_string()),
    )
}

/// GETs `url` (relative to the page) and returns the body.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| "network error".to_string())?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| "unexpected fetch result".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.array_buffer().map_err(|_| "unreadable response".to_string())?;
    let body = JsFuture::from(body).await.map_err(|_| "download interrupted".to_string())?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Resolves after the browser has painted the current state (the next
/// animation frame, then a task after it), so the rules' highlights show
/// before the model is read and the documents are analysed again. A hidden
/// tab gets no animation frames: there a 100 ms timer stands in.
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        let framed = window.request_animation_frame(&resolve).is_ok();
        let timed =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100).is_ok();
        if !framed && !timed {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(frame).await;
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}
