//! The page's export menu: which files one click makes ([`files`]), and the
//! request that carries a click to the analysis worker ([`Request`]).
//!
//! The page does not write export formats itself: their writers are some
//! 12 KB (gzip) of WebAssembly that a first visit would load before the
//! page is interactive. The page sends each document as its line of Sorot
//! JSON Lines (which it writes anyway, to keep the workspace: the line of
//! the last save is sent again when the document has not changed since)
//! and the label set as JSON ([`labels_json`]); the worker reads them back
//! ([`Request::answer`]) and writes the files. Sorot JSON round-trips every
//! document exactly, so the files are the ones the page would have
//! written.

use super::{base_name, json, sorot_json, write_jsonl, write_zip_labelled, Format, OutputFile};
use crate::core::labels::{LabelRecord, LabelSet};
use crate::core::model::AnnotatedDocument;

/// Which documents one button of the menu exports, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The document shown: its file, or a `.zip` of its files for a format
    /// that writes several (brat).
    Current,
    /// Every open document: one `.zip` holding each one's files.
    All,
    /// Every open document in one JSON Lines file (formats with
    /// [`Format::has_jsonl`]).
    Jsonl,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 3] = [Scope::Current, Scope::All, Scope::Jsonl];

    /// The name that crosses to the worker (and ends the buttons' test ids:
    /// `export-current-w3c`).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Current => "current",
            Scope::All => "all",
            Scope::Jsonl => "jsonl",
        }
    }

    /// The scope named `name`.
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The download name of `format` in `scope`, whose first document is
/// named `first` (`article.w3c.json`, `article.brat.zip`,
/// `sorot-w3c.zip`, `sorot-w3c.jsonl`).
pub fn file_name(format: Format, scope: Scope, first: &str) -> String {
    match scope {
        Scope::Current if format == Format::Brat => {
            format!("{}.{}.zip", base_name(first), format.name())
        }
        Scope::Current => format!("{}{}", base_name(first), format.extension()),
        Scope::All => format!("sorot-{}.zip", format.name()),
        Scope::Jsonl => format!("sorot-{}.jsonl", format.name()),
    }
}

/// The files one button makes for `docs` (for [`Scope::Current`], the
/// first of them), with the workspace's label set where the format
/// carries one. Nothing for no documents, or for JSON Lines of a format
/// that has none.
pub fn files(
    format: Format,
    scope: Scope,
    docs: &[&AnnotatedDocument],
    labels: &LabelSet,
) -> Vec<OutputFile> {
    let Some(first) = docs.first() else { return Vec::new() };
    match scope {
        Scope::Current => {
            let files = format.write_labelled(first, labels);
            if files.len() == 1 {
                return files;
            }
            // A format of several files (brat's .txt + .ann) comes as one
            // zip: browsers ask before a page starts several downloads.
            vec![OutputFile {
                name: file_name(format, scope, &first.doc.name),
                mime: "application/zip",
                bytes: write_zip_labelled(format, &docs[..1], Some(labels)),
            }]
        }
        Scope::All => vec![OutputFile {
            name: file_name(format, scope, &first.doc.name),
            mime: "application/zip",
            bytes: write_zip_labelled(format, docs, Some(labels)),
        }],
        Scope::Jsonl => write_jsonl(format, docs)
            .map(|s| OutputFile {
                name: file_name(format, scope, &first.doc.name),
                mime: "application/jsonl",
                bytes: s.into_bytes(),
            })
            .into_iter()
            .collect(),
    }
}

/// The label set as it crosses to the worker: a JSON array of
/// [`LabelRecord`]s.
pub fn labels_json(labels: &LabelSet) -> String {
    // Strings and a bool: serialising cannot fail.
    json::to_string(&labels.to_records(), false).unwrap_or_default()
}

/// One click of the menu, as it crosses to the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The format.
    pub format: Format,
    /// Which documents.
    pub scope: Scope,
    /// The documents' lines of Sorot JSON Lines, in tab order (each with
    /// or without its final line break).
    pub docs: Vec<String>,
    /// The label set, as a JSON array of [`LabelRecord`]s.
    pub labels: String,
}

impl Request {
    /// The request for `docs` (for [`Scope::Current`], the document shown
    /// alone) in `format`, each line written now. (The page sends the
    /// lines of its last save instead where it can:
    /// `ui::storage::export_line`.)
    pub fn new(
        format: Format,
        scope: Scope,
        docs: &[&AnnotatedDocument],
        labels: &LabelSet,
    ) -> Request {
        let docs = docs.iter().map(|d| sorot_json::to_json_line(d)).collect();
        Request { format, scope, docs, labels: labels_json(labels) }
    }

    /// Reads the request's parts as they crossed (names and text), or says
    /// what is wrong with them.
    pub fn from_parts(
        format: &str,
        scope: &str,
        docs: Vec<String>,
        labels: String,
    ) -> Result<Request, String> {
        let format =
            Format::from_name(format).ok_or_else(|| format!("no export format “{format}”"))?;
        let scope = Scope::from_name(scope).ok_or_else(|| format!("no export scope “{scope}”"))?;
        Ok(Request { format, scope, docs, labels })
    }

    /// The files (the worker's side): the documents and labels read back,
    /// then [`files`]. A document or label set that does not read is an
    /// error, never a panic or a file of something else.
    pub fn answer(&self) -> Result<Vec<OutputFile>, String> {
        let records: Vec<LabelRecord> = serde_json::from_str(&self.labels)
            .map_err(|e| format!("the label set did not arrive whole ({e})"))?;
        let labels = LabelSet::from_records(&records)?;
        let docs = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, line)| {
                sorot_json::from_json(line)
                    .map_err(|e| format!("document {} did not arrive whole ({e})", i + 1))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&AnnotatedDocument> = docs.iter().collect();
        Ok(files(self.format, self.scope, &refs, &labels))
    }
}
