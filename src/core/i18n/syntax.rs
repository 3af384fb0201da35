//! The catalogue syntax, shared with `build.rs` (which includes this file
//! to check every catalogue before the build).

/// Reads a catalogue's lines: `(key, text)` pairs in file order, or the
/// first line that is not `key = text` (1-based) and why.
pub fn parse(text: &str) -> Result<Vec<(&str, &str)>, (usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err((n + 1, "expected `key = text`".into()));
        };
        let key = key.trim();
        if key.is_empty()
            || !key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            return Err((n + 1, format!("bad key “{key}”")));
        }
        out.push((key, value.trim()));
    }
    Ok(out)
}

/// The placeholders a text uses, in order (`{name}`), or why the braces
/// are wrong.
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        let after = &rest[i + 1..];
        if rest[i..].starts_with("{{") || rest[i..].starts_with("}}") {
            rest = &after[1..];
            continue;
        }
        if rest.as_bytes()[i] == b'}' {
            return Err("a `}` without its `{` (write `}}` for a brace)".into());
        }
        let Some(end) = after.find('}') else {
            return Err("a `{` without its `}` (write `{{` for a brace)".into());
        };
        let name = &after[..end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("bad placeholder {{{name}}}"));
        }
        out.push(name);
        rest = &after[end + 1..];
    }
    Ok(out)
}
