//! Lists of names: an item between separators that has the shape of a name is one when another
//! item of the list is a name found with confidence (刘建平、陈国庆、赵明辉等); an item may carry a
//! note in brackets (卢秀珍(女)、周平).

use super::person;
use crate::input::is_han;
use crate::model::{Candidate, EntityKind, Span};
use crate::segment::SentenceContext;

/// In a list of names (刘建平、陈国庆、赵明辉等), an item between separators that has the shape of a
/// name is one when another item of the list is a name found with confidence.
pub fn list_members(ctx: &[SentenceContext<'_>], chosen: &mut Vec<Candidate>) {
    let mut added = Vec::new();
    for s in ctx {
        let sure: Vec<Span> = chosen
            .iter()
            .filter(|c| c.sentence == s.index && c.kind == EntityKind::Person && c.score >= 3.2)
            .map(|c| c.span.clone())
            .collect();
        for p in &sure {
            // walk the list both ways from a sure name
            for forward in [true, false] {
                let mut edge = if forward { p.end } else { p.start };
                loop {
                    // (an item may carry a note: 喇秉礼(回族)、才旦(藏族))
                    let sep = if forward {
                        note_after(s, edge)
                    } else {
                        edge.wrapping_sub(1)
                    };
                    if sep < s.span.start || sep >= s.span.end || s.ch(sep) != '、' {
                        break;
                    }
                    // the next item: 2–3 Han characters up to the next separator
                    let (a, b) = if forward {
                        let a = sep + 1;
                        let b = (a..(a + 4).min(s.span.end))
                            .find(|&k| !is_han(s.ch(k)) || s.ch(k) == '等')
                            .or_else(|| {
                                // (the last item of a list, before the verb: 、李强出席)
                                (a + 2..=(a + 3).min(s.span.end)).find(|&k| {
                                    s.boundary(k) && s.token_starting(k).is_some_and(|t| t.tag.starts_with('v'))
                                })
                            })
                            .unwrap_or(a);
                        (a, b)
                    } else {
                        let b = note_before(s, sep);
                        let a = (b.saturating_sub(3).max(s.span.start)..b)
                            .find(|&k| (k..b).all(|j| is_han(s.ch(j))))
                            .unwrap_or(b);
                        (a, b)
                    };
                    let len = b.saturating_sub(a);
                    let surname = is_han(s.ch(a)) && s.g.names.is_surname(&s.ch(a).to_string());
                    // (or a rarer surname, where the segmenter reads the item as a name: 辜胜阻/nr,
                    // 辜/nr 志远/nrfg)
                    let tagged = a < b && {
                        let mut k = a;
                        while let Some(t) = s
                            .token_starting(k)
                            .filter(|t| t.span.end <= b && t.tag.starts_with("nr"))
                        {
                            k = t.span.end;
                        }
                        k == b
                    };
                    let free = !chosen
                        .iter()
                        .chain(added.iter())
                        .any(|c: &Candidate| c.sentence == s.index && c.span.start < b && a < c.span.end);
                    // the item is whole: it starts a word, after a separator or a word (有习近平), not
                    // inside one (员李明 of 委员李明, 那布尔 of 哈德斯·贾那布尔)
                    let whole = a == s.span.start || (s.boundary(a) && s.ch(a - 1) != '·');
                    if !(2..=3).contains(&len) || !(surname || tagged) || !free || !whole {
                        break;
                    }
                    added.push(person(s, a..b, 0.85));
                    edge = if forward { b } else { a };
                }
            }
        }
    }
    chosen.extend(added);
}

/// The longest note in brackets after an item of a list ((女、回族), (蒙古族); the text is normalised
/// to half-width brackets).
const NOTE: usize = 8;

/// Where a note in brackets that starts at `at` ends (after its closing bracket), or `at`.
fn note_after(s: &SentenceContext<'_>, at: usize) -> usize {
    if at >= s.span.end || s.ch(at) != '(' {
        return at;
    }
    (at + 1..(at + NOTE).min(s.span.end))
        .take_while(|&k| s.ch(k) != '(')
        .find(|&k| s.ch(k) == ')')
        .map_or(at, |k| k + 1)
}

/// Where a note in brackets that ends just before `at` starts (its opening bracket), or `at`.
fn note_before(s: &SentenceContext<'_>, at: usize) -> usize {
    if at <= s.span.start || s.ch(at - 1) != ')' {
        return at;
    }
    (at.saturating_sub(NOTE).max(s.span.start)..at - 1)
        .rev()
        .take_while(|&k| s.ch(k) != ')')
        .find(|&k| s.ch(k) == '(')
        .unwrap_or(at)
}
