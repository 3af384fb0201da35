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
//! [`DRAWN_EVENT`] after each step.
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
    ChunkPlan, MarkWords, Node,
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
    // The markup, made once per document (and interface language).
    let chunks = {
        let d = doc.clone();
        use_memo((Rc::as_ptr(doc) as usize, tr.code()), move |_| ViewChunks::new(tr, d))
    };
    let progress = use_mut_ref(Progress::default);
    let update = use_force_update();
    progress.borrow_mut().start(&chunks);
    VIEW.with(|v| *v.borrow_mut() = Some((chunks.clone(), progress.clone(), update.clone())));
    {
        // Gone from the page: no step is left waiting.
        let progress = progress.clone();
        use_effect_with((), move |_| {
            move || {
                progress.borrow_mut().timer = None;
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
            let waiting = progress.borrow().flags.iter().any(|f| !f);
            if waiting && progress.borrow().timer.is_none() {
                let p = progress.clone();
                let t = gloo::timers::callback::Timeout::new(0, move || {
                    p.borrow_mut().timer = None;
                    p.borrow_mut().step(&chunks, on_screen());
                    update.force_update();
                });
                progress.borrow_mut().timer = Some(t);
            }
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
    let content = if chunks.safe {
        let mut p = progress.borrow_mut();
        (0..chunks.len())
            .map(|i| {
                let (full, token) = p.token(&chunks, i);
                html! {
                    <ChunkView key={i} index={i} at={chunks.chars[i].0} {full} {token}
                        chunks={Rc::downgrade(&chunks)} />
                }
            })
            .collect::<Html>()
    } else {
        render(tr, doc, &layout(doc))
    };
    let drawing = progress.borrow().flags.iter().any(|f| !f);
    html! {
        <article class="document-view" data-testid="document-view" lang={doc.doc.lang.clone()}
            data-drawing={drawing.then_some("true")}
            aria-label={tr.f("view.label", &[("name", &doc.doc.name)])} ref={article}
            {onmouseup} {onkeyup} {onclick} {onfocusin}>
            { content }
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
    let utf16_at = |node: DomNode, offset: u32| -> Option<usize> {
        let r = gloo::utils::document().create_range().ok()?;
        r.set_start(root, 0).ok()?;
        r.set_end(&node, offset).ok()?;
        Some(r.to_string().length() as usize)
    };
    let a = utf16_at(range.start_container().ok()?, range.start_offset().ok()?)?;
    let b = utf16_at(range.end_container().ok()?, range.end_offset().ok()?)?;
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
    nodes: Vec<Node>,
    plans: Vec<ChunkPlan>,
    speakers: rustc_hash::FxHashMap<String, String>,
    /// The code points each chunk holds.
    chars: Vec<(usize, usize)>,
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
        let safe = html_safe(&doc.doc.text);
        let (nodes, plans, speakers) = if safe {
            let nodes = layout(&doc);
            let plans = plan_chunks(&doc, &nodes);
            (nodes, plans, speaker_names(&doc))
        } else {
            Default::default()
        };
        let (text, index) = (&doc.doc.text, doc.index());
        let chars = plans
            .iter()
            .map(|p| (index.char_of_byte(text, p.start), index.char_of_byte(text, p.end)))
            .collect();
        let n = plans.len();
        ViewChunks {
            safe,
            tr,
            nodes,
            plans,
            speakers,
            chars,
            full: std::cell::RefCell::new(vec![None; n]),
            plain: std::cell::RefCell::new((0..n).map(|_| new_token()).collect()),
            doc,
        }
    }

    fn len(&self) -> usize {
        self.plans.len()
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
                    .entry((a.label.clone(), auto))
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
    /// of the same text), or 0 for its text without highlights.
    on_page: Vec<u64>,
    /// The chunk holding this code point is drawn next.
    wanted: Option<usize>,
    /// The next step, when one is waiting.
    timer: Option<gloo::timers::callback::Timeout>,
    /// A step was drawn since the last render.
    stepped: bool,
    /// The code point in the middle of the window at the last step.
    seen: Option<usize>,
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
        let same_text = old.as_ref().filter(|old| {
            old.len() == n && (Rc::ptr_eq(&old.doc, doc) || old.doc.doc.text == doc.doc.text)
        });
        if let Some(old) = same_text {
            // The same text in the same chunks: the same markup without
            // highlights.
            for i in (0..n).filter(|&i| old.chars[i] == chunks.chars[i]) {
                chunks.plain.borrow_mut()[i] = old.plain.borrow()[i];
            }
        }
        let before =
            same_text.filter(|old| self.flags.len() == n && !old.doc.annotations.is_empty());
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
                let at_once = doc.annotations.is_empty() || doc.doc.text.len() <= AT_ONCE;
                self.flags = vec![at_once; n];
                self.on_page = vec![0; n];
                self.timer = None;
            }
        }
        if self.flags.iter().any(|f| !f) {
            // Not where the window is now: finding that out would lay out
            // the page in the middle of this render, with the paste box's
            // new text (hundreds of ms for a megabyte); where the reader
            // was at the last step will do.
            self.step(chunks, self.seen);
        }
        self.shown = Some(chunks.clone());
    }

    /// Whether chunk `i` is drawn with its highlights, and the number of
    /// the markup it shows.
    fn token(&mut self, chunks: &ViewChunks, i: usize) -> (bool, u64) {
        let full = self.flags.get(i).copied().unwrap_or(true);
        let token = match self.on_page.get(i) {
            Some(&t) if !full && t != 0 => t,
            _ => chunks.token(i, full),
        };
        if let Some(t) = self.on_page.get_mut(i) {
            *t = token;
        }
        (full, token)
    }

    /// Marks the next chunks drawn: the one wanted, then those nearest the
    /// middle of the window (at code point `screen`), about [`STEP_TEXT`]
    /// of text.
    fn step(&mut self, chunks: &ViewChunks, screen: Option<usize>) {
        let n = self.flags.len().min(chunks.len());
        if n == 0 {
            return;
        }
        let at_char =
            |at: usize| chunks.chars.iter().position(|c| c.0 <= at && at < c.1.max(c.0 + 1));
        let wanted = self.wanted.take().and_then(at_char);
        if screen.is_some() {
            self.seen = screen;
        }
        let centre = wanted.or_else(|| screen.and_then(at_char)).unwrap_or(0).min(n - 1);
        let mut bytes = 0;
        for d in 0..n {
            for i in [centre.checked_add(d), centre.checked_sub(d)].into_iter().flatten() {
                if i < n && !self.flags[i] && bytes < STEP_TEXT {
                    self.flags[i] = true;
                    self.stepped = true;
                    bytes += chunks.plans[i].end - chunks.plans[i].start;
                }
            }
            if bytes >= STEP_TEXT {
                break;
            }
        }
    }
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
        self.index == other.index && self.at == other.at && self.token == other.token
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
    if *drawn.borrow() != props.token {
        if let Some(chunks) = props.chunks.upgrade() {
            el.set_inner_html(&chunks.markup(props.index, props.full));
            *drawn.borrow_mut() = props.token;
        }
    }
    let _ = el.set_attribute("data-at", &props.at.to_string());
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
    let Some((chunks, progress, update)) = VIEW.with(|v| v.borrow().clone()) else { return };
    let Some(at) = chunks.doc.get(id).map(|a| a.start) else { return };
    progress.borrow_mut().wanted = Some(at);
    progress.borrow_mut().timer = None;
    update.force_update();
    retry(id.to_string(), then, 100);
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
                        data-label={a.label.clone()}
                        data-start={a.start.to_string()}
                        data-end={a.end.to_string()}
                        data-id={a.id.clone()}
                        data-source={if auto { "auto" } else { "user" }}
                        data-sr={format!("{}:", spoken(tr, &a.label))}
                        data-part={part.then_some("true")}
                        data-speaker={a.speaker.clone()}
                        data-speaker-name={speaker_name}
                        title={title}>
                        { render(tr, doc, children) }
                    </mark>
                }
            }
        })
        .collect()
}
