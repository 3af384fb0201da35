//! Saving the workspace between visits: what the page autosaves in the
//! browser's storage and reads back on load.
//!
//! The saved form is text, one JSON value per line: first a header
//!
//! ```text
//! {"sorot_workspace":1,"current":0,"focus":"a3","pasted":"","pasted_doc":0,"pasted_lang":null,
//!  "docs":[{"from_annotation_file":false,"rejected":[["LOC",20,26]]}],
//!  "labels":[{"name":"PERSON","colour":"#1d4ed8","hidden":false},…]}
//! ```
//!
//! (on one line), then each open document as one line of Sorot JSON
//! ([`super::export::sorot_json::to_json_line`]), in order. The header's
//! `docs` carries what the workspace keeps beside each document's
//! annotations: whether they came from an annotation file, and the
//! automatic annotations the user rejected (so a learned tagger arriving
//! after a reload does not bring them back). `labels` is the label set in
//! order, as Sorot JSON writes it ([`crate::core::labels::LabelRecord`]);
//! a header without it (saved before labels could be edited) gives the
//! built-in set. The paste box's text is `pasted`, or, when it is the
//! text of an open document (the pasted one, as it always is after a
//! paste: the same `Rc`), that document's index as `pasted_doc`: a pasted megabyte is not
//! written twice at every save, and comes back shared with its document.
//! Undo history is not saved.
//! Notices and the learned taggers' status are not saved either: models
//! load again, and a restored document is refined by them like a new one.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::edit::{History, Rejected};
use super::export::sorot_json;
use super::labels::{LabelRecord, LabelSet};
use super::model::{AnnotatedDocument, Label};
use super::state::{DocMeta, Workspace};

/// The header's version.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    sorot_workspace: u32,
    current: Option<usize>,
    #[serde(default)]
    focus: Option<String>,
    #[serde(default)]
    pasted: String,
    #[serde(default)]
    pasted_doc: Option<usize>,
    #[serde(default)]
    pasted_lang: Option<String>,
    docs: Vec<MetaOut>,
    #[serde(default)]
    labels: Option<Vec<LabelRecord>>,
}

#[derive(Serialize, Deserialize)]
struct MetaOut {
    #[serde(default)]
    from_annotation_file: bool,
    #[serde(default)]
    rejected: Vec<(String, usize, usize)>,
}

/// The saved form of everything the user would lose on reload.
pub fn save(ws: &Workspace) -> String {
    save_with(ws, &mut |d| Rc::new(vec![sorot_json::to_json_line(d)])).concat()
}

/// The saved form in pieces ([`Saved::concat`] joins them).
pub struct Saved {
    /// The first line: the workspace's header.
    pub header: String,
    /// Each document's line, as `line` gave it: in pieces, which joined
    /// are the line ([`sorot_json::LineInSteps`] makes a long one so).
    pub lines: Vec<Rc<Vec<String>>>,
}

impl Saved {
    /// The pieces of the saved form in order: the header, then each line
    /// after a line break, without its own final one.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.header.as_str()).chain(
            self.lines.iter().flat_map(|l| std::iter::once("\n").chain(Self::line_pieces(l))),
        )
    }

    /// The pieces of one document's line (one of [`Saved::lines`], or the
    /// last pieces of one made the same way), without its final line
    /// break.
    pub fn line_pieces(line: &[String]) -> impl Iterator<Item = &str> {
        let last = line.len().saturating_sub(1);
        line.iter()
            .enumerate()
            .map(move |(i, p)| if i == last { p.trim_end_matches('\n') } else { p.as_str() })
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.pieces().map(str::len).sum()
    }

    /// Whether it is empty (never: there is always a header).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The saved form as one text.
    pub fn concat(&self) -> String {
        let mut out = String::with_capacity(self.len());
        self.pieces().for_each(|p| out.push_str(p));
        out
    }
}

/// [`save`] in pieces, taking each document's line from `line` (which must
/// give [`sorot_json::to_json_line`] of it): the page keeps the lines of
/// documents that did not change since its last save instead of writing
/// them again, and writes a long save to storage piece by piece.
pub fn save_with(
    ws: &Workspace,
    line: &mut dyn FnMut(&Rc<AnnotatedDocument>) -> Rc<Vec<String>>,
) -> Saved {
    let docs = (0..ws.docs.len())
        .map(|i| {
            let m = ws.meta.get(i);
            MetaOut {
                from_annotation_file: m.is_some_and(|m| m.from_annotation_file),
                rejected: m
                    .map(|m| {
                        m.history
                            .rejected
                            .iter()
                            .map(|r| (r.label.to_string(), r.start, r.end))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    // The document whose text the paste box holds (the same `Rc`, as after
    // a paste or a restore).
    let pasted_doc = (!ws.pasted.is_empty())
        .then(|| ws.docs.iter().position(|d| Rc::ptr_eq(&d.doc.text, &ws.pasted)))
        .flatten();
    let header = Header {
        sorot_workspace: VERSION,
        current: ws.current,
        focus: ws.focus.clone(),
        pasted: if pasted_doc.is_some() { String::new() } else { ws.pasted.to_string() },
        pasted_doc,
        pasted_lang: ws.pasted_lang.clone(),
        docs,
        labels: Some(ws.labels.to_records()),
    };
    Saved {
        header: serde_json::to_string(&header).unwrap_or_default(),
        lines: ws.docs.iter().map(line).collect(),
    }
}

/// Reads a saved workspace back. An error says what is wrong; the caller
/// keeps the saved text (it is the user's work) and starts empty.
pub fn load(saved: &str) -> Result<Workspace, String> {
    let mut lines = saved.split('\n');
    let header: Header = serde_json::from_str(lines.next().unwrap_or(""))
        .map_err(|e| format!("the saved workspace is damaged ({e})"))?;
    if header.sorot_workspace != VERSION {
        return Err(format!(
            "the saved workspace has version {} (this Sorot reads {VERSION})",
            header.sorot_workspace
        ));
    }
    let mut ws = Workspace::default();
    if let Some(records) = &header.labels {
        ws.labels = LabelSet::from_records(records)
            .map_err(|e| format!("the saved workspace's labels are damaged ({e})"))?;
    }
    for (i, line) in lines.enumerate() {
        let doc = sorot_json::from_json(line)
            .map_err(|e| format!("document {} of the saved workspace is damaged: {e}", i + 1))?;
        let meta = header.docs.get(i);
        let rejected = meta
            .map(|m| {
                m.rejected
                    .iter()
                    .map(|(label, start, end)| Rejected {
                        label: Label::from(label),
                        start: *start,
                        end: *end,
                    })
                    .collect()
            })
            .unwrap_or_default();
        ws.docs.push(Rc::new(doc));
        ws.meta.push(DocMeta {
            from_annotation_file: meta.is_some_and(|m| m.from_annotation_file),
            history: History::with_rejected(rejected),
            analysis: None,
            preview: None,
        });
    }
    if ws.docs.len() != header.docs.len() {
        return Err(format!(
            "the saved workspace lists {} documents but holds {}",
            header.docs.len(),
            ws.docs.len()
        ));
    }
    ws.current = header.current.filter(|&c| c < ws.docs.len());
    ws.focus = header.focus.filter(|f| ws.current_doc().is_some_and(|d| d.get(f).is_some()));
    ws.pasted = match header.pasted_doc.and_then(|i| ws.docs.get(i)) {
        Some(d) => d.doc.text.clone(),
        None => header.pasted.into(),
    };
    ws.pasted_lang = header.pasted_lang;
    ws.sync_labels();
    Ok(ws)
}
