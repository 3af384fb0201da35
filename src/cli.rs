//! The `sorot` command line: annotates text files and prints their Sorot
//! JSON, the same file the app downloads.
//!
//! ```text
//! sorot annotate [--lang id|en] FILE...
//! sorot --help
//! sorot --version
//! ```
//!
//! Each FILE is read as UTF-8 (a leading byte-order mark is dropped; line
//! endings are kept), annotated, and printed in the format documented in
//! [`crate::core::export::sorot_json`]. With one FILE the output is that
//! JSON, pretty-printed. With several it is JSON Lines: one compact object
//! per line, in argument order, so the output shape depends only on the
//! number of arguments, never on which files could be read. `-` reads
//! standard input, named `stdin` in the output; any other file is named by
//! its last path component.
//!
//! A file that cannot be read or is not UTF-8 is reported on standard error
//! with its name; the other files are still processed and the exit status
//! is 1. A usage error (unknown command or option, no FILE) exits with 2.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::core::export::sorot_json;
use crate::core::model::{AnnotatedDocument, Document};
use crate::core::recognize;

/// Exit status: everything worked.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one file could not be read, or output failed.
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
  sorot annotate [--lang id|en] FILE...
  sorot --help
  sorot --version

Commands:
  annotate   Print the Sorot JSON (format \"sorot.annotations\", version 1) of
             each FILE. One FILE: pretty-printed JSON. Several: one compact
             JSON object per line (JSON Lines). \"-\" reads standard input.
             Files must be UTF-8; a leading byte-order mark is dropped.

Options:
  --lang id|en   Analyse as Indonesian (id) or English (en) instead of
                 detecting the language.
  -h, --help     Print this help.
  -V, --version  Print the version.

Exit status: 0 on success, 1 if a file could not be read, 2 on a usage error.
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// Print the help.
    Help,
    /// Print the version.
    Version,
    /// Annotate files.
    Annotate(AnnotateOptions),
}

/// The arguments of `sorot annotate`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AnnotateOptions {
    /// The language to analyse as; detected per file when `None`.
    lang: Option<String>,
    /// The files, `-` for standard input.
    files: Vec<String>,
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
        "annotate" => parse_annotate(rest),
        other if other.starts_with('-') => Err(format!("unknown option '{other}'")),
        other => Err(format!("unknown command '{other}'")),
    }
}

fn parse_annotate(args: &[String]) -> Result<Command, String> {
    let mut lang = None;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--" => {
                files.extend(args.by_ref().cloned());
                break;
            }
            "-h" | "--help" => return Ok(Command::Help),
            "--lang" => Some(args.next().ok_or("--lang needs a value (id or en)")?.clone()),
            a if a.starts_with("--lang=") => Some(a["--lang=".len()..].to_string()),
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option '{a}'")),
            _ => {
                files.push(arg.clone());
                None
            }
        };
        if let Some(value) = value {
            if !LANGS.contains(&value.as_str()) {
                return Err(format!("unsupported language '{value}' for --lang (use id or en)"));
            }
            lang = Some(value);
        }
    }
    if files.is_empty() {
        return Err("annotate needs at least one FILE (use - for standard input)".into());
    }
    Ok(Command::Annotate(AnnotateOptions { lang, files }))
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
        Command::Annotate(options) => return annotate(&options, stdin, out, err),
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

fn annotate(
    options: &AnnotateOptions,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut status = EXIT_OK;
    let lines = options.files.len() > 1;
    for file in &options.files {
        let text = match read_text(file, stdin) {
            Ok(text) => text,
            Err(message) => {
                let _ = writeln!(err, "sorot: {file}: {message}");
                status = EXIT_FILE_ERROR;
                continue;
            }
        };
        let name = if file == "-" {
            STDIN_NAME.to_string()
        } else {
            Path::new(file)
                .file_name()
                .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned())
        };
        let doc = match &options.lang {
            Some(lang) => {
                let spans = recognize::analyze(&text, lang);
                let doc = Document { name, lang: lang.clone(), text };
                AnnotatedDocument::from_spans(doc, &spans)
            }
            None => recognize::annotate(&name, &text),
        };
        let json = if lines { sorot_json::to_json_line(&doc) } else { sorot_json::to_json(&doc) };
        if let Err(e) = out.write_all(json.as_bytes()) {
            return finish(Err(e), status, err);
        }
    }
    finish(out.flush(), status, err)
}

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

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn annotate_cmd(lang: Option<&str>, files: &[&str]) -> Command {
        Command::Annotate(AnnotateOptions {
            lang: lang.map(String::from),
            files: files.iter().map(|f| f.to_string()).collect(),
        })
    }

    #[test]
    fn parses_commands_and_options() {
        assert_eq!(parse(&args("--help")), Ok(Command::Help));
        assert_eq!(parse(&args("annotate -h")), Ok(Command::Help));
        assert_eq!(parse(&args("-V")), Ok(Command::Version));
        assert_eq!(parse(&args("annotate a.txt")), Ok(annotate_cmd(None, &["a.txt"])));
        assert_eq!(
            parse(&args("annotate --lang en a.txt - b.txt")),
            Ok(annotate_cmd(Some("en"), &["a.txt", "-", "b.txt"]))
        );
        assert_eq!(parse(&args("annotate --lang=id a")), Ok(annotate_cmd(Some("id"), &["a"])));
        assert_eq!(
            parse(&args("annotate -- -odd --lang")),
            Ok(annotate_cmd(None, &["-odd", "--lang"]))
        );
    }

    #[test]
    fn refuses_bad_command_lines() {
        assert_eq!(parse(&[]), Err("no command given".into()));
        assert_eq!(parse(&args("frobnicate")), Err("unknown command 'frobnicate'".into()));
        assert_eq!(parse(&args("--frob")), Err("unknown option '--frob'".into()));
        assert_eq!(parse(&args("annotate -x a")), Err("unknown option '-x'".into()));
        assert_eq!(parse(&args("annotate --lang")), Err("--lang needs a value (id or en)".into()));
        assert_eq!(
            parse(&args("annotate --lang fr a")),
            Err("unsupported language 'fr' for --lang (use id or en)".into())
        );
        assert_eq!(
            parse(&args("annotate --lang en")),
            Err("annotate needs at least one FILE (use - for standard input)".into())
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
    fn stdin_is_annotated_as_a_document_named_stdin() {
        let mut input: &[u8] = "😀 teks".as_bytes();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&args("annotate --lang en -"), &mut input, &mut out, &mut err);
        assert_eq!(status, EXIT_OK);
        assert!(err.is_empty());
        let doc =
            sorot_json::from_json(&String::from_utf8(out).expect("UTF-8")).expect("Sorot JSON");
        assert_eq!(doc.doc.name, STDIN_NAME);
        assert_eq!(doc.doc.lang, "en");
        assert_eq!(doc.doc.text, "😀 teks");
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
