//! Reading `.zip` archives (and the zip container of `.docx`): the central
//! directory, then each file, stored or deflated (inflated with
//! `miniz_oxide`). Zip64, encryption and other compression methods are
//! refused with a reason.
//!
//! Limits against zip bombs: at most [`MAX_ZIP_ENTRIES`] files, each at
//! most [`MAX_FILE_BYTES`] once inflated, and [`MAX_ZIP_TOTAL_BYTES`] in
//! all; inflation stops at the limit whatever the header claims. Folders,
//! `__MACOSX/` resources and hidden files (`.DS_Store`) are skipped.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

use super::{MAX_FILE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES};
use crate::core::export::zip::crc32;

/// One file in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path inside the archive (`folder/article.txt`).
    pub name: String,
    /// Its bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

const TRUNCATED: &str = "the zip archive is damaged or incomplete";

/// Lists and reads every file of an archive. An error means the archive
/// itself cannot be read; a file that cannot be read has an error of its
/// own.
pub fn read(b: &[u8]) -> Result<Vec<Entry>, String> {
    entries(b, |_| true)
}

/// Reads the one file named `name` (exact path), if the archive has it.
pub fn read_file(b: &[u8], name: &str) -> Result<Option<Vec<u8>>, String> {
    let found = entries(b, |n| n == name)?;
    match found.into_iter().next() {
        Some(e) => e.bytes.map(Some),
        None => Ok(None),
    }
}

fn entries(b: &[u8], want: impl Fn(&str) -> bool) -> Result<Vec<Entry>, String> {
    if b.len() < 22 || !b.starts_with(b"PK") {
        return Err("it is not a zip archive".into());
    }
    // The end-of-central-directory record: the last "PK\5\6" in the final
    // 64 KiB + 22 bytes (a comment may follow it).
    let lo = b.len().saturating_sub(22 + 65_535);
    let eocd = (lo..=b.len() - 22)
        .rev()
        .find(|&i| b[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or(TRUNCATED)?;
    let count = u16_at(b, eocd + 10).ok_or(TRUNCATED)?;
    let cd_size = u32_at(b, eocd + 12).ok_or(TRUNCATED)?;
    let cd_off = u32_at(b, eocd + 16).ok_or(TRUNCATED)?;
    if count == 0xFFFF || cd_off == 0xFFFF_FFFF {
        return Err("Zip64 archives are not supported".into());
    }
    if cd_off.saturating_add(cd_size) > eocd {
        return Err(TRUNCATED.into());
    }
    let mut out = Vec::new();
    let mut total = 0usize;
    let mut p = cd_off;
    for _ in 0..count {
        if u32_at(b, p) != Some(0x0201_4b50) {
            return Err(TRUNCATED.into());
        }
        let flags = u16_at(b, p + 8).ok_or(TRUNCATED)?;
        let method = u16_at(b, p + 10).ok_or(TRUNCATED)?;
        let crc = u32_at(b, p + 16).ok_or(TRUNCATED)? as u32;
        let csize = u32_at(b, p + 20).ok_or(TRUNCATED)?;
        let usize_ = u32_at(b, p + 24).ok_or(TRUNCATED)?;
        let nlen = u16_at(b, p + 28).ok_or(TRUNCATED)?;
        let xlen = u16_at(b, p + 30).ok_or(TRUNCATED)?;
        let clen = u16_at(b, p + 32).ok_or(TRUNCATED)?;
        let local = u32_at(b, p + 42).ok_or(TRUNCATED)?;
        let raw_name = b.get(p + 46..p + 46 + nlen).ok_or(TRUNCATED)?;
        p += 46 + nlen + xlen + clen;
        // Names are UTF-8 when flag bit 11 says so; older tools wrote
        // CP437, which is ASCII for ordinary names.
        let name = String::from_utf8_lossy(raw_name).replace('\\', "/");
        let file = name.rsplit('/').next().unwrap_or("");
        if name.ends_with('/')
            || name.starts_with("__MACOSX/")
            || file.starts_with('.')
            || file.is_empty()
        {
            continue;
        }
        if !want(&name) {
            continue;
        }
        if out.len() >= MAX_ZIP_ENTRIES {
            return Err(format!("the zip holds more than {MAX_ZIP_ENTRIES} files"));
        }
        let bytes = (|| {
            if flags & 1 != 0 {
                return Err("it is encrypted".to_string());
            }
            if usize_ > MAX_FILE_BYTES {
                return Err(format!(
                    "it is {} MB unpacked, and the limit is {} MB",
                    super::Megabytes(usize_),
                    MAX_FILE_BYTES / 1_048_576
                ));
            }
            if u32_at(b, local) != Some(0x0403_4b50) {
                return Err(TRUNCATED.to_string());
            }
            let lname = u16_at(b, local + 26).ok_or(TRUNCATED)?;
            let lextra = u16_at(b, local + 28).ok_or(TRUNCATED)?;
            // Sizes come from the file: add without overflow (usize is 32 bits in wasm).
            let start = local.saturating_add(30 + lname + lextra);
            let data = b.get(start..start.saturating_add(csize)).ok_or(TRUNCATED)?;
            let bytes = match method {
                0 => data.to_vec(),
                8 => decompress_to_vec_with_limit(
                    data,
                    MAX_FILE_BYTES.min(MAX_ZIP_TOTAL_BYTES - total),
                )
                .map_err(|_| format!("{TRUNCATED}, or unpacks to more than the limit"))?,
                m => {
                    return Err(format!(
                        "it is compressed with method {m}, which Sorot does not read"
                    ))
                }
            };
            if crc32(&bytes) != crc {
                return Err(format!("{TRUNCATED} (checksum mismatch)"));
            }
            Ok(bytes)
        })();
        if let Ok(v) = &bytes {
            total += v.len();
            if total > MAX_ZIP_TOTAL_BYTES {
                return Err(format!(
                    "the zip unpacks to more than {} MB",
                    MAX_ZIP_TOTAL_BYTES / 1_048_576
                ));
            }
        }
        out.push(Entry { name, bytes });
    }
    Ok(out)
}
