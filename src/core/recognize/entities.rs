//! Entities: PERSON, ORG and LOC spans found in runs of capitalised words.
//!
//! The text is read left to right once. A *run* is a maximal sequence of
//! capitalised words on one line, with name particles inside (`bin`, `van`,
//! `de`), initials (`W.`), Roman numerals after a name (`Leo XIV`), and,
//! only inside organisation or place names, `of`/`dan`/`and`/`&`
//! ("Kementerian Pendidikan dan Kebudayaan", "Bank of Japan"). Runs never
//! include stop words (`The`, `Namun`), nationality adjectives (`German`),
//! month or weekday names, or tokens already taken by a date.
//!
//! A run is labelled by the first rule that fits:
//!
//! 1. after a title (`Presiden`, `Perdana Menteri`, `Mr.`, `juru bicara`):
//!    leading title words, portfolios (`Luar Negeri`), places (`Jepang`),
//!    acronyms (`KPK`) and organisation phrases (`Partai Gerindra`) are
//!    peeled off and labelled on their own; what is left is a PERSON.
//!    "Perdana Menteri Jepang Sanae Takaichi" gives LOC `Jepang` and PERSON
//!    `Sanae Takaichi`. The title is never annotated, but the PERSON keeps
//!    its byte range in [`Span::title`]: the title words, what was peeled
//!    off after them, and a nationality, place or organisation right before
//!    them ("*German* Chancellor", "*NATO* Secretary General");
//! 2. a known organisation (`Bank Indonesia`) → ORG; a known place, with an
//!    optional compass word (`Jakarta Selatan`) → LOC (the gazetteer, see
//!    [`super::gazetteer`]). Otherwise a run of two words or more that
//!    starts (Indonesian) or ends (English) with an event word (`Perang`,
//!    `Piala`, `War`, `Prize`) names an event or a work: no entity;
//! 3. a run that starts with a place word (`Provinsi`, `Gedung`) → LOC,
//!    even when it names an organisation ("Gedung DPR");
//! 4. a run holding an organisation word (`Kementerian`, `Party`, `Tbk`) →
//!    one ORG, places inside included ("Kementerian Luar Negeri Jepang");
//! 5. a run that ends with a place word (`Street`, `Utara`) → LOC;
//! 6. a known place or acronym at the start of a longer run is split off
//!    ("KPK Setyo Budiyanto" → ORG + PERSON);
//! 7. a lone acronym of 2–6 capitals (`KPK`, `NATO`, not `II`) → ORG;
//! 8. a run sharing its first or last word with an earlier PERSON, or
//!    standing next to a verb of saying → PERSON (not, in English, one
//!    word that is an indefinite pronoun or the plural of a word for a
//!    person: `Nobody told`, `Residents say`);
//! 9. a lone known given or family name (`Melanie`, `Bambang`) that the
//!    text never writes in lower case → PERSON, unless `di`/`in`/`at`
//!    stands before it;
//! 10. a run right after a locative preposition (`di`, `in`, `at`; also
//!     `ke`, `dari` for a single word) → LOC;
//! 11. two to four words with no other evidence → PERSON.
//!
//! Each span is returned as a [`Candidate`] whose [`Source`] says how
//! strong its evidence is: a gazetteer hit of two words or more is
//! [`Source::GazetteerPhrase`]; a one-word gazetteer hit and rules 1 and
//! 3–5 are [`Source::Rule`]; rules 6–11, which rest on capitalisation
//! alone, are [`Source::Heuristic`].
//!
//! A capitalised word at the start of a sentence that the text also uses in
//! lower case ("Kemarin", "Sejumlah") is grammar, not a name, and is skipped.

use rustc_hash::FxHashSet as HashSet;

use super::lexicon::{self, flags::*, more, MAX_WORDS};
use super::merge::{Candidate, Source};
use super::tokens::{Doc, Gap, Kind, Lang};
use crate::core::model::{labels, Span};

/// Whether a word ends with a web domain (`KOMPAS.com`, `TEMPO.CO`).
fn is_domain(w: &str) -> bool {
    w.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty()
            && ["com", "co", "id", "net", "org"].iter().any(|d| d.eq_ignore_ascii_case(tld))
    })
}

/// The source of a gazetteer hit of `words` words: a phrase of two or
/// more words ranks above the rules, a single word with them.
fn gaz(words: usize) -> Source {
    if words >= 2 {
        Source::GazetteerPhrase
    } else {
        Source::Rule
    }
}

/// Second words of Balinese names that follow the particle `I`.
const BALINESE: &[&str] =
    &["made", "wayan", "nyoman", "ketut", "putu", "gede", "komang", "kadek", "gusti", "dewa"];

/// The longest run, in words, that is considered; longer runs are cut.
const MAX_RUN: usize = 12;

/// Lexicon classes that make a capitalised word meaningful even at the
/// start of a sentence.
const ENTITY_LEX: u32 =
    ORG_HEAD | ORG_NAME | PLACE_HEAD | LOC | LOC_ACRO | ORG_SUFFIX | TITLE | DIRECTION;

/// Finds the entities of `doc`, skipping the tokens marked in `used`, as
/// candidates tagged with the kind of evidence that found them (see
/// [`super::merge`]).
pub(crate) fn find(doc: &Doc, used: &[bool]) -> Vec<Candidate> {
    let mut f = Finder {
        doc,
        used,
        out: Vec::new(),
        persons: HashSet::default(),
        ws: Vec::new(),
        title: None,
        title_last: 0,
        resume: 0,
        comma: false,
    };
    f.run();
    f.out
}

/// The state of one left-to-right pass.
struct Finder<'d, 'a> {
    /// The text.
    doc: &'d Doc<'a>,
    /// Tokens already taken (by dates).
    used: &'d [bool],
    /// The entities found so far, in text order.
    out: Vec<Candidate>,
    /// First and last words of the PERSON spans found so far.
    persons: HashSet<&'a str>,
    /// The token indices of the current run's words (a reused buffer).
    ws: Vec<usize>,
    /// The byte range of the open title phrase, while one is open.
    title: Option<(usize, usize)>,
    /// The last token of the last title word read.
    title_last: usize,
    /// Where the main loop goes on when a title runs on past the run
    /// after it (the number of `Ketua RW *05*`, the unit `Kepala Pusat
    /// Data, Informasi dan Komunikasi Kebencanaan *BNPB*`).
    resume: usize,
    /// Whether the title runs on over the comma that follows (`Kades
    /// Sukamaju, Budi Santoso`).
    comma: bool,
}

/// Whether a lower-case word is an Indonesian ordinal written with digits
/// (`ke-7`, `ke-13`).
fn ordinal(w: &str) -> bool {
    w.strip_prefix("ke-").is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a lower-case word is an Indonesian police or military rank
/// written before a name (`Irjen`, `Kombes`, `Mayjen`; titles of
/// `data/gazetteer/titles.tsv`).
pub(super) fn rank(w: &str) -> bool {
    matches!(
        w,
        "jenderal"
            | "komjen"
            | "irjen"
            | "brigjen"
            | "kombes"
            | "akbp"
            | "kompol"
            | "akp"
            | "iptu"
            | "ipda"
            | "aiptu"
            | "bripka"
            | "aipda"
            | "brigpol"
            | "briptu"
            | "bripda"
            | "abrip"
            | "abriptu"
            | "abripda"
            | "bharaka"
            | "bharatu"
            | "bharada"
            | "kapten"
            | "lettu"
            | "letda"
            | "peltu"
            | "pelda"
            | "serma"
            | "serka"
            | "sertu"
            | "serda"
            | "kopka"
            | "koptu"
            | "kopda"
            | "praka"
            | "pratu"
            | "letjen"
            | "mayjen"
            | "kolonel"
            | "letkol"
            | "laksamana"
            | "laksda"
            | "laksdya"
            | "laksma"
            | "marsekal"
            | "marsda"
            | "marsdya"
            | "marsma"
    )
}

impl<'a> Finder<'_, 'a> {
    /// The main loop over the tokens.
    fn run(&mut self) {
        let n = self.doc.toks.len();
        let mut i = 0;
        let mut after_title = false;
        while i < n {
            let t = &self.doc.toks[i];
            if self.used[i] || t.kind != Kind::Word {
                // "Kepala Badan Gizi Nasional (BGN) Dadan Hindayana": the
                // bracket is the title's.
                if let Some(end) = after_title.then(|| self.bracket_in_title(i)).flatten() {
                    if self.acronym(i + 1) {
                        self.emit(labels::ORG, Source::Rule, &[i + 1], 0, 1);
                    }
                    self.title = self.title.map(|(a, _)| (a, self.doc.toks[end - 1].end()));
                    i = end;
                    continue;
                }
                // "Kades Sukamaju, Budi Santoso": the comma is the title's.
                if after_title && self.comma && self.doc.is(i, ',') {
                    self.comma = false;
                    i += 1;
                    continue;
                }
                self.comma = false;
                after_title = false;
                i += 1;
                continue;
            }
            // No phrase starting here is a title: no title (the common case,
            // decided from the token alone).
            let title = if (t.flags | t.multi) & TITLE != 0 { self.title_at(i) } else { None };
            if let Some(end) = title {
                let last = self.doc.toks[end - 1].end();
                self.title = match self.title {
                    Some((a, _)) if after_title => Some((a, last)),
                    _ => Some((self.title_start(i), last)),
                };
                after_title = true;
                self.title_last = end - 1;
                i = end;
                continue;
            }
            // A run starts only at a capitalised word. (Also at the family
            // name `He` right after a title: "Vice Premier *He* Lifeng".)
            let he = || {
                self.doc.lang == Lang::En
                    && self.doc.low(i) == "he"
                    && self.spaced(i + 1)
                    && self.name_word(i + 1)
            };
            if t.upper && (self.can_start(i) || (after_title && he())) {
                let end = self.collect_run(i);
                let ws = std::mem::take(&mut self.ws);
                self.resume = end;
                self.comma = false;
                let goes_on = if after_title {
                    self.after_title(&ws)
                } else {
                    self.plain(&ws, 0, ws.len());
                    false
                };
                self.ws = ws;
                after_title = goes_on;
                i = end.max(self.resume);
                continue;
            }
            // "menteri luar negeri Sugiono": lower-case title words keep
            // the title open, and so does the number of a body or a unit
            // ("Ketua Komisi *III* DPR", "Danlantamal *III* Jakarta") or of
            // an office ("Presiden *ke-7* RI").
            let number = || t.gap == Gap::Space && (self.roman(i) || ordinal(self.doc.low(i)));
            after_title =
                after_title && ((!t.upper && t.flags & (PORTFOLIO | TITLE) != 0) || number());
            if after_title {
                self.title = self.title.map(|(a, _)| (a, t.end()));
            }
            i += 1;
        }
    }

    /// Flags of token `k` (0 past the end).
    fn flags(&self, k: usize) -> u32 {
        self.doc.toks.get(k).map_or(0, |t| t.flags)
    }

    /// Whether an organisation word (`Partai`, `Rumah Sakit`, `Tbk`) starts
    /// at token `k`.
    fn org_word(&self, k: usize) -> bool {
        self.doc.longest(k, ORG_HEAD | ORG_SUFFIX, 2).is_some()
    }

    /// Whether an organisation word is among the next few name words from
    /// token `k` ("Library and *Columbia University*").
    fn org_word_ahead(&self, k: usize) -> bool {
        let mut j = k;
        while j < k + 6 && (j == k || self.spaced(j)) && self.name_word(j) {
            if self.org_word(j) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Whether token `k` is a one-letter word.
    fn single_letter(&self, k: usize) -> bool {
        // One character: as many bytes as its first one.
        self.doc
            .toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.end() - t.start() == t.ch.len_utf8())
    }

    /// Whether token `k` is a Roman numeral made of `I`, `V`, `X`.
    fn roman(&self, k: usize) -> bool {
        self.doc.is_word(k) && self.doc.text_of(k).bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
    }

    /// Whether token `k` is followed directly by a `.`.
    fn dot_after(&self, k: usize) -> bool {
        self.doc.is(k + 1, '.') && self.doc.toks[k + 1].gap == Gap::None
    }

    /// Whether token `k` is a word on the same line as the one before,
    /// separated by spaces.
    fn spaced(&self, k: usize) -> bool {
        self.doc.toks.get(k).is_some_and(|t| t.gap == Gap::Space)
    }

    /// Whether token `k` is a capitalised word that may stand inside a run.
    fn name_word(&self, k: usize) -> bool {
        let Some(t) = self.doc.toks.get(k) else { return false };
        if t.kind != Kind::Word || self.used[k] || !t.upper {
            return false;
        }
        if t.caps && !t.shouty && t.flags & (MONTH | WEEKDAY) == 0 {
            return true; // an acronym, even when it spells a word (`WHO`)
        }
        if t.flags & (STOP | MONTH | WEEKDAY) != 0 {
            return t.flags & MONTH != 0 && self.surname_month(k);
        }
        if t.flags & DEMONYM != 0 {
            // "European Commission": only at the head of a longer run.
            return k == 0 || !self.name_word_plain(k - 1) || self.doc.toks[k].gap != Gap::Space;
        }
        if self.single_letter(k) {
            return self.dot_after(k) || self.roman(k) || self.balinese(k);
        }
        true
    }

    /// Whether the month name at token `k` is a family name (English
    /// only): right after a known given name, with no number after it
    /// ("Theresa *May* said", not "in May 2024" or "May 5").
    fn surname_month(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        self.doc.lang == Lang::En
            && k > 0
            && t.gap == Gap::Space
            && self.doc.is_word(k - 1)
            && self.doc.toks[k - 1].upper
            && self.doc.toks[k - 1].more & more::GIVEN != 0
            && !self.doc.toks.get(k + 1).is_some_and(|n| n.kind == Kind::Number)
    }

    /// Whether token `k` is the `I` of a Balinese name ("I Made Mudharta").
    fn balinese(&self, k: usize) -> bool {
        self.doc.text_of(k) == "I"
            && self.spaced(k + 1)
            && self.doc.is_word(k + 1)
            && BALINESE.contains(&self.doc.low(k + 1))
    }

    /// Whether token `k` is a capitalised word that is neither a stop word
    /// nor a nationality: a word that may stand before a nationality.
    fn name_word_plain(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.kind == Kind::Word && t.upper && t.flags & (STOP | DEMONYM | MONTH | WEEKDAY) == 0
    }

    /// Whether a run may start at token `k`.
    fn can_start(&self, k: usize) -> bool {
        if !self.name_word(k) || self.roman(k) {
            return false;
        }
        let t = &self.doc.toks[k];
        if t.flags & DEMONYM != 0 {
            return self.spaced(k + 1) && self.name_word(k + 1);
        }
        if self.balinese(k) {
            return true;
        }
        if self.single_letter(k) {
            // An initial must be followed by more of the name.
            return self.spaced(k + 2) && self.name_word(k + 2);
        }
        let grammar = t.initial
            && !t.caps
            && self.doc.longest(k, ENTITY_LEX, MAX_WORDS).is_none()
            && self.doc.seen_lower(k);
        !grammar
    }

    /// If a title starts at token `k`, the index just past it (and past an
    /// abbreviation's `.`).
    fn title_at(&self, k: usize) -> Option<usize> {
        let t = self.doc.toks.get(k)?;
        if t.kind != Kind::Word || self.used[k] {
            return None;
        }
        let mask = TITLE | PLACE_HEAD | ORG_NAME | ORG_HEAD | LOC;
        let (n, f) = self.doc.longest(k, mask, MAX_WORDS)?;
        if f & TITLE == 0 || (f & TITLE_CAP != 0 && !t.upper) {
            return None;
        }
        if self.used[k..k + n].iter().any(|&u| u) {
            return None;
        }
        let mut end = k + n;
        if n == 1 && f & ABBR != 0 && self.dot_after(k) {
            end += 1;
        } else if self.single_letter(k) {
            return None;
        }
        Some(end)
    }

    /// Collects the run starting at token `i` into `self.ws`; returns the
    /// index just past it.
    fn collect_run(&mut self, i: usize) -> usize {
        self.ws.clear();
        let mut k = i;
        let mut org = false;
        let mut place = false;
        loop {
            self.ws.push(k);
            // A known name with a lower-case word inside ("Bea dan Cukai").
            if let Some((n, _)) = self.doc.longest(k, ORG_NAME | LOC, MAX_WORDS) {
                let inside = k + 1..k + n;
                if n >= 3
                    && self.doc.lang == Lang::Id
                    && inside.clone().all(|j| self.spaced(j) && !self.used[j])
                    && inside.clone().any(|j| !self.doc.toks[j].upper)
                {
                    self.ws.extend(inside);
                    k += n - 1;
                }
            }
            let f = self.flags(k);
            org |= self.org_word(k);
            place |= f & PLACE_HEAD != 0;
            let mut next = k + 1;
            let takes_dot = self.single_letter(k) || f & (ORG_SUFFIX | NAME_SUFFIX) != 0;
            if takes_dot && self.dot_after(k) {
                next += 1;
            }
            if self.ws.len() >= MAX_RUN || !self.spaced(next) {
                return next;
            }
            if self.name_word(next) || self.class_letter(next) {
                if let Some(e) = self.title_at(next) {
                    // "Commission President Ursula von der Leyen" splits;
                    // "Direktorat Jenderal Pajak" does not.
                    if !(org || place) || self.names_after(e) >= 2 {
                        return next;
                    }
                }
                k = next;
                continue;
            }
            if let Some(c) = self.connector_end(next, org, place) {
                self.ws.extend(next..c);
                k = c;
                continue;
            }
            return next;
        }
    }

    /// Whether token `k` is the letter of an office's class after `Kelas`
    /// or `Tipe` ("Kantor SAR Kelas *A* Jakarta", "Lapas Kelas *IIA*").
    fn class_letter(&self, k: usize) -> bool {
        let Some(t) = self.doc.toks.get(k) else { return false };
        t.kind == Kind::Word
            && (t.caps || self.single_letter(k) && t.upper)
            && !self.used[k]
            && t.end() - t.start() <= 3
            && matches!(self.doc.low(k - 1), "kelas" | "tipe")
    }

    /// How many name words (up to two) follow one another from token `k`,
    /// name particles allowed between them.
    fn names_after(&self, k: usize) -> usize {
        let mut count = 0;
        let mut j = k;
        while count < 2 && self.spaced(j) {
            if self.name_word(j) {
                count += 1;
            } else if !(self.doc.is_word(j) && self.flags(j) & CONNECTOR != 0) {
                break;
            }
            j += 1;
        }
        count
    }

    /// If token `k` starts a connector (`bin`, `van der`, `of the`, `dan`)
    /// followed by a name word, the index of that name word.
    fn connector_end(&self, k: usize, org: bool, place: bool) -> Option<usize> {
        let t = self.doc.toks.get(k)?;
        if self.used[k] || t.upper {
            return None;
        }
        let is_amp = self.doc.is(k, '&');
        let number = t.kind == Kind::Number;
        if t.kind != Kind::Word && !is_amp && !number {
            return None;
        }
        let in_org = org || place;
        let mut c = k + 1;
        if number {
            // "SMA Negeri 1 Jakarta", "SMAN 3 Bandung"
            let short = t.end() - t.start() <= 2;
            let school = k > 0 && (self.doc.low(k - 1) == "negeri" || self.org_word(k - 1));
            if !(org && short && school) {
                return None;
            }
        } else if t.flags & CONNECTOR != 0 {
            if self.flags(c) & CONNECTOR != 0 && self.doc.is_word(c) && !self.doc.toks[c].upper {
                c += 1;
            }
        } else if in_org && (is_amp || t.flags & ORG_CONNECTOR != 0) {
            let w = self.doc.low(k);
            if w == "the" {
                return None;
            }
            if w == "of" && self.doc.is_word(c) && self.doc.low(c) == "the" {
                c += 1;
            }
            let is_and = is_amp || matches!(w, "and" | "dan");
            // "Partai A dan Partai B" are two organisations, "Desa A dan
            // Desa B" two places; "and" never joins place names.
            if is_and && (!org || self.flags(c) & PLACE_HEAD != 0 || self.org_word_ahead(c)) {
                return None;
            }
        } else {
            return None;
        }
        (self.spaced(c) && self.name_word(c) && self.title_at(c).is_none()).then_some(c)
    }

    /// Whether token `k` (inside a run) is a connector rather than a word.
    fn is_connector(&self, k: usize) -> bool {
        !self.doc.toks[k].upper
    }

    /// Whether token `k` is an acronym that can name an organisation.
    fn acronym(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        if !t.caps || t.shouty || self.roman(k) || t.flags & COMMON != 0 {
            return false;
        }
        // A function word in capitals ("OR", "NOW") is emphasis, unless it
        // is also a known organisation ("WHO").
        if t.flags & STOP != 0 && t.flags & ORG_NAME == 0 {
            return false;
        }
        let letters = self.doc.text_of(k).chars().filter(|c| c.is_alphabetic()).count();
        (2..=6).contains(&letters)
    }

    /// How many run words from `ws[p]` (an acronym) name the organisation:
    /// two when a country acronym follows ("DPR RI", "Polri RI"), else one.
    fn acronym_len(&self, ws: &[usize], p: usize, lim: usize) -> usize {
        let country = |k: usize| self.doc.toks[k].caps && self.flags(k) & LOC_ACRO != 0;
        if p + 1 < lim && country(ws[p + 1]) && !country(ws[p]) {
            2
        } else {
            1
        }
    }

    /// The length in run words of the place starting at `ws[p]` (a
    /// gazetteer entry with optional compass words around it), looking no
    /// further than `ws[lim - 1]`.
    fn place_at(&self, ws: &[usize], p: usize, lim: usize) -> Option<usize> {
        let mut q = p;
        if self.flags(ws[p]) & DIRECTION != 0 && p + 1 < lim {
            q = p + 1;
        }
        let found = self.doc.longest(ws[q], LOC | LOC_ACRO, lim - q);
        let (n, f) = match found {
            Some(hit) => hit,
            None if q > p => {
                q = p;
                self.doc.longest(ws[q], LOC | LOC_ACRO, lim - q)?
            }
            None => return None,
        };
        if f & LOC == 0 && !self.doc.toks[ws[q]].caps {
            return None;
        }
        let mut e = q + n;
        while e < lim && self.flags(ws[e]) & DIRECTION != 0 && self.doc.toks[ws[e]].upper {
            e += 1;
        }
        Some(e - p)
    }

    /// The longest known organisation name at `ws[p]`, within `lim`.
    fn org_name_at(&self, ws: &[usize], p: usize, lim: usize) -> Option<usize> {
        self.doc.longest(ws[p], ORG_NAME, lim - p).map(|(n, _)| n)
    }

    /// The end of the organisation phrase whose head word is `ws[p]`:
    /// portfolio words, places, acronyms, known names and other heads
    /// follow it, plus at most one unknown word right after a head
    /// ("Partai *Gerindra*").
    fn org_extent(&self, ws: &[usize], p: usize) -> usize {
        let mut q = p + 1;
        let mut head = p;
        while q < ws.len() {
            let k = ws[q];
            let f = self.flags(k);
            let known = f & (PORTFOLIO | ORG_HEAD | ORG_SUFFIX | ORG_NAME) != 0;
            if f & ORG_HEAD != 0 {
                head = q;
            }
            let class = self.class_letter(k) || self.class_letter(k + 1);
            if self.is_connector(k) || known || self.doc.toks[k].caps || self.roman(k) || class {
                q += 1;
            } else if let Some(n) = self.place_at(ws, q, ws.len()) {
                q += n;
            } else if q == head + 1 && self.flags(ws[head]) & ORG_NAME == 0 {
                // One unknown word names the head ("Partai *Gerindra*",
                // "Fraksi Partai *Demokrat*"); not a head that is a known
                // organisation itself, which a name follows ("Komisi III
                // DPR *Habiburokhman*").
                q += 1;
            } else {
                break;
            }
        }
        // Never end on a connector.
        while q > p + 1 && self.is_connector(ws[q - 1]) {
            q -= 1;
        }
        q
    }

    /// Labels a run that follows a title. Returns whether the title goes
    /// on after the run instead (see [`Finder::unit_before_rank`]).
    fn after_title(&mut self, ws: &[usize]) -> bool {
        let len = ws.len();
        let mut p = 0;
        // Whether a place was peeled off already.
        let mut placed = false;
        while p < len {
            let k = ws[p];
            if self.is_connector(k) || self.flags(k) & DEMONYM != 0 {
                p += 1;
                continue;
            }
            if let Some((n, f)) = self.doc.longest(k, TITLE | PORTFOLIO, len - p) {
                if f & TITLE_CAP == 0 || self.doc.toks[k].upper {
                    p += n;
                    continue;
                }
            }
            if let Some(n) = self.org_name_at(ws, p, len) {
                self.emit(labels::ORG, gaz(n), ws, p, p + n);
                p += n;
                continue;
            }
            // A place before the name is the title's ("Perdana Menteri
            // *Jepang* Sanae Takaichi"). English puts the place before the
            // title ("Japanese Prime Minister"), so there a one-word place
            // right after it that one more word follows opens the name
            // ("Rep. *Alexandria* Ocasio-Cortez", "Rep. *Virginia* Foxx").
            let opens_name = |n: usize| self.doc.lang == Lang::En && p == 0 && n == 1 && len == 2;
            if let Some(n) = self.place_at(ws, p, len).filter(|&n| !opens_name(n)) {
                self.emit(labels::LOC, gaz(n), ws, p, p + n);
                p += n;
                placed = true;
                continue;
            }
            // A place word and the name it heads ("Sekda *Kabupaten Sleman*
            // Susmiarto", "Lurah *Kampung Melayu* Setiawan").
            if let Some(n) = self.headed_place(ws, p, len) {
                self.emit(labels::LOC, Source::Rule, ws, p, p + n);
                p += n;
                placed = true;
                continue;
            }
            if self.acronym(k) {
                let n = self.acronym_len(ws, p, len);
                self.emit(labels::ORG, Source::Rule, ws, p, p + n);
                p += n;
                continue;
            }
            if self.org_word(k) {
                let q = self.org_extent(ws, p);
                if q > p + 1 {
                    self.emit(labels::ORG, Source::Rule, ws, p, q);
                }
                p = q;
                continue;
            }
            // The village, district or town a regional title heads
            // ("Kapolsek *Tebet* Murodih").
            if !placed && self.regional_place(ws, p, len) {
                self.emit(labels::LOC, Source::Heuristic, ws, p, p + 1);
                p += 1;
                placed = true;
                continue;
            }
            // The unit of an organisation named next ("Dirjen *Pajak*
            // Kemenkeu Bimo Wijayanto").
            if let Some(q) = self.unit_before_org(ws, p, len) {
                p = q;
                continue;
            }
            break;
        }
        let next = ws[len - 1] + 1;
        // "Ketua RW 05, Furqon": the number is the title's.
        if p + 1 == len && self.numbered_unit(ws[p]) {
            self.title = self.title.map(|(a, _)| (a, self.doc.toks[next].end()));
            self.resume = next + 1;
            self.comma = self.doc.is(next + 1, ',') && self.name_closes(next + 1);
            return true;
        }
        // "Kades Sukamaju, Budi Santoso (45)": the place is the title's.
        let unit_comma = || {
            p < len
                && len - p <= 2
                && !self.known_name(ws[p])
                && self.regional().is_some()
                && self.doc.is(next, ',')
                && self.name_closes(next)
        };
        if unit_comma() {
            self.emit(labels::LOC, Source::Heuristic, ws, p, len);
            self.title = self.title.map(|(a, _)| (a, self.doc.toks[ws[len - 1]].end()));
            self.comma = true;
            return true;
        }
        // "Kepala Pusat Data, Informasi dan Komunikasi Kebencanaan BNPB
        // Abdul Muhari": a unit named by a list goes on to its organisation.
        if let Some(q) = (p < len).then(|| self.listed_unit(next)).flatten() {
            self.title = self.title.map(|(a, _)| (a, self.doc.toks[q - 1].end()));
            self.resume = q;
            return true;
        }
        // The title goes on after its unit and rank, or after its
        // organisation when a bracket follows (see `bracket_in_title`).
        let bracket = || p == len && self.bracket_in_title(ws[len - 1] + 1).is_some();
        if self.unit_before_rank(ws) || bracket() {
            let last = self.doc.toks[ws[len - 1]].end();
            self.title = self.title.map(|(a, _)| (a, last));
            return true;
        }
        if p < len {
            let before = self.out.len();
            self.emit(labels::PERSON, Source::Rule, ws, p, len);
            // The title runs on to the last word peeled off before the name
            // ("Perdana Menteri *Jepang*").
            let title = self.title.take().map(|(a, b)| match p.checked_sub(1) {
                Some(q) => (a, b.max(self.doc.toks[ws[q]].end())),
                None => (a, b),
            });
            if self.out.len() > before {
                if let Some(c) = self.out.last_mut() {
                    c.span.title = title;
                }
            }
        }
        self.title = None;
        false
    }

    /// Whether the run `ws` after a title is the title's unit, a police
    /// or military rank following it (`Kapolda *Metro Jaya* Irjen
    /// Karyoto`, `Kapolres *Metro Jakarta Selatan* Kombes …`): the unit
    /// and the rank are the title's, the name comes after the rank.
    fn unit_before_rank(&self, ws: &[usize]) -> bool {
        let Some(&last) = ws.last() else { return false };
        let next = last + 1;
        ws.len() <= 4
            && self.doc.toks.get(next).is_some_and(|t| t.upper && t.gap == Gap::Space)
            && self.doc.is_word(next)
            && rank(self.doc.low(next))
    }

    /// Whether the word of token `k` is a known given or family name.
    fn known_name(&self, k: usize) -> bool {
        self.doc.toks[k].more & (more::GIVEN | more::FAMILY) != 0
    }

    /// If the title read last heads a village, a district, a town or a
    /// province, or the police or army unit of one, so that the place's
    /// name may come before the person's: whether it is the head of a unit
    /// named only by its place (`Kapolsek`, `Kepala Desa`, `Lurah`: the
    /// place nearly always follows), rather than an office also named on
    /// its own (`Gubernur`, `Bupati`).
    fn regional(&self) -> Option<bool> {
        if self.doc.lang != Lang::Id || self.title.is_none() {
            return None;
        }
        match self.doc.low(self.title_last) {
            "desa" | "kades" | "lurah" | "camat" | "kapolsek" | "kapolres" | "kapolresta"
            | "kapolrestabes" | "wakapolsek" | "wakapolres" | "wakapolresta" | "dandim"
            | "danrem" | "danramil" | "danyon" | "danlanal" | "danlanud" | "sekdes" | "kajari"
            | "kajati" => Some(true),
            "bupati" | "gubernur" | "kota" | "walikota" | "wagub" | "sekda" => Some(false),
            _ => None,
        }
    }

    /// Whether the run word `ws[p]` after a regional title (see
    /// [`Finder::regional`]) names its place, a name of one or more words
    /// following it: after the head of a unit named by its place, a word
    /// that is not a known given or family name; after another office,
    /// only when a known given name follows it ("Bupati Kudus *Sukamaju*
    /// Budi") or three more words do.
    fn regional_place(&self, ws: &[usize], p: usize, len: usize) -> bool {
        let Some(unit) = self.regional() else { return false };
        let k = ws[p];
        let t = &self.doc.toks[k];
        let plain_word = t.upper && !t.caps && !self.known_name(k) && !self.single_letter(k);
        let given_next = p + 1 < len && self.doc.toks[ws[p + 1]].more & more::GIVEN != 0;
        plain_word && len - p >= 2 && (unit || given_next || len - p >= 4)
    }

    /// If a place word (`Kabupaten`, `Kampung`) stands at run word `ws[p]`
    /// after a title, with a place or one more word after it and more
    /// words after that (the name): how many words the place takes.
    fn headed_place(&self, ws: &[usize], p: usize, len: usize) -> Option<usize> {
        if self.doc.lang != Lang::Id
            || p + 2 >= len
            || !lexicon::is_naming_place_head(self.doc.low(ws[p]))
        {
            return None;
        }
        let n = self.place_at(ws, p + 1, len).unwrap_or(1);
        (p + 1 + n < len).then_some(1 + n)
    }

    /// If one or two unknown capitalised words from run word `ws[p]` come
    /// before an acronym or a known organisation that a name follows: the
    /// index of that organisation in the run (the words are its unit, the
    /// title's).
    fn unit_before_org(&self, ws: &[usize], p: usize, len: usize) -> Option<usize> {
        if self.doc.lang != Lang::Id {
            return None;
        }
        for q in p + 1..len.min(p + 3) {
            let k = ws[q];
            let n = if self.acronym(k) {
                self.acronym_len(ws, q, len)
            } else if let Some(n) = self.org_name_at(ws, q, len) {
                n
            } else {
                continue;
            };
            let unit = ws[p..q].iter().all(|&j| {
                let t = &self.doc.toks[j];
                t.upper && !t.caps && !self.known_name(j)
            });
            return (unit && q + n < len).then_some(q);
        }
        None
    }

    /// Whether run word token `k` is a neighbourhood unit (`RT`, `RW`) with
    /// its number after it.
    fn numbered_unit(&self, k: usize) -> bool {
        let n = k + 1;
        matches!(self.doc.low(k), "rt" | "rw")
            && self.doc.toks[k].caps
            && self.spaced(n)
            && self.doc.toks[n].kind == Kind::Number
            && self.doc.toks[n].end() - self.doc.toks[n].start() <= 3
    }

    /// Whether the comma at token `c` is followed by a name of one to four
    /// words that a comma, a bracket, the sentence's end or a lower-case
    /// word other than `dan`/`serta`/`atau` closes (so it is not a list).
    fn name_closes(&self, c: usize) -> bool {
        let mut j = c + 1;
        while j < c + 5 && self.spaced(j) && self.name_word(j) && self.title_at(j).is_none() {
            j += 1;
        }
        if j == c + 1 || self.doc.toks[c + 1].flags & (MONTH | WEEKDAY | STOP) != 0 {
            return false;
        }
        let Some(t) = self.doc.toks.get(j) else { return true };
        match t.kind {
            Kind::Word => {
                !t.upper
                    && t.gap == Gap::Space
                    && !matches!(self.doc.low(j), "dan" | "serta" | "atau")
            }
            _ => matches!(t.ch, ',' | '(' | '.') || t.gap >= Gap::Line,
        }
    }

    /// If the comma at token `c` goes on with the rest of a unit's name, a
    /// list closed by `dan` (", Informasi dan Komunikasi Kebencanaan"),
    /// up to an acronym or a known organisation that a name follows: the
    /// index of that organisation.
    fn listed_unit(&self, c: usize) -> Option<usize> {
        if self.doc.lang != Lang::Id || !self.doc.is(c, ',') {
            return None;
        }
        let mut and = false;
        for j in c + 1..c + 12 {
            let t = self.doc.toks.get(j)?;
            if t.kind == Kind::Word && t.upper && !self.used[j] {
                let org = self.acronym(j) || self.doc.longest(j, ORG_NAME, MAX_WORDS).is_some();
                if org && and && self.spaced(j + 1) && self.name_word(j + 1) {
                    return Some(j);
                }
                continue;
            }
            let ok = match t.kind {
                Kind::Word => !t.upper && matches!(self.doc.low(j), "dan" | "and"),
                _ => t.ch == ',',
            };
            if !ok || t.gap >= Gap::Line {
                return None;
            }
            and |= t.kind == Kind::Word;
        }
        None
    }

    /// If token `k` opens a bracket holding the abbreviation or the legal
    /// form of the organisation before it, written against it, with a
    /// capitalised word after it on the line ("Kepala Badan Gizi Nasional
    /// *(BGN)* Dadan Hindayana", "Direktur Utama PT Pertamina *(Persero)*
    /// Simon Aloysius Mantiri"): the index just past the `)`.
    fn bracket_in_title(&self, k: usize) -> Option<usize> {
        let d = self.doc;
        let inner = d.is_word(k + 1)
            && d.toks[k + 1].gap == Gap::None
            && (self.acronym(k + 1) || self.flags(k + 1) & ORG_SUFFIX != 0);
        let closed = inner && d.is(k + 2, ')') && d.toks[k + 2].gap == Gap::None;
        let name = closed
            && d.is_word(k + 3)
            && d.toks[k + 3].gap == Gap::Space
            && d.toks[k + 3].upper
            && !self.used[k + 3];
        (d.is(k, '(') && name).then_some(k + 3)
    }

    /// Where the title phrase starting at token `k` begins: at `k`, or
    /// earlier at a nationality word ("*German* Chancellor") or at a place
    /// or organisation that ends right before it ("*NATO* Secretary
    /// General", "*U.S.* President").
    fn title_start(&self, k: usize) -> usize {
        let t = &self.doc.toks[k];
        if k > 0 && t.gap == Gap::Space {
            let p = &self.doc.toks[k - 1];
            if p.kind == Kind::Word && p.upper && p.flags & DEMONYM != 0 {
                return p.start();
            }
            if let Some(c) = self.out.last() {
                let modifier = c.span.label == labels::LOC || c.span.label == labels::ORG;
                if modifier && c.span.end == p.end() {
                    return c.span.start;
                }
            }
        }
        t.start()
    }

    /// Labels the run words `ws[a..b]` when no title precedes them.
    fn plain(&mut self, ws: &[usize], a: usize, b: usize) {
        let len = b - a;
        if len == 0 {
            return;
        }
        let first = ws[a];
        let shouty = self.doc.toks[first].shouty;
        // Organisation words inside a leading place ("Amerika Serikat") do
        // not count.
        let lead = self.place_at(ws, a, b).unwrap_or(0);
        let has_org_word = ws[a + lead..b].iter().any(|&k| self.org_word(k));
        if self.flags(first) & DEMONYM != 0 {
            // A nationality heads only an organisation or a place name.
            let named =
                self.org_name_at(ws, a, b) == Some(len) || self.place_at(ws, a, b) == Some(len);
            if !(named || has_org_word) {
                return self.plain(ws, a + 1, b);
            }
        }
        if self.org_name_at(ws, a, b) == Some(len) {
            return self.emit(labels::ORG, gaz(len), ws, a, b);
        }
        if self.place_at(ws, a, b) == Some(len) {
            return self.emit(labels::LOC, gaz(len), ws, a, b);
        }
        // The name of an event or a work ("Perang Dunia", "Nobel Prize").
        let event = |k: usize| lexicon::is_event_head(self.doc.low(k));
        if len >= 2 && (event(first) || event(ws[b - 1])) {
            return;
        }
        if len >= 2 {
            let head = self.doc.longest(first, PLACE_HEAD, len).is_some();
            // (In English an organisation's head word comes last, and one
            // named after a place is the organisation: `Lake Tessaway
            // Heritage Society`, `Bay Area Council`.)
            let named_after_place = self.doc.lang == Lang::En
                && len >= 3
                && self.doc.toks[ws[b - 1]].flags & ORG_HEAD != 0;
            // A building or site named after an organisation is a place
            // ("Gedung DPR", "Stadion Persib").
            if head && !self.org_word(first) && !named_after_place {
                return self.emit(labels::LOC, Source::Rule, ws, a, b);
            }
            if has_org_word {
                return self.emit(labels::ORG, Source::Rule, ws, a, b);
            }
            if head || self.flags(ws[b - 1]) & PLACE_SUFFIX != 0 {
                return self.emit(labels::LOC, Source::Rule, ws, a, b);
            }
            // A known name at the start of a longer run stands alone.
            if let Some(n) = self.org_name_at(ws, a, b) {
                self.emit(labels::ORG, gaz(n), ws, a, a + n);
                return self.plain(ws, a + n, b);
            }
            if self.acronym(first) {
                let n = self.acronym_len(ws, a, b);
                self.emit(labels::ORG, Source::Heuristic, ws, a, a + n);
                return self.plain(ws, a + n, b);
            }
            if let Some(n) = self.place_at(ws, a, b).filter(|&n| len - n >= 2) {
                self.emit(labels::LOC, gaz(n), ws, a, a + n);
                return self.plain(ws, a + n, b);
            }
        } else {
            if self.org_word(first) || self.flags(first) & COMMON != 0 {
                return; // a bare "Bank", "PT", "BBM"
            }
            if self.acronym(first) {
                return self.emit(labels::ORG, Source::Heuristic, ws, a, b);
            }
            let w = self.doc.text_of(first);
            if is_domain(w) {
                return self.emit(labels::ORG, Source::Rule, ws, a, b); // KOMPAS.com, TEMPO.CO
            }
        }
        if len >= 2 && self.named_thing(first) {
            return;
        }
        let known = |k: usize| self.persons.contains(self.doc.text_of(k));
        if known(first) || known(ws[b - 1]) {
            return self.emit(labels::PERSON, Source::Heuristic, ws, a, b);
        }
        let caps = ws[a..b].iter().any(|&k| self.doc.toks[k].caps);
        // An English pronoun or quantifier, or the plural of a word for a
        // person, before a verb of saying names nobody: `Nobody told us`,
        // `Everyone says`, `Residents say`, `Officials said`.
        // (Looked up only for a word next to a cue.)
        let grammar = || {
            let w = self.doc.low(first);
            len == 1
                && self.doc.lang == Lang::En
                && (indefinite(w) || super::cues::plural_person_noun(w))
        };
        if len <= 4 && !shouty && !caps && self.next_to_cue(ws[a], ws[b - 1]) && !grammar() {
            return self.emit(labels::PERSON, Source::Heuristic, ws, a, b);
        }
        let prep = self.preposition_before(first);
        // A lone known given or family name ("Melanie", "Bambang") that the
        // text never writes in lower case, unless a strong locative
        // preposition stands before it.
        let lone_name = len == 1
            && !shouty
            && !caps
            && prep != Some(true)
            && !self.doc.seen_lower(first)
            && self.doc.toks[first].more & (more::GIVEN | more::FAMILY) != 0;
        if lone_name {
            return self.emit(labels::PERSON, Source::Heuristic, ws, a, b);
        }
        if let Some(strong) = prep {
            if len == 1 || (strong && len <= 3) {
                return self.emit(labels::LOC, Source::Heuristic, ws, a, b);
            }
        }
        // Words the text also writes in lower case are common words, so a
        // run of them is a title of something, not a name.
        let common =
            ws[a..b].iter().filter(|&&k| !self.is_connector(k)).any(|&k| self.doc.seen_lower(k));
        if (2..=4).contains(&len) && !shouty && !caps && !common {
            self.emit(labels::PERSON, Source::Heuristic, ws, a, b);
        }
    }

    /// Whether an Indonesian noun for a programme, a campaign or a project
    /// stands in lower case right before token `k`, so the capitalised
    /// words from `k` are its name ("program *Makan Bergizi Gratis*"), not
    /// a person's. (Not the nouns for works, `film`, `lagu`, `novel`:
    /// the training text names them before their artists too, and the
    /// learned tagger reads the rules' reading.)
    fn named_thing(&self, k: usize) -> bool {
        const NOUNS: &[&str] = &["program", "kampanye", "proyek", "skema"];
        self.doc.lang == Lang::Id
            && k > 0
            && self.spaced(k)
            && self.doc.is_word(k - 1)
            && !self.doc.toks[k - 1].upper
            && NOUNS.contains(&self.doc.low(k - 1))
    }

    /// Whether the words from token `first` to token `last` stand right
    /// after or right before a verb of saying ("kata Rutte", "Smith said").
    fn next_to_cue(&self, first: usize, last: usize) -> bool {
        let cue = |k: usize| {
            self.doc.is_word(k) && self.flags(k) & CUE != 0 && self.flags(k) & CUE_PRON == 0
        };
        let before = first > 0 && self.spaced(first) && cue(first - 1);
        let after = if self.dot_after(last) { last + 2 } else { last + 1 };
        before || (self.spaced(after) && cue(after))
    }

    /// If the word before token `k` is a locative preposition of the text's
    /// language, whether it is a strong one (`di`, `in`, `at`).
    fn preposition_before(&self, k: usize) -> Option<bool> {
        if k == 0 || !self.spaced(k) || !self.doc.is_word(k - 1) {
            return None;
        }
        let p = &self.doc.toks[k - 1];
        if p.upper && !p.initial {
            return None;
        }
        if !p.upper && p.flags & PLACE_HEAD != 0 {
            return Some(true); // "kota Pati", "desa Kramas"
        }
        let mask = match self.doc.lang {
            Lang::Id => PREP_ID,
            Lang::En => PREP_EN,
            Lang::Other => PREP_ID | PREP_EN,
        };
        (p.flags & mask != 0).then_some(p.flags & PREP_STRONG != 0)
    }

    /// In an Indonesian text, the lower-case place word right before token
    /// `k` ("*kota* Semarang", "*desa* Kramas"): it is part of the place's
    /// name, written in lower case.
    fn lower_place_head(&self, k: usize) -> Option<usize> {
        if self.doc.lang == Lang::En || k == 0 || !self.spaced(k) {
            return None;
        }
        let p = &self.doc.toks[k - 1];
        let head = p.kind == Kind::Word
            && p.ch.is_lowercase()
            && lexicon::is_naming_place_head(self.doc.low(k - 1));
        (head && !self.used[k - 1]).then_some(k - 1)
    }

    /// Adds the span of run words `ws[a..b]` (trimmed of connectors) with
    /// `label`, found by `source`. A LOC takes in a lower-case place word
    /// before it in Indonesian ("kota Semarang").
    fn emit(
        &mut self,
        label: &'static str,
        source: Source,
        ws: &[usize],
        mut a: usize,
        mut b: usize,
    ) {
        while a < b && self.is_connector(ws[a]) {
            a += 1;
        }
        while b > a && self.is_connector(ws[b - 1]) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        let last = ws[b - 1];
        if label == labels::PERSON && ws[a..b].iter().all(|&k| self.single_letter(k)) {
            return; // initials alone ("S. F.")
        }
        let takes_dot =
            self.single_letter(last) || self.flags(last) & (ORG_SUFFIX | NAME_SUFFIX) != 0;
        let end_tok = if takes_dot && self.dot_after(last) { last + 1 } else { last };
        let mut start = self.doc.toks[ws[a]].start();
        let end = self.doc.toks[end_tok].end();
        if label == labels::LOC {
            if let Some(head) = self.lower_place_head(ws[a]) {
                start = self.doc.toks[head].start();
            }
        }
        if label == labels::PERSON {
            for k in [ws[a], last] {
                if !self.single_letter(k) && !self.roman(k) {
                    self.persons.insert(self.doc.text_of(k));
                }
            }
        }
        self.out.push(Candidate { span: Span::new(label, start, end), source });
    }
}

/// English indefinite pronouns and quantifiers, which stand where a
/// speaker's name does (`Nobody told us`) but name nobody.
fn indefinite(w: &str) -> bool {
    matches!(
        w,
        "nobody"
            | "somebody"
            | "everybody"
            | "anybody"
            | "everyone"
            | "someone"
            | "anyone"
            | "none"
            | "nothing"
            | "everything"
            | "something"
            | "all"
            | "many"
            | "most"
            | "some"
            | "few"
            | "several"
            | "others"
            | "both"
            | "each"
            | "either"
            | "neither"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(&'static str, &str)> {
        let doc = Doc::new(text, Lang::Id);
        let used = vec![false; doc.toks.len()];
        find(&doc, &used)
            .into_iter()
            .map(|c| (c.span.label, &text[c.span.start..c.span.end]))
            .collect()
    }

    #[test]
    fn title_peels_place_and_leaves_person() {
        assert_eq!(
            ents("Perdana Menteri Jepang Sanae Takaichi tiba. Takaichi senang."),
            [("LOC", "Jepang"), ("PERSON", "Sanae Takaichi"), ("PERSON", "Takaichi")]
        );
    }

    #[test]
    fn organisation_keeps_its_place() {
        assert_eq!(
            ents("kata Kementerian Luar Negeri Jepang."),
            [("ORG", "Kementerian Luar Negeri Jepang")]
        );
    }
}
