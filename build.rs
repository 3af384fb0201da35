//! Compiles the gazetteer word lists in `data/gazetteer/*.tsv` into
//! `$OUT_DIR/gazetteer_table.rs`, included by
//! `src/core/recognize/gazetteer.rs`.
//!
//! Each list line is `phrase<TAB>kind<TAB>group` (lines starting with `#`
//! are comments). The output is one string constant, [`BLOB`], kept small
//! for the wasm download: the phrases grouped by kind, one a line, sorted,
//! each section opened by a line `@<kind code>`. A phrase carries its alias
//! group as `<TAB><number>` only when another phrase shares the group;
//! group names themselves are not shipped. The recognizer parses the blob
//! once, on first use.
//!
//! It also finds the interface's catalogues, `i18n/<code>.txt`, checks them
//! against `i18n/en.txt` (same keys, no placeholder the English text lacks,
//! well-formed lines and braces) and writes `$OUT_DIR/i18n_table.rs`, the
//! list of languages with each catalogue `include_str!`ed in a compact form
//! (`$OUT_DIR/i18n-<code>.txt`: English's `key=text` lines sorted by key, no
//! comments; another language's texts alone, in the same order), included
//! by `src/core/i18n/mod.rs`. A catalogue that fails a check fails the
//! build.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The catalogue syntax (`key = text` lines, `{name}` placeholders), the
/// same code the app reads the catalogues with.
#[path = "src/core/i18n/syntax.rs"]
mod i18n_syntax;

/// The lists, in priority order: a phrase's group comes from the first
/// list (and line) that names it.
const LISTS: &[&str] =
    &["places-extra.tsv", "places.tsv", "organisations.tsv", "titles.tsv", "names.tsv"];

/// The kinds a line may have, with their code in the blob (see
/// `gazetteer::Kind`).
const KINDS: &[(&str, u8)] = &[
    ("loc", 0),
    ("loc-acro", 1),
    ("org", 2),
    ("org-head", 3),
    ("title", 4),
    ("title-cap", 5),
    ("given", 6),
    ("family", 7),
    ("given-f", 8),
    ("given-m", 9),
    ("gender-f", 10),
    ("gender-m", 11),
];

/// The longest phrase, in words, that the recognizer looks up
/// (`lexicon::MAX_WORDS`); longer entries are an error.
const MAX_WORDS: usize = 4;

/// The most bytes a phrase shares with the one before it in the blob
/// (written as one char, `'0'` to `'9'`).
const MAX_SHARED: usize = 9;

/// The crate's directory, read when the script runs (not when it is
/// compiled: a target directory shared by two checkouts would otherwise
/// read the first one's files).
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR").into()
}

fn main() {
    i18n();
    let dir = manifest_dir().join("data/gazetteer");
    println!("cargo:rerun-if-changed=build.rs");
    // (kind, phrase) -> group name; the first line naming a phrase gives
    // the phrase's group for every kind.
    let mut rows: BTreeMap<(u8, String), Option<String>> = BTreeMap::new();
    let mut group_of: HashMap<String, Option<String>> = HashMap::new();
    for list in LISTS {
        let path = dir.join(list);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("{list}:{}", n + 1);
            let mut cols = line.split('\t');
            let (Some(phrase), Some(kind), group) = (cols.next(), cols.next(), cols.next()) else {
                panic!("{at}: expected phrase<TAB>kind<TAB>group");
            };
            let kind = KINDS
                .iter()
                .find(|(k, _)| *k == kind)
                .unwrap_or_else(|| panic!("{at}: unknown kind {kind:?}"))
                .1;
            assert!(
                phrase == phrase.to_ascii_lowercase()
                    && !phrase.contains("  ")
                    && phrase == phrase.trim()
                    && !phrase.is_empty()
                    && !phrase.contains(['\n', '\t', '"', '\\'])
                    && !phrase.starts_with('@'),
                "{at}: a phrase is lower case, trimmed, with single spaces"
            );
            assert!(phrase.split(' ').count() <= MAX_WORDS, "{at}: more than {MAX_WORDS} words");
            let group = match group.map(str::trim) {
                None | Some("") | Some("-") => None,
                Some(g) => Some(g.to_string()),
            };
            let group = group_of.entry(phrase.to_string()).or_insert(group).clone();
            rows.entry((kind, phrase.to_string())).or_insert(group);
        }
    }
    // Only groups shared by two phrases or more are worth a number.
    let mut members: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for ((_, phrase), group) in &rows {
        if let Some(g) = group {
            members.entry(g).or_default().insert(phrase);
        }
    }
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut blob = String::new();
    // The same lines with each phrase written out, for the decoder's test.
    let mut plain = String::new();
    let mut section = None;
    let mut prev = "";
    for ((kind, phrase), group) in &rows {
        if section != Some(*kind) {
            let _ = writeln!(blob, "@{kind}");
            let _ = writeln!(plain, "@{kind}");
            section = Some(*kind);
            prev = "";
        }
        // Front coding: a digit-like char ('0' + n) for the n bytes shared
        // with the previous phrase of the section (n <= MAX_SHARED, on a
        // char boundary), then the rest. The list is sorted, so this takes
        // a quarter off the blob (about 3 KB, an eighth, after gzip).
        let mut shared =
            phrase.bytes().zip(prev.bytes()).take(MAX_SHARED).take_while(|(a, b)| a == b).count();
        while !phrase.is_char_boundary(shared) {
            shared -= 1;
        }
        blob.push(char::from(b'0' + shared as u8));
        blob.push_str(&phrase[shared..]);
        plain.push_str(phrase);
        prev = phrase;
        if let Some(g) = group.as_deref().filter(|g| members[g].len() > 1) {
            let next = numbers.len() + 1;
            let n = numbers.entry(g).or_insert(next);
            let _ = write!(blob, "\t{n}");
            let _ = write!(plain, "\t{n}");
        }
        blob.push('\n');
        plain.push('\n');
    }
    assert!(numbers.len() < usize::from(u16::MAX), "too many alias groups");
    // The phrases that share a group, each once with its number (its first
    // numbered row's, as the decoder of BLOB keeps) and whether it names a
    // place: all that grouping mentions needs (`core::entities`), small
    // enough for the page, which has no use for the rest.
    let mut grouped: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for ((_, phrase), group) in &rows {
        if let Some(&n) = group.as_deref().and_then(|g| numbers.get(g)) {
            grouped.entry(phrase).or_insert((n, false));
        }
    }
    // Any of its rows, numbered or not, can say it is a place.
    for (kind, phrase) in rows.keys() {
        if *kind <= 1 {
            if let Some(e) = grouped.get_mut(phrase.as_str()) {
                e.1 = true;
            }
        }
    }
    // One line per group, in number order (group `n` is line `n`), its
    // phrases separated by tabs, a place's marked by a leading `*`.
    let mut members: Vec<Vec<String>> = vec![Vec::new(); numbers.len()];
    for (phrase, (n, place)) in &grouped {
        members[n - 1].push(format!("{}{phrase}", if *place { "*" } else { "" }));
    }
    let groups: String = members.iter().map(|m| m.join("\t") + "\n").collect();
    let out = format!(
        "/// The gazetteer: `@kind` section lines, then `<shared>rest` or \
         `<shared>rest<TAB>group` lines, front-coded (see `build.rs`).\n\
         pub(crate) static BLOB: &str = {blob:?};\n\
         /// The phrases that share an alias group: line `n` is group `n`, its \
         phrases separated by tabs, a place's marked by a leading `*` (see \
         `build.rs`).\n\
         pub(crate) static GROUPS: &str = {groups:?};\n\
         /// [`BLOB`] with its phrases written out (tests only).\n\
         #[cfg(test)]\npub(crate) static PLAIN: &str = {plain:?};\n"
    );
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer_table.rs");
    std::fs::write(dest, out).expect("write gazetteer table");
}

/// Checks every `i18n/*.txt` against `i18n/en.txt` and writes the table of
/// catalogues (English first, then by code).
fn i18n() {
    let dir = manifest_dir().join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/core/i18n/syntax.rs");
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort_by_key(|(code, _)| (code != "en", code.clone()));
    assert!(files.first().is_some_and(|(c, _)| c == "en"), "i18n/en.txt is missing");
    let read = |code: &str, path: &Path| -> BTreeMap<String, (String, BTreeSet<String>)> {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let lines = i18n_syntax::parse(&text)
            .unwrap_or_else(|(n, why)| panic!("i18n/{code}.txt:{n}: {why}"));
        let mut out = BTreeMap::new();
        for (key, value) in lines {
            let names = i18n_syntax::placeholders(value)
                .unwrap_or_else(|why| panic!("i18n/{code}.txt: {key}: {why}"));
            let names = names.into_iter().map(str::to_string).collect();
            let dup = out.insert(key.to_string(), (value.to_string(), names));
            assert!(dup.is_none(), "i18n/{code}.txt: {key} twice");
        }
        assert!(out.contains_key("language.name"), "i18n/{code}.txt lacks language.name");
        out
    };
    let en = read("en", &files[0].1);
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut table = String::from("/// (code, catalogue text) of every language, English first.\n");
    table.push_str("pub static CATALOGUES: &[(&str, &str)] = &[\n");
    for (code, path) in &files {
        assert!(
            !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "i18n/{code}.txt: a catalogue is named by its language code (lower case)"
        );
        let cat = read(code, path);
        for key in en.keys() {
            assert!(cat.contains_key(key), "i18n/{code}.txt lacks {key} (en.txt has it)");
        }
        for (key, (_, names)) in &cat {
            let Some((_, known)) = en.get(key) else {
                panic!("i18n/{code}.txt: unknown key {key} (en.txt does not have it)");
            };
            if let Some(name) = names.difference(known).next() {
                panic!("i18n/{code}.txt: {key}: unknown placeholder {{{name}}}");
            }
        }
        // What the build carries (every byte is in the first visit's
        // download): English as `key=text` lines sorted by key, without the
        // comments, blank lines and spaces around `=`; every other language
        // as its texts alone, one a line in the same order (it has exactly
        // English's keys).
        let compact: String = if code == "en" {
            cat.iter().map(|(key, (value, _))| format!("{key}={value}\n")).collect()
        } else {
            cat.values().map(|(value, _)| format!("{value}\n")).collect()
        };
        let dest = out_dir.join(format!("i18n-{code}.txt"));
        std::fs::write(&dest, compact).expect("write a compact catalogue");
        let _ = writeln!(table, "    ({code:?}, include_str!({:?})),", dest.display().to_string());
    }
    table.push_str("];\n");
    let dest = out_dir.join("i18n_table.rs");
    std::fs::write(dest, table).expect("write i18n table");
}
