//! Read: turn files and folders into articles — plain text, JSON Lines, JSON, CSV, TSV and HTML
//! pages, each also gzip-compressed, and standard input — with what identifies them and what the
//! input says of them (title, date, url, source, author).
//!
//! UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK are detected ([`decode`]); a file
//! or record that is empty, binary or undecodable is refused with an [`InputError`] naming it (and
//! the line or record), never silently mangled, and the others are read.
//!
//! Identity: an article is its record's id, or its path relative to the input folder given
//! (`2020/1.txt`), or — for a record without an id — that path and its line (`news.jsonl#12`);
//! never just a base name, so that `a/1.txt` and `b/1.txt` are two articles.

pub mod decode;
mod html;
pub mod items;
mod records;

pub use records::Fields;

use crate::error::InputError;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

pub use crate::model::Meta;

/// The fewest Chinese characters a page's main text holds to be an article.
const MIN_PAGE_TEXT: usize = 10;

/// One article, read and decoded.
#[derive(Debug, Clone)]
pub struct RawText {
    pub path: PathBuf,
    /// The article's identity: its record id or its path relative to the input folder.
    pub file_name: String,
    pub sha256: String,
    pub encoding: &'static str,
    pub text: String,
    pub meta: Meta,
    /// Code points of the file before this text: 0, or where a part of a big text starts
    /// ([`items`]); offsets in the store count from the start of the file.
    pub base: usize,
}

/// The kinds of input file, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
    Json,
    Csv,
    Tsv,
    Html,
}

impl Format {
    /// The format a file's name says (`.jsonl`, `.ndjson`, `.json`, `.csv`, `.tsv`, `.html`,
    /// `.htm`, anything else text), and whether it is gzip-compressed (`.gz`).
    pub fn of(path: &Path) -> (Format, bool) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let gz = name.ends_with(".gz");
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        let f = match ext {
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            _ => Format::Text,
        };
        (f, gz)
    }
}

/// A file to read, and the folder its identity is relative to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// The input folder given (or the folder of a file given by itself); `-` for standard input.
    pub root: PathBuf,
}

impl Source {
    /// Standard input.
    pub fn stdin() -> Self {
        Source {
            path: PathBuf::from("-"),
            root: PathBuf::from("-"),
        }
    }

    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The identity of the file: its path relative to the input folder given, with `/`.
    pub fn identity(&self) -> String {
        if self.is_stdin() {
            return "stdin".into();
        }
        let rel = self.path.strip_prefix(&self.root).unwrap_or(&self.path);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.is_empty() {
            self.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            parts.join("/")
        }
    }
}

/// Expand inputs into sources: a folder into its files (recursively, hidden entries skipped,
/// sorted), each relative to that folder; a file relative to its own folder; `-` standard input.
pub fn collect_sources(inputs: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::stdin());
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|source| InputError::Io {
            path: input.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files)?;
            out.extend(files.into_iter().map(|path| Source {
                path,
                root: input.clone(),
            }));
        } else {
            let root = input.parent().map(Path::to_path_buf).unwrap_or_default();
            out.push(Source {
                path: input.clone(),
                root,
            });
        }
    }
    Ok(out)
}

/// The bytes of a source, gunzipped where its name ends in `.gz`.
fn bytes_of(src: &Source, gz: bool) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: src.path.clone(),
        source,
    };
    let mut raw = Vec::new();
    if src.is_stdin() {
        std::io::stdin().lock().read_to_end(&mut raw).map_err(io)?;
    } else {
        raw = std::fs::read(&src.path).map_err(io)?;
    }
    if gz || raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .map_err(|e| InputError::Undecodable {
                path: src.path.clone(),
                detail: format!("not gzip ({e})"),
            })?;
        return Ok(out);
    }
    Ok(raw)
}

/// The articles of a source: one for a text file or a page, one per record for JSON Lines, JSON,
/// CSV and TSV. `format` overrides what the name says (for standard input, text unless given).
pub fn articles(src: &Source, format: Option<Format>, fields: &Fields) -> Vec<Result<RawText, InputError>> {
    let (named, gz) = Format::of(&src.path);
    let format = format.unwrap_or(named);
    let bytes = match bytes_of(src, gz) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let id = src.identity();
    let decoded = || decode::decode(&src.path, &bytes);
    match format {
        Format::Text => vec![decode_bytes(&src.path, &bytes).map(|mut r| {
            r.file_name = id.clone();
            r
        })],
        Format::Html => vec![decoded().and_then(|(page, encoding)| {
            let (text, meta) = html::article(&page);
            let text = decode::clean(&src.path, text)?;
            // a page whose only Chinese is its title (an index, a login page) has no article
            let body = meta
                .title
                .as_deref()
                .and_then(|t| text.strip_prefix(t))
                .unwrap_or(&text);
            if body.chars().filter(|&c| is_han(c)).count() < MIN_PAGE_TEXT {
                return Err(InputError::NoText { path: src.path.clone() });
            }
            Ok(RawText {
                path: src.path.clone(),
                file_name: id.clone(),
                sha256: hex(&Sha256::digest(&bytes)),
                encoding,
                text,
                meta,
                base: 0,
            })
        })],
        Format::Jsonl | Format::Json | Format::Csv | Format::Tsv => match decoded() {
            Err(e) => vec![Err(e)],
            Ok((text, _)) => match format {
                Format::Jsonl => records::jsonl(&src.path, &id, &text, fields),
                Format::Json => records::json(&src.path, &id, &text, fields),
                Format::Csv => records::delimited(&src.path, &id, &text, b',', fields),
                _ => records::delimited(&src.path, &id, &text, b'\t', fields),
            },
        },
    }
}

/// Expand files and folders (recursively, hidden entries skipped, sorted) into file paths.
/// (The builder reads [`collect_sources`], which keeps the folder each path is relative to.)
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
    let (text, encoding) = decode::decode(path, bytes)?;
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
        meta: Meta::default(),
        base: 0,
    })
}

/// GB18030 decodes almost any byte string; accept it only when it reads as Chinese text.
pub(crate) fn plausible_chinese(text: &str) -> bool {
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

pub(crate) fn hex(bytes: &[u8]) -> String {
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
