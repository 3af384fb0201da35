//! [`Short`]: an immutable string that keeps a short text inside itself.
//!
//! An annotation's id (`a147484`) and label (`PERSON`) are a few bytes
//! long, and a long article holds a hundred thousand annotations or more:
//! as `String`s each would be a heap block of its own besides the
//! `String` itself (in wasm32 about 28 bytes a field, and two allocations
//! for every annotation numbered). A `Short` is the size of a `String`
//! (12 bytes in wasm32, 24 natively) and holds up to 10 (22) bytes in
//! place; a longer text goes to the heap once, as a `Box<str>`. It reads
//! as a `&str` (`Deref`), compares, orders and hashes as its text, and
//! serialises as a plain JSON string.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many bytes a [`Short`] holds in place: its size less its tag and
/// length bytes.
pub const INLINE: usize = 3 * std::mem::size_of::<usize>() - 2;

/// An immutable string, kept in place when it is at most [`INLINE`] bytes.
pub struct Short(Repr);

enum Repr {
    /// The length and the bytes, the first `len` of them a whole `str`.
    Inline(u8, [u8; INLINE]),
    /// A longer text.
    Heap(Box<str>),
}

const _: () = assert!(std::mem::size_of::<Short>() == 3 * std::mem::size_of::<usize>());
const _: () = assert!(std::mem::size_of::<Option<Short>>() == std::mem::size_of::<Short>());

impl Short {
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: an inline `Short` is made only by `From<&str>`, which
            // copies a whole `str`'s bytes and records their length, by
            // `Default` (length 0) and by `Clone` (a copy of one).
            Repr::Inline(len, bytes) => unsafe {
                std::str::from_utf8_unchecked(&bytes[..usize::from(*len)])
            },
            Repr::Heap(s) => s,
        }
    }

    /// The id `<prefix><n>` (`a147484`, the prefix an ASCII letter),
    /// written without the formatting machinery, in place when it fits.
    pub fn numbered(prefix: u8, n: u64) -> Short {
        let mut buf = [0u8; 21];
        let mut i = buf.len();
        let mut rest = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        i -= 1;
        buf[i] = prefix;
        Short::from(std::str::from_utf8(&buf[i..]).unwrap_or_default())
    }
}

impl Clone for Short {
    #[inline]
    fn clone(&self) -> Self {
        Short(match &self.0 {
            Repr::Inline(len, bytes) => Repr::Inline(*len, *bytes),
            Repr::Heap(s) => Repr::Heap(s.clone()),
        })
    }
}

impl Default for Short {
    fn default() -> Self {
        Short(Repr::Inline(0, [0; INLINE]))
    }
}

impl Deref for Short {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Short {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Short {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Short {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Short(Repr::Inline(s.len() as u8, bytes))
        } else {
            Short(Repr::Heap(s.into()))
        }
    }
}

impl From<&String> for Short {
    fn from(s: &String) -> Self {
        Short::from(s.as_str())
    }
}

impl From<String> for Short {
    fn from(s: String) -> Self {
        Short::from(s.as_str())
    }
}

impl From<&Short> for Short {
    fn from(s: &Short) -> Self {
        s.clone()
    }
}

impl From<Short> for String {
    fn from(s: Short) -> Self {
        s.as_str().to_owned()
    }
}

impl fmt::Debug for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Short {
    #[inline]
    fn eq(&self, other: &Short) -> bool {
        match (&self.0, &other.0) {
            // A text of at most `INLINE` bytes is always kept in place and
            // a longer one never, and the bytes past an inline text's
            // length are always zero (`From`, `Default` and `Clone` keep
            // them so): equal texts are equal arrays, compared as numbers
            // (labels and ids are compared by the hundred thousand).
            (Repr::Inline(a, x), Repr::Inline(b, y)) => {
                let word = |w: &[u8; INLINE]| {
                    let (head, tail) = w.split_at(8);
                    let mut h = [0u8; 8];
                    h.copy_from_slice(head);
                    let mut t = [0u8; INLINE - 8];
                    t.copy_from_slice(tail);
                    (u64::from_ne_bytes(h), t)
                };
                a == b && word(x) == word(y)
            }
            (Repr::Heap(x), Repr::Heap(y)) => x == y,
            _ => false,
        }
    }
}

impl Eq for Short {}

impl PartialOrd for Short {
    fn partial_cmp(&self, other: &Short) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Short {
    fn cmp(&self, other: &Short) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Short {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

macro_rules! eq_text {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for Short {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<Short> for $t {
            fn eq(&self, other: &Short) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}
eq_text!(str, &str, String);

impl Serialize for Short {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Short {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Short::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts_read_back() {
        for s in
            ["", "a1", "PERSON", "ab€😀cdefgh", "a much longer label than fits in place", "Topik"]
        {
            let x = Short::from(s);
            assert_eq!(x.as_str(), s);
            assert_eq!(Short::from(s.to_string()), x);
            assert_eq!(String::from(x.clone()), s);
            assert_eq!(x, s);
            assert_eq!(s, x);
            assert_eq!(serde_json::to_string(&x).unwrap(), serde_json::to_string(s).unwrap());
            let back: Short = serde_json::from_str(&serde_json::to_string(s).unwrap()).unwrap();
            assert_eq!(back, x);
        }
        assert_eq!(Short::from("x".repeat(INLINE)).len(), INLINE);
        assert_eq!(Short::from("x".repeat(INLINE + 1)).len(), INLINE + 1);
    }

    #[test]
    fn equal_exactly_when_the_texts_are() {
        // Every length either side of what fits in place, texts differing
        // in each byte, and a clone and a default among them.
        let mut texts: Vec<String> = vec![String::new()];
        for len in 1..=INLINE + 2 {
            let base = "x".repeat(len);
            texts.push(base.clone());
            for i in 0..len {
                let mut b = base.clone().into_bytes();
                b[i] = b'y';
                texts.push(String::from_utf8(b).unwrap());
            }
        }
        let shorts: Vec<Short> = texts.iter().map(Short::from).collect();
        for (a, sa) in texts.iter().zip(&shorts) {
            assert_eq!(*sa, sa.clone());
            for (b, sb) in texts.iter().zip(&shorts) {
                assert_eq!(sa == sb, a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(Short::default(), Short::from(""));
    }

    #[test]
    fn numbered_ids_match_formatting() {
        for n in [0u64, 7, 10, 147_484, 999_999_999, u64::MAX] {
            assert_eq!(Short::numbered(b'a', n).as_str(), format!("a{n}"));
        }
    }

    #[test]
    fn orders_and_hashes_as_its_text() {
        use std::collections::HashSet;
        let mut v: Vec<Short> =
            ["b", "a10", "a2", "a much longer label than fits"].map(Short::from).to_vec();
        v.sort();
        assert_eq!(v, ["a much longer label than fits", "a10", "a2", "b"]);
        let set: HashSet<Short> = v.iter().cloned().collect();
        assert!(set.contains("a2"));
    }
}
