//! `DocumentView`: the article text with its highlights.
//!
//! Every highlight is a `<mark>` with `data-label`, `data-start` and
//! `data-end` (code points), `data-id`, `data-source` (`auto` or `user`),
//! and for a QUOTE with a speaker `data-speaker` (the speaker annotation's
//! id) and `data-speaker-name` (shown by CSS after the quote, so it never
//! enters the text content). Highlights are focusable (Tab reaches them);
//! `data-sr` holds what a screen reader says before the text ("person:"),
//! spoken from a visually hidden `::before`, so it is not in the text
//! either. The markup is made by the core (`layout::html_chunks`), which
//! escapes every piece of text, so no text can become an element.
//!
//! A long document (more than [`AT_ONCE`], 128 KB) shows its text and
//! the highlights nearest the reader at once and draws the rest chunk by
//! chunk, nearest the reader first, one short task at a time; the article
//! carries `data-drawing="true"` until it is done, and fires
//! [`DRAWN_EVENT`] after each step. A very long one (more than
//! [`SPARSE_MIN`], 4 MB) keeps on the page only the chunks within about
//! [`LIVE_TEXT`] of the reader (the article carries `data-sparse`): the
//! others are empty blocks of their height, drawn when the reader comes
//! near, emptied again when the reader has gone on (a 10 MB article's
//! highlights are some 140 MB of the page's memory when all are drawn).
//! Every chunk carries `data-at` and `data-at16`, where its text starts
//! in the document (code points, UTF-16 units): [`utf16_at`] and
//! [`text_nodes`] turn positions on the page into the document's and
//! back.
//!
//! The view reports what the user points at: a selection of text (snapped
//! to words unless Alt is held, as code points) and a highlight clicked or
//! focused.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node as DomNode};
use yew::prelude::*;

use super::label_class;
use crate::core::edit::snap;
use crate::core::labels::css_string;
use crate::core::layout::{
    chunk_annotations, chunk_html, html_safe, layout, plain_html, plan_chunks, speaker_names,
    ChunkPlan, Layout, MarkWords, Node,
};
use crate::core::model::AnnotatedDocument;
use crate::ui::i18n::{use_tr, Tr};

/// A selection of the document's text, snapped, in code points, and where
/// it is on the page (bottom-left corner of its first line, in viewport
/// pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Picked {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Viewport x of the selection's left edge.
    pub x: f64,
    /// Viewport y of its bottom edge.
    pub y: f64,
}

/// Properties of [`DocumentView`].
#[derive(Properties, Clone)]
pub struct DocumentViewProps {
    /// The document to show.
    pub doc: Rc<AnnotatedDocument>,
    /// The user selected text (`None`: the selection went away).
    pub on_pick: Callback<Option<Picked>>,
    /// The user clicked or focused the highlight with this id, or clicked
    /// text outside any highlight (`None`).
    pub on_mark: Callback<Option<String>>,
}

impl PartialEq for DocumentViewProps {
    /// Only the document: the callbacks only dispatch, so a new callback
    /// alone is no reason to lay out a long document again.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

/// The annotated text of one document.
#[function_component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let doc = &props.doc;
    let tr = use_tr();
    let article = use_node_ref();
    let update = use_force_update();
    // The markup, made once per document (and interface language): in the
    // render; but a new analysis or an edit of a sparse document's text is
    // laid out in a task of its own after it (the answer that brought it
    // is a long enough task), the view showing the chunks before until then.
    let made = use_mut_ref(|| None::<Rc<ViewChunks>>);
    let later = use_mut_ref(|| None::<(usize, gloo::timers::callback::Timeout)>);
    let is_for =
        |c: &ViewChunks| !c.waiting() && Rc::ptr_eq(&c.doc, doc) && c.tr.code() == tr.code();
    let mut before = made.borrow().clone();
    let same_text = |c: &ViewChunks| same_text(&c.doc, doc);
    if doc.doc.text.len() > SPARSE_MIN && before.as_deref().is_none_or(|c| !same_text(c)) {
        // A new sparse document: an empty view for a moment.
        let c = Rc::new(ViewChunks::laid_out_next(tr, doc.clone()));
        *made.borrow_mut() = Some(c.clone());
        before = Some(c);
    }
    let chunks = match before {
        Some(c) if is_for(&c) => {
            *later.borrow_mut() = None;
            c
        }
        Some(c) if c.sparse && same_text(&c) => {
            let key = Rc::as_ptr(doc) as usize;
            if later.borrow().as_ref().is_none_or(|(k, _)| *k != key) {
                let (made, later2, update, d) =
                    (made.clone(), later.clone(), update.clone(), doc.clone());
                // Two tasks: the highlights laid out, then the chunks made
                // and drawn.
                let t = gloo::timers::callback::Timeout::new(0, move || {
                    let nodes = ViewChunks::nodes(&d);
                    let next = later2.clone();
                    let t = gloo::timers::callback::Timeout::new(0, move || {
                        *made.borrow_mut() = Some(Rc::new(ViewChunks::from_nodes(tr, d, nodes)));
                        next.borrow_mut().take();
                        update.force_update();
                    });
                    *later2.borrow_mut() = Some((key, t));
                });
                *later.borrow_mut() = Some((key, t));
            }
            c
        }
        _ => {
            *later.borrow_mut() = None;
            let c = Rc::new(ViewChunks::new(tr, doc.clone()));
            *made.borrow_mut() = Some(c.clone());
            c
        }
    };
    let progress = use_mut_ref(Progress::default);
    progress.borrow_mut().start(&chunks);
    VIEW.with(|v| *v.borrow_mut() = Some((chunks.clone(), progress.clone(), update.clone())));
    {
        // Gone from the page: no step is left waiting.
        let (progress, later) = (progress.clone(), later.clone());
        use_effect_with((), move |_| {
            move || {
                progress.borrow_mut().timer = None;
                later.borrow_mut().take();
                VIEW.with(|v| *v.borrow_mut() = None);
            }
        });
    }
    {
        // Draw the next chunks' highlights a moment after each render,
        // until every chunk has them; and tell the search box after a
        // step was drawn (its painted hits went with the old text nodes).
        let (progress, chunks, update) = (progress.clone(), chunks.clone(), update.clone());
        use_effect(move || {
            if std::mem::take(&mut progress.borrow_mut().stepped) {
                if let Ok(e) = web_sys::Event::new(DRAWN_EVENT) {
                    let _ = gloo::utils::document().dispatch_event(&e);
                }
            }
            let waiting = {
                let p = progress.borrow();
                p.waiting() || p.wanted.is_some() || p.placing()
            };
            if waiting && progress.borrow().timer.is_none() {
                let p = progress.clone();
                let t = gloo::timers::callback::Timeout::new(0, move || {
                    p.borrow_mut().timer = None;
                    p.borrow_mut().place();
                    p.borrow_mut().step(&chunks, on_screen());
                    update.force_update();
                });
                progress.borrow_mut().timer = Some(t);
            }
        });
    }
    {
        // A sparse document follows the reader: the chunks near the middle
        // of the window are drawn, those far from it emptied.
        let (progress, chunks, update) = (progress.clone(), chunks.clone(), update.clone());
        use_effect_with(Rc::as_ptr(&chunks) as usize, move |_| {
            let listener = chunks.sparse.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                    let Some(at) = on_screen() else { return };
                    let moved = progress.borrow_mut().follow(&chunks, at);
                    if moved {
                        progress.borrow_mut().timer = None;
                        update.force_update();
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onmouseup = {
        let (doc, article, cb) = (doc.clone(), article.clone(), props.on_pick.clone());
        Callback::from(move |e: MouseEvent| {
            // Let the browser settle the selection first (a click inside a
            // selection clears it only after mouseup).
            let (doc, article, cb) = (doc.clone(), article.clone(), cb.clone());
            let words = !e.alt_key();
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(a) = article.cast::<Element>() {
                    cb.emit(picked(&doc, &a, words));
                }
            })
            .forget();
        })
    };
    let onkeyup = {
        let (doc, article, cb) = (doc.clone(), article.clone(), props.on_pick.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.shift_key() {
                if let Some(a) = article.cast::<Element>() {
                    cb.emit(picked(&doc, &a, !e.alt_key()));
                }
            }
        })
    };
    let on_mark = |cb: Callback<Option<String>>| {
        move |target: Option<web_sys::EventTarget>| {
            let mark = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("mark[data-id]").ok().flatten());
            cb.emit(mark.and_then(|m| m.get_attribute("data-id")));
        }
    };
    let onclick = {
        let f = on_mark(props.on_mark.clone());
        Callback::from(move |e: MouseEvent| {
            let collapsed = gloo::utils::window()
                .get_selection()
                .ok()
                .flatten()
                .is_none_or(|s| s.is_collapsed());
            if collapsed {
                f(e.target());
            }
        })
    };
    let onfocusin = {
        let f = on_mark(props.on_mark.clone());
        Callback::from(move |e: FocusEvent| {
            if e.target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| el.tag_name() == "MARK")
            {
                f(e.target())
            }
        })
    };
    // An empty block as high as the chunks of a sparse document not yet
    // put on the page ([`PLACE_PER_STEP`]), so the page has its length at
    // once. (An element of its own, its height set through its style
    // object, which the content security policy allows where a `style`
    // attribute it would not.)
    let block = use_memo((), |_| {
        let el = gloo::utils::document().create_element("div").ok()?;
        el.set_class_name("document-view__rest");
        let _ = el.set_attribute("aria-hidden", "true");
        el.dyn_into::<HtmlElement>().ok()
    });
    let placed = progress.borrow().placed.min(chunks.len());
    let rest = match block.as_ref() {
        Some(el) if placed < chunks.len() => {
            let lines: usize =
                chunks.lines.get(placed..).map_or(0, |l| l.iter().map(|&l| l as usize).sum());
            let _ = el.style().set_property("height", &format!("{lines}lh"));
            Html::VRef(el.clone().into())
        }
        _ => Html::default(),
    };
    let content = if chunks.safe {
        let mut p = progress.borrow_mut();
        (0..placed)
            .map(|i| {
                let (full, token) = p.token(&chunks, i);
                let lines = chunks.lines.get(i).copied().unwrap_or(0);
                html! {
                    <ChunkView key={i} index={i} at={chunks.chars[i].0} at16={chunks.utf16[i]}
                        {full} {token} {lines} chunks={Rc::downgrade(&chunks)} />
                }
            })
            .collect::<Html>()
    } else {
        render(tr, doc, &layout(doc).tree())
    };
    let drawing = progress.borrow().waiting();
    html! {
        <article class="document-view" data-testid="document-view" lang={doc.doc.lang.clone()}
            data-drawing={(drawing || chunks.waiting()).then_some("true")}
            data-sparse={chunks.sparse.then_some("true")}
            data-placing={(placed < chunks.len()).then_some("true")}
            aria-label={tr.f("view.label", &[("name", &doc.doc.name)])} ref={article}
            {onmouseup} {onkeyup} {onclick} {onfocusin}>
            { content }
            { rest }
        </article>
    }
}

/// The window's selection inside `article` as a snapped span of `doc`.
fn picked(doc: &AnnotatedDocument, article: &Element, words: bool) -> Option<Picked> {
    let sel = gloo::utils::window().get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let root: &DomNode = article.as_ref();
    let inside = |n: DomNode| root.contains(Some(&n));
    if !inside(range.start_container().ok()?) || !inside(range.end_container().ok()?) {
        return None;
    }
    let a = utf16_at(article, &range.start_container().ok()?, range.start_offset().ok()?)?;
    let b = utf16_at(article, &range.end_container().ok()?, range.end_offset().ok()?)?;
    let text = &doc.doc.text;
    let index = doc.index();
    let (start, end) =
        snap(doc, index.char_of_utf16(text, a), index.char_of_utf16(text, b), words)?;
    let rect = range.get_bounding_client_rect();
    let first = range.get_client_rects().and_then(|l| l.get(0));
    let (x, y) = match first {
        Some(r) => (r.left(), rect.bottom()),
        None => (rect.left(), rect.bottom()),
    };
    Some(Picked { start, end, x, y })
}

/// The (first) element of the highlight with this id, if it is on the page.
pub fn mark_element(id: &str) -> Option<Element> {
    let selector = format!("[data-testid=document-view] mark[data-id={}]", css_string(id));
    gloo::utils::document().query_selector(&selector).ok()?
}

/// Scrolls `el` to the middle of the window.
pub fn scroll_to_middle(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves keyboard focus to the highlight with this id (if it is on the
/// page) and returns its position (bottom-left, viewport pixels).
pub fn focus_mark(id: &str) -> Option<(f64, f64)> {
    let el = mark_element(id)?;
    let html: HtmlElement = el.clone().dyn_into().ok()?;
    let active = gloo::utils::document().active_element();
    if active.as_ref() != Some(&el) {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = html.focus_with_options(&opts);
    }
    let r = el.get_bounding_client_rect();
    let first = el.get_client_rects().get(0);
    Some(first.map_or((r.left(), r.bottom()), |f| (f.left(), f.bottom())))
}

/// How a screen reader names a label: the built-in ones by their human
/// name, the user's own by their name.
fn spoken(tr: Tr, label: &str) -> String {
    tr.label(label).to_lowercase()
}

/// The event the document view fires on the page's document after it drew
/// more highlights of a long document (the search box paints its hits
/// again).
pub const DRAWN_EVENT: &str = "sorot-drawn";

/// Documents of at most this much text (bytes) are drawn with all their
/// highlights at once; a longer one shows its text at once, the highlights
/// of about [`STEP_TEXT`] nearest the reader with it, and the rest chunk by
/// chunk, nearest the reader first, a short task at a time, so the page
/// never stops answering.
const AT_ONCE: usize = 128 * 1024;

/// About how much text one step draws the highlights of (bytes; its
/// markup is about four times as long).
const STEP_TEXT: usize = 64 * 1024;

/// The same for a document that keeps only the chunks near the reader on
/// the page ([`SPARSE_MIN`]): its chunks may be one line of text, which
/// the browser lays out more slowly.
const SPARSE_STEP_TEXT: usize = 32 * 1024;

/// Documents of more than this much text (bytes) keep on the page only
/// the chunks near the reader.
pub const SPARSE_MIN: usize = 4 * 1024 * 1024;

/// How much text either side of the reader's chunk such a document keeps
/// drawn (bytes): a few thousand lines, far more than a screen.
pub const LIVE_TEXT: usize = 256 * 1024;

/// How many chunks of a sparse document are put on the page (as elements,
/// empty or drawn) in one task, past those near the reader: a 10 MB
/// article has some 1,200, and putting 600 of them on the page at once was a
/// task of about 100 ms. Until the last is there, an empty block as high
/// as the rest stands for them.
const PLACE_PER_STEP: usize = 64;

/// The markup number of an empty chunk (of a sparse document, away from
/// the reader).
const EMPTY: u64 = u64::MAX;

/// The document as chunks of markup made by the core (one `innerHTML` per
/// chunk instead of a virtual node and a dozen DOM calls per highlight:
/// a 1 MB article has tens of thousands). A chunk's markup is made when it
/// is drawn and dropped once it is on the page (kept, it would hold four
/// times the text); a number stands for it ([`ViewChunks::token`]), and a
/// chunk whose number is unchanged is not drawn again, so an edit redraws
/// only what changed. The markup is the same as [`render`]'s, every text
/// escaped by the core.
pub struct ViewChunks {
    /// Whether the text can go into markup at all ([`html_safe`]; else the
    /// view draws it node by node).
    safe: bool,
    tr: Tr,
    doc: Rc<AnnotatedDocument>,
    nodes: Layout,
    plans: Vec<ChunkPlan>,
    speakers: rustc_hash::FxHashMap<String, String>,
    /// The code points each chunk holds.
    chars: Vec<(usize, usize)>,
    /// Where each chunk starts in UTF-16 units.
    utf16: Vec<usize>,
    /// About how many lines each chunk takes (the height of an empty one
    /// not drawn before).
    lines: Vec<u32>,
    /// Only the chunks near the reader are on the page ([`SPARSE_MIN`]).
    sparse: bool,
    /// The number of each chunk's markup with its highlights, once it was
    /// asked for.
    full: std::cell::RefCell<Vec<Option<u64>>>,
    /// The number of each chunk's markup without highlights.
    plain: std::cell::RefCell<Vec<u64>>,
}

/// A new markup number.
fn new_token() -> u64 {
    thread_local! {
        static LAST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    LAST.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

impl ViewChunks {
    fn new(tr: Tr, doc: Rc<AnnotatedDocument>) -> ViewChunks {
        let nodes = Self::nodes(&doc);
        Self::from_nodes(tr, doc, nodes)
    }

    /// The highlights of `doc` laid out over its text; `None` for a text
    /// the page cannot show as markup.
    fn nodes(doc: &AnnotatedDocument) -> Option<Layout> {
        html_safe(&doc.doc.text).then(|| layout(doc))
    }

    /// The chunks of `doc`, whose highlights are laid out as `nodes`
    /// ([`ViewChunks::nodes`]).
    fn from_nodes(tr: Tr, doc: Rc<AnnotatedDocument>, nodes: Option<Layout>) -> ViewChunks {
        let safe = nodes.is_some();
        let (nodes, plans, speakers) = if let Some(nodes) = nodes {
            let plans = plan_chunks(&doc, &nodes);
            (nodes, plans, speaker_names(&doc))
        } else {
            Default::default()
        };
        let (text, index) = (&doc.doc.text, doc.index());
        let chars: Vec<(usize, usize)> = plans
            .iter()
            .map(|p| (index.char_of_byte(text, p.start), index.char_of_byte(text, p.end)))
            .collect();
        let utf16 = chars.iter().map(|c| index.utf16_of_char(text, c.0)).collect();
        let sparse = safe && text.len() > SPARSE_MIN;
        let lines = if sparse {
            // A line break ends a line; a line holds about 80 characters.
            plans
                .iter()
                .map(|p| {
                    let t = &text.as_bytes()[p.start..p.end];
                    let breaks = crate::core::text::count_newlines(t);
                    (breaks + t.len() / 80 + 1).min(u32::MAX as usize) as u32
                })
                .collect()
        } else {
            Vec::new()
        };
        let n = plans.len();
        ViewChunks {
            safe,
            tr,
            nodes,
            plans,
            speakers,
            chars,
            utf16,
            lines,
            sparse,
            full: std::cell::RefCell::new(vec![None; n]),
            plain: std::cell::RefCell::new((0..n).map(|_| new_token()).collect()),
            doc,
        }
    }

    /// No chunks yet for a sparse document: they are laid out next.
    fn laid_out_next(tr: Tr, doc: Rc<AnnotatedDocument>) -> ViewChunks {
        ViewChunks {
            safe: true,
            tr,
            nodes: Layout::default(),
            plans: Vec::new(),
            speakers: Default::default(),
            chars: Vec::new(),
            utf16: Vec::new(),
            lines: Vec::new(),
            sparse: true,
            full: Default::default(),
            plain: Default::default(),
            doc,
        }
    }

    fn len(&self) -> usize {
        self.plans.len()
    }

    /// None yet: a sparse document's chunks being laid out, in a task of
    /// their own (a text of more than 4 MB has at least one).
    fn waiting(&self) -> bool {
        self.sparse && self.plans.is_empty()
    }

    /// The number of chunk `i`'s markup, with its highlights or without.
    fn token(&self, i: usize, full: bool) -> u64 {
        if full {
            *self.full.borrow_mut()[i].get_or_insert_with(new_token)
        } else {
            self.plain.borrow()[i]
        }
    }

    /// The markup of chunk `i`, with its highlights or without (its text:
    /// a long document's chunk not drawn yet).
    fn markup(&self, i: usize, full: bool) -> String {
        let p = &self.plans[i];
        if !full {
            return plain_html(&self.doc.doc.text, p.start, p.end);
        }
        let tr = self.tr;
        let mut plain: std::collections::HashMap<(String, bool), (String, String)> =
            Default::default();
        let mut words = |a: &crate::core::model::Annotation, speaker: Option<&str>| {
            let auto = a.source == crate::core::model::Source::Auto;
            let (title, sr) = match speaker {
                Some(name) => (title(tr, &a.label, Some(name), auto), spoken(tr, &a.label)),
                None => plain
                    .entry((a.label.to_string(), auto))
                    .or_insert_with(|| (title(tr, &a.label, None, auto), spoken(tr, &a.label)))
                    .clone(),
            };
            MarkWords { class: label_class(&a.label), title, sr: format!("{sr}:") }
        };
        chunk_html(&self.doc, &self.nodes, p, &self.speakers, &mut words)
    }

    /// Whether chunk `i` draws the same annotations as `other`'s chunk `i`.
    fn same_annotations(&self, other: &ViewChunks, i: usize) -> bool {
        let (a, b) = (
            chunk_annotations(&self.nodes, &self.plans[i]),
            chunk_annotations(&other.nodes, &other.plans[i]),
        );
        let (x, y) = (&self.doc.annotations, &other.doc.annotations);
        a.len() == b.len() && a.iter().zip(&b).all(|(&j, &k)| x[j] == y[k])
    }

    /// The number of chunk `i`'s markup with its highlights, if it was
    /// asked for.
    fn made(&self, i: usize) -> Option<u64> {
        self.full.borrow().get(i).copied().flatten()
    }
}

/// Which chunks of the document shown have their highlights drawn.
#[derive(Default)]
struct Progress {
    /// The chunks they are of (which hold their document).
    shown: Option<Rc<ViewChunks>>,
    /// One per chunk.
    flags: Vec<bool>,
    /// The markup number each chunk shows until it is drawn: the one it
    /// was last drawn with (the highlights before an edit or a new analysis
    /// of the same text), or 0 for its text without highlights (empty, in a
    /// sparse document).
    on_page: Vec<u64>,
    /// The chunks that may be drawn (`start..end`): all of them, or in a
    /// sparse document those near the reader.
    live: (usize, usize),
    /// The chunk holding this code point is drawn next.
    wanted: Option<usize>,
    /// The next step, when one is waiting.
    timer: Option<gloo::timers::callback::Timeout>,
    /// A step was drawn since the last render.
    stepped: bool,
    /// The code point in the middle of the window at the last step.
    seen: Option<usize>,
    /// How many chunks, from the first, are on the page as elements: all
    /// of them, or of a sparse document those put there so far
    /// ([`PLACE_PER_STEP`] a step).
    placed: usize,
    /// The last chunks were put on the page in the last step: the next one
    /// centres on the reader again (who may have been over the block that
    /// stood for them).
    recentre: bool,
}

impl Progress {
    /// Starts over for new chunks: a short document, or one without
    /// highlights, is drawn at once; a longer one draws the chunks nearest
    /// the reader now and the rest step by step. The same text in as many
    /// chunks, with highlights before and after (an edit, or the learned
    /// tagger's analysis), keeps drawn, with their markup, the chunks that
    /// draw the same annotations, and draws the others again, those nearest
    /// the reader first.
    fn start(&mut self, chunks: &Rc<ViewChunks>) {
        if self.shown.as_ref().is_some_and(|c| Rc::ptr_eq(c, chunks)) {
            return;
        }
        let (doc, n) = (&chunks.doc, chunks.len());
        let old = self.shown.take();
        let same_text = old.as_ref().filter(|old| old.len() == n && same_text(&old.doc, doc));
        if let Some(old) = same_text {
            // The same text in the same chunks: the same markup without
            // highlights.
            for i in (0..n).filter(|&i| old.chars[i] == chunks.chars[i]) {
                chunks.plain.borrow_mut()[i] = old.plain.borrow()[i];
            }
        }
        let before = same_text.filter(|old| {
            self.flags.len() == n && !old.doc.annotations.is_empty() && old.sparse == chunks.sparse
        });
        match before {
            Some(old) => {
                // A chunk with the same text and the same annotations has the
                // same markup (the speakers' names and the words being the
                // same too): it takes the old markup and stays drawn.
                let same_words =
                    old.tr.code() == chunks.tr.code() && old.speakers == chunks.speakers;
                for (i, flag) in self.flags.iter_mut().enumerate() {
                    let same_place = old.chars[i] == chunks.chars[i];
                    let kept = old
                        .made(i)
                        .filter(|_| *flag && same_words && same_place)
                        .filter(|_| old.same_annotations(chunks, i));
                    // Until it is drawn again, a chunk that changed keeps
                    // what it shows (drawing its text alone for a moment
                    // would cost as much as drawing it, and the highlights
                    // would blink).
                    if !same_place {
                        self.on_page[i] = 0;
                    }
                    *flag = kept.is_some();
                    if kept.is_some() {
                        chunks.full.borrow_mut()[i] = kept;
                    }
                }
            }
            None => {
                let at_once =
                    !chunks.sparse && (doc.annotations.is_empty() || doc.doc.text.len() <= AT_ONCE);
                // The same document with its text edited (typing in the
                // paste box): a chunk whose text did not change keeps
                // what it shows until it is drawn again, as above (its
                // marks' offsets may be a few characters off for a moment;
                // the page takes positions from the chunk, not from them).
                // Drawing every chunk's text again at once would cost a
                // megabyte's markup in the task that takes the edit.
                let kept_from = old.as_ref().filter(|old| {
                    !at_once
                        && !chunks.sparse
                        && !old.sparse
                        && old.doc.doc.name == doc.doc.name
                        && self.on_page.len() == old.len()
                });
                let on_page = match kept_from {
                    Some(old) => (0..n)
                        .map(|i| {
                            let (a, b) = (&old.plans.get(i), &chunks.plans[i]);
                            let same = a.is_some_and(|a| {
                                old.doc.doc.text.as_bytes().get(a.start..a.end)
                                    == doc.doc.text.as_bytes().get(b.start..b.end)
                            });
                            if same {
                                self.on_page[i]
                            } else {
                                0
                            }
                        })
                        .collect(),
                    None => vec![0; n],
                };
                let kept = on_page.iter().any(|&t| t != 0);
                self.flags = vec![at_once; n];
                self.on_page = on_page;
                self.placed = if chunks.sparse { 0 } else { n };
                self.recentre = false;
                self.live = if chunks.sparse { (0, 0) } else { (0, n) };
                self.timer = None;
                // The first highlights of a text shown without any (an
                // analysis, or its preview, just came): those nearest the
                // reader are drawn in this render, so the frame that lays
                // out what it changed paints them (a step from the next
                // task on came a whole frame later). An edited text is
                // drawn from the next task on (the key that made the
                // edit is not kept waiting).
                let first_highlights = old.as_ref().is_some_and(|old| {
                    old.doc.annotations.is_empty() && self::same_text(&old.doc, doc)
                });
                if kept && !first_highlights {
                    // Drawn from the next task on.
                    self.shown = Some(chunks.clone());
                    return;
                }
            }
        }
        self.shown = Some(chunks.clone());
        if self.waiting() || chunks.sparse {
            // Not where the window is now: finding that out would lay out
            // the page in the middle of this render, with the paste box's
            // new text (hundreds of ms for a megabyte); where the reader
            // was at the last step will do.
            self.step(chunks, self.seen);
        }
        if chunks.sparse {
            // The chunks near the reader, and the first ones.
            self.placed = self.placed.max(self.live.1).max(PLACE_PER_STEP).min(n);
        }
    }

    /// Whether chunks of a sparse document are still to be put on the page.
    fn placing(&self) -> bool {
        self.placed < self.flags.len() || self.recentre
    }

    /// Puts the next [`PLACE_PER_STEP`] chunks on the page, if any are
    /// left.
    fn place(&mut self) {
        let n = self.flags.len();
        self.recentre = self.placed < n;
        self.placed = self.placed.saturating_add(PLACE_PER_STEP).min(n);
    }

    /// Whether chunk `i` may be drawn.
    fn is_live(&self, i: usize) -> bool {
        self.live.0 <= i && i < self.live.1
    }

    /// Whether a chunk that may be drawn is not drawn yet.
    fn waiting(&self) -> bool {
        let (a, b) = (self.live.0, self.live.1.min(self.flags.len()));
        self.flags.get(a..b).is_some_and(|f| f.iter().any(|f| !f))
    }

    /// Whether chunk `i` is drawn with its highlights, and the number of
    /// the markup it shows.
    fn token(&mut self, chunks: &ViewChunks, i: usize) -> (bool, u64) {
        let full = self.flags.get(i).copied().unwrap_or(true);
        let token = match self.on_page.get(i) {
            Some(&t) if !full && t != 0 => t,
            _ if !full && chunks.sparse => EMPTY,
            _ => chunks.token(i, full),
        };
        if let Some(t) = self.on_page.get_mut(i) {
            *t = if token == EMPTY { 0 } else { token };
        }
        (full, token)
    }

    /// The chunk holding code point `at`.
    fn chunk_of(chunks: &ViewChunks, at: usize) -> Option<usize> {
        chunks.chars.partition_point(|c| c.0 <= at).checked_sub(1)
    }

    /// In a sparse document, makes the chunks within [`LIVE_TEXT`] of chunk
    /// `centre` the ones that may be drawn; the others are emptied.
    fn centre_on(&mut self, chunks: &ViewChunks, centre: usize) {
        let n = self.flags.len().min(chunks.len());
        if !chunks.sparse || centre >= n {
            return;
        }
        let size = |i: usize| chunks.plans[i].end - chunks.plans[i].start;
        let (mut a, mut b, mut before, mut after) = (centre, centre + 1, 0, 0);
        while a > 0 && before < LIVE_TEXT {
            a -= 1;
            before += size(a);
        }
        while b < n && after < LIVE_TEXT {
            after += size(b);
            b += 1;
        }
        for i in (self.live.0..self.live.1.min(n)).filter(|&i| i < a || i >= b) {
            self.flags[i] = false;
            self.on_page[i] = 0;
        }
        self.live = (a, b);
    }

    /// Whether the reader, now at code point `at`, has gone far enough
    /// into the chunks drawn of a sparse document that they should be
    /// centred again; if so, centres them and draws the nearest.
    fn follow(&mut self, chunks: &ViewChunks, at: usize) -> bool {
        let Some(c) = Self::chunk_of(chunks, at).filter(|_| chunks.sparse) else { return false };
        let (a, b) = self.live;
        let text = |r: std::ops::Range<usize>| {
            r.map(|i| chunks.plans[i].end - chunks.plans[i].start).sum::<usize>()
        };
        let near_edge = c < a
            || c >= b
            || text(a..c) < LIVE_TEXT / 2 && a > 0
            || text(c..b) < LIVE_TEXT / 2 && b < chunks.len();
        if near_edge {
            self.centre_on(chunks, c);
            self.step(chunks, Some(at));
        }
        near_edge
    }

    /// Marks the next chunks drawn: the one wanted, then those nearest the
    /// middle of the window (at code point `screen`), about [`STEP_TEXT`]
    /// of text. In a sparse document, the chunks that may be drawn are
    /// centred on the wanted one, or on the reader's when it is not among
    /// them.
    fn step(&mut self, chunks: &ViewChunks, screen: Option<usize>) {
        let n = self.flags.len().min(chunks.len());
        if n == 0 {
            return;
        }
        let wanted = self.wanted.take().and_then(|at| Self::chunk_of(chunks, at));
        if screen.is_some() {
            self.seen = screen;
        }
        let centre = wanted
            .or_else(|| screen.and_then(|at| Self::chunk_of(chunks, at)))
            .unwrap_or(0)
            .min(n - 1);
        if chunks.sparse && (wanted.is_some() || !self.is_live(centre)) {
            self.centre_on(chunks, centre);
            // The chunks that may be drawn are on the page from the next
            // render on, also those past the ones put there so far (a
            // highlight or a search hit asked for near the end while the
            // chunks are still being put on the page).
            self.placed = self.placed.max(self.live.1).min(n);
        }
        let (mut bytes, most) = (0, if chunks.sparse { SPARSE_STEP_TEXT } else { STEP_TEXT });
        for d in 0..n {
            for i in [centre.checked_add(d), centre.checked_sub(d)].into_iter().flatten() {
                if i < n && !self.flags[i] && self.is_live(i) && bytes < most {
                    self.flags[i] = true;
                    self.stepped = true;
                    bytes += chunks.plans[i].end - chunks.plans[i].start;
                }
            }
            if bytes >= most {
                break;
            }
        }
    }
}

/// Whether two documents have the same text: an analysis, an edit or an
/// undo of a document shares its text (`Rc<str>`), so this is mostly a
/// comparison of two addresses; texts of one length held apart are
/// compared.
fn same_text(a: &Rc<AnnotatedDocument>, b: &Rc<AnnotatedDocument>) -> bool {
    Rc::ptr_eq(&a.doc.text, &b.doc.text) || a.doc.text == b.doc.text
}

/// Where the chunk in the middle of the window starts (code point), if
/// the view is there: the chunks of the document drawn before may lie
/// elsewhere than the new ones.
fn on_screen() -> Option<usize> {
    let window = gloo::utils::window();
    let view = gloo::utils::document().query_selector("[data-testid=document-view]").ok()??;
    let r = view.get_bounding_client_rect();
    let h = window.inner_height().ok()?.as_f64()?;
    let el = gloo::utils::document()
        .element_from_point(((r.left() + r.right()) / 2.0) as f32, (h / 2.0) as f32)?;
    el.closest("[data-at]").ok()??.get_attribute("data-at")?.parse().ok()
}

thread_local! {
    /// The document view on the page: its chunks (which hold its
    /// document) and progress, and how to make it draw again.
    static VIEW: std::cell::RefCell<Option<ViewState>> = const { std::cell::RefCell::new(None) };
}

type ViewState =
    (Rc<ViewChunks>, Rc<std::cell::RefCell<Progress>>, yew::functional::UseForceUpdateHandle);

/// Properties of [`ChunkView`].
#[derive(Properties)]
struct ChunkProps {
    index: usize,
    /// The code point it starts at.
    at: usize,
    /// The UTF-16 unit it starts at.
    at16: usize,
    /// About how many lines it takes (its height when empty, if it was
    /// not on the page before).
    lines: u32,
    /// With its highlights.
    full: bool,
    /// The number of its markup ([`ViewChunks::token`]).
    token: u64,
    /// Where its markup comes from: weak, as a chunk whose number did not
    /// change keeps the properties it had, which must not keep an old
    /// document alive.
    chunks: std::rc::Weak<ViewChunks>,
}

impl PartialEq for ChunkProps {
    /// The same markup (the same number: an edit or a new analysis of the
    /// same text keeps the number of every chunk whose markup is the same,
    /// and only the others are drawn).
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.at == other.at
            && self.at16 == other.at16
            && self.token == other.token
    }
}

/// One chunk of the document view: an element of its own, whose markup is
/// made, set and dropped in the render in which its number changed (so the
/// frame after a paste shows the new text: an effect would set it a task
/// later).
#[function_component(ChunkView)]
fn chunk_view(props: &ChunkProps) -> Html {
    let index = props.index;
    let el = use_memo((), move |_| {
        let el = gloo::utils::document().create_element("div").ok()?;
        el.set_class_name("document-view__chunk");
        let _ = el.set_attribute("data-chunk", &index.to_string());
        Some(el)
    });
    let drawn = use_mut_ref(|| 0u64);
    let Some(el) = el.as_ref() else { return Html::default() };
    let before = *drawn.borrow();
    if before != props.token {
        let style = el.dyn_ref::<HtmlElement>().map(HtmlElement::style);
        if props.token == EMPTY {
            // Empty, as high as it was (or as its lines would be), so the
            // page keeps its length and the reader's place.
            let was = if before != 0 { el.get_bounding_client_rect().height() } else { 0.0 };
            el.set_inner_html("");
            // Whole pixels: formatting a float would add some 10 KB to the
            // page's wasm.
            let px = was.round() as u64;
            let height = if px > 0 { format!("{px}px") } else { format!("{}lh", props.lines) };
            if let Some(s) = &style {
                let _ = s.set_property("height", &height);
            }
            *drawn.borrow_mut() = EMPTY;
        } else if let Some(chunks) = props.chunks.upgrade() {
            el.set_inner_html(&chunks.markup(props.index, props.full));
            if before == EMPTY {
                if let Some(s) = &style {
                    let _ = s.remove_property("height");
                }
            }
            *drawn.borrow_mut() = props.token;
        }
    }
    let _ = el.set_attribute("data-at", &props.at.to_string());
    let _ = el.set_attribute("data-at16", &props.at16.to_string());
    Html::VRef(el.clone().into())
}

/// Runs `then` with the (first) element of the highlight with this id
/// once it is on the page: at once if it is; otherwise, in a long document
/// whose chunks are still being drawn, its chunk is drawn next and `then`
/// runs when it is (given up after about three seconds).
pub fn with_mark(id: &str, then: impl FnOnce(Element) + 'static) {
    if let Some(el) = mark_element(id) {
        then(el);
        return;
    }
    let Some((chunks, ..)) = VIEW.with(|v| v.borrow().clone()) else { return };
    let Some(at) = chunks.doc.get(id).map(|a| a.start) else { return };
    reveal(at);
    retry(id.to_string(), then, 100);
}

/// Has the chunk holding code point `at` drawn next, if it is not on the
/// page (a sparse document's chunk far from the reader, or a long
/// document's not drawn yet); [`DRAWN_EVENT`] follows when it is.
pub fn reveal(at: usize) {
    let Some((_, progress, update)) = VIEW.with(|v| v.borrow().clone()) else { return };
    progress.borrow_mut().wanted = Some(at);
    progress.borrow_mut().timer = None;
    update.force_update();
}

/// Where a position on the page (`node`, `offset`, as in a DOM range)
/// inside the document view `view` is in the document's text, in UTF-16
/// units: counted from the start of its chunk (`data-at16`), so neither
/// a long document's length nor the chunks not on the page matter.
pub fn utf16_at(view: &Element, node: &DomNode, offset: u32) -> Option<usize> {
    let own = node.dyn_ref::<Element>().cloned().or_else(|| node.parent_element());
    let chunk = own.and_then(|e| e.closest("[data-at16]").ok().flatten());
    let (root, base): (DomNode, usize) = match chunk {
        Some(c) => {
            let base = c.get_attribute("data-at16")?.parse().ok()?;
            (c.into(), base)
        }
        None if node == AsRef::<DomNode>::as_ref(view) => {
            // Between the view's chunks: where the next one starts.
            let children = view.children();
            return match children.item(offset) {
                Some(next) => next.get_attribute("data-at16").and_then(|a| a.parse().ok()),
                None => text_nodes(view).last().map(|(n, at)| {
                    at + n.dyn_ref::<web_sys::CharacterData>().map_or(0, |c| c.length() as usize)
                }),
            };
        }
        None => (view.clone().into(), 0),
    };
    let r = gloo::utils::document().create_range().ok()?;
    r.set_start(&root, 0).ok()?;
    r.set_end(node, offset).ok()?;
    Some(base + r.to_string().length() as usize)
}

/// The chunk of the document view holding UTF-16 unit `u` of the text,
/// whether it is on the page or not.
pub fn chunk_at16(view: &Element, u: usize) -> Option<Element> {
    let children = view.children();
    let at =
        |i: u32| -> Option<usize> { children.item(i)?.get_attribute("data-at16")?.parse().ok() };
    let (mut lo, mut hi) = (0u32, children.length());
    // (Not the block standing for the chunks not on the page yet.)
    if hi > 0 && children.item(hi - 1).is_some_and(|c| !c.has_attribute("data-at16")) {
        hi -= 1;
    }
    at(0)?;
    // The last chunk starting at or before `u`.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at(mid)? <= u {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    children.item(lo)
}

/// The text nodes of the document view on the page, in order, each with
/// the UTF-16 unit of the document's text it starts at.
pub fn text_nodes(view: &Element) -> Vec<(DomNode, usize)> {
    text_nodes_of(view, None)
}

/// [`text_nodes`] of the chunks holding any of the UTF-16 units `at`
/// (ascending; a unit where one chunk ends and the next starts is held by
/// both), skipping those between; of every chunk for `None`, and of the
/// whole view when it is not in chunks.
pub fn text_nodes_of(view: &Element, at: Option<&[usize]>) -> Vec<(DomNode, usize)> {
    let mut out = Vec::new();
    let doc = gloo::utils::document();
    let mut walk = |root: &DomNode, mut pos: usize| {
        let Ok(walker) = doc.create_tree_walker_with_what_to_show(root, 4) else { return };
        while let Ok(Some(n)) = walker.next_node() {
            // (Only text nodes are shown to the walker: no check of each,
            // a call to the page less per node.)
            let len = n.unchecked_ref::<web_sys::CharacterData>().length() as usize;
            out.push((n, pos));
            pos += len;
        }
    };
    let children = view.children();
    let chunk = |i: u32| {
        let c = children.item(i)?;
        let at = c.get_attribute("data-at16")?.parse::<usize>().ok()?;
        Some((c, at))
    };
    let mut next = chunk(0);
    if next.is_none() {
        walk(view.as_ref(), 0);
        return out;
    }
    let mut k = 0;
    for i in 0..children.length() {
        let Some((c, start)) = next.take() else { break };
        next = chunk(i + 1);
        let end = next.as_ref().map_or(usize::MAX, |n| n.1);
        let held = at.is_none_or(|at| {
            while at.get(k).is_some_and(|&u| u < start) {
                k += 1;
            }
            at.get(k).is_some_and(|&u| u <= end)
        });
        if held && c.has_child_nodes() {
            walk(c.as_ref(), start);
        }
    }
    out
}

/// The text node among `nodes` ([`text_nodes`]) holding UTF-16 unit `u`
/// of the document's text, and the offset in it (`u` may be the node's
/// end).
pub fn node_at(nodes: &[(DomNode, usize)], u: usize) -> Option<(&DomNode, u32)> {
    let i = nodes.partition_point(|(_, s)| *s <= u).checked_sub(1)?;
    let (n, at) = &nodes[i];
    let len = n.unchecked_ref::<web_sys::CharacterData>().length() as usize;
    (u - at <= len).then_some((n, (u - at) as u32))
}

fn retry(id: String, then: impl FnOnce(Element) + 'static, left: u32) {
    gloo::timers::callback::Timeout::new(30, move || match mark_element(&id) {
        Some(el) => then(el),
        None if left > 0 => retry(id, then, left - 1),
        None => {}
    })
    .forget();
}

/// A highlight's tooltip: its label, who said it, whether it was found
/// automatically.
fn title(tr: Tr, label: &str, speaker: Option<&str>, auto: bool) -> String {
    let label = tr.label(label);
    let title = match speaker {
        Some(name) => tr.f("view.said-by", &[("label", &label), ("name", name)]),
        None => label,
    };
    if auto {
        tr.f("view.automatic", &[("title", &title)])
    } else {
        title
    }
}

/// Renders the tree as virtual nodes: for a text the chunks cannot carry
/// (a NUL character, which HTML has no way to write).
fn render(tr: Tr, doc: &AnnotatedDocument, nodes: &[Node]) -> Html {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text { start, end } => Html::from(&doc.doc.text[*start..*end]),
            Node::Mark { ann, part, children } => {
                let a = &doc.annotations[*ann];
                let speaker = a.speaker.as_deref().and_then(|id| doc.get(id));
                let speaker_name = speaker.map(|s| doc.text_of(s).to_string());
                let auto = a.source == crate::core::model::Source::Auto;
                let title = title(tr, &a.label, speaker_name.as_deref(), auto);
                html! {
                    <mark class={classes!("mark", label_class(&a.label), a.label.eq("QUOTE").then_some("mark--block"))}
                        tabindex="0"
                        data-label={a.label.to_string()}
                        data-start={a.start.to_string()}
                        data-end={a.end.to_string()}
                        data-id={a.id.to_string()}
                        data-source={if auto { "auto" } else { "user" }}
                        data-sr={format!("{}:", spoken(tr, &a.label))}
                        data-part={part.then_some("true")}
                        data-speaker={a.speaker.as_deref().map(str::to_owned)}
                        data-speaker-name={speaker_name}
                        title={title}>
                        { render(tr, doc, children) }
                    </mark>
                }
            }
        })
        .collect()
}
