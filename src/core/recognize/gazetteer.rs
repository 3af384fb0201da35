//! The gazetteer: known places, organisations and titles, with the aliases
//! that name the same thing.
//!
//! The word lists live in `data/gazetteer/*.tsv` (their sources and
//! licences are in `data/gazetteer/README.md`); `build.rs` compiles them
//! into [`BLOB`], a compact text parsed once, on first use, into a hash
//! table. Each entry is a lower-case phrase (lower-cased by ASCII rules,
//! like every lexicon key), the [`Kind`]s it has and a *group*: a number
//! shared by the aliases of one place or organisation (`amerika serikat`,
//! `as`, `united states`, `us`), absent when nothing else shares it. The
//! lexicon merges the entries' flags into its own table
//! ([`super::lexicon::lookup`]), and marks given and family names among a
//! word's other classes (`lexicon::more`); [`group`], [`is_place`] and
//! [`person_name_kinds`] answer the questions the flags do not.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::lexicon::flags::{LOC, LOC_ACRO, ORG_HEAD, ORG_NAME, TITLE, TITLE_CAP};

include!(concat!(env!("OUT_DIR"), "/gazetteer_table.rs"));

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A place: a country, region, province or city.
    Loc,
    /// A place written as a capital-letter acronym (`AS`, `UK`); it counts
    /// only when the text writes it in capitals.
    LocAcronym,
    /// An organisation, in full or by its usual short name.
    Org,
    /// An organisation whose short name may head a longer name
    /// (`Kemlu` in `Kemlu Jepang`).
    OrgHead,
    /// A title or role before a name.
    Title,
    /// A title that counts only when capitalised (`Ibu`, `Pak`).
    TitleCap,
    /// A given name (`Budi`, `Melanie`).
    Given,
    /// A family name (`Santoso`, `Abbott`).
    Family,
    /// A given name of women only (`Melanie`, `Dewi`).
    GivenFemale,
    /// A given name of men only (`Budi`, `Thomas`).
    GivenMale,
    /// A word that is a given name of women only when it opens a name
    /// (`Rose`, `Grace`), but too common a word to count as one.
    GenderFemale,
    /// A word that is a given name of men only when it opens a name
    /// (`John`, `Will`), but too common a word to count as one.
    GenderMale,
}

impl Kind {
    /// The kind of a table code (see `build.rs`).
    fn from_code(code: u8) -> Kind {
        match code {
            0 => Kind::Loc,
            1 => Kind::LocAcronym,
            2 => Kind::Org,
            3 => Kind::OrgHead,
            4 => Kind::Title,
            5 => Kind::TitleCap,
            6 => Kind::Given,
            8 => Kind::GivenFemale,
            9 => Kind::GivenMale,
            10 => Kind::GenderFemale,
            11 => Kind::GenderMale,
            _ => Kind::Family,
        }
    }

    /// The lexicon flags the kind gives a phrase.
    pub(crate) fn flags(self) -> u32 {
        match self {
            Kind::Loc => LOC,
            Kind::LocAcronym => LOC_ACRO,
            Kind::Org => ORG_NAME,
            Kind::OrgHead => ORG_NAME | ORG_HEAD,
            Kind::Title => TITLE,
            Kind::TitleCap => TITLE | TITLE_CAP,
            // Names take no flag bit: the lexicon gives them their own
            // (`lexicon::more::GIVEN`, `FAMILY`, `FEMALE`, `MALE`).
            Kind::Given
            | Kind::GivenFemale
            | Kind::GivenMale
            | Kind::Family
            | Kind::GenderFemale
            | Kind::GenderMale => 0,
        }
    }
}

/// What the gazetteer knows of one phrase.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    /// Bit `1 << code` for each [`Kind`] the phrase has.
    kinds: u16,
    /// Its alias group; 0 when it shares none.
    group: u16,
}

/// [`BLOB`] with its front coding undone: each phrase written out in
/// full (see `build.rs`), made once per process.
fn plain() -> &'static str {
    static PLAIN_TEXT: OnceLock<String> = OnceLock::new();
    PLAIN_TEXT.get_or_init(|| {
        let mut out: Vec<u8> = Vec::with_capacity(BLOB.len() * 3 / 2);
        // Where the previous phrase of the section starts in `out`.
        let mut prev = 0;
        for line in BLOB.lines() {
            if line.starts_with('@') {
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
                prev = out.len();
                continue;
            }
            let Some((&code, rest)) = line.as_bytes().split_first() else { continue };
            let shared = usize::from(code.wrapping_sub(b'0'));
            let start = out.len();
            out.extend_from_within(prev..prev + shared);
            out.extend_from_slice(rest);
            out.push(b'\n');
            prev = start;
        }
        // Shared prefixes end on char boundaries, so this always holds.
        String::from_utf8(out).unwrap_or_default()
    })
}

/// The parsed gazetteer, made once per process.
fn table() -> &'static HashMap<&'static str, Info> {
    static TABLE: OnceLock<HashMap<&'static str, Info>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, Info> =
            HashMap::with_capacity_and_hasher(8192, Default::default());
        let mut kind = 0u8;
        for line in plain().lines() {
            if let Some(code) = line.strip_prefix('@') {
                kind = code.parse().unwrap_or(u8::MAX);
                continue;
            }
            let (phrase, group) = match line.split_once('\t') {
                Some((p, g)) => (p, g.parse().unwrap_or(0)),
                None => (line, 0),
            };
            let info = map.entry(phrase).or_default();
            info.kinds |= 1u16.checked_shl(u32::from(kind)).unwrap_or(0);
            if info.group == 0 {
                info.group = group;
            }
        }
        map
    })
}

/// The kinds of a table entry.
fn kinds(info: Info) -> impl Iterator<Item = Kind> {
    (0..12u8).filter(move |c| info.kinds & (1 << c) != 0).map(Kind::from_code)
}

/// Every entry: phrase, and each of its kinds.
pub(crate) fn entries() -> impl Iterator<Item = (&'static str, Kind)> {
    table().iter().flat_map(|(&p, &info)| kinds(info).map(move |k| (p, k)))
}

/// The alias groups, from [`GROUPS`] (not [`BLOB`]: the page groups
/// mentions but does not analyse, so it carries only this short list).
fn groups() -> &'static HashMap<&'static str, (u16, bool)> {
    static GROUPED: OnceLock<HashMap<&'static str, (u16, bool)>> = OnceLock::new();
    GROUPED.get_or_init(|| {
        // Line `n` is group `n`: its phrases, a place's marked `*`.
        GROUPS
            .lines()
            .zip(1u16..)
            .flat_map(|(line, n)| {
                line.split('\t').map(move |p| match p.strip_prefix('*') {
                    Some(place) => (place, (n, true)),
                    None => (p, (n, false)),
                })
            })
            .collect()
    })
}

/// The alias group of a lower-case phrase naming a place or an
/// organisation, if another phrase shares it.
pub(crate) fn group(phrase: &str) -> Option<u16> {
    groups().get(phrase).map(|g| g.0)
}

/// Whether a lower-case word is a known given or family name. (The
/// recognizer reads it from the token: `lexicon::more::GIVEN`, `FAMILY`.)
#[cfg(test)]
pub(crate) fn is_person_name(word: &str) -> bool {
    table().get(word).is_some_and(|&i| {
        kinds(i)
            .any(|k| matches!(k, Kind::Given | Kind::GivenFemale | Kind::GivenMale | Kind::Family))
    })
}

/// Whether a lower-case word is a known given name (bit 0) and a known
/// family name (bit 1).
pub(crate) fn person_name_kinds(word: &str) -> u8 {
    table().get(word).map_or(0, |&i| {
        kinds(i).fold(0, |acc, k| match k {
            Kind::Given | Kind::GivenFemale | Kind::GivenMale => acc | 1,
            Kind::Family => acc | 2,
            _ => acc,
        })
    })
}

/// Whether a lower-case phrase that has an alias group ([`group`]) names
/// a place; `false` for any other phrase.
pub(crate) fn is_place(phrase: &str) -> bool {
    groups().get(phrase).is_some_and(|g| g.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::recognize::lexicon::MAX_WORDS;

    #[test]
    fn entries_are_lower_case_keys_of_few_words() {
        assert!(entries().count() > 5000);
        for (p, _) in entries() {
            assert_eq!(p.to_ascii_lowercase(), p);
            assert!(p.split(' ').count() <= MAX_WORDS, "{p}");
            assert!(!p.is_empty() && !p.starts_with(' ') && !p.ends_with(' '), "{p:?}");
        }
    }

    #[test]
    fn front_coding_round_trips() {
        assert_eq!(plain(), PLAIN);
        assert!(BLOB.len() < PLAIN.len());
    }

    #[test]
    fn the_group_list_agrees_with_the_whole_gazetteer() {
        let mut n = 0;
        for (&phrase, &info) in table() {
            let place = kinds(info).any(|k| matches!(k, Kind::Loc | Kind::LocAcronym));
            let want = (info.group != 0).then_some((info.group, place));
            assert_eq!(groups().get(phrase).copied(), want, "{phrase}");
            n += usize::from(want.is_some());
        }
        assert_eq!(groups().len(), n);
        assert!(n > 300, "{n} grouped phrases");
    }

    #[test]
    fn aliases_share_a_group() {
        let us = group("amerika serikat");
        assert!(us.is_some());
        for alias in ["as", "united states", "us", "u.s."] {
            assert_eq!(group(alias), us, "{alias}");
        }
        assert_eq!(group("pbb"), group("united nations"));
        assert_eq!(group("kemlu"), group("kementerian luar negeri"));
        assert_ne!(group("jepang"), us);
        assert_eq!(group("zzz"), None);
        assert!(is_place("jepang") && is_place("as") && !is_place("kemlu") && !is_place("zzz"));
        assert!(is_person_name("budi") && !is_person_name("jepang"));
    }

    #[test]
    fn common_words_that_are_given_names_mark_a_gender_only() {
        // `John` and `Rose` are everyday words too: no evidence of a name,
        // but the gender of one that opens a name.
        for (word, kind) in [("john", Kind::GenderMale), ("rose", Kind::GenderFemale)] {
            let info = table().get(word).copied().unwrap_or_default();
            assert!(kinds(info).any(|k| k == kind), "{word}");
            assert!(!is_person_name(word) && person_name_kinds(word) == 0, "{word}");
        }
    }
}
