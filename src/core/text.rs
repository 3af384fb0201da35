//! Offsets into a text, and conversion between their three units.
//!
//! Sorot meets three units for a position in a text:
//!
//! * **bytes** of UTF-8 — what Rust's `str` and the `regex` crate use; the
//!   recognizer works in bytes internally;
//! * **code points** (Unicode scalar values) — the unit of the annotation
//!   model, of every export and of the `data-start`/`data-end` attributes in
//!   the page (the W3C Web Annotation model and Python count this way);
//! * **UTF-16 code units** — what the DOM and JavaScript strings use.
//!
//! Conversions happen only at the edges, through a [`CharIndex`] built once
//! per text. A span is always a half-open range `[start, end)`.

/// How many code points lie between two checkpoints of a [`CharIndex`].
const STRIDE: usize = 64;

/// A lookup table that converts between byte, code-point and UTF-16 offsets
/// of one text in `O(STRIDE)` time per conversion, using `O(n / STRIDE)`
/// memory.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every `STRIDE`-th code point (and of the end).
    byte_at: Vec<usize>,
    /// UTF-16 offset of every `STRIDE`-th code point.
    utf16_at: Vec<usize>,
    /// Number of code points in the text.
    chars: usize,
    /// Number of bytes in the text.
    bytes: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut byte_at = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut utf16_at = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut chars = 0;
        let mut utf16 = 0;
        let mut b = 0;
        // At the top of the loop `b` starts code point number `chars`, a
        // multiple of `STRIDE`: a checkpoint.
        while b < bytes.len() {
            byte_at.push(b);
            utf16_at.push(utf16);
            // Most stretches of news text are ASCII: STRIDE bytes, STRIDE
            // code points, STRIDE UTF-16 units, checked a word at a time.
            if bytes.get(b..b + STRIDE).is_some_and(<[u8]>::is_ascii) {
                b += STRIDE;
                chars += STRIDE;
                utf16 += STRIDE;
                continue;
            }
            // Byte by byte, without decoding: in valid UTF-8 a character
            // starts at every byte that is not a continuation byte
            // (`10xxxxxx`), and it takes two UTF-16 units exactly when its
            // first byte is `11110xxx`.
            let mut left = STRIDE;
            while let Some(&byte) = bytes.get(b) {
                if byte & 0xC0 != 0x80 {
                    if left == 0 {
                        break;
                    }
                    left -= 1;
                    chars += 1;
                    utf16 += if byte >= 0xF0 { 2 } else { 1 };
                }
                b += 1;
            }
        }
        if chars % STRIDE == 0 {
            byte_at.push(text.len());
            utf16_at.push(utf16);
        }
        CharIndex { byte_at, utf16_at, chars, bytes: text.len() }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Number of bytes in the text.
    pub fn byte_len(&self) -> usize {
        self.bytes
    }

    /// Byte offset of code point `cp`. Offsets past the end clamp to the end.
    pub fn byte_of_char(&self, text: &str, cp: usize) -> usize {
        if cp >= self.chars {
            return self.bytes;
        }
        let k = cp / STRIDE;
        let base = self.byte_at[k];
        let rest = cp - k * STRIDE;
        if self.ascii_from(k) {
            return base + rest;
        }
        // The `rest`-th byte after `base` that starts a character (every
        // byte that is not a continuation byte, `10xxxxxx`).
        text.as_bytes()[base..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b & 0xC0 != 0x80)
            .nth(rest)
            .map_or(self.bytes, |(b, _)| base + b)
    }

    /// Whether the `STRIDE` code points after checkpoint `k` are ASCII:
    /// `STRIDE` code points in `STRIDE` bytes (most of news text).
    fn ascii_from(&self, k: usize) -> bool {
        self.byte_at.get(k + 1).is_some_and(|&next| next - self.byte_at[k] == STRIDE)
    }

    /// Code-point offset of byte `b`. A byte inside a character maps to the
    /// character that contains it; offsets past the end clamp to the end.
    pub fn char_of_byte(&self, text: &str, b: usize) -> usize {
        if b >= self.bytes {
            return self.chars;
        }
        // A code point is at least one byte, so checkpoint `k` is at or
        // after byte `k * STRIDE`: the last one at or before `b` is at most
        // `b / STRIDE`, and exactly that in ASCII text.
        let mut k = (b / STRIDE).min(self.byte_at.len() - 1);
        if self.byte_at[k] > b {
            // Gallop down to a checkpoint at or before `b` (the first is at
            // byte 0), then search between.
            let (mut top, mut step) = (k, 1);
            let low = loop {
                let c = top.saturating_sub(step);
                if self.byte_at[c] <= b {
                    break c;
                }
                top = c;
                step *= 2;
            };
            k = low + self.byte_at[low..top].partition_point(|&x| x <= b) - 1;
        }
        let base = self.byte_at[k];
        k * STRIDE + lead_bytes(&text.as_bytes()[base..b]) - usize::from(!text.is_char_boundary(b))
    }

    /// UTF-16 offset of code point `cp` (clamped to the end).
    pub fn utf16_of_char(&self, text: &str, cp: usize) -> usize {
        let cp = cp.min(self.chars);
        let k = cp / STRIDE;
        let base = self.byte_at[k.min(self.byte_at.len() - 1)];
        let start16 = self.utf16_at[k.min(self.utf16_at.len() - 1)];
        if self.ascii_from(k) {
            return start16 + (cp - k * STRIDE);
        }
        start16 + text[base..].chars().take(cp - k * STRIDE).map(char::len_utf16).sum::<usize>()
    }

    /// Code-point offset of UTF-16 offset `u`. A position between the two
    /// halves of a surrogate pair maps to the start of that character.
    pub fn char_of_utf16(&self, text: &str, u: usize) -> usize {
        let k = self.utf16_at.partition_point(|&x| x <= u).saturating_sub(1);
        let mut cp = k * STRIDE;
        let mut pos = self.utf16_at[k];
        for c in text[self.byte_at[k]..].chars() {
            let next = pos + c.len_utf16();
            if next > u {
                break;
            }
            pos = next;
            cp += 1;
        }
        cp.min(self.chars)
    }

    /// The slice of `text` between code points `start` and `end`.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let s = self.byte_of_char(text, start);
        let e = self.byte_of_char(text, end.max(start));
        &text[s..e]
    }
}

/// Counts the bytes of `bytes` that `hits` marks, eight at a time: `hits`
/// turns a little-endian word into one with bit 7 set in exactly the
/// bytes to count; `one` says the same of a single byte (the last few).
fn count_bytes(bytes: &[u8], hits: impl Fn(u64) -> u64, one: impl Fn(u8) -> bool) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        n += hits(u64::from_le_bytes(w)).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| one(b)).count()
}

/// The bytes of `bytes` that start a code point (that are not
/// continuation bytes, `10xxxxxx`), counted eight at a time.
fn lead_bytes(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Continuation bytes: bit 7 set and bit 6 clear.
    bytes.len() - count_bytes(bytes, |w| w & !(w << 1) & HIGH, |b| b & 0xC0 == 0x80)
}

/// The line feeds in `bytes`, counted eight bytes at a time (the page
/// counts a long document's lines to size the parts not yet drawn).
pub fn count_newlines(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let hits = |w: u64| {
        // Zero exactly in the bytes that were `\n`; bit 7 of each byte of
        // the result is set exactly for those (no carry crosses a byte).
        let x = w ^ 0x0A0A_0A0A_0A0A_0A0A;
        !(((x & LOW7) + LOW7) | x | LOW7)
    };
    count_bytes(bytes, hits, |b| b == b'\n')
}

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_unit(text: &str) {
        let ix = CharIndex::new(text);
        let mut u16 = 0;
        for (cp, (b, c)) in text.char_indices().enumerate() {
            assert_eq!(ix.byte_of_char(text, cp), b, "byte of char {cp}");
            assert_eq!(ix.char_of_byte(text, b), cp, "char of byte {b}");
            assert_eq!(ix.utf16_of_char(text, cp), u16, "utf16 of char {cp}");
            assert_eq!(ix.char_of_utf16(text, u16), cp, "char of utf16 {u16}");
            u16 += c.len_utf16();
        }
        let n = text.chars().count();
        assert_eq!(ix.char_len(), n);
        assert_eq!(ix.byte_of_char(text, n), text.len());
        assert_eq!(ix.char_of_byte(text, text.len()), n);
        assert_eq!(ix.utf16_of_char(text, n), u16);
        assert_eq!(ix.char_of_utf16(text, u16), n);
    }

    #[test]
    fn newlines_are_counted_as_one_at_a_time() {
        let text = "a\n\nb\u{a0}\n\u{10a0a}\n\r\n\x0b\u{8a}\u{20a}\n12345678\n\n\n\n\n\n\n\n\n\nx";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let t = &bytes[start..end];
                assert_eq!(
                    count_newlines(t),
                    t.iter().filter(|&&b| b == b'\n').count(),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn conversions_agree_on_mixed_text() {
        every_unit("");
        every_unit("a");
        every_unit("Sanae Takaichi 🇯🇵 berkata, “Café” e\u{301}\r\n😀 ok");
        let long: String = "ab😀c\u{301}\r\n日本".repeat(100);
        every_unit(&long);
        let exact: String = "x".repeat(STRIDE * 3);
        every_unit(&exact);
        // ASCII blocks, then a block that is not, then ASCII again.
        let (x, y, z) =
            ("x".repeat(STRIDE * 2), "y".repeat(STRIDE - 1), "z".repeat(STRIDE * 2 + 5));
        every_unit(&format!("{x}é{y}😀{z}"));
    }

    #[test]
    fn inner_positions_map_to_their_character() {
        let t = "a😀b";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_of_byte(t, 2), 1);
        assert_eq!(ix.char_of_utf16(t, 2), 1); // between the surrogates
        assert_eq!(ix.slice(t, 1, 2), "😀");
    }
}
