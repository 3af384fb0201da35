//! The recognizer's output in transit from the analysis worker to the page.
//!
//! The page does not analyse: the worker (`src/bin/analyser.rs`) runs the
//! recognizer and posts its [`Span`]s back as numbers and one string,
//! which a `postMessage` copies cheaply (a typed array moves without a
//! copy). [`encode`] writes them, [`decode`] reads them back and checks
//! every value against the analysed text, so a damaged message is an
//! error, never a panic or an annotation outside the text.
//!
//! Each span is [`FIELDS`] numbers: its label (an index into
//! [`labels::ALL`]), start and end (bytes), speaker (index + 1, 0: none),
//! title start and end (bytes; 0 and 0: none) and the byte length of its
//! DATE value in `strings` (length + 1, 0: none). The values follow one
//! another in `strings`, in span order.

use super::model::{labels, Span};

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
    if !nums.len().is_multiple_of(FIELDS) {
        return Err(format!("{} numbers is not a whole number of spans", nums.len()));
    }
    let count = nums.len() / FIELDS;
    let within = |a: usize, b: usize| {
        a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    let mut spans = Vec::with_capacity(count);
    let mut at = 0usize;
    for (i, f) in nums.chunks_exact(FIELDS).enumerate() {
        let bad = |what: &str| Err(format!("span {i}: {what}"));
        let label = match labels::ALL.get(f[0] as usize) {
            Some(l) => *l,
            None => return bad("unknown label"),
        };
        let (start, end) = (f[1] as usize, f[2] as usize);
        if !within(start, end) {
            return bad("outside the text");
        }
        let speaker = match f[3] {
            0 => None,
            k if (k as usize) <= count => Some(k as usize - 1),
            _ => return bad("speaker not in the list"),
        };
        let title = match (f[4], f[5]) {
            (0, 0) => None,
            (a, b) if a > 0 && within(a as usize - 1, b as usize) => {
                Some((a as usize - 1, b as usize))
            }
            _ => return bad("title outside the text"),
        };
        let value = match f[6] {
            0 => None,
            len => {
                let end = at + (len as usize - 1);
                let Some(v) = strings.get(at..end) else { return bad("value outside the strings") };
                at = end;
                Some(v.to_string())
            }
        };
        spans.push(Span { label, start, end, speaker, value, title });
    }
    if at != strings.len() {
        return Err("strings left over".to_string());
    }
    Ok(spans)
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
}
