//! The learned entity tagger: a structured averaged perceptron over hashed
//! features, tagging PERSON, ORG and LOC in IOB2, decoded with Viterbi.
//!
//! # Features
//!
//! Every feature is a 64-bit hash of a *template* (what kind of evidence)
//! and a *value* (the word, its shape, …); the hash picks one row of a
//! fixed-size weight table, and each row holds one weight per tag. No
//! feature string is ever built at run time: words are hashed once per
//! token ([`hash_str`]) and combined with integer mixing ([`mix`]). The
//! templates, for token `k` (see [`Features::new`]):
//!
//! * the word, its ASCII-lower-cased form, its shape (`Xx`, `XX`, `Xx-Xx`,
//!   `d`), prefix of 3 and suffixes of 2, 3 and 4 characters;
//! * the lower-cased words at `k-2 … k+2`, the shapes at `k-1` and `k+1`,
//!   and the word bigrams `(k-1, k)`, `(k, k+1)`;
//! * the engine's knowledge: each lexicon class of the word (title,
//!   organisation head, known place, month, speech verb, …) at `k-1`, `k`
//!   and `k+1`, and the rule-based recognizer's own reading of the token
//!   (label, position in the span, and the kind of evidence: gazetteer
//!   phrase, rule or capitalisation heuristic), at `k-1`, `k`, `k+1`;
//! * sentence position and document-level consistency: whether the token
//!   starts a sentence, whether its line is written in capitals, whether
//!   the same word occurs in lower case elsewhere in the text, and whether
//!   it occurs capitalised in mid-sentence elsewhere;
//! * in English, for a word written capitalised at least twice in the
//!   document: the lexicon classes of the words that follow it there
//!   (`Harrow School`, `Acme Inc.`, `Coron , Palawan`), each as a feature
//!   (the Indonesian training corpora are single sentences in shuffled
//!   order, so there is nothing to learn this from);
//! * for punctuation and a word written against a bracket, the white
//!   space around the token (none, a space, a line break) with its shape:
//!   `(BEI)` or `( BEI )`;
//! * the model's word list ([`WordFilter`]): whether the lower-cased words
//!   at `k-1`, `k` and `k+1` were seen written in lower case in the
//!   training text (common words, not names), together with the
//!   capitalisation and sentence position of token `k`, as one feature;
//! * the previous tag, alone and with the word and shape (the transition
//!   features, [`Features::edges`]), and how a first pass tagged the same
//!   word elsewhere in the document (the document votes).
//!
//! # Decoding
//!
//! Viterbi finds the best tag sequence, twice: the second pass sees the
//! document votes of the first. Only tokens that can begin or continue a
//! name are scored: a word or number that is capitalised or followed by a
//! capitalised word (`desa Sukamaju`, `de Gaulle`), and up to two tokens
//! that may sit inside a name after one (`of`, `(`, `dan`); every other
//! token is `O` at once, which skips most of the text (the decoder keeps
//! no state for it). Each live token's static features are scored once,
//! in the first pass, and the transition features' weights once per
//! distinct word and shape of the document ([`Memo`]). Date tokens are
//! always `O` (the date patterns own them), and an `I-` tag is only allowed
//! after a `B-` or `I-` of the same type. In Indonesian, an organisation or
//! place followed by its abbreviation in brackets written against it,
//! `Bursa Efek Indonesia (BEI)`, is then made one entity where the model
//! split it (the convention it is trained to, `train::harmonise`).
//!
//! # The model file
//!
//! A [`Tagger`] is read from the bytes [`Tagger::to_bytes`] writes (all
//! numbers little-endian):
//!
//! | bytes | what |
//! | --- | --- |
//! | 8 | magic `SOROTTAG` |
//! | 2 | file format version (2) |
//! | 2 | feature set version ([`FEATURE_SET`]); a mismatch is refused |
//! | 1 | table bits `b`: the table has `2^b` rows |
//! | 1 | tags per row (7) |
//! | 1 + n | language tag (length, then ASCII) |
//! | 4 | number of stored rows `r` |
//! | r × (varint + 7) | each non-zero row: its index as the LEB128 difference from the previous stored row's index (the first from 0), then its 7 weights as `i8` |
//! | 1 | word list bits `w`: a Bloom filter of `2^w` bits (0: no word list) |
//! | 1 | probes per word (1–8) |
//! | 2^w / 8 | the filter's bits, little-endian `u64` words (absent when `w` is 0) |
//! | 4 | FNV-1a 32 checksum of everything before it |
//!
//! Rows not stored are zero. The weights are the trained averaged weights
//! scaled so the largest is ±127, rounded, with rows whose weights all
//! round to zero left out (pruning); the scale does not matter for the
//! argmax, so it is not stored. The word list holds the words written in
//! lower case in the training text, as the hashes the features already
//! compute ([`WordFilter`]), so no string is stored or built at run time.

#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use super::lexicon::flags;
use super::merge::{Candidate, Source};
use super::tokens::{Doc, Kind};
use crate::core::model::{labels, Span};

/// The model files built into the native binary (the wasm build fetches
/// them instead, after the page is interactive).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN: &[&[u8]] = &[
    include_bytes!("../../../../models/id.tagger"),
    include_bytes!("../../../../models/en.tagger"),
];

/// The version of the feature templates; a model trained with other
/// templates is refused.
pub const FEATURE_SET: u16 = 4;

/// The file format version.
const FORMAT: u16 = 2;

/// The magic bytes a model file starts with.
const MAGIC: &[u8; 8] = b"SOROTTAG";

/// The entity types, in tag order.
pub const TYPES: [&str; 3] = [labels::PERSON, labels::ORG, labels::LOC];

/// Number of tags: `O`, then `B-` and `I-` of each type.
pub const NTAGS: usize = 1 + 2 * TYPES.len();

/// Tag `O`.
pub const O: u8 = 0;

/// The `B-` tag of type `t`.
pub const fn begin(t: usize) -> u8 {
    (1 + 2 * t) as u8
}

/// The type of a non-`O` tag.
pub const fn type_of(tag: u8) -> usize {
    ((tag - 1) / 2) as usize
}

/// Whether a tag is an `I-` tag.
pub const fn is_inside(tag: u8) -> bool {
    tag != O && (tag - 1) % 2 == 1
}

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not a Sorot tagger model.
    NotAModel,
    /// A model of another format or feature set version.
    Version {
        /// The format version found.
        format: u16,
        /// The feature set version found.
        features: u16,
    },
    /// The file is cut short or damaged.
    Damaged(&'static str),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a Sorot tagger model"),
            ModelError::Version { format, features } => write!(
                f,
                "model format {format} / feature set {features}, this build reads {FORMAT} / {FEATURE_SET}"
            ),
            ModelError::Damaged(what) => write!(f, "damaged model file: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A trained tagger: a table of `2^bits` rows of [`NTAGS`] weights.
#[derive(Clone)]
pub struct Tagger {
    /// The language it was trained for (`id`, `en`).
    pub lang: String,
    bits: u32,
    /// Each row's eight `i8` weights (the last always 0), as the bytes of
    /// a little-endian `u64`.
    rows: Box<[u64]>,
    /// The words seen in lower case in the training text.
    words: WordFilter,
}

/// A set of words (by the hash of their ASCII-lower-cased form,
/// [`hash_str`]) as a Bloom filter: `2^bits` bits, each word setting
/// `probes` of them. A word never added is reported present with a
/// probability of about 0.3% at 16 bits a word and 4 probes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordFilter {
    /// `log2` of the number of bits; 0 for an empty filter.
    bits: u32,
    probes: u32,
    set: Vec<u64>,
}

impl WordFilter {
    /// An empty filter sized for `n` words: 16 bits a word, 4 probes
    /// (no filter at all for no words).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn with_capacity(n: usize) -> WordFilter {
        if n == 0 {
            return WordFilter::default();
        }
        let bits = (n * 16).next_power_of_two().trailing_zeros().max(6);
        WordFilter { bits, probes: 4, set: vec![0; 1 << (bits - 6)] }
    }

    /// The bits of word hash `h`, by double hashing: probe `i` is
    /// `a + i·b` (modulo the size), `a` and `b` from one mixed hash.
    #[inline]
    fn bits_of(&self, h: u64) -> impl Iterator<Item = usize> {
        let x = mix(h, 0xF11E);
        let (a, b) = (x as u32, (x >> 32) as u32 | 1);
        let mask = (1u32 << self.bits) - 1;
        (0..self.probes).map(move |i| (a.wrapping_add(i.wrapping_mul(b)) & mask) as usize)
    }

    /// Adds a word hash.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn insert(&mut self, h: u64) {
        for b in self.bits_of(h) {
            self.set[b >> 6] |= 1 << (b & 63);
        }
    }

    /// Whether a word hash was (probably) added.
    #[inline]
    pub(crate) fn contains(&self, h: u64) -> bool {
        self.bits > 0 && self.bits_of(h).all(|b| self.set[b >> 6] >> (b & 63) & 1 == 1)
    }

    /// Whether the filter holds no word at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.bits == 0
    }
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("lang", &self.lang)
            .field("bits", &self.bits)
            .field("nonzero_rows", &self.nonzero_rows())
            .finish()
    }
}

// ---------------------------------------------------------------- hashing

const K1: u64 = 0x9E37_79B9_7F4A_7C15;

/// Combines two hashes (order matters). Platform-independent: the same on
/// 32- and 64-bit targets.
#[inline(always)]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(25)).wrapping_mul(K1);
    x ^ (x >> 31)
}

/// Hashes a string's bytes.
pub(crate) fn hash_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    h
}

/// The row of feature hash `h` in a table of `2^bits` rows.
#[inline(always)]
pub(crate) fn bucket(h: u64, bits: u32) -> usize {
    let mut x = h;
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    (x >> (64 - bits)) as usize
}

/// Feature templates: distinct constants hashed with each value.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOW: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const PRE3: u64 = 5;
    pub const SUF2: u64 = 6;
    pub const SUF3: u64 = 7;
    pub const SUF4: u64 = 8;
    pub const LOW_M2: u64 = 9;
    pub const LOW_M1: u64 = 10;
    pub const LOW_P1: u64 = 11;
    pub const LOW_P2: u64 = 12;
    pub const SHAPE_M1: u64 = 13;
    pub const SHAPE_P1: u64 = 14;
    pub const BI_M1: u64 = 15;
    pub const BI_P1: u64 = 16;
    pub const LEX: u64 = 17;
    pub const LEX_M1: u64 = 18;
    pub const LEX_P1: u64 = 19;
    pub const RULE: u64 = 20;
    pub const RULE_M1: u64 = 21;
    pub const RULE_P1: u64 = 22;
    pub const POS: u64 = 23;
    pub const PREV: u64 = 24;
    pub const PREV_LOW: u64 = 26;
    pub const PREV_SHAPE: u64 = 27;
    pub const SHAPE_LOW_M1: u64 = 29;
    pub const RULE_LOW: u64 = 30;
    pub const RUN_FIRST: u64 = 31;
    pub const RUN_LAST: u64 = 32;
    pub const RUN_LEN: u64 = 33;
    pub const RUN_BEFORE: u64 = 34;
    pub const RUN_AFTER: u64 = 35;
    pub const NAME: u64 = 37;
    pub const NAME_M1: u64 = 38;
    pub const NAME_P1: u64 = 39;
    pub const SHOUTY: u64 = 40;
    pub const SEEN_LOWER: u64 = 41;
    pub const MID_CAPS: u64 = 42;
    pub const DOC: u64 = 43;
    pub const DOC_INITIAL: u64 = 44;
    pub const GAP: u64 = 45;
    pub const WORDS: u64 = 46;
    pub const NEXT_ELSEWHERE: u64 = 48;
}

/// The lexicon classes of the word after a capitalised word, gathered
/// over the word's occurrences in the document
/// ([`Features::next_elsewhere`]): titles, organisation and place heads
/// and suffixes, known places and organisations, demonyms, speech cues,
/// prepositions and determiners.
const NEXT_BITS: u32 = flags::TITLE
    | flags::TITLE_CAP
    | flags::ORG_HEAD
    | flags::ORG_NAME
    | flags::PLACE_HEAD
    | flags::LOC
    | flags::DEMONYM
    | flags::CUE
    | flags::PREP_ID
    | flags::PREP_EN
    | flags::PREP_STRONG
    | flags::ORG_SUFFIX
    | flags::PLACE_SUFFIX
    | flags::NAME_SUFFIX
    | flags::DETERMINER;

/// The lexicon classes used as features.
const LEX_BITS: u32 = flags::TITLE
    | flags::TITLE_CAP
    | flags::PORTFOLIO
    | flags::ORG_HEAD
    | flags::ORG_NAME
    | flags::PLACE_HEAD
    | flags::LOC
    | flags::LOC_ACRO
    | flags::DIRECTION
    | flags::STOP
    | flags::DEMONYM
    | flags::CONNECTOR
    | flags::ORG_CONNECTOR
    | flags::MONTH
    | flags::WEEKDAY
    | flags::CUE
    | flags::CUE_PRON
    | flags::PRONOUN
    | flags::PREP_ID
    | flags::PREP_EN
    | flags::ORG_SUFFIX
    | flags::PLACE_SUFFIX
    | flags::NAME_SUFFIX
    | flags::COMMON
    | flags::FUNC_ID
    | flags::FUNC_EN;

/// Lexicon classes of lower-case words that may sit inside a name
/// (`of`, `dan`, `bin`, `luar negeri`, `selatan`).
const INNER: u32 = flags::CONNECTOR | flags::ORG_CONNECTOR | flags::DIRECTION | flags::PORTFOLIO;

/// The word shape: `X` upper, `x` lower, `d` digit, other characters as
/// themselves; runs of the same class collapsed; at most 6 classes.
fn shape(word: &str) -> u64 {
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return shape_of(word.chars().map(|c| {
            if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() || c.is_alphabetic() {
                b'x'
            } else if c.is_numeric() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'*'
            }
        }));
    }
    // The same classes, byte by byte, as the bytes of a little-endian
    // word.
    let (mut out, mut n, mut last) = (0u64, 0u32, 0u8);
    for &b in bytes {
        let s = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => b,
        };
        if n > 0 && last == s {
            continue;
        }
        if n == 6 {
            break;
        }
        out |= u64::from(s) << (8 * n);
        last = s;
        n += 1;
    }
    out ^ 0x5a
}

/// [`shape`] from the class of each character.
#[inline(always)]
fn shape_of(classes: impl Iterator<Item = u8>) -> u64 {
    let mut out = [0u8; 6];
    let mut n = 0;
    for s in classes {
        if n > 0 && out[n - 1] == s {
            continue;
        }
        if n == out.len() {
            break;
        }
        out[n] = s;
        n += 1;
    }
    let mut w = [0u8; 8];
    w[..n].copy_from_slice(&out[..n]);
    u64::from_le_bytes(w) ^ 0x5a
}

/// The rule-based recognizer's reading of each token: 0 for none, else a
/// small number encoding label, position and evidence.
pub(crate) fn rule_tags(doc: &Doc, rules: &[Candidate]) -> Vec<u8> {
    let mut out = vec![0u8; doc.toks.len()];
    for c in rules {
        let ty = match c.span.label {
            l if l == labels::PERSON => 0u8,
            l if l == labels::ORG => 1,
            l if l == labels::LOC => 2,
            _ => continue,
        };
        let src = match c.source {
            Source::Heuristic => 0u8,
            Source::Tagger | Source::Rule => 1,
            Source::GazetteerPhrase | Source::DatePattern => 2,
        };
        let mut k = doc.tok_at(c.span.start);
        let first = k;
        while k < doc.toks.len() && doc.toks[k].start() < c.span.end {
            let pos = if k == first { 0u8 } else { 1 };
            out[k] = 1 + ty * 6 + src * 2 + pos;
            k += 1;
        }
    }
    out
}

/// What the features of a document's tokens are computed from, once per
/// document; the features of one token are computed only when it is
/// scored ([`Features::all`]).
pub(crate) struct Features<'d, 'a> {
    doc: &'d Doc<'a>,
    /// The rule-based reading of each token ([`rule_tags`]).
    rules: Box<[u8]>,
    /// The lower-cased word hash of each token.
    low: Box<[u64]>,
    /// The shape of each token the decoder reads one of (0 for the
    /// others).
    shape: Box<[u64]>,
    /// Known given name (bit 0) or family name (bit 1), for capitalised
    /// words.
    name: Box<[u8]>,
    /// Which tags token `k` may take: [`FORCED_O`], [`CONTINUE`] (`O` or
    /// an `I-`) or [`ANY`].
    live: Box<[u8]>,
    /// Words seen capitalised in mid-sentence (by lower-case hash).
    mid_caps: rustc_hash::FxHashSet<u64>,
    /// Document votes ([`Features::vote`]): for each word (lower-case
    /// hash) the type the first pass gave most of its capitalised
    /// occurrences, as `1 + type`, or `4` when most were `O`. Empty in the
    /// first pass.
    votes: rustc_hash::FxHashMap<u64, u8>,
    /// For each token in a run of capitalised words on one line: the
    /// run's first and one-past-last token (`(k, k)` outside runs).
    run: Box<[(u32, u32)]>,
    /// For each token, whether it is a word in the model's word list
    /// ([`Features::set_words`]); empty when the model has none.
    words: Vec<bool>,
    /// English only: for each word written capitalised (by lower-case
    /// hash), the lexicon classes ([`NEXT_BITS`]) of the tokens after its
    /// capitalised occurrences, and the number of those occurrences.
    next_elsewhere: rustc_hash::FxHashMap<u64, (u32, u32)>,
    /// The [`affixes`] of each word id ([`super::tokens::Token::id`]) of
    /// a token that may be scored (`u8::MAX` for the others).
    affixes: Box<[(u8, [u64; 4])]>,
}

/// The number of characters of a lower-cased word (at most 5: all the
/// features ask) and the hashes of its prefix of three characters and its
/// suffixes of two, three and four characters (those it has: the prefix
/// from three characters, a suffix from one character more than it
/// holds), 0 for the others.
fn affixes(lw: &str) -> (u8, [u64; 4]) {
    // Byte starts of the last four characters (`last[0]` the last).
    let mut last = [0usize; 4];
    let (mut nc, mut pre3_end) = (0usize, lw.len());
    for (i, _) in lw.char_indices() {
        if nc == 3 {
            pre3_end = i;
        }
        nc += 1;
        last.rotate_right(1);
        last[0] = i;
    }
    let mut hs = [0u64; 4];
    if nc >= 3 {
        hs[0] = hash_str(&lw[..pre3_end]);
    }
    for m in 2..=4 {
        if nc > m {
            hs[m - 1] = hash_str(&lw[last[m - 1]..]);
        }
    }
    (nc.min(5) as u8, hs)
}

impl<'d, 'a> Features<'d, 'a> {
    /// Prepares the features of `doc`'s tokens; `date` marks the tokens
    /// the date patterns took, `rules` is [`rule_tags`].
    pub(crate) fn new(doc: &'d Doc<'a>, date: &[bool], rules: Vec<u8>) -> Self {
        let n = doc.toks.len();
        let mut low = Vec::with_capacity(n);
        let mut name = Vec::with_capacity(n);
        let mut mid_caps: rustc_hash::FxHashSet<u64> = Default::default();
        // A word's hash and name-list kinds depend only on its lower-case
        // form, which its id names: worked out once per distinct word.
        let mut per_word: Vec<Option<(u64, Option<u8>)>> = Vec::new();
        for (k, tk) in doc.toks.iter().enumerate() {
            let cached = (tk.kind == Kind::Word && tk.id != super::tokens::NO_WORD).then(|| {
                let i = tk.id as usize;
                if i >= per_word.len() {
                    per_word.resize(i + 1, None);
                }
                i
            });
            let l = match (tk.kind, cached) {
                (Kind::Word, Some(i)) => match per_word[i] {
                    Some((l, _)) => l,
                    None => {
                        let l = hash_str(doc.low(k));
                        per_word[i] = Some((l, None));
                        l
                    }
                },
                (Kind::Word | Kind::Number, _) => hash_str(doc.low(k)),
                (Kind::Punct, _) => tk.ch as u64 ^ 0xABCD,
            };
            low.push(l);
            name.push(if tk.kind == Kind::Word && tk.upper {
                match cached.and_then(|i| per_word[i]) {
                    Some((_, Some(kinds))) => kinds,
                    _ => {
                        let kinds = super::gazetteer::person_name_kinds(doc.low(k));
                        if let Some(i) = cached {
                            per_word[i] = Some((l, Some(kinds)));
                        }
                        kinds
                    }
                }
            } else {
                0
            });
            if tk.kind == Kind::Word && tk.upper && !tk.initial && !tk.shouty {
                mid_caps.insert(l);
            }
        }
        let mut may_begin = vec![false; n];
        for (k, tk) in doc.toks.iter().enumerate() {
            if date.get(k).copied().unwrap_or(false) || tk.kind == Kind::Punct {
                continue;
            }
            let next_upper = doc.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word && t.upper);
            may_begin[k] = tk.upper || tk.caps || next_upper;
        }
        let mut date = date.to_vec();
        date.resize(n, false);
        let mut run: Vec<(u32, u32)> = (0..n as u32).map(|k| (k, k)).collect();
        let in_run = |k: usize| {
            let t = &doc.toks[k];
            t.kind == Kind::Word && (t.upper || t.caps) && !date[k]
        };
        let mut k = 0;
        while k < n {
            if !in_run(k) {
                k += 1;
                continue;
            }
            let mut e = k + 1;
            while e < n && in_run(e) && doc.toks[e].gap == super::tokens::Gap::Space {
                e += 1;
            }
            for r in &mut run[k..e] {
                *r = (k as u32, e as u32);
            }
            k = e;
        }
        // What follows a capitalised word elsewhere in the document
        // (`Harrow School`, `Coron , Palawan`). English only: the
        // Indonesian training corpora are single sentences in shuffled
        // order, with no documents to learn it from.
        let mut next_elsewhere: rustc_hash::FxHashMap<u64, (u32, u32)> = Default::default();
        if doc.lang == super::tokens::Lang::En {
            for (k, tk) in doc.toks.iter().enumerate() {
                if tk.kind != Kind::Word || !(tk.upper || tk.caps) || date[k] {
                    continue;
                }
                let e = next_elsewhere.entry(low[k]).or_default();
                e.0 |= doc.toks.get(k + 1).map_or(0, |t| t.flags) & NEXT_BITS;
                e.1 += 1;
            }
        }
        let mut live = vec![FORCED_O; n];
        for k in 0..n {
            if date[k] {
                continue;
            }
            let tk = &doc.toks[k];
            let inner = match tk.kind {
                Kind::Number => true,
                // Never a full stop that ends a sentence.
                Kind::Punct => {
                    matches!(tk.ch, '(' | ')' | '&' | '-' | '\'' | ',' | '–' | '/')
                        || (tk.ch == '.' && !tk.term)
                }
                Kind::Word => tk.flags & INNER != 0,
            };
            live[k] = if may_begin[k] {
                ANY
            } else if inner
                && ((k >= 1 && may_begin[k - 1])
                    || (k >= 2 && may_begin[k - 2] && live[k - 1] == CONTINUE))
            {
                CONTINUE
            } else {
                FORCED_O
            };
        }
        // The shapes of the tokens the decoder reads one of: the scored
        // tokens and their neighbours (a token after a scored one is the
        // only other token it visits).
        let mut shapes = vec![0u64; n];
        let mut next = 0; // the first token whose shape is not yet set
        for (k, &l) in live.iter().enumerate() {
            if l == FORCED_O {
                continue;
            }
            let from = k.saturating_sub(1).max(next);
            for (j, s) in shapes.iter_mut().enumerate().take(k + 2).skip(from) {
                let t = &doc.toks[j];
                *s = if t.kind == Kind::Punct { t.ch as u64 } else { shape(doc.text_of(j)) };
            }
            next = next.max(k + 2);
        }
        // The affixes of the words that are scored, once per word.
        let mut affix = vec![(u8::MAX, [0; 4]); per_word.len()];
        for (k, tk) in doc.toks.iter().enumerate() {
            if live[k] != FORCED_O && tk.kind == Kind::Word && tk.id != super::tokens::NO_WORD {
                let a = &mut affix[tk.id as usize];
                if a.0 == u8::MAX {
                    *a = affixes(doc.low(k));
                }
            }
        }
        Features {
            doc,
            rules: rules.into_boxed_slice(),
            low: low.into_boxed_slice(),
            shape: shapes.into_boxed_slice(),
            name: name.into_boxed_slice(),
            live: live.into_boxed_slice(),
            mid_caps,
            votes: Default::default(),
            run: run.into_boxed_slice(),
            words: Vec::new(),
            next_elsewhere,
            affixes: affix.into_boxed_slice(),
        }
    }

    /// Looks the words of the document up in a model's word list.
    pub(crate) fn set_words(&mut self, filter: &WordFilter) {
        self.words.clear();
        if filter.is_empty() {
            return;
        }
        // Only the tokens a scored token looks at (itself and its
        // neighbours) are looked up.
        let n = self.low.len();
        self.words.resize(n, false);
        let mut next = 0; // the first token not yet looked up
        for k in 0..n {
            if self.live[k] == FORCED_O {
                continue;
            }
            for j in k.saturating_sub(1).max(next)..(k + 2).min(n) {
                self.words[j] = self.doc.toks[j].kind == Kind::Word && filter.contains(self.low[j]);
            }
            next = next.max(k + 2);
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.low.len()
    }

    /// Sets the document votes from a first pass's tags (empty `tags`:
    /// no votes).
    pub(crate) fn vote(&mut self, tags: &[u8]) {
        self.votes.clear();
        if tags.is_empty() {
            return;
        }
        let mut counts: rustc_hash::FxHashMap<u64, [u32; 4]> = Default::default();
        for (k, &tag) in tags.iter().enumerate() {
            let tk = &self.doc.toks[k];
            if tk.kind != Kind::Word || !(tk.upper || tk.caps) || self.live[k] == FORCED_O {
                continue;
            }
            let c = counts.entry(self.low[k]).or_default();
            c[if tag == O { 3 } else { type_of(tag) }] += 1;
        }
        for (w, c) in counts {
            let best = (0..4).max_by_key(|&i| (c[i], 3 - i)).unwrap_or(3);
            self.votes.insert(w, if best == 3 { 4 } else { 1 + best as u8 });
        }
    }

    /// Which tags token `k` may take ([`FORCED_O`], [`CONTINUE`], [`ANY`]).
    #[inline]
    pub(crate) fn live(&self, k: usize) -> u8 {
        self.live[k]
    }

    /// The hashes of the features of token `k` that do not depend on the
    /// tags, into `out` (cleared first); at most [`MAX_STATICS`].
    pub(crate) fn statics(&self, k: usize, out: &mut Hashes) {
        out.clear();
        let doc = self.doc;
        let get = |v: &[u64], j: usize, back: usize| -> u64 {
            if j < back {
                0xB0
            } else {
                v.get(j - back).copied().unwrap_or(0xE0)
            }
        };
        let ahead = |v: &[u64], j: usize| -> u64 { v.get(j).copied().unwrap_or(0xE0) };
        let tk = &doc.toks[k];
        let l0 = self.low[k];
        let s0 = self.shape[k];
        macro_rules! push {
            ($tmpl:expr, $v:expr) => {
                out.push(mix($tmpl, $v))
            };
        }
        push!(t::BIAS, 0);
        push!(t::LOW, l0);
        push!(t::SHAPE, s0);
        if tk.kind != Kind::Punct {
            let w = doc.text_of(k);
            push!(t::WORD, hash_str(w));
            let id = tk.id as usize;
            let (nc, hs) = match self.affixes.get(id) {
                Some(&a)
                    if a.0 != u8::MAX
                        && tk.kind == Kind::Word
                        && tk.id != super::tokens::NO_WORD =>
                {
                    a
                }
                _ => affixes(doc.low(k)),
            };
            if nc >= 3 {
                push!(t::PRE3, hs[0]);
            }
            for (tmpl, m) in [(t::SUF2, 2u8), (t::SUF3, 3), (t::SUF4, 4)] {
                if nc > m {
                    push!(tmpl, hs[m as usize - 1]);
                }
            }
        }
        push!(t::LOW_M2, get(&self.low, k, 2));
        push!(t::LOW_M1, get(&self.low, k, 1));
        push!(t::LOW_P1, ahead(&self.low, k + 1));
        push!(t::LOW_P2, ahead(&self.low, k + 2));
        push!(t::SHAPE_M1, get(&self.shape, k, 1));
        push!(t::SHAPE_P1, ahead(&self.shape, k + 1));
        push!(t::BI_M1, mix(get(&self.low, k, 1), l0));
        push!(t::BI_P1, mix(l0, ahead(&self.low, k + 1)));
        push!(t::SHAPE_LOW_M1, mix(s0, get(&self.low, k, 1)));
        let flags_at = |j: Option<usize>| -> u32 {
            j.and_then(|j| doc.toks.get(j)).map_or(0, |t| t.flags) & LEX_BITS
        };
        for (tmpl, j) in
            [(t::LEX_M1, k.checked_sub(1)), (t::LEX, Some(k)), (t::LEX_P1, Some(k + 1))]
        {
            let mut bits = flags_at(j);
            while bits != 0 {
                push!(tmpl, u64::from(bits.trailing_zeros()));
                bits &= bits - 1;
            }
        }
        let rule = |j: Option<usize>| -> u64 {
            j.map_or(99, |j| self.rules.get(j).map_or(98, |&r| u64::from(r)))
        };
        push!(t::RULE, rule(Some(k)));
        push!(t::RULE_M1, rule(k.checked_sub(1)));
        push!(t::RULE_P1, rule(Some(k + 1)));
        push!(t::RULE_LOW, mix(rule(Some(k)), l0));
        push!(t::POS, u64::from(tk.initial) | u64::from(tk.caps) << 1);
        push!(t::SHOUTY, u64::from(tk.shouty));
        push!(t::SEEN_LOWER, u64::from(tk.upper && doc.seen_lower(k)));
        push!(t::MID_CAPS, u64::from(tk.initial && self.mid_caps.contains(&l0)));
        let (rs, re) = (self.run[k].0 as usize, self.run[k].1 as usize);
        if re > rs {
            push!(t::RUN_FIRST, self.low[rs]);
            push!(t::RUN_LAST, self.low[re - 1]);
            push!(t::RUN_LEN, ((re - rs).min(5) * 8 + (k - rs).min(5)) as u64);
            push!(t::RUN_BEFORE, get(&self.low, rs, 1));
            push!(t::RUN_AFTER, ahead(&self.low, re));
        }
        // Punctuation, and words written against a bracket: `(BEI)` or
        // `( BEI )`.
        let gap = |j: usize| doc.toks.get(j).map_or(3, |t| t.gap as u64);
        let bracket = |j: usize| doc.is(j, '(') || doc.is(j, ')');
        if tk.kind == Kind::Punct
            || (k > 0 && gap(k) == 0 && bracket(k - 1))
            || (gap(k + 1) == 0 && k + 1 < doc.toks.len() && bracket(k + 1))
        {
            push!(t::GAP, mix(s0, gap(k) | gap(k + 1) << 2));
        }
        if !self.words.is_empty() {
            // (`words` is only filled around scored tokens, which are the
            // only ones whose features are computed.)
            let known =
                |j: Option<usize>| j.and_then(|j| self.words.get(j)).map_or(4, |&w| u64::from(w));
            let here = known(Some(k)) | u64::from(tk.upper) << 3 | u64::from(tk.initial) << 4;
            push!(t::WORDS, here | known(k.checked_sub(1)) << 5 | known(Some(k + 1)) << 8);
        }
        // Only for a word written capitalised more than once (so that some
        // of the evidence comes from elsewhere).
        if let Some(&(mut bits, _)) = self.next_elsewhere.get(&l0).filter(|e| e.1 >= 2) {
            while bits != 0 {
                push!(t::NEXT_ELSEWHERE, u64::from(bits.trailing_zeros()));
                bits &= bits - 1;
            }
        }
        let name = |j: Option<usize>| j.and_then(|j| self.name.get(j)).map_or(0, |&v| u64::from(v));
        push!(t::NAME, name(Some(k)));
        push!(t::NAME_M1, name(k.checked_sub(1)));
        push!(t::NAME_P1, name(Some(k + 1)));
    }

    /// The document-vote features of token `k`, once votes are set.
    pub(crate) fn doc_feats(&self, k: usize) -> Option<[u64; 2]> {
        if self.votes.is_empty() {
            return None;
        }
        let v = u64::from(self.votes.get(&self.low[k]).copied().unwrap_or(0));
        let initial = u64::from(self.doc.toks[k].initial);
        Some([mix(t::DOC, v), mix(t::DOC_INITIAL, v << 1 | initial)])
    }

    /// The hashes of the features of the transition from tag `prev` (at
    /// `k - 1`) to token `k`; each counts for the tag at `k`.
    pub(crate) fn edges(&self, k: usize, prev: u8) -> [u64; EDGES] {
        let p = u64::from(prev);
        [mix(t::PREV, p), prev_low(p, self.low[k]), prev_shape(p, self.shape[k])]
    }
}

/// The transition feature of previous tag `p` with lower-cased word hash
/// `low` ([`Features::edges`]).
#[inline(always)]
fn prev_low(p: u64, low: u64) -> u64 {
    mix(t::PREV_LOW, mix(p, low))
}

/// The transition feature of previous tag `p` with shape `shape`
/// ([`Features::edges`]).
#[inline(always)]
fn prev_shape(p: u64, shape: u64) -> u64 {
    mix(t::PREV_SHAPE, mix(p, shape))
}

/// A token that can only be `O` (lower-case words, punctuation, dates).
pub(crate) const FORCED_O: u8 = 0;
/// A token that may continue a name (`O` or an `I-` tag): up to two
/// tokens after one that can begin a name (`of`, `(`, `dan`).
pub(crate) const CONTINUE: u8 = 1;
/// A token that may take any tag.
pub(crate) const ANY: u8 = 2;
/// Transition features per token and previous tag.
pub(crate) const EDGES: usize = 3;

/// The most features [`Features::statics`] gives a token: 35 single ones,
/// the 26 lexicon classes ([`LEX_BITS`]) at three positions, the 15
/// classes of [`NEXT_BITS`].
pub(crate) const MAX_STATICS: usize = 35 + 3 * 26 + 15;

const _: () = assert!(LEX_BITS.count_ones() == 26 && NEXT_BITS.count_ones() == 15);
const _: () = assert!(NTAGS == 7); // [`add_row`]

/// A token's feature hashes: the static ones ([`Features::statics`]) and
/// its document votes ([`Features::doc_feats`]), in a fixed buffer.
pub(crate) struct Hashes {
    h: [u64; MAX_STATICS + 2],
    n: usize,
}

impl Hashes {
    pub(crate) fn new() -> Hashes {
        Hashes { h: [0; MAX_STATICS + 2], n: 0 }
    }

    #[inline(always)]
    fn clear(&mut self) {
        self.n = 0;
    }

    #[inline(always)]
    pub(crate) fn push(&mut self, h: u64) {
        self.h[self.n] = h;
        self.n += 1;
    }

    /// The hashes.
    #[inline(always)]
    pub(crate) fn as_slice(&self) -> &[u64] {
        &self.h[..self.n]
    }
}

/// Weights that score a feature hash: adds its row to `acc`.
pub(crate) trait Weights {
    /// Adds the weights of feature `h` for every tag to `acc`.
    fn add(&self, h: u64, acc: &mut [i64; NTAGS]);

    /// Adds the weights of every feature of `hs` to `acc`.
    fn add_all(&self, hs: &[u64], acc: &mut [i64; NTAGS]) {
        for &h in hs {
            self.add(h, acc);
        }
    }
}

/// Whether tag `c` may follow tag `p`.
#[inline]
pub(crate) const fn allowed(p: u8, c: u8) -> bool {
    !is_inside(c) || (p != O && type_of(p) == type_of(c))
}

const NEG: i64 = i64::MIN / 4;

/// Scores kept between the two passes of [`Tagger::tag`]: the static
/// emission scores of each live token, and the scores of the two
/// transition features of [`Features::edges`] for every previous tag, by
/// lower-cased word and by shape (so worked out once per distinct word
/// and shape of the document). Only the tokens the passes visit get an
/// entry.
pub(crate) struct Memo {
    /// For each token, its entry in `entries`, or `u32::MAX` for none.
    slot: Vec<u32>,
    entries: Vec<MemoEntry>,
    /// For each word id ([`super::tokens::Token::id`]), its entry in
    /// `parts` for the word's transition feature, or `u32::MAX`.
    by_id: Vec<u32>,
    /// The same for tokens without a word id, by lower-case hash.
    by_low: rustc_hash::FxHashMap<u64, u32>,
    /// The entry in `parts` of each shape's transition feature.
    by_shape: rustc_hash::FxHashMap<u64, u32>,
    /// For each previous tag, the weights of one transition feature (`i8`
    /// weights, widened).
    parts: Vec<[[i16; NTAGS]; NTAGS]>,
}

/// What [`Memo`] keeps for one token.
#[derive(Clone, Copy)]
struct MemoEntry {
    /// The static emission scores (without the document votes).
    emit: [i32; NTAGS],
    /// Whether `emit` is computed.
    has_emit: bool,
    /// The entries in [`Memo::parts`] of the token's word and shape
    /// transition features.
    low: u32,
    shape: u32,
}

impl Memo {
    fn new(n: usize) -> Memo {
        Memo {
            slot: vec![u32::MAX; n],
            entries: Vec::new(),
            by_id: Vec::new(),
            by_low: Default::default(),
            by_shape: Default::default(),
            parts: Vec::new(),
        }
    }

    /// A new entry in `parts`: the weights of `feature(p)` for each
    /// previous tag `p`.
    fn part(&mut self, w: &impl Weights, feature: impl Fn(u64) -> u64) -> u32 {
        let mut part = [[0i16; NTAGS]; NTAGS];
        for (p, row) in part.iter_mut().enumerate() {
            let mut e = [0i64; NTAGS];
            w.add(feature(p as u64), &mut e);
            for (s, &v) in row.iter_mut().zip(&e) {
                debug_assert!(i16::try_from(v).is_ok());
                *s = v as i16;
            }
        }
        self.parts.push(part);
        (self.parts.len() - 1) as u32
    }

    /// The entry of token `k`, made (with its transition parts) if it has
    /// none yet.
    fn entry(&mut self, f: &Features, w: &impl Weights, k: usize) -> usize {
        let s = self.slot[k];
        if s != u32::MAX {
            return s as usize;
        }
        let (low, shape) = (f.low[k], f.shape[k]);
        let id = f.doc.toks[k].id;
        let known = if f.doc.toks[k].kind == Kind::Word && id != super::tokens::NO_WORD {
            let i = id as usize;
            if i >= self.by_id.len() {
                self.by_id.resize(i + 1, u32::MAX);
            }
            self.by_id[i]
        } else {
            self.by_low.get(&low).copied().unwrap_or(u32::MAX)
        };
        let low_part = if known != u32::MAX {
            known
        } else {
            let e = self.part(w, |p| prev_low(p, low));
            if f.doc.toks[k].kind == Kind::Word && id != super::tokens::NO_WORD {
                self.by_id[id as usize] = e;
            } else {
                self.by_low.insert(low, e);
            }
            e
        };
        let shape_part = match self.by_shape.get(&shape) {
            Some(&e) => e,
            None => {
                let e = self.part(w, |p| prev_shape(p, shape));
                self.by_shape.insert(shape, e);
                e
            }
        };
        let i = self.entries.len();
        self.slot[k] = i as u32;
        self.entries.push(MemoEntry {
            emit: [0; NTAGS],
            has_emit: false,
            low: low_part,
            shape: shape_part,
        });
        i
    }
}

/// What [`viterbi_range`] keeps between passes.
pub(crate) enum Cache<'c> {
    /// Nothing kept (training: the weights change between passes).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Off,
    /// Keep each live token's emission scores (and the transition scores).
    Fill(&'c mut Memo),
    /// Reuse the emission scores (keep and reuse the transition scores).
    Use(&'c mut Memo),
}

/// For each previous tag `p` (index) and each [`Features::live`] class
/// (bits `8 × class ..`), the tags that may follow as a bit set: [`allowed`]
/// and the class together.
const NEXT: [u32; NTAGS] = {
    let mut out = [0u32; NTAGS];
    let mut p = 0;
    while p < NTAGS {
        let mut c = 0;
        while c < NTAGS {
            if allowed(p as u8, c as u8) {
                let any = 1u32 << c;
                let cont = if c as u8 == O || is_inside(c as u8) { any } else { 0 };
                let forced = if c as u8 == O { any } else { 0 };
                out[p] |= forced << (8 * FORCED_O as u32)
                    | cont << (8 * CONTINUE as u32)
                    | any << (8 * ANY as u32);
            }
            c += 1;
        }
        p += 1;
    }
    out
};

/// Transition weights of zero (the parts [`viterbi_range`] does not use
/// without a [`Memo`]).
const ZERO_PART: [[i16; NTAGS]; NTAGS] = [[0; NTAGS]; NTAGS];

/// One Viterbi step: from the scores `delta` of the previous token's tags
/// to this token's, given the transition scores `edge[p][c] + low[p][c] +
/// shape[p][c]` (read only for the `p` whose `delta` is finite), the
/// emission scores and the tags the token's class (`live`) allows; the
/// best previous tag of each tag goes to `back` (the first, in tag order,
/// of equal scores).
#[inline(always)]
fn step(
    delta: &[i64; NTAGS],
    edge: &[[i64; NTAGS]; NTAGS],
    low: &[[i16; NTAGS]; NTAGS],
    shape: &[[i16; NTAGS]; NTAGS],
    emit: &[i64; NTAGS],
    live: u8,
    back: &mut [u8; NTAGS],
) -> [i64; NTAGS] {
    let mut next = [NEG; NTAGS];
    let shift = 8 * u32::from(live);
    for p in 0..NTAGS {
        let d = delta[p];
        if d == NEG {
            continue;
        }
        let (e, l, s) = (&edge[p], &low[p], &shape[p]);
        let mut cs = (NEXT[p] >> shift) & 0xFF;
        while cs != 0 {
            let c = cs.trailing_zeros() as usize;
            cs &= cs - 1;
            let v = d + e[c] + i64::from(l[c]) + i64::from(s[c]) + emit[c];
            if v > next[c] {
                next[c] = v;
                back[c] = p as u8;
            }
        }
    }
    next
}

/// The best tag sequence for the tokens `from..to` (Viterbi over the
/// lattice the [`Features::live`] classes allow; first-order
/// transitions). Tokens that can only be `O`, after a token that could
/// only be `O`, cost nothing.
pub(crate) fn viterbi_range(
    f: &Features,
    w: &impl Weights,
    buf: &mut Hashes,
    from: usize,
    to: usize,
    mut cache: Cache,
) -> Vec<u8> {
    let n = to - from;
    let mut trans = [[0i64; NTAGS]; NTAGS];
    for (p, row) in trans.iter_mut().enumerate() {
        w.add(mix(t::PREV, p as u64), row);
    }
    // The best previous tag of each tag, for the tokens visited (the others
    // are `O` from `O`).
    let mut back: Vec<(u32, [u8; NTAGS])> = Vec::with_capacity(n);
    let mut delta = [NEG; NTAGS];
    delta[O as usize] = 0;
    let mut only_o = true; // whether delta has no finite state but O
    for i in 0..n {
        let k = from + i;
        let live = f.live(k);
        if live == FORCED_O && only_o {
            continue; // O from O; delta unchanged
        }
        let mut back_i = [O; NTAGS];
        let mut emit = [0i64; NTAGS];
        let next = match &mut cache {
            Cache::Off => {
                if live != FORCED_O {
                    f.statics(k, buf);
                    w.add_all(buf.as_slice(), &mut emit);
                    if let Some(hs) = f.doc_feats(k) {
                        w.add_all(&hs, &mut emit);
                    }
                }
                let mut edge = trans;
                for (p, row) in edge.iter_mut().enumerate() {
                    if delta[p] != NEG {
                        w.add_all(&f.edges(k, p as u8)[1..], row);
                    }
                }
                step(&delta, &edge, &ZERO_PART, &ZERO_PART, &emit, live, &mut back_i)
            }
            Cache::Fill(m) | Cache::Use(m) => {
                let slot = m.entry(f, w, k);
                let entry = &mut m.entries[slot];
                if live != FORCED_O {
                    if !entry.has_emit {
                        f.statics(k, buf);
                        let mut e = [0i64; NTAGS];
                        w.add_all(buf.as_slice(), &mut e);
                        for (s, &v) in entry.emit.iter_mut().zip(&e) {
                            *s = v as i32;
                        }
                        entry.has_emit = true;
                    }
                    for (e, &v) in emit.iter_mut().zip(&entry.emit) {
                        *e = i64::from(v);
                    }
                    if let Some(hs) = f.doc_feats(k) {
                        w.add_all(&hs, &mut emit);
                    }
                }
                let (low, shape) = (entry.low as usize, entry.shape as usize);
                step(&delta, &trans, &m.parts[low], &m.parts[shape], &emit, live, &mut back_i)
            }
        };
        delta = next;
        only_o = delta[1..].iter().all(|&d| d == NEG);
        back.push((i as u32, back_i));
    }
    let mut tags = vec![O; n];
    let mut best = O;
    for c in 0..NTAGS as u8 {
        if delta[c as usize] > delta[best as usize] {
            best = c;
        }
    }
    // Back from the end: a token not visited keeps the tag it is reached
    // with and passes `O` on.
    let mut above = n; // the token after the one being tagged
    for &(i, b) in back.iter().rev() {
        let i = i as usize;
        if i + 1 < above {
            tags[above - 1] = best;
            best = O;
        }
        tags[i] = best;
        best = b[best as usize];
        above = i;
    }
    if above > 0 {
        tags[above - 1] = best;
    }
    tags
}

/// Adds the seven `i8` weights of a row (the bytes of `r`, little-endian)
/// to `acc`.
#[inline(always)]
fn add_row(r: u64, acc: &mut [i64; NTAGS]) {
    acc[0] += i64::from(r as i8);
    acc[1] += i64::from((r >> 8) as i8);
    acc[2] += i64::from((r >> 16) as i8);
    acc[3] += i64::from((r >> 24) as i8);
    acc[4] += i64::from((r >> 32) as i8);
    acc[5] += i64::from((r >> 40) as i8);
    acc[6] += i64::from((r >> 48) as i8);
}

impl Weights for Tagger {
    #[inline]
    fn add(&self, h: u64, acc: &mut [i64; NTAGS]) {
        add_row(self.rows[bucket(h, self.bits)], acc);
    }

    /// Sums the rows eight weights at a time: each weight is biased by
    /// +128 (so it is a byte 0..=255) and the bytes of even and odd tags
    /// are added in two words of four 16-bit lanes, which cannot overflow
    /// for up to 257 rows; the bias is taken off at the end. The same
    /// integers as [`Weights::add`], with fewer operations.
    #[inline]
    fn add_all(&self, hs: &[u64], acc: &mut [i64; NTAGS]) {
        if hs.len() <= 4 {
            // Few rows (the transition and document-vote features): one by
            // one.
            for &h in hs {
                add_row(self.rows[bucket(h, self.bits)], acc);
            }
            return;
        }
        const LANES: u64 = 0x00FF_00FF_00FF_00FF;
        const BIAS: u64 = 0x8080_8080_8080_8080;
        let mut rest = hs;
        while !rest.is_empty() {
            let (chunk, tail) = rest.split_at(rest.len().min(256));
            rest = tail;
            let (mut even, mut odd) = (0u64, 0u64);
            for &h in chunk {
                let r = self.rows[bucket(h, self.bits)] ^ BIAS;
                even += r & LANES;
                odd += (r >> 8) & LANES;
            }
            let bias = 128 * chunk.len() as i64;
            for (c, a) in acc.iter_mut().enumerate() {
                let word = if c % 2 == 0 { even } else { odd };
                *a += ((word >> (16 * (c / 2))) & 0xFFFF) as i64 - bias;
            }
        }
    }
}

impl Tagger {
    /// Reads a model file (see the module doc).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        if bytes.len() < 8 + 4 + 2 + 1 + 4 + 4 {
            return Err(ModelError::Damaged("too short"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if fnv32(body).to_le_bytes() != sum {
            return Err(ModelError::Damaged("checksum mismatch"));
        }
        let mut r = Reader { b: body, at: 8 };
        let format = r.u16()?;
        let features = r.u16()?;
        if format != FORMAT || features != FEATURE_SET {
            return Err(ModelError::Version { format, features });
        }
        let bits = u32::from(r.u8()?);
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Damaged("table size out of range"));
        }
        if usize::from(r.u8()?) != NTAGS {
            return Err(ModelError::Damaged("wrong number of tags"));
        }
        let n = usize::from(r.u8()?);
        let lang = std::str::from_utf8(r.take(n)?)
            .map_err(|_| ModelError::Damaged("language tag"))?
            .to_string();
        let stored = r.u32()? as usize;
        let size = 1usize << bits;
        if stored > size {
            return Err(ModelError::Damaged("more rows than the table holds"));
        }
        let mut rows = vec![0u64; size];
        let mut index = 0usize;
        for i in 0..stored {
            let delta = r.varint()?;
            index = if i == 0 { delta } else { index.saturating_add(delta) };
            if index >= size || (i > 0 && delta == 0) {
                return Err(ModelError::Damaged("row index out of range"));
            }
            let w = r.take(NTAGS)?;
            let mut row = [0u8; 8];
            row[..NTAGS].copy_from_slice(w);
            rows[index] = u64::from_le_bytes(row);
        }
        let wbits = u32::from(r.u8()?);
        let probes = u32::from(r.u8()?);
        let words = if wbits == 0 {
            if probes != 0 {
                return Err(ModelError::Damaged("word list"));
            }
            WordFilter::default()
        } else {
            if !(6..=24).contains(&wbits) || !(1..=8).contains(&probes) {
                return Err(ModelError::Damaged("word list size out of range"));
            }
            let bytes = r.take(1usize << (wbits - 3))?;
            let set = bytes
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect();
            WordFilter { bits: wbits, probes, set }
        };
        if r.at != body.len() {
            return Err(ModelError::Damaged("trailing bytes"));
        }
        Ok(Tagger { lang, bits, rows: rows.into_boxed_slice(), words })
    }

    /// Writes the model file (see the module doc).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.push(self.bits as u8);
        out.push(NTAGS as u8);
        out.push(self.lang.len() as u8);
        out.extend_from_slice(self.lang.as_bytes());
        out.extend_from_slice(&(self.nonzero_rows() as u32).to_le_bytes());
        let mut last = 0usize;
        for (i, &row) in self.rows.iter().enumerate() {
            if row == 0 {
                continue;
            }
            let row = row.to_le_bytes();
            let mut d = i - last;
            last = i;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.extend_from_slice(&row[..NTAGS]);
        }
        out.push(self.words.bits as u8);
        out.push(if self.words.is_empty() { 0 } else { self.words.probes as u8 });
        for w in &self.words.set {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = fnv32(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Builds a tagger from trained weights (`2^bits` rows).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn from_rows(
        lang: &str,
        bits: u32,
        rows: Vec<[i8; 8]>,
        words: WordFilter,
    ) -> Tagger {
        let rows = rows
            .iter()
            .map(|r| {
                let mut row = [0u8; 8];
                for (b, &w) in row.iter_mut().zip(&r[..NTAGS]) {
                    *b = w as u8;
                }
                u64::from_le_bytes(row)
            })
            .collect::<Vec<u64>>()
            .into_boxed_slice();
        Tagger { lang: lang.to_string(), bits, rows, words }
    }

    /// The number of rows with a non-zero weight.
    pub fn nonzero_rows(&self) -> usize {
        self.rows.iter().filter(|&&r| r != 0).count()
    }

    /// Tags the tokens of a document in two passes: the second sees the
    /// document votes of the first ([`Features::vote`]). Each line is
    /// decoded on its own, as the model was trained (a sentence per line,
    /// `train.rs`): a line's first token is never inside a name that began
    /// on the line before, so no name runs over a line break or a blank
    /// line (a headline, a dateline, a byline, a list item, a paragraph).
    pub(crate) fn tag(&self, f: &mut Features) -> Vec<u8> {
        f.set_words(&self.words);
        let mut buf = Hashes::new();
        let n = f.len();
        let mut memo = Memo::new(n);
        let lines = lines(f.doc);
        let mut first = Vec::with_capacity(n);
        for &(a, b) in &lines {
            first.extend(viterbi_range(f, self, &mut buf, a, b, Cache::Fill(&mut memo)));
        }
        f.vote(&first);
        let mut tags = Vec::with_capacity(n);
        for &(a, b) in &lines {
            tags.extend(viterbi_range(f, self, &mut buf, a, b, Cache::Use(&mut memo)));
        }
        if f.doc.lang == super::tokens::Lang::Id {
            join_abbreviations(f.doc, &mut tags);
        }
        tags
    }
}

/// The lines of a document as token ranges `from..to`, in order, together
/// covering every token: a new line starts at each token after a line
/// break or a blank line ([`super::tokens::Gap::Line`] or more).
pub(crate) fn lines(doc: &Doc) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (k, t) in doc.toks.iter().enumerate().skip(1) {
        if t.gap >= super::tokens::Gap::Line {
            out.push((from, k));
            from = k;
        }
    }
    if from < doc.toks.len() {
        out.push((from, doc.toks.len()));
    }
    out
}

/// Indonesian: an organisation or place followed by a bracket written
/// against the words inside it, `Bursa Efek Indonesia (BEI)`, is one
/// entity, the convention the model is trained to (see
/// `train::harmonise`); where the model still split it, or left the
/// bracket out, the bracket joins the name. Only brackets that hold
/// nothing but a name written without spaces and tagged `O` or as one
/// entity of the same type are joined.
fn join_abbreviations(doc: &Doc, tags: &mut [u8]) {
    let toks = &doc.toks;
    let n = tags.len();
    let mut k = 1;
    while k + 2 < n {
        let prev = tags[k - 1];
        let ty = if prev == O { usize::MAX } else { type_of(prev) };
        if ty == 0 || ty == usize::MAX || !doc.is(k, '(') || toks[k].gap == super::tokens::Gap::None
        {
            k += 1;
            continue;
        }
        // The bracket's words: attached to `(` and to one another, up to
        // an attached `)`.
        let mut j = k + 1;
        while j < n && toks[j].kind != Kind::Punct && toks[j].gap == super::tokens::Gap::None {
            j += 1;
        }
        let closed = j > k + 1
            && j < n
            && doc.is(j, ')')
            && toks[j].gap == super::tokens::Gap::None
            && toks[k + 1].upper;
        let inside_ok = closed
            && (tags[k + 1..j].iter().all(|&t| t == O)
                || (tags[k + 1] == begin(ty)
                    && tags[k + 2..j].iter().all(|&t| t == begin(ty) + 1)))
            && tags[j] == O
            && tags[k] == O;
        if inside_ok {
            for t in &mut tags[k..=j] {
                *t = begin(ty) + 1;
            }
            k = j + 1;
        } else {
            k += 1;
        }
    }
}

/// Turns per-token tags into spans (byte offsets). A span never ends on
/// punctuation, except a `)` closing a `(` inside it (`Bursa Efek
/// Indonesia (BEI)`) or the full stop of an abbreviation.
pub(crate) fn spans(doc: &Doc, tags: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut close = |ty: usize, first: usize, mut last: usize| {
        while last > first {
            let t = &doc.toks[last];
            let keep = t.kind != Kind::Punct
                || (t.ch == ')' && (first..last).any(|j| doc.is(j, '(')))
                || (t.ch == '.' && !t.term);
            if keep {
                break;
            }
            last -= 1;
        }
        out.push(Span::new(TYPES[ty], doc.toks[first].start(), doc.toks[last].end()));
    };
    let mut open: Option<(usize, usize, usize)> = None; // (type, first, last token)
    for (k, &tag) in tags.iter().enumerate() {
        if is_inside(tag) {
            if let Some(o) = open.as_mut() {
                if o.0 == type_of(tag) {
                    o.2 = k;
                    continue;
                }
            }
        }
        if let Some((ty, first, last)) = open.take() {
            close(ty, first, last);
        }
        if tag != O {
            open = Some((type_of(tag), k, k));
        }
    }
    if let Some((ty, first, last)) = open {
        close(ty, first, last);
    }
    out
}

/// FNV-1a, 32 bits.
fn fnv32(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in b {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Damaged("cut short"))?;
        let s = self.b.get(self.at..end).ok_or(ModelError::Damaged("cut short"))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn varint(&mut self) -> Result<usize, ModelError> {
        let mut v = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Damaged("bad row index"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fixed() {
        // The model files depend on these values: they must never change
        // between builds or targets.
        assert_eq!(hash_str(""), 0);
        assert_eq!(
            bucket(mix(t::LOW, hash_str("jakarta")), 20),
            bucket(mix(3, hash_str("jakarta")), 20)
        );
        assert_ne!(hash_str("jakarta"), hash_str("Jakarta"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut rows = vec![[0i8; 8]; 1 << 10];
        rows[3] = [1, -2, 3, 0, 0, 0, 127, 0];
        rows[900] = [-128, 0, 0, 0, 0, 0, 1, 0];
        let mut words = WordFilter::with_capacity(3);
        words.insert(hash_str("dan"));
        let t = Tagger::from_rows("id", 10, rows, words);
        let bytes = t.to_bytes();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back.rows, t.rows);
        assert_eq!(back.words, t.words);
        assert!(back.words.contains(hash_str("dan")));
        assert_eq!(back.lang, "id");
        for cut in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err());
        }
        let mut bad = bytes.clone();
        bad[20] ^= 1;
        assert!(Tagger::from_bytes(&bad).is_err());
        assert_eq!(Tagger::from_bytes(b"hello").unwrap_err(), ModelError::NotAModel);
    }

    #[test]
    fn ascii_shapes_are_the_character_shapes() {
        // `shape` reads ASCII words byte by byte; the same word with one
        // non-ASCII character appended (`*`) goes through the character
        // classes, so the two shapes must agree up to that last class.
        for w in [
            "",
            "a",
            "Jakarta",
            "BEI",
            "McDonald's",
            "Covid-19",
            "3.5",
            "x1Y2z3W4",
            "e.g.",
            "((Aa))",
        ] {
            let bytes = shape(w) ^ 0x5a;
            let chars = shape(&format!("{w}\u{2020}")) ^ 0x5a;
            let n = (0..6).take_while(|i| bytes >> (8 * i) & 0xFF != 0).count();
            assert_eq!(bytes, chars & ((1u64 << (8 * n)) - 1), "{w}");
        }
    }

    #[test]
    fn inside_only_after_same_type() {
        assert!(!allowed(O, begin(0) + 1));
        assert!(allowed(begin(0), begin(0) + 1));
        assert!(allowed(begin(0) + 1, begin(0) + 1));
        assert!(!allowed(begin(1), begin(0) + 1));
        assert!(allowed(begin(1), begin(0)));
    }
}
