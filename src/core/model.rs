//! The annotation model: a [`Document`] and its [`Annotation`]s.
//!
//! Every span is a half-open range of **code points** into
//! [`Document::text`] (see [`crate::core::text`]). An annotation's covered
//! text is never stored; it is always sliced from the document, so it cannot
//! drift from the offsets.

use serde::{Deserialize, Serialize};

pub use super::short::Short;
use super::text::CharIndex;

/// A label name. The built-in ones are the associated constants; users may
/// add their own. Kept in place ([`Short`]): a long article's hundred
/// thousand annotations need no heap block for it.
pub type Label = Short;

/// The built-in labels, in legend order.
pub mod labels {
    /// A person.
    pub const PERSON: &str = "PERSON";
    /// An organisation: companies, ministries, parties, agencies, teams.
    pub const ORG: &str = "ORG";
    /// A place: countries, regions, cities, landmarks.
    pub const LOC: &str = "LOC";
    /// A date or a date-like time expression.
    pub const DATE: &str = "DATE";
    /// A direct quotation (speech), with its speaker where found.
    pub const QUOTE: &str = "QUOTE";
    /// Every built-in label, in legend order.
    pub const ALL: [&str; 5] = [PERSON, ORG, LOC, DATE, QUOTE];
}

/// Who made an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Found by the recognizer.
    Auto,
    /// Made or confirmed by the user.
    User,
}

/// One annotated span of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Identifier, unique within the document (`a1`, `a2`, …).
    pub id: Short,
    /// The label.
    pub label: Label,
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
    /// Who made it.
    pub source: Source,
    /// For a QUOTE: the id of the annotation naming its speaker.
    pub speaker: Option<Short>,
    /// For a DATE: its normalised value in ISO 8601 (`2025-12-01`,
    /// `2025-01`, `2022`), as precise as the text allows.
    pub value: Option<String>,
    /// For a PERSON: the title or role written before the name and not part
    /// of the span (`Perdana Menteri Jepang`).
    pub title: Option<String>,
}

/// Whether two annotations have the same label and span.
fn same_span(a: &Annotation, b: &Annotation) -> bool {
    a.label == b.label && a.start == b.start && a.end == b.end
}

/// The id `a<n>` of the `n`-th automatic annotation, written without the
/// formatting machinery (a long article numbers a hundred thousand, in the
/// page, in one task).
pub fn auto_id(n: u64) -> Short {
    Short::numbered(b'a', n)
}

impl Annotation {
    /// The order of a document's annotations: by start, then end
    /// descending (an enclosing span first), ties in id order (`a2` before
    /// `a10`).
    pub fn order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.id.len().cmp(&b.id.len()))
            .then(a.id.cmp(&b.id))
    }

    /// An automatic annotation with no speaker, value or title.
    pub fn new(id: impl Into<Short>, label: impl Into<Label>, start: usize, end: usize) -> Self {
        Annotation {
            id: id.into(),
            label: label.into(),
            start,
            end,
            source: Source::Auto,
            speaker: None,
            value: None,
            title: None,
        }
    }
}

/// A span found by the recognizer, before ids are assigned. Offsets are
/// **bytes** into the analysed text (the recognizer's internal unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The label.
    pub label: &'static str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// For a QUOTE: index (into the same span list) of the span naming the
    /// speaker.
    pub speaker: Option<usize>,
    /// For a DATE: its normalised ISO 8601 value.
    pub value: Option<String>,
    /// For a PERSON: the title written before the name (byte range of it).
    pub title: Option<(usize, usize)>,
}

impl Span {
    /// A span with no speaker, value or title.
    pub fn new(label: &'static str, start: usize, end: usize) -> Self {
        Span { label, start, end, speaker: None, value: None, title: None }
    }
}

/// A document: its name, language and full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A display name, usually the file name (`article.txt`).
    pub name: String,
    /// A BCP 47 language tag (`id`, `en`) as detected or chosen.
    pub lang: String,
    /// The full text, exactly as annotated (line endings are kept).
    /// Shared: a fresh analysis, an undo step and the page's view of the
    /// document hold the same text, not copies of it (a long article's
    /// text is 10 MB), and two documents with the same text know it
    /// without comparing it.
    pub text: std::rc::Rc<str>,
}

/// A document with its annotations, kept sorted by `(start, -end)`, then id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedDocument {
    /// The document.
    pub doc: Document,
    /// Its annotations, sorted by start ascending, then end descending.
    pub annotations: Vec<Annotation>,
    index: CharIndex,
    entities: EntityCache,
}

/// [`AnnotatedDocument::entities`], worked out on first use. Not part of
/// the document's value: it never differs between equal documents, and a
/// copy starts without it.
#[derive(Debug, Default)]
struct EntityCache(std::cell::OnceCell<std::rc::Rc<[crate::core::entities::Entity]>>);

impl Clone for EntityCache {
    fn clone(&self) -> Self {
        EntityCache::default()
    }
}

impl PartialEq for EntityCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for EntityCache {}

impl PartialEq for CharIndex {
    fn eq(&self, other: &Self) -> bool {
        self.char_len() == other.char_len() && self.byte_len() == other.byte_len()
    }
}
impl Eq for CharIndex {}

impl AnnotatedDocument {
    /// Wraps a document and its annotations. Annotations whose span lies
    /// outside the text are dropped; the rest are sorted.
    pub fn new(doc: Document, annotations: Vec<Annotation>) -> Self {
        let index = CharIndex::new(&doc.text);
        Self::with_index(doc, annotations, index)
    }

    /// [`AnnotatedDocument::new`] with the text's index already built.
    fn with_index(doc: Document, mut annotations: Vec<Annotation>, index: CharIndex) -> Self {
        let n = index.char_len();
        annotations.retain(|a| a.start < a.end && a.end <= n);
        // Ties (the same span) in id order (`a2` before `a10`), so the order
        // never depends on how the list was built (undo gives back exactly
        // the same document).
        crate::core::sort::sort_by(&mut annotations, Annotation::order);
        AnnotatedDocument { doc, annotations, index, entities: EntityCache::default() }
    }

    /// Its mentions grouped into entities ([`crate::core::entities::group`]),
    /// worked out once per document (the review panel and every save of a
    /// long article ask for them). The annotations must not change after
    /// the first call.
    pub fn entities(&self) -> &[crate::core::entities::Entity] {
        self.shared_entities_ref()
    }

    /// [`entities`](Self::entities), shared: for a list that outlives the
    /// document's turn on screen without a copy of every entity.
    pub fn shared_entities(&self) -> std::rc::Rc<[crate::core::entities::Entity]> {
        self.shared_entities_ref().clone()
    }

    fn shared_entities_ref(&self) -> &std::rc::Rc<[crate::core::entities::Entity]> {
        self.entities.0.get_or_init(|| crate::core::entities::group(self).into())
    }

    /// Works out a part of [`entities`](Self::entities) with `grouping`,
    /// up to `budget` mentions ([`Grouping::step`]): a long document's are
    /// grouped over several tasks. Whether they are known now. A grouping
    /// must be given one document only.
    ///
    /// [`Grouping::step`]: crate::core::entities::Grouping::step
    pub fn group_step(
        &self,
        grouping: &mut crate::core::entities::Grouping,
        budget: usize,
    ) -> bool {
        if self.entities_known() {
            return true;
        }
        match grouping.step(self, budget) {
            Some(entities) => {
                let _ = self.entities.0.set(entities.into());
                true
            }
            None => false,
        }
    }

    /// Whether [`entities`](Self::entities) has been worked out already
    /// (the page puts off grouping a long document's until it has drawn it).
    pub fn entities_known(&self) -> bool {
        self.entities.0.get().is_some()
    }

    /// Builds annotations from recognizer spans (byte offsets), numbering
    /// them `a1`, `a2`, … in document order and resolving speaker links.
    pub fn from_spans(doc: Document, spans: &[Span]) -> Self {
        let index = CharIndex::new(&doc.text);
        let (order, place) = span_order(spans.len(), |i| (spans[i].start, spans[i].end));
        let annotations = order
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let s = &spans[i];
                let span = (s.label, s.start, s.end, s.speaker, s.value.as_deref(), s.title);
                numbered(&doc.text, &index, span, spans.len(), &place, n)
            })
            .collect();
        AnnotatedDocument::with_index(doc, annotations, index)
    }

    /// This document with a fresh analysis of its text (`fresh`, the same
    /// text, possibly in another language): the automatic annotations are
    /// replaced and every annotation the user made or confirmed is kept.
    /// A fresh annotation with the label and span of one of the old
    /// automatic ones keeps that one's id (so an undo step, a link or a
    /// highlight drawn holds only what really changed); the others get ids
    /// no annotation uses or used. None repeats or overlaps a user's annotation
    /// (except that a QUOTE and the entities in it may overlap). A
    /// user's QUOTE whose speaker was an automatic annotation keeps its
    /// speaker if the new analysis finds the same mention, and loses the
    /// link otherwise.
    pub fn refreshed(&self, fresh: AnnotatedDocument) -> AnnotatedDocument {
        if self.annotations.is_empty() {
            return fresh;
        }
        let ids = self.refresh_ids(&fresh);
        self.refreshed_with(fresh, ids)
    }

    /// The first half of [`refreshed`](Self::refreshed), for a page that
    /// merges a long article over two tasks: the id each of `fresh`'s
    /// annotations takes (its old one when an automatic annotation of the
    /// same label and span had one), or `None` for one that stays away.
    pub fn refresh_ids(&self, fresh: &AnnotatedDocument) -> Vec<Option<Short>> {
        let kept: Vec<&Annotation> =
            self.annotations.iter().filter(|a| a.source == Source::User).collect();
        // The user's annotations win: a fresh entity or date that overlaps
        // one of the user's (a QUOTE may hold them) stays away.
        let clashes = |k: &Annotation, f: &Annotation| {
            same_span(k, f)
                || (k.start < f.end
                    && f.start < k.end
                    && k.label != labels::QUOTE
                    && f.label != labels::QUOTE)
        };
        // Both lists are in the annotations' order (start, then end
        // descending): one walk pairs each fresh annotation with an old
        // automatic one of the same label and span. New ids count on from
        // the highest `a<n>` the document used, so none comes back. A fresh
        // annotation that stays away has no id.
        let old_auto: Vec<&Annotation> =
            self.annotations.iter().filter(|a| a.source == Source::Auto).collect();
        let mut reused = vec![false; old_auto.len()];
        let mut next = self
            .annotations
            .iter()
            .filter_map(|a| a.id.strip_prefix('a')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        let key = |a: &Annotation| (a.start, std::cmp::Reverse(a.end));
        let mut j = 0;
        // An id is a `Short`: an old one is copied in place, no heap block
        // for each of a long article's annotations.
        fresh
            .annotations
            .iter()
            .map(|f| {
                if kept.iter().any(|k| clashes(k, f)) {
                    return None;
                }
                while j < old_auto.len() && key(old_auto[j]) < key(f) {
                    j += 1;
                }
                let found = (j..old_auto.len())
                    .take_while(|&k| key(old_auto[k]) == key(f))
                    .find(|&k| !reused[k] && old_auto[k].label == f.label);
                Some(match found {
                    Some(k) => {
                        reused[k] = true;
                        old_auto[k].id.clone()
                    }
                    None => {
                        next += 1;
                        auto_id(next)
                    }
                })
            })
            .collect()
    }

    /// The second half of [`refreshed`](Self::refreshed): `fresh` with the
    /// ids [`refresh_ids`](Self::refresh_ids) gave it (for this same
    /// document), merged with the user's annotations.
    pub fn refreshed_with(
        &self,
        fresh: AnnotatedDocument,
        ids: Vec<Option<Short>>,
    ) -> AnnotatedDocument {
        let mut kept: Vec<Annotation> =
            self.annotations.iter().filter(|a| a.source == Source::User).cloned().collect();
        let staying = || fresh.annotations.iter().zip(&ids).filter(|(_, id)| id.is_some());
        // Where each fresh annotation that is a speaker and stays went.
        let new_id: rustc_hash::FxHashMap<&str, &str> = fresh
            .speaker_indices()
            .into_iter()
            .filter_map(|(s, p)| Some((s, ids[p].as_deref()?)))
            .collect();
        // A speaker the fresh analysis found again under a new id, or a user's
        // annotation that stands where the fresh speaker was.
        let id_now = |old: &Annotation| -> Option<Short> {
            if let Some(k) = kept.iter().find(|k| same_span(k, old)) {
                return Some(k.id.clone());
            }
            staying().find(|(f, _)| same_span(f, old)).and_then(|(_, id)| id.clone())
        };
        let user: rustc_hash::FxHashSet<&str> = kept.iter().map(|a| a.id.as_str()).collect();
        let relinked: Vec<Option<Short>> = kept
            .iter()
            .map(|a| match &a.speaker {
                Some(s) if !user.contains(s.as_str()) => self.get(s).and_then(&id_now),
                other => other.clone(),
            })
            .collect();
        let linked: Vec<Option<Short>> = fresh
            .annotations
            .iter()
            .zip(&ids)
            .map(|(a, id)| {
                id.as_ref()?;
                a.speaker.as_ref().and_then(|s| match new_id.get(s.as_str()) {
                    Some(&id) => Some(Short::from(id)),
                    None => fresh.get(s).and_then(&id_now),
                })
            })
            .collect();
        for (a, s) in kept.iter_mut().zip(relinked) {
            a.speaker = s;
        }
        // The fresh annotations stay where they are, in their own list (a
        // long article has over a hundred thousand: no copy of them all, no
        // second list as long), and the user's join them.
        let AnnotatedDocument { doc, mut annotations, index, .. } = fresh;
        let mut new = ids.into_iter().zip(linked);
        annotations.retain_mut(|a| {
            let Some((Some(id), speaker)) = new.next() else { return false };
            a.id = id;
            a.speaker = speaker;
            true
        });
        annotations.append(&mut kept);
        Self::with_index(doc, annotations, index)
    }

    /// The same document with other annotations (dropped and sorted as
    /// [`AnnotatedDocument::new`] does), reusing the text's index.
    pub fn with_annotations(&self, annotations: Vec<Annotation>) -> Self {
        Self::with_index(self.doc.clone(), annotations, self.index.clone())
    }

    /// The offset index of the text.
    pub fn index(&self) -> &CharIndex {
        &self.index
    }

    /// The text an annotation covers.
    pub fn text_of(&self, a: &Annotation) -> &str {
        &self.doc.text[self.bytes_of(a)]
    }

    /// The bytes of the text an annotation covers.
    pub fn bytes_of(&self, a: &Annotation) -> std::ops::Range<usize> {
        let text = &self.doc.text;
        let start = self.index.byte_of_char(text, a.start);
        start..self.index.byte_of_char(text, a.end.max(a.start))
    }

    /// The annotation with the given id (a look through the list: for one
    /// look-up; to follow many speaker links use [`AnnotatedDocument::by_id`]).
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The annotation with the given id, looked for outwards from the
    /// annotation at index `at`, at most `within` places either way (a
    /// quotation's speaker is named near it: following a few links in a long
    /// article costs no table of all its ids; `usize::MAX`: the whole list).
    pub fn get_near(&self, at: usize, id: &str, within: usize) -> Option<&Annotation> {
        position_near(&self.annotations, at, id, within).map(|k| &self.annotations[k])
    }

    /// Where each annotation that some annotation names as its speaker is
    /// in the list, by id (a link to no annotation is left out). A speaker
    /// is looked for near its quotation first, then those not found there
    /// in one pass: no table of a long article's hundred thousand ids.
    pub fn speaker_indices(&self) -> rustc_hash::FxHashMap<&str, usize> {
        const NEAR: usize = 256;
        let list = &self.annotations;
        let mut found = rustc_hash::FxHashMap::default();
        let mut elsewhere = rustc_hash::FxHashSet::default();
        for (k, a) in list.iter().enumerate() {
            let Some(s) = a.speaker.as_deref() else { continue };
            if found.contains_key(s) || elsewhere.contains(s) {
                continue;
            }
            match position_near(list, k, s, NEAR) {
                Some(p) => {
                    found.insert(list[p].id.as_str(), p);
                }
                None => {
                    elsewhere.insert(s);
                }
            }
        }
        if !elsewhere.is_empty() {
            for (p, a) in list.iter().enumerate().filter(|(_, a)| elsewhere.contains(a.id.as_str()))
            {
                found.entry(a.id.as_str()).or_insert(p);
            }
        }
        found
    }

    /// Every annotation by its id, for following many links at once (a
    /// 10 MB article has over 100,000 annotations: a look through the list
    /// per quotation made drawing it quadratic).
    pub fn by_id(&self) -> rustc_hash::FxHashMap<&str, &Annotation> {
        self.annotations.iter().map(|a| (a.id.as_str(), a)).collect()
    }
}

/// The order of `spans` in the document (start, then the longer first; a
/// tie keeps the list's order) and each span's place in it (its id is
/// `a<place + 1>`).
fn span_order(n: usize, range: impl Fn(usize) -> (usize, usize)) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..n).collect();
    crate::core::sort::sort_indices(&mut order, &mut |a, b| {
        let ((sa, ea), (sb, eb)) = (range(a), range(b));
        sa.cmp(&sb).then(eb.cmp(&ea))
    });
    let mut place = vec![0usize; n];
    for (n, &i) in order.iter().enumerate() {
        place[i] = n;
    }
    (order, place)
}

/// A span's label, byte range, speaker (index into its list), DATE value
/// and title (byte range), as [`numbered`] takes them from a [`Span`] or
/// from [`SpanNumbers`].
type SpanParts<'a> =
    (&'a str, usize, usize, Option<usize>, Option<&'a str>, Option<(usize, usize)>);

/// A span, the `n`-th in document order of a list of `count`, as the
/// automatic annotation `a<n + 1>` of `text` (offsets in code points,
/// speaker as an id).
fn numbered(
    text: &str,
    index: &CharIndex,
    (label, start, end, speaker, value, title): SpanParts,
    count: usize,
    place: &[usize],
    n: usize,
) -> Annotation {
    Annotation {
        id: auto_id(n as u64 + 1),
        label: Label::from(label),
        start: index.char_of_byte(text, start),
        end: index.char_of_byte(text, end),
        source: Source::Auto,
        speaker: speaker.filter(|&k| k < count).map(|k| auto_id(place[k] as u64 + 1)),
        value: value.map(str::to_string),
        title: title
            .and_then(|(a, b)| text.get(a..b))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
    }
}

/// Spans as they cross from the analysis worker ([`crate::core::wire`]):
/// their numbers and DATE values, checked against the text they are of
/// ([`crate::core::wire::check`]). The page numbers an analysis from these
/// ([`Numbering`]) without making a [`Span`] of each first: for a 10 MB
/// article that was 7 MB more in the page's memory, at the moment it
/// holds the most (the document shown and the new one being numbered).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanNumbers {
    /// [`crate::core::wire::FIELDS`] numbers a span.
    pub(crate) nums: Vec<u32>,
    /// The DATE values, one after another.
    pub(crate) strings: String,
    /// Where each span's value starts in `strings` (`u32::MAX`: none).
    pub(crate) values: Vec<u32>,
}

impl SpanNumbers {
    /// How many spans.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn fields(&self, i: usize) -> &[u32] {
        let f = crate::core::wire::FIELDS;
        &self.nums[i * f..(i + 1) * f]
    }

    /// Span `i`'s byte range.
    fn range(&self, i: usize) -> (usize, usize) {
        let f = self.fields(i);
        (f[1] as usize, f[2] as usize)
    }

    /// Span `i`'s DATE value.
    fn value(&self, i: usize) -> Option<&str> {
        let (at, len) = (self.values[i], self.fields(i)[6]);
        (at != u32::MAX).then(|| &self.strings[at as usize..at as usize + len as usize - 1])
    }

    /// Span `i`'s parts, as [`numbered`] takes them.
    fn parts(&self, i: usize) -> SpanParts<'_> {
        let f = self.fields(i);
        (
            labels::ALL[f[0] as usize],
            f[1] as usize,
            f[2] as usize,
            (f[3] as usize).checked_sub(1),
            self.value(i),
            (f[4] > 0).then(|| (f[4] as usize - 1, f[5] as usize)),
        )
    }

    /// Span `i`.
    pub fn span(&self, i: usize) -> Span {
        let (_, start, end, speaker, value, title) = self.parts(i);
        let label = labels::ALL[self.fields(i)[0] as usize];
        Span { label, start, end, speaker, value: value.map(str::to_string), title }
    }
}

/// [`AnnotatedDocument::from_spans`] a part at a time: the page numbers a
/// long article's hundred thousand spans over several tasks, so none of
/// them holds the page long. [`step`](Numbering::step) until it says all
/// are numbered, then [`finish`](Numbering::finish) gives exactly the
/// document `from_spans` gives.
#[derive(Debug)]
pub struct Numbering {
    doc: Document,
    spans: SpanNumbers,
    /// The text's index, the spans' order and places: worked out by the
    /// first step (not where the answer is taken, a long enough task).
    ready: Option<(CharIndex, Vec<usize>, Vec<usize>)>,
    done: Vec<Annotation>,
}

impl Numbering {
    /// Starts numbering `spans` (byte offsets into `doc`'s text).
    pub fn new(doc: Document, spans: SpanNumbers) -> Self {
        Numbering { doc, spans, ready: None, done: Vec::new() }
    }

    /// All of it at once: [`AnnotatedDocument::from_spans`].
    pub fn at_once(doc: Document, spans: SpanNumbers) -> AnnotatedDocument {
        let mut n = Numbering::new(doc, spans);
        while !n.step(usize::MAX) {}
        n.finish()
    }

    /// Numbers up to `n` more spans; whether all are numbered now. The
    /// first step only works out the text's index and the spans' order
    /// (for 10 MB of text, as long as numbering a part).
    pub fn step(&mut self, n: usize) -> bool {
        let (doc, spans) = (&self.doc, &self.spans);
        let Some((index, order, place)) = self.ready.as_mut() else {
            let (order, place) = span_order(spans.len(), |i| spans.range(i));
            self.ready = Some((CharIndex::new(&doc.text), order, place));
            return self.is_done();
        };
        let from = self.done.len();
        let to = from.saturating_add(n).min(order.len());
        self.done.reserve_exact(order.len() - from);
        for (k, &i) in order.iter().enumerate().take(to).skip(from) {
            let span = spans.parts(i);
            self.done.push(numbered(&doc.text, index, span, spans.len(), place, k));
        }
        self.is_done()
    }

    /// Whether every span is numbered.
    pub fn is_done(&self) -> bool {
        self.done.len() == self.spans.len()
    }

    /// How many spans there are in all.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no spans.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The document, with the spans numbered so far (all of them once
    /// [`step`](Numbering::step) said so).
    pub fn finish(self) -> AnnotatedDocument {
        let index = match self.ready {
            Some((index, ..)) => index,
            None => CharIndex::new(&self.doc.text),
        };
        AnnotatedDocument::with_index(self.doc, self.done, index)
    }
}

/// Where the annotation with the given id is in `list`, looked for
/// outwards from index `at`, at most `within` places either way.
fn position_near(list: &[Annotation], at: usize, id: &str, within: usize) -> Option<usize> {
    let at = at.min(list.len());
    for d in 0..list.len().min(within).max(1) {
        let (before, after) = (at.checked_sub(d + 1), at + d);
        if before.is_none() && after >= list.len() {
            break;
        }
        if list.get(after).is_some_and(|a| a.id == id) {
            return Some(after);
        }
        if let Some(b) = before.filter(|&b| list[b].id == id) {
            return Some(b);
        }
    }
    None
}
