//! People, without any list of names: a surname (single or compound) and one or two given-name
//! characters, scored with character statistics learned from the People's Daily corpus
//! (`gazetteer/surnames.tsv`, `gazetteer/name-chars.tsv`), by the segmenter's reading, and by the
//! contexts that mark a name — a title before it (市委书记马富国), a speech verb after it (张涛介绍),
//! a list (刘芳、陈志强、赵文博等), a byline (□本报记者 尹新婷 范鑫), a photo credit (李海摄).
//! Transliterated foreign names (克林顿, 内塔尼亚胡, 铁木尔·达瓦买提) are read from transliteration
//! characters. A name found with confidence is then found again wherever it recurs in the article.

use super::{Candidate, Detail, SentenceContext};
use crate::gazetteer::{FrameKind, NameStats};
use crate::input::is_han;
use crate::model::{Class, EntityKind, SentenceKind, Span};

/// Smoothing of the character tables.
const ALPHA: f64 = 0.5;
const VOCAB: f64 = 4000.0;
/// Log prior odds that a position starts a person name.
const PRIOR: f64 = -4.2;

fn ln_ratio(count: u32, total: u32, bg_count: u32, bg_total: u32) -> f64 {
    let p = (count as f64 + ALPHA) / (total as f64 + ALPHA * VOCAB);
    let q = (bg_count as f64 + 1.0) / (bg_total as f64 + VOCAB);
    (p / q).ln()
}

/// Log-odds from the character statistics that `surname + given` is a name.
pub fn name_logodds(st: &NameStats, surname: &[char], given: &[char]) -> f64 {
    let bg = |c: char| st.char(c).total;
    let n = st.totals.total;
    let sname: String = surname.iter().collect();
    let sur_count = st.surname_count(&sname);
    let sur_bg: u32 = if surname.len() == 1 {
        bg(surname[0])
    } else {
        surname.iter().map(|&c| bg(c)).min().unwrap_or(0) / 8
    };
    let mut score = ln_ratio(sur_count, st.surname_total, sur_bg, n).min(6.0);
    match given {
        [g] => {
            score += ln_ratio(st.char(*g).single, st.totals.single, bg(*g), n).min(5.0);
            score += 0.2f64.ln();
        }
        [g1, g2] => {
            score += ln_ratio(st.char(*g1).given1, st.totals.given1, bg(*g1), n).min(5.0);
            score += ln_ratio(st.char(*g2).given2, st.totals.given2, bg(*g2), n).min(5.0);
            score += 0.8f64.ln();
        }
        _ => return f64::NEG_INFINITY,
    }
    score + PRIOR
}

/// How much a character before (after) a name says it is one.
fn context_ratio(st: &NameStats, c: char, left: bool) -> f64 {
    if !is_han(c) && !matches!(c, '、' | ',' | '“' | '(' | ')' | '”' | ':' | '。') {
        return 0.0;
    }
    let cs = st.char(c);
    let (k, total) = if left { (cs.left, st.totals.left) } else { (cs.right, st.totals.right) };
    ln_ratio(k, total, cs.total, st.totals.total).clamp(-1.5, 2.0)
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let st = &s.g.names;
    let mut cands = Vec::new();
    for i in s.span.start..s.span.end {
        if !is_han(s.ch(i)) {
            continue;
        }
        for slen in [2usize, 1] {
            if i + slen > s.span.end {
                continue;
            }
            let surname = s.chars(&(i..i + slen));
            if !st.is_surname(&surname.iter().collect::<String>()) {
                continue;
            }
            for glen in [1usize, 2] {
                let end = i + slen + glen;
                if end > s.span.end || !(i + slen..end).all(|k| is_han(s.ch(k))) {
                    continue;
                }
                let given = s.chars(&(i + slen..end));
                let base = name_logodds(st, surname, given);
                let score = base + context(s, i, end) + segmentation(s, i, end);
                if score > -2.0 {
                    cands.push(person(s, i..end, score));
                }
            }
        }
    }
    foreign(s, &mut cands);
    familiar(s, &mut cands);
    out.extend(cands);
}

fn person(s: &SentenceContext<'_>, span: Span, logodds: f64) -> Candidate {
    Candidate::new(span, s.index, EntityKind::Person, Class::Other, Detail::Person)
        .with_score((1.0 + logodds / 2.0).clamp(-5.0, 4.5) as f32)
}

/// Evidence from the words around a candidate name.
fn context(s: &SentenceContext<'_>, start: usize, end: usize) -> f64 {
    let st = &s.g.names;
    let mut score = 0.0;
    let prev = if start > s.span.start { s.ch(start - 1) } else { '。' };
    let next = s.ch(end);
    score += 0.6 * context_ratio(st, prev, true) + 0.6 * context_ratio(st, next, false);
    // a title or a person word right before (市委书记马富国, 党员张凯, 记者 高雯)
    let title_before = s.titles.iter().any(|t| t.end == start || (t.end + 1 == start && prev == ' '));
    if title_before {
        score += 4.0;
    }
    // a title starting inside the candidate (王局长 → 王局 is no name)
    if s.titles.iter().any(|t| t.start > start && t.start < end) {
        score -= 6.0;
    }
    // bylines and photo credits: names stand between spaces
    if s.kind == SentenceKind::Byline || s.kind == SentenceKind::Caption {
        let spaced_before = prev == ' ' || prev == '(' || prev == '□';
        let spaced_after = matches!(next, ' ' | ')' | '摄');
        if spaced_before && spaced_after {
            score += 3.5;
        }
    }
    if s.after(end, 1) == "摄" && matches!(prev, ' ' | '(' | '。' | ')') {
        score += 2.0;
    }
    // a speech verb or another frame verb after
    let rest = s.after(end, 3);
    if s.lex.frames.iter().any(|(w, k)| {
        *k == FrameKind::Speech && rest.starts_with(&w.iter().collect::<String>())
    }) {
        score += 2.0;
    }
    // lists of names
    if matches!(prev, '、') && matches!(next, '、' | '等' | '和' | ',') {
        score += 1.0;
    }
    // (王晓燕) at the end of an item
    if prev == '(' && next == ')' && s.after(end + 1, 1).is_empty() {
        score += 3.0;
    }
    score
}

/// Evidence from the segmenter: a name jieba reads as one person word counts for it; one that cuts
/// through a dictionary word counts against it.
fn segmentation(s: &SentenceContext<'_>, start: usize, end: usize) -> f64 {
    let mut score = 0.0;
    let exact = s.token_starting(start).filter(|t| t.span.end == end);
    if let Some(t) = exact {
        if t.tag.starts_with("nr") {
            score += 2.5;
        } else if t.span.len() >= 2 && t.tag != "x" {
            // a dictionary word of another kind (高峰, 金融)
            score -= 3.0;
        }
    }
    // a word crossing the start or the end of the candidate
    if let Some(t) = s.token_at(start) {
        if t.span.start < start && t.span.len() >= 2 && !t.tag.starts_with("nr") {
            score -= 2.0;
        }
    }
    if end > start {
        if let Some(t) = s.token_at(end - 1) {
            if t.span.end > end && t.span.len() >= 2 && !t.tag.starts_with("nr") {
                score -= if t.span.start >= start { 1.5 } else { 2.5 };
            }
        }
    }
    // inside a place or organisation word of the gazetteer (张家口)
    if s.names.iter().any(|h| h.start <= start && end <= h.end && (h.start, h.end) != (start, end)) {
        score -= 2.0;
    }
    score
}

/// Transliterated names: runs of transliteration characters (克林顿, 内塔尼亚胡), with `·` inside.
fn foreign(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let st = &s.g.names;
    let ratio = |c: char| {
        let cs = st.char(c);
        ln_ratio(cs.translit, st.totals.translit, cs.total, st.totals.total)
    };
    let mut i = s.span.start;
    while i < s.span.end {
        let c = s.ch(i);
        if !is_han(c) || ratio(c) < 0.5 {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut sum = 0.0;
        while j < s.span.end {
            let c = s.ch(j);
            if c == '·' && j + 1 < s.span.end && is_han(s.ch(j + 1)) && ratio(s.ch(j + 1)) > 0.0 {
                j += 1;
                continue;
            }
            if !is_han(c) || ratio(c) < 0.0 {
                break;
            }
            sum += ratio(c);
            j += 1;
        }
        let len = j - i;
        if len >= 3 {
            let mean = sum / len as f64;
            let dotted = s.chars(&(i..j)).contains(&'·');
            let tok = s.token_starting(i).filter(|t| t.span.end == j);
            let jieba_person = tok.is_some_and(|t| t.tag.starts_with("nr"));
            let jieba_other = tok.is_some_and(|t| !t.tag.starts_with("nr") && t.tag != "x");
            let ctx = context(s, i, j);
            let score = mean - 1.5 + ctx + if dotted { 2.0 } else { 0.0 } + if jieba_person { 2.0 } else { 0.0 }
                - if jieba_other { 3.0 } else { 0.0 }
                - if s.boundary(i) && s.boundary(j) { 0.0 } else { 1.5 };
            out.push(person(s, i..j, score));
        }
        i = j.max(i + 1);
    }
}

/// 老张, 小李; and a surname before a title of address (江主席, 周总理, 王局长).
fn familiar(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let st = &s.g.names;
    for i in s.span.start..s.span.end.saturating_sub(1) {
        let c = s.ch(i);
        let next = s.ch(i + 1);
        if matches!(c, '老' | '小') && st.is_surname(&next.to_string()) {
            if let Some(t) = s.token_starting(i).filter(|t| t.span.end == i + 2) {
                if t.tag.starts_with("nr") {
                    out.push(person(s, i..i + 2, 2.0));
                }
            }
        }
        if st.is_surname(&c.to_string()) && st.surname_count(&c.to_string()) >= 5 {
            let addressed = s.titles.iter().any(|t| {
                t.start == i + 1 && s.g.titles[t.what].heads && s.g.titles[t.what].kind != "person"
            });
            let prev = if i > s.span.start { s.ch(i - 1) } else { '。' };
            if addressed && !is_han(prev) {
                out.push(person(s, i..i + 1, 1.2));
            }
        }
    }
}

/// Find again, anywhere in the document, the names found with confidence somewhere.
pub fn propagate(ctx: &[SentenceContext<'_>], chosen: &mut Vec<Candidate>) {
    let mut names: Vec<Vec<char>> = chosen
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.score >= 2.0 && c.len() >= 2)
        .map(|c| ctx[c.sentence].chars(&c.span).to_vec())
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for s in ctx {
        for name in &names {
            let n = name.len();
            let mut i = s.span.start;
            while i + n <= s.span.end {
                if s.text[i..i + n] != name[..] {
                    i += 1;
                    continue;
                }
                let span = i..i + n;
                let overlaps = chosen
                    .iter()
                    .chain(added.iter())
                    .any(|c: &Candidate| c.sentence == s.index && c.span.start < span.end && span.start < c.span.end);
                // the same name must not run on into more name characters (张涛涛)
                let runs_on = s.boundary(span.end) || !is_han(s.ch(span.end));
                if !overlaps && runs_on {
                    added.push(person(s, span, 2.0));
                }
                i += n;
            }
        }
    }
    chosen.extend(added);
    chosen.sort_by_key(|c| (c.sentence, c.span.start, std::cmp::Reverse(c.span.end)));
}
