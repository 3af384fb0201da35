//! Layout: the nesting of highlights over a text, ready to render.
//!
//! [`layout`] turns a document's annotations (which may nest or overlap) into
//! a tree of [`Node`]s: plain text runs and marks. Nested annotations
//! (a QUOTE containing a PERSON) become nested marks. An annotation that
//! crosses the end of another is split into parts, each of which carries the
//! whole annotation's index, so every mark stays well formed HTML.
//!
//! Node ranges are **byte** ranges into the document text (for slicing);
//! the annotation itself keeps its code-point offsets.

use super::model::{AnnotatedDocument, Annotation, Source};

/// One node of the highlight tree, as [`Layout::tree`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A run of plain text: bytes `start..end` of the document text.
    Text {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A highlight.
    Mark {
        /// Index of the annotation in [`AnnotatedDocument::annotations`].
        ann: usize,
        /// `true` when this mark is only part of its annotation (it was
        /// split because it overlaps another one).
        part: bool,
        /// What the mark contains.
        children: Vec<Node>,
    },
}

/// The highlight tree of a document, kept flat: every node in document
/// order (a mark before what it contains), four numbers each. A long
/// article has some 150,000 highlights; as a tree of [`Node`]s (a vector
/// of children in every mark) its layout took about 170 bytes a highlight
/// in the page, flat it takes 48. The nodes are kept in blocks of
/// [`BLOCK`]: one array of a long article's nodes would be 7 MB in one
/// piece, which the page's memory, holding the layout shown while the
/// next is made, had to grow for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    blocks: Vec<Vec<Item>>,
    len: usize,
}

/// Nodes per block of a [`Layout`] (512 KB in the page).
const BLOCK: usize = 1 << 15;

/// One node of a [`Layout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    /// First byte.
    start: usize,
    /// One past the last byte.
    end: usize,
    /// [`TEXT`] for a run of plain text; for a mark, the index of its
    /// annotation, with [`PART`] set when the mark is only part of it.
    ann: usize,
    /// How many nodes follow that are inside this one.
    inside: usize,
}

/// [`Item::ann`] of a run of plain text.
const TEXT: usize = usize::MAX;
/// The bit of [`Item::ann`] that marks a part of an annotation.
const PART: usize = 1 << (usize::BITS - 2);

impl Item {
    fn is_text(&self) -> bool {
        self.ann == TEXT
    }

    /// The annotation's index (a mark).
    fn ann(&self) -> usize {
        self.ann & !PART
    }

    /// Whether the mark is only part of its annotation.
    fn part(&self) -> bool {
        !self.is_text() && self.ann & PART != 0
    }

    /// The index of the node after this one and everything inside it.
    fn next(&self, at: usize) -> usize {
        at + 1 + self.inside
    }
}

impl Layout {
    /// How many nodes.
    fn len(&self) -> usize {
        self.len
    }

    /// Node `i`.
    fn get(&self, i: usize) -> Item {
        self.blocks[i / BLOCK][i % BLOCK]
    }

    fn push(&mut self, item: Item) {
        if self.len.is_multiple_of(BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(b) = self.blocks.last_mut() {
            b.push(item);
        }
        self.len += 1;
    }

    /// The same layout as a tree (what the page draws node by node, for a
    /// text the chunks cannot carry).
    pub fn tree(&self) -> Vec<Node> {
        self.tree_of(0, self.len())
    }

    /// The nodes `from..to` (whole subtrees, one after another) as trees.
    fn tree_of(&self, from: usize, to: usize) -> Vec<Node> {
        let mut nodes = Vec::new();
        let mut i = from;
        while i < to {
            let it = self.get(i);
            nodes.push(if it.is_text() {
                Node::Text { start: it.start, end: it.end }
            } else {
                Node::Mark {
                    ann: it.ann(),
                    part: it.part(),
                    children: self.tree_of(i + 1, it.next(i)),
                }
            });
            i = it.next(i);
        }
        nodes
    }
}

/// An annotation reduced to what layout needs: its index and byte range.
#[derive(Debug, Clone, Copy)]
struct Piece {
    ann: usize,
    start: usize,
    end: usize,
    part: bool,
}

/// Lays out the highlights of `doc` as a tree over its text.
pub fn layout(doc: &AnnotatedDocument) -> Layout {
    let text = &doc.doc.text;
    let ix = doc.index();
    let mut pieces: Vec<Piece> = doc
        .annotations
        .iter()
        .enumerate()
        .map(|(ann, a)| Piece {
            ann,
            start: ix.byte_of_char(text, a.start),
            end: ix.byte_of_char(text, a.end),
            part: false,
        })
        .filter(|p| p.start < p.end)
        .collect();
    sort(&mut pieces);
    // About three nodes a highlight: the mark, its text, the text after.
    let mut nodes = Layout::default();
    build(pieces, 0, text.len(), &mut nodes);
    if let Some(b) = nodes.blocks.last_mut() {
        b.shrink_to_fit();
    }
    nodes
}

fn sort(pieces: &mut [Piece]) {
    crate::core::sort::sort_by(pieces, |a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.ann.cmp(&b.ann))
    });
}

/// Writes the nodes for bytes `lo..hi` to `out`, given the pieces inside
/// that range, sorted by start ascending and end descending.
fn build(mut pieces: Vec<Piece>, lo: usize, hi: usize, out: &mut Layout) {
    let text = |start: usize, end: usize| Item { start, end, ann: TEXT, inside: 0 };
    let mut pos = lo;
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        i += 1;
        if p.start > pos {
            out.push(text(pos, p.start));
        }
        // Everything that starts inside `p` is a child; a child that runs past
        // `p`'s end is cut there and its remainder goes back to the siblings.
        let mut children = Vec::new();
        let mut rest = Vec::new();
        while i < pieces.len() && pieces[i].start < p.end {
            let c = pieces[i];
            i += 1;
            if c.end > p.end {
                children.push(Piece { end: p.end, part: true, ..c });
                rest.push(Piece { start: p.end, part: true, ..c });
            } else {
                children.push(c);
            }
        }
        if !rest.is_empty() {
            rest.extend_from_slice(&pieces[i..]);
            sort(&mut rest);
            pieces = rest;
            i = 0;
        }
        let at = out.len();
        let ann = if p.part { p.ann | PART } else { p.ann };
        out.push(Item { start: p.start, end: p.end, ann, inside: 0 });
        if children.is_empty() {
            out.push(text(p.start, p.end));
        } else {
            build(children, p.start, p.end, out);
        }
        let inside = out.len() - at - 1;
        out.blocks[at / BLOCK][at % BLOCK].inside = inside;
        pos = p.end;
    }
    if pos < hi {
        out.push(text(pos, hi));
    }
}

/// What a highlight says besides its text, in the interface language:
/// supplied by the page (the core does not know the reader's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkWords {
    /// The CSS modifier class of the label (`mark--person`).
    pub class: &'static str,
    /// The tooltip (`Quotation said by Rutte (found automatically)`).
    pub title: String,
    /// What a screen reader says before the text (`person:`).
    pub sr: String,
}

/// About how much text one chunk of [`html_chunks`] holds (bytes). The
/// page lays a chunk out as it comes on screen, in one frame: 16 KB of a
/// highlighted article (some 240 highlights) made frames of 40-60 ms while
/// scrolling, 8 KB keeps them near 25 ms (`bench/`).
pub const CHUNK_BYTES: usize = 8 * 1024;

/// The highlight tree as HTML, in chunks that each hold whole nodes and end
/// (where the text allows) just after a line break, so an edit changes only
/// the chunk it touches and the chunks after it keep their text.
///
/// The markup is what the page's document view shows: every highlight a
/// `<mark>` with `data-label`, `data-start`, `data-end` (code points),
/// `data-id`, `data-source`, `data-sr`, `data-part` when it is a part,
/// `data-speaker` and `data-speaker-name` for a quotation with a speaker,
/// and `title`. Every piece of document or user text is escaped
/// ([`escape_into`]), so no text can become markup. A carriage return is
/// written as `&#13;` so the HTML parser keeps it (it would fold `\r\n`
/// into `\n` and shift every offset after it); the text must not contain
/// NUL, which HTML cannot carry (see [`html_safe`]).
pub fn html_chunks(
    doc: &AnnotatedDocument,
    nodes: &Layout,
    words: &mut dyn FnMut(&Annotation, Option<&str>) -> MarkWords,
) -> Vec<String> {
    html_chunks_ranged(doc, nodes, words).into_iter().map(|c| c.html).collect()
}

/// One chunk of [`html_chunks_ranged`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The first byte of the document text it holds.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its markup.
    pub html: String,
}

impl Chunk {
    /// The same text without highlights: the chunk's text, escaped as
    /// [`Chunk::html`] escapes it (what the page shows of a long document
    /// until it has drawn the chunk's highlights).
    pub fn plain(&self, text: &str) -> String {
        plain_html(text, self.start, self.end)
    }
}

/// Bytes `start..end` of `text` as markup without highlights: escaped as
/// the chunks' markup escapes text.
pub fn plain_html(text: &str, start: usize, end: usize) -> String {
    let mut out = String::with_capacity(end - start + 64);
    escape_into(&mut out, &text[start..end]);
    out
}

/// [`html_chunks`], each with the range of the text it holds (the ranges
/// follow one another and cover the whole text).
pub fn html_chunks_ranged(
    doc: &AnnotatedDocument,
    nodes: &Layout,
    words: &mut dyn FnMut(&Annotation, Option<&str>) -> MarkWords,
) -> Vec<Chunk> {
    let speakers = speaker_names(doc);
    plan_chunks(doc, nodes)
        .iter()
        .map(|p| Chunk {
            start: p.start,
            end: p.end,
            html: chunk_html(doc, nodes, p, &speakers, words),
        })
        .collect()
}

/// Where one chunk of [`html_chunks_ranged`] lies, found without making
/// its markup ([`chunk_html`] makes it): the page makes a long document's
/// markup chunk by chunk, as it draws them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkPlan {
    /// The first byte of the document text it holds.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The nodes of the [`Layout`] it holds (all or part of the first and
    /// last, which may be text runs it shares with the chunk before or
    /// after): `first..end`, whole subtrees.
    first: usize,
    end_node: usize,
}

/// The chunks of [`html_chunks_ranged`], without their markup.
pub fn plan_chunks(doc: &AnnotatedDocument, nodes: &Layout) -> Vec<ChunkPlan> {
    let text = &doc.doc.text;
    let mut plans = Vec::new();
    let mut held = 0usize;
    // Where the chunk being planned starts (byte, top-level node), how far
    // the text planned so far reaches, and whether the chunk holds anything.
    let (mut from, mut first, mut pos, mut open) = (0usize, 0usize, 0usize, false);
    let mut i = 0;
    while i < nodes.len() {
        let n = nodes.get(i);
        let next = n.next(i);
        match n.is_text() {
            true => {
                let (start, end) = (&n.start, &n.end);
                let mut s = *start;
                while s < *end {
                    let room = CHUNK_BYTES.saturating_sub(held);
                    if *end - s <= room {
                        held += *end - s;
                        pos = *end;
                        open = true;
                        break;
                    }
                    // Cut after the first line break past the room left; with
                    // no line break for a long while, after a space, then
                    // anywhere (one line of megabytes still comes in pieces).
                    let lo = floor_char(text, s + room);
                    let lim = floor_char(text, (s + room + 3 * CHUNK_BYTES).min(*end));
                    let cut = match text[lo..lim].find('\n') {
                        Some(k) => Some(lo + k + 1),
                        None if lim < *end => {
                            Some(text[lo..lim].rfind(' ').map_or(lim, |k| lo + k + 1))
                        }
                        None => None,
                    }
                    .filter(|&c| c > s);
                    match cut {
                        Some(c) if c < *end => {
                            plans.push(ChunkPlan { start: from, end: c, first, end_node: i + 1 });
                            (from, first, held, open) = (c, i, 0, false);
                            s = c;
                        }
                        _ => {
                            held += *end - s;
                            pos = *end;
                            open = true;
                            break;
                        }
                    }
                }
            }
            false => {
                held += n.end - n.start;
                pos += n.end - n.start;
                open = true;
                if held >= 4 * CHUNK_BYTES {
                    plans.push(ChunkPlan { start: from, end: pos, first, end_node: next });
                    (from, first, held, open) = (pos, next, 0, false);
                }
            }
        }
        i = next;
    }
    if open || plans.is_empty() {
        plans.push(ChunkPlan { start: from, end: text.len(), first, end_node: nodes.len() });
    }
    plans
}

/// The name of every annotation that a quotation names as its speaker, by
/// id (what [`chunk_html`] writes as `data-speaker-name`).
pub fn speaker_names(doc: &AnnotatedDocument) -> rustc_hash::FxHashMap<String, String> {
    doc.speaker_indices()
        .into_iter()
        .map(|(id, k)| (id.to_string(), doc.text_of(&doc.annotations[k]).to_string()))
        .collect()
}

/// The markup of one chunk ([`plan_chunks`]; `speakers` from
/// [`speaker_names`]).
pub fn chunk_html(
    doc: &AnnotatedDocument,
    nodes: &Layout,
    plan: &ChunkPlan,
    speakers: &rustc_hash::FxHashMap<String, String>,
    words: &mut dyn FnMut(&Annotation, Option<&str>) -> MarkWords,
) -> String {
    let text = &doc.doc.text;
    let mut out = String::new();
    let (mut i, b) = (plan.first.min(nodes.len()), plan.end_node.min(nodes.len()));
    while i < b {
        let n = nodes.get(i);
        if n.is_text() {
            let (s, e) = (n.start.max(plan.start), n.end.min(plan.end));
            if s < e {
                escape_into(&mut out, &text[s..e]);
            }
        } else {
            mark_html(doc, speakers, nodes, i, words, &mut out);
        }
        i = n.next(i);
    }
    out
}

/// The annotations one chunk draws (indices into the document's
/// annotations, one per `<mark>`, in the order drawn: an annotation split
/// in parts comes once per part): with the chunk's text, the speakers'
/// names and the words of the marks, all its markup depends on.
pub fn chunk_annotations(nodes: &Layout, plan: &ChunkPlan) -> Vec<usize> {
    let (a, b) = (plan.first.min(nodes.len()), plan.end_node.min(nodes.len()));
    (a..b).map(|i| nodes.get(i)).filter(|n| !n.is_text()).map(|n| n.ann()).collect()
}

/// Whether [`html_chunks`] can carry this text exactly (HTML has no NUL).
pub fn html_safe(text: &str) -> bool {
    !text.contains('\0')
}

/// Bytes of text under a node.
fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mark_html(
    doc: &AnnotatedDocument,
    speakers: &rustc_hash::FxHashMap<String, String>,
    nodes: &Layout,
    at: usize,
    words: &mut dyn FnMut(&Annotation, Option<&str>) -> MarkWords,
    out: &mut String,
) {
    use std::fmt::Write;
    let n = nodes.get(at);
    match n.is_text() {
        true => escape_into(out, &doc.doc.text[n.start..n.end]),
        false => {
            let (ann, part) = (n.ann(), n.part());
            let a = &doc.annotations[ann];
            let speaker = a.speaker.as_deref().and_then(|id| speakers.get(id)).map(String::as_str);
            let w = words(a, speaker);
            out.push_str("<mark class=\"mark ");
            out.push_str(w.class);
            if a.label == "QUOTE" {
                out.push_str(" mark--block");
            }
            let _ = write!(
                out,
                "\" tabindex=\"0\" data-start=\"{}\" data-end=\"{}\" data-source=\"{}\"",
                a.start,
                a.end,
                if a.source == Source::Auto { "auto" } else { "user" }
            );
            attr(out, "data-label", &a.label);
            attr(out, "data-id", &a.id);
            attr(out, "data-sr", &w.sr);
            if part {
                out.push_str(" data-part=\"true\"");
            }
            if let Some(id) = &a.speaker {
                attr(out, "data-speaker", id);
            }
            if let Some(name) = speaker {
                attr(out, "data-speaker-name", name);
            }
            attr(out, "title", &w.title);
            out.push('>');
            let mut c = at + 1;
            while c < n.next(at) {
                mark_html(doc, speakers, nodes, c, words, out);
                c = nodes.get(c).next(c);
            }
            out.push_str("</mark>");
        }
    }
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Appends `s` to `out` escaped for HTML text and double-quoted attribute
/// values: `&`, `<`, `>`, `"` and `'` as character references, and a
/// carriage return as `&#13;` (which the parser keeps as it is).
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Annotation, Document};

    fn doc(text: &str, spans: &[(usize, usize)]) -> AnnotatedDocument {
        let anns = spans
            .iter()
            .enumerate()
            .map(|(k, &(start, end))| Annotation::new(format!("a{}", k + 1), "X", start, end))
            .collect();
        let d = Document { name: "t".into(), lang: "en".into(), text: text.into() };
        AnnotatedDocument::new(d, anns)
    }

    /// Renders the tree as bracketed text: `[` opens a mark, `]` closes it.
    fn show(d: &AnnotatedDocument) -> String {
        fn go(t: &str, nodes: &[Node], out: &mut String) {
            for n in nodes {
                match n {
                    Node::Text { start, end } => out.push_str(&t[*start..*end]),
                    Node::Mark { children, part, .. } => {
                        out.push(if *part { '{' } else { '[' });
                        go(t, children, out);
                        out.push(if *part { '}' } else { ']' });
                    }
                }
            }
        }
        let mut s = String::new();
        go(&d.doc.text, &layout(d).tree(), &mut s);
        s
    }

    #[test]
    fn plain_and_nested() {
        assert_eq!(show(&doc("abc", &[])), "abc");
        assert_eq!(show(&doc("a bc d", &[(2, 4)])), "a [bc] d");
        assert_eq!(show(&doc("“Ali pergi”", &[(0, 11), (1, 4)])), "[“[Ali] pergi”]");
    }

    #[test]
    fn a_layout_of_several_blocks_is_whole() {
        let n = 30_000;
        let text = "ab ".repeat(n);
        let spans: Vec<(usize, usize)> = (0..n).map(|k| (3 * k, 3 * k + 2)).collect();
        let d = doc(&text, &spans);
        assert!(layout(&d).len() > 2 * BLOCK, "three blocks or more");
        assert_eq!(show(&d), "[ab] ".repeat(n));
        let html = chunks_of(&d).concat();
        assert_eq!(text_content(&html), text);
        assert_eq!(html.matches("<mark ").count(), n);
    }

    #[test]
    fn crossing_annotations_are_split() {
        assert_eq!(show(&doc("abcdef", &[(0, 4), (2, 6)])), "[ab{cd}]{ef}");
    }

    #[test]
    fn offsets_are_code_points_after_emoji() {
        assert_eq!(show(&doc("😀 Ali 🇯🇵 Tokyo", &[(2, 5), (9, 14)])), "😀 [Ali] 🇯🇵 [Tokyo]");
    }

    fn words(a: &Annotation, speaker: Option<&str>) -> MarkWords {
        MarkWords {
            class: "mark--custom",
            title: format!("{} said by {}", a.label, speaker.unwrap_or("-")),
            sr: format!("{}:", a.label.to_lowercase()),
        }
    }

    fn chunks_of(d: &AnnotatedDocument) -> Vec<String> {
        html_chunks(d, &layout(d), &mut words)
    }

    /// The text content of markup made by [`html_chunks`] (its attribute
    /// values never hold `>`, which is escaped).
    fn text_content(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find('>').expect("tag closes") + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#13;", "\r")
            .replace("&amp;", "&")
    }

    #[test]
    fn html_is_the_text_with_its_marks() {
        let d = doc("Ali & <b>Budi</b>\r\nsaid \"hi\" 😀", &[(0, 3), (9, 13)]);
        let html = chunks_of(&d).concat();
        assert_eq!(text_content(&html), *d.doc.text);
        assert!(html.starts_with(
            "<mark class=\"mark mark--custom\" tabindex=\"0\" data-start=\"0\" data-end=\"3\""
        ));
        assert!(html.contains(" &amp; &lt;b&gt;<mark "), "{html}");
        assert!(html.contains("&#13;\nsaid &quot;hi&quot;"), "{html}");
        assert_eq!(html.matches("<mark ").count(), 2);
        assert_eq!(html.matches("</mark>").count(), 2);
    }

    #[test]
    fn html_escapes_labels_ids_and_speaker_names() {
        let mut d = doc("“Kami siap,” kata <img src=x onerror=alert(1)>.", &[(0, 12), (18, 46)]);
        d.annotations[0].label = "QUOTE".into();
        d.annotations[0].id = "\"><script>alert(1)</script>".into();
        d.annotations[1].label = "<svg onload=alert(1)>".into();
        let speaker_id = d.annotations[1].id.clone();
        d.annotations[0].speaker = Some(speaker_id);
        let html = chunks_of(&d).concat();
        assert_eq!(text_content(&html), *d.doc.text);
        for bad in ["<img", "<script", "<svg", "\"><"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("data-speaker-name=\"&lt;img src=x onerror=alert(1)&gt;\""),
            "{html}"
        );
        assert!(html.contains("class=\"mark mark--custom mark--block\""), "{html}");
    }

    #[test]
    fn chunks_end_at_line_breaks_and_hold_whole_marks() {
        let para = "Menurut Sanae Takaichi, kerja sama berlanjut pada 1 Desember 2025.\n\n";
        let text = para.repeat(2000);
        let per = para.chars().count();
        let spans: Vec<(usize, usize)> = (0..2000).map(|k| (k * per + 8, k * per + 22)).collect();
        let d = doc(&text, &spans);
        let chunks = chunks_of(&d);
        assert!(chunks.len() > 5, "{} chunks", chunks.len());
        assert_eq!(text_content(&chunks.concat()), text);
        for c in &chunks[..chunks.len() - 1] {
            assert!(c.ends_with('\n'), "a chunk ends inside a paragraph");
            assert_eq!(c.matches("<mark ").count(), c.matches("</mark>").count());
            assert!(text_content(c).len() <= 4 * CHUNK_BYTES);
        }
        // An edit changes only the chunk it touches.
        let mut e = d.clone();
        e.annotations.remove(1500);
        let edited = chunks_of(&e);
        assert_eq!(edited.len(), chunks.len());
        let changed = chunks.iter().zip(&edited).filter(|(a, b)| a != b).count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn one_long_line_still_comes_in_pieces() {
        let text = "kata ".repeat(200_000) + "akhir";
        let d = doc(&text, &[(5, 9)]);
        let chunks = chunks_of(&d);
        assert!(chunks.len() > 10, "{} chunks", chunks.len());
        assert_eq!(text_content(&chunks.concat()), text);
        for c in &chunks {
            assert!(text_content(c).len() <= 4 * CHUNK_BYTES);
        }
        // No spaces at all: cut anywhere, on character boundaries.
        let text = "😀".repeat(100_000);
        let chunks = chunks_of(&doc(&text, &[]));
        assert!(chunks.len() > 5);
        assert_eq!(chunks.concat(), text);
    }

    #[test]
    fn empty_text_is_one_empty_chunk() {
        assert_eq!(chunks_of(&doc("", &[])), vec![String::new()]);
        assert!(html_safe("a\r\nb") && !html_safe("a\0b"));
    }

    #[test]
    fn chunks_made_one_by_one_are_the_whole_markup_cut_at_their_ranges() {
        let one = "Perdana Menteri Jepang Sanae Takaichi bertemu Sekjen NATO Mark Rutte di Tokyo, \
                   Senin (1/12). “Keamanan kedua kawasan tidak dapat dipisahkan lagi,” kata Rutte. \
                   A & B <tag> 🙂\r\n";
        let text = one.repeat(2_000) + &"x".repeat(200_000);
        let doc = crate::core::recognize::annotate("big", &text);
        let nodes = layout(&doc);
        let mut words = |a: &Annotation, who: Option<&str>| MarkWords {
            class: "mark--custom",
            title: format!("{} {}", a.label, who.unwrap_or("-")),
            sr: format!("{}:", a.label),
        };
        let plans = plan_chunks(&doc, &nodes);
        assert!(plans.len() > 10, "{} chunks", plans.len());
        let speakers = speaker_names(&doc);
        assert!(!speakers.is_empty());
        let whole = ChunkPlan { start: 0, end: text.len(), first: 0, end_node: nodes.len() };
        let all = chunk_html(&doc, &nodes, &whole, &speakers, &mut words);
        let joined: String =
            plans.iter().map(|p| chunk_html(&doc, &nodes, p, &speakers, &mut words)).collect();
        assert_eq!(joined, all);
        let ranged = html_chunks_ranged(&doc, &nodes, &mut words);
        assert_eq!(ranged.len(), plans.len());
        for (c, p) in ranged.iter().zip(&plans) {
            assert_eq!((c.start, c.end), (p.start, p.end));
            // No chunk holds much more than its share of text.
            assert!(c.end - c.start <= 5 * CHUNK_BYTES, "{:?}", (c.start, c.end));
        }
    }
}
