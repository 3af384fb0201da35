#![cfg(not(target_arch = "wasm32"))]
//! Every export format: golden files, the shape each tool expects, and
//! round-trips (Sorot JSON, W3C and brat: export → import → export is
//! byte-identical, on fixed documents with emoji and CRLF and on random
//! Unicode documents with random annotations).
//!
//! Golden files live in `tests/fixtures/formats/golden/`; run with
//! `UPDATE_GOLDEN=1` to rewrite them after an intended change, and review
//! the diff.

mod common;

use common::Rng;

use std::path::PathBuf;

use serde::Deserialize;
use serde_json::Value;
use sorot::core::export::menu::{self, Request, Scope};
use sorot::core::export::{
    self, base_name, brat, conll, csv, sorot_json, w3c, write_jsonl, write_zip, Format,
};
use sorot::core::import;
use sorot::core::labels::LabelSet;
use sorot::core::model::{AnnotatedDocument, Annotation, Document, Source};

// ---------------------------------------------------------------------------
// Fixtures.

/// Builds a document from inline markup: `[[LABEL:text]]`, nested freely;
/// the header may add `/user`, `>ID` (speaker), `=VALUE` (a DATE's value)
/// and `^TITLE` (a PERSON's title), in that order. Ids are `a1`, `a2`, … in
/// order of the opening markers.
fn markup(name: &str, marked: &str) -> AnnotatedDocument {
    common::document(name, "id", marked, |header| {
        let (header, title) = split(header, '^');
        let (header, value) = split(&header, '=');
        let (header, speaker) = split(&header, '>');
        let (label, source) = match header.strip_suffix("/user") {
            Some(l) => (l.to_string(), Source::User),
            None => (header, Source::Auto),
        };
        common::Head { label, source, speaker, value, title }
    })
}

fn split(s: &str, c: char) -> (String, Option<String>) {
    match s.split_once(c) {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s.to_string(), None),
    }
}

/// The shared sample: emoji, a flag, a combining accent, CRLF, a quote
/// with its speaker, a DATE with its value, a PERSON with a title, a user
/// annotation, and text that looks like a formula and like HTML.
fn sample() -> AnnotatedDocument {
    markup(
        "berita 😀.txt",
        "Perdana Menteri [[PERSON^Perdana Menteri:Sanae Takaichi]] 🇯🇵 tiba di [[LOC:Jakarta]] pada \
         [[DATE=2025-12-01:Senin (1/12)]].\r\n[[QUOTE>a1:“Kami siap 😀,\r\nbersama Cafe\u{301},” ]]kata \
         Takaichi.\r\n[[ORG/user:=SUM(A1)]] dan [[ORG:<img src=x onerror=alert(1)>]], \"ok\"",
    )
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/golden")
}

/// Compares `bytes` with the golden file `name` (or writes it with
/// `UPDATE_GOLDEN=1`).
fn golden(name: &str, bytes: &[u8]) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let want = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        want == bytes,
        "{name} differs from its golden file:\n--- golden\n{}\n--- got\n{}",
        String::from_utf8_lossy(&want),
        String::from_utf8_lossy(bytes)
    );
}

// ---------------------------------------------------------------------------
// The API the command line uses.

#[test]
fn formats_have_names_extensions_and_files() {
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name()), Some(f));
        assert_eq!(Format::from_name(&f.name().to_uppercase()), Some(f));
        let files = f.write(&sample());
        assert!(files[files.len() - 1].name.ends_with(f.extension()), "{f:?}: {:?}", files[0].name);
        assert!(files.iter().all(|o| o.name.starts_with("berita 😀.")), "{f:?}");
    }
    assert_eq!(Format::from_name("label-studio"), Some(Format::LabelStudio));
    assert_eq!(Format::from_name("json"), Some(Format::Sorot));
    assert_eq!(Format::from_name("xml"), None);
    let names: Vec<String> = Format::Brat.write(&sample()).into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["berita 😀.txt", "berita 😀.ann"]);
    assert_eq!(base_name("a/b:c.html"), "a_b_c");
}

/// Sorot JSON is pinned by `tests/export.rs`, the contract's own tests.
#[test]
fn every_format_matches_its_golden_file() {
    let doc = sample();
    for f in Format::ALL.into_iter().filter(|&f| f != Format::Sorot) {
        for out in f.write(&doc) {
            golden(&out.name.replace("berita 😀", "sample"), &out.bytes);
        }
    }
}

// ---------------------------------------------------------------------------
// W3C Web Annotation.

/// The model's JSON shape for what we write, with unknown fields denied.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct W3cPage {
    #[serde(rename = "@context")]
    context: (String, Value),
    id: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(rename = "sorot:document")]
    _document: Value,
    items: Vec<W3cAnnotation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct W3cAnnotation {
    id: String,
    #[serde(rename = "type")]
    ty: String,
    motivation: String,
    body: Value,
    target: Value,
    #[serde(rename = "sorot:source")]
    source: Option<String>,
    #[serde(rename = "sorot:value")]
    _value: Option<String>,
    #[serde(rename = "sorot:title")]
    _title: Option<String>,
}

#[test]
fn w3c_output_follows_the_web_annotation_model() {
    let doc = sample();
    let json = w3c::to_json(&doc);
    let page: W3cPage = serde_json::from_str(&json).expect("pinned shape");
    assert_eq!(page.context.0, "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(page.ty, "AnnotationPage");
    assert!(page.id.starts_with("urn:sorot:doc:berita%20%F0%9F%98%80.txt"));
    let text: Vec<char> = doc.doc.text.chars().collect();
    let tagging: Vec<&W3cAnnotation> =
        page.items.iter().filter(|a| a.motivation == "tagging").collect();
    assert_eq!(tagging.len(), doc.annotations.len());
    for (a, item) in doc.annotations.iter().zip(&tagging) {
        assert_eq!(item.ty, "Annotation");
        assert!(item.id.ends_with(&format!("#{}", a.id)));
        assert_eq!(item.body["type"], "TextualBody");
        assert_eq!(item.body["purpose"], "tagging");
        assert_eq!(item.body["value"], a.label.as_str());
        assert_eq!(item.target["source"], page.id.as_str());
        let sel = item.target["selector"].as_array().unwrap();
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        let (s, e) =
            (sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
        assert_eq!((s, e), (a.start, a.end));
        let slice = |x: usize, y: usize| text[x..y].iter().collect::<String>();
        assert_eq!(sel[0]["exact"], slice(s, e).as_str(), "exact is the code-point slice");
        assert_eq!(sel[0]["prefix"], slice(s.saturating_sub(32), s).as_str());
        assert_eq!(sel[0]["suffix"], slice(e, (e + 32).min(text.len())).as_str());
        assert!(matches!(item.source.as_deref(), Some("auto" | "user")));
    }
    let links: Vec<&W3cAnnotation> =
        page.items.iter().filter(|a| a.motivation == "linking").collect();
    assert_eq!(links.len(), 1);
    assert!(links[0].target.as_str().unwrap().ends_with("#a4"), "the quote is the target");
    assert!(links[0].body.as_str().unwrap().ends_with("#a1"), "the speaker is the body");
}

#[test]
fn w3c_reanchors_annotations_of_an_edited_text() {
    let doc = markup(
        "a.txt",
        "[[PERSON:Ali]] berkata: [[QUOTE>a1:“Kami akan bekerja keras.”]] Lalu [[LOC:Bandung]].",
    );
    let mut value: Value = serde_json::from_str(&w3c::to_json(&doc)).unwrap();
    value["sorot:document"]["text"] =
        "Kemarin, Ali berkata: “Kami akan bekerja sangat keras.” Lalu ke Bandung. Selesai.".into();
    let bytes = serde_json::to_vec(&value).unwrap();
    let opened = import::read("a.w3c.json", &bytes).expect("opens");
    let got = &opened[0].doc;
    let texts: Vec<(&str, &str)> =
        got.annotations.iter().map(|a| (a.label.as_str(), got.text_of(a))).collect();
    assert_eq!(
        texts,
        [("PERSON", "Ali"), ("QUOTE", "“Kami akan bekerja sangat keras.”"), ("LOC", "Bandung")]
    );
    assert_eq!(got.get("a2").unwrap().speaker.as_deref(), Some("a1"));
    assert!(
        opened[0].notes[0].contains("3 annotation(s) were found again"),
        "{:?}",
        opened[0].notes
    );

    // Gone entirely: counted as not placed.
    value["sorot:document"]["text"] = "Teks yang sama sekali lain tentang Ali.".into();
    let opened = import::read("a.w3c.json", &serde_json::to_vec(&value).unwrap()).unwrap();
    assert_eq!(opened[0].doc.annotations.len(), 1);
    assert!(opened[0].notes[0].contains("2 could not be placed"), "{:?}", opened[0].notes);
}

#[test]
fn w3c_without_text_is_read_against_the_text_dropped_with_it() {
    let doc = markup("artikel.txt", "Kata [[PERSON:Budi]] di [[LOC:Surabaya]].");
    let mut value: Value = serde_json::from_str(&w3c::to_json(&doc)).unwrap();
    value.as_object_mut().unwrap().remove("sorot:document");
    let json = serde_json::to_vec(&value).unwrap();
    let alone = import::read("artikel.w3c.json", &json).unwrap_err();
    assert!(alone.to_string().contains("no document text"), "{alone}");
    let text = "Kemarin kata Budi di Surabaya.";
    let got = import::read_files(&[("artikel.w3c.json", &json), ("artikel.txt", text.as_bytes())]);
    assert_eq!(got.len(), 1);
    let d = &got[0].as_ref().unwrap().doc;
    assert_eq!(*d.doc.text, *text);
    let texts: Vec<&str> = d.annotations.iter().map(|a| d.text_of(a)).collect();
    assert_eq!(texts, ["Budi", "Surabaya"]);
}

// ---------------------------------------------------------------------------
// Round-trips.

fn roundtrip_sorot(doc: &AnnotatedDocument) {
    let a = sorot_json::to_json(doc);
    let opened = import::read("x.sorot.json", a.as_bytes()).expect("Sorot JSON opens");
    assert_eq!(&opened[0].doc, doc);
    assert_eq!(sorot_json::to_json(&opened[0].doc), a);
}

fn roundtrip_w3c(doc: &AnnotatedDocument) {
    let a = w3c::to_json(doc);
    let opened = import::read("x.w3c.json", a.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{a}"));
    assert!(opened[0].notes.is_empty(), "{:?}", opened[0].notes);
    assert_eq!(&opened[0].doc, doc, "W3C import gives the same document");
    assert_eq!(w3c::to_json(&opened[0].doc), a);
}

fn roundtrip_brat(doc: &AnnotatedDocument) {
    let files = Format::Brat.write(doc);
    let batch: Vec<(&str, &[u8])> =
        files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect();
    let got = import::read_files(&batch);
    assert_eq!(got.len(), 1, "the .txt pairs with the .ann");
    let back = &got[0].as_ref().unwrap_or_else(|e| panic!("{e}")).doc;
    assert_eq!(back.doc.text, doc.doc.text);
    let again = brat::to_ann(back);
    assert_eq!(
        again,
        String::from_utf8(files[1].bytes.clone()).unwrap(),
        "brat → brat is byte-identical"
    );
}

#[test]
fn sorot_w3c_and_brat_round_trip_the_sample() {
    let doc = sample();
    roundtrip_sorot(&doc);
    roundtrip_w3c(&doc);
    roundtrip_brat(&doc);
    // brat keeps everything it can say: labels, spans, speakers, source,
    // values and titles (ids become a1, a2, … in order, as they are here).
    let files = Format::Brat.write(&doc);
    let batch: Vec<(&str, &[u8])> =
        files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect();
    let back = import::read_files(&batch).remove(0).unwrap().doc;
    assert_eq!(back.annotations, doc.annotations);
    assert_eq!(back.doc.name, "berita 😀.txt");
}

/// Random text from a mix of ASCII, Indonesian, CJK, emoji, combining
/// marks, quotes, tabs and every line ending; random annotations on it.
fn random_doc(rng: &mut Rng) -> AnnotatedDocument {
    const PIECES: &[&str] = &[
        "a", "Ali", " ", " ", "Jakarta", "é", "e\u{301}", "日本", "😀", "🇯🇵", "\r\n", "\n", "\r",
        "\t", "“", "”", "\"", "\\", ",", "=", "+1", "-", "@", "<b>", "&amp;", "#", "%", "\u{0}",
        "\u{2028}", "\u{FEFF}",
    ];
    let n = rng.below(40);
    let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
    let len = text.chars().count();
    let labels = ["PERSON", "ORG", "LOC", "DATE", "QUOTE", "Topik baru", "x\ty"];
    let mut anns = Vec::new();
    if len > 0 {
        for k in 0..rng.below(8) {
            let s = rng.below(len);
            let e = s + 1 + rng.below(len - s);
            anns.push(Annotation {
                id: format!("a{}", k + 1).into(),
                label: labels[rng.below(labels.len())].into(),
                start: s,
                end: e,
                source: if rng.below(2) == 0 { Source::Auto } else { Source::User },
                speaker: None,
                value: (rng.below(4) == 0).then(|| "2025-12-01".to_string()),
                title: (rng.below(4) == 0).then(|| "Dr. 😀".to_string()),
            });
        }
        let ids: Vec<_> = anns.iter().map(|a| a.id.clone()).collect();
        for a in anns.iter_mut() {
            if a.label == "QUOTE" && rng.below(2) == 0 {
                a.speaker = Some(ids[rng.below(ids.len())].clone());
            }
        }
    }
    AnnotatedDocument::new(
        Document {
            name: format!("acak {}.txt", rng.below(100)),
            lang: "id".into(),
            text: text.into(),
        },
        anns,
    )
}

#[test]
fn random_documents_round_trip_through_sorot_w3c_and_brat() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..400 {
        let doc = random_doc(&mut rng);
        roundtrip_sorot(&doc);
        roundtrip_w3c(&doc);
        if doc.doc.text.contains('\0') || doc.doc.text.trim().is_empty() {
            continue; // not a text file brat's .txt could hold
        }
        roundtrip_brat(&doc);
    }
}

// ---------------------------------------------------------------------------
// The other formats' shapes.

#[test]
fn conll_is_iob2_with_one_sentence_per_block() {
    let doc = markup(
        "a.txt",
        "[[PERSON:Sanae Takaichi]] tiba di [[LOC:Jakarta]] pada [[DATE:1 Desember 2025]]. [[QUOTE:“Kami siap,” ]]kata [[PERSON:Indo-Pasifik]].\nBaris dua.",
    );
    let out = conll::to_conll(&doc);
    let sentences = conll::parse(&out);
    let tags = |k: usize| {
        sentences[k].iter().map(|(t, g)| format!("{t}/{g}")).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(
        tags(0),
        "Sanae/B-PERSON Takaichi/I-PERSON tiba/O di/O Jakarta/B-LOC pada/O 1/B-DATE Desember/I-DATE 2025/I-DATE ./O"
    );
    assert_eq!(tags(1), "“/O Kami/O siap/O ,/O ”/O kata/O Indo-Pasifik/B-PERSON ./O");
    assert_eq!(tags(2), "Baris/O dua/O ./O");
    assert!(out.starts_with("-DOCSTART- O\n\n"));
    // IOB2: every I- follows a B- or I- of the same label.
    let mut prev = "O".to_string();
    for s in &sentences {
        for (_, tag) in s {
            if let Some(l) = tag.strip_prefix("I-") {
                assert!(prev.ends_with(l), "{tag} after {prev}");
            }
            prev = tag.clone();
        }
        prev = "O".into();
    }
}

#[test]
fn csv_neutralises_formulas_and_quotes_fields() {
    let out = csv::to_csv(&sample());
    assert!(out.starts_with("\u{FEFF}id,label,start,end,text,speaker\r\n"));
    assert!(out.contains(",'=SUM(A1),"), "{out}");
    for (field, want) in [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\tx", "'\tx"),
        ("ok", "ok"),
    ] {
        assert_eq!(csv::field(field), want);
    }
    assert!(out.contains("\"“Kami siap 😀,\r\nbersama Cafe\u{301},” \",a1\r\n"), "{out}");
}

#[test]
fn doccano_spacy_and_label_studio_count_code_points() {
    let doc = sample();
    let text: Vec<char> = doc.doc.text.chars().collect();
    let slice = |s: u64, e: u64| text[s as usize..e as usize].iter().collect::<String>();
    let d: Value = serde_json::from_str(export::doccano::to_jsonl(&doc).trim_end()).unwrap();
    assert_eq!(d["text"], &*doc.doc.text);
    assert_eq!(d["label"].as_array().unwrap().len(), doc.annotations.len());
    for l in d["label"].as_array().unwrap() {
        assert!(doc.annotations.iter().any(|a| *a.label == l[2]
            && slice(l[0].as_u64().unwrap(), l[1].as_u64().unwrap()) == doc.text_of(a)));
    }
    let s: Value = serde_json::from_str(&export::spacy::to_json(&doc)).unwrap();
    let ents = s["ents"].as_array().unwrap();
    assert!(ents.iter().all(|e| e["label"] != "QUOTE"));
    assert!(ents.windows(2).all(|w| w[0]["end"].as_u64() <= w[1]["start"].as_u64()), "no overlaps");
    assert_eq!(
        slice(ents[0]["start"].as_u64().unwrap(), ents[0]["end"].as_u64().unwrap()),
        "Sanae Takaichi"
    );
    let ls: Value = serde_json::from_str(&export::labelstudio::to_json(&[&doc])).unwrap();
    let task = &ls[0];
    assert!(task.get("predictions").is_none(), "a user annotation makes the set an annotation");
    let result = task["annotations"][0]["result"].as_array().unwrap();
    for r in result.iter().filter(|r| r["type"] == "labels") {
        let v = &r["value"];
        assert_eq!(
            v["text"],
            slice(v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap()).as_str()
        );
        assert_eq!((r["from_name"].as_str(), r["to_name"].as_str()), (Some("label"), Some("text")));
    }
    let rel = result.iter().find(|r| r["type"] == "relation").unwrap();
    assert_eq!((rel["from_id"].as_str(), rel["to_id"].as_str()), (Some("a4"), Some("a1")));
    let auto = markup("b.txt", "[[PERSON:Ali]]");
    let ls: Value = serde_json::from_str(&export::labelstudio::to_json(&[&auto])).unwrap();
    assert_eq!(
        ls[0]["predictions"][0]["model_version"],
        format!("sorot {}", env!("CARGO_PKG_VERSION")).as_str()
    );
}

// ---------------------------------------------------------------------------
// All documents at once.

#[test]
fn all_documents_as_zip_and_jsonl() {
    let a = sample();
    let b = markup("berita 😀.md", "[[PERSON:Ali]] lagi.");
    let docs = [&a, &b];
    for f in Format::ALL {
        let zip = write_zip(f, &docs);
        let entries = import::zip::read(&zip).expect("our zip reads back");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        let per_doc = f.write(&a).len();
        assert_eq!(names.len(), 2 * per_doc, "{f:?}: {names:?}");
        let mut uniq = names.clone();
        uniq.dedup();
        assert_eq!(uniq.len(), names.len(), "{f:?}: names are unique: {names:?}");
        assert_eq!(entries[0].bytes.as_ref().unwrap(), &f.write(&a)[0].bytes);
    }
    let names: Vec<String> = import::zip::read(&write_zip(Format::Brat, &docs))
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["berita 😀.txt", "berita 😀.ann", "berita 😀 (2).txt", "berita 😀 (2).ann"]);
    // The zip of Sorot JSON opens again as both documents.
    let zip = write_zip(Format::Sorot, &docs);
    let opened = import::read("semua.zip", &zip).unwrap();
    assert_eq!(opened.iter().map(|o| &o.doc).collect::<Vec<_>>(), docs);
    // JSONL: one line per document; Sorot JSONL opens again.
    let jsonl = write_jsonl(Format::Sorot, &docs).unwrap();
    assert_eq!(jsonl.lines().count(), 2);
    let opened = import::read("semua.jsonl", jsonl.as_bytes()).unwrap();
    assert_eq!(opened.iter().map(|o| &o.doc).collect::<Vec<_>>(), docs);
    for f in Format::ALL {
        match write_jsonl(f, &docs) {
            Some(s) => {
                assert_eq!(s.lines().count(), 2, "{f:?}");
                for l in s.lines() {
                    serde_json::from_str::<Value>(l).unwrap();
                }
            }
            None => assert!(!f.has_jsonl()),
        }
    }
    let zip = write_zip(Format::Sorot, &docs);
    assert_eq!(zip, write_zip(Format::Sorot, &docs), "zips are byte-stable");
}

// ---------------------------------------------------------------------------
// The page's export menu: the worker writes its files from what the page
// sends (Sorot JSON Lines and the label set as JSON).

/// A label set of the user's: a label renamed, one added, one hidden.
fn users_labels() -> LabelSet {
    let mut labels = LabelSet::default();
    labels.rename("LOC", "TEMPAT").unwrap();
    labels.add("Topik baru", None).unwrap();
    labels.set_hidden("DATE", true);
    labels
}

#[test]
fn the_menus_files_made_in_the_worker_are_the_pages() {
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    let a = sample();
    let b = markup("berita 😀.md", "[[PERSON:Ali]] lagi.");
    let c = random_doc(&mut rng);
    let docs = [&a, &b, &c];
    let labels = users_labels();
    for f in Format::ALL {
        for scope in Scope::ALL {
            let direct = menu::files(f, scope, &docs, &labels);
            // What crosses is names and text.
            let req = Request::new(f, scope, &docs, &labels);
            let crossed =
                Request::from_parts(f.name(), scope.name(), req.docs.clone(), req.labels.clone())
                    .unwrap();
            assert_eq!(crossed, req);
            assert_eq!(crossed.answer().unwrap(), direct, "{f:?} {scope:?}");
            let names: Vec<&str> = direct.iter().map(|o| o.name.as_str()).collect();
            match scope {
                Scope::Current if f == Format::Brat => {
                    assert_eq!(names, ["berita 😀.brat.zip"]);
                    let inside = import::zip::read(&direct[0].bytes).unwrap();
                    assert_eq!(inside.len(), 2, "only the document shown");
                }
                Scope::Current => {
                    assert_eq!(direct, f.write_labelled(&a, &labels), "{f:?}");
                    assert_eq!(names, [menu::file_name(f, scope, &a.doc.name)]);
                }
                Scope::All => {
                    assert_eq!(names, [format!("sorot-{}.zip", f.name())]);
                    assert_eq!(
                        direct[0].bytes,
                        export::write_zip_labelled(f, &docs, Some(&labels))
                    );
                }
                Scope::Jsonl if f.has_jsonl() => {
                    assert_eq!(names, [format!("sorot-{}.jsonl", f.name())]);
                    assert_eq!(direct[0].bytes, write_jsonl(f, &docs).unwrap().into_bytes());
                }
                Scope::Jsonl => assert!(direct.is_empty(), "{f:?} has no JSON Lines"),
            }
        }
    }
    // The user's labels reach the Sorot JSON written in the worker.
    let req = Request::new(Format::Sorot, Scope::Current, &[&a], &labels);
    let file = &req.answer().unwrap()[0];
    let json: Value = serde_json::from_slice(&file.bytes).unwrap();
    let names: Vec<&str> =
        json["labels"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"TEMPAT") && names.contains(&"Topik baru"), "{names:?}");
    // No document, no file.
    assert!(Request::new(Format::W3c, Scope::All, &[], &labels).answer().unwrap().is_empty());
}

#[test]
fn a_damaged_export_request_is_an_error_not_a_panic() {
    let a = sample();
    let labels = users_labels();
    let req = Request::new(Format::Conll, Scope::All, &[&a, &a], &labels);
    assert!(Request::from_parts("xlsx", "all", Vec::new(), req.labels.clone()).is_err());
    assert!(Request::from_parts("conll", "some", Vec::new(), req.labels.clone()).is_err());
    // A line cut anywhere (a message that lost its end), or a label set
    // that is not one: an error naming what did not arrive.
    let line = &req.docs[1];
    for cut in [1, line.len() / 2, line.len() - 2] {
        let at = (0..=cut).rev().find(|&k| line.is_char_boundary(k)).unwrap();
        let short =
            Request { docs: vec![req.docs[0].clone(), line[..at].to_string()], ..req.clone() };
        let e = short.answer().unwrap_err();
        assert!(e.contains("document 2 did not arrive whole"), "{e}");
    }
    // A saved line comes without its final line break.
    let bare = Request {
        docs: req.docs.iter().map(|l| l.trim_end().to_string()).collect(),
        ..req.clone()
    };
    assert_eq!(bare.answer(), req.answer());
    for bad in ["", "{}", "[{\"name\":\"\",\"colour\":\"#000000\",\"hidden\":false}]"] {
        let wrong = Request { labels: bad.to_string(), ..req.clone() };
        assert!(wrong.answer().is_err(), "{bad}");
    }
}

// ---------------------------------------------------------------------------
// Files for the external tools (scripts/test.sh runs them on these).

/// Writes the CoNLL and spaCy exports of the sample and of the recognizer's
/// output on every e2e fixture article into `$SOROT_TOOL_DIR`, for
/// `tests/formats_tools.py` (seqeval). Without the variable it only checks
/// the exports are made.
#[test]
fn exports_for_external_tools() {
    let dir = std::env::var_os("SOROT_TOOL_DIR").map(PathBuf::from);
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    let mut docs = vec![sample()];
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(&fixtures).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        docs.push(sorot::core::recognize::annotate(&name, &text));
    }
    for (k, doc) in docs.iter().enumerate() {
        let conll = conll::to_conll(doc);
        let spacy = export::spacy::to_json(doc);
        assert!(conll.starts_with("-DOCSTART-") && spacy.starts_with('{'));
        if let Some(dir) = &dir {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(format!("doc{k}.conll")), conll).unwrap();
            std::fs::write(dir.join(format!("doc{k}.spacy.json")), spacy).unwrap();
        }
    }
}
