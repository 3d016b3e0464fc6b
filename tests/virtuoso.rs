//! The README's Scale path on a real engine: two shards of a corpus are built separately, exported
//! as N-Quads and bulk-loaded into Virtuoso (Debian's `virtuoso-opensource-7`, started on loopback
//! with its files in a temporary folder); every shipped query — unbound, and bound to a name where
//! it takes one — gives the same rows there as in guanxi's own store of the whole corpus.
//!
//! Needs `virtuoso-t` and `isql-vt` (scripts/test.sh installs them).

use crate::util::{demo, fixture, guanxi, root, tempdir};
use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Virtuoso {
    child: Child,
    sql: u16,
    http: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The package's configuration with every file in `dir` and both servers on loopback.
fn config(dir: &Path, sql: u16, http: u16) -> String {
    let ini = std::fs::read_to_string("/etc/virtuoso-opensource-7/virtuoso.ini")
        .expect("/etc/virtuoso-opensource-7/virtuoso.ini (scripts/test.sh installs virtuoso-opensource-7)");
    let mut section = String::new();
    let mut out = String::new();
    for line in ini.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.trim_matches(['[', ']']).to_owned();
        }
        let key = t.split('=').next().unwrap_or("").trim();
        let file = |name: &str| format!("{key} = {}\n", dir.join(format!("{section}-{name}")).display());
        let replaced = match (section.as_str(), key) {
            (_, "DatabaseFile") => Some(file("db")),
            (_, "TransactionFile") => Some(file("trx")),
            (_, "LockFile") => Some(file("lck")),
            (_, "ErrorLogFile") => Some(file("log")),
            (_, "xa_persistent_file") => Some(file("pxa")),
            ("Parameters", "ServerPort") => Some(format!("ServerPort = 127.0.0.1:{sql}\n")),
            ("HTTPServer", "ServerPort") => Some(format!("ServerPort = 127.0.0.1:{http}\n")),
            ("Parameters", "DirsAllowed") => Some(format!("DirsAllowed = ., {}\n", dir.display())),
            _ => None,
        };
        out.push_str(&replaced.unwrap_or_else(|| format!("{line}\n")));
    }
    out
}

fn start() -> Virtuoso {
    let dir = tempdir();
    let (sql, http) = (free_port(), free_port());
    let ini = dir.path().join("virtuoso.ini");
    std::fs::write(&ini, config(dir.path(), sql, http)).expect("write virtuoso.ini");
    let child = Command::new("virtuoso-t")
        .arg("+configfile")
        .arg(&ini)
        .arg("+foreground")
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("virtuoso-t (scripts/test.sh installs virtuoso-opensource-7)");
    let v = Virtuoso {
        child,
        sql,
        http,
        _dir: dir,
    };
    let started = Instant::now();
    while ureq::get(&format!("http://127.0.0.1:{http}/sparql?query=ASK%7B%7D"))
        .call()
        .is_err()
    {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "Virtuoso did not answer within 120 s"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    v
}

impl Virtuoso {
    fn isql(&self, sql: &str) -> String {
        let out = Command::new("isql-vt")
            .arg(format!("127.0.0.1:{}", self.sql))
            .args(["dba", "dba"])
            .arg(format!("exec={sql}"))
            .output()
            .expect("isql-vt");
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !text.contains("*** Error"), "{sql}: {text}");
        text
    }

    /// SPARQL JSON results of a query, over the union of all graphs.
    fn select(&self, query: &str) -> Vec<BTreeMap<String, String>> {
        let body = ureq::post(&format!("http://127.0.0.1:{}/sparql", self.http))
            .header("Accept", "application/sparql-results+json")
            .send_form([("query", query)])
            .unwrap_or_else(|e| panic!("Virtuoso refused {query}: {e}"))
            .body_mut()
            .read_to_string()
            .expect("Virtuoso's answer");
        crate::util::rows(body.as_bytes())
    }
}

/// Rows as a sorted multiset: engines break ties of an ORDER BY differently.
fn sorted(mut rows: Vec<BTreeMap<String, String>>) -> Vec<BTreeMap<String, String>> {
    rows.sort();
    rows
}

#[test]
fn shards_loaded_into_virtuoso_answer_every_shipped_query_as_the_union_does() {
    let dir = tempdir();
    let inputs: Vec<PathBuf> = vec![demo(), fixture("tour.txt"), fixture("inputs")];
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");

    // the whole corpus in one guanxi store; two shards built apart and exported
    let whole = dir.path().join("whole");
    build(&["build", "--store", &whole.to_string_lossy()], &inputs);
    let mut shard_quads = 0;
    for i in 0..2 {
        let store = dir.path().join(format!("shard{i}"));
        build(
            &[
                "build",
                "--shard",
                &format!("{i}/2"),
                "--store",
                &store.to_string_lossy(),
            ],
            &inputs,
        );
        let quads = crate::util::all_quads(&store);
        shard_quads += quads.len();
        let text: String = quads.into_iter().map(|q| q + "\n").collect();
        std::fs::write(data.join(format!("shard{i}.nq")), text).expect("write N-Quads");
    }

    let v = start();
    let t = Instant::now();
    v.isql(&format!(
        "ld_dir('{}', '*.nq', 'urn:default'); rdf_loader_run(); checkpoint;",
        data.display()
    ));
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "Virtuoso loaded {shard_quads} quads of two shards in {secs:.2} s ({:.0} quads/s)",
        shard_quads as f64 / secs
    );

    let count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/guanxi/\")) }";
    let here = crate::util::select(&whole, count);
    let there = v.select(count);
    assert_eq!(
        there, here,
        "the union of the shards in Virtuoso has the quads of the whole store"
    );

    // a name every ?name query can start from: the person with the most posts
    let name = crate::util::select(
        &whole,
        "PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
         SELECT ?n WHERE { ?p org:holds ?post ; rdfs:label ?n } GROUP BY ?n ORDER BY DESC(COUNT(?post)) ?n LIMIT 1",
    )[0]["n"]
        .clone();
    let mut compared = 0;
    let mut files: Vec<_> = std::fs::read_dir(root().join("queries"))
        .expect("queries")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("query");
        let mut runs = vec![(Vec::new(), text.clone())];
        if text.contains("?name") {
            // on Virtuoso the name is bound as a user would: a VALUES at the start of the pattern
            let at = text.find("WHERE {").expect("a WHERE clause") + "WHERE {".len();
            let bound = format!("{} VALUES ?name {{ \"{name}\"@zh }}{}", &text[..at], &text[at..]);
            runs.push((vec![format!("name={name}")], bound));
        }
        for (binds, sparql) in runs {
            let mut cmd = guanxi();
            cmd.args(["query", "--format", "json", "--store"])
                .arg(&whole)
                .arg("--file")
                .arg(&file);
            for b in &binds {
                cmd.args(["--bind", b]);
            }
            let out = cmd.output().expect("guanxi query");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let here = sorted(crate::util::rows(&out.stdout));
            let there = sorted(v.select(&sparql));
            assert_eq!(there, here, "{} {binds:?}: Virtuoso and guanxi differ", file.display());
            compared += 1;
            eprintln!("{} {binds:?}: {} rows, same in both", file.display(), here.len());
        }
    }
    assert!(compared >= 10, "{compared} queries compared");
}

/// Run `build`: it exits 0, or 2 when some input was skipped (the inputs fixtures hold bad records
/// on purpose).
fn build(args: &[&str], inputs: &[PathBuf]) {
    let out = guanxi().args(args).args(inputs).output().expect("guanxi build");
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
