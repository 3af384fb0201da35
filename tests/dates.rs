#![cfg(not(target_arch = "wasm32"))]
//! Dates: DATE spans and their normalised values, tested through the
//! recognizer's public API with inline-markup fixtures.
//!
//! A fixture is the text with every expected DATE written in place as
//! `[[DATE=value:text]]` (a DATE with that ISO 8601 value) or
//! `[[DATE:text]]` (a DATE with no value). [`check`] strips the markup,
//! runs [`analyze`] and compares the **whole** set of DATE spans and their
//! values, so a fixture also says which dates must *not* be found. Other
//! labels are not compared here (`tests/recognizer.rs` does that).

mod common;

use sorot::core::recognize::analyze;

/// One DATE span: byte range, text and value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    start: usize,
    end: usize,
    text: String,
    value: Option<String>,
}

/// Strips the markup: returns the plain text and the expected DATEs.
fn parse(markup: &str) -> (String, Vec<Date>) {
    let (text, marks) = common::parse(markup);
    let dates = marks
        .into_iter()
        .map(|m| {
            let plain = m.speaker.is_none() && m.title.is_none();
            assert!(m.label == "DATE" && plain, "bad head in {markup:?}");
            Date { start: m.start, end: m.end, text: m.text, value: m.value }
        })
        .collect();
    (text, dates)
}

/// Runs the recognizer on the markup's text in language `lang` and compares
/// every DATE span and value with the markup.
fn check(lang: &str, markup: &str) {
    let (text, expected) = parse(markup);
    let spans = analyze(&text, lang);
    common::assert_span_invariants(&text, &spans);
    let got: Vec<Date> = spans
        .iter()
        .filter(|s| s.label == "DATE")
        .map(|s| Date {
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
            value: s.value.clone(),
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

// ------------------------------------------------------- absolute dates

#[test]
fn indonesian_calendar_dates() {
    check(
        "id",
        "Rapat digelar [[DATE=2020-02-25:Selasa (25/2/2020)]], lalu pada \
         [[DATE=2025-12-01:1 Desember 2025]]. Program dimulai [[DATE=2025-01:Januari 2025]] \
         dan berakhir [[DATE=2026-03:Maret 2026]]. Aturan berlaku sejak [[DATE=2019:2019]], \
         tertanggal [[DATE=2020-02-25:25/2/2020]] dan [[DATE=2020-02-25:25-2-2020]].",
    );
}

#[test]
fn english_calendar_dates() {
    check(
        "en",
        "The deal was signed on [[DATE=2025-12-01:December 1, 2025]], ratified on \
         [[DATE=2025-12-01:1 December 2025]] and filed on [[DATE=2025-12-01:2025-12-01]] \
         ([[DATE=2025-12-25:12/25/2025]] in American). \
         Prices have risen since [[DATE=1998:1998]] and may fall by [[DATE=2030:2030]]. \
         He wrote on the [[DATE=1806-10-12:12th of October 1806]] and in \
         [[DATE=2025-11:November 2025]].",
    );
}

#[test]
fn a_bare_year_needs_a_date_context() {
    check(
        "id",
        "Pada [[DATE=2022:2022]] tercatat 2022 kasus; tahun [[DATE=2021:2021]] lebih sedikit. \
         Skor akhir 2-1, rasio 3/4, harga Rp 2.500.",
    );
    check(
        "en",
        "In [[DATE=2015:2015]], 1709 schoolchildren took part, up from 2000 in \
         [[DATE=2014:2014]]. The [[DATE=2004:2004]] Olympics final ended 2-1, \
         before the [[DATE=2020:2020]] elections and the 2000 people in them.",
    );
}

// ---------------------------------------------- dateline and resolution

#[test]
fn kompas_dateline_resolves_weekdays_and_short_dates() {
    check(
        "id",
        "JAKARTA, KOMPAS.com — [[DATE=2025-12-01:Senin (1/12/2025)]] — Presiden tiba. \
         Rapat sebelumnya digelar [[DATE=2025-11-28:Jumat (28/11)]] dan \
         [[DATE=2025-11-27:Kamis lalu]]. Ia akan kembali [[DATE=2025-12-05:Jum'at]]. \
         Keputusan diambil pada [[DATE=2025-10:Oktober lalu]] dan berlaku \
         [[DATE=2026-01:Januari depan]]. [[DATE=2025-11-30:Kemarin]] hujan, \
         [[DATE=2025-12-01:hari ini]] cerah, [[DATE=2025-12-02:besok]] mendung. \
         Ia tiba [[DATE=2025-11-30:tadi malam]] dan pulang [[DATE=2025-12-01:malam ini]].",
    );
}

#[test]
fn relative_indonesian_dates_with_a_dateline() {
    check(
        "id",
        "Jakarta, [[DATE=2025-12-01:1 Desember 2025]]\n\n\
         Insiden terjadi [[DATE=2025-W48:akhir pekan lalu]]; [[DATE=2025-W48:pekan lalu]] \
         polisi sudah siaga. [[DATE=2025-W48:Minggu lalu]] juga. [[DATE=2024:Tahun lalu]] \
         angkanya naik, [[DATE=2026:tahun depan]] turun. [[DATE=2025-11:Bulan lalu]] dan \
         [[DATE=2025-11-28:tiga hari lalu]] sama. [[DATE=2025-11-30:Minggu (30/11)]] sepi, \
         [[DATE=2025-11-24:Senin lalu]] ramai. \
         Dalam beberapa hari ini dan tiga bulan ini sepi. Acara digelar \
         [[DATE=2025-04-23:23 April lalu]] dan [[DATE=2026-04-23:23 April mendatang]], \
         [[DATE=2025-11-29:Sabtu, (29/11)]]. Sidang digelar \
         [[DATE=2025-11-28:Jumat pekan lalu]] dan berlanjut [[DATE=2025-12-10:Rabu pekan \
         depan]] untuk periode [[DATE=2019/2024:2019-2024]]. Pameran \
         [[DATE=2025-12-03/2025-12-05:3-5 Desember]] dan \
         [[DATE=2026-01-05/2026-01-06:5 – 6 Januari 2026]].",
    );
}

#[test]
fn english_wire_dateline() {
    check(
        "en",
        "WASHINGTON, [[DATE=2025-12-01:Dec. 1, 2025]] (Reuters) - Officials met on \
         [[DATE=2025-11-28:Friday]] and will meet again on [[DATE=2025-12-04:Thursday]]. \
         [[DATE=2025-11-30:Yesterday]] the Senate voted; [[DATE=2025-12-02:tomorrow]] the \
         House votes. Talks began [[DATE=2025-W48:last week]] and [[DATE=2025-12:earlier this \
         month]], after a dispute [[DATE=2024:last year]]. Next round: \
         [[DATE=2025-12-08:next Monday]] or [[DATE=2025-12-15:Dec. 15]]; the first was \
         [[DATE=2025-11:last November]], or [[DATE=2025-11:mid-November]]. It all \
         began [[DATE=2025-11-24:Monday, Nov. 24]], or [[DATE=2025-11-26:Wednesday last week]].",
    );
}

#[test]
fn datelines_in_other_shapes() {
    check(
        "id",
        "Jakarta, [[DATE=2025-12-01:1 Desember 2025]] - Warga berkumpul [[DATE=2025-11-29:Sabtu]].",
    );
    check(
        "id",
        "Berita Utama\n[[DATE=2025-12-02:Selasa, 2 Desember 2025]] 10:15 WIB\n\n\
         Presiden berbicara [[DATE=2025-12-01:Senin malam]].",
    );
    // A dateline with no year takes it from the first full date.
    check(
        "en",
        "LONDON, [[DATE=2025-12-02:Dec 2]] (Reuters) - Rates were held on \
         [[DATE=2025-12-01:Monday]]; the minutes of [[DATE=2025-11-12:12/11/2025]] show why.",
    );
    // No date in the first five lines: the first full date anywhere is the
    // anchor, even when it comes after the expressions it resolves.
    check(
        "en",
        "Markets fell on [[DATE=2025-03-14:Friday]].\n\nA\nB\nC\nD\nE\n\nThe report, dated \
         [[DATE=2025-03-17:March 17, 2025]], came out [[DATE=2025-03-16:yesterday]]; a \
         later one is dated [[DATE=2025-04-01:1 April 2025]].",
    );
}

#[test]
fn a_weekday_that_disagrees_with_the_digits() {
    // 1/12/2025 is a Monday: the digits win and keep the written date.
    check(
        "id",
        "JAKARTA — [[DATE=2025-12-01:Selasa (1/12/2025)]]. \
         Lalu [[DATE=2025-11-28:Jumat (28/11)]].",
    );
    // With a date and no year, the weekday picks the year where it agrees.
    // 1/12/2026 (a Tuesday) is nearer 15 June 2026, but 1/12/2025 is a Monday.
    check(
        "id",
        "Jakarta, [[DATE=2026-06-15:15 Juni 2026]]. Pada [[DATE=2025-12-01:Senin (1/12)]].",
    );
}

#[test]
fn without_an_anchor_relative_dates_have_no_value() {
    check(
        "id",
        "[[DATE:Senin (1/12)]] warga berkumpul. [[DATE:Kemarin]] hujan dan \
         [[DATE:pekan lalu]] banjir; [[DATE:Rabu]] cerah, [[DATE:hari ini]] juga. \
         Pada [[DATE:Oktober lalu]] harga naik.",
    );
    check(
        "en",
        "[[DATE:Yesterday]] the board met; [[DATE:last week]] it did not. On \
         [[DATE:Monday]] it will, or on [[DATE:Dec. 1]]. Sales rose [[DATE:last year]] and \
         [[DATE:earlier this month]]; [[DATE:tomorrow]] we see. Prices peaked in the \
         [[DATE=199X:1990s]] and the [[DATE=18:19th century]].",
    );
}

// -------------------------------------------------------- false positives

#[test]
fn names_that_look_like_months_or_days() {
    check(
        "en",
        "Theresa May said on [[DATE:Monday]] that May would resign. April Jones agreed. \
         Jan Egeland spoke in [[DATE:May]], and in [[DATE:March]] the vote was held.",
    );
    check(
        "id",
        "Mei Lin hadir. [[DATE:Minggu lalu]] hujan, bukan hari [[DATE:Minggu]]. \
         Lagu Malam Ini dan Tahun Ini. Pada [[DATE:Mei]] \
         hujan; pada [[DATE:Minggu]] ia libur. Skor 2-1 dan 3-0, rasio 1:2, pecahan 1/2.",
    );
}

#[test]
fn jumat_in_every_spelling() {
    check(
        "id",
        "Jakarta, [[DATE=2025-12-01:Senin (1/12/2025)]]. [[DATE=2025-11-28:Jumat]], \
         [[DATE=2025-11-28:Jum'at]] dan [[DATE=2025-11-28:Jum\u{2019}at]] sama saja.",
    );
}

// ------------------------------------------------------ decades, spans

#[test]
fn decades_centuries_and_modifiers() {
    check(
        "en",
        "By the [[DATE=198X:late 1980s]] and \
         [[DATE=199X:early 1990s]], cars from the [[DATE=197X:’70s]] vanished; the \
         [[DATE=18:19th century]] was over, and [[DATE=2012:summer of 2012]] came \
         (c. [[DATE:1230 BC]] notwithstanding).",
    );
    check("id", "Pada [[DATE=199X:1990-an]] dan [[DATE=20:abad ke-21]], [[DATE=2025:awal 2025]].");
}

// -------------------------------------------------------------- robustness

#[test]
fn odd_inputs_never_panic() {
    let long = "Senin (1/12) 2025 ".repeat(3000);
    let inputs = [
        "",
        "(",
        "Senin (",
        "Senin (1/",
        "Senin (1/12",
        "1/12/",
        "Dec.",
        "Desember",
        "31 Februari 2025",
        "Februari 29, 2023 dan 29 Februari 2024",
        "9999-99-99 0000-01-01 2025-13-40",
        "’",
        "'80s ’",
        "abad ke-",
        "abad ke-999999999999999999999",
        "999 tahun lalu 999 years ago",
        "Jakarta, 1 Januari 1000. 999 tahun lalu.",
        "Jakarta, 31 Desember 2999. tahun depan, 3 hari lalu, pekan depan.",
        "🇯🇵 Senin (1/12) 😀 e\u{301} Jum’at",
        "\u{FEFF}Minggu\r\n\r\nlalu",
        long.as_str(),
    ];
    for text in inputs {
        for lang in ["id", "en", "xx"] {
            common::assert_span_invariants(text, &analyze(text, lang));
        }
    }
}
