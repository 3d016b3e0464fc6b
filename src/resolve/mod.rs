//! Resolve: one entity per real thing. Places are linked to division codes (by context when a
//! name is ambiguous), implicit scope is expanded with the article's home area (市住建局 →
//! 鹤壁市住建局), abbreviations are brought to one canonical name (市发改委 = 市发展改革委 =
//! 鹤壁市发展和改革委员会), pronoun-like references find what they stand for, and every entity gets
//! a key derived from what identifies it — never a counter — so that shards merge by union.

pub mod home;
mod naming;
mod propagate;

pub use crate::model::{Home, Resolved};

use crate::gazetteer::{Gazetteer, Level, WordList};
use crate::identity;
use crate::model::{Antecedent, Area, Candidate, Detail, Recognized};
use crate::model::{
    Class, Entity, EntityKind, Mention, MentionForm, Relation, RelationKind, Sentence, SentenceKind, Span,
};
use crate::segment::SentenceContext;
use indexmap::IndexSet;
use std::collections::HashMap;

/// Entities under construction, deduplicated by key.
#[derive(Debug, Default)]
struct Builder {
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl Builder {
    fn entity(&mut self, kind: EntityKind, class: Class, name: &str, key: String, code: Option<String>) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.entities.len();
        self.by_key.insert(key.clone(), i);
        self.entities.push(Entity {
            kind,
            class,
            name: name.to_owned(),
            aliases: IndexSet::new(),
            key,
            division_code: code,
        });
        i
    }

    fn alias(&mut self, i: usize, alias: &str) {
        let e = &mut self.entities[i];
        if !alias.is_empty() && alias != e.name {
            e.aliases.insert(alias.to_owned());
        }
    }
}

/// Resolve the recognised candidates of one document.
pub fn resolve(
    text: &[char],
    ctx: &[SentenceContext<'_>],
    sentences: &[Sentence],
    rec: &mut Recognized,
    g: &Gazetteer,
    doc_name: &str,
) -> Resolved {
    propagate::propagate(ctx, &mut rec.candidates);
    let rec = &*rec;
    let items = sentences.iter().map(|s| s.item + 1).max().unwrap_or(1);
    let item_of = |sentence: usize| sentences.get(sentence).map_or(0, |s| s.item);
    let bylines: Vec<bool> = sentences.iter().map(|s| s.kind == SentenceKind::Byline).collect();
    let home = home::detect(g, &rec.candidates, &item_of, items, &bylines);
    let mut r = Resolver {
        text,
        g,
        home: &home,
        cands: &rec.candidates,
        ending_at: {
            let mut m: HashMap<usize, Vec<usize>> = HashMap::new();
            for (j, c) in rec.candidates.iter().enumerate() {
                m.entry(c.span.end).or_default().push(j);
            }
            m
        },
        item_of: &item_of,
        b: Builder::default(),
        of: vec![None; rec.candidates.len()],
        structural: Vec::new(),
        person_scope: naming::person_scope(g, &home, doc_name),
        document: doc_name,
    };
    r.run();
    let Resolver { b, of, structural, .. } = r;
    let mut mentions: Vec<Mention> = rec
        .candidates
        .iter()
        .zip(&of)
        .filter_map(|(c, e)| {
            e.map(|entity| Mention {
                span: c.span.clone(),
                sentence: c.sentence,
                entity,
                form: c.form,
                nested: c.nested,
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    mentions.dedup_by(|a, b| a.span == b.span && a.entity == b.entity);
    let mut structural = structural;
    structural.sort_by_key(|r| (r.subject, r.kind, r.object));
    structural.dedup_by(|a, b| (a.subject, a.kind, a.object) == (b.subject, b.kind, b.object));
    Resolved {
        entities: b.entities,
        mentions,
        of_candidate: of,
        structural,
        home,
    }
}

struct Resolver<'a> {
    text: &'a [char],
    g: &'a Gazetteer,
    home: &'a Home,
    cands: &'a [Candidate],
    /// The candidates ending at each offset, in their order (what is written right before a
    /// place or a bracket, found without a scan of the document).
    ending_at: HashMap<usize, Vec<usize>>,
    item_of: &'a dyn Fn(usize) -> usize,
    b: Builder,
    of: Vec<Option<usize>>,
    structural: Vec<Relation>,
    person_scope: String,
    document: &'a str,
}

impl Resolver<'_> {
    fn slice(&self, span: &Span) -> String {
        self.text[span.clone()].iter().collect()
    }

    fn run(&mut self) {
        // places first (organisations and checkpoints name them), then the rest, each in text order
        let order: [fn(&Detail) -> bool; 5] = [
            |d| matches!(d, Detail::Division { .. } | Detail::Country(_) | Detail::World(_)),
            |d| matches!(d, Detail::Village { .. } | Detail::Place { .. }),
            |d| matches!(d, Detail::KnownOrg(_) | Detail::Org(_)),
            |d| matches!(d, Detail::Checkpoint { .. } | Detail::Person | Detail::PersonPart(_)),
            |d| matches!(d, Detail::Pronoun(_)),
        ];
        for pass in order {
            for i in 0..self.cands.len() {
                if pass(&self.cands[i].detail) {
                    self.of[i] = self.resolve_one(i);
                }
            }
        }
        self.bracketed_aliases();
        self.adjacent_places();
    }

    /// A place written right after another lies in it (城乡一体化示范区古城街道, 京港澳高速公路鹤壁北
    /// 收费站): located-in facts the text composes.
    fn adjacent_places(&mut self) {
        for i in 0..self.cands.len() {
            let c = &self.cands[i];
            if !matches!(c.kind, EntityKind::Place | EntityKind::Checkpoint) || c.form == MentionForm::Pronoun {
                continue;
            }
            let Some(e) = self.of[i] else { continue };
            let before = self.ending(c.span.start).find(|&j| {
                let k = &self.cands[j];
                k.sentence == c.sentence
                    && k.span.end == c.span.start
                    && k.kind == EntityKind::Place
                    && k.form != MentionForm::Pronoun
            });
            if let Some(a) = before.and_then(|j| self.of[j]) {
                // not the other way round (a province after its city)
                let (inner, outer) = (self.division_of(e), self.division_of(a));
                let reversed = matches!((inner, outer), (Some(x), Some(y)) if self.g.divisions.within(y, x));
                if !reversed {
                    let sentence = c.sentence;
                    self.structure(e, RelationKind::ContainedIn, a, sentence);
                }
            }
        }
    }

    /// The entity of the candidate with this span in this sentence (an area, a parent).
    fn entity_at(&self, sentence: usize, span: &Span) -> Option<usize> {
        self.ending(span.end)
            .filter(|&i| self.cands[i].sentence == sentence && &self.cands[i].span == span)
            .find_map(|i| self.of[i])
    }

    /// The candidates that end at `end`, in their order.
    fn ending(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        self.ending_at.get(&end).into_iter().flatten().copied()
    }

    fn division_of(&self, entity: usize) -> Option<usize> {
        self.b.entities[entity]
            .division_code
            .as_deref()
            .and_then(|c| self.g.divisions.by_code(c))
    }

    fn resolve_one(&mut self, i: usize) -> Option<usize> {
        let c = &self.cands[i];
        // the name as written, and with the head its list writes once (南孟封 + 村)
        let written = self.slice(&c.span);
        let surface = match &c.head {
            Some(h) => format!("{written}{h}"),
            None => written.clone(),
        };
        let item = (self.item_of)(c.sentence);
        let e = self.resolve_detail(i, c, &surface, item)?;
        if c.head.is_some() && c.kind != EntityKind::Checkpoint {
            self.b.alias(e, &written);
        }
        Some(e)
    }

    fn resolve_detail(&mut self, i: usize, c: &Candidate, surface: &str, item: usize) -> Option<usize> {
        let surface = surface.to_owned();
        match &c.detail {
            Detail::Division { candidates, short } => {
                let area_entity = self.preceding_place(i);
                let area = area_entity.and_then(|e| self.division_of(e));
                let e = match naming::choose_division(self.g, candidates, self.home, item, area, *short) {
                    // a county's short form is a common word (平原, 安宁, 友谊) unless the article
                    // is about its province or names another place of its city
                    Some(idx)
                        if *short
                            && self.g.divisions.items[idx].level >= Level::County
                            && !self.county_in_context(idx) =>
                    {
                        return None;
                    }
                    Some(idx) => self.division_entity(idx),
                    // ambiguous: left unlinked
                    None => self.unlinked_place(&surface, area_entity, item),
                };
                if let Some(a) = area_entity {
                    self.structure(e, RelationKind::ContainedIn, a, c.sentence);
                }
                self.b.alias(e, &surface);
                Some(e)
            }
            Detail::Country(idx) => {
                let p = &self.g.countries[*idx];
                let key = identity::country(p.code.as_deref().unwrap_or(&p.name));
                let e = self.b.entity(EntityKind::Place, Class::Geographic, &p.name, key, None);
                self.b.alias(e, &surface);
                Some(e)
            }
            Detail::World(idx) => {
                let p = &self.g.places[*idx];
                let e = self.b.entity(
                    EntityKind::Place,
                    Class::Geographic,
                    &p.name,
                    identity::world_place(&p.name),
                    None,
                );
                self.b.alias(e, &surface);
                Some(e)
            }
            Detail::Village { area } => {
                let area_entity = area.as_ref().and_then(|a| self.entity_at(c.sentence, a));
                let area_div = area_entity.and_then(|e| self.division_of(e));
                let codes = self.g.villages.lookup(&surface);
                let code = naming::choose_village(self.g, &codes, self.home, item, area_div);
                // an unlinked village named again in the article is the same village
                let seen = self
                    .b
                    .entities
                    .iter()
                    .position(|e| e.kind == EntityKind::Place && e.name == surface && e.division_code.is_none());
                let e = match (code, seen) {
                    // named again without its area: the village the article placed before
                    (_, Some(e)) if area_entity.is_none() => e,
                    (Some(code), _) => self.b.entity(
                        EntityKind::Place,
                        Class::Division,
                        &surface,
                        identity::division(&code),
                        Some(code),
                    ),
                    (None, Some(e)) => e,
                    (None, None) => self.unlinked_place(&surface, area_entity, item),
                };
                if let Some(a) = area_entity {
                    self.structure(e, RelationKind::ContainedIn, a, c.sentence);
                }
                Some(e)
            }
            Detail::Place { .. } if c.form == MentionForm::Nominal => {
                let same = |n: &String| n.ends_with(&surface) && n != &surface;
                self.b
                    .entities
                    .iter()
                    .rposition(|e| e.kind == EntityKind::Place && (same(&e.name) || e.aliases.iter().any(same)))
            }
            Detail::Place { area } => {
                let (name, parent_key, parent) = match area {
                    Some(Area::Place(p)) => {
                        let a = self.entity_at(c.sentence, p);
                        (surface.clone(), a.map(|a| self.b.entities[a].key.clone()), a)
                    }
                    Some(Area::Scope(ch)) => {
                        let d = self.home.scope(item, *ch)?;
                        let area_name = self.g.divisions.items[d].name.clone();
                        let name = format!("{area_name}{}", surface.chars().skip(1).collect::<String>());
                        let a = self.existing_division(d);
                        (name, Some(identity::division(&self.g.divisions.items[d].code)), a)
                    }
                    _ => {
                        // an area-like place with no area written (城乡一体化示范区): the home city's
                        let zone = self.g.words.ends_any(WordList::Zone, &surface);
                        match self.home.city.filter(|_| zone) {
                            Some(d) => {
                                let city = self.g.divisions.items[d].name.clone();
                                let a = self.existing_division(d);
                                (
                                    format!("{city}{surface}"),
                                    Some(identity::division(&self.g.divisions.items[d].code)),
                                    a,
                                )
                            }
                            None => (surface.clone(), None, None),
                        }
                    }
                };
                let key = identity::place_under(parent_key.as_deref(), &name);
                let e = self.b.entity(EntityKind::Place, c.class, &name, key, None);
                self.b.alias(e, &surface);
                if let Some(a) = parent {
                    self.structure(e, RelationKind::ContainedIn, a, c.sentence);
                }
                Some(e)
            }
            Detail::KnownOrg(idx) => {
                let o = &self.g.organisations[*idx];
                let e = self.b.entity(
                    EntityKind::Organisation,
                    o.class,
                    &o.name,
                    identity::organisation(&o.name),
                    None,
                );
                self.b.alias(e, &surface);
                Some(e)
            }
            Detail::Org(chain) => self.org(i, chain),
            Detail::Checkpoint { at, needs_place } => {
                let (name, place) = if *needs_place {
                    let v = self.recent_village(i)?;
                    (format!("{}{}", self.b.entities[v].name, surface), Some(v))
                } else {
                    // named after the place it is at, whatever was written before that place
                    // (北阳镇大石岩村卡点 and 大石岩村卡点 are one checkpoint)
                    let place = at.as_ref().and_then(|a| self.entity_at(c.sentence, a));
                    let name = match (at, place) {
                        (Some(a), Some(p)) if self.b.entities[p].kind == EntityKind::Place => {
                            let rest = c.head.clone().unwrap_or_else(|| self.slice(&(a.end..c.span.end)));
                            format!("{}{rest}", self.slice(a))
                        }
                        _ => surface.clone(),
                    };
                    (name, place)
                };
                let scope = place.map(|p| self.b.entities[p].key.clone()).or_else(|| {
                    self.home
                        .nearest(item)
                        .map(|d| identity::division(&self.g.divisions.items[d].code))
                });
                let e = self.b.entity(
                    EntityKind::Checkpoint,
                    Class::Facility,
                    &name,
                    identity::checkpoint(scope.as_deref(), &name),
                    None,
                );
                self.b.alias(e, &surface);
                if let Some(p) = place {
                    self.structure(e, RelationKind::ContainedIn, p, c.sentence);
                }
                Some(e)
            }
            Detail::Person => {
                let key = identity::person(&self.person_scope, &surface);
                Some(self.b.entity(EntityKind::Person, Class::Other, &surface, key, None))
            }
            Detail::PersonPart(full) => {
                let key = identity::person(&self.person_scope, full);
                let e = self.b.entity(EntityKind::Person, Class::Other, full, key, None);
                // a given name or surname alone is no name to look the person up by
                if surface.chars().count() >= 2 {
                    self.b.alias(e, &surface);
                }
                Some(e)
            }
            Detail::Pronoun(a) => {
                let e = self.antecedent(i, a)?;
                self.b.alias(e, &surface);
                Some(e)
            }
            Detail::None => None,
        }
    }

    /// A division or village the tables cannot tell: named under the place written before it, or
    /// else under the item's home area.
    fn unlinked_place(&mut self, surface: &str, area_entity: Option<usize>, item: usize) -> usize {
        let scope = area_entity.map(|a| self.b.entities[a].key.clone()).or_else(|| {
            self.home
                .nearest(item)
                .map(|d| identity::division(&self.g.divisions.items[d].code))
        });
        self.b.entity(
            EntityKind::Place,
            Class::Division,
            surface,
            identity::place_under(scope.as_deref(), surface),
            None,
        )
    }

    /// The entity of a division, creating it (and linking it to its parent when that is in the text).
    fn division_entity(&mut self, idx: usize) -> usize {
        let d = &self.g.divisions.items[idx];
        let key = identity::division(&d.code);
        self.b
            .entity(EntityKind::Place, Class::Division, &d.name, key, Some(d.code.clone()))
    }

    /// Whether the article gives a county's short form a context: its province is the home one,
    /// or another division of its city is named.
    fn county_in_context(&self, idx: usize) -> bool {
        let d = &self.g.divisions;
        if self.home.province.is_some_and(|p| d.within(idx, p)) {
            return true;
        }
        let Some(city) = d.at_level(idx, Level::Prefecture) else {
            return false;
        };
        self.cands.iter().any(|c| match &c.detail {
            Detail::Division { candidates, short } => {
                candidates.len() == 1 && !(*short && candidates[0] == idx) && d.within(candidates[0], city)
            }
            _ => false,
        })
    }

    /// The entity of a division if the article has one for it already.
    fn existing_division(&self, idx: usize) -> Option<usize> {
        self.b
            .by_key
            .get(&identity::division(&self.g.divisions.items[idx].code))
            .copied()
    }

    /// The place candidate that ends right where candidate `i` begins (石林镇 before 罗庄村).
    fn preceding_place(&self, i: usize) -> Option<usize> {
        let c = &self.cands[i];
        self.ending(c.span.start)
            .filter(|&j| {
                let k = &self.cands[j];
                k.sentence == c.sentence && k.span.end == c.span.start && k.kind == EntityKind::Place
            })
            .find_map(|j| self.of[j])
    }

    fn structure(&mut self, subject: usize, kind: RelationKind, object: usize, sentence: usize) {
        // a county or larger lies in no road, station, zone or natural feature (京港澳高速鹤壁站:
        // the station may be on the road, the city 鹤壁 in its name is not); a township may lie in
        // a zone (示范区古城街道)
        let o = &self.b.entities[object];
        let division_in_other = kind == RelationKind::ContainedIn
            && o.kind == EntityKind::Place
            && o.class != Class::Division
            && self
                .division_of(subject)
                .is_some_and(|d| self.g.divisions.items[d].level <= Level::County);
        if subject != object && !division_in_other {
            self.structural.push(Relation::new(subject, kind, object, sentence));
        }
    }

    /// The most recent village (or 该村) before candidate `i`.
    fn recent_village(&self, i: usize) -> Option<usize> {
        let c = &self.cands[i];
        (0..self.cands.len())
            .rev()
            .filter(|&j| {
                let k = &self.cands[j];
                (k.sentence, k.span.start) < (c.sentence, c.span.start) && c.sentence - k.sentence <= 3
            })
            .find_map(|j| {
                let e = self.of[j]?;
                let ent = &self.b.entities[e];
                (ent.kind == EntityKind::Place && (ent.name.ends_with('村') || ent.name.ends_with("社区"))).then_some(e)
            })
    }

    fn antecedent(&mut self, i: usize, a: &Antecedent) -> Option<usize> {
        let c = &self.cands[i];
        let item = (self.item_of)(c.sentence);
        match a {
            Antecedent::Area(Level::Village) => self.recent_village(i),
            Antecedent::Area(level) => {
                let d = self.home.area(item, *level).or_else(|| {
                    // 该区 in an item about a district that is not the item's home (rare): nearest
                    // earlier division of that level
                    self.earlier(i, |ent| {
                        ent.division_code
                            .as_deref()
                            .and_then(Level::of_code)
                            .is_some_and(|l| l == *level)
                    })
                    .and_then(|e| self.division_of(e))
                })?;
                Some(self.division_entity(d))
            }
            Antecedent::Suffix(w) => {
                let w = w.clone();
                self.earlier(i, |ent| {
                    ent.kind == EntityKind::Organisation
                        && (ent.name.ends_with(&w) || ent.aliases.iter().any(|a| a.ends_with(&w)))
                })
            }
            Antecedent::Newspaper => {
                let named = self.b.entities.iter().position(|e| {
                    e.kind == EntityKind::Organisation
                        && e.class == Class::Media
                        && naming::is_newspaper(self.g, &e.name)
                });
                // a paper the text never names is 本报 itself, one of this article only
                named.or_else(|| {
                    Some(self.b.entity(
                        EntityKind::Organisation,
                        Class::Media,
                        "本报",
                        identity::ad_hoc_group(self.document, "本报"),
                        None,
                    ))
                })
            }
        }
    }

    /// The entity of the nearest earlier candidate (this item) that satisfies `f`.
    fn earlier(&self, i: usize, f: impl Fn(&Entity) -> bool) -> Option<usize> {
        let c = &self.cands[i];
        (0..self.cands.len())
            .rev()
            .filter(|&j| {
                let k = &self.cands[j];
                (k.sentence, k.span.start) < (c.sentence, c.span.start)
            })
            .find_map(|j| self.of[j].filter(|&e| f(&self.b.entities[e])))
    }

    fn org(&mut self, i: usize, chain: &[crate::model::OrgSegment]) -> Option<usize> {
        let c = &self.cands[i];
        let item = (self.item_of)(c.sentence);
        let names = naming::org_names(self, c.sentence, item, chain)?;
        if c.form == MentionForm::Nominal {
            // a bare sub-unit (综合组): only as another mention of an entity of the text
            let surface = self.slice(&c.span);
            let same = |n: &String| n == &surface || (surface.chars().count() >= 3 && n.ends_with(&surface));
            return self
                .b
                .entities
                .iter()
                .position(|e| e.kind == EntityKind::Organisation && (same(&e.name) || e.aliases.iter().any(same)));
        }
        let e = self.b.entity(
            EntityKind::Organisation,
            c.class,
            &names.canonical,
            identity::organisation(&names.canonical),
            None,
        );
        for a in &names.aliases {
            self.b.alias(e, a);
        }
        // the chain states membership and location
        // a party organ of an organisation (市卫健委党组) is no unit of it
        let organ = self.g.words.ends_any(WordList::PartyOrgan, &names.canonical);
        if let Some(parent_e) = names.parent_entity {
            self.structure(e, RelationKind::SubOrganizationOf, parent_e, c.sentence);
        } else if let Some(parent) = names.parent.filter(|_| !organ) {
            // a bare parent (指挥部下设…) is the organisation of that name in the text
            let bare = parent.canonical.chars().count() <= 4 && parent.place.is_none();
            let parent_e = if bare {
                self.b.entities.iter().rposition(|x| {
                    x.kind == EntityKind::Organisation
                        && x.name.ends_with(&parent.canonical)
                        && x.name != parent.canonical
                })
            } else {
                let pe = self.b.entity(
                    EntityKind::Organisation,
                    parent.class.unwrap_or(Class::Other),
                    &parent.canonical,
                    identity::organisation(&parent.canonical),
                    None,
                );
                for a in &parent.aliases {
                    self.b.alias(pe, a);
                }
                Some(pe)
            };
            if let Some(pe) = parent_e {
                self.structure(e, RelationKind::SubOrganizationOf, pe, c.sentence);
            }
        }
        if let Some(place) = names.place {
            self.structure(e, RelationKind::Location, place, c.sentence);
        }
        if let Some(place) = names.last_place {
            self.structure(e, RelationKind::Location, place, c.sentence);
        }
        Some(e)
    }

    /// `综合组(信息排查组)`: a name in brackets right after another is a second name of it.
    fn bracketed_aliases(&mut self) {
        for i in 0..self.cands.len() {
            let c = &self.cands[i];
            if c.kind != EntityKind::Organisation || c.span.start < 1 || self.text[c.span.start - 1] != '(' {
                continue;
            }
            if self.text.get(c.span.end) != Some(&')') {
                continue;
            }
            let before = c.span.start.checked_sub(1).and_then(|end| {
                self.ending(end).find(|&j| {
                    let k = &self.cands[j];
                    k.sentence == c.sentence && k.span.end + 1 == c.span.start && k.kind == EntityKind::Organisation
                })
            });
            if let Some(j) = before {
                if let Some(e) = self.of[j] {
                    let surface = self.slice(&c.span);
                    self.b.alias(e, &surface);
                    self.of[i] = Some(e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{EntityKind, RelationKind};
    use crate::testing::{entities, extract, relations};

    #[test]
    fn implicit_scope_expands_to_the_home_city_and_keeps_the_written_form() {
        let x = extract("鹤壁市召开疫情防控会议\n市住建局负责人介绍了情况。");
        let e = x
            .entities
            .iter()
            .find(|e| e.name == "鹤壁市住房和城乡建设局")
            .expect("市住建局 resolved in 鹤壁市");
        assert!(e.aliases.contains("市住建局"), "{:?}", e.aliases);
    }

    #[test]
    fn divisions_carry_their_code_and_one_entity_serves_all_forms() {
        let x = extract("鹤壁市召开会议\n鹤壁市委书记讲话,鹤壁各界响应。");
        let cities: Vec<_> = x.entities.iter().filter(|e| e.name == "鹤壁市").collect();
        assert_eq!(cities.len(), 1, "{:?}", entities(&x));
        assert_eq!(cities[0].division_code.as_deref(), Some("4106"));
        assert_eq!(cities[0].kind, EntityKind::Place);
    }

    #[test]
    fn a_county_short_form_that_is_a_common_word_is_no_place() {
        let x = extract("双方加强合作,维护和平。");
        assert!(
            !x.entities.iter().any(|e| e.kind == EntityKind::Place),
            "{:?}",
            entities(&x)
        );
    }

    #[test]
    fn people_are_identified_by_name_and_home_area() {
        let x = extract("鹤壁市召开会议\n市委书记马富国讲话。马富国强调,要加强防控。");
        let people: Vec<_> = x.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
        assert_eq!(people.len(), 1, "{:?}", entities(&x));
        assert_eq!(people[0].key, "person/4106/马富国");
    }

    #[test]
    fn a_village_the_table_lacks_under_its_written_township_stays_there_unlinked() {
        // 北阳镇 has a 刘庄村 in the table (read by the segmenter as one name) but no 张庄村
        let x = extract("淇县召开会议\n他来到北阳镇刘庄村,又到北阳镇张庄村。");
        let village = |n: &str| x.entities.iter().find(|e| e.name == n).cloned();
        let liu = village("刘庄村").expect("刘庄村 found");
        assert_eq!(liu.division_code.as_deref(), Some("410622102225"));
        let zhang = village("张庄村").expect("张庄村 found");
        assert_eq!(zhang.division_code, None);
        assert_eq!(
            relations(&x, RelationKind::ContainedIn).len(),
            2,
            "{:?}",
            relations(&x, RelationKind::ContainedIn)
        );
    }

    #[test]
    fn a_city_in_a_station_name_lies_in_no_road() {
        let x = extract("鹤壁市召开会议\n他到京港澳高速鹤壁站出口卡点督导。");
        let within = relations(&x, RelationKind::ContainedIn);
        assert!(!within.iter().any(|r| r.starts_with("鹤壁市 ")), "{within:?}");
    }
}
