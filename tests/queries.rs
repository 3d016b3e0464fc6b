//! Every shipped query (queries/*.rq) against the demo corpus and two dated inputs (a CSV file and
//! an HTML page), with its exact expected rows in tests/expected/<name>.tsv. A query without
//! expected rows fails.

use crate::util::{build, demo, fixture, guanxi, root, tempdir};

#[test]
fn every_shipped_query_gives_its_expected_rows() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let csv = fixture("inputs/news.csv");
    let page = fixture("inputs/pages/2020/lishui.html");
    let (code, _, stderr) = build(&store, &[&demo(), &csv, &page]);
    assert_eq!(code, 0, "{stderr}");
    let mut names: Vec<_> = std::fs::read_dir(root().join("queries"))
        .expect("queries/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the shipped queries");
    let mut failures = Vec::new();
    for rq in names {
        let text = std::fs::read_to_string(&rq).expect("read query");
        assert!(
            text.starts_with('#'),
            "{} must open with a comment saying what it answers",
            rq.display()
        );
        let out = guanxi()
            .args(["query", "--format", "tsv", "--file"])
            .arg(&rq)
            .arg("--store")
            .arg(&store)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}: {}",
            rq.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        let stem = rq.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let expected_path = root().join("tests/expected").join(format!("{stem}.tsv"));
        if std::env::var_os("GUANXI_UPDATE_EXPECTED").is_some() {
            std::fs::create_dir_all(expected_path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == got => {}
            Ok(expected) => failures.push(format!("{stem}: rows differ\n--- expected\n{expected}\n--- got\n{got}")),
            Err(_) => failures.push(format!("{stem}: no expected rows in {}", expected_path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn checkpoint_question_answers_who_led_manned_and_inspected() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let rows = crate::util::select(
        &store,
        &std::fs::read_to_string(root().join("queries/who-led-which-checkpoint.rq")).expect("rq"),
    );
    let has = |c: &str, a: &str, r: &str| {
        rows.iter()
            .any(|x| x["checkpoint"] == c && x["agent"] == a && x["relation"] == r)
    };
    assert!(has("大石岩村卡点", "张卫东", "inspected"));
    assert!(
        has("大石岩村卡点", "李建国", "inspected"),
        "一同督导: the county head went along"
    );
    assert!(has("大石岩村卡点", "孙建华", "stationed_at"));
    assert!(has("西刘寨村村口卡点", "孙海军", "stationed_at"));
    let dated = rows
        .iter()
        .find(|x| x["agent"] == "张卫东")
        .and_then(|x| x.get("written"))
        .cloned();
    // (the demo's text files give no article date: the day stays unresolved, the date as written
    // is kept)
    assert_eq!(dated.as_deref(), Some("1月29日"));
}
