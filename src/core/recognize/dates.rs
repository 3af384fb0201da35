//! Dates: calendar expressions in Indonesian and English news.
//!
//! Recognised shapes (each a single DATE span):
//!
//! * a capitalised weekday, alone or with a date: `Senin`, `Monday`,
//!   `Senin (1/12)`, `Selasa (25/2/2020)`, `Senin, 1 Desember 2025`;
//! * day, month and year: `1 Desember 2025`, `1 December 2025`,
//!   `1 Desember`, `December 1, 2025`, `Dec. 1`, `Desember 2025`;
//! * numeric dates: `25/2/2020`, `25-2-2020`, `25.2.2020`, `2025-12-01`;
//! * a bare year from 1900 to 2099 right after a cue word (`pada`, `tahun`,
//!   `sejak`, `hingga`, `in`, `since`, `by`, `until`, `of`, …): the span is
//!   the year alone.
//!
//! Month names count only when capitalised and next to a day or a year,
//! so "may" the verb and "Mei" alone are never dates. Relative dates
//! ("kemarin", "last week") are not recognised.

use super::lexicon::flags;
use super::tokens::{Doc, Gap, Kind};

/// Finds the dates of `doc`, marking their tokens in `used`; returns their
/// byte spans.
pub(crate) fn find(doc: &Doc, used: &mut [bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if let Some(end) = match_at(doc, i) {
            out.push((doc.toks[i].start, doc.toks[end - 1].end));
            used[i..end].iter_mut().for_each(|u| *u = true);
            i = end;
        } else if let Some(y) = cued_year(doc, i) {
            out.push((doc.toks[y].start, doc.toks[y].end));
            used[y] = true;
            i = y + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether token `k` exists and follows the one before on the same line.
fn same_line(doc: &Doc, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| t.gap <= Gap::Space)
}

/// Whether token `k` exists and touches the one before.
fn tight(doc: &Doc, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| t.gap == Gap::None)
}

/// The value of a number token of at most `max_digits` digits.
fn number(doc: &Doc, k: usize, max_digits: usize) -> Option<u32> {
    let t = doc.toks.get(k)?;
    if t.kind != Kind::Number || t.end - t.start > max_digits {
        return None;
    }
    doc.text_of(k).parse().ok()
}

/// Whether token `k` is a day of the month: `1`–`31`, or `1st`, `25th`.
fn is_day(doc: &Doc, k: usize) -> bool {
    if let Some(d) = number(doc, k, 2) {
        return (1..=31).contains(&d);
    }
    if !doc.is_word(k) {
        return false;
    }
    let w = doc.low(k);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = w.split_at(digits);
    (1..=2).contains(&digits)
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && num.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Whether token `k` is a four-digit year from 1000 to 2999.
fn is_year(doc: &Doc, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| t.end - t.start == 4)
        && number(doc, k, 4).is_some_and(|y| (1000..=2999).contains(&y))
}

/// If token `k` is a capitalised month name or abbreviation, the index just
/// past it (and past an abbreviation's `.`).
fn month(doc: &Doc, k: usize) -> Option<usize> {
    let t = doc.toks.get(k)?;
    if t.kind != Kind::Word || !t.upper {
        return None;
    }
    if t.flags & flags::MONTH != 0 {
        return Some(k + 1);
    }
    if t.flags & flags::MONTH_ABBR != 0 {
        return Some(if doc.is(k + 1, '.') && tight(doc, k + 1) { k + 2 } else { k + 1 });
    }
    None
}

/// Words after `Minggu` that make it "week", not "Sunday".
const WEEK_AFTER: &[&str] =
    &["lalu", "depan", "ini", "ke", "pertama", "kedua", "terakhir", "sebelumnya", "berikutnya"];

/// Whether token `k` is a capitalised weekday name.
fn is_weekday(doc: &Doc, k: usize) -> bool {
    let is_day = doc.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.upper)
        && doc.toks[k].flags & flags::WEEKDAY != 0;
    if !is_day {
        return false;
    }
    // "Minggu lalu" is "last week".
    let week = doc.low(k) == "minggu"
        && same_line(doc, k + 1)
        && doc.is_word(k + 1)
        && WEEK_AFTER.contains(&doc.low(k + 1));
    !week
}

/// A numeric date written as one token (`25-2-2020`, `25.2.2020`,
/// `2025-12-01`).
fn numeric_token(word: &str) -> bool {
    let sep = if word.contains('-') { '-' } else { '.' };
    let mut parts = word.split(sep);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let num = |s: &str, lo: u32, hi: u32, lens: &[usize]| {
        lens.contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
    };
    if num(a, 1000, 2999, &[4]) {
        return sep == '-' && num(b, 1, 12, &[2]) && num(c, 1, 31, &[2]);
    }
    let year_lens: &[usize] = if sep == '-' { &[2, 4] } else { &[4] };
    num(a, 1, 31, &[1, 2]) && num(b, 1, 12, &[1, 2]) && num(c, 0, 2999, year_lens)
}

/// `d/m` or `d/m/y` written with slashes and no spaces, from token `k`:
/// the index just past it. `need_year` rejects the two-part form.
fn slashed(doc: &Doc, k: usize, need_year: bool) -> Option<usize> {
    number(doc, k, 2).filter(|d| (1..=31).contains(d))?;
    if !(doc.is(k + 1, '/') && tight(doc, k + 1) && tight(doc, k + 2)) {
        return None;
    }
    number(doc, k + 2, 2).filter(|m| (1..=12).contains(m))?;
    if doc.is(k + 3, '/') && tight(doc, k + 3) && tight(doc, k + 4) {
        let t = doc.toks.get(k + 4)?;
        if t.kind == Kind::Number && matches!(t.end - t.start, 2 | 4) {
            return Some(k + 5);
        }
    }
    (!need_year).then_some(k + 3)
}

/// A date without a weekday starting at token `k`: the index just past it.
fn core_date(doc: &Doc, k: usize) -> Option<usize> {
    // 1 Desember 2025 / 1 Desember / 1st December 2025
    if is_day(doc, k) && same_line(doc, k + 1) {
        if let Some(m) = month(doc, k + 1) {
            return Some(if same_line(doc, m) && is_year(doc, m) { m + 1 } else { m });
        }
    }
    if let Some(m) = month(doc, k) {
        // December 1, 2025 / Dec. 1 / December 1 2025
        if same_line(doc, m) && is_day(doc, m) && !is_year(doc, m) {
            let d = m + 1;
            if doc.is(d, ',') && tight(doc, d) && same_line(doc, d + 1) && is_year(doc, d + 1) {
                return Some(d + 2);
            }
            if same_line(doc, d) && is_year(doc, d) {
                return Some(d + 1);
            }
            return Some(d);
        }
        // Desember 2025
        if same_line(doc, m) && is_year(doc, m) {
            return Some(m + 1);
        }
    }
    if doc.is_word(k) && numeric_token(doc.text_of(k)) {
        return Some(k + 1);
    }
    slashed(doc, k, true)
}

/// The date starting at token `k`, if any: the index just past it.
fn match_at(doc: &Doc, k: usize) -> Option<usize> {
    if is_weekday(doc, k) {
        let j = k + 1;
        // Senin (1/12)  /  Selasa (25/2/2020)
        if doc.is(j, '(') && same_line(doc, j) {
            if let Some(e) = slashed(doc, j + 1, false) {
                if tight(doc, j + 1) && doc.is(e, ')') && tight(doc, e) {
                    return Some(e + 1);
                }
            }
        }
        // Senin, 1 Desember 2025  /  Monday, Dec. 1
        if doc.is(j, ',') && tight(doc, j) && same_line(doc, j + 1) {
            if let Some(e) = core_date(doc, j + 1) {
                return Some(e);
            }
        }
        return Some(j);
    }
    core_date(doc, k)
}

/// If token `k` is a year cue followed by a year from 1900 to 2099, the
/// index of the year.
fn cued_year(doc: &Doc, k: usize) -> Option<usize> {
    let t = doc.toks.get(k)?;
    if t.kind != Kind::Word || t.flags & flags::YEAR_CUE == 0 || !same_line(doc, k + 1) {
        return None;
    }
    let y = k + 1;
    let four = doc.toks[y].end - doc.toks[y].start == 4;
    (four && number(doc, y, 4).is_some_and(|v| (1900..=2099).contains(&v))).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::recognize::tokens::Lang;

    fn dates(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, Lang::Other);
        let mut used = vec![false; doc.toks.len()];
        find(&doc, &mut used).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn finds_the_common_shapes() {
        assert_eq!(dates("Senin (1/12) dan 25/2/2020"), ["Senin (1/12)", "25/2/2020"]);
        assert_eq!(dates("on Dec. 1, 2025 and in 2024"), ["Dec. 1, 2025", "2024"]);
        assert_eq!(dates("May I? 1/2 of 12.5.1"), Vec::<&str>::new());
    }
}
