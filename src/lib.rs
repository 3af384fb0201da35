//! Sorot: an article annotator that runs entirely in the browser.
//!
//! The crate has two halves:
//!
//! * [`core`] — plain Rust with no browser types: the text offsets, the
//!   annotation model, the recognizer, the editing state and the export
//!   formats. It builds and tests natively (`cargo test`).
//! * `ui` (only on `wasm32`) — the Yew front end, a thin layer that renders
//!   the core's state and dispatches its actions.
//!
//! Natively the binary is the `sorot` command line (see `src/cli.rs`); in
//! the browser it mounts the app.
#![deny(missing_docs)]

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod worker;
