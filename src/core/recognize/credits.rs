//! Credit lines: the people a news text credits for its reporting, writing,
//! editing or pictures, `(Reporting by Trevor Hunnicutt in Busan and
//! Laurie Chen in Beijing; Editing by Kim Coghill)`, `Pewarta: Andi
//! Firdaus`, `Penulis : Fika Nurul Ulya | Editor : Sakina Rakhma`, `By
//! Jane Smith and Mark Jones`.
//!
//! Such a line is written like a headline (every longer word has a
//! capital, no sentence mark at its end), and its names stand with no
//! verb or title near them, so neither the capitalisation rules nor the
//! learned tagger can tell them from a headline's words. The credit word
//! can: after it, up to the next `;`, `|`, `/`, bracket, sentence mark or
//! line break, every run of capitalised words between `and`, `dan`, `&`
//! and commas is a PERSON, and a run after `in`, `di`, `from`, `dari` or
//! `at` is where the person was (left to the other rules). [`names`]
//! runs after the sources are merged, so it does not change what the
//! tagger learned from.

use super::lexicon::flags;
use super::tokens::{Doc, Gap, Kind};
use crate::core::model::{labels, Span};

/// The words that open a credit: followed by `by` (`Reporting by`,
/// `Edited by`) or by a colon (`Pewarta:`, `Editor:`), and `by` itself.
/// Looked up as [`super::lexicon::more::CREDIT`]; [`super::tokens::Doc::credits`] lists
/// where they are.
pub(crate) const WORDS: &[&str] = &[
    // A byline, `By Jane Smith` (and every other `by`, for the words
    // below).
    "by",
    // English, before `by`.
    "reporting",
    "writing",
    "editing",
    "reported",
    "written",
    "edited",
    "compiled",
    "photo",
    "photos",
    "photograph",
    // Before a colon, Indonesian and English.
    "pewarta",
    "penulis",
    "editor",
    "reporter",
    "wartawan",
    "penyunting",
    "redaktur",
    "kontributor",
    "fotografer",
    "writer",
    "author",
];

/// Where the names of the credit opened at token `k` start, if one is:
/// after `by` following a credit word, after a colon following one at the
/// start of a line or after `(`, `|`, `/`, `;`, or after a `By` that
/// starts a line.
fn opens(doc: &Doc, k: usize) -> Option<usize> {
    let t = &doc.toks[k];
    let at_start =
        k == 0 || t.gap >= Gap::Line || ["(", "|", "/", ";"].contains(&doc.text_of(k - 1));
    if doc.low(k) == "by" {
        // A byline: `By` opening a line of names.
        return (at_start && t.upper).then_some(k + 1);
    }
    if doc.is_word(k + 1) && doc.low(k + 1) == "by" {
        return Some(k + 2);
    }
    (at_start && doc.is(k + 1, ':')).then_some(k + 2)
}

/// Whether token `k` ends a credit's list of names.
fn closes(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.gap >= Gap::Line
        || t.term && !(k > 0 && single_letter(doc, k - 1))
        || [";", "|", "/", "(", ")", ":", "—", "–"].iter().any(|m| doc.text_of(k) == *m)
}

/// Whether token `k` is a one-letter word (an initial before its `.`).
fn single_letter(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.kind == Kind::Word && t.end() - t.start() == t.ch.len_utf8()
}

/// Marks as PERSON every name of every credit in `doc` (up to four words,
/// not an acronym, a listed place or organisation, a month or a
/// weekday): spans of another label over exactly the name's words or
/// inside them are replaced; a span reaching outside them, a date, or a
/// PERSON that is already exactly the name (with its title) leaves it
/// alone. `spans` (entities only, not overlapping) stay sorted by start.
pub(crate) fn names(doc: &Doc, spans: &mut Vec<Span>) {
    let n = doc.toks.len();
    // Each name as a PERSON span (with its title, if it has one).
    let mut found: Vec<Span> = Vec::new();
    let mut done = 0; // the tokens before it are read
    for &k in &doc.credits {
        let k = k as usize;
        let Some(mut j) = (k >= done).then(|| opens(doc, k)).flatten() else { continue };
        // A byline is a line of names and nothing else (not `By Christmas
        // the shops …`).
        let byline = doc.low(k) == "by";
        let before = found.len();
        let mut title: Option<(usize, usize)> = None;
        // The names, up to where the credit closes.
        while j < n && !closes(doc, j) {
            let w = &doc.toks[j];
            let low = doc.low(j);
            if let Some((m, f)) = (w.upper && w.kind == Kind::Word)
                .then(|| doc.longest(j, flags::TITLE, super::lexicon::MAX_WORDS))
                .flatten()
            {
                // A title before the name (`Dr. Jane Smith`): the name's.
                let mut end = j + m;
                if f & flags::ABBR != 0 && doc.is(end, '.') && doc.toks[end].gap == Gap::None {
                    end += 1;
                }
                title = Some((title.map_or(w.start(), |t| t.0), doc.toks[end - 1].end()));
                j = end;
                continue;
            }
            if w.kind != Kind::Word || matches!(low, "and" | "dan" | "&") {
                if !(doc.is(j, ',') || doc.is(j, '&') || w.kind == Kind::Word) {
                    break;
                }
                j += 1;
                continue;
            }
            if matches!(low, "in" | "di" | "from" | "dari" | "at") {
                // Where the person was: the place's words are not a name.
                j += 1;
                while j < n && !closes(doc, j) && doc.is_word(j) && doc.toks[j].upper {
                    j += 1;
                }
                continue;
            }
            if !w.upper {
                // The credit goes on in prose.
                if byline {
                    found.truncate(before);
                }
                break;
            }
            let first = j;
            let mut last = j;
            j += 1;
            while j < n && !closes(doc, j) {
                let u = &doc.toks[j];
                let after_initial =
                    doc.is(j, '.') && u.gap == Gap::None && single_letter(doc, last);
                if after_initial {
                    last = j;
                } else if u.gap == Gap::Space && u.kind == Kind::Word {
                    // A name particle (`von der`, `de`, `bin`), not `di`.
                    let particle = !u.upper && u.flags & flags::CONNECTOR != 0;
                    if !(u.upper || particle) || matches!(doc.low(j), "and" | "dan") {
                        break;
                    }
                    last = j;
                } else {
                    break;
                }
                j += 1;
            }
            while last > first && !doc.toks[last].upper && doc.is_word(last) {
                last -= 1; // no particle at the end
            }
            let words = (first..=last).filter(|&x| doc.is_word(x)).count();
            let toks = last + 1 - first;
            let listed = doc
                .longest(first, flags::LOC | flags::ORG_NAME, toks)
                .is_some_and(|(m, _)| m == toks);
            let date =
                (first..=last).any(|x| doc.toks[x].flags & (flags::MONTH | flags::WEEKDAY) != 0);
            let title = title.take();
            // One word only when it is no acronym (`By AP`).
            let one = words == 1 && !doc.toks[first].caps;
            if (one || (2..=4).contains(&words)) && !listed && !date {
                let mut name =
                    Span::new(labels::PERSON, doc.toks[first].start(), doc.toks[last].end());
                name.title = title;
                found.push(name);
            }
        }
        done = j;
    }
    if found.is_empty() {
        return;
    }
    // The spans each name replaces, as index ranges (the spans do not
    // overlap, so their ends are in order too), then one rebuild.
    let mut edits: Vec<(usize, usize, Span)> = Vec::new();
    for name in found {
        let (a, b) = (name.start, name.end);
        let from = spans.partition_point(|s| s.end <= a);
        let to = from + spans[from..].iter().take_while(|s| s.start < b).count();
        let longer =
            spans[from..to].iter().any(|s| s.start < a || s.end > b || s.label == labels::DATE);
        let known = to == from + 1 && spans[from].label == labels::PERSON && {
            let s = &spans[from];
            s.start == a && s.end == b
        };
        if !longer && !known && edits.last().is_none_or(|e| e.1 <= from) {
            edits.push((from, to, name));
        }
    }
    let mut old = std::mem::take(spans).into_iter();
    spans.reserve(old.len() + edits.len());
    let mut next = 0;
    for (from, to, name) in edits {
        spans.extend(old.by_ref().take(from - next));
        old.by_ref().take(to - from).for_each(drop);
        spans.push(name);
        next = to;
    }
    spans.extend(old);
}
