//! The evaluation core (`sorot::core::eval`): the gold readers on small
//! hand-made files in `tests/fixtures/eval/`, the scoring on fabricated
//! predictions, and loading every gold file of the shared data.
//!
//! Scoring tests write gold and predictions as inline markup over the same
//! text, `[[PERSON:Joko Widodo]] tiba di [[LOC:Jakarta]]`, so each test
//! reads like the case it pins.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sorot::core::eval::{
    map_label, mismatches, read_conll, read_gold, read_json, speaker_matches, Counts, Entity, Gold,
    GoldDoc, GoldError, GoldFormat, Mismatch, Prediction, Quote, Scorer,
};
use sorot::core::model::{AnnotatedDocument, Annotation, Document};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(name: &str) -> Gold {
    read_gold(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The entities of a document as `LABEL:text` strings, in order.
fn shown(doc: &GoldDoc) -> Vec<String> {
    let chars: Vec<char> = doc.text.chars().collect();
    doc.entities
        .iter()
        .map(|e| format!("{}:{}", e.label, chars[e.start..e.end].iter().collect::<String>()))
        .collect()
}

/// Reads inline markup: `[[LABEL:text]]` marks an entity, `[[QUOTE:text]]`
/// or `[[QUOTE>speaker:text]]` a quotation. Returns the plain text, the
/// entities and the quotations, in code points.
fn marked(markup: &str) -> (String, Vec<Entity>, Vec<Quote>) {
    let (mut text, mut entities, mut quotes) = (String::new(), Vec::new(), Vec::new());
    let mut rest = markup;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let inner = &rest[open + 2..];
        let close = inner.find("]]").expect("closing ]]");
        let (head, body) = inner[..close].split_once(':').expect("LABEL:text");
        let start = text.chars().count();
        text.push_str(body);
        let end = text.chars().count();
        match head.split_once('>') {
            Some(("QUOTE", speaker)) => {
                quotes.push(Quote { start, end, speaker: Some(speaker.to_string()) })
            }
            _ if head == "QUOTE" => quotes.push(Quote { start, end, speaker: None }),
            _ => entities.push(Entity {
                label: map_label(head).unwrap_or_else(|| panic!("label {head}")),
                start,
                end,
            }),
        }
        rest = &inner[close + 2..];
    }
    text.push_str(rest);
    (text, entities, quotes)
}

/// Scores predicted markup against gold markup (same text) on `labels`;
/// quotations are scored when the gold markup has any.
fn score(labels: &[&'static str], gold: &str, predicted: &str) -> Scorer {
    let (text, entities, quotes) = marked(gold);
    let (ptext, pentities, pquotes) = marked(predicted);
    assert_eq!(text, ptext, "gold and prediction must mark up the same text");
    let quotes = (!quotes.is_empty()).then_some(quotes);
    let gold = GoldDoc { id: None, text, entities, quotes };
    let mut scorer = Scorer::new(labels);
    scorer.add(&gold, &Prediction { entities: pentities, quotes: pquotes });
    scorer
}

fn counts(gold: usize, predicted: usize, correct: usize) -> Counts {
    Counts { gold, predicted, correct }
}

const ALL: [&str; 4] = ["PERSON", "ORG", "LOC", "DATE"];

// ---------------------------------------------------------------- CoNLL

#[test]
fn iob2_with_crlf_docstart_and_three_columns() {
    let gold = load("iob2_crlf.txt");
    assert_eq!(gold.format, GoldFormat::Conll);
    assert_eq!(gold.docs.len(), 2, "-DOCSTART- separates documents");
    assert_eq!(gold.tokens, 19);
    assert_eq!(
        gold.docs[0].text,
        "Presiden Joko Widodo tiba di Jakarta .\nBank Indonesia menonton Piala Dunia ."
    );
    assert!(!gold.docs[0].text.contains('\r'));
    assert_eq!(shown(&gold.docs[0]), ["PERSON:Joko Widodo", "LOC:Jakarta", "ORG:Bank Indonesia"]);
    assert_eq!(gold.docs[1].text, "Menurut Retno , ASEAN kuat .");
    assert_eq!(shown(&gold.docs[1]), ["PERSON:Retno", "ORG:ASEAN"]);
    assert_eq!(gold.labels, ["PERSON", "ORG", "LOC"], "no DATE in the tag set");
    assert_eq!(gold.ignored_types, ["MISC"]);
}

#[test]
fn iob1_starts_entities_with_i_as_conlleval_does() {
    let gold = load("iob1.txt");
    assert_eq!(gold.docs.len(), 1);
    let doc = &gold.docs[0];
    assert_eq!(doc.text, "John Smith met Mary Jane in New York City .\nParis");
    // B- splits two adjacent PERSONs; a type change splits New York | City.
    assert_eq!(
        shown(doc),
        [
            "PERSON:John Smith",
            "PERSON:Mary",
            "PERSON:Jane",
            "LOC:New York",
            "ORG:City",
            "LOC:Paris"
        ]
    );
    assert_eq!(doc.entities[0], Entity { label: "PERSON", start: 0, end: 10 });
    assert_eq!(doc.entities[5], Entity { label: "LOC", start: 44, end: 49 });
}

#[test]
fn gum_comments_newdoc_and_label_mapping() {
    let gold = load("gum_like.txt");
    assert_eq!(gold.docs.len(), 2);
    assert_eq!(gold.docs[0].id.as_deref(), Some("GUM_news_one"));
    assert_eq!(gold.docs[1].id.as_deref(), Some("GUM_news_two"));
    assert_eq!(
        gold.docs[0].text, "On Monday , the United Nations met in Geneva # 1",
        "`#<TAB>O` is a token"
    );
    assert_eq!(shown(&gold.docs[0]), ["DATE:Monday", "ORG:United Nations", "LOC:Geneva"]);
    assert_eq!(gold.docs[1].text, "At noon Boris Johnson flew to France\nZurbarán ’s art");
    assert_eq!(
        shown(&gold.docs[1]),
        ["DATE:noon", "PERSON:Boris Johnson", "LOC:France", "PERSON:Zurbarán"]
    );
    // Offsets count code points: "Zurbarán" starts after the "\n".
    assert_eq!(gold.docs[1].entities[3], Entity { label: "PERSON", start: 37, end: 45 });
    assert_eq!(gold.labels, ALL);
}

#[test]
fn label_mapping_covers_the_gold_tag_names() {
    for (tag, label) in [
        ("PER", Some("PERSON")),
        ("person", Some("PERSON")),
        ("ORGANISATION", Some("ORG")),
        ("ORGANIZATION", Some("ORG")),
        ("PLACE", Some("LOC")),
        ("GPE", Some("LOC")),
        ("TIME", Some("DATE")),
        ("MISC", None),
        ("EVENT", None),
    ] {
        assert_eq!(map_label(tag), label, "{tag}");
    }
}

#[test]
fn malformed_conll_is_refused_with_its_line() {
    assert_eq!(
        read_gold(&fixture("one_column.txt")),
        Err(GoldError::Conll {
            line: 2,
            message: "expected a token and a tag, found only \"Sendiri\"".into()
        })
    );
    let err = read_gold(&fixture("plain_text.txt")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1: \"kata\" is not a tag (O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)"
    );
    assert_eq!(read_conll("\n\n# only a comment\n-DOCSTART- O\n"), Err(GoldError::Empty));
}

#[test]
fn sentence_breaks_close_entities_and_ends_may_lack_a_newline() {
    let gold = read_conll("Jakarta B-LOC\n\nRaya I-LOC\nBarat I-LOC").expect("reads");
    assert_eq!(shown(&gold.docs[0]), ["LOC:Jakarta", "LOC:Raya Barat"]);
}

#[test]
fn iobes_tags_are_read_too() {
    let gold = read_conll("Kota S-LOC\nJoko B-PER\nWi E-PER\nDodo S-PER\n").expect("reads");
    assert_eq!(shown(&gold.docs[0]), ["LOC:Kota", "PERSON:Joko Wi", "PERSON:Dodo"]);
}

#[test]
fn a_conll_file_starting_with_a_bracket_token_is_still_conll() {
    let gold = read_gold("[\tO\nBali\tB-LOC\n]\tO\n").expect("falls back to CoNLL");
    assert_eq!(gold.format, GoldFormat::Conll);
    assert_eq!(shown(&gold.docs[0]), ["LOC:Bali"]);
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_gold_with_quotes_speakers_and_code_points() {
    let gold = load("gold.json");
    assert_eq!(gold.format, GoldFormat::Json);
    assert_eq!(gold.docs.len(), 1);
    let doc = &gold.docs[0];
    assert_eq!(doc.id.as_deref(), Some("berita-1"));
    assert_eq!(
        shown(doc),
        ["PERSON:Joko Widodo", "LOC:Jakarta", "PERSON:Retno Marsudi", "ORG:ASEAN"],
        "PER maps to PERSON; the unknown EMOJI label is ignored"
    );
    assert_eq!(gold.ignored_types, ["EMOJI"]);
    assert_eq!(gold.labels, ["PERSON", "ORG", "LOC"]);
    let quotes = doc.quotes.as_ref().expect("quotes are annotated");
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Joko Widodo"), Some("Retno Marsudi"), None]);
    let chars: Vec<char> = doc.text.chars().collect();
    let first: String = chars[quotes[0].start..quotes[0].end].iter().collect();
    assert_eq!(first, "“Kita harus bekerja.”", "quote spans include the marks");
}

#[test]
fn json_lines_and_json_arrays_hold_several_documents() {
    for name in ["gold.jsonl", "gold_array.json"] {
        let gold = load(name);
        assert_eq!(gold.docs.len(), 2, "{name}");
        assert_eq!(gold.docs[0].id.as_deref(), Some("rutte.txt"), "name names the document");
        assert_eq!(shown(&gold.docs[0]), ["DATE:1 December 2025", "PERSON:Mark Rutte"]);
        assert!(gold.docs[0].quotes.is_some());
        assert_eq!(gold.docs[1].quotes, None, "no quotes field: quotes not annotated");
        assert_eq!(gold.labels, ALL);
    }
}

#[test]
fn a_sorot_json_file_is_gold_too() {
    let gold = load("corrected.sorot.json");
    assert_eq!(gold.format, GoldFormat::Json);
    let doc = &gold.docs[0];
    assert_eq!(doc.id.as_deref(), Some("takaichi.txt"));
    assert_eq!(
        shown(doc),
        ["PERSON:Sanae Takaichi", "LOC:Tokyo", "ORG:Kementerian Luar Negeri Jepang"],
        "TERM is not an entity label"
    );
    let quotes = doc.quotes.as_ref().expect("a Sorot JSON file annotates quotations");
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Sanae Takaichi"), Some("Kementerian Luar Negeri Jepang")]);
    assert_eq!(gold.labels, ["PERSON", "ORG", "LOC"]);
    let broken =
        fixture("corrected.sorot.json").replace("\"speaker\": \"a1\"", "\"speaker\": \"a9\"");
    let err = read_gold(&broken).unwrap_err().to_string();
    assert!(err.starts_with("JSON gold document 1: "), "{err}");
}

#[test]
fn json_gold_offsets_are_checked() {
    assert_eq!(
        read_json(&fixture("bad_offsets.json")),
        Err(GoldError::Json {
            doc: 1,
            message: "entity span 2..5 is empty or outside the text (3 code points)".into()
        })
    );
    let err = read_gold("{\"entities\": []}").unwrap_err();
    assert!(err.to_string().starts_with("JSON gold document 1: missing field `text`"), "{err}");
}

// ---------------------------------------------------------------- scoring

#[test]
fn precision_recall_f1_from_counts() {
    let c = counts(4, 5, 3);
    assert!((c.precision() - 0.6).abs() < 1e-12);
    assert!((c.recall() - 0.75).abs() < 1e-12);
    assert!((c.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-12);
    // conlleval: a zero denominator gives 0.
    for c in [counts(0, 0, 0), counts(3, 0, 0), counts(0, 2, 0), counts(2, 2, 0)] {
        assert_eq!((c.precision(), c.recall(), c.f1()), (0.0, 0.0, 0.0), "{c:?}");
    }
    assert_eq!(counts(2, 2, 2).f1(), 1.0);
}

#[test]
fn only_exact_spans_with_the_right_label_count() {
    let scores = score(
        &ALL,
        "[[PERSON:Joko Widodo]] tiba di [[LOC:Jakarta]] bersama [[ORG:Bank Indonesia]].",
        "Joko [[PERSON:Widodo]] tiba di [[ORG:Jakarta]] bersama [[ORG:Bank Indonesia]].",
    )
    .finish();
    let per_label: BTreeMap<&str, Counts> = scores.per_label.iter().copied().collect();
    assert_eq!(per_label["PERSON"], counts(1, 1, 0), "a boundary off is wrong");
    assert_eq!(per_label["LOC"], counts(1, 0, 0));
    assert_eq!(per_label["ORG"], counts(1, 2, 1), "the wrong label is a false positive");
    assert_eq!(per_label["DATE"], counts(0, 0, 0));
    assert_eq!(scores.overall, counts(3, 3, 1), "micro-average sums the counts");
}

#[test]
fn unscored_labels_are_neither_gold_nor_predicted() {
    let scores = score(
        &["PERSON", "LOC"],
        "[[PERSON:Retno]] di [[LOC:Bali]], [[DATE:1 Mei]].",
        "[[PERSON:Retno]] di Bali, [[DATE:1 Mei]].",
    )
    .finish();
    assert_eq!(scores.per_label.iter().map(|(l, _)| *l).collect::<Vec<_>>(), ["PERSON", "LOC"]);
    assert_eq!(scores.overall, counts(2, 1, 1), "the DATE is not counted at all");
}

#[test]
fn a_gold_entity_matches_one_prediction_only() {
    let (text, entities, _) = marked("[[PERSON:Retno]] datang.");
    let gold = GoldDoc { id: None, text, entities: entities.clone(), quotes: None };
    let twice = Prediction { entities: [entities.clone(), entities].concat(), quotes: vec![] };
    let mut scorer = Scorer::new(&["PERSON"]);
    scorer.add(&gold, &twice);
    assert_eq!(scorer.finish().overall, counts(1, 2, 1));
}

#[test]
fn counts_add_up_over_documents() {
    let mut scorer = Scorer::new(&["LOC"]);
    for (g, p) in
        [("[[LOC:Bali]] dan Jawa", "[[LOC:Bali]] dan [[LOC:Jawa]]"), ("[[LOC:Aceh]]", "Aceh")]
    {
        let (text, entities, _) = marked(g);
        let (_, predicted, _) = marked(p);
        scorer.add(
            &GoldDoc { id: None, text, entities, quotes: None },
            &Prediction { entities: predicted, quotes: vec![] },
        );
    }
    assert_eq!(scorer.finish().overall, counts(2, 2, 1));
}

#[test]
fn quotes_by_exact_span_and_speakers_over_matched_quotes() {
    let gold = "[[QUOTE>Mark Rutte:“Kami siap.”]] kata Rutte. [[QUOTE>Takaichi:“Ya.”]] \
                [[QUOTE>Sanae Takaichi:“Tidak.”]] [[QUOTE:“Anonim.”]] [[QUOTE>Retno:“Hilang.”]]";
    let pred = "[[QUOTE>Rutte:“Kami siap.”]] kata Rutte. [[QUOTE>Perdana Menteri Takaichi:“Ya.”]] \
                [[QUOTE:“Tidak.”]] [[QUOTE>Siapa:“Anonim.”]] “[[QUOTE>Retno:Hilang.”]]";
    let scores = score(&[], gold, pred).finish();
    let q = scores.quotes.expect("quotes scored");
    assert_eq!(q.spans, counts(5, 5, 4), "“Hilang.” is predicted without its opening mark");
    // Matched with a gold speaker: Rutte (right), Takaichi (right), “Tidak.”
    // (no predicted speaker: wrong); “Anonim.” has no gold speaker.
    assert_eq!((q.speakers, q.speakers_correct), (3, 2));
    assert!((q.speaker_accuracy() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(scores.overall, counts(0, 0, 0));
}

#[test]
fn quotes_are_not_scored_without_gold_quotes() {
    let scores = score(&["PERSON"], "Dia berkata “ya”.", "Dia berkata [[QUOTE:“ya”]].").finish();
    assert_eq!(scores.quotes, None);
}

#[test]
fn mismatches_list_what_the_scores_count_as_wrong() {
    let gold_markup = "[[PERSON:Joko Widodo]] di [[LOC:Jakarta]]: [[QUOTE>Joko Widodo:“Ya.”]] \
                       [[QUOTE:“Tidak.”]] “Mungkin.” [[DATE:Senin]]";
    let pred_markup = "Joko [[PERSON:Widodo]] di [[ORG:Jakarta]]: [[QUOTE>Retno:“Ya.”]] \
                       [[QUOTE:“Tidak.”]] [[QUOTE:“Mungkin.”]] [[DATE:Senin]]";
    let (text, entities, quotes) = marked(gold_markup);
    let (_, pentities, pquotes) = marked(pred_markup);
    let gold = GoldDoc { id: None, text, entities, quotes: Some(quotes) };
    let pred = Prediction { entities: pentities, quotes: pquotes };
    let found = mismatches(&["PERSON", "ORG", "LOC"], &gold, &pred);
    let e = |label, start, end| Entity { label, start, end };
    let q = |start, end, speaker: Option<&str>| Quote {
        start,
        end,
        speaker: speaker.map(String::from),
    };
    assert_eq!(
        found,
        [
            Mismatch::Missed(e("PERSON", 0, 11)),
            Mismatch::Spurious(e("PERSON", 5, 11)),
            Mismatch::Missed(e("LOC", 15, 22)),
            Mismatch::Spurious(e("ORG", 15, 22)),
            Mismatch::WrongSpeaker {
                gold: q(24, 29, Some("Joko Widodo")),
                predicted: Some("Retno".into())
            },
            Mismatch::SpuriousQuote(q(39, 49, None)),
        ],
        "DATE is not scored, so Senin is no error; “Tidak.” has no gold speaker"
    );
    // The same document scored: the errors are what the counts miss.
    let mut scorer = Scorer::new(&["PERSON", "ORG", "LOC"]);
    scorer.add(&gold, &pred);
    let scores = scorer.finish();
    assert_eq!(scores.overall, counts(2, 2, 0));
    let quotes = scores.quotes.expect("quotes");
    assert_eq!(quotes.spans, counts(2, 3, 2));
    assert_eq!((quotes.speakers, quotes.speakers_correct), (1, 0));
}

#[test]
fn speaker_text_matches_on_whole_words() {
    assert!(speaker_matches("Mark Rutte", "Mark Rutte"));
    assert!(speaker_matches("Rutte", "Mark Rutte"));
    assert!(speaker_matches("Kementerian Luar Negeri Jepang", "kementerian luar negeri"));
    assert!(speaker_matches("Takaichi’s", "Takaichi"));
    assert!(!speaker_matches("Rutte", "Rutter"));
    assert!(!speaker_matches("Mark Rutte", "Mark Twain"));
    assert!(!speaker_matches("Rutte", ""));
}

#[test]
fn predictions_come_from_an_annotated_document() {
    let text = "Rutte: “Siap.” pada 1 Mei.";
    let a = |id: &str, label: &str, start, end, speaker: Option<&str>| Annotation {
        speaker: speaker.map(Into::into),
        ..Annotation::new(id, label, start, end)
    };
    let doc = AnnotatedDocument::new(
        Document { name: "t".into(), lang: "id".into(), text: text.into() },
        vec![
            a("a1", "PERSON", 0, 5, None),
            a("a2", "QUOTE", 7, 14, Some("a1")),
            a("a3", "DATE", 20, 25, None),
            a("a4", "TERM", 8, 12, None),
        ],
    );
    let p = Prediction::from_annotated(&doc);
    assert_eq!(
        p.entities,
        [
            Entity { label: "PERSON", start: 0, end: 5 },
            Entity { label: "DATE", start: 20, end: 25 }
        ],
        "labels that are not scored (TERM) are left out"
    );
    assert_eq!(p.quotes, [Quote { start: 7, end: 14, speaker: Some("Rutte".into()) }]);
}

// ---------------------------------------------------------------- shared data

/// The shared gold data: `$SOROT_DATA`, else `shared/data` beside the
/// clone (CI copies `shared/` next to the repository).
fn data_dir() -> PathBuf {
    let (dir, from) = match std::env::var_os("SOROT_DATA") {
        Some(dir) => (PathBuf::from(dir), "SOROT_DATA"),
        None => (Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"), "the default"),
    };
    assert!(
        dir.is_dir(),
        "the shared gold data is missing: {} ({from}) is not a folder. Put the shared/ folder \
         beside the repository (so that ../shared/data exists) or set SOROT_DATA to its data folder.",
        dir.display()
    );
    dir
}

fn gold_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_uppercase();
        if path.is_dir() {
            gold_files(&path, found);
        } else if !name.starts_with("README") && !name.starts_with("LICENSE") {
            found.push(path);
        }
    }
}

/// Counts tokens and `B-` tags per label straight from the lines, as a
/// check on the reader (the shared files are IOB2, so each entity has one
/// `B-`).
fn count_b_tags(text: &str) -> (usize, BTreeMap<&'static str, usize>) {
    let mut tokens = 0;
    let mut b_tags = BTreeMap::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with("# ") || line.starts_with("-DOCSTART-") {
            continue;
        }
        tokens += 1;
        let tag = line.split_whitespace().last().expect("a tag");
        if let Some(label) = tag.strip_prefix("B-").and_then(map_label) {
            *b_tags.entry(label).or_insert(0) += 1;
        }
    }
    (tokens, b_tags)
}

#[test]
fn every_shared_gold_file_loads() {
    let dir = data_dir();
    let mut files = Vec::new();
    gold_files(&dir, &mut files);
    assert!(!files.is_empty(), "no gold file under {}", dir.display());
    for path in files {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let gold = read_gold(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(gold.format, GoldFormat::Conll, "{}", path.display());
        let (tokens, b_tags) = count_b_tags(&text);
        assert_eq!(gold.tokens, tokens, "{}", path.display());
        let mut entities = BTreeMap::new();
        for doc in &gold.docs {
            let chars: Vec<char> = doc.text.chars().collect();
            for e in &doc.entities {
                *entities.entry(e.label).or_insert(0) += 1;
                let span = &chars[e.start..e.end];
                assert!(!span.contains(&'\n'), "{}: an entity crosses a sentence", path.display());
                assert!(!span[0].is_whitespace() && !span[span.len() - 1].is_whitespace());
            }
        }
        assert!(!entities.is_empty(), "{}: no entity", path.display());
        assert_eq!(entities, b_tags, "{}: one entity per B- tag", path.display());
        assert_eq!(gold.labels.len(), b_tags.len(), "{}", path.display());
    }
}
