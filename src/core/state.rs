//! The workspace: the open documents, which one is shown, and the notices
//! for the user. State is data; every change is an [`Action`] applied by
//! [`Workspace::apply`], which has no side effects (reading files, storage
//! and downloads happen in the UI before or after).

use std::rc::Rc;

use super::model::AnnotatedDocument;
use super::recognize::annotate;

/// Name of the document made from pasted text.
pub const PASTED_NAME: &str = "pasted-article";

/// The largest file Sorot opens, in bytes.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

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
    /// The text shown.
    pub message: String,
}

/// A change to the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The paste box now holds this text: (re)annotate the pasted document
    /// and show it.
    Paste(String),
    /// Open these files as documents (the first one that opens is shown).
    OpenFiles(Vec<IncomingFile>),
    /// Report a file that was not opened before it reached the core (too
    /// large to read, or the browser refused to read it).
    FileRejected {
        /// The file's name.
        name: String,
        /// Why it was not opened.
        reason: FileError,
    },
    /// Show the document at this position in the list.
    Select(usize),
    /// Close the document at this position.
    Close(usize),
    /// Show a message to the user.
    Notify(Notice),
    /// Dismiss the notice at this position.
    Dismiss(usize),
}

/// Everything the app shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// The open documents, in the order they were opened.
    pub docs: Vec<Rc<AnnotatedDocument>>,
    /// Which document is shown.
    pub current: Option<usize>,
    /// The text of the paste box.
    pub pasted: String,
    /// Messages for the user, oldest first.
    pub notices: Vec<Notice>,
}

impl Workspace {
    /// The document shown, if any.
    pub fn current_doc(&self) -> Option<&Rc<AnnotatedDocument>> {
        self.current.and_then(|i| self.docs.get(i))
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Paste(text) => self.paste(text),
            Action::OpenFiles(files) => self.open_files(files),
            Action::FileRejected { name, reason } => {
                self.error(format!("“{name}” was not opened: {reason}."))
            }
            Action::Select(i) => {
                if i < self.docs.len() {
                    self.current = Some(i);
                }
            }
            Action::Close(i) => {
                if i < self.docs.len() {
                    self.docs.remove(i);
                    self.current = match self.current {
                        _ if self.docs.is_empty() => None,
                        Some(c) if c > i => Some(c - 1),
                        Some(c) => Some(c.min(self.docs.len() - 1)),
                        None => None,
                    };
                }
            }
            Action::Notify(n) => self.notices.push(n),
            Action::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }

    fn paste(&mut self, text: String) {
        let doc = Rc::new(annotate(PASTED_NAME, &text));
        self.pasted = text;
        match self.docs.iter().position(|d| d.doc.name == PASTED_NAME) {
            Some(i) => {
                self.docs[i] = doc;
                self.current = Some(i);
            }
            None => {
                self.docs.push(doc);
                self.current = Some(self.docs.len() - 1);
            }
        }
    }

    fn open_files(&mut self, files: Vec<IncomingFile>) {
        let mut first = None;
        for f in files {
            match decode_text_file(&f.name, &f.bytes) {
                Ok(text) => {
                    self.docs.push(Rc::new(annotate(&f.name, &text)));
                    first.get_or_insert(self.docs.len() - 1);
                }
                Err(e) => self.error(format!("“{}” was not opened: {e}.", f.name)),
            }
        }
        if first.is_some() {
            self.current = first;
        }
    }

    fn error(&mut self, message: String) {
        self.notices.push(Notice { kind: NoticeKind::Error, message });
    }
}

/// Why a file could not be opened as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file's extension is not one Sorot reads.
    Unsupported,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// The file has no text in it.
    Empty,
    /// The file holds bytes that are not text (NUL bytes, or not UTF-8/UTF-16).
    NotText,
    /// The browser could not read the file.
    Unreadable,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Unsupported => write!(f, "only plain-text .txt files can be opened"),
            FileError::TooLarge(n) => write!(
                f,
                "it is {:.1} MB, and the limit is {} MB",
                *n as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            FileError::Empty => write!(f, "it is empty"),
            FileError::NotText => {
                write!(f, "it is not UTF-8 or UTF-16 text (is it a binary file?)")
            }
            FileError::Unreadable => write!(f, "the browser could not read it"),
        }
    }
}

impl std::error::Error for FileError {}

/// Decodes a dropped or picked file into text: UTF-8 (a BOM is removed) or
/// UTF-16 with a BOM. Line endings are kept as they are.
pub fn decode_text_file(name: &str, bytes: &[u8]) -> Result<String, FileError> {
    let lower = name.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".text")) {
        return Err(FileError::Unsupported);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).map(str::to_owned).ok(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => std::str::from_utf8(bytes).map(str::to_owned).ok(),
    }
    .ok_or(FileError::NotText)?;
    if text.contains('\0') {
        return Err(FileError::NotText);
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}
