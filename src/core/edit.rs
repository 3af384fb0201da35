//! Correcting annotations: the user's edits, their undo history, and where a
//! selection may begin and end.
//!
//! An [`Edit`] is applied to one document by [`apply`], which returns the
//! document's new annotation list (nothing is changed in place). The
//! workspace records every change of a document's annotations — edits,
//! re-analysis in another language, a learned tagger arriving — as one
//! [`Step`]: the annotations it removed and the ones it added, so undo and
//! redo are exact whatever the size of the change, and a step costs memory
//! in proportion to what changed, not to the document.
//!
//! Whatever the user edits becomes theirs (`source: user`). An automatic
//! annotation the user deletes, relabels or moves is remembered as
//! [`Rejected`], so analysing the document again (another language, the
//! learned tagger) does not bring it back.

use std::rc::Rc;

use super::i18n::Msg;
use super::model::{labels, AnnotatedDocument, Annotation, Label, Short, Source};

/// A step description with a label in it.
fn step_msg(key: &'static str) -> StepMsg {
    StepMsg(key)
}

struct StepMsg(&'static str);

impl StepMsg {
    /// The label's name for steps (`step.label-name.PERSON`), or the name
    /// itself for a label the user made.
    fn label(self, label: &str) -> Msg {
        Msg::new(self.0).key_or("label", format!("step.label-name.{label}"), label)
    }
}

/// One correction to a document's annotations. Offsets are code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Give `[start, end)` the label (the user's annotation). The same label
    /// on the same span already there is confirmed instead.
    Add {
        /// The label.
        label: Label,
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
    /// [`Edit::Add`] for `[start, end)` and for every other occurrence of
    /// its text in the document that stands as whole words, as one step.
    LabelAll {
        /// The label.
        label: Label,
        /// First code point of the selection.
        start: usize,
        /// One past its last code point.
        end: usize,
    },
    /// Give annotation `id` another label.
    Relabel {
        /// The annotation.
        id: String,
        /// Its new label.
        label: Label,
    },
    /// Move annotation `id` to `[start, end)`.
    Resize {
        /// The annotation.
        id: String,
        /// New first code point.
        start: usize,
        /// New end.
        end: usize,
    },
    /// Remove annotation `id` (quotes it was the speaker of lose their
    /// speaker).
    Delete {
        /// The annotation.
        id: String,
    },
    /// Set or clear the speaker of QUOTE `id` (the id of the annotation
    /// naming the speaker).
    SetSpeaker {
        /// The quotation.
        id: String,
        /// The speaker's annotation, or `None` for no speaker.
        speaker: Option<String>,
    },
    /// Confirm an automatic annotation: it becomes the user's.
    Accept {
        /// The annotation.
        id: String,
    },
}

impl Edit {
    /// A short description for the undo button ("Undo: label PERSON"), as
    /// a message the page shows in its language.
    pub fn describe(&self) -> Msg {
        match self {
            Edit::Add { label, .. } => step_msg("step.label").label(label),
            Edit::LabelAll { label, .. } => step_msg("step.label-all").label(label),
            Edit::Relabel { label, .. } => step_msg("step.relabel").label(label),
            Edit::Resize { .. } => Msg::new("step.extent"),
            Edit::Delete { .. } => Msg::new("step.delete"),
            Edit::SetSpeaker { .. } => Msg::new("step.speaker"),
            Edit::Accept { .. } => Msg::new("step.accept"),
        }
    }
}

/// An automatic annotation the user removed or changed: analysis of the same
/// document must not add it again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rejected {
    /// Its label.
    pub label: Label,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Rejected {
    fn of(a: &Annotation) -> Self {
        Rejected { label: a.label.clone(), start: a.start, end: a.end }
    }

    /// Whether `a` is the annotation this rejects.
    pub fn matches(&self, a: &Annotation) -> bool {
        a.label == self.label && a.start == self.start && a.end == self.end
    }
}

/// What an edit produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The document's annotations after the edit.
    pub annotations: Vec<Annotation>,
    /// The annotation the edit is about (new, changed), to keep in focus.
    pub focus: Option<String>,
    /// Automatic annotations the edit removed or changed.
    pub rejected: Vec<Rejected>,
}

/// Applies `edit` to `doc`. `None` when the edit does not apply (an unknown
/// id, an empty or out-of-range span, a speaker for something that is not a
/// QUOTE) or changes nothing.
pub fn apply(doc: &AnnotatedDocument, edit: &Edit) -> Option<Outcome> {
    let mut anns = doc.annotations.clone();
    let n = doc.index().char_len();
    let mut rejected = Vec::new();
    let pos = |anns: &[Annotation], id: &str| anns.iter().position(|a| a.id == id);
    let focus = match edit {
        Edit::Add { label, start, end } => {
            if label.is_empty() || start >= end || *end > n {
                return None;
            }
            let mut ids = IdMaker::new(&anns);
            Some(add(&mut anns, &mut ids, label, *start, *end))
        }
        Edit::LabelAll { label, start, end } => {
            if label.is_empty() || start >= end || *end > n {
                return None;
            }
            let mut ids = IdMaker::new(&anns);
            let focus = add(&mut anns, &mut ids, label, *start, *end);
            for (s, e) in occurrences(doc, *start, *end) {
                if (s, e) != (*start, *end) {
                    add(&mut anns, &mut ids, label, s, e);
                }
            }
            Some(focus)
        }
        Edit::Relabel { id, label } => {
            let i = pos(&anns, id)?;
            if label.is_empty() || anns[i].label == *label {
                return None;
            }
            let a = &mut anns[i];
            if a.source == Source::Auto {
                rejected.push(Rejected::of(a));
            }
            a.label = label.clone();
            a.source = Source::User;
            if a.label != labels::QUOTE {
                a.speaker = None;
            }
            if a.label != labels::DATE {
                a.value = None;
            }
            if a.label != labels::PERSON {
                a.title = None;
            }
            Some(id.clone())
        }
        Edit::Resize { id, start, end } => {
            let i = pos(&anns, id)?;
            if start >= end || *end > n || (anns[i].start, anns[i].end) == (*start, *end) {
                return None;
            }
            let a = &mut anns[i];
            if a.source == Source::Auto {
                rejected.push(Rejected::of(a));
            }
            a.start = *start;
            a.end = *end;
            a.source = Source::User;
            a.value = None;
            Some(id.clone())
        }
        Edit::Delete { id } => {
            let i = pos(&anns, id)?;
            let gone = anns.remove(i);
            if gone.source == Source::Auto {
                rejected.push(Rejected::of(&gone));
            }
            for a in &mut anns {
                if a.speaker.as_deref() == Some(id.as_str()) {
                    a.speaker = None;
                }
            }
            None
        }
        Edit::SetSpeaker { id, speaker } => {
            let i = pos(&anns, id)?;
            if anns[i].label != labels::QUOTE || anns[i].speaker.as_deref() == speaker.as_deref() {
                return None;
            }
            if let Some(s) = speaker {
                if s == id || pos(&anns, s).is_none() {
                    return None;
                }
            }
            anns[i].speaker = speaker.as_deref().map(Short::from);
            anns[i].source = Source::User;
            Some(id.clone())
        }
        Edit::Accept { id } => {
            let i = pos(&anns, id)?;
            if anns[i].source == Source::User {
                return None;
            }
            anns[i].source = Source::User;
            Some(id.clone())
        }
    };
    if anns == doc.annotations {
        return None;
    }
    Some(Outcome { annotations: anns, focus, rejected })
}

/// Adds the user's `label` on `[start, end)`, or confirms the same label
/// already on that span; returns the annotation's id.
fn add(
    anns: &mut Vec<Annotation>,
    ids: &mut IdMaker,
    label: &str,
    start: usize,
    end: usize,
) -> String {
    if let Some(a) = anns.iter_mut().find(|a| a.label == label && a.start == start && a.end == end)
    {
        a.source = Source::User;
        return a.id.to_string();
    }
    let id = ids.next();
    anns.push(Annotation {
        id: Short::from(&id),
        label: Label::from(label),
        start,
        end,
        source: Source::User,
        speaker: None,
        value: None,
        title: None,
    });
    id
}

/// Fresh ids `a<n>` above every id of that form already in the document.
struct IdMaker(usize);

impl IdMaker {
    fn new(anns: &[Annotation]) -> Self {
        let max = anns
            .iter()
            .filter_map(|a| a.id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok()))
            .max()
            .unwrap_or(0);
        IdMaker(max)
    }

    fn next(&mut self) -> String {
        self.0 += 1;
        format!("a{}", self.0)
    }
}

/// Every occurrence (code-point spans, in order) of the text of
/// `[start, end)` in the document that does not begin or end inside a word.
pub fn occurrences(doc: &AnnotatedDocument, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text = &doc.doc.text;
    let index = doc.index();
    let needle = index.slice(text, start, end);
    if needle.is_empty() {
        return Vec::new();
    }
    let len = end - start;
    let mut out = Vec::new();
    for (b, _) in text.match_indices(needle) {
        let before = text[..b].chars().next_back();
        let after = text[b + needle.len()..].chars().next();
        let first = needle.chars().next();
        let last = needle.chars().next_back();
        let joins = |x: Option<char>, y: Option<char>| match (x, y) {
            (Some(x), Some(y)) => is_word(x) && is_word(y),
            _ => false,
        };
        if joins(before, first) || joins(last, after) {
            continue;
        }
        let s = index.char_of_byte(text, b);
        out.push((s, s + len));
    }
    out
}

/// One undoable change of a document: the annotations it removed and the
/// ones it added (an annotation that changed is in both, old and new), the
/// document's language before and after, and the automatic annotations it
/// rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the step did, for the undo and redo buttons.
    pub what: Msg,
    /// The same in English (for the command line and the tests).
    said: String,
    removed: Packed,
    added: Packed,
    lang: (String, String),
    rejected: Vec<Rejected>,
}

impl Step {
    /// The step from `old` to `new` (the same text), or `None` if nothing
    /// changed.
    pub fn between(
        what: Msg,
        old: &AnnotatedDocument,
        new: &AnnotatedDocument,
        rejected: Vec<Rejected>,
    ) -> Option<Step> {
        // Both lists are in the document's order (`Annotation::order`), in
        // which an annotation kept as it was stands at the same place in
        // both: one walk over them pairs them (no table of a long article's
        // hundred thousand ids).
        let (xs, ys) = (&old.annotations, &new.annotations);
        let (mut removed, mut added) = (Packed::default(), Packed::default());
        let (mut i, mut j) = (0, 0);
        while i < xs.len() || j < ys.len() {
            let o = match (xs.get(i), ys.get(j)) {
                (Some(a), Some(b)) => Annotation::order(a, b),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match o {
                std::cmp::Ordering::Less => {
                    removed.push(&xs[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    added.push(&ys[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    if xs[i] != ys[j] {
                        removed.push(&xs[i]);
                        added.push(&ys[j]);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let lang = (old.doc.lang.clone(), new.doc.lang.clone());
        if removed.is_empty() && added.is_empty() && lang.0 == lang.1 {
            return None;
        }
        let said = what.english();
        removed.shrink_to_fit();
        added.shrink_to_fit();
        Some(Step { what, said, removed, added, lang, rejected })
    }

    /// How many annotations the step removed and added (one that changed
    /// counts in both).
    pub fn size(&self) -> (usize, usize) {
        (self.removed.len(), self.added.len())
    }

    /// `doc` as it was before the step.
    pub fn undo(&self, doc: &AnnotatedDocument) -> AnnotatedDocument {
        swap(doc, &self.added, &self.removed, &self.lang.0)
    }

    /// `doc` as it was after the step.
    pub fn redo(&self, doc: &AnnotatedDocument) -> AnnotatedDocument {
        swap(doc, &self.removed, &self.added, &self.lang.1)
    }
}

fn swap(doc: &AnnotatedDocument, out: &Packed, into: &Packed, lang: &str) -> AnnotatedDocument {
    let gone: std::collections::HashSet<&str> = out.ids().collect();
    let mut anns: Vec<Annotation> =
        doc.annotations.iter().filter(|a| !gone.contains(a.id.as_str())).cloned().collect();
    anns.extend(into.annotations());
    let mut d = doc.with_annotations(anns);
    d.doc.lang = lang.to_string();
    d
}

/// A list of annotations kept for undo and redo, packed: numbers and one
/// text instead of an [`Annotation`] (some 70 bytes and two or more heap
/// strings in the page) each. The step that the learned tagger's arrival
/// makes on a long article holds over a hundred thousand annotations, for
/// as long as the article is open.
///
/// Each annotation is [`PACKED`] numbers: start, end, the label's index in
/// `labels` times 2 plus 1 for a user's annotation, and the byte lengths of
/// its id, then of its speaker, value and title (each length + 1, 0:
/// none), whose texts follow one another in `strings`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Packed {
    nums: Vec<usize>,
    strings: String,
    labels: Vec<Label>,
}

/// Numbers per annotation of a [`Packed`] list.
const PACKED: usize = 7;

impl Packed {
    fn push(&mut self, a: &Annotation) {
        let label = match self.labels.iter().position(|l| *l == a.label) {
            Some(k) => k,
            None => {
                self.labels.push(a.label.clone());
                self.labels.len() - 1
            }
        };
        let len = |s: Option<&str>| s.map_or(0, |s| s.len() + 1);
        self.nums.extend([
            a.start,
            a.end,
            label * 2 + usize::from(a.source == Source::User),
            a.id.len(),
            len(a.speaker.as_deref()),
            len(a.value.as_deref()),
            len(a.title.as_deref()),
        ]);
        for s in [Some(&*a.id), a.speaker.as_deref(), a.value.as_deref(), a.title.as_deref()] {
            self.strings.push_str(s.unwrap_or(""));
        }
    }

    fn shrink_to_fit(&mut self) {
        self.nums.shrink_to_fit();
        self.strings.shrink_to_fit();
    }

    fn len(&self) -> usize {
        self.nums.len() / PACKED
    }

    fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    /// Each annotation's numbers and its four texts (id, speaker, value,
    /// title; `None`: none).
    #[allow(clippy::type_complexity)]
    fn each(&self) -> impl Iterator<Item = (&[usize], [Option<&str>; 4])> + '_ {
        let mut at = 0;
        self.nums.chunks_exact(PACKED).map(move |n| {
            let mut texts = [None; 4];
            for (k, &len) in [n[3] + 1, n[4], n[5], n[6]].iter().enumerate() {
                if len > 0 {
                    texts[k] = Some(&self.strings[at..at + len - 1]);
                    at += len - 1;
                }
            }
            (n, texts)
        })
    }

    /// The ids, in order.
    fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.each().map(|(_, t)| t[0].unwrap_or(""))
    }

    /// The annotations, in order.
    fn annotations(&self) -> impl Iterator<Item = Annotation> + '_ {
        self.each().map(|(n, t)| Annotation {
            id: Short::from(t[0].unwrap_or("")),
            label: self.labels[n[2] / 2].clone(),
            start: n[0],
            end: n[1],
            source: if n[2] % 2 == 1 { Source::User } else { Source::Auto },
            speaker: t[1].map(Short::from),
            value: t[2].map(str::to_string),
            title: t[3].map(str::to_string),
        })
    }
}

/// How many steps each document keeps to undo.
pub const MAX_UNDO: usize = 200;

/// A document's undo and redo stacks, and the automatic annotations its
/// user rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    // Shared steps: the page's reducer clones the workspace on every action
    // (a click), and a step can hold every annotation of a long article.
    undo: Vec<Rc<Step>>,
    redo: Vec<Rc<Step>>,
    /// Automatic annotations the user removed or changed (see [`Rejected`]).
    pub rejected: Vec<Rejected>,
}

impl History {
    /// A history with nothing to undo that remembers these rejections.
    pub fn with_rejected(rejected: Vec<Rejected>) -> Self {
        History { rejected, ..History::default() }
    }

    /// Records a new step (the redo stack is cleared) and its rejections.
    pub fn record(&mut self, step: Step) {
        self.remember(&step.rejected);
        self.undo.push(Rc::new(step));
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Adds rejections not already remembered.
    fn remember(&mut self, rejected: &[Rejected]) {
        for r in rejected {
            if !self.rejected.contains(r) {
                self.rejected.push(r.clone());
            }
        }
    }

    /// Undoes the last step on `doc`, if there is one.
    pub fn undo(&mut self, doc: &AnnotatedDocument) -> Option<AnnotatedDocument> {
        let step = self.undo.pop()?;
        let before = step.undo(doc);
        self.rejected.retain(|r| !step.rejected.contains(r));
        self.redo.push(step);
        Some(before)
    }

    /// Redoes the last undone step on `doc`, if there is one.
    pub fn redo(&mut self, doc: &AnnotatedDocument) -> Option<AnnotatedDocument> {
        let step = self.redo.pop()?;
        let after = step.redo(doc);
        self.remember(&step.rejected);
        self.undo.push(step);
        Some(after)
    }

    /// What undo would undo.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.said.as_str())
    }

    /// What redo would redo.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|s| s.said.as_str())
    }

    /// What undo would undo, as a message for the page.
    pub fn next_undo_msg(&self) -> Option<&Msg> {
        self.undo.last().map(|s| &s.what)
    }

    /// What redo would redo, as a message for the page.
    pub fn next_redo_msg(&self) -> Option<&Msg> {
        self.redo.last().map(|s| &s.what)
    }
}

/// Drops the automatic annotations the user rejected from a freshly
/// analysed document (quotes lose a speaker that was dropped).
pub fn without_rejected(doc: AnnotatedDocument, rejected: &[Rejected]) -> AnnotatedDocument {
    if rejected.is_empty() {
        return doc;
    }
    let drop = |a: &Annotation| a.source == Source::Auto && rejected.iter().any(|r| r.matches(a));
    let dropped: Vec<Short> =
        doc.annotations.iter().filter(|a| drop(a)).map(|a| a.id.clone()).collect();
    if dropped.is_empty() {
        return doc;
    }
    let anns = doc
        .annotations
        .iter()
        .filter(|a| !drop(a))
        .map(|a| {
            let mut a = a.clone();
            if a.speaker.as_ref().is_some_and(|s| dropped.contains(s)) {
                a.speaker = None;
            }
            a
        })
        .collect();
    doc.with_annotations(anns)
}

/// A word character for selection snapping and whole-word matching.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || extends(c)
}

/// Whether `c` continues the grapheme cluster before it (combining marks,
/// joiners, variation selectors, emoji modifiers and tags).
fn extends(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

fn is_regional(c: char) -> bool {
    (0x1F1E6..=0x1F1FF).contains(&(c as u32))
}

/// Where a selection of `[start, end)` (code points) should land: widened to
/// whole words when `words` is set (a word is letters and digits, with `'`,
/// `’` and `-` inside it), never splitting a grapheme cluster (a letter and
/// its accents, an emoji with its modifiers or joined parts, a flag), and
/// without white space at either end. `None` if nothing is left.
pub fn snap(
    doc: &AnnotatedDocument,
    start: usize,
    end: usize,
    words: bool,
) -> Option<(usize, usize)> {
    let chars: Vec<char> = doc.doc.text.chars().collect();
    let n = chars.len();
    let (mut s, mut e) = (start.min(n), end.min(n));
    if s > e {
        std::mem::swap(&mut s, &mut e);
    }
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s == e {
        return None;
    }
    let inner = |i: usize| {
        // `'`, `’`, `-` join two word characters ("Jum'at", "pasif-defensif").
        matches!(chars[i], '\'' | '’' | '-' | '‐')
            && i > 0
            && i + 1 < n
            && is_word(chars[i - 1])
            && is_word(chars[i + 1])
    };
    if words {
        let w = |i: usize| is_word(chars[i]) || inner(i);
        if w(s) {
            while s > 0 && w(s - 1) {
                s -= 1;
            }
        }
        if w(e - 1) {
            while e < n && w(e) {
                e += 1;
            }
        }
    }
    // Grapheme clusters: move the start back and the end forward over
    // anything that continues the character before it.
    let joined = |i: usize| i > 0 && (extends(chars[i]) || chars[i - 1] == '\u{200D}');
    while s > 0 && joined(s) {
        s -= 1;
    }
    while e < n && joined(e) {
        e += 1;
    }
    // Regional indicators pair up from the start of their run.
    let run_before = |i: usize| (0..i).rev().take_while(|&k| is_regional(chars[k])).count();
    if s < n && is_regional(chars[s]) && run_before(s) % 2 == 1 {
        s -= 1;
    }
    if e < n && e > 0 && is_regional(chars[e]) && run_before(e) % 2 == 1 {
        e += 1;
    }
    Some((s, e))
}

/// Which end of a span [`nudge`] moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first code point.
    Start,
    /// The end.
    End,
}

/// `[start, end)` with one edge moved by one word: `grow` takes in the next
/// word outside the span on that side, otherwise the span gives up its
/// outermost word on that side. `None` when there is no word to take or
/// the span would be left empty.
pub fn nudge(
    doc: &AnnotatedDocument,
    start: usize,
    end: usize,
    edge: Edge,
    grow: bool,
) -> Option<(usize, usize)> {
    let (text, index) = (&doc.doc.text, doc.index());
    if start >= end || end > index.char_len() {
        return None;
    }
    let (bs, be) = (index.byte_of_char(text, start), index.byte_of_char(text, end));
    // How many characters from the edge: first those that are not `word`,
    // then those that are. Reads only the characters it passes.
    let over = |chars: &mut dyn Iterator<Item = char>, word: bool| -> usize {
        let mut chars = chars.peekable();
        let mut k = 0;
        while chars.next_if(|&c| is_word(c) != word).is_some() {
            k += 1;
        }
        while chars.next_if(|&c| is_word(c) == word).is_some() {
            k += 1;
        }
        k
    };
    let (s, e) = match (edge, grow) {
        (Edge::End, true) => (start, end + over(&mut text[be..].chars(), true)),
        // Giving up a word: past the word, then past what separates it.
        (Edge::End, false) => (start, end - over(&mut text[bs..be].chars().rev(), false)),
        (Edge::Start, true) => (start - over(&mut text[..bs].chars().rev(), true), end),
        (Edge::Start, false) => (start + over(&mut text[bs..be].chars(), false), end),
    };
    (s < e && (s, e) != (start, end) && index.slice(text, s, e).chars().any(is_word))
        .then_some((s, e))
}

/// Every place the text contains `query`, ignoring case (code-point spans,
/// in order, not overlapping). Empty or white-space-only queries find
/// nothing.
pub fn find_text(doc: &AnnotatedDocument, query: &str) -> Vec<(usize, usize)> {
    let q: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if query.trim().is_empty() {
        return Vec::new();
    }
    let text = doc.doc.text.as_bytes();
    let mut out = Vec::new();
    // Byte and code-point offsets of the place tried; the text is read in
    // place (a search at every key of a megabyte must not copy it).
    let (mut b, mut i) = (0, 0);
    while b < text.len() {
        // An ASCII byte whose lower case is not the query's first
        // character starts no hit (only the Kelvin sign, not ASCII, lowers
        // to ASCII `k`; it goes the long way below).
        let x = text[b];
        if x.is_ascii() && char::from(x.to_ascii_lowercase()) != q[0] {
            b += 1;
            i += 1;
            continue;
        }
        match matched(&doc.doc.text[b..], &q) {
            Some((bytes, chars)) => {
                out.push((i, i + chars));
                b += bytes;
                i += chars;
            }
            None => {
                // To the next character's first byte.
                b += 1;
                while text.get(b).is_some_and(|&x| x & 0xc0 == 0x80) {
                    b += 1;
                }
                i += 1;
            }
        }
    }
    out
}

/// Whether `text` starts with `q` (lower-cased characters), ignoring case,
/// ending at a character's end (a character may lower to several, as `İ`
/// does): its length in bytes and in code points.
fn matched(text: &str, q: &[char]) -> Option<(usize, usize)> {
    let (mut k, mut bytes, mut chars) = (0, 0, 0);
    for c in text.chars() {
        if k == q.len() {
            break;
        }
        for l in c.to_lowercase() {
            if q.get(k) != Some(&l) {
                return None;
            }
            k += 1;
        }
        bytes += c.len_utf8();
        chars += 1;
    }
    (k == q.len()).then_some((bytes, chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_annotations_come_back_as_they_were() {
        let mut anns = vec![
            Annotation::new("a1", "PERSON", 0, 5),
            Annotation::new("u7", "Klaim ✓", 3, 9),
            Annotation::new("", "QUOTE", 10, 40),
            Annotation::new("a12", "DATE", 41, 43),
        ];
        anns[0].title = Some("Perdana Menteri Jepang".into());
        anns[1].source = Source::User;
        anns[2].speaker = Some("a1".into());
        anns[3].value = Some("2025-12-01".into());
        anns[3].speaker = Some(Short::default());
        let mut p = Packed::default();
        anns.iter().for_each(|a| p.push(a));
        assert_eq!(p.len(), 4);
        assert_eq!(p.ids().collect::<Vec<_>>(), ["a1", "u7", "", "a12"]);
        assert_eq!(p.annotations().collect::<Vec<_>>(), anns);
        assert_eq!(p.labels.len(), 4, "each label once");
    }
}
