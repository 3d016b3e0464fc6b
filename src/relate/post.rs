//! Posts and heads from role phrases: ORG TITLE NAME (市纪委监委驻市住建局纪检组组长吴福生), TITLE
//! NAME with the organisation implied by the title (市长郭浩 → 鹤壁市人民政府), chains that give one
//! person several posts (市人社局党组书记、局长张国富), bylines (□本报记者 尹新婷 范鑫), TITLE任TITLE
//! (由市委书记任政委…的指挥部: the holder of the first title takes the second), copulas
//! (王新国、张晓霞是市人民医院的一对医生), 作为 ORG TITLE, and 派驻.

use super::{Item, Relating};
use crate::gazetteer::{Gazetteer, Level, MarkerRole, Title, WordList, render};
use crate::model::{Class, Entity, EntityKind, MentionForm, RelationKind, SentenceKind};
use crate::segment::lexicon::suffix_at;
use indexmap::IndexSet;

/// Titles that make a member rather than a post holder (组员: `words.tsv` member-title).
fn member_title(g: &Gazetteer, t: &str) -> bool {
    g.words.has(WordList::MemberTitle, t)
}

/// The organisation a party organ's title names after a place (党支部书记 → {}党支部; the 党委 of a
/// place is its party committee, 中共{}委员会).
fn organ_template(g: &Gazetteer, title: &str) -> Option<String> {
    let organ = g
        .words
        .iter(WordList::PartyOrgan)
        .find(|w| title.starts_with(w) && !w.ends_with("工委") && *w != "党组")?;
    Some(if organ == "党委" {
        "中共{}委员会".to_owned()
    } else {
        format!("{{}}{organ}")
    })
}

/// What a party organ's name names before the organ (新开区 of 新开区党工委), if anything.
fn organ_owner<'n>(g: &Gazetteer, name: &'n str) -> Option<&'n str> {
    g.words
        .iter(WordList::PartyOrgan)
        .find_map(|x| name.strip_suffix(x))
        .filter(|owner| owner.chars().count() >= 2)
}

/// A party organ written at the end of an organisation's name (…党组, …党委).
fn party_organ(g: &Gazetteer, name: &str) -> bool {
    g.words.ends_any(WordList::PartyOrgan, name)
}

pub fn posts(r: &mut Relating<'_>) {
    for s in 0..r.ctx.len() {
        let people: Vec<Item> = r.items[s]
            .iter()
            .filter(|i| i.kind == EntityKind::Person && i.form == MentionForm::Name)
            .cloned()
            .collect();
        // the chain and the last organisation of the person before, for the lists of people
        let mut before: Option<Listed> = None;
        for (k, p) in people.iter().enumerate() {
            let mut chain = title_chain(r, s, p.span.start);
            if chain.is_empty() && matches!(r.ctx[s].kind, SentenceKind::Byline | SentenceKind::Caption) {
                chain = byline_chain(r, s, &people[..k], p.span.start);
            }
            let chain_start = p.span.start - chain_len(r, s, p.span.start);
            let listed = before.as_ref().filter(|Listed(end, _, _, _)| {
                *end < chain_start && crate::grammar::coordination::joined(&r.ctx[s], *end, chain_start)
                    || (*end < chain_start && r.ctx[s].ch(*end) == ',' && *end + 1 == chain_start)
            });
            // 副县长A、B: the names listed after a titled one share its titles; 市政协主席A,副主席B:
            // a bare title after a titled person is of the same organisation
            let (chain, inherited, area) = match listed {
                Some(Listed(_, prev_chain, _, area)) if chain.is_empty() && r.ctx[s].ch(chain_start - 1) != ',' => {
                    (prev_chain.clone(), None, *area)
                }
                // (衡南县委书记A,县委副书记、县长B: the county of the list's first is B's too)
                Some(Listed(_, _, prev_org, area)) => (chain, *prev_org, *area),
                None => (chain, None, None),
            };
            let (last, chain_area) = emit(r, s, p.entity, &chain, inherited, area);
            before = Some(Listed(p.span.end, chain, last, chain_area));
        }
        copula(r, s);
        as_title(r, s);
        seconded(r, s);
    }
    // 由…任…的 names its holders by their posts, which may be told later in the article
    for s in 0..r.ctx.len() {
        appointed(r, s);
    }
}

/// A person of a list as the next one sees it: where the name ends, its title chain, the last
/// organisation and the area of that chain.
struct Listed(usize, Vec<Link>, Option<usize>, Option<usize>);

/// One title of a chain and the organisation written before it.
#[derive(Debug, Clone)]
struct Link {
    title: usize,
    text: String,
    org: Option<usize>,
    /// the organisation is a place (浚县县委书记)
    org_is_place: bool,
    /// a department of the committee the chain names before it (组织部 in 市委常委、组织部部长):
    /// the template of its canonical name (中共{}委组织部)
    department: Option<String>,
    /// a body written bare before the title, whose area the chain gives (管委会 in
    /// 开发区党工委书记、管委会主任; 公安局 of 副市长、公安局长): the standard body, if it is one, and
    /// the text as written
    bare: Option<(Option<usize>, String)>,
}

/// Titles (with their organisations) standing right before position `start`, left to right.
fn title_chain(r: &Relating<'_>, s: usize, start: usize) -> Vec<Link> {
    let sc = &r.ctx[s];
    let mut pos = start;
    if pos > sc.span.start && sc.ch(pos - 1) == ' ' {
        pos -= 1;
    }
    let mut out = Vec::new();
    while let Some(t) = sc.titles.iter().find(|t| t.end == pos) {
        let org = org_before(r, s, t.start, t.end);
        let department = if org.is_none() {
            committee_department(r, s, t.start)
        } else {
            None
        };
        let bare = if org.is_none() && department.is_none() {
            bare_body(r, s, t.start, t.end)
        } else {
            None
        };
        // (a body contracted with its title is written with it: 公安局长, 组织部长)
        let contracted = bare
            .as_ref()
            .filter(|(start, _, written)| start + written.chars().count() > t.start);
        // (and so is a department of the committee: 宣传部长)
        let contracted_department = department
            .as_ref()
            .filter(|(tpl, len)| {
                let written: String = sc.slice(&(t.start - len..t.start));
                !r.g.org_units
                    .iter()
                    .filter(|u| &u.full == tpl)
                    .flat_map(|u| u.short.iter())
                    .any(|a| a.ends_with(&written))
            })
            .map(|(_, len)| t.start - len);
        let text = match (contracted, contracted_department) {
            (Some((start, _, _)), _) => sc.slice(&(*start..t.end)),
            (None, Some(start)) => sc.slice(&(start..t.end)),
            (None, None) => sc.slice(&(t.start..t.end)),
        };
        out.push(Link {
            title: t.what,
            text,
            org: org.as_ref().map(|o| o.entity),
            org_is_place: org.as_ref().is_some_and(|o| o.kind == EntityKind::Place),
            department: department.as_ref().map(|(tpl, _)| tpl.clone()),
            bare: bare.as_ref().map(|(_, unit, text)| (*unit, text.clone())),
        });
        pos = match (&org, &department, &bare) {
            (Some(o), _, _) => o.span.start.min(t.start),
            (None, Some((_, len)), _) => t.start - len,
            (None, None, Some((start, _, _))) => *start,
            (None, None, None) => t.start,
        };
        if pos > sc.span.start + 1 && matches!(sc.ch(pos - 1), '、' | ',') && sc.titles.iter().any(|t| t.end == pos - 1)
        {
            pos -= 1;
            continue;
        }
        // (two titles of one holder joined: 副主席兼秘书长)
        if let Some(n) =
            sc.g.markers
                .ending(MarkerRole::TitleJoiner, sc.text, sc.span.start, pos)
        {
            if sc.titles.iter().any(|t| t.end == pos - n) {
                pos -= n;
                continue;
            }
        }
        break;
    }
    out.reverse();
    out
}

/// How many characters the title chain before `start` takes (0: none).
fn chain_len(r: &Relating<'_>, s: usize, start: usize) -> usize {
    let sc = &r.ctx[s];
    let mut pos = start;
    while let Some(t) = sc.titles.iter().find(|t| t.end == pos) {
        pos = t.start;
        // (and the organisation or place written before the title)
        if let Some(o) = r.items[s]
            .iter()
            .find(|x| x.span.end == pos && x.kind != EntityKind::Person)
        {
            pos = o.span.start;
        }
        if pos > sc.span.start + 1 && sc.ch(pos - 1) == '、' && sc.titles.iter().any(|t| t.end == pos - 1) {
            pos -= 1;
        } else if let Some(n) =
            sc.g.markers
                .ending(MarkerRole::TitleJoiner, sc.text, sc.span.start, pos)
                .filter(|&n| sc.titles.iter().any(|t| t.end == pos - n))
        {
            pos -= n;
        } else {
            break;
        }
    }
    start - pos
}

/// A department of a party committee written bare before a title (组织部 before 部长), after the
/// committee's own title (市委常委、): the template of the department's name and its length.
fn committee_department(r: &Relating<'_>, s: usize, t_start: usize) -> Option<(String, usize)> {
    let sc = &r.ctx[s];
    r.g.org_units
        .iter()
        .filter(|u| u.parent.as_deref() == Some("中共{}委员会"))
        .flat_map(|u| u.short.iter().filter_map(move |a| a.strip_prefix('委').map(|d| (u, d))))
        .filter_map(|(u, d)| {
            let n = d.chars().count();
            if n < 3 {
                return None;
            }
            if sc.ends_with_at(t_start, d) {
                return Some((u.full.clone(), n));
            }
            // contracted with its title: 宣传部长 is 宣传部 + 部长
            let last = d.chars().last()?;
            let head: String = d.chars().take(n - 1).collect();
            (sc.ch(t_start) == last && sc.ends_with_at(t_start, &head)).then(|| (u.full.clone(), n - 1))
        })
        .find(|(_, len)| {
            let before = t_start - len;
            before > sc.span.start + 1
                && sc.ch(before - 1) == '、'
                && sc
                    .titles
                    .iter()
                    .any(|t| t.end == before - 1 && r.g.titles[t.what].org.as_deref() == Some("中共{}委员会"))
        })
}

/// A body written bare right before a title, with nothing of its own to say where it is (管委会,
/// 党政办公室, 县委办, 公安局 of 公安局长 — the title's first character may be the body's last): where
/// it begins, the standard body it is (if one) and its text. It starts after a separator, a title
/// or the start of the sentence, and is at most eight characters.
fn bare_body(r: &Relating<'_>, s: usize, t_start: usize, t_end: usize) -> Option<(usize, Option<usize>, String)> {
    let sc = &r.ctx[s];
    // a standard body of the units table ending at the title (or at its first character)
    let unit = sc
        .units
        .iter()
        .filter(|u| u.end == t_start || (u.end == t_start + 1 && t_end > t_start + 1))
        .max_by_key(|u| u.end - u.start);
    let (start, end, unit) = match unit {
        Some(u) => (u.start, u.end, Some(u.what.0)),
        None => {
            // a word that ends organisations (管委会, 办公室, 党工委)
            let si = suffix_at(&sc.lex.org_suffixes, sc.text, t_start)?;
            (t_start - sc.lex.org_suffixes[si].len(), t_start, None)
        }
    };
    // what stands between the chain's previous link and the body is part of its name
    let open = (sc.span.start..start)
        .rev()
        .find(|&i| matches!(sc.ch(i), '、' | ',' | '(' | ' ') || sc.titles.iter().any(|t| t.end == i + 1))
        .map_or(sc.span.start, |i| i + 1);
    let begin = if unit.is_some() && open + 3 < start {
        start
    } else {
        open
    };
    if end - begin > 8 || !(begin..end).all(|i| crate::input::is_han(sc.ch(i))) || begin >= end {
        return None;
    }
    // (nothing of a name of its own: an organisation or place of the text is no bare body)
    if r.items[s].iter().any(|x| x.span.start < end && begin < x.span.end) {
        return None;
    }
    Some((begin, unit, sc.slice(&(begin..end))))
}

/// The organisation (or place, or pronoun) written right before a title, or ending inside it when
/// the title begins with the organisation's last word (市人社局党组 + 党组书记).
fn org_before(r: &Relating<'_>, s: usize, t_start: usize, t_end: usize) -> Option<Item> {
    r.items[s]
        .iter()
        .chain(r.nested[s].iter())
        .filter(|i| {
            matches!(
                i.kind,
                EntityKind::Organisation | EntityKind::Place | EntityKind::Checkpoint
            )
        })
        .filter(|i| i.span.end == t_start || (i.span.start < t_start && i.span.end > t_start && i.span.end < t_end))
        .max_by_key(|i| (i.span.end, i.span.len()))
        .cloned()
}

/// In a byline, names after the first take the title of the first (□本报记者 尹新婷 范鑫 王帅).
fn byline_chain(r: &Relating<'_>, s: usize, before: &[Item], start: usize) -> Vec<Link> {
    let sc = &r.ctx[s];
    let mut pos = start;
    for p in before.iter().rev() {
        let gap = sc.slice(&(p.span.end..pos));
        if !gap.chars().all(|c| c == ' ' || c == '、') {
            break;
        }
        let chain = title_chain(r, s, p.span.start);
        if !chain.is_empty() {
            return chain;
        }
        pos = p.span.start;
    }
    Vec::new()
}

/// Record the posts (and heads) of a chain for a person.
fn emit(
    r: &mut Relating<'_>,
    s: usize,
    person: usize,
    chain: &[Link],
    inherited: Option<usize>,
    listed_area: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    // (the organisation of the person before, for a title that implies no body of its own:
    // 市政协主席A,副主席B)
    let mut previous_org: Option<usize> =
        inherited.filter(|_| chain.first().is_some_and(|l| r.g.titles[l.title].org.is_none()));
    // the area the chain has given so far (菏泽经济开发区 of 菏泽经济开发区党工委书记、管委会主任)
    let mut chain_area: Option<usize> = None;
    // a title of the level of the area of the list it stands in is of that area
    let listed = |r: &Relating<'_>, title: &Title| {
        let level = title.scope?;
        let a = listed_area?;
        let code = r.entities[a].division_code.as_deref()?;
        let area_level = crate::gazetteer::Level::of_code(code)?;
        // (a county-level city is the 市 of 市政协主席 after 禹城市委书记A、)
        let county_city = level == crate::gazetteer::Level::Prefecture
            && area_level == crate::gazetteer::Level::County
            && r.entities[a].name.ends_with('市');
        (area_level == level || county_city).then_some(a)
    };
    // the level of the committee the chain names (市委常委 → city), for its departments
    let committee = chain.iter().find_map(|l| r.g.titles[l.title].scope);
    for link in chain {
        let title = r.g.titles[link.title].clone();
        let organ = organ_template(r.g, &title.text).filter(|_| link.org_is_place && title.scope.is_none());
        let prev_parent = previous_org.and_then(|prev| parent_of(r, prev));
        let org = match link.org {
            None if link.department.is_some() && committee.is_some() => {
                let department = Title {
                    org: link.department.clone(),
                    scope: committee,
                    kind: crate::gazetteer::TitleKind::Party,
                    names_body: true,
                    ..title.clone()
                };
                implied_org(r, s, &department, None)
            }
            // 该村党支部书记: a party organ's title after a place is of that place's organ
            Some(place) if organ.is_some() => {
                let organ = Title {
                    org: organ.clone(),
                    names_body: true,
                    ..title.clone()
                };
                implied_org(r, s, &organ, Some(place))
            }
            Some(o) if !link.org_is_place || title.scope.is_none() => Some(o),
            Some(place) => implied_org(r, s, &title, Some(place)),
            None if link.bare.is_some() => {
                let (unit, written) = link.bare.clone().unwrap_or_default();
                // (政府 before 代理旗长: the body the title implies, named)
                let implied_unit = title
                    .org
                    .as_ref()
                    .and_then(|t| r.g.org_units.iter().position(|u| &u.full == t));
                if unit.is_some() && unit == implied_unit {
                    implied_org(
                        r,
                        s,
                        &Title {
                            names_body: true,
                            ..title.clone()
                        },
                        None,
                    )
                } else {
                    let area = chain_area.or_else(|| previous_org.and_then(|o| location_of(r, o)));
                    // (or the place a party organ before it is named by: 新开区 of 新开区党工委)
                    let owner = previous_org
                        .filter(|_| area.is_none())
                        .and_then(|o| organ_owner(r.g, &r.entities[o].name).map(str::to_owned));
                    bare_org(r, s, unit, &written, area, owner)
                }
            }
            None => match previous_org {
                // 旗人大党组书记、主任: the 主任 is of the body the party group belongs to, named or not
                Some(prev)
                    if title.kind != crate::gazetteer::TitleKind::Party && party_organ(r.g, &r.entities[prev].name) =>
                {
                    prev_parent.or_else(|| owner_org(r, s, prev)).or(Some(prev))
                }
                // 市公安局党委书记、局长: the 局长 is of the body the party committee belongs to
                Some(prev)
                    if title.kind != crate::gazetteer::TitleKind::Party
                        && title.scope.is_none()
                        && r.entities[prev].class == Class::Party
                        && prev_parent.is_some() =>
                {
                    prev_parent
                }
                Some(prev) if title.scope.is_none() && title.kind != crate::gazetteer::TitleKind::Media => Some(prev),
                _ => {
                    let area = listed(r, &title);
                    implied_org(r, s, &title, area)
                }
            },
        };
        let Some(org) = org else { continue };
        previous_org = Some(org);
        if chain_area.is_none() {
            chain_area = if r.entities[org].kind == EntityKind::Place {
                Some(org)
            } else {
                location_of(r, org)
            };
        }
        post(r, s, person, org, &title, &link.text);
    }
    (previous_org, chain_area)
}

/// The place an organisation is located in, by the facts read so far.
fn location_of(r: &Relating<'_>, org: usize) -> Option<usize> {
    r.relations
        .iter()
        .find(|x| x.subject == org && x.kind == RelationKind::Location)
        .map(|x| x.object)
}

/// The organisation of a bare body in a chain, in the chain's area (or the home area): 管委会 →
/// 菏泽经济开发区管委会, 公安局 → 黄冈市公安局, 县委办 → 中共绥宁县委办公室.
fn bare_org(
    r: &mut Relating<'_>,
    s: usize,
    unit: Option<usize>,
    written: &str,
    area: Option<usize>,
    owner: Option<String>,
) -> Option<usize> {
    let item = r.ctx[s].item;
    // the area: the chain's, or the home area of the level of a scope character written (县委办)
    let scoped = written
        .chars()
        .next()
        .and_then(|c| r.home.scope(item, c))
        .filter(|_| unit.is_some());
    let (area_name, area_entity) = match (scoped, area, owner) {
        (Some(d), _, _) => (r.g.divisions.items[d].name.clone(), None),
        (None, Some(a), _) => (r.entities[a].name.clone(), Some(a)),
        (None, None, Some(owner)) => (owner, None),
        (None, None, None) => {
            let d = r.home.nearest(item)?;
            (r.g.divisions.items[d].name.clone(), None)
        }
    };
    let (name, class, formal) = match unit.map(|u| &r.g.org_units[u]) {
        Some(u) => (
            render(&u.full, &area_name),
            u.class,
            u.formal.as_deref().map(|f| render(f, &area_name)),
        ),
        None => (
            format!("{area_name}{written}"),
            if written.contains('党') {
                Class::Party
            } else {
                Class::Government
            },
            None,
        ),
    };
    let mut aliases = IndexSet::new();
    aliases.insert(written.to_owned());
    if let Some(f) = formal {
        aliases.insert(f);
    }
    let org = r.entity(Entity {
        kind: EntityKind::Organisation,
        class,
        name: name.clone(),
        aliases: IndexSet::new(),
        key: crate::identity::organisation(&name),
        division_code: None,
    });
    for a in aliases {
        if a != r.entities[org].name {
            r.entities[org].aliases.insert(a);
        }
    }
    if let Some(a) = area_entity {
        r.add(org, RelationKind::Location, a, s);
    }
    Some(org)
}

fn post(r: &mut Relating<'_>, s: usize, person: usize, org: usize, title: &Title, text: &str) {
    if title.kind == crate::gazetteer::TitleKind::Person {
        return;
    }
    if member_title(r.g, &title.text) {
        r.add(person, RelationKind::MemberOf, org, s);
        return;
    }
    r.add(person, RelationKind::Post, org, s).title = Some(text.to_owned());
    // (a post in an area heads no organisation: heads are of organisations and checkpoints)
    if title.heads && r.entities[org].kind != EntityKind::Place {
        r.add(person, RelationKind::Leads, org, s).title = Some(title.text.clone());
    }
}

/// The organisation a title names by itself: 市长 → 鹤壁市人民政府, 记者 → the article's paper.
fn implied_org(r: &mut Relating<'_>, s: usize, title: &Title, place: Option<usize>) -> Option<usize> {
    if title.kind == crate::gazetteer::TitleKind::Media {
        return newspaper(r, s);
    }
    let item = r.ctx[s].item;
    let (area_name, area_entity, division) = match place {
        Some(p) => (r.entities[p].name.clone(), Some(p), None),
        None => {
            let level = title.scope?;
            if level == Level::Village {
                // the village the item last named (石桥村…村委会主任李保国)
                let v = recent_village(r, s)?;
                return implied_org(r, s, title, Some(v));
            }
            let d = r.home.area(item, level)?;
            let code = &r.g.divisions.items[d].code;
            // the area's entity, when the article names it
            let e = r
                .entities
                .iter()
                .position(|x| x.division_code.as_deref() == Some(code.as_str()));
            (r.g.divisions.items[d].name.clone(), e, Some(d))
        }
    };
    // 县领导A、B: a post in the area itself
    let area = |r: &mut Relating<'_>| area_entity.or_else(|| division.map(|d| division_entity(r, d)));
    if title.kind == crate::gazetteer::TitleKind::Leader {
        return area(r);
    }
    let template = title.org.clone()?;
    let name = render(&template, &area_name);
    // a body the title does not name and the text never does (县长 where no 县政府 is written):
    // the post stands in the area
    let key = crate::identity::organisation(&name);
    if !title.names_body && !r.entities.iter().any(|e| e.key == key) {
        return area(r);
    }
    let unit = r.g.org_units.iter().find(|u| u.full == template);
    let class = unit.map_or(
        if title.kind == crate::gazetteer::TitleKind::Party {
            Class::Party
        } else {
            Class::Government
        },
        |u| u.class,
    );
    let mut aliases = IndexSet::new();
    if let Some(f) = unit.and_then(|u| u.formal.as_deref()) {
        aliases.insert(render(f, &area_name));
    }
    // the body as the title writes it after its place (新寮镇 + 镇党委书记: 新寮镇党委)
    if let Some(written) = unit.and_then(|u| {
        u.short
            .iter()
            .filter_map(|a| title.text.find(a.as_str()).map(|i| &title.text[..i + a.len()]))
            .max_by_key(|w| w.len())
    }) {
        let last = area_name.chars().last();
        let body = match written.chars().next() {
            Some(c) if Some(c) == last => &written[c.len_utf8()..],
            _ => written,
        };
        if !body.is_empty() {
            aliases.insert(format!("{area_name}{body}"));
        }
    }
    aliases.shift_remove(&name);
    let org = r.entity(Entity {
        kind: EntityKind::Organisation,
        class,
        name: name.clone(),
        aliases: IndexSet::new(),
        key,
        division_code: None,
    });
    for a in aliases {
        if a != r.entities[org].name {
            r.entities[org].aliases.insert(a);
        }
    }
    if let Some(a) = area_entity {
        r.add(org, RelationKind::Location, a, s);
    } else if let Some(d) = division {
        r.implied_area.insert(org, d);
    }
    Some(org)
}

/// The entity of a division, named by the text or not.
fn division_entity(r: &mut Relating<'_>, d: usize) -> usize {
    let div = &r.g.divisions.items[d];
    r.entity(Entity {
        kind: EntityKind::Place,
        class: Class::Division,
        name: div.name.clone(),
        aliases: IndexSet::new(),
        key: crate::identity::division(&div.code),
        division_code: Some(div.code.clone()),
    })
}

/// The village most recently named in the item of sentence `s`, up to that sentence.
fn recent_village(r: &Relating<'_>, s: usize) -> Option<usize> {
    let item = r.ctx[s].item;
    (0..=s).rev().filter(|&k| r.ctx[k].item == item).find_map(|k| {
        r.items[k]
            .iter()
            .chain(r.nested[k].iter())
            .filter(|x| x.kind == EntityKind::Place)
            .filter(|x| {
                let e = &r.entities[x.entity];
                e.name.ends_with('村') && e.class == Class::Division
            })
            .max_by_key(|x| x.span.end)
            .map(|x| x.entity)
    })
}

/// The article's newspaper: the outlet of the item's dateline (梨树时报讯), else a paper the text
/// names (鹤壁日报), else the 本报 it speaks of.
fn newspaper(r: &Relating<'_>, s: usize) -> Option<usize> {
    let item = r.ctx[s].item;
    let media = |e: usize| r.entities[e].kind == EntityKind::Organisation && r.entities[e].class == Class::Media;
    let dateline = (0..r.ctx.len())
        .filter(|&k| r.ctx[k].item == item && r.ctx[k].kind == SentenceKind::Byline)
        .find_map(|k| r.items[k].iter().find(|x| media(x.entity)).map(|x| x.entity));
    dateline.or_else(|| {
        r.entities.iter().position(|e| {
            e.kind == EntityKind::Organisation
                && e.class == Class::Media
                && (r.g.words.ends_any(WordList::NewspaperEnding, &e.name)
                    || r.g.words.iter(WordList::ReferenceNewspaper).any(|x| e.name == x))
        })
    })
}

/// The organisation a party organ belongs to (市人社局 for 市人社局党组).
fn parent_of(r: &Relating<'_>, org: usize) -> Option<usize> {
    let name = &r.entities[org].name;
    r.g.words
        .iter(WordList::PartyOrgan)
        .find_map(|x| name.strip_suffix(x))
        .and_then(|owner| {
            r.entities
                .iter()
                .position(|e| e.kind == EntityKind::Organisation && e.name == owner)
        })
        .or_else(|| {
            r.relations
                .iter()
                .find(|x| x.subject == org && x.kind == RelationKind::SubOrganizationOf)
                .map(|x| x.object)
        })
}

/// The body a party organ belongs to by its name (东乌珠穆沁旗人大 of 东乌珠穆沁旗人大党组), made an
/// entity of the text where none was named.
fn owner_org(r: &mut Relating<'_>, s: usize, organ: usize) -> Option<usize> {
    let owner = organ_owner(r.g, &r.entities[organ].name)?.to_owned();
    let class = if owner.ends_with('委') {
        Class::Party
    } else {
        Class::Government
    };
    let org = r.entity(Entity {
        kind: EntityKind::Organisation,
        class,
        name: owner.clone(),
        aliases: IndexSet::new(),
        key: crate::identity::organisation(&owner),
        division_code: None,
    });
    if let Some(place) = location_of(r, organ) {
        r.add(org, RelationKind::Location, place, s);
    }
    Some(org)
}

/// The person holding a title in this document (马富国 for 市委书记).
fn holder(r: &Relating<'_>, title: &str) -> Option<usize> {
    r.relations
        .iter()
        .find(|x| x.kind == RelationKind::Post && x.title.as_deref() == Some(title))
        .map(|x| x.subject)
}

/// 由市委书记任政委、市长任指挥长的市新冠肺炎疫情防控工作指挥部: the holder of the first title takes
/// the second in the organisation after 的.
fn appointed(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let mut found = Vec::new();
    for t2 in &sc.titles {
        if t2.start < sc.span.start + 2 || sc.ch(t2.start - 1) != '任' {
            continue;
        }
        let Some(t1) = sc.titles.iter().find(|t| t.end == t2.start - 1) else {
            continue;
        };
        // the organisation after the next 的
        let Some(de) = (t2.end..sc.span.end).find(|&i| sc.ch(i) == '的') else {
            continue;
        };
        let Some(org) = r.items[s]
            .iter()
            .find(|i| i.span.start == de + 1 && i.kind == EntityKind::Organisation)
        else {
            continue;
        };
        found.push((
            sc.slice(&(t1.start..t1.end)),
            t2.what,
            sc.slice(&(t2.start..t2.end)),
            org.entity,
        ));
    }
    for (t1, t2, t2_text, org) in found {
        if let Some(person) = holder(r, &t1) {
            let title = r.g.titles[t2].clone();
            post(r, s, person, org, &title, &t2_text);
        }
    }
}

/// 王新国、张晓霞是市人民医院的一对医生夫妻: people, 是, an organisation, 的, a title.
fn copula(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let items = r.items[s].clone();
    for (k, org) in items.iter().enumerate() {
        if org.kind != EntityKind::Organisation
            || org.span.start < sc.span.start + 1
            || sc.ch(org.span.start - 1) != '是'
        {
            continue;
        }
        if sc.ch(org.span.end) != '的' {
            continue;
        }
        let Some(t) = sc
            .titles
            .iter()
            .find(|t| t.start > org.span.end && t.start <= org.span.end + 4)
        else {
            continue;
        };
        // the people before 是, separated by 、
        let mut people = Vec::new();
        let mut pos = org.span.start - 1;
        for p in items[..k].iter().rev() {
            if p.kind != EntityKind::Person || !sc.slice(&(p.span.end..pos)).chars().all(|c| c == '、') {
                break;
            }
            people.push(p.entity);
            pos = p.span.start;
        }
        let title = r.g.titles[t.what].clone();
        let text = sc.slice(&(t.start..t.end));
        for p in people {
            post(r, s, p, org.entity, &title, &text);
        }
    }
}

/// 作为市人民医院新冠肺炎救治专家组组员之一, 他…: the person is the one of the passage.
fn as_title(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let mut found = Vec::new();
    for i in sc.span.start..sc.span.end.saturating_sub(2) {
        if !sc.at(i, "作为") {
            continue;
        }
        let Some(org) = r.items[s]
            .iter()
            .find(|x| x.span.start == i + 2 && x.kind == EntityKind::Organisation)
        else {
            continue;
        };
        let Some(t) = sc
            .titles
            .iter()
            .find(|t| org.span.end >= t.start && org.span.end <= t.end && t.start >= org.span.start)
        else {
            continue;
        };
        // a name right after the title belongs to the ordinary rule
        if r.items[s]
            .iter()
            .any(|x| x.kind == EntityKind::Person && x.span.start == t.end)
        {
            continue;
        }
        let after = r.items[s]
            .iter()
            .find(|x| x.kind == EntityKind::Person && x.span.start > t.end)
            .map(|x| x.entity);
        let before = (0..=s).rev().take(2).find_map(|k| {
            r.items[k]
                .iter()
                .rev()
                .find(|x| x.kind == EntityKind::Person && (k < s || x.span.end <= i))
                .map(|x| x.entity)
        });
        if let Some(p) = after.or(before) {
            found.push((p, org.entity, t.what, sc.slice(&(t.start..t.end))));
        }
    }
    for (p, org, t, text) in found {
        let title = r.g.titles[t].clone();
        post(r, s, p, org, &title, &text);
    }
}

/// 区残联派驻该村第一书记张全军: the person sent is a member of the organisation sending them.
fn seconded(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let mut found = Vec::new();
    for i in sc.span.start..sc.span.end.saturating_sub(1) {
        if !sc.at(i, "派驻") && !sc.at(i, "选派") {
            continue;
        }
        let Some(org) = r.items[s]
            .iter()
            .find(|x| x.span.end == i && x.kind == EntityKind::Organisation)
        else {
            continue;
        };
        if let Some(p) = r.items[s]
            .iter()
            .find(|x| x.kind == EntityKind::Person && x.span.start > i)
        {
            found.push((p.entity, org.entity));
        }
    }
    for (p, org) in found {
        r.add(p, RelationKind::MemberOf, org, s);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::RelationKind;
    use crate::testing::{extract, relations};

    #[test]
    fn a_title_before_a_name_gives_a_post_and_a_head() {
        let x = extract("鹤壁市召开会议\n市委书记马富国讲话。");
        assert_eq!(
            relations(&x, RelationKind::Post),
            vec!["马富国 中共鹤壁市委员会 市委书记"]
        );
        assert_eq!(
            relations(&x, RelationKind::Leads),
            vec!["马富国 中共鹤壁市委员会 市委书记"]
        );
    }

    #[test]
    fn a_deputy_holds_a_post_but_heads_nothing() {
        let x = extract("鹤壁市召开会议\n副市长王志勇讲话。");
        assert_eq!(
            relations(&x, RelationKind::Post).len(),
            1,
            "{:?}",
            relations(&x, RelationKind::Post)
        );
        assert_eq!(relations(&x, RelationKind::Leads), Vec::<String>::new());
    }

    #[test]
    fn a_title_after_an_organisation_belongs_to_it() {
        let x = extract("鹤壁市召开会议\n鹤壁市人民医院院长王新国介绍情况。");
        let posts = relations(&x, RelationKind::Post);
        assert_eq!(posts, vec!["王新国 鹤壁市人民医院 院长"]);
    }

    #[test]
    fn a_bare_department_after_the_committee_title_is_the_committee_department() {
        let x = extract("鹤壁市召开会议\n市委常委、组织部部长周小明来到淇滨区。");
        let mut posts = relations(&x, RelationKind::Post);
        posts.sort();
        assert_eq!(
            posts,
            vec!["周小明 中共鹤壁市委员会 市委常委", "周小明 中共鹤壁市委组织部 部长"]
        );
    }

    #[test]
    fn the_chief_after_a_bureau_party_secretary_heads_the_bureau() {
        let x = extract("鹤壁市召开会议\n市公安局党委书记、局长赵刚讲话。");
        let leads = relations(&x, RelationKind::Leads);
        assert!(leads.contains(&"赵刚 鹤壁市公安局 局长".to_owned()), "{leads:?}");
        // the committee's formal name renders the bureau's name once
        let committee = x
            .entities
            .iter()
            .find(|e| e.name == "中共鹤壁市公安局委员会")
            .expect("the bureau's party committee");
        assert!(
            committee.aliases.contains("中共鹤壁市公安局委"),
            "{:?}",
            committee.aliases
        );
        assert!(
            !committee.aliases.iter().any(|a| a.contains("中共中共")),
            "{:?}",
            committee.aliases
        );
    }

    #[test]
    fn a_village_title_belongs_to_the_village_the_item_names() {
        let x = extract("淇县召开会议\n石桥村党支部书记张金山和村委会主任李保国在卡点值守。");
        let posts = relations(&x, RelationKind::Post);
        assert!(
            posts.contains(&"李保国 石桥村村民委员会 村委会主任".to_owned()),
            "{posts:?}"
        );
        let x = extract("淇县召开会议\n石桥村委会主任李保国在村口卡点值守。");
        assert_eq!(
            relations(&x, RelationKind::Post),
            vec!["李保国 石桥村村民委员会 村委会主任"]
        );
    }

    #[test]
    fn a_party_organ_title_after_a_village_pronoun_is_of_the_village_organ() {
        let x = extract("山城区召开会议\n区委书记李伟到鹿楼乡大胡村检查。该村党支部书记王永利在村口卡点值守。");
        let posts = relations(&x, RelationKind::Post);
        assert!(
            posts.contains(&"王永利 大胡村党支部 党支部书记".to_owned()),
            "{posts:?}"
        );
        assert!(!posts.iter().any(|p| p.starts_with("王永利 大胡村 ")), "{posts:?}");
    }
}
