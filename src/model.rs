//! Plain data handed from stage to stage: documents, sentences, mentions, entities, relations.
//!
//! All positions inside the pipeline are *normalised* character indices (`Span`); the Store stage
//! maps them back to code points of the original file text through [`OffsetMap`].

use indexmap::IndexSet;
use serde::Serialize;
use std::ops::Range;

/// A half-open range of character indices into the normalised text of a document.
pub type Span = Range<usize>;

/// Map from normalised character index to original character index.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `starts[i]` = index in the original text of the character that produced normalised char `i`;
    /// one extra element at the end holds the original length.
    pub starts: Vec<usize>,
    /// `ends[i]` = original index just past the character that produced normalised char `i`.
    pub ends: Vec<usize>,
}

impl OffsetMap {
    /// Original code-point range of a normalised range.
    pub fn original(&self, span: &Span) -> Span {
        if span.start >= span.end {
            let p = self.starts.get(span.start).copied().unwrap_or_default();
            return p..p;
        }
        let start = self.starts.get(span.start).copied().unwrap_or_default();
        let end = self
            .ends
            .get(span.end - 1)
            .copied()
            .unwrap_or_else(|| self.starts.last().copied().unwrap_or_default());
        start..end
    }
}

/// One article, read and normalised.
#[derive(Debug, Clone)]
pub struct Document {
    /// Base name of the file (no folders); the document's identity.
    pub file_name: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// The decoded text as in the file.
    pub original: String,
    /// NFKC-normalised text with unified quotes; all spans point into it.
    pub text: Vec<char>,
    /// Normalised index → original index.
    pub offsets: OffsetMap,
}

impl Document {
    /// Normalised text of a span.
    pub fn slice(&self, span: &Span) -> String {
        self.text[span.start.min(self.text.len())..span.end.min(self.text.len())]
            .iter()
            .collect()
    }

    /// Original text of a normalised span.
    pub fn original_slice(&self, span: &Span) -> String {
        let o = self.offsets.original(span);
        self.original.chars().skip(o.start).take(o.end - o.start).collect()
    }
}

/// What a sentence is in the layout of a news page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SentenceKind {
    /// A short line without final punctuation: title, subtitle, column head.
    Headline,
    /// `□本报记者 …`, `本报讯(记者 …)`: who wrote it.
    Byline,
    /// A photo caption (`图为…`, `… 摄`, `(资料照片…)`).
    Caption,
    /// Running text.
    Body,
}

/// A sentence of a document.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph (line) it belongs to.
    pub paragraph: usize,
    /// Index of the news item it belongs to (a page may carry several items).
    pub item: usize,
    pub kind: SentenceKind,
}

/// A word from the segmenter with its part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub tag: String,
}

/// The four kinds of entity of the data model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Checkpoint,
}

impl EntityKind {
    /// The short code used in GraphML and CSV (`PER`, `ORG`, `LOC`, `CHK`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Person => "PER",
            Self::Organisation => "ORG",
            Self::Place => "LOC",
            Self::Checkpoint => "CHK",
        }
    }

    /// The path segment of the entity's IRI.
    pub fn iri_segment(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "org",
            Self::Place => "place",
            Self::Checkpoint => "checkpoint",
        }
    }
}

/// A finer class of organisation or place, mapped to a more specific rdf:type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Class {
    /// Party organ (党委, 纪委, 组织部, 党支部 …).
    Party,
    /// Government body (政府, 局, 委, 办 …).
    Government,
    Hospital,
    Company,
    /// Team, task force, volunteer group, working group (队, 组, 专班, 指挥部).
    Team,
    /// Newspaper, broadcaster.
    Media,
    School,
    /// Other organisation (association, federation, station …).
    Other,
    /// An administrative division (province … village).
    Division,
    /// A named facility or area (station, road, park, square).
    Facility,
    /// A place outside the administrative-division table (country, foreign city, river …).
    Geographic,
}

/// A named entity of one document after resolution.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    pub class: Class,
    /// Canonical name (`rdfs:label`).
    pub name: String,
    /// Every other surface form seen (`schema:alternateName`).
    pub aliases: IndexSet<String>,
    /// What identifies it across documents; the IRI is derived from it.
    pub key: String,
    /// Statistical division code when the entity is a linked administrative area.
    pub division_code: Option<String>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MentionForm {
    /// A proper name (鹤壁市, 马富国, 山城区残联).
    Name,
    /// A name whose area is implied by a scope character (市住建局, 县人民医院, 市委).
    Implicit,
    /// A pronoun-like reference (我市, 该县, 该局, 本报).
    Pronoun,
    /// A bare common noun standing for a named entity of the text (指挥部, 示范区, 综合组).
    Nominal,
}

/// A stretch of text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub sentence: usize,
    pub entity: usize,
    pub form: MentionForm,
    /// True when the mention lies inside a longer mention (鹤壁东站 in 鹤壁东站疫情防控卡点).
    pub nested: bool,
}

/// The kinds of relation between entities (DESIGN.md, RDF data model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RelationKind {
    /// Person holds a post (title) in an organisation or area.
    Post,
    /// Person heads an organisation or checkpoint.
    Leads,
    StationedAt,
    Inspected,
    /// Person (or organisation) is a member of an organisation.
    MemberOf,
    /// Organisation is a unit of another organisation.
    SubOrganizationOf,
    /// Place lies in place.
    ContainedIn,
    /// Organisation is located in place.
    Location,
    DonatedTo,
}

impl RelationKind {
    /// The `kind` value of the GraphML relations view.
    pub fn view_name(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::Leads => "leads",
            Self::StationedAt => "stationed_at",
            Self::Inspected => "inspected",
            Self::MemberOf | Self::SubOrganizationOf => "member_of",
            Self::ContainedIn | Self::Location => "located_in",
            Self::DonatedTo => "donated_to",
        }
    }
}

/// A fact between two entities with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub subject: usize,
    pub kind: RelationKind,
    pub object: usize,
    /// The role phrase of a post or head (市委书记, 队长).
    pub title: Option<String>,
    /// What was given (200万元) for donations.
    pub amount: Option<String>,
    /// The sentence the fact was read from.
    pub sentence: usize,
    /// The date the text gives for it (1月29日), from its sentence or carried from the item's
    /// dateline.
    pub date: Option<String>,
}

impl Relation {
    /// A fact read from `sentence`, without title, amount or date yet.
    pub fn new(subject: usize, kind: RelationKind, object: usize, sentence: usize) -> Self {
        Relation {
            subject,
            kind,
            object,
            title: None,
            amount: None,
            sentence,
            date: None,
        }
    }
}

/// Two entities named in the same sentences of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoMention {
    pub a: usize,
    pub b: usize,
    pub sentences: Vec<usize>,
}

/// Everything extracted from one document: the input of the Store stage.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub doc: Document,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub relations: Vec<Relation>,
    pub comentions: Vec<CoMention>,
    /// The first headline line, if any.
    pub headline: Option<String>,
}
