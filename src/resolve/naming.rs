//! Canonical names and links: which division a name stands for, which village, and the canonical
//! name and aliases of an organisation chain.

use super::{Home, Resolver};
use crate::gazetteer::{Gazetteer, Level, render};
use crate::model::{Area, OrgSegment};
use crate::model::{Class, EntityKind};

/// Pick the division a name stands for: the only one, or the only one inside the place written
/// before it, then inside the item's county, the home city, the home province; a short form may
/// take the highest level. `None` when the name stays ambiguous (it is then left unlinked).
pub fn choose_division(
    g: &Gazetteer,
    cands: &[usize],
    home: &Home,
    item: usize,
    area: Option<usize>,
    short: bool,
) -> Option<usize> {
    let d = &g.divisions;
    if cands.len() == 1 {
        return cands.first().copied();
    }
    let mut pool: Vec<usize> = cands.to_vec();
    for ctx in [area, home.area(item, Level::County), home.city, home.province]
        .into_iter()
        .flatten()
    {
        let within: Vec<usize> = pool.iter().copied().filter(|&c| d.within(c, ctx) && c != ctx).collect();
        match within.len() {
            1 => return within.first().copied(),
            0 => {}
            _ => pool = within,
        }
    }
    // 河南 is 河南省 more often than 河南蒙古族自治县: a short form takes the one highest level
    let top = pool.iter().map(|&c| d.items[c].level).min()?;
    let at_top: Vec<usize> = pool.iter().copied().filter(|&c| d.items[c].level == top).collect();
    (at_top.len() == 1 && (short || top <= Level::Prefecture)).then(|| at_top[0])
}

/// Pick a village code: the only one inside the place written before it, then inside the item's
/// county, township or the home city; or the only one in China.
pub fn choose_village(
    g: &Gazetteer,
    codes: &[String],
    home: &Home,
    item: usize,
    area: Option<usize>,
) -> Option<String> {
    let d = &g.divisions;
    let prefix = |idx: usize| d.items[idx].code.clone();
    let contexts = [
        area,
        home.area(item, Level::Township),
        home.area(item, Level::County),
        home.city,
    ];
    for ctx in contexts.into_iter().flatten() {
        let p = prefix(ctx);
        let within: Vec<&String> = codes.iter().filter(|c| c.starts_with(&p)).collect();
        if within.len() == 1 {
            return Some(within[0].clone());
        }
        // several there, or none in the area the text writes before it (北阳镇张庄村 where the
        // table has no 张庄村 under 北阳镇): the text knows better than a guess elsewhere
        if within.len() > 1 || Some(ctx) == area {
            return None;
        }
    }
    (codes.len() == 1).then(|| codes[0].clone())
}

/// Where a person's identity is scoped: the home city, else the home province, else the document.
pub fn person_scope(g: &Gazetteer, home: &Home, doc_name: &str) -> String {
    let code = home.city.or(home.province).map(|d| g.divisions.items[d].code.as_str());
    crate::identity::person_scope(code, doc_name)
}

pub fn is_newspaper(g: &Gazetteer, name: &str) -> bool {
    g.words.ends_any(crate::gazetteer::WordList::NewspaperEnding, name)
}

/// The names of an organisation and of its parent.
#[derive(Debug, Clone, Default)]
pub struct OrgNames {
    pub canonical: String,
    pub aliases: Vec<String>,
    pub class: Option<Class>,
    pub parent: Option<Box<OrgNames>>,
    /// The parent when it is an entity named elsewhere (下设 lists, bare 指挥部).
    pub parent_entity: Option<usize>,
    /// The area entity the organisation is in (山城区 for 山城区残联, 鹤壁市 for 市住建局).
    pub place: Option<usize>,
    /// The area of the last link of a chain (淇滨区 for 市公安局淇滨区分局).
    pub last_place: Option<usize>,
}

/// The area name inside a rendered template (鹤壁市 from 中共鹤壁市委组织部 and 中共{}委组织部).
fn area_of(template: &str, rendered: &str) -> String {
    match template.split_once("{}") {
        Some((pre, post)) => rendered
            .strip_prefix(pre)
            .and_then(|r| r.strip_suffix(post))
            .unwrap_or(rendered)
            .to_owned(),
        None => rendered.strip_suffix(template).unwrap_or(rendered).to_owned(),
    }
}

/// Canonical name, aliases and parent of an organisation chain; `None` when a scope cannot be
/// expanded (市委 in an article whose city is unknown).
pub(super) fn org_names(r: &mut Resolver<'_>, sentence: usize, item: usize, chain: &[OrgSegment]) -> Option<OrgNames> {
    let mut prefixes: Vec<OrgNames> = Vec::new();
    let mut canon = String::new();
    let mut expanded = String::new();
    let mut place = None;
    let mut parent_entity = None;
    for (k, seg) in chain.iter().enumerate() {
        let body: String = r.slice(&seg.body);
        // the area: its canonical name, its written form, and its entity when it is a place
        let (area_canon, area_written, area_place) = match &seg.area {
            Some(Area::Place(p)) => {
                let e = r.entity_at(sentence, p);
                // stacked areas are part of a name unless they only say where the area is
                // (河南永昌建材有限公司 keeps 河南; 浚县屯子镇王村党支部 is 王村党支部)
                let stacked = seg.span.start < p.start && !seg.party_prefix;
                let qualifies = stacked && {
                    let before = r
                        .cands
                        .iter()
                        .enumerate()
                        .find(|(_, k)| k.sentence == sentence && k.span.end == p.start && k.kind == EntityKind::Place)
                        .and_then(|(j, _)| r.of[j]);
                    let outer = before.and_then(|b| r.division_of(b));
                    let inner = e.and_then(|x| r.division_of(x));
                    match (outer, inner) {
                        (Some(o), Some(i)) => r.g.divisions.within(i, o),
                        // an unlinked village after its township
                        (Some(_), None) => e.is_some_and(|x| {
                            r.b.entities[x].kind == EntityKind::Place && r.b.entities[x].class == Class::Division
                        }),
                        _ => false,
                    }
                };
                let from = if stacked && !qualifies { seg.span.start } else { p.start };
                let written = r.slice(&(from..p.end));
                let canon_name = e
                    .map(|e| r.b.entities[e].name.clone())
                    .unwrap_or_else(|| written.clone());
                let is_place = e.is_some_and(|e| r.b.entities[e].kind == EntityKind::Place);
                (canon_name, written, e.filter(|_| is_place))
            }
            Some(Area::Scope(ch)) => {
                // the implied area: its entity only when the article names it somewhere
                let d = r.home.scope(item, *ch)?;
                let name = r.g.divisions.items[d].name.clone();
                let e = r.existing_division(d);
                (name.clone(), name, e)
            }
            Some(Area::Org(p)) if k == 0 => {
                // a parent named elsewhere: its entity's names
                let e = r.entity_at(sentence, p)?;
                parent_entity = Some(e);
                let ent = &r.b.entities[e];
                let longest = ent
                    .aliases
                    .iter()
                    .max_by_key(|a| a.chars().count())
                    .cloned()
                    .unwrap_or_else(|| ent.name.clone());
                canon = ent.name.clone();
                expanded = longest;
                (String::new(), String::new(), None)
            }
            _ => (String::new(), String::new(), None),
        };
        if k == 0 {
            place = area_place;
        }
        let child = k > 0 || matches!(seg.area, Some(Area::Org(_)));
        let unit = seg.unit.map(|u| &r.g.org_units[u]);
        let class = unit.map(|u| u.class).or_else(|| suffix_class(r.g, &body));
        let party = if seg.party_prefix { "中共" } else { "" };
        // the segment on its own (an area and a body)
        let (own_canon, own_expanded, formal) = match unit {
            Some(u) => (
                render(&u.full, &area_canon),
                if area_written.is_empty() {
                    body.clone()
                } else {
                    format!("{area_written}{body}")
                },
                u.formal.as_deref().map(|f| render(f, &area_canon)),
            ),
            None => {
                // a name of its own after an area keeps its written area (鹤壁日报, 山城区第一小学);
                // an expanded scope is written out (市…指挥部 → 鹤壁市…指挥部)
                let written_area = match &seg.area {
                    Some(Area::Place(_)) => area_written.clone(),
                    _ => area_canon.clone(),
                };
                (
                    format!("{party}{written_area}{body}"),
                    format!("{party}{area_written}{body}"),
                    None,
                )
            }
        };
        let mut formal = formal;
        if !child {
            canon = own_canon;
            expanded = own_expanded;
        } else if let Some(j) = seg.joiner.as_deref() {
            canon = format!("{canon}{j}{own_canon}");
            expanded = format!("{expanded}{j}{own_expanded}");
            formal = None;
        } else if matches!(seg.area, Some(Area::Org(_))) {
            // a sub-unit written right after its parent (市人民医院 + 感染科; 医院 + 党委)
            // (the formal name renders the parent's name, before the canonical one replaces it)
            formal = unit.and_then(|u| u.formal.as_deref()).map(|f| render(f, &canon));
            canon = match unit {
                Some(u) => render(&u.full, &canon),
                None => format!("{canon}{body}"),
            };
            expanded = format!("{expanded}{body}");
        } else {
            // a sub-unit with an area of its own under a parent (市公安局 + 淇滨区分局)
            canon = format!("{canon}{own_canon}");
            expanded = format!("{expanded}{own_expanded}");
            formal = None;
        }
        let mut aliases = vec![expanded.clone()];
        aliases.extend(formal);
        prefixes.push(OrgNames {
            canonical: canon.clone(),
            aliases,
            class,
            parent: None,
            parent_entity: None,
            place,
            last_place: None,
        });
    }
    let last = chain.len() - 1;
    let mut names = prefixes.get(last)?.clone();
    // the written surface of the segments in this sentence is an alias too
    let own: Vec<&OrgSegment> = chain
        .iter()
        .filter(|s| !matches!(s.area, Some(Area::Org(_))) || s.span.start < s.span.end)
        .collect();
    if let (Some(first), Some(end)) = (own.first(), chain.last()) {
        let start = first.span.start.min(end.span.start);
        if start < end.span.end {
            names.aliases.push(r.slice(&(start..end.span.end)));
        }
        // the last link alone (防控救治组) names it too, unless it is a bare word (党组)
        let last_alone = r.slice(&end.span);
        let bare = r.g.org_suffixes.iter().any(|x| x.text == last_alone) || last_alone.chars().count() < 3;
        if !bare {
            names.aliases.push(last_alone);
        }
    }
    names.parent_entity = parent_entity;
    // a unit whose name contains its parent's (市委组织部 ⊃ 市委; 市政府办公室 ⊃ 市政府)
    if last == 0 {
        let seg = &chain[0];
        if let (Some(u), Some(Area::Place(_) | Area::Scope(_))) = (seg.unit.map(|u| &r.g.org_units[u]), &seg.area) {
            if let Some(parent) = &u.parent {
                let area = names.canonical.clone();
                let area_name = area_of(&u.full, &area);
                let pu = r.g.org_units.iter().find(|x| &x.full == parent);
                let mut aliases = Vec::new();
                if let Some(f) = pu.and_then(|x| x.formal.as_deref()) {
                    aliases.push(render(f, &area_name));
                }
                names.parent = Some(Box::new(OrgNames {
                    canonical: render(parent, &area_name),
                    aliases,
                    class: pu.map(|x| x.class),
                    ..OrgNames::default()
                }));
            }
        }
    }
    // the area of the last link, when it has one of its own (市公安局淇滨区分局 lies in 淇滨区)
    if let Some(Area::Place(p)) = chain.last().and_then(|s| s.area.as_ref()) {
        if chain.len() > 1 {
            names.last_place = r
                .entity_at(sentence, p)
                .filter(|&e| r.b.entities[e].kind == EntityKind::Place);
        }
    }
    if last >= 1 && chain[last].joiner.is_none() {
        // the segment before a 驻 segment leads what follows it; a 驻 segment is no organisation
        let p = if chain[last - 1].joiner.is_some() && last >= 2 {
            last - 2
        } else {
            last - 1
        };
        names.parent = prefixes.get(p).cloned().map(Box::new);
    }
    Some(names)
}

fn suffix_class(g: &Gazetteer, body: &str) -> Option<Class> {
    g.org_suffixes.iter().find(|s| body.ends_with(&s.text)).map(|s| s.class)
}
