#![cfg(not(target_arch = "wasm32"))]
//! The `sorot` binary, run as a user would: help, version, annotating files
//! and standard input, and the errors it reports.
//!
//! The recognizer is not what is tested here, so the checks hold whatever
//! it finds: the output must be well-formed Sorot JSON of the given text.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde::Deserialize;

// The fields the export writes, pinned as in tests/export.rs.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireFile {
    format: String,
    version: u64,
    generator: String,
    document: WireDocument,
    annotations: Vec<WireAnnotation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireDocument {
    name: String,
    lang: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Fields are read through Debug and the text check.
struct WireAnnotation {
    id: String,
    label: String,
    start: usize,
    end: usize,
    text: String,
    source: String,
    speaker: Option<String>,
}

/// Parses one Sorot JSON document and checks what must hold for any text.
fn parse(json: &str) -> WireFile {
    let file: WireFile = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(file.format, "sorot.annotations");
    assert_eq!(file.version, 1);
    assert_eq!(file.generator, format!("sorot {}", env!("CARGO_PKG_VERSION")));
    for a in &file.annotations {
        let slice: String =
            file.document.text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(a.text, slice, "{a:?}");
    }
    file
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
fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("UTF-8 path").to_string()
}

const ARTICLE: &str = "Presiden Joko Widodo berkata di Jakarta pada 17 Agustus 2024: \
                       “Kita harus bekerja.”\r\n🇮🇩 Selesai.\r\n";

#[test]
fn help_describes_the_commands() {
    for flag in ["--help", "-h"] {
        let o = sorot(&[flag], b"");
        assert!(o.status.success(), "{o:?}");
        let help = stdout(&o);
        assert!(help.contains("sorot annotate [--lang id|en] FILE..."), "{help}");
        assert!(help.contains("--version"), "{help}");
        assert!(o.stderr.is_empty());
    }
}

#[test]
fn version_is_printed() {
    let o = sorot(&["--version"], b"");
    assert!(o.status.success());
    assert_eq!(stdout(&o), format!("sorot {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn one_file_prints_its_pretty_sorot_json() {
    let dir = temp_dir("one_file");
    let path = write(&dir, "artikel.txt", ARTICLE.as_bytes());
    let o = sorot(&["annotate", &path], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("{\n  \"format\""), "{out}");
    assert!(out.ends_with("}\n"));
    let file = parse(&out);
    assert_eq!(file.document.name, "artikel.txt");
    assert_eq!(file.document.text, ARTICLE, "line endings are kept");
    assert!(["id", "en"].contains(&file.document.lang.as_str()), "{}", file.document.lang);
}

#[test]
fn lang_option_sets_the_language() {
    let dir = temp_dir("lang_option");
    let path = write(&dir, "story.md", b"The minister spoke in London.");
    for args in [["annotate", "--lang", "en"].as_slice(), &["annotate", "--lang=en"]] {
        let mut args = args.to_vec();
        args.push(&path);
        let o = sorot(&args, b"");
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(parse(&stdout(&o)).document.lang, "en");
    }
}

#[test]
fn several_files_print_json_lines_in_order() {
    let dir = temp_dir("several_files");
    let a = write(&dir, "a.txt", "Satu 😀.".as_bytes());
    let b = write(&dir, "b.txt", b"\xEF\xBB\xBFDua\r\n");
    let o = sorot(&["annotate", &a, "-", &b], "Tiga e\u{301}".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let files: Vec<WireFile> = out.lines().map(parse).collect();
    assert_eq!(out.matches('\n').count(), 3, "{out}");
    let got: Vec<(&str, &str)> =
        files.iter().map(|f| (f.document.name.as_str(), f.document.text.as_str())).collect();
    assert_eq!(
        got,
        [("a.txt", "Satu 😀."), ("stdin", "Tiga e\u{301}"), ("b.txt", "Dua\r\n")],
        "the byte-order mark is dropped"
    );
}

#[test]
fn a_bad_file_is_named_and_the_others_still_processed() {
    let dir = temp_dir("bad_file");
    let good = write(&dir, "good.txt", b"Baik.");
    let latin1 = write(&dir, "latin1.txt", b"Caf\xE9");
    let missing = dir.join("missing.txt").to_str().expect("UTF-8 path").to_string();
    let o = sorot(&["annotate", &missing, &good, &latin1], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("sorot: {missing}: ")), "{err}");
    assert!(
        err.contains(&format!("sorot: {latin1}: not UTF-8 text (invalid byte at offset 3)")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    // Still JSON Lines (three files were named), holding the one good file.
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(parse(out.trim_end()).document.text, "Baik.");
}

#[test]
fn a_single_unreadable_file_prints_nothing_and_fails() {
    let dir = temp_dir("single_unreadable");
    let o = sorot(&["annotate", dir.to_str().expect("UTF-8 path")], b"");
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
    ] {
        let o = sorot(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with(message), "{args:?}: {err}");
        assert!(err.contains("sorot --help"), "{err}");
    }
}
