//! End to end through the CLI: build → query, bad files, rebuilds, encodings, shards.

use crate::util::{PREFIXES, build, demo, fixture, guanxi, select, tempdir};

#[test]
fn build_then_query_finds_people_posts_and_checkpoints() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let (code, out, err) = build(&store, &[&fixture("tour.txt")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("built 1 article (1 new, 0 replaced)"), "{out}");
    let rows = select(
        &store,
        &format!("{PREFIXES}SELECT ?n WHERE {{ ?p a schema:Person ; rdfs:label ?n }} ORDER BY ?n"),
    );
    let names: Vec<&str> = rows.iter().map(|r| r["n"].as_str()).collect();
    for n in ["韩立新", "秦海峰", "冯振宇", "宋保国", "林晓"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    let rows = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?c WHERE {{ ?p rdfs:label \"韩立新\"@zh ; gx:inspected ?x . ?x a gx:Checkpoint ; rdfs:label ?c }} ORDER BY ?c"
        ),
    );
    let cps: Vec<&str> = rows.iter().map(|r| r["c"].as_str()).collect();
    assert_eq!(cps, ["浚县北站疫情防控卡点", "王村卡点"]);
}

#[test]
fn a_bad_file_is_reported_and_skipped_and_the_others_are_built() {
    let dir = tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::copy(fixture("tour.txt"), input.join("good.txt")).expect("copy");
    std::fs::write(input.join("empty.txt"), "").expect("write");
    std::fs::write(input.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    std::fs::write(input.join("latin1.txt"), [0xe9u8, 0x74, 0xe9, 0xff, 0xfe, 0x80, 0x81]).expect("write");
    let store = dir.path().join("store");
    let (code, out, err) = build(&store, &[&input]);
    assert_eq!(code, 2, "something was skipped: {err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("image.txt: not text"), "{err}");
    assert!(err.contains("latin1.txt: undecodable"), "{err}");
    assert_eq!(err.lines().count(), 3, "one line per bad file: {err}");
    assert!(out.contains("built 1 article") && out.contains("3 skipped"), "{out}");
    let rows = select(&store, &format!("{PREFIXES}SELECT ?f WHERE {{ ?d gx:fileName ?f }}"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["f"], "good.txt");
}

#[test]
fn unchanged_articles_are_skipped_and_changed_ones_replace_their_graph() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "县长秦海峰到屯子镇督导检查。").expect("write");
    assert_eq!(build(&store, &[&article]).0, 0);
    let (code, out, _) = build(&store, &[&article]);
    assert_eq!(code, 0);
    assert!(out.contains("built 0 articles") && out.contains("1 unchanged"), "{out}");
    std::fs::write(&article, "县长吴立平到善堂镇督导检查。").expect("write");
    let (code, out, _) = build(&store, &[&article]);
    assert_eq!(code, 0);
    assert!(out.contains("(0 new, 1 replaced)"), "{out}");
    // the old article's facts are gone, the new ones are there
    let q = format!("{PREFIXES}SELECT ?n WHERE {{ ?m gx:refersTo ?p . ?p a schema:Person ; rdfs:label ?n }}");
    let names: Vec<String> = select(&store, &q).into_iter().map(|r| r["n"].clone()).collect();
    assert_eq!(names, ["吴立平"]);
}

#[test]
fn gb18030_input_is_decoded_and_offsets_count_code_points() {
    let dir = tempdir();
    let (bytes, _, _) = encoding_rs::GB18030.encode("ＡＢ县委书记韩立新到屯子镇督导。");
    let path = dir.path().join("gbk.txt");
    std::fs::write(&path, &bytes).expect("write");
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&path]).0, 0);
    let rows = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?b ?e ?t WHERE {{ ?m a gx:Mention ; nif:anchorOf ?t ; nif:beginIndex ?b ; nif:endIndex ?e }} ORDER BY ?b"
        ),
    );
    // 韩立新 follows ＡＢ县委书记: code points 6..9 of the original (full-width) text
    let han = rows.iter().find(|r| r["t"] == "韩立新").expect("韩立新 mentioned");
    assert_eq!((han["b"].as_str(), han["e"].as_str()), ("6", "9"));
}

#[test]
fn shards_partition_the_input() {
    let dir = tempdir();
    let mut seen = 0;
    for i in 0..3 {
        let store = dir.path().join(format!("s{i}"));
        let out = guanxi()
            .args(["build", "--shard", &format!("{i}/3"), "--store"])
            .arg(&store)
            .arg(demo())
            .output()
            .expect("run");
        assert!(out.status.success());
        seen += select(
            &store,
            &format!("{PREFIXES}SELECT ?d WHERE {{ ?d a schema:NewsArticle }}"),
        )
        .len();
    }
    assert_eq!(seen, 3, "each demo article in exactly one shard");
    guanxi()
        .args(["build", "--shard", "3/3"])
        .arg(demo())
        .assert()
        .failure();
}

#[test]
fn query_reports_syntax_errors_and_missing_stores() {
    let dir = tempdir();
    let store = dir.path().join("none");
    let out = guanxi()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT * {}")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
    let store = dir.path().join("store");
    build(&store, &[&fixture("golden.txt")]);
    let out = guanxi()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELEC ?x")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SPARQL syntax error"));
}

#[test]
fn query_formats_and_bindings() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&fixture("golden.txt")]);
    let q = format!(
        "{PREFIXES}SELECT ?name ?title WHERE {{ ?post org:heldBy ?p ; org:role/rdfs:label ?title . ?p rdfs:label ?name }} ORDER BY ?title"
    );
    let out = guanxi()
        .args(["query", "--format", "csv", "--bind", "name=周国栋", "--store"])
        .arg(&store)
        .arg(&q)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "name,title\r\n周国栋,市委书记\r\n"
    );
    let out = guanxi()
        .args(["query", "--store"])
        .arg(&store)
        .arg(&q)
        .output()
        .expect("run");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.lines().next().is_some_and(|h| h.starts_with("name")), "{table}");
    assert!(table.contains("吴立平") && table.contains("县长"), "{table}");
}

#[test]
fn demo_runs_and_answers_its_questions() {
    let out = guanxi().arg("demo").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("queries/who-led-which-checkpoint.rq"), "{text}");
    assert!(text.contains("大石岩村卡点") && text.contains("张卫东"), "{text}");
    assert!(text.contains("杨振华") && text.contains("区委书记"), "{text}");
}

/// Regression: `guanxi build … | head -1` panicked printing its summary into the closed pipe.
#[test]
fn a_closed_standard_output_does_not_turn_a_finished_build_into_a_panic() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_guanxi"))
        .args(["build", "--store"])
        .arg(&store)
        .arg(demo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start build");
    drop(child.stdout.take()); // the reader goes away before the summary is printed
    let out = child.wait_with_output().expect("build");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    let rows = select(
        &store,
        &format!("{PREFIXES}SELECT ?d WHERE {{ ?d a schema:NewsArticle }}"),
    );
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_new_store_is_created_whole_beside_its_place_and_then_moved_there() {
    // what a build killed while RocksDB wrote a new store's first files left: here, junk
    let dir = tempdir();
    let store = dir.path().join("store");
    let creating = dir.path().join("store.creating");
    std::fs::create_dir_all(&creating).expect("mkdir");
    std::fs::write(creating.join("000004.log"), b"half a store").expect("write");
    let (code, _, err) = build(&store, &[&demo().join("01-qixian-checkpoints.txt")]);
    assert_eq!(code, 0, "{err}");
    assert!(!creating.exists(), "the leftover of an interrupted creation is gone");
    // and the store opens for reading (a store killed while created did not: no version in it)
    let rows = select(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    assert!(rows[0]["n"].parse::<usize>().expect("count") > 100);
    // an empty folder made beforehand is a place for a store too
    let made = dir.path().join("made");
    std::fs::create_dir_all(&made).expect("mkdir");
    let (code, _, err) = build(&made, &[&demo().join("01-qixian-checkpoints.txt")]);
    assert_eq!(code, 0, "{err}");
    assert!(!select(&made, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1").is_empty());
}
