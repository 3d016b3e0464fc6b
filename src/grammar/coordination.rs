//! Coordination: enumerations of items joined by separators (`、 和 及 与 以及`, `markers.tsv`) —
//! `A、B和C等村`, `X镇A村、B村`, `A镇、B镇疫情防控卡点`, `县委书记A、县长B` — with what closes them
//! (`等`, `等地`) and what they share.
//!
//! Two readings are offered. [`lists`] joins *known* items (the spans of mentions already found)
//! into lists. [`bare_items_before`] reads the items of a list of bare names back from where it
//! ends (`大黄庄、南孟封、陈冢沟和南平皋` before `等村`): every item is the text between two separators,
//! the first one the name-like words before the first separator. Recognise (shared heads,
//! inherited areas, places before people) and Relate (targets, actor sets) build on both.

use crate::gazetteer::MarkerRole;
use crate::input::is_han;
use crate::model::Span;
use crate::segment::SentenceContext;

/// Items of a list, in text order, joined by separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub items: Vec<Span>,
}

/// The length of the separator that starts at `i`: `、` always; a separator word (和, 及, 与, 以及)
/// only where it stands as a word of its own (not 和 of 和平).
pub fn separator_at(s: &SentenceContext<'_>, i: usize, end: usize) -> Option<usize> {
    if i >= end {
        return None;
    }
    if s.ch(i) == '、' {
        return Some(1);
    }
    let n = s.g.markers.at(MarkerRole::Separator, s.text, i, end)?;
    let word_of_its_own = s.token_starting(i).is_some_and(|t| t.span.len() == n) || s.boundary(i + n);
    (word_of_its_own && s.boundary(i)).then_some(n)
}

/// Whether the text between two items is one separator.
pub fn joined(s: &SentenceContext<'_>, a_end: usize, b_start: usize) -> bool {
    b_start > a_end && separator_at(s, a_end, b_start) == Some(b_start - a_end)
}

/// Lists of the given spans (sorted, not overlapping): runs of at least two spans with one
/// separator between each and the next.
pub fn lists(s: &SentenceContext<'_>, spans: &[Span]) -> Vec<List> {
    let mut out: Vec<List> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    for sp in spans {
        match current.last() {
            Some(last) if joined(s, last.end, sp.start) => current.push(sp.clone()),
            _ => {
                if current.len() >= 2 {
                    out.push(List {
                        items: std::mem::take(&mut current),
                    });
                }
                current = vec![sp.clone()];
            }
        }
    }
    if current.len() >= 2 {
        out.push(List { items: current });
    }
    out
}

/// The items of a list of bare names that ends at `end`, read back over separators; each item
/// has at most `max` characters, all Han. The first item is the name-like words before the first
/// separator, or — when a mention in `anchors` ends just before it — the text after that mention
/// (赵堡镇大黄庄: 大黄庄). Fewer than two items: no list.
pub fn bare_items_before(s: &SentenceContext<'_>, end: usize, max: usize, anchors: &[Span]) -> Vec<Span> {
    let mut items: Vec<Span> = Vec::new();
    let mut item_end = end;
    loop {
        // the separator before the item: the nearest one within `max` characters
        let sep = (item_end.saturating_sub(max + 3).max(s.span.start)..item_end)
            .rev()
            .find_map(|k| separator_at(s, k, item_end).map(|n| (k, n)))
            .filter(|&(k, n)| k + n < item_end && (k + n..item_end).all(|j| is_han(s.ch(j))));
        match sep {
            Some((k, n)) if item_end - (k + n) <= max => {
                items.push(k + n..item_end);
                item_end = k;
            }
            _ => break,
        }
    }
    if items.is_empty() {
        return Vec::new();
    }
    // the first item: after a mention ending before it, or the name-like words before the
    // separator
    let first = anchors
        .iter()
        .filter(|a| a.end < item_end && item_end - a.end <= max && a.end >= s.span.start)
        .filter(|a| (a.end..item_end).all(|j| is_han(s.ch(j))))
        .max_by_key(|a| a.end)
        .map(|a| a.end..item_end)
        .filter(|sp| sp.len() >= 2)
        .or_else(|| first_item(s, item_end, max));
    match first {
        Some(f) => items.push(f),
        None => return Vec::new(),
    }
    items.reverse();
    items
}

/// The name-like words (of a name: 2 to `max` characters) that end at `end`: back over tokens that
/// are no function word, verb or locative.
fn first_item(s: &SentenceContext<'_>, end: usize, max: usize) -> Option<Span> {
    let mut start = end;
    while start > s.span.start && end - start < max {
        let Some(t) = s.token_ending(start) else { break };
        let text = s.slice(&t.span);
        let function = matches!(
            t.tag.chars().next(),
            Some('v' | 'p' | 'c' | 'u' | 'd' | 'r' | 'm' | 'q' | 'x' | 'w')
        ) && !t.tag.starts_with("vn");
        let marker = [MarkerRole::Locative, MarkerRole::Sequence, MarkerRole::Scene]
            .iter()
            .any(|&r| s.g.markers.is(r, &text));
        if function || marker || !s.chars(&t.span).iter().all(|&c| is_han(c)) || end - t.span.start > max {
            break;
        }
        start = t.span.start;
    }
    (end - start >= 2).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pipeline;

    fn with_sentence<T>(text: &str, f: impl FnOnce(&SentenceContext<'_>) -> T) -> T {
        let p = pipeline();
        let chars: Vec<char> = text.chars().collect();
        let sentences = crate::split::split(&chars);
        let ctx = crate::segment::contexts(&chars, &sentences, p.g, p.lex, p.seg);
        f(&ctx[0])
    }

    fn words(s: &SentenceContext<'_>, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|sp| s.slice(sp)).collect()
    }

    /// (name, text, where the list ends, the anchors' texts, expected items)
    struct BareTest {
        name: &'static str,
        text: &'static str,
        end_before: &'static str,
        anchors: &'static [&'static str],
        items: &'static [&'static str],
    }

    const BARE: &[BareTest] = &[
        BareTest {
            name: "villages before a shared head",
            text: "书记到赵堡镇大黄庄、南孟封、陈冢沟和南平皋等村卡点督导。",
            end_before: "等村",
            anchors: &["赵堡镇"],
            items: &["大黄庄", "南孟封", "陈冢沟", "南平皋"],
        },
        BareTest {
            name: "towns after a locative",
            text: "他深入方元、太和等乡镇调研。",
            end_before: "等乡镇",
            anchors: &[],
            items: &["方元", "太和"],
        },
        BareTest {
            name: "a word joined by 和 is not split inside a word",
            text: "汤池、万山和柯坦等镇受灾。",
            end_before: "等镇",
            anchors: &[],
            items: &["汤池", "万山", "柯坦"],
        },
        BareTest {
            name: "one item is no list",
            text: "他到万山等地调研。",
            end_before: "等地",
            anchors: &[],
            items: &[],
        },
    ];

    #[test]
    fn bare_items_are_read_back_from_the_end_of_the_list() {
        for t in BARE {
            let got = with_sentence(t.text, |s| {
                let text: String = s.text.iter().collect();
                let end = text
                    .find(t.end_before)
                    .map(|b| text[..b].chars().count())
                    .expect(t.name);
                let anchors: Vec<Span> = t
                    .anchors
                    .iter()
                    .map(|a| {
                        let b = text.find(a).expect(t.name);
                        let st = text[..b].chars().count();
                        st..st + a.chars().count()
                    })
                    .collect();
                words(s, &bare_items_before(s, end, 4, &anchors))
            });
            assert_eq!(got, t.items, "{}", t.name);
        }
    }

    #[test]
    fn known_items_joined_by_separators_make_lists() {
        with_sentence("西川镇侯辛村、雒川村和姜堡村,以及王村。", |s| {
            let spans = vec![3..6, 7..10, 11..14, 18..20];
            let got: Vec<Vec<String>> = lists(s, &spans).iter().map(|l| words(s, &l.items)).collect();
            assert_eq!(got, vec![vec!["侯辛村", "雒川村", "姜堡村"]]);
        });
    }

    #[test]
    fn a_separator_word_must_stand_as_a_word() {
        with_sentence("维护和平与发展。", |s| {
            // 和 of 和平 is no separator, 与 between two words is
            assert_eq!(separator_at(s, 2, s.span.end), None);
            assert_eq!(separator_at(s, 4, s.span.end), Some(1));
        });
    }
}
