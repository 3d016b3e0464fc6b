//! Coordination in recognition: what the items of a list share.
//!
//! - A shared settlement word: `大黄庄、南孟封、陈冢沟和南平皋等村`, `方元、太和等乡镇` — every bare
//!   item is a place of that kind (南孟封村, alias 南孟封), never a person; the place written
//!   before the first item is the area of all (赵堡镇大黄庄、…).
//! - Items whose neighbours are places and that end in a settlement word are whole places
//!   (萨麦苏木、满都宝力格镇、呼热图淖尔苏木: 满都宝力格镇, not 宝力格镇).
//! - An inherited area: `西川镇侯辛村、雒川村、姜堡村` — the villages after the first lie in the
//!   town written before it.
//! - Place before person: a name ending in a settlement word that stands right after a place or
//!   in a list with places (西川镇侯辛村、雒川村) is a place, whatever the person model says of it.
//! - A shared head: `色尔古镇、沙石多镇、卡龙镇、晴朗乡疫情防控卡点` — every item names a checkpoint
//!   (色尔古镇疫情防控卡点 …), at that item's place.

use crate::gazetteer::{Level, MarkerRole, PlaceKind, WordList};
use crate::grammar::coordination::{bare_items_before, joined};
use crate::model::{Area, Candidate, Class, Detail, EntityKind, MentionForm, Span};
use crate::segment::SentenceContext;
use crate::segment::lexicon::{NameEntry, suffix_at};

/// Score of a place a list establishes: above the people the model proposes for its text.
const LISTED_PLACE: f32 = 4.5;

/// A person the model is sure of keeps a name that ends like a place's (a villager 王家营).
const SURE_PERSON: f32 = 3.2;

/// The longest item of a list of bare names.
const BARE_ITEM: usize = 5;

/// Apply the rules of coordination to the chosen candidates of one sentence.
pub fn coordinate(s: &SentenceContext<'_>, chosen: &mut Vec<Candidate>) {
    places_before_people(s, chosen);
    shared_settlement(s, chosen);
    whole_items(s, chosen);
    inherited_areas(s, chosen);
    shared_head(s, chosen);
    chosen.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
}

fn flat_places(chosen: &[Candidate]) -> Vec<Span> {
    let mut v: Vec<Span> = chosen
        .iter()
        .filter(|c| !c.nested && c.kind == EntityKind::Place && c.form != MentionForm::Pronoun)
        .map(|c| c.span.clone())
        .collect();
    v.sort_by_key(|sp| sp.start);
    v
}

/// The place candidate for `text` of a list with the settlement word `head` (村, 镇, 乡镇 …): a
/// village to look up, or a township of the division table.
fn settlement(s: &SentenceContext<'_>, span: Span, head: &str, area: Option<Span>) -> Candidate {
    let text = s.slice(&span);
    // (柘树庄 of 柘树庄、卢庄等村 is 柘树庄村 where the village table says so, 大黄庄 where it knows
    // only that)
    let villages = &s.g.villages;
    let written_whole = text.ends_with(head)
        || (s.g.words.has(WordList::VillageWord, head)
            && text
                .chars()
                .last()
                .is_some_and(|c| s.g.words.has_char(WordList::VillageEnding, c))
            && villages.lookup(&format!("{text}{head}")).is_empty()
            && !villages.lookup(&text).is_empty());
    let heads: Vec<String> = match head {
        "乡镇" => vec!["镇".into(), "乡".into()],
        h => vec![h.to_owned()],
    };
    // a township of the table under that name
    for h in &heads {
        let name = if written_whole {
            text.clone()
        } else {
            format!("{text}{h}")
        };
        let divisions: Vec<usize> = s
            .lex
            .lookup(&name)
            .iter()
            .filter_map(|e| match *e {
                NameEntry::Division { idx, short: false } => Some(idx),
                _ => None,
            })
            .filter(|&d| s.g.divisions.items[d].level == Level::Township)
            .collect();
        if !divisions.is_empty() {
            let c = Candidate::new(
                span.clone(),
                s.index,
                EntityKind::Place,
                Class::Division,
                Detail::Division {
                    candidates: divisions,
                    short: false,
                },
            )
            .with_score(LISTED_PLACE);
            return if written_whole { c } else { c.with_head(h.clone()) };
        }
    }
    let village = s.g.words.has(WordList::VillageWord, head);
    let detail = if village {
        Detail::Village { area: area.clone() }
    } else {
        Detail::Place {
            area: area.clone().map(Area::Place),
        }
    };
    let c = Candidate::new(span, s.index, EntityKind::Place, Class::Division, detail).with_score(LISTED_PLACE);
    if written_whole {
        c
    } else {
        c.with_head(heads[0].clone())
    }
}

/// Put `c` in place of what it covers: candidates crossing or inside it go, but for the places it
/// is made of.
fn replace(chosen: &mut Vec<Candidate>, c: Candidate) {
    let sp = c.span.clone();
    chosen.retain(|k| {
        let overlap = k.span.start < sp.end && sp.start < k.span.end;
        let around = k.span.start <= sp.start && sp.end <= k.span.end && k.span != sp;
        !overlap || (around && k.kind != EntityKind::Person)
    });
    chosen.push(c);
}

/// A person candidate that ends in a settlement word (侯辛村, 梅子村, 木吉村) and stands right after
/// a place, or next to a place in a list, is a place: the village (or township) of that name. So
/// is one that ends in a facility's word (华阳闸、杨湾闸), and a weak one that ends in a village's
/// ending (白泥湖垸范家坝, 李家湾): the facility, or a natural village.
fn places_before_people(s: &SentenceContext<'_>, chosen: &mut Vec<Candidate>) {
    let m = &s.g.markers;
    let people: Vec<(Span, f32)> = chosen
        .iter()
        .filter(|c| !c.nested && c.kind == EntityKind::Person)
        .map(|c| (c.span.clone(), c.score))
        .collect();
    for (p, score) in people {
        let settlement_word = m
            .ending(MarkerRole::Settlement, s.text, p.start, p.end)
            .filter(|&h| p.len() - h >= 2);
        let weak = score < SURE_PERSON;
        let village_ending = weak && p.len() >= 3 && s.g.words.has_char(WordList::VillageEnding, s.ch(p.end - 1));
        let facility = settlement_word
            .is_none()
            .then(|| suffix_at(&s.lex.place_suffixes, s.text, p.end))
            .flatten()
            .filter(|&si| {
                s.g.place_suffixes[si].kind == Some(PlaceKind::Facility)
                    && p.len() - s.lex.place_suffixes[si].len() >= 2
            });
        if settlement_word.is_none() && !village_ending && facility.is_none() {
            continue;
        }
        let places = flat_places(chosen);
        let after_place = places.iter().find(|q| q.end == p.start).cloned();
        let listed = places
            .iter()
            .any(|q| joined(s, q.end, p.start) || joined(s, p.end, q.start));
        let known = !s.g.villages.lookup(&s.slice(&p)).is_empty();
        if after_place.is_none() && !listed && !known {
            continue;
        }
        let c = match settlement_word {
            Some(h) => {
                let head = s.slice(&(p.end - h..p.end));
                settlement(s, p, &head, after_place)
            }
            None if facility.is_some() => Candidate::new(
                p,
                s.index,
                EntityKind::Place,
                Class::Facility,
                Detail::Place {
                    area: after_place.map(Area::Place),
                },
            )
            .with_score(LISTED_PLACE),
            None => Candidate::new(
                p,
                s.index,
                EntityKind::Place,
                Class::Division,
                Detail::Village { area: after_place },
            )
            .with_score(LISTED_PLACE),
        };
        replace(chosen, c);
    }
}

/// `A、B和C等村`: every bare item is a place of the settlement word.
fn shared_settlement(s: &SentenceContext<'_>, chosen: &mut Vec<Candidate>) {
    let m = &s.g.markers;
    for i in s.span.start..s.span.end {
        let Some(n) = m.at(MarkerRole::Closer, s.text, i, s.span.end) else {
            continue;
        };
        if n != 1 {
            continue;
        }
        let Some(h) = m.at(MarkerRole::Settlement, s.text, i + 1, s.span.end) else {
            continue;
        };
        let head = s.slice(&(i + 1..i + 1 + h));
        let anchors = flat_places(chosen);
        let items = bare_items_before(s, i, BARE_ITEM, &anchors);
        if items.is_empty() {
            continue;
        }
        // the place written right before the first item is the area of them all
        let area = anchors.iter().find(|a| a.end == items[0].start).cloned();
        for item in items {
            let known = chosen
                .iter()
                .any(|c| c.span == item && c.kind == EntityKind::Place && !c.nested);
            if !known {
                replace(chosen, settlement(s, item, &head, area.clone()));
            }
        }
    }
}

/// An item between two places of a list that ends in a settlement word is one place.
fn whole_items(s: &SentenceContext<'_>, chosen: &mut Vec<Candidate>) {
    let m = &s.g.markers;
    let seps: Vec<(usize, usize)> = (s.span.start..s.span.end)
        .filter(|&i| s.ch(i) == '、')
        .map(|i| (i, 1))
        .collect();
    for w in seps.windows(2) {
        let item = w[0].0 + w[0].1..w[1].0;
        if item.len() < 3 || item.len() > 8 || !(item.clone()).all(|k| crate::input::is_han(s.ch(k))) {
            continue;
        }
        let Some(h) = m.ending(MarkerRole::Settlement, s.text, item.start, item.end) else {
            continue;
        };
        if item.len() - h < 2 {
            continue;
        }
        let places = flat_places(chosen);
        if places.contains(&item) {
            continue;
        }
        let neighbour = places.iter().any(|p| p.end == w[0].0) || places.iter().any(|p| p.start == w[1].0 + 1);
        // only where the item holds no whole name of its own: a person or organisation is left
        let named = chosen
            .iter()
            .any(|c| !c.nested && c.kind != EntityKind::Place && c.span == item);
        if neighbour && !named {
            let head = s.slice(&(item.end - h..item.end));
            replace(chosen, settlement(s, item, &head, None));
        }
    }
}

/// `X镇A村、B村`: a village of a list without an area of its own lies in the area of the village
/// before it.
fn inherited_areas(s: &SentenceContext<'_>, chosen: &mut [Candidate]) {
    let mut order: Vec<usize> = (0..chosen.len())
        .filter(|&i| !chosen[i].nested && chosen[i].kind == EntityKind::Place)
        .collect();
    order.sort_by_key(|&i| chosen[i].span.start);
    let mut area: Option<Span> = None;
    let mut last_end: Option<usize> = None;
    for i in order {
        let continues = last_end.is_some_and(|e| joined(s, e, chosen[i].span.start));
        if !continues {
            area = None;
        }
        match chosen[i].detail.clone() {
            Detail::Village { area: Some(a) } => area = Some(a),
            Detail::Village { area: None } if continues => {
                if let Some(a) = area.clone() {
                    chosen[i].detail = Detail::Village { area: Some(a) };
                }
            }
            _ => {}
        }
        last_end = Some(chosen[i].span.end);
    }
}

/// `A镇、B镇、C乡疫情防控卡点`: the checkpoint written after the last item is one of every item.
fn shared_head(s: &SentenceContext<'_>, chosen: &mut Vec<Candidate>) {
    let checkpoints: Vec<(Span, Span)> = chosen
        .iter()
        .filter(|c| !c.nested && c.kind == EntityKind::Checkpoint && c.head.is_none())
        .filter_map(|c| match &c.detail {
            Detail::Checkpoint { at: Some(a), .. } if a.start == c.span.start => Some((c.span.clone(), a.clone())),
            _ => None,
        })
        .collect();
    for (chk, at) in checkpoints {
        let head = s.slice(&(at.end..chk.end));
        let places = flat_places(chosen);
        let mut next = at.start;
        let mut items: Vec<Span> = Vec::new();
        while let Some(p) = places.iter().rev().find(|p| p.end < next && joined(s, p.end, next)) {
            items.push(p.clone());
            next = p.start;
        }
        for item in items {
            for c in chosen
                .iter_mut()
                .filter(|c| c.span == item && c.kind == EntityKind::Place)
            {
                c.nested = true;
            }
            chosen.push(
                Candidate::new(
                    item.clone(),
                    s.index,
                    EntityKind::Checkpoint,
                    Class::Facility,
                    Detail::Checkpoint {
                        at: Some(item),
                        needs_place: false,
                    },
                )
                .with_score(3.0)
                .with_head(head.clone()),
            );
        }
    }
}
