//! Word documents (`.docx`): the paragraphs of the main document text
//! (`word/document.xml`), one paragraph per `<w:p>`, separated by a blank
//! line; empty paragraphs are skipped. Inside a paragraph, text runs
//! (`<w:t>`) are joined, `<w:tab/>` is a tab and `<w:br/>`/`<w:cr/>` a line
//! break. Deleted text (`<w:delText>`), field codes, headers, footers,
//! comments and footnotes are not part of the main text.

use super::html::decode_entities;
use super::zip;

/// The text of a `.docx` file, or why it cannot be read.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let xml = zip::read_file(bytes, "word/document.xml")
        .map_err(|e| {
            if e == "it is not a zip archive" {
                "it is not a Word (.docx) document".to_string()
            } else {
                e
            }
        })?
        .ok_or("it is not a Word (.docx) document: it has no word/document.xml")?;
    let xml = String::from_utf8(xml).map_err(|_| "its word/document.xml is not UTF-8")?;
    Ok(paragraphs(&xml).join("\n\n"))
}

/// The paragraphs of a WordprocessingML body.
pub fn paragraphs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_text = false;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_text {
            cur.push_str(&decode_entities(&rest[..lt]));
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let empty = tag.ends_with('/');
        match (name, closing) {
            ("w:t", false) => in_text = !empty,
            ("w:t", true) => in_text = false,
            // Tab stops in paragraph properties have attributes; a tab in a run has none.
            ("w:tab", false) if !tag.contains('=') => cur.push('\t'),
            ("w:br" | "w:cr", false) => cur.push('\n'),
            ("w:p", true) => {
                let p = cur.trim().to_string();
                if !p.is_empty() {
                    out.push(p);
                }
                cur.clear();
            }
            ("w:p", false) if empty => {}
            _ => {}
        }
    }
    let p = cur.trim().to_string();
    if !p.is_empty() {
        out.push(p);
    }
    out
}
