//! `guanxi serve` answers SPARQL over HTTP; `guanxi push` loads a real remote store (oxigraph's
//! own server, `pip install oxigraph`, which `.ci/run` installs).

use crate::util::{build, demo, guanxi, tempdir};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port()
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(url: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if ureq::get(url).call().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{url} did not come up");
}

#[test]
fn serve_answers_sparql_protocol_requests() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let port = free_port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("guanxi"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--store"])
        .arg(&store)
        .stderr(Stdio::null())
        .spawn()
        .expect("start guanxi serve");
    let _guard = Killed(child);
    wait_for(&format!("http://127.0.0.1:{port}/"));
    let q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?n WHERE { ?p rdfs:label ?n FILTER(?n = \"杨振华\"@zh) }";
    let mut resp = ureq::post(&format!("http://127.0.0.1:{port}/query"))
        .header("Accept", "application/sparql-results+json")
        .content_type("application/sparql-query")
        .send(q)
        .expect("query");
    let body = resp.body_mut().read_to_string().expect("body");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["results"]["bindings"][0]["n"]["value"], "杨振华");
    let refused = ureq::post(&format!("http://127.0.0.1:{port}/update")).send("DROP ALL");
    assert!(refused.is_err(), "updates are refused");
}

#[test]
fn push_loads_every_graph_into_a_remote_store() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let port = free_port();
    let child = Command::new("oxigraph")
        .args(["serve", "--location"])
        .arg(dir.path().join("remote"))
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the oxigraph server (pip install oxigraph)");
    let _guard = Killed(child);
    wait_for(&format!("http://127.0.0.1:{port}/"));
    guanxi()
        .args([
            "push",
            "--endpoint",
            &format!("http://127.0.0.1:{port}/store"),
            "--store",
        ])
        .arg(&store)
        .assert()
        .success();
    let q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let mut resp = ureq::get(&format!("http://127.0.0.1:{port}/query"))
        .query("query", q)
        .header("Accept", "application/sparql-results+json")
        .call()
        .expect("remote query");
    let v: serde_json::Value = serde_json::from_str(&resp.body_mut().read_to_string().expect("body")).expect("json");
    // three articles and the shared entities graph
    assert_eq!(v["results"]["bindings"][0]["n"]["value"], "4");
}
