//! The export graph: entities as nodes (label, type, IRI, mentions, documents) and either
//! co-mention edges (weight = sentences naming both, documents = articles) or relation edges
//! (kind, title of posts, documents), read from the store with SPARQL into a petgraph graph.
//! Every node and edge carries the first and last day it is seen on (its articles' dates; a
//! relation's own date where the text gives one), and a [`Window`] of days keeps only what the
//! articles of those days say.

use crate::error::StoreError;
use crate::mentions::kind_of;
use crate::rdf::GraphStore;
use crate::rdf::vocab::PROLOGUE as PREFIXES;
use petgraph::graph::{Graph, NodeIndex};
use petgraph::{Directed, Undirected};
use std::collections::{BTreeMap, HashMap};

/// Which edges to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Undirected, one edge per pair of entities named in the same sentences.
    #[default]
    Comention,
    /// Directed, one edge per (subject, relation, object).
    Relations,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub iri: String,
    pub label: String,
    /// PER, ORG, LOC or CHK.
    pub kind: String,
    pub mentions: u64,
    pub documents: u64,
    /// First and last day (xsd:date, `2020-02-03`) of the articles that name it, if they are dated.
    pub start: Option<String>,
    pub end: Option<String>,
}

/// A co-mention or a relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// comention, post, leads, inspected, stationed_at, member_of, located_in, donated_to
    pub kind: String,
    pub weight: f64,
    pub title: Option<String>,
    pub documents: u64,
    /// First and last day of its evidence: the relation's date, else its article's.
    pub start: Option<String>,
    pub end: Option<String>,
}

/// The days an export covers, both ends included. Undated articles fall outside any window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<Day>,
    pub to: Option<Day>,
}

/// A calendar day, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(String);

impl std::str::FromStr for Day {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let ok = parts.len() == 3
            && [4, 2, 2]
                .iter()
                .zip(&parts)
                .all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()));
        let (m, d) = (
            parts.get(1).and_then(|x| x.parse::<u32>().ok()),
            parts.get(2).and_then(|x| x.parse::<u32>().ok()),
        );
        if ok && m.is_some_and(|m| (1..=12).contains(&m)) && d.is_some_and(|d| (1..=31).contains(&d)) {
            Ok(Day(s.to_owned()))
        } else {
            Err(format!("`{s}` is not a day (YYYY-MM-DD)"))
        }
    }
}

impl Window {
    /// SPARQL filter keeping `?day` (an xsd:date, maybe unbound) inside the window.
    fn filter(&self) -> String {
        let mut f = String::new();
        if let Some(Day(d)) = &self.from {
            f += &format!(" FILTER(BOUND(?day) && ?day >= \"{d}\"^^xsd:date)");
        }
        if let Some(Day(d)) = &self.to {
            f += &format!(" FILTER(BOUND(?day) && ?day <= \"{d}\"^^xsd:date)");
        }
        f
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// The graph of an export: undirected for co-mentions, directed for relations.
#[derive(Debug, Clone)]
pub enum ExportGraph {
    Comention(Graph<Node, Edge, Undirected>),
    Relations(Graph<Node, Edge, Directed>),
}

impl ExportGraph {
    pub fn directed(&self) -> bool {
        matches!(self, ExportGraph::Relations(_))
    }

    pub fn nodes(&self) -> Vec<&Node> {
        match self {
            ExportGraph::Comention(g) => g.node_weights().collect(),
            ExportGraph::Relations(g) => g.node_weights().collect(),
        }
    }

    /// Edges as (source node, target node, edge).
    pub fn edges(&self) -> Vec<(&Node, &Node, &Edge)> {
        match self {
            ExportGraph::Comention(g) => g
                .edge_indices()
                .filter_map(|e| {
                    let (a, b) = g.edge_endpoints(e)?;
                    Some((&g[a], &g[b], &g[e]))
                })
                .collect(),
            ExportGraph::Relations(g) => g
                .edge_indices()
                .filter_map(|e| {
                    let (a, b) = g.edge_endpoints(e)?;
                    Some((&g[a], &g[b], &g[e]))
                })
                .collect(),
        }
    }
}

/// The day of the document `?d` as `?day` (its date of publication, a dateTime cut to its day).
const DOC_DAY: &str = "OPTIONAL { ?d schema:datePublished ?published } BIND(xsd:date(?published) AS ?day)";

/// The calendar day of an xsd:date value (a timezone, `2020-02-03+08:00`, dropped).
fn day(x: &Option<String>) -> Option<String> {
    x.as_deref().and_then(|v| v.get(..10)).map(str::to_owned)
}

fn num(x: &Option<String>) -> u64 {
    x.as_deref().and_then(|v| v.parse::<f64>().ok()).map_or(0, |v| v as u64)
}

/// Read the graph of a view from the store, as the articles of `window` tell it: an entity none of
/// them names is left out. Nodes and edges come sorted (by IRI), so that two exports of the same
/// store are identical.
pub fn load(store: &GraphStore, view: View, window: &Window) -> Result<ExportGraph, StoreError> {
    let in_window = window.filter();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for r in store.select(
        &format!(
            "{PREFIXES}SELECT ?e (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=\" \") AS ?types) WHERE {{
  ?e rdf:type ?t ; rdfs:label ?l .
  VALUES ?t {{ schema:Person schema:Organization schema:Place gx:Checkpoint }}
}} GROUP BY ?e"
        ),
        &[],
    )? {
        let (Some(iri), Some(label)) = (r[0].clone(), r[1].clone()) else { continue };
        let kind = kind_of(r[2].as_deref().unwrap_or("")).to_owned();
        nodes.insert(
            iri.clone(),
            Node {
                iri,
                label,
                kind,
                mentions: 0,
                documents: 0,
                start: None,
                end: None,
            },
        );
    }
    for r in store.select(
        &format!(
            "{PREFIXES}SELECT ?e (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?d) AS ?docs) (MIN(?day) AS ?start) (MAX(?day) AS ?end) WHERE {{
  ?m gx:refersTo ?e ; gx:inDocument ?d .
  {DOC_DAY}{in_window}
}} GROUP BY ?e"
        ),
        &[],
    )? {
        if let Some(n) = r[0].as_ref().and_then(|iri| nodes.get_mut(iri)) {
            n.mentions = num(&r[1]);
            n.documents = num(&r[2]);
            n.start = day(&r[3]);
            n.end = day(&r[4]);
        }
    }
    if !window.is_open() {
        nodes.retain(|_, n| n.mentions > 0);
    }
    let edges: Vec<(String, String, Edge)> = match view {
        View::Comention => store
            .select(
                &format!(
                    "{PREFIXES}SELECT ?a ?b (SUM(?w) AS ?weight) (COUNT(DISTINCT ?d) AS ?docs) (MIN(?day) AS ?start) (MAX(?day) AS ?end) WHERE {{
  {{ SELECT DISTINCT ?c ?a ?b ?w ?d WHERE {{
    GRAPH ?d {{ ?c rdf:type gx:CoMention ; gx:between ?a, ?b ; gx:weight ?w }}
    FILTER(STR(?a) < STR(?b))
  }} }}
  {DOC_DAY}{in_window}
}} GROUP BY ?a ?b"
                ),
                &[],
            )?
            .into_iter()
            .filter_map(|r| {
                Some((
                    r[0].clone()?,
                    r[1].clone()?,
                    Edge {
                        kind: "comention".into(),
                        weight: num(&r[2]) as f64,
                        title: None,
                        documents: num(&r[3]),
                        start: day(&r[4]),
                        end: day(&r[5]),
                    },
                ))
            })
            .collect(),
        View::Relations => relation_edges(store, &in_window)?,
    };
    let mut edges = edges;
    edges.sort_by(|a, b| (&a.0, &a.2.kind, &a.1, &a.2.title).cmp(&(&b.0, &b.2.kind, &b.1, &b.2.title)));
    Ok(match view {
        View::Comention => ExportGraph::Comention(graph::<Undirected>(nodes, edges)),
        View::Relations => ExportGraph::Relations(graph::<Directed>(nodes, edges)),
    })
}

/// The petgraph graph of `nodes` (by IRI) and the `edges` between them whose ends are known.
fn graph<Ty: petgraph::EdgeType>(
    nodes: BTreeMap<String, Node>,
    edges: Vec<(String, String, Edge)>,
) -> Graph<Node, Edge, Ty> {
    let mut g: Graph<Node, Edge, Ty> = Graph::default();
    let idx: HashMap<String, NodeIndex> = nodes.into_iter().map(|(iri, n)| (iri, g.add_node(n))).collect();
    for (a, b, e) in edges {
        if let (Some(&x), Some(&y)) = (idx.get(&a), idx.get(&b)) {
            g.add_edge(x, y, e);
        }
    }
    g
}

/// (relation kind in the export, SPARQL pattern binding ?s ?o ?d [?title])
const RELATIONS: &[(&str, &str)] = &[
    ("leads", "gx:leads"),
    ("inspected", "gx:inspected"),
    ("stationed_at", "gx:stationedAt"),
    ("member_of", "org:memberOf"),
    ("member_of", "org:subOrganizationOf"),
    ("located_in", "schema:containedInPlace"),
    ("located_in", "schema:location"),
    ("donated_to", "gx:donatedTo"),
];

/// The day of a relation's statement `?st` found in the document `?d`: its own, else the article's.
const FACT_DAY: &str = "OPTIONAL { ?st gx:date ?factDay } OPTIONAL { ?d schema:datePublished ?published }
  BIND(COALESCE(?factDay, xsd:date(?published)) AS ?day)";

fn relation_edges(store: &GraphStore, in_window: &str) -> Result<Vec<(String, String, Edge)>, StoreError> {
    let mut out = Vec::new();
    for (kind, p) in RELATIONS {
        for r in store.select(
            &format!(
                "{PREFIXES}SELECT ?s ?o (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?sen) AS ?n) (MIN(?day) AS ?start) (MAX(?day) AS ?end) WHERE {{
  ?st rdf:subject ?s ; rdf:predicate {p} ; rdf:object ?o ; prov:wasDerivedFrom ?sen .
  ?sen gx:inDocument ?d .
  {FACT_DAY}{in_window}
}} GROUP BY ?s ?o"
            ),
            &[],
        )? {
            let (Some(s), Some(o)) = (r[0].clone(), r[1].clone()) else {
                continue;
            };
            out.push((
                s,
                o,
                Edge {
                    kind: (*kind).into(),
                    weight: num(&r[3]) as f64,
                    title: None,
                    documents: num(&r[2]),
                    start: day(&r[4]),
                    end: day(&r[5]),
                },
            ));
        }
    }
    for r in store.select(
        &format!(
            "{PREFIXES}SELECT ?s ?o ?title (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?sen) AS ?n) (MIN(?day) AS ?start) (MAX(?day) AS ?end) WHERE {{
  ?post rdf:type org:Post ; org:heldBy ?s ; org:postIn ?o ; org:role/rdfs:label ?title .
  ?st rdf:subject ?s ; rdf:predicate org:holds ; rdf:object ?post ; prov:wasDerivedFrom ?sen .
  ?sen gx:inDocument ?d .
  {FACT_DAY}{in_window}
}} GROUP BY ?s ?o ?title"
        ),
        &[],
    )? {
        let (Some(s), Some(o)) = (r[0].clone(), r[1].clone()) else {
            continue;
        };
        out.push((
            s,
            o,
            Edge {
                kind: "post".into(),
                weight: num(&r[4]) as f64,
                title: r[2].clone(),
                documents: num(&r[3]),
                start: day(&r[5]),
                end: day(&r[6]),
            },
        ));
    }
    Ok(out)
}
