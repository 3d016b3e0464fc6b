//! `guanxi build`: files, folders or standard input → the store, one named graph per article.
//!
//! Files are read one after another (a JSON Lines or CSV file is many articles); their articles are
//! extracted in parallel, 64 at a time, and each batch is written in one transaction, so that the
//! store never holds half an article.

use super::StoreArg;
use super::read::{Articles, InputArgs};
use anyhow::Context;
use guanxi::Pipeline;
use guanxi::input::RawText;
use guanxi::model::{EntityKind, Extraction};
use guanxi::rdf::{GraphStore, Iris, Written, quads};
use indicatif::ProgressBar;
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
    Built(Box<Extraction>, guanxi::rdf::DocumentQuads),
    Unchanged,
    Failed(String),
}

#[derive(Default)]
struct Summary {
    added: usize,
    replaced: usize,
    unchanged: usize,
    skipped: usize,
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
    let mut pending: Vec<RawText> = Vec::new();
    let shard = a.shard;
    articles.each(
        &bar,
        |id| shard.is_none_or(|(i, n)| shard_of(id, n) == i),
        |raw| {
            pending.push(raw);
            if pending.len() >= BATCH {
                build_batch(
                    &pipeline,
                    &store,
                    &iris,
                    std::mem::take(&mut pending),
                    a.force,
                    &bar,
                    &mut summary,
                )?;
            }
            Ok(())
        },
    )?;
    build_batch(&pipeline, &store, &iris, pending, a.force, &bar, &mut summary)?;
    store.flush().context("cannot flush the store")?;
    bar.finish_and_clear();
    summary.skipped += articles.skipped;
    print_summary(&summary, started.elapsed().as_secs_f64(), &a.store.store);
    Ok(if summary.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Articles extracted in parallel and written in one transaction.
const BATCH: usize = 256;

fn build_batch(
    pipeline: &Pipeline,
    store: &GraphStore,
    iris: &Iris,
    chunk: Vec<RawText>,
    force: bool,
    bar: &ProgressBar,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if chunk.is_empty() {
        return Ok(());
    }
    let outcomes: Vec<Outcome> = chunk
        .into_par_iter()
        .map(|raw| process(pipeline, store, iris, raw, force))
        .collect();
    let mut batch = Vec::new();
    let mut built = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Built(x, q) => {
                batch.push((iris.document(&x.doc.file_name), q));
                built.push(x);
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed(msg) => {
                bar.suspend(|| eprintln!("guanxi: {msg}"));
                summary.skipped += 1;
            }
        }
    }
    if !batch.is_empty() {
        let written = store.write(&batch).context("cannot write to the store")?;
        for (w, x) in written.iter().zip(&built) {
            match w {
                Written::Added => summary.added += 1,
                Written::Replaced => summary.replaced += 1,
            }
            count(summary, x);
        }
    }
    bar.set_message(format!(
        "{} articles",
        summary.added + summary.replaced + summary.unchanged
    ));
    Ok(())
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
    println!(
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
    println!("entities: {} ({} mentions)", ents.join(", "), s.mentions);
    let rels: Vec<String> = s.relations.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!(
        "relations: {}",
        if rels.is_empty() {
            "none".into()
        } else {
            rels.join(", ")
        }
    );
}
