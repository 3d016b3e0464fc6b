//! Relate: the facts between entities, each with the sentence it was read from — posts and heads
//! from role phrases ([`post`]), visits, service at checkpoints, gifts and membership from verb
//! frames ([`frames`]), and weighted co-mentions ([`comention`]). The facts that names state by
//! themselves (罗庄村 in 石林镇, 感染科 of 市第三人民医院) come from the Resolve stage.

pub mod comention;
pub mod dates;
pub mod events;
pub mod frames;
pub mod post;

use crate::gazetteer::{Gazetteer, VerbClass};
use crate::model::Recognized;
use crate::model::{CoMention, Entity, EntityKind, Mention, MentionForm, Relation, RelationKind};
use crate::model::{Home, Resolved};
use crate::segment::SentenceContext;
use std::collections::HashMap;

/// A mention as the relation rules see it: span, entity and kind, in text order per sentence.
#[derive(Debug, Clone)]
pub struct Item {
    pub span: std::ops::Range<usize>,
    pub entity: usize,
    pub kind: EntityKind,
    pub form: MentionForm,
}

/// Everything the rules read and write.
pub struct Relating<'a> {
    pub ctx: &'a [SentenceContext<'a>],
    pub g: &'a Gazetteer,
    pub rec: &'a Recognized,
    pub entities: &'a mut Vec<Entity>,
    keys: HashMap<String, usize>,
    /// flat mentions of each sentence, in text order
    pub items: Vec<Vec<Item>>,
    /// nested mentions of each sentence
    pub nested: Vec<Vec<Item>>,
    pub relations: Vec<Relation>,
    pub home: &'a Home,
    /// The document's identity (for the keys of groups that exist only in it).
    pub document: &'a str,
    /// The verbs of each sentence.
    pub verbs: Vec<Vec<Verb>>,
    /// The division an organisation a title implied belongs to, where the text does not name the
    /// division (安庆市 of the 市政协 of 市政协主席): for the reasoning of the later rules, not stated.
    pub implied_area: HashMap<usize, usize>,
}

impl<'a> Relating<'a> {
    pub fn new(
        ctx: &'a [SentenceContext<'a>],
        g: &'a Gazetteer,
        rec: &'a Recognized,
        resolved: &'a mut Resolved,
        document: &'a str,
    ) -> Self {
        let mut items = vec![Vec::new(); ctx.len()];
        let mut nested = vec![Vec::new(); ctx.len()];
        for m in &resolved.mentions {
            let item = Item {
                span: m.span.clone(),
                entity: m.entity,
                kind: resolved.entities[m.entity].kind,
                form: m.form,
            };
            if m.nested {
                nested[m.sentence].push(item);
            } else {
                items[m.sentence].push(item);
            }
        }
        let keys = resolved
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.key.clone(), i))
            .collect();
        let relations = std::mem::take(&mut resolved.structural);
        let verbs = ctx.iter().zip(&items).map(|(sc, it)| sentence_verbs(sc, it)).collect();
        Relating {
            ctx,
            g,
            rec,
            entities: &mut resolved.entities,
            keys,
            items,
            nested,
            relations,
            home: &resolved.home,
            document,
            implied_area: HashMap::new(),
            verbs,
        }
    }

    /// Find or create the entity with this key.
    pub fn entity(&mut self, e: Entity) -> usize {
        if let Some(&i) = self.keys.get(&e.key) {
            return i;
        }
        let i = self.entities.len();
        self.keys.insert(e.key.clone(), i);
        self.entities.push(e);
        i
    }

    pub fn add(&mut self, subject: usize, kind: RelationKind, object: usize, sentence: usize) -> &mut Relation {
        self.relations.push(Relation::new(subject, kind, object, sentence));
        self.relations.last_mut().expect("just pushed")
    }
}

/// A verb of an event frame in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub start: usize,
    pub end: usize,
    pub class: VerbClass,
}

/// The verbs of sentence `s`, in text order: each starts a word (检查 in 检查站 is no visit) or
/// follows a name the segmenter glued it to (淇滨区捐赠 read as 淇滨/区捐赠), lies in no name, and
/// is not part of a longer verb found before it.
pub fn verbs(r: &Relating<'_>, s: usize) -> Vec<Verb> {
    r.verbs[s].clone()
}

/// The verbs of one sentence (see [`verbs`]), found once when the stage starts.
fn sentence_verbs(sc: &SentenceContext<'_>, items: &[Item]) -> Vec<Verb> {
    let mut out: Vec<Verb> = Vec::new();
    for i in sc.span.start..sc.span.end {
        if out.last().is_some_and(|v| v.end > i) {
            continue;
        }
        if let Some((n, class)) = sc.lex.verb_at(sc.text, i, sc.span.end) {
            let after_name = items.iter().any(|x| x.span.end == i);
            let aligned =
                (sc.boundary(i) || after_name) && (sc.boundary(i + n) || class == VerbClass::Serve || after_name);
            let in_name = items.iter().any(|x| x.span.start < i + n && i < x.span.end);
            if aligned && !in_name {
                out.push(Verb {
                    start: i,
                    end: i + n,
                    class,
                });
            }
        }
    }
    out
}

/// Read the relations of a document.
pub fn relate(
    ctx: &[SentenceContext<'_>],
    g: &Gazetteer,
    rec: &Recognized,
    resolved: &mut Resolved,
    document: &str,
    published: Option<crate::model::Date>,
) -> (Vec<Relation>, Vec<CoMention>) {
    let mentions: Vec<Mention> = resolved.mentions.clone();
    let mut r = Relating::new(ctx, g, rec, resolved, document);
    post::posts(&mut r);
    events::visits(&mut r);
    frames::frames(&mut r);
    let mut relations = r.relations;
    relations.retain(|x| x.subject != x.object);
    let dates = dates::sentence_dates(ctx, published);
    for x in &mut relations {
        if matches!(
            x.kind,
            RelationKind::Inspected | RelationKind::StationedAt | RelationKind::Leads | RelationKind::DonatedTo
        ) {
            if let Some(d) = dates.get(x.sentence) {
                x.date.clone_from(&d.written);
                x.day = d.day;
            }
        }
    }
    relations.sort_by(|a, b| {
        (a.subject, a.kind, a.object, &a.title, a.sentence).cmp(&(b.subject, b.kind, b.object, &b.title, b.sentence))
    });
    relations.dedup_by(|a, b| (a.subject, a.kind, a.object, &a.title) == (b.subject, b.kind, b.object, &b.title));
    let comentions = comention::comentions(&mentions);
    (relations, comentions)
}
