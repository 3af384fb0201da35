//! CoNLL 2003 style columns with IOB2 tags: one token per line, the token
//! and its tag separated by a space, a blank line after each sentence, and
//! a `-DOCSTART- O` line (then a blank line) at the top of each document.
//!
//! ```text
//! -DOCSTART- O
//!
//! Sanae B-PERSON
//! Takaichi I-PERSON
//! berkata O
//! di O
//! Tokyo B-LOC
//! . O
//! ```
//!
//! Tokens are runs of letters, digits and marks (with inner `'`, `-`, `.`
//! or `,` between two of them, so `Indo-Pasifik`, `1.000` and `Jum'at`
//! stay whole) and single other characters (an emoji keeps its modifiers,
//! a flag its pair); whitespace separates tokens
//! and is not written. A token never crosses an annotation's edge: it is
//! cut there. A sentence ends after `.`, `!` or `?` followed by
//! whitespace, and at every line break, but never inside an annotation.
//! Tags come from [`super::flat_entities`]: no `QUOTE` (a quotation
//! contains its entities; CoNLL cannot nest), no overlaps.

use super::flat_entities;
use crate::core::model::AnnotatedDocument;

/// A token: its code-point range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

fn wordy(c: char) -> bool {
    c.is_alphanumeric() || matches!(c as u32, 0x300..=0x36F)
}

/// Splits `chars` into tokens, never across a position in `cuts` (sorted
/// code-point offsets).
pub fn tokenize(chars: &[char], cuts: &[usize]) -> Vec<Token> {
    let is_cut = |i: usize| cuts.binary_search(&i).is_ok();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if wordy(c) {
            i += 1;
            while i < chars.len() && !is_cut(i) {
                if wordy(chars[i]) {
                    i += 1;
                } else if matches!(chars[i], '\'' | '’' | '-' | '.' | ',')
                    && i + 1 < chars.len()
                    && wordy(chars[i + 1])
                    && !is_cut(i + 1)
                    && (chars[i] != ',' && chars[i] != '.'
                        || chars[i - 1].is_numeric() && chars[i + 1].is_numeric())
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else {
            let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
            i += 1;
            if regional(c) && i < chars.len() && regional(chars[i]) && !is_cut(i) {
                i += 1; // a flag is a pair
            }
        }
        // Keep a character's modifiers with it: combining marks, variation
        // selectors, skin tones, and whatever a zero-width joiner joins.
        while i < chars.len() && !is_cut(i) {
            let m = chars[i];
            if matches!(m as u32, 0x300..=0x36F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
            {
                i += 1;
            } else if m == '\u{200D}'
                && i + 1 < chars.len()
                && !chars[i + 1].is_whitespace()
                && !is_cut(i + 1)
            {
                i += 2;
            } else {
                break;
            }
        }
        out.push(Token { start, end: i });
    }
    out
}

/// The CoNLL text of a document.
pub fn to_conll(doc: &AnnotatedDocument) -> String {
    let chars: Vec<char> = doc.doc.text.chars().collect();
    let ents = flat_entities(doc);
    let mut cuts: Vec<usize> = ents.iter().flat_map(|a| [a.start, a.end]).collect();
    // Equal cuts are indistinguishable, so a stable sort gives the same.
    crate::core::sort::sort_indices(&mut cuts, &mut |a, b| a.cmp(&b));
    let tokens = tokenize(&chars, &cuts);
    let mut out = String::from("-DOCSTART- O\n\n");
    let mut e = 0;
    let mut in_sentence = false;
    for (k, t) in tokens.iter().enumerate() {
        while e < ents.len() && ents[e].end <= t.start {
            e += 1;
        }
        let tag = match ents.get(e) {
            Some(a) if a.start <= t.start && t.end <= a.end => {
                let label: String =
                    a.label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
                if a.start == t.start {
                    format!("B-{label}")
                } else {
                    format!("I-{label}")
                }
            }
            _ => "O".to_string(),
        };
        let word: String = chars[t.start..t.end].iter().collect();
        out.push_str(&word);
        out.push(' ');
        out.push_str(&tag);
        out.push('\n');
        in_sentence = true;
        // End the sentence here?
        let inside = ents.get(e).is_some_and(|a| a.start < t.end && t.end < a.end);
        let next = tokens.get(k + 1);
        let gap = &chars[t.end..next.map_or(chars.len(), |n| n.start)];
        let ends = next.is_none()
            || gap.iter().any(|&c| c == '\n' || c == '\r')
            || (matches!(chars[t.end - 1], '.' | '!' | '?' | '…')
                && t.end - t.start == 1
                && !gap.is_empty());
        if ends && !inside {
            out.push('\n');
            in_sentence = false;
        }
    }
    if in_sentence {
        out.push('\n');
    }
    out
}

/// Reads CoNLL columns back into sentences of `(token, tag)`; the last
/// column is the tag. `-DOCSTART-` lines are skipped. (Used by the tests
/// and by anyone checking an export.)
pub fn parse(conll: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in conll.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let (tok, tag) = line.rsplit_once(' ').unwrap_or((line, "O"));
        cur.push((tok.to_string(), tag.to_string()));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
