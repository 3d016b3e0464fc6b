//! Use without a store: one article's extraction as one JSON object (a line of `guanxi extract`),
//! for tools that take JSON Lines. Entities carry their IRIs (the ones `build` writes), mentions
//! and relations point into the article's entity and sentence lists by index, and every relation
//! carries its evidence sentence.

use crate::model::{Extraction, MentionForm, RelationKind};
use crate::rdf::Iris;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Article<'a> {
    pub id: &'a str,
    pub sha256: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    pub sentences: Vec<SentenceOut>,
    pub entities: Vec<EntityOut<'a>>,
    pub mentions: Vec<MentionOut>,
    pub relations: Vec<RelationOut<'a>>,
    pub comentions: Vec<CoMentionOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SentenceOut {
    /// Offsets in code points of the original text, end exclusive.
    pub begin: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub iri: String,
    /// PER, ORG, LOC or CHK.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_code: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct MentionOut {
    pub entity: usize,
    pub sentence: usize,
    pub begin: usize,
    pub end: usize,
    pub text: String,
    /// name, implicit, pronoun, nominal
    pub form: &'static str,
    pub nested: bool,
}

#[derive(Debug, Serialize)]
pub struct RelationOut<'a> {
    /// post, leads, stationed_at, inspected, member_of, sub_organization_of, contained_in,
    /// location, donated_to
    pub kind: &'static str,
    pub subject: usize,
    pub object: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<&'a str>,
    /// The day (`2020-02-01`) when the text dates the fact and the article's date gives the year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    /// The date as written (`2月1日`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<&'a str>,
    pub sentence: usize,
    pub evidence: String,
}

#[derive(Debug, Serialize)]
pub struct CoMentionOut<'a> {
    pub a: usize,
    pub b: usize,
    pub sentences: &'a [usize],
}

fn relation_name(k: RelationKind) -> &'static str {
    match k {
        RelationKind::Post => "post",
        RelationKind::Leads => "leads",
        RelationKind::StationedAt => "stationed_at",
        RelationKind::Inspected => "inspected",
        RelationKind::MemberOf => "member_of",
        RelationKind::SubOrganizationOf => "sub_organization_of",
        RelationKind::ContainedIn => "contained_in",
        RelationKind::Location => "location",
        RelationKind::DonatedTo => "donated_to",
    }
}

fn form_name(f: MentionForm) -> &'static str {
    match f {
        MentionForm::Name => "name",
        MentionForm::Implicit => "implicit",
        MentionForm::Pronoun => "pronoun",
        MentionForm::Nominal => "nominal",
    }
}

/// The JSON view of `x`, with entity IRIs under `iris`.
pub fn article<'a>(x: &'a Extraction, iris: &Iris) -> Article<'a> {
    let doc = &x.doc;
    let original: Vec<char> = doc.original.chars().collect();
    let text = |o: &std::ops::Range<usize>| -> String {
        original[o.start.min(original.len())..o.end.min(original.len())]
            .iter()
            .collect()
    };
    let sentence_text = |i: usize| {
        x.sentences
            .get(i)
            .map(|s| text(&doc.offsets.original(&s.span)))
            .unwrap_or_default()
    };
    Article {
        id: &doc.file_name,
        sha256: &doc.sha256,
        title: doc.meta.title.as_deref().or(x.headline.as_deref()),
        date: doc
            .published
            .as_ref()
            .map(|(d, time)| time.clone().unwrap_or_else(|| d.to_string())),
        url: doc.meta.url.as_deref(),
        source: doc.meta.source.as_deref(),
        sentences: x
            .sentences
            .iter()
            .map(|s| {
                let o = doc.offsets.original(&s.span);
                let at = doc.file_offsets(&s.span);
                SentenceOut {
                    begin: at.start,
                    end: at.end,
                    text: text(&o),
                }
            })
            .collect(),
        entities: x
            .entities
            .iter()
            .map(|e| EntityOut {
                iri: iris.entity(e).as_str().to_owned(),
                kind: e.kind.code(),
                name: &e.name,
                aliases: e.aliases.iter().map(String::as_str).collect(),
                division_code: e.division_code.as_deref(),
            })
            .collect(),
        mentions: x
            .mentions
            .iter()
            .map(|m| {
                let o = doc.offsets.original(&m.span);
                let at = doc.file_offsets(&m.span);
                MentionOut {
                    entity: m.entity,
                    sentence: m.sentence,
                    begin: at.start,
                    end: at.end,
                    text: text(&o),
                    form: form_name(m.form),
                    nested: m.nested,
                }
            })
            .collect(),
        relations: x
            .relations
            .iter()
            .map(|r| RelationOut {
                kind: relation_name(r.kind),
                subject: r.subject,
                object: r.object,
                title: r.title.as_deref(),
                amount: r.amount.as_deref(),
                day: r.day.map(|d| d.to_string()),
                date_text: r.date.as_deref(),
                sentence: r.sentence,
                evidence: sentence_text(r.sentence),
            })
            .collect(),
        comentions: x
            .comentions
            .iter()
            .map(|c| CoMentionOut {
                a: c.a,
                b: c.b,
                sentences: &c.sentences,
            })
            .collect(),
    }
}
