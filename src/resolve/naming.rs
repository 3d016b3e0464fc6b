//! Canonical names and links: which division a name stands for, which village, and the canonical
//! name and aliases of an organisation chain.

use super::{Home, Resolver};
use crate::gazetteer::{Gazetteer, Level, render};
use crate::model::{Class, EntityKind};
use crate::recognize::{Area, OrgSegment};

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
    for ctx in [area, home.area(item, Level::County), home.city, home.province].into_iter().flatten() {
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
pub fn choose_village(g: &Gazetteer, codes: &[String], home: &Home, item: usize, area: Option<usize>) -> Option<String> {
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
        if within.len() > 1 {
            return None;
        }
    }
    (codes.len() == 1).then(|| codes[0].clone())
}

/// Where a person's identity is scoped: the home city, else the home province, else the document.
pub fn person_scope(g: &Gazetteer, home: &Home, doc_name: &str) -> String {
    match home.city.or(home.province) {
        Some(d) => g.divisions.items[d].code.clone(),
        None => format!("doc/{doc_name}"),
    }
}

pub fn is_newspaper(name: &str) -> bool {
    ["日报", "晚报", "日报社", "报社", "时报", "早报"].iter().any(|s| name.ends_with(s))
}

/// The names of an organisation and of its parent.
#[derive(Debug, Clone, Default)]
pub struct OrgNames {
    pub canonical: String,
    pub aliases: Vec<String>,
    pub class: Option<Class>,
    pub parent: Option<Box<OrgNames>>,
    /// The area entity the organisation is in (山城区 for 山城区残联, 鹤壁市 for 市住建局).
    pub place: Option<usize>,
}

/// Canonical name, aliases and parent of an organisation chain; `None` when a scope cannot be
/// expanded (市委 in an article whose city is unknown).
pub(super) fn org_names(r: &mut Resolver<'_>, sentence: usize, item: usize, chain: &[OrgSegment]) -> Option<OrgNames> {
    // per prefix of the chain: (canonical, expanded surface, formal, class)
    let mut prefixes: Vec<OrgNames> = Vec::new();
    let mut canon = String::new();
    let mut expanded = String::new();
    let mut place = None;
    for (k, seg) in chain.iter().enumerate() {
        let body: String = r.slice(&seg.body);
        let (area_canon, area_expanded, area_place) = match &seg.area {
            Some(Area::Place(p)) => {
                let e = r.entity_at(sentence, p);
                let written = r.slice(p);
                let canon_name = e.map(|e| r.b.entities[e].name.clone()).unwrap_or_else(|| written.clone());
                let is_place = e.is_some_and(|e| r.b.entities[e].kind == EntityKind::Place);
                (canon_name, written, e.filter(|_| is_place))
            }
            Some(Area::Scope(ch)) => {
                let d = r.home.scope(item, *ch)?;
                let name = r.g.divisions.items[d].name.clone();
                let e = r.division_entity(d);
                (name.clone(), name, Some(e))
            }
            _ => (String::new(), String::new(), None),
        };
        if k == 0 {
            place = area_place;
        }
        let joined = seg.joiner.as_deref().unwrap_or("");
        let parent_area = matches!(seg.area, Some(Area::Org(_)));
        let unit = seg.unit.map(|u| &r.g.org_units[u]);
        let class = unit.map(|u| u.class).or_else(|| suffix_class(r.g, &body));
        let (seg_canon, seg_expanded, formal) = match unit {
            Some(u) => {
                let base = if parent_area { canon.clone() } else { area_canon.clone() };
                let c = render(&u.full, &base);
                let x = if parent_area {
                    format!("{expanded}{body}")
                } else if base.is_empty() {
                    body.clone()
                } else {
                    format!("{area_expanded}{body}")
                };
                let f = u.formal.as_deref().map(|f| render(f, &base));
                (c, x, f)
            }
            None if parent_area => (format!("{canon}{body}"), format!("{expanded}{body}"), None),
            None => {
                // a name of its own after an area keeps its written area (鹤壁日报, 山城区第一小学),
                // an expanded scope is written out (市…指挥部 → 鹤壁市…指挥部)
                let written_area = match &seg.area {
                    Some(Area::Place(_)) => area_expanded.clone(),
                    _ => area_canon.clone(),
                };
                let party = if seg.party_prefix { "中共" } else { "" };
                (format!("{party}{written_area}{body}"), format!("{party}{area_expanded}{body}"), None)
            }
        };
        if parent_area {
            canon = seg_canon;
            expanded = seg_expanded;
        } else if !joined.is_empty() {
            canon = format!("{canon}{joined}{seg_canon}");
            expanded = format!("{expanded}{joined}{seg_expanded}");
        } else {
            canon = seg_canon;
            expanded = seg_expanded;
        }
        let mut aliases = vec![expanded.clone()];
        aliases.extend(formal.filter(|_| k + 1 == chain.len() || joined.is_empty()));
        prefixes.push(OrgNames {
            canonical: canon.clone(),
            aliases,
            class,
            parent: None,
            place,
        });
    }
    let last = chain.len() - 1;
    let mut names = prefixes.get(last)?.clone();
    // the written surface of the whole chain is an alias too
    if let (Some(first), Some(end)) = (chain.first(), chain.last()) {
        let start = first.span.start.min(end.span.start);
        let written = r.slice(&(start..end.span.end));
        if chain.iter().all(|s| s.span.start >= start) && !written.is_empty() {
            names.aliases.push(written);
        }
        names.aliases.push(r.slice(&end.span));
    }
    if last >= 1 {
        let p = if chain[last - 1].joiner.is_some() && last >= 2 { last - 2 } else { last - 1 };
        // the segment just before a 驻 segment leads it; a 驻 segment itself is no organisation
        if chain[last].joiner.is_none() {
            names.parent = prefixes.get(p).cloned().map(Box::new);
        }
    }
    Some(names)
}

fn suffix_class(g: &Gazetteer, body: &str) -> Option<Class> {
    g.org_suffixes.iter().find(|s| body.ends_with(&s.text)).map(|s| s.class)
}
