//! The Yew front end: a thin layer that renders the core's
//! [`Workspace`](crate::core::state::Workspace) and dispatches its actions.
//!
//! Only this module imports browser crates (yew, web-sys, gloo,
//! wasm-bindgen, js-sys). Side effects live here: reading dropped files
//! ([`files`]), saving downloads ([`download`]) and loading the learned
//! taggers ([`models`]).

pub mod analysis;
pub mod app;
pub mod components;
pub mod crash;
pub mod download;
pub mod files;
pub mod i18n;
pub mod models;
pub mod storage;

/// Mounts the app on the page's `<body>`, then (in release builds) registers
/// the service worker that keeps the page working offline.
pub fn start() {
    storage::apply_theme(&storage::theme());
    storage::apply_ui_lang(&storage::ui_lang());
    yew::Renderer::<app::App>::new().render();
    crash::install();
    #[cfg(not(debug_assertions))]
    register_service_worker();
}

/// Registers `/sw.js` (written by `scripts/sw.mjs` at build time). Debug
/// builds skip it, so `trunk serve` always shows the latest build. Failure
/// only costs offline use, so it is logged, not shown.
#[cfg(not(debug_assertions))]
fn register_service_worker() {
    let window = gloo::utils::window();
    // Only pages served over http(s) can have one (not `file://`, where the
    // single-file sorot.html runs).
    let served = window.location().protocol().is_ok_and(|p| p == "http:" || p == "https:");
    let navigator = window.navigator();
    // Absent outside secure contexts (plain http from another host).
    let available = served
        && js_sys::Reflect::get(&navigator, &"serviceWorker".into())
            .map(|v| !v.is_undefined() && !v.is_null())
            .unwrap_or(false);
    if !available {
        return;
    }
    let promise = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            gloo::console::warn!("Sorot: the offline cache could not be set up:", e);
        }
    });
}
