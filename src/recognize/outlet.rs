//! Outlets: the newspaper, site or agency a dateline names — `梨树时报讯(实习记者 芦继鑫)`,
//! `红网时刻8月21日讯`, `海南日报文城7月21日电`, `德州新闻网讯` — an organisation (media) whose
//! journalists the byline lists. `本报讯` names none: 本报 is a reference (`reference`).

use crate::gazetteer::WordList;
use crate::input::is_han;
use crate::model::{Candidate, Class, Detail, EntityKind, OrgSegment, SentenceKind};
use crate::segment::SentenceContext;

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    if s.kind != SentenceKind::Byline {
        return;
    }
    let chars = s.chars(&s.span);
    let Some(len) = crate::split::dateline_end(chars) else {
        return;
    };
    // (据新华社…电: the agency a paper takes the item from)
    let start = s.span.start + usize::from(s.ch(s.span.start) == '据');
    // an organisation the gazetteer knows opens the dateline (新华社北京一月一日电): that is the outlet
    if out.iter().any(|c| {
        c.kind == EntityKind::Organisation && c.span.start == start && c.form == crate::model::MentionForm::Name
    }) {
        return;
    }
    // the name runs to the first digit or numeral of the date, 讯, 电 or 消息
    let numeral = |c: char| s.g.words.has_char(WordList::Numeral, c);
    let mut end = start;
    while end < s.span.start + len
        && is_han(s.ch(end))
        && !numeral(s.ch(end))
        && !matches!(s.ch(end), '讯' | '电')
        && !s.at(end, "消息")
    {
        end += 1;
    }
    // (a place of the dateline after a paper's name: 海南日报 文城; but 云上崇阳 is the outlet of
    // 崇阳, all of it)
    let media_end = |a: usize, b: usize| {
        let before = s.slice(&(a..b));
        s.g.words.iter(WordList::MediaWord).any(|m| before.ends_with(m))
            || s.g.words.iter(WordList::NewspaperEnding).any(|m| before.ends_with(m))
    };
    if let Some(p) = out
        .iter()
        .filter(|c| c.kind == EntityKind::Place && c.span.end == end && c.span.start > start + 1)
        .filter(|c| media_end(start, c.span.start))
        .min_by_key(|c| c.span.start)
    {
        end = p.span.start;
    }
    let name = s.slice(&(start..end));
    // (an edition after the name: 红网时刻, X客户端 — unless what is left is only a place: 宁陕融媒
    // is the outlet of 宁陕, not 宁陕)
    let only_place = |a: usize, b: usize| out.iter().any(|c| c.kind == EntityKind::Place && c.span == (a..b));
    let end =
        s.g.words
            .iter(WordList::OutletEdition)
            .find(|e| name.ends_with(e))
            .map_or(end, |e| end - e.chars().count())
            .max(start);
    let end = if only_place(start, end) {
        start + name.chars().count()
    } else {
        end
    };
    // (the place of the dateline after a paper's name: 海南日报 文城)
    let name = s.slice(&(start..end));
    let end =
        s.g.words
            .iter(WordList::MediaWord)
            .filter_map(|m| {
                name.find(m)
                    .map(|b| start + name[..b].chars().count() + m.chars().count())
            })
            .filter(|&e| e + 3 >= end)
            .min()
            .unwrap_or(end);
    let span = start..end;
    if span.len() < 2 || s.g.words.has(WordList::ReferenceNewspaper, &s.slice(&span)) {
        return;
    }
    let seg = OrgSegment {
        span: span.clone(),
        area: None,
        party_prefix: false,
        unit: None,
        body: span.clone(),
        joiner: None,
    };
    out.retain(|c| !(c.span.start < span.end && span.start < c.span.end && c.kind != EntityKind::Place));
    out.push(
        Candidate::new(
            span,
            s.index,
            EntityKind::Organisation,
            Class::Media,
            Detail::Org(vec![seg]),
        )
        .with_score(3.5),
    );
}
