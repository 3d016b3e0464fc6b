//! People named in address: 老张, 小李, 张某, and a surname before a title of address (江主席,
//! 周总理, 王先生).

use super::person;
use crate::gazetteer::{MarkerRole, NameStats};
use crate::input::is_han;
use crate::model::Candidate;
use crate::segment::SentenceContext;

/// How often a character starts a name, without allocating for the lookup.
pub(crate) fn surname_count(st: &NameStats, c: char) -> u32 {
    st.surname_count(c.encode_utf8(&mut [0; 4]))
}

/// 老张, 小李, 张某; and a surname before a title of address (江主席, 周总理).
pub(super) fn familiar(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let st = &s.g.names;
    for i in s.span.start..s.span.end.saturating_sub(1) {
        let c = s.ch(i);
        let next = s.ch(i + 1);
        let (c_count, next_count) = (surname_count(st, c), surname_count(st, next));
        if matches!(c, '老' | '小') && next_count >= 5 {
            // a word of its own (老张/n, 小许/d) whose second character is a surname often enough
            // (小康, 小金库 are not)
            let often = next_count * 10 >= st.char(next).total;
            if let Some(t) = s.token_starting(i).filter(|t| t.span.end == i + 2) {
                if t.tag.starts_with("nr") && next_count >= 100
                    || often && matches!(t.tag.as_str(), "n" | "d" | "nr" | "nrfg")
                {
                    out.push(person(s, i..i + 2, 0.7));
                }
            }
        }
        // 张某, 王某某: a surname standing for a person the text does not name in full
        if next == '某' && c_count >= 20 && s.boundary(i) {
            let end = if i + 2 < s.span.end && s.ch(i + 2) == '某' {
                i + 3
            } else {
                i + 2
            };
            out.push(person(s, i..end, 0.8));
        }
        if c_count >= 5 {
            // 王先生 anywhere; 江主席 after a separator or at the start
            let prev = if i > s.span.start { s.ch(i - 1) } else { ' ' };
            // the character is a surname often enough (not 任 of 由市长任指挥长: one in sixty of
            // its uses)
            let often = c_count * 20 >= st.char(c).total;
            let addressed = s.titles.iter().any(|t| {
                let title = &s.g.titles[t.what];
                // the segmenter reads the surname as a word of its own, or the surname and title
                // as one (周总理/nr)
                let own_word = often
                    && s.token_starting(i)
                        .is_some_and(|w| w.span.end == i + 1 || (w.span.end == t.end && w.tag.starts_with("nr")));
                t.start == i + 1
                    && (title.kind == crate::gazetteer::TitleKind::Address
                        || (title.heads
                            && title.kind != crate::gazetteer::TitleKind::Person
                            && (!is_han(prev)
                                || s.g.markers.is(MarkerRole::Separator, prev.encode_utf8(&mut [0; 4]))
                                || own_word)))
            });
            if addressed && s.boundary(i) {
                out.push(person(s, i..i + 1, 0.6));
            }
        }
    }
}
