//! doccano sequence labelling, JSON Lines: one document per line,
//!
//! ```json
//! {"text": "Sanae Takaichi berkata.", "label": [[0, 14, "PERSON"]]}
//! ```
//!
//! `label` holds `[start, end, label]` triples, offsets in code points
//! (doccano is Python), in the document's annotation order. doccano
//! imports this as "JSONL" into a sequence-labelling project; spans may
//! overlap there, so every annotation is written, QUOTEs included.

use serde::Serialize;

use crate::core::model::AnnotatedDocument;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

/// One JSON line (with its newline) for a document.
pub fn to_jsonl(doc: &AnnotatedDocument) -> String {
    let line = Line {
        text: &doc.doc.text,
        label: doc.annotations.iter().map(|a| (a.start, a.end, a.label.as_str())).collect(),
    };
    let mut s = super::json::to_string(&line, false).expect("JSON serialises");
    s.push('\n');
    s
}
