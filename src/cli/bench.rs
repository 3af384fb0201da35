//! `sorot bench [--lang id|en] [--runs N] [--no-model] FILE...` and
//! `sorot bench --scaling FILE`: the throughput of the whole analysis
//! pipeline.
//!
//! What is timed is [`super::analyze_document`] on the file's text: the
//! language guess (unless `--lang`), the recognizer and the
//! [`crate::core::model::AnnotatedDocument`] with code-point offsets and
//! ids: everything the app does between reading a file and showing it.
//! With `--no-model` the learned tagger is left out (the rules alone, as
//! `eval --no-model`). Each measurement is one untimed warm-up run, then `N` timed runs (7 by
//! default); the table gives the median. MB/s counts MB as 1,000,000 bytes
//! of UTF-8 input. Speed is measured and printed, never asserted on.
//!
//! `--scaling` makes texts of 1 KB, 100 KB, 1 MB and 10 MB from one FILE
//! (repeated with a blank line between copies, or cut, at a character
//! boundary) and prints the same numbers plus nanoseconds per byte, in
//! total and for each step of the pipeline (language guess, recognizer,
//! annotated document): a flat ns/byte column means the time grows linearly
//! with the length. Two more columns time what the page does with the
//! document after the analysis, apart from the total: grouping its
//! entities and laying out its highlights.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use super::{
    analyze_document_timed, analyze_document_with, doc_name, finish, no_value, parse_lang,
    read_text, Arg, Args, EXIT_FILE_ERROR, EXIT_OK,
};

/// Timed runs per measurement when `--runs` is not given.
pub const DEFAULT_RUNS: usize = 7;

/// The text sizes of `--scaling`, in bytes, with their names.
pub const SCALING_SIZES: [(usize, &str); 4] =
    [(1_000, "1 KB"), (100_000, "100 KB"), (1_000_000, "1 MB"), (10_000_000, "10 MB")];

/// The arguments of `sorot bench`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The language to analyse as; detected per run when `None`.
    pub lang: Option<String>,
    /// Timed runs per measurement (at least 1).
    pub runs: usize,
    /// Print the scaling table of the one FILE.
    pub scaling: bool,
    /// Leave the learned tagger out: the rules alone.
    pub no_model: bool,
    /// The files, `-` for standard input.
    pub files: Vec<String>,
}

/// Reads the arguments after `bench`; `Ok(None)` asks for the help.
pub(super) fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        lang: None,
        runs: DEFAULT_RUNS,
        scaling: false,
        no_model: false,
        files: Vec::new(),
    };
    let mut args = Args::new(args);
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Operand(file) => options.files.push(file.to_string()),
            Arg::Opt { name: "-h" | "--help", .. } => return Ok(None),
            Arg::Opt { name: name @ "--lang", inline } => {
                options.lang = Some(parse_lang(args.value(name, inline, "id or en")?)?);
            }
            Arg::Opt { name: name @ "--runs", inline } => {
                let value = args.value(name, inline, "a number of runs")?;
                options.runs = match value.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => {
                        return Err(format!("--runs needs a whole number from 1 up, not '{value}'"))
                    }
                };
            }
            Arg::Opt { name: name @ "--scaling", inline } => {
                no_value(name, inline)?;
                options.scaling = true;
            }
            Arg::Opt { name: name @ "--no-model", inline } => {
                no_value(name, inline)?;
                options.no_model = true;
            }
            Arg::Opt { name, .. } => return Err(format!("unknown option '{name}'")),
        }
    }
    match (options.scaling, options.files.len()) {
        (_, 0) => Err("bench needs at least one FILE (use - for standard input)".into()),
        (true, n) if n > 1 => Err("bench --scaling takes exactly one FILE".into()),
        _ => Ok(Some(options)),
    }
}

/// One measurement: median times and what the analysis found.
#[derive(Debug, Clone, Copy)]
struct Measurement {
    /// The whole pipeline.
    median: Duration,
    /// Each step apart: language guess, recognizer, annotated document
    /// (each the median over the runs).
    steps: [Duration; 3],
    /// What the page does with the document after it, apart (medians,
    /// not part of `median`): grouping its entities, laying out its
    /// highlights.
    after: [Duration; 2],
    /// Annotations found.
    spans: usize,
}

/// The median of some durations (the upper one of an even count).
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Times the pipeline on `text`: one warm-up, then `runs` timed runs.
fn measure(name: &str, text: &str, lang: Option<&str>, models: bool, runs: usize) -> Measurement {
    let warm = analyze_document_with(name.to_string(), text.to_string(), lang, models);
    let spans = warm.annotations.len();
    drop(warm);
    let mut totals = Vec::with_capacity(runs);
    let mut steps: [Vec<Duration>; 3] = Default::default();
    let mut after: [Vec<Duration>; 2] = Default::default();
    for _ in 0..runs {
        let (name, text) = (name.to_string(), text.to_string());
        let start = Instant::now();
        let (doc, step) = analyze_document_timed(name, text, lang, models);
        totals.push(start.elapsed());
        for (all, t) in steps.iter_mut().zip(step) {
            all.push(t);
        }
        let start = Instant::now();
        std::hint::black_box(doc.entities());
        after[0].push(start.elapsed());
        let start = Instant::now();
        std::hint::black_box(crate::core::layout::layout(&doc));
        after[1].push(start.elapsed());
        std::hint::black_box(doc);
    }
    Measurement {
        median: median(totals),
        steps: steps.map(median),
        after: after.map(median),
        spans,
    }
}

/// Megabytes (10^6 bytes) per second.
fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    let secs = t.as_secs_f64();
    if secs == 0.0 {
        f64::INFINITY
    } else {
        bytes as f64 / 1e6 / secs
    }
}

/// `text` repeated (a blank line between copies) or cut to at most `size`
/// bytes, ending on a character boundary.
pub fn sized_text(text: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + text.len() + 2);
    while s.len() < size && !text.is_empty() {
        if !s.is_empty() {
            s.push_str("\n\n");
        }
        s.push_str(text);
    }
    let mut end = size.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Runs `sorot bench`; returns the exit status.
pub(super) fn run(
    options: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let lang = options.lang.as_deref();
    let mut status = EXIT_OK;
    let mut report = format!(
        "whole pipeline ({}recognizer{}, annotated document); median of {} runs after 1 warm-up; MB = 10^6 bytes\n",
        if lang.is_some() { "" } else { "language detection, " },
        if options.no_model { " without the learned tagger" } else { "" },
        options.runs
    );
    if options.scaling {
        let file = &options.files[0];
        let text = match read_text(file, stdin) {
            Ok(text) if !text.is_empty() => text,
            Ok(_) => {
                let _ = writeln!(err, "sorot: {file}: empty file, nothing to scale");
                return EXIT_FILE_ERROR;
            }
            Err(message) => {
                let _ = writeln!(err, "sorot: {file}: {message}");
                return EXIT_FILE_ERROR;
            }
        };
        report.push_str(&format!("scaling {file} ({} bytes)\n\n", text.len()));
        report.push_str(&format!(
            "{:<8}{:>11}{:>12}{:>9}{:>9}{:>9}  {:>8}{:>11}{:>10}  {:>8}{:>8}\n",
            "size",
            "bytes",
            "median ms",
            "MB/s",
            "ns/byte",
            "spans",
            "lang",
            "recognize",
            "document",
            "group",
            "layout"
        ));
        let name = doc_name(file);
        for (size, label) in SCALING_SIZES {
            let sized = sized_text(&text, size);
            let m = measure(&name, &sized, lang, !options.no_model, options.runs);
            let per_byte = |t: Duration| t.as_secs_f64() * 1e9 / sized.len().max(1) as f64;
            report.push_str(&format!(
                "{label:<8}{:>11}{:>12.3}{:>9.1}{:>9.1}{:>9}  {:>8.1}{:>11.1}{:>10.1}  {:>8.1}{:>8.1}\n",
                sized.len(),
                m.median.as_secs_f64() * 1e3,
                mb_per_s(sized.len(), m.median),
                per_byte(m.median),
                m.spans,
                per_byte(m.steps[0]),
                per_byte(m.steps[1]),
                per_byte(m.steps[2]),
                per_byte(m.after[0]),
                per_byte(m.after[1]),
            ));
        }
        report.push_str(
            "\nns/byte: time per input byte, flat when time grows linearly; lang, recognize and \
             document split it\ninto the pipeline's steps (language guess, recognizer, annotated \
             document), each a median;\ngroup and layout are what the page does with the \
             document after it (grouping its entities, laying out its highlights), not part of \
             the total.\n",
        );
    } else {
        report.push('\n');
        report.push_str(&format!(
            "{:<30} {:>11}{:>12}{:>9}{:>9}\n",
            "file", "bytes", "median ms", "MB/s", "spans"
        ));
        for file in &options.files {
            let text = match read_text(file, stdin) {
                Ok(text) => text,
                Err(message) => {
                    let _ = writeln!(err, "sorot: {file}: {message}");
                    status = EXIT_FILE_ERROR;
                    continue;
                }
            };
            let m = measure(&doc_name(file), &text, lang, !options.no_model, options.runs);
            report.push_str(&format!(
                "{file:<30} {:>11}{:>12.3}{:>9.1}{:>9}\n",
                text.len(),
                m.median.as_secs_f64() * 1e3,
                mb_per_s(text.len(), m.median),
                m.spans
            ));
        }
    }
    finish(out.write_all(report.as_bytes()).and_then(|()| out.flush()), status, err)
}

#[cfg(test)]
mod tests {
    use super::super::tests::args;
    use super::*;

    #[test]
    fn parses_options() {
        assert_eq!(
            parse(&args("--runs 3 --lang en a b")),
            Ok(Some(Options {
                lang: Some("en".into()),
                runs: 3,
                scaling: false,
                no_model: false,
                files: vec!["a".into(), "b".into()],
            }))
        );
        assert_eq!(
            parse(&args("--scaling --no-model a")),
            Ok(Some(Options {
                lang: None,
                runs: DEFAULT_RUNS,
                scaling: true,
                no_model: true,
                files: vec!["a".into()]
            }))
        );
    }

    #[test]
    fn refuses_bad_options() {
        assert_eq!(
            parse(&args("--runs 0 a")),
            Err("--runs needs a whole number from 1 up, not '0'".into())
        );
        assert_eq!(
            parse(&args("--runs=x a")),
            Err("--runs needs a whole number from 1 up, not 'x'".into())
        );
        assert_eq!(
            parse(&args("--scaling a b")),
            Err("bench --scaling takes exactly one FILE".into())
        );
        assert_eq!(
            parse(&args("--runs 2")),
            Err("bench needs at least one FILE (use - for standard input)".into())
        );
    }

    #[test]
    fn sizes_texts_on_character_boundaries() {
        assert_eq!(sized_text("abc", 2), "ab");
        assert_eq!(sized_text("ab", 7), "ab\n\nab\n");
        assert_eq!(sized_text("é", 3), "é\n");
        assert_eq!(sized_text("éé", 3), "é");
        assert_eq!(sized_text("", 10), "");
    }
}
