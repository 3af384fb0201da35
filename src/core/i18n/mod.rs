//! The interface's words: one catalogue per language, `i18n/<code>.txt`,
//! and the lookup. A third language is a file: `build.rs` finds every
//! catalogue, includes it in the build ([`CATALOGUES`]) and refuses one
//! that lacks a key `en.txt` has, has a key `en.txt` lacks, or uses a
//! placeholder the English text does not have.
//!
//! A catalogue is `key = text` lines (blank lines and lines starting with
//! `#` are comments). `{name}` in a text is a placeholder, filled in by
//! [`Catalogue::format`]; `{{` and `}}` stand for literal braces. The key
//! `language.name` is the language's own name for itself (the language
//! switch shows it).
//!
//! Messages made in the core (notices) carry a [`Msg`] beside their
//! English text, so the page can show them in the reader's language while
//! the command line and the tests read the English.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use syntax::{parse, placeholders};

mod syntax;

// `CATALOGUES: &[(&str, &str)]`: (language code, catalogue text), English
// first; written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/i18n_table.rs"));

/// The language every other falls back to, and whose keys are the list.
pub const FALLBACK: &str = "en";

/// A message that can be shown in any language: a catalogue key and the
/// values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The catalogue key.
    pub key: &'static str,
    /// The placeholders' values, by name.
    pub args: Vec<(&'static str, Arg)>,
}

/// The value of a placeholder: text as it is, or another key looked up in
/// the same catalogue (a language's name, a reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is (a file name, a number).
    Text(String),
    /// Looked up in the catalogue.
    Key(String),
    /// Another message, in the same language.
    Msg(Box<Msg>),
    /// Looked up in the catalogue if it has the key; otherwise the text
    /// given (a label the user named, which no catalogue knows).
    KeyOr(String, String),
}

impl Msg {
    /// A message without placeholders.
    pub fn new(key: &'static str) -> Msg {
        Msg { key, args: Vec::new() }
    }

    /// Adds a placeholder's value shown as it is.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a placeholder whose value is the catalogue text of `key`.
    pub fn key(mut self, name: &'static str, key: impl Into<String>) -> Msg {
        self.args.push((name, Arg::Key(key.into())));
        self
    }

    /// Adds a placeholder whose value is the catalogue text of `key`, or
    /// `or` where no catalogue has that key.
    pub fn key_or(
        mut self,
        name: &'static str,
        key: impl Into<String>,
        or: impl Into<String>,
    ) -> Msg {
        self.args.push((name, Arg::KeyOr(key.into(), or.into())));
        self
    }

    /// Adds a placeholder whose value is another message.
    pub fn msg(mut self, name: &'static str, msg: Msg) -> Msg {
        self.args.push((name, Arg::Msg(Box::new(msg))));
        self
    }

    /// The message in English.
    pub fn english(&self) -> String {
        catalogue(FALLBACK).msg(self)
    }
}

/// One language's texts, sorted by key.
#[derive(Debug)]
pub struct Catalogue {
    /// The language's code (the file's name): `en`, `id`.
    pub code: &'static str,
    entries: Vec<(&'static str, &'static str)>,
}

/// Every catalogue in the build, parsed once, English first.
pub fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| {
        // build.rs has checked every catalogue, and wrote English as
        // `key=text` lines sorted by key and every other language as its
        // texts alone, one a line in the same order.
        let mut all: Vec<Catalogue> = Vec::with_capacity(CATALOGUES.len());
        for &(code, text) in CATALOGUES {
            let entries = match all.first() {
                None => text.lines().filter_map(|l| l.split_once('=')).collect(),
                Some(en) => en.entries.iter().map(|e| e.0).zip(text.split('\n')).collect(),
            };
            all.push(Catalogue { code, entries });
        }
        all
    })
}

/// The catalogue key equal to `key`, as the `'static` text a [`Msg`]
/// holds (a message read back from text).
pub fn static_key(key: &str) -> Option<&'static str> {
    let en = catalogue(FALLBACK);
    en.entries.binary_search_by(|e| e.0.cmp(key)).ok().map(|i| en.entries[i].0)
}

/// The placeholder `name` of catalogue key `key` in English, as `'static`
/// text.
pub fn static_placeholder(key: &str, name: &str) -> Option<&'static str> {
    let en = catalogue(FALLBACK);
    let text = en.find(key)?;
    syntax::placeholders(text).ok()?.into_iter().find(|p| *p == name)
}

/// The catalogue of `code`, or the English one if there is none.
pub fn catalogue(code: &str) -> &'static Catalogue {
    let all = catalogues();
    all.iter().find(|c| c.code == code).unwrap_or(&all[0])
}

/// The catalogue for a browser's language tag (`navigator.language`):
/// its primary subtag (`in` is Indonesian's old code), English if there is
/// no catalogue for it.
pub fn for_locale(tag: &str) -> &'static str {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let primary = if primary == "in" { "id".to_string() } else { primary };
    catalogues().iter().find(|c| c.code == primary).map_or(FALLBACK, |c| c.code)
}

impl Catalogue {
    /// The text of `key`: this language's, else English, else the key.
    pub fn get<'k>(&self, key: &'k str) -> &'k str {
        // A key no catalogue has (a bug) shows as itself.
        self.find(key).unwrap_or(key)
    }

    /// The text of `key`: this language's, else English, if either has it.
    fn find(&self, key: &str) -> Option<&'static str> {
        let find = |c: &Catalogue| {
            c.entries.binary_search_by(|e| e.0.cmp(key)).ok().map(|i| c.entries[i].1)
        };
        find(self).or_else(|| find(catalogue(FALLBACK)))
    }

    /// The language's name for itself.
    pub fn name(&self) -> &str {
        self.get("language.name")
    }

    /// The text of `key` with its placeholders filled in from `args`
    /// (a placeholder without a value is left as it is).
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), |name| {
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| Cow::Borrowed(*v))
        })
    }

    /// A [`Msg`] in this language.
    pub fn msg(&self, m: &Msg) -> String {
        fill(self.get(m.key), |name| {
            m.args.iter().find(|(n, _)| *n == name).map(|(_, v)| match v {
                Arg::Text(t) => Cow::Borrowed(t.as_str()),
                Arg::Key(k) => Cow::Borrowed(self.get(k)),
                Arg::Msg(inner) => Cow::Owned(self.msg(inner)),
                Arg::KeyOr(k, or) => Cow::Borrowed(self.find(k).unwrap_or(or.as_str())),
            })
        })
    }
}

fn fill<'a>(text: &str, value: impl Fn(&str) -> Option<Cow<'a, str>>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(end)) => {
                match value(&tail[1..end]) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_first_and_every_catalogue_complete() {
        let all = catalogues();
        assert_eq!(all[0].code, "en");
        assert!(all.iter().any(|c| c.code == "id"));
        for c in all {
            assert_eq!(c.entries.len(), all[0].entries.len(), "{}", c.code);
            for (key, text) in &all[0].entries {
                let mine = c.get(key);
                let mut want = placeholders(text).unwrap();
                want.sort_unstable();
                for p in placeholders(mine).unwrap() {
                    assert!(want.binary_search(&p).is_ok(), "{}: {key}: {{{p}}}", c.code);
                }
            }
        }
    }

    #[test]
    fn the_compact_catalogues_hold_exactly_the_files_texts() {
        for c in catalogues() {
            let path = format!("{}/i18n/{}.txt", env!("CARGO_MANIFEST_DIR"), c.code);
            let source = std::fs::read_to_string(path).unwrap();
            let mut want = parse(&source).unwrap();
            want.sort_unstable();
            assert_eq!(c.entries, want, "{}", c.code);
        }
    }

    #[test]
    fn lookup_format_and_fallback() {
        let id = catalogue("id");
        assert_eq!(id.name(), "Bahasa Indonesia");
        assert_eq!(catalogue("en").name(), "English");
        assert_eq!(catalogue("xx").code, "en");
        assert_eq!(
            catalogue("en").format("search.count", &[("at", "3"), ("total", "12")]),
            "3 of 12"
        );
        assert_eq!(id.format("search.count", &[("at", "3"), ("total", "12")]), "3 dari 12");
        let m = Msg::new("notice.model-failed").key("lang", "lang.id").text("reason", "HTTP 404");
        assert_eq!(
            m.english(),
            "The learned Indonesian tagger could not be loaded (HTTP 404); Indonesian text is annotated by the rules alone."
        );
        assert!(id.msg(&m).contains("HTTP 404"));
        assert!(!id.msg(&m).contains('{'));
        let nested =
            Msg::new("notice.save-failed").msg("reason", Msg::new("save.full").text("size", "5.1"));
        assert!(nested.english().contains("is full (5.1 MB to save)"), "{}", nested.english());
    }

    #[test]
    fn locale_tags() {
        assert_eq!(for_locale("id-ID"), "id");
        assert_eq!(for_locale("in"), "id");
        assert_eq!(for_locale("ID"), "id");
        assert_eq!(for_locale("en-US"), "en");
        assert_eq!(for_locale("fr-FR"), "en");
        assert_eq!(for_locale(""), "en");
    }

    #[test]
    fn placeholders_and_braces() {
        assert_eq!(placeholders("{a} of {b}").unwrap(), ["a", "b"]);
        assert_eq!(placeholders("{{literal}} {x}").unwrap(), ["x"]);
        assert!(placeholders("{open").is_err());
        assert!(placeholders("close}").is_err());
        assert!(placeholders("{bad name}").is_err());
        assert_eq!(fill("{{x}} {x} {y}", |n| (n == "x").then_some("1".into())), "{x} 1 {y}");
        assert!(parse("no equals sign").is_err());
        assert_eq!(parse("# c\n\na.b = x = y \n").unwrap(), [("a.b", "x = y")]);
    }
}
