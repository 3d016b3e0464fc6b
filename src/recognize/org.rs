//! Organisations: gazetteer names (国务院, 新华社) and chains built right to left from a standard
//! body (住建局, 人民医院) or an organisation suffix (…公司, …救援队, …组) over what stands before
//! it — an area (鹤壁市, 山城区), a scope character (市, 县), a parent organisation (市人民医院 +
//! 感染科), a 驻 joint (市纪委监委驻市住建局纪检组) or name material (天海电子信息系统有限公司).

use super::place::is_bound_before;
use super::{Area, Candidate, Detail, Form, OrgSegment, SentenceContext};
use crate::gazetteer::{MarkerRole, PlaceKind, WordList};
use crate::input::is_han;
use crate::model::{Class, EntityKind, Span};
use crate::segment::lexicon::{Hit, NameEntry, suffix_at};

/// Tags of tokens that may be part of an organisation's name.
fn material_tag(tag: &str) -> bool {
    matches!(
        tag,
        "n" | "nz"
            | "nt"
            | "ns"
            | "nr"
            | "nrt"
            | "nrfg"
            | "j"
            | "vn"
            | "an"
            | "b"
            | "l"
            | "eng"
            | "x"
            | "ng"
            | "f"
            | "g"
            | "a"
    )
}

/// Tags of tokens that make a name specific (a proper name, an abbreviation, a number).
fn proper_tag(tag: &str) -> bool {
    matches!(tag, "nz" | "nt" | "ns" | "nr" | "nrt" | "nrfg" | "j" | "eng")
}

/// A common word that ends like an organisation (部队, 单位, 公司 alone: `words.tsv`
/// org-generic-ending and org-generic-word): a name ending in one names none unless something
/// proper stands before it.
fn generic(s: &SentenceContext<'_>, word: &str) -> bool {
    let w = &s.g.words;
    w.has(WordList::OrgGenericWord, word) || w.ends_any(WordList::OrgGenericEnding, word)
}

/// What ends an organisation at a position.
#[derive(Debug, Clone)]
struct Head {
    start: usize,
    unit: Option<usize>,
    class: Class,
    /// a sub-unit suffix (科, 组, 党支部) that needs a parent or an area
    needs_parent: bool,
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let places: Vec<Span> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Place)
        .map(|c| c.span.clone())
        .collect();
    let len = s.span.len() + 1;
    // the longest organisation ending at each position (relative), for chains
    let mut memo: Vec<Option<Candidate>> = vec![None; len];
    let mut found: Vec<Candidate> = Vec::new();

    for e in s.span.start + 1..=s.span.end {
        let mut best: Option<Candidate> = None;
        // gazetteer organisations ending here
        for h in s.names.iter().filter(|h| h.end == e) {
            for entry in h.what {
                if let NameEntry::Org { idx, alias, weak } = *entry {
                    let aligned =
                        s.boundary(h.start) && (s.boundary(h.end) || s.titles.iter().any(|t| t.start == h.end));
                    if !aligned || (weak && !in_list(s, h.start, h.end)) || runs_into_noun(s, h.end) {
                        continue;
                    }
                    let c = Candidate::new(
                        h.start..h.end,
                        s.index,
                        EntityKind::Organisation,
                        s.g.organisations[idx].class,
                        Detail::KnownOrg(idx),
                    )
                    .with_score(3.0);
                    // a weak alias (中央) or an abbreviation the dictionary marks as such (欧盟/j,
                    // 央行/j) refers to the organisation without naming it in full
                    let abbreviation = alias && s.seg.dictionary_tag(&s.slice(&(h.start..h.end))) == Some("j");
                    let c = if weak || abbreviation {
                        c.with_form(Form::Implicit)
                    } else {
                        c
                    };
                    best = pick(best, c);
                }
            }
        }
        // a checkpoint word (交界处, 检测站) ends a checkpoint, not an organisation named by suffix
        let checkpoint_word = suffix_at(&s.lex.checkpoint_words, s.text, e).is_some();
        let suffix_heads = if checkpoint_word {
            Vec::new()
        } else {
            heads(s, e, &places)
        };
        for head in suffix_heads {
            if let Some(c) = chain(s, &head, e, &places, &memo) {
                best = pick(best, c);
            }
        }
        if let Some(c) = best {
            memo[e - s.span.start] = Some(c.clone());
            found.push(c);
        }
    }
    dictionary_names(s, &places, &mut found);
    place_abbreviations(s, &places, &mut found);
    attach_listed_units(s, &mut found);
    // 中共 written as the party prefix of a chain (中共鹤壁市委) is no mention of its own
    let prefixes: Vec<usize> = found
        .iter()
        .filter_map(|c| match &c.detail {
            Detail::Org(chain) if chain.first().is_some_and(|f| f.party_prefix) => Some(c.span.start),
            _ => None,
        })
        .collect();
    found.retain(|c| !(matches!(c.detail, Detail::KnownOrg(_)) && prefixes.contains(&c.span.start) && c.len() == 2));
    // a company named by its trade inside a company's name (四合药业 in 吉林省四合药业科技有限公司) is
    // no company of its own
    let companies: Vec<Span> = found
        .iter()
        .filter(|c| c.class == Class::Company)
        .map(|c| c.span.clone())
        .collect();
    found.retain(|c| {
        !(c.class == Class::Company
            && s.ch(c.span.end - 1) == '业'
            && companies.iter().any(|o| o.start <= c.span.start && c.span.end < o.end))
    });
    out.extend(found);
}

/// An organisation's name the segmenter's dictionary knows as one word (中国证监会/nt,
/// 北京市教委/nt, 英国工党/nt) that begins with a place and ends like an organisation: the place is
/// its area, the rest its body. (The chains above stop at the word's edge, where the place ends
/// inside it.)
fn dictionary_names(s: &SentenceContext<'_>, places: &[Span], found: &mut Vec<Candidate>) {
    for t in s.tokens.iter().filter(|t| t.tag == "nt" && t.span.len() >= 3) {
        let e = t.span.end;
        let Some(area) = places
            .iter()
            .filter(|p| p.start == t.span.start && p.end < e)
            .max_by_key(|p| p.len())
        else {
            continue;
        };
        let word = s.slice(&t.span);
        let known = s.seg.word_freq(&word).is_some();
        let unit = unit_after(s, area, e);
        // (the dictionary's word also ends in a party or an association's abbreviation: 工党,
        // 证监会, 记协, 侨联)
        let org_ending = unit.is_some()
            || suffix_at(&s.lex.org_suffixes, s.text, e).is_some()
            || word
                .chars()
                .last()
                .is_some_and(|c| s.g.words.has_char(WordList::OrganEnding, c));
        let clean = s.chars(&t.span).iter().all(|&c| is_han(c));
        // (a building's name is a place's: 北京音乐厅/nt, 中国美术馆/nt)
        let building = unit.is_none() && building_start(s, e).is_some_and(|b| e - b >= 2);
        if !(known && org_ending && clean)
            || building
            || found.iter().any(|c| c.span.start <= t.span.start && e <= c.span.end)
        {
            continue;
        }
        let c = after_place(s, area, e, unit);
        found.retain(|c| !(c.span.start >= t.span.start && c.span.end <= e));
        found.push(c);
    }
}

/// An abbreviated organisation the segmenter reads as one word (社科联/nt, 剧协/j, 农大/j)
/// written right after its place (湖南省张家界市社科联, 中国剧协, 河南农大): one organisation with
/// that place as area. The word must end like an organisation (…协, …联, …大, …行, …党), and
/// be no count (三大) and no event (音乐会).
fn place_abbreviations(s: &SentenceContext<'_>, places: &[Span], found: &mut Vec<Candidate>) {
    for t in s
        .tokens
        .iter()
        .filter(|t| t.span.len() >= 2 && matches!(t.tag.as_str(), "nt" | "j"))
    {
        let e = t.span.end;
        let Some(area) = places.iter().find(|p| p.end == t.span.start) else {
            continue;
        };
        let last = s.ch(e - 1);
        let word = s.slice(&t.span);
        // (not a count, 三大, nor an event, 音乐会, 亚运会)
        let w = &s.g.words;
        let count = word.chars().next().is_some_and(|c| w.has_char(WordList::Numeral, c));
        let event = w.ends_any(WordList::EventEnding, &word);
        let org_like = w.has_char(WordList::AbbreviationEnding, last) && !count && !event;
        let clean = s.chars(&t.span).iter().all(|&c| is_han(c));
        if !(org_like && clean && s.boundary(e)) || found.iter().any(|c| c.span.start < e && t.span.start < c.span.end)
        {
            continue;
        }
        found.push(after_place(s, area, e, unit_after(s, area, e)));
    }
}

/// The standard body (局, 委员会) a name that begins after `area` ends in at `e`.
fn unit_after<'a>(s: &'a SentenceContext<'_>, area: &Span, e: usize) -> Option<&'a Hit<(usize, bool)>> {
    s.units.iter().find(|u| u.end == e && u.start >= area.end)
}

/// One organisation named by a place and the word after it, up to `e` (英国工党, 中国剧协): the
/// place is its area; its class is that of the standard body it ends in, if any.
fn after_place(s: &SentenceContext<'_>, area: &Span, e: usize, unit: Option<&Hit<(usize, bool)>>) -> Candidate {
    let seg = OrgSegment {
        span: area.start..e,
        area: Some(Area::Place(area.clone())),
        party_prefix: false,
        unit: None,
        body: area.end..e,
        joiner: None,
    };
    let class = unit.map_or(Class::Other, |u| s.g.org_units[u.what.0].class);
    make(s, vec![seg], area.start, e, class, 2.6)
}

/// Where a building's word ending at `e` begins (音乐厅, 火车站, 会展中心: a facility suffix of
/// the place table), if one does.
fn building_start(s: &SentenceContext<'_>, e: usize) -> Option<usize> {
    suffix_at(&s.lex.place_suffixes, s.text, e)
        .filter(|&pi| s.g.place_suffixes[pi].kind == Some(PlaceKind::Facility))
        .map(|pi| e - s.lex.place_suffixes[pi].len())
}

/// The better of two organisations ending at the same place: the longer one, unless it is much
/// less certain (a known name beats name material glued before it).
fn pick(best: Option<Candidate>, c: Candidate) -> Option<Candidate> {
    match best {
        None => Some(c),
        Some(b) => {
            let c_better = if c.len() > b.len() {
                c.score >= b.score - 0.5
            } else if c.len() < b.len() {
                c.score > b.score + 0.5
            } else {
                c.score > b.score
            };
            Some(if c_better { c } else { b })
        }
    }
}

/// A weak alias (中央) counts only next to a list separator or another organisation.
fn in_list(s: &SentenceContext<'_>, start: usize, end: usize) -> bool {
    let next = s.ch(end);
    let prev = if start > s.span.start { s.ch(start - 1) } else { ' ' };
    let separator = |c: char| c == ',' || s.g.markers.is(MarkerRole::Separator, c.encode_utf8(&mut [0; 4]));
    separator(next) || (prev != ',' && separator(prev))
}

/// Bodies and suffixes that end at `e`.
fn heads(s: &SentenceContext<'_>, e: usize, places: &[Span]) -> Vec<Head> {
    let mut out = Vec::new();
    // an organisation ends at a word boundary, before a title, or inside a title that begins
    // with the organisation's last word (市人社局党组 in 市人社局党组书记)
    let organ_in_title = s
        .titles
        .iter()
        .any(|t| t.start < e && e < t.end && s.g.words.has(WordList::PartyOrgan, &s.slice(&(t.start..e))));
    if !s.boundary(e) && !s.titles.iter().any(|t| t.start == e) && !organ_in_title {
        return out;
    }
    // inside a place name (鹤壁东站 is no 站 organisation of 鹤壁东)
    let in_place = |start: usize| {
        places
            .iter()
            .any(|p| p.start <= start && e <= p.end && !(p.start == start && p.end == e))
    };
    // (a unit that ends a title is the title's: 委 of 常委 in 全国政协常委)
    let ends_title = |start: usize| s.titles.iter().any(|t| t.start < start && t.end == e);
    for u in s.units.iter().filter(|u| u.end == e && !ends_title(u.start)) {
        let (idx, _) = u.what;
        let unit = &s.g.org_units[idx];
        out.push(Head {
            start: u.start,
            unit: Some(idx),
            class: unit.class,
            needs_parent: true,
        });
    }
    if let Some(si) = suffix_at(&s.lex.org_suffixes, s.text, e) {
        let suffix = &s.g.org_suffixes[si];
        let start = e - s.lex.org_suffixes[si].len();
        // a suffix inside a word must end a name-like word (交响乐团/n, 中国政府/nt), not a verb or
        // a direction (部署/v, 北部/f, 有所/v)
        let inside_ok = match s.token_at(start).filter(|t| t.span.start < start) {
            None => true,
            Some(t) => {
                let single = e - start == 1;
                let word = s.slice(&t.span);
                let tag = t.tag.as_str();
                // a one-character suffix ending a two-character word (部署, 益处) makes no name
                // unless the word is one (国办/j)
                let short_word = t.span.len() == 2;
                !generic(s, &word)
                    && if single && short_word {
                        matches!(tag, "nt" | "nz" | "j")
                    } else if single {
                        // (or the segmenter's guess at a name: 呼吸科/nr)
                        matches!(tag, "n" | "nt" | "nz" | "j") || tag.starts_with("nr")
                    } else {
                        matches!(tag, "n" | "nt" | "nz" | "j" | "vn")
                    }
            }
        };
        // a one-character suffix the segmenter reads as a function word before a verb (联系所居住:
        // 所 + verb) makes no name
        let particle = e - start == 1
            && s.token_starting(start)
                .is_some_and(|t| t.span.end == e && matches!(t.tag.as_str(), "c" | "u" | "p" | "d" | "r"))
            && s.token_starting(e).is_some_and(|t| t.tag.starts_with('v'));
        if start >= s.span.start
            && inside_ok
            && !particle
            && !in_place(start)
            && !ends_title(start)
            // (a building's word that ends in an organisation suffix ends a place: 音乐厅, 火车站)
            && building_start(s, e).is_none_or(|b| b >= start)
            && !runs_into_noun(s, e)
            && !out.iter().any(|h| h.start <= start)
        {
            out.push(Head {
                start,
                unit: None,
                class: suffix.class,
                needs_parent: suffix.unit,
            });
        }
    }
    out
}

/// A name ending at `e` in a one-character suffix whose character makes a common noun with the
/// stray character after it (交通运输部|门 is 交通运输 + 部门, 医学院|校 is 医学 + 院校): no
/// organisation ends there. Titles (组织部|长) do not count: the organisation stands before its
/// head; nor does a longer word after it (指挥部|下设 is no 部下).
fn runs_into_noun(s: &SentenceContext<'_>, e: usize) -> bool {
    if e <= s.span.start || e >= s.span.end || s.token_starting(e).is_none_or(|t| t.span.len() != 1) {
        return false;
    }
    let last = s.ch(e - 1);
    let pair: String = [last, s.ch(e)].iter().collect();
    s.g.org_suffixes
        .iter()
        .any(|x| x.text.chars().eq(std::iter::once(last)))
        && !s.titles.iter().any(|t| t.start == e - 1)
        && s.seg.word_tag(&pair).is_some_and(|t| t == "n")
}

/// Build the organisation chain ending at `e` with `head` as its last body.
fn chain(
    s: &SentenceContext<'_>,
    head: &Head,
    e: usize,
    places: &[Span],
    memo: &[Option<Candidate>],
) -> Option<Candidate> {
    let rel = |i: usize| i - s.span.start;
    let org_ending = |i: usize| -> Option<&Candidate> {
        if i <= s.span.start {
            return None;
        }
        // a bare word (指挥部) is no parent by adjacency (指挥部下设综合组)
        memo[rel(i)].as_ref().filter(|c| c.form != Form::Nominal)
    };
    let mut seg = OrgSegment {
        span: head.start..e,
        area: None,
        party_prefix: false,
        unit: head.unit,
        body: head.start..e,
        joiner: None,
    };
    let mut pos = head.start;
    let mut material_tokens = 0;
    let mut proper = false;
    let mut verb_material = false;
    // the suffix ends a longer word (交响乐团, 监测总站): unless an area or an organisation ends
    // right before the suffix (中国 + 政府 in 中国政府), the word's beginning is name material
    let scope_before = head.start > s.span.start
        && s.g.words.has_char(WordList::ScopeCharacter, s.ch(head.start - 1))
        && s.token_at(head.start - 1)
            .is_some_and(|t| t.span.start == head.start - 1);
    let area_before = places.iter().any(|p| p.end == head.start) || org_ending(head.start).is_some() || scope_before;
    // (or a word running on into a title: 内科主任 → 内 + 科 + 主任)
    let runs_into_title =
        |t: &crate::model::Token| t.span.end > e && s.titles.iter().any(|x| x.start == e && x.end <= t.span.end);
    if let Some(t) = s
        .token_at(head.start)
        .filter(|t| t.span.start < head.start && (t.span.end == e || runs_into_title(t)))
    {
        if !area_before {
            pos = t.span.start;
            seg.span.start = pos;
            material_tokens = 1;
            proper |= proper_tag(&t.tag);
        }
    }
    let mut parent: Option<Vec<OrgSegment>> = None;
    // a company's legal form (有限公司, 有限责任公司, 股份有限公司)
    let legal_form = head.class == Class::Company && e - head.start >= 2;
    // the words of a company's name between what it is named after and its legal form: all of
    // them, but for those that join it to a sentence (和, 的, 向, numbers)
    let name_words = |from: usize, to: usize| {
        s.tokens
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= to)
            .all(|t| {
                let joining = matches!(t.tag.chars().next(), Some('p' | 'c' | 'u' | 'r' | 'q' | 'x' | 'w'));
                let number = t.tag.starts_with('m') && !s.rare_word(&t.span);
                let titled = s.titles.iter().any(|h| h.start < t.span.end && t.span.start < h.end);
                !(joining || number || titled)
            })
    };
    // a unit named between its group and its legal form or trade word (湖南黄金集团 + 辰州矿业, 四川
    // 能投集团 + 攀枝花水电有限公司): the group is its parent (a trade before a legal form is no
    // group: 阳光牧业)
    let group_end = legal_form
        .then(|| {
            // a group by its word (集团, 总公司), not opened by a reference (本报讯…)
            let group = |c: &Candidate| {
                let text = s.slice(&c.span);
                s.g.words.ends_any(WordList::GroupWord, &text)
                    && !text
                        .chars()
                        .next()
                        .is_some_and(|f| s.g.words.has_char(WordList::Deictic, f))
            };
            // (and the words between name the unit: no verb or adverb of the sentence, as in
            // 湖南建工集团|承建|长沙机场有限公司, unless it is one character the segmenter cut from
            // a transliterated name: 阿尔哈/nrt 达/v)
            let no_verb = |q: usize| {
                let between: Vec<&crate::model::Token> = s
                    .tokens
                    .iter()
                    .filter(|t| t.span.start >= q && t.span.end <= pos)
                    .collect();
                between.iter().enumerate().all(|(i, t)| {
                    let cut = t.span.len() == 1 && i > 0 && between[i - 1].tag.starts_with('n');
                    let verb = (t.tag.starts_with('v') && t.tag != "vn") || t.tag.starts_with('d');
                    !verb || cut
                })
            };
            // (a company that ends in a group word itself is the group's peer: 中国集邮总公司
            // 中国金币总公司 are two)
            let peer = |q: usize| s.g.words.ends_any(WordList::GroupWord, &s.slice(&(q..e)));
            (pos.saturating_sub(12).max(s.span.start + 1)..pos).find(|&q| {
                org_ending(q).is_some_and(|c| c.class == Class::Company && group(c))
                    && (q..pos).all(|i| is_han(s.ch(i)))
                    && name_words(q, pos)
                    && no_verb(q)
                    && !peer(q)
            })
        })
        .flatten();
    // a company named between its place and its legal form (宁夏为民阳光牧业有限责任公司): all the
    // words between are its name
    let company_area = (legal_form && group_end.is_none())
        .then(|| {
            places
                .iter()
                .filter(|p| p.end < pos && pos - p.end <= 12 && (p.end..pos).all(|i| is_han(s.ch(i))))
                .max_by_key(|p| p.end)
        })
        .flatten()
        .filter(|p| name_words(p.end, pos))
        .cloned();
    if let Some(q) = group_end {
        pos = q;
        seg.span.start = q;
        material_tokens += 1;
        proper = true;
    }
    if let Some(p) = company_area {
        pos = p.end;
        seg.span.start = p.end;
        material_tokens += 1;
        proper = true;
    } else if let Some((start, place)) = legal_form.then(|| bracketed_place(s, pos, places)).flatten() {
        // 富世华全能(常州)机械有限公司: a place in brackets inside the name, which is written whole
        let _ = place;
        seg.span.start = start;
        seg.body = start..e;
        return Some(make(s, vec![seg], start, e, head.class, 2.5));
    }
    loop {
        // a parent organisation directly before (市人民医院 + 感染科)
        // (a company named by its trade before its legal form is one name: 四合药业 + 科技有限公司)
        let trade = |p: &Candidate| legal_form && p.class == Class::Company && s.ch(p.span.end - 1) == '业';
        if let Some(p) = org_ending(pos).filter(|p| !trade(p)) {
            if let Detail::Org(segs) = &p.detail {
                let mut segs = segs.clone();
                // 市纪委监委驻市住建局纪检组: the organisation before 驻 leads the chain
                if segs.len() == 1 && p.span.start > s.span.start + 1 && s.ch(p.span.start - 1) == '驻' {
                    if let Some(Detail::Org(first)) = org_ending(p.span.start - 1).map(|q| &q.detail) {
                        segs[0].joiner = Some("驻".into());
                        let mut joined = first.clone();
                        joined.extend(segs);
                        segs = joined;
                    }
                }
                parent = Some(segs);
            } else {
                parent = Some(vec![OrgSegment {
                    span: p.span.clone(),
                    area: None,
                    party_prefix: false,
                    unit: None,
                    body: p.span.clone(),
                    joiner: None,
                }]);
            }
            seg.area = Some(Area::Org(p.span.clone()));
            break;
        }
        // an area: a place, possibly after 中共 (中共北京市委)
        if let Some(p) = places.iter().filter(|p| p.end == pos).max_by_key(|p| p.end - p.start) {
            seg.area = Some(Area::Place(p.clone()));
            seg.span.start = p.start;
            let mut start = p.start;
            // stacked areas (河南省鹤壁市) belong to the name
            while let Some(q) = places.iter().find(|q| q.end == start) {
                start = q.start;
            }
            seg.span.start = start;
            if s.ends_with_at(start, "中共") {
                seg.party_prefix = true;
                seg.span.start = start - 2;
            }
            // an organisation before the area is the parent (市公安局 + 淇滨区分局)
            if let Some(Detail::Org(segs)) = org_ending(seg.span.start).map(|p| &p.detail) {
                if head.needs_parent {
                    parent = Some(segs.clone());
                }
            }
            break;
        }
        // a pronoun of the home area (我市首批援鄂医疗队) is its scope
        if let Some(c) = home_pronoun(s, pos) {
            seg.area = Some(Area::Scope(c));
            seg.span.start = pos - 2;
            break;
        }
        // a scope character (市住建局, 县人民医院)
        if pos > s.span.start {
            let c = s.ch(pos - 1);
            if s.g.words.has_char(WordList::ScopeCharacter, c)
                && !is_bound_before(s, pos - 1)
                && (head.unit.is_some() || material_tokens > 0)
            {
                seg.area = Some(Area::Scope(c));
                seg.span.start = pos - 1;
                if s.ends_with_at(pos - 1, "中共") {
                    seg.party_prefix = true;
                    seg.span.start = pos - 3;
                }
                break;
            }
        }
        // 驻: 市纪委监委驻市住建局纪检组 — handled by the segment before 驻 being an organisation
        // name material
        let Some(t) = s.token_ending(pos) else { break };
        let word = s.slice(&t.span);
        if material_tokens >= 6 || head.start - t.span.start > 16 {
            break;
        }
        // the segmenter's guesses at unknown words (应邀参加/nr, 为鹤/nr) are no name material
        let oov = !s.seg.has_word(&word);
        let guessed = t.tag.starts_with("nr")
            && oov
            && (word.chars().count() >= 4
                || word
                    .chars()
                    .next()
                    .is_some_and(|c| s.g.words.has_char(WordList::FunctionCharacter, c)));
        // a classifier after a number (4家) and generic words (单位, 部门) are no name material
        let classifier = word.chars().count() == 1 && s.token_ending(t.span.start).is_some_and(|p| p.tag == "m");
        let generic = s.g.words.has(WordList::AreaGeneric, &word) || generic(s, &word);
        let person_word = s
            .titles
            .iter()
            .any(|h| h.end == pos && s.g.titles[h.what].kind == crate::gazetteer::TitleKind::Person);
        let titled = !person_word && s.titles.iter().any(|h| h.end == pos);
        let clean = word.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric());
        // an unknown word glued to a function word or a classifier (为鹤煤, 4家新冠): its tail is
        // name material, and the name starts there
        let first = word.chars().next().unwrap_or(' ');
        let after_number = s.token_ending(t.span.start).is_some_and(|p| p.tag == "m");
        // the segmenter glued the scope to the name (市新冠 肺炎…指挥部): split it off
        if oov
            && clean
            && word.chars().count() >= 2
            && s.g.words.has_char(WordList::ScopeCharacter, first)
            && !matches!(first, '镇' | '乡')
            && !is_bound_before(s, t.span.start)
        {
            material_tokens += 1;
            seg.area = Some(Area::Scope(first));
            seg.span.start = t.span.start;
            break;
        }
        if oov
            && clean
            && !titled
            && word.chars().count() >= 3
            && (s.g.words.has_char(WordList::FunctionCharacter, first)
                || (after_number && s.g.words.has_char(WordList::Classifier, first)))
        {
            pos = t.span.start + 1;
            seg.span.start = pos;
            material_tokens += 1;
            proper = true;
            break;
        }
        let verb = false;
        // a company's name (宁夏为民阳光牧业有限责任公司, 吉林省誉能科技有限公司) is whatever
        // words stand between its place and its legal form, but for the words that join it to the
        // sentence (在, 向, 和, 的, numbers, pronouns, adverbs)
        let company_word = legal_form
            && clean
            && !titled
            && !matches!(t.tag.chars().next(), Some('p' | 'c' | 'u' | 'r' | 'q' | 'x' | 'w'))
            // (a verb or adverb only where the segmenter misreads name characters: 白音呼布/v 矿业,
            // 吉林一正/d 参力元酒业 — a rare word, not 抽调)
            && !(matches!(t.tag.chars().next(), Some('v' | 'd' | 'm'))
                && (word.chars().count() == 1 || !s.rare_word(&t.span))
                && t.tag != "m");
        let person_headed = matches!(t.tag.as_str(), "nr" | "nrfg" | "nrt")
            && word.chars().count() >= 2
            && material_tokens == 0
            && head.unit.is_some();
        let allowed = company_word
            || (!guessed
                && !classifier
                && !generic
                && (material_tag(&t.tag)
                    || s.g.words.has(WordList::NameVerb, &word)
                    || ordinal(s, &word)
                    || verb
                    || person_word)
                && clean
                && !titled
                && !person_headed);
        if !allowed {
            break;
        }
        verb_material |= verb && !material_tag(&t.tag) && !s.g.words.has(WordList::NameVerb, &word);
        // a word the dictionary does not know (天海, 同心圆 joined by the HMM) is a name part
        let n = word.chars().count();
        proper |= proper_tag(&t.tag) || ordinal(s, &word) || (!s.seg.has_word(&word) && (2..=3).contains(&n));
        material_tokens += 1;
        pos = t.span.start;
        seg.span.start = pos;
    }
    seg.body = body_after_area(s, &seg, head);
    let body_len = seg.body.len();
    let head_word = s.slice(&(head.start..e));
    match (&seg.area, parent) {
        (Some(Area::Place(_)), Some(mut chain)) => {
            let start = chain.first().map_or(seg.span.start, |f| f.span.start);
            chain.push(seg);
            Some(make(s, chain, start, e, head.class, 2.6))
        }
        (Some(Area::Org(_)), Some(mut chain)) => {
            // a parent organisation: the sub-unit needs some body of its own
            if body_len == 0 {
                return None;
            }
            let start = chain.first().map_or(seg.span.start, |f| f.span.start);
            let start = start.min(seg.span.start);
            chain.push(seg);
            Some(make(s, chain, start, e, head.class, 2.6))
        }
        (Some(_), _) => {
            // an area or scope: needs a standard body, or name material before the suffix
            if head.unit.is_none() && material_tokens == 0 && s.g.words.has(WordList::AreaGeneric, &head_word) {
                return None;
            }
            // a bare one-character suffix after an area names nothing (北京市局), but for a team
            // named after its place (江苏队)
            if head.unit.is_none() && material_tokens == 0 && head_word.chars().count() < 2 && head_word != "队" {
                return None;
            }
            let start = seg.span.start;
            let scope = matches!(seg.area, Some(Area::Scope(_)));
            let c = make(s, vec![seg], start, e, head.class, 2.5);
            Some(if scope { c.with_form(Form::Implicit) } else { c })
        }
        (None, _) if verb_material => None,
        (None, _) => {
            let last = s.token_ending(e);
            let last_word = last.map(|t| s.slice(&t.span)).unwrap_or_default();
            // a generic word (公共场所/nt, 党员干部) names nothing, however the dictionary tags it
            let whole = last.is_some_and(|t| t.span.start == seg.span.start);
            if s.g.words.ends_any(WordList::OrgGenericEnding, &last_word) && (!proper || whole) {
                return None;
            }
            // a suffix after a number is a measure word (３８４３处, ４４３所)
            if s.token_ending(head.start)
                .is_some_and(|t| t.tag == "m" && !ordinal(s, &s.slice(&t.span)))
            {
                return None;
            }
            if let Some(u) = head.unit {
                // a standard body without area (住建局): the article's own, if any
                let unit = &s.g.org_units[u];
                let word_len = head_word.chars().count();
                if material_tokens > 0 || word_len < 3 && !matches!(unit.class, Class::Other) || word_len < 2 {
                    return None;
                }
                let start = seg.span.start;
                let mut seg = seg;
                seg.area = Some(Area::Scope('*'));
                return Some(make(s, vec![seg], start, e, head.class, 1.0).with_form(Form::Implicit));
            }
            if material_tokens == 0 {
                // a bare word (指挥部) may stand for an organisation named before it
                return (head_word.chars().count() >= 3 && !generic(s, &head_word))
                    .then(|| make(s, vec![seg.clone()], head.start, e, head.class, 0.4).with_form(Form::Nominal));
            }
            let start = seg.span.start;
            let specific = proper || (material_tokens >= 3 && head.class == Class::Team && !head.needs_parent);
            let c = make(s, vec![seg], start, e, head.class, if specific { 2.0 } else { 0.5 });
            Some(if specific { c } else { c.with_form(Form::Nominal) })
        }
    }
}

/// A company's name written with its place in brackets (富世华全能(常州)机械, 伟日(山东)生物科技)
/// that ends at `pos`: where the name begins (after a separator, a locative or the start of the
/// sentence), and the place.
fn bracketed_place(s: &SentenceContext<'_>, pos: usize, places: &[Span]) -> Option<(usize, Span)> {
    let mut close = pos;
    while close > s.span.start && pos - close < 6 && is_han(s.ch(close - 1)) {
        close -= 1;
    }
    if close == s.span.start || s.ch(close - 1) != ')' {
        return None;
    }
    let open = (close.saturating_sub(8).max(s.span.start)..close - 1)
        .rev()
        .find(|&i| s.ch(i) == '(')?;
    let place = places
        .iter()
        .find(|p| p.start == open + 1 && p.end == close - 1)?
        .clone();
    // the name's words before the bracket: back over words of a name, not into the locative, verb or
    // name before it (先后到|华丰顺, the segmenter's 到华/j read as 到 + 华)
    let mut start = open;
    while start > s.span.start && open - start < 8 {
        let Some(t) = s.token_ending(start) else { break };
        let first = s.ch(t.span.start);
        if t.span.len() >= 2 && s.g.words.has_char(WordList::GluedLocative, first) {
            start = t.span.start + 1;
            break;
        }
        let joining = matches!(
            t.tag.chars().next(),
            Some('v' | 'p' | 'd' | 't' | 'c' | 'u' | 'r' | 'm' | 'q' | 'x')
        );
        if joining || t.tag.starts_with("nr") || !s.chars(&t.span).iter().all(|&c| is_han(c)) {
            break;
        }
        start = t.span.start;
    }
    (open - start >= 2).then_some((start, place))
}

/// 我市 / 本市 / 该市 (→ 市), 我县, 我区, 我省 ending at `pos`: the scope character they stand for.
fn home_pronoun(s: &SentenceContext<'_>, pos: usize) -> Option<char> {
    if pos < s.span.start + 2 || !s.g.words.has_char(WordList::Deictic, s.ch(pos - 2)) {
        return None;
    }
    let c = s.ch(pos - 1);
    (s.g.words.has_char(WordList::ScopeCharacter, c) && !matches!(c, '镇' | '乡')).then_some(c)
}

/// 第四, 第十五 — an ordinal names (第四救援队); a bare number counts (３８４３处).
fn ordinal(s: &SentenceContext<'_>, word: &str) -> bool {
    let w = &s.g.words;
    let mut chars = word.chars();
    let first = chars.next();
    let rest: Vec<char> = chars.collect();
    let numeral = |c: &char| w.has_char(WordList::Numeral, *c) || c.is_ascii_digit();
    let unit = |c: &char| w.has_char(WordList::OrdinalUnit, *c);
    match first {
        Some('第') => {
            !rest.is_empty()
                && rest.iter().take_while(|c| numeral(c)).count() >= 1
                && rest.iter().skip_while(|c| numeral(c)).all(unit)
        }
        // 首批, 首届
        Some('首') => rest.len() == 1 && unit(&rest[0]),
        _ => false,
    }
}

fn body_after_area(s: &SentenceContext<'_>, seg: &OrgSegment, head: &Head) -> Span {
    // a home pronoun (我市) takes two characters
    let pronoun = s.g.words.has_char(WordList::Deictic, s.ch(seg.span.start));
    let start = match &seg.area {
        Some(Area::Place(p)) => p.end,
        Some(Area::Scope(_)) if seg.span.start < head.start => {
            seg.span.start + if pronoun { 2 } else { 1 } + if seg.party_prefix { 2 } else { 0 }
        }
        Some(Area::Org(p)) => p.end.max(seg.span.start),
        _ => seg.span.start,
    };
    start.min(seg.span.end)..seg.span.end
}

fn make(
    s: &SentenceContext<'_>,
    chain: Vec<OrgSegment>,
    start: usize,
    end: usize,
    class: Class,
    score: f32,
) -> Candidate {
    Candidate::new(start..end, s.index, EntityKind::Organisation, class, Detail::Org(chain)).with_score(score)
}

/// `指挥部下设综合组、联防联控组…`: sub-units listed after 下设 get the organisation before it as
/// their parent (a chain whose first segments lie elsewhere in the sentence).
fn attach_listed_units(s: &SentenceContext<'_>, found: &mut [Candidate]) {
    for p in s.span.start..s.span.end.saturating_sub(1) {
        let Some(verb_len) =
            s.g.words
                .iter(WordList::ParentVerb)
                .find(|v| s.at(p, v))
                .map(|v| v.chars().count())
        else {
            continue;
        };
        let Some(parent) = found
            .iter()
            .filter(|c| c.span.end == p)
            .max_by_key(|c| c.len())
            .cloned()
        else {
            continue;
        };
        let mut cursor = p + verb_len;
        let mut order: Vec<usize> = (0..found.len()).filter(|&i| found[i].span.start >= cursor).collect();
        order.sort_by_key(|&i| (found[i].span.start, std::cmp::Reverse(found[i].len())));
        for i in order {
            let c = &found[i];
            if c.span.start < cursor {
                continue;
            }
            let gap = s.slice(&(cursor..c.span.start));
            let joining = |ch: char| {
                matches!(ch, ',' | '(' | ')') || s.g.markers.is(MarkerRole::Separator, ch.encode_utf8(&mut [0; 4]))
            };
            if !(gap.chars().all(joining) || gap.starts_with('(') || gap.is_empty()) {
                break;
            }
            if let Detail::Org(own) = &c.detail {
                if own.len() == 1 && own[0].area.is_none() {
                    let mut seg = own[0].clone();
                    seg.area = Some(Area::Org(parent.span.clone()));
                    let chain = vec![seg];
                    let c = &mut found[i];
                    c.detail = Detail::Org(chain);
                    c.form = Form::Name;
                    c.score = c.score.max(2.0);
                }
            }
            cursor = found[i].span.end;
            // skip a bracketed alias: 综合组(信息排查组)
            if s.ch(cursor) == '(' {
                if let Some(close) = (cursor..s.span.end).find(|&k| s.ch(k) == ')') {
                    cursor = close + 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::recognized;

    fn orgs(text: &str) -> Vec<String> {
        recognized(text).into_iter().filter(|m| m.starts_with("ORG")).collect()
    }

    #[test]
    fn a_unit_named_after_its_group_is_a_unit_of_it() {
        use crate::model::RelationKind::SubOrganizationOf;
        use crate::testing::{extract, relations};
        // (the unit, its group): a group's unit before a legal form or a trade word, in 湖南,
        // 河南, 云南, 甘肃, 陕西, 广西, 四川
        let table = [
            ("湖南黄金集团辰州矿业", "湖南黄金集团"),
            ("河南能源集团永煤矿业", "河南能源集团"),
            ("云南锡业集团大屯矿业", "云南锡业集团"),
            ("甘肃酒钢集团宏兴矿业", "甘肃酒钢集团"),
            ("陕西延长石油集团榆林炼化有限公司", "陕西延长石油集团"),
            ("广西北部湾港集团钦州港务有限公司", "广西北部湾港集团"),
            ("四川能投集团攀枝花水电有限公司", "四川能投集团"),
        ];
        for (unit, group) in table {
            let text = format!("在{unit}调研。");
            let x = extract(&text);
            let found = relations(&x, SubOrganizationOf);
            assert!(found.contains(&format!("{unit} {group}")), "{text}: {found:?}");
        }
        // a group's own legal form, or a trade before one, is one name (no unit, no group); a
        // verb between is the sentence's, and two groups side by side are peers
        for text in [
            "河南鹤壁煤业集团有限责任公司发布消息。",
            "宁夏为民阳光牧业有限责任公司发展很快。",
            "湖南建工集团承建长沙机场有限公司航站楼。",
            "中国建材总公司中国玻璃总公司联合发布消息。",
        ] {
            let x = extract(text);
            assert_eq!(relations(&x, SubOrganizationOf), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_standard_body_after_its_area_is_named() {
        assert!(orgs("鹤壁市住建局召开会议。").contains(&"ORG Name 鹤壁市住建局".to_owned()));
    }

    #[test]
    fn a_standard_body_without_area_is_an_implicit_reference() {
        assert!(orgs("市住建局召开会议。").contains(&"ORG Implicit 市住建局".to_owned()));
    }

    #[test]
    fn a_dictionary_organisation_that_begins_with_its_place_is_one_name() {
        assert_eq!(orgs("英国工党领袖说。"), vec!["ORG Name 英国工党"]);
        assert_eq!(orgs("上海证券交易所今天开市。"), vec!["ORG Name 上海证券交易所"]);
        // a dictionary word beginning with a place that ends like no organisation stays a place
        assert_eq!(orgs("美国市场需求旺盛。"), Vec::<String>::new());
    }

    #[test]
    fn a_kind_of_institution_is_no_name() {
        // generic nouns that end like organisations, whatever the dictionary tags them
        assert_eq!(orgs("国有商业银行和上市公司要加强管理。"), Vec::<String>::new());
        assert_eq!(orgs("坚持和平共处五项原则,走向国际舞台。"), Vec::<String>::new());
        // but a bank with a name of its own is one
        assert_eq!(orgs("中国工商银行宣布。"), vec!["ORG Name 中国工商银行"]);
    }

    #[test]
    fn an_abbreviation_after_its_place_is_one_organisation() {
        assert_eq!(orgs("中国剧协主席说。"), vec!["ORG Name 中国剧协"]);
        assert_eq!(orgs("河南农大的学生"), vec!["ORG Name 河南农大"]);
        // a count or an event after a place is none
        assert_eq!(orgs("评出中国十大新闻。"), Vec::<String>::new());
        assert_eq!(orgs("维也纳音乐会开幕。"), Vec::<String>::new());
    }

    #[test]
    fn a_title_that_ends_like_an_organisation_is_no_part_of_one() {
        // 委 of 常委 and of 政委 is the title's, not a committee's
        assert_eq!(orgs("现任全国政协常委。"), vec!["ORG Name 全国政协"]);
        assert_eq!(orgs("他曾任北京军区政委。"), vec!["ORG Name 北京军区"]);
    }

    #[test]
    fn gazetteer_organisations_are_found() {
        assert!(orgs("国务院召开常务会议。").contains(&"ORG Name 国务院".to_owned()));
        // a ministry whose name ends like a province (大藏省) is no place
        assert_eq!(orgs("日本大藏省宣布。"), vec!["ORG Name 日本大藏省"]);
    }

    #[test]
    fn a_suffix_character_that_begins_a_noun_ends_no_name() {
        assert_eq!(orgs("交通运输部门和公安部门加强管理。"), Vec::<String>::new());
    }

    #[test]
    fn a_particle_before_a_verb_is_no_suffix() {
        assert_eq!(
            orgs("党员第一时间联系所居住社区的党组织。")
                .iter()
                .filter(|m| m.contains('所'))
                .count(),
            0
        );
    }

    #[test]
    fn a_bare_headquarters_word_is_a_nominal_reference() {
        assert!(orgs("指挥部下设综合组。").contains(&"ORG Nominal 指挥部".to_owned()));
    }
}
