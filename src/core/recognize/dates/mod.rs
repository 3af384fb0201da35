//! Dates: calendar and relative time expressions in Indonesian and English
//! news, each a DATE [`Span`] with its normalised ISO 8601 `value`.
//!
//! The work is done in three passes over the tokens, each linear:
//!
//! 1. `forms::scan` finds every expression and reads what it says into an
//!    [`Expr`]: a full date, a day and month without a year, a month, a
//!    year, a weekday, an offset from "now" (`kemarin`, `last week`), a
//!    decade or a century;
//! 2. [`dateline`] picks the article's anchor date;
//! 3. [`resolve`] turns each expression into a value, using the anchor
//!    where the text alone is not enough.
//!
//! # Recognised forms
//!
//! * weekdays, alone or with a date: `Senin`, `Jum'at`, `Monday`,
//!   `Senin (1/12)`, `Selasa (25/2/2020)`, `Senin, 1 Desember 2025`,
//!   `Thursday, May 7, 2015`, with `lalu`/`depan`/`mendatang` after or
//!   `last`/`next`/`this` before, and a time of day after (`Senin malam`,
//!   `Friday night`);
//! * day, month and year: `1 Desember 2025`, `1 December 2025`,
//!   `December 1, 2025`, `Dec. 1`, `1st December`, `12th of October`,
//!   with `lalu`/`mendatang` after a day and month (`23 April lalu`);
//! * month and year: `Januari 2025`, `December of 2024`; a month alone,
//!   capitalised, with `lalu`/`depan`/`last`/`next`/`awal`/`early`/… around
//!   it (`pada Oktober lalu`, `last July`, `late September`) or bare
//!   (`in March`), but not a family name right after a given name in
//!   English (`Anna March`);
//! * numeric dates: `25/2/2020`, `25-2-2020`, `25.2.2020`, `2025-12-01`
//!   (a bare `1/12` only inside parentheses after a weekday; in English
//!   text `12/25/2025` is read month first when day first is impossible);
//! * a span of days in one month: `1-3 Desember 2025`, `5 – 6 September
//!   2019` (value `2025-12-01/2025-12-03`, an ISO 8601 interval);
//! * a span of years written as one word: `2019-2024` (value
//!   `2019/2024`, an ISO 8601 interval);
//! * a year from 1000 to 2099 in a date context: after a cue word (`pada`,
//!   `tahun`, `sejak`, `in`, `since`, `circa`, …), in parentheses, after
//!   `the` before a word (`the 2004 Olympics`), or joined by `dan`/`and`/`–`
//!   to a year just found (`1846 and 1848`); with `awal`/`early`/… before it
//!   the modifier is part of the span;
//! * decades and centuries: `1960s`, `’80s`, `1990-an`, `early 2000s`,
//!   `19th century`, `abad ke-19`; a year BC (`1230 BC`, no value);
//!   recurring weekdays (`Saturdays`, no value);
//! * relative dates: `kemarin`, `hari ini`, `besok`, `esok`, `lusa`,
//!   `tadi pagi`, `tadi malam` (the day before), `malam ini`, `pekan lalu`,
//!   `Minggu lalu` (a week, not a Sunday), `akhir pekan lalu`,
//!   `bulan depan`, `tahun lalu`, `awal bulan ini`, `tiga hari lalu`,
//!   `yesterday`, `today`, `tomorrow`, `last night`, `last week`,
//!   `earlier this month`, `last year`, `two weeks ago`.
//!
//! # False positives avoided
//!
//! Month and weekday names count only capitalised. `Mei`/`May`, `April`,
//! `Juni`/`June` and `Agustus`/`August`, which are also names, count alone
//! only after a date cue (`pada`, `bulan`, `in`, `since`, …) and never
//! before a capitalised word or a verb of saying (`Theresa May said`).
//! A month abbreviation needs a day or year (`Jan Egeland` is not a date).
//! `Minggu` followed by `lalu`/`ini`/`depan`/… is a week. Scores and
//! ratios (`2-1`, `3/4`) are not dates: numbers need a year, or a weekday
//! and parentheses, to be read as a date.
//!
//! # The dateline and how values are resolved
//!
//! The **anchor** is the first fully specified date (year, month and day)
//! that starts in the article's first five lines (a dateline such as
//! `JAKARTA, KOMPAS.com — Senin (1/12/2025)` or
//! `WASHINGTON, Dec. 1, 2025 (Reuters) -`); if there is none there, the first
//! fully specified date anywhere in the text. When the first date in those
//! lines is a day and month with no year (`WASHINGTON, Dec. 1 (Reuters) -`),
//! it is itself the anchor, in the year that puts it nearest the first
//! full date of the text (and there is no anchor if the text has none).
//! Without an anchor, only expressions that carry their own year get a
//! value.
//!
//! * A full date is its own value. When a weekday is written with it and
//!   disagrees, the digits win (a wrong weekday is the likelier slip) and
//!   the value is the written date.
//! * A day and month (`Senin (1/12)`, `Dec. 1`) take the year, among the
//!   anchor's year and the years either side, that puts them nearest the
//!   anchor (before it with `lalu`, after it with `mendatang`/`depan`); a
//!   weekday written with them picks, among those years, the nearest one
//!   where it agrees (and is ignored if it agrees with none).
//! * A bare weekday is its latest occurrence on or before the anchor (up to
//!   six days back: news reports past events), unless a future cue comes
//!   with it (`depan`, `mendatang`, `next`, `coming`, or `akan`/`will`/
//!   `scheduled` in the four words before), when it is the next occurrence
//!   after the anchor. `Senin lalu` / `last Monday` is the latest one
//!   strictly before the anchor; `Jumat pekan lalu` is the Friday of the
//!   ISO week before the anchor's.
//! * A month alone takes the anchor's year; with `lalu`/`last` it is its
//!   latest occurrence before the anchor's month, with `depan`/`next` its
//!   next one after.
//! * Relative dates count from the anchor: days give a date, weeks an ISO
//!   week (`2025-W48`), a weekend the ISO week it falls in, months
//!   `YYYY-MM`, years `YYYY`. A vague count (`beberapa hari lalu`) has no
//!   value.
//! * A decade is written with ISO 8601-2's unspecified digit (`196X`); a
//!   century as ISO 8601's two-digit century (`19th century` → `18`).

mod calendar;
mod forms;

pub(crate) use forms::starter_words;

use super::tokens::Doc;
use crate::core::model::{labels, Span};
use calendar::{civil_from_days, days_from_civil, iso_week, valid, weekday, Ymd};

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// No cue: the nearest past occurrence (or the anchor's own period).
    Bare,
    /// `lalu`, `last`: strictly before the anchor.
    Last,
    /// `depan`, `mendatang`, `next`, `coming`: strictly after the anchor.
    Next,
    /// `ini`, `this`: the anchor's own period.
    This,
}

/// A unit of a relative date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// The Saturday and Sunday of a week.
    Weekend,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// What a date expression says, before the anchor is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// Year, month, day, and the weekday written with them (0 = Monday).
    Full(Ymd, Option<u32>),
    /// Month and day without a year, the weekday written with them, and
    /// `lalu`/`mendatang` after them.
    MonthDay { m: u32, d: u32, wd: Option<u32>, dir: Dir },
    /// Year and month.
    YearMonth(i64, u32),
    /// A month alone.
    Month(u32, Dir),
    /// A year.
    Year(i64),
    /// A weekday alone (0 = Monday).
    Weekday(u32, Dir),
    /// A weekday of the week `n` weeks from the anchor's (`Jumat pekan
    /// lalu`: `n` = -1).
    WeekdayOfWeek(u32, i64),
    /// A span of years (`2019-2024`).
    Years(i64, i64),
    /// A span of days (`1-3 Desember 2025`): its first and last day.
    Range(Box<Expr>, Box<Expr>),
    /// `n` units from the anchor (negative: before it); `None` for a vague
    /// count.
    Rel(Unit, Option<i64>),
    /// A value that needs no anchor (a decade, a century), or none at all.
    Fixed(Option<String>),
}

/// One expression found: the tokens `start..end` and what they say.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
    /// A future cue is near (for a bare weekday).
    pub future: bool,
}

/// Lines from the top of the text in which a full date counts as the
/// dateline.
const DATELINE_LINES: usize = 5;

/// Finds the dates of `doc`, marking their tokens in `used`; returns DATE
/// spans (byte offsets) with their values.
pub(crate) fn find(doc: &Doc, used: &mut [bool]) -> Vec<Span> {
    let found = forms::scan(doc);
    let anchor = dateline(doc, &found);
    found
        .iter()
        .filter(|f| f.start < f.end && f.end <= doc.toks.len())
        .map(|f| {
            for u in used.iter_mut().take(f.end).skip(f.start) {
                *u = true;
            }
            let mut span =
                Span::new(labels::DATE, doc.toks[f.start].start(), doc.toks[f.end - 1].end());
            span.value = resolve(&f.expr, anchor, f.future);
            span
        })
        .collect()
}

/// The article's anchor date: the first full date in its first
/// [`DATELINE_LINES`] lines, else the first full date anywhere. When a day
/// and month come first in those lines (`WASHINGTON, Dec. 1 (Reuters)`),
/// they are the anchor, with the year the first full date gives them.
pub(crate) fn dateline(doc: &Doc, found: &[Found]) -> Option<Ymd> {
    let full = |f: &Found| match f.expr {
        Expr::Full(ymd, _) => Some(ymd),
        _ => None,
    };
    let mut line = 0;
    let mut k = 0;
    let mut top_month_day = None;
    for f in found {
        while k < f.start.min(doc.toks.len()) {
            k += 1;
            if doc.toks.get(k).is_some_and(|t| t.gap >= super::tokens::Gap::Line) {
                line += 1;
            }
        }
        if line >= DATELINE_LINES {
            break;
        }
        if let Some(ymd) = full(f) {
            return Some(ymd);
        }
        if matches!(f.expr, Expr::MonthDay { .. }) {
            top_month_day = Some(&f.expr);
            break;
        }
    }
    let later = found.iter().find_map(full);
    match (top_month_day, later) {
        (Some(&Expr::MonthDay { m, d, wd, dir }), Some(_)) => {
            month_day_near(m, d, wd, dir, later).or(later)
        }
        _ => later,
    }
}

/// The date with month `m` and day `d` nearest the anchor, in the anchor's
/// year or one either side: before it for [`Dir::Last`], after it for
/// [`Dir::Next`]; among those, the nearest where weekday `wd` agrees, if
/// any does.
fn month_day_near(m: u32, d: u32, wd: Option<u32>, dir: Dir, anchor: Option<Ymd>) -> Option<Ymd> {
    let a = anchor?;
    let at = days_from_civil(a);
    let candidates = [a.y - 1, a.y, a.y + 1].map(|y| Ymd { y, m, d });
    let nearest = |agree: bool| {
        candidates
            .iter()
            .filter(|c| valid(**c))
            .filter(|c| match dir {
                Dir::Last => days_from_civil(**c) < at,
                Dir::Next => days_from_civil(**c) > at,
                _ => true,
            })
            .filter(|c| !agree || wd.is_none_or(|w| weekday(days_from_civil(**c)) == w))
            .min_by_key(|c| (days_from_civil(**c) - at).abs())
            .copied()
    };
    nearest(true).or_else(|| nearest(false))
}

/// The ISO 8601 value of `expr`, given the anchor date.
pub(crate) fn resolve(expr: &Expr, anchor: Option<Ymd>, future: bool) -> Option<String> {
    match *expr {
        Expr::Full(ymd, _) => Some(ymd.to_string()),
        Expr::YearMonth(y, m) => Some(format!("{y:04}-{m:02}")),
        Expr::Year(y) => Some(format!("{y:04}")),
        Expr::Years(a, b) => Some(format!("{a:04}/{b:04}")),
        Expr::Range(ref a, ref b) => {
            Some(format!("{}/{}", resolve(a, anchor, future)?, resolve(b, anchor, future)?))
        }
        Expr::WeekdayOfWeek(w, n) => {
            let at = days_from_civil(anchor?);
            Some(civil_from_days(at - i64::from(weekday(at)) + 7 * n + i64::from(w)).to_string())
        }
        Expr::Fixed(ref v) => v.clone(),
        Expr::MonthDay { m, d, wd, dir } => {
            month_day_near(m, d, wd, dir, anchor).map(|c| c.to_string())
        }
        Expr::Month(m, dir) => {
            let a = anchor?;
            let y = match dir {
                Dir::Last if m >= a.m => a.y - 1,
                Dir::Next if m <= a.m => a.y + 1,
                _ => a.y,
            };
            Some(format!("{y:04}-{m:02}"))
        }
        Expr::Weekday(w, dir) => {
            let at = days_from_civil(anchor?);
            let back = i64::from((weekday(at) + 7 - w) % 7);
            let ahead = i64::from((w + 7 - weekday(at)) % 7);
            let day = match dir {
                Dir::Next => at + if ahead == 0 { 7 } else { ahead },
                Dir::Last => at - if back == 0 { 7 } else { back },
                _ if future => at + if ahead == 0 { 7 } else { ahead },
                _ => at - back,
            };
            Some(civil_from_days(day).to_string())
        }
        Expr::Rel(unit, n) => {
            let a = anchor?;
            let n = n?;
            let at = days_from_civil(a);
            match unit {
                Unit::Day => Some(civil_from_days(at + n).to_string()),
                Unit::Week => Some(iso_week(at + 7 * n)),
                Unit::Weekend => {
                    // The Saturday of the anchor's week, moved by `n` weeks.
                    let sat = at - weekday(at) as i64 + 5 + 7 * n;
                    Some(iso_week(sat))
                }
                Unit::Month => {
                    let months = a.y * 12 + (a.m as i64 - 1) + n;
                    Some(format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1))
                }
                Unit::Year => Some(format!("{:04}", a.y + n)),
            }
        }
    }
    .filter(|v| !v.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::recognize::tokens::Lang;

    fn dates(text: &str) -> Vec<(&str, Option<String>)> {
        let doc = Doc::new(text, Lang::Other);
        let mut used = vec![false; doc.toks.len()];
        find(&doc, &mut used).into_iter().map(|s| (&text[s.start..s.end], s.value)).collect()
    }

    #[test]
    fn finds_the_common_shapes() {
        let v = |s: &str| Some(s.to_string());
        assert_eq!(
            dates("Senin (1/12) dan 25/2/2020"),
            // The anchor is the only full date; no year makes 1/12 a Monday, so
            // the nearest one wins.
            [("Senin (1/12)", v("2019-12-01")), ("25/2/2020", v("2020-02-25"))]
        );
        assert_eq!(dates("May I? 1/2 of 12.5.1"), []);
    }
}
