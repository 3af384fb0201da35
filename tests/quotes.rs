#![cfg(not(target_arch = "wasm32"))]
//! Quotations and their speakers: behaviour tests, the robustness
//! invariants, and a scorer over the gold documents in
//! `tests/fixtures/quotes/`.
//!
//! The behaviour tests use inline markup like `tests/recognizer.rs`, but
//! only for quotations: `[[Q@Mark Rutte:“…”]]` is a QUOTE whose speaker
//! span's text is `Mark Rutte` (or contains it, or is contained in it),
//! `[[Q:“…”]]` one with no speaker. Entity
//! spans are not checked here (their rules belong to `entities`), so these
//! tests pin the quotation rules alone.
//!
//! The scorer reads every `*.json` gold document under
//! `tests/fixtures/quotes/<lang>/<split>/` (`split` is `tuned` for the
//! documents the rules were developed on, `heldout` for the ones they were
//! not), runs [`analyze`] and prints, per language and split:
//!
//! * quotation precision, recall and F1 with **exact** span match (a QUOTE
//!   span includes its quotation marks; offsets are code points);
//! * speaker accuracy over the matched quotations. A gold `speaker` of
//!   `null` (nobody named) is right only when no speaker is predicted; a
//!   gold name is right when the predicted speaker span's text equals it,
//!   contains it, or is contained in it (`Mohib` and `Hamdullah Mohib`
//!   both name the same man; which mention the linker picks is not the
//!   point).
//! * the speaker misses by kind, as totals: a named speaker given nobody,
//!   given someone else, someone given where nobody is named, and how many
//!   of the named speakers missed are no PERSON or ORG anywhere in the
//!   text (so a held-out split says where it misses without being read
//!   miss by miss).
//!
//! Run `cargo test --test quotes -- --nocapture` to see the numbers, and set
//! `QUOTES_VERBOSE=1` to list every miss of the tuned documents (held-out
//! ones are only totalled), `QUOTES_SPLIT=tuned` to score the tuned
//! documents alone. The asserted floors sit slightly
//! below the current scores, so a regression fails. (What the rules make
//! of any text: `cargo run --release -- annotate --jsonl FILE`.)

mod common;

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sorot::core::model::Span;
use sorot::core::recognize::analyze;

// ------------------------------------------------------------------ markup

/// One expected or found quotation: byte range and speaker text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Q {
    start: usize,
    end: usize,
    text: String,
    speaker: Option<String>,
}

/// Strips `[[Q@speaker:…]]` / `[[Q:…]]` markup: the plain text and the
/// expected quotations.
fn parse(markup: &str) -> (String, Vec<Q>) {
    let (text, marks) = common::parse(markup);
    let mut out: Vec<Q> = marks
        .into_iter()
        .map(|m| {
            let plain = m.title.is_none() && m.value.is_none();
            assert!(m.label == "Q" && plain, "not a `[[Q` mark in {markup:?}");
            Q { start: m.start, end: m.end, text: m.text, speaker: m.speaker }
        })
        .collect();
    out.sort();
    (text, out)
}

/// The quotations among `spans`, with their speakers' text.
fn found(text: &str, spans: &[Span]) -> Vec<Q> {
    let mut out: Vec<Q> = spans
        .iter()
        .filter(|s| s.label == "QUOTE")
        .map(|s| Q {
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
            speaker: s.speaker.map(|k| text[spans[k].start..spans[k].end].to_string()),
        })
        .collect();
    out.sort();
    out
}

/// Checks the quotations found in the markup's text, in language `lang`.
#[track_caller]
fn check(lang: &str, markup: &str) {
    let (text, want) = parse(markup);
    let spans = analyze(&text, lang);
    common::assert_span_invariants(&text, &spans);
    let got = found(&text, &spans);
    // Where a name's span begins or ends is the entity rules' business, so
    // a speaker matches when either text contains the other (the scorer's
    // rule, below).
    let same = got.len() == want.len()
        && got.iter().zip(&want).all(|(g, w)| {
            (g.start, g.end) == (w.start, w.end)
                && same_speaker(w.speaker.as_deref(), g.speaker.as_deref())
        });
    assert!(same, "\n  text: {text}\n  got:  {got:?}\n  want: {want:?}");
}

// --------------------------------------------------------------- behaviour

#[test]
fn every_style_of_mark() {
    check("id", "[[Q@Rutte:“Kami siap membantu sekutu,”]] kata Rutte.");
    check("en", "[[Q@Rutte:\"We are ready to help,\"]] Rutte said.");
    check("en", "[[Q@Rutte:‘We are ready to help,’]] Rutte said.");
    check("en", "[[Q@Rutte:'We are ready to help,']] Rutte said.");
    check("id", "Rutte berkata: [[Q@Rutte:«Kami siap membantu sekutu.»]]");
    check("en", "Anna Schmidt said: [[Q@Anna Schmidt:„Wir schaffen das wieder.“]]");
    check("id", "Takaichi berkata: [[Q@Takaichi:「Kami siap bekerja sama.」]]");
}

#[test]
fn apostrophes_are_not_single_quotes() {
    check(
        "en",
        "In the 90's it didn't matter, Rutte's aide said. \
         [[Q@Rutte:'We don't give up on the Jum'at talks,']] Rutte said.",
    );
    check(
        "id",
        "Salat Jum'at di Masjid Istiqlal berjalan lancar, kata Budi. Rapat dimulai pukul 10.",
    );
}

#[test]
fn a_quotation_over_several_paragraphs_is_one_span() {
    check(
        "id",
        "Gubernur Hendra Wicaksono mengatakan bank sentral siap.\n\n\
         [[Q@Hendra Wicaksono:“Kami punya cadangan yang cukup.\n\n\
         “Kami juga berkoordinasi dengan pemerintah. Tidak ada yang perlu dikhawatirkan,”]] \
         tegas Hendra.",
    );
}

#[test]
fn nested_quotes_yield_the_outer_one() {
    check(
        "id",
        "[[Q@Siti Aminah:“Anak saya teriak, ‘Bu, airnya sudah sampai kasur!’ Kami langsung \
         keluar,”]] tutur Siti Aminah.",
    );
}

#[test]
fn stray_marks_do_not_swallow_the_article() {
    check(
        "id",
        "Budi Santoso berkata, “Kami belum menerima surat itu.\n\n\
         Paragraf berikutnya membahas Surabaya tanpa kutipan.\n\n\
         [[Q@Budi Santoso:“Kami siap bekerja sama,”]] kata Budi Santoso.",
    );
    check("en", "The 5\" screen and the 2' cable were cheap, Mark Smith said.");
}

#[test]
fn scare_quotes_are_not_speech() {
    check("id", "Ia menyebut pendekatan lama yang “pasif-defensif” sudah tidak memadai.");
    check("en", "The so-called \"reset\" was delayed again.");
    check(
        "id",
        "Takaichi menegaskan bahwa keamanan kedua kawasan [[Q@Takaichi:“tidak dapat dipisahkan \
         lagi”]].",
    );
}

#[test]
fn speaker_after_the_quotation() {
    check("id", "Sanae Takaichi tiba. [[Q@Sanae Takaichi:“Kami siap,”]] ujarnya.");
    check("en", "Angela Merkel smiled. [[Q@Angela Merkel:\"We did what we could,\"]] she said.");
    check(
        "en",
        "Finance Minister Sri Mulyani arrived late. \
         [[Q@Sri Mulyani:\"The budget remains on track,\"]] said the minister.",
    );
    check(
        "id",
        "Wali Kota Lestari Handayani meninjau lokasi banjir. \
         [[Q@Lestari Handayani:“Tidak boleh ada warga yang kelaparan,”]] kata wali kota itu.",
    );
}

#[test]
fn speaker_before_the_quotation() {
    check("en", "Mark Rutte said: [[Q@Mark Rutte:\"We will not back down.\"]]");
    check(
        "id",
        "Menurut Dinna Prapto Raharja, [[Q@Dinna Prapto Raharja:“Jakarta perlu berhati-hati \
         dalam hal ini.”]]",
    );
    check(
        "en",
        "According to Mark Smith, [[Q@Mark Smith:\"this is the moment to stand together.\"]]",
    );
}

#[test]
fn bare_quotation_takes_the_speaker_of_the_sentence_before() {
    check(
        "en",
        "Heald noted the findings show pollution reduction is also important. \
         [[Q@Heald:\"An air-quality cleanup would improve crop yields.\"]]",
    );
}

#[test]
fn a_common_noun_points_back_to_an_organisation() {
    check(
        "id",
        "Kementerian Luar Negeri Jepang menyatakan Tokyo akan menghibahkan kapal.\n\n\
         [[Q@Kementerian Luar Negeri Jepang:“Jepang memandang Indonesia sebagai mitra \
         strategis,”]] demikian bunyi pernyataan kementerian tersebut.",
    );
    check(
        "en",
        "The Foreign Ministry of Japan issued a statement on Monday. \
         [[Q@Foreign Ministry of Japan:\"Japan regards Indonesia as a strategic partner,\"]] \
         the ministry said.",
    );
}

#[test]
fn nominal_and_pronoun_speakers() {
    check(
        "id",
        "Suparman Wijaya menyebut pasokan berkurang. [[Q@Suparman Wijaya:“Cabainya banyak yang \
         busuk,”]] kata pria yang sudah 20 tahun berdagang itu.",
    );
    check(
        "en",
        "The agency KCNA reported the clash. [[Q@KCNA:\"War maniacs made another provocation,\"]] \
         said KCNA. [[Q@KCNA:\"Foolhardy provocation deserves harsh punishment\"]], it added.",
    );
    check(
        "en",
        "Mark Rathbun requested donations to help Montalvo. He described Montalvo as an individual, \
         [[Q@Mark Rathbun:\"facing the penitentiary for leaving a life of slavery.\"]]",
    );
}

#[test]
fn single_words_and_modifiers_are_terms() {
    // A single quoted word is a term even with a verb of saying near.
    check("en", "Around 4 July, Poisson declared the work \"incomprehensible\", and sent it back.");
    check("id", "Ia menyatakan rencana itu \"mustahil\", lalu pergi.");
    // Quoted words between an article and their noun modify the noun.
    check("en", "It was analysed according to the \"immediate-constituent\" theory of the time.");
    // A name someone gives himself is not speech.
    check(
        "en",
        "In 1859 Norton proclaimed himself \"Norton I, Emperor of the United States\". \
         He later claimed the title of protector.",
    );
}

#[test]
fn names_inside_titles_are_not_antecedents() {
    check(
        "en",
        "Jenna Mourey posts a video every week. Her video \"How To Avoid Talking To People You \
         Don't Want To Talk To\" was featured in the press. In the video, she stated, \
         [[Q@Jenna Mourey:\"I'm sick and tired of guys thinking that I want to dance with them\"]].",
    );
}

#[test]
fn participles_passives_and_appositives() {
    // A participle after a comma: the subject of the clause's verb.
    check(
        "en",
        "Around 4 July 1831, Poisson declared the paper unclear, declaring that \
         [[Q@Poisson:\"the argument is neither sufficiently clear nor sufficiently developed\"]]; \
         the report was sent back.",
    );
    // A passive with its agent after `by`.
    check(
        "en",
        "Daniel was described by Walter Ball as \
         [[Q@Walter Ball:\"by far the ablest of the younger brothers\"]].",
    );
    // A name between commas before the verb; the verb after a quotation
    // that ends its sentence and takes an object starts a new statement.
    check(
        "en",
        "Her former professor, Rem Koolhaas, described her at graduation as \
         [[Q@Rem Koolhaas:\"a planet in her own orbit.\"]] Elia Zenghelis described her as the \
         best pupil he ever taught.",
    );
    // After a title, the name set off by a comma speaks.
    check(
        "id",
        "[[Q@Evelina Pietruschka:“Kami melihat banyak pengalihan dana ke asuransi,”]] kata Ketua \
         Asosiasi Asuransi Jiwa Indonesia, Evelina Pietruschka, di Jakarta, Selasa.",
    );
    // A role phrase closed by `ini`/`itu` points back; with nobody before
    // it, nobody speaks (not the party in the phrase).
    check(
        "id",
        "[[Q:“Kemarin saja ada kursi yang dikurangi, kita biasa saja,”]] terang Wakil Ketua \
         Fraksi Partai Demokrat ini.",
    );
}

#[test]
fn a_pronoun_subject_continues_the_topic() {
    // The name after a pronoun subject is not what the next pronoun means.
    check(
        "en",
        "Byron was born in London. Byron went to Harrow, where Byron wrote poems. The \
         following autumn, he went up to Cambridge, where he met the younger John Edleston. \
         About him he wrote, [[Q@Byron:\"He has been my almost constant associate since \
         October.\"]]",
    );
    check(
        "id",
        "Budi Santoso lahir di Bandung. Budi Santoso kuliah di Yogyakarta. Di sana ia bertemu \
         Andi Wijaya. [[Q@Budi Santoso:“Kami langsung berteman sejak hari pertama,”]] katanya.",
    );
    // The pronoun subject means the subject of the sentence before it.
    check(
        "en",
        "Prime Minister Anthony Albanese arrived in Jakarta on Monday. He met President Prabowo \
         Subianto at the palace. [[Q@Anthony Albanese:\"We agreed to deepen our defence ties,\"]] \
         he said.",
    );
    check(
        "id",
        "Perdana Menteri Anthony Albanese tiba di Jakarta, Senin. Ia bertemu Presiden Prabowo \
         Subianto di istana. [[Q@Anthony Albanese:“Kami sepakat memperdalam kerja sama \
         pertahanan,”]] ujarnya.",
    );
}

#[test]
fn a_sentence_between_two_quotations_hands_the_floor() {
    check(
        "en",
        "Her professor, Rem Koolhaas, described her as [[Q@Rem Koolhaas:\"a planet in her own \
         orbit.\"]] Elia Zenghelis described her as the best pupil he ever taught. \
         [[Q@Elia Zenghelis:\"We called her the inventor of the 89 degrees.\"]]",
    );
    // A participle shares its clause's subject, even one that names nobody.
    check(
        "en",
        "Matthew Ingram wrote about it. One poster admitted to being part of the effort, \
         writing in a blog post [[Q:\"I have myself loaded up the tool and started bombarding \
         the homepage.\"]]",
    );
}

#[test]
fn fragments_and_named_phrases() {
    // A few words closing a sentence whose verb of saying governs them.
    check(
        "en",
        "Prime Minister John Key said he believes the flag now has a \
         [[Q@John Key:\"strong rationale\"]]. The vote follows.",
    );
    // Not when nobody named says them.
    check("en", "The army has been told to prepare a \"quasi-state of war\". Talks follow.");
    // A phrase named after `as the` is a name; a passive agent after `by the`.
    check(
        "en",
        "She was described by The Guardian as the 'Queen of the curve', who \
         [[Q@Guardian:\"liberated architectural geometry, giving it a whole new identity.\"]]",
    );
    // A participle after a clause with no verb of saying: the clause's
    // subject.
    check(
        "en",
        "Rick Santorum criticized the press in a radio interview, saying, \
         [[Q@Rick Santorum:\"It's offensive beyond anything a public figure should tolerate.\"]]",
    );
}

#[test]
fn indefinites_and_statement_nouns() {
    // Someone new and unnamed: not the person named before.
    check(
        "id",
        "Wali Kota Surabaya Eri Cahyadi mengapresiasi kerja polisi.\n\n\
         [[Q:“Apakah akan ada penangkapan lagi?”]] kata seorang warga.",
    );
    check(
        "en",
        "Mayor Lisa Chen praised the officers.\n\n[[Q:\"Will there be more arrests?\"]] \
         asked a resident.",
    );
    // The verb before `in a statement` names the speaker.
    check(
        "en",
        "According to the Interior Ministry, [[Q@Interior Ministry:\"crime fell by ten percent \
         last year.\"]] The ministry said in a statement: [[Q@Interior Ministry:\"Police will \
         receive new equipment.\"]]",
    );
}

#[test]
fn a_role_phrase_finds_the_person_whose_title_holds_an_organisation() {
    check(
        "id",
        "Politikus PDI-P Budiman Sudjatmiko mendukung langkah itu. \
         [[Q@Budiman Sudjatmiko:“Ini keputusan yang tepat,”]] tegas politikus PDI-P itu.",
    );
}

#[test]
fn a_possessive_before_a_colon_names_the_speaker() {
    check(
        "en",
        "Evariste Galois died the next morning. His last words to his younger brother Alfred \
         were: [[Q@Evariste Galois:“Don't cry, Alfred! I need all my courage to die at twenty!”]]",
    );
}

#[test]
fn unnamed_speakers_abbreviations_and_short_quotations() {
    // A pronoun after a speaker who is not named means that speaker.
    check(
        "en",
        "Judge Mary Stone ordered the arrests.\n\n[[Q:\"We will appeal the ruling next week,\"]] \
         a lawyer for the men said. [[Q:\"The arrests were illegal,\"]] he added.",
    );
    check(
        "id",
        "Hakim Maria Siregar memerintahkan penangkapan itu.\n\n[[Q:“Kami akan mengajukan banding \
         pekan depan,”]] kata seorang pengacara. [[Q:“Penangkapan itu tidak sah,”]] katanya.",
    );
    // An abbreviation's dot does not end the phrase after the verb.
    check(
        "en",
        "Senator Mark Ellis spoke first. [[Q@Jane Porter:\"The data are clear,\"]] said Dr. Jane \
         Porter, an epidemiologist.",
    );
    // A short quotation may have an article and its noun before the verb.
    check("en", "The court ruled on Monday.\n\n[[Q:\"We will appeal,\"]] the lawyer said.");
}

#[test]
fn what_is_not_an_attribution() {
    // A verb joined by `and` continues the quoted clause.
    check(
        "en",
        "Whitmore told LA Weekly that Montalvo [[Q@Whitmore:\"walked into the station and turned \
         himself in\"]], and told the police everything.",
    );
    // A title, a quoted saying, a term after "call".
    check("en", "Microsoft says on \"The Internet Explorer Countdown\" that support ends.");
    check("en", "What about the adage, \"Those who forget history are doomed to repeat it\"?");
    check(
        "id",
        "Para pelaku menawarkan apa yang mereka sebut “investasi emas digital” kepada korban.",
    );
}

#[test]
fn long_titles_and_announcing_colons() {
    check(
        "id",
        "[[Q@Yusuf Ramadhan:“Wilayah ini sangat aktif,”]] kata juru bicara Kementerian Luar \
         Negeri, Yusuf Ramadhan, kepada wartawan.",
    );
    check(
        "id",
        "Ketua Umum PSSI Danu Prasetyo menulis:\n\n[[Q@Danu Prasetyo:“Hasil uji coba bukan ukuran \
         akhir.\n\n“Target kami tetap juara tahun depan.”]]",
    );
}

// -------------------------------------------------------------- robustness

#[test]
fn quote_mark_soups_keep_the_invariants() {
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        " ", " ", " ", "\n", "\n\n", "“", "”", "‘", "’", "\"", "'", "„", "«", "»", "「", "」", "『",
        "』", ",", ".", ":", "kata", "ujarnya", "said", "he", "Rutte", "Mark Rutte", "menurut",
        "according to", "Kementerian Luar Negeri", "the ministry", "don't", "90's", "Jum'at", "s",
        "😀", "\u{301}", "itu",
    ];
    let mut seed: u64 = 0x9e37_79b9;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..4000 {
        let len = next() % 60;
        let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        for lang in ["id", "en", "xx"] {
            common::assert_span_invariants(&text, &analyze(&text, lang));
        }
    }
    let long: Vec<String> = vec![
        "“".repeat(20_000),
        "\"".repeat(20_000),
        "'".repeat(20_000),
        "‘’".repeat(10_000),
        "“a\n\n".repeat(10_000),
        "“Kami siap,” kata Rutte. ".repeat(5_000),
        "'We don't,' he said. ".repeat(5_000),
        "“Satu.\n\n“Dua.\n\n".repeat(5_000) + "”",
        "“".repeat(5_000) + &"”".repeat(5_000) + &"'".repeat(5_000),
        // Many openings before one far closing mark: each must be dropped
        // in constant time, not by scanning to the closing mark.
        "\"a ".repeat(20_000) + "\n\nb\"",
        "‘a ".repeat(20_000) + "b’",
        "“a.\n\n".repeat(20_000),
        "“a\n\n".repeat(10_000) + &"a”".repeat(10_000),
    ];
    for text in &long {
        for lang in ["id", "en"] {
            common::assert_span_invariants(text, &analyze(text, lang));
        }
    }
}

// ------------------------------------------------------------------- score

/// A gold document (the `sorot eval` JSON gold format).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    /// Where a document of a multi-document file comes from.
    #[serde(default)]
    name: Option<String>,
    text: String,
    #[allow(dead_code)]
    entities: Vec<serde_json::Value>,
    quotes: Vec<GoldQuote>,
}

/// One gold quotation, in code points, with its speaker's text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldQuote {
    start: usize,
    end: usize,
    speaker: Option<String>,
}

/// Counts over a set of documents.
#[derive(Default, Clone, Copy)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    speaker_right: usize,
    /// Speaker misses by kind (totals only, so the held-out documents can
    /// say where they miss without being read miss by miss): a named
    /// speaker given nobody, given someone else, nobody named but someone
    /// given; and of the named speakers missed, those whose name is no
    /// PERSON or ORG anywhere in the text (the entity side's share).
    none_given: usize,
    another: usize,
    given_for_nobody: usize,
    not_an_entity: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.none_given += o.none_given;
        self.another += o.another;
        self.given_for_nobody += o.given_for_nobody;
        self.not_an_entity += o.not_an_entity;
    }
    fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.matched)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Whether a predicted speaker text counts as the gold one (see the module
/// doc).
fn same_speaker(gold: Option<&str>, got: Option<&str>) -> bool {
    match (gold, got) {
        (None, None) => true,
        (Some(g), Some(p)) => g == p || g.contains(p) || p.contains(g),
        _ => false,
    }
}

/// A gold file: one document, or an array of them.
#[derive(Deserialize)]
#[serde(untagged)]
enum GoldFile {
    One(Gold),
    Many(Vec<Gold>),
}

/// Scores the gold documents of one file in language `lang`; returns the
/// score and the number of documents.
fn score_file(path: &Path, lang: &str, verbose: bool) -> (Score, usize) {
    let raw = std::fs::read_to_string(path).expect("read gold");
    let golds = match serde_json::from_str(&raw).expect("parse gold") {
        GoldFile::One(g) => vec![g],
        GoldFile::Many(gs) => gs,
    };
    let mut total = Score::default();
    for g in &golds {
        total.add(score_doc(path, g, lang, verbose));
    }
    (total, golds.len())
}

/// Scores one gold document in language `lang`.
fn score_doc(path: &Path, gold: &Gold, lang: &str, verbose: bool) -> Score {
    let text = &gold.text;
    let spans = analyze(text, lang);
    common::assert_span_invariants(text, &spans);
    // Byte offset -> code point offset.
    let mut cp_of = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut cp_of[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    cp_of[text.len()] = n;
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let got: Vec<(usize, usize, Option<String>)> = spans
        .iter()
        .filter(|s| s.label == "QUOTE")
        .map(|s| {
            let sp = s.speaker.map(|k| text[spans[k].start..spans[k].end].to_string());
            (cp_of[s.start], cp_of[s.end], sp)
        })
        .collect();
    let mut sc = Score { gold: gold.quotes.len(), found: got.len(), ..Score::default() };
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match &gold.name {
        Some(n) => format!("{file} ({n})"),
        None => file,
    };
    for g in &gold.quotes {
        match got.iter().find(|p| p.0 == g.start && p.1 == g.end) {
            Some(p) => {
                sc.matched += 1;
                let right = same_speaker(g.speaker.as_deref(), p.2.as_deref());
                match (&g.speaker, &p.2) {
                    _ if right => sc.speaker_right += 1,
                    (None, _) => sc.given_for_nobody += 1,
                    (Some(_), None) => sc.none_given += 1,
                    (Some(_), Some(_)) => sc.another += 1,
                }
                if let Some(name) = g.speaker.as_deref().filter(|_| !right) {
                    let entity = spans.iter().any(|e| {
                        matches!(e.label, "PERSON" | "ORG")
                            && same_speaker(Some(name), Some(&text[e.start..e.end]))
                    });
                    if !entity {
                        sc.not_an_entity += 1;
                    }
                }
                if !right && verbose {
                    println!(
                        "  {name}: speaker {:?}, want {:?}: {}",
                        p.2,
                        g.speaker,
                        short(&slice(g.start, g.end))
                    );
                }
            }
            None if verbose => println!("  {name}: missed {}", short(&slice(g.start, g.end))),
            None => {}
        }
    }
    if verbose {
        for p in &got {
            if !gold.quotes.iter().any(|g| g.start == p.0 && g.end == p.1) {
                println!("  {name}: spurious {}", short(&slice(p.0, p.1)));
            }
        }
    }
    sc
}

/// The first and last few characters of a long quotation.
fn short(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    if cs.len() <= 90 {
        return s.replace('\n', "⏎");
    }
    let head: String = cs[..45].iter().collect();
    let tail: String = cs[cs.len() - 40..].iter().collect();
    format!("{head} … {tail}").replace('\n', "⏎")
}

/// Scores every document of `fixtures/quotes/<lang>/<split>`.
fn score_dir(lang: &str, split: &str) -> (Score, usize) {
    let dir: PathBuf =
        [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "quotes", lang, split].iter().collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    // `QUOTES_ONLY=warhol,idner` scores only the files whose name contains
    // one of the words (to see one batch of documents on its own).
    let only = std::env::var("QUOTES_ONLY").unwrap_or_default();
    let wanted = |f: &Path| {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        only.is_empty() || only.split(',').any(|w| name.contains(w))
    };
    // Misses are listed for the tuned documents only: the held-out ones
    // are scored in total and never read miss by miss.
    let verbose = split == "tuned" && std::env::var_os("QUOTES_VERBOSE").is_some();
    let mut total = Score::default();
    let mut docs = 0;
    for f in files.iter().filter(|f| wanted(f)) {
        let (s, n) = score_file(f, lang, verbose);
        total.add(s);
        docs += n;
    }
    (total, docs)
}

#[test]
fn scores_on_the_gold_documents() {
    // (lang, split, floor for quotation F1, floor for speaker accuracy):
    // slightly below the scores reached when these floors were set (id
    // 1.000/0.960 tuned, 1.000/0.973 held out; en 0.987/0.974 tuned,
    // 0.914/0.625 held out); the tuned ones set again after six English
    // biographies and interviews and four Indonesian articles joined them
    // (id 1.000/0.962, en 0.989/0.967); nine more English GUM documents
    // joined them since (en 0.987/0.968), and held out is 0.930/0.636;
    // then seventeen more written English interviews and biographies (en
    // 0.989/0.972), with the English held-out speakers at 0.697; then five
    // more written run-in documents, harder ones, lowered the English
    // tuned speakers to 0.949 at first contact (0.987/0.949; the floor
    // follows them down), and the rules written for them raised them to
    // 0.990/0.964; then nine more written run-in documents (`runin2_*`)
    // came in at 0.988/0.941, and the rules written for them raised the
    // English tuned scores to 0.991/0.966; then eight more (`runin3_*`:
    // historical biographies and run-in interviews) came in at
    // 0.989/0.926, and the rules written for them raised the English tuned
    // scores to 0.990/0.952; then eight written news articles in each
    // language (`written_news5_*`, `b5_*`) came in at 0.994/0.800 (en,
    // 68/85 speakers) and 1.000/0.941 (id, 80/85), lowering the tuned
    // totals to 0.991/0.938 (en) and 1.000/0.959 (id); then sixteen more
    // English documents (`runin4_*`, `news6_*`, `runin5_*`, `news7_*`)
    // came in at 0.995/0.835 and 0.976/0.657, lowering the English tuned
    // totals to 0.989/0.926 after the rules written for them.
    const FLOORS: &[(&str, &str, f64, f64)] = &[
        ("id", "tuned", 0.97, 0.95),
        ("id", "heldout", 0.97, 0.95),
        ("en", "tuned", 0.985, 0.92),
        ("en", "heldout", 0.92, 0.68),
    ];
    let mut failures = Vec::new();
    println!("lang split    docs  gold found   P     R     F1    speaker");
    // `QUOTES_SPLIT=tuned` scores one split only (so that working on the
    // tuned documents never prints the held-out totals).
    let only_split = std::env::var("QUOTES_SPLIT").unwrap_or_default();
    for &(lang, split, f1_floor, sp_floor) in FLOORS {
        if !only_split.is_empty() && only_split != split {
            continue;
        }
        let (s, docs) = score_dir(lang, split);
        println!(
            "{lang:4} {split:8} {docs:4} {:5} {:5}  {:.3} {:.3} {:.3} {:.3} ({}/{})",
            s.gold,
            s.found,
            s.precision(),
            s.recall(),
            s.f1(),
            s.speaker_accuracy(),
            s.speaker_right,
            s.matched
        );
        println!(
            "     speakers missed: {} named given nobody, {} given another, {} given for nobody \
             named; {} of the named missed are no PERSON or ORG in the text",
            s.none_given, s.another, s.given_for_nobody, s.not_an_entity
        );
        if s.f1() < f1_floor || s.speaker_accuracy() < sp_floor {
            failures.push(format!(
                "{lang}/{split}: F1 {:.3}, speaker {:.3}",
                s.f1(),
                s.speaker_accuracy()
            ));
        }
    }
    assert!(failures.is_empty(), "below the floor: {failures:?}");
}

#[test]
fn a_name_also_written_in_lower_case() {
    // `santorum` is also a common word in this text; `Santorum`, found
    // alone as a name after a verb of saying, is a name everywhere.
    check(
        "en",
        "Former senator Rick Santorum hates the word santorum, which spread online. \
         [[Q@Santorum:\"It is filth,\"]] said Santorum. Santorum criticized the press in an \
         interview, saying, [[Q@Santorum:\"It's offensive, and the mainstream media laughs \
         about it.\"]]",
    );
}

#[test]
fn the_head_of_an_of_phrase_speaks() {
    check(
        "en",
        "Shares fell. [[Q@John Smith:\"This was the worst day since 2008,\"]] John Smith of \
         Barclays said.",
    );
    check(
        "en",
        "Shares fell. [[Q:\"This was the worst day since 2008,\"]] a spokeswoman for Barclays \
         said.",
    );
}

#[test]
fn the_statement_points_back_to_its_author() {
    check(
        "en",
        "The Pentagon said in a statement that it would review the case. \
         [[Q@Pentagon:\"We take these reports seriously,\"]] the statement said.",
    );
    check(
        "en",
        "Ford Motor Co. issued a statement on Monday. [[Q@Ford Motor Co.:\"We are working with \
         dealers,\"]] the statement said.",
    );
}

#[test]
fn a_short_sentence_continues_the_quotation_before() {
    check(
        "en",
        "Ms. Tan spoke to reporters. [[Q@Tan:\"We had nothing,\"]] she said. \
         [[Q@Tan:\"Nothing at all.\"]]",
    );
    check(
        "en",
        "Mary Tan and her husband, Li Wei, moved to Ohio in 2001. [[Q:\"We had nothing,\"]] they \
         said.",
    );
    // Not after a term, nor in the middle of a sentence.
    check("en", "The \"reset\" failed. Critics called it \"Plan B.\" The plan was dropped.");
}

#[test]
fn relatives_coordination_and_messages_find_the_subject() {
    // `, who` stands for the name before it.
    check(
        "en",
        "She studied under the geneticist Nils Hedberg, who later described her as \
         [[Q@Nils Hedberg:\"the most stubborn student I ever had, and the best\"]].",
    );
    // A verb joined by `and` shares the subject of the clause before.
    check(
        "en",
        "My partner, Sindre Vik, took one sip and said, [[Q@Sindre Vik:\"We are not selling \
         this to anyone we like.\"]]",
    );
    check(
        "en",
        "The mayor, John Green, met the press. He smiled and said, [[Q@John Green:\"We are not \
         going anywhere.\"]]",
    );
    // What someone wrote speaks for its writer.
    check(
        "en",
        "A historian, Ola Brekke, found it. He emailed me that night. His message said, \
         [[Q@Ola Brekke:\"I think I have found you a beer. It may be terrible.\"]]",
    );
    // A title between the comma and the name: `, Sir Robert Hale, wrote`.
    check(
        "en",
        "Its president at the time, Sir Robert Hale, wrote to her in 1953: [[Q@Robert Hale:\"Your \
         results are as elegant as any I have seen this decade.\"]]",
    );
}

#[test]
fn pronouns_agree_in_gender_and_skip_interview_labels() {
    check(
        "en",
        "Astrid Lindqvist won a fellowship. Writing to her brother Erik from Scotland, she \
         complained about the food. [[Q@Astrid Lindqvist:\"The porridge is grey and so is the \
         sky,\"]] she wrote.",
    );
    check(
        "en",
        "Hanne Dahl: A historian, Ola Brekke, found it. He emailed me that night. His message \
         said, [[Q@Ola Brekke:\"I think I have found you a beer.\"]]",
    );
}

#[test]
fn pronoun_subjects_and_abbreviated_titles() {
    check(
        "en",
        "Andy Warhol moved to New York in 1949. He later wrote in his autobiography that \
         [[Q@Andy Warhol:\"being good in business is the most fascinating kind of art.\"]]",
    );
    check(
        "en",
        "The project leader, Dr. Andrew Westphal, said [[Q@Andrew Westphal:\"We have found dust \
         from beyond the solar system, and that is a first.\"]]",
    );
}

#[test]
fn a_name_the_entity_rules_miss_speaks_next_to_its_verb() {
    // `Bernoulli` is found by no other rule: a capitalised word before a
    // verb of saying behind a short aside is a name; so is the short
    // sentence after the attribution the same speaker's.
    check(
        "en",
        "[[Q@Bernoulli:\"I have no regrets,\"]] Bernoulli, then 80, told a visitor. \
         [[Q@Bernoulli:\"None at all.\"]]",
    );
}

#[test]
fn a_pronoun_after_the_only_person_of_a_sentence_marks_a_gender() {
    // `where he wrote` makes Hardy male, so `She` is Florence Dugdale.
    check(
        "en",
        "Thomas Hardy retired to Dorset, where he wrote his last poems. Thomas Hardy met Florence \
         Dugdale in 1905. She later recalled: [[Q@Florence Dugdale:\"He was shy, and he spoke of \
         nothing but churches for an hour.\"]]",
    );
}

#[test]
fn names_before_auxiliaries_and_possessed_replies_speak() {
    check(
        "en",
        "Leibniz quarrelled with Bernoulli. Bernoulli's reply was blunt: [[Q@Bernoulli:\"I have \
         no regrets about any of it, none whatsoever, and I never will.\"]]",
    );
    check(
        "en",
        "The role went to Padalecki in 2005. Padalecki has described it as \
         [[Q@Padalecki:\"the best thing that ever happened to me, and the hardest thing I have \
         ever done\"]].",
    );
}

#[test]
fn a_title_after_a_word_for_a_work() {
    check(
        "en",
        "His most famous work, \"The Art of Conjecturing, With a Treatise on Infinite Series\", \
         was published after his death.",
    );
}

#[test]
fn a_name_with_a_company_appositive_is_an_organisation() {
    // `Voltaro` is found by no other rule; the appositive makes it an
    // organisation, which `it` then points to.
    check(
        "en",
        "Voltaro, a San Francisco electric scooter maker, is recalling its scooters, and \
         regulators thanked Voltaro. [[Q@Voltaro:\"Safety is our first priority,\"]] it said in \
         a statement.",
    );
}

#[test]
fn a_dateline_credit_is_nobody_a_nominal_means() {
    check(
        "en",
        "LONDON (Reuters) - Acme Holdings will cut 500 jobs, it said on Thursday.\n\n\
         [[Q@Acme Holdings:\"These are painful decisions,\"]] the company said in a statement.",
    );
}

#[test]
fn an_unnamed_subject_is_whom_the_pronoun_means() {
    // `A spokesman for …` brings in someone nobody names; `he` is him.
    check(
        "en",
        "Judge Ramona Castellanos ruled against Parallax Labs on Friday. A spokesman for the \
         company declined to say whether it would appeal. [[Q:\"We are reviewing the ruling,\"]] \
         he said.",
    );
    check(
        "en",
        "Deepa Raman spoke for the workers. A spokeswoman for the Department of Trade said \
         ministers would meet the company. [[Q:\"We stand ready to help,\"]] the spokeswoman \
         said.",
    );
    // Not when a name is set off after it.
    check(
        "en",
        "Trade fell. A spokeswoman for the authority, Femke de Wit, said cargo was moving. \
         [[Q@Femke de Wit:\"Fruit goes first. Everything else waits,\"]] she said.",
    );
}

#[test]
fn a_sentence_opening_with_a_role_names_its_holder() {
    check(
        "en",
        "U.S. District Judge Ramona Castellanos refused to dismiss the case. Its general counsel, \
         Howard Lim, had asked her to. The judge was not persuaded. [[Q@Ramona Castellanos:\"The \
         argument is beside the point,\"]] she wrote.",
    );
    // The role word is the head that must match: `the health secretary`
    // is not `the opposition health spokesman`.
    check(
        "en",
        "Health Secretary Rachel Amos promised more money. The opposition health spokesman, \
         Graham Pryce, said the government had failed. Speaking later, the health secretary \
         said: [[Q@Rachel Amos:\"Nobody is more frustrated than I am.\"]]",
    );
}

#[test]
fn an_appositive_names_what_a_nominal_means() {
    check(
        "en",
        "The operators' association, Deltaport Employers, said the demand was unaffordable.\n\n\
         [[Q@Deltaport Employers:\"Ships are being diverted every day this goes on,\"]] the \
         association said in a statement.",
    );
}

#[test]
fn a_name_after_a_role_heads_the_phrase_after_the_verb() {
    check(
        "en",
        "The winger left on Monday. [[Q@Steve Callaghan:\"He's the best player I have worked \
         with,\"]] said Thamesbury Athletic manager Steve Callaghan.",
    );
    // `the 26-year-old` is a person.
    check(
        "en",
        "Callum Harwood signed a five-year contract on Monday. [[Q@Callum Harwood:\"I owe that \
         club everything,\"]] the 26-year-old said.",
    );
}

#[test]
fn asides_clauses_and_audiences() {
    // The person opening an aside after a role speaks.
    check(
        "en",
        "The authors sued. Her lawyer, Benjamin Osei of the firm Osei & Hart, said the ruling \
         was [[Q@Benjamin Osei:\"an important first step.\"]]",
    );
    // `said the union had …` is a clause with its own subject, not `said
    // the union`.
    check(
        "en",
        "The union, Havenbond, called the strike. One crane operator, who asked not to be named, \
         said the union had [[Q:\"lost sight of what we actually need.\"]]",
    );
    // A few quoted words after an article, going on with a preposition.
    check(
        "en",
        "Judge Ramona Castellanos said the authors could proceed, although she cautioned that \
         they faced [[Q@Ramona Castellanos:\"a long road\"]] to prove their claims.",
    );
    // `told` takes its audience: `.” Holst told a news conference`.
    check(
        "en",
        "Prime Minister Karen Holst called an election. [[Q@Karen Holst:\"Do you want to go \
         forward or back?\"]] Holst told a news conference.",
    );
}

#[test]
fn a_name_the_text_calls_it_is_an_organisation() {
    // `Kestrel Foods` has no word that marks a company, but `, it said`
    // treats it as one, so `the company` points to it.
    check(
        "en",
        "Kestrel Foods will cut 1,200 jobs and close two factories, it said on Thursday. \
         [[Q@Kestrel Foods:\"These are painful decisions,\"]] the company said in a statement.",
    );
    check(
        "en",
        "Veltrix Semiconductor said on Tuesday it would delay its next processor. \
         [[Q@Veltrix Semiconductor:\"We found a flaw in final testing,\"]] the company said.",
    );
}

#[test]
fn indefinites_descriptions_and_titles_with_their_full_stop() {
    // `one woman` is someone new and unnamed.
    check(
        "en",
        "Detective Claire Holroyd appealed for witnesses. [[Q:\"Nobody knew what was \
         happening,\"]] said one woman who had been walking past.",
    );
    // A few words may describe the name after `for`: the spokeswoman is
    // unnamed, not the company.
    check(
        "en",
        "Karen Oduya cut her target. [[Q:\"We'd rather wait for a chip that works,\"]] a \
         spokeswoman for the cloud provider Stratanet said.",
    );
    // A title after a word for a work, with the sentence's full stop
    // inside the marks.
    check(
        "en",
        "She later recalled those years in her 1998 memoir, \"Flour on My Hands.\" \
         [[Q@Rosalind Achterberg:\"I was twenty-four and I knew nothing about money,\"]] \
         Rosalind Achterberg wrote.",
    );
}

#[test]
fn a_name_after_the_is_an_organisation_and_a_nominal_subject_points_back() {
    // A person's name does not take `the`: `the agency` is the World Food
    // Programme, not the UN named before.
    check(
        "en",
        "UN spokeswoman Ingrid Solberg spoke in Geneva. The World Food Programme said the trucks \
         carried flour. According to the agency, [[Q@World Food Programme:\"malnutrition rates \
         have doubled since the start of the year.\"]]",
    );
    // `The Frenchman, who …` is the subject, not the name after `from`;
    // the walk goes back a paragraph more to find whom it means.
    check(
        "en",
        "Rovers won on Sunday, thanks to a late header from Antoine Delacroix.\n\n\
         The Frenchman, who joined in January, rose to meet a corner from Luke Barnes.\n\n\
         [[Q@Antoine Delacroix:\"I didn't even see it go in,\"]] the striker told reporters.",
    );
}

#[test]
fn a_new_sentence_telling_someone_that_does_not_attribute() {
    // `.” I told her that …` starts a statement of its own: the quotation
    // before it is the editor's.
    check(
        "en",
        "My agent, Mira Holt, hated the ending. She told me, [[Q@Mira Holt:\"Nobody will read \
         past the second chapter.\"]] I told her that nobody reads past the first.",
    );
}

#[test]
fn i_in_an_interview_turn_is_the_turn_s_label() {
    check(
        "en",
        "Wikinews: Did you answer her?\n\nTom Reyes: I did. I wrote back the same day: \
         [[Q@Tom Reyes:\"Come to the reading and then decide.\"]] She came.",
    );
    // Not outside an interview turn.
    check("en", "I wrote back the same day: [[Q:\"Come to the reading and then decide.\"]]");
}

#[test]
fn a_long_phrase_after_called_and_its_object_is_the_callers() {
    check(
        "en",
        "The bridge opened in 1901. The Daily Courier called it [[Q@Daily Courier:\"a bridge \
         with the manners of a cathedral\"]].",
    );
    // A few words stay a term, and so does a name right after `called`.
    check("en", "The Daily Courier called the plan \"a betrayal.\"");
    check("en", "She hosts a podcast called \"The Long Way Round Home Again\".");
    // `, Name, has called`: the name set off by commas is the subject.
    check(
        "en",
        "Your publisher, Jan Vrba, has called it [[Q@Jan Vrba:\"the saddest book we have ever \
         sold\"]]. Is that fair?",
    );
}

#[test]
fn an_unnamed_relative_of_the_narrator_speaks_for_she() {
    check(
        "en",
        "Novak: It came from my grandmother. She was born in a village under the reservoir. She \
         used to say, [[Q:\"On a still day you can hear the bells.\"]]",
    );
}

#[test]
fn occupations_name_a_person_and_a_nominal_subject_keeps_the_topic() {
    check(
        "en",
        "Adaeze Okafor wrote the book after her father died. Okafor was fifty. The poet later \
         described it as [[Q@Adaeze Okafor:\"a long conversation with someone who had stopped \
         answering\"]].",
    );
    // `The composer never forgot the review` is about the composer, not
    // the critic named once before.
    check(
        "en",
        "Konrad Maelzer wrote four symphonies. Maelzer's first was played in Graz, and Maelzer \
         conducted it. The critic Paul Ehrlich disliked it. The composer never forgot the review. \
         Decades later he told an interviewer: [[Q@Konrad Maelzer:\"I had it framed. I looked at \
         it every day.\"]]",
    );
}

#[test]
fn a_colon_after_a_sentence_with_a_pronoun_subject() {
    check(
        "en",
        "Thomas Ashdown retired in 1927. In a short memoir for his grandchildren, he gave his \
         rule for a good bridge: [[Q@Thomas Ashdown:\"Build it for the worst day in a hundred \
         years, and then for the day after.\"]]",
    );
}

#[test]
fn a_given_name_of_one_gender_only_is_a_weak_clue() {
    // `Nils` is a man's name, so `she` is Astrid Berg, not the teacher
    // named last.
    check(
        "en",
        "Astrid Berg studied botany at Uppsala under the geneticist Nils Hedberg. Hedberg \
         encouraged her to apply for a fellowship. Writing home from Scotland, she complained \
         about the food. [[Q@Astrid Berg:\"The porridge is grey and so is the sky,\"]] she wrote.",
    );
    // A pronoun with no one of its gender within reach takes the latest
    // person of that gender, not the latest person.
    check(
        "en",
        "In London Konrad Maelzer played for the radio. His diary is about money.\n\n\
         According to his biographer, Helen Marsh, the war years were [[Q@Helen Marsh:\"the \
         quietest of his life\"]]. The years passed. The trams were red. The city was cold. In a \
         1962 interview he said: [[Q@Konrad Maelzer:\"I came back because the trams were still \
         red.\"]]",
    );
    // What the text says outweighs the list: `Ola` is listed as a woman's
    // name, but `He` opening the next sentence makes this Ola a man.
    check(
        "en",
        "Hanne Dahl: A historian, Ola Brekke, found the recipe by accident. He was looking for \
         something else. Later that week he emailed me. His message said, [[Q@Ola Brekke:\"I \
         think I have found you a beer.\"]]",
    );
}

#[test]
fn according_to_a_name_then_a_clause_with_its_own_subject() {
    check(
        "en",
        "Thomas Ashdown retired in 1927. According to his biographer Alan Reid, Ashdown was \
         [[Q@Alan Reid:\"a shy man with a loud pen\"]].",
    );
    // A critic who `dismissed it as` quotes his own words.
    check(
        "en",
        "The critic Paul Ehrlich, writing in a Vienna daily, dismissed it as [[Q@Paul \
         Ehrlich:\"an hour of brass in search of a tune\"]].",
    );
}

#[test]
fn seorang_brings_in_someone_unnamed() {
    check(
        "id",
        "Ketua serikat, Yudi Prasetyo, menilai PHK dilakukan sepihak. [[Q@Yudi Prasetyo:“Kami \
         akan melapor,”]] kata Yudi.\n\n\
         Seorang karyawan yang terkena PHK, yang meminta namanya tidak ditulis, mengaku baru \
         bekerja delapan bulan. [[Q:“Sekarang saya harus cari kerja lagi,”]] ujarnya.",
    );
    // Not when a name is set off after it.
    check(
        "id",
        "Salah seorang penumpang, Rizky Pratama (27), mengaku terlambat. [[Q@Rizky \
         Pratama:“Saya sudah berdiri dari jam tujuh,”]] ujarnya.",
    );
}

#[test]
fn what_a_biography_s_first_sentence_says_the_subject_is() {
    // `the poet` is Okafor: her first sentence says she is one.
    check(
        "en",
        "Adaeze Okafor (born 1948) is a Nigerian-born British poet and essayist. Since 2010 she \
         has lived in Hastings. According to Ruth Sandler, she rarely travels. Asked whether she \
         was still writing, the poet replied: [[Q@Adaeze Okafor:\"Every morning. Most of it goes \
         in the fire.\"]]",
    );
}

#[test]
fn a_pronoun_of_the_other_gender_does_not_continue_the_topic() {
    // `he married the soprano Lotte Weiss`: `She` is Lotte Weiss, not
    // whoever `he` is.
    check(
        "en",
        "Konrad Maelzer wrote an opera. [[Q@Konrad Maelzer:\"I had it framed,\"]] Maelzer said. \
         In 1931 he married the soprano Lotte Weiss, who sang in the premiere. She later recalled \
         the rehearsals: [[Q@Lotte Weiss:\"He rewrote my big aria eleven times.\"]]",
    );
}

#[test]
fn a_title_after_published_as() {
    check(
        "en",
        "In his memoirs, published in 1965 as \"Notes from the Pit\", he recalled his first \
         lessons.",
    );
}

#[test]
fn a_pronoun_subject_before_a_bare_quotation_and_an_addressee() {
    // A sentence naming nobody with a pronoun subject hands the floor to
    // whom the pronoun means.
    check(
        "en",
        "Milan Novak will read from the book on Friday. Asked what he would read, he laughed. \
         [[Q@Milan Novak:\"The funny parts. People cry enough at home.\"]]",
    );
    // A name set off by commas after a few words opens the sentence.
    check(
        "en",
        "The pupils read the news. One girl, Maria Santos, read a report and added at the end, \
         [[Q@Maria Santos:\"And that is why my street smells.\"]]",
    );
    // `you` in the interviewer's turn is whom the turn addresses.
    check(
        "en",
        "Wikinews: Maria Santos, you said in 2020 that radio is [[Q@Maria Santos:\"the last place \
         where nobody is selling anything\"]]. Is that still true?",
    );
}

#[test]
fn a_pronoun_subject_naming_nobody_keeps_a_biography_s_subject() {
    // `In 1991 she was offered an OBE` is about Okafor, named three times
    // as often as the student quoted before it.
    check(
        "en",
        "Adaeze Okafor was born in Enugu. Okafor studied in Leeds, and Okafor taught in London. \
         One of her students, the novelist Femi Adeyemi, remembered her classes: [[Q@Femi \
         Adeyemi:\"She read your poem aloud in a flat voice.\"]]\n\n\
         In 1991 she was offered an OBE and turned it down. In an interview she explained: \
         [[Q@Adaeze Okafor:\"I did not want to be an officer of that empire.\"]]",
    );
    // Not when the person found is named about as often.
    check(
        "en",
        "Health Secretary Rachel Amos promised money. Amos spoke in the House. Dr. Helen Achebe \
         said staff were exhausted. She described nights in the corridors. [[Q@Helen \
         Achebe:\"That is not care,\"]] she said.",
    );
}

#[test]
fn an_entry_of_someone_s_diary_speaks_for_its_writer() {
    check(
        "en",
        "In London Konrad Maelzer played the piano for the radio. His diary for 1941 is mostly \
         about money. An entry from that March reads: [[Q@Konrad Maelzer:\"Played for four \
         hours. Paid for two.\"]]",
    );
    // Nobody's diary named: nobody.
    check(
        "en",
        "The archive holds many papers. An entry from that March reads: [[Q:\"Played for four \
         hours. Paid for two.\"]]",
    );
}

#[test]
fn the_narrator_s_i_is_nobody_a_pronoun_means() {
    // A reply of a word or two with the narrator's `I said` is speech,
    // and names nobody; a `she` after `I asked` still means the woman the
    // story is about, as does the `She laughed.` before a bare reply.
    check(
        "en",
        "Maria Lopez stayed with me that night. She lay tense in the dark. \
         [[Q:\"Are you going to be a teacher?\"]] I asked. She laughed. \
         [[Q@Maria Lopez:\"If I get out of here.\"]] I waited for more. \
         [[Q:\"You came here from Earth?\"]] I asked. \
         [[Q@Maria Lopez:\"My family came here from Earth,\"]] she said. [[Q:\"No,\"]] I said.",
    );
    check("en", "[[Q:\"Yes,\"]] we said, and left.");
}

/// A sentence naming the person the behaviour tests below quote.
const HOLT: &str = "Mary Holt is a chemist from Leeds, and Holt has worked there since 1990. ";

#[test]
fn more_verbs_of_saying_and_their_subjects() {
    let who = HOLT;
    // Verbs that attribute speech after a quotation, in their inflections.
    for verb in [
        "mused",
        "maintained",
        "agreed",
        "confessed",
        "wondered",
        "interjected",
        "laughed",
        "sighed",
        "shrugged",
        "grinned",
        "remembers",
        "posted on Facebook",
        "cried",
    ] {
        check(
            "en",
            &format!("{who}[[Q@Holt:\"I really do not know what happened there,\"]] Holt {verb}."),
        );
    }
    // A verb joined by `and` to the verb of saying is still its predicate.
    check(
        "en",
        &format!("{who}She laughed and added, [[Q@Holt:\"We will see what happens next.\"]]"),
    );
}

#[test]
fn someone_of_the_named_person_s_speaks_unnamed() {
    let who = HOLT;
    check(
        "en",
        &format!("{who}[[Q:\"She never talks about her work at home,\"]] Holt's husband said."),
    );
    check(
        "en",
        &format!("{who}[[Q:\"My client will appeal the ruling,\"]] Holt's lawyer told reporters."),
    );
    // But the message someone wrote speaks for its writer.
    check(
        "en",
        &format!("{who}Holt's letter said: [[Q@Holt:\"I will not return to the laboratory.\"]]"),
    );
}

#[test]
fn a_person_before_an_of_phrase_and_a_role_in_an_aside() {
    check(
        "en",
        "[[Q@Anne Ruiz:\"He was armed and dangerous,\"]] Anne Ruiz of the Leeds police said.",
    );
    check(
        "en",
        "Okafor taught at Goldsmiths College. One of her students, the novelist Femi Adeyemi, \
         remembered her classes in an essay: [[Q@Femi Adeyemi:\"She read every poem aloud.\"]]",
    );
}

#[test]
fn a_colon_announces_a_short_quotation() {
    let who = HOLT;
    check("en", &format!("{who}Holt wrote in her diary: [[Q@Holt:\"Nothing happened today.\"]]"));
    check(
        "en",
        &format!("{who}In 1995 she told an interviewer: [[Q@Holt:\"Chemistry chose me.\"]]"),
    );
}

#[test]
fn the_subject_of_a_short_sentence_before_speaks_in_the_first_person() {
    let who = "Andrew Gordon (1890–1961) was a Scottish painter. Gordon studied in Paris. ";
    check(
        "en",
        &format!("{who}Gordon disagreed. [[Q@Gordon:\"I am a craftsman, not an artist.\"]]"),
    );
    // (Not words about someone: those are nobody's in particular.)
    check(
        "en",
        &format!("{who}Gordon moved to London. [[Q:\"It was a city of painters, after all.\"]]"),
    );
}

#[test]
fn a_perfect_participle_of_saying() {
    check(
        "en",
        "Mary Bell, an art historian, has written that he was \
         [[Q@Mary Bell:\"the quiet master of Scottish colour.\"]]",
    );
    // (A participle after a noun is no verb of it: the colon after a
    // pronoun subject still speaks.)
    check(
        "en",
        "Thomas Ashdown retired in 1927. In a short memoir written for his grandchildren, he gave his \
         rule: [[Q@Ashdown:\"Build it for the worst day in a hundred years.\"]]",
    );
}

#[test]
fn an_institution_is_not_the_person_who_heads_it() {
    let who = "The Andy Warhol Foundation sued the museum on Monday. Joel Wachs is the president \
               of the foundation. ";
    check(
        "en",
        &format!(
            "{who}[[Q@Andy Warhol Foundation:\"We are deeply disappointed by the ruling,\"]] the \
             foundation said."
        ),
    );
    check(
        "en",
        &format!(
            "{who}[[Q@Joel Wachs:\"We are deeply disappointed by the ruling,\"]] said the \
             foundation's president, Joel Wachs."
        ),
    );
    check(
        "en",
        &format!(
            "{who}[[Q@Joel Wachs:\"We are deeply disappointed by the ruling,\"]] the president \
             said."
        ),
    );
}

#[test]
fn a_quote_from_someone() {
    check(
        "en",
        "The monk used a quote from John Milton — [[Q@John Milton:\"The mind is its own place, \
         and in itself can make a heaven of hell\"]] — to describe his fear.",
    );
    // (A line of something else is no one's.)
    check(
        "en",
        "The bank offered a line of credit, [[Q:\"with no questions asked at all,\"]] it said.",
    );
}

#[test]
fn short_fragments_a_verb_of_saying_governs() {
    let who = HOLT;
    check("en", &format!("{who}Holt said she was [[Q@Holt:\"very happy.\"]]"));
    check("en", &format!("{who}Holt warned of [[Q@Holt:\"serious consequences\"]] if it failed."));
    check("en", &format!("{who}Holt described the result as [[Q@Holt:\"fantastic news.\"]]"));
    // (Still terms: a single word, two words right after `called`, and a
    // copula with no verb of saying.)
    check("en", &format!("{who}Holt dismissed the report as \"nonsense.\""));
    check("en", &format!("{who}Holt called the result \"simply fantastic.\""));
    check("en", &format!("{who}The result was \"simply fantastic.\""));
}

#[test]
fn a_person_set_off_after_a_role_speaks_after_a_colon() {
    check(
        "en",
        "The secretary general of the Writers' Union (WU), Anna Berg, has called the law \
         \"dangerous\": [[Q@Anna Berg:\"We face a dangerous law. Who wrote it did not read it.\"]]",
    );
}

#[test]
fn what_a_sign_reads_and_a_report_states() {
    check("en", "The sign at the entrance read [[Q:\"No entry without a permit.\"]]");
    check("en", "Protesters carried banners reading [[Q:\"Bring our soldiers home now.\"]]");
    check("en", "The company's website states that [[Q:\"every product is tested by hand.\"]]");
    // (Not a headline, which names a title, nor a noun before the marks.)
    check("en", "The headline read \"Man bites dog.\"");
    check(
        "en",
        "Parallax's general counsel, Howard Lim, wrote that the authors' claims \
         [[Q@Howard Lim:\"would make every search engine illegal.\"]]",
    );
}

#[test]
fn idioms_of_saying() {
    let who = HOLT;
    let q = "Chemistry is just cooking with better labels.";
    check("en", &format!("{who}As Holt put it, [[Q@Holt:\"{q}\"]]"));
    check("en", &format!("{who}To quote Holt, [[Q@Holt:\"{q}\"]]"));
    check("en", &format!("{who}Holt pointed out that [[Q@Holt:\"{q}\"]]"));
    check("en", &format!("{who}[[Q@Holt:\"Chemistry is cooking,\"]] Holt informed the committee."));
    // (`put it` with an object after it is no idiom of saying.)
    check("en", &format!("{who}Holt put it on the shelf. \"Cooking\" was its label."));
}

#[test]
fn a_name_found_next_to_a_verb_of_saying_is_a_name_at_its_other_mentions() {
    // `Brannock` is known to no list; `said Brannock` makes it a name, so
    // the earlier `Brannock met …` and `after Brannock, …` name her too,
    // and `she` is Brannock rather than the last person named before her.
    // The same holds for the surname of a full name found next to the
    // verb.
    for name in ["Brannock", "Odalys Brannock"] {
        check(
            "en",
            &format!(
                "The owners' lawyer, Dana Ellery, called the demand absurd. Brannock met the \
                 owners again on Monday. [[Q@Brannock:\"Nothing has changed,\"]] she said.\n\n\
                 [[Q@{name}:\"We will not sign this,\"]] said {name}.\n"
            ),
        );
        check(
            "en",
            &format!(
                "Tom Ellery, who runs the largest terminal, said the losses were mounting.\n\n\
                 Talks resumed after Brannock, the union's chief negotiator, returned from \
                 Leeds. [[Q@Brannock:\"We are closer than we were,\"]] she told reporters.\n\n\
                 [[Q@{name}:\"We will not sign this,\"]] said {name}.\n"
            ),
        );
    }
}

#[test]
fn a_common_word_opening_a_name_marks_its_gender() {
    // `John` is also an everyday word, so no list takes it for a name;
    // opening one, it still says John Keller is a man, so `she` is Dana
    // Voss (whose given name says nothing).
    check(
        "en",
        "Dana Voss and John Keller spoke at the harbour. [[Q@Dana Voss:\"The boats are late \
         again,\"]] she said.",
    );
}

#[test]
fn a_rank_abbreviation_is_a_title_not_a_speaker() {
    check(
        "en",
        "The witness was questioned twice. [[Q@Hale Brannigan:\"He was calm,\"]] said Insp. Hale \
         Brannigan.",
    );
    check(
        "en",
        "[[Q@Anton Varga:\"We will find him,\"]] Det. Sgt. Anton Varga told reporters on \
         Tuesday.",
    );
}

#[test]
fn a_name_after_a_word_for_an_organisation_is_one() {
    // `Melkvast` and `Brannock` are known to no list; a word for an
    // organisation right before them (after `the` or a possessive) makes
    // them organisations, which `the group` and `the company` point to,
    // also where the name stands before a verb of saying.
    check(
        "en",
        "Minister Anna Berg announced the new quotas on Monday. The Dutch farmers' union \
         Melkvast welcomed the ruling. [[Q@Melkvast:\"It is late, but it is fair,\"]] the group \
         said in a statement.",
    );
    check(
        "en",
        "Tom Ellery opened a shop in Leeds. The retailer Brannock said sales fell. [[Q@Brannock:\
         \"We are disappointed,\"]] the company said.",
    );
}

#[test]
fn a_quotation_ending_its_sentence_ends_it_for_a_pronoun() {
    // The full stop inside the marks ends the sentence around them: `he`
    // looks back to the sentence after the quotation first.
    check(
        "en",
        "His trainer, Oskar Lind, said the boy had swum [[Q@Oskar Lind:\"like a fish with a \
         timetable.\"]] Pekka Virtanen was less kind. [[Q@Pekka Virtanen:\"He beat me and I \
         will not forget it,\"]] he told the local radio.",
    );
}

#[test]
fn a_quotation_introduced_before_keeps_its_cue_over_the_next_sentence() {
    // `said, “….”` and then a new sentence with a verb of saying.
    check(
        "en",
        "The mayor, Ilse Brandt, opened the fair. She said, [[Q@Ilse Brandt:\"Nobody here has \
         ever seen a bigger pumpkin.\"]] Everybody laughed.",
    );
    check(
        "en",
        "Maria Lopes: My brother, Rui Lopes, thought the boat would sink. I said, \
         [[Q@Maria Lopes:\"Rui, it floated for forty years.\"]] He said, [[Q@Rui Lopes:\"Then it \
         is tired.\"]]",
    );
}

#[test]
fn a_verb_joined_by_and_to_a_clause_shares_its_subject() {
    check(
        "en",
        "Mr. Arne Holm found the old map in a drawer. He spread it on the table and said, \
         [[Q@Arne Holm:\"This is where the mill stood.\"]]",
    );
    check(
        "en",
        "After the vote, Petra Lund packed her papers into a box and then told reporters, \
         [[Q@Petra Lund:\"I will be back in four years.\"]]",
    );
}

#[test]
fn a_titled_name_set_off_after_a_role_is_named() {
    // `The director, Sir Lionel Beck,` names Beck, so the sentence is not a
    // topic continued without a name, and `he` is Beck even though Vera
    // Holm is named far more often.
    check(
        "en",
        "Vera Holm (1890–1960) was an astronomer. Holm was born in Hull. Holm studied in \
         Cambridge. In 1913 Holm joined the observatory at Hartwell. The director, Sir Lionel \
         Beck, soon put her in charge of the programme. [[Q@Lionel Beck:\"She sees what the rest \
         of us miss,\"]] he told a visiting committee.",
    );
}

#[test]
fn a_name_after_told_before_a_colon_is_the_audience() {
    check(
        "en",
        "Vera Holm waited ten years for her election. When it came, she told the Yorkshire Post: \
         [[Q@Vera Holm:\"I am glad, and I should be gladder if I were the last to wait.\"]]",
    );
}

#[test]
fn a_part_of_a_work_speaks_for_its_writer() {
    check(
        "en",
        "Vera Holm retired in 1950. Her last paper appeared in 1958. Its final sentence reads: \
         [[Q@Vera Holm:\"The figures are offered in the hope that someone will find them \
         wrong.\"]]",
    );
}

#[test]
fn a_role_word_with_nobody_near_names_nobody() {
    // A definite role word that matches nobody takes only a person within
    // the pronoun's reach, not whoever was named last, paragraphs back.
    check(
        "en",
        "Lena Berg: A neighbour, Sofia Dahl, found six nests on her own.\n\n\
         Wikinews: Where were the nests?\n\n\
         Lena Berg: Everywhere. One was in the tower of the church. The priest was not happy \
         at first. Then the bishop visited and said the birds were [[Q:\"a sign of a healthy \
         parish\"]], and now the priest shows them to tourists.",
    );
}

#[test]
fn an_unnamed_subject_after_and_stops_a_pronoun() {
    check(
        "en",
        "Wikinews correspondent Lena Hart met Rosa Quispe in Valparaíso.\n\n\
         Wikinews: Why a bus?\n\n\
         Rosa Quispe: The villages could not come to us. In 1996 the Ministry of Culture gave \
         us a small grant, and a man in Rancagua sold us his old school bus. When I asked him \
         why, he said, [[Q:\"My children learned to read on that bus.\"]]\n\n\
         Rosa Quispe told Wikinews the bus still runs.",
    );
}

#[test]
fn an_addressee_fronted_with_to_is_not_the_pronoun_s_antecedent() {
    check(
        "en",
        "Her catalogue was reviewed harshly by Gerald Pym. Vera Holm did not reply in print. To \
         her friend Dora Kemp she wrote: [[Q@Vera Holm:\"Mr. Pym has mistaken patience for \
         dullness.\"]]",
    );
}

#[test]
fn the_person_a_turn_is_labelled_with_is_not_the_topic_of_she() {
    // In Tomas Rolf's own answer, `she` is not Tomas Rolf however often
    // his label names him.
    check(
        "en",
        "Wikinews: How many hives?\n\n\
         Tomas Rolf: Forty.\n\n\
         Wikinews: Since when?\n\n\
         Tomas Rolf: Since 1990.\n\n\
         Wikinews: Alone?\n\n\
         Tomas Rolf: Yes.\n\n\
         Wikinews: Are the wild ones healthy?\n\n\
         Tomas Rolf: Healthier than mine. Dr. Ewa Nowak at the University of Gdansk is looking \
         at why. She thinks the small nests are the reason. [[Q@Ewa Nowak:\"A small colony \
         swarms often, and every swarm leaves the mites behind,\"]] she wrote in her report.",
    );
}

#[test]
fn the_narrator_s_unnamed_relative_speaks_for_nobody() {
    check(
        "en",
        "Wikinews: What do you tell them?\n\n\
         Tomas Rolf: I tell them what my father told me: [[Q:\"The wild bees were here first, \
         and they are healthier than yours.\"]]",
    );
}

#[test]
fn it_after_a_sentence_about_a_letter_is_the_letter() {
    // `It said` about a letter nobody names is nobody's words, and it does
    // not stop the later `she`.
    check(
        "en",
        "The Royal Society refused Vera Holm in 1915. She kept the letter of refusal above her \
         desk. It said only that the Council [[Q:\"did not see its way to accepting the \
         nomination\"]]. When she was finally elected, she told a reporter, [[Q@Vera Holm:\"I am \
         glad to be a Fellow at last.\"]]",
    );
}

#[test]
fn a_message_that_said_speaks_for_its_sender() {
    check(
        "en",
        "Ruth Calder: One of my students, Jonas Pichler, went up first and sent me a photograph \
         with a message that said only [[Q@Jonas Pichler:\"They are all lying down.\"]]",
    );
    check(
        "en",
        "Ruth Calder: I sent him a note that read [[Q@Ruth Calder:\"Come down before dark.\"]]",
    );
}

#[test]
fn a_role_of_two_words_set_off_before_a_name_names_it() {
    // `The chief executive, Ms. Gráinne Walsh,` names Walsh, so `She`
    // does not walk on past her to the minister named in the question.
    check(
        "en",
        "Wikinews: The minister, Mary Quinn, says automation saves money.\n\n\
         Moss: I accept the arithmetic. The chief executive, Ms. Gráinne Walsh, came out in the \
         summer to tell me herself. She said, [[Q@Gráinne Walsh:\"You are the end of something, \
         and we know it.\"]]",
    );
}

#[test]
fn an_unnamed_subject_after_an_opening_adverb_stops_a_pronoun() {
    check(
        "en",
        "Nino Beridze: At first Levan Kapanadze paid from his own pocket. Then a businessman from \
         Batumi heard us play at a wedding. He came up afterwards and asked, [[Q:\"How much do you \
         need?\"]]",
    );
}

#[test]
fn only_may_stand_between_a_verb_of_saying_and_a_short_quotation() {
    check(
        "en",
        "Giorgi Maisuradze came to find me backstage. He said only, [[Q@Giorgi Maisuradze:\"It \
         is fixed.\"]]",
    );
}

#[test]
fn a_note_left_by_someone_s_will_is_theirs() {
    check(
        "en",
        "Ingrid Sauer died in Montreal in 2004. Her will left her papers to McGill with a short \
         note. It read: [[Q@Ingrid Sauer:\"Most of this is wrong. The rest is useful.\"]]",
    );
}

#[test]
fn is_said_to_have_before_a_verb_of_saying_keeps_its_subject() {
    check(
        "en",
        "His father wished him to become a clockmaker, and the young Anton Keel is reported to \
         have told him that he would [[Q@Anton Keel:\"rather measure time in the heavens than \
         sell it in the street\"]].",
    );
}

#[test]
fn a_passive_s_agent_may_follow_a_role_and_an_origin() {
    check(
        "en",
        "Anton Keel studied at the University of Basel. His book on comets appeared in 1769. It \
         was described by the French astronomer Jules Marceau as [[Q@Jules Marceau:\"the most \
         useful book on comets since Newton\"]].",
    );
}

#[test]
fn a_name_before_a_parenthetical_verb_is_not_its_pronoun() {
    // `Keel, he wrote, “…”`: the words are about Keel, and `he` is the
    // visitor named in the sentence before.
    check(
        "en",
        "Anton Keel returned to Basel in 1779. His pupil Heinrich Moser, who visited him there, \
         left an account of the old man at work. Keel, he wrote, [[Q@Heinrich Moser:\"still \
         rose at four to observe\"]].",
    );
}

#[test]
fn you_in_a_question_is_whoever_answers_it() {
    check(
        "en",
        "Wikinews: In 2023 you said the ban would [[Q@Kadri Rebane:\"give the town back to the \
         people who walk in it\"]]. Has it?\n\n\
         Kadri Rebane: I think so.",
    );
}

#[test]
fn the_interviewer_is_never_whom_a_pronoun_means() {
    // The name whose turns ask questions is the interviewer; however
    // often it is named (`she told Wikinews`), `she` is someone else.
    check(
        "en",
        "Wikinews spoke to Kadri Rebane. [[Q@Kadri Rebane:\"Four cafés opened last year,\"]] \
         she told Wikinews.\n\n\
         Wikinews: What do the traders say?\n\n\
         Kadri Rebane: The baker, Aino Kask, fought the plan. She told Wikinews she was against \
         it. Last month she asked us to extend the ban. She said, [[Q@Aino Kask:\"My customers \
         stopped being in a hurry.\"]]\n\n\
         Wikinews: Thank you?",
    );
}

#[test]
fn an_object_pronoun_after_the_verb_is_not_the_speaker() {
    // `described her as` speaks of her; the report's writer is nobody
    // named. (A possessive `her` before a noun still leads to the name:
    // `according to her colleague Ingrid Berg`.)
    check(
        "en",
        "Her father, Axel Berg, taught geology. At school she was an indifferent pupil. One \
         teacher's report, which she kept, described her as [[Q:\"intelligent but frequently \
         absent in spirit and sometimes in body\"]]. She was, according to her colleague Ingrid \
         Holm, [[Q@Ingrid Holm:\"a demanding teacher who could not stand a lazy argument\"]].",
    );
}

#[test]
fn i_in_an_interview_without_turn_labels_is_the_person_interviewed() {
    // GUM gives Wikinews interviews with their questions and answers run
    // into one paragraph: `I` is whom Wikinews spoke to, and a `he` after
    // the narrator's words is someone else (here unnamed).
    check(
        "en",
        "Wikinews interviews conductor of a prison choir\n\n\
         Thursday, June 11, 2026 The choir was founded by Aroha Ngata. Wikinews spoke to Ngata \
         about the concert. How did the choir begin? Eleven men turned up. At the end one of \
         them, a man who had been inside for nine years, asked me when I was coming back. I \
         said, [[Q@Aroha Ngata:\"Next week, if you want.\"]] He said, [[Q:\"We want.\"]] That \
         was five years ago.",
    );
    // (Not in a text that is no interview.)
    check(
        "en",
        "Prison choir sings in public\n\n\
         Aroha Ngata spoke to the choir before the concert. I said, [[Q:\"Next week, if you \
         want.\"]]",
    );
}

#[test]
fn a_person_after_an_organisation_s_title_joined_by_and_speaks() {
    check(
        "en",
        "Corrections Department regional commissioner Paul Tane attended the concert and \
         described it as [[Q@Paul Tane:\"one of the most hopeful evenings of my career\"]].",
    );
}

#[test]
fn a_prepositional_phrase_with_an_indefinite_does_not_stop_a_pronoun() {
    // `As a young man` is about him; only an opening adverb (`Then a
    // businessman …`) lets an indefinite bring in someone new.
    check(
        "en",
        "Robert Gordon was born in Aberdeen. As a young man he wrote to his mother: [[Q@Robert \
         Gordon:\"The city is loud and I am happy in it, which I did not expect.\"]]",
    );
}

#[test]
fn a_bare_quotation_opening_a_paragraph_looks_through_the_paragraph_before() {
    check(
        "en",
        "Marc Thill chairs the growers' cooperative in Luxembourg. He said most members had lost \
         a fifth of their buds. The cooperative will meet on Friday.\n\n\
         [[Q@Marc Thill:\"We were lucky with the wind. It kept the cold air moving on our \
         side.\"]]",
    );
}

#[test]
fn a_relative_whose_before_a_colon_names_the_speaker() {
    check(
        "en",
        "Ruth Hale was born in 1901. Her first exhibition was reviewed by the critic John \
         Berwick, whose verdict was harsh: [[Q@John Berwick:\"Miss Hale paints like a woman in a \
         hurry to be somewhere else.\"]]",
    );
}

#[test]
fn the_person_who_spoke_to_the_publication_is_the_one_interviewed() {
    check(
        "en",
        "Wikinews interviews the baker who fed a town during a flood\n\n\
         Monday, February 16, 2026 Margaret Dyson kept her bakery open. Dyson, 67, spoke to \
         Wikinews from the bakery. How did it start? The power went off at ten. I said, \
         [[Q@Margaret Dyson:\"People will want bread in the morning.\"]]",
    );
}

#[test]
fn quoted_as_saying_is_the_quoted_persons() {
    // The object of `quoted … as saying` speaks, not the paper.
    check(
        "en",
        "Anna Berg ran the clinic for years. The Daily Post quoted her as saying, \
         [[Q@Anna Berg:\"We will stay open all winter.\"]]",
    );
    check(
        "en",
        "The club lost its ground in March. The paper quoted the club's treasurer, Tom Hale, as \
         saying on Monday that the club had [[Q@Tom Hale:\"paid every bill it was ever sent\"]].",
    );
    check(
        "en",
        "A local paper quoted his sister as saying she would \
         [[Q:\"believe it when she sees him.\"]]",
    );
    // The passive: its subject.
    check(
        "en",
        "The team was sold in June. The former coach, Mark Ellis, who left in May, was quoted as \
         saying that the team had [[Q@Mark Ellis:\"forgotten how to lose gracefully\"]].",
    );
}

#[test]
fn in_someones_words_is_theirs() {
    check(
        "en",
        "Her editor, Paul Kemp, admired her. In Kemp's words, she \
         [[Q@Paul Kemp:\"wrote faster than anyone could read\"]].",
    );
    check(
        "en",
        "Lena Holm went to Nepal. Jonas Berg stayed at home. He was, in his own words, \
         [[Q@Jonas Berg:\"the one who waits, which is harder than it sounds\"]].",
    );
}

#[test]
fn a_possessed_reply_is_the_possessors() {
    // Not the aside's `Holm remembers`: the farmer's, who is not named.
    check(
        "en",
        "Lena Holm and Karl Berg walked to Rome. A farmer let them sleep in his barn. His reply, \
         Holm remembers, was [[Q:\"You need it more than I do.\"]]",
    );
    check(
        "en",
        "Lena Holm retired in 1990. Asked whether she missed the stage, her answer was brief: \
         [[Q@Lena Holm:\"Every night. But the stage does not miss me.\"]]",
    );
}

#[test]
fn a_name_after_calls_and_a_possessive_is_a_term() {
    check(
        "en",
        "The company's rules, which it calls its \"Safe Passage Code,\" say that a ship keeps \
         its course.",
    );
}

#[test]
fn a_relative_word_marks_the_gender_across_a_role_phrase() {
    // `his wife, the textile designer Margit Holm`: she is a woman (the
    // `He` after the sentence naming only her is someone else), so `She`
    // is not the engineer quoted before her.
    check(
        "en",
        "Karl Holm was born in Zwolle. He left school at fourteen. One of his teachers, the \
         engineer Jan Berg, wrote that the boy was [[Q@Jan Berg:\"gifted, stubborn and \
         uninterested in straight lines\"]]. Holm left for Canada in 1938 with his wife, the \
         textile designer Margit Holm. She later wrote that the crossing had been \
         [[Q@Margit Holm:\"eleven days of rain and one day of Halifax\"]]. Margit Holm died in \
         1979. He closed the office soon afterwards.",
    );
}

#[test]
fn a_verb_after_a_comma_and_and_shares_the_clauses_subject() {
    check(
        "en",
        "Lena Holm retired in 1990. She sold the farm soon afterwards, and told a visiting \
         student from Oslo, [[Q@Lena Holm:\"I farmed for him. Now there is nobody to farm \
         for.\"]]",
    );
}

#[test]
fn a_word_before_a_role_and_a_name_is_not_the_antecedent() {
    // The entity rules take `Welsh` for a name; the person is the one
    // after the role.
    check(
        "en",
        "Relatives waited in the hall. The former Welsh economy minister Rhodri Price, whose \
         father worked at the mine, visited the hall on Friday. [[Q@Rhodri Price:\"This valley \
         has buried enough of its men,\"]] he told the BBC.",
    );
}

#[test]
fn an_indefinite_subject_after_a_fronted_place_stops_a_pronoun() {
    // `In a village near Poitiers a farmer …`: `he` and `his` are the
    // farmer, whom nobody names.
    check(
        "en",
        "Lena Holm and Karl Berg walked to Rome. In a village near Poitiers a farmer let them \
         sleep in his barn. [[Q:\"You need it more than I do,\"]] he said.",
    );
    check(
        "en",
        "Lena Holm and Karl Berg walked to Rome. In a village near Poitiers a farmer let them \
         sleep in his barn. His reply, Holm remembers, was [[Q:\"You need it more than I do.\"]]",
    );
}

#[test]
fn a_name_given_just_after_unattributed_words_is_the_speakers() {
    check(
        "en",
        "We stopped at a farm in the rain. One woman came to the door. When I told her why, she \
         said, [[Q@Anna Berg:\"Then come in and get warm.\"]] I learned later that her name was \
         Anna Berg.",
    );
}

#[test]
fn a_role_named_right_after_unattributed_words_is_the_speakers() {
    // `a superintendent` … `The superintendent, Carys Hopkin,`: the same
    // person, named in the sentence after her words.
    check(
        "en",
        "The rescue was led by a woman from Dinas. The woman, a superintendent at the rescue \
         station, has worked underground for twenty years. Speaking to reporters, she said the \
         last metre had been the hardest: [[Q@Carys Hopkin:\"We could hear them singing. We \
         could not reach them for hours.\"]] The superintendent, Carys Hopkin, said her team \
         would stay on site.",
    );
    // Someone else's role is someone else.
    check(
        "en",
        "A doctor came out at noon. She said: [[Q:\"They are tired and hungry, but they will \
         all be fine.\"]] The mayor, Anna Berg, thanked the rescuers.",
    );
}

#[test]
fn a_surname_alone_is_the_texts_subject_after_a_namesake() {
    // The father shares the painter's surname; `Verhoeven` alone is still
    // the painter the text is about.
    check(
        "en",
        "Margriet Verhoeven (1921 – 1999) was a Dutch painter. She was the daughter of a ship's \
         carpenter, Anton Verhoeven, and a seamstress. A critic quoted Verhoeven as saying that \
         she had [[Q@Margriet Verhoeven:\"cut them fast, before I could think about any of \
         them.\"]]",
    );
}

#[test]
fn a_name_with_the_topics_pronoun_as_object_is_passed_by_a_pronoun_chain() {
    // `described him`: Lockwood speaks about the footballer, whom the `He`
    // subjects after continue; `he wrote` is the footballer.
    check(
        "en",
        "Kwabena Mensah-Atkins (born 1958) is a former footballer who played for Bristol Rovers. \
         Mensah-Atkins made his debut for Rovers at seventeen. His manager, Harry Lockwood, \
         described him as [[Q@Harry Lockwood:\"the calmest player I ever had, and the only one \
         who ever told me I was wrong.\"]] He endured racist abuse in the late 1970s. In his \
         autobiography he recalled an away match. [[Q@Kwabena Mensah-Atkins:\"I picked one up, \
         peeled it and ate it. That was my answer,\"]] he wrote.",
    );
}

#[test]
fn a_quotation_carrying_on_the_sentence_of_the_one_before_shares_its_speaker() {
    check(
        "en",
        "Its chief executive, Dr. Alan Whitford, wrote in a memo to staff that he \
         [[Q@Alan Whitford:\"respects the right of every nurse to take this decision\"]] and \
         asked managers to avoid [[Q@Alan Whitford:\"anything that could be seen as \
         pressure.\"]]",
    );
    check(
        "en",
        "Daniel Osei, asked about the interview, said that he had [[Q@Daniel Osei:\"enormous \
         respect for her as a teacher,\"]] but that the city needed [[Q@Daniel Osei:\"someone \
         who knows how the council actually works.\"]]",
    );
    // Someone new between: not the first speaker's.
    check(
        "en",
        "Daniel Osei said that the plan was [[Q@Daniel Osei:\"a disaster for the city\"]] but \
         a spokesman said that it was [[Q:\"the only plan anyone has put forward.\"]]",
    );
}

#[test]
fn an_unnamed_spokesperson_for_a_nominal_or_a_long_name_names_nobody() {
    // `the regulator` is the Charity Commission, but its spokesperson is
    // unnamed.
    check(
        "en",
        "The Charity Commission said it would publish its report later this year. A \
         spokesperson for the regulator said the case showed [[Q:\"why no single person should \
         control a charity's finances.\"]]",
    );
    // The last part of a name joined by `and` is still inside the
    // of-phrase.
    check(
        "en",
        "A spokesman for the Department for Environment, Food and Rural Affairs said ministers \
         were [[Q:\"monitoring the situation closely\"]] and that funding was available.",
    );
    // A named official at the regulator is still named.
    check(
        "en",
        "The Charity Commission said it would publish its report. Its director, Anna Berg, said \
         the case showed [[Q@Anna Berg:\"why no single person should control a charity's \
         finances.\"]]",
    );
}

#[test]
fn a_participle_shares_a_pronoun_subject_opening_its_sentence() {
    // The clause before `saying` has `it` as a later subject; the
    // participle's subject is the `She` that opens the sentence.
    check(
        "en",
        "Margriet Verhoeven was a Dutch painter. She refused the title of professor when it was \
         offered in 1975, saying that she was [[Q@Margriet Verhoeven:\"a painter who teaches, \
         not a teacher who paints.\"]]",
    );
}

#[test]
fn a_verb_after_comma_and_shares_the_subject_opening_a_sentence_with_asides() {
    // `p.m.,` ends an abbreviation, not the sentence; the commas of the
    // asides do not hide the subject.
    check(
        "en",
        "The Environment Agency issued a severe flood warning, its highest level, shortly after \
         9 p.m., and said in a statement that the river had reached [[Q@Environment Agency:\"a \
         level not recorded since gauges were installed in 1968\"]].",
    );
    // A definite role noun opening the sentence names whoever holds it,
    // also behind a title (`Dr.`).
    check(
        "en",
        "The area manager, Dr. Fiona Harcourt, defended the scheme. The area manager accepted, \
         however, that the lower town had been left out, and said the agency would \
         [[Q@Fiona Harcourt:\"look again, and look seriously,\"]] at extending it.",
    );
}

#[test]
fn the_statement_said_points_to_the_subject_after_a_fronted_statement() {
    check(
        "en",
        "In a victim impact statement read to the court, the charity's chief executive, \
         Bernadette Okoro, said the fraud had forced the trust to close two clubs. \
         [[Q@Bernadette Okoro:\"Those are not numbers. They are children,\"]] the statement \
         said.",
    );
}

#[test]
fn its_officials_and_a_they_after_them_are_the_organisation() {
    check(
        "en",
        "The National Union of Mineworkers called for a public inquiry. In a statement its South \
         Wales officials said the mine was [[Q@National Union of Mineworkers:\"a family business \
         with a family's budget for safety\"]]. They added: [[Q@National Union of \
         Mineworkers:\"The miners chose this pit. They should be asked what it needs.\"]]",
    );
    // One unnamed spokesman is still nobody named; `they` after people's
    // words is nobody in particular.
    check(
        "en",
        "The union called for an inquiry. A spokesman for the union said the mine was \
         [[Q:\"a family business with a family's budget for safety\"]]. Two sisters of a miner \
         waited in the hall. [[Q:\"We kept the kettle on for three days,\"]] they said.",
    );
}

#[test]
fn an_indefinite_everyday_person_noun_stops_a_pronoun() {
    // `A dealer` is not in the cue lexicon's person nouns; he is still
    // someone new and unnamed for `He said`.
    check(
        "en",
        "Wikinews: Ilze Kalniņa chose your violin. Were you surprised?\n\nTeodor Halloran: \
         Very.\n\nWikinews: Why won't you sell to collectors?\n\nTeodor Halloran: A violin in a \
         glass case is a coffin. A dealer from Geneva offered me a great deal of money, and I \
         asked him who would play them. He said, [[Q:\"Nobody, that's the point.\"]] So I said \
         no.",
    );
}

#[test]
fn a_person_called_by_name_is_named() {
    // `a man called Seamus Twomey` brings in someone named: `he` is him.
    check(
        "en",
        "Teodor Halloran: I was nineteen. My landlady's brother, a man called Seamus Twomey, \
         repaired fiddles in his kitchen, and I used to sit and watch him. One evening he handed \
         me a gouge and said, [[Q@Seamus Twomey:\"You've been looking long enough. Now do \
         it.\"]]",
    );
}

#[test]
fn called_before_the_marks_wins_over_a_later_clauses_verb_of_saying() {
    check(
        "en",
        "Margriet Verhoeven (1921 – 1999) was a Dutch painter. The art historian Lotte Brinkman \
         has called them [[Q@Lotte Brinkman:\"the most important Dutch prints of the post-war \
         period\"]], and in her 1992 study of the artist she quoted Verhoeven as saying that she \
         had [[Q@Verhoeven:\"cut them fast, before I could think about any of them.\"]]",
    );
}

#[test]
fn words_quoted_as_an_accusation_are_the_accusers() {
    check(
        "en",
        "Opposition health critic Sandra Byrne accused the government of [[Q@Sandra \
         Byrne:\"running the hospitals on the goodwill of exhausted people.\"]]",
    );
    // A single word is a term.
    check("en", "Sandra Byrne accused the minister of \"cowardice\" on Monday.");
}

#[test]
fn a_fragment_ending_in_a_comma_after_a_set_off_subjects_verb_is_theirs() {
    // `and said` shares the subject set off by commas before the clause;
    // the comma inside the marks ends the governed words.
    check(
        "en",
        "Their managing director, Neil Saunders, stood up at a public meeting and said the \
         routes were [[Q@Neil Saunders:\"not commercially viable,\"]] and a woman at the back \
         shouted, [[Q:\"Neither am I, and I still need to get to the hospital.\"]]",
    );
}

#[test]
fn a_sentence_announcing_the_next_quotation_is_not_the_cue_of_the_one_before() {
    check(
        "en",
        "Kwabena Mensah-Atkins was appointed manager of Ghana in 2006. The Daily Graphic asked in \
         an editorial whether Ghana needed [[Q@Daily Graphic:\"a coach from Kumasi or a coach \
         from Bristol.\"]] He responded at his first news conference in Accra: \
         [[Q@Kwabena Mensah-Atkins:\"Both. You are getting both.\"]]",
    );
}

/// A short quotation whose comma hands it to a cue a few words after it
/// is speech, whatever subject stands between (a title, a noun with a
/// prepositional phrase, an appositive set off by commas); not over a
/// conjunction, which opens a clause with a speaker of its own.
#[test]
fn a_short_quotation_handed_to_a_cue_by_its_comma_is_speech() {
    check("en", "[[Q@Okafor:“I’m thrilled,”]] Ms. Okafor said.");
    check(
        "en",
        "Tesla shares fell 5%. [[Q@Morgan Stanley:“Demand is weak,”]] analysts at Morgan \
         Stanley wrote in a note.",
    );
    check(
        "en",
        "Their director, Neil Saunders, said the routes were [[Q@Neil Saunders:\"not \
         commercially viable,\"]] and a woman at the back shouted, [[Q:\"Neither am I.\"]]",
    );
    check("en", "[[Q@Karen:“We’ll rebuild,”]] his wife, Karen, added.");
}

/// After a verb of saying, a name before a capitalised title and another
/// name only qualifies the title: the name after the title speaks.
#[test]
fn a_name_before_a_capitalised_title_gives_way_to_the_holder() {
    check(
        "en",
        "[[Q@John Healey:“There will be consequences,”]] warned Defence Secretary John Healey.",
    );
    check("en", "[[Q@Jerome Powell:\"It's a difficult time,\"]] admitted Fed Chair Jerome Powell.");
}

/// A name in a phrase that opens the sentence and that a comma closes
/// (`Speaking to the BBC,`, `In a letter to Microsoft,`) is not the
/// nominal subject after it, whether as an appositive, as the holder of
/// its title or as the antecedent it points back to; a sentence that
/// opens with the name may still mean it.
#[test]
fn a_name_in_a_fronted_phrase_is_not_the_nominal_subject_after_it() {
    check("en", "Speaking to the BBC, the minister said: [[Q:“We will not back down.”]]");
    check("en", "In a letter to Microsoft, the regulator said: [[Q:“We have serious concerns.”]]");
    check(
        "en",
        "Speaking after talks with Emmanuel Macron, the chancellor said: [[Q:“We agree on \
         everything.”]]",
    );
    check(
        "en",
        "Justice Minister Anna Berg arrived in Oslo on Monday, and the minister said: \
         [[Q@Anna Berg:“We will act.”]]",
    );
}

/// The short rest of a quotation interrupted by its attribution (the
/// first part ending with a comma inside its marks, the attribution
/// closed by a comma) is speech, its speaker the first part's, however
/// long the attribution's audience and place.
#[test]
fn the_short_rest_of_an_interrupted_quotation_is_speech() {
    check(
        "en",
        "[[Q@Obama:“Thank you,”]] Obama told the crowd in Chicago, \
         [[Q@Obama:“for everything.”]]",
    );
    check(
        "en",
        "[[Q@Maria Lopez:\"We tried,\"]] Maria Lopez told reporters outside the court on \
         Monday, [[Q@Maria Lopez:\"and we failed.\"]]",
    );
}

/// A name after a verb of saying, in the clause that a colon ends before
/// the quotation, is whom the speaker talked to or with, not the speaker.
#[test]
fn a_name_after_a_verb_of_saying_before_a_colon_is_not_the_speaker() {
    check(
        "en",
        "Scholz said in an interview with the Financial Times: [[Q@Scholz:“Germany will not \
         send troops.”]]",
    );
    check(
        "en",
        "Scholz told reporters after meeting Emmanuel Macron: [[Q@Scholz:“Germany will not \
         send troops.”]]",
    );
    check("en", "At the rally, said Jane Smith: [[Q@Jane Smith:“We will win.”]]");
}

/// The subject a short quotation's comma hands it over to may hold a
/// curly possessive apostrophe, and an appositive set off by commas with
/// a person's name on one side of it does not count against its few
/// words.
#[test]
fn a_short_quotation_handed_over_a_long_subject_with_a_name_is_speech() {
    check("en", "[[Q:“Not guilty,”]] the jury’s foreman said.");
    check(
        "en",
        "[[Q@Abbas Araghchi:“We will respond,”]] the Iranian foreign minister, Abbas Araghchi, \
         said in a post on X.",
    );
    check(
        "en",
        "[[Q@Linda Scott:“We were shocked,”]] the victim’s mother, Linda Scott, told NBC News. \
         [[Q@Linda Scott:“He was a good boy.”]]",
    );
    check(
        "en",
        "[[Q@Robert Lee:“Fire is spreading,”]] Robert Lee, the fire chief, said, \
         [[Q@Robert Lee:“and the wind made it worse.”]]",
    );
}

/// A short sentence quoted right after a quotation and its attribution
/// carries it on, also after a long attribution with a verb of saying.
#[test]
fn a_short_sentence_after_a_long_attribution_carries_the_quotation_on() {
    check(
        "en",
        "[[Q@Fatima Bello:“People are scared,”]] said Fatima Bello, 41, a market trader in \
         Kano. [[Q@Fatima Bello:“Prices have doubled.”]]",
    );
}

/// A fragment of two or three words closing a clause that `bahwa`/`that`
/// opens after a named speaker's verb of saying is a quotation; a term
/// in such a clause that the sentence goes on after is not.
#[test]
fn a_short_fragment_closing_a_reported_clause_is_a_quotation() {
    check(
        "id",
        "Rolliansyah menyampaikan bahwa pemerintah [[Q@Rolliansyah:\"terus memantau situasi\"]].",
    );
    check(
        "en",
        "Rutte said that the allies [[Q@Rutte:“stand together”]]. Rutte said that the \"reset\" \
         failed.",
    );
}

/// In English, the clause a short fragment closes may also follow a
/// participle's `that`, a statement noun's after the verb, or `told` and
/// its audience; a term in such a clause that the sentence goes on after
/// stays a term.
#[test]
fn a_short_fragment_closing_a_clause_after_a_participle_or_a_statement_is_a_quotation() {
    check(
        "en",
        "[[Q@Smith:“It was a mistake,”]] Smith said Monday, adding that he would \
         [[Q@Smith:“take full responsibility.”]]",
    );
    check("en", "Hamas said in a statement that Israel [[Q@Hamas:“bears full responsibility.”]]");
    check(
        "en",
        "Raila Odinga rejected the argument. He told supporters in Kisumu that the law would \
         [[Q@Raila Odinga:\"punish the poor.\"]]",
    );
    check("en", "Hamas said in a statement that the “green deal” was dead.");
}

/// A dash and a person's name after the closing mark attribute the words,
/// with a title before the name or an appositive after it, whether or not
/// the words end with a sentence mark.
#[test]
fn a_dash_and_a_name_attribute_a_quotation() {
    check("en", "[[Q@Diane Abbott:“This is a scandal”]] – Labour MP Diane Abbott.");
    check("en", "[[Q@Diane Abbott:“This is a scandal”]] – Diane Abbott, Labour MP.");
    check("id", "[[Q@Sjafrie Sjamsoeddin:“Kami siap”]] – Menteri Pertahanan Sjafrie Sjamsoeddin.");
}

/// A run of Japanese, Chinese or Korean script counts a word for every two
/// characters: a quoted Japanese sentence is speech, not a term, and a
/// quoted word of one or two characters stays a term.
#[test]
fn a_quoted_japanese_sentence_is_not_a_term() {
    check("en", "She wrote: [[Q:「私たちは負けない」]] in her diary.");
    check("en", "The idea of 「和」 runs through the book.");
}

/// After a subject of its own, `told` takes its audience as object: the
/// news agency after it is not the speaker.
#[test]
fn the_audience_of_told_is_not_the_speaker() {
    check("en", "[[Q:“The water is rising,”]] a local official told AFP.");
    check("en", "[[Q:“The water is rising,”]] residents told AFP news agency.");
    check("en", "[[Q@Jones:“The water is rising,”]] Jones told AFP.");
    check("en", "[[Q@Jones:“The water is rising,”]] told Jones, a local farmer.");
}

/// A name set off by commas after a word for a person (`His lawyer, Sofia
/// Marin, said`) is the person a pronoun after the next quotation means,
/// not the person named before it.
#[test]
fn a_name_set_off_after_a_word_for_a_person_is_the_speaker() {
    check(
        "en",
        "Police arrested Daniel Reyes, 29, after the raid. His lawyer, Sofia Marin, said the \
         charges were baseless. [[Q@Sofia Marin:\"My client was at home all night,\"]] she said.",
    );
}

#[test]
fn the_topic_a_pronoun_continues_agrees_with_its_gender() {
    // Amara Osei-Bonsu is named most, but the text marks her as a woman
    // (`girl`, `she`, `Ms.`): the `he` after `He said he had no idea` is
    // her brother.
    check(
        "en",
        "Ms. Amara Osei-Bonsu, 16, won the national chess championship. Osei-Bonsu learned from \
         a book. Osei-Bonsu said she read it every night. Osei-Bonsu's brother, Kofi, now studies \
         engineering in Accra. He said he had no idea the book would matter. \
         [[Q@Kofi:\"I left it because it was heavy,\"]] he said.",
    );
}

/// A short fragment that completes a verb of saying's object (`menilai
/// langkah itu “…”`), or a copula's complement followed by a new clause
/// (`was “…” and vowed`), is the named speaker's; a naming verb's object
/// (`called the plan “…”`) stays a term.
#[test]
fn a_fragment_completing_a_verbs_object_or_a_complement_is_a_quotation() {
    check(
        "id",
        "Pengamat politik dari Universitas Indonesia, Aditya Perdana, menilai langkah itu \
         [[Q@Aditya Perdana:“terlalu terburu-buru”]].",
    );
    check(
        "en",
        "Johnson said the decision was [[Q@Johnson:\"deeply disappointing\"]] and vowed to \
         appeal.",
    );
    check("en", "Critics called the plan \"deeply flawed\".");
    check("en", "The so-called \"reset\" and the talks that followed went nowhere.");
}

/// A sentence that sums a quotation up with a passive verb of saying
/// (`Hal itu disampaikan …`) attributes it, to the person of a title that
/// holds an organisation (`Ketua Umum Partai Golkar Bahlil Lahadalia`),
/// and a name standing after a title right after such a verb is a person
/// even where the learned tagger reads none.
#[test]
fn a_passive_summing_up_attributes_the_quotation_before() {
    check(
        "id",
        "Presiden Prabowo Subianto hadir di acara itu. [[Q@Sugiono:\"Kami tidak akan mundur.\"]] \
         Hal tersebut disampaikan Menteri Luar Negeri Sugiono di Jakarta.",
    );
    check(
        "id",
        "[[Q@Bahlil Lahadalia:\"Kami sudah bekerja keras.\"]] Hal itu diungkapkan oleh Ketua Umum \
         Partai Golkar Bahlil Lahadalia.",
    );
}

/// A title standing for the speaker (`the minister said`, `kata menteri
/// itu`) is someone who holds it, not the last person named when the text
/// gave that person another role; with nobody holding it, nobody.
#[test]
fn a_title_is_not_someone_the_text_gave_another_role() {
    check(
        "en",
        "[[Q@Anna Berg:\"We need more money for schools,\"]] said Anna Berg, a teacher in Oslo. \
         The government disagreed. [[Q:\"The budget is already stretched,\"]] the minister said.",
    );
    check(
        "id",
        "[[Q@Budi Santoso:\"Pembangunan harus dipercepat,\"]] kata Budi Santoso, warga setempat. \
         [[Q:\"Anggaran sudah terbatas,\"]] kata menteri itu.",
    );
    check(
        "en",
        "Foreign Minister Penny Wong met her Chinese counterpart on Monday. [[Q@Penny Wong:\"We \
         had a frank discussion,\"]] the minister said.",
    );
}

/// A headline's quotation after its speaker's name and a colon (`Menko
/// Polkam Budi Gunawan: 'Situasi Keamanan Terkendali'`) is theirs, though
/// its words are capitalised and end with no sentence mark; a colon after
/// a name inside a sentence still needs words that read as speech.
#[test]
fn a_headline_quotation_after_a_name_and_a_colon_is_speech() {
    check(
        "id",
        "Menko Polkam Budi Gunawan: [[Q@Budi Gunawan:'Situasi Keamanan Terkendali']]\n\n\
         JAKARTA - Budi Gunawan memastikan situasi keamanan terkendali.",
    );
    check(
        "en",
        "Starmer: [[Q@Starmer:\"We Will Not Back Down\"]]\n\n\
         LONDON - Keir Starmer told MPs on Wednesday that Britain would stand firm.",
    );
    check(
        "en",
        "The talks went on all night. Then the chair, Keir Starmer: \"Budget Review\" was the \
         item left.",
    );
}
