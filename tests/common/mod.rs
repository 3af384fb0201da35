//! Helpers shared by the native integration tests: the inline-markup
//! fixture parser and the invariants every recognizer result must keep.
//!
//! # Markup grammar
//!
//! A fixture is plain text with marked spans written in place:
//!
//! ```text
//! mark  = "[[" head ":" text "]]"
//! head  = LABEL ("@" speaker)? ("^" title)? ("=" value)?
//! ```
//!
//! * `LABEL` is the span's label (`PERSON`, `DATE`, `QUOTE`, `Q`, …); it
//!   ends at the first `@`, `^`, `=` or `:`.
//! * `@speaker` names a quotation's speaker by the speaker span's text,
//!   `^title` a PERSON's title, `=value` a DATE's normalised value. Each
//!   suffix is optional, but they come in that order, and none may hold a
//!   `:` (the first `:` ends the head) or a later suffix's marker.
//! * `text` is the covered text; it may hold further marks, so marks nest
//!   (a QUOTE may hold names and dates).
//!
//! The parser strips the markup and returns the plain text and the marks
//! with **byte** offsets into it. Test files whose heads follow another
//! syntax (the export tests' `/user` and `>ID`) use [`parse_raw`], which
//! leaves each head as written.

// Every test file is its own crate and compiles this module by itself;
// each uses only part of it, so the rest is dead code in that crate.
#![allow(dead_code)]

use sorot::core::model::{AnnotatedDocument, Annotation, Document, Source, Span};

/// One mark with its head as written: byte range into the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMark {
    pub start: usize,
    pub end: usize,
    pub head: String,
}

/// One mark with its head parsed: byte range, label, covered text and the
/// optional speaker, title and value. Ordered by start, then end, label,
/// text, speaker, title and value, so sorted lists of expected and found
/// spans compare as sets.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub speaker: Option<String>,
    pub title: Option<String>,
    pub value: Option<String>,
}

/// Strips the markup: the plain text and every mark with its head
/// unparsed, in order of the opening `[[` (by start, outer before inner).
/// Panics on a head without `:`, a stray `]]` or an unclosed `[[`.
pub fn parse_raw(markup: &str) -> (String, Vec<RawMark>) {
    let mut text = String::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut marks = Vec::new();
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            let (head, tail) = r.split_once(':').expect("`[[LABEL` needs a colon");
            open.push((head.to_string(), text.len()));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("]]") {
            let (head, start) = open.pop().expect("unbalanced `]]`");
            marks.push(RawMark { start, end: text.len(), head });
            rest = tail;
        } else {
            let c = rest.chars().next().expect("non-empty");
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_empty(), "unclosed `[[` in {markup:?}");
    // Marks are found in closing order; this stable sort puts them in
    // opening order.
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    (text, marks)
}

/// What a test file reads from a mark's head, in its own head syntax.
pub struct Head {
    pub label: String,
    pub source: Source,
    pub speaker: Option<String>,
    pub value: Option<String>,
    pub title: Option<String>,
}

/// A document built from the markup alone: one annotation per mark, its
/// fields read from the head by `read_head`, offsets in code points, ids
/// `a1`, `a2`, … in order of the opening `[[`.
pub fn document(
    name: &str,
    lang: &str,
    markup: &str,
    read_head: impl Fn(&str) -> Head,
) -> AnnotatedDocument {
    let (text, marks) = parse_raw(markup);
    let cp = |byte: usize| text[..byte].chars().count();
    let annotations = marks
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let Head { label, source, speaker, value, title } = read_head(&m.head);
            Annotation {
                id: format!("a{}", n + 1).into(),
                label: label.into(),
                start: cp(m.start),
                end: cp(m.end),
                source,
                speaker: speaker.map(Into::into),
                value,
                title,
            }
        })
        .collect();
    let doc = Document { name: name.to_string(), lang: lang.to_string(), text: text.into() };
    AnnotatedDocument::new(doc, annotations)
}

/// Strips the markup: the plain text and every mark with its head parsed
/// by the grammar above, sorted by [`Mark`]'s order (start, then end, …).
pub fn parse(markup: &str) -> (String, Vec<Mark>) {
    let (text, raw) = parse_raw(markup);
    let mut marks = raw
        .into_iter()
        .map(|m| {
            let (head, value) = split_off(&m.head, '=');
            let (head, title) = split_off(head, '^');
            let (label, speaker) = split_off(head, '@');
            Mark {
                start: m.start,
                end: m.end,
                label: label.to_string(),
                text: text[m.start..m.end].to_string(),
                speaker,
                title,
                value,
            }
        })
        .collect::<Vec<_>>();
    marks.sort();
    (text, marks)
}

/// Asserts that the found marks are the expected ones (both sorted);
/// otherwise panics with the text and, in markup form, the expected marks
/// that were not found and the found ones that were not expected.
#[track_caller]
pub fn assert_same_marks(text: &str, expected: &[Mark], got: &[Mark]) {
    if got == expected {
        return;
    }
    let show = |v: &[&Mark]| {
        v.iter()
            .map(|m| {
                let mut head = m.label.clone();
                for (c, part) in [('@', &m.speaker), ('^', &m.title), ('=', &m.value)] {
                    if let Some(p) = part {
                        head.push(c);
                        head.push_str(p);
                    }
                }
                format!("  {head}: {:?}", m.text)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let missing: Vec<&Mark> = expected.iter().filter(|m| !got.contains(m)).collect();
    let extra: Vec<&Mark> = got.iter().filter(|m| !expected.contains(m)).collect();
    panic!("\ntext: {text:?}\nmissing:\n{}\nunexpected:\n{}\n", show(&missing), show(&extra));
}

/// `s` up to the first `c`, and what follows it (if there is a `c`).
fn split_off(s: &str, c: char) -> (&str, Option<String>) {
    match s.split_once(c) {
        Some((a, b)) => (a, Some(b.to_string())),
        None => (s, None),
    }
}

/// Asserts the invariants every recognizer result must keep, for any
/// input: spans non-empty, inside the text and on character boundaries,
/// sorted by start; QUOTEs never overlap each other, nor do other spans;
/// only a QUOTE has a speaker, which is a PERSON or ORG span in range;
/// only a DATE has a value; only a PERSON has a title, a non-empty range
/// inside the text on character boundaries.
pub fn assert_span_invariants(text: &str, spans: &[Span]) {
    let mut last_quote_end = 0;
    let mut last_other_end = 0;
    for (i, s) in spans.iter().enumerate() {
        assert!(s.start < s.end, "empty span {s:?} in {text:?}");
        assert!(s.end <= text.len(), "span {s:?} past the end of {text:?}");
        assert!(text.is_char_boundary(s.start), "start {s:?} not on a boundary in {text:?}");
        assert!(text.is_char_boundary(s.end), "end {s:?} not on a boundary in {text:?}");
        if let Some(prev) = i.checked_sub(1).and_then(|p| spans.get(p)) {
            assert!(prev.start <= s.start, "spans out of order: {prev:?} then {s:?}");
        }
        if s.label == "QUOTE" {
            assert!(s.start >= last_quote_end, "overlapping quotations at {s:?} in {text:?}");
            last_quote_end = s.end;
        } else {
            assert!(s.start >= last_other_end, "overlap at {s:?} in {text:?}");
            last_other_end = s.end;
        }
        if let Some(k) = s.speaker {
            assert_eq!(s.label, "QUOTE", "only quotations have speakers: {s:?}");
            let sp = spans.get(k).unwrap_or_else(|| panic!("speaker index {k} out of range"));
            assert!(sp.label == "PERSON" || sp.label == "ORG", "speaker {sp:?} of {s:?}");
        }
        if s.value.is_some() {
            assert_eq!(s.label, "DATE", "only DATEs have values: {s:?}");
        }
        if let Some((a, b)) = s.title {
            assert_eq!(s.label, "PERSON", "only a PERSON has a title: {s:?}");
            assert!(a < b && b <= text.len(), "title {a}..{b} of {s:?}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "{s:?}");
        }
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);
impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
