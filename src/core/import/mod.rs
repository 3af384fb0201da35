//! Reading files into documents: plain text in any common encoding,
//! Markdown, saved web pages, Word documents, zip archives of any of these,
//! and annotation files (Sorot JSON and JSON Lines, W3C Web Annotation
//! JSON, brat `.ann` with its `.txt`) that reopen with their annotations.
//!
//! [`read_files`] takes a batch (what the user dropped at once) so that
//! files that belong together meet: a brat `.ann` and its `.txt`, a W3C
//! file without embedded text and the text it annotates. [`read`] reads
//! one file. Text that arrives without annotations is annotated by the
//! recognizer. Every failure is a value naming the file and the reason;
//! one bad file never stops the others.

pub mod anchor;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod text;
pub mod zip;

use serde_json::Value;

use crate::core::export::{brat, sorot_json, w3c};
use crate::core::i18n::Msg;
use crate::core::model::{AnnotatedDocument, Document};

/// The largest file Sorot opens, in bytes (also the largest file taken
/// out of a zip).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most bytes taken out of one zip archive in total.
pub const MAX_ZIP_TOTAL_BYTES: usize = 100 * 1024 * 1024;

/// The most files taken out of one zip archive.
pub const MAX_ZIP_ENTRIES: usize = 1000;

/// The file types Sorot opens, for messages and the file picker.
pub const SUPPORTED: &str =
    ".txt, .md, .html, .docx, .zip, .sorot.json, W3C annotation .json, .jsonl, brat .ann with its .txt";

/// A byte count in MiB with one decimal, written exactly as
/// `format!("{:.1}", n as f64 / 1_048_576.0)` writes it (ties to even), but
/// with integers: float formatting costs the wasm build several KB.
#[derive(Clone, Copy)]
pub(crate) struct Megabytes(pub usize);

impl std::fmt::Display for Megabytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MIB: u64 = 1 << 20;
        // u64, not u128 (wasm has no 128-bit division): exact below 1.8e18 bytes.
        let scaled = (self.0 as u64).saturating_mul(10);
        let (mut tenths, rest) = (scaled / MIB, scaled % MIB);
        // n / 2^20 is exact in an f64, so this is the float's own rounding.
        if rest * 2 > MIB || (rest * 2 == MIB && tenths % 2 == 1) {
            tenths += 1;
        }
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}

/// Why a file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file's extension is not one Sorot reads.
    Unsupported,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// The file has no text in it.
    Empty,
    /// The file holds bytes that are not text (NUL bytes, control codes).
    NotText,
    /// The browser could not read the file.
    Unreadable,
    /// The file is of a kind Sorot reads but is broken; the text says how.
    Broken(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Unsupported => write!(f, "Sorot opens {SUPPORTED} files"),
            FileError::TooLarge(n) => write!(
                f,
                "it is {} MB, and the limit is {} MB",
                Megabytes(*n),
                MAX_FILE_BYTES / 1_048_576
            ),
            FileError::Empty => write!(f, "it is empty"),
            FileError::NotText => {
                write!(f, "it is not UTF-8, UTF-16 or Windows-1252 text (is it a binary file?)")
            }
            FileError::Unreadable => write!(f, "the browser could not read it"),
            FileError::Broken(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for FileError {}

/// A file that could not be opened: its name and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file's name (for a file inside a zip: `archive.zip/inner.txt`).
    pub name: String,
    /// Why.
    pub error: FileError,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}” was not opened: {}.", self.name, self.error)
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The message as a catalogue message (its English text is this
    /// error's `Display`).
    pub fn msg(&self) -> Msg {
        let m = |key| Msg::new(key).text("name", self.name.as_str());
        match &self.error {
            FileError::Unsupported => m("import.unsupported").text("types", SUPPORTED),
            FileError::TooLarge(n) => m("import.too-large")
                .text("size", Megabytes(*n).to_string())
                .text("limit", (MAX_FILE_BYTES / 1_048_576).to_string()),
            FileError::Empty => m("import.empty"),
            FileError::NotText => m("import.not-text"),
            FileError::Unreadable => m("import.unreadable"),
            FileError::Broken(why) => match bad_json(why) {
                Some((line, column, detail)) => m("import.bad-json")
                    .text("line", line)
                    .text("column", column)
                    .text("detail", detail),
                None => m("import.broken").text("why", why.as_str()),
            },
        }
    }
}

/// The line, column and detail of an invalid-JSON reason (as `read_one`
/// writes it).
fn bad_json(why: &str) -> Option<(&str, &str, &str)> {
    let rest = why.strip_prefix("it is not valid JSON (line ")?;
    let (line, rest) = rest.split_once(", column ")?;
    let (column, detail) = rest.split_once("): ")?;
    Some((line, column, detail))
}

/// A document read from a file, with anything the user should know about
/// how it was read (a legacy encoding, re-anchored annotations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The document and its annotations. A plain text (not from an
    /// annotation file) has none yet, and its language is
    /// [`UNDETERMINED`](crate::core::state::UNDETERMINED): analysing it is
    /// the caller's next step.
    pub doc: AnnotatedDocument,
    /// Messages for the user, each a full sentence naming the file.
    pub notes: Vec<String>,
    /// The same messages as catalogue messages (`notes[i]` is
    /// `note_msgs[i]` in English), for the page to translate.
    pub note_msgs: Vec<Msg>,
    /// Whether the annotations come from an annotation file (Sorot JSON,
    /// W3C, brat) rather than from analysing the text here.
    pub from_annotation_file: bool,
}

/// Reads one file. A zip gives one document per file in it; an `.ann`
/// cannot be read alone (use [`read_files`] with its `.txt`). Any file of a
/// zip that fails makes the whole read fail.
pub fn read(name: &str, bytes: &[u8]) -> Result<Vec<Opened>, ImportError> {
    read_files(&[(name, bytes)]).into_iter().collect()
}

/// The lower-cased extension kind of a name.
fn kind(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let ends = |e: &[&str]| e.iter().any(|x| lower.ends_with(x));
    if ends(&[".txt", ".text"]) {
        "txt"
    } else if ends(&[".md", ".markdown"]) {
        "md"
    } else if ends(&[".html", ".htm", ".xhtml"]) {
        "html"
    } else if ends(&[".docx"]) {
        "docx"
    } else if ends(&[".zip"]) {
        "zip"
    } else if ends(&[".jsonl", ".ndjson"]) {
        "jsonl"
    } else if ends(&[".json", ".jsonld"]) {
        "json"
    } else if ends(&[".ann"]) {
        "ann"
    } else {
        ""
    }
}

/// The name without its last extension (`dir/a.ann` → `dir/a`).
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Reads a batch of files, in order: one result per document opened or
/// per file that failed. Zips are opened and their files join the batch;
/// a brat `.ann` is read with the `.txt` of the same name (which then does
/// not also open alone); a W3C file without embedded text is read against
/// the text file of the same base name in the batch.
pub fn read_files(files: &[(&str, &[u8])]) -> Vec<Result<Opened, ImportError>> {
    let mut out = Vec::new();
    // 1. Expand zips.
    let mut batch: Vec<(String, Vec<u8>)> = Vec::new();
    for &(name, bytes) in files {
        if bytes.len() > MAX_FILE_BYTES {
            out.push(Err(err(name, FileError::TooLarge(bytes.len()))));
            continue;
        }
        if kind(name) != "zip" {
            batch.push((name.to_string(), bytes.to_vec()));
            continue;
        }
        match zip::read(bytes) {
            Ok(entries) => {
                if entries.is_empty() {
                    out.push(Err(err(name, FileError::Broken("the zip holds no files".into()))));
                }
                for e in entries {
                    let inner = format!("{name}/{}", e.name);
                    match e.bytes {
                        Ok(_) if kind(&e.name) == "zip" => out.push(Err(err(
                            &inner,
                            FileError::Broken("a zip inside a zip is not opened".into()),
                        ))),
                        Ok(b) => batch.push((inner, b)),
                        Err(why) => out.push(Err(err(&inner, FileError::Broken(why)))),
                    }
                }
            }
            Err(why) => out.push(Err(err(name, FileError::Broken(why)))),
        }
    }
    // 2. Pair files that belong together.
    let mut used = vec![false; batch.len()];
    let find_text = |stem_of: &str, used: &[bool]| {
        batch.iter().enumerate().position(|(i, (n, _))| {
            !used[i] && matches!(kind(n), "txt" | "md" | "html" | "docx") && stem(n) == stem_of
        })
    };
    let mut paired: Vec<(usize, Result<Opened, ImportError>)> = Vec::new();
    for i in 0..batch.len() {
        let (name, bytes) = &batch[i];
        if kind(name) == "ann" {
            used[i] = true;
            let Some(t) = find_text(stem(name), &used) else {
                paired.push((
                    i,
                    Err(err(
                        name,
                        FileError::Broken(format!(
                    "a brat .ann file opens together with its text file {}.txt (drop both at once)",
                    base(stem(name))
                )),
                    )),
                ));
                continue;
            };
            used[t] = true;
            let (tname, tbytes) = &batch[t];
            // brat counts offsets in the file exactly as it is, so a
            // leading U+FEFF in UTF-8 stays part of the text.
            let txt = match std::str::from_utf8(tbytes) {
                Ok(t) if !t.contains('\0') => Ok((t.to_string(), false)),
                _ => text::decode(tbytes),
            };
            let r = txt.map_err(|e| err(tname, e)).and_then(|(txt, _)| {
                let ann = text::decode(bytes).map(|d| d.0).or_else(|e| match e {
                    FileError::Empty => Ok(String::new()),
                    e => Err(e),
                });
                let ann = ann.map_err(|e| err(name, e))?;
                brat::from_ann(base(tname), &txt, &ann)
                    .map(|doc| Opened {
                        doc,
                        notes: Vec::new(),
                        note_msgs: Vec::new(),
                        from_annotation_file: true,
                    })
                    .map_err(|why| err(name, FileError::Broken(why)))
            });
            paired.push((i, r));
        }
    }
    for i in 0..batch.len() {
        let (name, bytes) = &batch[i];
        if used[i] || kind(name) != "json" {
            continue;
        }
        // A W3C file without its own text, next to the text it annotates.
        let Ok(value) = serde_json::from_slice::<Value>(bytes) else { continue };
        if !w3c::looks_like(&value) || value.get("sorot:document").is_some() {
            continue;
        }
        let json_stem = stem(name).trim_end_matches(".w3c").trim_end_matches(".annotations");
        let Some(t) = find_text(json_stem, &used) else { continue };
        used[i] = true;
        used[t] = true;
        let (tname, tbytes) = &batch[t];
        let r = read_one(tname, tbytes).and_then(|docs| {
            let text = docs.first().map(|o| o.doc.doc.text.clone()).unwrap_or_default();
            w3c_opened(name, &value, base(tname), Some(&text))
        });
        paired.push((i, r));
    }
    // 3. Everything else, one by one, keeping the batch order.
    for i in 0..batch.len() {
        if let Some(k) = paired.iter().position(|(j, _)| *j == i) {
            out.push(paired.remove(k).1);
            continue;
        }
        if used[i] {
            continue;
        }
        let (name, bytes) = &batch[i];
        match read_one(name, bytes) {
            Ok(docs) => out.extend(docs.into_iter().map(Ok)),
            Err(e) => out.push(Err(e)),
        }
    }
    out
}

/// The last part of a path (`a.zip/dir/b.txt` → `b.txt`).
fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn err(name: &str, error: FileError) -> ImportError {
    ImportError { name: name.to_string(), error }
}

/// Reads one file that needs no partner.
fn read_one(name: &str, bytes: &[u8]) -> Result<Vec<Opened>, ImportError> {
    let fail = |e: FileError| err(name, e);
    let doc_name = base(name);
    let plain = |text: String, legacy: bool| {
        let note_msgs: Vec<Msg> =
            legacy.then(|| Msg::new("import.legacy").text("name", name)).into_iter().collect();
        let notes = note_msgs.iter().map(Msg::english).collect();
        // Analysed later (a `Workspace` asks for it: the page runs it in
        // its worker); the language is found then.
        let doc = Document {
            name: doc_name.to_string(),
            lang: crate::core::state::UNDETERMINED.to_string(),
            text: text.into(),
        };
        let doc = AnnotatedDocument::new(doc, Vec::new());
        Ok(vec![Opened { doc, notes, note_msgs, from_annotation_file: false }])
    };
    match kind(name) {
        "txt" => {
            let (t, legacy) = text::decode(bytes).map_err(fail)?;
            plain(t, legacy)
        }
        "md" => {
            let (t, legacy) = text::decode(bytes).map_err(fail)?;
            let t = markdown::to_text(&t);
            if t.trim().is_empty() {
                return Err(fail(FileError::Empty));
            }
            plain(t, legacy)
        }
        "html" => {
            let (t, legacy) = html::decode(bytes).map_err(fail)?;
            let t = html::extract(&t);
            if t.trim().is_empty() {
                return Err(fail(FileError::Broken("the page has no article text".into())));
            }
            plain(t, legacy)
        }
        "docx" => {
            let t = docx::to_text(bytes).map_err(|why| fail(FileError::Broken(why)))?;
            if t.trim().is_empty() {
                return Err(fail(FileError::Empty));
            }
            plain(t, false)
        }
        "json" => {
            let (t, _) = text::decode(bytes).map_err(fail)?;
            let value: Value = serde_json::from_str(&t).map_err(|e| {
                fail(FileError::Broken(format!(
                    "it is not valid JSON (line {}, column {}): {}",
                    e.line(),
                    e.column(),
                    bare(&e)
                )))
            })?;
            if value.get("format").is_some() {
                let doc = sorot_json::from_json(&t)
                    .map_err(|e| fail(FileError::Broken(e.to_string())))?;
                Ok(vec![Opened {
                    doc,
                    notes: Vec::new(),
                    note_msgs: Vec::new(),
                    from_annotation_file: true,
                }])
            } else if w3c::looks_like(&value) {
                Ok(vec![w3c_opened(name, &value, doc_name, None)?])
            } else {
                Err(fail(FileError::Broken(
                    "it is JSON, but neither a Sorot annotations file nor W3C Web Annotation JSON"
                        .into(),
                )))
            }
        }
        "jsonl" => {
            let (t, _) = text::decode(bytes).map_err(fail)?;
            let mut docs = Vec::new();
            for (k, line) in t.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let doc = sorot_json::from_json(line)
                    .map_err(|e| fail(FileError::Broken(format!("line {}: {e}", k + 1))))?;
                docs.push(Opened {
                    doc,
                    notes: Vec::new(),
                    note_msgs: Vec::new(),
                    from_annotation_file: true,
                });
            }
            if docs.is_empty() {
                return Err(fail(FileError::Empty));
            }
            Ok(docs)
        }
        "ann" => {
            Err(fail(FileError::Broken("a brat .ann file opens together with its .txt".into())))
        }
        _ => Err(fail(FileError::Unsupported)),
    }
}

fn w3c_opened(
    name: &str,
    value: &Value,
    doc_name: &str,
    text: Option<&str>,
) -> Result<Opened, ImportError> {
    let r =
        w3c::from_json(value, doc_name, text).map_err(|why| err(name, FileError::Broken(why)))?;
    let mut note_msgs = Vec::new();
    if r.reanchored > 0 || r.unplaced > 0 {
        let key = if r.unplaced > 0 { "import.reanchored-unplaced" } else { "import.reanchored" };
        note_msgs.push(
            Msg::new(key)
                .text("name", name)
                .text("n", r.reanchored.to_string())
                .text("m", r.unplaced.to_string()),
        );
    }
    let notes = note_msgs.iter().map(Msg::english).collect();
    Ok(Opened { doc: r.doc, notes, note_msgs, from_annotation_file: true })
}

/// serde_json's message without its trailing position.
fn bare(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).map(str::to_string).unwrap_or(full)
}

#[cfg(test)]
mod megabytes_tests {
    use super::Megabytes;

    #[test]
    fn megabytes_match_float_formatting() {
        let mut ns: Vec<usize> = (0..=3 << 20).step_by(97).collect();
        // Ties (n * 10 = (2k + 1) * 2^19) and their neighbours, both parities.
        for k in 0..2000usize {
            let tie = (2 * k + 1) << 18;
            if tie % 5 == 0 {
                let n = tie / 5;
                ns.extend([n - 1, n, n + 1]);
            }
        }
        ns.extend([20 << 20, (20 << 20) + 1, 100 << 20, u32::MAX as usize, 1 << 40]);
        for n in ns {
            assert_eq!(Megabytes(n).to_string(), format!("{:.1}", n as f64 / 1_048_576.0), "{n}");
        }
    }
}

#[cfg(test)]
mod msg_tests {
    use super::*;

    /// Every error's catalogue message says in English what its
    /// `Display` says.
    #[test]
    fn messages_match_display() {
        let json = read("a.json", b"{\n  \"x\": }").unwrap_err();
        assert_eq!(json.msg().key, "import.bad-json");
        let errors = [
            FileError::Unsupported,
            FileError::TooLarge(30 * 1_048_576 + 5),
            FileError::Empty,
            FileError::NotText,
            FileError::Unreadable,
            FileError::Broken("the zip holds no files".into()),
            json.error.clone(),
        ];
        for error in errors {
            let e = ImportError { name: "berkas.txt".into(), error };
            assert_eq!(e.msg().english(), e.to_string());
        }
        let w3c = read("a.txt", b"caf\xe9 ok").unwrap();
        assert_eq!(w3c[0].notes, w3c[0].note_msgs.iter().map(Msg::english).collect::<Vec<_>>());
        assert_eq!(w3c[0].note_msgs[0].key, "import.legacy");
    }
}
