#![cfg(not(target_arch = "wasm32"))]
//! The Sorot JSON export (`sorot.annotations`, version 1): what it writes,
//! in which unit, that it matches its JSON Schema and its documented
//! example, the download name, and reading a file back.
//!
//! Documents are built directly from inline markup (see [`markup`]), never
//! through the recognizer, so these tests pin the format alone.

mod common;

use serde::Deserialize;
use serde_json::{json, Value};
use sorot::core::export::sorot_json::{
    self, file_name, from_json, to_json, to_json_line, ImportError,
};
use sorot::core::model::{AnnotatedDocument, Document, Source, Span};

// ---------------------------------------------------------------------------
// What we emit, pinned: any field added, renamed or dropped fails a test.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireFile {
    format: String,
    version: u64,
    generator: String,
    document: WireDocument,
    annotations: Vec<WireAnnotation>,
    entities: Vec<WireEntity>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct WireEntity {
    id: String,
    label: String,
    name: String,
    mentions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireDocument {
    name: String,
    lang: String,
    text: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct WireAnnotation {
    id: String,
    label: String,
    start: usize,
    end: usize,
    text: String,
    source: String,
    speaker: Option<String>,
}

// ---------------------------------------------------------------------------
// Fixtures.

/// Builds a document from inline markup: `[[LABEL:covered text]]` marks an
/// annotation; markers nest. The header may add `/user` (source `user`,
/// otherwise `auto`) and `>ID` (the speaker), as in
/// `[[QUOTE/user>a1:“…”]]`. Ids are `a1`, `a2`, … in order of the opening
/// markers, which is the model's sort order.
fn markup(name: &str, lang: &str, marked: &str) -> AnnotatedDocument {
    common::document(name, lang, marked, |header| {
        let (head, speaker) = match header.split_once('>') {
            Some((h, s)) => (h, Some(s.to_string())),
            None => (header, None),
        };
        let (label, source) = match head.strip_suffix("/user") {
            Some(label) => (label, Source::User),
            None => (head, Source::Auto),
        };
        let label = label.to_string();
        common::Head { label, source, speaker, value: None, title: None }
    })
}

/// One expected annotation: id, label, start, end, text, source, speaker.
type Expected<'a> = (&'a str, &'a str, usize, usize, &'a str, &'a str, Option<&'a str>);

/// Exports the marked-up document and checks the output against the
/// contract, the schema and the expected annotations. Returns the export.
fn check(marked: &str, expected: &[Expected]) -> String {
    let doc = markup("article.txt", "id", marked);
    let json = to_json(&doc);
    let file = parse(&json);
    assert_conforms(&json);
    assert_eq!(file.document.text, *doc.doc.text);
    let got: Vec<WireAnnotation> = file.annotations;
    let want: Vec<WireAnnotation> = expected
        .iter()
        .map(|&(id, label, start, end, text, source, speaker)| WireAnnotation {
            id: id.into(),
            label: label.into(),
            start,
            end,
            text: text.into(),
            source: source.into(),
            speaker: speaker.map(Into::into),
        })
        .collect();
    assert_eq!(got, want, "annotations of {marked:?}");
    json
}

/// Parses an export with the pinned structs.
fn parse(json: &str) -> WireFile {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// Everything every export must satisfy: the fixed fields, the schema, and
/// each `text` equal to its code-point slice, computed here independently
/// of the crate's offset index.
fn assert_conforms(json: &str) {
    let file = parse(json);
    assert_eq!(file.format, "sorot.annotations");
    assert_eq!(file.version, 1);
    assert_eq!(file.generator, format!("sorot {}", env!("CARGO_PKG_VERSION")));
    let n = file.document.text.chars().count();
    for a in &file.annotations {
        assert!(a.start < a.end && a.end <= n, "span of {a:?} in {n} code points");
        let slice: String =
            file.document.text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(a.text, slice, "text of {}", a.id);
    }
    let value: Value = serde_json::from_str(json).expect("JSON");
    let errors = schema::validate(&schema::load(), &value);
    assert!(errors.is_empty(), "schema errors: {errors:#?}\n{json}");
}

// ---------------------------------------------------------------------------
// The fields.

#[test]
fn writes_every_field_of_the_contract_and_nothing_else() {
    let doc = markup(
        "takaichi.txt",
        "id",
        "[[PERSON:Sanae Takaichi]] dari [[ORG/user:LDP]] berkata: [[QUOTE>a1:“Siap.”]] [[TOPIK/user:Ekonomi]]",
    );
    let file = parse(&to_json(&doc));
    assert_eq!(file.document.name, "takaichi.txt");
    assert_eq!(file.document.lang, "id");
    assert_eq!(file.document.text, "Sanae Takaichi dari LDP berkata: “Siap.” Ekonomi");
    let ids: Vec<_> = file.annotations.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4"]);
    let labels: Vec<_> = file.annotations.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["PERSON", "ORG", "QUOTE", "TOPIK"]);
    let sources: Vec<_> = file.annotations.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(sources, ["auto", "user", "auto", "user"]);
}

#[test]
fn field_order_and_layout_are_stable() {
    let doc = markup("a.txt", "en", "[[QUOTE>a2:“Hi,” said [[PERSON:Ann]]]]");
    let json = to_json(&doc);
    let expected = format!(
        r#"{{
  "format": "sorot.annotations",
  "version": 1,
  "generator": "sorot {}",
  "document": {{
    "name": "a.txt",
    "lang": "en",
    "text": "“Hi,” said Ann"
  }},
  "annotations": [
    {{
      "id": "a1",
      "label": "QUOTE",
      "start": 0,
      "end": 14,
      "text": "“Hi,” said Ann",
      "source": "auto",
      "speaker": "a2"
    }},
    {{
      "id": "a2",
      "label": "PERSON",
      "start": 11,
      "end": 14,
      "text": "Ann",
      "source": "auto"
    }}
  ],
  "entities": [
    {{
      "id": "e1",
      "label": "PERSON",
      "name": "Ann",
      "mentions": [
        "a2"
      ]
    }}
  ]
}}
"#,
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(json, expected);
}

#[test]
fn json_lines_form_is_one_line_with_the_same_content() {
    let doc = markup("a.txt", "id", "Baris satu\r\n[[LOC:Jakarta]]\n\"kutip\"");
    let line = to_json_line(&doc);
    assert!(line.ends_with('\n'));
    assert_eq!(line.matches('\n').count(), 1, "{line}");
    let a: Value = serde_json::from_str(&line).expect("JSON");
    let b: Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
    assert_eq!(a, b);
    assert_conforms(&line);
}

#[test]
fn an_empty_document_has_an_empty_annotation_list() {
    check("", &[]);
    check("Tidak ada apa-apa di sini.", &[]);
}

// ---------------------------------------------------------------------------
// Offsets are code points.

#[test]
fn offsets_count_code_points_through_emoji_flags_marks_crlf_and_cjk() {
    // 🇯🇵 is two code points, 😀 one, "E\u{301}" two, "\r\n" two, 東京 two.
    check(
        "🇯🇵 [[PERSON:Sanae Takaichi]] 😀 bertemu [[PERSON:E\u{301}lise]] di [[LOC:東京]].\r\n\
         [[QUOTE>a1:“Kami siap,”]] katanya.",
        &[
            ("a1", "PERSON", 3, 17, "Sanae Takaichi", "auto", None),
            ("a2", "PERSON", 28, 34, "E\u{301}lise", "auto", None),
            ("a3", "LOC", 38, 40, "東京", "auto", None),
            ("a4", "QUOTE", 43, 55, "“Kami siap,”", "auto", Some("a1")),
        ],
    );
}

#[test]
fn spans_may_start_or_end_on_astral_characters_and_line_ends() {
    check(
        "[[DATE:😀]][[LOC:🇯🇵]]\r\n[[ORG:\r\n日本銀行]]",
        &[
            ("a1", "DATE", 0, 1, "😀", "auto", None),
            ("a2", "LOC", 1, 3, "🇯🇵", "auto", None),
            ("a3", "ORG", 5, 11, "\r\n日本銀行", "auto", None),
        ],
    );
}

#[test]
fn recognizer_byte_spans_are_exported_as_code_points() {
    // The recognizer reports bytes; the export must not.
    let text = "😀 Jokowi ke 東京\r\n“Ya,” kata Jokowi.";
    let byte = |s: &str, nth: usize| text.match_indices(s).nth(nth).expect("present").0;
    let jokowi = byte("Jokowi", 0);
    let tokyo = byte("東京", 0);
    let quote = byte("“", 0);
    let quote_end = byte("”", 0) + "”".len();
    let jokowi2 = byte("Jokowi", 1);
    let spans = [
        Span::new("PERSON", jokowi, jokowi + 6),
        Span::new("LOC", tokyo, tokyo + "東京".len()),
        Span { speaker: Some(3), ..Span::new("QUOTE", quote, quote_end) },
        Span::new("PERSON", jokowi2, jokowi2 + 6),
    ];
    let doc = Document { name: "x".into(), lang: "id".into(), text: text.into() };
    let json = to_json(&AnnotatedDocument::from_spans(doc, &spans));
    assert_conforms(&json);
    let got: Vec<_> = parse(&json)
        .annotations
        .into_iter()
        .map(|a| (a.id, a.start, a.end, a.text, a.speaker))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        [
            (s("a1"), 2, 8, s("Jokowi"), None),
            (s("a2"), 12, 14, s("東京"), None),
            (s("a3"), 16, 21, s("“Ya,”"), Some(s("a4"))),
            (s("a4"), 27, 33, s("Jokowi"), None),
        ]
    );
}

// ---------------------------------------------------------------------------
// Speakers.

#[test]
fn speaker_is_present_only_on_quotes_that_have_one() {
    let doc = markup("a.txt", "id", "[[PERSON:Budi]]: [[QUOTE>a1:“Satu.”]] Lalu [[QUOTE:“Dua.”]]");
    let value: Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
    let has_speaker: Vec<(String, bool)> = value["annotations"]
        .as_array()
        .expect("array")
        .iter()
        .map(|a| (a["label"].as_str().expect("label").to_string(), a.get("speaker").is_some()))
        .collect();
    assert_eq!(
        has_speaker,
        [("PERSON".to_string(), false), ("QUOTE".to_string(), true), ("QUOTE".to_string(), false)]
    );
    assert_eq!(value["annotations"][1]["speaker"], "a1");
    // Never written as null.
    assert!(!to_json(&doc).contains("null"));
}

#[test]
fn speakers_that_break_the_contract_are_left_out() {
    // A speaker on a non-QUOTE, and a QUOTE whose speaker was deleted: both
    // would make a file readers reject, so neither is written.
    let doc = markup("a.txt", "id", "[[PERSON>a2:Budi]] [[QUOTE>a9:“Dua.”]]");
    assert_eq!(doc.annotations[0].speaker.as_deref(), Some("a2"));
    let json = check(
        "[[PERSON>a2:Budi]] [[QUOTE>a9:“Dua.”]]",
        &[
            ("a1", "PERSON", 0, 4, "Budi", "auto", None),
            ("a2", "QUOTE", 5, 11, "“Dua.”", "auto", None),
        ],
    );
    assert!(from_json(&json).is_ok());
}

// ---------------------------------------------------------------------------
// The schema and the documented example.

#[test]
fn exports_match_the_schema() {
    for marked in [
        "",
        "[[PERSON:Ann]] said [[QUOTE>a1:“hi”]] on [[DATE:1 May]].",
        "🇯🇵 [[LOC/user:日本]] e\u{301}\r\n[[CUSTOM label/user:x]]",
    ] {
        assert_conforms(&to_json(&markup("n", "en", marked)));
    }
}

#[test]
fn the_schema_rejects_what_the_contract_forbids_and_allows_additions() {
    let schema = schema::load();
    let good = serde_json::from_str::<Value>(&to_json(&markup(
        "a.txt",
        "id",
        "[[PERSON:Ann]] [[QUOTE>a1:“hi”]]",
    )))
    .expect("JSON");
    assert_eq!(schema::validate(&schema, &good), Vec::<String>::new());

    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        schema::validate(&schema, &v)
    };
    // Additive fields at every level are allowed; `generator` is optional.
    assert!(edited(&|v| v["extra"] = json!({"any": 1})).is_empty());
    assert!(edited(&|v| v["document"]["url"] = json!("https://example.org")).is_empty());
    assert!(edited(&|v| v["annotations"][0]["confidence"] = json!(0.5)).is_empty());
    assert!(edited(&|v| {
        v.as_object_mut().expect("object").remove("generator");
    })
    .is_empty());

    type Edit<'a> = &'a dyn Fn(&mut Value);
    let cases: [(&str, Edit); 9] = [
        ("/format", &|v| v["format"] = json!("sorot.other")),
        ("/version", &|v| v["version"] = json!(2)),
        ("/version", &|v| v["version"] = json!("1")),
        ("/", &|v| {
            v.as_object_mut().expect("object").remove("document");
        }),
        ("/document", &|v| {
            v["document"].as_object_mut().expect("object").remove("text");
        }),
        ("/annotations/0/start", &|v| v["annotations"][0]["start"] = json!(-1)),
        ("/annotations/0/end", &|v| v["annotations"][0]["end"] = json!(1.5)),
        ("/annotations/1/source", &|v| v["annotations"][1]["source"] = json!("machine")),
        ("/annotations/1/speaker", &|v| v["annotations"][1]["speaker"] = json!(1)),
    ];
    for (path, edit) in cases {
        let errors = edited(edit);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "expected an error at {path}, got {errors:?}"
        );
    }
}

#[test]
fn the_documented_example_is_what_to_json_writes() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/core/export/sorot_json.rs"
    ))
    .expect("module source");
    let doc_lines: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let start = doc_lines.iter().position(|l| *l == "```json").expect("a ```json block") + 1;
    let len = doc_lines[start..].iter().position(|l| *l == "```").expect("closed block");
    let example = doc_lines[start..start + len].join("\n") + "\n";

    let doc = markup(
        "takaichi.txt",
        "id",
        "[[PERSON:Sanae Takaichi]] berkata di [[LOC:Tokyo]] pada [[DATE:21 Oktober 2025]]: \
         [[QUOTE/user>a1:“Kami akan bekerja keras.”]]",
    );
    let written = to_json(&doc).replace(
        &format!("\"generator\": \"sorot {}\"", env!("CARGO_PKG_VERSION")),
        "\"generator\": \"sorot 0.1.0\"",
    );
    assert_eq!(example, written, "the module doc's example has drifted");
}

#[test]
fn entities_group_person_org_and_loc_mentions_in_order_of_first_mention() {
    let doc = markup(
        "a.txt",
        "id",
        "[[PERSON:Sanae Takaichi]] tiba di [[LOC:Amerika Serikat]] bersama [[ORG:KPK]]. \
         [[QUOTE>a5:“Siap,”]] kata [[PERSON:Takaichi]] di [[LOC:AS]] pada [[DATE:Senin]].",
    );
    let json = to_json(&doc);
    assert_conforms(&json);
    let file = parse(&json);
    let got: Vec<(&str, &str, &str, Vec<&str>)> = file
        .entities
        .iter()
        .map(|e| {
            let mentions = e.mentions.iter().map(String::as_str).collect();
            (e.id.as_str(), e.label.as_str(), e.name.as_str(), mentions)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("e1", "PERSON", "Sanae Takaichi", vec!["a1", "a5"]),
            ("e2", "LOC", "Amerika Serikat", vec!["a2", "a6"]),
            ("e3", "ORG", "KPK", vec!["a3"]),
        ]
    );
    // Derived data: reading the file back ignores it.
    assert_eq!(from_json(&json), Ok(doc));
}

#[test]
fn the_schema_checks_entities() {
    let schema = schema::load();
    let good = serde_json::from_str::<Value>(&to_json(&markup("a.txt", "id", "[[LOC:Jakarta]]")))
        .expect("JSON");
    assert_eq!(schema::validate(&schema, &good), Vec::<String>::new());
    let mut bad = good.clone();
    bad["entities"][0]["label"] = json!("DATE");
    assert!(schema::validate(&schema, &bad).iter().any(|e| e.starts_with("/entities/0/label:")));
    let mut bad = good;
    bad["entities"][0].as_object_mut().expect("object").remove("mentions");
    assert!(schema::validate(&schema, &bad).iter().any(|e| e.starts_with("/entities/0:")));
}

// ---------------------------------------------------------------------------
// The download name.

#[test]
fn file_name_replaces_the_extension_and_cleans_the_name() {
    let cases = [
        ("article.txt", "article.sorot.json"),
        ("a.b.txt", "a.b.sorot.json"),
        ("notes.md", "notes.sorot.json"),
        ("page.html", "page.sorot.json"),
        ("Berita Hari Ini.TXT", "Berita Hari Ini.sorot.json"),
        ("no-extension", "no-extension.sorot.json"),
        ("Dr. Smith", "Dr. Smith.sorot.json"),
        ("report 1.2", "report 1.2.sorot.json"),
        ("scan.mp4", "scan.sorot.json"),
        ("pasted-article", "pasted-article.sorot.json"),
        ("", "pasted-article.sorot.json"),
        ("   ", "pasted-article.sorot.json"),
        ("/\\:*?\"<>|", "pasted-article.sorot.json"),
        ("??.txt", "pasted-article.sorot.json"),
        ("a/b\\c:d*e?f\"g<h>i|j.txt", "a_b_c_d_e_f_g_h_i_j.sorot.json"),
        ("tab\there\n.txt", "tab_here.sorot.json"),
        ("trailing dots...txt", "trailing dots.sorot.json"),
        (".txt", ".txt.sorot.json"),
        ("東京 😀.txt", "東京 😀.sorot.json"),
        ("_", "_.sorot.json"),
    ];
    for (name, expected) in cases {
        assert_eq!(file_name(name), expected, "file_name({name:?})");
    }
}

// ---------------------------------------------------------------------------
// Reading back.

/// Documents with what a file must carry exactly: no text, a user's quote
/// with a speaker, astral characters, a combining mark, CRLF and a label
/// of the user's.
fn round_trip_docs() -> Vec<AnnotatedDocument> {
    vec![
        markup("", "id", ""),
        markup("article.txt", "id", "[[PERSON:Sanae Takaichi]] berkata, [[QUOTE/user>a1:“Ya.”]]"),
        markup(
            "x.md",
            "en",
            "🇯🇵 [[QUOTE>a3:“[[LOC:東京]] e\u{301}\r\nok,” said [[PERSON:Ann]]]] [[MY LABEL/user:😀]]",
        ),
    ]
}

#[test]
fn export_then_import_is_the_identity() {
    for doc in round_trip_docs() {
        assert_eq!(from_json(&to_json(&doc)).as_ref(), Ok(&doc));
        assert_eq!(from_json(&to_json_line(&doc)).as_ref(), Ok(&doc));
    }
}

#[test]
fn the_line_made_in_steps_is_the_line() {
    // The page saves a long document's line a few thousand annotations at
    // a time (LineInSteps); it must be byte for byte to_json_line's.
    let text = "Perdana Menteri Jepang Sanae Takaichi berkata, “Kami siap.” Sekjen NATO Mark \
                Rutte tiba di Tokyo, Senin (1/12). “Keamanan kedua kawasan tidak dapat \
                dipisahkan,” kata Rutte. 😀\r\nAmerika Serikat (AS) diam."
        .repeat(3);
    let spans = sorot::core::recognize::analyze(&text, "id");
    let analysed = AnnotatedDocument::from_spans(
        Document { name: "news \"1\".txt".into(), lang: "id".into(), text: text.into() },
        &spans,
    );
    assert!(analysed.annotations.len() > 20 && !analysed.entities().is_empty());
    // A speaker that is gone (left out of the file), an analysed text and
    // one without annotations.
    let gone = markup("a.txt", "id", "[[PERSON>a2:Budi]] [[QUOTE>a9:“Dua.”]]");
    let bare = markup("b.txt", "en", &"\"Quoted\" \\ 😀 \u{2028}\r\n".repeat(40));
    let empty = markup("c.txt", "en", "");
    for doc in round_trip_docs().into_iter().chain([gone, analysed, bare, empty]) {
        let doc = std::rc::Rc::new(doc);
        let whole = to_json_line(&doc);
        for batch in [1, 2, 7, 100_000] {
            let mut steps = sorot_json::LineInSteps::new(doc.clone());
            let mut n = 0;
            let line = loop {
                n += 1;
                assert!(n < 10_000, "the line never ends");
                if let Some(line) = steps.step(batch) {
                    break line;
                }
            };
            assert_eq!(line.concat(), whole, "batches of {batch}");
            assert!(n >= doc.annotations.len() / batch, "{n} steps for batches of {batch}");
            if batch == 1 {
                // The entities too are written a few at a time.
                let parts = doc.annotations.len() + doc.entities().len();
                assert!(n > parts, "{n} steps for {parts} annotations and entities");
            }
            // One piece a step.
            assert_eq!(line.len(), n, "batches of {batch}");
            // The pieces taken as they are made (the page moves them out of
            // its memory), then the rest: the same line.
            let mut steps = sorot_json::LineInSteps::new(doc.clone());
            let mut taken = Vec::new();
            let rest = loop {
                let done = steps.step(batch);
                if let Some(rest) = done {
                    break rest;
                }
                taken.extend(steps.take_pieces());
            };
            assert!(rest.len() <= 1, "only the last piece is left: {}", rest.len());
            taken.extend(rest);
            assert_eq!(taken.concat(), whole, "pieces taken, batches of {batch}");
        }
    }
}

#[test]
fn import_ignores_fields_it_does_not_know() {
    let doc = markup("a.txt", "id", "[[PERSON:Ann]] [[QUOTE>a1:“hi”]]");
    let mut v: Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
    v["extra"] = json!([1, 2]);
    v["document"]["url"] = json!("https://example.org");
    v["annotations"][1]["confidence"] = json!(0.9);
    v.as_object_mut().expect("object").remove("generator");
    assert_eq!(from_json(&v.to_string()), Ok(doc));
}

/// The export of a small document, edited, then read back.
fn import_edited(edit: impl FnOnce(&mut Value)) -> Result<AnnotatedDocument, ImportError> {
    let doc = markup("a.txt", "id", "😀 [[PERSON:Ann]] [[QUOTE>a1:“hi”]]");
    let mut v: Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
    edit(&mut v);
    from_json(&v.to_string())
}

/// Checks an import error and its message.
fn check_error(
    result: Result<AnnotatedDocument, ImportError>,
    expected: ImportError,
    message: &str,
) {
    let err = result.expect_err("import should fail");
    assert_eq!(err, expected);
    assert_eq!(err.to_string(), message);
    // It is a std error, usable with `?` and `Box<dyn Error>`.
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert_eq!(boxed.to_string(), message);
}

#[test]
fn invalid_json_is_reported_with_its_position() {
    check_error(
        from_json("{\n  \"format\": }"),
        ImportError::InvalidJson { line: 2, column: 13, message: "expected value".into() },
        "not valid JSON (line 2, column 13): expected value",
    );
    check_error(
        from_json(""),
        ImportError::InvalidJson {
            line: 1,
            column: 0,
            message: "EOF while parsing a value".into(),
        },
        "not valid JSON (line 1, column 0): EOF while parsing a value",
    );
}

#[test]
fn another_format_or_version_is_refused() {
    check_error(
        import_edited(|v| v["format"] = json!("w3c.annotations")),
        ImportError::WrongFormat { found: Some("\"w3c.annotations\"".into()) },
        "not a Sorot annotations file: \"format\" is \"w3c.annotations\", expected \"sorot.annotations\"",
    );
    check_error(
        from_json("[1, 2]"),
        ImportError::WrongFormat { found: None },
        "not a Sorot annotations file: no \"format\" field",
    );
    check_error(
        import_edited(|v| v["version"] = json!(2)),
        ImportError::UnsupportedVersion { found: Some("2".into()) },
        "Sorot annotations version 2 is not supported (this version of Sorot reads version 1)",
    );
    check_error(
        import_edited(|v| {
            v.as_object_mut().expect("object").remove("version");
        }),
        ImportError::UnsupportedVersion { found: None },
        "Sorot annotations file without a \"version\" field",
    );
}

#[test]
fn missing_or_mistyped_fields_are_reported_with_their_position() {
    let json = r#"{"format":"sorot.annotations","version":1,"document":{"name":"x","lang":"id"},"annotations":[]}"#;
    let column = json.find("}").expect("brace") + 1;
    check_error(
        from_json(json),
        ImportError::Malformed { line: 1, column, message: "missing field `text`".into() },
        &format!("invalid Sorot annotations file (line 1, column {column}): missing field `text`"),
    );
    let err = import_edited(|v| v["annotations"][0]["source"] = json!("robot")).expect_err("fails");
    assert!(
        matches!(&err, ImportError::Malformed { message, .. } if message.starts_with("unknown variant `robot`")),
        "{err:?}"
    );
    let err = import_edited(|v| v["annotations"][0]["start"] = json!(-3)).expect_err("fails");
    assert!(matches!(err, ImportError::Malformed { .. }), "{err:?}");
}

#[test]
fn duplicate_ids_are_refused() {
    check_error(
        import_edited(|v| v["annotations"][1]["id"] = json!("a1")),
        ImportError::DuplicateId { id: "a1".into() },
        "more than one annotation has the id \"a1\"",
    );
}

#[test]
fn spans_must_be_non_empty_and_inside_the_text() {
    check_error(
        import_edited(|v| v["annotations"][0]["end"] = json!(2)),
        ImportError::EmptySpan { id: "a1".into(), start: 2, end: 2 },
        "annotation \"a1\" has an empty span: end 2 is not after start 2",
    );
    // The text "😀 Ann “hi”" has 10 code points (but 11 UTF-16 units).
    check_error(
        import_edited(|v| v["annotations"][1]["end"] = json!(11)),
        ImportError::OutOfRange { id: "a2".into(), start: 6, end: 11, len: 10 },
        "annotation \"a2\" spans code points 6..11, past the end of the text (10 code points)",
    );
}

#[test]
fn text_must_equal_the_slice_at_the_offsets() {
    // Offsets counted in UTF-16 units would be one too far after the emoji.
    check_error(
        import_edited(|v| {
            v["annotations"][0]["start"] = json!(3);
            v["annotations"][0]["end"] = json!(6);
        }),
        ImportError::TextMismatch { id: "a1".into(), expected: "nn ".into(), found: "Ann".into() },
        "annotation \"a1\" has text \"Ann\" but the document has \"nn \" at its offsets \
         (offsets must count code points)",
    );
}

#[test]
fn speakers_must_exist_and_belong_to_quotes() {
    check_error(
        import_edited(|v| v["annotations"][1]["speaker"] = json!("a7")),
        ImportError::UnknownSpeaker { id: "a2".into(), speaker: "a7".into() },
        "annotation \"a2\" names speaker \"a7\", but no annotation has that id",
    );
    check_error(
        import_edited(|v| v["annotations"][0]["speaker"] = json!("a2")),
        ImportError::SpeakerNotAllowed { id: "a1".into(), label: "PERSON".into() },
        "annotation \"a1\" has label \"PERSON\" and a speaker; only a QUOTE may have one",
    );
}

#[test]
fn constants_describe_the_format() {
    assert_eq!(sorot_json::FORMAT, "sorot.annotations");
    assert_eq!(sorot_json::VERSION, 1);
    assert_eq!(sorot_json::GENERATOR, format!("sorot {}", env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------

/// A small JSON Schema validator for exactly the keywords
/// `schema/sorot.annotations.v1.schema.json` uses. Any other keyword makes
/// it panic, so the schema cannot grow a rule these tests silently skip.
mod schema {
    use serde_json::Value;

    /// Keywords that only annotate; they never fail validation.
    const ANNOTATIONS: [&str; 3] = ["$schema", "title", "description"];
    /// Keywords that are checked.
    const ASSERTIONS: [&str; 10] = [
        "$defs",
        "$ref",
        "type",
        "required",
        "properties",
        "additionalProperties",
        "enum",
        "const",
        "minimum",
        "items",
    ];

    /// The schema file.
    pub fn load() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/sorot.annotations.v1.schema.json");
        let text = std::fs::read_to_string(path).expect("schema file");
        serde_json::from_str(&text).expect("schema is JSON")
    }

    /// Validates `instance`; returns one `"<JSON pointer>: <problem>"` per
    /// failure (`/` is the root).
    pub fn validate(root: &Value, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        check(root, root, instance, "", &mut errors);
        errors
    }

    /// JSON equality, where numbers compare by value (`1` equals `1.0`).
    fn equal(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| equal(a, b)))
            }
            _ => a == b,
        }
    }

    fn has_type(v: &Value, ty: &str) -> bool {
        match ty {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            "number" => v.is_number(),
            "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
            other => panic!("unknown type {other:?} in schema"),
        }
    }

    fn check(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
        let at = if path.is_empty() { "/" } else { path };
        macro_rules! fail {
            ($($msg:tt)*) => { errors.push(format!("{at}: {}", format!($($msg)*))) };
        }
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return fail!("no value is allowed here"),
            Value::Object(s) => s,
            other => panic!("a schema must be an object or a boolean, not {other}"),
        };
        for key in schema.keys() {
            assert!(
                ANNOTATIONS.contains(&key.as_str()) || ASSERTIONS.contains(&key.as_str()),
                "the test validator does not support the keyword {key:?}"
            );
        }
        if let Some(r) = schema.get("$ref") {
            let name = r
                .as_str()
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .unwrap_or_else(|| panic!("only #/$defs/… references are supported, not {r}"));
            let target = &root["$defs"][name];
            assert!(!target.is_null(), "dangling $ref {r}");
            check(root, target, v, path, errors);
        }
        if let Some(ty) = schema.get("type") {
            let ok = match ty {
                Value::String(t) => has_type(v, t),
                Value::Array(ts) => ts.iter().any(|t| has_type(v, t.as_str().expect("type name"))),
                other => panic!("bad type {other}"),
            };
            if !ok {
                fail!("{v} is not of type {ty}");
            }
        }
        if let Some(c) = schema.get("const") {
            if !equal(v, c) {
                fail!("{v} is not {c}");
            }
        }
        if let Some(Value::Array(options)) = schema.get("enum") {
            if !options.iter().any(|o| equal(v, o)) {
                fail!("{v} is not one of {options:?}");
            }
        }
        if let Some(min) = schema.get("minimum") {
            let min = min.as_f64().expect("numeric minimum");
            if v.as_f64().is_some_and(|x| x < min) {
                fail!("{v} is less than {min}");
            }
        }
        if let Value::Object(obj) = v {
            if let Some(Value::Array(required)) = schema.get("required") {
                for name in required.iter().map(|r| r.as_str().expect("required name")) {
                    if !obj.contains_key(name) {
                        fail!("missing required property {name:?}");
                    }
                }
            }
            let properties = schema.get("properties").and_then(Value::as_object);
            for (key, value) in obj {
                let child = format!("{path}/{key}");
                match properties.and_then(|p| p.get(key)) {
                    Some(s) => check(root, s, value, &child, errors),
                    None => {
                        if let Some(extra) = schema.get("additionalProperties") {
                            check(root, extra, value, &child, errors);
                        }
                    }
                }
            }
        }
        if let (Value::Array(items), Some(s)) = (v, schema.get("items")) {
            for (i, item) in items.iter().enumerate() {
                check(root, s, item, &format!("{path}/{i}"), errors);
            }
        }
    }
}
