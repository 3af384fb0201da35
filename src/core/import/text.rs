//! Decoding a text file's bytes: UTF-8 (a BOM is removed), UTF-16 with a
//! BOM (little or big endian), and otherwise Windows-1252, the usual
//! encoding of older Western European files (it also covers Latin-1's
//! printable range). Line endings (`\n`, `\r\n`, `\r`) are kept.
//!
//! Bytes that are not text are refused: any NUL, or control codes (other
//! than tab, line feed, form feed and carriage return) in more than one
//! in a hundred bytes of a file that is not UTF-8.

use super::FileError;

/// Windows-1252 bytes 0x80–0x9F (the five undefined ones map to the C1
/// control of the same number, as browsers do).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 (never fails).
pub fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// Decodes a text file. Returns the text and whether the Windows-1252
/// fallback was used (the user should be told).
pub fn decode(bytes: &[u8]) -> Result<(String, bool), FileError> {
    let (text, legacy) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            (std::str::from_utf8(rest).map(str::to_owned).map_err(|_| FileError::NotText)?, false)
        }
        [0xFF, 0xFE, rest @ ..] => {
            (utf16(rest, u16::from_le_bytes).ok_or(FileError::NotText)?, false)
        }
        [0xFE, 0xFF, rest @ ..] => {
            (utf16(rest, u16::from_be_bytes).ok_or(FileError::NotText)?, false)
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_owned(), false),
            Err(_) => {
                let controls = bytes
                    .iter()
                    .filter(|&&b| {
                        b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) || b == 0x7F
                    })
                    .count();
                if bytes.contains(&0) || controls * 100 > bytes.len() {
                    return Err(FileError::NotText);
                }
                (cp1252(bytes), true)
            }
        },
    };
    if text.contains('\0') {
        return Err(FileError::NotText);
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok((text, legacy))
}
