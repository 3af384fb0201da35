//! Calendar arithmetic on the proleptic Gregorian calendar: a [`Ymd`]
//! date, day numbers, weekdays and ISO weeks.
//!
//! Day numbers count days from 1970-01-01 (day 0), using Howard Hinnant's
//! `days_from_civil` / `civil_from_days` algorithms, which are exact for
//! every year an article can name.

use std::fmt;

/// A calendar date: year, month (1–12), day (1–31).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ymd {
    /// The year.
    pub y: i64,
    /// The month, 1–12.
    pub m: u32,
    /// The day of the month, 1–31.
    pub d: u32,
}

impl fmt::Display for Ymd {
    /// ISO 8601: `2025-12-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Whether `y` is a leap year.
fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The number of days in month `m` of year `y` (0 for a month out of range).
pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether the date exists.
pub(crate) fn valid(date: Ymd) -> bool {
    date.d >= 1 && date.d <= days_in_month(date.y, date.m)
}

/// The day number of a date.
pub(crate) fn days_from_civil(date: Ymd) -> i64 {
    let y = if date.m <= 2 { date.y - 1 } else { date.y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(date.m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(date.d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number.
pub(crate) fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    Ymd { y, m, d }
}

/// The weekday of a day number: 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(z: i64) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (z + 3).rem_euclid(7) as u32
}

/// The ISO 8601 week of a day number: `2025-W48`.
pub(crate) fn iso_week(z: i64) -> String {
    let thursday = z - i64::from(weekday(z)) + 3;
    let date = civil_from_days(thursday);
    let jan1 = days_from_civil(Ymd { y: date.y, m: 1, d: 1 });
    let week = (thursday - jan1) / 7 + 1;
    format!("{:04}-W{:02}", date.y, week)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_knows_weekdays_and_weeks() {
        let d = Ymd { y: 2025, m: 12, d: 1 };
        let z = days_from_civil(d);
        assert_eq!(civil_from_days(z), d);
        assert_eq!(weekday(z), 0); // a Monday
        assert_eq!(iso_week(z), "2025-W49");
        assert_eq!(iso_week(days_from_civil(Ymd { y: 2021, m: 1, d: 3 })), "2020-W53");
        assert_eq!(iso_week(days_from_civil(Ymd { y: 2024, m: 12, d: 30 })), "2025-W01");
        assert_eq!(days_from_civil(Ymd { y: 1970, m: 1, d: 1 }), 0);
        assert!(!valid(Ymd { y: 2025, m: 2, d: 29 }));
        assert!(valid(Ymd { y: 2024, m: 2, d: 29 }));
        for z in -800_000..800_000 {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
    }
}
