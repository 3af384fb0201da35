//! The interface's language: the catalogue in use ([`Tr`], given to every
//! component through a Yew context), and the choice of it (the browser's
//! language, or the one picked in the header, kept by [`storage`]).
//!
//! The texts are in `i18n/<code>.txt`; the lookup is
//! [`crate::core::i18n`].
//!
//! [`storage`]: super::storage

use yew::prelude::*;

use crate::core::i18n::{catalogue, Catalogue, Msg, FALLBACK};
use crate::core::state::Notice;

/// The catalogue the page speaks.
#[derive(Clone, Copy, Debug)]
pub struct Tr(pub &'static Catalogue);

impl PartialEq for Tr {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Default for Tr {
    /// English (what a component shows outside the app's context).
    fn default() -> Self {
        Tr(catalogue(FALLBACK))
    }
}

impl Tr {
    /// The catalogue of language `code` (English if there is none).
    pub fn of(code: &str) -> Tr {
        Tr(catalogue(code))
    }

    /// The language's code (`en`, `id`).
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The text of `key`.
    pub fn t(self, key: &'static str) -> &'static str {
        self.0.get(key)
    }

    /// The text of `key` with its placeholders filled in.
    pub fn f(self, key: &str, args: &[(&str, &str)]) -> String {
        self.0.format(key, args)
    }

    /// A message made elsewhere (the core, storage).
    pub fn msg(self, m: &Msg) -> String {
        self.0.msg(m)
    }

    /// What the page shows for a notice: its message in this language if it
    /// has one, else its English text.
    pub fn notice(self, n: &Notice) -> String {
        n.key.as_ref().map_or_else(|| n.message.clone(), |m| self.msg(m))
    }

    /// The name shown for a label: the built-in ones translated, the
    /// user's own as they named them.
    pub fn label(self, name: &str) -> String {
        match name {
            "PERSON" => self.t("label.PERSON"),
            "ORG" => self.t("label.ORG"),
            "LOC" => self.t("label.LOC"),
            "DATE" => self.t("label.DATE"),
            "QUOTE" => self.t("label.QUOTE"),
            other => other,
        }
        .to_string()
    }
}

/// The catalogue of the page, for a component.
#[hook]
pub fn use_tr() -> Tr {
    use_context::<Tr>().unwrap_or_default()
}
