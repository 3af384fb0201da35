//! Language detection: Indonesian or English, by counting function words.
//!
//! Every word of up to [`MAX_LEN`] ASCII letters is lower-cased into a small
//! stack buffer and looked up in the lexicon's two lists of function words
//! (sorted once, searched by halves; not the whole lexicon, which the page
//! does not carry: it detects the language of an opened annotation file
//! but analyses nothing); Indonesian function words
//! (`yang`, `dan`, `di`, `itu`, …) and English ones (`the`, `and`, `of`,
//! `said`, …) are counted. The language with more hits wins. With no
//! evidence, or a tie, the answer is `"en"`: a text without a single common
//! Indonesian word (a list of names, a headline in capitals, an empty
//! page) is no more likely to be Indonesian, and English is the neutral
//! choice for a BCP 47 tag shown to the user. The scan stops early once one
//! side leads by [`DECISIVE`] hits, so long texts cost little.

use std::sync::OnceLock;

use super::lexicon::{FUNC_EN_WORDS, FUNC_ID_WORDS};

/// Longest word that is looked up, in bytes.
const MAX_LEN: usize = 12;
/// A lead after which the answer cannot reasonably change.
const DECISIVE: usize = 200;

/// Guesses the language of `text`: `"id"` or `"en"`.
pub(crate) fn detect(text: &str) -> &'static str {
    let mut id = 0usize;
    let mut en = 0usize;
    let mut buf = [0u8; MAX_LEN];
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let w = word.as_bytes();
        if w.is_empty() || w.len() > MAX_LEN || !w.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        for (d, s) in buf.iter_mut().zip(w) {
            *d = s.to_ascii_lowercase();
        }
        let Ok(low) = std::str::from_utf8(&buf[..w.len()]) else { continue };
        let (ids, ens) = lists();
        id += usize::from(ids.binary_search(&low).is_ok());
        en += usize::from(ens.binary_search(&low).is_ok());
        if id.abs_diff(en) >= DECISIVE {
            break;
        }
    }
    if id > en {
        "id"
    } else {
        "en"
    }
}

/// The two lists of function words, sorted.
fn lists() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static LISTS: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    LISTS.get_or_init(|| {
        let sorted = |words: &[&'static str]| {
            let mut v = words.to_vec();
            crate::core::sort::sort_by(&mut v, |a, b| a.cmp(b));
            v
        };
        (sorted(FUNC_ID_WORDS), sorted(FUNC_EN_WORDS))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_function_words() {
        assert_eq!(detect("Dia mengatakan bahwa rapat itu akan digelar di Jakarta."), "id");
        assert_eq!(detect("She said that the meeting would be held in Jakarta."), "en");
        assert_eq!(detect(""), "en");
        assert_eq!(detect("Sanae Takaichi"), "en");
    }
}
