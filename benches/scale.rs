//! Cost growth with corpus size: generated corpora of 1k, 10k and 100k articles are built with the
//! real `guanxi build`, and for each size the benchmark prints build MB/s, quads per article, store
//! bytes (and their ratio to the text), peak RSS of the build, the median latency of `guanxi
//! mentions` for the five most-named entities, and the slowest shipped query bound to a name.
//!
//!     cargo bench --bench scale -- [--sizes 1000,10000,100000] [--keep DIR [--reuse]]
//!
//! With `--reuse`, a size whose corpus and store are already in the `--keep` folder is not built
//! again: only its queries are measured (after a change to them; the build columns print as –).
//!
//! A benchmark, not a test: it asserts nothing and prints its measurements (a Markdown table at the
//! end, as the README carries it). Latencies are wall time of the command, process start and store
//! opening included: what a user waits for.

mod args;
#[allow(dead_code)] // (the generator is shared with the throughput bench)
mod corpus;

use guanxi::Pipeline;
use guanxi::rdf::GraphStore;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_guanxi");

/// Peak resident memory of a child, from its high-water mark polled while it runs (MiB).
fn run_watching_memory(cmd: &mut Command) -> std::io::Result<(Duration, f64, bool)> {
    let t = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0.0f64;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file)
            && let Some(kib) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok((t.elapsed(), peak_kib / 1024.0, status.success()))
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_bytes(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn timed(args: &[&str]) -> f64 {
    let t = Instant::now();
    let out = Command::new(BIN).args(args).output().expect("run guanxi");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Row {
    articles: usize,
    mb: f64,
    /// The build's seconds and peak RSS (MiB); none when the store was reused.
    built: Option<(f64, f64)>,
    quads: usize,
    store: u64,
    mentions_ms: f64,
    query_ms: f64,
    query: String,
}

impl Row {
    /// The row of the README's table.
    fn markdown(&self) -> String {
        let (secs, speed, rss) = match self.built {
            Some((s, rss)) => (format!("{s:.1}"), format!("{:.2}", self.mb / s), format!("{rss:.0}")),
            None => ("–".into(), "–".into(), "–".into()),
        };
        format!(
            "| {} | {:.1} | {secs} | {speed} | {:.0} | {:.0} | {:.0}× | {rss} | {:.0} | {:.0} ({}) |",
            self.articles,
            self.mb,
            self.quads as f64 / self.articles as f64,
            self.store as f64 / 1e6,
            self.store as f64 / (self.mb * 1e6),
            self.mentions_ms,
            self.query_ms,
            self.query
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = args::value;
    let sizes: Vec<usize> = arg("--sizes")
        .unwrap_or_else(|| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let tmp = tempfile::tempdir()?;
    let root: PathBuf = arg("--keep").map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    let reuse = args::flag("--reuse") && arg("--keep").is_some();
    std::fs::create_dir_all(&root)?;
    let g = Pipeline::new()?.g;
    let queries: Vec<(String, String)> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries"))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            Some((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).ok()?,
            ))
        })
        .filter(|(_, text)| text.contains("?name"))
        .collect();

    let mut rows = Vec::new();
    for &n in &sizes {
        let input = root.join(format!("corpus-{n}.jsonl"));
        let store = root.join(format!("store-{n}"));
        let reused = reuse && input.is_file() && store.is_dir();
        let (text_bytes, built) = if reused {
            // the text bytes, as the generator counted them: each record's text
            let mut bytes = 0;
            for line in std::fs::read_to_string(&input)?.lines() {
                let v: serde_json::Value = serde_json::from_str(line)?;
                bytes += v["text"].as_str().map_or(0, str::len);
            }
            (bytes, None)
        } else {
            // the corpus, as one JSON Lines file of n records
            let mut r = corpus::Rng::new(2020 + n as u64);
            let places = corpus::Places::new(g);
            let mut text_bytes = 0;
            let mut out = String::new();
            for i in 0..n {
                let a = corpus::article(&mut r, &places);
                text_bytes += a.len();
                out.push_str(&serde_json::json!({ "id": format!("gen/{i:07}"), "text": a }).to_string());
                out.push('\n');
            }
            std::fs::write(&input, out)?;
            let _ = std::fs::remove_dir_all(&store);
            let (took, rss, ok) =
                run_watching_memory(Command::new(BIN).arg("build").arg("--store").arg(&store).arg(&input))?;
            assert!(ok, "build of {n} articles failed");
            (text_bytes, Some((took.as_secs_f64(), rss)))
        };
        let quads = GraphStore::open_read_only(&store)?.len()?;
        let bytes = dir_bytes(&store);

        // the five most-named entities
        let s = store.to_string_lossy().into_owned();
        let top = GraphStore::open_read_only(&store)?.select(
            "PREFIX gx: <https://w3id.org/guanxi/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             SELECT ?e (SAMPLE(?l) AS ?label) (COUNT(?m) AS ?n) WHERE { ?m a gx:Mention ; gx:refersTo ?e . ?e rdfs:label ?l }
             GROUP BY ?e ORDER BY DESC(?n) LIMIT 5",
            &[],
        )?;
        let top: Vec<(String, String)> = top
            .into_iter()
            .filter_map(|r| Some((r.first()?.clone()?, r.get(1)?.clone()?)))
            .collect();
        let names: Vec<&str> = top.iter().map(|(_, l)| l.as_str()).collect();
        let mut latencies = Vec::new();
        for (iri, name) in &top {
            let args = ["mentions", "--store", &s, "--iri", iri, name];
            timed(&args); // warm the page cache once
            for _ in 0..3 {
                latencies.push(timed(&args));
            }
        }
        let bind = format!("name={}", names.first().copied().unwrap_or(""));
        let (mut slowest, mut which) = (0.0, String::new());
        for (file, _) in &queries {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(file);
            let p = path.to_string_lossy();
            timed(&["query", "--store", &s, "--file", &p, "--bind", &bind]);
            let t = median(
                (0..3)
                    .map(|_| timed(&["query", "--store", &s, "--file", &p, "--bind", &bind]))
                    .collect(),
            );
            if t > slowest {
                (slowest, which) = (t, file.clone());
            }
        }
        let row = Row {
            articles: n,
            mb: text_bytes as f64 / 1e6,
            built,
            quads,
            store: bytes,
            mentions_ms: median(latencies) * 1e3,
            query_ms: slowest * 1e3,
            query: which,
        };
        println!("{}  (mentions of {names:?})", row.markdown());
        rows.push(row);
    }
    println!(
        "\n| articles | text MB | build s | build MB/s | quads/article | store MB | store/text | peak RSS MiB | `mentions` median ms | slowest bound query ms |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!("{}", r.markdown());
    }
    Ok(())
}
