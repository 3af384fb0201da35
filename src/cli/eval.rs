//! `sorot eval --gold FILE [--lang id|en] [--labels L,...] [--json]
//! [--errors] [--docs TEXT]`: scores the recognizer against gold data.
//! `--docs TEXT` keeps only the documents whose id (GUM's `newdoc id`, a
//! JSON document's `id` or `name`) contains TEXT.
//!
//! The gold file is read by [`crate::core::eval::read_gold`] (CoNLL/BIO
//! columns or JSON documents, detected), every gold document is run through
//! the whole pipeline ([`super::analyze_document`]: its language is
//! `--lang` or detected per document), and the predictions are scored by
//! [`crate::core::eval::Scorer`]; the module doc of
//! [`crate::core::eval`] gives the rules.
//!
//! The default output is a table: a header naming the gold file, the
//! documents and languages, the scored labels (and the ones left out),
//! then one row per label with the gold, predicted and correct counts and
//! precision, recall and F1 in percent, an `overall` row (micro-average),
//! and for JSON gold with quotations a `QUOTE` row and the speaker
//! accuracy. `--json` prints one JSON object instead, with the same numbers
//! as fractions from 0 to 1:
//!
//! ```json
//! {
//!   "gold": "dev.txt", "format": "conll", "documents": 1, "tokens": 7863,
//!   "languages": { "id": 1 }, "lang_from": "detected",
//!   "labels": ["PERSON", "ORG", "LOC"], "ignored_types": [],
//!   "per_label": [
//!     { "label": "PERSON", "gold": 221, "predicted": 200, "correct": 150,
//!       "precision": 0.75, "recall": 0.6787, "f1": 0.7126 }
//!   ],
//!   "overall": { "gold": 562, "predicted": 500, "correct": 300, … },
//!   "quotes": null
//! }
//! ```
//!
//! `quotes`, when the gold annotates quotations, holds `gold`, `predicted`,
//! `correct`, `precision`, `recall`, `f1` for the quotation spans and
//! `speakers` (matched quotations with a gold speaker), `speakers_correct`
//! and `speaker_accuracy`.
//!
//! `--errors` adds every mismatch the scores count (a gold span missed, a
//! spurious prediction, a matched quotation with a wrong or missing
//! speaker): after the table one tab-separated line each (document, kind,
//! label, span, the text with 40 code points of context and the span in
//! `[[ ]]`), or in JSON an `errors` array of objects with `doc`, `kind`
//! (`missed`, `spurious`, `speaker`), `label`, `start`, `end`, `text`,
//! `context` and, for speakers, `gold_speaker` and `predicted_speaker`.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use serde::Serialize;

use super::{
    analyze_document_with, finish, no_value, parse_lang, read_text, Arg, Args, EXIT_FILE_ERROR,
};
use crate::core::eval::{
    self, map_label, Counts, Gold, Mismatch, Prediction, QuoteCounts, Scorer, Scores,
};
use crate::core::model::labels;
use crate::core::recognize::{self, Tagger};
use crate::core::text::CharIndex;

/// The arguments of `sorot eval`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The gold file (`-` for standard input).
    pub gold: String,
    /// The language to analyse as; detected per document when `None`.
    pub lang: Option<String>,
    /// The labels to score; the gold tag set's when `None`.
    pub labels: Option<Vec<&'static str>>,
    /// Print JSON instead of a table.
    pub json: bool,
    /// Also list every missed and spurious span and wrong speaker.
    pub errors: bool,
    /// Score only the documents whose id contains this text.
    pub docs: Option<String>,
    /// A tagger model file to use instead of the built-in one.
    pub model: Option<String>,
    /// Run the rules alone, without any learned tagger.
    pub no_model: bool,
}

/// Reads the arguments after `eval`; `Ok(None)` asks for the help.
pub(super) fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut gold = None;
    let mut options = Options {
        gold: String::new(),
        lang: None,
        labels: None,
        json: false,
        errors: false,
        docs: None,
        model: None,
        no_model: false,
    };
    let mut args = Args::new(args);
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Opt { name: "-h" | "--help", .. } => return Ok(None),
            Arg::Opt { name: name @ "--gold", inline } => {
                gold = Some(args.value(name, inline, "a gold file")?.to_string());
            }
            Arg::Opt { name: name @ "--lang", inline } => {
                options.lang = Some(parse_lang(args.value(name, inline, "id or en")?)?);
            }
            Arg::Opt { name: name @ "--labels", inline } => {
                options.labels =
                    Some(parse_labels(args.value(name, inline, "PERSON,ORG,LOC,DATE")?)?);
            }
            Arg::Opt { name: name @ "--json", inline } => {
                no_value(name, inline)?;
                options.json = true;
            }
            Arg::Opt { name: name @ "--docs", inline } => {
                options.docs = Some(args.value(name, inline, "text of document ids")?.to_string());
            }
            Arg::Opt { name: name @ "--model", inline } => {
                options.model = Some(args.value(name, inline, "a model file")?.to_string());
            }
            Arg::Opt { name: name @ "--no-model", inline } => {
                no_value(name, inline)?;
                options.no_model = true;
            }
            Arg::Opt { name: name @ "--errors", inline } => {
                no_value(name, inline)?;
                options.errors = true;
            }
            Arg::Opt { name, .. } => return Err(format!("unknown option '{name}'")),
            Arg::Operand(other) => {
                return Err(format!(
                    "unexpected argument '{other}' (the gold file goes after --gold)"
                ))
            }
        }
    }
    options.gold = gold.ok_or("eval needs --gold FILE")?;
    Ok(Some(options))
}

/// Reads `PERSON,ORG,…` (aliases such as `PER` allowed), without repeats.
fn parse_labels(value: &str) -> Result<Vec<&'static str>, String> {
    let mut labels = Vec::new();
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let label = map_label(name)
            .ok_or(format!("unknown label '{name}' in --labels (use PERSON, ORG, LOC, DATE)"))?;
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.is_empty() {
        return Err("--labels needs at least one label (PERSON, ORG, LOC, DATE)".into());
    }
    Ok(labels)
}

/// What one evaluation found, for printing.
struct Report<'a> {
    file: &'a str,
    gold: &'a Gold,
    labels: &'a [&'static str],
    languages: BTreeMap<String, usize>,
    /// What analysed each language: a tagger or the rules alone.
    taggers: BTreeMap<String, String>,
    lang_from: &'static str,
    scores: Scores,
    /// With `--errors`: every mismatch, in document and text order.
    errors: Vec<ErrorLine>,
    /// Whether `--errors` asked for them.
    show_errors: bool,
    /// Documents in the file, before `--docs`.
    total_docs: usize,
    /// The `--docs` text, if any.
    docs_filter: Option<&'a str>,
}

/// One mismatch, ready to print.
#[derive(Serialize)]
struct ErrorLine {
    /// The document's name.
    doc: String,
    /// `missed` (false negative), `spurious` (false positive) or
    /// `speaker` (a matched quotation with a missing or wrong speaker).
    kind: &'static str,
    /// PERSON, ORG, LOC, DATE or QUOTE.
    label: &'static str,
    /// Code-point span in the document's (rebuilt) text.
    start: usize,
    /// End of the span.
    end: usize,
    /// The text of the span.
    text: String,
    /// For `speaker`: the gold speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    gold_speaker: Option<String>,
    /// For `speaker`: the predicted speaker's text, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    predicted_speaker: Option<String>,
    /// Up to 40 code points either side of the span, on one line, with
    /// the span between `[[` and `]]`.
    context: String,
}

/// The lines for the mismatches of one document.
fn error_lines(doc_name: &str, text: &str, mismatches: Vec<Mismatch>) -> Vec<ErrorLine> {
    const CONTEXT: usize = 40;
    let index = CharIndex::new(text);
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    mismatches
        .into_iter()
        .map(|m| {
            let (start, end) = m.span();
            let (kind, label, gold_speaker, predicted_speaker) = match m {
                Mismatch::Missed(e) => ("missed", e.label, None, None),
                Mismatch::Spurious(e) => ("spurious", e.label, None, None),
                Mismatch::MissedQuote(_) => ("missed", labels::QUOTE, None, None),
                Mismatch::SpuriousQuote(_) => ("spurious", labels::QUOTE, None, None),
                Mismatch::WrongSpeaker { gold, predicted } => {
                    ("speaker", labels::QUOTE, gold.speaker, predicted)
                }
            };
            let before = index.slice(text, start.saturating_sub(CONTEXT), start);
            let after = index.slice(text, end, end + CONTEXT);
            let span = index.slice(text, start, end);
            ErrorLine {
                doc: doc_name.to_string(),
                kind,
                label,
                start,
                end,
                text: span.to_string(),
                gold_speaker,
                predicted_speaker,
                context: format!("{}[[{}]]{}", flat(before), flat(span), flat(after)),
            }
        })
        .collect()
}

/// Runs `sorot eval`; returns the exit status.
pub(super) fn run(
    options: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let file = options.gold.as_str();
    let mut gold = match read_text(file, stdin)
        .and_then(|text| eval::read_gold(&text).map_err(|e| e.to_string()))
    {
        Ok(gold) => gold,
        Err(message) => {
            let _ = writeln!(err, "sorot: {file}: {message}");
            return EXIT_FILE_ERROR;
        }
    };
    let total_docs = gold.docs.len();
    if let Some(part) = &options.docs {
        gold.docs.retain(|d| d.id.as_deref().is_some_and(|id| id.contains(part.as_str())));
        if gold.docs.is_empty() {
            let _ = writeln!(err, "sorot: {file}: no document id contains {part:?}");
            return EXIT_FILE_ERROR;
        }
    }
    if let Some(path) = &options.model {
        match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| Tagger::from_bytes(&b).map_err(|e| e.to_string()))
        {
            Ok(t) => recognize::install_model(t),
            Err(message) => {
                let _ = writeln!(err, "sorot: {path}: {message}");
                return EXIT_FILE_ERROR;
            }
        }
    }
    let labels = options.labels.clone().unwrap_or_else(|| gold.labels.clone());
    let mut taggers = BTreeMap::new();
    let mut scorer = Scorer::new(&labels);
    let mut languages = BTreeMap::new();
    let mut errors = Vec::new();
    for (i, doc) in gold.docs.iter().enumerate() {
        let name = doc.id.clone().unwrap_or_else(|| format!("doc{}", i + 1));
        let annotated = analyze_document_with(
            name,
            doc.text.clone(),
            options.lang.as_deref(),
            !options.no_model,
        );
        // Said once per language (counting a model's rows reads its table).
        taggers.entry(annotated.doc.lang.clone()).or_insert_with(|| {
            let model = if options.no_model { None } else { recognize::model(&annotated.doc.lang) };
            model.map_or("rules only".to_string(), |t| {
                format!("tagger {} ({} rows)", t.lang, t.nonzero_rows())
            })
        });
        *languages.entry(annotated.doc.lang.clone()).or_insert(0) += 1;
        let prediction = Prediction::from_annotated(&annotated);
        scorer.add(doc, &prediction);
        if options.errors {
            let found = eval::mismatches(&labels, doc, &prediction);
            errors.extend(error_lines(&annotated.doc.name, &doc.text, found));
        }
    }
    let report = Report {
        file,
        gold: &gold,
        labels: &labels,
        languages,
        taggers,
        lang_from: if options.lang.is_some() { "option" } else { "detected" },
        scores: scorer.finish(),
        errors,
        show_errors: options.errors,
        total_docs,
        docs_filter: options.docs.as_deref(),
    };
    let text = if options.json { json(&report) } else { table(&report) };
    finish(out.write_all(text.as_bytes()).and_then(|()| out.flush()), super::EXIT_OK, err)
}

/// A percentage with two decimals.
fn pct(x: f64) -> String {
    format!("{:.2}%", 100.0 * x)
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "{name:<9}{:>7}{:>11}{:>9}{:>11}{:>9}{:>9}\n",
        c.gold,
        c.predicted,
        c.correct,
        pct(c.precision()),
        pct(c.recall()),
        pct(c.f1())
    )
}

/// The readable report.
fn table(r: &Report) -> String {
    let g = r.gold;
    let mut s = String::new();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut what = match r.docs_filter {
        None => format!("{}, {}", g.format.name(), plural(g.docs.len(), "document")),
        Some(part) => format!(
            "{}, {} of {} documents, those whose id contains {part:?}",
            g.format.name(),
            g.docs.len(),
            r.total_docs
        ),
    };
    if g.tokens > 0 {
        let in_file = if r.docs_filter.is_some() { " in the file" } else { "" };
        what.push_str(&format!(", {}{in_file}", plural(g.tokens, "token")));
    }
    s.push_str(&format!("gold       {} ({what})\n", r.file));
    let langs: Vec<String> = r.languages.iter().map(|(l, n)| format!("{l} ×{n}")).collect();
    s.push_str(&format!("language   {} ({})\n", langs.join(", "), r.lang_from));
    let models: Vec<String> = r.taggers.iter().map(|(l, m)| format!("{l}: {m}")).collect();
    s.push_str(&format!("model      {}\n", models.join(", ")));
    let scored = if r.labels.is_empty() { "none".to_string() } else { r.labels.join(" ") };
    let left_out: Vec<&str> =
        eval::LABELS.iter().copied().filter(|l| !r.labels.contains(l)).collect();
    let source = if r.labels == g.labels.as_slice() { "the gold tag set" } else { "--labels" };
    s.push_str(&format!("scored     {scored} (from {source}"));
    if !left_out.is_empty() {
        s.push_str(&format!("; not scored: {}", left_out.join(" ")));
    }
    s.push_str(")\n");
    if !g.ignored_types.is_empty() {
        s.push_str(&format!("ignored    gold types {}\n", g.ignored_types.join(" ")));
    }
    s.push_str(&format!(
        "\n{:<9}{:>7}{:>11}{:>9}{:>11}{:>9}{:>9}\n",
        "label", "gold", "predicted", "correct", "precision", "recall", "F1"
    ));
    for (label, c) in &r.scores.per_label {
        s.push_str(&row(label, c));
    }
    s.push_str(&row("overall", &r.scores.overall));
    if let Some(q) = &r.scores.quotes {
        s.push('\n');
        s.push_str(&row("QUOTE", &q.spans));
        s.push_str(&format!(
            "speaker accuracy {}/{} = {} (matched quotations with a gold speaker)\n",
            q.speakers_correct,
            q.speakers,
            pct(q.speaker_accuracy())
        ));
    }
    if r.show_errors {
        s.push_str(&format!(
            "\n{} (doc, missed|spurious|speaker, label, span, text in context)\n",
            plural(r.errors.len(), "error")
        ));
        for e in &r.errors {
            let speakers = match (&e.gold_speaker, &e.predicted_speaker) {
                (Some(g), Some(p)) => format!("\tgold speaker {g:?}, predicted {p:?}"),
                (Some(g), None) => format!("\tgold speaker {g:?}, predicted none"),
                _ => String::new(),
            };
            s.push_str(&format!(
                "{}\t{}\t{}\t{}..{}\t{}{speakers}\n",
                e.doc, e.kind, e.label, e.start, e.end, e.context
            ));
        }
    }
    s
}

#[derive(Serialize)]
struct JsonCounts {
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'static str>,
    gold: usize,
    predicted: usize,
    correct: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl JsonCounts {
    fn new(label: Option<&'static str>, c: &Counts) -> Self {
        JsonCounts {
            label,
            gold: c.gold,
            predicted: c.predicted,
            correct: c.correct,
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
        }
    }
}

#[derive(Serialize)]
struct JsonQuotes {
    #[serde(flatten)]
    spans: JsonCounts,
    speakers: usize,
    speakers_correct: usize,
    speaker_accuracy: f64,
}

impl JsonQuotes {
    fn new(q: &QuoteCounts) -> Self {
        JsonQuotes {
            spans: JsonCounts::new(None, &q.spans),
            speakers: q.speakers,
            speakers_correct: q.speakers_correct,
            speaker_accuracy: q.speaker_accuracy(),
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    gold: &'a str,
    format: &'static str,
    documents: usize,
    tokens: usize,
    languages: &'a BTreeMap<String, usize>,
    lang_from: &'static str,
    labels: &'a [&'static str],
    ignored_types: &'a [String],
    per_label: Vec<JsonCounts>,
    overall: JsonCounts,
    quotes: Option<JsonQuotes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ErrorLine]>,
}

/// The machine-readable report, one JSON object and a newline.
fn json(r: &Report) -> String {
    let report = JsonReport {
        gold: r.file,
        format: r.gold.format.name(),
        documents: r.gold.docs.len(),
        tokens: r.gold.tokens,
        languages: &r.languages,
        lang_from: r.lang_from,
        labels: r.labels,
        ignored_types: &r.gold.ignored_types,
        per_label: r.scores.per_label.iter().map(|(l, c)| JsonCounts::new(Some(l), c)).collect(),
        overall: JsonCounts::new(None, &r.scores.overall),
        quotes: r.scores.quotes.as_ref().map(JsonQuotes::new),
        errors: r.show_errors.then_some(r.errors.as_slice()),
    };
    // Strings, integers and finite floats always serialise.
    let mut s = serde_json::to_string_pretty(&report).expect("report serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::super::tests::args;
    use super::*;

    #[test]
    fn parses_options() {
        assert_eq!(
            parse(&args("--gold g.txt --lang id --labels per,ORG,PER --json --model m --no-model")),
            Ok(Some(Options {
                gold: "g.txt".into(),
                lang: Some("id".into()),
                labels: Some(vec!["PERSON", "ORG"]),
                json: true,
                errors: false,
                docs: None,
                model: Some("m".into()),
                no_model: true,
            }))
        );
        assert_eq!(parse(&args("--gold=g -h")), Ok(None));
    }

    #[test]
    fn refuses_bad_options() {
        assert_eq!(parse(&args("")), Err("eval needs --gold FILE".into()));
        assert_eq!(
            parse(&args("g.txt")),
            Err("unexpected argument 'g.txt' (the gold file goes after --gold)".into())
        );
        assert_eq!(
            parse(&args("--gold g --labels PER,MISC")),
            Err("unknown label 'MISC' in --labels (use PERSON, ORG, LOC, DATE)".into())
        );
        assert_eq!(
            parse(&args("--gold g --labels ,")),
            Err("--labels needs at least one label (PERSON, ORG, LOC, DATE)".into())
        );
    }
}
