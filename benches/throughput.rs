//! Throughput of guanxi on generated article-shaped text: (a) extraction only, (b) extraction plus
//! writing to an on-disk store, in MB/s of input and articles/s, with the peak resident memory.
//!
//!     cargo bench --bench throughput -- [--mb 50] [--threads N] [--skip-store]
//!
//! A benchmark, not a test: it asserts nothing and prints its measurements.

mod args;
mod corpus;

use guanxi::rdf::{COMMIT_QUADS, GraphStore, Iris, Loader, quads};
use guanxi::{Pipeline, input};
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = args::value;
    let mb: f64 = arg("--mb").and_then(|x| x.parse().ok()).unwrap_or(50.0);
    if let Some(t) = arg("--threads").and_then(|x| x.parse().ok()) {
        rayon::ThreadPoolBuilder::new().num_threads(t).build_global()?;
    }
    let skip_store = args::flag("--skip-store");

    let t0 = Instant::now();
    let p = Pipeline::new()?;
    println!(
        "load gazetteer, automata, segmenter: {:.2} s",
        t0.elapsed().as_secs_f64()
    );
    let texts = corpus::corpus(p.g, (mb * 1e6) as usize, 2020);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("corpus: {} articles, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    let raws: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| input::decode_bytes(Path::new(&format!("gen-{i:06}.txt")), t.as_bytes()))
        .collect::<Result<_, _>>()?;

    // (a) extraction only
    let t = Instant::now();
    let n_entities: usize = raws.par_iter().map(|r| p.extract(r.clone()).entities.len()).sum();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "(a) extraction: {secs:.1} s, {:.2} MB/s, {:.0} articles/s ({n_entities} entities), {} threads",
        bytes as f64 / 1e6 / secs,
        texts.len() as f64 / secs,
        rayon::current_num_threads()
    );

    // (b) extraction and store writes in the loads `guanxi build` makes (without its overlap)
    if !skip_store {
        let dir = tempfile::tempdir()?;
        let store = GraphStore::open(&dir.path().join("store"))?;
        let iris = Iris::default();
        let t = Instant::now();
        let mut n_quads = 0;
        let mut loader = Loader::new(&store, COMMIT_QUADS);
        for chunk in raws.chunks(256) {
            let batch: Vec<_> = chunk
                .par_iter()
                .map(|r| {
                    let x = p.extract(r.clone());
                    (iris.document(&x.doc.file_name), quads(&x, &iris, p.g))
                })
                .collect();
            n_quads += batch.iter().map(|(_, q)| q.len()).sum::<usize>();
            for (graph, q) in batch {
                loader.add(graph, q)?;
            }
        }
        loader.commit()?;
        store.flush()?;
        let secs = t.elapsed().as_secs_f64();
        println!(
            "(b) extraction + store: {secs:.1} s, {:.2} MB/s, {:.0} articles/s, {:.0} quads/s ({n_quads} quads)",
            bytes as f64 / 1e6 / secs,
            texts.len() as f64 / secs,
            n_quads as f64 / secs
        );
    }
    if let Some(rss) = peak_rss_mib() {
        println!("peak RSS: {rss:.0} MiB");
    }
    Ok(())
}
