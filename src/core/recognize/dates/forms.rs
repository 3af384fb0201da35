//! The date forms: matchers that read the tokens at one position and say
//! what date expression starts there (see the module doc of `dates` for
//! the list). Every matcher looks at a bounded number of tokens, so one
//! left-to-right [`scan`] is linear in the length of the text.

use super::calendar::{valid, Ymd};
use super::{Dir, Expr, Found, Unit};
use crate::core::recognize::lexicon::{flags, more};
use crate::core::recognize::tokens::{Doc, Gap, Kind, Lang};

/// Month names and abbreviations, Indonesian and English, with numbers.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1), ("februari", 2), ("pebruari", 2), ("maret", 3), ("april", 4), ("mei", 5),
    ("juni", 6), ("juli", 7), ("agustus", 8), ("september", 9), ("oktober", 10),
    ("november", 11), ("nopember", 11), ("desember", 12), ("january", 1), ("february", 2),
    ("march", 3), ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("october", 10),
    ("december", 12),
];

/// Month abbreviations: they count only with a day or a year.
#[rustfmt::skip]
const MONTH_ABBRS: &[(&str, u32)] = &[
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("agu", 8),
    ("agt", 8), ("ags", 8), ("aug", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("oct", 10),
    ("nov", 11), ("nop", 11), ("des", 12), ("dec", 12),
];

/// Months that are also given names or words (`Theresa May`, `April`):
/// alone, they need a date cue before them.
#[rustfmt::skip]
const AMBIGUOUS_MONTHS: &[&str] = &["mei", "may", "april", "juni", "june", "agustus", "august"];

/// Weekday names (0 = Monday).
#[rustfmt::skip]
const WEEKDAYS: &[(&str, u32)] = &[
    ("senin", 0), ("selasa", 1), ("rabu", 2), ("kamis", 3), ("jumat", 4), ("jum'at", 4),
    ("jum\u{2019}at", 4), ("sabtu", 5), ("minggu", 6), ("ahad", 6), ("monday", 0),
    ("tuesday", 1), ("wednesday", 2), ("thursday", 3), ("friday", 4), ("saturday", 5),
    ("sunday", 6),
];

/// Plural English weekdays: a recurring day, a DATE with no value.
#[rustfmt::skip]
const WEEKDAYS_PLURAL: &[&str] =
    &["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"];

/// Words after `Minggu`/`minggu` that make it "week", not "Sunday".
#[rustfmt::skip]
const WEEK_AFTER: &[&str] = &[
    "lalu", "depan", "ini", "ke", "pertama", "kedua", "terakhir", "sebelumnya", "berikutnya",
    "mendatang", "kemarin", "yang", "ketiga", "keempat",
];

/// Parts of the day after a weekday or `kemarin` (`Senin malam`).
#[rustfmt::skip]
const DAY_PARTS: &[&str] = &[
    "pagi", "siang", "sore", "malam", "morning", "afternoon", "evening", "night", "nights",
];

/// Capitalised words after a weekday that make it a name (`Sunday Times`).
#[rustfmt::skip]
const WEEKDAY_NAME_NEXT: &[&str] =
    &["times", "telegraph", "mirror", "express", "post", "herald", "school", "league"];

/// Words before a month written alone that make it a date.
#[rustfmt::skip]
const MONTH_CUES: &[&str] = &[
    "pada", "bulan", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "medio",
    "selama", "menjelang", "jelang", "sepanjang", "in", "on", "since", "until", "till", "by",
    "during", "early", "late", "mid", "from", "before", "after", "through", "throughout",
];

/// Words before a year, besides the lexicon's year cues.
#[rustfmt::skip]
const YEAR_CUES: &[&str] = &[
    "from", "circa", "ca", "c", "around", "era", "through", "throughout", "between", "akhir",
    "tahun-tahun", "pertengahan", "pemilu", "pilpres", "pilkada",
];

/// Words after a number that make it a count, not a year (`in 2000 homes`).
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "people", "orang", "jiwa", "persons", "meters", "metres", "m", "km", "kilometers",
    "kilometres", "units", "unit", "rupiah", "dollars", "troops", "soldiers", "kg", "ton", "tons",
    "tonnes", "hektare", "ha", "buah", "ekor", "kali", "times", "pounds", "euros", "feet", "miles",
    "votes", "suara", "homes", "houses", "rumah", "cases", "kasus", "students", "siswa",
    "pages", "words", "members", "anggota", "%", "persen", "percent",
];

/// Words that join a second year to a year just found (`1846 and 1848`).
#[rustfmt::skip]
const YEAR_JOINERS: &[&str] = &["and", "or", "dan", "atau", "to", "hingga", "sampai", "through"];

/// Words after an ambiguous month that make it a name (`May said`).
#[rustfmt::skip]
const NAME_VERBS: &[&str] = &[
    "said", "says", "told", "has", "had", "is", "was", "will", "would", "could", "did", "does",
    "and", "announced", "added", "wrote",
];

/// Words before a weekday that point to the future.
#[rustfmt::skip]
const FUTURE_CUES: &[&str] = &[
    "akan", "will", "dijadwalkan", "scheduled", "rencananya", "berencana", "plans", "planned",
    "expected", "bakal",
];

/// Small numbers written as words, for `dua hari lalu`, `two weeks ago`.
#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, i64)] = &[
    ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7),
    ("delapan", 8), ("sembilan", 9), ("sepuluh", 10), ("a", 1), ("an", 1), ("one", 1),
    ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
    ("nine", 9), ("ten", 10),
];

/// Ordinals written as words, for centuries.
#[rustfmt::skip]
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13),
    ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17),
    ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("twenty-first", 21),
];

/// Looks `w` up in a table.
fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// A cursor over the tokens of one document.
struct Toks<'d, 'a> {
    doc: &'d Doc<'a>,
}

impl Toks<'_, '_> {
    /// The lower-case text of token `k` if it is a word or number, else "".
    fn low(&self, k: usize) -> &str {
        match self.doc.toks.get(k) {
            Some(t) if t.kind != Kind::Punct => self.doc.low(k),
            _ => "",
        }
    }

    /// Like [`Toks::low`], but "" unless token `k` is on the line of the
    /// token before it.
    fn next(&self, k: usize) -> &str {
        if self.same_line(k) {
            self.low(k)
        } else {
            ""
        }
    }

    /// The lower-case word before token `k` on the same line, or "".
    fn prev(&self, k: usize) -> &str {
        if k == 0 || !self.same_line(k) {
            return "";
        }
        self.low(k - 1)
    }

    /// Whether token `k` exists and follows the one before on the same line.
    fn same_line(&self, k: usize) -> bool {
        self.doc.toks.get(k).is_some_and(|t| t.gap <= Gap::Space)
    }

    /// Whether token `k` exists and touches the one before.
    fn tight(&self, k: usize) -> bool {
        self.doc.toks.get(k).is_some_and(|t| t.gap == Gap::None)
    }

    /// Whether token `k` is the punctuation `c` on the same line.
    fn is(&self, k: usize, c: char) -> bool {
        self.same_line(k) && self.doc.is(k, c)
    }

    /// Whether token `k` is not capitalised, or is in a line of capitals
    /// (so `Tahun Ini` in a title is not `tahun ini`).
    fn plain(&self, k: usize) -> bool {
        self.doc.toks.get(k).is_some_and(|x| !x.upper || x.shouty)
    }

    /// Whether token `k` is a capitalised word.
    fn upper(&self, k: usize) -> bool {
        self.doc.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.upper)
    }

    /// The value of number token `k` of at most `max` digits.
    fn number(&self, k: usize, max: usize) -> Option<u32> {
        let t = self.doc.toks.get(k)?;
        if t.kind != Kind::Number || t.end() - t.start() > max {
            return None;
        }
        self.doc.text_of(k).parse().ok()
    }

    /// A day of the month at `k`: `1`–`31`, `1st`, `25th`.
    fn day(&self, k: usize) -> Option<u32> {
        if let Some(d) = self.number(k, 2) {
            return (1..=31).contains(&d).then_some(d);
        }
        ordinal(self.low(k)).filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year from 1000 to 2999 at `k`.
    fn year(&self, k: usize) -> Option<i64> {
        let t = self.doc.toks.get(k)?;
        if t.end() - t.start() != 4 {
            return None;
        }
        self.number(k, 4).filter(|y| (1000..=2999).contains(y)).map(i64::from)
    }

    /// A capitalised full month name at `k`: its number.
    fn month_name(&self, k: usize) -> Option<u32> {
        if !self.upper(k) {
            return None;
        }
        lookup(MONTHS, self.low(k))
    }

    /// A capitalised month name or abbreviation (with its `.`) at `k`: its
    /// number and the index past it.
    fn month(&self, k: usize) -> Option<(u32, usize)> {
        if let Some(m) = self.month_name(k) {
            return Some((m, k + 1));
        }
        if !self.upper(k) {
            return None;
        }
        let m = lookup(MONTH_ABBRS, self.low(k))?;
        let dot = self.doc.is(k + 1, '.') && self.tight(k + 1);
        Some((m, if dot { k + 2 } else { k + 1 }))
    }

    /// A capitalised weekday at `k` that is not `Minggu` meaning "week".
    fn weekday(&self, k: usize) -> Option<u32> {
        if !self.upper(k) {
            return None;
        }
        let w = lookup(WEEKDAYS, self.low(k))?;
        let week = self.low(k) == "minggu" && WEEK_AFTER.contains(&self.next(k + 1));
        (!week).then_some(w)
    }
}

/// The number of an ordinal written with digits (`1st`, `19th`).
fn ordinal(w: &str) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = w.split_at(digits);
    ((1..=2).contains(&digits) && matches!(suffix, "st" | "nd" | "rd" | "th"))
        .then(|| num.parse().ok())
        .flatten()
}

/// A two- or four-digit year written in a numeric date.
fn numeric_year(s: &str) -> Option<i64> {
    let v: i64 = s.parse().ok()?;
    match s.len() {
        4 if (1000..=2999).contains(&v) => Some(v),
        2 if v < 70 => Some(2000 + v),
        2 => Some(1900 + v),
        _ => None,
    }
}

/// A full date, or `None` if it does not exist (`31 Februari`).
fn full(y: i64, m: u32, d: u32, wd: Option<u32>) -> Option<Expr> {
    let ymd = Ymd { y, m, d };
    valid(ymd).then_some(Expr::Full(ymd, wd))
}

/// A month and day, or `None` if no year has it.
fn month_day(m: u32, d: u32, wd: Option<u32>) -> Option<Expr> {
    valid(Ymd { y: 2000, m, d }).then_some(Expr::MonthDay { m, d, wd, dir: Dir::Bare })
}

/// A numeric date written as one token (`25-2-2020`, `25.2.2020`,
/// `2025-12-01`).
fn numeric_token(word: &str) -> Option<Expr> {
    let sep = if word.contains('-') { '-' } else { '.' };
    let mut parts = word.split(sep);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if digits(a, &[4]) {
        if sep != '-' || !digits(b, &[2]) || !digits(c, &[2]) {
            return None;
        }
        return full(numeric_year(a)?, b.parse().ok()?, c.parse().ok()?, None);
    }
    let year_lens: &[usize] = if sep == '-' { &[2, 4] } else { &[4] };
    if !digits(a, &[1, 2]) || !digits(b, &[1, 2]) || !digits(c, year_lens) {
        return None;
    }
    full(numeric_year(c)?, b.parse().ok()?, a.parse().ok()?, None)
}

/// `d/m` or `d/m/y` (or `m/d/y` in English when the month cannot come
/// second) written with slashes and no spaces, from token `k`:
/// the index just past it and the date. `need_year` rejects `d/m`.
fn slashed(t: &Toks, k: usize, need_year: bool, wd: Option<u32>) -> Option<(usize, Expr)> {
    let d = t.number(k, 2).filter(|d| (1..=31).contains(d))?;
    if !(t.doc.is(k + 1, '/') && t.tight(k + 1) && t.tight(k + 2)) {
        return None;
    }
    let second = t.number(k + 2, 2).filter(|m| (1..=31).contains(m))?;
    // Day first; in English text, month first when the day-first reading is
    // impossible (`12/25/2025`).
    let (d, m) = match (d, second) {
        (d, m) if m <= 12 => (d, m),
        (m, d) if m <= 12 && t.doc.lang != Lang::Id => (d, m),
        _ => return None,
    };
    if t.doc.is(k + 3, '/') && t.tight(k + 3) && t.tight(k + 4) {
        let tok = t.doc.toks.get(k + 4)?;
        if tok.kind == Kind::Number && matches!(tok.end() - tok.start(), 2 | 4) {
            let y = numeric_year(t.doc.text_of(k + 4))?;
            return Some((k + 5, full(y, m, d, wd)?));
        }
        return None;
    }
    if need_year {
        return None;
    }
    Some((k + 3, month_day(m, d, wd)?))
}

/// A date without a weekday starting at token `k`: the index past it.
fn core_date(t: &Toks, k: usize, wd: Option<u32>) -> Option<(usize, Expr)> {
    if wd.is_none() {
        if let Some(found) = day_range(t, k) {
            return Some(found);
        }
    }
    // 1 Desember 2025 / 1 Desember / 1st December 2025 / 12th of October
    if let Some(d) = t.day(k) {
        let of = usize::from(t.next(k + 1) == "of" && ordinal(t.low(k)).is_some());
        if t.same_line(k + 1 + of) {
            if let Some((m, e)) = t.month(k + 1 + of) {
                if t.same_line(e) {
                    if let Some(y) = t.year(e) {
                        return Some((e + 1, full(y, m, d, wd)?));
                    }
                }
                return Some((e, month_day(m, d, wd)?));
            }
        }
    }
    if let Some((m, e)) = t.month(k) {
        // December 1, 2025 / Dec. 1 / December 1 2025
        if t.same_line(e) && t.year(e).is_none() {
            if let Some(d) = t.day(e) {
                let p = e + 1;
                if t.is(p, ',') && t.same_line(p + 1) {
                    if let Some(y) = t.year(p + 1) {
                        return Some((p + 2, full(y, m, d, wd)?));
                    }
                }
                if t.same_line(p) {
                    if let Some(y) = t.year(p) {
                        return Some((p + 1, full(y, m, d, wd)?));
                    }
                }
                return Some((p, month_day(m, d, wd)?));
            }
        }
        // Desember 2025 / May, 1750 / December of 2024
        let sep = usize::from(t.is(e, ',') || t.next(e) == "of");
        if wd.is_none() && t.same_line(e + sep) {
            if let Some(y) = t.year(e + sep) {
                return Some((e + sep + 1, Expr::YearMonth(y, m)));
            }
        }
    }
    // Both forms start with a digit.
    if t.doc.is_word(k) && t.doc.toks[k].ch.is_ascii_digit() {
        if let Some(e) = numeric_token(t.doc.text_of(k)) {
            return Some((k + 1, attach_weekday(e, wd)));
        }
        if let Some(e) = year_span(t.low(k)).filter(|_| wd.is_none()) {
            return Some((k + 1, e));
        }
    }
    slashed(t, k, true, wd)
}

/// A span of days in one month from token `k`: `1-3 Desember 2025`
/// (one token `1-3`) or `5 – 6 September 2019` (three tokens).
fn day_range(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let day = |s: &str| s.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let (d1, d2, m_at) = if t.doc.toks.get(k)?.kind == Kind::Word {
        let (a, b) = t.low(k).split_once('-')?;
        (day(a)?, day(b)?, k + 1)
    } else {
        let d1 = t.day(k)?;
        let dash = t.is(k + 1, '-') || t.is(k + 1, '\u{2013}');
        if !dash || !t.same_line(k + 2) {
            return None;
        }
        (d1, t.day(k + 2)?, k + 3)
    };
    if d1 >= d2 || !t.same_line(m_at) {
        return None;
    }
    let (m, e) = t.month(m_at)?;
    let (end, a, b) = match t.year(e).filter(|_| t.same_line(e)) {
        Some(y) => (e + 1, full(y, m, d1, None)?, full(y, m, d2, None)?),
        None => (e, month_day(m, d1, None)?, month_day(m, d2, None)?),
    };
    Some((end, Expr::Range(Box::new(a), Box::new(b))))
}

/// A span of years written as one word: `2019-2024`.
fn year_span(w: &str) -> Option<Expr> {
    let (a, b) = w.split_once('-')?;
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
            .filter(|y| (1000..=2099).contains(y))
    };
    let (a, b) = (year(a)?, year(b)?);
    (a < b).then_some(Expr::Years(a, b))
}

/// Adds the written weekday to a full date.
fn attach_weekday(e: Expr, wd: Option<u32>) -> Expr {
    match e {
        Expr::Full(ymd, None) => Expr::Full(ymd, wd),
        e => e,
    }
}

/// The direction word at `k` (`lalu`, `depan`, …), if any.
fn direction(w: &str) -> Option<Dir> {
    match w {
        "lalu" | "kemarin" | "last" => Some(Dir::Last),
        "depan" | "mendatang" | "next" | "coming" => Some(Dir::Next),
        "ini" | "this" => Some(Dir::This),
        _ => None,
    }
}

/// A weekday and what follows it, from token `k`.
fn weekday_date(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let wd = t.weekday(k)?;
    let j = k + 1;
    let with_part = |e: usize| if DAY_PARTS.contains(&t.next(e)) { e + 1 } else { e };
    // Senin (1/12)  /  Selasa (25/2/2020)  /  Sabtu, (22/3)
    let p = j + usize::from(t.is(j, ',') && t.is(j + 1, '('));
    if t.is(p, '(') {
        if let Some((e, expr)) = slashed(t, p + 1, false, Some(wd)) {
            if t.tight(p + 1) && t.doc.is(e, ')') && t.tight(e) {
                return Some((with_part(e + 1), expr));
            }
        }
    }
    // Senin, 1 Desember 2025  /  Monday Dec. 1  /  Thursday , May 7 , 2015
    let comma = usize::from(t.is(j, ','));
    if t.same_line(j + comma) {
        if let Some(found) = core_date(t, j + comma, Some(wd)) {
            return Some(found);
        }
    }
    // Monday last week / Senin lalu / Senin ini / Senin pekan depan
    let week_after = |n: i64| Some((j + 2, Expr::WeekdayOfWeek(wd, n)));
    match (t.next(j), t.next(j + 1)) {
        ("last", "week") => return week_after(-1),
        ("next", "week") => return week_after(1),
        ("this", "week") => return week_after(0),
        _ => {}
    }
    if let Some(dir) = direction(t.next(j)) {
        return Some((j + 1, Expr::Weekday(wd, dir)));
    }
    if matches!(t.next(j), "pekan" | "minggu") {
        let n = match direction(t.next(j + 1)) {
            Some(Dir::Last) => -1,
            Some(Dir::Next) => 1,
            Some(Dir::This) => 0,
            _ => return Some((with_part(j), Expr::Weekday(wd, Dir::Bare))),
        };
        return Some((j + 2, Expr::WeekdayOfWeek(wd, n)));
    }
    if t.upper(j) && t.same_line(j) && WEEKDAY_NAME_NEXT.contains(&t.low(j)) {
        return None;
    }
    Some((with_part(j), Expr::Weekday(wd, Dir::Bare)))
}

/// A count of units at `k` (`3`, `dua`, `two`, `a`): the number, or `None`
/// inside for a vague count (`beberapa`, `several`).
fn count(t: &Toks, k: usize) -> Option<Option<i64>> {
    let w = t.low(k);
    if let Some(n) = t.number(k, 3) {
        return Some(Some(i64::from(n)));
    }
    if let Some(n) = lookup(NUMBER_WORDS, w) {
        return Some(Some(n));
    }
    matches!(w, "beberapa" | "several" | "few").then_some(None)
}

/// A unit word: `hari`, `weeks`, ….
fn unit(w: &str) -> Option<Unit> {
    match w {
        "hari" | "day" | "days" => Some(Unit::Day),
        "pekan" | "minggu" | "week" | "weeks" => Some(Unit::Week),
        "bulan" | "month" | "months" => Some(Unit::Month),
        "tahun" | "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

/// A relative date from token `k`: `kemarin`, `pekan lalu`, `last week`,
/// `tiga hari lalu`, `earlier this month`, ….
fn relative(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let w = t.low(k);
    let with_part = |e: usize| if DAY_PARTS.contains(&t.next(e)) { e + 1 } else { e };
    let day = |n: i64, e: usize| Some((with_part(e), Expr::Rel(Unit::Day, Some(n))));
    match w {
        "kemarin" | "yesterday" => return day(-1, k + 1),
        "besok" => return day(1, k + 1),
        "tomorrow" => return day(1, k + 1),
        "lusa" => return day(2, k + 1),
        "today" | "tonight" => return Some((k + 1, Expr::Rel(Unit::Day, Some(0)))),
        "esok" => return day(1, k + 1 + usize::from(t.next(k + 1) == "hari")),
        _ => {}
    }
    // tadi pagi / tadi malam (last night) / pagi ini / malam ini
    let part = t.next(k + 1);
    if w == "tadi" && matches!(part, "pagi" | "siang" | "sore" | "malam") {
        let n = if part == "malam" { -1 } else { 0 };
        return Some((k + 2, Expr::Rel(Unit::Day, Some(n))));
    }
    if matches!(w, "pagi" | "siang" | "sore" | "malam") && part == "ini" && t.plain(k + 1) {
        return Some((k + 2, Expr::Rel(Unit::Day, Some(0))));
    }
    // pekan lalu / Minggu ini / bulan depan / tahun lalu
    let unit_dir = |j: usize| -> Option<(usize, Unit, i64)> {
        let u = unit(t.low(j)).filter(|u| *u != Unit::Day)?;
        let (dir, e) = match (t.next(j + 1), t.next(j + 2)) {
            ("yang", "lalu") => (Dir::Last, j + 3),
            (w, _) => (direction(w)?, j + 2),
        };
        if !t.plain(j + 1) {
            return None; // `Pemain Terbaik Tahun Ini`: a title
        }
        let n = match dir {
            Dir::Last => -1,
            Dir::Next => 1,
            _ => 0,
        };
        (!matches!(t.low(j + 1), "last" | "next" | "this" | "coming")).then_some((e, u, n))
    };
    let indonesian_unit = |w: &str| matches!(w, "pekan" | "minggu" | "bulan" | "tahun");
    // `beberapa hari ini`, `tiga bulan ini`: a stretch of time, not a date.
    if k > 0 && t.same_line(k) && count(t, k - 1).is_some() {
        return None;
    }
    if w == "hari" && t.next(k + 1) == "ini" {
        return Some((k + 2, Expr::Rel(Unit::Day, Some(0))));
    }
    if indonesian_unit(w) {
        let (e, u, n) = unit_dir(k)?;
        return Some((e, Expr::Rel(u, Some(n))));
    }
    // akhir pekan lalu / awal bulan ini / akhir tahun lalu
    if matches!(w, "awal" | "akhir" | "pertengahan") && indonesian_unit(t.next(k + 1)) {
        let (e, u, n) = unit_dir(k + 1)?;
        let weekend = w == "akhir" && matches!(t.low(k + 1), "pekan" | "minggu");
        let u = if weekend { Unit::Weekend } else { u };
        return Some((e, Expr::Rel(u, Some(n))));
    }
    // last week / next month / this year / last Monday / last October / last night
    if matches!(w, "last" | "next" | "this" | "coming")
        && !matches!(t.prev(k), "the" | "a" | "its" | "his" | "her" | "their" | "our" | "my")
    {
        let dir = direction(w).unwrap_or(Dir::Bare);
        let n = match dir {
            Dir::Last => -1,
            Dir::Next => 1,
            _ => 0,
        };
        let next = t.next(k + 1);
        if t.same_line(k + 1) {
            if let Some(wd) = t.weekday(k + 1) {
                return Some((with_part(k + 2), Expr::Weekday(wd, dir)));
            }
            if let Some(m) = t.month_name(k + 1) {
                return Some((k + 2, Expr::Month(m, dir)));
            }
        }
        return match next {
            "week" | "month" | "year" => {
                let u = unit(next).unwrap_or(Unit::Year);
                Some((k + 2, Expr::Rel(u, Some(n))))
            }
            "weekend" => Some((k + 2, Expr::Rel(Unit::Weekend, Some(n)))),
            "night" if dir == Dir::Last => day(-1, k + 2),
            "morning" | "afternoon" | "evening" if dir == Dir::This => day(0, k + 2),
            _ => None,
        };
    }
    // earlier this month / later this year
    if matches!(w, "earlier" | "later") && t.next(k + 1) == "this" {
        let next = t.next(k + 2);
        let u = match next {
            "weekend" => Unit::Weekend,
            "week" | "month" | "year" => unit(next)?,
            _ => return None,
        };
        return Some((k + 3, Expr::Rel(u, Some(0))));
    }
    // sehari lalu / setahun silam
    let se = match w {
        "sehari" => Some(Unit::Day),
        "sepekan" | "seminggu" => Some(Unit::Week),
        "sebulan" => Some(Unit::Month),
        "setahun" => Some(Unit::Year),
        _ => None,
    };
    if let Some(u) = se {
        return ago(t, k + 1).map(|e| (e, Expr::Rel(u, Some(-1))));
    }
    // tiga hari lalu / 2 weeks ago / beberapa tahun silam
    let n = count(t, k)?;
    let few = usize::from(w == "a" && t.next(k + 1) == "few");
    let u = unit(t.next(k + 1 + few))?;
    let e = ago(t, k + 2 + few)?;
    let n = if few == 1 { None } else { n };
    Some((e, Expr::Rel(u, n.map(|n| -n))))
}

/// `lalu`, `yang lalu`, `silam`, `ago` at `k`: the index past it.
fn ago(t: &Toks, k: usize) -> Option<usize> {
    match (t.next(k), t.next(k + 1)) {
        ("yang", "lalu") => Some(k + 2),
        ("lalu" | "silam" | "ago", _) => Some(k + 1),
        _ => None,
    }
}

/// A decade at `k` (`1960s`, `1990-an`, `’80s`, `the 90s`): the index past
/// it and its value.
fn decade(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    if (t.doc.is(k, '\u{2019}') || t.doc.is(k, '\'')) && t.tight(k + 1) {
        return Some((k + 2, Expr::Fixed(short_decade(t.low(k + 1))?)));
    }
    let w = t.low(k);
    let w = w.strip_prefix("mid-").unwrap_or(w);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = w.split_at(digits);
    if digits == 4 && matches!(suffix, "s" | "-an" | "an") && num.ends_with('0') {
        let y: i64 = num.parse().ok()?;
        return (1000..=2090)
            .contains(&y)
            .then(|| (k + 1, Expr::Fixed(Some(format!("{}X", &num[..3])))));
    }
    // 1930’s: the tokenizer splits the possessive-looking `’s`.
    if t.year(k).is_some_and(|y| y % 10 == 0)
        && (t.doc.is(k + 1, '\u{2019}') || t.doc.is(k + 1, '\''))
        && t.tight(k + 1)
        && t.tight(k + 2)
        && t.low(k + 2) == "s"
    {
        return Some((k + 3, Expr::Fixed(Some(format!("{}X", &t.low(k)[..3])))));
    }
    if matches!(t.prev(k), "the" | "early" | "late" | "mid" | "era" | "tahun") {
        return Some((k + 1, Expr::Fixed(short_decade(w)?)));
    }
    None
}

/// `80s` as a decade of the 1900s (value `198X`); `00s`–`20s` are
/// ambiguous and have no value.
fn short_decade(w: &str) -> Option<Option<String>> {
    let num = w.strip_suffix('s')?;
    if num.len() != 2 || !num.ends_with('0') || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((num.as_bytes()[0] >= b'3').then(|| format!("19{}X", &num[..1])))
}

/// A century at `k` (`19th century`, `abad ke-19`).
fn century(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let w = t.low(k);
    let value = |n: u32| Expr::Fixed((1..=30).contains(&n).then(|| format!("{:02}", n - 1)));
    if w == "abad" {
        let n = t.next(k + 1);
        let n: u32 = n.strip_prefix("ke-").unwrap_or(n).parse().ok()?;
        return Some((k + 2, value(n)));
    }
    let n = ordinal(w).or_else(|| lookup(ORDINAL_WORDS, w))?;
    if !matches!(t.next(k + 1), "century" | "centuries") {
        return None;
    }
    if matches!(t.next(k + 2), "bc" | "bce") {
        return Some((k + 3, Expr::Fixed(None)));
    }
    Some((k + 2, value(n)))
}

/// A modifier before a month, year, decade or century (`awal`, `early`,
/// `mid`, a season): the expression it modifies, with the modifier.
fn modified(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let w = t.low(k);
    // mid-December / mid-2025: one token.
    if let Some(rest) = w.strip_prefix("mid-") {
        let upper = t.doc.text_of(k).as_bytes().get(4).is_some_and(u8::is_ascii_uppercase);
        if let Some(m) = lookup(MONTHS, rest).filter(|_| upper) {
            return Some((k + 1, Expr::Month(m, Dir::Bare)));
        }
        let y: i64 = rest.parse().ok().filter(|_| rest.len() == 4)?;
        return (1000..=2099).contains(&y).then_some((k + 1, Expr::Year(y)));
    }
    let season = matches!(w, "spring" | "summer" | "autumn" | "fall" | "winter");
    if !(season
        || matches!(w, "awal" | "akhir" | "pertengahan" | "medio" | "early" | "late" | "mid"))
    {
        return None;
    }
    let j = k + 1 + usize::from(season && t.next(k + 1) == "of");
    if !t.same_line(j) {
        return None;
    }
    if let Some(y) = t.year(j) {
        if counted(t, j + 1) {
            return None;
        }
        return Some((j + 1, Expr::Year(y)));
    }
    if season {
        return None;
    }
    if let Some(found) = decade(t, j).or_else(|| century(t, j)) {
        return Some(found);
    }
    if let Some(m) = t.month_name(j) {
        if let Some((e, expr)) = core_date(t, j, None) {
            return Some((e, expr));
        }
        return Some((j + 1, Expr::Month(m, Dir::Bare)));
    }
    None
}

/// A month written alone at `k`, with `lalu`/`depan` after it or a date
/// cue before it.
fn lone_month(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let m = t.month_name(k)?;
    if let Some(dir) = direction(t.next(k + 1)) {
        if t.next(k + 1) != "this" {
            return Some((k + 2, Expr::Month(m, dir)));
        }
    }
    let cued = MONTH_CUES.contains(&t.prev(k));
    let next_is_name = t.same_line(k + 1) && t.upper(k + 1);
    // A family name after a given name (`Anna March`, `Theresa May`): the
    // entity rules take it with the name (`Entities::surname_month`).
    let after_given = t.doc.lang == Lang::En
        && k > 0
        && t.doc.toks[k].gap == Gap::Space
        && t.upper(k - 1)
        && t.doc.toks[k - 1].more & more::GIVEN != 0;
    if after_given {
        return None;
    }
    let apostrophe = t.tight(k + 1) && (t.doc.is(k + 1, '\u{2019}') || t.doc.is(k + 1, '\''));
    if next_is_name || apostrophe {
        return None;
    }
    if AMBIGUOUS_MONTHS.contains(&t.low(k)) {
        let verb = NAME_VERBS.contains(&t.next(k + 1))
            || t.doc.toks.get(k + 1).is_some_and(|x| x.flags & flags::CUE != 0);
        if !cued || verb {
            return None;
        }
    }
    Some((k + 1, Expr::Month(m, Dir::Bare)))
}

/// A year in a date context at `k`: after a cue word, in parentheses,
/// after `the` before a word, or joined to the date that ends at `last`.
fn lone_year(t: &Toks, k: usize, last: Option<&Found>) -> Option<(usize, Expr)> {
    let y = t.year(k)?;
    if y > 2099 || COUNT_NOUNS.contains(&t.next(k + 1)) {
        return None;
    }
    if matches!(t.next(k + 1), "bc" | "bce" | "sm") {
        return Some((k + 2, Expr::Fixed(None)));
    }
    let prev = t.prev(k);
    let cue_flag = k > 0
        && t.same_line(k)
        && t.doc.toks[k - 1].kind == Kind::Word
        && t.doc.toks[k - 1].flags & flags::YEAR_CUE != 0;
    let circa =
        k >= 2 && t.doc.is(k - 1, '.') && t.same_line(k) && matches!(t.low(k - 2), "c" | "ca");
    // `(2019)`, `(c. 1818`, and citations: `(Laws, 2016; Baker, 2015)`.
    let paren = (k > 0 && t.doc.is(k - 1, '('))
        || ((t.doc.is(k + 1, ')') || t.doc.is(k + 1, ';')) && t.same_line(k + 1))
        || circa;
    // `the 2020 elections`: a plural noun after `the` and a year is fine.
    let the = prev == "the" && y >= 1800 && t.doc.is_word(k + 1) && t.same_line(k + 1);
    let plural = counted(t, k + 1);
    let joined = k >= 2
        && last.is_some_and(|f| {
            f.end == k - 1 && matches!(f.expr, Expr::Year(_) | Expr::Full(..) | Expr::YearMonth(..))
        })
        && (YEAR_JOINERS.contains(&prev)
            || t.doc.is(k - 1, '-')
            || t.doc.is(k - 1, '\u{2013}')
            || t.doc.is(k - 1, '/'));
    // `from 2000 in 2014`: after `from`, a year must end a phrase or start
    // a range.
    let from_count = prev == "from"
        && t.doc.toks.get(k + 1).is_some_and(|x| x.kind == Kind::Word && !x.upper)
        && t.same_line(k + 1)
        && !matches!(t.low(k + 1), "to" | "until" | "till" | "through" | "onward" | "onwards");
    let cued = (cue_flag || YEAR_CUES.contains(&prev)) && !from_count;
    ((!plural && (cued || paren || joined)) || the).then_some((k + 1, Expr::Year(y)))
}

/// Whether the word at `k` makes the number before it a count: a unit or
/// a lower-case plural (`1709 schoolchildren`, `2000 homes`).
fn counted(t: &Toks, k: usize) -> bool {
    let w = t.next(k);
    let lower = t.doc.toks.get(k).is_some_and(|x| x.kind == Kind::Word && !x.upper);
    let plural = lower
        && t.doc.lang != Lang::Id
        && w.len() > 3
        && (w.ends_with('s') || w.ends_with("ren"))
        && !matches!(w, "this" | "thus" | "always" | "perhaps" | "news" | "whereas");
    plural || COUNT_NOUNS.contains(&w)
}

/// Whether a future cue stands in the four tokens before `k`.
fn future_before(t: &Toks, k: usize) -> bool {
    (k.saturating_sub(4)..k).any(|j| FUTURE_CUES.contains(&t.low(j)))
}

/// Words besides month, weekday and number words that can start a date.
#[rustfmt::skip]
const STARTER_WORDS: &[&str] = &[
    "kemarin", "besok", "lusa", "yesterday", "today", "tomorrow", "tonight", "hari", "pekan",
    "minggu", "bulan", "tahun", "awal", "akhir", "pertengahan", "medio", "last", "next", "this",
    "coming", "earlier", "later", "sehari", "sepekan", "seminggu", "sebulan", "setahun",
    "beberapa", "several", "spring", "summer", "autumn", "fall", "winter", "early", "late", "mid",
    "abad", "esok", "tadi", "pagi", "siang", "sore", "malam",
];

/// Words that can start a date expression, besides numbers: the lexicon
/// marks them ([`more::DATE_START`]), so tokens carry the answer.
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    let named = MONTHS.iter().chain(MONTH_ABBRS).chain(WEEKDAYS).map(|(w, _)| *w);
    named
        .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
        .chain(ORDINAL_WORDS.iter().map(|(w, _)| *w))
        .chain(WEEKDAYS_PLURAL.iter().copied())
        .chain(STARTER_WORDS.iter().copied())
}

/// Whether a date expression may start at token `k`: a cheap test that
/// lets the matchers skip most words.
fn may_start(t: &Toks, k: usize) -> bool {
    let tok = &t.doc.toks[k];
    match tok.kind {
        Kind::Number => true,
        Kind::Punct => matches!(tok.ch, '\u{2019}' | '\''),
        Kind::Word => {
            tok.more & more::DATE_START != 0
                || tok.ch.is_ascii_digit()
                || (matches!(tok.ch, 'm' | 'M') && t.doc.low(k).starts_with("mid-"))
        }
    }
}

/// Finds every date expression, left to right, without overlaps.
pub(crate) fn scan(doc: &Doc) -> Vec<Found> {
    let t = Toks { doc };
    let n = doc.toks.len();
    let mut out: Vec<Found> = Vec::new();
    let mut k = 0;
    while k < n {
        if !may_start(&t, k) {
            k += 1;
            continue;
        }
        let plural = WEEKDAYS_PLURAL.contains(&t.low(k)) && t.upper(k);
        let m = relative(&t, k)
            .or_else(|| weekday_date(&t, k))
            .or_else(|| modified(&t, k))
            .or_else(|| core_date(&t, k, None))
            .or_else(|| lone_month(&t, k))
            .or_else(|| decade(&t, k))
            .or_else(|| century(&t, k))
            .or_else(|| plural.then_some((k + 1, Expr::Fixed(None))))
            .or_else(|| lone_year(&t, k, out.last()));
        match m {
            Some((mut end, mut expr)) if end > k && end <= n => {
                // 23 April lalu / 31 Agustus mendatang
                if let Expr::MonthDay { dir, .. } = &mut expr {
                    if let Some(d) = direction(t.next(end)).filter(|d| *d != Dir::This) {
                        *dir = d;
                        end += 1;
                    }
                }
                let future =
                    matches!(expr, Expr::Weekday(_, Dir::Bare | Dir::This)) && future_before(&t, k);
                out.push(Found { start: k, end, expr, future });
                k = end;
            }
            _ => k += 1,
        }
    }
    out
}
