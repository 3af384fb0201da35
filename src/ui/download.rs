//! Saving a text as a file download, entirely in the browser.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Why a download could not be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the download could not be started ({})", self.0)
    }
}

/// A started download. Its object URL is revoked when this is dropped, so
/// keep it until the next download replaces it.
#[derive(Debug)]
pub struct Download {
    url: String,
}

impl Drop for Download {
    fn drop(&mut self) {
        let _ = Url::revoke_object_url(&self.url);
    }
}

fn err(e: wasm_bindgen::JsValue) -> DownloadError {
    DownloadError(js_error(e))
}

/// What a browser error says: its text, or its `message` (an `Error`, a
/// `DOMException`). Not `{:?}`, which brings wasm-bindgen's debug printer
/// of any JS value into the page.
pub fn js_error(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into())
}

/// Offers `contents` to the user as a file named `file_name`.
pub fn save(file_name: &str, mime: &str, contents: &str) -> Result<Download, DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(err)?;
    let download = Download { url };
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| DownloadError("no anchor element".into()))?;
    a.set_href(&download.url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = document.body().ok_or_else(|| DownloadError("the page has no body".into()))?;
    body.append_child(&a).map_err(err)?;
    a.click();
    a.remove();
    Ok(download)
}
