//! What the page's memory holds while a long text file is opened, measured
//! natively: the page's steps run as the page runs them (the workspace's
//! actions, the worker's analysis played here), with an allocator that
//! counts every byte live. Prints, after each step, the bytes live, the
//! most that were live during it, and the time it took (natively: compare
//! steps with each other; the page's wasm is slower, by about 1.5–2×).
//!
//! ```text
//! cargo run --release --example memory -- FILE [LANG]
//! ```
//!
//! FILE is a plain text (`node scripts/bench-corpus.mjs en 10000000` makes
//! a 10 MB one); LANG (`en` by default) is the learned tagger that
//! arrives after the rules' analysis, as in the page. Native sizes are
//! larger than the page's (a pointer or a `usize` is 8 bytes here, 4 in
//! wasm32): compare steps and builds with each other, not with the
//! page's numbers. The worker's own steps (reading the file, analysing it)
//! are measured apart: in the page they run in another memory.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use sorot::core::state::{Action, IncomingFile, Workspace};
use sorot::core::wire;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

struct Counting;

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        PEAK.fetch_max(LIVE.fetch_add(l.size(), Relaxed) + l.size(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        PEAK.fetch_max(LIVE.fetch_add(n, Relaxed) + n, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Prints the bytes live now and the most live since the last line, both
/// counted from `base`, and starts the next step's peak.
fn line(step: &str, base: usize) {
    let (live, peak) = (LIVE.load(Relaxed), PEAK.load(Relaxed));
    let mb = |x: usize| x.saturating_sub(base) as f64 / 1e6;
    let ms = LAST.with(|t| t.replace(std::time::Instant::now()).elapsed().as_secs_f64() * 1e3);
    println!("| {step} | {:.1} | {:.1} | {ms:.1} |", mb(live), mb(peak));
    PEAK.store(live, Relaxed);
}

thread_local! {
    /// When the last line was printed.
    static LAST: std::cell::Cell<std::time::Instant> = std::cell::Cell::new(std::time::Instant::now());
}

/// Applies what the workspace put off to tasks of their own, one line each.
fn tasks(ws: &mut Workspace, base: usize) {
    loop {
        let later = ws.take_later();
        if later.is_empty() {
            return;
        }
        for a in later {
            let what = match &a {
                Action::Number { .. } => "  a part numbered",
                Action::Refreshed { .. } => "  merged with the document",
                Action::Merged { .. } => "  in the document's place",
                _ => "  a task",
            };
            ws.update(a);
            line(what, base);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo run --release --example memory -- FILE [LANG]");
        std::process::exit(2);
    };
    let lang = args.get(1).map_or("en", String::as_str);
    let base = LIVE.load(Relaxed);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("memory: {path}: {e}");
            std::process::exit(1);
        }
    };
    let size = bytes.len();
    println!(
        "{path}: {:.1} MB; MB live after each step and the most live during it\n",
        size as f64 / 1e6
    );
    println!("| step | live MB | peak MB | ms |\n|:--|--:|--:|--:|");
    LAST.with(|t| t.set(std::time::Instant::now()));
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let mut ws = Workspace::default();
    ws.update(Action::OpenFiles(vec![IncomingFile { name: "big.txt".into(), bytes }]));
    let batch = ws.take_file_jobs();
    line("page: the file read", base);

    // The worker: every importer, then the rules' analysis.
    let w = LIVE.load(Relaxed);
    PEAK.store(w, Relaxed);
    let files: Vec<(&str, &[u8])> =
        batch[0].iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect();
    let opened = wire::open_files(&files);
    drop(files);
    line("(worker: read and analysed, apart)", w);
    drop(batch);

    ws.update(Action::FilesOpened(opened));
    line("page: the answer taken", base);
    tasks(&mut ws, base);
    line("page: opened", base);
    let doc = ws.current_doc().expect("the file is open").clone();
    let layout = sorot::core::layout::layout(&doc);
    let plans = sorot::core::layout::plan_chunks(&doc, &layout);
    line("page: its highlights laid out", base);
    doc.entities();
    line("page: its entities grouped", base);
    drop((layout, plans, doc));

    // The tagger arrives: the page asks the worker to analyse again.
    sorot::core::recognize::install_builtin_models();
    let w = LIVE.load(Relaxed);
    PEAK.store(w, Relaxed);
    ws.update(Action::ModelReady { lang: lang.into() });
    let jobs = ws.take_jobs();
    let Some(job) = jobs.first() else {
        eprintln!("memory: no analysis asked for when the {lang} tagger arrived");
        std::process::exit(1);
    };
    let w = LIVE.load(Relaxed);
    PEAK.store(w, Relaxed);
    let (nums, strings) = wire::encode(&sorot::core::recognize::analyze(&job.doc.doc.text, lang));
    line("(worker: analysed with the tagger, apart)", w);
    ws.update(Action::Analysed { job: job.id, lang: lang.into(), nums, strings });
    drop(jobs);
    line("page: the tagger's answer taken", base);
    tasks(&mut ws, base);
    let doc = ws.current_doc().expect("the file is open").clone();
    let layout = sorot::core::layout::layout(&doc);
    line("page: re-analysed, laid out again", base);
    drop(layout);
    let n = doc.annotations.len();
    drop(doc);
    let live = LIVE.load(Relaxed).saturating_sub(base);
    println!(
        "\n{n} annotations; the workspace holds {:.1} MB, {:.1}× the text",
        live as f64 / 1e6,
        live as f64 / size as f64
    );
}
