//! Use: every mention of an entity — found by any of its names (市住建局, 马富国, 口罩哥) — with its
//! article, offsets and sentence, the entity's posts and its strongest co-mentions.

use crate::error::StoreError;
use crate::rdf::GraphStore;
use oxigraph::model::{Literal, NamedNode};
use serde::Serialize;

use crate::rdf::vocab::PROLOGUE as PREFIXES;

/// An entity that bears a name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityRef {
    pub iri: String,
    pub label: String,
    /// PER, ORG, LOC or CHK.
    pub kind: String,
    pub mentions: usize,
}

/// One mention with its sentence.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MentionRow {
    pub file: String,
    pub begin: usize,
    pub end: usize,
    pub text: String,
    /// name, nested, implicit, pronoun or nominal
    pub form: String,
    pub sentence: String,
    /// Offset of the mention inside the sentence, in characters.
    pub sentence_offset: usize,
    /// The article's date (`schema:datePublished`), where the input gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The article's source (`schema:publisher`), where the input gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's address (`schema:url`), where the input gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A post held by a person.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PostRow {
    pub title: String,
    pub organisation: String,
}

/// An entity named in the same sentences.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CoMentionRow {
    pub label: String,
    pub iri: String,
    pub weight: u64,
    pub documents: u64,
}

/// Everything `guanxi mentions` reports about one entity.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub entity: EntityRef,
    pub aliases: Vec<String>,
    /// All mentions of the entity, and the articles they are in.
    pub total_mentions: usize,
    pub total_articles: usize,
    /// The page of mentions asked for (ordered by date, article, offset).
    pub offset: usize,
    pub mentions: Vec<MentionRow>,
    pub posts: Vec<PostRow>,
    pub comentions: Vec<CoMentionRow>,
}

/// The evaluation's type label (PER, ORG, LOC, CHK) of an entity from its `rdf:type`s joined.
pub(crate) fn kind_of(types: &str) -> &'static str {
    if types.contains("Checkpoint") {
        "CHK"
    } else if types.contains("Person") {
        "PER"
    } else if types.contains("Organization") {
        "ORG"
    } else {
        "LOC"
    }
}

/// A name as the store writes it: a `@zh` literal (escaped).
fn zh(s: &str) -> String {
    Literal::new_language_tagged_literal_unchecked(s, "zh").to_string()
}

/// The entities that have `name` as their label or as another name, most mentioned first. The
/// name is bound as the literal itself (labels and other names are all `@zh`), so the lookup
/// starts from the index of that literal rather than scanning every label.
pub fn find(store: &GraphStore, name: &str) -> Result<Vec<EntityRef>, StoreError> {
    let name = zh(name);
    entities_where(
        store,
        &format!("{{ ?e rdfs:label {name} }} UNION {{ ?e schema:alternateName {name} }}"),
        "ORDER BY DESC(?n) ?e",
    )
}

/// The entities `pattern` binds to `?e` (people, organisations, places, checkpoints), with their
/// label, type and number of mentions, in the `order` given (a SPARQL solution modifier).
pub(crate) fn entities_where(store: &GraphStore, pattern: &str, order: &str) -> Result<Vec<EntityRef>, StoreError> {
    let q = format!(
        "{PREFIXES}SELECT ?e (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t)) AS ?types) (COUNT(DISTINCT ?m) AS ?n) WHERE {{
  {pattern}
  ?e rdfs:label ?l ; rdf:type ?t .
  FILTER(?t IN (schema:Person, schema:Organization, schema:Place, gx:Checkpoint))
  OPTIONAL {{ ?m gx:refersTo ?e }}
}} GROUP BY ?e {order}"
    );
    let rows = store.select(&q, &[])?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(EntityRef {
                iri: r.first()?.clone()?,
                label: r.get(1)?.clone()?,
                kind: kind_of(r.get(2)?.as_deref().unwrap_or("")).to_owned(),
                mentions: r.get(3)?.as_deref().and_then(|n| n.parse().ok()).unwrap_or(0),
            })
        })
        .collect())
}

/// A page of mentions: `limit` of them (all when `None`) after the first `offset`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: Option<usize>,
}

/// The report on one entity, with one page of its mentions.
pub fn report(store: &GraphStore, entity: &EntityRef, top: usize, page: Page) -> Result<Report, StoreError> {
    let e = NamedNode::new(entity.iri.clone()).map_err(|err| StoreError::Iri {
        iri: entity.iri.clone(),
        reason: err.to_string(),
    })?;
    let values = format!("VALUES ?e {{ {e} }}");
    let aliases = store
        .select(
            &format!("{PREFIXES}SELECT DISTINCT ?a WHERE {{ {values} ?e schema:alternateName ?a }} ORDER BY ?a"),
            &[],
        )?
        .into_iter()
        .filter_map(|r| r.into_iter().next().flatten())
        .collect();
    // (a mention's article is the graph it lies in: one scan of the gx:refersTo index gives both)
    let totals = store.select(
        &format!(
            "{PREFIXES}SELECT (COUNT(?m) AS ?n) (COUNT(DISTINCT ?d) AS ?docs) WHERE {{ {values} GRAPH ?d {{ ?m gx:refersTo ?e }} }}"
        ),
        &[],
    )?;
    let total = |i: usize| {
        totals
            .first()
            .and_then(|r| r.get(i).cloned().flatten())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    // a page is chosen from the few triples that order mentions, and only its mentions are then
    // read in full
    let chosen = match page.limit {
        None if page.offset == 0 => values.clone(),
        limit => {
            let slice = match limit {
                Some(n) => format!("LIMIT {n} OFFSET {}", page.offset),
                None => format!("OFFSET {}", page.offset),
            };
            // (the article is the graph a mention lies in: no gx:inDocument to look up)
            let ms: Vec<String> = store
                .select(
                    &format!(
                        "{PREFIXES}SELECT ?m WHERE {{
  {values}
  GRAPH ?d {{ ?m gx:refersTo ?e ; nif:beginIndex ?b }}
  ?d gx:fileName ?file .
  OPTIONAL {{ ?d schema:datePublished ?published }}
}} ORDER BY ?published ?file ?b {slice}"
                    ),
                    &[],
                )?
                .into_iter()
                .filter_map(|r| r.into_iter().next().flatten())
                .filter_map(|m| NamedNode::new(m).ok())
                .map(|m| m.to_string())
                .collect();
            format!("{values} VALUES ?m {{ {} }}", ms.join(" "))
        }
    };
    let mentions = store
        .select(
            &format!(
                "{PREFIXES}SELECT ?file ?b ?end ?text ?class ?form ?stext ?sb ?published ?source ?url WHERE {{
  {chosen}
  ?m gx:refersTo ?e ; rdf:type ?class ; nif:anchorOf ?text ; nif:beginIndex ?b ; nif:endIndex ?end ;
     gx:sentence ?s ; gx:inDocument ?d .
  ?d gx:fileName ?file .
  ?s nif:isString ?stext ; nif:beginIndex ?sb .
  OPTIONAL {{ ?m gx:form ?form }}
  OPTIONAL {{ ?d schema:datePublished ?published }}
  OPTIONAL {{ ?d schema:publisher ?source }}
  OPTIONAL {{ ?d schema:url ?url }}
}} ORDER BY ?published ?file ?b"
            ),
            &[],
        )?
        .into_iter()
        .filter_map(|r| {
            let num = |i: usize| r.get(i).cloned().flatten().and_then(|x| x.parse::<usize>().ok());
            let class = r.get(4).cloned().flatten().unwrap_or_default();
            let form = match (r.get(5).cloned().flatten(), class.ends_with("NestedMention")) {
                (Some(f), _) => f,
                (None, true) => "nested".into(),
                (None, false) => "name".into(),
            };
            let begin = num(1)?;
            Some(MentionRow {
                file: r.first().cloned().flatten()?,
                begin,
                end: num(2)?,
                text: r.get(3).cloned().flatten()?,
                form,
                sentence: r.get(6).cloned().flatten()?,
                sentence_offset: begin.saturating_sub(num(7)?),
                published: r.get(8).cloned().flatten(),
                source: r.get(9).cloned().flatten(),
                url: r.get(10).cloned().flatten(),
            })
        })
        .collect();
    let posts = store
        .select(
            &format!(
                "{PREFIXES}SELECT DISTINCT ?title ?org WHERE {{
  {values}
  ?post org:heldBy ?e ; org:postIn ?o ; org:role/rdfs:label ?title . ?o rdfs:label ?org .
}} ORDER BY ?org ?title"
            ),
            &[],
        )?
        .into_iter()
        .filter_map(|r| {
            Some(PostRow {
                title: r.first().cloned().flatten()?,
                organisation: r.get(1).cloned().flatten()?,
            })
        })
        .collect();
    // co-mentions grouped first, and only the strongest looked up by label
    let comentions = store
        .select(
            &format!(
                "{PREFIXES}SELECT ?o (SAMPLE(?l) AS ?label) ?weight ?docs WHERE {{
  {{ SELECT ?o (SUM(?w) AS ?weight) (COUNT(DISTINCT ?d) AS ?docs) WHERE {{
    {values}
    GRAPH ?d {{ ?c gx:between ?e . ?c gx:between ?o ; gx:weight ?w }}
    FILTER(?o != ?e)
  }} GROUP BY ?o ORDER BY DESC(?weight) ?o LIMIT {top} }}
  ?o rdfs:label ?l .
}} GROUP BY ?o ?weight ?docs ORDER BY DESC(?weight) ?label"
            ),
            &[],
        )?
        .into_iter()
        .filter_map(|r| {
            Some(CoMentionRow {
                iri: r.first().cloned().flatten()?,
                label: r.get(1).cloned().flatten()?,
                weight: r.get(2).cloned().flatten()?.parse().ok()?,
                documents: r.get(3).cloned().flatten()?.parse().ok()?,
            })
        })
        .collect();
    Ok(Report {
        entity: entity.clone(),
        aliases,
        total_mentions: total(0),
        total_articles: total(1),
        offset: page.offset,
        mentions,
        posts,
        comentions,
    })
}
