//! Export formats. Each submodule documents its wire format.
//!
//! [`Format`] is the one entry point the page and the command line share:
//! `Format::from_name("brat")`, then [`Format::write`] for one document (a
//! format may need several files: brat writes `.txt` and `.ann`), or
//! [`write_zip`] / [`write_jsonl`] for all open documents at once. The
//! page's export menu asks for its files through [`menu`], in the analysis
//! worker.
//!
//! Every offset in every format counts **Unicode code points**, as the
//! model does (Python's `str` indices), unless a module says otherwise.

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub(crate) mod json;
pub mod labelstudio;
pub mod menu;
pub mod sorot_json;
pub mod spacy;
pub mod w3c;
pub mod zip;

use crate::core::model::{labels, AnnotatedDocument, Annotation};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Sorot JSON (`.sorot.json`), see [`sorot_json`].
    Sorot,
    /// W3C Web Annotation JSON-LD (`.w3c.json`), see [`w3c`].
    W3c,
    /// brat standoff (`.txt` + `.ann`), see [`brat`].
    Brat,
    /// CoNLL 2003 style IOB2 columns (`.conll`), see [`conll`].
    Conll,
    /// doccano sequence-labelling JSONL (`.doccano.jsonl`), see [`doccano`].
    Doccano,
    /// Label Studio tasks JSON (`.labelstudio.json`), see [`labelstudio`].
    LabelStudio,
    /// spaCy's `{text, ents}` JSON (`.spacy.json`), see [`spacy`].
    Spacy,
    /// CSV of annotations (`.csv`), see [`csv`].
    Csv,
}

/// One file an export produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// File name, without any folder (`article.ann`).
    pub name: String,
    /// MIME type for a download.
    pub mime: &'static str,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 8] = [
        Format::Sorot,
        Format::W3c,
        Format::Brat,
        Format::Conll,
        Format::Doccano,
        Format::LabelStudio,
        Format::Spacy,
        Format::Csv,
    ];

    /// The format named `name` on the command line (`sorot`, `w3c`, `brat`,
    /// `conll`, `doccano`, `labelstudio`, `spacy`, `csv`; case-insensitive,
    /// `-` and `_` ignored, so `label-studio` works too).
    pub fn from_name(name: &str) -> Option<Format> {
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Format::ALL.into_iter().find(|f| f.name() == key || (key == "json" && *f == Format::Sorot))
    }

    /// The command-line name (`labelstudio`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Sorot => "sorot",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Doccano => "doccano",
            Format::LabelStudio => "labelstudio",
            Format::Spacy => "spacy",
            Format::Csv => "csv",
        }
    }

    /// A human name for menus (`Label Studio`).
    pub fn title(self) -> &'static str {
        match self {
            Format::Sorot => "Sorot JSON",
            Format::W3c => "W3C Web Annotation",
            Format::Brat => "brat standoff",
            Format::Conll => "CoNLL (IOB2)",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio",
            Format::Spacy => "spaCy JSON",
            Format::Csv => "CSV",
        }
    }

    /// The ending of the (main) file name, with its dot: `.sorot.json`,
    /// `.w3c.json`, `.ann` (brat also writes `.txt`), `.conll`,
    /// `.doccano.jsonl`, `.labelstudio.json`, `.spacy.json`, `.csv`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Sorot => ".sorot.json",
            Format::W3c => ".w3c.json",
            Format::Brat => ".ann",
            Format::Conll => ".conll",
            Format::Doccano => ".doccano.jsonl",
            Format::LabelStudio => ".labelstudio.json",
            Format::Spacy => ".spacy.json",
            Format::Csv => ".csv",
        }
    }

    /// The MIME type of the (main) file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Sorot | Format::LabelStudio | Format::Spacy => "application/json",
            Format::W3c => "application/ld+json",
            Format::Doccano => "application/jsonl",
            Format::Brat | Format::Conll => "text/plain;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// [`Format::write`], with the workspace's label set in the formats that
    /// carry one (Sorot JSON's `labels`).
    pub fn write_labelled(
        self,
        doc: &AnnotatedDocument,
        labels: &crate::core::labels::LabelSet,
    ) -> Vec<OutputFile> {
        match self {
            Format::Sorot => vec![OutputFile {
                name: format!("{}{}", base_name(&doc.doc.name), self.extension()),
                mime: self.mime(),
                bytes: sorot_json::to_json_with_labels(doc, labels).into_bytes(),
            }],
            _ => self.write(doc),
        }
    }

    /// Writes one document in this format: one file, or for brat two
    /// (`<base>.txt`, `<base>.ann`). File names come from [`base_name`].
    pub fn write(self, doc: &AnnotatedDocument) -> Vec<OutputFile> {
        let base = base_name(&doc.doc.name);
        let one = |bytes: String| {
            vec![OutputFile {
                name: format!("{base}{}", self.extension()),
                mime: self.mime(),
                bytes: bytes.into_bytes(),
            }]
        };
        match self {
            Format::Sorot => one(sorot_json::to_json(doc)),
            Format::W3c => one(w3c::to_json(doc)),
            Format::Brat => vec![
                OutputFile {
                    name: format!("{base}.txt"),
                    mime: "text/plain;charset=utf-8",
                    bytes: doc.doc.text.as_bytes().to_vec(),
                },
                OutputFile {
                    name: format!("{base}.ann"),
                    mime: self.mime(),
                    bytes: brat::to_ann(doc).into_bytes(),
                },
            ],
            Format::Conll => one(conll::to_conll(doc)),
            Format::Doccano => one(doccano::to_jsonl(doc)),
            Format::LabelStudio => one(labelstudio::to_json(&[doc])),
            Format::Spacy => one(spacy::to_json(doc)),
            Format::Csv => one(csv::to_csv(doc)),
        }
    }

    /// Whether [`write_jsonl`] can put several documents of this format in
    /// one JSON Lines file.
    pub fn has_jsonl(self) -> bool {
        matches!(self, Format::Sorot | Format::W3c | Format::Doccano | Format::Spacy)
    }
}

/// All documents in one format as a `.zip` holding every file
/// [`Format::write`] makes for each, in order. Names that repeat get ` (2)`,
/// ` (3)`, … before their ending. Returns the zip's bytes.
pub fn write_zip(format: Format, docs: &[&AnnotatedDocument]) -> Vec<u8> {
    write_zip_labelled(format, docs, None)
}

/// [`write_zip`], each file with the workspace's label set where the format
/// carries one ([`Format::write_labelled`]).
pub fn write_zip_labelled(
    format: Format,
    docs: &[&AnnotatedDocument],
    labels: Option<&crate::core::labels::LabelSet>,
) -> Vec<u8> {
    let mut files: Vec<OutputFile> = Vec::new();
    let mut used = std::collections::HashSet::new();
    for doc in docs {
        // Files of one document share a base, so pick a base free for all.
        let out = match labels {
            Some(l) => format.write_labelled(doc, l),
            None => format.write(doc),
        };
        let mut n = 1;
        let renamed = loop {
            let names: Vec<String> = out
                .iter()
                .map(|f| if n == 1 { f.name.clone() } else { numbered(&f.name, n) })
                .collect();
            if names.iter().all(|name| !used.contains(name)) {
                break names;
            }
            n += 1;
        };
        for (f, name) in out.into_iter().zip(renamed) {
            used.insert(name.clone());
            files.push(OutputFile { name, ..f });
        }
    }
    zip::write(&files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect::<Vec<_>>())
}

/// `a.b.json` → `a (n).b.json`: the number goes before the first dot of
/// the ending (names made by [`base_name`] have no dot in the base... or
/// may: then before the format's ending).
fn numbered(name: &str, n: usize) -> String {
    for f in Format::ALL {
        if let Some(base) = name.strip_suffix(f.extension()) {
            return format!("{base} ({n}){}", f.extension());
        }
    }
    match name.rsplit_once('.') {
        Some((base, ext)) => format!("{base} ({n}).{ext}"),
        None => format!("{name} ({n})"),
    }
}

/// All documents in one JSON Lines file (one document per line), for the
/// formats where [`Format::has_jsonl`] is true; `None` for the others.
pub fn write_jsonl(format: Format, docs: &[&AnnotatedDocument]) -> Option<String> {
    let line = |d: &AnnotatedDocument| -> String {
        match format {
            Format::Sorot => sorot_json::to_json_line(d),
            Format::W3c => w3c::to_json_line(d),
            Format::Doccano => doccano::to_jsonl(d),
            Format::Spacy => spacy::to_json_line(d),
            _ => String::new(),
        }
    };
    format.has_jsonl().then(|| docs.iter().map(|d| line(d)).collect())
}

/// The base of every exported file's name: the document's name without a
/// final extension, made safe for file systems (see
/// [`sorot_json::file_name`]); `article.txt` → `article`.
pub fn base_name(doc_name: &str) -> String {
    let full = sorot_json::file_name(doc_name);
    full.strip_suffix(".sorot.json").unwrap_or(&full).to_string()
}

/// The annotations that can be written where spans may not overlap (CoNLL,
/// spaCy's `ents`): every annotation except `QUOTE`s (sentence-long spans
/// that contain the entities), in order, skipping any that overlaps one
/// already taken.
pub fn flat_entities(doc: &AnnotatedDocument) -> Vec<&Annotation> {
    let mut out: Vec<&Annotation> = Vec::new();
    for a in doc.annotations.iter().filter(|a| a.label != labels::QUOTE) {
        if out.last().is_none_or(|b| b.end <= a.start) {
            out.push(a);
        }
    }
    out
}
