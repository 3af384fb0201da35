//! Tokens: the words, numbers and marks of a text, with their byte spans.
//!
//! A [`Doc`] is the recognizer's view of one text: the text itself, an
//! ASCII-lower-cased copy with the **same byte offsets** (so a token's
//! lower-case form is a slice of it, with no allocation), and the list of
//! [`Token`]s in order. Every later stage (dates, entities, quotes) works on
//! token indices and reads byte offsets from the tokens, so spans are always
//! on character boundaries.
//!
//! A word is a run of alphanumeric characters and combining marks, with
//! inner hyphens and apostrophes (`al-Assad`, `O'Brien`, `Jum'at`), but a
//! possessive `'s` is split off. Digits keep inner `.` and `,`
//! (`1.000.000`), domain names keep their dot (`KOMPAS.com`) and
//! dotted capitals stay one token (`U.S.`). Every other non-space character
//! is a token of its own, except invisible ones (zero-width space, word
//! joiner, byte-order mark), which are skipped as if absent.

use std::borrow::Cow;

use super::lexicon::{self, flags, more, MAX_WORDS};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with digits, marks, inner hyphens).
    Word,
    /// ASCII digits only.
    Number,
    /// Any other single character: punctuation, symbols, emoji.
    Punct,
}

/// The white space before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// None: the token touches the one before.
    None,
    /// Spaces or tabs on the same line.
    Space,
    /// One line break.
    Line,
    /// A blank line (or more): a new paragraph.
    Para,
}

/// The language a text is analysed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    /// Indonesian.
    Id,
    /// English.
    En,
    /// Anything else: rules of both languages apply.
    Other,
}

impl Lang {
    /// Reads a BCP 47 tag; only the primary subtag matters.
    pub(crate) fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") {
            Lang::Id
        } else if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Other
        }
    }

    /// The primary tag of a language with rules of its own (`"id"`,
    /// `"en"`); `None` for [`Lang::Other`].
    pub(crate) fn code(self) -> Option<&'static str> {
        match self {
            Lang::Id => Some("id"),
            Lang::En => Some("en"),
            Lang::Other => None,
        }
    }
}

/// One token of a text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// First byte ([`Token::start`]; 32 bits keep the token small: every
    /// pass over a long text's tokens reads them all).
    start: u32,
    /// One past the last byte ([`Token::end`]).
    end: u32,
    /// What it is.
    pub kind: Kind,
    /// The white space before it.
    pub gap: Gap,
    /// Its first character.
    pub ch: char,
    /// Lexicon flags of the token as a one-word phrase.
    pub flags: u32,
    /// The most words of any lexicon phrase that starts with this word
    /// (0 when none of two words or more does): longer keys are never
    /// built or looked up.
    pub phrase_words: u8,
    /// Starts with an upper-case letter (or is `al-`/`el-` + capital).
    pub upper: bool,
    /// Has two or more letters, all upper-case (`KPK`, `PDI-P`).
    pub caps: bool,
    /// Begins a sentence (or a quotation, or a line).
    pub initial: bool,
    /// A `.`, `!`, `?` or `…` that ends a sentence.
    pub term: bool,
    /// Lies on a line written mostly in capitals (a shouted headline).
    pub shouty: bool,
    /// Paragraph number, counting blank lines from 0.
    pub para: u32,
    /// For a word, the number of its lower-case form among the distinct
    /// words of the text (in order of first occurrence), [`NO_WORD`] for
    /// numbers and marks: equal ids, equal [`Doc::low`] texts. Per-word
    /// work (a hash, a feature) can be done once per id.
    pub id: u32,
    /// The lexicon's other classes of the word ([`lexicon::more`]).
    pub more: u8,
    /// The cue flags of the word (`cues::lookup` of its lower-case form).
    pub cue: u16,
    /// The flags of every lexicon phrase of two words or more that starts
    /// here, OR-ed (0 when none does; see [`Doc::longest`]).
    pub multi: u32,
}

impl Token {
    /// The token's first byte.
    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the token's last byte.
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }
}

/// [`Token::id`] of a token that is not a word.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// A text prepared for recognition.
pub(crate) struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The text lower-cased by ASCII rules: same length, same offsets.
    pub lower: String,
    /// The tokens, in order.
    pub toks: Vec<Token>,
    /// The language.
    pub lang: Lang,
    /// For each word id ([`Token::id`]): whether the text writes that word
    /// somewhere as it is, starting with a lower-case letter.
    seen: Vec<bool>,
    /// For each word id: whether the text writes that word with a capital
    /// inside a sentence somewhere (worked out when first asked).
    inside: std::cell::OnceCell<Vec<bool>>,
    /// The tokens that may open a credit line (`credits`), in order: the
    /// words that open one, and every `by`.
    pub credits: Vec<u32>,
    /// For each token whose [`Token::multi`] is not 0, in token order: its
    /// index and the flags of its phrases of 2, 3 and 4 words.
    multi: Vec<(u32, [u32; 3])>,
    /// For each block of [`BLOCK`] bytes of the text, the index of the
    /// first token that starts in it or after it: [`Doc::tok_at`] starts
    /// there and steps over the few tokens before its byte. (A binary
    /// search of a long text's tokens misses the cache at most of its
    /// steps, and the rules ask for the tokens of a span tens of thousands
    /// of times.)
    block_first: Vec<u32>,
}

/// The bytes of text per entry of [`Doc::block_first`].
const BLOCK: usize = 16;

/// The distinct words of a text while it is tokenised, each with its id
/// (the order of first occurrence): an open-addressing hash table keyed
/// by the bytes of the lower-cased text.
struct Interner<'t> {
    /// The lower-cased text.
    lower: &'t [u8],
    /// For each slot, 1 + the id of the word there; 0 when empty.
    slots: Vec<u32>,
    /// For each id: the word's hash, its first eight bytes (zero-padded)
    /// and where it first occurs.
    words: Vec<(u64, u64, usize, usize)>,
}

impl<'t> Interner<'t> {
    /// A table for about `expected` distinct words of `lower`.
    fn new(lower: &'t [u8], expected: usize) -> Self {
        let slots = vec![0; (expected * 2).next_power_of_two().max(64)];
        Interner { lower, slots, words: Vec::with_capacity(expected) }
    }

    /// The (up to) eight bytes of the text from `at`, stopping at `end`,
    /// zero-padded, as a number.
    fn eight(&self, at: usize, end: usize) -> u64 {
        let n = (end - at).min(8);
        match self.lower.get(at..at + 8) {
            // One load, the bytes past `end` masked off.
            Some(b) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(b);
                let v = u64::from_le_bytes(w);
                if n == 8 {
                    v
                } else {
                    v & ((1u64 << (8 * n)) - 1)
                }
            }
            None => self.lower[at..at + n].iter().rev().fold(0, |v, &b| v << 8 | u64::from(b)),
        }
    }

    /// A hash of the word at `start..end` whose first eight bytes are
    /// `head`.
    fn hash(&self, start: usize, end: usize, head: u64) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = (head ^ (end - start) as u64).wrapping_mul(K);
        let mut at = start + 8;
        while at < end {
            h = (h.rotate_left(23) ^ self.eight(at, end)).wrapping_mul(K);
            at += 8;
        }
        h ^ h >> 29
    }

    /// The id of the word at `start..end` of the text, and whether it is
    /// new (then it is the next id).
    fn id(&mut self, start: usize, end: usize) -> (u32, bool) {
        let w = &self.lower[start..end];
        let head = self.eight(start, end);
        let h = self.hash(start, end, head);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            let (wh, whead, s, e) = self.words[slot as usize - 1];
            // Same hash, same first bytes, same length: for words of up to
            // eight bytes that is equality.
            if wh == h
                && whead == head
                && e - s == w.len()
                && (w.len() <= 8 || self.lower[s..e] == *w)
            {
                return (slot - 1, false);
            }
            i = (i + 1) & mask;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(NO_WORD);
        self.words.push((h, head, start, end));
        self.slots[i] = id.wrapping_add(1);
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let mask = self.slots.len() * 2 - 1;
        let mut slots = vec![0u32; mask + 1];
        for (id, &(h, ..)) in self.words.iter().enumerate() {
            let mut i = h as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

/// Sets [`Token::shouty`] on the tokens of a line with `words` words
/// (three or more), `caps` of them in capitals (most of them).
fn mark_shouting(line: &mut [Token], words: usize, caps: usize) {
    if words >= 3 && caps * 10 >= words * 6 {
        for t in line {
            t.shouty = true;
        }
    }
}

/// Whether `c` is a combining mark that belongs to the preceding letter.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// The character at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Top-level domains kept inside a word (`KOMPAS.com`, `TEMPO.CO`).
const DOMAINS: &[&str] = &["com", "co", "id", "net", "org", "go", "or", "ac", "news", "tv"];

/// Classes of the ASCII letters and digits, by byte ([`ASCII_CLASS`]).
const LOWER: u8 = 1;
/// An ASCII capital.
const UPPER: u8 = 2;
/// An ASCII digit.
const DIGIT: u8 = 4;

/// The class of every byte: [`LOWER`], [`UPPER`], [`DIGIT`] or 0.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// A word found by [`scan_word`].
struct Scanned {
    /// One past its last byte.
    end: usize,
    /// Made of ASCII digits only.
    digits: bool,
    /// Made of ASCII letters and digits only; then `classes` describes it.
    plain: bool,
    /// The [`ASCII_CLASS`] bits of its bytes, OR-ed.
    classes: u8,
}

/// Finds the end of the word that starts at byte `start`, whether it is
/// made of ASCII digits only, and (for a word of ASCII letters and digits
/// only) what its letters are.
fn scan_word(text: &str, start: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut digits = true;
    let mut plain = true;
    let mut classes = 0u8;
    loop {
        // Fast path: ASCII letters and digits need no decoding.
        for &b in &bytes[j..] {
            let class = ASCII_CLASS[usize::from(b)];
            if class == 0 {
                break;
            }
            classes |= class;
            j += 1;
        }
        match bytes.get(j) {
            // Any other ASCII byte but `-`, `'`, `.` and `,` ends the word.
            Some(&b) if b < 0x80 && !matches!(b, b'-' | b'\'' | b'.' | b',') => break,
            None => break,
            Some(_) => {}
        }
        digits &= classes & (LOWER | UPPER) == 0;
        let Some(c) = char_at(text, j) else { break };
        if is_word_char(c) {
            plain = false;
            digits &= c.is_ascii_digit();
            j += c.len_utf8();
            continue;
        }
        let after = j + c.len_utf8();
        let next = char_at(text, after);
        match (c, next) {
            ('-' | '\u{2010}' | '\u{2011}', Some(d)) if d.is_alphanumeric() => {
                plain = false;
                digits = false;
                j = after;
            }
            ('\'' | '\u{2019}', Some(d)) if d.is_alphabetic() && !digits => {
                // A possessive `'s` (or `’s`) ends the word before the mark.
                let d_end = after + d.len_utf8();
                let possessive =
                    (d == 's' || d == 'S') && !char_at(text, d_end).is_some_and(is_word_char);
                if possessive {
                    break;
                }
                plain = false;
                j = after;
            }
            ('.' | ',', Some(d)) if digits && d.is_ascii_digit() => {
                plain = false;
                j = after;
            }
            ('.', Some(d)) if d.is_ascii_alphabetic() && !digits && j - start >= 2 => {
                let mut k = after;
                while k < bytes.len() && bytes[k].is_ascii_alphabetic() {
                    k += 1;
                }
                let tld = &text[after..k];
                let known = DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(tld));
                if !known || char_at(text, k).is_some_and(is_word_char) {
                    break;
                }
                plain = false;
                digits = false;
                j = k;
            }
            _ => break,
        }
    }
    digits &= classes & (LOWER | UPPER) == 0;
    // Dotted capitals: `U.S.`, `U.S.A.`, `J.K.`.
    if j == start + 1 && bytes[start].is_ascii_uppercase() {
        let mut k = j;
        while k + 2 < bytes.len()
            && bytes[k] == b'.'
            && bytes[k + 1].is_ascii_uppercase()
            && bytes[k + 2] == b'.'
        {
            k += 2;
        }
        if k > j {
            j = k + 1;
            plain = false;
        }
    }
    Scanned { end: j, digits, plain, classes }
}

/// Whether a word token starts like a name: a capital, or `al-`/`el-`
/// followed by a capital.
fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(&b) if b < 0x80 && b != b'a' && b != b'e' => return false,
        _ => {}
    }
    let mut cs = word.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some('a' | 'e') => {
            let rest = &word[1..];
            rest.starts_with("l-") && rest[2..].chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether a word has at least two letters and all its letters are capitals.
fn all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let mut letters = 0;
        for b in word.bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        return letters >= 2;
    }
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Characters after which the next word begins a sentence.
fn opens_sentence(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{201E}'
            | '\u{AB}'
            | '('
            | '['
            | '\u{2018}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{2014}'
            | '\u{2013}'
            | ':'
            | '-'
            | '\u{2022}'
            | '*'
    )
}

/// Characters that close a quotation or bracket: they keep the state of
/// the sentence before them.
fn closes_group(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{BB}' | ')' | ']' | '\u{2019}' | '\u{300D}' | '\u{300F}' | '\'')
}

impl<'a> Doc<'a> {
    /// Tokenises `text` for language `lang`.
    ///
    /// Offsets are kept in 32 bits: a text of 4 GiB or more is cut there
    /// (the command line refuses such a file; the page reads none so big).
    pub(crate) fn new(text: &'a str, lang: Lang) -> Doc<'a> {
        let mut cut = text.len().min(u32::MAX as usize);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        // The distinct lower-case words: each is hashed once per
        // occurrence (here) and looked up in the lexicon once.
        let mut ids = Interner::new(lower.as_bytes(), text.len() / 64);
        let mut lex: Vec<lexicon::Word> = Vec::new();
        let mut seen: Vec<bool> = Vec::new();
        let mut credits: Vec<u32> = Vec::new();
        let mut i = 0;
        let mut newlines = 0u32;
        let mut space = false;
        let mut para = 0u32;
        // The line being read: its first token, its words, in capitals.
        let (mut line_start, mut line_words, mut line_caps) = (0usize, 0usize, 0usize);
        while let Some(&b) = bytes.get(i) {
            let (c, len) = if b < 0x80 {
                // Fast path: a plain space between words.
                if b == b' ' {
                    space = true;
                    i += 1;
                    continue;
                }
                (char::from(b), 1)
            } else {
                let Some(c) = char_at(text, i) else { break };
                if matches!(c, '\u{200B}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}') {
                    i += c.len_utf8(); // invisible: neither a token nor a space
                    continue;
                }
                (c, c.len_utf8())
            };
            let space_char = if b < 0x80 { matches!(b, b'\t'..=b'\r') } else { c.is_whitespace() };
            if space_char {
                let cr_alone = c == '\r' && bytes.get(i + 1) != Some(&b'\n');
                if c == '\n' || cr_alone || c == '\u{2028}' {
                    newlines += 1;
                } else if c == '\u{2029}' {
                    newlines += 2;
                }
                space = true;
                i += len;
                continue;
            }
            let gap = match newlines {
                0 if space => Gap::Space,
                0 => Gap::None,
                1 => Gap::Line,
                _ => Gap::Para,
            };
            if gap >= Gap::Line && !toks.is_empty() {
                mark_shouting(&mut toks[line_start..], line_words, line_caps);
                (line_start, line_words, line_caps) = (toks.len(), 0, 0);
            }
            if gap == Gap::Para && !toks.is_empty() {
                para += 1;
            }
            newlines = 0;
            space = false;
            let mut word = None;
            let alnum =
                if b < 0x80 { ASCII_CLASS[usize::from(b)] != 0 } else { c.is_alphanumeric() };
            let (end, kind) = if alnum {
                let w = scan_word(text, i);
                let kind = if w.digits { Kind::Number } else { Kind::Word };
                let end = w.end;
                word = Some(w);
                (end, kind)
            } else {
                (i + len, Kind::Punct)
            };
            let mut tok = Token {
                start: i as u32,
                end: end as u32,
                kind,
                gap,
                ch: c,
                flags: 0,
                phrase_words: 0,
                upper: false,
                caps: false,
                initial: false,
                term: false,
                shouty: false,
                para,
                id: NO_WORD,
                more: 0,
                cue: 0,
                multi: 0,
            };
            if kind == Kind::Word {
                let (id, new) = ids.id(i, end);
                if new {
                    let mut e = lexicon::lookup_word(&lower[i..end]);
                    if lang == Lang::En && e.more & more::ID_STOP != 0 {
                        // An Indonesian function word is an ordinary word
                        // in English, a name even (`Dan said`).
                        e.flags &= !flags::STOP;
                        e.cue = 0;
                    }
                    lex.push(e);
                    seen.push(false);
                }
                let id_ix = id as usize;
                let e = lex[id_ix];
                tok.flags = e.flags;
                tok.phrase_words = e.phrase_words;
                tok.more = e.more;
                if e.more & more::CREDIT != 0 {
                    credits.push(toks.len() as u32);
                }
                tok.cue = e.cue;
                tok.id = id;
                // Written as it is in lower case: starting with a lower-case
                // letter, no ASCII capital inside (so the text equals its
                // lower-case form).
                let as_is = match word {
                    Some(Scanned { plain: true, classes, .. }) => {
                        tok.upper = b.is_ascii_uppercase();
                        tok.caps = classes & LOWER == 0
                            && bytes[i..end]
                                .iter()
                                .filter(|b| b.is_ascii_uppercase())
                                .nth(1)
                                .is_some();
                        b.is_ascii_lowercase() && classes & UPPER == 0
                    }
                    _ => {
                        let w = &text[i..end];
                        tok.upper = starts_upper(w);
                        tok.caps = all_caps(w);
                        c.is_lowercase() && !w.bytes().any(|b| b.is_ascii_uppercase())
                    }
                };
                if as_is {
                    seen[id_ix] = true;
                }
            }
            if kind == Kind::Word && c.is_alphabetic() {
                line_words += 1;
                line_caps += usize::from(tok.caps);
            }
            toks.push(tok);
            i = end;
        }
        mark_shouting(&mut toks[line_start..], line_words, line_caps);
        drop(ids);
        let mut doc = Doc {
            text,
            lower,
            toks,
            lang,
            seen,
            inside: Default::default(),
            credits,
            multi: Vec::new(),
            block_first: Vec::new(),
        };
        doc.mark_tokens();
        doc
    }

    /// One pass over the tokens (a long text's tokens do not fit the
    /// cache, so each pass reads them all from memory): sets
    /// [`Doc::block_first`], the lexicon phrases of two words or more that
    /// start at each token ([`Token::multi`], [`Doc::multi`]), and the
    /// sentence marks ([`Token::term`], [`Token::initial`]).
    fn mark_tokens(&mut self) {
        let n = self.toks.len();
        let blocks = self.text.len() / BLOCK + 1;
        let mut first = Vec::with_capacity(blocks);
        let mut multi = Vec::new();
        let mut after_term = true;
        for k in 0..n {
            // The blocks whose first token this is.
            let start = self.toks[k].start();
            while first.len() * BLOCK <= start {
                first.push(k as u32);
            }
            self.mark_phrase(k, &mut multi);
            after_term = self.mark_sentence(k, after_term);
        }
        first.resize(blocks, n as u32);
        self.block_first = first;
        self.multi = multi;
    }

    /// Looks up, once, every lexicon phrase of two words or more that
    /// starts at token `k`: sets its [`Token::multi`] and adds it to
    /// `multi` ([`Doc::multi`]).
    fn mark_phrase(&mut self, k: usize, multi: &mut Vec<(u32, [u32; 3])>) {
        let t = &self.toks[k];
        let most = usize::from(t.phrase_words).min(MAX_WORDS);
        if most < 2 || t.kind != Kind::Word {
            return;
        }
        let mut fl = [0u32; 3];
        let mut any = 0;
        for m in 2..=most {
            // The phrase goes on through word `k + m - 1`: a word on the
            // same line after a space, that the lexicon has inside a
            // phrase.
            let Some(last) = self.toks.get(k + m - 1) else { break };
            if last.kind != Kind::Word || last.gap != Gap::Space || last.more & more::INNER == 0 {
                break;
            }
            if let Some(key) = self.phrase_key(k, m) {
                fl[m - 2] = lexicon::lookup(&key);
                any |= fl[m - 2];
            }
        }
        if any != 0 {
            self.toks[k].multi = any;
            multi.push((k as u32, fl));
        }
    }

    /// Sets [`Token::term`] and [`Token::initial`] of token `k`, after a
    /// sentence end or not (`after_term`); returns whether the next token
    /// comes after one.
    fn mark_sentence(&mut self, k: usize, mut after_term: bool) -> bool {
        let c = self.toks[k].ch;
        if self.toks[k].kind == Kind::Punct && matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut term = true;
            if c == '.' && self.toks[k].gap == Gap::None && k > 0 {
                let p = &self.toks[k - 1];
                let single_letter = p.kind == Kind::Word && p.end - p.start == 1 && p.upper;
                if p.kind == Kind::Word && (p.flags & flags::ABBR != 0 || single_letter) {
                    term = false;
                }
            }
            if let Some(nx) = self.toks.get(k + 1) {
                let lower_next = nx.kind == Kind::Word && nx.ch.is_lowercase();
                if c == '.' && nx.gap <= Gap::Space && (lower_next || nx.kind == Kind::Number) {
                    term = false;
                }
                // "shortly after 9 p.m., and said": a full stop right
                // before a comma or a semicolon ends an abbreviation, not
                // a sentence.
                if c == '.' && nx.gap == Gap::None && matches!(nx.ch, ',' | ';') {
                    term = false;
                }
            }
            self.toks[k].term = term;
        }
        if self.toks[k].gap >= Gap::Line {
            after_term = true;
        }
        self.toks[k].initial = after_term;
        let t = &self.toks[k];
        match t.kind {
            Kind::Punct if t.term => true,
            Kind::Punct if opens_sentence(t.ch) => true,
            Kind::Punct if t.ch == '"' => t.gap != Gap::None || after_term,
            Kind::Punct if closes_group(t.ch) => after_term,
            _ => false,
        }
    }

    /// The text of token `k`.
    pub(crate) fn text_of(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].start()..self.toks[k].end()]
    }

    /// The lower-case text of token `k`.
    pub(crate) fn low(&self, k: usize) -> &str {
        &self.lower[self.toks[k].start()..self.toks[k].end()]
    }

    /// Whether token `k` is the character `c`.
    pub(crate) fn is(&self, k: usize, c: char) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }

    /// Whether token `k` is a word.
    pub(crate) fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
    }

    /// The lower-case key of the `n` words from token `k`, joined by single
    /// spaces. Borrowed from [`Doc::lower`] when the text already has single
    /// spaces there.
    pub(crate) fn phrase_key(&self, k: usize, n: usize) -> Option<Cow<'_, str>> {
        if n == 0 || k + n > self.toks.len() {
            return None;
        }
        let mut simple = true;
        for j in k..k + n {
            let t = &self.toks[j];
            if t.kind != Kind::Word || (j > k && t.gap != Gap::Space) {
                return None;
            }
            if j > k
                && (t.start != self.toks[j - 1].end + 1
                    || self.text.as_bytes()[t.start() - 1] != b' ')
            {
                simple = false;
            }
        }
        if simple {
            return Some(Cow::Borrowed(
                &self.lower[self.toks[k].start()..self.toks[k + n - 1].end()],
            ));
        }
        let mut key = String::new();
        for j in k..k + n {
            if j > k {
                key.push(' ');
            }
            key.push_str(self.low(j));
        }
        Some(Cow::Owned(key))
    }

    /// The longest phrase of at most `max` words starting at token `k` whose
    /// flags meet `mask`: its length in words and its flags.
    pub(crate) fn longest(&self, k: usize, mask: u32, max: usize) -> Option<(usize, u32)> {
        let t = self.toks.get(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let max = max.min(MAX_WORDS);
        if max >= 2 && t.multi & mask != 0 {
            let at = self.multi.partition_point(|&(j, _)| (j as usize) < k);
            if let Some((_, fl)) = self.multi.get(at) {
                for n in (2..=max).rev() {
                    if fl[n - 2] & mask != 0 {
                        return Some((n, fl[n - 2]));
                    }
                }
            }
        }
        (max >= 1 && t.flags & mask != 0).then_some((1, t.flags))
    }

    /// Whether the word of token `k` also occurs in the text in lower case
    /// (so a capital at the start of a sentence is only grammar).
    pub(crate) fn seen_lower(&self, k: usize) -> bool {
        self.toks.get(k).and_then(|t| self.seen.get(t.id as usize)).copied().unwrap_or(false)
    }

    /// Whether the word of token `k` is written with a capital inside a
    /// sentence somewhere in the text (so a capital at the start of one is
    /// not only grammar).
    pub(crate) fn capital_inside(&self, k: usize) -> bool {
        let inside = self.inside.get_or_init(|| {
            let mut v = Vec::new();
            for t in &self.toks {
                if t.kind == Kind::Word && t.upper && !t.initial && t.id != NO_WORD {
                    let i = t.id as usize;
                    if v.len() <= i {
                        v.resize(i + 1, false);
                    }
                    v[i] = true;
                }
            }
            v
        });
        self.toks.get(k).and_then(|t| inside.get(t.id as usize)).copied().unwrap_or(false)
    }

    /// The index of the first token that starts at or after byte `b`.
    pub(crate) fn tok_at(&self, b: usize) -> usize {
        let Some(&first) = self.block_first.get(b / BLOCK) else {
            return self.toks.len();
        };
        // Fewer than BLOCK tokens start in the block before byte `b`.
        let mut k = first as usize;
        while k < self.toks.len() && self.toks[k].start() < b {
            k += 1;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let d = Doc::new(text, Lang::Other);
        (0..d.toks.len()).map(|k| d.text_of(k)).collect()
    }

    #[test]
    fn splits_words_marks_and_possessives() {
        assert_eq!(
            words("al-Assad’s U.S. KOMPAS.com 1.000,5"),
            ["al-Assad", "’", "s", "U.S.", "KOMPAS.com", "1.000,5"]
        );
        assert_eq!(words("Jum'at e\u{301}!"), ["Jum'at", "e\u{301}", "!"]);
    }

    #[test]
    fn equal_words_share_an_id() {
        // Short and long words, cases, and enough distinct words to grow
        // the table several times.
        let mut text = String::from("Kata kata KATA pemberantasan Pemberantasan pemberantasanx ");
        for n in 0..5000 {
            text.push_str(&format!("w{n} longerword{n} "));
        }
        text.push_str("kata w17 LONGERWORD4999");
        let d = Doc::new(&text, Lang::Other);
        for a in 0..d.toks.len() {
            for b in [0, 1, 2, 3, 4, 5, d.toks.len() - 1, d.toks.len() - 2, a / 2] {
                let same = d.low(a) == d.low(b);
                assert_eq!(d.toks[a].id == d.toks[b].id, same, "{} {}", d.low(a), d.low(b));
            }
        }
    }

    #[test]
    fn marks_sentence_starts() {
        let d = Doc::new("Dr. Budi tiba. Dia\r\n\r\n“Kami", Lang::Id);
        let initial: Vec<bool> = d.toks.iter().map(|t| t.initial).collect();
        assert_eq!(initial, [true, false, false, false, false, true, true, true]);
        assert_eq!(d.toks.last().map(|t| t.para), Some(1));
    }
}
