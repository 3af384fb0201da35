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

use super::model::AnnotatedDocument;

/// One node of the highlight tree.
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

/// An annotation reduced to what layout needs: its index and byte range.
#[derive(Debug, Clone, Copy)]
struct Piece {
    ann: usize,
    start: usize,
    end: usize,
    part: bool,
}

/// Lays out the highlights of `doc` as a tree over its text.
pub fn layout(doc: &AnnotatedDocument) -> Vec<Node> {
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
    build(pieces, 0, text.len())
}

fn sort(pieces: &mut [Piece]) {
    crate::core::sort::sort_by(pieces, |a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.ann.cmp(&b.ann))
    });
}

/// Builds the nodes for bytes `lo..hi`, given the pieces inside that range,
/// sorted by start ascending and end descending.
fn build(mut pieces: Vec<Piece>, lo: usize, hi: usize) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut pos = lo;
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        i += 1;
        if p.start > pos {
            nodes.push(Node::Text { start: pos, end: p.start });
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
        nodes.push(Node::Mark {
            ann: p.ann,
            part: p.part,
            children: build(children, p.start, p.end),
        });
        pos = p.end;
    }
    if pos < hi {
        nodes.push(Node::Text { start: pos, end: hi });
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Annotation, Document, Source};

    fn doc(text: &str, spans: &[(usize, usize)]) -> AnnotatedDocument {
        let anns = spans
            .iter()
            .enumerate()
            .map(|(k, &(start, end))| Annotation {
                id: format!("a{}", k + 1),
                label: "X".into(),
                start,
                end,
                source: Source::Auto,
                speaker: None,
                value: None,
                title: None,
            })
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
        go(&d.doc.text, &layout(d), &mut s);
        s
    }

    #[test]
    fn plain_and_nested() {
        assert_eq!(show(&doc("abc", &[])), "abc");
        assert_eq!(show(&doc("a bc d", &[(2, 4)])), "a [bc] d");
        assert_eq!(show(&doc("“Ali pergi”", &[(0, 11), (1, 4)])), "[“[Ali] pergi”]");
    }

    #[test]
    fn crossing_annotations_are_split() {
        assert_eq!(show(&doc("abcdef", &[(0, 4), (2, 6)])), "[ab{cd}]{ef}");
    }

    #[test]
    fn offsets_are_code_points_after_emoji() {
        assert_eq!(show(&doc("😀 Ali 🇯🇵 Tokyo", &[(2, 5), (9, 14)])), "😀 [Ali] 🇯🇵 [Tokyo]");
    }
}
