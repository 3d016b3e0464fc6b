//! Event frames: visits. A visit is an actor set — the people who lead it (the subject of a visit
//! verb: 县委书记A到B镇督导; a subject list, 县委书记A,县长B先后到…; a group standing for them,
//! 调研组一行, 他) and the people who go along (一同, 陪同, 参加, 随同; 率 or 带领 people;
//! 在…的陪同下) — times the places it went to: the list after a locative (到, 深入, 前往, 走进 …),
//! a clause that sets the scene (在A村, 他…; 在A、B调研时, …), the object of the verb (察看了A),
//! 对A进行督导. A visit is carried across the sentences of its news item (随后, 每到一处, 在A村…)
//! until another subject starts one of its own.
//!
//! Who went along inspected what the visit inspected, but for the areas that are their own (a
//! township's officials who receive a visit to their township do not inspect it); who led a group
//! (率工作组, 带队 … 督查组) leads it. Verb classes and function words are data (`verbs.tsv`,
//! `markers.tsv`).

use super::{Item, Relating, Verb};
use crate::gazetteer::{MarkerRole, VerbClass, WordList};
use crate::model::{Class, Entity, EntityKind, MentionForm, RelationKind, SentenceKind, Span};
use crate::segment::SentenceContext;
use indexmap::IndexSet;

/// A visit under way in a news item.
#[derive(Debug, Default)]
struct Visit {
    /// The people who lead it, with the sentence that names them as its subject.
    leads: Vec<(usize, usize)>,
    /// The people who go along, with the sentence that says so.
    along: Vec<(usize, usize)>,
    /// The places visited, with the sentence that names each.
    targets: Vec<(usize, usize)>,
    /// A lead verb without an object (率队, 带队): the group the item names later is led.
    led_group: Option<(usize, String, usize)>,
}

impl Visit {
    fn involves(&self, people: &[usize]) -> bool {
        people
            .iter()
            .any(|p| self.leads.iter().chain(&self.along).any(|(q, _)| q == p))
    }

    /// Whether one of `people` leads the visit (who only went along and now acts on their own
    /// starts a visit of their own: 县长A一同督导。…2月3日,A到县医院看望…).
    fn led_by(&self, people: &[usize]) -> bool {
        people.iter().any(|p| self.leads.iter().any(|(q, _)| q == p))
    }

    fn add_target(&mut self, entity: usize, sentence: usize) {
        if !self.targets.iter().any(|(t, _)| *t == entity) {
            self.targets.push((entity, sentence));
        }
    }

    fn add_along(&mut self, person: usize, sentence: usize) {
        if !self.leads.iter().chain(&self.along).any(|(q, _)| *q == person) {
            self.along.push((person, sentence));
        }
    }
}

/// A clause: the text of a sentence between two of `, ; : 。`.
#[derive(Debug, Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
}

fn clauses(sc: &SentenceContext<'_>) -> Vec<Clause> {
    let stop = |c: char| matches!(c, ',' | ';' | '。' | '!' | '?' | ':');
    let mut out = Vec::new();
    let mut start = sc.span.start;
    for i in sc.span.start..sc.span.end {
        if stop(sc.ch(i)) {
            if i > start {
                out.push(Clause { start, end: i });
            }
            start = i + 1;
        }
    }
    if sc.span.end > start {
        out.push(Clause {
            start,
            end: sc.span.end,
        });
    }
    out
}

/// The state of the news item being read.
struct Reader<'r, 'a> {
    r: &'r mut Relating<'a>,
    visit: Option<Visit>,
    /// People named to go along before any visit of the item was told.
    pending_along: Vec<(usize, usize)>,
    /// 率队 / 带队 before any visit of the item was told: the leader and the verb.
    pending_group: Option<(usize, String, usize)>,
    done: Vec<Visit>,
}

/// The longest name a visit list may begin with that the recognisers do not know.
const MAX_UNKNOWN_ITEM: usize = 12;

pub fn visits(r: &mut Relating<'_>) {
    let mut reader = Reader {
        r,
        visit: None,
        pending_along: Vec::new(),
        pending_group: None,
        done: Vec::new(),
    };
    let mut item = usize::MAX;
    for s in 0..reader.r.ctx.len() {
        if reader.r.ctx[s].item != item {
            reader.finish();
            reader.pending_along.clear();
            reader.pending_group = None;
            item = reader.r.ctx[s].item;
        }
        match reader.r.ctx[s].kind {
            SentenceKind::Byline => {}
            // a headline tells a visit of its own (市委书记A到B县督导), which carries nothing on
            SentenceKind::Headline => {
                let (before, along) = (reader.visit.take(), std::mem::take(&mut reader.pending_along));
                reader.sentence(s);
                reader.finish();
                reader.visit = before;
                reader.pending_along = along;
            }
            _ => reader.sentence(s),
        }
    }
    reader.finish();
    let done = std::mem::take(&mut reader.done);
    for v in done {
        emit(reader.r, &v);
    }
}

impl Reader<'_, '_> {
    fn finish(&mut self) {
        if let Some(v) = self.visit.take() {
            self.done.push(v);
        }
    }

    fn sentence(&mut self, s: usize) {
        let verbs = super::verbs(self.r, s);
        let clauses = clauses(&self.r.ctx[s]);
        // a clause that sets the scene (在A村,…) and one that lists the places (先后到A、B,督导…)
        let mut scene: Vec<Item> = Vec::new();
        let mut places_before: Vec<Item> = Vec::new();
        // people listed in clauses of their own before the verb (县委书记A,县长B先后到…)
        let mut subjects: Vec<usize> = Vec::new();
        // the clause before listed the places of a visit: a clause of places only goes on with the
        // list (深入A镇B村、C社区,D镇E村,F镇实地调研)
        let mut listing = false;
        for (ci, c) in clauses.iter().enumerate() {
            if listing {
                if let Some(more) = self.places_clause(s, *c) {
                    if let Some(v) = self.visit.as_mut() {
                        for t in &more {
                            v.add_target(t.entity, s);
                        }
                    }
                    continue;
                }
                listing = false;
            }
            // 在…的陪同下: the people between went along (a host named by title only, 在A镇主要
            // 领导的陪同下, goes along unnamed); its 陪同 is no verb of the clause
            let hosted = self.hosted(s, *c);
            let (hosts, hosted_span) = hosted.clone().unwrap_or_default();
            let in_clause: Vec<Verb> = verbs
                .iter()
                .filter(|v| v.start >= c.start && v.end <= c.end)
                .filter(|v| !(hosted.is_some() && hosted_span.start <= v.start && v.end <= hosted_span.end))
                .copied()
                .collect();
            for &p in &hosts {
                self.along(p, s);
            }
            if hosted.is_some() && hosted_span.end == c.end {
                // (the people before it are the subject of the clause that goes on)
                for p in self.people_before(s, c.start, hosted_span.start) {
                    if !subjects.contains(&p) {
                        subjects.push(p);
                    }
                }
                continue;
            }
            if let Some(targets) = self.scene_clause(s, *c, &in_clause) {
                scene = targets;
                continue;
            }
            let people: Vec<usize> = self
                .people_before(s, c.start, self.first_predicate(s, *c, &in_clause))
                .into_iter()
                .filter(|p| !hosts.contains(p))
                .collect();
            let along_verb = in_clause
                .iter()
                .find(|v| v.class == VerbClass::Accompany)
                .map(|v| v.start)
                .or_else(|| self.together(s, *c, &in_clause));
            if let Some(at) = along_verb {
                let mut going: Vec<usize> = subjects.clone();
                for p in self.people_before(s, c.start, at) {
                    if !going.contains(&p) && !hosts.contains(&p) {
                        going.push(p);
                    }
                }
                // (陪同 after a visit verb of the same clause: 到A调研,B陪同 is two clauses)
                if !going.is_empty() {
                    for p in going {
                        self.along(p, s);
                    }
                    subjects.clear();
                    continue;
                }
            }
            let lead_verb = in_clause.iter().find(|v| v.class == VerbClass::Lead).copied();
            let visit_verb = in_clause.iter().find(|v| v.class == VerbClass::Visit).copied();
            let locative = self.locative(s, *c);
            let mut targets: Vec<Item> = Vec::new();
            if let Some(l) = locative {
                let until = visit_verb.map_or(c.end, |v| v.start.max(l));
                targets = self.places(s, l, until);
            }
            if targets.is_empty() && !places_before.is_empty() && visit_verb.is_some() {
                targets = std::mem::take(&mut places_before);
            }
            if targets.is_empty() && !scene.is_empty() {
                targets = std::mem::take(&mut scene);
            }
            if targets.is_empty() {
                if let Some(v) = visit_verb {
                    targets = self.objects(s, v.end, c.end);
                }
            }
            if targets.is_empty() {
                targets = self.treated(s, *c);
            }
            if targets.is_empty() {
                targets = self.anaphor_targets(s, *c);
            }
            // (the people of a subject list in clauses of their own before this one act with it)
            let mut actors = subjects.clone();
            for &p in &people {
                if !actors.contains(&p) {
                    actors.push(p);
                }
            }
            // 林锐率国家防总湖北工作组: the group after 率 is led; people after it go along
            if let Some(lv) = lead_verb {
                self.lead(s, *c, lv, &actors);
            }
            let group = self.group_subject(s, *c);
            let has_visit = visit_verb.is_some();
            if actors.is_empty() && (group || self.pronoun_subject(s, *c)) {
                actors = self.current_leads();
            }
            if actors.is_empty() && (has_visit || (locative.is_some() && !targets.is_empty())) {
                // a clause without a subject goes on with the visit under way
                actors = self.current_leads();
            }
            if targets.is_empty() {
                if !people.is_empty() && in_clause.is_empty() && locative.is_none() {
                    // a clause of its own that only names people, or names them going somewhere
                    // unnamed (A一行深入全县各卡点,): the subject list goes on
                    let going = self.goes(s, *c);
                    let listed = if going { people.clone() } else { self.only_people(s, *c) };
                    for p in listed {
                        if !subjects.contains(&p) {
                            subjects.push(p);
                        }
                    }
                    continue;
                }
                if has_visit && !actors.is_empty() {
                    self.start_or_continue(&actors, s, has_visit);
                    subjects.clear();
                }
                // 先后到A、B和C,督导检查: the places wait for the verb of the next clause
                continue;
            }
            if locative.is_some() && visit_verb.is_none() && ci + 1 < clauses.len() {
                let later_verb = verbs.iter().any(|v| v.class == VerbClass::Visit && v.start >= c.end);
                if later_verb && actors.is_empty() {
                    places_before = targets;
                    continue;
                }
                if later_verb {
                    places_before.clone_from(&targets);
                }
            }
            if actors.is_empty() {
                continue;
            }
            // a visit needs a visit verb somewhere in the sentence, or one under way
            let verb_in_sentence = verbs.iter().any(|v| v.class == VerbClass::Visit);
            if !has_visit && !verb_in_sentence && self.visit.is_none() {
                continue;
            }
            self.start_or_continue(&actors, s, true);
            if let Some(v) = self.visit.as_mut() {
                for t in &targets {
                    v.add_target(t.entity, s);
                }
            }
            listing = locative.is_some() && targets.last().is_some_and(|t| t.span.end == c.end);
            places_before.clear();
            subjects.clear();
        }
        self.group_led(s);
    }

    /// The visit these actors lead: the one under way when they take part in it, else a new one.
    fn start_or_continue(&mut self, actors: &[usize], s: usize, _visit: bool) {
        // (some of the leaders named again on their own, 市委书记A到…, after A、B分赴各地: a visit
        // of theirs)
        let some_leaders = self.visit.as_ref().is_some_and(|v| {
            v.leads.len() > actors.len() && actors.iter().all(|a| v.leads.iter().any(|(p, _)| p == a))
        });
        let continuing = self.visit.as_ref().is_some_and(|v| v.led_by(actors)) && !some_leaders;
        if !continuing {
            self.finish();
            let mut v = Visit {
                leads: actors.iter().map(|&a| (a, s)).collect(),
                ..Visit::default()
            };
            for (p, ps) in self.pending_along.drain(..) {
                v.add_along(p, ps);
            }
            self.visit = Some(v);
        } else if let Some(v) = self.visit.as_mut() {
            // a subject list that names more people than the visit knew: they lead it too
            for &a in actors {
                if !v.involves(&[a]) {
                    v.leads.push((a, s));
                }
            }
        }
    }

    fn along(&mut self, person: usize, s: usize) {
        match self.visit.as_mut() {
            Some(v) => v.add_along(person, s),
            None => self.pending_along.push((person, s)),
        }
    }

    fn current_leads(&self) -> Vec<usize> {
        self.visit
            .as_ref()
            .map(|v| v.leads.iter().map(|(p, _)| *p).collect())
            .unwrap_or_default()
    }

    /// Where the predicate of a clause begins: its first locative or verb (or its end).
    fn first_predicate(&self, s: usize, c: Clause, verbs: &[Verb]) -> usize {
        let loc = self.locative(s, c).map(|l| self.locative_start(s, l));
        let verb = verbs.iter().map(|v| v.start).min();
        let together = self.together(s, c, verbs);
        [loc, verb, together].into_iter().flatten().min().unwrap_or(c.end)
    }

    /// The people named between `from` and `to`: a subject and those listed with it.
    fn people_before(&self, s: usize, from: usize, to: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for x in self.r.items[s]
            .iter()
            .filter(|x| x.kind == EntityKind::Person && x.span.start >= from && x.span.end <= to)
        {
            if !out.contains(&x.entity) {
                out.push(x.entity);
            }
        }
        out
    }

    /// A clause that names only people (with their titles and organisations): 县委书记A, — what
    /// is not a name or a title is no verb and no preposition, and short.
    fn only_people(&self, s: usize, c: Clause) -> Vec<usize> {
        let sc = &self.r.ctx[s];
        let mut covered = vec![false; c.end - c.start];
        let mut cover = |sp: &std::ops::Range<usize>| {
            for k in sp.start.max(c.start)..sp.end.min(c.end) {
                covered[k - c.start] = true;
            }
        };
        let mut people = Vec::new();
        for x in self.r.items[s]
            .iter()
            .filter(|x| x.span.start >= c.start && x.span.end <= c.end)
        {
            cover(&x.span);
            if x.kind == EntityKind::Person && !people.contains(&x.entity) {
                people.push(x.entity);
            }
        }
        // (organisations the text names without an entity of their own: 组织部 of a chain)
        for x in self.r.rec.candidates.iter().filter(|x| x.sentence == s) {
            cover(&x.span);
        }
        for t in sc.titles.iter() {
            cover(&(t.start..t.end));
        }
        let joining = |ch: char| {
            ch == ' '
                || sc.g.markers.is(MarkerRole::Separator, ch.encode_utf8(&mut [0; 4]))
                || sc.g.markers.is(MarkerRole::Closer, ch.encode_utf8(&mut [0; 4]))
        };
        let uncovered = |k: usize| !covered[k - c.start] && !joining(sc.ch(k));
        let rest = (c.start..c.end).filter(|&k| uncovered(k)).count();
        let verb = sc.tokens.iter().any(|t| {
            t.span.start >= c.start
                && t.span.end <= c.end
                && (t.span.start..t.span.end).any(uncovered)
                && ((t.tag.starts_with('v') && t.tag != "vn") || t.tag == "p")
        });
        if rest <= 12 && !verb && !people.is_empty() {
            people
        } else {
            Vec::new()
        }
    }

    /// Whether the clause tells of going somewhere (a locative word, 一行): 深入全县各卡点.
    fn goes(&self, s: usize, c: Clause) -> bool {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        (c.start..c.end).any(|i| {
            sc.boundary(i)
                && (m.at(MarkerRole::Locative, sc.text, i, c.end).is_some_and(|n| n >= 2)
                    || m.at(MarkerRole::Group, sc.text, i, c.end).is_some())
        })
    }

    /// A locative word of the clause that opens places (到, 深入, 前往 …), as the position just
    /// after it.
    fn locative(&self, s: usize, c: Clause) -> Option<usize> {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        // (在 inside a clause, after its subject, opens places a visit verb follows: A在B县调研时)
        let visit_from = |from: usize| {
            super::verbs(self.r, s)
                .iter()
                .any(|v| v.class == VerbClass::Visit && v.start >= from && v.end <= c.end)
        };
        (c.start..c.end).find_map(|i| {
            let n = m.at(MarkerRole::Locative, sc.text, i, c.end).or_else(|| {
                m.at(MarkerRole::Scene, sc.text, i, c.end)
                    .filter(|&n| i > c.start && visit_from(i + n))
            })?;
            // a word of its own, or glued to the name before it (也到, 平到), and followed by a
            // place of the clause
            let aligned = sc.boundary(i)
                || self.r.items[s].iter().any(|x| x.span.end == i)
                || sc.token_at(i).is_some_and(|t| t.span.end == i + n);
            let end = i + n;
            let place_next = self.r.items[s].iter().any(|x| {
                x.span.start >= end
                    && (x.span.start <= end + 2 || self.unknown_first_item(s, end, x.span.start))
                    && matches!(
                        x.kind,
                        EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
                    )
            });
            (aligned && place_next && !self.inside_name(s, i)).then_some(end)
        })
    }

    /// A list of places whose first item is a name nobody knows (赴[呼大高速新荣南出口]、A村卡点;
    /// 来到[笏石街道]秀山村): between the locative and the first known place, a short run of
    /// name characters — no verb, no person, no punctuation but the list's separator right
    /// before the place.
    fn unknown_first_item(&self, s: usize, from: usize, to: usize) -> bool {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        if to <= from + 1 || to - from > MAX_UNKNOWN_ITEM + 1 {
            return false;
        }
        let sep = m.ending(MarkerRole::Separator, sc.text, from, to).unwrap_or(0);
        let gap = from..to - sep;
        let name_like = sc.text[gap.clone()]
            .iter()
            .all(|&c| crate::input::is_han(c) || c.is_ascii_alphanumeric());
        let verb = super::verbs(self.r, s)
            .iter()
            .any(|v| v.start < gap.end && gap.start < v.end);
        let someone = self.r.items[s]
            .iter()
            .any(|x| x.span.start < gap.end && gap.start < x.span.end);
        // a name, not a common noun (深入矿山企业和A镇): a proper or unknown word, or a scope
        // character first (县汽车总站)
        let proper = sc.tokens.iter().any(|t| {
            t.span.start >= gap.start
                && t.span.end <= gap.end
                && (matches!(t.tag.as_str(), "ns" | "nz" | "nr" | "j" | "nrt" | "nrfg")
                    || !sc.seg.has_word(&sc.slice(&t.span)))
        });
        let scoped = sc.g.words.has_char(WordList::UpperScopeCharacter, sc.ch(gap.start));
        name_like && !verb && !someone && gap.len() >= 2 && (proper || scoped)
    }

    /// Where the locative ending at `end` began.
    fn locative_start(&self, s: usize, end: usize) -> usize {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        end - m
            .ending(MarkerRole::Locative, sc.text, sc.span.start, end)
            .or_else(|| m.ending(MarkerRole::Scene, sc.text, sc.span.start, end))
            .unwrap_or(0)
    }

    fn inside_name(&self, s: usize, i: usize) -> bool {
        self.r.items[s].iter().any(|x| x.span.start < i && i < x.span.end)
    }

    /// The places, checkpoints and organisations between `from` and `to`, the most specific ones
    /// (a place written as the area of the next, 大河涧乡 in 大河涧乡弓家庄村, was not visited on its
    /// own).
    /// `来到这里`: the places an anaphor after a locative (这里, 该地) stands for — those the
    /// sentences right before describe, each beginning with one and naming nobody (红旗大闸是…。
    /// 红星泵站作为…。).
    fn anaphor_targets(&self, s: usize, c: Clause) -> Vec<Item> {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let anaphor = (c.start..c.end).any(|i| {
            m.at(MarkerRole::Locative, sc.text, i, c.end)
                .is_some_and(|n| m.at(MarkerRole::Anaphor, sc.text, i + n, c.end).is_some())
        });
        if !anaphor {
            return Vec::new();
        }
        let mut topics: Vec<Item> = Vec::new();
        for p in (0..s).rev() {
            let start = self.r.ctx[p].span.start;
            // (a sentence that names people is about them: 黄冈市 of 黄冈市委副书记、市长A…参加活动)
            let items = &self.r.items[p];
            let describes = !items.iter().any(|x| x.kind == EntityKind::Person);
            let topic = items.iter().find(|x| {
                describes
                    && x.span.start == start
                    && matches!(x.kind, EntityKind::Place | EntityKind::Checkpoint)
                    && x.form != MentionForm::Pronoun
            });
            match topic {
                Some(x) => topics.insert(0, x.clone()),
                None => break,
            }
        }
        topics
    }

    fn places(&self, s: usize, from: usize, to: usize) -> Vec<Item> {
        let found: Vec<Item> = self.r.items[s]
            .iter()
            .filter(|x| x.span.start >= from && x.span.end <= to)
            .filter(|x| {
                matches!(
                    x.kind,
                    EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
                ) && (x.form != MentionForm::Pronoun || x.kind == EntityKind::Place)
            })
            .cloned()
            .collect();
        // a person between them ends the list (到A村看望村民B)
        let stop = self.r.items[s]
            .iter()
            .filter(|x| x.kind == EntityKind::Person && x.span.start >= from && x.span.end <= to)
            .map(|x| x.span.start)
            .min()
            .unwrap_or(to);
        found
            .iter()
            .filter(|x| x.span.end <= stop)
            .filter(|x| {
                !(x.kind == EntityKind::Place
                    && found.iter().any(|y| {
                        y.span.start == x.span.end && matches!(y.kind, EntityKind::Place | EntityKind::Checkpoint)
                    }))
            })
            .cloned()
            .collect()
    }

    /// 在A村, / 在A、B等地调研时, / 在A卡点上, : a clause that sets the scene — `在`, places and
    /// words of position or time only.
    fn scene_clause(&self, s: usize, c: Clause, verbs: &[Verb]) -> Option<Vec<Item>> {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let n = m.at(MarkerRole::Scene, sc.text, c.start, c.end)?;
        let open = c.start + n;
        let mut pos = open;
        let mut found: Vec<Item> = Vec::new();
        // the places, with separators between them
        for x in self.r.items[s]
            .iter()
            .filter(|x| x.span.start >= open && x.span.end <= c.end)
        {
            if !matches!(
                x.kind,
                EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
            ) {
                return None;
            }
            let gap = sc.slice(&(pos..x.span.start));
            if !(gap.is_empty() || m.is(MarkerRole::Separator, &gap)) {
                return None;
            }
            found.push(x.clone());
            pos = x.span.end;
        }
        if found.is_empty() {
            return None;
        }
        // what may follow: 等地, a word of position, 调研时, 期间, a person's home (家中)
        let mut rest = pos;
        if let Some(k) = m.at(MarkerRole::Closer, sc.text, rest, c.end) {
            rest += k;
        }
        if let Some(v) = verbs.iter().find(|v| v.start == rest && v.class == VerbClass::Visit) {
            rest = v.end;
        }
        let tail = sc.slice(&(rest..c.end));
        let ok = tail.is_empty()
            || m.is(MarkerRole::Position, &tail)
            || m.is(MarkerRole::Time, &tail)
            || tail == "现场"
            || tail == "施工现场";
        if !ok {
            return None;
        }
        let found = found
            .iter()
            .filter(|x| {
                !(x.kind == EntityKind::Place
                    && found.iter().any(|y| {
                        y.span.start == x.span.end && matches!(y.kind, EntityKind::Place | EntityKind::Checkpoint)
                    }))
            })
            .cloned()
            .collect();
        Some(found)
    }

    /// A clause that lists places only (with 以及/和 between them, 等地 and a visit verb after):
    /// `黄墩镇栗山村、金闸村`, `高河镇查湾村以及公岭镇三铺村实地调研`.
    fn places_clause(&self, s: usize, c: Clause) -> Option<Vec<Item>> {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let mut pos = c.start;
        let mut found: Vec<Item> = Vec::new();
        for x in self.r.items[s]
            .iter()
            .filter(|x| x.span.start >= c.start && x.span.end <= c.end)
        {
            if !matches!(
                x.kind,
                EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
            ) {
                return None;
            }
            let gap = sc.slice(&(pos..x.span.start));
            if !(gap.is_empty() || m.is(MarkerRole::Separator, &gap)) {
                return None;
            }
            found.push(x.clone());
            pos = x.span.end;
        }
        if found.is_empty() {
            return None;
        }
        let mut rest = pos;
        if let Some(k) = m.at(MarkerRole::Closer, sc.text, rest, c.end) {
            rest += k;
        }
        let tail = sc.slice(&(rest..c.end));
        let verb_only = super::verbs(self.r, s)
            .iter()
            .any(|v| v.class == VerbClass::Visit && v.end == c.end && v.start >= rest);
        (tail.is_empty() || verb_only || tail.chars().count() <= 4 && tail.ends_with("调研")).then(|| {
            found
                .iter()
                .filter(|x| {
                    !(x.kind == EntityKind::Place
                        && found.iter().any(|y| {
                            y.span.start == x.span.end && matches!(y.kind, EntityKind::Place | EntityKind::Checkpoint)
                        }))
                })
                .cloned()
                .collect()
        })
    }

    /// The objects right after a visit verb (察看了A村、B卡点; 走访慰问了A公司).
    fn objects(&self, s: usize, from: usize, to: usize) -> Vec<Item> {
        let sc = &self.r.ctx[s];
        let start = if sc.ch(from) == '了' { from + 1 } else { from };
        let first = self.r.items[s].iter().find(|x| x.span.start == start).cloned();
        match first {
            Some(x)
                if matches!(
                    x.kind,
                    EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
                ) && x.form != MentionForm::Pronoun =>
            {
                let mut out = vec![x.clone()];
                let mut pos = x.span.end;
                let after = x.span.end;
                for y in self.r.items[s]
                    .iter()
                    .filter(|y| y.span.start > after && y.span.end <= to)
                {
                    let gap = sc.slice(&(pos..y.span.start));
                    if !sc.g.markers.is(MarkerRole::Separator, &gap)
                        || !matches!(
                            y.kind,
                            EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
                        )
                    {
                        break;
                    }
                    out.push(y.clone());
                    pos = y.span.end;
                }
                out
            }
            _ => Vec::new(),
        }
    }

    /// 对A进行督导 / 对A开展巡河: the place after 对, when a visit verb follows in the clause.
    fn treated(&self, s: usize, c: Clause) -> Vec<Item> {
        let sc = &self.r.ctx[s];
        let Some(dui) = (c.start..c.end).find(|&i| sc.ch(i) == '对' && sc.boundary(i)) else {
            return Vec::new();
        };
        let then = (dui..c.end).find(|&i| sc.at(i, "进行") || sc.at(i, "开展"));
        match then {
            Some(t) => self.places(s, dui + 1, t),
            None => Vec::new(),
        }
    }

    /// 一同 / 一起 before a verb: where it stands, as the start of the clause's predicate.
    fn together(&self, s: usize, c: Clause, verbs: &[Verb]) -> Option<usize> {
        let sc = &self.r.ctx[s];
        verbs.iter().find_map(|v| {
            let n = sc.g.markers.ending(MarkerRole::Together, sc.text, c.start, v.start)?;
            Some(v.start - n)
        })
    }

    /// 在县委书记A、县长B的陪同下: the people between 在 and 的陪同下, and where the phrase ends.
    /// `在…的陪同下`: the people in between (perhaps none named) and the span from 在 to 下.
    fn hosted(&self, s: usize, c: Clause) -> Option<(Vec<usize>, Span)> {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let (close, n) = (c.start..c.end).find_map(|i| Some((i, m.at(MarkerRole::Hosted, sc.text, i, c.end)?)))?;
        let open = (c.start..close)
            .rev()
            .find(|&i| m.at(MarkerRole::Scene, sc.text, i, close).is_some() && sc.boundary(i))?;
        Some((self.people_before(s, open, close), open..close + n))
    }

    /// The clause opens with a word that stands for the people of the visit (调研组一行, 一行).
    fn group_subject(&self, s: usize, c: Clause) -> bool {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let mut i = c.start;
        if let Some(n) = m.at(MarkerRole::FollowOn, sc.text, i, c.end) {
            i += n;
        }
        // (a named team before 一行: 衡南县党政代表团一行)
        if let Some(x) = self.r.items[s]
            .iter()
            .find(|x| x.span.start == i && x.kind == EntityKind::Organisation)
        {
            i = x.span.end;
        }
        m.at(MarkerRole::Group, sc.text, i, c.end).is_some()
    }

    /// The clause opens with a pronoun for the last person (他, 她).
    fn pronoun_subject(&self, s: usize, c: Clause) -> bool {
        let sc = &self.r.ctx[s];
        let m = &sc.g.markers;
        let mut i = c.start;
        if let Some(n) = m.at(MarkerRole::FollowOn, sc.text, i, c.end) {
            i += n;
        }
        m.at(MarkerRole::Pronoun, sc.text, i, c.end).is_some()
    }

    /// 率/带领/率领: the group led (a team of the text: 率国家防总湖北工作组); the people after the
    /// verb go along (带领A、B到…).
    fn lead(&mut self, s: usize, c: Clause, lv: Verb, leaders: &[usize]) {
        let word = self.r.ctx[s].slice(&(lv.start..lv.end));
        let stop = self.locative(s, c).map_or(c.end, |l| self.locative_start(s, l));
        let after: Vec<Item> = self.r.items[s]
            .iter()
            .filter(|x| x.span.start >= lv.end && x.span.end <= stop)
            .cloned()
            .collect();
        let team = after.iter().find(|x| {
            x.kind == EntityKind::Organisation && {
                let e = &self.r.entities[x.entity];
                e.class == Class::Team || e.name.ends_with('团') || e.name.ends_with('组')
            }
        });
        if let Some(team) = team {
            for &p in leaders {
                self.r.add(p, RelationKind::Leads, team.entity, s).title = Some(word.clone());
            }
        } else if after.is_empty() && word.ends_with('队') {
            // 率队 / 带队 without an object: the group the item names later (调研组, 督查组)
            if let Some(&p) = leaders.first() {
                if let Some(v) = self.visit.as_mut() {
                    v.led_group = Some((p, word.clone(), s));
                } else {
                    self.pending_group = Some((p, word.clone(), s));
                }
            }
        }
        for x in after.iter().filter(|x| x.kind == EntityKind::Person) {
            self.along(x.entity, s);
        }
    }

    /// A group word of the item (调研组, 督查组) after 率队/带队: its leader leads it.
    fn group_led(&mut self, s: usize) {
        let sc = &self.r.ctx[s];
        let pending = self
            .visit
            .as_ref()
            .and_then(|v| v.led_group.clone())
            .or_else(|| self.pending_group.clone());
        let Some((leader, title, _)) = pending else { return };
        let m = &sc.g.markers;
        let found = (sc.span.start..sc.span.end).find_map(|i| {
            let n = m.at(MarkerRole::Group, sc.text, i, sc.span.end)?;
            let word = sc.slice(&(i..i + n));
            (word.ends_with('组') || word.ends_with('团')).then_some(word)
        });
        let Some(word) = found else { return };
        let doc = self.r.document.to_owned();
        let group = self.r.entity(Entity {
            kind: EntityKind::Organisation,
            class: Class::Team,
            name: word.clone(),
            aliases: IndexSet::new(),
            key: crate::identity::ad_hoc_group(&doc, &word),
            division_code: None,
        });
        self.r.add(leader, RelationKind::Leads, group, s).title = Some(title);
        if let Some(v) = self.visit.as_mut() {
            v.led_group = None;
        }
        self.pending_group = None;
    }
}

/// The facts of a finished visit: its leaders inspected every place of it; those who went along
/// too, but for their own areas and — when they are hosts, officials of an area below the leader's
/// or beside it — for the places in their area (a county's leaders who receive a city's visit do
/// not inspect their county's sites; a county head's own officials going along with him do).
fn emit(r: &mut Relating<'_>, v: &Visit) {
    for &(p, _) in &v.leads {
        for &(t, ts) in &v.targets {
            if p != t {
                r.add(p, RelationKind::Inspected, t, ts);
            }
        }
    }
    let lead_areas: Vec<String> = v.leads.iter().flat_map(|&(p, _)| area_codes(r, p)).collect();
    for &(p, ps) in &v.along {
        let own = area_codes(r, p);
        // below the leader's area, or beside it: a host
        // (an area at or above one of the leader's is the visiting side's)
        let host = !lead_areas.is_empty()
            && !own.is_empty()
            && own
                .iter()
                .all(|a| !lead_areas.iter().any(|l| l.starts_with(a.as_str())));
        for &(t, ts) in &v.targets {
            let own_area = r.entities[t].division_code.as_ref().is_some_and(|c| own.contains(c));
            let hosted = host && place_code(r, t, ts).is_some_and(|c| own.iter().any(|a| c.starts_with(a.as_str())));
            let in_own = own_area || hosted;
            if p != t && !in_own {
                r.add(p, RelationKind::Inspected, t, ps);
            }
        }
    }
}

/// The division codes of the areas a person holds posts in: the area of a post (副县长 of 竹山县),
/// the place of the organisation of a post (新寮镇 of 新寮镇党委), or the area a title implied for it
/// (安庆市 of 市政协主席, whether the text names the city or not).
fn area_codes(r: &Relating<'_>, person: usize) -> Vec<String> {
    let orgs: Vec<usize> = r
        .relations
        .iter()
        .filter(|x| x.subject == person && x.kind == RelationKind::Post)
        .map(|x| x.object)
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut push = |c: &str| {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    };
    for &o in &orgs {
        if let Some(c) = &r.entities[o].division_code {
            push(c);
        }
        if let Some(&d) = r.implied_area.get(&o) {
            push(&r.g.divisions.items[d].code);
        }
        for x in r
            .relations
            .iter()
            .filter(|x| x.subject == o && x.kind == RelationKind::Location)
        {
            if let Some(c) = &r.entities[x.object].division_code {
                push(c);
            }
        }
    }
    out
}

/// The division code of the area a visited place or organisation lies in: its own, that of the
/// place the text puts it in (up to four steps), or — placed nowhere, or only in a region around
/// the home area such as the province a company names itself by — the home area of its news item.
fn place_code(r: &Relating<'_>, e: usize, s: usize) -> Option<String> {
    let home = r
        .home
        .nearest(r.ctx[s].item)
        .map(|d| r.g.divisions.items[d].code.clone());
    let mut frontier = vec![e];
    let mut seen = vec![e];
    for _ in 0..4 {
        let mut next = Vec::new();
        for x in frontier {
            if let Some(c) = &r.entities[x].division_code {
                return match &home {
                    Some(h) if h.starts_with(c.as_str()) && h != c => Some(h.clone()),
                    _ => Some(c.clone()),
                };
            }
            if let Some(&d) = r.implied_area.get(&x) {
                return Some(r.g.divisions.items[d].code.clone());
            }
            for y in r
                .relations
                .iter()
                .filter(|y| y.subject == x && matches!(y.kind, RelationKind::ContainedIn | RelationKind::Location))
            {
                if !seen.contains(&y.object) {
                    seen.push(y.object);
                    next.push(y.object);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    home
}
