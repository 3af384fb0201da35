//! `sorot convert [--from F] --to G [--lang id|en] [--jsonl] [--stdout]
//! FILE...`: annotations from one format to another.
//!
//! `--from` names what FILE is: `sorot` (Sorot JSON, `.sorot.json` or JSON
//! Lines), `w3c` (W3C Web Annotation JSON), `brat` (FILE is the `.ann` or
//! the `.txt`, and the other is read from beside it), or a plain input
//! annotated by the recognizer: `txt`, `md`, `html`, `docx`. Without
//! `--from` the extension decides (`.json` and `.jsonl` are then Sorot JSON
//! or W3C by their content, `.zip` opens every file in it), and a file of
//! another extension is an error. `--to` is any export format; the output
//! goes where `sorot annotate --format G` puts it (see [`super::annotate`]):
//! beside the input, or on standard output with `--stdout`, `-o -`,
//! `--jsonl`, or for `-`.

use std::io::{Read, Write};

use super::annotate::{self, check_jsonl, parse_format, parse_output, Job};
use super::{no_value, parse_lang, Arg, Args};
use crate::core::export::Format;

/// What an input file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Sorot JSON or Sorot JSON Lines.
    Sorot,
    /// W3C Web Annotation JSON.
    W3c,
    /// brat standoff: `.ann` with its `.txt`.
    Brat,
    /// Plain text (UTF-8), annotated.
    Txt,
    /// Markdown, annotated.
    Md,
    /// A web page, annotated.
    Html,
    /// A Word document, annotated.
    Docx,
    /// A zip of any of these (only by extension).
    Zip,
    /// A `.json`/`.jsonl` file: Sorot JSON or W3C by its content (only by
    /// extension).
    Json,
}

impl Source {
    /// The names `--from` accepts, for messages.
    pub const NAMES: &'static str = "sorot, w3c, brat, txt, md, html, docx";

    /// The source named `name` after `--from` (case-insensitive; `json` is
    /// Sorot JSON, `text`, `markdown` and `htm` work too).
    pub fn from_name(name: &str) -> Option<Source> {
        Some(match name.to_ascii_lowercase().as_str() {
            "sorot" | "json" => Source::Sorot,
            "w3c" => Source::W3c,
            "brat" => Source::Brat,
            "txt" | "text" => Source::Txt,
            "md" | "markdown" => Source::Md,
            "html" | "htm" => Source::Html,
            "docx" => Source::Docx,
            _ => return None,
        })
    }

    /// The extension import reads this source by.
    pub(super) fn import_ending(self) -> &'static str {
        match self {
            Source::Sorot | Source::W3c | Source::Json => ".json",
            Source::Brat => ".ann",
            Source::Txt => ".txt",
            Source::Md => ".md",
            Source::Html => ".html",
            Source::Docx => ".docx",
            Source::Zip => ".zip",
        }
    }
}

/// The arguments of `sorot convert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// What the files are; by extension when `None`.
    pub from: Option<Source>,
    /// The export format.
    pub to: Format,
    /// The language of plain inputs; detected when `None`.
    pub lang: Option<String>,
    /// Print JSON Lines on standard output instead of writing files.
    pub jsonl: bool,
    /// Print each document's main file on standard output.
    pub stdout: bool,
    /// The files, `-` for standard input.
    pub files: Vec<String>,
}

/// Reads the arguments after `convert`; `Ok(None)` asks for the help.
pub(super) fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut from = None;
    let mut to = None;
    let mut lang = None;
    let (mut jsonl, mut stdout) = (false, false);
    let mut files = Vec::new();
    let mut args = Args::new(args);
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Operand(file) => files.push(file.to_string()),
            Arg::Opt { name: "-h" | "--help", .. } => return Ok(None),
            Arg::Opt { name: name @ "--from", inline } => {
                let value = args.value(name, inline, Source::NAMES)?;
                from = Some(Source::from_name(value).ok_or_else(|| {
                    if Format::from_name(value).is_some() {
                        format!("convert cannot read '{value}' (--from takes {})", Source::NAMES)
                    } else {
                        format!("unknown format '{value}' for --from (use {})", Source::NAMES)
                    }
                })?);
            }
            Arg::Opt { name: name @ "--to", inline } => {
                to = Some(parse_format(name, args.value(name, inline, "a format")?)?);
            }
            Arg::Opt { name: name @ "--lang", inline } => {
                lang = Some(parse_lang(args.value(name, inline, "id or en")?)?);
            }
            Arg::Opt { name: name @ "--jsonl", inline } => {
                no_value(name, inline)?;
                jsonl = true;
            }
            Arg::Opt { name: name @ "--stdout", inline } => {
                no_value(name, inline)?;
                stdout = true;
            }
            Arg::Opt { name: name @ ("-o" | "--output"), inline } => {
                parse_output(args.value(name, inline, "-")?)?;
                stdout = true;
            }
            Arg::Opt { name, .. } => return Err(format!("unknown option '{name}'")),
        }
    }
    let Some(to) = to else {
        return Err(format!("convert needs --to FORMAT ({})", annotate::format_names()));
    };
    check_jsonl(jsonl, to)?;
    if files.is_empty() {
        return Err("convert needs at least one FILE (use - for standard input)".into());
    }
    Ok(Some(Options { from, to, lang, jsonl, stdout, files }))
}

/// Runs `sorot convert`; returns the exit status.
pub(super) fn run(
    options: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let job = Job {
        from: options.from,
        strict: true,
        format: options.to,
        lang: options.lang.as_deref(),
        jsonl: options.jsonl,
        stdout: options.stdout,
        files: &options.files,
    };
    annotate::run_job(&job, stdin, out, err)
}

#[cfg(test)]
mod tests {
    use super::super::tests::args;
    use super::*;

    #[test]
    fn parses_options() {
        let o = parse(&args("--from brat --to=w3c --stdout a.ann")).unwrap().unwrap();
        assert_eq!(
            o,
            Options {
                from: Some(Source::Brat),
                to: Format::W3c,
                lang: None,
                jsonl: false,
                stdout: true,
                files: vec!["a.ann".into()],
            }
        );
        let o = parse(&args("--to sorot --jsonl --lang en a.html")).unwrap().unwrap();
        assert_eq!((o.from, o.jsonl, o.lang.as_deref()), (None, true, Some("en")));
        assert_eq!(parse(&args("--to csv -h")), Ok(None));
    }

    #[test]
    fn refuses_bad_options() {
        let e = |s: &str| parse(&args(s)).unwrap_err();
        assert!(e("a.txt").starts_with("convert needs --to FORMAT (sorot, w3c, brat"));
        assert!(e("--to xml a").starts_with("unknown format 'xml' for --to"));
        assert!(e("--from conll --to sorot a").starts_with("convert cannot read 'conll'"));
        assert!(e("--from pdf --to sorot a").starts_with("unknown format 'pdf' for --from"));
        assert!(e("--to brat --jsonl a").starts_with("--jsonl works with the formats"));
        assert!(e("--to sorot").starts_with("convert needs at least one FILE"));
    }
}
