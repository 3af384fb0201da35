//! Re-anchoring: finding where a quoted span lies in a text that may have
//! been edited since the span was recorded (the W3C `TextQuoteSelector`:
//! `exact` text with some `prefix` and `suffix` context).
//!
//! First every exact occurrence of `exact` is scored by how much of its
//! prefix and suffix context still matches, nearest to the old position
//! winning ties. With no exact occurrence, an approximate search (Sellers'
//! edit-distance matching) within a window around the old position accepts
//! the closest match whose distance is at most a third of the quote's
//! length, counting matching context in its favour. Positions are code points.

/// Code points searched on each side of the old position in the
/// approximate search.
const WINDOW: usize = 4000;

/// Where `exact` (with its context) lies in `text`, as a half-open
/// code-point range; `hint` is the old start, if known.
pub fn anchor(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<(usize, usize)> {
    if exact.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let pat: Vec<char> = exact.chars().collect();
    let pre: Vec<char> = prefix.chars().collect();
    let suf: Vec<char> = suffix.chars().collect();
    let m = pat.len();
    let hint = hint.unwrap_or(0);
    let mut best: Option<(usize, usize, usize)> = None; // (score, -distance via key, start)
    if m <= chars.len() {
        for s in 0..=chars.len() - m {
            if chars[s..s + m] != pat[..] {
                continue;
            }
            let before =
                pre.iter().rev().zip(chars[..s].iter().rev()).take_while(|(a, b)| a == b).count();
            let after = suf.iter().zip(chars[s + m..].iter()).take_while(|(a, b)| a == b).count();
            let score = before + after;
            let dist = s.abs_diff(hint);
            let better = match best {
                None => true,
                Some((bs, bd, _)) => score > bs || (score == bs && dist < bd),
            };
            if better {
                best = Some((score, dist, s));
            }
        }
    }
    if let Some((_, _, s)) = best {
        return Some((s, s + m));
    }
    let ctx = |s: usize, e: usize| {
        pre.iter().rev().zip(chars[..s].iter().rev()).take_while(|(a, b)| a == b).count()
            + suf.iter().zip(chars[e..].iter()).take_while(|(a, b)| a == b).count()
    };
    fuzzy(&chars, &pat, hint)
        .into_iter()
        .min_by_key(|&(d, s, e)| ((2 * d) as i64 - ctx(s, e) as i64, s.abs_diff(hint)))
        .map(|(_, s, e)| (s, e))
}

/// Sellers' algorithm over a window around `hint`: for every end position
/// where some substring of `chars` is within the distance limit of `pat`,
/// `(distance, start, end)` of the closest such substring.
fn fuzzy(chars: &[char], pat: &[char], hint: usize) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    let limit = (m / 3).max(1);
    let lo = hint.saturating_sub(WINDOW + m).min(chars.len());
    let hi = hint.saturating_add(WINDOW + 2 * m).min(chars.len());
    // col[i]: distance of pat[..i] ending at the current text position;
    // from[i]: where that match starts.
    let mut col: Vec<usize> = (0..=m).collect();
    let mut from: Vec<usize> = vec![lo; m + 1];
    let mut found = Vec::new();
    for (j, &c) in chars.iter().enumerate().take(hi).skip(lo) {
        let (mut diag, mut diag_from) = (col[0], from[0]);
        col[0] = 0;
        from[0] = j + 1;
        for i in 1..=m {
            let (up, up_from) = (col[i], from[i]);
            let sub = diag + usize::from(pat[i - 1] != c);
            let (mut v, mut f) = (sub, diag_from);
            if up + 1 < v {
                v = up + 1;
                f = up_from;
            }
            if col[i - 1] + 1 < v {
                v = col[i - 1] + 1;
                f = from[i - 1];
            }
            diag = up;
            diag_from = up_from;
            col[i] = v;
            from[i] = f;
        }
        let d = col[m];
        if d <= limit && from[m] < j + 1 {
            found.push((d, from[m], j + 1));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_picks_the_right_occurrence() {
        let t = "Ali dan Budi. Ali berkata.";
        assert_eq!(anchor(t, "Ali", "Budi. ", " berkata", None), Some((14, 17)));
        assert_eq!(anchor(t, "Ali", "", " dan", Some(20)), Some((0, 3)));
    }

    #[test]
    fn an_edited_quote_is_found_near_its_old_place() {
        let t = "Kata dia: “Kami akan bekerja sangat keras.” Selesai.";
        let r = anchor(t, "“Kami akan bekerja keras.”", "dia: ", " Selesai", Some(10));
        let (s, e) = r.expect("placed");
        let got: String = t.chars().skip(s).take(e - s).collect();
        assert_eq!(got, "“Kami akan bekerja sangat keras.”");
        assert_eq!(anchor(t, "sesuatu yang lain sama sekali", "", "", Some(3)), None);
    }
}
