//! The features of a person-name candidate: character statistics of surname and given name
//! (`gazetteer/surnames.tsv`, `gazetteer/name-chars.tsv`), the segmenter's reading, and the contexts
//! that mark a name — a title before it, a speech verb after it, a list, a byline, a photo credit, a
//! line of its own. The order of [`FEATURES`] is the order of the model's weights.

use crate::gazetteer::{NameStats, VerbClass, WordList};
use crate::input::is_han;
use crate::model::SentenceKind;
use crate::segment::SentenceContext;

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

pub(crate) fn idx(name: &str) -> usize {
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
pub(crate) fn surname_ratio(st: &NameStats, surname: &[char]) -> f64 {
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
pub(crate) fn given_ratio(st: &NameStats, given: &[char]) -> f64 {
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
        if s.g.titles[t.what].kind == crate::gazetteer::TitleKind::Person {
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
        .any(|t| t.start == end && s.g.titles[t.what].kind != crate::gazetteer::TitleKind::Person)
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
    // (a speech verb of at most three characters right after it)
    if s.lex
        .verbs_at(s.text, end, s.span.end)
        .any(|(n, class)| class == VerbClass::Speech && n <= 3)
    {
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
    if s.g.words.starts_any(WordList::Doctrine, &rest) {
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

/// Features of a word the segmenter tags as a name that no other rule proposes.
pub(crate) fn tagged_features(s: &SentenceContext<'_>, start: usize, end: usize) -> Features {
    let st = &s.g.names;
    let mut f = [0.0; FEATURES.len()];
    f[idx("tagged_only")] = 1.0;
    f[idx("given")] = given_ratio(st, s.chars(&(start..end))).max(translit_ratio(st, s.chars(&(start..end))));
    f[idx(if end - start == 2 { "len2" } else { "len3" })] = 1.0;
    common(s, start, end, &mut f);
    f
}
