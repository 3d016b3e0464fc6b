//! The explorer of `guanxi serve` in a real browser: headless Chromium (installed by
//! `scripts/test.sh`) opens `/?q=NAME`, the entity page must show the name, a post and a drawn
//! graph, and following a neighbour must open that neighbour's page. Screenshots are kept in
//! `target/browser/` as artefacts. The JSON API the pages use is tested here too.

use crate::util::{build, demo, root, tempdir};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(store: &Path) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("guanxi"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--store"])
        .arg(store)
        .stderr(Stdio::null())
        .spawn()
        .expect("start guanxi serve");
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while ureq::get(&format!("{base}/")).call().is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "serve did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    Server(child, base)
}

fn chromium() -> &'static str {
    for name in ["chromium", "chromium-browser"] {
        if Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return name;
        }
    }
    panic!("no chromium: scripts/test.sh installs it (apt-get install chromium)");
}

fn artefacts() -> PathBuf {
    let dir = root().join("target/browser");
    std::fs::create_dir_all(&dir).expect("artefact folder");
    dir
}

/// The DOM after the page's scripts ran, and a screenshot of it.
fn open(url: &str, shot: &str) -> String {
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--virtual-time-budget=10000",
    ];
    let out = Command::new(chromium())
        .args(common)
        .arg("--dump-dom")
        .arg(url)
        .stderr(Stdio::null())
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium failed on {url}");
    let png = artefacts().join(shot);
    let _ = Command::new(chromium())
        .args(common)
        .arg("--window-size=1400,1000")
        .arg(format!("--screenshot={}", png.display()))
        .arg(url)
        .stderr(Stdio::null())
        .output();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of the first element with `id`.
fn by_id<'a>(dom: &'a str, id: &str) -> &'a str {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &dom[start..];
    let open = rest.find('>').map_or(0, |i| i + 1);
    let close = rest.find("</").unwrap_or(rest.len());
    &rest[open..close.max(open)]
}

#[test]
fn the_explorer_shows_an_entity_and_follows_a_neighbour() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let server = serve(&store);
    let dom = open(
        &format!("{}/?q=%E6%9D%A8%E6%8C%AF%E5%8D%8E", server.1),
        "entity-杨振华.png",
    );
    assert!(by_id(&dom, "name").contains("杨振华"), "{}", by_id(&dom, "name"));
    assert!(
        dom.contains("<li class=\"post\">区委书记 — 中共山城区委员会</li>"),
        "a post is shown"
    );
    let drawn: usize = dom
        .split("data-drawn=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("the graph says how many nodes it drew");
    assert!(drawn >= 3, "graph drew {drawn} nodes");
    assert!(dom.contains("<canvas"), "cytoscape drew on a canvas");
    assert!(
        dom.contains("<mark>杨振华</mark>"),
        "the mention is highlighted in its sentence"
    );
    // follow the first neighbour
    let link = dom
        .split("class=\"neighbour\"")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .and_then(|h| h.split('"').next())
        .expect("a neighbour link")
        .replace("&amp;", "&");
    let label = dom
        .split("class=\"neighbour\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("the neighbour's name")
        .to_owned();
    let next = open(&format!("{}/{link}", server.1), "neighbour.png");
    assert!(
        by_id(&next, "name").contains(&label),
        "{label} opened: {}",
        by_id(&next, "name")
    );
    assert!(!by_id(&next, "name").contains("杨振华"));
}

fn get_json(url: &str) -> serde_json::Value {
    let mut r = ureq::get(url).call().expect("request");
    serde_json::from_str(&r.body_mut().read_to_string().expect("body")).expect("json")
}

#[test]
fn the_explorer_api_finds_by_prefix_and_pages_mentions() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let server = serve(&store);
    let base = &server.1;
    // a prefix finds every name that begins with it; a type keeps that type
    let hits = get_json(&format!("{base}/api/search?q=%E5%B1%B1%E5%9F%8E%E5%8C%BA")); // 山城区
    let labels: Vec<&str> = hits
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"山城区") && labels.iter().any(|l| l.starts_with("山城区") && *l != "山城区"),
        "{labels:?}"
    );
    assert_eq!(labels[0], "山城区", "the exact name first: {labels:?}");
    let orgs = get_json(&format!("{base}/api/search?q=%E5%B1%B1%E5%9F%8E%E5%8C%BA&type=ORG"));
    assert!(orgs.as_array().expect("hits").iter().all(|h| h["kind"] == "ORG"));
    assert!(!orgs.as_array().expect("hits").is_empty());
    // an entity's page: posts, relations with evidence, a page of mentions
    let iri = hits[0]["iri"].as_str().expect("iri").to_owned();
    let enc: String = url_encode(&iri);
    let page = get_json(&format!("{base}/api/entity?iri={enc}&limit=1"));
    assert_eq!(page["entity"]["label"], "山城区");
    assert_eq!(page["mentions"].as_array().map(Vec::len), Some(1));
    assert!(page["total_mentions"].as_u64() >= Some(2));
    assert!(
        page["within"]
            .as_array()
            .is_some_and(|w| w.iter().any(|p| p == "鹤壁市")),
        "{}",
        page["within"]
    );
    let graph = get_json(&format!("{base}/api/graph?iri={enc}"));
    assert_eq!(graph["nodes"][0]["id"], iri.as_str());
    assert!(graph["edges"].as_array().is_some_and(|e| !e.is_empty()));
    // the shipped queries are the SPARQL box's examples
    let ex = get_json(&format!("{base}/api/examples"));
    assert!(
        ex.as_array()
            .is_some_and(|e| e.iter().any(|q| q["name"] == "who-led-which-checkpoint"))
    );
    // the page itself and the vendored library with its licence
    for path in [
        "/",
        "/assets/explorer.js",
        "/assets/cytoscape.min.js",
        "/assets/cytoscape-LICENSE.txt",
    ] {
        assert_eq!(
            ureq::get(&format!("{base}{path}"))
                .call()
                .expect(path)
                .status()
                .as_u16(),
            200,
            "{path}"
        );
    }
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
