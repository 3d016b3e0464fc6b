//! `guanxi build`: files, folders or standard input → the store, one named graph per article.
//!
//! Files are read one after another (a JSON Lines or CSV file is many articles); their articles are
//! extracted in parallel, 256 at a time, while a writer thread loads the previous batches into the
//! store in large atomic steps ([`guanxi::rdf::Loader`]), so that the store never holds half an
//! article and a killed build loses only what it had not committed.

use super::StoreArg;
use super::read::{Articles, InputArgs};
use anyhow::Context;
use guanxi::Pipeline;
use guanxi::input::RawText;
use guanxi::model::{EntityKind, Extraction};
use guanxi::rdf::{DocumentQuads, GraphStore, Iris, Loader, Written, quads};
use indicatif::ProgressBar;
use oxigraph::model::NamedNode;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Build only shard I of N (`--shard 0/4`): the articles whose identity (record id or path
    /// relative to the input folder) hashes to I. Shards merge by union, in this store or any other.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// Base of entity and document IRIs.
    #[arg(long, default_value = guanxi::rdf::vocab::DEFAULT_BASE)]
    pub base: String,
    /// Rebuild articles even when their content is unchanged.
    #[arg(long)]
    pub force: bool,
    /// Quads of new articles loaded in one atomic step (tests kill builds between small steps).
    #[arg(long, hide = true, default_value_t = guanxi::rdf::COMMIT_QUADS)]
    pub commit_quads: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 0/4")?;
    let i: u64 = i.parse().map_err(|_| format!("bad shard index `{i}`"))?;
    let n: u64 = n.parse().map_err(|_| format!("bad shard count `{n}`"))?;
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: need 0 <= I < N"));
    }
    Ok((i, n))
}

/// FNV-1a of the article's identity: stable across machines and runs.
fn shard_of(name: &str, n: u64) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h % n
}

enum Outcome {
    Built(Box<Extraction>, DocumentQuads),
    Unchanged,
    Failed(String),
}

#[derive(Default)]
struct Summary {
    added: usize,
    replaced: usize,
    unchanged: usize,
    skipped: usize,
    extracted: usize,
    entities: BTreeMap<&'static str, HashSet<String>>,
    relations: BTreeMap<&'static str, usize>,
    mentions: usize,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let iris = super::iris(&a.base)?;
    let pipeline = Pipeline::new().context("cannot load the gazetteer")?;
    let mut articles = Articles::open(&a.input)?;
    let mut summary = Summary::default();
    let store =
        GraphStore::open(&a.store.store).with_context(|| format!("cannot open store {}", a.store.store.display()))?;
    let bar = articles.progress();
    let shard = a.shard;
    // Extraction (this thread and rayon's) and writing (the writer thread) overlap: batches of
    // extracted articles are handed over one at a time, so one waits while the next is extracted.
    let (written, extracted) = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(NamedNode, DocumentQuads)>>(0);
        let writer = scope.spawn(|| write_all(&store, a.commit_quads, rx));
        let mut pending: Vec<RawText> = Vec::new();
        let mut pending_bytes = 0;
        let send = |chunk: Vec<RawText>, summary: &mut Summary| -> anyhow::Result<()> {
            let batch = extract_batch(&pipeline, &store, &iris, chunk, a.force, &bar, summary);
            if !batch.is_empty() && tx.send(batch).is_err() {
                // the writer stopped: its error is reported below
                anyhow::bail!("the store writer stopped");
            }
            Ok(())
        };
        let extracted = articles
            .each(
                &bar,
                |id| shard.is_none_or(|(i, n)| shard_of(id, n) == i),
                |raw| {
                    pending_bytes += raw.text.len();
                    pending.push(raw);
                    if pending.len() >= BATCH || pending_bytes >= BATCH_BYTES {
                        pending_bytes = 0;
                        send(std::mem::take(&mut pending), &mut summary)?;
                    }
                    Ok(())
                },
            )
            .and_then(|()| send(std::mem::take(&mut pending), &mut summary));
        // the writer ends when the channel closes
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the store writer failed (please report it)")));
        (written, extracted)
    });
    let (added, replaced, quads) = written?;
    extracted?;
    summary.added = added;
    summary.replaced = replaced;
    store.flush().context("cannot flush the store")?;
    if quads >= MERGE_AFTER_QUADS {
        bar.set_message("merging the store's files");
        store.compact().context("cannot compact the store")?;
    }
    bar.finish_and_clear();
    summary.skipped += articles.skipped;
    print_summary(&summary, started.elapsed().as_secs_f64(), &a.store.store);
    Ok(if summary.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A build that wrote this many quads (four loads or more) merges the store's files at the end:
/// lookups then read one file per level instead of one per load (People's Daily ×4, 27 loads:
/// `mentions 北京市` 6.4 s → 1.0 s, for 13–17 s of merging). A smaller build — one article added to
/// a store of 100,000 — skips it: merging that store took 99.6 s to add one article.
const MERGE_AFTER_QUADS: usize = 4 * guanxi::rdf::COMMIT_QUADS;

/// Articles extracted in parallel at a time.
const BATCH: usize = 256;

/// … or fewer, when they are long: what a batch holds while it is extracted grows with its text
/// (the parts of a 20 MB dump, 256 at a time, took 3.3 GB).
const BATCH_BYTES: usize = 2 * 1024 * 1024;

/// The writer thread: every batch into the store, new articles in large atomic loads. Returns the
/// numbers of articles added and replaced, and of quads written.
fn write_all(
    store: &GraphStore,
    commit_quads: usize,
    batches: std::sync::mpsc::Receiver<Vec<(NamedNode, DocumentQuads)>>,
) -> anyhow::Result<(usize, usize, usize)> {
    let mut loader = Loader::new(store, commit_quads.max(1));
    let (mut added, mut replaced) = (0, 0);
    for batch in batches {
        for (graph, quads) in batch {
            match loader.add(graph, quads).context("cannot write to the store")? {
                Written::Added => added += 1,
                Written::Replaced => replaced += 1,
            }
        }
    }
    loader.commit().context("cannot write to the store")?;
    Ok((added, replaced, loader.written()))
}

/// Extract a batch in parallel: the quads of each article built, and the summary counted.
fn extract_batch(
    pipeline: &Pipeline,
    store: &GraphStore,
    iris: &Iris,
    chunk: Vec<RawText>,
    force: bool,
    bar: &ProgressBar,
    summary: &mut Summary,
) -> Vec<(NamedNode, DocumentQuads)> {
    let outcomes: Vec<Outcome> = chunk
        .into_par_iter()
        .map(|raw| process(pipeline, store, iris, raw, force))
        .collect();
    let mut batch = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Built(x, q) => {
                count(summary, &x);
                summary.extracted += 1;
                batch.push((iris.document(&x.doc.file_name), q));
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed(msg) => {
                bar.suspend(|| eprintln!("guanxi: {msg}"));
                summary.skipped += 1;
            }
        }
    }
    bar.set_message(format!("{} articles", summary.extracted + summary.unchanged));
    batch
}

fn process(pipeline: &Pipeline, store: &GraphStore, iris: &Iris, raw: RawText, force: bool) -> Outcome {
    let path = raw.path.clone();
    let identity = raw.file_name.clone();
    if !force {
        match store.document_sha(iris, &raw.file_name) {
            Ok(Some(sha)) if sha == raw.sha256 => return Outcome::Unchanged,
            Ok(_) => {}
            Err(e) => return Outcome::Failed(format!("{}: cannot read the store: {e}", path.display())),
        }
    }
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let x = pipeline.extract(raw);
        let q = quads(&x, iris, pipeline.g);
        (x, q)
    }));
    match extracted {
        Ok((x, q)) => Outcome::Built(Box::new(x), q),
        Err(_) => Outcome::Failed(format!(
            "{}: {identity}: internal error while extracting (please report it)",
            path.display()
        )),
    }
}

fn count(s: &mut Summary, x: &Extraction) {
    for e in &x.entities {
        let k = match e.kind {
            EntityKind::Person => "PER",
            EntityKind::Organisation => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Checkpoint => "CHK",
        };
        s.entities.entry(k).or_default().insert(e.key.clone());
    }
    for r in &x.relations {
        *s.relations.entry(r.kind.view_name()).or_default() += 1;
    }
    *s.relations.entry("co-mention").or_default() += x.comentions.len();
    s.mentions += x.mentions.len();
}

fn print_summary(s: &Summary, secs: f64, store: &std::path::Path) {
    let docs = s.added + s.replaced;
    say!(
        "built {} ({} new, {} replaced), {} unchanged, {} skipped in {secs:.1} s → {}",
        super::count(docs, "article"),
        s.added,
        s.replaced,
        s.unchanged,
        s.skipped,
        store.display()
    );
    let ents: Vec<String> = ["PER", "ORG", "LOC", "CHK"]
        .iter()
        .map(|k| format!("{k} {}", s.entities.get(k).map_or(0, HashSet::len)))
        .collect();
    say!("entities: {} ({} mentions)", ents.join(", "), s.mentions);
    let rels: Vec<String> = s.relations.iter().map(|(k, v)| format!("{k} {v}")).collect();
    say!(
        "relations: {}",
        if rels.is_empty() {
            "none".into()
        } else {
            rels.join(", ")
        }
    );
}
