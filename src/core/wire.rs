//! The recognizer's output in transit from the analysis worker to the page.
//!
//! The page does not analyse: the worker (`src/bin/analyser.rs`) runs the
//! recognizer and posts its [`Span`]s back as numbers and one string,
//! which a `postMessage` copies cheaply (a typed array moves without a
//! copy). [`encode`] writes them, [`decode`] reads them back and checks
//! every value against the analysed text, so a damaged message is an
//! error, never a panic or an annotation outside the text.
//!
//! Files travel the same way: the worker reads them ([`open_files`]:
//! every importer, then the analysis of each plain text) and the page
//! decodes each [`OpenedFile`] ([`decode_opened`]); messages for the user
//! ([`Msg`]) cross as text ([`encode_msgs`], [`decode_msgs`]).
//!
//! Each span is [`FIELDS`] numbers: its label (an index into
//! [`labels::ALL`]), start and end (bytes), speaker (index + 1, 0: none),
//! title start and end (bytes; 0 and 0: none) and the byte length of its
//! DATE value in `strings` (length + 1, 0: none). The values follow one
//! another in `strings`, in span order.

use super::i18n::{Arg, Msg};
use super::import::{self, Opened};
use super::model::{labels, Document, Numbering, Span, SpanNumbers};

/// Numbers per span.
pub const FIELDS: usize = 7;

/// Encodes spans as numbers and the concatenated DATE values.
pub fn encode(spans: &[Span]) -> (Vec<u32>, String) {
    let mut nums = Vec::with_capacity(spans.len() * FIELDS);
    let mut strings = String::new();
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for s in spans {
        let label = labels::ALL.iter().position(|l| *l == s.label).unwrap_or(usize::MAX);
        let (ts, te) = s.title.map_or((0, 0), |(a, b)| (n(a) + 1, n(b)));
        nums.extend([
            n(label),
            n(s.start),
            n(s.end),
            s.speaker.map_or(0, |k| n(k) + 1),
            ts,
            te,
            s.value.as_ref().map_or(0, |v| n(v.len()) + 1),
        ]);
        if let Some(v) = &s.value {
            strings.push_str(v);
        }
    }
    (nums, strings)
}

/// Decodes what [`encode`] wrote for `text`, checking that every span lies
/// within it on character boundaries, every label is known, every speaker
/// is a span of the list and every value is in `strings`.
pub fn decode(nums: &[u32], strings: &str, text: &str) -> Result<Vec<Span>, String> {
    let spans = check(nums.to_vec(), strings.to_string(), text)?;
    Ok((0..spans.len()).map(|i| spans.span(i)).collect())
}

/// The spans [`encode`] wrote, kept as they are.
pub fn pack(spans: &[Span]) -> SpanNumbers {
    let (nums, strings) = encode(spans);
    let mut at = 0u32;
    let values = nums
        .chunks_exact(FIELDS)
        .map(|f| match f[6] {
            0 => u32::MAX,
            len => {
                at += len - 1;
                at - (len - 1)
            }
        })
        .collect();
    SpanNumbers { nums, strings, values }
}

/// What [`encode`] wrote for `text`, checked as [`decode`] checks it, and
/// kept as numbers (the page's way: see [`SpanNumbers`]).
pub fn check(nums: Vec<u32>, strings: String, text: &str) -> Result<SpanNumbers, String> {
    if !nums.len().is_multiple_of(FIELDS) {
        return Err(format!("{} numbers is not a whole number of spans", nums.len()));
    }
    let count = nums.len() / FIELDS;
    let within = |a: usize, b: usize| {
        a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    let mut values = Vec::with_capacity(count);
    let mut at = 0usize;
    for (i, f) in nums.chunks_exact(FIELDS).enumerate() {
        let bad = |what: &str| Err(format!("span {i}: {what}"));
        if labels::ALL.get(f[0] as usize).is_none() {
            return bad("unknown label");
        }
        if !within(f[1] as usize, f[2] as usize) {
            return bad("outside the text");
        }
        if f[3] as usize > count {
            return bad("speaker not in the list");
        }
        match (f[4], f[5]) {
            (0, 0) => {}
            (a, b) if a > 0 && within(a as usize - 1, b as usize) => {}
            _ => return bad("title outside the text"),
        }
        values.push(match f[6] {
            0 => u32::MAX,
            len => {
                let end = at + (len as usize - 1);
                if strings.get(at..end).is_none() {
                    return bad("value outside the strings");
                }
                let start = at;
                at = end;
                u32::try_from(start).unwrap_or(u32::MAX)
            }
        });
    }
    if at != strings.len() {
        return Err("strings left over".to_string());
    }
    Ok(SpanNumbers { nums, strings, values })
}

/// One result of reading a batch of files, as the worker sends it: a
/// plain text with its analysis, a document from an annotation file
/// (Sorot JSON), or a failure. Every field is plain data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenedFile {
    /// The document's name (plain texts).
    pub name: String,
    /// The language it was analysed as (plain texts).
    pub lang: String,
    /// Its text (plain texts), shared with the document it opens as.
    pub text: std::rc::Rc<str>,
    /// Its spans ([`encode`]; plain texts).
    pub nums: Vec<u32>,
    /// Its spans' DATE values ([`encode`]; plain texts).
    pub strings: String,
    /// The document as Sorot JSON (from an annotation file); empty for a
    /// plain text.
    pub json: String,
    /// Notes about how it was read ([`encode_msgs`]).
    pub notes: String,
    /// Why it could not be opened ([`encode_msgs`] of one message); empty
    /// when it opened.
    pub error: String,
}

/// Reads a batch of files ([`import::read_files`]) and analyses each plain
/// text (its language detected): the worker's side of opening files.
pub fn open_files(files: &[(&str, &[u8])]) -> Vec<OpenedFile> {
    import::read_files(files)
        .into_iter()
        .map(|result| match result {
            Err(e) => OpenedFile { error: encode_msgs(&[e.msg()]), ..OpenedFile::default() },
            Ok(o) if o.from_annotation_file => OpenedFile {
                json: super::export::sorot_json::to_json_line(&o.doc),
                notes: encode_msgs(&o.note_msgs),
                ..OpenedFile::default()
            },
            Ok(o) => {
                let Document { name, text, .. } = o.doc.doc;
                let lang = super::recognize::detect_lang(&text);
                let (nums, strings) = encode(&super::recognize::analyze(&text, lang));
                OpenedFile {
                    name,
                    lang: lang.to_string(),
                    text,
                    nums,
                    strings,
                    notes: encode_msgs(&o.note_msgs),
                    ..OpenedFile::default()
                }
            }
        })
        .collect()
}

/// The page's side: an [`OpenedFile`] as the document it opens, or the
/// message saying why it did not (also for a damaged answer).
pub fn decode_opened(f: OpenedFile) -> Result<Opened, Msg> {
    decode_opened_parts(f).map(Decoded::into_opened)
}

/// An [`OpenedFile`] decoded: a document opened whole, or a plain text
/// with its spans, still to be numbered
/// ([`super::model::AnnotatedDocument::from_spans`], or a part at a time with
/// [`super::model::Numbering`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// The document, opened.
    Opened(Opened),
    /// A plain text and its analysis.
    Spans {
        /// The document (no annotations).
        doc: Document,
        /// Its spans, checked against its text.
        spans: SpanNumbers,
        /// What the user should know about how it was read.
        note_msgs: Vec<Msg>,
    },
}

impl Decoded {
    /// The document opened, its spans numbered at once.
    pub fn into_opened(self) -> Opened {
        match self {
            Decoded::Opened(o) => o,
            Decoded::Spans { doc, spans, note_msgs } => Opened {
                doc: Numbering::at_once(doc, spans),
                notes: note_msgs.iter().map(Msg::english).collect(),
                note_msgs,
                from_annotation_file: false,
            },
        }
    }
}

/// [`decode_opened`] up to a plain text's spans (not numbered yet).
pub fn decode_opened_parts(f: OpenedFile) -> Result<Decoded, Msg> {
    if !f.error.is_empty() {
        return Err(decode_msgs(&f.error)
            .and_then(|mut m| m.pop())
            .unwrap_or_else(|| damaged("unreadable message".into())));
    }
    let note_msgs = decode_msgs(&f.notes).ok_or_else(|| damaged("unreadable notes".into()))?;
    if !f.json.is_empty() {
        let doc =
            super::export::sorot_json::from_json(&f.json).map_err(|e| damaged(e.to_string()))?;
        let notes = note_msgs.iter().map(Msg::english).collect();
        return Ok(Decoded::Opened(Opened { doc, notes, note_msgs, from_annotation_file: true }));
    }
    let spans = check(f.nums, f.strings, &f.text).map_err(damaged)?;
    let doc = Document { name: f.name, lang: f.lang, text: f.text };
    Ok(Decoded::Spans { doc, spans, note_msgs })
}

/// The notice for an answer of the worker that does not decode.
pub fn damaged(why: String) -> Msg {
    Msg::new("notice.analysis-failed").text("reason", format!("damaged answer ({why})"))
}

/// Messages as text: each field written as its length in bytes, `:`, and
/// itself (so any text may be in it).
pub fn encode_msgs(msgs: &[Msg]) -> String {
    let mut out = String::new();
    put(&mut out, &msgs.len().to_string());
    for m in msgs {
        put(&mut out, &encode_msg(m));
    }
    out
}

fn encode_msg(m: &Msg) -> String {
    let mut out = String::new();
    put(&mut out, m.key);
    put(&mut out, &m.args.len().to_string());
    for (name, arg) in &m.args {
        put(&mut out, name);
        match arg {
            Arg::Text(t) => {
                put(&mut out, "t");
                put(&mut out, t);
            }
            Arg::Key(k) => {
                put(&mut out, "k");
                put(&mut out, k);
            }
            Arg::KeyOr(k, or) => {
                put(&mut out, "o");
                put(&mut out, k);
                put(&mut out, or);
            }
            Arg::Msg(inner) => {
                put(&mut out, "m");
                put(&mut out, &encode_msg(inner));
            }
        }
    }
    out
}

fn put(out: &mut String, field: &str) {
    out.push_str(&field.len().to_string());
    out.push(':');
    out.push_str(field);
}

/// Reads what [`encode_msgs`] wrote; `None` if it is damaged or names a
/// key no catalogue has.
pub fn decode_msgs(text: &str) -> Option<Vec<Msg>> {
    let mut r = Reader(text);
    let n: usize = r.field()?.parse().ok()?;
    let mut out = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        out.push(decode_msg(r.field()?)?);
    }
    r.0.is_empty().then_some(out)
}

fn decode_msg(text: &str) -> Option<Msg> {
    let mut r = Reader(text);
    let key = super::i18n::static_key(r.field()?)?;
    let n: usize = r.field()?.parse().ok()?;
    let mut m = Msg::new(key);
    for _ in 0..n {
        // A value for a placeholder the text lacks would not be shown: it
        // is left out.
        let name = super::i18n::static_placeholder(key, r.field()?);
        let arg = match r.field()? {
            "t" => Arg::Text(r.field()?.to_string()),
            "k" => Arg::Key(r.field()?.to_string()),
            "o" => Arg::KeyOr(r.field()?.to_string(), r.field()?.to_string()),
            "m" => Arg::Msg(Box::new(decode_msg(r.field()?)?)),
            _ => return None,
        };
        if let Some(name) = name {
            m.args.push((name, arg));
        }
    }
    r.0.is_empty().then_some(m)
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn field(&mut self) -> Option<&'a str> {
        let (len, rest) = self.0.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let field = rest.get(..len)?;
        self.0 = &rest[len..];
        Some(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "Kata “Budi” 1 Desember 2025 🙂 Presiden Joko.";
        let spans = crate::core::recognize::analyze(text, "id");
        let mut all = spans.clone();
        all.push(Span {
            label: "PERSON",
            start: text.find("Joko").unwrap(),
            end: text.find("Joko").unwrap() + 4,
            speaker: None,
            value: Some("x🙂".into()),
            title: Some((text.find("Presiden").unwrap(), text.find("Presiden").unwrap() + 8)),
        });
        all.push(Span { speaker: Some(0), ..Span::new("QUOTE", 0, 4) });
        let (nums, strings) = encode(&all);
        assert_eq!(decode(&nums, &strings, text).unwrap(), all);
    }

    #[test]
    fn damage_is_an_error() {
        let text = "a🙂b";
        let ok = encode(&[Span::new("LOC", 0, 1)]);
        assert!(decode(&ok.0, &ok.1, text).is_ok());
        let cases: Vec<(Vec<u32>, &str)> = vec![
            (vec![0, 0, 1, 0, 0, 0], ""),         // short
            (vec![9, 0, 1, 0, 0, 0, 0], ""),      // label
            (vec![0, 0, 2, 0, 0, 0, 0], ""),      // inside 🙂
            (vec![0, 1, 1, 0, 0, 0, 0], ""),      // empty
            (vec![0, 0, 99, 0, 0, 0, 0], ""),     // past the end
            (vec![0, 0, 1, 2, 0, 0, 0], ""),      // speaker
            (vec![0, 0, 1, 0, 1, 0, 0], ""),      // title
            (vec![0, 0, 1, 0, 0, 0, 3], "x"),     // value past the strings
            (vec![0, 0, 1, 0, 0, 0, 2], "🙂"),    // value inside a character
            (vec![0, 0, 1, 0, 0, 0, 0], "extra"), // strings left over
        ];
        for (nums, strings) in cases {
            assert!(decode(&nums, strings, text).is_err(), "{nums:?} {strings:?}");
        }
    }

    #[test]
    fn messages_cross_as_text() {
        let inner = Msg::new("labels.why-taken").text("name", "a:b 🙂 12:");
        let msgs = vec![
            Msg::new("import.legacy").text("name", "berita.txt"),
            Msg::new("labels.not-added").text("name", "X").msg("why", inner),
            Msg::new("notice.model-failed").key("lang", "lang.id").text("reason", ""),
            Msg::new("step.analyse-as").key_or("lang", "step.lang-name.id", "id"),
        ];
        let text = encode_msgs(&msgs);
        assert_eq!(decode_msgs(&text).unwrap(), msgs);
        assert_eq!(decode_msgs(&encode_msgs(&[])).unwrap(), vec![]);
        for bad in
            ["", "1:1", "1:x", "1:15:no.such.key1:0", &text[..text.len() - 1], &format!("{text}x")]
        {
            assert!(decode_msgs(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn opened_files_cross_intact() {
        let sorot = {
            let doc =
                crate::core::recognize::annotate("a.txt", "Presiden Joko Widodo tiba di Jakarta.");
            crate::core::export::sorot_json::to_json(&doc)
        };
        let files: Vec<(&str, &[u8])> = vec![
            ("berita.txt", "Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta.".as_bytes()),
            ("a.sorot.json", sorot.as_bytes()),
            ("rusak.png", b"\x89PNG"),
        ];
        let direct = import::read_files(&files);
        let opened: Vec<_> = open_files(&files).into_iter().map(decode_opened).collect();
        assert_eq!(opened.len(), 3);
        let plain = opened[0].as_ref().unwrap();
        let text = &plain.doc.doc.text;
        assert_eq!(plain.doc, crate::core::recognize::annotate("berita.txt", text));
        assert!(!plain.from_annotation_file);
        let file = opened[1].as_ref().unwrap();
        assert_eq!(file, direct[1].as_ref().unwrap());
        assert_eq!(opened[2].as_ref().unwrap_err(), &direct[2].as_ref().unwrap_err().msg());
        let broken = OpenedFile { json: "{".into(), ..OpenedFile::default() };
        assert!(decode_opened(broken).unwrap_err().english().contains("damaged"));
    }
}
