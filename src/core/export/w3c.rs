//! W3C Web Annotation Data Model (JSON-LD): one `AnnotationPage` per
//! document.
//!
//! # Layout
//!
//! ```json
//! {
//!   "@context": ["http://www.w3.org/ns/anno.jsonld", { "sorot": "urn:sorot:vocab#" }],
//!   "id": "urn:sorot:doc:takaichi.txt",
//!   "type": "AnnotationPage",
//!   "sorot:document": { "name": "takaichi.txt", "lang": "id", "text": "…" },
//!   "items": [
//!     {
//!       "id": "urn:sorot:doc:takaichi.txt#a1",
//!       "type": "Annotation",
//!       "motivation": "tagging",
//!       "body": { "type": "TextualBody", "purpose": "tagging", "value": "PERSON" },
//!       "target": {
//!         "source": "urn:sorot:doc:takaichi.txt",
//!         "selector": [
//!           { "type": "TextQuoteSelector", "exact": "Sanae Takaichi", "prefix": "", "suffix": " berkata di Tokyo" },
//!           { "type": "TextPositionSelector", "start": 0, "end": 14 }
//!         ]
//!       },
//!       "sorot:source": "auto"
//!     },
//!     {
//!       "id": "urn:sorot:doc:takaichi.txt#a4.speaker",
//!       "type": "Annotation",
//!       "motivation": "linking",
//!       "body": "urn:sorot:doc:takaichi.txt#a1",
//!       "target": "urn:sorot:doc:takaichi.txt#a4"
//!     }
//!   ]
//! }
//! ```
//!
//! * Each Sorot annotation is an `Annotation` with motivation `tagging`,
//!   its label as a `TextualBody` with purpose `tagging`, and a target on
//!   the document with two selectors: a `TextQuoteSelector` (`exact`, and
//!   up to 32 code points of `prefix` and `suffix`) and a
//!   `TextPositionSelector` (`start`, `end` in code points, half-open, as
//!   the model specifies).
//! * A quote's speaker is a separate `Annotation` with motivation
//!   `linking`, the quote's annotation as its target and the speaker's as
//!   its body; these follow all tagging annotations, in quote order.
//! * Sorot's own fields use the `sorot:` prefix declared in the context:
//!   `sorot:document` (name, language and full text, so the file reopens
//!   the document), `sorot:source` (`auto` or `user`), `sorot:value` (a
//!   DATE's ISO 8601 value) and `sorot:title` (a PERSON's title).
//! * Ids are `urn:sorot:doc:` + the document name percent-encoded, then
//!   `#` and the Sorot id.
//!
//! [`from_json`] reads this back (and plain W3C pages or single
//! annotations from other tools, given the text they annotate); when a
//! `TextPositionSelector` no longer matches its `exact` text, the
//! annotation is re-anchored by its `TextQuoteSelector` (see
//! [`crate::core::import::anchor`]).

use serde::Serialize;
use serde_json::Value;

use crate::core::import::anchor;
use crate::core::model::{labels, AnnotatedDocument, Annotation, Document, Source};
use crate::core::text::CharIndex;

/// The Web Annotation context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI of Sorot's own terms.
pub const VOCAB: &str = "urn:sorot:vocab#";
/// Code points of context kept in `prefix` and `suffix`.
pub const CONTEXT_CHARS: usize = 32;

/// Percent-encodes everything but unreserved IRI characters.
fn pct(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The IRI of a document: `urn:sorot:doc:` and its percent-encoded name.
pub fn doc_iri(name: &str) -> String {
    format!("urn:sorot:doc:{}", pct(name))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Serialize)]
struct PageOut<'a> {
    #[serde(rename = "@context")]
    context: (&'static str, Vocab),
    id: String,
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(rename = "sorot:document")]
    document: DocOut<'a>,
    items: Vec<ItemOut<'a>>,
}

#[derive(Serialize)]
struct Vocab {
    sorot: &'static str,
}

#[derive(Serialize)]
struct DocOut<'a> {
    name: &'a str,
    lang: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ItemOut<'a> {
    Tag(TagOut<'a>),
    Link(LinkOut),
}

#[derive(Serialize)]
struct TagOut<'a> {
    id: String,
    #[serde(rename = "type")]
    ty: &'static str,
    motivation: &'static str,
    body: BodyOut<'a>,
    target: TargetOut<'a>,
    #[serde(rename = "sorot:source")]
    source: Source,
    #[serde(rename = "sorot:value", skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(rename = "sorot:title", skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct BodyOut<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    purpose: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct TargetOut<'a> {
    source: &'a str,
    selector: (QuoteOut<'a>, PositionOut),
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionOut {
    #[serde(rename = "type")]
    ty: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LinkOut {
    id: String,
    #[serde(rename = "type")]
    ty: &'static str,
    motivation: &'static str,
    body: String,
    target: String,
}

fn page<'a>(doc: &'a AnnotatedDocument, iri: &'a str) -> PageOut<'a> {
    let text = &doc.doc.text;
    let ix = doc.index();
    let n = ix.char_len();
    let mut items: Vec<ItemOut> = Vec::new();
    for a in &doc.annotations {
        items.push(ItemOut::Tag(TagOut {
            id: format!("{iri}#{}", pct(&a.id)),
            ty: "Annotation",
            motivation: "tagging",
            body: BodyOut { ty: "TextualBody", purpose: "tagging", value: &a.label },
            target: TargetOut {
                source: iri,
                selector: (
                    QuoteOut {
                        ty: "TextQuoteSelector",
                        exact: doc.text_of(a),
                        prefix: ix.slice(text, a.start.saturating_sub(CONTEXT_CHARS), a.start),
                        suffix: ix.slice(text, a.end, (a.end + CONTEXT_CHARS).min(n)),
                    },
                    PositionOut { ty: "TextPositionSelector", start: a.start, end: a.end },
                ),
            },
            source: a.source,
            value: a.value.as_deref(),
            title: a.title.as_deref(),
        }));
    }
    let ids = doc.by_id();
    for a in &doc.annotations {
        let Some(s) = a.speaker.as_deref().filter(|s| ids.contains_key(s)) else { continue };
        if a.label != labels::QUOTE {
            continue;
        }
        items.push(ItemOut::Link(LinkOut {
            id: format!("{iri}#{}.speaker", pct(&a.id)),
            ty: "Annotation",
            motivation: "linking",
            body: format!("{iri}#{}", pct(s)),
            target: format!("{iri}#{}", pct(&a.id)),
        }));
    }
    PageOut {
        context: (CONTEXT, Vocab { sorot: VOCAB }),
        id: iri.to_string(),
        ty: "AnnotationPage",
        document: DocOut { name: &doc.doc.name, lang: &doc.doc.lang, text },
        items,
    }
}

/// The page, pretty-printed with a two-space indent and a newline.
pub fn to_json(doc: &AnnotatedDocument) -> String {
    let iri = doc_iri(&doc.doc.name);
    let mut s = super::json::to_string(&page(doc, &iri), true).expect("JSON serialises");
    s.push('\n');
    s
}

/// The page on one line, with a newline: one record of JSON Lines.
pub fn to_json_line(doc: &AnnotatedDocument) -> String {
    let iri = doc_iri(&doc.doc.name);
    let mut s = super::json::to_string(&page(doc, &iri), false).expect("JSON serialises");
    s.push('\n');
    s
}

/// What reading a W3C file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct W3cImport {
    /// The document with the annotations that could be placed.
    pub doc: AnnotatedDocument,
    /// Annotations whose position selector did not match and that were
    /// placed by their quote instead.
    pub reanchored: usize,
    /// Annotations that could not be placed at all (left out).
    pub unplaced: usize,
}

/// True when `value` looks like Web Annotation JSON (a page, a collection
/// with a first page, an annotation, or a list of annotations).
pub fn looks_like(value: &Value) -> bool {
    let ty = |v: &Value| v.get("type").and_then(Value::as_str).map(str::to_string);
    match value {
        Value::Array(items) => {
            items.first().is_some_and(|i| ty(i).as_deref() == Some("Annotation"))
        }
        Value::Object(_) => {
            matches!(
                ty(value).as_deref(),
                Some("AnnotationPage" | "Annotation" | "AnnotationCollection")
            ) || value.get("@context").is_some_and(|c| c.to_string().contains("ns/anno.jsonld"))
        }
        _ => false,
    }
}

/// Reads W3C Web Annotation JSON. The text comes from `sorot:document`
/// when the file has it, otherwise from `text` (the document the
/// annotations were made on, for example a `.txt` opened with it); with
/// neither, it is an error. `name` names the document when the file does
/// not.
pub fn from_json(value: &Value, name: &str, text: Option<&str>) -> Result<W3cImport, String> {
    let items: Vec<&Value> = match value {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) => {
            let list = o
                .get("items")
                .or_else(|| o.get("first").and_then(|f| f.get("items")))
                .and_then(Value::as_array);
            match list {
                Some(l) => l.iter().collect(),
                None if o.get("type").and_then(Value::as_str) == Some("Annotation") => vec![value],
                None => return Err("a W3C annotation file without \"items\"".into()),
            }
        }
        _ => return Err("not a W3C annotation file".into()),
    };
    let embedded = value.get("sorot:document");
    let doc_name = embedded
        .and_then(|d| d.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| name.to_string());
    let text: String = match embedded.and_then(|d| d.get("text")).and_then(Value::as_str) {
        Some(t) => t.to_string(),
        None => match text {
            Some(t) => t.to_string(),
            None => return Err(
                "the file has no document text (open it together with the text file it annotates)"
                    .into(),
            ),
        },
    };
    let lang = embedded
        .and_then(|d| d.get("lang"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| crate::core::recognize::detect_lang(&text).to_string());

    let index = CharIndex::new(&text);
    let mut annotations: Vec<Annotation> = Vec::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let (mut reanchored, mut unplaced) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for (k, item) in items.iter().enumerate() {
        let Some(obj) = item.as_object() else { continue };
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .map(local_id)
            .unwrap_or_else(|| format!("w{}", k + 1));
        if obj.get("motivation").and_then(Value::as_str) == Some("linking") {
            if let (Some(b), Some(t)) = (iri_of(obj.get("body")), iri_of(obj.get("target"))) {
                links.push((local_id(&t), local_id(&b)));
            }
            continue;
        }
        let Some(label) = tag_of(obj.get("body")) else { continue };
        let Some(target) = first(obj.get("target")) else { continue };
        let selectors: Vec<&Value> = match target.get("selector") {
            Some(Value::Array(s)) => s.iter().collect(),
            Some(s) => vec![s],
            None => Vec::new(),
        };
        let find = |ty: &str| {
            selectors.iter().copied().find(|s| s.get("type").and_then(Value::as_str) == Some(ty))
        };
        let pos = find("TextPositionSelector").and_then(|s| {
            Some((s.get("start")?.as_u64()? as usize, s.get("end")?.as_u64()? as usize))
        });
        let quote = find("TextQuoteSelector").and_then(|s| {
            let g = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let exact = s.get("exact")?.as_str()?.to_string();
            Some((exact, g("prefix"), g("suffix")))
        });
        let placed = match (&pos, &quote) {
            (Some((s, e)), Some((exact, _, _)))
                if s < e && *e <= index.char_len() && index.slice(&text, *s, *e) == exact =>
            {
                Some((*s, *e))
            }
            (Some((s, e)), None) if s < e && *e <= index.char_len() => Some((*s, *e)),
            (_, Some((exact, prefix, suffix))) => {
                let r = anchor::anchor(&text, exact, prefix, suffix, pos.map(|p| p.0));
                if r.is_some() {
                    reanchored += 1;
                }
                r
            }
            _ => None,
        };
        let Some((start, end)) = placed else {
            unplaced += 1;
            continue;
        };
        if !seen.insert(id.clone()) {
            continue;
        }
        let source = match obj.get("sorot:source").and_then(Value::as_str) {
            Some("user") => Source::User,
            Some("auto") => Source::Auto,
            _ => Source::User,
        };
        let s = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
        annotations.push(Annotation {
            id: id.into(),
            label: label.into(),
            start,
            end,
            source,
            speaker: None,
            value: s("sorot:value"),
            title: s("sorot:title"),
        });
    }
    for (quote, speaker) in links {
        if !seen.contains(&speaker) {
            continue;
        }
        if let Some(a) = annotations.iter_mut().find(|a| a.id == quote && a.label == labels::QUOTE)
        {
            a.speaker = Some(speaker.into());
        }
    }
    let doc =
        AnnotatedDocument::new(Document { name: doc_name, lang, text: text.into() }, annotations);
    Ok(W3cImport { doc, reanchored, unplaced })
}

/// The part of an annotation IRI after its last `#` (the Sorot id), or the
/// whole IRI.
fn local_id(iri: &str) -> String {
    match iri.rsplit_once('#') {
        Some((_, id)) if !id.is_empty() => percent_decode(id),
        _ => iri.to_string(),
    }
}

/// A body or target given as an IRI string or an object with an `id`.
fn iri_of(v: Option<&Value>) -> Option<String> {
    match first(v)? {
        Value::String(s) => Some(s.clone()),
        o => o.get("id").and_then(Value::as_str).map(str::to_string),
    }
}

/// The first of a value that may be a list.
fn first(v: Option<&Value>) -> Option<&Value> {
    match v? {
        Value::Array(a) => a.first(),
        other => Some(other),
    }
}

/// The label of a body: the value of a tagging `TextualBody` (or of the
/// first textual body when none says its purpose). A blank value is still a
/// label (Sorot JSON allows any string), so it is kept: dropping it would
/// lose the annotation on a round trip.
fn tag_of(body: Option<&Value>) -> Option<String> {
    let bodies: Vec<&Value> = match body? {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let text = |b: &Value| match b {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("value").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    bodies
        .iter()
        .find(|b| b.get("purpose").and_then(Value::as_str) == Some("tagging"))
        .and_then(|b| text(b))
        .or_else(|| bodies.iter().find_map(|b| text(b)))
}
