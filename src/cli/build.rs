//! `guanxi build`: files, folders or standard input → the store, one named graph per article.
//!
//! Files are read one after another (a JSON Lines or CSV file is many articles); their articles are
//! extracted in parallel, 64 at a time, and each batch is written in one transaction, so that the
//! store never holds half an article.

use super::StoreArg;
use anyhow::Context;
use guanxi::input::{Fields, Format, RawText};
use guanxi::model::{EntityKind, Extraction};
use guanxi::rdf::{GraphStore, Iris, Written, quads};
use guanxi::{Pipeline, input};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
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
    /// Read every input as this format, whatever its name says (standard input is text unless
    /// given).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// The field of a record that holds a meaning, where it is not one of the common names
    /// (`--field text=正文 --field date=发布时间`); meanings: text, id, title, date, url, source,
    /// author.
    #[arg(long = "field", value_name = "MEANING=NAME")]
    pub fields: Vec<String>,
    /// Files or folders: text, JSON Lines (.jsonl, .ndjson), JSON (.json, an array), CSV/TSV with a
    /// header, HTML pages, each also gzip-compressed (.gz); `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
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
    let iris = Iris { base: a.base.clone() };
    oxigraph::model::NamedNode::new(format!("{}x", a.base)).with_context(|| format!("--base {} is no IRI", a.base))?;
    let pipeline = Pipeline::new().context("cannot load the gazetteer")?;
    let mut fields = Fields::default();
    for f in &a.fields {
        fields.set(f).map_err(|e| anyhow::anyhow!("--field {e}"))?;
    }
    let mut summary = Summary::default();
    let mut sources = Vec::new();
    for input in &a.inputs {
        match input::collect_sources(std::slice::from_ref(input)) {
            Ok(f) => sources.extend(f),
            Err(e) => {
                eprintln!("guanxi: {e}");
                summary.skipped += 1;
            }
        }
    }
    let store =
        GraphStore::open(&a.store.store).with_context(|| format!("cannot open store {}", a.store.store.display()))?;
    let bar = progress(sources.len() as u64);
    // one graph per identity: a second article of the same identity is refused
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut pending: Vec<RawText> = Vec::new();
    for src in &sources {
        for article in input::articles(src, a.input_format, &fields) {
            let raw = match article {
                Ok(r) => r,
                Err(e) => {
                    bar.suspend(|| eprintln!("guanxi: {e}"));
                    summary.skipped += 1;
                    continue;
                }
            };
            if let Some((i, n)) = a.shard
                && shard_of(&raw.file_name, n) != i
            {
                continue;
            }
            if let Some(first) = seen.get(&raw.file_name) {
                bar.suspend(|| {
                    eprintln!(
                        "guanxi: {}: skipped: an article `{}` was already read from {} (an article is its \
                         record id or its path relative to the folder given: give the folders' common parent, \
                         or give the records distinct ids)",
                        raw.path.display(),
                        raw.file_name,
                        first.display()
                    )
                });
                summary.skipped += 1;
                continue;
            }
            seen.insert(raw.file_name.clone(), raw.path.clone());
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
        }
        bar.inc(1);
    }
    build_batch(&pipeline, &store, &iris, pending, a.force, &bar, &mut summary)?;
    store.flush().context("cannot flush the store")?;
    bar.finish_and_clear();
    print_summary(&summary, started.elapsed().as_secs_f64(), &a.store.store);
    Ok(if summary.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Articles extracted in parallel and written in one transaction.
const BATCH: usize = 64;

fn progress(files: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(files);
    b.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} files ({per_sec}, eta {eta}) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    b
}

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
        "built {docs} article{} ({} new, {} replaced), {} unchanged, {} skipped in {secs:.1} s → {}",
        if docs == 1 { "" } else { "s" },
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
