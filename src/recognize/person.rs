//! People, without any list of names: a surname (single or compound) and one or two given-name
//! characters (or a run of transliteration characters: 克林顿, 铁木尔·达瓦买提), scored by a small
//! model over character statistics learned from the People's Daily corpus
//! (`gazetteer/surnames.tsv`, `gazetteer/name-chars.tsv`), the segmenter's reading, and the
//! contexts that mark a name — a title before it (市委书记马富国), a speech verb after it (张涛介绍),
//! a list (刘芳、陈志强、赵文博等), a byline (□本报记者 尹新婷 范鑫), a photo credit (李海摄), a line of
//! its own under a headline. The model has two stages (`scripts/train-person-model.py`): logistic
//! weights (`gazetteer/person-model.tsv`) rule out 94 candidates in 100; boosted trees
//! (`gazetteer/person-trees.tsv`) score the rest, seeing how the features combine. Candidates also
//! know how often the article repeats them. A word right after a title is a candidate whatever its
//! shape (首相桥本龙太郎). A name found with confidence is then found again wherever it recurs in
//! the article, and so are its short forms (恩来 of 周恩来, 库克 of 罗宾·库克, 桥本 of 桥本龙太郎,
//! 江 of 江主席, 老许 of 许强), as mentions of the same person.

use super::{Candidate, Detail, SentenceContext};
use crate::gazetteer::{FrameKind, Gazetteer, NameStats};
use crate::input::is_han;
use crate::model::{Class, EntityKind, SentenceKind, Span};

/// Smoothing of the character tables.
const ALPHA: f64 = 0.5;
const VOCAB: f64 = 4000.0;

/// The features of a person candidate, in the order of `gazetteer/person-model.tsv`.
pub const FEATURES: [&str; 40] = [
    "bias",
    "foreign",
    "surname",
    "given",
    "len2",
    "len3",
    "compound",
    "left",
    "right",
    "title_before",
    "person_word_before",
    "title_inside",
    "byline",
    "credit_after",
    "credit_inside",
    "speech_after",
    "list",
    "bracket",
    "nr_dict",
    "nr_hmm",
    "word_noun",
    "word_other",
    "last_right",
    "first_left",
    "has_name",
    "prefix_nr",
    "cross_start",
    "cross_end",
    "in_name",
    "is_name",
    "doctrine_after",
    "dot",
    "aligned",
    "title_after",
    "weak_last",
    "tagged_only",
    "repeated",
    "whole_line",
    "nr_freq",
    "sibling",
];

pub type Features = [f64; FEATURES.len()];

fn idx(name: &str) -> usize {
    FEATURES.iter().position(|f| *f == name).unwrap_or(0)
}

fn ln_ratio(count: u32, total: u32, bg_count: u32, bg_total: u32) -> f64 {
    let p = (count as f64 + ALPHA) / (total as f64 + ALPHA * VOCAB);
    let q = (bg_count as f64 + 1.0) / (bg_total as f64 + VOCAB);
    let r = (p / q).ln();
    // a character never seen in the role says little for it, however rare it is
    if count == 0 { r.min(-0.5) } else { r }
}

/// Log ratio of a surname: how much more often it starts a name than it appears in text.
fn surname_ratio(st: &NameStats, surname: &[char]) -> f64 {
    let name: String = surname.iter().collect();
    let bg: u32 = if surname.len() == 1 {
        st.char(surname[0]).total
    } else {
        surname.iter().map(|&c| st.char(c).total).min().unwrap_or(0) / 8
    };
    ln_ratio(st.surname_count(&name), st.surname_total, bg, st.totals.total).clamp(-6.0, 6.0)
}

/// Sum of the log ratios of the given-name characters: by position (first, second, only), with
/// the counts of the other positions pooled in at a third of their weight.
fn given_ratio(st: &NameStats, given: &[char]) -> f64 {
    let n = st.totals.total;
    let pooled = |c: char, pos: fn(&crate::gazetteer::CharStats) -> u32, total: u32| {
        let cs = st.char(c);
        let all = cs.given1 + cs.given2 + cs.single;
        let count = pos(&cs) + (all - pos(&cs)) / 3;
        ln_ratio(count, total, cs.total, n).clamp(-6.0, 5.0)
    };
    match given {
        [g] => pooled(*g, |c| c.single, st.totals.single),
        [g1, g2] => pooled(*g1, |c| c.given1, st.totals.given1) + pooled(*g2, |c| c.given2, st.totals.given2),
        _ => -10.0,
    }
}

/// Mean log ratio of transliteration characters (a character seen fewer than twice counts against).
fn translit_ratio(st: &NameStats, chars: &[char]) -> f64 {
    let mut sum = 0.0;
    let mut n = 0.0;
    for &c in chars.iter().filter(|&&c| c != '·') {
        let cs = st.char(c);
        sum += if cs.translit < 2 {
            -1.5
        } else {
            ln_ratio(cs.translit, st.totals.translit, cs.total, st.totals.total).clamp(-4.0, 5.0)
        };
        n += 1.0;
    }
    if n > 0.0 { sum / n } else { -5.0 }
}

/// How much a character before (after) a name says it is one.
fn context_ratio(st: &NameStats, c: char, left: bool) -> f64 {
    if !is_han(c) && !matches!(c, '、' | ',' | '“' | '(' | ')' | '”' | ':' | '。') {
        return 0.0;
    }
    let cs = st.char(c);
    let (k, total) = if left {
        (cs.left, st.totals.left)
    } else {
        (cs.right, st.totals.right)
    };
    ln_ratio(k, total, cs.total, st.totals.total).clamp(-2.0, 3.0)
}

/// The features shared by all candidates: context and segmentation.
fn common(s: &SentenceContext<'_>, start: usize, end: usize, f: &mut Features) {
    let st = &s.g.names;
    let prev = if start > s.span.start { s.ch(start - 1) } else { '。' };
    let next = s.ch(end);
    f[idx("left")] = context_ratio(st, prev, true);
    f[idx("right")] = context_ratio(st, next, false);
    let title_before = s
        .titles
        .iter()
        .find(|t| t.end == start || (t.end + 1 == start && prev == ' '));
    if let Some(t) = title_before {
        if s.g.titles[t.what].kind == "person" {
            f[idx("person_word_before")] = 1.0;
        } else {
            f[idx("title_before")] = 1.0;
        }
    }
    if s.titles.iter().any(|t| t.start > start && t.start < end) {
        f[idx("title_inside")] = 1.0;
    }
    // a title right after the name (内塔尼亚胡总理, 李鹏同志)
    if s.titles
        .iter()
        .any(|t| t.start == end && s.g.titles[t.what].kind != "person")
    {
        f[idx("title_after")] = 1.0;
    }
    if matches!(s.kind, SentenceKind::Byline | SentenceKind::Caption)
        && matches!(prev, ' ' | '(' | '□')
        && matches!(next, ' ' | ')' | '摄')
    {
        f[idx("byline")] = 1.0;
    }
    if next == '摄' {
        f[idx("credit_after")] = 1.0;
    }
    if end > start && s.ch(end - 1) == '摄' && !is_han(next) {
        f[idx("credit_inside")] = 1.0;
    }
    let rest = s.after(end, 3);
    // (a speech verb within the next three characters, compared without allocating)
    let speech = |(w, k): &(Vec<char>, FrameKind)| {
        *k == FrameKind::Speech && w.len() <= 3 && end + w.len() <= s.span.end && s.text[end..end + w.len()] == w[..]
    };
    if s.lex.frames.iter().any(speech) {
        f[idx("speech_after")] = 1.0;
    }
    if (prev == '、' && matches!(next, '、' | '等' | '和' | ',' | '。')) || (next == '、' && !is_han(prev)) {
        f[idx("list")] = 1.0;
    }
    if prev == '(' && next == ')' {
        f[idx("bracket")] = 1.0;
    }
    let exact = s.token_starting(start).filter(|t| t.span.end == end);
    if let Some(t) = exact {
        if t.tag.starts_with("nr") {
            // a name jieba's dictionary knows, or one its HMM joined and tagged as a name
            let word: String = s.chars(&t.span).iter().collect();
            match s.seg.word_freq(&word) {
                // how often, in e-fold steps: 邓小平 is a household name, 龙太郎 a rare one (whole
                // steps, so that no word is told apart by its exact count)
                Some(n) => {
                    f[idx("nr_dict")] = 1.0;
                    f[idx("nr_freq")] = (n as f64).ln_1p().floor();
                }
                None => f[idx("nr_hmm")] = 1.0,
            }
        } else if t.span.len() >= 2 && t.tag != "x" {
            let noun = t.tag.starts_with('n') || t.tag == "j";
            f[idx(if noun { "word_noun" } else { "word_other" })] = 1.0;
        }
    }
    // a dictionary word crossing an edge of the candidate (the segmenter's guesses at unknown
    // text, 焕用, do not count)
    let known = |t: &crate::model::Token| s.seg.has_word(&s.slice(&t.span));
    if let Some(t) = s.token_at(start) {
        if t.span.start < start && t.span.len() >= 2 && known(t) {
            f[idx("cross_start")] = 1.0;
        }
    }
    if end > start {
        if let Some(t) = s.token_at(end - 1) {
            if t.span.end > end && t.span.len() >= 2 && known(t) {
                f[idx("cross_end")] = 1.0;
            }
        }
    }
    if s.names
        .iter()
        .any(|h| h.start <= start && end <= h.end && (h.start, h.end) != (start, end))
    {
        f[idx("in_name")] = 1.0;
    }
    if s.names.iter().any(|h| (h.start, h.end) == (start, end)) {
        f[idx("is_name")] = 1.0;
    }
    // a place or organisation name inside the candidate, or crossing its edge (和南非, 李宁杯)
    if s.names.iter().any(|h| {
        h.start < end && start < h.end && (h.start, h.end) != (start, end) && !(h.start <= start && end <= h.end)
    }) {
        f[idx("has_name")] = 1.0;
    }
    // the last character is one that usually follows a name (谭彦是, 顾伟家), the first one that
    // usually comes before one (和平, 对华)
    if end > start + 2 {
        f[idx("last_right")] = context_ratio(st, s.ch(end - 1), false).max(0.0);
    }
    f[idx("first_left")] = context_ratio(st, s.ch(start), true).max(0.0);
    // the segmenter reads a shorter name at the start (李宁 in 李宁牌)
    if let Some(t) = s.token_starting(start) {
        if t.span.end < end && t.span.len() >= 2 && t.tag.starts_with("nr") {
            f[idx("prefix_nr")] = 1.0;
        }
    }
    if ["理论", "思想", "主义", "同志"].iter().any(|w| rest.starts_with(w)) && !rest.starts_with("同志") {
        f[idx("doctrine_after")] = 1.0;
    }
    if s.boundary(start) && s.boundary(end) {
        f[idx("aligned")] = 1.0;
    }
    // the candidate is all its line holds, but for spaces and brackets: an author's name under a
    // headline, a signature
    let pad = |c: char| matches!(c, ' ' | '(' | ')' | '\u{3000}');
    let mut a = start;
    while a > 0 && pad(s.text[a - 1]) {
        a -= 1;
    }
    let mut b = end;
    while b < s.text.len() && pad(s.text[b]) {
        b += 1;
    }
    if (a == 0 || s.text[a - 1] == '\n') && (b == s.text.len() || s.text[b] == '\n') {
        f[idx("whole_line")] = 1.0;
    }
    f[idx("bias")] = 1.0;
}

/// Features of `surname + given` at `start..end`.
pub fn chinese_features(s: &SentenceContext<'_>, start: usize, slen: usize, end: usize) -> Features {
    let st = &s.g.names;
    let mut f = [0.0; FEATURES.len()];
    f[idx("surname")] = surname_ratio(st, s.chars(&(start..start + slen)));
    f[idx("given")] = given_ratio(st, s.chars(&(start + slen..end)));
    let glen = end - start - slen;
    // a last character that seldom ends a given name (郭浩到: the segmenter joined the verb)
    if glen == 2 {
        let head = given_ratio(st, s.chars(&(start + slen..end - 1)));
        f[idx("weak_last")] = (f[idx("given")] - head).min(0.0);
    }
    f[idx(if glen == 1 { "len2" } else { "len3" })] = 1.0;
    if slen == 2 {
        f[idx("compound")] = 1.0;
    }
    common(s, start, end, &mut f);
    f
}

/// Features of a transliterated name at `start..end`.
pub fn foreign_features(s: &SentenceContext<'_>, start: usize, end: usize) -> Features {
    let st = &s.g.names;
    let mut f = [0.0; FEATURES.len()];
    f[idx("foreign")] = 1.0;
    f[idx("given")] = translit_ratio(st, s.chars(&(start..end)));
    f[idx("len3")] = (end - start) as f64 / 4.0;
    if s.chars(&(start..end)).contains(&'·') {
        f[idx("dot")] = 1.0;
    }
    common(s, start, end, &mut f);
    f
}

/// Candidates the weights give less than this are not rescored by the trees: 94 in 100 candidates
/// of People's Daily, and 2 in 100 of its names (`STAGE_TWO_FROM` of
/// `scripts/train-person-model.py`; a lower bound rescored more of both and scored no better).
pub const STAGE_TWO_FROM: f64 = 0.05;

/// Nor are those it gives at least this: the trees turned none of them down on People's Daily, and
/// a name after its title (the bulk of local news) is one (`STAGE_TWO_TO` of the script).
pub const STAGE_TWO_TO: f64 = 0.99;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Probability that a candidate is a person's name under the model's first stage: a weight for
/// each feature (`gazetteer/person-model.tsv`).
pub fn linear_probability(weights: &[f64], f: &Features) -> f64 {
    sigmoid(weights.iter().zip(f.iter()).map(|(w, x)| w * x).sum())
}

/// Probability that a candidate is a person's name: the weights, then — for the candidates they
/// do not rule out — the trees (`gazetteer/person-trees.tsv`), which see how the features combine
/// (a dictionary name with a weak surname, a whole-line name under a headline).
pub fn probability(g: &Gazetteer, f: &Features) -> f64 {
    let p = linear_probability(&g.person_model, f);
    if !(STAGE_TWO_FROM..STAGE_TWO_TO).contains(&p) || g.person_trees.is_empty() {
        p
    } else {
        sigmoid(g.person_trees.score(f))
    }
}

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
            .any(|t| (t.end == i || t.start == j) && s.g.titles[t.what].kind != "person");
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
                    .any(|h| h.end == t.span.start && s.g.titles[h.what].kind != "person")
        };
        let all_han = || s.chars(&t.span).iter().all(|&c| is_han(c));
        let new = || !out.iter().any(|(sp, _): &(Span, Features)| *sp == t.span);
        if (tagged() || titled()) && all_han() && new() && rare_word(s, &t.span) {
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
        .any(|t| t.start == start && t.end == end && s.g.titles[t.what].kind != "person")
}

/// Features of a word the segmenter tags as a name that no other rule proposes.
fn tagged_features(s: &SentenceContext<'_>, start: usize, end: usize) -> Features {
    let st = &s.g.names;
    let mut f = [0.0; FEATURES.len()];
    f[idx("tagged_only")] = 1.0;
    f[idx("given")] = given_ratio(st, s.chars(&(start..end))).max(translit_ratio(st, s.chars(&(start..end))));
    f[idx(if end - start == 2 { "len2" } else { "len3" })] = 1.0;
    common(s, start, end, &mut f);
    f
}

/// The candidates of every sentence of a document: [`spans`], with the `repeated` feature — how
/// often the same text stands as words of its own elsewhere in the document (a name an article
/// is about recurs; 文明 recurs as well, which the other features weigh).
pub fn document_spans(ctx: &[SentenceContext<'_>]) -> Vec<Vec<(Span, Features)>> {
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
        siblings(s, cands);
    }
    all
}

/// The `sibling` feature: how likely, by the first stage alone, the neighbouring items of a list
/// the candidate stands in are names (李明华、辜志远、王红梅). The first stage gives `sibling` no
/// weight, so that it can be computed from it.
fn siblings(s: &SentenceContext<'_>, cands: &mut [(Span, Features)]) {
    use std::collections::HashMap;
    let p: Vec<f64> = cands
        .iter()
        .map(|(_, f)| linear_probability(&s.g.person_model, f))
        .collect();
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

fn person(s: &SentenceContext<'_>, span: Span, p: f64) -> Candidate {
    Candidate::new(span, s.index, EntityKind::Person, Class::Other, Detail::Person).with_score((4.0 * p) as f32)
}

/// A list of departments or trades ends with 等部门 (交通、公安、卫健等部门): its items are no people.
fn list_of_bodies(s: &SentenceContext<'_>, span: &Span) -> bool {
    let mut i = span.end;
    while i < s.span.end && i < span.end + 12 {
        let c = s.ch(i);
        if c == '等' {
            return [
                "部门", "单位", "方面", "行业", "领域", "系统", "企业", "机构", "地区", "国家", "省份",
            ]
            .iter()
            .any(|w| s.at(i + 1, w));
        }
        if !(is_han(c) || c == '、') {
            return false;
        }
        i += 1;
    }
    false
}

pub fn candidates(s: &SentenceContext<'_>, spans: Vec<(Span, Features)>, out: &mut Vec<Candidate>) {
    for (span, f) in spans {
        let mut p = probability(s.g, &f);
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
        if p > 0.2 && !ethnic && !joined_word && !in_list_of_bodies && !list_of_words(s, &span) {
            out.push(person(s, span, p));
        }
    }
    familiar(s, out);
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
                (2..=3).contains(&t.span.len()) && t.tag.starts_with("nr") && part(t) && rare_word(s, &t.span)
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

/// How often a character starts a name, without allocating for the lookup.
fn surname_count(st: &NameStats, c: char) -> u32 {
    st.surname_count(c.encode_utf8(&mut [0; 4]))
}

/// 老张, 小李, 张某; and a surname before a title of address (江主席, 周总理).
fn familiar(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
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
                    && (title.kind == "address"
                        || (title.heads
                            && title.kind != "person"
                            && (!is_han(prev) || "和同与及".contains(prev) || own_word)))
            });
            if addressed && s.boundary(i) {
                out.push(person(s, i..i + 1, 0.6));
            }
        }
    }
}

/// In a list of names (刘建平、陈国庆、赵明辉等), an item between separators that has the shape of a
/// name is one when another item of the list is a name found with confidence.
fn list_members(ctx: &[SentenceContext<'_>], chosen: &mut Vec<Candidate>) {
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
    s.token_starting(span.start).is_some_and(|t| t.span.end == span.end) && rare_word(s, span)
}

/// Whether the dictionary does not know the text of `span` or knows it as a rare word.
fn rare_word(s: &SentenceContext<'_>, span: &Span) -> bool {
    s.seg.word_freq(&s.slice(span)).is_none_or(|f| f < RARE_WORD)
}

/// A dictionary frequency below which a word may be a name's short form.
const RARE_WORD: usize = 200;

/// Find again, anywhere in the document, the names found with confidence somewhere, their short
/// forms, and their surnames before a title (江主席 where 江泽民 is named).
pub fn propagate(ctx: &[SentenceContext<'_>], chosen: &mut Vec<Candidate>) {
    list_members(ctx, chosen);
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
    let mut added = Vec::new();
    for s in ctx {
        let free = |span: &Span, added: &[Candidate]| {
            !chosen
                .iter()
                .chain(added.iter())
                .any(|c: &Candidate| c.sentence == s.index && c.span.start < span.end && span.start < c.span.end)
        };
        for form in &forms {
            let n = form.chars.len();
            let mut i = s.span.start;
            while i + n <= s.span.end {
                if s.text[i..i + n] != form.chars[..] {
                    i += 1;
                    continue;
                }
                let span = i..i + n;
                // the name must stand as words of its own here (not inside 张涛涛 or 王新国际)
                let clean = s.boundary(span.start) && s.boundary(span.end);
                if clean && (!form.proper || reads_as_name(s, &span)) && free(&span, &added) {
                    let mut c = person(s, span, 0.8);
                    if let Some(full) = &form.full {
                        c.detail = Detail::PersonPart(full.clone());
                    }
                    added.push(c);
                }
                i += n;
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
            if reads_as_name(s, &span) && free(&span, &added) {
                let mut c = person(s, span, 0.7);
                c.detail = Detail::PersonPart(full.clone());
                added.push(c);
            }
        }
        // a surname of someone named, standing before a title (江主席, 周副总理, 李教授)
        for t in &s.titles {
            let title = &s.g.titles[t.what];
            if t.start <= s.span.start || title.kind == "person" {
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
            if alone && s.boundary(i) && before != s.ch(i) && free(&span, &added) {
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

#[cfg(test)]
mod tests {
    use crate::testing::recognized;

    fn people(text: &str) -> Vec<String> {
        recognized(text).into_iter().filter(|m| m.starts_with("PER")).collect()
    }

    /// The person entities of an extraction, as `PER name`.
    fn person_entities(x: &crate::model::Extraction) -> Vec<String> {
        crate::testing::entities(x)
            .into_iter()
            .filter(|e| e.starts_with("PER"))
            .collect()
    }

    #[test]
    fn a_name_after_a_title_is_found() {
        assert_eq!(people("市委书记马富国到现场督导。"), vec!["PER Name 马富国"]);
    }

    #[test]
    fn a_word_for_what_a_person_is_marks_the_name_after_it() {
        // (领导人, 哲学家: no post, but a person follows)
        assert_eq!(people("瑞士政治家基伦在其著作中写道。"), vec!["PER Name 基伦"]);
        assert_eq!(people("新芬党领导人亚当斯在北京。"), vec!["PER Name 亚当斯"]);
    }

    #[test]
    fn a_name_before_a_speech_verb_is_found() {
        assert_eq!(people("张涛介绍,目前一切正常。"), vec!["PER Name 张涛"]);
    }

    #[test]
    fn names_joined_by_a_dot_are_one_name() {
        assert_eq!(
            people("外长于贝尔·韦德里纳抵达北京。"),
            vec!["PER Name 于贝尔·韦德里纳"]
        );
        // a part the segmenter cut in two is joined whole (多吉/nrt 欧珠/nr), but not a common word
        // it tags as a name after it (今天上午/nr)
        let found = people("强俄巴·多吉欧珠、甲嘎·洛桑汤杰出席会议。");
        assert!(found.contains(&"PER Name 强俄巴·多吉欧珠".to_owned()), "{found:?}");
        assert_eq!(
            people("外长于贝尔·韦德里纳今天上午抵达北京。"),
            vec!["PER Name 于贝尔·韦德里纳"]
        );
    }

    #[test]
    fn a_surname_with_mou_stands_for_a_person() {
        assert_eq!(people("张某被依法判刑。"), vec!["PER Name 张某"]);
    }

    #[test]
    fn an_ethnic_group_in_brackets_is_no_name() {
        let found = people("选举千奋勇(蒙古族)为政协主席。");
        assert!(!found.iter().any(|m| m.ends_with("蒙古族")), "{found:?}");
    }

    #[test]
    fn a_list_of_trades_holds_no_people() {
        assert_eq!(people("由交通、公安、卫健等部门组成。"), Vec::<String>::new());
    }

    #[test]
    fn a_photo_credit_is_no_part_of_the_name() {
        assert_eq!(people("(新华社记者韩立摄)"), vec!["PER Name 韩立"]);
        assert_eq!(people("(新华社记者章武摄)"), vec!["PER Name 章武"]);
    }

    #[test]
    fn a_verb_the_segmenter_joined_to_a_name_is_left_out() {
        assert_eq!(people("市长郭浩到淇县督导。"), vec!["PER Name 郭浩"]);
    }

    #[test]
    fn a_title_after_a_transliterated_name_marks_it() {
        let found = people("以色列内塔尼亚胡总理表示欢迎。");
        assert!(found.contains(&"PER Name 内塔尼亚胡".to_owned()), "{found:?}");
    }

    #[test]
    fn a_surname_in_address_stands_for_a_person() {
        assert_eq!(people("在老张说话的时候,记者注意到了。"), vec!["PER Name 老张"]);
        assert_eq!(people("他曾在周总理身边工作过。"), vec!["PER Name 周"]);
        assert_eq!(people("说起变化,韩老汉乐得合不上嘴。"), vec!["PER Name 韩"]);
        // 任 of 任指挥长 is a verb, however often it is a surname
        assert_eq!(people("由市委书记任政委、市长任指挥长。"), Vec::<String>::new());
    }

    #[test]
    fn a_short_form_of_a_name_found_in_full_is_that_person() {
        let text = "英国外交大臣罗宾·库克昨天抵达北京。库克说,双方合作前景广阔。\
                    县委书记韩守愚主持会议。会后,守愚同志与大家座谈。韩书记指出,要抓好春耕。";
        let x = crate::testing::extract(text);
        let named = person_entities(&x);
        assert!(named.contains(&"PER 罗宾·库克".to_owned()), "{named:?}");
        assert!(named.contains(&"PER 韩守愚".to_owned()), "{named:?}");
        // 库克, 守愚 and 韩 are mentions of those two, not people of their own
        assert_eq!(named.len(), 2, "{named:?}");
        let found = people(text);
        for short in ["库克", "守愚", "韩"] {
            assert!(found.contains(&format!("PER Name {short}")), "{short}: {found:?}");
        }
    }

    #[test]
    fn a_common_word_is_no_short_form() {
        // 明年 is the given name of 李明年 and a word jieba saw a thousand times; 中 of 王中 is no
        // surname before a title
        let found = people("记者李明年报道,明年将有新变化。");
        assert_eq!(found, vec!["PER Name 李明年"]);
    }

    #[test]
    fn a_surname_shared_by_two_people_is_merged_into_neither() {
        let x = crate::testing::extract("县长韩守愚、副县长韩立新出席。韩县长指出,要抓好春耕。");
        let people = crate::testing::entities(&x);
        assert!(people.contains(&"PER 韩守愚".to_owned()), "{people:?}");
        assert!(people.contains(&"PER 韩立新".to_owned()), "{people:?}");
        assert!(!x.entities.iter().any(|e| e.aliases.contains("韩")), "{people:?}");
    }

    #[test]
    fn a_candidate_knows_how_often_the_article_repeats_it() {
        let repeated: Vec<f64> =
            feature_values("佩里抵达开罗。佩里表示,和平进程必须继续。佩里说。", "佩里", "repeated");
        // three stand-alone occurrences: each sees the two others
        assert_eq!(repeated.len(), 3, "{repeated:?}");
        assert!(repeated.iter().all(|r| (r - 3f64.ln()).abs() < 1e-9), "{repeated:?}");
    }

    #[test]
    fn lao_zhang_found_on_its_own_is_the_one_zhang_named_in_full() {
        // (老张/n is found by the model or the familiar-address rule before the names are
        // propagated; it is still a mention of 张建国, not a person of its own)
        let x = crate::testing::extract("村党支部书记张建国今年五十岁。老张说,今年的收成好。老张的儿子也回来了。");
        let named = person_entities(&x);
        assert_eq!(named, vec!["PER 张建国".to_owned()], "{named:?}");
        // with two people of that surname, it stays a person of its own
        let x = crate::testing::extract("村党支部书记张建国和村主任张红旗在卡点值守。老张说,今年的收成好。");
        let named = person_entities(&x);
        assert!(named.contains(&"PER 老张".to_owned()), "{named:?}");
    }

    #[test]
    fn xiao_or_lao_before_the_surname_of_someone_named_is_that_person() {
        let x = crate::testing::extract("邮政局局长许强今年五十岁。每天,小许接到的电话很多。老许的儿子也来了。");
        let named = person_entities(&x);
        assert_eq!(named, vec!["PER 许强".to_owned()], "{named:?}");
        let xu = x.entities.iter().find(|e| e.name == "许强").map(|e| e.aliases.clone());
        assert!(xu.is_some_and(|a| a.contains("小许") && a.contains("老许")));
        // a common word is none, whoever is named (老师 with 师永刚, 小时 with 时光明)
        let found = people("记者师永刚、时光明报道。老师们等了一个小时。");
        assert!(
            !found.iter().any(|m| m.contains("老师") || m.contains("小时")),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_after_a_surname_is_no_given_name() {
        // the surname stands for the person; 老汉, 大爷 are how the text addresses him (repeated,
        // 崔老汉 looked like a name the article is about)
        assert_eq!(
            people("崔老汉热情地把我领进屋子。西房是崔老汉老两口住的。崔老汉只有一个儿子。"),
            vec!["PER Name 崔", "PER Name 崔", "PER Name 崔"]
        );
        assert_eq!(people("王大爷收到了信没有?"), vec!["PER Name 王"]);
        // a word for what a person is can be a given name
        assert_eq!(people("本报记者陈冠军报道。"), vec!["PER Name 陈冠军"]);
    }

    #[test]
    fn a_word_after_a_title_may_be_a_name_of_another_shape_and_its_surname_stands_for_it() {
        let found = people("日本首相桥本龙太郎今天说,日本经济将复苏。桥本表示相信危机不会持久。");
        assert_eq!(found, vec!["PER Name 桥本龙太郎", "PER Name 桥本"]);
        let found = people("李岚清会见了以会长樱内义雄为团长的访华团。樱内义雄表示愿继续努力。");
        assert!(found.contains(&"PER Name 樱内义雄".to_owned()), "{found:?}");
        // a Chinese compound surname is no short form of its own (欧阳 of 欧阳明远)
        let found = people("省长欧阳明远今天说,欧阳家族的祠堂已修复。");
        assert!(!found.contains(&"PER Name 欧阳".to_owned()), "{found:?}");
    }

    #[test]
    fn an_item_of_a_list_of_names_may_carry_a_note_in_brackets() {
        for (text, name) in [
            (
                "会议选举舒国平为主任,卢秀珍(女)、周平、陈癸尊、黄名鑫为副主任。",
                "卢秀珍",
            ),
            (
                "选举马忠为省长,李成玉(回族)、张洪华、李志斌、张以祥为副省长。",
                "李成玉",
            ),
        ] {
            let found = people(text);
            assert!(found.contains(&format!("PER Name {name}")), "{text}: {found:?}");
        }
        // but no part of a dotted name before its note is an item
        let found = people("委员有米吉提·纳斯尔(维吾尔族)、哈德斯·贾那布尔(哈萨克族)、马建国(回族)。");
        assert!(!found.iter().any(|m| m.ends_with(" 那布尔")), "{found:?}");
    }

    #[test]
    fn an_item_the_segmenter_reads_as_a_name_in_a_list_of_names_is_one() {
        // 辜 is too rare a surname for the tables; its neighbours and the segmenter make it a name
        let found = people("会议由张建国主持,李明华、辜志远、王红梅出席。");
        assert!(found.contains(&"PER Name 辜志远".to_owned()), "{found:?}");
        // an ordinary word in the same place is not
        let found = people("会议由张建国主持,李明华、工作人员、王红梅出席。");
        assert!(!found.iter().any(|m| m.contains("工作")), "{found:?}");
    }

    #[test]
    fn a_candidate_in_a_list_knows_how_likely_its_neighbours_are_names() {
        let text = "会议由张建国主持,李明华、王志远、赵红梅出席。王志远说,要抓好春耕。";
        let sib = feature_values(text, "王志远", "sibling");
        // in the list, its neighbours are names; before 说, it has none
        assert_eq!(sib.len(), 2, "{sib:?}");
        assert!(sib[0] > 0.9 && sib[1] == 0.0, "{sib:?}");
        // and the first stage gives the feature no weight (it is computed from that stage)
        let g = crate::testing::pipeline().g;
        assert_eq!(g.person_model[super::idx("sibling")], 0.0);
    }

    /// One feature of the candidates of `text` whose span reads `word`.
    fn feature_values(text: &str, word: &str, feature: &str) -> Vec<f64> {
        features_of(text, word).iter().map(|f| f[super::idx(feature)]).collect()
    }

    /// The features of the candidates of `text` whose span reads `word`.
    fn features_of(text: &str, word: &str) -> Vec<super::Features> {
        let p = crate::testing::pipeline();
        let (chars, _) = crate::normalize::normalize(text);
        let sentences = crate::split::split(&chars);
        let ctx = crate::recognize::context::contexts(&chars, &sentences, p.g, p.lex, p.seg);
        let all = super::document_spans(&ctx);
        ctx.iter()
            .zip(all)
            .flat_map(|(s, cands)| {
                cands
                    .into_iter()
                    .filter(|(span, _)| s.slice(span) == word)
                    .map(|(_, f)| f)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_name_alone_on_its_line_is_marked() {
        // an author's name under a headline, in brackets or not; the same name in a sentence is not
        let text = "拒绝无聊\n黄团元\n他说,(黄团元)\n( 黄团元 )";
        let whole = feature_values(text, "黄团元", "whole_line");
        assert_eq!(whole, vec![1.0, 0.0, 1.0], "{whole:?}");
    }

    #[test]
    fn how_often_the_dictionary_saw_a_name_counts_in_whole_steps() {
        let f = features_of("邓小平南方谈话推动了建设。", "邓小平");
        assert_eq!(f.len(), 1);
        let n = f[0][super::idx("nr_freq")];
        // a household name: e^8 is about 3,000
        assert!(n >= 8.0 && n.fract() == 0.0, "{n}");
        // a name the dictionary does not hold has none
        let f = features_of("市委书记马富国到现场督导。", "马富国");
        assert_eq!(f[0][super::idx("nr_freq")], 0.0);
    }

    #[test]
    fn the_trees_rescore_only_what_the_weights_leave_open() {
        let g = crate::testing::pipeline().g;
        assert!(!g.person_trees.is_empty());
        for (text, word) in [
            ("党员张立强在卡点值守。", "张立强"),
            ("学雷锋小组开展活动。", "学雷锋"),
            ("他说,(黄团元)", "黄团元"),
        ] {
            for f in features_of(text, word) {
                let linear = super::linear_probability(&g.person_model, &f);
                let p = super::probability(g, &f);
                if !(super::STAGE_TWO_FROM..super::STAGE_TWO_TO).contains(&linear) {
                    assert_eq!(p, linear, "{word}");
                } else {
                    let trees = 1.0 / (1.0 + (-g.person_trees.score(&f)).exp());
                    assert!((p - trees).abs() < 1e-12, "{word}");
                }
            }
        }
    }
}
