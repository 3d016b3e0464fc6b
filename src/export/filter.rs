//! Cut an export down to what a person can open: entity types, a minimum edge weight, the
//! neighbourhood of some entities, the strongest nodes. Applied in that order; a node that a weight
//! cut leaves without edges goes with them, and node order stays that of the full export.

use super::graph::{Edge, ExportGraph, Node};
use petgraph::EdgeType;
use petgraph::graph::{Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashSet, VecDeque};

/// What to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Entity types to keep (PER, ORG, LOC, CHK); empty: all.
    pub types: Vec<String>,
    /// Edges lighter than this go.
    pub min_weight: Option<f64>,
    /// Keep the entities within `depth` edges (either direction) of these IRIs.
    pub around: Option<(Vec<String>, usize)>,
    /// Keep the `n` nodes of greatest strength (the sum of their edges' weights; then mentions).
    pub top: Option<usize>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Apply `f` to `g`.
pub fn apply(g: ExportGraph, f: &Filter) -> ExportGraph {
    match g {
        ExportGraph::Comention(g) => ExportGraph::Comention(apply_to(g, f)),
        ExportGraph::Relations(g) => ExportGraph::Relations(apply_to(g, f)),
    }
}

fn keep_nodes<Ty: EdgeType>(g: Graph<Node, Edge, Ty>, keep: impl Fn(NodeIndex) -> bool) -> Graph<Node, Edge, Ty> {
    g.filter_map(|i, n| keep(i).then(|| n.clone()), |_, e| Some(e.clone()))
}

fn apply_to<Ty: EdgeType>(mut g: Graph<Node, Edge, Ty>, f: &Filter) -> Graph<Node, Edge, Ty> {
    if !f.types.is_empty() {
        let types = &f.types;
        g = g.filter_map(
            |_, n| types.iter().any(|t| t.eq_ignore_ascii_case(&n.kind)).then(|| n.clone()),
            |_, e| Some(e.clone()),
        );
    }
    if let Some(w) = f.min_weight {
        g = g.filter_map(|_, n| Some(n.clone()), |_, e| (e.weight >= w).then(|| e.clone()));
        let linked: HashSet<NodeIndex> = g.edge_references().flat_map(|e| [e.source(), e.target()]).collect();
        g = keep_nodes(g, |i| linked.contains(&i));
    }
    if let Some((iris, depth)) = &f.around {
        let mut seen: HashSet<NodeIndex> = g
            .node_indices()
            .filter(|&i| iris.iter().any(|x| *x == g[i].iri))
            .collect();
        let mut queue: VecDeque<(NodeIndex, usize)> = seen.iter().map(|&i| (i, 0)).collect();
        while let Some((i, d)) = queue.pop_front() {
            if d == *depth {
                continue;
            }
            for j in g.neighbors_undirected(i) {
                if seen.insert(j) {
                    queue.push_back((j, d + 1));
                }
            }
        }
        g = keep_nodes(g, |i| seen.contains(&i));
    }
    if let Some(n) = f.top {
        let mut strength = vec![0.0f64; g.node_count()];
        for e in g.edge_references() {
            strength[e.source().index()] += e.weight().weight;
            strength[e.target().index()] += e.weight().weight;
        }
        let mut order: Vec<NodeIndex> = g.node_indices().collect();
        order.sort_by(|&a, &b| {
            strength[b.index()]
                .total_cmp(&strength[a.index()])
                .then(g[b].mentions.cmp(&g[a].mentions))
                .then(g[a].iri.cmp(&g[b].iri))
        });
        let top: HashSet<NodeIndex> = order.into_iter().take(n).collect();
        g = keep_nodes(g, |i| top.contains(&i));
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::Undirected;

    fn node(iri: &str, kind: &str, mentions: u64) -> Node {
        Node {
            iri: iri.into(),
            label: iri.into(),
            kind: kind.into(),
            mentions,
            documents: 1,
            start: None,
            end: None,
        }
    }

    fn edge(weight: f64) -> Edge {
        Edge {
            kind: "comention".into(),
            weight,
            title: None,
            documents: 1,
            start: None,
            end: None,
        }
    }

    /// a-b (3), b-c (1), c-d (1), e alone; a, b, c people, d a place, e an organisation
    fn sample() -> ExportGraph {
        let mut g: Graph<Node, Edge, Undirected> = Graph::default();
        let a = g.add_node(node("a", "PER", 5));
        let b = g.add_node(node("b", "PER", 4));
        let c = g.add_node(node("c", "PER", 3));
        let d = g.add_node(node("d", "LOC", 2));
        g.add_node(node("e", "ORG", 9));
        g.add_edge(a, b, edge(3.0));
        g.add_edge(b, c, edge(1.0));
        g.add_edge(c, d, edge(1.0));
        ExportGraph::Comention(g)
    }

    fn iris(g: &ExportGraph) -> Vec<&str> {
        g.nodes().iter().map(|n| n.iri.as_str()).collect()
    }

    #[test]
    fn filters_keep_what_they_say() {
        let cases: &[(Filter, &[&str], usize)] = &[
            (Filter::default(), &["a", "b", "c", "d", "e"], 3),
            (
                Filter {
                    types: vec!["per".into()],
                    ..Filter::default()
                },
                &["a", "b", "c"],
                2,
            ),
            (
                Filter {
                    min_weight: Some(2.0),
                    ..Filter::default()
                },
                &["a", "b"],
                1,
            ),
            (
                Filter {
                    around: Some((vec!["a".into()], 1)),
                    ..Filter::default()
                },
                &["a", "b"],
                1,
            ),
            (
                Filter {
                    around: Some((vec!["a".into()], 2)),
                    ..Filter::default()
                },
                &["a", "b", "c"],
                2,
            ),
            (
                Filter {
                    around: Some((vec!["d".into()], 0)),
                    ..Filter::default()
                },
                &["d"],
                0,
            ),
            // strength: a 3, b 4, c 2, d 1, e 0
            (
                Filter {
                    top: Some(2),
                    ..Filter::default()
                },
                &["a", "b"],
                1,
            ),
            (
                Filter {
                    top: Some(3),
                    types: vec!["PER".into(), "ORG".into()],
                    ..Filter::default()
                },
                &["a", "b", "c"],
                2,
            ),
        ];
        for (f, nodes, edges) in cases {
            let g = apply(sample(), f);
            assert_eq!(iris(&g), *nodes, "{f:?}");
            assert_eq!(g.edges().len(), *edges, "{f:?}");
        }
    }
}
