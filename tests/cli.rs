#![cfg(not(target_arch = "wasm32"))]
//! The `sorot` binary, run as a user would: help, version, annotating files
//! and standard input, scoring gold files, timing the pipeline, and the
//! errors it reports.
//!
//! The recognizer is not what is tested here, so the checks hold whatever
//! it finds: the output must be well-formed Sorot JSON of the given text,
//! the eval report must carry the gold counts (which do not depend on the
//! recognizer) and consistent numbers, and bench must print a speed
//! (whose value is never asserted).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;
use sorot::core::export::{sorot_json, Format};
use sorot::core::model::AnnotatedDocument;

/// Parses one Sorot JSON document with the library's own reader (which
/// checks offsets, texts and links) and checks the header. The exact
/// field set is pinned by tests/export.rs, not here.
fn parse(json: &str) -> AnnotatedDocument {
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(value["format"], "sorot.annotations");
    assert_eq!(value["version"], 1);
    assert_eq!(value["generator"], format!("sorot {}", env!("CARGO_PKG_VERSION")));
    sorot_json::from_json(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// Runs `sorot` with `args` and `stdin`.
fn sorot(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sorot"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sorot");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    child.wait_with_output().expect("sorot output")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A fresh directory for one test's files.
fn temp_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes a file and returns its path as a string.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("UTF-8 path").to_string()
}

/// A path as a string.
fn path_str(p: &Path) -> String {
    p.to_str().expect("UTF-8 path").to_string()
}

/// A gold fixture of tests/eval.rs.
fn eval_fixture(name: &str) -> String {
    path_str(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval").join(name))
}

const ARTICLE: &str = "Presiden Joko Widodo berkata di Jakarta pada 17 Agustus 2024: \
                       “Kita harus bekerja.”\r\n🇮🇩 Selesai.\r\n";

#[test]
fn help_describes_the_commands() {
    for flag in ["--help", "-h"] {
        let o = sorot(&[flag], b"");
        assert!(o.status.success(), "{o:?}");
        let help = stdout(&o);
        for usage in [
            "sorot annotate [--format FORMAT] [--lang id|en] [--jsonl] [--stdout | -o -]",
            "sorot convert [--from SOURCE] --to FORMAT",
            "sorot|w3c|brat|conll|doccano|labelstudio|spacy|csv",
            "sorot|w3c|brat|txt|md|html|docx",
            "sorot eval --gold FILE",
            "sorot bench [--lang id|en] [--runs N] [--no-model] FILE...",
            "sorot bench --scaling",
            "--version",
        ] {
            assert!(help.contains(usage), "{usage}: {help}");
        }
        for format in Format::ALL {
            assert!(help.contains(format.name()), "{}: {help}", format.name());
        }
        assert!(o.stderr.is_empty());
    }
}

#[test]
fn version_is_printed() {
    let o = sorot(&["--version"], b"");
    assert!(o.status.success());
    assert_eq!(stdout(&o), format!("sorot {}\n", env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------- annotate

#[test]
fn annotate_writes_the_sorot_json_beside_each_input() {
    let dir = temp_dir("beside");
    std::fs::create_dir_all(dir.join("sub")).expect("sub dir");
    let a = write(&dir, "artikel.txt", ARTICLE.as_bytes());
    let b = write(&dir.join("sub"), "b.v2.md", b"\xEF\xBB\xBFDua\r\n");
    let o = sorot(&["annotate", &a, &b], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let a_out = dir.join("artikel.sorot.json");
    let b_out = dir.join("sub/b.v2.sorot.json");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line per written file: {err}");
    assert!(lines[0].starts_with(&format!("wrote {} (", a_out.display())), "{err}");
    assert!(lines[1].starts_with(&format!("wrote {} (", b_out.display())), "{err}");

    let json = std::fs::read_to_string(&a_out).expect("written beside the input");
    assert!(json.starts_with("{\n  \"format\""), "pretty-printed: {json}");
    assert!(json.ends_with("}\n"));
    let doc = parse(&json);
    assert_eq!(doc.doc.name, "artikel.txt");
    assert_eq!(&*doc.doc.text, ARTICLE, "line endings are kept");
    assert!(["id", "en"].contains(&doc.doc.lang.as_str()), "{}", doc.doc.lang);
    let doc = parse(&std::fs::read_to_string(&b_out).expect("written in sub/"));
    assert_eq!((doc.doc.name.as_str(), &*doc.doc.text), ("b.v2.md", "Dua\r\n"));
}

#[test]
fn lang_option_sets_the_language() {
    let dir = temp_dir("lang_option");
    let path = write(&dir, "story.md", b"The minister spoke in London.");
    for args in [["annotate", "--lang", "id"].as_slice(), &["annotate", "--lang=id"]] {
        let mut args = args.to_vec();
        args.push(&path);
        let o = sorot(&args, b"");
        assert!(o.status.success(), "{}", stderr(&o));
        let json = std::fs::read_to_string(dir.join("story.sorot.json")).expect("written");
        assert_eq!(parse(&json).doc.lang, "id");
    }
}

#[test]
fn jsonl_prints_one_document_a_line_in_order_and_writes_nothing() {
    let dir = temp_dir("jsonl");
    let a = write(&dir, "a.txt", "Satu 😀.".as_bytes());
    let b = write(&dir, "b.txt", b"\xEF\xBB\xBFDua\r\n");
    let o = sorot(&["annotate", "--jsonl", &a, "-", &b], "Tiga e\u{301}".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches('\n').count(), 3, "{out}");
    let docs: Vec<AnnotatedDocument> = out.lines().map(parse).collect();
    let got: Vec<(&str, &str)> = docs.iter().map(|d| (d.doc.name.as_str(), &*d.doc.text)).collect();
    assert_eq!(
        got,
        [("a.txt", "Satu 😀."), ("stdin", "Tiga e\u{301}"), ("b.txt", "Dua\r\n")],
        "the byte-order mark is dropped"
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["a.txt", "b.txt"], "--jsonl writes no file");
}

#[test]
fn stdin_alone_prints_pretty_json_on_stdout() {
    let o = sorot(&["annotate", "--lang", "en", "-"], ARTICLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("{\n  \"format\""), "{out}");
    let doc = parse(&out);
    assert_eq!((doc.doc.name.as_str(), doc.doc.lang.as_str()), ("stdin", "en"));
    assert_eq!(&*doc.doc.text, ARTICLE);
}

#[test]
fn a_bad_file_is_named_and_the_others_still_processed() {
    let dir = temp_dir("bad_file");
    let good = write(&dir, "good.txt", b"Baik.");
    let latin1 = write(&dir, "latin1.txt", b"Caf\xE9");
    let missing = path_str(&dir.join("missing.txt"));
    let o = sorot(&["annotate", &missing, &good, &latin1], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains(&format!("sorot: {missing}: ")), "{err}");
    assert!(
        err.contains(&format!("sorot: {latin1}: not UTF-8 text (invalid byte at offset 3)")),
        "{err}"
    );
    assert!(err.contains("wrote "), "{err}");
    assert_eq!(err.lines().count(), 3, "{err}");
    let json = std::fs::read_to_string(dir.join("good.sorot.json")).expect("good file written");
    assert_eq!(&*parse(&json).doc.text, "Baik.");
    assert!(!dir.join("latin1.sorot.json").exists());
    assert!(!dir.join("missing.sorot.json").exists());
}

#[test]
fn an_unwritable_output_is_an_error_for_that_file() {
    let dir = temp_dir("unwritable");
    let input = write(&dir, "x.txt", b"Teks.");
    // A folder where the output file should go makes the write fail.
    std::fs::create_dir_all(dir.join("x.sorot.json")).expect("blocking dir");
    let o = sorot(&["annotate", &input], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let expected = format!("sorot: {input}: cannot write {}: ", dir.join("x.sorot.json").display());
    assert!(err.starts_with(&expected), "{err}");
}

#[test]
fn a_single_unreadable_file_prints_nothing_and_fails() {
    let dir = temp_dir("single_unreadable");
    let o = sorot(&["annotate", &path_str(&dir)], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).starts_with(&format!("sorot: {}: ", dir.display())), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_with_2() {
    for (args, message) in [
        (&["frobnicate"][..], "sorot: unknown command 'frobnicate'"),
        (&[][..], "sorot: no command given"),
        (&["annotate"][..], "sorot: annotate needs at least one FILE"),
        (&["annotate", "--lang", "fr", "x"][..], "sorot: unsupported language 'fr'"),
        (&["annotate", "--verbose", "x"][..], "sorot: unknown option '--verbose'"),
        (&["annotate", "--format", "xml", "x"][..], "sorot: unknown format 'xml' for --format"),
        (&["annotate", "--format"][..], "sorot: --format needs a value"),
        (&["annotate", "--format", "csv", "--jsonl", "x"][..], "sorot: --jsonl works with"),
        (&["annotate", "-o", "out", "x"][..], "sorot: -o takes only -"),
        (&["convert", "x.json"][..], "sorot: convert needs --to FORMAT"),
        (&["convert", "--to", "pdf", "x"][..], "sorot: unknown format 'pdf' for --to"),
        (&["convert", "--from", "conll", "--to", "w3c", "x"][..], "sorot: convert cannot read"),
        (&["convert", "--from", "odt", "--to", "w3c", "x"][..], "sorot: unknown format 'odt'"),
        (&["convert", "--to", "w3c"][..], "sorot: convert needs at least one FILE"),
        (&["eval"][..], "sorot: eval needs --gold FILE"),
        (&["eval", "--gold", "g", "--labels", "MISC"][..], "sorot: unknown label 'MISC'"),
        (&["bench"][..], "sorot: bench needs at least one FILE"),
        (&["bench", "--runs", "0", "x"][..], "sorot: --runs needs a whole number"),
        (&["bench", "--scaling", "x", "y"][..], "sorot: bench --scaling takes exactly one FILE"),
    ] {
        let o = sorot(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with(message), "{args:?}: {err}");
        assert!(err.contains("sorot --help"), "{err}");
    }
}

// ---------------------------------------------------------------- formats

/// The files in `dir`, sorted.
fn list(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// Checks that `bytes` is well-formed output of `format` for a document
/// holding `text` (without reading it back with our own importer).
fn check_format(format: Format, bytes: &[u8], text: &str) {
    let s = std::str::from_utf8(bytes).expect("UTF-8 output");
    let json = |s: &str| -> serde_json::Value {
        serde_json::from_str(s).unwrap_or_else(|e| panic!("{format:?}: {e}\n{s}"))
    };
    match format {
        Format::Sorot => assert_eq!(&*parse(s).doc.text, text),
        Format::W3c => {
            let v = json(s);
            assert!(v.to_string().contains("Annotation"), "{s}");
        }
        Format::Brat => {
            let t_lines: Vec<&str> = s.lines().filter(|l| l.starts_with('T')).collect();
            assert!(!t_lines.is_empty(), "brat has T lines: {s}");
            for l in t_lines {
                assert_eq!(l.split('\t').count(), 3, "{l}");
            }
        }
        Format::Conll => {
            let tags: Vec<&str> = s
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-"))
                .map(|l| l.rsplit(' ').next().expect("a tag"))
                .collect();
            assert!(!tags.is_empty(), "{s}");
            for t in &tags {
                assert!(*t == "O" || t.starts_with("B-") || t.starts_with("I-"), "{t}: {s}");
            }
            assert!(tags.iter().any(|t| t.starts_with("B-")), "an entity is tagged: {s}");
        }
        Format::Doccano => {
            assert!(s.ends_with('\n'));
            for line in s.lines() {
                assert_eq!(json(line)["text"], text);
            }
        }
        Format::LabelStudio => assert!(json(s).is_array(), "{s}"),
        Format::Spacy => assert_eq!(json(s)["text"], text),
        Format::Csv => {
            let header = s.trim_start_matches('\u{FEFF}').lines().next().expect("header");
            assert!(header.starts_with("id,label,start,end,text"), "{header}");
        }
    }
}

#[test]
fn annotate_format_writes_each_format_beside_the_input() {
    for format in Format::ALL {
        let dir = temp_dir(&format!("format_{}", format.name()));
        let input = write(&dir, "artikel.txt", ARTICLE.as_bytes());
        let o = sorot(&["annotate", "--format", format.name(), &input], b"");
        assert!(o.status.success(), "{format:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{}", stdout(&o));
        let expected = match format {
            Format::Sorot => "artikel.sorot.json",
            Format::W3c => "artikel.w3c.json",
            Format::Brat => "artikel.ann",
            Format::Conll => "artikel.conll",
            Format::Doccano => "artikel.doccano.jsonl",
            Format::LabelStudio => "artikel.labelstudio.json",
            Format::Spacy => "artikel.spacy.json",
            Format::Csv => "artikel.csv",
        };
        let mut files = vec![expected.to_string(), "artikel.txt".to_string()];
        files.sort();
        assert_eq!(list(&dir), files, "{format:?}");
        // brat's .txt is the input itself, left as it was.
        assert_eq!(std::fs::read(&input).expect("input"), ARTICLE.as_bytes());
        let err = stderr(&o);
        let wrote = format!("wrote {} (", dir.join(expected).display());
        if format == Format::Brat {
            assert_eq!(err.lines().count(), 2, "{err}");
            assert!(err.starts_with(&format!("kept {input} (")), "{err}");
            assert!(err.lines().nth(1).is_some_and(|l| l.starts_with(&wrote)), "{err}");
        } else {
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with(&wrote), "{err}");
        }
        check_format(format, &std::fs::read(dir.join(expected)).expect("written"), ARTICLE);
    }
}

#[test]
fn annotate_brat_of_an_html_page_writes_its_text_and_ann() {
    let dir = temp_dir("brat_html");
    let page = write(
        &dir,
        "halaman.html",
        "<html><body><p>Presiden Joko Widodo tiba di Jakarta.</p></body></html>".as_bytes(),
    );
    let o = sorot(&["annotate", "--format", "brat", &page], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(list(&dir), ["halaman.ann", "halaman.html", "halaman.txt"]);
    let text = std::fs::read_to_string(dir.join("halaman.txt")).expect("text");
    assert!(text.contains("Presiden Joko Widodo tiba di Jakarta."), "{text}");
    check_format(Format::Brat, &std::fs::read(dir.join("halaman.ann")).expect("ann"), &text);
    assert_eq!(stderr(&o).lines().count(), 2, "{}", stderr(&o));
}

#[test]
fn annotate_never_changes_an_input() {
    let dir = temp_dir("keeps_input");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat();
    let input = write(&dir, "bom.txt", &with_bom);
    let o = sorot(&["annotate", "--format", "brat", &input], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("sorot: {input}: not writing {input}: it is an input")),
        "{err}"
    );
    assert_eq!(std::fs::read(&input).expect("input"), with_bom, "the input is unchanged");
    assert_eq!(list(&dir), ["bom.txt"], "no half pair is written");
}

#[test]
fn stdout_mode_prints_the_main_file_and_writes_nothing() {
    let dir = temp_dir("stdout_mode");
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    for format in Format::ALL {
        for flag in [&["--stdout"][..], &["-o", "-"], &["--output=-"]] {
            let mut args = vec!["annotate", "--format", format.name()];
            args.extend(flag);
            args.push(&a);
            let o = sorot(&args, b"");
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            assert!(o.stderr.is_empty(), "{}", stderr(&o));
            check_format(format, &o.stdout, ARTICLE);
            if format == Format::Brat {
                assert!(!stdout(&o).contains("Selesai"), "only the .ann: {}", stdout(&o));
            }
        }
    }
    // Standard input goes to standard output in the format asked for.
    let o = sorot(&["annotate", "--format", "csv", "-"], ARTICLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    check_format(Format::Csv, &o.stdout, ARTICLE);
    assert_eq!(list(&dir), ["a.txt"], "nothing written");
}

#[test]
fn jsonl_prints_one_line_per_document_in_any_jsonl_format() {
    let dir = temp_dir("jsonl_formats");
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let b = write(&dir, "b.md", "# Judul\n\nMenteri tiba di Bandung.\n".as_bytes());
    for format in Format::ALL.into_iter().filter(|f| f.has_jsonl()) {
        let o = sorot(&["annotate", "--format", format.name(), "--jsonl", &a, &b], b"");
        assert!(o.status.success(), "{format:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert_eq!(out.lines().count(), 2, "{format:?}: {out}");
        for line in out.lines() {
            let _: serde_json::Value = serde_json::from_str(line).expect("one JSON a line");
        }
    }
    assert_eq!(list(&dir), ["a.txt", "b.md"]);
}

#[test]
fn convert_sorot_to_w3c_and_back_keeps_the_annotations() {
    let dir = temp_dir("convert_round_trip");
    let input = write(&dir, "artikel.txt", ARTICLE.as_bytes());
    let o = sorot(&["annotate", &input], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let original = std::fs::read_to_string(dir.join("artikel.sorot.json")).expect("sorot");

    let o = sorot(&["convert", "--to", "w3c", &path_str(&dir.join("artikel.sorot.json"))], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let w3c = path_str(&dir.join("artikel.w3c.json"));
    check_format(Format::W3c, &std::fs::read(&w3c).expect("w3c written"), ARTICLE);

    for from in [&["--from", "w3c"][..], &[]] {
        let mut args = vec!["convert"];
        args.extend(from);
        args.extend(["--to", "sorot", "--stdout", &w3c]);
        let o = sorot(&args, b"");
        assert!(o.status.success(), "{}", stderr(&o));
        let back = stdout(&o);
        let (a, b) = (parse(&original), parse(&back));
        assert_eq!(b.doc, a.doc);
        assert_eq!(b.annotations, a.annotations);
        assert_eq!(back, original, "byte-identical");
    }
}

#[test]
fn convert_brat_back_to_sorot_keeps_the_annotations() {
    let dir = temp_dir("convert_brat");
    let input = write(&dir, "artikel.txt", ARTICLE.as_bytes());
    let o = sorot(&["annotate", "--format", "brat", &input], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let o = sorot(&["annotate", "--stdout", &input], b"");
    let original = parse(&stdout(&o));
    let ann = path_str(&dir.join("artikel.ann"));
    for args in [
        &["convert", "--to", "sorot", "--stdout", &ann][..],
        &["convert", "--from", "brat", "--to", "sorot", "-o", "-", &input],
    ] {
        let o = sorot(args, b"");
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let back = parse(&stdout(&o));
        assert_eq!(back.doc.text, original.doc.text);
        let spans = |d: &AnnotatedDocument| -> Vec<(usize, usize, String)> {
            d.annotations.iter().map(|a| (a.start, a.end, a.label.to_string())).collect()
        };
        assert_eq!(spans(&back), spans(&original), "{args:?}");
    }
    // brat to brat leaves both files as they are.
    let before = std::fs::read(&ann).expect("ann");
    let o = sorot(&["convert", "--to", "brat", &ann], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ann).expect("ann"), before);
}

#[test]
fn convert_reads_an_html_page() {
    let dir = temp_dir("convert_html");
    let html = "<!doctype html><html><head><title>x</title></head><body>\
                <article><p>Presiden Joko Widodo berkata di Jakarta.</p></article></body></html>";
    let page = write(&dir, "berita.html", html.as_bytes());
    let o = sorot(&["convert", "--to", "sorot", &page], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = parse(&std::fs::read_to_string(dir.join("berita.sorot.json")).expect("written"));
    assert_eq!(doc.doc.name, "berita.html");
    assert!(doc.doc.text.contains("Presiden Joko Widodo berkata di Jakarta."), "{}", doc.doc.text);
    assert!(!doc.doc.text.contains('<'), "{}", doc.doc.text);
    // --from html reads a page whatever its extension, with --lang.
    let odd = write(&dir, "berita.page", html.as_bytes());
    let o = sorot(
        &["convert", "--from", "html", "--lang", "en", "--to", "spacy", "-o", "-", &odd],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("spaCy JSON");
    assert!(v["text"].as_str().expect("text").contains("Joko Widodo"), "{v}");
    let o = sorot(
        &["convert", "--from", "html", "--lang", "en", "--to", "sorot", "-o", "-", &odd],
        b"",
    );
    assert_eq!(parse(&stdout(&o)).doc.lang, "en");
}

#[test]
fn convert_names_the_file_it_cannot_read() {
    let dir = temp_dir("convert_errors");
    let input = write(&dir, "a.txt", ARTICLE.as_bytes());
    sorot(&["annotate", &input], b"");
    let sorot_file = path_str(&dir.join("a.sorot.json"));
    let lonely = write(&dir, "lonely.ann", b"T1\tPERSON 0 4\tJoko\n");
    let odd = write(&dir, "a.xyz", b"teks");
    let missing = path_str(&dir.join("missing.json"));
    for (args, message) in [
        (vec!["--from", "w3c", &sorot_file], format!("sorot: {sorot_file}: it is not W3C")),
        (vec![&lonely], format!("sorot: {lonely}: cannot read its brat .txt ")),
        (vec![&odd], format!("sorot: {odd}: cannot tell its format from its extension")),
        (vec![&missing], format!("sorot: {missing}: ")),
    ] {
        let mut all = vec!["convert", "--to", "csv"];
        all.extend(args);
        let o = sorot(&all, b"");
        assert_eq!(o.status.code(), Some(1), "{all:?}");
        assert!(stderr(&o).starts_with(&message), "{all:?}: {}", stderr(&o));
    }
    // The other files are still converted.
    let o = sorot(&["convert", "--to", "csv", &odd, &sorot_file], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(dir.join("a.csv").exists(), "{}", stderr(&o));
}

// ---------------------------------------------------------------- eval

/// `sorot eval --json`, pinned.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvalReport {
    gold: String,
    format: String,
    documents: usize,
    tokens: usize,
    languages: std::collections::BTreeMap<String, usize>,
    lang_from: String,
    labels: Vec<String>,
    ignored_types: Vec<String>,
    per_label: Vec<EvalCounts>,
    overall: EvalCounts,
    quotes: Option<EvalQuotes>,
    errors: Option<Vec<EvalError>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read through Debug and the checks below.
struct EvalError {
    doc: String,
    kind: String,
    label: String,
    start: usize,
    end: usize,
    text: String,
    context: String,
    gold_speaker: Option<String>,
    predicted_speaker: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvalCounts {
    label: Option<String>,
    gold: usize,
    predicted: usize,
    correct: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvalQuotes {
    gold: usize,
    predicted: usize,
    correct: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    speakers: usize,
    speakers_correct: usize,
    speaker_accuracy: f64,
}

impl EvalCounts {
    /// The ratios agree with the counts (conlleval's zero rules).
    fn check(&self) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        assert!(self.correct <= self.gold.min(self.predicted), "{self:?}");
        assert!((self.precision - ratio(self.correct, self.predicted)).abs() < 1e-9, "{self:?}");
        assert!((self.recall - ratio(self.correct, self.gold)).abs() < 1e-9, "{self:?}");
        assert!((0.0..=1.0).contains(&self.f1), "{self:?}");
    }
}

fn eval_json(args: &[&str]) -> EvalReport {
    let o = sorot(args, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let report: EvalReport = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    for c in report.per_label.iter().chain([&report.overall]) {
        c.check();
    }
    report
}

#[test]
fn eval_prints_a_table_per_label_and_overall() {
    let gold = eval_fixture("iob2_crlf.txt");
    let o = sorot(&["eval", "--gold", &gold], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(&format!("gold       {gold} (conll, 2 documents, 19 tokens)")), "{out}");
    assert!(
        out.contains("scored     PERSON ORG LOC (from the gold tag set; not scored: DATE)"),
        "{out}"
    );
    assert!(out.contains("ignored    gold types MISC"), "{out}");
    let header = out.lines().find(|l| l.starts_with("label")).expect("a header row");
    let columns: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(columns, ["label", "gold", "predicted", "correct", "precision", "recall", "F1"]);
    let gold_column: Vec<(&str, &str)> = out
        .lines()
        .skip_while(|l| !l.starts_with("label"))
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cells.len(), 7, "{l}");
            assert!(cells[4..].iter().all(|c| c.ends_with('%')), "{l}");
            (cells[0], cells[1])
        })
        .collect();
    assert_eq!(gold_column, [("PERSON", "2"), ("ORG", "2"), ("LOC", "1"), ("overall", "5")]);
}

#[test]
fn eval_json_is_machine_readable() {
    let gold = eval_fixture("gum_like.txt");
    let r = eval_json(&["eval", "--gold", &gold, "--json", "--lang", "en"]);
    assert_eq!((r.gold.as_str(), r.format.as_str()), (gold.as_str(), "conll"));
    assert_eq!((r.documents, r.tokens), (2, 21));
    assert_eq!(r.languages.get("en"), Some(&2));
    assert_eq!(r.lang_from, "option");
    assert_eq!(r.labels, ["PERSON", "ORG", "LOC", "DATE"]);
    assert!(r.ignored_types.is_empty());
    let gold_counts: Vec<(Option<&str>, usize)> =
        r.per_label.iter().map(|c| (c.label.as_deref(), c.gold)).collect();
    assert_eq!(
        gold_counts,
        [(Some("PERSON"), 2), (Some("ORG"), 1), (Some("LOC"), 2), (Some("DATE"), 2)]
    );
    assert_eq!((r.overall.label.as_deref(), r.overall.gold), (None, 7));
    assert_eq!(r.overall.predicted, r.per_label.iter().map(|c| c.predicted).sum::<usize>());
    assert!(r.quotes.is_none(), "CoNLL gold has no quotations");
}

#[test]
fn eval_labels_option_chooses_the_scored_labels() {
    let gold = eval_fixture("iob2_crlf.txt");
    let r = eval_json(&["eval", "--gold", &gold, "--labels", "PER,DATE", "--json"]);
    assert_eq!(r.labels, ["PERSON", "DATE"]);
    assert_eq!(r.per_label.len(), 2);
    assert_eq!(r.per_label[1].gold, 0, "no DATE in this gold: every predicted DATE is wrong");
}

#[test]
fn eval_of_json_gold_scores_quotations_and_speakers() {
    let gold = eval_fixture("gold.json");
    let r = eval_json(&["eval", "--json", "--gold", &gold]);
    assert_eq!((r.format.as_str(), r.documents, r.tokens), ("json", 1, 0));
    let q = r.quotes.expect("quotation scores");
    assert_eq!(q.gold, 3);
    assert!(q.correct <= q.predicted.min(3) && q.speakers <= 2, "{q:?}");
    assert!(q.speakers_correct <= q.speakers);
    EvalCounts {
        label: None,
        gold: q.gold,
        predicted: q.predicted,
        correct: q.correct,
        precision: q.precision,
        recall: q.recall,
        f1: q.f1,
    }
    .check();
    let accuracy =
        if q.speakers == 0 { 0.0 } else { q.speakers_correct as f64 / q.speakers as f64 };
    assert!((q.speaker_accuracy - accuracy).abs() < 1e-9, "{q:?}");
    let o = sorot(&["eval", "--gold", &gold], b"");
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.starts_with("QUOTE ")), "{out}");
    assert!(out.contains("speaker accuracy "), "{out}");
}

#[test]
fn eval_errors_list_every_miss_with_its_context() {
    let gold = eval_fixture("gum_like.txt");
    let r = eval_json(&["eval", "--gold", &gold, "--json", "--errors"]);
    let errors = r.errors.expect("errors asked for");
    let missed = errors.iter().filter(|e| e.kind == "missed").count();
    let spurious = errors.iter().filter(|e| e.kind == "spurious").count();
    assert_eq!(missed, r.overall.gold - r.overall.correct);
    assert_eq!(spurious, r.overall.predicted - r.overall.correct);
    for e in &errors {
        assert!(e.context.contains(&format!("[[{}]]", e.text)), "{e:?}");
        assert!(r.labels.contains(&e.label), "{e:?}");
    }
    assert!(eval_json(&["eval", "--gold", &gold, "--json"]).errors.is_none());

    let two = eval_json(&["eval", "--gold", &gold, "--json", "--docs", "_two"]);
    assert_eq!(two.documents, 1, "--docs keeps the documents whose id contains the text");
    assert_eq!(two.overall.gold, 4);
    let o = sorot(&["eval", "--gold", &gold, "--docs", "nothing"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!("sorot: {gold}: no document id contains \"nothing\"\n"));

    let o = sorot(&["eval", "--gold", &gold, "--errors"], b"");
    let out = stdout(&o);
    let listed: Vec<&str> =
        out.lines().skip_while(|l| !l.ends_with("text in context)")).skip(1).collect();
    assert_eq!(listed.len(), errors.len(), "{out}");
    assert!(listed.iter().all(|l| l.starts_with("GUM_news_")), "{out}");
}

#[test]
fn eval_names_a_gold_file_it_cannot_read() {
    let bad = eval_fixture("one_column.txt");
    let o = sorot(&["eval", "--gold", &bad], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        format!("sorot: {bad}: line 2: expected a token and a tag, found only \"Sendiri\"\n")
    );
    let o = sorot(&["eval", "--gold", "-"], b"Jakarta\tB-LOC\n");
    assert!(o.status.success(), "gold from standard input: {}", stderr(&o));
}

// ---------------------------------------------------------------- bench

#[test]
fn bench_prints_the_throughput_of_each_file() {
    let dir = temp_dir("bench");
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let o = sorot(&["bench", "--runs", "3", &a, "-"], b"Rutte said: \"Yes.\"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("median of 3 runs after 1 warm-up"), "{out}");
    let header = out.lines().find(|l| l.starts_with("file")).expect("header");
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["file", "bytes", "median", "ms", "MB/s", "spans"]
    );
    let row = out.lines().find(|l| l.starts_with(&a)).expect("a row for the file");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[1], ARTICLE.len().to_string());
    // The speed is printed, never asserted on (STYLE: no timing assertions).
    cells[3].parse::<f64>().unwrap_or_else(|e| panic!("MB/s is a number: {e}: {row}"));
    assert!(out.lines().any(|l| l.starts_with("- ")), "standard input is measured too: {out}");
}

#[test]
fn bench_scaling_refuses_an_empty_file() {
    let dir = temp_dir("bench_empty");
    let empty = write(&dir, "empty.txt", b"");
    let o = sorot(&["bench", "--scaling", &empty], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!("sorot: {empty}: empty file, nothing to scale\n"));
}
