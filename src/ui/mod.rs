//! The Yew front end: a thin layer that renders the core's
//! [`Workspace`](crate::core::state::Workspace) and dispatches its actions.
//!
//! Only this module imports browser crates (yew, web-sys, gloo,
//! wasm-bindgen, js-sys). Side effects live here: reading dropped files
//! ([`files`]) and saving downloads ([`download`]).

pub mod app;
pub mod components;
pub mod download;
pub mod files;

/// Mounts the app on the page's `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
