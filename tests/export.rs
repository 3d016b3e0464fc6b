//! Exports: GraphML and GEXF read back by networkx (real readers), CSV, N-Quads, Turtle; the
//! filters that cut a graph down (window of days, types, weight, neighbourhood, strongest nodes).

use crate::util::{build, demo, fixture, guanxi, tempdir};
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

/// Read a GraphML or GEXF file with networkx and report what it found, as JSON.
fn networkx(path: &Path) -> serde_json::Value {
    let script = r#"
import json, sys, networkx as nx
p = sys.argv[1]
g = nx.read_gexf(p) if p.endswith(".gexf") else nx.read_graphml(p)
print(json.dumps({
  "directed": g.is_directed(),
  "graph": {k: v for k, v in g.graph.items() if isinstance(v, str)},
  "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [[a, b, d] for a, b, d in g.edges(data=True)],
  "connected": g.number_of_nodes() > 0 and nx.is_connected(g.to_undirected()),
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
        "networkx could not read {}: {}",
        path.display(),
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

/// `export` with `args` to a file of `ext`; the file read back by networkx and the counts printed.
fn export_read(store: &Path, dir: &Path, ext: &str, args: &[&str]) -> (serde_json::Value, String) {
    let file = dir.join(format!("cut.{ext}"));
    let out = guanxi()
        .arg("export")
        .arg("--store")
        .arg(store)
        .args(["--format", ext, "--out"])
        .arg(&file)
        .args(args)
        .output()
        .expect("run export");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (networkx(&file), stderr)
}

fn counts(g: &serde_json::Value) -> (usize, usize) {
    (
        g["nodes"].as_object().map_or(0, |n| n.len()),
        g["edges"].as_array().map_or(0, |e| e.len()),
    )
}

fn is_day(v: &serde_json::Value) -> bool {
    v.as_str().is_some_and(|d| {
        d.len() == 10
            && d.chars()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
    })
}

#[test]
fn gexf_plays_on_a_timeline_in_networkx() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let (code, _, err) = build(&store, &[&fixture("inputs/news.jsonl"), &fixture("inputs/news.csv")]);
    assert_eq!(code, 2, "the broken line of news.jsonl is reported: {err}");
    let (g, stderr) = export_read(&store, dir.path(), "gexf", &[]);
    assert_eq!(g["graph"]["mode"], "dynamic", "{}", g["graph"]);
    assert_eq!(g["directed"], false);
    let (n, e) = counts(&g);
    assert!(stderr.contains(&format!("wrote {n} nodes and {e} edges")), "{stderr}");
    let edges = g["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    for e in edges {
        assert!(is_day(&e[2]["start"]) && is_day(&e[2]["end"]), "dated edge: {e}");
        assert!(e[2]["start"].as_str() <= e[2]["end"].as_str(), "{e}");
        assert!(e[2]["weight"].as_f64().is_some_and(|w| w >= 1.0), "{e}");
    }
    // a checkpoint named in the articles of two days spans both (2020-02-03 and a dateTime of 02-04)
    let nodes = g["nodes"].as_object().expect("nodes");
    let chk = nodes.values().find(|n| n["label"] == "墨冲镇卡点").expect("墨冲镇卡点");
    assert_eq!(
        (chk["start"].as_str(), chk["end"].as_str()),
        (Some("2020-02-03"), Some("2020-02-04"))
    );
    assert_eq!(chk["type"], "CHK");
    // relations carry the day of the fact, not of the article: 2月1日 in an article of 2月3日
    let (r, _) = export_read(&store, dir.path(), "gexf", &["--view", "relations"]);
    assert_eq!(r["directed"], true);
    let label = |id: &serde_json::Value| r["nodes"][id.as_str().expect("id")]["label"].clone();
    let visit = r["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .find(|e| label(&e[0]) == "罗建明" && e[2]["kind"] == "inspected")
        .expect("罗建明 inspected");
    assert_eq!(label(&visit[1]), "墨冲镇卡点");
    assert_eq!(visit[2]["start"], "2020-02-01");
}

#[test]
fn export_filters_cut_the_graph_as_asked() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let (all, _) = export_read(&store, dir.path(), "graphml", &[]);
    let (n_all, e_all) = counts(&all);
    assert!(n_all > 10 && e_all > 10, "{n_all} {e_all}");
    // types
    let (people, _) = export_read(&store, dir.path(), "graphml", &["--types", "PER"]);
    let (n, _) = counts(&people);
    assert!(0 < n && n < n_all);
    assert!(
        people["nodes"]
            .as_object()
            .expect("nodes")
            .values()
            .all(|n| n["type"] == "PER")
    );
    // weight
    let (heavy, _) = export_read(&store, dir.path(), "graphml", &["--min-weight", "2"]);
    let (n, e) = counts(&heavy);
    assert!(0 < e && e < e_all && n < n_all, "{n} {e}");
    assert!(
        heavy["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .all(|e| e[2]["weight"].as_f64() >= Some(2.0))
    );
    // neighbourhood: connected, around the name, growing with depth
    let (near, _) = export_read(&store, dir.path(), "graphml", &["--around", "周明", "--depth", "1"]);
    let (n1, _) = counts(&near);
    assert!(1 < n1 && n1 < n_all, "{n1}");
    assert_eq!(near["connected"], true);
    assert!(
        near["nodes"]
            .as_object()
            .expect("nodes")
            .values()
            .any(|n| n["label"] == "周明")
    );
    let (wider, _) = export_read(&store, dir.path(), "gexf", &["--around", "周明", "--depth", "2"]);
    let (n2, _) = counts(&wider);
    assert!(n2 >= n1, "{n2} < {n1}");
    assert_eq!(wider["connected"], true);
    // the strongest nodes
    let (top, stderr) = export_read(&store, dir.path(), "graphml", &["--top", "5"]);
    assert_eq!(counts(&top).0, 5, "{stderr}");
    // a name nobody bears, a window the wrong way round: one clear line, nothing written
    for (args, says) in [
        (&["--around", "无名氏"][..], "no entity is named 无名氏"),
        (
            &["--from", "2021-01-01", "--to", "2020-01-01"][..],
            "--from comes after --to",
        ),
        (&["--from", "2020-02-30x"][..], "is not a day"),
    ] {
        let file = dir.path().join("refused.graphml");
        let out = guanxi()
            .arg("export")
            .arg("--store")
            .arg(&store)
            .args(["--format", "graphml", "--out"])
            .arg(&file)
            .args(args)
            .output()
            .expect("run export");
        assert!(!out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(says), "{args:?}");
        assert!(!file.exists(), "{args:?}");
    }
}

#[test]
fn a_window_of_days_keeps_what_those_articles_say() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&fixture("inputs/news.jsonl"), &fixture("inputs/news.csv")]);
    let (all, _) = export_read(&store, dir.path(), "gexf", &[]);
    let (feb, _) = export_read(
        &store,
        dir.path(),
        "gexf",
        &["--from", "2020-02-01", "--to", "2020-02-29"],
    );
    let (n_all, e_all) = counts(&all);
    let (n, e) = counts(&feb);
    assert!(0 < n && n < n_all && e < e_all, "{n}/{n_all} {e}/{e_all}");
    for v in feb["nodes"].as_object().expect("nodes").values() {
        let (s, t) = (v["start"].as_str().unwrap_or(""), v["end"].as_str().unwrap_or(""));
        assert!(s.starts_with("2020-02") && t.starts_with("2020-02"), "{v}");
    }
    let labels: Vec<&str> = feb["nodes"]
        .as_object()
        .expect("nodes")
        .values()
        .filter_map(|v| v["label"].as_str())
        .collect();
    assert!(labels.contains(&"罗建明") && !labels.contains(&"沈明"), "{labels:?}");
}
