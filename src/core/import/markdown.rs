//! Markdown to plain text: the words as a reader sees them, without the
//! markup. Line structure is kept (a paragraph stays a paragraph).
//!
//! Removed: heading `#`s, block quote `>`s, list bullets and numbers,
//! emphasis `*`/`_` (single, double, triple) and `~~`, code backticks and
//! fence lines, horizontal rules, link and image syntax (the link text or
//! the image's alt text is kept), reference definitions (`[x]: url`),
//! HTML comments and backslash escapes.

/// The plain text of a Markdown document.
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut in_fence = false;
    let mut in_comment = false;
    for raw in md.split_inclusive('\n') {
        let (line, eol) = match raw.strip_suffix("\r\n") {
            Some(l) => (l, "\r\n"),
            None => match raw.strip_suffix('\n') {
                Some(l) => (l, "\n"),
                None => (raw, ""),
            },
        };
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push_str(eol);
            continue;
        }
        if in_comment {
            if let Some((_, after)) = line.split_once("-->") {
                in_comment = false;
                out.push_str(&inline(after));
                out.push_str(eol);
            }
            continue;
        }
        if is_rule(t) || is_reference(t) {
            out.push_str(eol);
            continue;
        }
        let mut body = t;
        loop {
            let b = body.trim_start();
            if let Some(rest) = b.strip_prefix('>') {
                body = rest.strip_prefix(' ').unwrap_or(rest);
            } else {
                break;
            }
        }
        let b = body.trim_start();
        let hashes = b.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && b[hashes..].starts_with([' ', '\t'])
            || (hashes > 0 && b.len() == hashes)
        {
            body = b[hashes..].trim().trim_end_matches('#').trim_end();
        } else if let Some(rest) = bullet(b) {
            body = rest;
        } else {
            body = b;
        }
        if is_setext_underline(t) {
            out.push_str(eol);
            continue;
        }
        let mut text = body.to_string();
        if let Some(start) = text.find("<!--") {
            match text[start..].find("-->") {
                Some(end) => text.replace_range(start..start + end + 3, ""),
                None => {
                    text.truncate(start);
                    in_comment = true;
                }
            }
        }
        out.push_str(&inline(&text));
        out.push_str(eol);
    }
    out
}

fn is_rule(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    s.len() >= 3
        && (s.chars().all(|c| c == '-')
            || s.chars().all(|c| c == '*')
            || s.chars().all(|c| c == '_'))
}

fn is_setext_underline(t: &str) -> bool {
    let s = t.trim();
    s.len() >= 2 && s.chars().all(|c| c == '=')
}

fn is_reference(t: &str) -> bool {
    t.starts_with('[') && t.find("]:").is_some_and(|i| !t[1..i].contains(']'))
}

/// The rest of a list item line after its bullet or number.
fn bullet(b: &str) -> Option<&str> {
    if let Some(rest) = b.strip_prefix(['-', '*', '+']) {
        if rest.starts_with([' ', '\t']) {
            let rest = rest.trim_start();
            // Task lists: `- [ ] x`, `- [x] x`.
            for box_ in ["[ ] ", "[x] ", "[X] "] {
                if let Some(r) = rest.strip_prefix(box_) {
                    return Some(r);
                }
            }
            return Some(rest);
        }
    }
    let digits = b.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &b[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            if r.starts_with([' ', '\t']) {
                return Some(r.trim_start());
            }
        }
    }
    None
}

/// Inline markup: links, images, code, emphasis, escapes.
fn inline(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        match ch {
            '\\' if i + 1 < c.len() && c[i + 1].is_ascii_punctuation() => {
                out.push(c[i + 1]);
                i += 2;
            }
            '`' => {
                let n = c[i..].iter().take_while(|&&x| x == '`').count();
                // Find the closing run of the same length.
                let mut j = i + n;
                let mut found = None;
                while j < c.len() {
                    if c[j] == '`' {
                        let m = c[j..].iter().take_while(|&&x| x == '`').count();
                        if m == n {
                            found = Some(j);
                            break;
                        }
                        j += m;
                    } else {
                        j += 1;
                    }
                }
                match found {
                    Some(j) => {
                        out.extend(&c[i + n..j]);
                        i = j + n;
                    }
                    None => {
                        out.extend(&c[i..i + n]);
                        i += n;
                    }
                }
            }
            '!' | '[' => {
                let open = if ch == '!' { i + 1 } else { i };
                if c.get(open) == Some(&'[') {
                    if let Some((label, next)) = link(&c, open) {
                        out.push_str(&inline(&label));
                        i = next;
                        continue;
                    }
                }
                out.push(ch);
                i += 1;
            }
            '*' | '_' | '~' => {
                let n = c[i..].iter().take_while(|&&x| x == ch).count();
                let before = if i == 0 { None } else { Some(c[i - 1]) };
                let after = c.get(i + n).copied();
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                // Emphasis delimiters touch text on one side only; `_`
                // inside a word (snake_case) and `~` alone are literal.
                let opens = !space(after) && (ch != '_' || !word(before));
                let closes = !space(before) && (ch != '_' || !word(after));
                let literal = (ch == '~' && n != 2) || (!opens && !closes);
                if literal {
                    out.extend(&c[i..i + n]);
                }
                i += n;
            }
            _ => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// `[label](url)` or `[label][ref]` or `[label][]` starting at `c[i] == '['`:
/// the label and the index after the link.
fn link(c: &[char], i: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut j = i;
    while j < c.len() {
        match c[j] {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if j >= c.len() {
        return None;
    }
    let label: String = c[i + 1..j].iter().collect();
    match c.get(j + 1) {
        Some('(') => {
            let close = c[j + 1..].iter().position(|&x| x == ')')? + j + 1;
            Some((label, close + 1))
        }
        Some('[') => {
            let close = c[j + 1..].iter().position(|&x| x == ']')? + j + 1;
            Some((label, close + 1))
        }
        _ => None,
    }
}
