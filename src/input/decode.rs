//! Decoding: UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK are detected; stray
//! control characters are stripped, and a file made of them refused.

use super::plausible_chinese;
use crate::error::InputError;
use std::path::Path;

/// As many stray control characters as any text may hold, however short.
const STRAY_ALLOWED: usize = 3;

pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, &'static str), InputError> {
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

/// Text with a few stray control characters (an ANSI escape, a form feed, a leading `\x01`) is
/// text: they are stripped. Text in which they are more than a handful and more than one character
/// in twenty (or any NUL) is a binary file in disguise.
fn check_text(path: &Path, text: String, encoding: &'static str) -> Result<(String, &'static str), InputError> {
    Ok((clean(path, text)?, encoding))
}

/// Strip what cannot be shown: control characters but for line breaks and tabs (and the rest of
/// an ANSI escape sequence after its ESC); refuse text made mostly of them.
pub fn clean(path: &Path, text: String) -> Result<String, InputError> {
    let stray = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    // (escapes of a terminal's colours and form feeds are text's own artefacts: not counted)
    let count = text
        .chars()
        .filter(|&c| stray(c) && !matches!(c, '\u{1b}' | '\u{c}'))
        .count();
    if count == 0 && !text.chars().any(stray) {
        return Ok(text);
    }
    let total = text.chars().count();
    if let Some((offset, _)) = text.char_indices().find(|&(_, c)| c == '\0') {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    if count > STRAY_ALLOWED && count * 20 > total {
        let offset = text.char_indices().find(|&(_, c)| stray(c)).map_or(0, |(i, _)| i);
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // ESC [ … final byte: the whole sequence goes
            if chars.peek() == Some(&'[') {
                chars.next();
                while let Some(&d) = chars.peek() {
                    chars.next();
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            }
            continue;
        }
        if stray(c) {
            // (a form feed breaks a line)
            if c == '\u{c}' {
                out.push('\n');
            }
            continue;
        }
        out.push(c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_stray_control_characters_are_stripped() {
        let p = Path::new("x.txt");
        let got = clean(
            p,
            "\u{1}县长\u{1b}[31m到镇里\u{1b}[0m调研,\u{c}走访了群众,看望了老党员。".into(),
        )
        .expect("text");
        assert_eq!(got, "县长到镇里调研,\n走访了群众,看望了老党员。");
        assert!(matches!(clean(p, "县长\0到".into()), Err(InputError::Binary { .. })));
        let noisy: String = "县\u{2}".repeat(20);
        assert!(matches!(clean(p, noisy), Err(InputError::Binary { .. })));
    }
}
