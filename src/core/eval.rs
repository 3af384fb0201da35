//! Evaluation: reading gold annotations and scoring predictions against
//! them.
//!
//! The central noun is a [`Gold`] set: documents (their text, gold entity
//! spans and, for JSON gold, gold quotations with their speakers) read from
//! one of two formats, detected by [`read_gold`]:
//!
//! * **CoNLL/BIO columns** ([`read_conll`]): one token a line, the token in
//!   the first column and its IOB tag in the last; columns split on tabs if
//!   the line has one, else on runs of whitespace; a blank line between
//!   sentences; LF or CRLF. `-DOCSTART-` lines start a new document and are
//!   otherwise skipped; lines beginning with `# ` are comments, and
//!   `# newdoc …` (GUM) also starts a new document. Tags are `O` or
//!   `B-`/`I-`/`E-`/`S-` plus a type; a bare type in capitals without
//!   prefix counts as `I-` (the IO scheme); any other last column is an
//!   error. Chunks are found with conlleval's
//!   start-of-chunk/end-of-chunk rules, so IOB1 (an `I-` that starts an
//!   entity) and IOB2 give the same entities, and a type change always
//!   splits. Types are then mapped by [`map_label`] (`PER`/`PERSON` →
//!   PERSON, `ORG`/`ORGANISATION`/`ORGANIZATION` → ORG, `LOC`/`PLACE`/`GPE`
//!   → LOC, `DATE`/`TIME` → DATE, case-insensitively); other types (`MISC`,
//!   …) are ignored. The text the recognizer sees is rebuilt: tokens joined
//!   by one space, sentences by `\n`; each document is its own text. A gold
//!   entity's span is the code-point range from its first token's start to
//!   its last token's end in that text.
//! * **JSON** ([`read_json`]): one object `{ "text", "entities": [{ "start",
//!   "end", "label" }], "quotes": [{ "start", "end", "speaker" }] }`, a JSON
//!   array of such objects, or several of them one after another (JSON
//!   Lines). Offsets are code points, half-open. `entities` may be absent
//!   (no entities); `quotes` absent means the document's quotations are not
//!   annotated, so they are not scored (an empty array means it has none).
//!   A quote's span includes its quotation marks; `speaker` is the text
//!   naming who speaks, or absent/`null`/`""` when the gold gives none.
//!   Entity labels are mapped like CoNLL types; unknown ones are ignored.
//!   Optional `id` or `name` fields name the document.
//!
//!   A Sorot JSON file (`"format": "sorot.annotations"`, see
//!   [`sorot_json`]), for instance one corrected by hand in the app, is
//!   also JSON gold (alone, in an array or as JSON Lines): its PERSON, ORG,
//!   LOC and DATE annotations are the gold entities and its QUOTEs the gold
//!   quotations, each with the text of the annotation its `speaker` names.
//!
//! # Scoring
//!
//! [`Scorer`] compares each gold document with a [`Prediction`] (usually
//! made from the recognizer's [`AnnotatedDocument`] by
//! [`Prediction::from_annotated`]):
//!
//! * **Entities**: exact match, as conlleval: a predicted entity is correct
//!   only if its label, start and end all equal a gold entity's (each gold
//!   entity matches at most one prediction). Only the scored labels count,
//!   on both sides: by default the labels that occur in the gold file's tag
//!   set ([`Gold::labels`]), so a recognizer's DATEs are not false positives
//!   against gold that never marks dates. The overall score is
//!   micro-averaged: the counts of the scored labels are summed.
//! * **Precision** = correct / predicted, **recall** = correct / gold,
//!   **F1** = 2·P·R / (P + R). As in conlleval, a zero denominator gives 0
//!   (no predictions: precision 0; no gold: recall 0; P + R = 0: F1 0).
//! * **Quotations** (documents whose gold has `quotes`): exact match of the
//!   span, marks included. **Speaker accuracy** is measured over the
//!   matched quotations whose gold names a speaker: correct when the
//!   predicted quotation has a speaker and its annotation's text
//!   [matches](speaker_matches) the gold speaker text; a missing predicted
//!   speaker is wrong.
//!
//! [`mismatches`] lists, for one document, exactly what the counts miss:
//! each missed gold span, each spurious prediction and each wrong speaker.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::Deserialize;

use super::export::sorot_json;
use super::model::{labels, AnnotatedDocument};
use super::text::CharIndex;

/// The entity labels that can be scored, in report order.
pub const LABELS: [&str; 4] = [labels::PERSON, labels::ORG, labels::LOC, labels::DATE];

/// Maps a gold tag type (`PER`, `ORGANISATION`, `PLACE`, `TIME`, …) or a
/// label to the Sorot label it is scored as; `None` for types Sorot does
/// not recognise (`MISC`, …). Case-insensitive.
pub fn map_label(tag_type: &str) -> Option<&'static str> {
    match tag_type.trim().to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some(labels::PERSON),
        "ORG" | "ORGANISATION" | "ORGANIZATION" => Some(labels::ORG),
        "LOC" | "PLACE" | "GPE" => Some(labels::LOC),
        "DATE" | "TIME" => Some(labels::DATE),
        _ => None,
    }
}

/// An entity span: a label and a half-open code-point range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entity {
    /// The label, one of [`LABELS`].
    pub label: &'static str,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A quotation span (marks included) and the text naming its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// First code point (the opening mark).
    pub start: usize,
    /// One past the last code point (after the closing mark).
    pub end: usize,
    /// The speaker's text (`Mark Rutte`), if any.
    pub speaker: Option<String>,
}

/// One gold document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// Its name: GUM's `newdoc id`, or a JSON document's `id`/`name`.
    pub id: Option<String>,
    /// The text to analyse (rebuilt from the tokens for CoNLL gold).
    pub text: String,
    /// The gold entities, sorted by start.
    pub entities: Vec<Entity>,
    /// The gold quotations; `None` when the gold does not annotate them.
    pub quotes: Option<Vec<Quote>>,
}

/// Which format a gold file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// CoNLL/BIO columns.
    Conll,
    /// JSON documents with code-point offsets.
    Json,
}

impl GoldFormat {
    /// A short name: `conll` or `json`.
    pub fn name(self) -> &'static str {
        match self {
            GoldFormat::Conll => "conll",
            GoldFormat::Json => "json",
        }
    }
}

/// A gold file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    /// The format it was read as.
    pub format: GoldFormat,
    /// Its documents, in file order.
    pub docs: Vec<GoldDoc>,
    /// The labels of its tag set (every mapped type that occurs in a tag or
    /// an entity), in [`LABELS`] order: the labels scored by default.
    pub labels: Vec<&'static str>,
    /// Types that occur but are not scored (`MISC`, …), sorted.
    pub ignored_types: Vec<String>,
    /// Number of tokens (CoNLL); 0 for JSON gold.
    pub tokens: usize,
}

/// Why a gold file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldError {
    /// A line of a CoNLL file is not `TOKEN … TAG`.
    Conll {
        /// Line number, counting from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A JSON gold document is malformed.
    Json {
        /// Number of the document, counting from 1 (0: not yet in one).
        doc: usize,
        /// What is wrong.
        message: String,
    },
    /// The file holds no token and no document.
    Empty,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldError::Conll { line, message } => write!(f, "line {line}: {message}"),
            GoldError::Json { doc: 0, message } => write!(f, "JSON gold: {message}"),
            GoldError::Json { doc, message } => write!(f, "JSON gold document {doc}: {message}"),
            GoldError::Empty => write!(f, "no gold document found (empty file?)"),
        }
    }
}

impl std::error::Error for GoldError {}

/// Reads a gold file, detecting its format: text whose first non-blank
/// character is `{` or `[` is read as JSON, and if that fails as CoNLL
/// (reporting the JSON error if both fail); anything else is CoNLL.
pub fn read_gold(input: &str) -> Result<Gold, GoldError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim_start().starts_with(['{', '[']) {
        match read_json(input) {
            Ok(gold) => Ok(gold),
            Err(json_error) => read_conll(input).map_err(|_| json_error),
        }
    } else {
        read_conll(input)
    }
}

/// One tag of a CoNLL file, split as conlleval splits it. `K` is the
/// type: the text while parsing, an interned number in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag<K> {
    /// `B`, `I`, `E`, `S` or `O`.
    prefix: u8,
    /// The type (`PER`); empty (or 0) for `O`.
    kind: K,
}

/// The `O` tag, with the type number every `O` has.
const OUTSIDE: Tag<usize> = Tag { prefix: b'O', kind: 0 };

/// Splits a tag: `O`, `B-`/`I-`/`E-`/`S-` and a type, or a bare type in
/// capitals (`PER`, read as `I-PER`: the IO scheme). Anything else (a word
/// of running text) is `None`.
fn parse_tag(tag: &str) -> Option<Tag<&str>> {
    if tag == "O" {
        return Some(Tag { prefix: b'O', kind: "" });
    }
    match tag.split_once('-') {
        Some((p, kind)) if matches!(p, "B" | "I" | "E" | "S") && !kind.is_empty() => {
            Some(Tag { prefix: p.as_bytes()[0], kind })
        }
        _ if tag.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
            && tag.bytes().any(|b| b.is_ascii_uppercase()) =>
        {
            Some(Tag { prefix: b'I', kind: tag })
        }
        _ => None,
    }
}

/// conlleval's `endOfChunk`: does a chunk end between `prev` and `tag`?
fn chunk_ends<K: PartialEq>(prev: Tag<K>, tag: Tag<K>) -> bool {
    matches!((prev.prefix, tag.prefix), (b'E' | b'S', _) | (b'B' | b'I', b'B' | b'S' | b'O'))
        || (prev.prefix != b'O' && prev.kind != tag.kind)
}

/// conlleval's `startOfChunk`: does a chunk start at `tag`?
fn chunk_starts<K: PartialEq>(prev: Tag<K>, tag: Tag<K>) -> bool {
    matches!((prev.prefix, tag.prefix), (_, b'B' | b'S') | (b'E' | b'S' | b'O', b'E' | b'I'))
        || (tag.prefix != b'O' && prev.kind != tag.kind)
}

/// Builds the documents of a CoNLL file as its lines are read.
#[derive(Default)]
struct ConllBuilder {
    docs: Vec<GoldDoc>,
    /// The text of the document being read.
    text: String,
    /// Its length in code points.
    chars: usize,
    /// Its entities so far.
    entities: Vec<Entity>,
    /// Its name, from `# newdoc id = …`.
    id: Option<String>,
    /// The sentence being read: each token's code-point span and tag.
    sentence: Vec<(usize, usize, Tag<usize>)>,
    /// Every tag type seen, numbered by position; 0 is `O`'s empty type.
    kinds: Vec<(String, Option<&'static str>)>,
    /// Whether the document has a sentence yet (for the `\n` separator).
    has_sentence: bool,
    tokens: usize,
    labels: BTreeSet<&'static str>,
    ignored: BTreeSet<String>,
}

impl ConllBuilder {
    fn token(&mut self, token: &str, tag: Tag<&str>) {
        if self.sentence.is_empty() {
            if self.has_sentence {
                self.text.push('\n');
                self.chars += 1;
            }
        } else {
            self.text.push(' ');
            self.chars += 1;
        }
        let start = self.chars;
        self.text.push_str(token);
        self.chars += token.chars().count();
        let kind = match self.kinds.iter().position(|(k, _)| k == tag.kind) {
            Some(kind) => kind,
            None => {
                let label = map_label(tag.kind);
                match label {
                    Some(label) => self.labels.insert(label),
                    None => self.ignored.insert(tag.kind.to_string()),
                };
                self.kinds.push((tag.kind.to_string(), label));
                self.kinds.len() - 1
            }
        };
        self.sentence.push((start, self.chars, Tag { prefix: tag.prefix, kind }));
        self.tokens += 1;
    }

    fn end_sentence(&mut self) {
        if self.sentence.is_empty() {
            return;
        }
        let mut prev = OUTSIDE;
        let mut open: Option<(usize, usize)> = None;
        let mut last_end = 0;
        // A trailing `O` closes whatever chunk is still open.
        let tags = self.sentence.iter().copied().chain(std::iter::once((0, 0, OUTSIDE)));
        for (start, end, tag) in tags {
            if chunk_ends(prev, tag) || chunk_starts(prev, tag) {
                if let Some((chunk_start, kind)) = open.take() {
                    if let Some(label) = self.kinds[kind].1 {
                        self.entities.push(Entity { label, start: chunk_start, end: last_end });
                    }
                }
            }
            if chunk_starts(prev, tag) {
                open = Some((start, tag.kind));
            }
            prev = tag;
            last_end = end;
        }
        self.sentence.clear();
        self.has_sentence = true;
    }

    fn end_document(&mut self, next_id: Option<String>) {
        self.end_sentence();
        if self.has_sentence {
            self.docs.push(GoldDoc {
                id: self.id.take(),
                text: std::mem::take(&mut self.text),
                entities: std::mem::take(&mut self.entities),
                quotes: None,
            });
        }
        self.chars = 0;
        self.has_sentence = false;
        self.id = next_id;
    }
}

/// Reads CoNLL/BIO gold (see the module doc for the rules).
pub fn read_conll(input: &str) -> Result<Gold, GoldError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut b = ConllBuilder { kinds: vec![(String::new(), None)], ..ConllBuilder::default() };
    for (n, raw) in input.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            b.end_sentence();
            continue;
        }
        if let Some(comment) = line.strip_prefix("# ") {
            if let Some(rest) = comment.strip_prefix("newdoc") {
                let id = rest.split_once('=').map(|(_, id)| id.trim().to_string());
                b.end_document(id.filter(|id| !id.is_empty()));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            b.end_document(None);
            continue;
        }
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect()
        } else {
            line.split_whitespace().collect()
        };
        let (Some(token), Some(tag)) = (fields.first(), fields.last()) else {
            return Err(GoldError::Conll { line: n + 1, message: "empty line".into() });
        };
        if fields.len() < 2 {
            return Err(GoldError::Conll {
                line: n + 1,
                message: format!("expected a token and a tag, found only {token:?}"),
            });
        }
        let Some(tag) = parse_tag(tag) else {
            return Err(GoldError::Conll {
                line: n + 1,
                message: format!("{tag:?} is not a tag (O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)"),
            });
        };
        b.token(token, tag);
    }
    b.end_document(None);
    if b.docs.is_empty() {
        return Err(GoldError::Empty);
    }
    Ok(Gold {
        format: GoldFormat::Conll,
        labels: in_label_order(&b.labels),
        ignored_types: b.ignored.into_iter().collect(),
        tokens: b.tokens,
        docs: b.docs,
    })
}

fn in_label_order(set: &BTreeSet<&'static str>) -> Vec<&'static str> {
    LABELS.iter().copied().filter(|l| set.contains(l)).collect()
}

#[derive(Deserialize)]
struct JsonDoc {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    name: Option<String>,
    text: String,
    #[serde(default)]
    entities: Vec<JsonEntity>,
    #[serde(default)]
    quotes: Option<Vec<JsonQuote>>,
}

#[derive(Deserialize)]
struct JsonEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct JsonQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    speaker: Option<String>,
}

/// Reads JSON gold: one document object, an array of them, or a stream of
/// them (JSON Lines). See the module doc.
pub fn read_json(input: &str) -> Result<Gold, GoldError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_str(input).into_iter::<serde_json::Value>() {
        let value = value.map_err(|e| GoldError::Json {
            doc: values.len() + 1,
            message: format!("not valid JSON: {e}"),
        })?;
        match value {
            serde_json::Value::Array(items) => values.extend(items),
            other => values.push(other),
        }
    }
    let mut labels = BTreeSet::new();
    let mut ignored = BTreeSet::new();
    let mut docs = Vec::with_capacity(values.len());
    for (i, value) in values.into_iter().enumerate() {
        let err = |message: String| GoldError::Json { doc: i + 1, message };
        if value.get("format").and_then(|f| f.as_str()) == Some(sorot_json::FORMAT) {
            let doc = sorot_json::from_json(&value.to_string()).map_err(|e| err(e.to_string()))?;
            let gold = Prediction::from_annotated(&doc);
            labels.extend(gold.entities.iter().map(|e| e.label));
            docs.push(GoldDoc {
                id: Some(doc.doc.name.clone()),
                text: doc.doc.text.to_string(),
                entities: gold.entities,
                quotes: Some(gold.quotes),
            });
            continue;
        }
        let doc: JsonDoc = serde_json::from_value(value).map_err(|e| err(e.to_string()))?;
        let len = CharIndex::new(&doc.text).char_len();
        let check = |what: &str, start: usize, end: usize| {
            if start < end && end <= len {
                Ok(())
            } else {
                Err(err(format!(
                    "{what} span {start}..{end} is empty or outside the text ({len} code points)"
                )))
            }
        };
        let mut entities = Vec::new();
        for e in &doc.entities {
            check("entity", e.start, e.end)?;
            match map_label(&e.label) {
                Some(label) => {
                    labels.insert(label);
                    entities.push(Entity { label, start: e.start, end: e.end });
                }
                None => {
                    ignored.insert(e.label.clone());
                }
            }
        }
        entities.sort_by_key(|e| (e.start, e.end, e.label));
        let quotes = match doc.quotes {
            None => None,
            Some(qs) => {
                let mut quotes = Vec::with_capacity(qs.len());
                for q in qs {
                    check("quote", q.start, q.end)?;
                    let speaker = q.speaker.filter(|s| !s.trim().is_empty());
                    quotes.push(Quote { start: q.start, end: q.end, speaker });
                }
                quotes.sort_by_key(|q| (q.start, q.end));
                Some(quotes)
            }
        };
        let id = match doc.id {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Null) | None => doc.name,
            Some(other) => Some(other.to_string()),
        };
        docs.push(GoldDoc { id, text: doc.text, entities, quotes });
    }
    if docs.is_empty() {
        return Err(GoldError::Empty);
    }
    Ok(Gold {
        format: GoldFormat::Json,
        docs,
        labels: in_label_order(&labels),
        ignored_types: ignored.into_iter().collect(),
        tokens: 0,
    })
}

/// What a system predicted for one document, in code points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    /// Predicted entities (any label; only scored labels count).
    pub entities: Vec<Entity>,
    /// Predicted quotations, each with its speaker's text if linked.
    pub quotes: Vec<Quote>,
}

impl Prediction {
    /// The entities (PERSON, ORG, LOC, DATE) and quotations of an annotated
    /// document; a quotation's speaker is the text of the annotation its
    /// `speaker` id names. Other labels are left out.
    pub fn from_annotated(doc: &AnnotatedDocument) -> Self {
        let mut p = Prediction::default();
        let ids = doc.by_id();
        for a in &doc.annotations {
            if a.label == labels::QUOTE {
                let speaker = a.speaker.as_deref().and_then(|id| ids.get(id));
                p.quotes.push(Quote {
                    start: a.start,
                    end: a.end,
                    speaker: speaker.map(|s| doc.text_of(s).to_string()),
                });
            } else if let Some(&label) = LABELS.iter().find(|&&l| l == a.label) {
                p.entities.push(Entity { label, start: a.start, end: a.end });
            }
        }
        p
    }
}

/// Counts for one label (or the total): how many gold items, how many
/// predicted, how many predicted ones were correct.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Predicted items that exactly match a gold item.
    pub correct: usize,
}

/// `num / den`, or 0 when `den` is 0 (conlleval's convention).
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

impl Counts {
    /// correct / predicted; 0 with no predictions.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// correct / gold; 0 with no gold items.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another set of counts to these.
    pub fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

/// The quotation scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteCounts {
    /// Exact span matches of quotations.
    pub spans: Counts,
    /// Matched quotations whose gold names a speaker.
    pub speakers: usize,
    /// Of those, the ones whose predicted speaker matches.
    pub speakers_correct: usize,
}

impl QuoteCounts {
    /// speakers_correct / speakers; 0 when no matched quote has a gold
    /// speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_correct, self.speakers)
    }
}

/// The words of a speaker text: maximal runs of letters and digits,
/// lower-cased.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a predicted speaker text names the gold speaker: after both are
/// split into words (runs of letters and digits, compared
/// case-insensitively), the two word lists are equal or one occurs as a
/// contiguous run inside the other. So `Rutte` matches `Mark Rutte` and
/// `Perdana Menteri Takaichi` matches `Takaichi`, but `Rut` does not match
/// `Rutte`, and a text with no word matches nothing.
pub fn speaker_matches(gold: &str, predicted: &str) -> bool {
    let (g, p) = (words(gold), words(predicted));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let (short, long) = if g.len() <= p.len() { (&g, &p) } else { (&p, &g) };
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Accumulates scores over documents.
#[derive(Debug, Clone)]
pub struct Scorer {
    labels: Vec<&'static str>,
    per_label: Vec<Counts>,
    quotes: Option<QuoteCounts>,
}

/// The scores of a finished evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// The scored labels and their counts, in scoring order.
    pub per_label: Vec<(&'static str, Counts)>,
    /// The micro-averaged total over the scored labels.
    pub overall: Counts,
    /// Quotation scores, if any gold document annotates quotations.
    pub quotes: Option<QuoteCounts>,
}

impl Scorer {
    /// A scorer counting only `labels` (each one of [`LABELS`]; others are
    /// never predicted or read, so they would score nothing).
    pub fn new(labels: &[&'static str]) -> Self {
        Scorer {
            labels: labels.to_vec(),
            per_label: vec![Counts::default(); labels.len()],
            quotes: None,
        }
    }

    /// Scores one document's prediction against its gold.
    pub fn add(&mut self, gold: &GoldDoc, pred: &Prediction) {
        for (k, &label) in self.labels.iter().enumerate() {
            let g: Vec<Entity> =
                gold.entities.iter().copied().filter(|e| e.label == label).collect();
            let p: Vec<Entity> =
                pred.entities.iter().copied().filter(|e| e.label == label).collect();
            let c = &mut self.per_label[k];
            c.gold += g.len();
            c.predicted += p.len();
            c.correct += matches(&g, &p, |e| (e.start, e.end)).len();
        }
        if let Some(gold_quotes) = &gold.quotes {
            let q = self.quotes.get_or_insert_with(QuoteCounts::default);
            q.spans.gold += gold_quotes.len();
            q.spans.predicted += pred.quotes.len();
            for (gi, pi) in matches(gold_quotes, &pred.quotes, |q| (q.start, q.end)) {
                q.spans.correct += 1;
                if let Some(gs) = &gold_quotes[gi].speaker {
                    q.speakers += 1;
                    if pred.quotes[pi].speaker.as_deref().is_some_and(|ps| speaker_matches(gs, ps))
                    {
                        q.speakers_correct += 1;
                    }
                }
            }
        }
    }

    /// The scores so far.
    pub fn finish(&self) -> Scores {
        let mut overall = Counts::default();
        for c in &self.per_label {
            overall.add(*c);
        }
        Scores {
            per_label: self.labels.iter().copied().zip(self.per_label.iter().copied()).collect(),
            overall,
            quotes: self.quotes,
        }
    }
}

/// One disagreement between gold and prediction, as [`mismatches`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A gold entity no prediction matches exactly (a false negative).
    Missed(Entity),
    /// A predicted entity that matches no gold entity (a false positive).
    Spurious(Entity),
    /// A gold quotation no predicted quotation matches exactly.
    MissedQuote(Quote),
    /// A predicted quotation that matches no gold quotation.
    SpuriousQuote(Quote),
    /// A matched quotation whose predicted speaker is missing or wrong.
    WrongSpeaker {
        /// The gold quotation, with the gold speaker.
        gold: Quote,
        /// The predicted speaker's text, if any.
        predicted: Option<String>,
    },
}

impl Mismatch {
    /// The code-point span the error is about.
    pub fn span(&self) -> (usize, usize) {
        match self {
            Mismatch::Missed(e) | Mismatch::Spurious(e) => (e.start, e.end),
            Mismatch::MissedQuote(q)
            | Mismatch::SpuriousQuote(q)
            | Mismatch::WrongSpeaker { gold: q, .. } => (q.start, q.end),
        }
    }
}

/// Every disagreement of one document on the scored `labels` (and on
/// quotations, if the gold annotates them), in text order: exactly what
/// [`Scorer::add`] counts as missed, spurious or a wrong speaker.
pub fn mismatches(labels: &[&'static str], gold: &GoldDoc, pred: &Prediction) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let scored = |e: &&Entity| labels.contains(&e.label);
    let g: Vec<Entity> = gold.entities.iter().filter(scored).copied().collect();
    let p: Vec<Entity> = pred.entities.iter().filter(scored).copied().collect();
    let key = |e: &Entity| (e.start, e.end);
    // Matching per label: an entity only matches one of its own label.
    let mut g_hit = vec![false; g.len()];
    let mut p_hit = vec![false; p.len()];
    for &label in labels {
        let gi: Vec<usize> = (0..g.len()).filter(|&i| g[i].label == label).collect();
        let pi: Vec<usize> = (0..p.len()).filter(|&i| p[i].label == label).collect();
        let gl: Vec<Entity> = gi.iter().map(|&i| g[i]).collect();
        let pl: Vec<Entity> = pi.iter().map(|&i| p[i]).collect();
        for (a, b) in matches(&gl, &pl, key) {
            g_hit[gi[a]] = true;
            p_hit[pi[b]] = true;
        }
    }
    out.extend(g.iter().zip(&g_hit).filter(|(_, &hit)| !hit).map(|(e, _)| Mismatch::Missed(*e)));
    out.extend(p.iter().zip(&p_hit).filter(|(_, &hit)| !hit).map(|(e, _)| Mismatch::Spurious(*e)));
    if let Some(gold_quotes) = &gold.quotes {
        let pairs = matches(gold_quotes, &pred.quotes, |q| (q.start, q.end));
        let mut g_hit = vec![false; gold_quotes.len()];
        let mut p_hit = vec![false; pred.quotes.len()];
        for &(gi, pi) in &pairs {
            g_hit[gi] = true;
            p_hit[pi] = true;
            let (gq, pq) = (&gold_quotes[gi], &pred.quotes[pi]);
            if let Some(gs) = &gq.speaker {
                if !pq.speaker.as_deref().is_some_and(|ps| speaker_matches(gs, ps)) {
                    out.push(Mismatch::WrongSpeaker {
                        gold: gq.clone(),
                        predicted: pq.speaker.clone(),
                    });
                }
            }
        }
        for (q, _) in gold_quotes.iter().zip(&g_hit).filter(|(_, &hit)| !hit) {
            out.push(Mismatch::MissedQuote(q.clone()));
        }
        for (q, _) in pred.quotes.iter().zip(&p_hit).filter(|(_, &hit)| !hit) {
            out.push(Mismatch::SpuriousQuote(q.clone()));
        }
    }
    out.sort_by_key(Mismatch::span);
    out
}

/// Pairs gold and predicted items with equal keys, each item used at most
/// once; returns `(gold index, predicted index)` pairs.
fn matches<T>(gold: &[T], pred: &[T], key: impl Fn(&T) -> (usize, usize)) -> Vec<(usize, usize)> {
    let mut free: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate().rev() {
        free.entry(key(g)).or_default().push(i);
    }
    let mut pairs = Vec::new();
    for (j, p) in pred.iter().enumerate() {
        if let Some(i) = free.get_mut(&key(p)).and_then(Vec::pop) {
            pairs.push((i, j));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag<&str>> {
        s.split_whitespace().map(|t| parse_tag(t).expect("a tag")).collect()
    }

    #[test]
    fn parses_tags_as_conlleval() {
        let outside = Tag { prefix: b'O', kind: "" };
        assert_eq!(parse_tag("O"), Some(outside));
        assert_eq!(parse_tag("B-PER"), Some(Tag { prefix: b'B', kind: "PER" }));
        assert_eq!(parse_tag("I-B-X"), Some(Tag { prefix: b'I', kind: "B-X" }));
        assert_eq!(parse_tag("PER"), Some(Tag { prefix: b'I', kind: "PER" }));
        assert_eq!(parse_tag("kalimat"), None);
        assert_eq!(parse_tag("_"), None, "CoNLL-U's empty MISC column");
        assert_eq!(parse_tag("X-PER"), None);
        let t = tags("I-PER I-PER B-PER");
        assert!(chunk_starts(outside, t[0]));
        assert!(!chunk_starts(t[0], t[1]) && !chunk_ends(t[0], t[1]));
        assert!(chunk_ends(t[1], t[2]) && chunk_starts(t[1], t[2]));
    }

    #[test]
    fn speaker_words_must_align() {
        assert!(speaker_matches("Rutte", "Mark Rutte"));
        assert!(speaker_matches("Perdana Menteri Takaichi", "takaichi"));
        assert!(!speaker_matches("Rutte", "Rut"));
        assert!(!speaker_matches("", ""));
    }
}
