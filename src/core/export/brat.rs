//! brat standoff: the text as `<base>.txt` (exactly the document's text)
//! and its annotations as `<base>.ann`, one per line, fields separated by
//! tabs:
//!
//! * `T1<TAB>PERSON 0 14<TAB>Sanae Takaichi` — a text-bound annotation:
//!   id, then label and offsets, then the covered text. Offsets are
//!   **code points** into the `.txt` (brat reads the file as a Python
//!   string), half-open. A span that crosses line breaks is written as
//!   fragments separated by `;` (`QUOTE 10 20;21 30`), one per line, with
//!   the fragments' texts joined by a space, as brat itself writes them.
//!   T ids follow the document's annotation order: `T1`, `T2`, ….
//! * `R1<TAB>Speaker Arg1:T4 Arg2:T1` — a quote (Arg1) and its speaker
//!   (Arg2).
//! * `A1<TAB>User T3` — a binary attribute: the annotation was made or
//!   confirmed by the user (absent for the recognizer's).
//! * `#1<TAB>AnnotatorNotes T2<TAB>value=2025-12-01` — a DATE's value or a
//!   PERSON's title (`title=…`), as notes.
//!
//! Lines are ended by `\n`. [`from_ann`] reads the same back.

use crate::core::model::{AnnotatedDocument, Annotation, Document, Source};
use crate::core::text::CharIndex;

/// The fragments of `[start, end)` that hold no line break: the span split
/// at every run of `\r`/`\n`.
fn fragments(text: &str, ix: &CharIndex, start: usize, end: usize) -> Vec<(usize, usize)> {
    let slice = ix.slice(text, start, end);
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    for (k, c) in slice.chars().enumerate() {
        let cp = start + k;
        if c == '\n' || c == '\r' {
            if let Some(f) = from.take() {
                out.push((f, cp));
            }
        } else if from.is_none() {
            from = Some(cp);
        }
    }
    if let Some(f) = from {
        out.push((f, end));
    }
    out
}

/// Makes a field safe for a tab-separated line.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

/// The `.ann` file of a document.
pub fn to_ann(doc: &AnnotatedDocument) -> String {
    let text = &doc.doc.text;
    let ix = doc.index();
    // Fragments drop line breaks at a span's edges, so order the T lines
    // by the spans as brat will see them: reading the file back then gives
    // the same order, and writing it again the same bytes.
    let mut rows: Vec<(usize, Vec<(usize, usize)>)> = doc
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let f = fragments(text, ix, a.start, a.end);
            (i, if f.is_empty() { vec![(a.start, a.end)] } else { f })
        })
        .collect();
    crate::core::sort::sort_by(&mut rows, |(_, a), (_, b)| {
        let (sa, ea) = (a[0].0, a[a.len() - 1].1);
        let (sb, eb) = (b[0].0, b[b.len() - 1].1);
        sa.cmp(&sb).then(eb.cmp(&ea))
    });
    let mut tid = vec![0; doc.annotations.len()];
    for (t, (i, _)) in rows.iter().enumerate() {
        tid[*i] = t + 1;
    }
    let tid_of = |id: &str| doc.annotations.iter().position(|a| a.id == id).map(|i| tid[i]);
    let mut out = String::new();
    let (mut rels, mut attrs, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for (t, (i, frags)) in rows.iter().enumerate() {
        let (t, a) = (t + 1, &doc.annotations[*i]);
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = frags.iter().map(|&(s, e)| ix.slice(text, s, e)).collect();
        let label: String =
            a.label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
        out.push_str(&format!(
            "T{t}\t{label} {}\t{}\n",
            offsets.join(";"),
            clean(&texts.join(" "))
        ));
        if a.source == Source::User {
            attrs.push(format!("User T{t}"));
        }
        if let Some(v) = &a.value {
            notes.push(format!("AnnotatorNotes T{t}\tvalue={}", clean(v)));
        }
        if let Some(v) = &a.title {
            notes.push(format!("AnnotatorNotes T{t}\ttitle={}", clean(v)));
        }
        if let Some(s) = a.speaker.as_deref().and_then(tid_of) {
            rels.push(format!("Speaker Arg1:T{t} Arg2:T{s}"));
        }
    }
    for (prefix, lines) in [("R", rels), ("A", attrs), ("#", notes)] {
        for (n, line) in lines.iter().enumerate() {
            out.push_str(&format!("{prefix}{}\t{line}\n", n + 1));
        }
    }
    out
}

/// Reads a `.ann` file against its text. Annotation ids become `a1`,
/// `a2`, … in the order of the T lines; lines of kinds Sorot has no use
/// for (events, normalisations) are skipped. Errors name the line.
pub fn from_ann(name: &str, text: &str, ann: &str) -> Result<AnnotatedDocument, String> {
    let ix = CharIndex::new(text);
    let n = ix.char_len();
    let mut anns: Vec<Annotation> = Vec::new();
    let mut by_tid: std::collections::HashMap<String, usize> = Default::default();
    let mut later: Vec<(usize, &str)> = Vec::new();
    for (k, line) in ann.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let bad = |why: &str| format!("line {} of the .ann file {why}", k + 1);
        if line.trim().is_empty() {
            continue;
        }
        if !line.starts_with('T') {
            later.push((k, line));
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let tid = parts.next().unwrap_or_default();
        let spec = parts.next().ok_or_else(|| bad("has no label and offsets"))?;
        let covered = parts.next().unwrap_or_default();
        let (label, offsets) = spec.split_once(' ').ok_or_else(|| bad("has no offsets"))?;
        let mut frags = Vec::new();
        for frag in offsets.split(';') {
            let (s, e) = frag.trim().split_once(' ').ok_or_else(|| bad("has bad offsets"))?;
            let s: usize = s.parse().map_err(|_| bad("has bad offsets"))?;
            let e: usize = e.parse().map_err(|_| bad("has bad offsets"))?;
            if s > e || e > n {
                return Err(bad(&format!(
                    "has offsets {s}..{e} outside the text ({n} code points)"
                )));
            }
            frags.push((s, e));
        }
        let start = frags.first().map_or(0, |f| f.0);
        let end = frags.last().map_or(0, |f| f.1);
        let joined: Vec<&str> = frags.iter().map(|&(s, e)| ix.slice(text, s, e)).collect();
        if clean(&joined.join(" ")) != covered {
            return Err(bad(&format!(
                "says {covered:?} but the text has {:?} there",
                joined.join(" ")
            )));
        }
        if end <= start {
            return Err(bad("has an empty span"));
        }
        by_tid.insert(tid.to_string(), anns.len());
        anns.push(Annotation::new(format!("a{}", anns.len() + 1), label, start, end));
    }
    for (k, line) in later {
        let fields: Vec<&str> = line.split('\t').collect();
        let args: Vec<&str> = fields.get(1).map(|f| f.split(' ').collect()).unwrap_or_default();
        let target = |t: &str| by_tid.get(t).copied();
        match line.chars().next() {
            Some('R') if args.first() == Some(&"Speaker") && args.len() == 3 => {
                let quote = args[1].strip_prefix("Arg1:").and_then(target);
                let who = args[2].strip_prefix("Arg2:").and_then(target);
                if let (Some(q), Some(w)) = (quote, who) {
                    anns[q].speaker = Some(anns[w].id.clone());
                }
            }
            Some('A' | 'M') if args.first() == Some(&"User") && args.len() == 2 => {
                if let Some(t) = target(args[1]) {
                    anns[t].source = Source::User;
                }
            }
            Some('#') if args.first() == Some(&"AnnotatorNotes") && args.len() == 2 => {
                let Some(t) = target(args[1]) else { continue };
                let note = fields.get(2).copied().unwrap_or_default();
                if let Some(v) = note.strip_prefix("value=") {
                    anns[t].value = Some(v.to_string());
                } else if let Some(v) = note.strip_prefix("title=") {
                    anns[t].title = Some(v.to_string());
                }
            }
            _ => {
                let _ = k;
            }
        }
    }
    let lang = crate::core::recognize::detect_lang(text).to_string();
    Ok(AnnotatedDocument::new(Document { name: name.to_string(), lang, text: text.into() }, anns))
}
