//! `sorot train --lang id|en --out FILE [--bits N] [--epochs N] [--seed N]
//! [--prune N] [--ensemble N] [--commercial] GOLD...`: trains the learned entity tagger
//! ([`crate::core::recognize::tagger`]) on CoNLL/BIO gold files and writes
//! the model file.
//!
//! Every GOLD file is read as `sorot eval` reads gold (CoNLL/BIO columns or
//! JSON); PERSON, ORG and LOC entities are learned (DATE is left to the
//! date patterns). `--commercial` keeps only the documents whose
//! `# text_licence = …` comment line (GUM's) names a licence that allows
//! commercial use: one starting with `CC BY` without `NC`; documents with
//! no such line are kept. Training is deterministic: the same files and
//! settings give the same model, byte for byte.
//!
//! `--ensemble N` (default 8) trains N perceptrons, each on its own
//! shuffle of the data (seeds `--seed`, then `1000 × seed + 1`, `+ 2`, …),
//! and averages their weights.
//!
//! The report on standard output gives the documents, tokens, the errors
//! on the training data per epoch (of the first perceptron), the rows kept and the model's size, raw
//! and gzip-estimated (deflate level 9).

use std::io::{Read, Write};

use super::{finish, no_value, parse_lang, read_text, Arg, Args, EXIT_FILE_ERROR};
use crate::core::eval::read_gold;
use crate::core::recognize::tagger::train::{self, Settings};

/// The arguments of `sorot train`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The language of the model.
    pub lang: String,
    /// The model file to write.
    pub out: String,
    /// The gold files.
    pub gold: Vec<String>,
    /// Table size, `2^bits` rows.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Pruning threshold on the ±127 scale.
    pub prune: i32,
    /// Perceptrons trained on different shuffles and averaged.
    pub ensemble: usize,
    /// Keep only documents whose text licence allows commercial use.
    pub commercial: bool,
}

/// Reads the arguments after `train`; `Ok(None)` asks for the help.
pub(super) fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut o = Options {
        lang: String::new(),
        out: String::new(),
        gold: Vec::new(),
        bits: 16,
        epochs: 15,
        seed: 1,
        prune: 1,
        ensemble: 8,
        commercial: false,
    };
    let mut lang = None;
    let mut out = None;
    let mut args = Args::new(args);
    let number = |name: &str, v: &str| -> Result<u64, String> {
        v.parse::<u64>().map_err(|_| format!("{name} needs a whole number, not '{v}'"))
    };
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Opt { name: "-h" | "--help", .. } => return Ok(None),
            Arg::Opt { name: name @ "--lang", inline } => {
                lang = Some(parse_lang(args.value(name, inline, "id or en")?)?);
            }
            Arg::Opt { name: name @ "--out", inline } => {
                out = Some(args.value(name, inline, "the model file")?.to_string());
            }
            Arg::Opt { name: name @ "--bits", inline } => {
                let v = number(name, args.value(name, inline, "table bits (8-24)")?)?;
                if !(8..=24).contains(&v) {
                    return Err("--bits must be from 8 to 24".into());
                }
                o.bits = v as u32;
            }
            Arg::Opt { name: name @ "--epochs", inline } => {
                o.epochs = number(name, args.value(name, inline, "a number of passes")?)? as usize;
            }
            Arg::Opt { name: name @ "--seed", inline } => {
                o.seed = number(name, args.value(name, inline, "a seed")?)?;
            }
            Arg::Opt { name: name @ "--prune", inline } => {
                o.prune =
                    number(name, args.value(name, inline, "a weight (0-127)")?)?.min(127) as i32;
            }
            Arg::Opt { name: name @ "--ensemble", inline } => {
                let v = number(name, args.value(name, inline, "a number of perceptrons")?)?;
                if !(1..=64).contains(&v) {
                    return Err("--ensemble must be from 1 to 64".into());
                }
                o.ensemble = v as usize;
            }
            Arg::Opt { name: name @ "--commercial", inline } => {
                no_value(name, inline)?;
                o.commercial = true;
            }
            Arg::Opt { name, .. } => return Err(format!("unknown option '{name}'")),
            Arg::Operand(file) => o.gold.push(file.to_string()),
        }
    }
    o.lang = lang.ok_or("train needs --lang id|en")?;
    o.out = out.ok_or("train needs --out FILE")?;
    if o.gold.is_empty() {
        return Err("train needs at least one gold file".into());
    }
    Ok(Some(o))
}

/// Whether a `# text_licence = …` value allows commercial use.
pub fn commercial_licence(licence: &str) -> bool {
    let l = licence.trim();
    l.starts_with("CC BY") && !l.contains("NC")
}

/// Drops the documents (from one `# newdoc` line to the next) whose
/// `# text_licence` does not allow commercial use. Returns the kept text
/// and the number of documents dropped.
pub fn keep_commercial(input: &str) -> (String, usize) {
    let mut out = String::with_capacity(input.len());
    let mut dropped = 0;
    let mut doc = String::new();
    let mut keep = true;
    let flush = |doc: &mut String, keep: bool, out: &mut String| {
        if keep {
            out.push_str(doc);
        }
        doc.clear();
    };
    for line in input.split_inclusive('\n') {
        if line.starts_with("# newdoc") {
            flush(&mut doc, keep, &mut out);
            keep = true;
        }
        if let Some(l) = line.trim_end().strip_prefix("# text_licence =") {
            keep = commercial_licence(l);
            if !keep {
                dropped += 1;
            }
        }
        doc.push_str(line);
    }
    flush(&mut doc, keep, &mut out);
    (out, dropped)
}

/// Runs `sorot train`.
pub(super) fn run(
    o: &Options,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut docs = Vec::new();
    let mut dropped = 0;
    for file in &o.gold {
        let text = match read_text(file, stdin) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "sorot: {file}: {e}");
                return EXIT_FILE_ERROR;
            }
        };
        let text = if o.commercial {
            let (kept, n) = keep_commercial(&text);
            dropped += n;
            kept
        } else {
            text
        };
        match read_gold(&text) {
            Ok(gold) => docs.extend(train::chunk(gold.docs)),
            Err(e) => {
                let _ = writeln!(err, "sorot: {file}: {e}");
                return EXIT_FILE_ERROR;
            }
        }
    }
    let settings = Settings {
        lang: o.lang.clone(),
        bits: o.bits,
        epochs: o.epochs,
        seed: o.seed,
        prune: o.prune,
        ensemble: o.ensemble,
    };
    let (tagger, report) = train::train(&docs, &settings);
    let bytes = tagger.to_bytes();
    if let Err(e) = std::fs::write(&o.out, &bytes) {
        let _ = writeln!(err, "sorot: {}: {e}", o.out);
        return EXIT_FILE_ERROR;
    }
    let gz = miniz_oxide::deflate::compress_to_vec(&bytes, 9).len();
    let written = writeln!(
        out,
        "trained {lang} model: {docs} documents ({dropped} left out by licence), {tokens} tokens, \
         {unreach} gold entity tokens unreachable\n\
         errors per epoch (first of {ensemble} perceptrons): {errors:?}\n\
         {rows} non-zero rows of 2^{bits}, {words} words in the word list; {raw} bytes, \
         about {gz} bytes compressed\n\
         wrote {file}",
        lang = o.lang,
        docs = report.docs,
        tokens = report.tokens,
        unreach = report.unreachable,
        errors = report.errors,
        ensemble = o.ensemble,
        rows = report.rows,
        words = report.words,
        bits = o.bits,
        raw = bytes.len(),
        file = o.out,
    );
    finish(written.and_then(|()| out.flush()), super::EXIT_OK, err)
}
