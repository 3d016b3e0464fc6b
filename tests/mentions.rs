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

#[test]
fn pages_follow_the_date_order_across_articles_whatever_their_size() {
    // six articles that name 湘潭市 one to six times: two undated (they come first), one with a
    // time of day, the others with a date; written out of order
    let dir = tempdir();
    let input = dir.path().join("news.jsonl");
    let sentences = [
        "湘潭市召开疫情防控工作会议。",
        "会议在湘潭市政府举行。",
        "湘潭市各区县负责人参加。",
        "湘潭市卫健委通报了情况。",
        "湘潭市将加强值守。",
        "湘潭市市民积极配合。",
    ];
    let articles = [
        ("xt-c", Some("2021-03-02")),
        ("xt-b", None),
        ("xt-d", Some("2020-05-01T10:00:00+08:00")),
        ("xt-f", Some("2019-12-31")),
        ("xt-a", None),
        ("xt-e", Some("2020-05-01")),
    ];
    let mut lines = String::new();
    for (i, (id, date)) in articles.iter().enumerate() {
        let mut record = serde_json::json!({ "id": id, "text": sentences[..=i].concat() });
        if let Some(d) = date {
            record["date"] = serde_json::json!(d);
        }
        lines.push_str(&format!("{record}\n"));
    }
    std::fs::write(&input, lines).expect("write input");
    let store = dir.path().join("store");
    let (code, _, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = guanxi()
            .args(["mentions", "--json", "--store"])
            .arg(&store)
            .args(args)
            .arg("湘潭市")
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let all = json(&["--limit", "0"]);
    let rows = all["mentions"].as_array().expect("mentions").clone();
    let total = all["total_mentions"].as_u64().expect("total") as usize;
    assert_eq!(rows.len(), total);
    assert_eq!(all["total_articles"], 6);
    assert!(total >= 21, "{total}");
    // ordered by date (undated first), then file, then offset
    let key = |r: &serde_json::Value| {
        (
            r["published"].as_str().map(str::to_owned),
            r["file"].as_str().unwrap_or_default().to_owned(),
            r["begin"].as_u64().unwrap_or_default(),
        )
    };
    let keys: Vec<_> = rows.iter().map(key).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    let files: Vec<&str> = keys.iter().map(|k| k.1.as_str()).collect();
    let first = |f: &str| files.iter().position(|x| x.contains(f)).expect("article listed");
    let order: Vec<usize> = ["xt-a", "xt-b", "xt-f", "xt-e", "xt-d", "xt-c"]
        .iter()
        .map(|f| first(f))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{files:?}");
    // pages of any size, read one after another, are the whole list; past the end, nothing
    for limit in [1, 2, 3, 4, 7, total] {
        let mut paged = Vec::new();
        for offset in (0..total).step_by(limit) {
            let page = json(&["--limit", &limit.to_string(), "--offset", &offset.to_string()]);
            assert_eq!(page["total_mentions"].as_u64(), Some(total as u64));
            paged.extend(page["mentions"].as_array().expect("mentions").clone());
        }
        assert_eq!(paged, rows, "pages of {limit}");
    }
    let past = json(&["--offset", &total.to_string()]);
    assert_eq!(past["mentions"].as_array().map(Vec::len), Some(0));
}
