//! One export for `scripts/bench.mjs`: the whole analysis of a text, as the
//! app runs it (language detection, rules, the learned tagger once loaded,
//! code-point annotations), callable from the page as
//! `window.wasmBindings.bench_analyze(text)`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Annotates `text` like a pasted article and returns how many
/// annotations it got.
#[wasm_bindgen]
pub fn bench_analyze(text: &str) -> u32 {
    crate::core::recognize::annotate("bench", text).annotations.len() as u32
}
