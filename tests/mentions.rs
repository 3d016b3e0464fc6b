//! `guanxi mentions`: any alias finds the entity; every mention with its sentence; JSON; ambiguity.

use crate::util::{build, demo, guanxi, tempdir};

#[test]
fn an_alias_finds_every_mention_with_its_sentence() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    // 区卫健委 is the written form of 山城区卫生健康委员会
    let out = guanxi()
        .args(["mentions", "--store"])
        .arg(&store)
        .arg("区卫健委")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("山城区卫生健康委员会 (ORG)"), "{text}");
    assert!(
        text.contains("[区卫健委]主任吴海涛汇报"),
        "brackets mark the mention off a terminal: {text}"
    );
    assert!(text.contains("03-shancheng-command.txt:"), "{text}");
}

#[test]
fn json_report_lists_mentions_posts_and_co_mentions() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let out = guanxi()
        .args(["mentions", "--json", "--store"])
        .arg(&store)
        .arg("杨振华")
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["entity"]["label"], "杨振华");
    assert_eq!(v["entity"]["kind"], "PER");
    let mentions = v["mentions"].as_array().expect("mentions");
    assert!(mentions.len() >= 2);
    let text = std::fs::read_to_string(demo().join("03-shancheng-command.txt")).expect("demo");
    for m in mentions {
        let (b, e) = (
            m["begin"].as_u64().expect("begin") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        let surface: String = text.chars().skip(b).take(e - b).collect();
        assert_eq!(
            surface,
            m["text"].as_str().expect("text"),
            "offsets are code points of the file"
        );
    }
    let posts: Vec<&str> = v["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter_map(|p| p["title"].as_str())
        .collect();
    assert!(posts.contains(&"区委书记") && posts.contains(&"政委"), "{posts:?}");
    assert!(!v["comentions"].as_array().expect("co-mentions").is_empty());
}

#[test]
fn an_ambiguous_name_lists_its_candidates_and_an_unknown_one_fails() {
    let dir = tempdir();
    let store = dir.path().join("store");
    // 王晓燕 of 鹤壁 (the demo) and 王晓燕 of an article about 上海: two people
    build(&store, &[&demo().join("01-qixian-checkpoints.txt")]);
    let other = dir.path().join("sh.txt");
    std::fs::write(
        &other,
        "上海市浦东新区\n本报讯(记者 王晓燕)上海市浦东新区举行活动,浦东新区区长王建军出席。",
    )
    .expect("write");
    build(&store, &[&other]);
    let out = guanxi()
        .args(["mentions", "--store"])
        .arg(&store)
        .arg("王晓燕")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("names 2 entities"), "{text}");
    let out = guanxi()
        .args(["mentions", "--store"])
        .arg(&store)
        .arg("不存在的名字")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn mentions_come_in_pages_that_add_up() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let json = |args: &[&str]| -> serde_json::Value {
        let out = guanxi()
            .args(["mentions", "--json", "--store"])
            .arg(&store)
            .args(args)
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let all = json(&["--limit", "0", "山城区"]);
    let total = all["total_mentions"].as_u64().expect("total") as usize;
    let rows = all["mentions"].as_array().expect("mentions").clone();
    assert_eq!(rows.len(), total);
    assert!(total >= 3, "{total}");
    // pages of two, read one after another, are the whole list in the same order
    let mut paged = Vec::new();
    for offset in (0..total).step_by(2) {
        let page = json(&["--limit", "2", "--offset", &offset.to_string(), "山城区"]);
        assert_eq!(page["total_mentions"].as_u64(), Some(total as u64));
        paged.extend(page["mentions"].as_array().expect("mentions").clone());
    }
    assert_eq!(paged, rows);
    // the text says what is shown and how to go on
    let out = guanxi()
        .args(["mentions", "--limit", "2", "--store"])
        .arg(&store)
        .arg("山城区")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(1–2 shown)"), "{text}");
    assert!(text.contains(&format!("… {} more: --offset 2", total - 2)), "{text}");
}
