//! The workspace: the open documents, which one is shown, and the notices
//! for the user. State is data; every change is an [`Action`] applied by
//! [`Workspace::apply`], which has no side effects (reading files, storage
//! and downloads happen in the UI before or after).
//!
//! The learned taggers (`models/*.tagger`) are not part of the app: the UI
//! loads one when a document of its language is open
//! ([`Workspace::models_to_load`]), reports progress with
//! [`Action::ModelLoading`] / [`Action::ModelFailed`], and after installing
//! it ([`super::recognize::install_model`]) sends [`Action::ModelReady`],
//! which analyses that language's documents again. Until then, and if the
//! model never comes, the rules alone annotate.
//!
//! The label set ([`Workspace::labels`], see [`super::labels`]) belongs to
//! the workspace, not to a document: [`Action::AddLabel`],
//! [`Action::RenameLabel`], [`Action::RecolourLabel`],
//! [`Action::SetLabelHidden`] and [`Action::MoveLabel`] change it. A rename
//! also renames the label on every annotation of every open document, as
//! one undo step per document (undo works per document, so undoing it
//! brings the old name back into that document; the old name then returns
//! to the set with its colour). Every label an open document uses is in the
//! set: one it lacks (from an opened file, an undo) is added at the end.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::edit::{self, Edit, History, Rejected, Step};
use super::export::sorot_json;
use super::import;
use super::labels::{Colour, LabelDef, LabelSet};
use super::model::{AnnotatedDocument, Document, Label, Numbering, Source};
use super::wire;

pub use super::i18n::Msg;
pub use super::import::{FileError, MAX_FILE_BYTES};

/// Name of the document made from pasted text.
pub const PASTED_NAME: &str = "pasted-article";

/// The language tag of a document whose language is not known yet (its
/// first analysis, which detects it, has not come back).
pub const UNDETERMINED: &str = "und";

/// A request to analyse one document: the page runs it in its analysis
/// worker and answers with [`Action::Analysed`]; natively
/// [`Workspace::apply`] runs it at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Its number, which the answer carries.
    pub id: u64,
    /// The document as it was when asked (its text is what to analyse).
    pub doc: Rc<AnnotatedDocument>,
    /// The language to analyse it as (`None`: detect it).
    pub lang: Option<String>,
    /// How much of its text to analyse (bytes, from the start): all of it,
    /// but for a preview ([`PREVIEW_FROM`]).
    pub upto: usize,
}

impl Job {
    /// The text to analyse.
    pub fn text(&self) -> &str {
        &self.doc.doc.text[..self.upto]
    }
}

/// A text this long (bytes) with no annotation yet is also analysed in a
/// preview, its first [`PREVIEW_BYTES`] or so, asked for before the whole:
/// the worker answers it in a few milliseconds, and the reader, who is at
/// the start of the text, has its highlights on screen long before those
/// of the whole megabyte come (which then take their place).
pub const PREVIEW_FROM: usize = 256 * 1024;

/// How much of a long text the preview analyses (bytes; cut at the last
/// line break, or space, before).
pub const PREVIEW_BYTES: usize = 32 * 1024;

/// An analysis asked for and not answered yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The [`Job`]'s number.
    pub job: u64,
    /// What the undo list calls the change (`None`: the document's first
    /// analysis, which is not an undo step).
    pub what: Option<Msg>,
}

/// A file as the user gave it, before decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingFile {
    /// The file's name, as the browser or the file system gives it.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something was not done (a file could not be opened).
    Error,
    /// Something was done in a way the user should know about.
    Info,
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How serious it is.
    pub kind: NoticeKind,
    /// The text, in English (the command line's, and the page's when the
    /// notice has no [`key`](Notice::key)).
    pub message: String,
    /// The same message as a catalogue key with its values, for the page
    /// to show in the reader's language (`None`: only `message` exists).
    pub key: Option<Msg>,
    /// Something the notice offers besides its text.
    pub action: Option<NoticeAction>,
}

/// What a notice offers besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Saved work that could not be read was set aside: download it as it
    /// was saved.
    DownloadSetAside,
}

impl Notice {
    /// A notice whose text is a catalogue message (`message` is its
    /// English text).
    pub fn keyed(kind: NoticeKind, msg: Msg) -> Notice {
        Notice { kind, message: msg.english(), key: Some(msg), action: None }
    }

    /// A notice with English text only.
    pub fn plain(kind: NoticeKind, message: String) -> Notice {
        Notice { kind, message, key: None, action: None }
    }

    /// The same notice, offering `action`.
    pub fn with_action(self, action: NoticeAction) -> Notice {
        Notice { action: Some(action), ..self }
    }
}

/// An analysis of more annotations than this is taken a part at a time,
/// each a moment after the one before: numbered [`NUMBER_PER_TASK`] at a
/// time ([`Action::Number`]), then merged into the document
/// ([`Action::Refreshed`]).
pub const LATER_FROM: usize = 20_000;

/// How many spans of a long analysis are numbered in one task.
pub const NUMBER_PER_TASK: usize = 25_000;

/// A long analysis being numbered ([`Numbering`]), handed from one task to
/// the next. Two are equal when they are the same one.
#[derive(Clone)]
pub struct Work(Rc<std::cell::RefCell<Option<Numbering>>>);

impl Work {
    fn new(n: Numbering) -> Self {
        Work(Rc::new(std::cell::RefCell::new(Some(n))))
    }
}

impl PartialEq for Work {
    fn eq(&self, other: &Work) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Work({:?} spans)", self.0.borrow().as_ref().map(Numbering::len))
    }
}

/// What a long analysis is numbered for.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberFor {
    /// The answer to [`Job`] `job`: merged into its document next.
    Job(u64),
    /// A plain text file just read: opened as a document, and shown when
    /// `show` (it came first in its batch).
    File {
        /// Show it when it opens.
        show: bool,
    },
}

/// A change to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The paste box now holds this text: (re)annotate the pasted document
    /// and show it.
    Paste(Rc<str>),
    /// Open these files as documents (the first one that opens is shown).
    /// They are read, and plain texts analysed, by the analysis worker
    /// ([`Workspace::take_file_jobs`]), which answers with
    /// [`Action::FilesOpened`].
    OpenFiles(Vec<IncomingFile>),
    /// The analysis worker read a batch of files ([`wire::open_files`]):
    /// open each document, report each failure.
    FilesOpened(Vec<wire::OpenedFile>),
    /// Report a file that was not opened before it reached the core (too
    /// large to read, or the browser refused to read it).
    FileRejected {
        /// The file's name.
        name: String,
        /// Why it was not opened.
        reason: FileError,
    },
    /// Analyse the document at this position again as language `lang`
    /// (`None`: detect it), keeping the user's own annotations. For the
    /// pasted document the choice also holds for later pastes.
    SetLang {
        /// The document's position.
        index: usize,
        /// A BCP 47 tag (`"id"`, `"en"`), or `None` to detect.
        lang: Option<String>,
    },
    /// Show the document at this position in the list.
    Select(usize),
    /// Correct the annotations of the document at `index` (one undo step).
    Edit {
        /// The document's position.
        index: usize,
        /// The correction.
        edit: Edit,
    },
    /// Undo the last change of the annotations of the document at this
    /// position (an edit, or analysis in another language or by a tagger).
    Undo(usize),
    /// Redo the last undone change of the document at this position.
    Redo(usize),
    /// Put this annotation of the shown document in focus (`None`: none).
    Focus(Option<String>),
    /// Close every document, empty the paste box and dismiss the notices
    /// ("clear all local data"). Installed taggers stay installed.
    ClearAll,
    /// Close the document at this position.
    Close(usize),
    /// Put back a workspace saved by an earlier visit that is newer than
    /// the one the page started with (the browser's quick storage lost its
    /// last writes when the browser was killed, or the work was too large
    /// for it). The taggers already installed stay installed and analyse
    /// their languages' documents again, as on [`Action::ModelReady`]; the
    /// notices shown so far stay.
    Restore(Box<Workspace>),
    /// The analysis worker answered [`Job`] `job`: the spans it found
    /// ([`wire::encode`]d) in language `lang`. The document it was asked
    /// for takes them, keeping the user's annotations (and leaving out the
    /// automatic ones the user rejected); an answer for a document that has
    /// since changed, closed or been asked about again is ignored, and a
    /// damaged one is reported.
    Analysed {
        /// The job's number.
        job: u64,
        /// The language the text was analysed as (detected if the job gave
        /// none).
        lang: String,
        /// The spans' numbers ([`wire`]).
        nums: Vec<u32>,
        /// The spans' DATE values ([`wire`]).
        strings: String,
    },
    /// Number the next part of a long analysis (a task each, so no part
    /// holds the page long); the last part takes it on as `to` says.
    Number {
        /// The numbering so far.
        work: Work,
        /// What it is for.
        to: NumberFor,
    },
    /// Taking a long document's [`Action::Analysed`], once numbered
    /// ([`Action::Number`]), in a task of its own: the fresh analysis is
    /// merged with the document as [`Action::Analysed`] would have merged
    /// it, and takes its place a task later ([`Action::Merged`]).
    Refreshed {
        /// The job's number.
        job: u64,
        /// The document as the analysis found it.
        fresh: Rc<AnnotatedDocument>,
    },
    /// The second part of merging a long document's analysis, a task
    /// after [`Action::Refreshed`] gave its annotations their ids
    /// ([`AnnotatedDocument::refresh_ids`]): the merge is finished, and
    /// the merged document takes the document's place a task later
    /// ([`Action::Merged`]).
    Paired {
        /// The job's number.
        job: u64,
        /// The document the ids were given for (if the document changed
        /// since, the analysis is merged with it from the start).
        base: Rc<AnnotatedDocument>,
        /// The document as the analysis found it.
        fresh: Rc<AnnotatedDocument>,
        /// The ids of `fresh`'s annotations.
        ids: Rc<Vec<Option<crate::core::model::Short>>>,
    },
    /// The last part of taking a long document's analysis, a task after
    /// it was merged with the document: the merged document takes the
    /// document's place.
    Merged {
        /// The job's number.
        job: u64,
        /// The document the analysis was merged with (if the document
        /// changed since, the analysis is merged with it again).
        base: Rc<AnnotatedDocument>,
        /// The document merged.
        merged: Rc<AnnotatedDocument>,
    },
    /// The analysis worker could not start or stopped: say so (once, and
    /// again whenever files waiting to be read are lost with it); the
    /// documents stay open without automatic annotations.
    AnalysisFailed {
        /// Why, for the notice.
        reason: String,
    },
    /// Show a message to the user.
    Notify(Notice),
    /// Dismiss the notice at this position.
    Dismiss(usize),
    /// The learned tagger for `lang` is being loaded.
    ModelLoading {
        /// The model's language ([`MODEL_LANGS`]).
        lang: String,
    },
    /// The learned tagger for `lang` has been installed: analyse every open
    /// document of that language again (the pasted one too), keeping the
    /// user's annotations, the document shown and the paste box. Documents
    /// opened from annotation files keep the annotations the file gave.
    ModelReady {
        /// The model's language ([`MODEL_LANGS`]).
        lang: String,
    },
    /// The learned tagger for `lang` could not be loaded: say so (once) and
    /// keep annotating with the rules; it is not asked for again.
    ModelFailed {
        /// The model's language ([`MODEL_LANGS`]).
        lang: String,
        /// Why, for the notice (`HTTP 404`, the model reader's error).
        reason: String,
    },
    /// Add a label at the end of the set. A name that is empty, too long,
    /// has control characters or is already taken (ignoring case) is
    /// refused with a notice.
    AddLabel {
        /// Its name (surrounding spaces are dropped).
        name: String,
        /// Its colour (`None`: a suggested one).
        colour: Option<Colour>,
    },
    /// Rename label `from` to `to`, in the set and on every annotation of
    /// every open document (one undo step per document that has it). A bad
    /// new name is refused with a notice.
    RenameLabel {
        /// The label's name now.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Give label `name` another colour.
    RecolourLabel {
        /// The label.
        name: String,
        /// Its new colour.
        colour: Colour,
    },
    /// Hide or show the highlights of label `name`.
    SetLabelHidden {
        /// The label.
        name: String,
        /// Whether its highlights are hidden.
        hidden: bool,
    },
    /// Move label `name` to position `to` of the set (the number keys
    /// follow the order).
    MoveLabel {
        /// The label.
        name: String,
        /// Its new position (past the end: last).
        to: usize,
    },
}

/// The languages that have a learned tagger (`models/<lang>.tagger`).
pub const MODEL_LANGS: [&str; 2] = ["id", "en"];

/// The model language a document's language tag uses (`"id"` for `id`,
/// `in`, `id-ID`; `"en"` for `en`, `en-GB`), if there is one.
pub fn model_lang(tag: &str) -> Option<&'static str> {
    super::recognize::model_lang(tag)
}

/// Where the learned tagger of one language stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelStatus {
    /// Being fetched (or read from the page).
    Loading,
    /// Installed: analysis of this language uses it.
    Ready,
    /// Could not be loaded; the rules alone annotate this language.
    Failed,
}

impl ModelStatus {
    /// The word the page shows in `data-model-<lang>`.
    pub fn as_str(self) -> &'static str {
        match self {
            ModelStatus::Loading => "loading",
            ModelStatus::Ready => "ready",
            ModelStatus::Failed => "failed",
        }
    }
}

/// Everything the app shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// The open documents, in the order they were opened.
    pub docs: Vec<Rc<AnnotatedDocument>>,
    /// Which document is shown.
    pub current: Option<usize>,
    /// The text of the paste box (shared with the pasted document, whose
    /// text it is, and with the page's paste box).
    pub pasted: Rc<str>,
    /// The language the user chose for pasted text (`None`: detect it).
    pub pasted_lang: Option<String>,
    /// Messages for the user, oldest first.
    pub notices: Vec<Notice>,
    /// The learned taggers asked for so far, by language ([`MODEL_LANGS`]);
    /// a language not in the map has not been asked for.
    pub models: BTreeMap<String, ModelStatus>,
    /// What is kept about each document besides its annotations (same
    /// order as `docs`).
    pub meta: Vec<DocMeta>,
    /// The annotation of the shown document in focus (being corrected).
    pub focus: Option<String>,
    /// The labels, in order, with their colours (default: the built-in
    /// ones). Every label an open document uses is in it.
    pub labels: LabelSet,
    /// Labels renamed away (not saved): if an undo brings a name back, it
    /// comes back with its colour.
    pub former_labels: Vec<LabelDef>,
    /// Analyses asked for that the UI has not taken yet ([`Workspace::take_jobs`]).
    pub jobs: Vec<Job>,
    /// Batches of files to read that the UI has not taken yet
    /// ([`Workspace::take_file_jobs`]).
    pub file_jobs: Vec<Vec<IncomingFile>>,
    /// Batches of files being read (taken, not answered).
    pub opening: usize,
    /// The number of the last [`Job`].
    pub last_job: u64,
    /// Whether the analysis worker failed (its notice was shown).
    pub analysis_failed: bool,
    /// Actions to apply a moment later, in a task of their own, that the UI
    /// has not taken yet ([`Workspace::take_later`]).
    pub later: Vec<Action>,
}

/// What the workspace keeps about one open document besides its text and
/// annotations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    /// Whether its annotations came from an annotation file (Sorot JSON,
    /// W3C, brat): a model that arrives later leaves those as the file has
    /// them. Choosing a language for such a document analyses it, and
    /// clears the mark.
    pub from_annotation_file: bool,
    /// Its undo and redo steps and the automatic annotations its user
    /// rejected.
    pub history: History,
    /// The analysis it is waiting for, if any.
    pub analysis: Option<Pending>,
    /// The preview of that analysis asked for, if any: its job's number
    /// and the bytes of the text it analyses.
    pub preview: Option<(u64, usize)>,
}

impl Workspace {
    /// The document shown, if any.
    pub fn current_doc(&self) -> Option<&Rc<AnnotatedDocument>> {
        self.current.and_then(|i| self.docs.get(i))
    }

    /// The undo history of document `i`.
    pub fn history(&self, i: usize) -> Option<&History> {
        self.meta.get(i).map(|m| &m.history)
    }

    /// Where the tagger for `lang` stands (`None`: not asked for yet).
    pub fn model_status(&self, lang: &str) -> Option<ModelStatus> {
        self.models.get(lang).copied()
    }

    /// The model languages of the open documents whose tagger has not been
    /// asked for (no status yet), each once, in the order of the documents.
    /// The UI loads these.
    pub fn models_to_load(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for d in &self.docs {
            if let Some(lang) = model_lang(&d.doc.lang) {
                if !self.models.contains_key(lang) && !out.contains(&lang) {
                    out.push(lang);
                }
            }
        }
        out
    }

    /// The analyses asked for since the last call, for the UI to run.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// The batches of files to read since the last call, for the UI to
    /// give the worker.
    pub fn take_file_jobs(&mut self) -> Vec<Vec<IncomingFile>> {
        std::mem::take(&mut self.file_jobs)
    }

    /// The actions to apply a moment later since the last call, for the UI
    /// to dispatch each in a task of its own.
    pub fn take_later(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.later)
    }

    /// Whether work is waiting for the analysis worker: a document's
    /// analysis, or files being read.
    pub fn busy(&self) -> usize {
        self.meta.iter().filter(|m| m.analysis.is_some()).count() + self.opening
    }

    /// Whether document `i` is waiting for an analysis.
    pub fn analysing(&self, i: usize) -> bool {
        self.meta.get(i).is_some_and(|m| m.analysis.is_some())
    }

    /// Applies one action and runs the analyses it asks for at once (the
    /// command line and the tests; the page runs them in its worker and
    /// uses [`Workspace::update`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn apply(&mut self, action: Action) {
        self.update(action);
        for files in self.take_file_jobs() {
            let batch: Vec<(&str, &[u8])> =
                files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect();
            self.update(Action::FilesOpened(wire::open_files(&batch)));
        }
        while !self.jobs.is_empty() || !self.later.is_empty() {
            for action in self.take_later() {
                self.update(action);
            }
            for job in self.take_jobs() {
                let text = job.text();
                let lang =
                    job.lang.as_deref().unwrap_or_else(|| super::recognize::detect_lang(text));
                let (nums, strings) = wire::encode(&super::recognize::analyze(text, lang));
                self.update(Action::Analysed {
                    job: job.id,
                    lang: lang.to_string(),
                    nums,
                    strings,
                });
            }
        }
    }

    /// Asks for the analyses a workspace read back from storage needs: a
    /// document saved before its first analysis came back (no annotations,
    /// not from an annotation file) is analysed again.
    pub fn resume(&mut self) {
        self.sync_meta();
        for i in 0..self.docs.len() {
            let d = &self.docs[i];
            if d.annotations.is_empty()
                && !self.meta[i].from_annotation_file
                && self.meta[i].analysis.is_none()
            {
                let lang = Some(d.doc.lang.clone()).filter(|l| l != UNDETERMINED);
                self.ask(i, lang, None);
            }
        }
    }

    /// Asks for document `i` to be analysed as `lang` (`None`: detect).
    /// `what` names the undo step the answer makes (`None`: none, for a
    /// first analysis; a document still waiting for its first keeps it so).
    fn ask(&mut self, i: usize, lang: Option<String>, what: Option<Msg>) {
        self.sync_meta();
        self.last_job += 1;
        let what = match &self.meta[i].analysis {
            Some(Pending { what: None, .. }) => None,
            _ => what,
        };
        self.meta[i].analysis = Some(Pending { job: self.last_job, what });
        self.jobs.retain(|j| !Rc::ptr_eq(&j.doc, &self.docs[i]));
        let (doc, id) = (self.docs[i].clone(), self.last_job);
        let text = &doc.doc.text;
        self.meta[i].preview = None;
        if doc.annotations.is_empty() && text.len() > PREVIEW_FROM {
            let mut end = PREVIEW_BYTES;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let head = &text[..end];
            let upto = head.rfind('\n').or_else(|| head.rfind(' ')).map_or(end, |k| k + 1);
            self.last_job += 1;
            self.meta[i].preview = Some((self.last_job, upto));
            let lang = lang.clone();
            self.jobs.push(Job { id: self.last_job, doc: doc.clone(), lang, upto });
        }
        let upto = text.len();
        self.jobs.push(Job { id, doc, lang, upto });
    }

    /// The answer to a preview ([`PREVIEW_FROM`]) of document `i`'s
    /// analysis: its annotations, if the document still has none, until
    /// the analysis of the whole text takes their place. (A preview that
    /// cannot be read is dropped: the whole analysis follows.)
    fn previewed(&mut self, i: usize, upto: usize, lang: String, nums: Vec<u32>, strings: String) {
        let d = &self.docs[i];
        if !d.annotations.is_empty() || self.meta[i].analysis.is_none() {
            return;
        }
        let Ok(spans) = wire::check(nums, strings, &d.doc.text[..upto]) else { return };
        if spans.len() > LATER_FROM {
            return;
        }
        let doc = Document { name: d.doc.name.clone(), lang, text: d.doc.text.clone() };
        self.docs[i] = Rc::new(Numbering::at_once(doc, spans));
    }

    /// An answer of the analysis worker.
    fn analysed(&mut self, job: u64, lang: String, nums: Vec<u32>, strings: String) {
        self.sync_meta();
        let preview = self.meta.iter().position(|m| m.preview.is_some_and(|(p, _)| p == job));
        if let Some(i) = preview {
            if let Some((_, upto)) = self.meta[i].preview.take() {
                self.previewed(i, upto, lang, nums, strings);
            }
            return;
        }
        let Some(i) = self.waiting_for(job) else { return };
        let old = &self.docs[i];
        let spans = match wire::check(nums, strings, &old.doc.text) {
            Ok(spans) => spans,
            Err(why) => {
                self.meta[i].analysis = None;
                self.notices.push(Notice::keyed(NoticeKind::Error, wire::damaged(why)));
                return;
            }
        };
        let doc = Document { name: old.doc.name.clone(), lang, text: old.doc.text.clone() };
        if spans.len() > LATER_FROM {
            // Numbered and merged in tasks of their own, still waited for
            // meanwhile.
            let work = Work::new(Numbering::new(doc, spans));
            self.later.push(Action::Number { work, to: NumberFor::Job(job) });
            return;
        }
        let fresh = Numbering::at_once(doc, spans);
        self.refresh(job, Rc::new(fresh));
    }

    /// Numbers the next part of a long analysis; once all are numbered,
    /// the next task makes the document, which is merged into its
    /// document a task later, or opened as a file.
    fn number(&mut self, work: Work, to: NumberFor) {
        if let NumberFor::Job(job) = to {
            if self.waiting_for(job).is_none() {
                return;
            }
        }
        // The document is made a task after the last part is numbered (the
        // two together were the longest task of opening a 10 MB file).
        // (Taken by the last step: an action applied twice does nothing
        // the second time.)
        let done = match work.0.borrow_mut().as_mut() {
            Some(n) if n.is_done() => true,
            Some(n) => {
                n.step(NUMBER_PER_TASK);
                false
            }
            None => return,
        };
        if !done {
            self.later.push(Action::Number { work, to });
            return;
        }
        let Some(numbering) = work.0.borrow_mut().take() else { return };
        let doc = numbering.finish();
        match to {
            NumberFor::Job(job) => self.later.push(Action::Refreshed { job, fresh: Rc::new(doc) }),
            NumberFor::File { show } => {
                self.opening = self.opening.saturating_sub(1);
                self.docs.push(Rc::new(doc));
                let i = self.docs.len() - 1;
                self.fresh_meta(i, false);
                self.sync_labels();
                if show {
                    self.focus = None;
                    self.current = Some(i);
                }
            }
        }
    }

    /// The document waiting for [`Job`] `job`, if one still is.
    fn waiting_for(&self, job: u64) -> Option<usize> {
        self.meta.iter().position(|m| m.analysis.as_ref().is_some_and(|p| p.job == job))
    }

    /// Takes the fresh analysis of [`Job`] `job` (numbered, not yet merged
    /// with what the document has): merges it, and puts it in the
    /// document's place at once, or a task later for a long one
    /// ([`Action::Merged`]).
    fn refresh(&mut self, job: u64, fresh: Rc<AnnotatedDocument>) {
        self.sync_meta();
        let Some(i) = self.waiting_for(job) else { return };
        let fresh = Rc::unwrap_or_clone(fresh);
        let long = fresh.annotations.len() > LATER_FROM;
        if long && !self.docs[i].annotations.is_empty() {
            // The merge in two tasks: the ids now, the rest in the next.
            let ids = Rc::new(self.docs[i].refresh_ids(&fresh));
            let base = self.docs[i].clone();
            self.later.push(Action::Paired { job, base, fresh: Rc::new(fresh), ids });
            return;
        }
        let merged = self.docs[i].refreshed(fresh);
        if long {
            // It takes the document's place in a task of its own (a long
            // article's old document goes then, and the page draws it).
            let base = self.docs[i].clone();
            self.later.push(Action::Merged { job, base, merged: Rc::new(merged) });
            return;
        }
        self.install(i, merged);
    }

    /// [`Action::Paired`].
    fn paired(
        &mut self,
        job: u64,
        base: Rc<AnnotatedDocument>,
        fresh: Rc<AnnotatedDocument>,
        ids: Rc<Vec<Option<crate::core::model::Short>>>,
    ) {
        self.sync_meta();
        let Some(i) = self.waiting_for(job) else { return };
        let fresh = Rc::unwrap_or_clone(fresh);
        // Changed between the two tasks (an edit): merged with it as it
        // is now, from the start.
        let merged = if Rc::ptr_eq(&self.docs[i], &base) {
            self.docs[i].refreshed_with(fresh, Rc::unwrap_or_clone(ids))
        } else {
            self.docs[i].refreshed(fresh)
        };
        drop(base);
        let base = self.docs[i].clone();
        self.later.push(Action::Merged { job, base, merged: Rc::new(merged) });
    }

    /// [`Action::Merged`].
    fn merged(&mut self, job: u64, base: Rc<AnnotatedDocument>, merged: Rc<AnnotatedDocument>) {
        self.sync_meta();
        let Some(i) = self.waiting_for(job) else { return };
        let mut merged = Rc::unwrap_or_clone(merged);
        if !Rc::ptr_eq(&self.docs[i], &base) {
            // Changed between the two tasks (an edit): the analysis's
            // automatic annotations are merged with it as it is now.
            let auto = merged.annotations.iter().filter(|a| a.source == Source::Auto).cloned();
            let fresh = merged.with_annotations(auto.collect());
            merged = self.docs[i].refreshed(fresh);
        }
        drop(base);
        self.install(i, merged);
    }

    /// Document `i`, merged with the analysis it waited for, takes its
    /// place.
    fn install(&mut self, i: usize, fresh: AnnotatedDocument) {
        let Some(pending) = self.meta[i].analysis.take() else { return };
        match pending.what {
            Some(what) => self.reanalysed(i, fresh, what),
            None => {
                let fresh = edit::without_rejected(fresh, &self.meta[i].history.rejected);
                self.docs[i] = Rc::new(fresh);
                self.drop_lost_focus();
            }
        }
    }

    /// Applies one action. Analysis it needs is asked for in
    /// [`Workspace::jobs`] and comes back as [`Action::Analysed`].
    pub fn update(&mut self, action: Action) {
        self.sync_meta();
        // Only these can bring a label into a document that the set lacks
        // (a file's own labels, an undone rename, a fresh analysis after a
        // built-in label was renamed); the rest need no look at every
        // annotation (focus and selection change on every click).
        let labels_may_grow = matches!(
            action,
            Action::Paste(_)
                | Action::FilesOpened(_)
                | Action::Edit { .. }
                | Action::Undo(_)
                | Action::Redo(_)
                | Action::SetLang { .. }
                | Action::ModelReady { .. }
                | Action::Restore(_)
                | Action::Analysed { .. }
                | Action::Refreshed { .. }
                | Action::Paired { .. }
                | Action::Merged { .. }
        );
        match action {
            Action::Paste(text) => self.paste(text),
            Action::OpenFiles(files) => {
                // A Sorot JSON file's own labels (colours, hidden, order)
                // join the set, after the labels already there.
                for f in files.iter().filter(|f| f.name.to_lowercase().ends_with(".json")) {
                    if let Some(set) = sorot_json::labels_in(&f.bytes) {
                        for def in set.defs() {
                            self.labels.insert(def.clone());
                        }
                    }
                }
                self.opening += 1;
                self.file_jobs.push(files);
            }
            Action::FilesOpened(files) => {
                self.opening = self.opening.saturating_sub(1);
                self.files_opened(files);
            }
            Action::FileRejected { name, reason } => {
                let e = import::ImportError { name, error: reason };
                self.notices.push(Notice::keyed(NoticeKind::Error, e.msg()));
            }
            Action::Select(i) => {
                if i < self.docs.len() {
                    if self.current != Some(i) {
                        self.focus = None;
                    }
                    self.current = Some(i);
                }
            }
            Action::Edit { index, edit } => self.edit(index, &edit),
            Action::ClearAll => {
                *self = Workspace {
                    models: std::mem::take(&mut self.models),
                    last_job: self.last_job,
                    analysis_failed: self.analysis_failed,
                    ..Workspace::default()
                }
            }
            Action::Undo(i) => self.undo_redo(i, true),
            Action::Redo(i) => self.undo_redo(i, false),
            Action::Focus(id) => {
                self.focus =
                    id.filter(|id| self.current_doc().is_some_and(|d| d.get(id).is_some()));
            }
            Action::Close(i) => {
                if i < self.docs.len() {
                    // The pasted document closed empties the paste box (a
                    // paste into it would otherwise land in the old text,
                    // and a long one's placeholder would speak of an
                    // article no longer open).
                    if self.docs[i].doc.name == PASTED_NAME {
                        self.pasted = Rc::from("");
                    }
                    self.docs.remove(i);
                    self.sync_meta();
                    self.meta.remove(i);
                    if self.current == Some(i) {
                        self.focus = None;
                    }
                    self.current = match self.current {
                        _ if self.docs.is_empty() => None,
                        Some(c) if c > i => Some(c - 1),
                        Some(c) => Some(c.min(self.docs.len() - 1)),
                        None => None,
                    };
                }
            }
            Action::Notify(n) => self.notices.push(n),
            Action::Analysed { job, lang, nums, strings } => {
                self.analysed(job, lang, nums, strings)
            }
            Action::Number { work, to } => self.number(work, to),
            Action::Refreshed { job, fresh } => self.refresh(job, fresh),
            Action::Paired { job, base, fresh, ids } => self.paired(job, base, fresh, ids),
            Action::Merged { job, base, merged } => self.merged(job, base, merged),
            Action::AnalysisFailed { reason } => {
                for m in &mut self.meta {
                    m.analysis = None;
                }
                self.jobs.clear();
                self.file_jobs.clear();
                // Said once, and again whenever files were waiting (they
                // did not open).
                let files_lost = std::mem::take(&mut self.opening) > 0;
                if !std::mem::replace(&mut self.analysis_failed, true) || files_lost {
                    let msg = Msg::new("notice.analysis-failed").text("reason", reason);
                    self.notices.push(Notice::keyed(NoticeKind::Error, msg));
                }
            }
            Action::SetLang { index, lang } => {
                if let Some(doc) = self.docs.get(index) {
                    if doc.doc.name == PASTED_NAME {
                        self.pasted_lang = lang.clone();
                    }
                    let what = match lang.as_deref().and_then(model_lang) {
                        Some(l) => Msg::new("step.analyse-as").key_or(
                            "lang",
                            format!("step.lang-name.{l}"),
                            l,
                        ),
                        None => Msg::new("step.analyse-again"),
                    };
                    self.meta[index].from_annotation_file = false;
                    self.ask(index, lang, Some(what));
                }
            }
            Action::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ModelLoading { lang } => {
                self.models.insert(lang, ModelStatus::Loading);
            }
            Action::ModelReady { lang } => self.model_ready(lang),
            Action::Restore(saved) => {
                let models = std::mem::take(&mut self.models);
                let mut notices = std::mem::take(&mut self.notices);
                let (last_job, failed) = (self.last_job, self.analysis_failed);
                *self = *saved;
                self.last_job = last_job;
                self.analysis_failed = failed;
                self.jobs.clear();
                self.resume();
                notices.append(&mut self.notices);
                self.notices = notices;
                let ready: Vec<String> = models
                    .iter()
                    .filter(|(_, s)| **s == ModelStatus::Ready)
                    .map(|(lang, _)| lang.clone())
                    .collect();
                self.models = models;
                for lang in ready {
                    self.model_ready(lang);
                }
            }
            Action::ModelFailed { lang, reason } => {
                if self.models.insert(lang.clone(), ModelStatus::Failed)
                    != Some(ModelStatus::Failed)
                {
                    let msg = Msg::new("notice.model-failed").text("reason", reason);
                    let msg = match lang.as_str() {
                        "id" | "en" => msg.key("lang", format!("lang.{lang}")),
                        other => msg.text("lang", other),
                    };
                    self.notices.push(Notice::keyed(NoticeKind::Info, msg));
                }
            }
            Action::AddLabel { name, colour } => {
                if let Err(why) = self.labels.add(&name, colour) {
                    let msg = Msg::new("labels.not-added").text("name", name.trim());
                    self.notices.push(Notice::keyed(NoticeKind::Error, label_why(msg, why)));
                }
            }
            Action::RenameLabel { from, to } => self.rename_label(&from, &to),
            Action::RecolourLabel { name, colour } => {
                self.labels.recolour(&name, colour);
            }
            Action::SetLabelHidden { name, hidden } => {
                self.labels.set_hidden(&name, hidden);
            }
            Action::MoveLabel { name, to } => {
                self.labels.move_to(&name, to);
            }
        }
        if labels_may_grow {
            self.sync_labels();
        }
    }

    /// Adds to the label set every label an open document uses and the set
    /// lacks, at the end (one renamed away comes back with its colour).
    pub fn sync_labels(&mut self) {
        // A long article has a hundred thousand annotations and a handful
        // of labels: each distinct label is looked up once. The first few
        // seen are compared with each annotation's, not hashed; any more
        // are kept in a set.
        let mut few: Vec<&Label> = Vec::new();
        let mut more: rustc_hash::FxHashSet<&str> = Default::default();
        for d in &self.docs {
            for a in &d.annotations {
                if few.contains(&&a.label) {
                    continue;
                }
                let new = if few.len() < 16 {
                    few.push(&a.label);
                    true
                } else {
                    more.insert(a.label.as_str())
                };
                if new && self.labels.get(&a.label).is_none() {
                    match self.former_labels.iter().find(|f| f.name == a.label) {
                        Some(f) => self.labels.insert(f.clone()),
                        None => self.labels.ensure(&a.label),
                    };
                }
            }
        }
    }

    /// Renames a label in the set and on every annotation of every open
    /// document, one undo step per document.
    fn rename_label(&mut self, from: &str, to: &str) {
        let old = self.labels.get(from).cloned();
        let new = match self.labels.rename(from, to) {
            Ok(new) => new,
            Err(why) => {
                let msg = Msg::new("labels.not-renamed").text("name", from);
                self.notices.push(Notice::keyed(NoticeKind::Error, label_why(msg, why)));
                return;
            }
        };
        let Some(old) = old.filter(|_| new != from) else { return };
        self.former_labels.retain(|f| f.name != from && f.name != new);
        self.former_labels.push(old);
        for i in 0..self.docs.len() {
            let d = &self.docs[i];
            if !d.annotations.iter().any(|a| a.label == from) {
                continue;
            }
            let anns = d
                .annotations
                .iter()
                .map(|a| {
                    let mut a = a.clone();
                    if a.label == from {
                        a.label = Label::from(&new);
                    }
                    a
                })
                .collect();
            let renamed = d.with_annotations(anns);
            let what = Msg::new("step.rename").text("from", from).text("to", new.as_str());
            self.replace(i, renamed, what, Vec::new());
        }
    }

    /// Keeps one [`DocMeta`] per document (a document added without one
    /// gets the default).
    fn sync_meta(&mut self) {
        self.meta.resize_with(self.docs.len().max(self.meta.len()), DocMeta::default);
    }

    /// Sets whether document `i` came from an annotation file, and starts
    /// its history afresh.
    fn fresh_meta(&mut self, i: usize, from_file: bool) {
        self.sync_meta();
        self.meta[i] = DocMeta {
            from_annotation_file: from_file,
            history: History::default(),
            analysis: None,
            preview: None,
        };
    }

    /// Replaces document `i` with its new analysis, without what its user
    /// rejected, as one undo step.
    fn reanalysed(&mut self, i: usize, fresh: AnnotatedDocument, what: Msg) {
        self.sync_meta();
        let fresh = edit::without_rejected(fresh, &self.meta[i].history.rejected);
        self.replace(i, fresh, what, Vec::new());
    }

    /// Replaces document `i` (same text) and records the change.
    fn replace(&mut self, i: usize, new: AnnotatedDocument, what: Msg, rejected: Vec<Rejected>) {
        self.sync_meta();
        if let Some(step) = Step::between(what, &self.docs[i], &new, rejected) {
            self.meta[i].history.record(step);
        }
        self.docs[i] = Rc::new(new);
        self.drop_lost_focus();
    }

    /// Clears the focus when its annotation is gone.
    fn drop_lost_focus(&mut self) {
        if let Some(id) = &self.focus {
            if self.current_doc().is_none_or(|d| d.get(id).is_none()) {
                self.focus = None;
            }
        }
    }

    fn edit(&mut self, i: usize, e: &Edit) {
        let Some(doc) = self.docs.get(i) else { return };
        let Some(out) = edit::apply(doc, e) else { return };
        let new = doc.with_annotations(out.annotations);
        self.replace(i, new, e.describe(), out.rejected);
        if self.current == Some(i) {
            self.focus = out.focus;
        }
    }

    fn undo_redo(&mut self, i: usize, undo: bool) {
        self.sync_meta();
        let Some(doc) = self.docs.get(i) else { return };
        let h = &mut self.meta[i].history;
        let changed = if undo { h.undo(doc) } else { h.redo(doc) };
        if let Some(d) = changed {
            self.docs[i] = Rc::new(d);
            self.drop_lost_focus();
        }
    }

    /// Marks `lang`'s tagger ready and analyses that language's documents
    /// again with it (as their own language, so a language the user chose
    /// stays chosen), as one undo step per document. User annotations, the
    /// document shown and the paste box are kept, and automatic annotations
    /// the user rejected stay away; documents of other languages, and those
    /// opened from annotation files, are not touched.
    fn model_ready(&mut self, lang: String) {
        self.sync_meta();
        for i in 0..self.docs.len() {
            let d = &self.docs[i];
            if !self.meta[i].from_annotation_file && model_lang(&d.doc.lang) == Some(lang.as_str())
            {
                let lang = Some(d.doc.lang.clone());
                self.ask(i, lang, Some(Msg::new("step.model")));
            }
        }
        self.models.insert(lang, ModelStatus::Ready);
    }

    /// A new text in the paste box replaces the pasted document (its
    /// corrections and history go with the old text); the same text again
    /// only shows it.
    fn paste(&mut self, text: Rc<str>) {
        let at = self.docs.iter().position(|d| d.doc.name == PASTED_NAME);
        if let Some(i) = at {
            if *self.docs[i].doc.text == *text {
                self.pasted = text;
                self.current = Some(i);
                return;
            }
        }
        let lang = self.pasted_lang.clone();
        // Until the analysis comes back, the highlights before and after
        // the changed part of the text stay where they were (typing does
        // not make the whole text flash).
        let kept = match at {
            Some(i) => carried_over(&self.docs[i], &text),
            None => Vec::new(),
        };
        let doc = Document {
            name: PASTED_NAME.to_string(),
            lang: lang.clone().unwrap_or_else(|| match at {
                Some(i) => self.docs[i].doc.lang.clone(),
                None => UNDETERMINED.to_string(),
            }),
            text: text.clone(),
        };
        let doc = Rc::new(AnnotatedDocument::new(doc, kept));
        self.pasted = text;
        let i = match at {
            Some(i) => {
                self.docs[i] = doc;
                i
            }
            None => {
                self.docs.push(doc);
                self.docs.len() - 1
            }
        };
        self.fresh_meta(i, false);
        self.ask(i, lang, None);
        if self.current != Some(i) || at.is_some() {
            self.focus = None;
        }
        self.current = Some(i);
    }

    fn files_opened(&mut self, files: Vec<wire::OpenedFile>) {
        let mut first = None;
        // A long text is numbered in tasks of its own and opens after the
        // rest of its batch; when it comes first in the batch, it is shown
        // when it opens (the file after it until then).
        let mut shown_later = false;
        for result in files.into_iter().map(wire::decode_opened_parts) {
            let result = match result {
                Ok(wire::Decoded::Spans { doc, spans, note_msgs }) if spans.len() > LATER_FROM => {
                    for note in note_msgs {
                        self.notices.push(Notice::keyed(NoticeKind::Info, note));
                    }
                    let show = first.is_none() && !shown_later;
                    shown_later |= show;
                    self.opening += 1;
                    let work = Work::new(Numbering::new(doc, spans));
                    self.later.push(Action::Number { work, to: NumberFor::File { show } });
                    continue;
                }
                other => other.map(wire::Decoded::into_opened),
            };
            match result {
                Ok(opened) => {
                    for note in opened.note_msgs {
                        self.notices.push(Notice::keyed(NoticeKind::Info, note));
                    }
                    self.docs.push(Rc::new(opened.doc));
                    let i = self.docs.len() - 1;
                    self.fresh_meta(i, opened.from_annotation_file);
                    first.get_or_insert(i);
                }
                Err(msg) => self.notices.push(Notice::keyed(NoticeKind::Error, msg)),
            }
        }
        if first.is_some() {
            self.focus = None;
            self.current = first;
        }
    }
}

/// The automatic annotations of `old` that lie wholly before or after the
/// part of its text that `new` changes, placed in `new` (no annotation of
/// the user: the paste box's document starts afresh with each text).
fn carried_over(old: &AnnotatedDocument, new: &str) -> Vec<super::model::Annotation> {
    let a: &str = &old.doc.text;
    let (ab, nb) = (a.as_bytes(), new.as_bytes());
    // The common start and end, compared as bytes (typing into a long text
    // takes this at every pause), then cut back to whole characters: where
    // the bytes before are the same, a character boundary of one text is
    // one of the other.
    let mut pre = ab.iter().zip(nb).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(pre) {
        pre -= 1;
    }
    let room = ab.len().min(nb.len()) - pre;
    let mut suf =
        ab.iter().rev().zip(nb.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(ab.len() - suf) {
        suf -= 1;
    }
    let index = old.index();
    let (prefix, old_tail) = (index.char_of_byte(a, pre), index.char_of_byte(a, ab.len() - suf));
    let a_len = index.char_len();
    let b_len = a_len - (old_tail - prefix) + new[pre..nb.len() - suf].chars().count();
    let stays = |x: &super::model::Annotation| {
        x.source == super::model::Source::Auto && (x.end <= prefix || x.start >= old_tail)
    };
    // A quotation whose speaker did not stay keeps no link.
    let speakers = old.speaker_indices();
    old.annotations
        .iter()
        .filter(|x| stays(x))
        .map(|x| {
            let mut y = x.clone();
            if x.end > prefix {
                y.start = x.start + b_len - a_len;
                y.end = x.end + b_len - a_len;
            }
            if let Some(s) = y.speaker.as_deref() {
                if !speakers.get(s).is_some_and(|&k| stays(&old.annotations[k])) {
                    y.speaker = None;
                }
            }
            y
        })
        .collect()
}

/// `msg` with the reason a label name was refused (`labels::check_name`,
/// `LabelSet::add`) as its `why`: the common reasons as catalogue
/// messages, any other in English.
fn label_why(msg: Msg, why: String) -> Msg {
    let taken = why.strip_prefix("there is already a label “").and_then(|r| r.strip_suffix('”'));
    let limit = why.strip_prefix("a label name has at most ").and_then(|r| {
        let (max, rest) = r.split_once(" characters (this one has ")?;
        Some((max, rest.strip_suffix(')')?))
    });
    match (why.as_str(), taken, limit) {
        ("a label needs a name", ..) => msg.msg("why", Msg::new("labels.why-empty")),
        ("a label name cannot contain control characters", ..) => {
            msg.msg("why", Msg::new("labels.why-control"))
        }
        (_, Some(name), _) => msg.msg("why", Msg::new("labels.why-taken").text("name", name)),
        (_, _, Some((max, n))) => {
            msg.msg("why", Msg::new("labels.why-long").text("max", max).text("n", n))
        }
        _ => msg.text("why", why),
    }
}

/// Decodes a dropped or picked `.txt` file into text: UTF-8 (a BOM is
/// removed), UTF-16 with a BOM, or Windows-1252 (see
/// [`import::text::decode`], which also says whether the fallback was
/// used). Line endings are kept as they are.
pub fn decode_text_file(name: &str, bytes: &[u8]) -> Result<String, FileError> {
    let lower = name.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".text")) {
        return Err(FileError::Unsupported);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    import::text::decode(bytes).map(|(text, _)| text)
}

#[cfg(test)]
mod i18n_tests {
    use super::*;
    use crate::core::i18n::catalogue;

    /// The label notices say in English what they said before they had
    /// keys, and have an Indonesian text without English reasons.
    #[test]
    fn label_notices() {
        let mut ws = Workspace::default();
        let long = "x".repeat(200);
        for (name, why) in [
            ("  ", "a label needs a name".to_string()),
            ("a\u{7}b", "a label name cannot contain control characters".to_string()),
            ("PERSON", "there is already a label “PERSON”".to_string()),
            (long.as_str(), crate::core::labels::check_name(&long).unwrap_err()),
        ] {
            ws.apply(Action::AddLabel { name: name.to_string(), colour: None });
            let n = ws.notices.pop().unwrap();
            assert_eq!(n.message, format!("The label “{}” was not added: {why}.", name.trim()));
            let id = catalogue("id").msg(n.key.as_ref().unwrap());
            assert!(id.starts_with("Label “") && !id.contains("label name"), "{id}");
        }
    }
}
