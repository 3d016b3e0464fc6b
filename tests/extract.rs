//! `guanxi extract`: JSON Lines without a store, one line per article in input order, the same
//! entities (and IRIs) as `build`.

use crate::util::{build, demo, fixture, guanxi, select, tempdir};
use std::collections::BTreeSet;

fn extract(args: &[&std::path::Path]) -> (i32, Vec<serde_json::Value>, String) {
    let out = guanxi().arg("extract").args(args).output().expect("run extract");
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn extract_writes_a_line_per_article_with_evidence() {
    let (code, lines, stderr) = extract(&[&demo()]);
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "01-qixian-checkpoints.txt",
            "02-xunxian-donations.txt",
            "03-shancheng-command.txt"
        ]
    );
    assert!(stderr.contains("extracted 3 articles"), "{stderr}");
    let a = &lines[0];
    let entities = a["entities"].as_array().expect("entities");
    let name = |i: &serde_json::Value| entities[i.as_u64().expect("index") as usize]["name"].clone();
    // a relation points at its entities and carries its sentence
    let visit = a["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .find(|r| r["kind"] == "inspected" && name(&r["subject"]) == "张卫东" && name(&r["object"]) == "大石岩村卡点")
        .expect("张卫东 inspected 大石岩村卡点");
    assert!(visit["evidence"].as_str().expect("evidence").contains("张卫东"));
    let s = &a["sentences"][visit["sentence"].as_u64().expect("sentence") as usize];
    assert_eq!(s["text"], visit["evidence"]);
    // a mention's offsets are those of the original text
    let text = std::fs::read_to_string(demo().join("01-qixian-checkpoints.txt")).expect("text");
    let chars: Vec<char> = text.chars().collect();
    for m in a["mentions"].as_array().expect("mentions") {
        let (b, e) = (
            m["begin"].as_u64().expect("b") as usize,
            m["end"].as_u64().expect("e") as usize,
        );
        assert_eq!(
            chars[b..e].iter().collect::<String>(),
            m["text"].as_str().expect("text"),
            "{m}"
        );
    }
}

#[test]
fn extract_and_build_agree_on_entities() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let (_, lines, _) = extract(&[&demo()]);
    let extracted: BTreeSet<String> = lines
        .iter()
        .flat_map(|l| l["entities"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["iri"].as_str().map(str::to_owned))
        .collect();
    let stored: BTreeSet<String> = select(
        &store,
        "SELECT DISTINCT ?e WHERE { ?m <https://w3id.org/guanxi/ns#refersTo> ?e }",
    )
    .into_iter()
    .filter_map(|r| r.get("e").cloned())
    .collect();
    assert!(!extracted.is_empty());
    assert!(
        stored.is_subset(&extracted),
        "{:?}",
        stored.difference(&extracted).collect::<Vec<_>>()
    );
}

#[test]
fn a_broken_record_is_reported_and_the_rest_extracted() {
    let (code, lines, stderr) = extract(&[&fixture("inputs/news.jsonl")]);
    assert_eq!(code, 2);
    assert_eq!(lines.len(), 2);
    assert!(stderr.contains("news.jsonl:2: not JSON"), "{stderr}");
    assert_eq!(lines[0]["date"], "2020-02-03");
    assert_eq!(lines[0]["source"], "黔南日报");
}
