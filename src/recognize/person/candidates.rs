//! Person-name candidates of a sentence — every surname with one or two given-name characters,
//! runs of transliteration characters, words the segmenter tags as names, words right after a
//! title — scored by the model, with the rules that rule a candidate in (a title or byline before a
//! plausible name) or out (an ethnic group, a list of trades, a word the segmenter joined to it),
//! and names joined by a dot.

use super::features::{Features, chinese_features, foreign_features, idx, tagged_features};
use super::model::PersonModel;
use super::{address, person};
use crate::gazetteer::WordList;
use crate::input::is_han;
use crate::model::{Candidate, Span};
use crate::segment::SentenceContext;

/// Candidate spans for people in a sentence, each with its features.
pub fn spans(s: &SentenceContext<'_>) -> Vec<(Span, Features)> {
    let st = &s.g.names;
    let mut out = Vec::new();
    for i in s.span.start..s.span.end {
        if !is_han(s.ch(i)) {
            continue;
        }
        for slen in [2usize, 1] {
            if i + slen > s.span.end {
                continue;
            }
            let surname: String = s.chars(&(i..i + slen)).iter().collect();
            if !st.is_surname(&surname) {
                continue;
            }
            for glen in [1usize, 2] {
                let end = i + slen + glen;
                if end > s.span.end || !(i + slen..end).all(|k| is_han(s.ch(k))) || addressed(s, i + slen, end) {
                    continue;
                }
                out.push((i..end, chinese_features(s, i, slen, end)));
            }
        }
    }
    // transliterated names: maximal runs of characters seen in transliterations
    let mut i = s.span.start;
    while i < s.span.end {
        let ok = |c: char| is_han(c) && st.char(c).translit >= 2;
        if !ok(s.ch(i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < s.span.end && (ok(s.ch(j)) || (s.ch(j) == '·' && j + 1 < s.span.end && ok(s.ch(j + 1)))) {
            j += 1;
        }
        // two characters only next to a title (外交部长恩佐, 外长利维, 桥本首相) or with a dot
        let titled = s
            .titles
            .iter()
            .any(|t| (t.end == i || t.start == j) && s.g.titles[t.what].kind != crate::gazetteer::TitleKind::Person);
        if j - i >= 3 || (j - i >= 2 && (titled || s.chars(&(i..j)).contains(&'·'))) {
            out.push((i..j, foreign_features(s, i, j)));
        }
        i = j.max(i + 1);
    }
    // a word the segmenter's dictionary knows as a transliterated name (内塔尼亚胡/nrt), where a
    // character seldom used in transliterations cut the run short
    for t in s.tokens.iter().filter(|t| t.tag == "nrt" && t.span.len() >= 3) {
        let all_han = s.chars(&t.span).iter().all(|&c| is_han(c));
        if all_han && !out.iter().any(|(sp, _): &(Span, Features)| *sp == t.span) {
            out.push((t.span.clone(), foreign_features(s, t.span.start, t.span.end)));
        }
    }
    // any other word the segmenter tags as a name: a given name standing alone (玉荣), a short
    // transliteration (库克/nrt), a name the rules above do not shape (桥本/nr); and a word of
    // three to five characters right after a title, whatever its tag: a name in an order the rules
    // above do not shape (首相桥本龙太郎/n, 会长樱内义雄/ns, 总理乌叶海亚/ns). The model weighs the
    // tag or the title against the character statistics and the context.
    // (a word the dictionary saw often is a common word whatever its tag: 宣传教育/nr)
    for t in &s.tokens {
        let len = t.span.len();
        // four characters tagged as a name: only a transliteration (宣传教育/nr is no name)
        let tagged = || {
            t.tag.starts_with("nr")
                && (2..=4).contains(&len)
                && (len < 4 || s.chars(&t.span).iter().all(|&c| st.char(c).translit >= 2))
                && !(1..=2).any(|k| addressed(s, t.span.start + k, t.span.end))
        };
        let titled = || {
            (3..=5).contains(&len)
                && s.titles
                    .iter()
                    .any(|h| h.end == t.span.start && s.g.titles[h.what].kind != crate::gazetteer::TitleKind::Person)
        };
        let all_han = || s.chars(&t.span).iter().all(|&c| is_han(c));
        let new = || !out.iter().any(|(sp, _): &(Span, Features)| *sp == t.span);
        if (tagged() || titled()) && all_han() && new() && s.rare_word(&t.span) {
            out.push((t.span.clone(), tagged_features(s, t.span.start, t.span.end)));
        }
    }
    out
}

/// Whether `start..end`, after a surname, is a title (王大爷, 崔老汉, 李主任): the surname stands
/// for the person there and the title is no given name. Words that only say what a person is
/// (冠军, 英雄) are given names too (陈冠军).
fn addressed(s: &SentenceContext<'_>, start: usize, end: usize) -> bool {
    s.titles
        .iter()
        .any(|t| t.start == start && t.end == end && s.g.titles[t.what].kind != crate::gazetteer::TitleKind::Person)
}

/// The candidates of every sentence of a document: [`spans`], with the `repeated` feature — how
/// often the same text stands as words of its own elsewhere in the document (a name an article
/// is about recurs; 文明 recurs as well, which the other features weigh).
pub fn document_spans(ctx: &[SentenceContext<'_>], model: &PersonModel) -> Vec<Vec<(Span, Features)>> {
    let mut all: Vec<Vec<(Span, Features)>> = ctx.iter().map(spans).collect();
    let aligned = idx("aligned");
    let mut counts: std::collections::HashMap<&[char], u32> = std::collections::HashMap::new();
    for (s, cands) in ctx.iter().zip(&all) {
        for (span, f) in cands {
            if f[aligned] > 0.0 {
                *counts.entry(s.chars(span)).or_default() += 1;
            }
        }
    }
    for (s, cands) in ctx.iter().zip(all.iter_mut()) {
        for (span, f) in cands.iter_mut() {
            let n = counts.get(s.chars(span)).copied().unwrap_or(0);
            let others = n.saturating_sub(u32::from(f[aligned] > 0.0));
            f[idx("repeated")] = f64::from(others).ln_1p();
        }
    }
    for (s, cands) in ctx.iter().zip(all.iter_mut()) {
        siblings(s, cands, model);
    }
    all
}

/// The `sibling` feature: how likely, by the first stage alone, the neighbouring items of a list
/// the candidate stands in are names (李明华、辜志远、王红梅). The first stage gives `sibling` no
/// weight, so that it can be computed from it.
fn siblings(s: &SentenceContext<'_>, cands: &mut [(Span, Features)], model: &PersonModel) {
    use std::collections::HashMap;
    let p: Vec<f64> = cands.iter().map(|(_, f)| model.linear_probability(f)).collect();
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_end: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, (span, _)) in cands.iter().enumerate() {
        by_start.entry(span.start).or_default().push(i);
        by_end.entry(span.end).or_default().push(i);
    }
    let best = |ids: Option<&Vec<usize>>, whole: &dyn Fn(&Span) -> bool| {
        ids.into_iter()
            .flatten()
            .filter(|&&j| whole(&cands[j].0))
            .map(|&j| p[j])
            .fold(0.0f64, f64::max)
    };
    let sibling = idx("sibling");
    let values: Vec<f64> = cands
        .iter()
        .map(|(span, _)| {
            // the item before: ends at the 、 before the candidate, starts after a separator
            let before = if span.start > 0 && s.ch(span.start - 1) == '、' {
                let starts_item = |o: &Span| o.start == 0 || matches!(s.ch(o.start - 1), '、' | ',' | ':' | ' ' | '(');
                best(by_end.get(&(span.start - 1)), &starts_item)
            } else {
                0.0
            };
            // the item after: starts after the 、 after the candidate, ends the item
            let after = if s.ch(span.end) == '、' {
                let ends_item = |o: &Span| matches!(s.ch(o.end), '、' | '等' | '和' | ',' | '。' | ')' | ' ');
                best(by_start.get(&(span.end + 1)), &ends_item)
            } else {
                0.0
            };
            before.max(after)
        })
        .collect();
    for ((_, f), v) in cands.iter_mut().zip(values) {
        f[sibling] = v;
    }
}

/// A list of departments or trades ends with 等部门 (交通、公安、卫健等部门): its items are no people.
fn list_of_bodies(s: &SentenceContext<'_>, span: &Span) -> bool {
    let mut i = span.end;
    while i < s.span.end && i < span.end + 12 {
        let c = s.ch(i);
        if c == '等' {
            return s.g.words.iter(WordList::BodyListHead).any(|w| s.at(i + 1, w));
        }
        if !(is_han(c) || c == '、') {
            return false;
        }
        i += 1;
    }
    false
}

pub fn candidates(
    s: &SentenceContext<'_>,
    spans: Vec<(Span, Features)>,
    model: &PersonModel,
    out: &mut Vec<Candidate>,
) {
    for (span, f) in spans {
        let mut p = model.probability(&f);
        // a surname and a plausible given name right after a title or in a byline is a name
        // (市委书记马富国, 记者 高雯) unless it is a word of the dictionary or cuts one
        let anchored = f[idx("title_before")] + f[idx("byline")] + f[idx("bracket")] + f[idx("credit_after")] > 0.0;
        // (a word of the dictionary only if it is a proper noun: 高雯/nz)
        let proper_word = s.token_starting(span.start).is_some_and(|t| {
            t.span.end == span.end
                && (t.tag == "nz" || t.tag.starts_with("nr") || (t.tag == "ns" && f[idx("is_name")] == 0.0))
        });
        let plausible = f[idx("foreign")] == 0.0
            && f[idx("tagged_only")] == 0.0
            && f[idx("surname")] > -1.0
            && f[idx("given")] > -2.5
            && f[idx("word_other")] == 0.0
            && (f[idx("word_noun")] == 0.0 || proper_word)
            && f[idx("cross_end")] == 0.0
            && f[idx("title_inside")] == 0.0
            // (郑宣摄 of a photo credit is 郑宣 + 摄)
            && f[idx("credit_inside")] == 0.0;
        // a full three-character name before a word that usually follows names (张立强在) beats
        // its two-character head the segmenter read (张立/nr 强)
        let full = span.len() == 3 && f[idx("right")] > 1.0;
        if anchored && plausible {
            p = p.max(if full { 0.95 } else { 0.9 });
        } else if f[idx("person_word_before")] > 0.0 && plausible && f[idx("given")] > 0.0 {
            p = p.max(if full { 0.93 } else { 0.75 });
        }
        // an ethnic group (（蒙古族）, 满族同胞) is no name, whatever its brackets say
        let ethnic = s.ch(span.end - 1) == '族';
        let in_list_of_bodies = f[idx("list")] > 0.0 && list_of_bodies(s, &span);
        // a third character that all but never ends a given name is a word the segmenter joined to
        // the name (市长郭浩到…): no name, whatever the context says (none of the PFR development
        // days' names after a title scores below -3.5 here)
        let joined_word = f[idx("weak_last")] < -3.5 && f[idx("nr_dict")] == 0.0;
        // (or a verb that leads what follows, glued to a two-character name: 曹勇率…代表团)
        let joined_verb = span.len() == 3
            && f[idx("nr_dict")] == 0.0
            && s.lex
                .verbs_at(s.text, span.end - 1, s.span.end)
                .any(|(_, class)| class == crate::gazetteer::VerbClass::Lead);
        let joined_word = joined_word || joined_verb;
        if p > 0.2 && !ethnic && !joined_word && !in_list_of_bodies && !list_of_words(s, &span) {
            out.push(person(s, span, p));
        }
    }
    address::familiar(s, out);
    joined(s, out);
}

/// Names joined by a dot or a dash (于贝尔·韦德里纳, 阿沛·阿旺晋美, 尼赫鲁—甘地): the whole run is
/// one name when every part reads as a name — a word the segmenter tags as one, or a run of
/// transliteration characters — and no part is a place or organisation of the gazetteer.
fn joined(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let st = &s.g.names;
    // a part: Han characters, no place or organisation of the gazetteer
    let part = |t: &crate::model::Token| {
        let chars = s.chars(&t.span);
        chars.iter().all(|&c| is_han(c))
            && chars.len() <= 8
            && !s.names.iter().any(|h| h.start == t.span.start && h.end == t.span.end)
    };
    // that reads as a name
    let name_part = |t: &crate::model::Token| {
        let chars = s.chars(&t.span);
        part(t) && (t.tag.starts_with("nr") || (chars.len() >= 2 && chars.iter().all(|&c| st.char(c).translit >= 2)))
    };
    let mut i = s.span.start;
    while i < s.span.end {
        let Some(first) = s.token_starting(i).filter(|t| part(t)) else {
            i += 1;
            continue;
        };
        let start = first.span.start;
        let mut end = first.span.end;
        let mut parts = 1;
        let mut named = usize::from(name_part(first));
        while end + 1 < s.span.end && matches!(s.ch(end), '·' | '—') {
            match s.token_starting(end + 1).filter(|t| part(t)) {
                Some(t) => {
                    end = t.span.end;
                    parts += 1;
                    named += usize::from(name_part(t));
                }
                None => break,
            }
        }
        // every part reads as a name, or all but one of three or more, or the dot joins a part
        // the segmenter read as another word to a name (罗宾/ns·库克/nrt)
        let dotted = s.chars(&(start..end)).contains(&'·');
        if parts >= 2 && (named == parts || (dotted && named >= 1 && named + 1 >= parts)) {
            // a part may run on into a word the segmenter cut from it and tags as a name, of two or
            // three characters and rare (强俄巴·多吉/nrt 欧珠/nr; not 今天上午/nr)
            let run_on = |t: &crate::model::Token| {
                (2..=3).contains(&t.span.len()) && t.tag.starts_with("nr") && part(t) && s.rare_word(&t.span)
            };
            let (mut a, mut b) = (start, end);
            while let Some(t) = s.token_ending(a).filter(|t| t.span.start < a && run_on(t)) {
                a = t.span.start;
            }
            while let Some(t) = s.token_starting(b).filter(|t| t.span.end > b && run_on(t)) {
                b = t.span.end;
            }
            out.push(person(s, a..b, 0.95));
            end = b;
        }
        i = end.max(i + 1);
    }
}

/// A candidate inside a list whose other items are ordinary words (交通、公安、卫健等部门) is no name.
fn list_of_words(s: &SentenceContext<'_>, span: &Span) -> bool {
    let prev = if span.start > s.span.start {
        s.ch(span.start - 1)
    } else {
        ' '
    };
    let next = s.ch(span.end);
    let sibling = if prev == '、' {
        s.token_ending(span.start - 1)
    } else if next == '、' {
        s.token_starting(span.end + 1)
    } else {
        None
    };
    // the sibling must be a whole item of the list (交通 in 交通、公安), not the title of the
    // next person (市长 in 、市长何志刚)
    sibling.is_some_and(|t| {
        let w: String = s.chars(&t.span).iter().collect();
        let whole = matches!(s.ch(t.span.end), '、' | '等' | '和' | ',' | '。' | ' ')
            && matches!(s.ch(t.span.start.saturating_sub(1)), '、' | '和' | ',' | ' ');
        whole
            && t.span.len() >= 2
            && !t.tag.starts_with("nr")
            && t.tag != crate::segment::TITLE_TAG
            && s.seg.has_word(&w)
            && !s.names.iter().any(|h| h.start == t.span.start)
    })
}
