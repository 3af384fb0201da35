//! Quotations: QUOTE spans and their speakers.
//!
//! Marks pair as `“…”`, `„…“` or `„…”`, `«…»`, `「…」`, `『…』`, and straight
//! `"…"` in order (an opening `"` has no space after it, a closing one no
//! space before it). A QUOTE span **includes** its marks. Quotations do not
//! nest and never cross a blank line: an opening mark with no closing mark
//! in its paragraph yields nothing, so an unbalanced mark cannot swallow the
//! rest of the article. Scanning is linear: each kind of closing mark is
//! found through a cursor that only moves forward.
//!
//! A `”` with a space before it and a word right after it also opens a
//! quotation, for texts that use `”` on both sides.
//!
//! A quotation of one to three words is a scare quote ("disebut “kebijakan
//! hijau”"), not a QUOTE, unless a verb of saying touches it (at most two
//! tokens between: `“Tidak,” kata dia`, `kata dia: “Tidak.”`).
//!
//! The speaker is looked for, in this order:
//!
//! 1. after the closing mark, in the same clause: a verb of saying (`kata`,
//!    `ujar`, `said`, `according to`, …) with a PERSON or ORG between the
//!    mark and the verb (", Smith said") or just after the verb
//!    (", kata Rutte", ", said NATO chief Mark Rutte"); a PERSON is
//!    preferred to an ORG;
//! 2. before the opening mark, in the same sentence: `X: “…”`, or a verb of
//!    saying with its PERSON/ORG before it ("Rutte mengatakan, “…”") or
//!    after it ("Menurut Rutte, “…”");
//! 3. a pronoun (`ujarnya`, `katanya`, "he said", "kata dia") or a nominal
//!    ("said the minister", "kata menteri itu") points back to a PERSON
//!    outside quotations: the latest one named next to a verb of saying
//!    ("Menurut Firli", "Rutte said") in this or the previous paragraph,
//!    else simply the latest one;
//! 4. a quotation of four or more words with no verb of saying at all takes
//!    the speaker of the previous quotation in its paragraph.
//!
//! A speaker named by one word ("kata Rutte") is linked to the latest
//! earlier full name ending or starting with that word ("Mark Rutte"), so
//! the link always names the person in full.

use std::collections::HashMap;

use super::lexicon::flags::{ANAPHOR_END, CUE, CUE_PRON, DETERMINER, PRONOUN};
use super::tokens::{Doc, Gap, Kind};
use crate::core::model::{labels, Span};

/// How many tokens around a quotation are searched for its speaker.
const WINDOW: usize = 16;
/// How many tokens after a verb of saying the speaker may start.
const AFTER_CUE: usize = 7;
/// How many earlier entities are examined for a pronoun's antecedent.
const LOOKBACK: usize = 64;
/// Marker for "no entity" in the token-to-entity table.
const NONE: u32 = u32::MAX;

/// A closing-mark cursor: sorted token indices and a forward-only position.
struct Cursor {
    /// Token indices of the closing marks.
    at: Vec<usize>,
    /// Index into `at` of the first mark not yet passed.
    pos: usize,
}

impl Cursor {
    /// The first mark after token `k`.
    fn next_after(&mut self, k: usize) -> Option<usize> {
        while self.pos < self.at.len() && self.at[self.pos] <= k {
            self.pos += 1;
        }
        self.at.get(self.pos).copied()
    }
}

/// The kinds of opening mark, by the closing marks that end them.
#[derive(Clone, Copy)]
enum Open {
    /// `“` closed by `”`.
    Curly,
    /// `„` closed by `“` or `”`.
    Low,
    /// `«` closed by `»`.
    Guillemet,
    /// `「` closed by `」`.
    Corner,
    /// `『` closed by `』`.
    WhiteCorner,
    /// `"` closed by `"`.
    Straight,
}

/// Whether `c` is any quotation mark this module handles.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
            | '"'
    )
}

/// Finds the quotations of `doc`. `ents` are the entity and date spans
/// found so far, sorted by start; the returned QUOTE spans name their
/// speaker by index into `ents`.
pub(crate) fn find(doc: &Doc, ents: &[Span]) -> Vec<Span> {
    let n = doc.toks.len();
    let mut marks = Vec::new();
    let mut cursors: [Cursor; 6] = std::array::from_fn(|_| Cursor { at: Vec::new(), pos: 0 });
    for (k, t) in doc.toks.iter().enumerate() {
        if t.kind != Kind::Punct || !is_mark(t.ch) {
            continue;
        }
        marks.push(k);
        match t.ch {
            '\u{201D}' => {
                cursors[Open::Curly as usize].at.push(k);
                cursors[Open::Low as usize].at.push(k);
            }
            '\u{201C}' => cursors[Open::Low as usize].at.push(k),
            '\u{BB}' => cursors[Open::Guillemet as usize].at.push(k),
            '\u{300D}' => cursors[Open::Corner as usize].at.push(k),
            '\u{300F}' => cursors[Open::WhiteCorner as usize].at.push(k),
            '"' => cursors[Open::Straight as usize].at.push(k),
            _ => {}
        }
    }
    if marks.is_empty() {
        return Vec::new();
    }
    let mut ent_of = vec![NONE; n];
    for (e, s) in ents.iter().enumerate() {
        if s.label != labels::PERSON && s.label != labels::ORG {
            continue;
        }
        let mut k = doc.tok_at(s.start);
        while k < n && doc.toks[k].start < s.end {
            ent_of[k] = u32::try_from(e).unwrap_or(NONE);
            k += 1;
        }
    }
    let full = full_names(doc, ents);
    let mut q =
        Quoter { doc, ents, ent_of, full, mention: Vec::new(), quotes: Vec::new(), last: None };
    q.mention = (0..ents.len()).map(|e| q.is_mention(e)).collect();
    let mut resume = 0;
    for &k in &marks {
        if k < resume {
            continue;
        }
        let t = &doc.toks[k];
        // A `”` with space before and a word right after opens a quotation
        // in texts that use `”` on both sides.
        let right_as_left = (k == 0 || t.gap != Gap::None)
            && doc.toks.get(k + 1).is_some_and(|x| x.gap == Gap::None && x.kind != Kind::Punct);
        let kind = match t.ch {
            '\u{201C}' => Open::Curly,
            '\u{201D}' if right_as_left => Open::Curly,
            '\u{201E}' => Open::Low,
            '\u{AB}' => Open::Guillemet,
            '\u{300C}' => Open::Corner,
            '\u{300E}' => Open::WhiteCorner,
            '"' => Open::Straight,
            _ => continue,
        };
        let Some(close) = cursors[kind as usize].next_after(k) else { continue };
        if doc.toks[close].para != t.para {
            continue;
        }
        if let Open::Straight = kind {
            // An opening `"` has a word right after it; a closing one has
            // no space before it.
            let opens = doc.toks.get(k + 1).is_some_and(|x| x.gap == Gap::None);
            if !opens || doc.toks[close].gap != Gap::None {
                continue;
            }
        }
        q.consider(k, close);
        resume = close + 1;
    }
    q.quotes
}

/// For each span, the span to name as speaker in its place: a one-word
/// PERSON ("Rutte") is replaced by the latest earlier full name that starts
/// or ends with that word ("Mark Rutte"); every other span stands for
/// itself.
fn full_names(doc: &Doc, ents: &[Span]) -> Vec<usize> {
    let mut latest: HashMap<&str, usize> = HashMap::new();
    let mut full: Vec<usize> = (0..ents.len()).collect();
    for (e, s) in ents.iter().enumerate() {
        if s.label != labels::PERSON {
            continue;
        }
        let name = &doc.text[s.start..s.end];
        let mut words = name.split_whitespace();
        match (words.next(), words.next_back()) {
            (Some(first), Some(last)) => {
                latest.insert(first, e);
                latest.insert(last, e);
            }
            _ => {
                if let Some(&f) = latest.get(name) {
                    full[e] = f;
                }
            }
        }
    }
    full
}

/// A verb of saying (or a colon) found next to a quotation.
struct Found {
    /// The speaker it points to, if any.
    speaker: Option<usize>,
    /// Whether it touches the quotation (at most two tokens between), as in
    /// `“Tidak,” kata dia` — what a very short quotation needs.
    near: bool,
}

/// The state of the quotation pass.
struct Quoter<'d, 'a> {
    /// The text.
    doc: &'d Doc<'a>,
    /// Entity and date spans, sorted by start.
    ents: &'d [Span],
    /// For each token, the index of the PERSON/ORG span covering it.
    ent_of: Vec<u32>,
    /// For each span, the span that names it in full (see [`full_names`]).
    full: Vec<usize>,
    /// For each span, whether it is a PERSON next to a verb of saying (or
    /// already a speaker): the preferred antecedent of a pronoun.
    mention: Vec<bool>,
    /// The quotations accepted so far.
    quotes: Vec<Span>,
    /// Paragraph and speaker of the last accepted quotation.
    last: Option<(u32, Option<usize>)>,
}

impl Quoter<'_, '_> {
    /// Decides on the candidate quotation between tokens `open` and `close`.
    fn consider(&mut self, open: usize, close: usize) {
        let doc = self.doc;
        let words = (open + 1..close).filter(|&k| doc.toks[k].kind != Kind::Punct).count();
        if words == 0 {
            return;
        }
        let (start, end) = (doc.toks[open].start, doc.toks[close].end);
        // A very short quotation needs a verb of saying right next to it.
        let fits = |f: &Found| f.near || words > 3;
        let found = self
            .speaker_after(close, start)
            .filter(fits)
            .or_else(|| self.speaker_before(open, start).filter(fits));
        let para = doc.toks[open].para;
        let speaker = match found {
            Some(f) => f.speaker.map(|e| self.full.get(e).copied().unwrap_or(e)),
            None if words <= 3 => return,
            None => match self.last {
                Some((p, sp)) if p == para => sp,
                _ => None,
            },
        };
        if let Some(m) = speaker.and_then(|e| self.mention.get_mut(e)) {
            *m = true;
        }
        self.last = Some((para, speaker));
        self.quotes.push(Span { speaker, ..Span::new(labels::QUOTE, start, end) });
    }

    /// The entity covering token `k`, if it is a PERSON or ORG.
    fn ent(&self, k: usize) -> Option<usize> {
        self.ent_of.get(k).filter(|&&e| e != NONE).map(|&e| e as usize)
    }

    /// Whether token `k` stops the search for a speaker: a sentence end, a
    /// line break before it, or another quotation mark.
    fn stops(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.term || (t.kind == Kind::Punct && is_mark(t.ch))
    }

    /// The verb of saying at token `k`: its length in words and its flags.
    fn cue_at(&self, k: usize) -> Option<(usize, u32)> {
        self.doc.longest(k, CUE, 2).filter(|&(_, f)| f & CUE != 0)
    }

    /// Picks a speaker among the entities of tokens `range`: the first (or
    /// last) PERSON, else the first (or last) ORG.
    fn pick(&self, range: std::ops::Range<usize>, last: bool) -> Option<usize> {
        let mut person = None;
        let mut org = None;
        for k in range {
            let Some(e) = self.ent(k) else { continue };
            let slot = if self.ents[e].label == labels::PERSON { &mut person } else { &mut org };
            if last || slot.is_none() {
                *slot = Some(e);
            }
        }
        person.or(org)
    }

    /// Looks after the closing mark `close` for a verb of saying. `None`
    /// when there is none; otherwise the speaker found, if any.
    fn speaker_after(&self, close: usize, quote_start: usize) -> Option<Found> {
        let n = self.doc.toks.len();
        let lim = (close + 1 + WINDOW).min(n);
        let mut end = close + 1;
        while end < lim && !self.stops(end) && self.doc.toks[end].gap < Gap::Line {
            end += 1;
        }
        let (cue, len, f) =
            (close + 1..end).find_map(|k| self.cue_at(k).map(|(l, f)| (k, l, f)))?;
        let speaker = self.resolve(close + 1, cue, len, f, end, quote_start);
        Some(Found { speaker, near: cue.saturating_sub(close + 1) <= 2 })
    }

    /// Looks before the opening mark `open` for a verb of saying or a colon.
    fn speaker_before(&self, open: usize, quote_start: usize) -> Option<Found> {
        let mut s = open;
        while s > 0 && open - s < WINDOW {
            let k = s - 1;
            if self.stops(k) {
                break;
            }
            s = k;
            if self.doc.toks[k].gap >= Gap::Line {
                break;
            }
        }
        if s == open {
            return None;
        }
        // "Rutte: “…”"
        if open >= 2 && self.doc.is(open - 1, ':') {
            if let Some(e) = self.ent(open - 2) {
                return Some(Found { speaker: Some(e), near: true });
            }
        }
        let (cue, len, f) = (s..open).rev().find_map(|k| self.cue_at(k).map(|(l, f)| (k, l, f)))?;
        let speaker = self.resolve(s, cue, len, f, open, quote_start);
        Some(Found { speaker, near: open.saturating_sub(cue + len) <= 2 })
    }

    /// Finds the speaker around a verb of saying at token `cue` (`len`
    /// words, flags `f`) inside the clause `[from, to)`.
    fn resolve(
        &self,
        from: usize,
        cue: usize,
        len: usize,
        f: u32,
        to: usize,
        quote_start: usize,
    ) -> Option<usize> {
        let doc = self.doc;
        if f & CUE_PRON != 0 {
            return self.recent_person(quote_start);
        }
        if let Some(e) = self.pick(from..cue, true) {
            return Some(e);
        }
        let after = cue + len;
        let pronoun = |k: usize| k < to && doc.is_word(k) && doc.toks[k].flags & PRONOUN != 0;
        if pronoun(after) || (cue > from && pronoun(cue - 1)) {
            return self.recent_person(quote_start);
        }
        if let Some(e) = self.pick(after..to.min(after + AFTER_CUE), false) {
            return Some(e);
        }
        // "said the minister", "kata menteri itu"
        let nominal = (after..to.min(after + 4)).any(|k| {
            let fl = doc.toks[k].flags;
            (k == after && fl & DETERMINER != 0) || (k > after && fl & ANAPHOR_END != 0)
        });
        if nominal {
            return self.recent_person(quote_start);
        }
        None
    }

    /// The antecedent of a pronoun in a quotation starting at byte `b`:
    /// the most recent PERSON outside quotations that is a speaker mention
    /// ("Menurut Firli", "Rutte said") in the same or the previous
    /// paragraph, else simply the most recent PERSON outside quotations.
    fn recent_person(&self, b: usize) -> Option<usize> {
        let para = self.para_of(b);
        let upto = self.ents.partition_point(|s| s.start < b);
        let mut persons = (0..upto)
            .rev()
            .take(LOOKBACK)
            .filter(|&e| self.ents[e].label == labels::PERSON && self.ents[e].end <= b)
            .filter(|&e| !self.inside_quote(self.ents[e].start));
        let latest = persons.next()?;
        if self.mention[latest] {
            return Some(latest);
        }
        persons
            .take_while(|&e| self.para_of(self.ents[e].start) + 1 >= para)
            .find(|&e| self.mention[e])
            .or(Some(latest))
    }

    /// The paragraph of the token at byte `b`.
    fn para_of(&self, b: usize) -> u32 {
        let k = self.doc.tok_at(b);
        self.doc.toks.get(k).or(self.doc.toks.last()).map_or(0, |t| t.para)
    }

    /// Whether span `e` is a PERSON right next to a verb of saying:
    /// "kata Rutte", "Menurut Firli", "according to Smith", "Rutte said",
    /// "Firli juga mengatakan".
    fn is_mention(&self, e: usize) -> bool {
        let s = &self.ents[e];
        if s.label != labels::PERSON {
            return false;
        }
        let doc = self.doc;
        let first = doc.tok_at(s.start);
        let last = doc.tok_at(s.end).saturating_sub(1);
        let plain_cue = |k: usize, n: usize| doc.phrase_flags(k, n) & (CUE | CUE_PRON) == CUE;
        let before =
            (first >= 1 && plain_cue(first - 1, 1)) || (first >= 2 && plain_cue(first - 2, 2));
        let gap_word = doc.is_word(last + 1) && !doc.toks[last + 1].upper;
        let after = plain_cue(last + 1, 1) || (gap_word && plain_cue(last + 2, 1));
        before || after
    }

    /// Whether byte `b` lies inside an accepted quotation.
    fn inside_quote(&self, b: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.start <= b);
        i > 0 && b < self.quotes[i - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::recognize::tokens::Lang;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, Lang::Id);
        find(&doc, &[]).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn pairs_within_a_paragraph_only() {
        assert_eq!(quotes("“Kami siap bekerja keras,” ujarnya."), ["“Kami siap bekerja keras,”"]);
        assert_eq!(quotes("“Tanpa penutup di sini\n\nlalu “baru” saja"), Vec::<&str>::new());
        assert_eq!(quotes("\"A b c d\" and \"e"), ["\"A b c d\""]);
    }
}
