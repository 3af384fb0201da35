//! The analysis worker: the recognizer (rules, word lists, gazetteer and
//! learned taggers) in its own wasm, run by the page in a Web Worker
//! (`src/ui/analysis.rs`), so analysing a long text never blocks the page
//! and the page's own download stays small. Trunk builds it beside the app
//! (`index.html`, `data-type="worker"`).
//!
//! The messages and what it does with them: `src/worker.rs`.
//!
//! It also exports `bench_analyze` and `bench_install_model` for the
//! benchmark page (`bench/page.js`), which loads this module on the page
//! itself to time the analysis alone; there it does not listen.
//!
//! Natively this binary only says what it is: the command line is `sorot`.

#[cfg(target_arch = "wasm32")]
mod bench {
    use sorot::core::recognize::annotate;
    use wasm_bindgen::prelude::*;

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
        sorot::worker::install(lang, bytes).err()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    sorot::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("analyser: Sorot's analysis worker runs in the browser; the command line is `sorot`");
    std::process::exit(2);
}
