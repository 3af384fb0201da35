//! The `sorot` command line: the same core as the app, from the shell.
//!
//! ```text
//! sorot annotate [--format F] [--lang id|en] [--jsonl] [--stdout] FILE...
//! sorot convert [--from F] --to G [--lang id|en] [--jsonl] [--stdout] FILE...
//! sorot eval --gold FILE [--lang id|en] [--labels PERSON,ORG,LOC,DATE] [--json]
//!            [--errors] [--docs TEXT]
//! sorot bench [--lang id|en] [--runs N] [--no-model] FILE...
//! sorot bench --scaling [--lang id|en] [--runs N] [--no-model] FILE
//! sorot --help
//! sorot --version
//! ```
//!
//! Each command lives in its own module: [`annotate`] writes each file's
//! annotations in an export format, [`convert`] turns one format into
//! another, [`eval`] scores the recognizer against gold data, [`bench`](mod@bench) measures
//! its speed. This module reads the command line, dispatches, and holds
//! what they share: reading text files and running the whole analysis
//! pipeline ([`analyze_document`]).
//!
//! Input files are read as UTF-8 (a leading byte-order mark is dropped;
//! line endings are kept); `-` reads standard input. A file that cannot be
//! read is reported on standard error as `sorot: FILE: reason`, the other
//! files are still processed and the exit status is 1. A usage error
//! (unknown command or option, missing argument) exits with 2.

pub mod annotate;
pub mod bench;
pub mod convert;
pub mod eval;
pub mod train;

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use crate::core::export::sorot_json;
use crate::core::model::{AnnotatedDocument, Document};
use crate::core::recognize;

/// Exit status: everything worked.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one file could not be read or written, or output
/// failed.
pub const EXIT_FILE_ERROR: i32 = 1;
/// Exit status: the command line itself was wrong.
pub const EXIT_USAGE: i32 = 2;

/// The languages `--lang` accepts.
pub const LANGS: [&str; 2] = ["id", "en"];

/// The name given to a document read from standard input.
pub const STDIN_NAME: &str = "stdin";

const HELP: &str = "\
sorot - find people, organisations, places, dates and quotations in articles

Usage:
  sorot annotate [--format FORMAT] [--lang id|en] [--jsonl] [--stdout | -o -]
                 FILE...
  sorot convert [--from SOURCE] --to FORMAT [--lang id|en] [--jsonl]
                [--stdout | -o -] FILE...
  sorot eval --gold FILE [--lang id|en] [--labels PERSON,ORG,LOC,DATE] [--json]
             [--errors] [--docs TEXT]
  sorot bench [--lang id|en] [--runs N] [--no-model] FILE...
  sorot bench --scaling [--lang id|en] [--runs N] [--no-model] FILE
  sorot --help
  sorot --version

Commands:
  annotate   Write the annotations of each FILE beside it in FORMAT (default
             sorot: Sorot JSON, format \"sorot.annotations\", version 1):
             dir/a.txt gives dir/a.sorot.json, dir/a.w3c.json, dir/a.txt +
             dir/a.ann (brat), dir/a.conll, dir/a.doccano.jsonl,
             dir/a.labelstudio.json, dir/a.spacy.json or dir/a.csv (the final
             extension is replaced). A file the command reads is never
             replaced: brat's .txt that is the input itself is kept when it
             holds the same bytes, else that FILE fails. Names repeated in
             one run get \" (2)\". One line per written or kept file on
             standard error. .md, .html, .docx and
             .zip inputs are opened as in the app and their text annotated;
             .sorot.json/.jsonl, W3C .json and brat .ann (with the .txt beside
             it) keep their annotations. .txt, other files and \"-\" are
             UTF-8 text (a leading byte-order mark is dropped), annotated.
             \"-\" reads standard input and prints on standard output.
  convert    Read each FILE as SOURCE and write it in FORMAT, beside it as
             annotate does. SOURCE is one of sorot (Sorot JSON or JSON Lines),
             w3c, brat (FILE is the .ann or the .txt; the other is read from
             beside it), txt, md, html, docx (text, annotated). Without
             --from the extension decides (.json/.jsonl by their content).
  eval       Score the recognizer against gold data and print precision,
             recall and F1 per label and overall (exact span match, as
             conlleval; micro-averaged). Gold is CoNLL/BIO columns (token
             first, IOB tag last), JSON documents {\"text\", \"entities\",
             \"quotes\"} with code-point offsets, or Sorot JSON files (say,
             corrected in the app); JSON gold with quotes also gets
             quotation F1 (exact span, marks included) and speaker accuracy
             (a matched quotation's speaker is right when its text and the
             gold speaker's are equal or one holds the other as whole
             words). Only labels in the gold tag set are scored unless
             --labels says otherwise.
  bench      Time the whole analysis (language detection, recognizer, the
             annotated document) on each FILE: median of N runs after one
             warm-up, in MB/s (MB = 1,000,000 bytes). --scaling repeats or
             cuts FILE to 1 KB, 100 KB, 1 MB and 10 MB to show the time grows
             linearly. --no-model times the rules without the learned tagger.

Options:
  --lang id|en   Analyse as Indonesian (id) or English (en) instead of
                 detecting the language of each document (for annotate and
                 convert: text annotated here, not files inside a .zip or
                 annotation files).
  --format FORMAT
                 annotate: the export format, one of
                 sorot|w3c|brat|conll|doccano|labelstudio|spacy|csv.
  --to FORMAT    convert: the export format (as --format).
  --from SOURCE  convert: sorot|w3c|brat|txt|md|html|docx.
  --stdout, -o - annotate, convert: print each document's file on standard
                 output (in argument order) instead of writing files; for
                 brat only the .ann is printed.
  --jsonl        annotate, convert: print one compact JSON document a line on
                 standard output instead of writing files (formats sorot, w3c,
                 doccano, spacy).
  --gold FILE    eval: the gold file.
  --labels L,... eval: score these labels (PERSON, ORG, LOC, DATE).
  --json         eval: print the scores as JSON.
  --errors       eval: also list every missed or spurious span and every
                 wrong speaker, with its context.
  --docs TEXT    eval: score only the documents whose id contains TEXT (GUM:
                 --docs _news_ for the news genre).
  --runs N       bench: timed runs per measurement (default 7).
  --scaling      bench: the 1 KB to 10 MB scaling table for one FILE.
  --no-model     eval, bench: the rules alone, without the learned tagger.
  -h, --help     Print this help.
  -V, --version  Print the version.

Exit status: 0 on success, 1 if a file could not be read or written, 2 on a
usage error.
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// Print the help.
    Help,
    /// Print the version.
    Version,
    /// Annotate files.
    Annotate(annotate::Options),
    /// Convert annotation files.
    Convert(convert::Options),
    /// Score against gold data.
    Eval(eval::Options),
    /// Measure throughput.
    Bench(bench::Options),
    /// Train the tagger.
    Train(train::Options),
}

/// Reads the arguments (without the program name). The error is the
/// message for standard error.
fn parse(args: &[String]) -> Result<Command, String> {
    let Some((first, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "annotate" => annotate::parse(rest).map(|o| o.map_or(Command::Help, Command::Annotate)),
        "convert" => convert::parse(rest).map(|o| o.map_or(Command::Help, Command::Convert)),
        "eval" => eval::parse(rest).map(|o| o.map_or(Command::Help, Command::Eval)),
        "bench" => bench::parse(rest).map(|o| o.map_or(Command::Help, Command::Bench)),
        "train" => train::parse(rest).map(|o| o.map_or(Command::Help, Command::Train)),
        other if other.starts_with('-') => Err(format!("unknown option '{other}'")),
        other => Err(format!("unknown command '{other}'")),
    }
}

/// One argument of a command: an option (with its `=value` if written so)
/// or an operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arg<'a> {
    /// `--name`, `--name=value` or `-x`.
    Opt {
        /// The option, `--name`.
        name: &'a str,
        /// The value after `=`, if any.
        inline: Option<&'a str>,
    },
    /// Anything else, and everything after `--` (`-` is an operand).
    Operand(&'a str),
}

/// Walks the arguments of one command.
struct Args<'a> {
    rest: std::slice::Iter<'a, String>,
    operands_only: bool,
}

impl<'a> Args<'a> {
    fn new(args: &'a [String]) -> Self {
        Args { rest: args.iter(), operands_only: false }
    }

    fn next_arg(&mut self) -> Option<Arg<'a>> {
        loop {
            let arg = self.rest.next()?.as_str();
            if self.operands_only || arg == "-" || !arg.starts_with('-') {
                return Some(Arg::Operand(arg));
            }
            if arg == "--" {
                self.operands_only = true;
                continue;
            }
            return Some(match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => {
                    Arg::Opt { name, inline: Some(value) }
                }
                _ => Arg::Opt { name: arg, inline: None },
            });
        }
    }

    /// The value of option `name`: its `=value`, or the next argument.
    /// `what` describes the expected value for the error message.
    fn value(
        &mut self,
        name: &str,
        inline: Option<&'a str>,
        what: &str,
    ) -> Result<&'a str, String> {
        match inline {
            Some(v) => Ok(v),
            None => {
                self.rest.next().map(String::as_str).ok_or(format!("{name} needs a value ({what})"))
            }
        }
    }
}

/// The error for an option that takes no value but was given one.
fn no_value(name: &str, inline: Option<&str>) -> Result<(), String> {
    match inline {
        Some(_) => Err(format!("option '{name}' takes no value")),
        None => Ok(()),
    }
}

/// Checks a `--lang` value.
fn parse_lang(value: &str) -> Result<String, String> {
    if LANGS.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(format!("unsupported language '{value}' for --lang (use id or en)"))
    }
}

/// Runs the command line with `args` (without the program name) on the
/// process's standard streams; returns the exit status.
pub fn main(args: Vec<String>) -> i32 {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let stderr = io::stderr();
    run(&args, &mut stdin.lock(), &mut stdout.lock(), &mut stderr.lock())
}

/// Runs the command line with `args` (without the program name) on the
/// given streams; returns the exit status ([`EXIT_OK`], [`EXIT_FILE_ERROR`]
/// or [`EXIT_USAGE`]).
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    recognize::install_builtin_models();
    // A failed write to standard error leaves nowhere to report it.
    let command = match parse(args) {
        Ok(command) => command,
        Err(message) => {
            let _ = writeln!(err, "sorot: {message}\nRun 'sorot --help' for usage.");
            return EXIT_USAGE;
        }
    };
    let written = match command {
        Command::Help => out.write_all(HELP.as_bytes()),
        Command::Version => writeln!(out, "{}", sorot_json::GENERATOR),
        Command::Annotate(options) => return annotate::run(&options, stdin, out, err),
        Command::Convert(options) => return convert::run(&options, stdin, out, err),
        Command::Eval(options) => return eval::run(&options, stdin, out, err),
        Command::Bench(options) => return bench::run(&options, stdin, out, err),
        Command::Train(options) => return train::run(&options, stdin, out, err),
    };
    finish(written.and_then(|()| out.flush()), EXIT_OK, err)
}

/// The exit status after writing the output: a closed pipe (`sorot … |
/// head`) is not an error worth reporting, anything else is.
fn finish(written: io::Result<()>, status: i32, err: &mut dyn Write) -> i32 {
    match written {
        Ok(()) => status,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            let _ = writeln!(err, "sorot: cannot write the output: {e}");
            EXIT_FILE_ERROR
        }
    }
}

/// The whole analysis pipeline, as the app runs it on an opened file: the
/// language (`lang`, or detected from the text), the recognizer, and the
/// annotated document with code-point offsets and ids.
pub fn analyze_document(name: String, text: String, lang: Option<&str>) -> AnnotatedDocument {
    analyze_document_timed(name, text, lang, true).0
}

/// [`analyze_document`], with the installed tagger for the language
/// (`models`) or with the rules alone.
pub fn analyze_document_with(
    name: String,
    text: String,
    lang: Option<&str>,
    models: bool,
) -> AnnotatedDocument {
    analyze_document_timed(name, text, lang, models).0
}

/// [`analyze_document_with`], also returning how long each of its three
/// steps took: the language guess (zero with `lang`), the recognizer, and
/// building the annotated document.
fn analyze_document_timed(
    name: String,
    text: String,
    lang: Option<&str>,
    models: bool,
) -> (AnnotatedDocument, [Duration; 3]) {
    let t0 = Instant::now();
    let lang = lang.unwrap_or_else(|| recognize::detect_lang(&text));
    let t1 = Instant::now();
    let tagger = if models { recognize::model(lang) } else { None };
    let spans = recognize::analyze_with(&text, lang, tagger);
    let t2 = Instant::now();
    let doc = AnnotatedDocument::from_spans(
        Document { name, lang: lang.to_string(), text: text.into() },
        &spans,
    );
    let t3 = Instant::now();
    (doc, [t1 - t0, t2 - t1, t3 - t2])
}

/// The document name of an input: `stdin` for `-`, else its last path
/// component.
fn doc_name(file: &str) -> String {
    if file == "-" {
        return STDIN_NAME.to_string();
    }
    std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The longest text the recognizer takes: its tokens keep byte offsets in
/// 32 bits.
const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Reads a file (or standard input for `-`) as UTF-8 text without a
/// leading byte-order mark. The error is the message for standard error.
fn read_text(file: &str, stdin: &mut dyn Read) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| e.to_string())?
    };
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "{} bytes is more than one text can hold (4 GiB); split the file",
            bytes.len()
        ));
    }
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skipped = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            text.drain(..skipped);
            Ok(text)
        }
        Err(e) => {
            Err(format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(parse(&args("--help")), Ok(Command::Help));
        assert_eq!(parse(&args("annotate -h")), Ok(Command::Help));
        assert_eq!(parse(&args("eval --help")), Ok(Command::Help));
        assert_eq!(parse(&args("convert --help")), Ok(Command::Help));
        assert_eq!(parse(&args("bench -h")), Ok(Command::Help));
        assert_eq!(parse(&args("-V")), Ok(Command::Version));
    }

    #[test]
    fn refuses_bad_command_lines() {
        assert_eq!(parse(&[]), Err("no command given".into()));
        assert_eq!(parse(&args("frobnicate")), Err("unknown command 'frobnicate'".into()));
        assert_eq!(parse(&args("--frob")), Err("unknown option '--frob'".into()));
    }

    #[test]
    fn splits_options_and_operands() {
        let a = args("--lang=en -x - --runs 3 -- --odd");
        let mut it = Args::new(&a);
        assert_eq!(it.next_arg(), Some(Arg::Opt { name: "--lang", inline: Some("en") }));
        assert_eq!(it.next_arg(), Some(Arg::Opt { name: "-x", inline: None }));
        assert_eq!(it.next_arg(), Some(Arg::Operand("-")));
        assert_eq!(it.next_arg(), Some(Arg::Opt { name: "--runs", inline: None }));
        assert_eq!(it.value("--runs", None, "a number"), Ok("3"));
        assert_eq!(it.next_arg(), Some(Arg::Operand("--odd")));
        assert_eq!(it.next_arg(), None);
        assert_eq!(
            it.value("--runs", None, "a number"),
            Err("--runs needs a value (a number)".into())
        );
    }

    #[test]
    fn reads_stdin_without_its_byte_order_mark() {
        let mut input: &[u8] = b"\xEF\xBB\xBFHalo\r\n";
        assert_eq!(read_text("-", &mut input), Ok("Halo\r\n".to_string()));
        let mut bad: &[u8] = b"\xEF\xBB\xBFab\xFF";
        assert_eq!(
            read_text("-", &mut bad),
            Err("not UTF-8 text (invalid byte at offset 5)".into())
        );
    }

    #[test]
    fn a_closed_pipe_is_not_an_error() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut err = Vec::new();
        assert_eq!(run(&args("--help"), &mut io::empty(), &mut Closed, &mut err), EXIT_OK);
        assert!(err.is_empty());
    }
}
