//! Read: turn files and folders into decoded article texts.
//!
//! UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK are detected; a file that is empty,
//! binary or undecodable is refused with an [`InputError`] naming it, never silently mangled.

use crate::error::InputError;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The decoded text of one file.
#[derive(Debug, Clone)]
pub struct RawText {
    pub path: PathBuf,
    pub file_name: String,
    pub sha256: String,
    pub encoding: &'static str,
    pub text: String,
}

/// Expand files and folders (recursively, hidden entries skipped, sorted) into file paths.
pub fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|source| InputError::Io {
            path: input.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(input, &mut out)?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let io = |source| InputError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(io)?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if file_type.is_file() || path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Read and decode one file.
pub fn read(path: &Path) -> Result<RawText, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode_bytes(path, &bytes)
}

/// Decode the bytes of a file (exposed for tests and for in-memory corpora).
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<RawText, InputError> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned());
    let sha256 = hex(&Sha256::digest(bytes));
    let (text, encoding) = decode(path, bytes)?;
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
        });
    }
    if !text.chars().any(is_han) {
        return Err(InputError::NoText {
            path: path.to_path_buf(),
        });
    }
    Ok(RawText {
        path: path.to_path_buf(),
        file_name,
        sha256,
        encoding,
        text,
    })
}

fn decode(path: &Path, bytes: &[u8]) -> Result<(String, &'static str), InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(InputError::Undecodable {
                path: path.to_path_buf(),
                detail: format!("invalid {} after its byte-order mark", enc.name()),
            });
        }
        return check_text(path, text.into_owned(), enc.name());
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(path, text.to_owned(), "UTF-8"),
        Err(utf8_error) => {
            let gb = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| t.into_owned());
            match gb {
                Some(text) if plausible_chinese(&text) => check_text(path, text, encoding_rs::GB18030.name()),
                _ => Err(InputError::Undecodable {
                    path: path.to_path_buf(),
                    detail: format!("invalid UTF-8 at byte {}", utf8_error.valid_up_to()),
                }),
            }
        }
    }
}

/// Refuse decoded text that is full of control characters: a binary file in disguise.
fn check_text(path: &Path, text: String, encoding: &'static str) -> Result<(String, &'static str), InputError> {
    if let Some((offset, _)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    Ok((text, encoding))
}

/// GB18030 decodes almost any byte string; accept it only when it reads as Chinese text.
fn plausible_chinese(text: &str) -> bool {
    let (mut good, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if is_han(c) || c.is_ascii() || is_cjk_punctuation(c) {
            good += 1;
        }
    }
    total > 0 && good * 100 >= total * 95
}

/// A CJK unified ideograph (the basic block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '\u{2010}'..='\u{206f}' | '\u{25a0}'..='\u{25ff}')
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<RawText, InputError> {
        decode_bytes(Path::new("dir/a.txt"), bytes)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = dec("鹤壁市委".as_bytes()).expect("utf-8");
        assert_eq!(plain.text, "鹤壁市委");
        assert_eq!(plain.encoding, "UTF-8");
        assert_eq!(plain.file_name, "a.txt");
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice("鹤壁".as_bytes());
        assert_eq!(dec(&bom).expect("bom").text, "鹤壁");
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("市委书记马富国到浚县督导。");
        let raw = dec(&bytes).expect("gbk");
        assert_eq!(raw.text, "市委书记马富国到浚县督导。");
        assert_eq!(raw.encoding, "gb18030");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "鹤壁".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(dec(&bytes).expect("utf-16").text, "鹤壁");
    }

    #[test]
    fn bad_inputs_are_refused_with_reason() {
        assert!(matches!(dec(b""), Err(InputError::Empty { .. })));
        assert!(matches!(dec(b" \n\t"), Err(InputError::Empty { .. })));
        assert!(matches!(
            dec(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(dec(b"hello world"), Err(InputError::NoText { .. })));
        let err = dec(&[0xff, 0xff, 0xff, 0x80, 0x81]).expect_err("garbage");
        assert!(err.to_string().starts_with("dir/a.txt: "), "{err}");
    }

    #[test]
    fn sha256_is_of_the_bytes() {
        let raw = dec("鹤壁".as_bytes()).expect("utf-8");
        assert_eq!(raw.sha256.len(), 64);
        assert_ne!(raw.sha256, dec("淇县".as_bytes()).expect("utf-8").sha256);
    }
}
