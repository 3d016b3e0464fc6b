//! Propagation: a name found with confidence somewhere in a document is found again wherever it
//! recurs, and so are its short forms (恩来 of 周恩来, 库克 of 罗宾·库克, 桥本 of 桥本龙太郎), its
//! surname in address (江主席 where 江泽民 is named, 老许 of 许强): mentions of the same person.

use crate::gazetteer::NameStats;
use crate::model::{Candidate, Class, Detail, EntityKind, Span};
use crate::segment::SentenceContext;

/// A person candidate found again (score as the model's probability would give it).
fn person(s: &SentenceContext<'_>, span: Span, p: f64) -> Candidate {
    Candidate::new(span, s.index, EntityKind::Person, Class::Other, Detail::Person).with_score((4.0 * p) as f32)
}

/// How often a character starts a name, without allocating for the lookup.
fn surname_count(st: &NameStats, c: char) -> u32 {
    st.surname_count(c.encode_utf8(&mut [0; 4]))
}

/// Minimum score of a person found somewhere for the name to be found again elsewhere.
const PROPAGATE: f32 = 2.4;

/// A short form of a name found in full: where the article uses it again, it is that person.
struct ShortForm {
    chars: Vec<char>,
    /// The full name, for a short form.
    full: Option<String>,
    /// The form must read as a name where it stands: a word the segmenter does not know, or a rare
    /// one (恩来 of 周恩来, 库克 of 罗宾·库克 — not 中医 of 王中医, 明年 of 李明年).
    proper: bool,
}

/// The short forms a careful reader takes for a name found in full: the name itself, the last
/// part of a dotted name (罗宾·库克 → 库克), the two-character given name of a Chinese
/// three-character name (周恩来 → 恩来) and the two-character surname of a name of four or five
/// characters that starts with none of the Chinese compound surnames (桥本龙太郎 → 桥本).
fn short_forms(st: &NameStats, name: &[char]) -> Vec<ShortForm> {
    let mut out = vec![ShortForm {
        chars: name.to_vec(),
        full: None,
        proper: false,
    }];
    let full = Some(name.iter().collect::<String>());
    if let Some(dot) = name.iter().rposition(|&c| c == '·') {
        let last = &name[dot + 1..];
        if last.len() >= 2 {
            out.push(ShortForm {
                chars: last.to_vec(),
                full,
                proper: true,
            });
        }
    } else if name.len() == 3 && surname_count(st, name[0]) > 0 {
        out.push(ShortForm {
            chars: name[1..].to_vec(),
            full,
            proper: true,
        });
    } else if (4..=5).contains(&name.len())
        && !st.is_surname(&name[..2].iter().collect::<String>())
        && !name.iter().all(|&c| st.char(c).translit >= 2)
    {
        // a Japanese name (桥本龙太郎 → 桥本, 樱内义雄 → 樱内): the surname, of two characters
        // (not 欧阳 of 欧阳明远, whose given name is the short form Chinese uses, nor 内塔 of a
        // transliteration, 内塔尼亚胡)
        out.push(ShortForm {
            chars: name[..2].to_vec(),
            full,
            proper: true,
        });
    }
    out
}

/// Whether `span` reads as a name where it stands: a word of its own that the dictionary does not
/// know or knows as a rare word (恩来, 佩里 — not 文明, 明年, 中医, which jieba saw thousands of
/// times).
fn reads_as_name(s: &SentenceContext<'_>, span: &Span) -> bool {
    s.token_starting(span.start).is_some_and(|t| t.span.end == span.end) && s.rare_word(span)
}

/// Find again, anywhere in the document, the names found with confidence somewhere, their short
/// forms, and their surnames before a title (江主席 where 江泽民 is named).
pub fn propagate(ctx: &[SentenceContext<'_>], chosen: &mut Vec<Candidate>) {
    let mut names: Vec<Vec<char>> = chosen
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.score >= PROPAGATE && c.len() >= 2)
        .map(|c| ctx[c.sentence].chars(&c.span).to_vec())
        .collect();
    names.sort();
    names.dedup();
    let Some(first) = ctx.first() else {
        return;
    };
    if names.is_empty() {
        return;
    }
    let st = &first.g.names;
    let mut forms: Vec<ShortForm> = names.iter().flat_map(|n| short_forms(st, n)).collect();
    // a name found on its own that is the short form of another (库克 and 罗宾·库克) is that one
    forms.sort_by(|a, b| a.chars.cmp(&b.chars).then(a.full.is_none().cmp(&b.full.is_none())));
    forms.dedup_by(|a, b| a.chars == b.chars);
    // full names first, so that a short form never takes a part of one (学文 of 常学文)
    forms.sort_by_key(|f| std::cmp::Reverse(f.chars.len()));
    // the single-character surnames of the Chinese names found (for 江主席, 周总理), each with the
    // full name when only one name found has it
    let mut surnames: Vec<(char, Option<String>)> = Vec::new();
    for n in names.iter().filter(|n| n.len() <= 3 && !n.contains(&'·')) {
        if surname_count(st, n[0]) < 5 {
            continue;
        }
        match surnames.iter_mut().find(|(c, _)| *c == n[0]) {
            Some(entry) => entry.1 = None,
            None => surnames.push((n[0], Some(n.iter().collect()))),
        }
    }
    // a short form the model found on its own is the person of the full name too, and so is a
    // surname it found alone or after 老/小 (韩 of 韩书记, 老张)
    let by_surname = |one: &char| {
        surnames
            .iter()
            .find(|(c, _)| c == one)
            .and_then(|(_, full)| full.clone())
    };
    for c in chosen.iter_mut().filter(|c| c.detail == Detail::Person) {
        let text = ctx[c.sentence].chars(&c.span);
        let full = match text {
            [one] => by_surname(one),
            _ => forms
                .iter()
                .find(|f| f.chars == text)
                .and_then(|f| f.full.clone())
                .or_else(|| match text {
                    ['老' | '小', one] => by_surname(one),
                    _ => None,
                }),
        };
        if let Some(full) = full {
            c.detail = Detail::PersonPart(full);
        }
    }
    // every form found in one pass over each sentence (an automaton of all forms: a long article
    // or a dump of many names a sentence costs its length, not its length times the names)
    let Ok(automaton) = aho_corasick::AhoCorasick::new(forms.iter().map(|f| f.chars.iter().collect::<String>())) else {
        return;
    };
    // what is already read in each sentence
    let mut taken: std::collections::HashMap<usize, Vec<Span>> = std::collections::HashMap::new();
    for c in chosen.iter() {
        taken.entry(c.sentence).or_default().push(c.span.clone());
    }
    let mut added = Vec::new();
    for s in ctx {
        let mut spans: Vec<Span> = taken.remove(&s.index).unwrap_or_default();
        let free = |span: &Span, spans: &[Span]| !spans.iter().any(|c| c.start < span.end && span.start < c.end);
        let text = crate::segment::lexicon::Searchable::new(&s.text[s.span.clone()], s.span.start);
        // (forms longest first, then in their order, each read left to right without overlapping
        // itself: the order of the reading by hand)
        let mut hits: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(&text.string)
            .map(|m| (m.pattern().as_usize(), text.char_at(m.start())))
            .collect();
        hits.sort_unstable();
        let mut last: Option<(usize, usize)> = None;
        for (fi, i) in hits {
            let form = &forms[fi];
            let n = form.chars.len();
            if last.is_some_and(|(f, end)| f == fi && i < end) {
                continue;
            }
            last = Some((fi, i + n));
            let span = i..i + n;
            // the name must stand as words of its own here (not inside 张涛涛 or 王新国际)
            let clean = s.boundary(span.start) && s.boundary(span.end);
            if clean && (!form.proper || reads_as_name(s, &span)) && free(&span, &spans) {
                let mut c = person(s, span.clone(), 0.8);
                if let Some(full) = &form.full {
                    c.detail = Detail::PersonPart(full.clone());
                }
                spans.push(span);
                added.push(c);
            }
        }
        // 小许, 老许: the surname of the one person named in full with it, after 小 or 老, as a word
        // of its own the dictionary does not know as a common one (not 老师, 小时, 小康)
        for i in s.span.start..s.span.end.saturating_sub(1) {
            if !matches!(s.ch(i), '老' | '小') {
                continue;
            }
            let Some((_, Some(full))) = surnames.iter().find(|(c, _)| *c == s.ch(i + 1)) else {
                continue;
            };
            let span = i..i + 2;
            if reads_as_name(s, &span) && free(&span, &spans) {
                spans.push(span.clone());
                let mut c = person(s, span, 0.7);
                c.detail = Detail::PersonPart(full.clone());
                added.push(c);
            }
        }
        // a surname of someone named, standing before a title (江主席, 周副总理, 李教授)
        for t in &s.titles {
            let title = &s.g.titles[t.what];
            if t.start <= s.span.start || title.kind == crate::gazetteer::TitleKind::Person {
                continue;
            }
            let i = t.start - 1;
            let span = i..t.start;
            let before = if i > s.span.start { s.ch(i - 1) } else { ' ' };
            // not the last character of a longer word (主任 of 办公室主任 has no surname before it)
            let alone = s
                .token_starting(i)
                .is_some_and(|w| w.span.end == t.start || w.span.end == t.end);
            let Some((_, full)) = surnames.iter().find(|(c, _)| *c == s.ch(i)) else {
                continue;
            };
            if alone && s.boundary(i) && before != s.ch(i) && free(&span, &spans) {
                spans.push(span.clone());
                let mut c = person(s, span, 0.7);
                if let Some(full) = full {
                    c.detail = Detail::PersonPart(full.clone());
                }
                added.push(c);
            }
        }
    }
    chosen.extend(added);
    chosen.sort_by_key(|c| (c.sentence, c.span.start, std::cmp::Reverse(c.span.end)));
}
