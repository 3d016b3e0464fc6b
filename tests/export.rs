//! Exports: GraphML read back by networkx (a real GraphML reader), CSV, N-Quads, Turtle.

use crate::util::{build, demo, guanxi, tempdir};
use std::path::Path;
use std::process::Command;

fn export(store: &Path, args: &[&str]) -> String {
    let out = guanxi()
        .arg("export")
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("run export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Read a GraphML file with networkx and report what it found, as JSON.
fn networkx(path: &Path) -> serde_json::Value {
    let script = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(),
  "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [[a, b, d] for a, b, d in g.edges(data=True)],
}, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 with networkx (.ci/run installs it)");
    assert!(
        out.status.success(),
        "networkx could not read the GraphML: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn graphml_comention_view_opens_in_networkx_with_typed_keys() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let file = dir.path().join("g.graphml");
    export(
        &store,
        &["--format", "graphml", "--out", file.to_str().expect("utf-8 path")],
    );
    let xml = std::fs::read_to_string(&file).expect("graphml");
    assert!(!xml.contains("for=\"all\""));
    assert!(xml.contains(r#"<key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#));
    assert!(xml.contains(r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#));
    let g = networkx(&file);
    assert_eq!(g["directed"], false);
    let nodes = g["nodes"].as_object().expect("nodes");
    let zhou = nodes.values().find(|n| n["label"] == "周明").expect("周明 is a node");
    assert_eq!(zhou["type"], "PER");
    assert!(
        zhou["mentions"].as_i64().is_some_and(|m| m >= 1),
        "mentions is an int: {zhou}"
    );
    let edges = g["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    for e in edges {
        assert!(
            e[2]["weight"].as_f64().is_some_and(|w| w >= 1.0),
            "weight is a number: {e}"
        );
        assert!(e[2]["documents"].as_i64().is_some_and(|d| d >= 1));
    }
    // node ids are stable across exports
    let again = dir.path().join("g2.graphml");
    export(
        &store,
        &["--format", "graphml", "--out", again.to_str().expect("utf-8 path")],
    );
    assert_eq!(xml, std::fs::read_to_string(&again).expect("graphml"));
}

#[test]
fn graphml_relations_view_is_directed_with_kinds_and_titles() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let file = dir.path().join("r.graphml");
    std::fs::write(&file, export(&store, &["--format", "graphml", "--view", "relations"])).expect("write");
    let g = networkx(&file);
    assert_eq!(g["directed"], true);
    let nodes = g["nodes"].as_object().expect("nodes");
    let label = |id: &serde_json::Value| {
        nodes[id.as_str().expect("id")]["label"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let edges = g["edges"].as_array().expect("edges");
    let post = edges
        .iter()
        .find(|e| label(&e[0]) == "杨振华" && e[2]["kind"] == "post" && e[2]["title"] == "区委书记")
        .expect("杨振华 区委书记 post edge");
    assert_eq!(label(&post[1]), "中共山城区委员会");
    let kinds: std::collections::BTreeSet<String> = edges
        .iter()
        .map(|e| e[2]["kind"].as_str().unwrap_or_default().to_owned())
        .collect();
    for k in [
        "post",
        "leads",
        "inspected",
        "stationed_at",
        "member_of",
        "located_in",
        "donated_to",
    ] {
        assert!(kinds.contains(k), "no {k} edge in {kinds:?}");
    }
}

#[test]
fn csv_nquads_and_turtle() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let csv = dir.path().join("csv");
    export(&store, &["--format", "csv", "--out", csv.to_str().expect("utf-8 path")]);
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).expect("nodes.csv");
    assert!(nodes.starts_with("id,label,type,iri,mentions,documents\n"));
    assert!(nodes.contains(",杨振华,PER,"));
    let edges = std::fs::read_to_string(csv.join("edges.csv")).expect("edges.csv");
    assert!(edges.starts_with("source,target,kind,weight,title,documents\n") && edges.lines().count() > 10);
    let nq = export(&store, &["--format", "nquads"]);
    assert!(nq.lines().all(|l| l.ends_with(" .")) && nq.contains("<https://w3id.org/guanxi/id/graph/entities>"));
    let ttl = export(&store, &["--format", "turtle"]);
    assert!(ttl.contains("@prefix gx: <https://w3id.org/guanxi/ns#>"));
    // Turtle round-trips through oxigraph's parser
    let parsed = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("valid Turtle");
    assert!(parsed.len() > 100);
}
