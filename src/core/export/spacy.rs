//! spaCy's character-offset entity format, as `displacy` (manual mode)
//! and training scripts read it:
//!
//! ```json
//! {"text": "Sanae Takaichi berkata.", "ents": [{"start": 0, "end": 14, "label": "PERSON"}], "title": null}
//! ```
//!
//! `start`/`end` are Python string indices (code points), half-open; in
//! spaCy, `doc.char_span(start, end, label=label)` rebuilds each entity.
//! spaCy's `doc.ents` may not overlap, so the entities are
//! [`super::flat_entities`] (no QUOTEs). Written pretty-printed for one
//! document, one per line in JSON Lines.

use serde::Serialize;

use super::flat_entities;
use crate::core::model::AnnotatedDocument;

#[derive(Serialize)]
struct Out<'a> {
    text: &'a str,
    ents: Vec<Ent<'a>>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct Ent<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

fn out(doc: &AnnotatedDocument) -> Out<'_> {
    Out {
        text: &doc.doc.text,
        ents: flat_entities(doc)
            .into_iter()
            .map(|a| Ent { start: a.start, end: a.end, label: &a.label })
            .collect(),
        title: None,
    }
}

/// The document pretty-printed, with a newline.
pub fn to_json(doc: &AnnotatedDocument) -> String {
    let mut s = super::json::to_string(&out(doc), true).expect("JSON serialises");
    s.push('\n');
    s
}

/// The document on one line, with a newline.
pub fn to_json_line(doc: &AnnotatedDocument) -> String {
    let mut s = super::json::to_string(&out(doc), false).expect("JSON serialises");
    s.push('\n');
    s
}
