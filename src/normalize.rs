//! Normalise: NFKC for full-width digits, letters and punctuation, unified quotes — with a map back
//! to the original text so that every later offset can be reported in original code points.

use crate::model::OffsetMap;
use unicode_normalization::UnicodeNormalization;

/// Normalised characters of `original` and the map back to it.
pub fn normalize(original: &str) -> (Vec<char>, OffsetMap) {
    let mut text = Vec::with_capacity(original.len() / 3 + 1);
    let mut map = OffsetMap {
        starts: Vec::with_capacity(original.len() / 3 + 2),
        ends: Vec::with_capacity(original.len() / 3 + 1),
    };
    let mut count = 0usize;
    for (i, c) in original.chars().enumerate() {
        count = i + 1;
        if let Some(u) = unify(c) {
            text.push(u);
            map.starts.push(i);
            map.ends.push(i + 1);
        } else {
            for n in std::iter::once(c).nfkc() {
                text.push(n);
                map.starts.push(i);
                map.ends.push(i + 1);
            }
        }
    }
    map.starts.push(count);
    (text, map)
}

/// Characters that stay as they are (fast path) or that are unified beyond NFKC.
fn unify(c: char) -> Option<char> {
    match c {
        // the common case: ASCII and the basic CJK block are NFKC-stable
        '\u{0}'..='\u{7f}' | '\u{4e00}'..='\u{9fff}' => Some(c),
        '「' | '『' | '〝' => Some('“'),
        '」' | '』' | '〞' | '〟' => Some('”'),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_becomes_ascii_with_offsets_kept() {
        let (text, map) = normalize("１２月，Ａ市");
        assert_eq!(text.iter().collect::<String>(), "12月,A市");
        assert_eq!(map.original(&(0..2)), 0..2);
        assert_eq!(map.original(&(4..6)), 4..6);
    }

    #[test]
    fn expansions_map_to_their_source_character() {
        // U+2026 HORIZONTAL ELLIPSIS becomes three dots under NFKC
        let (text, map) = normalize("好…马富国");
        assert_eq!(text.iter().collect::<String>(), "好...马富国");
        assert_eq!(map.original(&(1..4)), 1..2);
        assert_eq!(map.original(&(4..7)), 2..5);
    }

    #[test]
    fn corner_quotes_are_unified() {
        let (text, _) = normalize("「鹤壁」");
        assert_eq!(text.iter().collect::<String>(), "“鹤壁”");
    }
}
