//! The browser-free core: text offsets, the annotation model, the recognizer,
//! the application state and the export formats.
//!
//! Invariant: nothing under `core` may import `yew`, `web-sys`, `gloo`,
//! `wasm-bindgen` or `js-sys`. The crate only pulls those in on `wasm32`, so
//! a native `cargo test` fails to build if the rule is broken.

pub mod edit;
pub mod entities;
pub mod eval;
pub mod export;
pub mod i18n;
pub mod import;
pub mod labels;
pub mod layout;
pub mod model;
pub mod persist;
pub mod recognize;
pub mod short;
pub(crate) mod sort;
pub mod state;
pub mod text;
pub mod wire;
