//! Real corpora in: JSON Lines, CSV and HTML pages with their metadata, standard input, identities
//! relative to the folder given, and the dates of facts on a timeline (fixtures in
//! tests/fixtures/inputs, written for the project).

use crate::util::{PREFIXES, build, fixture, guanxi, select, tempdir};
use std::collections::BTreeMap;
use std::path::Path;

fn inputs(name: &str) -> std::path::PathBuf {
    fixture("inputs").join(name)
}

/// The documents of a store: identity → (headline, date, its datatype, url, source, author).
fn documents(store: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let rows = select(
        store,
        &format!(
            "{PREFIXES}PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?file ?headline ?date ?type ?url ?source ?author WHERE {{
  ?d a schema:NewsArticle ; gx:fileName ?file .
  OPTIONAL {{ ?d schema:headline ?headline }}
  OPTIONAL {{ ?d schema:datePublished ?date BIND(STRAFTER(STR(DATATYPE(?date)), \"#\") AS ?type) }}
  OPTIONAL {{ ?d schema:url ?url }}
  OPTIONAL {{ ?d schema:publisher ?source }}
  OPTIONAL {{ ?d schema:author ?author }}
}}"
        ),
    );
    rows.into_iter()
        .map(|mut r| (r.remove("file").unwrap_or_default(), r))
        .collect()
}

fn query_file(store: &Path, rq: &str, binds: &[&str]) -> Vec<BTreeMap<String, String>> {
    let mut cmd = guanxi();
    cmd.args(["query", "--format", "json", "--store"])
        .arg(store)
        .arg("--file")
        .arg(crate::util::root().join("queries").join(rq));
    for b in binds {
        cmd.args(["--bind", b]);
    }
    let out = cmd.output().expect("run guanxi query");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    crate::util::rows(&out.stdout)
}

#[test]
fn json_lines_records_are_dated_articles_and_a_broken_line_is_reported_and_skipped() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let (code, stdout, stderr) = build(&store, &[&inputs("news.jsonl")]);
    assert_eq!(code, 2, "a skipped record makes the exit status 2: {stderr}");
    assert!(stdout.starts_with("built 2 articles"), "{stdout}");
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("news.jsonl:2: not JSON"), "{stderr}");
    let docs = documents(&store);
    assert_eq!(docs.keys().collect::<Vec<_>>(), ["qn-0201", "qn-0204"]);
    let a = &docs["qn-0201"];
    assert_eq!(a["headline"], "罗建明到都匀市督导疫情防控");
    assert_eq!((a["date"].as_str(), a["type"].as_str()), ("2020-02-03", "date"));
    assert_eq!(a["url"], "http://example.org/qn/0201.html");
    assert_eq!((a["source"].as_str(), a["author"].as_str()), ("黔南日报", "杨帆"));
    let b = &docs["qn-0204"];
    assert_eq!(
        (b["date"].as_str(), b["type"].as_str()),
        ("2020-02-04T09:30:00+08:00", "dateTime")
    );
}

#[test]
fn csv_records_and_dates_across_the_turn_of_a_year() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let (code, stdout, stderr) = build(&store, &[&inputs("news.csv")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("built 2 articles"), "{stdout}");
    let rows = query_file(&store, "inspections.rq", &["person=王纲"]);
    let dated: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r.contains_key("date"))
        .map(|r| (r["visited"].as_str(), r["date"].as_str(), r["written"].as_str()))
        .collect();
    // written 12月30日 in an article of 2021-01-05: the year before
    assert_eq!(dated, [("递铺街道", "2020-12-30", "12月30日")]);
    // a quoted field with commas and doubled quotes is one field
    let hz2 = query_file(&store, "inspections.rq", &["person=沈明"]);
    assert!(
        hz2.iter().any(|r| r["evidence"].contains("\"第一道防线\",做到早发现")),
        "{hz2:?}"
    );
}

#[test]
fn html_pages_give_their_main_text_headline_and_date_and_a_page_without_an_article_is_reported() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let (code, _, stderr) = build(&store, &[&inputs("pages")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("2020/index.html: no Chinese text"), "{stderr}");
    let docs = documents(&store);
    assert_eq!(docs.keys().collect::<Vec<_>>(), ["2020/lishui.html"]);
    let d = &docs["2020/lishui.html"];
    assert_eq!(d["headline"], "周志强到莲都区督导疫情防控");
    assert_eq!(d["date"], "2020-02-06");
    assert_eq!(d["url"], "http://example.org/ls/2020/0206.html");
    assert_eq!((d["source"].as_str(), d["author"].as_str()), ("丽水新闻网", "叶青"));
    let sentences = select(
        &store,
        &format!("{PREFIXES}SELECT ?t WHERE {{ ?s a nif:Sentence ; nif:isString ?t }}"),
    );
    let all: Vec<&str> = sentences.iter().map(|r| r["t"].as_str()).collect();
    assert!(all.iter().any(|t| t.contains("碧湖镇卡点")), "{all:?}");
    for furniture in ["首页", "版权所有", "var nav", "编辑注", "color"] {
        assert!(!all.iter().any(|t| t.contains(furniture)), "{furniture} in {all:?}");
    }
}

#[test]
fn two_files_of_one_name_in_two_folders_are_two_articles() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus");
    for (sub, text) in [
        ("a", "3月2日,县长刘文斌到城关镇检查。"),
        ("b", "3月3日,县委书记赵永刚到城关镇调研。"),
    ] {
        std::fs::create_dir_all(corpus.join(sub)).expect("mkdir");
        std::fs::write(corpus.join(sub).join("1.txt"), text).expect("write");
    }
    let store = dir.path().join("store");
    let (code, stdout, stderr) = build(&store, &[&corpus]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("built 2 articles"), "{stdout}");
    assert_eq!(documents(&store).keys().collect::<Vec<_>>(), ["a/1.txt", "b/1.txt"]);
    // the same two folders given one by one have the same identity: refused, with the reason
    let other = dir.path().join("other");
    let (code, _, stderr) = build(&other, &[&corpus.join("a"), &corpus.join("b")]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`1.txt`") && stderr.contains("common parent"),
        "{stderr}"
    );
}

#[test]
fn standard_input_fields_by_other_names_and_stray_control_characters() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let csv = "编号,发布时间,正文\nsx-7,2022-03-01,\"2月28日,县委书记韩立新到城关镇卡点督导。\"\n";
    let out = guanxi()
        .args([
            "build",
            "--input-format",
            "csv",
            "--field",
            "text=正文",
            "--field",
            "date=发布时间",
            "--store",
        ])
        .arg(&store)
        .arg("-")
        .write_stdin(csv)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = documents(&store);
    assert_eq!(docs.keys().collect::<Vec<_>>(), ["sx-7"]);
    assert_eq!(docs["sx-7"]["date"], "2022-03-01");
    // a bad --field is refused before anything is read
    let bad = guanxi()
        .args(["build", "--field", "body", "--store"])
        .arg(dir.path().join("none"))
        .arg("-")
        .output()
        .expect("run");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("MEANING=NAME"));
    // scraped text with an ANSI escape, a form feed and a leading \x01 is text
    let txt = dir.path().join("scraped.txt");
    std::fs::write(&txt, "\u{1}\u{1b}[0m县长周红到城关镇检查。\u{c}\n县委书记吴刚陪同。").expect("write");
    let (code, stdout, stderr) = build(&store, &[&txt]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("built 1 article"), "{stdout}");
}

#[test]
fn facts_are_queried_by_time_window_and_an_entity_has_a_timeline() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&inputs("news.jsonl"), &inputs("news.csv"), &inputs("pages")]);
    let checkpoints = |binds: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = query_file(&store, "who-led-which-checkpoint.rq", binds)
            .into_iter()
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["agent"],
                    r["checkpoint"],
                    r.get("date").cloned().unwrap_or_default()
                )
            })
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let all = checkpoints(&[]);
    let february = checkpoints(&["from=2020-02-02", "to=2020-02-29"]);
    assert_eq!(
        february,
        ["周志强 碧湖镇卡点 2020-02-05", "陈立平 墨冲镇卡点 2020-02-03"],
        "{all:?}"
    );
    assert!(all.len() > february.len());
    assert!(all.contains(&"罗建明 墨冲镇卡点 2020-02-01".to_owned()), "{all:?}");
    let timeline: Vec<String> = query_file(&store, "timeline-of-entity.rq", &["name=王纲"])
        .into_iter()
        .map(|r| format!("{} {} {}", r["day"], r["relation"], r["other"]))
        .collect();
    assert_eq!(
        timeline,
        [
            "2020-12-30 -> inspected 递铺街道",
            "2021-01-05 -> holds 湖州市",
            "2021-01-05 -> inspected 安吉县",
        ]
    );
}

/// A dump of many news items in one file is read as parts of bounded size (`NAME#N`), and every
/// offset still counts code points from the start of the file.
#[test]
fn a_big_file_is_read_in_parts_whose_offsets_count_from_the_start_of_the_file() {
    let dir = tempdir();
    let items = [
        "云溪县召开会议\n县委书记龙海峰到云溪镇卡点督导检查疫情防控工作。",
        "白沙区开展行动\n区长韦春燕到白沙街道检查防汛工作,区委副书记覃志明陪同。",
        "青川市召开大会\n市委书记岳向东主持会议并讲话。",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 700 * 1024 {
        text.push_str(items[i % items.len()]);
        text.push_str(&format!("(第{i}条)\n\n"));
        i += 1;
    }
    let file = dir.path().join("dump.txt");
    std::fs::write(&file, &text).expect("write dump");
    let store = dir.path().join("store");
    let (code, out, err) = build(&store, &[&file]);
    assert_eq!(code, 0, "{err}");
    let docs = documents(&store);
    assert!(docs.len() >= 6, "{out}: {} parts", docs.len());
    assert!(
        docs.keys().all(|name| name.starts_with("dump.txt#")),
        "{:?}",
        docs.keys()
    );
    assert!(docs.contains_key(&format!("dump.txt#{}", docs.len())));

    // mentions of the last items: their offsets point at their names in the whole file
    let chars: Vec<char> = text.chars().collect();
    let rows = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?t ?b ?e WHERE {{ ?m a gx:Mention ; nif:anchorOf ?t ; nif:beginIndex ?b ; nif:endIndex ?e }} \
             ORDER BY DESC(?b) LIMIT 20"
        ),
    );
    assert_eq!(rows.len(), 20);
    for r in rows {
        let (b, e): (usize, usize) = (r["b"].parse().expect("begin"), r["e"].parse().expect("end"));
        assert!(b > 600 * 1024 / 3, "a mention near the end of the file at {b}");
        assert_eq!(chars[b..e].iter().collect::<String>(), r["t"]);
    }
}
