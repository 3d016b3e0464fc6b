//! Big texts in parts: a dump of many news items in one file (or one huge record) is read as
//! several articles of bounded size, so that extraction time stays linear in the file's length and
//! memory bounded by the part, not the file.
//!
//! A text longer than [`SPLIT_ABOVE`] bytes is cut into parts of about [`PART`] bytes, at the best
//! boundary in reach: a blank line (where one news item ends and the next begins), else a line
//! break, else the end of a sentence, else anywhere (a text without any of those). A part is the
//! article `NAME#N` (N from 1), with its own sha256 (an unchanged part is not rebuilt) and the
//! number of code points before it in the file, so that offsets in the store still count from the
//! start of the file. No part overlaps another: a cut falls between sentences, so no sentence — and
//! so no fact — is lost or read twice.

use super::RawText;
use sha2::{Digest, Sha256};

/// Texts up to this many bytes stay one article.
pub const SPLIT_ABOVE: usize = 512 * 1024;

/// The size a part aims at: a cut is taken at the first blank line past it.
pub const PART: usize = 64 * 1024;

/// Past this size a part is cut at the best boundary seen so far.
const PART_MAX: usize = 2 * PART;

/// The parts of a text: the text itself when it is small.
pub fn items(raw: RawText) -> Vec<RawText> {
    if raw.text.len() <= SPLIT_ABOVE {
        return vec![raw];
    }
    let cuts = cuts(&raw.text);
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    let mut base = raw.base;
    for (n, end) in cuts.into_iter().chain([raw.text.len()]).enumerate() {
        let text = &raw.text[start..end];
        parts.push(RawText {
            path: raw.path.clone(),
            file_name: format!("{}#{}", raw.file_name, n + 1),
            sha256: super::hex(&Sha256::digest(text.as_bytes())),
            encoding: raw.encoding,
            text: text.to_owned(),
            meta: raw.meta.clone(),
            base,
        });
        base += text.chars().count();
        start = end;
    }
    // a part of only blank space or punctuation holds nothing to read
    parts.retain(|p| p.text.chars().any(super::is_han));
    parts
}

/// Byte offsets where parts end (not counting the end of the text).
fn cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let (mut start, mut blank, mut line, mut sentence) = (0, 0, 0, 0);
    let mut line_is_blank = true;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match c {
            '\n' => {
                if line_is_blank && after > start {
                    blank = after;
                    if after - start >= PART {
                        cuts.push(after);
                        start = after;
                    }
                }
                line = after;
                line_is_blank = true;
            }
            '。' | '!' | '?' | '！' | '？' | ';' | '；' => {
                sentence = after;
                line_is_blank = false;
            }
            c if c.is_whitespace() => {}
            _ => line_is_blank = false,
        }
        if after - start >= PART_MAX {
            let best = [blank, line, sentence]
                .into_iter()
                .find(|&b| b > start)
                .unwrap_or(after);
            cuts.push(best);
            start = best;
        }
    }
    if cuts.last() == Some(&text.len()) {
        cuts.pop();
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: String) -> RawText {
        RawText {
            path: "dump.txt".into(),
            file_name: "dump.txt".into(),
            sha256: String::new(),
            encoding: "UTF-8",
            text,
            meta: Default::default(),
            base: 0,
        }
    }

    /// A news item of about `n` bytes.
    fn item(i: usize, n: usize) -> String {
        let sentence = format!("第{i}条消息,县委书记张三到李庄镇督导检查。");
        let mut s = format!("标题{i}\n");
        while s.len() < n {
            s.push_str(&sentence);
        }
        s.push('\n');
        s
    }

    #[test]
    fn a_small_text_stays_one_article() {
        let parts = items(raw(item(1, 4000)));
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].file_name, "dump.txt");
    }

    #[test]
    fn a_dump_is_cut_between_items_and_nothing_is_lost() {
        // items separated by blank lines, as a dump of news pages is
        let text: String = (0..400).map(|i| item(i, 3000) + "\n").collect();
        let parts = items(raw(text.clone()));
        assert!(parts.len() > 10, "{}", parts.len());
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text, "the parts are the text");
        for (n, p) in parts.iter().enumerate() {
            assert_eq!(p.file_name, format!("dump.txt#{}", n + 1));
            assert!(p.text.len() <= PART_MAX + 4000, "{}", p.text.len());
            assert!(p.text.starts_with("标题"), "part {n} starts inside an item");
            let before: usize = parts[..n].iter().map(|q| q.text.chars().count()).sum();
            assert_eq!(p.base, before);
        }
        let shas: std::collections::HashSet<_> = parts.iter().map(|p| &p.sha256).collect();
        assert_eq!(shas.len(), parts.len());
    }

    #[test]
    fn boundaries_fall_back_from_blank_lines_to_lines_to_sentences_to_anywhere() {
        let lines: String = (0..200).map(|i| format!("第{i}行。{}\n", "字".repeat(1000))).collect();
        let sentences: String = (0..3000).map(|i| format!("第{i}句{}。", "字".repeat(100))).collect();
        let nothing = "字".repeat(400_000);
        for (name, text, ends) in [
            ("lines", lines, '\n'),
            ("sentences", sentences, '。'),
            ("nothing", nothing, '字'),
        ] {
            let parts = items(raw(text.clone()));
            assert!(parts.len() > 3, "{name}: {}", parts.len());
            assert_eq!(
                parts.iter().map(|p| p.text.as_str()).collect::<String>(),
                text,
                "{name}"
            );
            for p in &parts {
                // (at most one character past the limit, where no boundary was found)
                assert!(p.text.len() <= PART_MAX + 4, "{name}: {}", p.text.len());
                assert!(p.text.ends_with(ends), "{name}: a part ends inside a {ends:?}");
            }
        }
    }
}
