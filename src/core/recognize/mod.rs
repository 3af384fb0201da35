//! The recognizer: finds entities, dates and quotations in a text.
//!
//! [`analyze`] returns [`Span`]s in **byte** offsets; [`annotate`] turns a
//! named text into an [`AnnotatedDocument`] (code-point offsets, ids).
//!
//! It is a small rule-based system, in stages that each read the tokens of
//! the text once:
//!
//! * `tokens` splits the text into words, numbers and marks, and notes
//!   sentence starts, sentence ends, line breaks and paragraphs;
//! * `dates` finds DATE spans (`Senin (1/12)`, `1 Desember 2025`,
//!   `December 1, 2025`, a year after `sejak`/`since`, …);
//! * `entities` labels runs of capitalised words as PERSON, ORG or LOC,
//!   using titles, organisation and place words and a small gazetteer;
//! * `quotes` pairs quotation marks into QUOTE spans and links each to its
//!   speaker;
//! * `lexicon` holds every word list; `lang` guesses the language.
//!
//! Guarantees, for any input: no panic; every span has `start < end`, lies
//! within the text and starts and ends on character boundaries; entity and
//! DATE spans never overlap one another; a QUOTE never overlaps another
//! QUOTE and may contain entity and DATE spans; a QUOTE's `speaker` is the
//! index of a PERSON or ORG span in the same list. The returned spans are
//! sorted by start, then by end descending (a QUOTE before what it
//! contains). Time and memory are linear in the length of the text.

mod dates;
mod entities;
mod lang;
mod lexicon;
mod quotes;
mod tokens;

use super::model::{AnnotatedDocument, Document, Span};
use tokens::{Doc, Lang};

/// Guesses the language of `text`: `"id"` (Indonesian) or `"en"`
/// (English). A text with no evidence either way is `"en"`.
pub fn detect_lang(text: &str) -> &'static str {
    lang::detect(text)
}

/// Finds the spans of `text`, written in language `lang` (a BCP 47 tag:
/// `"id"`, `"en"`; any other tag applies the rules of both languages).
pub fn analyze(text: &str, lang: &str) -> Vec<Span> {
    let doc = Doc::new(text, Lang::from_tag(lang));
    let mut used = vec![false; doc.toks.len()];
    let mut spans: Vec<Span> = dates::find(&doc, &mut used)
        .into_iter()
        .map(|(start, end)| Span::new(super::model::labels::DATE, start, end))
        .collect();
    spans.extend(entities::find(&doc, &used));
    spans.sort_by_key(|s| s.start);
    let quotes = quotes::find(&doc, &spans);
    spans.extend(quotes);
    in_order(spans)
}

/// Sorts spans by start, then end descending, rewriting speaker indices.
fn in_order(spans: Vec<Span>) -> Vec<Span> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| {
        spans[a].start.cmp(&spans[b].start).then(spans[b].end.cmp(&spans[a].end))
    });
    let mut new_index = vec![0; spans.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&old| {
            let s = &spans[old];
            Span { speaker: s.speaker.and_then(|k| new_index.get(k).copied()), ..s.clone() }
        })
        .collect()
}

/// Detects the language, analyses the text and returns the annotated
/// document.
pub fn annotate(name: &str, text: &str) -> AnnotatedDocument {
    let lang = detect_lang(text);
    let spans = analyze(text, lang);
    let doc = Document { name: name.to_string(), lang: lang.to_string(), text: text.to_string() };
    AnnotatedDocument::from_spans(doc, &spans)
}
