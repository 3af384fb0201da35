//! Sorot JSON: the annotation file Sorot writes and reads back
//! (`"format": "sorot.annotations"`, `"version": 1`).
//!
//! One file holds one document: its name, language and full text, and every
//! annotation on it. Other tools read these files, so the format is a
//! contract: within version 1 fields may be **added**, but none is renamed,
//! removed or given a new meaning. Readers must ignore fields they do not
//! know. The JSON Schema is `schema/sorot.annotations.v1.schema.json`.
//!
//! # Offsets
//!
//! `start` and `end` count **Unicode code points** (scalar values) into
//! `document.text`, and the span is half-open: `[start, end)`. They are not
//! bytes and not UTF-16 code units: `😀` is one code point (two UTF-16 units,
//! four UTF-8 bytes), the flag `🇯🇵` is two code points, and `é` written as
//! `e` + U+0301 is two. In Python the covered text is `text[start:end]`; in
//! JavaScript it is `Array.from(text).slice(start, end).join("")`. Line
//! endings are part of the text as annotated (`\r\n` counts as two).
//!
//! # Fields
//!
//! The top level is an object:
//!
//! * `format` (string): always `"sorot.annotations"`; says what the file is.
//! * `version` (integer): always `1`. A new number means an incompatible
//!   change; adding a field does not change it.
//! * `generator` (string): the program that wrote the file, `"sorot "`
//!   followed by its version, for example `"sorot 0.1.0"`. Informational
//!   only; readers must not depend on it (files from other tools may lack
//!   it).
//! * `document` (object): the annotated document.
//!   * `name` (string): its display name, usually the original file name
//!     (`article.txt`); `pasted-article` for pasted text.
//!   * `lang` (string): the BCP 47 tag of the language it was analysed as,
//!     such as `"id"` (Indonesian) or `"en"` (English).
//!   * `text` (string): the full text exactly as annotated, line endings
//!     included. Every offset refers to this string.
//! * `annotations` (array of objects): the annotations, sorted by `start`
//!   ascending, then by `end` descending (an enclosing span comes before
//!   the spans inside it). Spans may nest and overlap.
//!   * `id` (string): identifier, unique in the file. The recognizer numbers
//!     its annotations `a1`, `a2`, … in document order; a later analysis of
//!     the same document keeps the id of every annotation it finds again
//!     and gives the new ones ids not in use. Treat ids as opaque.
//!   * `label` (string): what the span is. The built-in labels are
//!     `PERSON`, `ORG` (organisation), `LOC` (place), `DATE` and `QUOTE`
//!     (a direct quotation); any other string is a label the user made.
//!   * `start` (integer, code points): the first code point of the span.
//!   * `end` (integer, code points): one past the last code point; always
//!     greater than `start` and at most the length of `document.text`.
//!   * `text` (string): the covered text, equal to `document.text` sliced
//!     from `start` to `end`. It is redundant, for readers' convenience and
//!     as a check that offsets were counted in the right unit.
//!   * `source` (string): `"auto"` if the recognizer found it, `"user"` if
//!     the user made or confirmed it.
//!   * `speaker` (string, optional): only on a `QUOTE`, the `id` of the
//!     annotation naming who said it. Absent when the speaker is unknown
//!     (never `null`). A link whose target no longer exists is left out.
//!   * `value` (string, optional): on a `DATE`, its normalised value in ISO
//!     8601, as precise as the text allows (`"2025-12-01"`, `"2025-01"`,
//!     `"2022"`). Absent when the date cannot be resolved (a bare weekday
//!     with no dateline to anchor it).
//!   * `title` (string, optional): on a `PERSON`, the title or role written
//!     right before the name, which is not part of the span
//!     (`"Perdana Menteri Jepang"` before `Sanae Takaichi`).
//! * `entities` (array of objects): the `PERSON`, `ORG` and `LOC`
//!   annotations grouped by what they name (`Sanae Takaichi` and
//!   `Takaichi`; `Amerika Serikat` and `AS`), in order of each entity's
//!   first mention. Every such annotation is in exactly one entity; one
//!   named once is an entity of its own. The groups are derived from the
//!   annotations when the file is written (see [`crate::core::entities`]),
//!   so a reader that changes annotations should recompute or drop them;
//!   [`from_json`] ignores them.
//!   * `id` (string): identifier, unique in the file: `e1`, `e2`, … in
//!     order of first mention; opaque.
//!   * `label` (string): `PERSON`, `ORG` or `LOC`, the label of every
//!     mention.
//!   * `name` (string): the text of the fullest (longest) mention.
//!   * `mentions` (array of strings): the `id`s of its annotations, in
//!     document order; never empty.
//! * `labels` (array of objects, optional): the label set of the workspace
//!   the file was written from, in its order (the order of the legend and
//!   of the number keys 1–9). Absent in files written before labels could
//!   be edited and by other tools: the reader then takes the built-in set
//!   (`PERSON`, `ORG`, `LOC`, `DATE`, `QUOTE` with their usual colours).
//!   An annotation's label need not be listed; a reader adds the labels it
//!   finds on annotations and not in the list at the end.
//!   * `name` (string): the label, as annotations carry it; non-empty, and
//!     no two entries have the same name.
//!   * `colour` (string): the colour chosen for it, `#rrggbb`. Sorot derives
//!     the highlight colours of both themes from it so that text on them
//!     keeps a WCAG AA contrast; the built-in labels' defaults are
//!     `#1d4ed8` (PERSON), `#15803d` (ORG), `#a15c07` (LOC), `#7e22ce`
//!     (DATE) and `#be123c` (QUOTE).
//!   * `hidden` (boolean, optional, default `false`): whether the label's
//!     highlights are hidden in the editor.
//!
//! # Example
//!
//! ```json
//! {
//!   "format": "sorot.annotations",
//!   "version": 1,
//!   "generator": "sorot 0.1.0",
//!   "document": {
//!     "name": "takaichi.txt",
//!     "lang": "id",
//!     "text": "Sanae Takaichi berkata di Tokyo pada 21 Oktober 2025: “Kami akan bekerja keras.”"
//!   },
//!   "annotations": [
//!     {
//!       "id": "a1",
//!       "label": "PERSON",
//!       "start": 0,
//!       "end": 14,
//!       "text": "Sanae Takaichi",
//!       "source": "auto"
//!     },
//!     {
//!       "id": "a2",
//!       "label": "LOC",
//!       "start": 26,
//!       "end": 31,
//!       "text": "Tokyo",
//!       "source": "auto"
//!     },
//!     {
//!       "id": "a3",
//!       "label": "DATE",
//!       "start": 37,
//!       "end": 52,
//!       "text": "21 Oktober 2025",
//!       "source": "auto"
//!     },
//!     {
//!       "id": "a4",
//!       "label": "QUOTE",
//!       "start": 54,
//!       "end": 80,
//!       "text": "“Kami akan bekerja keras.”",
//!       "source": "user",
//!       "speaker": "a1"
//!     }
//!   ],
//!   "entities": [
//!     {
//!       "id": "e1",
//!       "label": "PERSON",
//!       "name": "Sanae Takaichi",
//!       "mentions": [
//!         "a1"
//!       ]
//!     },
//!     {
//!       "id": "e2",
//!       "label": "LOC",
//!       "name": "Tokyo",
//!       "mentions": [
//!         "a2"
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! The same file with the label set, as the page's export writes it, ends
//! with (here on fewer lines):
//!
//! ```text
//!   "labels": [
//!     { "name": "PERSON", "colour": "#1d4ed8", "hidden": false },
//!     { "name": "ORG", "colour": "#15803d", "hidden": false },
//!     { "name": "LOC", "colour": "#a15c07", "hidden": true },
//!     { "name": "DATE", "colour": "#7e22ce", "hidden": false },
//!     { "name": "QUOTE", "colour": "#be123c", "hidden": false },
//!     { "name": "Topik", "colour": "#0f766e", "hidden": false }
//!   ]
//! }
//! ```
//!
//! [`to_json`] writes this pretty-printed (two-space indent, trailing
//! newline) without `labels`, and [`to_json_with_labels`] with them;
//! [`to_json_line`] writes it on one line for JSON Lines;
//! [`from_json`] reads it back, checking every rule above, so that
//! `from_json(&to_json(&doc)) == Ok(doc)`, and [`from_json_with_labels`]
//! reads the label set too.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::labels::{LabelRecord, LabelSet};
use crate::core::model::{labels, AnnotatedDocument, Annotation, Document, Short, Source};
use crate::core::text::CharIndex;

/// The value of the `format` field.
pub const FORMAT: &str = "sorot.annotations";

/// The format version this module writes and reads.
pub const VERSION: u64 = 1;

/// The value of the `generator` field.
pub const GENERATOR: &str = concat!("sorot ", env!("CARGO_PKG_VERSION"));

/// The name used when a document's name gives nothing usable.
const FALLBACK_NAME: &str = "pasted-article";

/// The top level, as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    generator: &'static str,
    document: DocumentOut<'a>,
    annotations: Vec<AnnotationOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<Vec<LabelRecord>>,
}

/// One element of `entities`, as written.
#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    label: &'a str,
    name: &'a str,
    mentions: &'a [Short],
}

/// `document`, as written.
#[derive(Serialize)]
struct DocumentOut<'a> {
    name: &'a str,
    lang: &'a str,
    text: &'a str,
}

/// One element of `annotations`, as written.
#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: &'a str,
    label: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

/// The top level, as read. Unknown fields are ignored (they may be
/// additions from a newer writer); `format` and `version` are checked
/// before this is parsed.
#[derive(Deserialize)]
struct FileIn {
    document: DocumentIn,
    annotations: Vec<AnnotationIn>,
    #[serde(default)]
    labels: Option<Vec<LabelRecord>>,
}

/// Only the `labels` of a file (see [`labels_in`]).
#[derive(Deserialize)]
struct LabelsIn {
    format: String,
    #[serde(default)]
    labels: Option<Vec<LabelRecord>>,
}

/// `document`, as read.
#[derive(Deserialize)]
struct DocumentIn {
    name: String,
    lang: String,
    text: String,
}

/// One element of `annotations`, as read.
#[derive(Deserialize)]
struct AnnotationIn {
    id: String,
    label: String,
    start: usize,
    end: usize,
    text: String,
    source: Source,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

fn file_out<'a>(doc: &'a AnnotatedDocument, labels: Option<&LabelSet>) -> FileOut<'a> {
    let speakers = kept_speakers(doc);
    let annotations = doc
        .annotations
        .iter()
        .zip(&speakers)
        .map(|(a, &kept)| annotation_out(doc, a, kept))
        .collect();
    FileOut {
        format: FORMAT,
        version: VERSION,
        generator: GENERATOR,
        document: DocumentOut { name: &doc.doc.name, lang: &doc.doc.lang, text: &doc.doc.text },
        annotations,
        entities: entities_out(doc),
        labels: labels.map(LabelSet::to_records),
    }
}

/// Which annotations keep their speaker: the contract allows a speaker
/// only on a QUOTE and only as a link to an existing annotation; anything
/// else would make a file that `from_json` (and other readers) reject.
fn kept_speakers(doc: &AnnotatedDocument) -> Vec<bool> {
    let ids = doc.speaker_indices();
    doc.annotations
        .iter()
        .map(|a| {
            a.speaker.as_deref().is_some_and(|s| a.label == labels::QUOTE && ids.contains_key(s))
        })
        .collect()
}

fn entities_out(doc: &AnnotatedDocument) -> Vec<EntityOut<'_>> {
    entities_out_of(doc.entities())
}

fn entities_out_of(entities: &[crate::core::entities::Entity]) -> Vec<EntityOut<'_>> {
    entities
        .iter()
        .map(|e| EntityOut { id: &e.id, label: &e.label, name: &e.name, mentions: &e.mentions })
        .collect()
}

fn annotation_out<'a>(
    doc: &'a AnnotatedDocument,
    a: &'a Annotation,
    speaker: bool,
) -> AnnotationOut<'a> {
    AnnotationOut {
        id: &a.id,
        label: &a.label,
        start: a.start,
        end: a.end,
        text: doc.text_of(a),
        source: a.source,
        speaker: a.speaker.as_deref().filter(|_| speaker),
        value: a.value.as_deref(),
        title: a.title.as_deref(),
    }
}

/// [`to_json_line`], made a part at a time ([`LineInSteps::step`]), so a
/// page can save a document of megabytes of text and hundreds of thousands
/// of annotations without one long pause. The line comes in pieces (one
/// per step), which joined are byte for byte [`to_json_line`]'s: a page
/// holding tens of megabytes of saved line in one piece would need that
/// much memory in one block, and each time it grew, as much again.
pub struct LineInSteps {
    doc: std::rc::Rc<AnnotatedDocument>,
    /// Which annotations keep their speaker (worked out in the first step).
    speakers: Vec<bool>,
    /// How much of the text is written (bytes); `None` before the first
    /// step.
    text_at: Option<usize>,
    /// The next annotation to write; past the last, the entities.
    next: usize,
    /// The next entity to write; `None` before the first.
    next_entity: Option<usize>,
    out: Vec<String>,
}

/// Bytes of text a step writes for each annotation it could write
/// instead (escaping a byte of text costs about as much as writing a
/// sixtieth of an annotation).
pub const TEXT_PER_ANNOTATION: usize = 64;

impl LineInSteps {
    /// Starts the line of `doc`.
    pub fn new(doc: std::rc::Rc<AnnotatedDocument>) -> LineInSteps {
        LineInSteps {
            doc,
            speakers: Vec::new(),
            text_at: None,
            next: 0,
            next_entity: None,
            out: Vec::new(),
        }
    }

    /// The document whose line this is.
    pub fn doc(&self) -> &std::rc::Rc<AnnotatedDocument> {
        &self.doc
    }

    /// The pieces written so far and not taken before (a page can move
    /// them out of its memory as they are made); [`step`](Self::step)
    /// then gives back only the pieces made after.
    pub fn take_pieces(&mut self) -> Vec<String> {
        std::mem::take(&mut self.out)
    }

    /// Writes one more piece: the start, then about `annotations` times
    /// [`TEXT_PER_ANNOTATION`] bytes of the text, then about `annotations`
    /// annotations, then entities of about `annotations` mentions, then the
    /// end; the whole line, in pieces, once it is done.
    pub fn step(&mut self, annotations: usize) -> Option<Vec<String>> {
        let doc = &*self.doc;
        let text = &*doc.doc.text;
        let Some(at) = self.text_at else {
            self.speakers = kept_speakers(doc);
            let d = &doc.doc;
            // The document with an empty text, up to the text's opening mark.
            let document = json(&DocumentOut { name: &d.name, lang: &d.lang, text: "" });
            let mut head = String::from("{\"format\":");
            head.push_str(&json(&FORMAT));
            head.push_str(",\"version\":");
            head.push_str(&json(&VERSION));
            head.push_str(",\"generator\":");
            head.push_str(&json(&GENERATOR));
            head.push_str(",\"document\":");
            head.push_str(&document[..document.len() - 2]);
            self.out.push(head);
            self.text_at = Some(0);
            return None;
        };
        if at < text.len() {
            let mut end = (at + annotations.max(1) * TEXT_PER_ANNOTATION).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            // Escaping goes character by character: the pieces' escapes
            // joined are the whole text's.
            let quoted = json(&text[at..end]);
            self.out.push(quoted[1..quoted.len() - 1].to_string());
            self.text_at = Some(end);
            return None;
        }
        let end = (self.next + annotations.max(1)).min(doc.annotations.len());
        if self.next < end {
            let batch: Vec<AnnotationOut> = (self.next..end)
                .map(|i| annotation_out(doc, &doc.annotations[i], self.speakers[i]))
                .collect();
            let batch = json(&batch);
            let mut piece = String::with_capacity(batch.len() + 24);
            if self.next == 0 {
                piece.push_str("\"},\"annotations\":[");
            } else {
                piece.push(',');
            }
            // The batch's elements, without its brackets.
            piece.push_str(&batch[1..batch.len() - 1]);
            self.out.push(piece);
            self.next = end;
            return None;
        }
        let entities = doc.entities();
        let Some(from) = self.next_entity else {
            self.out.push(
                if doc.annotations.is_empty() {
                    "\"},\"annotations\":[],\"entities\":["
                } else {
                    "],\"entities\":["
                }
                .to_string(),
            );
            self.next_entity = Some(0);
            return None;
        };
        // Entities up to about `annotations` mentions (one at least).
        let mut to = from;
        let mut mentions = 0;
        while to < entities.len() && (to == from || mentions < annotations) {
            mentions += entities[to].mentions.len();
            to += 1;
        }
        if from < to {
            let batch = json(&entities_out_of(&entities[from..to]));
            let mut piece = String::with_capacity(batch.len());
            if from > 0 {
                piece.push(',');
            }
            piece.push_str(&batch[1..batch.len() - 1]);
            self.out.push(piece);
            self.next_entity = Some(to);
            return None;
        }
        self.out.push("]}\n".to_string());
        Some(std::mem::take(&mut self.out))
    }
}

/// A part of the line as compact JSON text.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    super::json::to_string(value, false).expect("Sorot JSON serialises")
}

/// Serialises a document and its annotations as Sorot JSON, pretty-printed
/// with a two-space indent and a trailing newline.
pub fn to_json(doc: &AnnotatedDocument) -> String {
    // Serialising strings, integers and a unit enum into a String cannot fail.
    let mut out =
        super::json::to_string(&file_out(doc, None), true).expect("Sorot JSON serialises");
    out.push('\n');
    out
}

/// [`to_json`] with the label set (`labels`, in order) of the workspace
/// the document is in.
pub fn to_json_with_labels(doc: &AnnotatedDocument, labels: &LabelSet) -> String {
    // As in `to_json`, this cannot fail.
    let mut out =
        super::json::to_string(&file_out(doc, Some(labels)), true).expect("Sorot JSON serialises");
    out.push('\n');
    out
}

/// Serialises a document as Sorot JSON on a single line, followed by a
/// newline: one record of a JSON Lines stream. The content is the same as
/// [`to_json`]'s.
pub fn to_json_line(doc: &AnnotatedDocument) -> String {
    let mut out = json(&file_out(doc, None));
    out.push('\n');
    out
}

/// The download name for a document's Sorot JSON.
///
/// A final extension (`.txt`, `.md`, `.html`: one to eight ASCII letters or
/// digits, at least one a letter, after the last dot) is replaced by
/// `.sorot.json`, so `report 1.2` keeps its `.2`; characters that
/// are illegal in file names on some system (`/ \ : * ? " < > |` and control
/// characters) become `_`; surrounding spaces and trailing dots are dropped.
/// A name with nothing usable left becomes `pasted-article`.
///
/// `article.txt` → `article.sorot.json`, `a.b.txt` → `a.b.sorot.json`,
/// `""` → `pasted-article.sorot.json`.
pub fn file_name(doc_name: &str) -> String {
    let name = doc_name.trim();
    let base = match name.rsplit_once('.') {
        Some((base, ext))
            if !base.trim().is_empty()
                && (1..=8).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                && ext.bytes().any(|b| b.is_ascii_alphabetic()) =>
        {
            base
        }
        _ => name,
    };
    // Windows drops trailing dots and spaces from file names.
    let base = base.trim_end_matches(['.', ' ']).trim();
    let illegal = |c: char| "/\\:*?\"<>|".contains(c) || c.is_control();
    if base.chars().all(illegal) {
        return format!("{FALLBACK_NAME}.sorot.json");
    }
    let clean: String = base.chars().map(|c| if illegal(c) { '_' } else { c }).collect();
    format!("{clean}.sorot.json")
}

/// Why a Sorot JSON file could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The input is not JSON at all.
    InvalidJson {
        /// Line of the error, counting from 1.
        line: usize,
        /// Column of the error, counting from 1.
        column: usize,
        /// What the parser found wrong.
        message: String,
    },
    /// The `format` field is missing or is not `"sorot.annotations"`.
    WrongFormat {
        /// The `format` value found, as JSON; `None` if there was none.
        found: Option<String>,
    },
    /// The `version` field is missing or is not a version this build reads.
    UnsupportedVersion {
        /// The `version` value found, as JSON; `None` if there was none.
        found: Option<String>,
    },
    /// The JSON has the right format and version but a field is missing or
    /// has the wrong type.
    Malformed {
        /// Line of the error, counting from 1.
        line: usize,
        /// Column of the error, counting from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Two annotations have the same `id`.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// An annotation's span is empty or reversed (`end <= start`).
    EmptySpan {
        /// The annotation's id.
        id: String,
        /// Its `start`.
        start: usize,
        /// Its `end`.
        end: usize,
    },
    /// An annotation's span ends past the end of the text.
    OutOfRange {
        /// The annotation's id.
        id: String,
        /// Its `start`.
        start: usize,
        /// Its `end`.
        end: usize,
        /// Length of `document.text` in code points.
        len: usize,
    },
    /// An annotation's `text` differs from the document text at its span
    /// (typically offsets counted in bytes or UTF-16 instead of code
    /// points).
    TextMismatch {
        /// The annotation's id.
        id: String,
        /// The document text between `start` and `end`.
        expected: String,
        /// The annotation's `text` field.
        found: String,
    },
    /// A `speaker` names an id that no annotation has.
    UnknownSpeaker {
        /// The quote's id.
        id: String,
        /// The speaker id it names.
        speaker: String,
    },
    /// A `speaker` is given on an annotation that is not a `QUOTE`.
    SpeakerNotAllowed {
        /// The annotation's id.
        id: String,
        /// Its label.
        label: String,
    },
    /// An entry of `labels` is wrong (an empty or repeated name, a colour
    /// that is not `#rrggbb`).
    BadLabel {
        /// What is wrong.
        message: String,
    },
}

/// Quotes a string for an error message the way JSON would.
fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Quotes a text for an error message, shortened to its first code points.
fn excerpt(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        quote(s)
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{}…", quote(&head))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::InvalidJson { line, column, message } => {
                write!(f, "not valid JSON (line {line}, column {column}): {message}")
            }
            ImportError::WrongFormat { found: None } => {
                write!(f, "not a Sorot annotations file: no \"format\" field")
            }
            ImportError::WrongFormat { found: Some(v) } => write!(
                f,
                "not a Sorot annotations file: \"format\" is {v}, expected \"{FORMAT}\""
            ),
            ImportError::UnsupportedVersion { found: None } => {
                write!(f, "Sorot annotations file without a \"version\" field")
            }
            ImportError::UnsupportedVersion { found: Some(v) } => write!(
                f,
                "Sorot annotations version {v} is not supported (this version of Sorot reads version {VERSION})"
            ),
            ImportError::Malformed { line, column, message } => write!(
                f,
                "invalid Sorot annotations file (line {line}, column {column}): {message}"
            ),
            ImportError::DuplicateId { id } => {
                write!(f, "more than one annotation has the id {}", quote(id))
            }
            ImportError::EmptySpan { id, start, end } => write!(
                f,
                "annotation {} has an empty span: end {end} is not after start {start}",
                quote(id)
            ),
            ImportError::OutOfRange { id, start, end, len } => write!(
                f,
                "annotation {} spans code points {start}..{end}, past the end of the text ({len} code points)",
                quote(id)
            ),
            ImportError::TextMismatch { id, expected, found } => write!(
                f,
                "annotation {} has text {} but the document has {} at its offsets (offsets must count code points)",
                quote(id),
                excerpt(found),
                excerpt(expected)
            ),
            ImportError::UnknownSpeaker { id, speaker } => write!(
                f,
                "annotation {} names speaker {}, but no annotation has that id",
                quote(id),
                quote(speaker)
            ),
            ImportError::SpeakerNotAllowed { id, label } => write!(
                f,
                "annotation {} has label {} and a speaker; only a QUOTE may have one",
                quote(id),
                quote(label)
            ),
            ImportError::BadLabel { message } => write!(f, "invalid \"labels\": {message}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// serde_json's message without its trailing " at line L column C".
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(bare) => bare.to_string(),
        None => full,
    }
}

/// Reads a Sorot JSON file (version 1) back into a document.
///
/// Fields this version does not know are ignored. Everything the format
/// promises is checked: ids are unique, every span is non-empty and inside
/// the text, every `text` equals its slice of the document, and every
/// `speaker` is on a `QUOTE` and names an existing annotation.
pub fn from_json(json: &str) -> Result<AnnotatedDocument, ImportError> {
    from_json_with_labels(json).map(|(doc, _)| doc)
}

/// [`from_json`], and the file's label set: its `labels` in order (checked:
/// names non-empty and different, colours `#rrggbb`), or the built-in set
/// when there are none, followed by any other label its annotations carry.
pub fn from_json_with_labels(json: &str) -> Result<(AnnotatedDocument, LabelSet), ImportError> {
    // First as untyped JSON, so a file of another kind is reported as such
    // rather than as a missing field.
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        ImportError::InvalidJson { line: e.line(), column: e.column(), message: bare_message(&e) }
    })?;
    match value.get("format") {
        Some(serde_json::Value::String(s)) if s == FORMAT => {}
        other => return Err(ImportError::WrongFormat { found: other.map(|v| v.to_string()) }),
    }
    match value.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        other => {
            return Err(ImportError::UnsupportedVersion { found: other.map(|v| v.to_string()) })
        }
    }
    // Parsed again from the text (not from `value`) to keep line and column.
    let file: FileIn = serde_json::from_str(json).map_err(|e| ImportError::Malformed {
        line: e.line(),
        column: e.column(),
        message: bare_message(&e),
    })?;

    let text = file.document.text;
    let index = CharIndex::new(&text);
    let len = index.char_len();
    let mut ids = HashSet::new();
    for a in &file.annotations {
        if !ids.insert(a.id.as_str()) {
            return Err(ImportError::DuplicateId { id: a.id.clone() });
        }
        if a.end <= a.start {
            return Err(ImportError::EmptySpan { id: a.id.clone(), start: a.start, end: a.end });
        }
        if a.end > len {
            return Err(ImportError::OutOfRange {
                id: a.id.clone(),
                start: a.start,
                end: a.end,
                len,
            });
        }
        let slice = index.slice(&text, a.start, a.end);
        if slice != a.text {
            return Err(ImportError::TextMismatch {
                id: a.id.clone(),
                expected: slice.to_string(),
                found: a.text.clone(),
            });
        }
    }
    for a in &file.annotations {
        if let Some(speaker) = &a.speaker {
            if a.label != labels::QUOTE {
                return Err(ImportError::SpeakerNotAllowed {
                    id: a.id.clone(),
                    label: a.label.clone(),
                });
            }
            if !ids.contains(speaker.as_str()) {
                return Err(ImportError::UnknownSpeaker {
                    id: a.id.clone(),
                    speaker: speaker.clone(),
                });
            }
        }
    }

    let mut labels = match &file.labels {
        Some(records) => {
            LabelSet::from_records(records).map_err(|message| ImportError::BadLabel { message })?
        }
        None => LabelSet::default(),
    };
    for a in &file.annotations {
        labels.ensure(&a.label);
    }

    let annotations = file
        .annotations
        .into_iter()
        .map(|a| Annotation {
            id: a.id.into(),
            label: a.label.into(),
            start: a.start,
            end: a.end,
            source: a.source,
            speaker: a.speaker.map(Short::from),
            value: a.value,
            title: a.title,
        })
        .collect();
    let doc = Document { name: file.document.name, lang: file.document.lang, text: text.into() };
    Ok((AnnotatedDocument::new(doc, annotations), labels))
}

/// The `labels` of a Sorot JSON file given as bytes (UTF-8, a BOM allowed),
/// if it is one and has a valid list; only the label set is read.
pub fn labels_in(bytes: &[u8]) -> Option<LabelSet> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file: LabelsIn = serde_json::from_slice(bytes).ok()?;
    if file.format != FORMAT {
        return None;
    }
    LabelSet::from_records(&file.labels?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_message_drops_the_position() {
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": }").unwrap_err();
        assert_eq!(bare_message(&e), "expected value");
    }

    #[test]
    fn long_texts_are_shortened_in_messages() {
        let long = "x".repeat(100);
        assert_eq!(excerpt(&long), format!("\"{}\"…", "x".repeat(60)));
        assert_eq!(excerpt("e\u{301}\n\""), "\"e\u{301}\\n\\\"\"");
    }
}
