//! Use: the data of the browser explorer that `serve` shows at `/` — entities found by any name
//! (exact or by prefix), an entity's page (names, code, containing places, posts, relations both
//! ways with evidence and dates, a page of mentions, co-mentions) and its neighbourhood as a graph.
//! Every lookup starts from an entity or a name literal, so it stays fast on a large store.

use crate::error::StoreError;
use crate::mentions::{self, EntityRef, Page, Report, kind_of};
use crate::rdf::GraphStore;
use oxigraph::model::{Literal, NamedNode};
use serde::Serialize;

use crate::rdf::vocab::PROLOGUE as PREFIXES;

/// The most entities a search returns.
pub const MAX_HITS: usize = 50;

fn iri(s: &str) -> Result<NamedNode, StoreError> {
    NamedNode::new(s).map_err(|e| StoreError::Iri {
        iri: s.to_owned(),
        reason: e.to_string(),
    })
}

/// Entities with a name equal to `q` (first) or beginning with it, of `kind` (PER, ORG, LOC, CHK)
/// when given, most mentioned first.
pub fn search(store: &GraphStore, q: &str, kind: Option<&str>, limit: usize) -> Result<Vec<EntityRef>, StoreError> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = mentions::find(store, q)?;
    let prefix = Literal::new_simple_literal(q).to_string();
    let rows = store.select(
        &format!(
            "{PREFIXES}SELECT DISTINCT ?e WHERE {{
  {{ ?e rdfs:label ?x }} UNION {{ ?e schema:alternateName ?x }}
  FILTER(STRSTARTS(STR(?x), {prefix}))
}} LIMIT 200"
        ),
        &[],
    )?;
    let more: Vec<String> = rows
        .into_iter()
        .filter_map(|r| r.into_iter().next().flatten())
        .filter(|e| !hits.iter().any(|h| &h.iri == e))
        .collect();
    if !more.is_empty() {
        let values: Vec<String> = more.iter().filter_map(|e| iri(e).ok()).map(|n| n.to_string()).collect();
        let mut extra = mentions::entities_where(store, &format!("VALUES ?e {{ {} }}", values.join(" ")), "")?;
        extra.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.label.cmp(&b.label)));
        hits.extend(extra);
    }
    if let Some(k) = kind.filter(|k| !k.is_empty()) {
        hits.retain(|h| h.kind.eq_ignore_ascii_case(k));
    }
    hits.truncate(limit.min(MAX_HITS));
    Ok(hits)
}

/// One relation of an entity, seen from it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RelationRow {
    /// `out` (the entity is the subject) or `in`.
    pub direction: String,
    /// inspected, leads, stationedAt, donatedTo, holds, memberOf, subOrganizationOf, …
    pub relation: String,
    pub other: String,
    pub other_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    pub evidence: String,
    pub file: String,
}

/// Everything the explorer shows of one entity.
#[derive(Debug, Clone, Serialize)]
pub struct EntityPage {
    #[serde(flatten)]
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_code: Option<String>,
    /// The places it lies in, nearest first.
    pub within: Vec<String>,
    pub relations: Vec<RelationRow>,
}

/// The page of the entity `e`, with one page of its mentions.
pub fn entity(store: &GraphStore, e: &str, page: Page) -> Result<Option<EntityPage>, StoreError> {
    let node = iri(e)?;
    let head = store.select(
        &format!(
            "{PREFIXES}SELECT (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t)) AS ?types) (SAMPLE(?c) AS ?code) WHERE {{
  {node} rdfs:label ?l ; rdf:type ?t .
  OPTIONAL {{ {node} gx:divisionCode ?c }}
}}"
        ),
        &[],
    )?;
    let Some(row) = head.into_iter().next() else {
        return Ok(None);
    };
    let Some(label) = row.first().cloned().flatten() else {
        return Ok(None);
    };
    let entity = EntityRef {
        iri: e.to_owned(),
        label,
        kind: kind_of(row.get(1).cloned().flatten().as_deref().unwrap_or("")).to_owned(),
        mentions: 0,
    };
    let report = mentions::report(store, &entity, 12, page)?;
    // the places it lies in, one step up at a time (divisions: up to the province)
    let mut within = Vec::new();
    let mut at = node.clone();
    for _ in 0..8 {
        let up = store.select(
            &format!("{PREFIXES}SELECT ?p ?l WHERE {{ {at} schema:containedInPlace ?p . ?p rdfs:label ?l }} LIMIT 1"),
            &[],
        )?;
        let Some((p, l)) = up
            .into_iter()
            .next()
            .and_then(|r| Some((r.first().cloned().flatten()?, r.get(1).cloned().flatten()?)))
        else {
            break;
        };
        within.push(l);
        at = iri(&p)?;
    }
    let relations = store
        .select(
            &format!(
                "{PREFIXES}SELECT ?dir ?pred ?x ?xl ?ul ?title ?day ?written ?evidence ?file ?holder ?hl WHERE {{
  {{ ?st rdf:subject {node} ; rdf:object ?x . BIND(\"out\" AS ?dir) }}
  UNION
  {{ ?st rdf:object {node} ; rdf:subject ?x . BIND(\"in\" AS ?dir) }}
  ?st rdf:predicate ?pred ; gx:evidence ?evidence ; prov:wasDerivedFrom ?s .
  # (org:heldBy and org:headOf say again what holds and leads say)
  FILTER(?pred NOT IN (org:heldBy, org:headOf))
  ?s gx:inDocument ?d . ?d gx:fileName ?file .
  OPTIONAL {{ ?x org:postIn ?unit . ?unit rdfs:label ?ul . OPTIONAL {{ ?x org:role/rdfs:label ?title }} }}
  OPTIONAL {{ ?x rdfs:label ?xl }}
  # (a post in this organisation: its holder is the other end)
  OPTIONAL {{ FILTER(?pred = org:postIn) ?x org:heldBy ?holder . ?holder rdfs:label ?hl }}
  OPTIONAL {{ ?st gx:date ?day }}
  OPTIONAL {{ ?st gx:dateText ?written }}
}} ORDER BY ?day ?file ?pred LIMIT 500"
            ),
            &[],
        )?
        .into_iter()
        .filter_map(|r| {
            let get = |i: usize| r.get(i).cloned().flatten();
            let pred = get(1)?;
            let relation = pred.rsplit(['#', '/']).next().unwrap_or(&pred).to_owned();
            // a post's other end is the organisation it is in, or (from the organisation) its holder
            let (other, other_label) = match (get(10), get(4)) {
                (Some(holder), _) => (holder, get(11).unwrap_or_default()),
                (None, Some(unit)) => (get(2)?, unit),
                (None, None) => (get(2)?, get(3).unwrap_or_default()),
            };
            Some(RelationRow {
                direction: get(0)?,
                relation,
                other,
                other_label,
                title: get(5),
                day: get(6),
                written: get(7),
                evidence: get(8)?,
                file: get(9)?,
            })
        })
        .collect();
    Ok(Some(EntityPage {
        report,
        division_code: row.get(2).cloned().flatten(),
        within,
        relations,
    }))
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GraphNode {
    pub id: String,
    pub label: String,
    /// PER, ORG, LOC, CHK
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    /// comention or the relation's name
    pub kind: String,
    pub weight: f64,
}

/// An entity's neighbourhood: the entity, its strongest co-mentions and the ends of its
/// relations.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Neighbourhood {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// The neighbourhood of `e`: up to `top` co-mentioned entities and every entity a relation ties
/// it to (a post's organisation).
pub fn neighbourhood(store: &GraphStore, e: &str, top: usize) -> Result<Neighbourhood, StoreError> {
    let node = iri(e)?;
    let mut nodes: Vec<GraphNode> = Vec::new();
    let mut edges: Vec<GraphEdge> = Vec::new();
    let rows = store.select(
        &format!(
            "{PREFIXES}SELECT ?o (SUM(?w) AS ?weight) WHERE {{
  ?c gx:between {node} .
  ?c gx:between ?o ; gx:weight ?w .
  FILTER(?o != {node})
}} GROUP BY ?o ORDER BY DESC(?weight) LIMIT {top}"
        ),
        &[],
    )?;
    for r in rows {
        let (Some(o), Some(w)) = (r.first().cloned().flatten(), r.get(1).cloned().flatten()) else {
            continue;
        };
        edges.push(GraphEdge {
            source: e.to_owned(),
            target: o,
            kind: "comention".into(),
            weight: w.parse().unwrap_or(1.0),
        });
    }
    let rows = store.select(
        &format!(
            "{PREFIXES}SELECT ?s ?pred ?o (COUNT(?st) AS ?n) WHERE {{
  {{ ?st rdf:subject {node} ; rdf:object ?x . BIND({node} AS ?s) }}
  UNION
  {{ ?st rdf:object {node} ; rdf:subject ?x . BIND(?x AS ?s) }}
  ?st rdf:predicate ?pred .
  FILTER(?pred NOT IN (org:heldBy, org:headOf))
  OPTIONAL {{ ?x org:postIn ?unit }}
  BIND(IF(BOUND(?unit), ?unit, IF(?s = {node}, ?x, {node})) AS ?o)
}} GROUP BY ?s ?pred ?o LIMIT 200"
        ),
        &[],
    )?;
    for r in rows {
        let get = |i: usize| r.get(i).cloned().flatten();
        let (Some(s), Some(p), Some(o)) = (get(0), get(1), get(2)) else {
            continue;
        };
        let kind = p.rsplit(['#', '/']).next().unwrap_or(&p).to_owned();
        // a post is drawn from its holder to its organisation
        let (source, target) = if kind == "holds" { (e.to_owned(), o) } else { (s, o) };
        if source == target {
            continue;
        }
        edges.push(GraphEdge {
            source,
            target,
            kind,
            weight: get(3).and_then(|n| n.parse().ok()).unwrap_or(1.0),
        });
    }
    let mut ids: Vec<String> = vec![e.to_owned()];
    for x in &edges {
        for id in [&x.source, &x.target] {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    let values: Vec<String> = ids.iter().filter_map(|i| iri(i).ok()).map(|n| n.to_string()).collect();
    let rows = store.select(
        &format!(
            "{PREFIXES}SELECT ?e (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t)) AS ?types) WHERE {{
  VALUES ?e {{ {} }}
  ?e rdfs:label ?l ; rdf:type ?t .
}} GROUP BY ?e",
            values.join(" ")
        ),
        &[],
    )?;
    for r in rows {
        let get = |i: usize| r.get(i).cloned().flatten();
        let (Some(id), Some(label)) = (get(0), get(1)) else {
            continue;
        };
        nodes.push(GraphNode {
            id,
            label,
            kind: kind_of(get(2).as_deref().unwrap_or("")).to_owned(),
        });
    }
    // nodes in the order they were met, the entity first; edges only between known nodes
    nodes.sort_by_key(|n| ids.iter().position(|i| *i == n.id));
    edges.retain(|x| nodes.iter().any(|n| n.id == x.source) && nodes.iter().any(|n| n.id == x.target));
    Ok(Neighbourhood { nodes, edges })
}
