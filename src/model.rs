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

/// What an input says of an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// The date as the input writes it (2020-02-03, 2020-02-03T08:00:00+08:00, 2020年2月3日).
    pub date: Option<String>,
    pub url: Option<String>,
    /// The outlet or site it comes from.
    pub source: Option<String>,
    pub author: Option<String>,
}

/// A day of the calendar (`xsd:date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    /// ISO 8601: 2020-02-03.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One article, read and normalised.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document's identity: its record id, or its path relative to the input folder given.
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
    /// What the input said of the article (title, date, url, source, author).
    pub meta: Meta,
    /// Code points of the file before this text (a part of a big file: see `input::items`).
    pub base: usize,
    /// The article's date, from what the input said (and the whole `xsd:dateTime` when it gave a
    /// time).
    pub published: Option<(Date, Option<String>)>,
}

impl Document {
    /// Normalised text of a span.
    pub fn slice(&self, span: &Span) -> String {
        self.text[span.start.min(self.text.len())..span.end.min(self.text.len())]
            .iter()
            .collect()
    }

    /// Where a normalised span lies in the file, in code points: its place in the original text,
    /// after the part of the file before it.
    pub fn file_offsets(&self, span: &Span) -> std::ops::Range<usize> {
        let o = self.offsets.original(span);
        o.start + self.base..o.end + self.base
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
    /// The date the text gives for it, as written (1月29日, 当天), from its sentence or carried from
    /// the item's dateline.
    pub date: Option<String>,
    /// That date on the calendar, resolved against the article's (2020-01-29).
    pub day: Option<Date>,
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
            day: None,
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

/// Level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province,
    Prefecture,
    County,
    Township,
    Village,
}

impl Level {
    /// Level implied by a division code's length (2, 4, 6, 9, 12 digits).
    pub fn of_code(code: &str) -> Option<Level> {
        Some(match code.len() {
            2 => Level::Province,
            4 => Level::Prefecture,
            6 => Level::County,
            9 => Level::Township,
            12 => Level::Village,
            _ => return None,
        })
    }
}

// ---- Recognise → Resolve: what a stretch of text may name ----

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
    Area(Level),
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
    pub form: MentionForm,
    /// Confidence: higher wins when candidates overlap; people need a positive score.
    pub score: f32,
    pub detail: Detail,
    /// Set by `recognize::select`: inside a longer chosen mention (or under a reading of the same
    /// text that names more: the place 侯辛村 under the checkpoint 侯辛村值守点 its list shares).
    pub nested: bool,
    /// What the item shares with the other items of its list and writes only once, after the last
    /// (村 of 大黄庄、南孟封等村; 疫情防控卡点 of A镇、B镇疫情防控卡点): its name is its text followed
    /// by the head.
    pub head: Option<String>,
}

impl Candidate {
    pub fn new(span: Span, sentence: usize, kind: EntityKind, class: Class, detail: Detail) -> Self {
        Candidate {
            span,
            sentence,
            kind,
            class,
            form: MentionForm::Name,
            score: 1.0,
            detail,
            nested: false,
            head: None,
        }
    }

    pub fn with_head(mut self, head: impl Into<String>) -> Self {
        self.head = Some(head.into());
        self
    }

    pub fn with_form(mut self, form: MentionForm) -> Self {
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

// ---- Resolve → Relate: the entities of a document ----

/// Home areas (indexes into `Divisions::items`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Home {
    pub province: Option<usize>,
    pub city: Option<usize>,
    /// Per item: the county the item is about, if one stands out.
    pub counties: Vec<Option<usize>>,
    /// Per item: the township the item is about, if one stands out.
    pub townships: Vec<Option<usize>>,
}

impl Home {
    /// The home area of a level for an item; `None` when the article gives none.
    pub fn area(&self, item: usize, level: Level) -> Option<usize> {
        match level {
            Level::Province => self.province,
            Level::Prefecture => self.city,
            Level::County => self.counties.get(item).copied().flatten(),
            Level::Township => self.townships.get(item).copied().flatten(),
            Level::Village => None,
        }
    }

    /// The nearest home area of an item, whatever its level.
    pub fn nearest(&self, item: usize) -> Option<usize> {
        self.area(item, Level::County).or(self.city).or(self.province)
    }

    /// The area a scope character stands for (市 → city, 县/区 → county, 省 → province).
    pub fn scope(&self, item: usize, c: char) -> Option<usize> {
        match c {
            '市' => self.city,
            '县' | '区' => self.area(item, Level::County),
            '省' => self.province,
            '镇' | '乡' => self.area(item, Level::Township),
            '*' => self.nearest(item),
            _ => None,
        }
    }
}

/// The entities of one document and where they are mentioned.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    /// Entity of each recognised candidate (`None`: dropped, e.g. 市委 with no home city known).
    pub of_candidate: Vec<Option<usize>>,
    /// Facts the names themselves state: 感染科 of 市第三人民医院, 罗庄村 in 石林镇.
    pub structural: Vec<Relation>,
    pub home: Home,
}
