//! `sorot annotate [--format F] [--lang id|en] [--jsonl] [--stdout] FILE...`:
//! each file's annotations in one export format.
//!
//! Inputs are opened as the app opens them ([`crate::core::import`]):
//! `.md`, `.html`, `.docx` and `.zip` files give their text, annotated by
//! the recognizer; Sorot JSON (`.sorot.json`, `.jsonl`), W3C Web
//! Annotation `.json` and brat `.ann` (read with the `.txt` beside it) keep
//! their annotations. A `.txt`, a file of any other extension, and `-`
//! (standard input) are read as UTF-8 text (a leading byte-order mark is
//! dropped) and annotated. `--lang` sets the language of the text that is
//! annotated here (not inside zips, and not of annotation files).
//!
//! By default every file [`Format::write`] makes for a document is written
//! in the input's folder, so `dir/a.txt` gives `dir/a.sorot.json` (brat:
//! `dir/a.txt` and `dir/a.ann`). An existing file is replaced, except a
//! file given on the command line (or read with one): that one is left as
//! it is when it already holds the same bytes (brat's `.txt` beside its
//! input), and otherwise the document fails. Two documents of one run that
//! would write the same file name get ` (2)`, ` (3)`, … before its ending.
//! Each written file is named on standard error in one line, `wrote PATH
//! (N annotations, lang L)`, and each input left as it is in one line,
//! `kept PATH (…)`.
//!
//! With `--stdout` (or `-o -`), and for `-`, the main file of each document
//! (brat: the `.ann` only) goes to standard output instead, in argument
//! order. `--jsonl` prints one compact line per document, for the formats
//! that have JSON Lines (sorot, w3c, doccano, spacy), and writes no file.
//!
//! A file that cannot be read or written is reported with its name, the
//! rest are still processed, and the exit status is 1.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::convert::Source;
use super::{
    analyze_document, doc_name, finish, no_value, parse_lang, read_text, Arg, Args,
    EXIT_FILE_ERROR, EXIT_OK, STDIN_NAME,
};
use crate::core::export::{self, sorot_json, Format};
use crate::core::import;
use crate::core::model::AnnotatedDocument;

/// The arguments of `sorot annotate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The export format (Sorot JSON unless `--format` says otherwise).
    pub format: Format,
    /// The language to analyse as; detected per file when `None`.
    pub lang: Option<String>,
    /// Print JSON Lines on standard output instead of writing files.
    pub jsonl: bool,
    /// Print each document's main file on standard output instead of
    /// writing files.
    pub stdout: bool,
    /// The files, `-` for standard input.
    pub files: Vec<String>,
}

/// The export format names, for messages: `sorot, w3c, …`.
pub(super) fn format_names() -> String {
    Format::ALL.map(Format::name).join(", ")
}

/// Reads a `--format`/`--to` value.
pub(super) fn parse_format(option: &str, value: &str) -> Result<Format, String> {
    Format::from_name(value)
        .ok_or_else(|| format!("unknown format '{value}' for {option} (use {})", format_names()))
}

/// Reads `-o`/`--output`: only `-` (standard output) is accepted, since
/// files go beside their inputs.
pub(super) fn parse_output(value: &str) -> Result<(), String> {
    if value == "-" {
        Ok(())
    } else {
        Err(format!(
            "-o takes only - (standard output), not '{value}'; files are written beside their inputs"
        ))
    }
}

/// The error for `--jsonl` with a format that has no JSON Lines form.
pub(super) fn check_jsonl(jsonl: bool, format: Format) -> Result<(), String> {
    if jsonl && !format.has_jsonl() {
        let with: Vec<&str> =
            Format::ALL.into_iter().filter(|f| f.has_jsonl()).map(Format::name).collect();
        return Err(format!(
            "--jsonl works with the formats {}, not '{}'",
            with.join(", "),
            format.name()
        ));
    }
    Ok(())
}

/// Reads the arguments after `annotate`; `Ok(None)` asks for the help.
pub(super) fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        format: Format::Sorot,
        lang: None,
        jsonl: false,
        stdout: false,
        files: Vec::new(),
    };
    let mut args = Args::new(args);
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Operand(file) => options.files.push(file.to_string()),
            Arg::Opt { name: "-h" | "--help", .. } => return Ok(None),
            Arg::Opt { name: name @ "--lang", inline } => {
                options.lang = Some(parse_lang(args.value(name, inline, "id or en")?)?);
            }
            Arg::Opt { name: name @ "--format", inline } => {
                options.format = parse_format(name, args.value(name, inline, "a format")?)?;
            }
            Arg::Opt { name: name @ "--jsonl", inline } => {
                no_value(name, inline)?;
                options.jsonl = true;
            }
            Arg::Opt { name: name @ "--stdout", inline } => {
                no_value(name, inline)?;
                options.stdout = true;
            }
            Arg::Opt { name: name @ ("-o" | "--output"), inline } => {
                parse_output(args.value(name, inline, "-")?)?;
                options.stdout = true;
            }
            Arg::Opt { name, .. } => return Err(format!("unknown option '{name}'")),
        }
    }
    check_jsonl(options.jsonl, options.format)?;
    if options.files.is_empty() {
        return Err("annotate needs at least one FILE (use - for standard input)".into());
    }
    Ok(Some(options))
}

/// Where the Sorot JSON of a plain-text input `file` goes: beside it, named
/// by [`sorot_json::file_name`] of its file name.
pub fn output_path(file: &str) -> PathBuf {
    Path::new(file).with_file_name(sorot_json::file_name(&super::doc_name(file)))
}

/// What `annotate` and `convert` do with their files.
pub(super) struct Job<'a> {
    /// How to read each file; by its extension when `None`.
    pub from: Option<Source>,
    /// Whether a file of an unknown extension is an error (`convert`)
    /// rather than plain text (`annotate`).
    pub strict: bool,
    pub format: Format,
    pub lang: Option<&'a str>,
    pub jsonl: bool,
    pub stdout: bool,
    pub files: &'a [String],
}

/// Runs `sorot annotate`; returns the exit status.
pub(super) fn run(
    options: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let job = Job {
        from: None,
        strict: false,
        format: options.format,
        lang: options.lang.as_deref(),
        jsonl: options.jsonl,
        stdout: options.stdout,
        files: &options.files,
    };
    run_job(&job, stdin, out, err)
}

/// Reads every file of `job` and writes its documents; returns the exit
/// status.
pub(super) fn run_job(
    job: &Job,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut status = EXIT_OK;
    // Never write over a file the command reads.
    let mut protected: HashSet<PathBuf> =
        job.files.iter().filter(|f| *f != "-").filter_map(|f| canonical(Path::new(f))).collect();
    let mut written: HashSet<PathBuf> = HashSet::new();
    for file in job.files {
        let opened = match open(file, job, stdin) {
            Ok(opened) => opened,
            Err(message) => {
                let _ = writeln!(err, "sorot: {message}");
                status = EXIT_FILE_ERROR;
                continue;
            }
        };
        protected.extend(opened.read.iter().filter_map(|p| canonical(p)));
        for note in &opened.notes {
            let _ = writeln!(err, "sorot: {note}");
        }
        for doc in &opened.docs {
            if job.jsonl || job.stdout || file == "-" {
                let bytes = if job.jsonl {
                    export::write_jsonl(job.format, &[doc]).unwrap_or_default().into_bytes()
                } else {
                    main_file(job.format, doc)
                };
                if let Err(e) = out.write_all(&bytes) {
                    return finish(Err(e), status, err);
                }
                continue;
            }
            if let Err(message) = write_beside(file, job.format, doc, &protected, &mut written, err)
            {
                let _ = writeln!(err, "sorot: {file}: {message}");
                status = EXIT_FILE_ERROR;
            }
        }
    }
    finish(out.flush(), status, err)
}

/// The file of `format` that goes to standard output: the only one, or
/// brat's `.ann`.
fn main_file(format: Format, doc: &AnnotatedDocument) -> Vec<u8> {
    let mut files = format.write(doc);
    let main = files.iter().position(|f| f.name.ends_with(format.extension())).unwrap_or(0);
    files.swap_remove(main).bytes
}

/// A path made absolute with its links resolved, if it exists.
fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// `a.sorot.json` → `a (2).sorot.json`: the number goes before the
/// format's ending (or the last extension).
fn numbered(name: &str, n: usize) -> String {
    let endings = Format::ALL.map(Format::extension);
    for ending in endings.iter().chain(&[".txt"]) {
        if let Some(base) = name.strip_suffix(ending) {
            return format!("{base} ({n}){ending}");
        }
    }
    match name.rsplit_once('.') {
        Some((base, ext)) => format!("{base} ({n}).{ext}"),
        None => format!("{name} ({n})"),
    }
}

/// Writes the files of `doc` in `format` beside input `file`. The error is
/// the message after `sorot: FILE: `.
fn write_beside(
    file: &str,
    format: Format,
    doc: &AnnotatedDocument,
    protected: &HashSet<PathBuf>,
    written: &mut HashSet<PathBuf>,
    err: &mut dyn Write,
) -> Result<(), String> {
    let files = format.write(doc);
    let input = Path::new(file);
    // A name already written by this run gets a number.
    let mut n = 1;
    let paths: Vec<PathBuf> = loop {
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|f| {
                input.with_file_name(if n == 1 { f.name.clone() } else { numbered(&f.name, n) })
            })
            .collect();
        if paths.iter().all(|p| !canonical(p).is_some_and(|c| written.contains(&c))) {
            break paths;
        }
        n += 1;
    };
    // Check every file before writing any, so that brat's pair stays whole.
    let mut todo = Vec::new();
    let mut kept = Vec::new();
    for (f, path) in files.iter().zip(&paths) {
        if canonical(path).is_some_and(|c| protected.contains(&c)) {
            if std::fs::read(path).is_ok_and(|old| old == f.bytes) {
                kept.push(path);
                continue;
            }
            return Err(format!(
                "not writing {}: it is an input of this command and its bytes differ (a byte-order mark, another encoding or other text)",
                path.display()
            ));
        }
        todo.push((f, path));
    }
    for path in kept {
        let _ = writeln!(err, "kept {} (an input that already holds this content)", path.display());
    }
    for (f, path) in todo {
        std::fs::write(path, &f.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        if let Some(c) = canonical(path) {
            written.insert(c);
        }
        let _ = writeln!(
            err,
            "wrote {} ({} annotations, lang {})",
            path.display(),
            doc.annotations.len(),
            doc.doc.lang
        );
    }
    Ok(())
}

/// The documents read from one input.
pub(super) struct Opened {
    pub docs: Vec<AnnotatedDocument>,
    /// Messages about how they were read.
    pub notes: Vec<String>,
    /// Every file read (brat reads two).
    pub read: Vec<PathBuf>,
}

/// What a file name's extension says it is.
fn kind(name: &str) -> Option<Source> {
    let lower = name.to_lowercase();
    let ends = |e: &[&str]| e.iter().any(|x| lower.ends_with(x));
    if ends(&[".txt", ".text"]) {
        Some(Source::Txt)
    } else if ends(&[".md", ".markdown"]) {
        Some(Source::Md)
    } else if ends(&[".html", ".htm", ".xhtml"]) {
        Some(Source::Html)
    } else if ends(&[".docx"]) {
        Some(Source::Docx)
    } else if ends(&[".zip"]) {
        Some(Source::Zip)
    } else if ends(&[".json", ".jsonld", ".jsonl", ".ndjson"]) {
        // Sorot JSON or W3C: told apart by the content.
        Some(Source::Json)
    } else if ends(&[".ann"]) {
        Some(Source::Brat)
    } else {
        None
    }
}

/// Reads one input as `job` says. The error is the whole message after
/// `sorot: `, naming the file.
pub(super) fn open(file: &str, job: &Job, stdin: &mut dyn Read) -> Result<Opened, String> {
    let source = match job.from.or_else(|| if file == "-" { None } else { kind(file) }) {
        Some(source) => source,
        None if job.strict && file != "-" => {
            return Err(format!(
                "{file}: cannot tell its format from its extension (use --from: {})",
                Source::NAMES
            ))
        }
        None => Source::Txt,
    };
    let name = if file == "-" { STDIN_NAME.to_string() } else { doc_name(file) };
    let plain = |text: String| Opened {
        docs: vec![analyze_document(name.clone(), text, job.lang)],
        notes: Vec::new(),
        read: vec![PathBuf::from(file)],
    };
    if source == Source::Txt {
        return read_text(file, stdin).map(plain).map_err(|m| format!("{file}: {m}"));
    }
    if source == Source::Brat {
        if file == "-" {
            return Err(format!(
                "{file}: brat is read from a .ann file and its .txt, not from standard input"
            ));
        }
        return open_brat(file);
    }
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes).map_err(|e| format!("{file}: {e}"))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {e}"))?
    };
    // The name import reads by: the file's, with the extension `--from`
    // asks for when it has another.
    let import_name = match source {
        s if kind(file) == Some(s) => file.to_string(),
        Source::Sorot | Source::W3c if kind(file) == Some(Source::Json) => file.to_string(),
        s => format!("{}{}", if file == "-" { STDIN_NAME } else { file }, s.import_ending()),
    };
    let lines = [".jsonl", ".ndjson"].iter().any(|e| import_name.to_lowercase().ends_with(e));
    if matches!(source, Source::Sorot | Source::W3c) && !lines {
        check_json_kind(file, source, &bytes)?;
    }
    let opened = import::read(&import_name, &bytes).map_err(|e| {
        let shown = if e.name == import_name { file } else { e.name.as_str() };
        format!("{shown}: {}", e.error)
    })?;
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for o in opened {
        let mut doc = o.doc;
        if !o.from_annotation_file {
            // A text read from a page, document or archive: analyse it.
            doc = analyze_document(doc.doc.name, doc.doc.text.to_string(), job.lang);
        }
        docs.push(doc);
        notes.extend(o.notes);
    }
    Ok(Opened { docs, notes, read: vec![PathBuf::from(file)] })
}

/// Checks that a JSON file holds what `--from` says (Sorot JSON or W3C).
fn check_json_kind(file: &str, source: Source, bytes: &[u8]) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Ok(()); // import names the JSON error
    };
    let is_sorot = value.get("format").is_some();
    let is_w3c = !is_sorot && export::w3c::looks_like(&value);
    match source {
        Source::Sorot if !is_sorot => Err(format!(
            "{file}: it is not Sorot JSON{}",
            if is_w3c { " (it looks like W3C Web Annotation JSON: use --from w3c)" } else { "" }
        )),
        Source::W3c if !is_w3c => Err(format!(
            "{file}: it is not W3C Web Annotation JSON{}",
            if is_sorot { " (it looks like Sorot JSON: use --from sorot)" } else { "" }
        )),
        _ => Ok(()),
    }
}

/// Reads a brat pair: `file` is its `.ann` or its `.txt`, the other is the
/// file of the same name beside it.
fn open_brat(file: &str) -> Result<Opened, String> {
    let path = Path::new(file);
    let is_ann = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ann"));
    let (ann, txt) = if is_ann {
        (path.to_path_buf(), path.with_extension("txt"))
    } else {
        (path.with_extension("ann"), path.to_path_buf())
    };
    let read = |p: &Path| {
        std::fs::read(p).map_err(|e| {
            let what = if p == ann { "its brat .ann" } else { "its brat .txt" };
            if p == path {
                format!("{}: {e}", p.display())
            } else {
                format!("{file}: cannot read {what} {}: {e}", p.display())
            }
        })
    };
    let (ann_bytes, txt_bytes) = (read(&ann)?, read(&txt)?);
    // Import pairs them by name: the same stem, `.ann` and `.txt`.
    let stem = txt.with_extension("");
    let stem = stem.to_string_lossy();
    let (ann_name, txt_name) = (format!("{stem}.ann"), format!("{stem}.txt"));
    let results =
        import::read_files(&[(ann_name.as_str(), &ann_bytes), (txt_name.as_str(), &txt_bytes)]);
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for r in results {
        let o = r.map_err(|e| {
            let shown = if e.name == ann_name { ann.display() } else { txt.display() };
            format!("{shown}: {}", e.error)
        })?;
        docs.push(o.doc);
        notes.extend(o.notes);
    }
    Ok(Opened { docs, notes, read: vec![ann, txt] })
}

#[cfg(test)]
mod tests {
    use super::super::tests::args;
    use super::*;
    use crate::cli::{run as run_cli, STDIN_NAME};

    fn options(lang: Option<&str>, jsonl: bool, files: &[&str]) -> Option<Options> {
        Some(Options {
            format: Format::Sorot,
            lang: lang.map(String::from),
            jsonl,
            stdout: false,
            files: files.iter().map(|f| f.to_string()).collect(),
        })
    }

    #[test]
    fn parses_options() {
        assert_eq!(parse(&args("a.txt")), Ok(options(None, false, &["a.txt"])));
        assert_eq!(
            parse(&args("--lang en a.txt - --jsonl b.txt")),
            Ok(options(Some("en"), true, &["a.txt", "-", "b.txt"]))
        );
        assert_eq!(parse(&args("--lang=id a")), Ok(options(Some("id"), false, &["a"])));
        assert_eq!(parse(&args("-- -odd --lang")), Ok(options(None, false, &["-odd", "--lang"])));
        let o = parse(&args("--format label-studio -o - a")).unwrap().unwrap();
        assert_eq!((o.format, o.stdout), (Format::LabelStudio, true));
        let o = parse(&args("--format=brat --stdout a")).unwrap().unwrap();
        assert_eq!((o.format, o.stdout), (Format::Brat, true));
    }

    #[test]
    fn refuses_bad_options() {
        assert_eq!(parse(&args("-x a")), Err("unknown option '-x'".into()));
        assert_eq!(parse(&args("--lang")), Err("--lang needs a value (id or en)".into()));
        assert_eq!(
            parse(&args("--lang fr a")),
            Err("unsupported language 'fr' for --lang (use id or en)".into())
        );
        assert_eq!(parse(&args("--jsonl=1 a")), Err("option '--jsonl' takes no value".into()));
        assert_eq!(
            parse(&args("--lang en")),
            Err("annotate needs at least one FILE (use - for standard input)".into())
        );
        assert!(parse(&args("--format xml a")).unwrap_err().starts_with("unknown format 'xml'"));
        assert!(parse(&args("--format csv --jsonl a")).unwrap_err().starts_with("--jsonl works"));
        assert!(parse(&args("-o out a")).unwrap_err().starts_with("-o takes only -"));
    }

    #[test]
    fn output_goes_beside_the_input() {
        assert_eq!(output_path("dir/a.txt"), PathBuf::from("dir/a.sorot.json"));
        assert_eq!(output_path("a.b.md"), PathBuf::from("a.b.sorot.json"));
        assert_eq!(output_path("/x/report 1.2"), PathBuf::from("/x/report 1.2.sorot.json"));
        assert_eq!(output_path("x/a.sorot.json"), PathBuf::from("x/a.sorot.sorot.json"));
    }

    #[test]
    fn repeated_names_are_numbered_before_the_ending() {
        assert_eq!(numbered("a.sorot.json", 2), "a (2).sorot.json");
        assert_eq!(numbered("a.txt", 3), "a (3).txt");
        assert_eq!(numbered("a.b", 2), "a (2).b");
        assert_eq!(numbered("a", 2), "a (2)");
    }

    #[test]
    fn stdin_is_annotated_as_a_document_named_stdin() {
        let mut input: &[u8] = "😀 teks".as_bytes();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run_cli(&args("annotate --lang en -"), &mut input, &mut out, &mut err);
        assert_eq!(status, EXIT_OK);
        assert!(err.is_empty());
        let doc =
            sorot_json::from_json(&String::from_utf8(out).expect("UTF-8")).expect("Sorot JSON");
        assert_eq!(doc.doc.name, STDIN_NAME);
        assert_eq!(doc.doc.lang, "en");
        assert_eq!(&*doc.doc.text, "😀 teks");
    }
}
