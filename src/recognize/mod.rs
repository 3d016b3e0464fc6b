//! Recognise: find the people, organisations, places and checkpoints a sentence names.
//!
//! Each rule family has its own module and adds [`Candidate`]s: gazetteer names and composed
//! places ([`place`]), organisation chains ([`org`]), checkpoints ([`checkpoint`]), people
//! ([`person`]) and pronoun-like references ([`reference`]). [`select`] then keeps one reading
//! of each stretch of text: the flat layer of named mentions, with names inside longer names
//! kept as nested mentions.

pub mod checkpoint;
pub mod context;
pub mod lexicon;
pub mod org;
pub mod person;
pub mod place;
pub mod reference;
pub mod select;

use crate::model::{Class, EntityKind, Span};
pub use context::SentenceContext;

pub use crate::model::MentionForm as Form;

/// An area written before an organisation or place, or implied by a scope character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Area {
    /// A place named in the text: the span of its candidate.
    Place(Span),
    /// 市 / 县 / 区 / 省 / 镇 / 乡: the article's own area of that level.
    Scope(char),
    /// A known organisation or another organisation chain (for 驻 and sub-units): its span.
    Org(Span),
}

/// One link of an organisation chain: `[area] body` (市 + 住建局; 新冠肺炎护理组第四救援队).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSegment {
    pub span: Span,
    pub area: Option<Area>,
    /// `中共` written before the area.
    pub party_prefix: bool,
    /// The standard body (index into `Gazetteer::org_units`) when the body is one.
    pub unit: Option<usize>,
    /// The body text after the area.
    pub body: Span,
    /// A joining word before this segment (驻).
    pub joiner: Option<String>,
}

/// What the gazetteer and the rules say about a candidate, for resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    None,
    /// Administrative division(s) the name may stand for (indexes into `Divisions::items`).
    Division {
        candidates: Vec<usize>,
        short: bool,
    },
    /// A village or community name (罗庄村) to be linked through the village table, with the
    /// place written right before it (石林镇 in 石林镇罗庄村), if any.
    Village {
        area: Option<Span>,
    },
    Country(usize),
    World(usize),
    KnownOrg(usize),
    /// An organisation chain; the last segment is the organisation itself.
    Org(Vec<OrgSegment>),
    /// A place composed from an area and a name (鹤壁东站, 市人民会堂, 古城街道).
    Place {
        area: Option<Area>,
    },
    /// A checkpoint: the place it is at (span of that place's candidate), if written.
    Checkpoint {
        at: Option<Span>,
        needs_place: bool,
    },
    Person,
    /// A short form of a person the document names in full (恩来 of 周恩来, 库克 of 罗宾·库克, 江 of
    /// 江主席 where 江泽民 is named): the full name.
    PersonPart(String),
    /// A pronoun-like reference: what it points back to.
    Pronoun(Antecedent),
}

/// What a pronoun-like reference stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antecedent {
    /// The article's own area of a level (我市 → city, 该县 → county).
    Area(crate::gazetteer::Level),
    /// The nearest preceding organisation or place whose name ends with this word (该局 → …局).
    Suffix(String),
    /// The article's newspaper (本报).
    Newspaper,
}

/// A stretch of text that may name an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub sentence: usize,
    pub kind: EntityKind,
    pub class: Class,
    pub form: Form,
    /// Confidence: higher wins when candidates overlap; people need a positive score.
    pub score: f32,
    pub detail: Detail,
    /// Set by [`select`]: inside a longer chosen mention.
    pub nested: bool,
}

impl Candidate {
    pub fn new(span: Span, sentence: usize, kind: EntityKind, class: Class, detail: Detail) -> Self {
        Candidate {
            span,
            sentence,
            kind,
            class,
            form: Form::Name,
            score: 1.0,
            detail,
            nested: false,
        }
    }

    pub fn with_form(mut self, form: Form) -> Self {
        self.form = form;
        self
    }

    pub fn with_score(mut self, score: f32) -> Self {
        self.score = score;
        self
    }

    pub fn len(&self) -> usize {
        self.span.end - self.span.start
    }

    pub fn is_empty(&self) -> bool {
        self.span.is_empty()
    }
}

/// A role title found in text (index into `Gazetteer::titles`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    pub span: Span,
    pub sentence: usize,
    pub title: usize,
}

/// The output of the stage for one document.
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    /// Chosen candidates in text order: flat ones and nested ones (`nested = true`).
    pub candidates: Vec<Candidate>,
    pub titles: Vec<TitleMention>,
}

/// Recognise the entities of every sentence of a document.
pub fn recognize(ctx: &[SentenceContext<'_>]) -> Recognized {
    let mut out = Recognized::default();
    // places composed somewhere with their context (屯子镇王村) are found again where the article
    // names them bare (到王村卡点督导)
    let places: Vec<Vec<Candidate>> = ctx
        .iter()
        .map(|s| {
            let mut cands = Vec::new();
            place::candidates(s, &mut cands);
            cands
        })
        .collect();
    let known = place::composed_names(ctx, &places);
    let people = person::document_spans(ctx);
    for ((s, people), mut cands) in ctx.iter().zip(people).zip(places) {
        place::known(s, &known, &mut cands);
        org::candidates(s, &mut cands);
        checkpoint::candidates(s, &mut cands);
        person::candidates(s, people, &mut cands);
        reference::candidates(s, &mut cands);
        out.candidates.extend(select::select(cands));
        out.titles.extend(s.titles.iter().map(|h| TitleMention {
            span: h.start..h.end,
            sentence: s.index,
            title: h.what,
        }));
    }
    person::propagate(ctx, &mut out.candidates);
    out
}
