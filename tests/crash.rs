//! A build killed (SIGKILL) at any moment loses nothing committed and leaves no article
//! half-written: after each kill every article graph in the store is whole, and a rerun finishes a
//! store equal, quad for quad, to a clean build.

use crate::util::{all_quads, tempdir};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

/// A corpus of many articles (the demo's texts under many ids), as JSON Lines.
fn corpus(dir: &Path, articles: usize) -> std::path::PathBuf {
    let demo = crate::util::demo();
    let mut texts: Vec<String> = std::fs::read_dir(&demo)
        .expect("demo folder")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    let mut out = String::new();
    for i in 0..articles {
        let record = serde_json::json!({
            "id": format!("item/{i:05}"),
            "text": format!("{}\n第{i}期。", texts[i % texts.len()]),
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).expect("write corpus");
    path
}

fn build_cmd(store: &Path, input: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_guanxi"));
    c.args(["build", "--commit-quads", "3000", "--store"])
        .arg(store)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Quads per article graph (none when a build was killed before its store existed).
fn graph_sizes(store: &Path) -> BTreeMap<String, usize> {
    if !store.exists() {
        return BTreeMap::new();
    }
    crate::util::select(
        store,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), \"/doc/\")) } GROUP BY ?g",
    )
    .into_iter()
    .map(|r| (r["g"].clone(), r["n"].parse().expect("count")))
    .collect()
}

#[test]
fn a_build_killed_at_random_moments_finishes_equal_to_a_clean_build() {
    let dir = tempdir();
    let input = corpus(dir.path(), 240);

    let clean = dir.path().join("clean");
    let started = Instant::now();
    let status = build_cmd(&clean, &input).status().expect("clean build");
    assert!(status.success());
    let took = started.elapsed();
    let whole = graph_sizes(&clean);
    assert_eq!(whole.len(), 240, "every article is a graph");

    // kill moments spread over the length of a clean build, in an order that changes every run
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.subsec_nanos() as u64);
    eprintln!("crash test seed {seed}");
    let mut x = seed | 1;
    let killed = dir.path().join("killed");
    let mut partial_seen = false;
    for round in 0..6 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = took.mul_f64(0.1 + 0.8 * ((x % 1000) as f64 / 1000.0));
        let mut child = build_cmd(&killed, &input).spawn().expect("start build");
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL: no destructor, no flush
        let _ = child.wait();
        let sizes = graph_sizes(&killed);
        for (g, n) in &sizes {
            assert_eq!(
                Some(n),
                whole.get(g),
                "round {round} (killed after {at:?}, seed {seed}): {g} is half-written"
            );
        }
        partial_seen |= !sizes.is_empty() && sizes.len() < whole.len();
    }
    let status = build_cmd(&killed, &input).status().expect("final build");
    assert!(status.success());
    assert_eq!(graph_sizes(&killed), whole);
    assert_eq!(
        all_quads(&killed),
        all_quads(&clean),
        "the store after kills and a rerun differs from a clean build (seed {seed})"
    );
    // the kills did land mid-build at least once (otherwise the test proved nothing)
    assert!(
        partial_seen,
        "no kill landed between two commits (seed {seed}); clean build took {took:?}"
    );
}
