//! Outlets: the newspaper, site or agency a dateline names — `梨树时报讯(实习记者 芦继鑫)`,
//! `红网时刻8月21日讯`, `海南日报文城7月21日电`, `德州新闻网讯` — an organisation (media) whose
//! journalists the byline lists. `本报讯` names none: 本报 is a reference (`reference`).

use crate::input::is_han;
use crate::model::{Candidate, Class, Detail, EntityKind, OrgSegment, SentenceKind};
use crate::segment::SentenceContext;

/// Words after an outlet's name in a dateline that are not part of it (红网时刻, X客户端).
const EDITIONS: &[&str] = &["时刻", "客户端", "全媒体", "融媒"];

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    if s.kind != SentenceKind::Byline {
        return;
    }
    let chars = s.chars(&s.span);
    let Some(len) = crate::split::dateline_end(chars) else {
        return;
    };
    // the name runs to the first digit, 讯, 电 or 消息
    let mut end = s.span.start;
    while end < s.span.start + len && is_han(s.ch(end)) && !matches!(s.ch(end), '讯' | '电') && !s.at(end, "消息") {
        end += 1;
    }
    // (a place of the dateline after the name: 海南日报 文城)
    if let Some(p) = out
        .iter()
        .filter(|c| c.kind == EntityKind::Place && c.span.end == end && c.span.start > s.span.start + 1)
        .min_by_key(|c| c.span.start)
    {
        end = p.span.start;
    }
    let name = s.slice(&(s.span.start..end));
    let end = EDITIONS
        .iter()
        .find(|e| name.ends_with(*e))
        .map_or(end, |e| end - e.chars().count());
    let span = s.span.start..end;
    if span.len() < 2 || s.slice(&span) == "本报" {
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
