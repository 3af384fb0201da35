//! CSV of annotations, for spreadsheets: a header line and one row per
//! annotation, in document order.
//!
//! ```text
//! id,label,start,end,text,speaker
//! a1,PERSON,0,14,Sanae Takaichi,
//! a4,QUOTE,54,80,“Kami akan bekerja keras.”,a1
//! ```
//!
//! RFC 4180: fields separated by commas, rows ended by CRLF, a field in
//! double quotes (with `"` doubled) when it holds a comma, a quote or a
//! line break. The file starts with a UTF-8 byte order mark so that Excel
//! reads it as UTF-8. `start`/`end` are code points; `speaker` is the
//! speaker annotation's id (empty if none).
//!
//! **Formula injection:** a spreadsheet runs a cell starting with `=`,
//! `+`, `-` or `@` (or a tab or carriage return) as a formula. Any such
//! text field is written with a leading `'`, which spreadsheets show as
//! plain text; the numbers never start with one.

use crate::core::model::AnnotatedDocument;

/// One field: neutralised, then quoted if needed.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV of a document.
pub fn to_csv(doc: &AnnotatedDocument) -> String {
    let mut out = String::from("\u{FEFF}id,label,start,end,text,speaker\r\n");
    for a in &doc.annotations {
        let row = [
            field(&a.id),
            field(&a.label),
            a.start.to_string(),
            a.end.to_string(),
            field(doc.text_of(a)),
            field(a.speaker.as_deref().unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
