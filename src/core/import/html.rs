//! A saved web page to article text, the way a reader view does it.
//!
//! The page is tokenised (tags, comments, text) without building a DOM.
//! The article is the content of the first `<article>` element if there is
//! one, else of `<main>`, else of `<body>`. Inside it, these are dropped
//! with everything in them: `script`, `style`, `noscript`, `template`,
//! `svg`, `math`, `iframe`, `object`, `canvas`, `nav`, `aside`, `form`,
//! `button`, `select`, `footer`, and (outside an article) `header`;
//! also elements with the `hidden` attribute or `aria-hidden="true"`, and
//! comments. Block elements (`p`, `div`, headings, `li`, `blockquote`,
//! `tr`, …) end a paragraph; paragraphs are separated by a blank line,
//! `<br>` is a line break, other white space collapses to one space
//! (except inside `<pre>`). Character references (named, decimal, hex)
//! are decoded.
//!
//! The title comes first, as its own paragraph: the article's first `<h1>`
//! if it has one (then it is simply the first paragraph), otherwise the
//! page's `<title>`. Nothing from the page is ever run or shown as HTML:
//! the result is plain text.

use super::text;
use super::FileError;

/// Decodes a page's bytes: UTF-8 (with or without BOM) or UTF-16 with a
/// BOM, otherwise Windows-1252 (returned `true`; most pages that are not
/// UTF-8 declare `windows-1252` or `iso-8859-1`, which browsers read as
/// Windows-1252).
pub fn decode(bytes: &[u8]) -> Result<(String, bool), FileError> {
    text::decode(bytes)
}

const DROP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "canvas",
    "nav",
    "aside",
    "form",
    "button",
    "select",
    "footer",
    "head",
    "dialog",
    "figure-ad",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "tr",
    "table",
    "pre",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "td",
    "th",
];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
    "wbr", "param",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

#[derive(Debug)]
enum Tok<'a> {
    Open { name: String, attrs: &'a str, self_closing: bool },
    Close(String),
    Text(&'a str),
}

/// Splits HTML into tags and text; comments, doctypes and processing
/// instructions are skipped; raw-text elements' content is one text token.
fn tokenize(html: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_from = 0;
    let lower = html.to_ascii_lowercase();
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let skip_to = if let Some(comment) = rest.strip_prefix("<!--") {
            Some(comment.find("-->").map_or(b.len(), |k| i + 4 + k + 3))
        } else if next == b'!' || next == b'?' {
            Some(rest.find('>').map_or(b.len(), |k| i + k + 1))
        } else {
            None
        };
        if let Some(end) = skip_to {
            if text_from < i {
                out.push(Tok::Text(&html[text_from..i]));
            }
            i = end;
            text_from = i;
            continue;
        }
        let closing = next == b'/';
        let name_start = i + 1 + usize::from(closing);
        let name_len = b[name_start.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i += 1; // a lone '<' is text
            continue;
        }
        let Some(gt) = tag_end(&html[i..]) else {
            i += 1;
            continue;
        };
        if text_from < i {
            out.push(Tok::Text(&html[text_from..i]));
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let inner = &html[name_start + name_len..i + gt];
        i += gt + 1;
        text_from = i;
        if closing {
            out.push(Tok::Close(name));
            continue;
        }
        let self_closing = inner.trim_end().ends_with('/');
        let raw = RAW.contains(&name.as_str()) && !self_closing;
        out.push(Tok::Open { name: name.clone(), attrs: inner, self_closing });
        if raw {
            let end_tag = format!("</{name}");
            let end = lower[i..].find(&end_tag).map_or(b.len(), |k| i + k);
            out.push(Tok::Text(&html[i..end]));
            out.push(Tok::Close(name));
            i = lower[end..].find('>').map_or(b.len(), |k| end + k + 1);
            text_from = i;
        }
    }
    if text_from < b.len() {
        out.push(Tok::Text(&html[text_from..]));
    }
    out
}

/// The index of the `>` ending a tag that starts at `s[0] == '<'`,
/// skipping `>` inside quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &c) in s.as_bytes().iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(k),
            None => {}
        }
    }
    None
}

fn hidden(attrs: &str) -> bool {
    let a = attrs.to_ascii_lowercase();
    let words: Vec<&str> = a.split(|c: char| c.is_whitespace() || c == '/').collect();
    words.contains(&"hidden")
        || a.contains("aria-hidden=\"true\"")
        || a.contains("aria-hidden='true'")
        || a.contains("aria-hidden=true")
}

/// The article text of a page (see the module documentation).
pub fn extract(html: &str) -> String {
    let toks = tokenize(html);
    let title = toks
        .iter()
        .position(|t| matches!(t, Tok::Open { name, .. } if name == "title"))
        .and_then(|k| match toks.get(k + 1) {
            Some(Tok::Text(t)) => Some(collapse(&decode_entities(t))),
            _ => None,
        })
        .unwrap_or_default();
    // The article's range of tokens.
    let find = |tag: &'static str| {
        let start = toks.iter().position(|t| matches!(t, Tok::Open { name, .. } if name == tag))?;
        let mut depth = 0;
        for (k, t) in toks.iter().enumerate().skip(start) {
            match t {
                Tok::Open { name, self_closing: false, .. } if name == tag => depth += 1,
                Tok::Close(name) if name == tag => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((start + 1, k, tag));
                    }
                }
                _ => {}
            }
        }
        Some((start + 1, toks.len(), tag))
    };
    let (from, to, root) = find("article")
        .or_else(|| find("main"))
        .or_else(|| find("body"))
        .unwrap_or((0, toks.len(), ""));
    let in_article = root == "article";

    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut skip: Vec<String> = Vec::new();
    let mut pre = 0usize;
    let mut has_h1 = false;
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let p = cur.trim_matches(|c: char| c == ' ' || c == '\n').to_string();
        if !p.is_empty() {
            paras.push(p);
        }
        cur.clear();
    };
    for t in &toks[from..to] {
        if !skip.is_empty() {
            match t {
                Tok::Open { name, self_closing: false, .. }
                    if *name == skip[0] && !VOID.contains(&name.as_str()) =>
                {
                    skip.push(name.clone())
                }
                Tok::Close(name) if *name == skip[0] => {
                    skip.pop();
                }
                _ => {}
            }
            continue;
        }
        match t {
            Tok::Open { name, attrs, self_closing } => {
                let n = name.as_str();
                let drop = DROP.contains(&n) || (n == "header" && !in_article) || n == "title";
                if (drop || hidden(attrs)) && !self_closing && !VOID.contains(&n) {
                    skip.push(name.clone());
                    continue;
                }
                if n == "br" {
                    cur.push('\n');
                } else if BLOCK.contains(&n) {
                    flush(&mut cur, &mut paras);
                    if n == "pre" {
                        pre += 1;
                    }
                    if n == "h1" && paras.is_empty() {
                        has_h1 = true;
                    }
                }
            }
            Tok::Close(name) => {
                let n = name.as_str();
                if BLOCK.contains(&n) {
                    flush(&mut cur, &mut paras);
                    if n == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
            Tok::Text(t) => {
                let t = decode_entities(t);
                if pre > 0 {
                    cur.push_str(&t);
                } else {
                    let c = collapse_keep_edges(&t);
                    if cur.ends_with([' ', '\n']) || cur.is_empty() {
                        cur.push_str(c.trim_start());
                    } else {
                        cur.push_str(&c);
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut paras);
    // A line break right at a paragraph's edge adds nothing.
    let paras: Vec<String> = paras
        .into_iter()
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n"))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    if !has_h1 && !title.is_empty() && paras.first() != Some(&title) {
        out.push(title);
    }
    out.extend(paras);
    out.join("\n\n")
}

/// White space runs to one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// White space runs to one space, keeping one at either edge if there was
/// any (so `a<b> b</b>` keeps its space). NO-BREAK SPACE is kept as is.
fn collapse_keep_edges(s: &str) -> String {
    let ws = |c: char| c.is_whitespace() && c != '\u{A0}';
    let mut out = String::with_capacity(s.len());
    let mut in_ws = false;
    for c in s.chars() {
        if ws(c) {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            out.push(c);
            in_ws = false;
        }
    }
    out
}

/// Named character references Sorot decodes (the common ones in news
/// pages); any other `&name;` is left as written.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("para", '¶'),
    ("sect", '§'),
    ("shy", '\u{AD}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("prime", '′'),
    ("Prime", '″'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("szlig", 'ß'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
];

/// Decodes character references: `&amp;`, `&#233;`, `&#xE9;`. A reference
/// to NUL, a surrogate or past U+10FFFF becomes U+FFFD.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1);
        let (body, after) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], &rest[e + 1..]),
            _ => ("", rest),
        };
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            n.map(|n| char::from_u32(n).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'))
        } else {
            ENTITIES.iter().find(|(name, _)| *name == body).map(|&(_, c)| c)
        };
        match decoded {
            Some(c) if !body.is_empty() => {
                out.push(c);
                rest = after;
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
