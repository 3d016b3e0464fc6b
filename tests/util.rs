//! Helpers for the end-to-end tests: the binary, temporary stores, fixtures.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `guanxi` binary under test.
pub fn guanxi() -> Command {
    Command::cargo_bin("guanxi").expect("the guanxi binary")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

pub fn demo() -> PathBuf {
    root().join("demo")
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Build `inputs` into the store at `store`; returns (exit code, stdout, stderr).
pub fn build(store: &Path, inputs: &[&Path]) -> (i32, String, String) {
    let out = guanxi()
        .arg("build")
        .arg("--store")
        .arg(store)
        .args(inputs)
        .output()
        .expect("run guanxi build");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Run a SELECT query and return its rows as maps from variable to value.
pub fn select(store: &Path, query: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = guanxi()
        .args(["query", "--format", "json", "--store"])
        .arg(store)
        .arg(query)
        .output()
        .expect("run guanxi query");
    assert!(
        out.status.success(),
        "query failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    rows(&out.stdout)
}

/// The rows of SPARQL JSON results, as maps from variable to value.
pub fn rows(json: &[u8]) -> Vec<std::collections::BTreeMap<String, String>> {
    let v: serde_json::Value = serde_json::from_slice(json).expect("SPARQL JSON results");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding")
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .collect()
}

/// The prefixes of the library's own queries.
pub use guanxi::rdf::vocab::PROLOGUE as PREFIXES;

/// Every quad of a store, as N-Quads lines (`guanxi export --format nquads`).
pub fn all_quads(store: &Path) -> std::collections::BTreeSet<String> {
    let out = guanxi()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .expect("export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}
