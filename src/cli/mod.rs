//! The command line: one file per command, each an `Args` struct and a `run`.

/// A line on standard output that may go nowhere: a summary read through `| head` must not turn a
/// finished build into a panic (`println!` panics on a closed pipe).
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

pub mod build;
pub mod demo;
pub mod export;
pub mod extract;
pub mod mentions;
pub mod push;
pub mod query;
mod read;
pub mod serve;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// guanxi — Chinese news text in, a knowledge graph out.
#[derive(Debug, Parser)]
#[command(name = "guanxi", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build text files or folders into the store (one named graph per article).
    Build(build::Args),
    /// Extract without a store: each article's entities, mentions and relations (with evidence) as
    /// a line of JSON on standard output.
    Extract(extract::Args),
    /// Run a SPARQL query over the store (the union of all articles' graphs).
    Query(query::Args),
    /// Every mention of an entity, found by any of its names, with its sentence.
    Mentions(mentions::Args),
    /// Export the graph: GraphML or GEXF (with a timeline) for Gephi, N-Quads, Turtle, CSV; cut by days, types, weight, neighbourhood, strength.
    Export(export::Args),
    /// Serve the store as a read-only SPARQL 1.1 endpoint.
    Serve(serve::Args),
    /// Evaluate one query for `serve`, in a process of its own (not for use by hand).
    #[command(hide = true)]
    ServeQuery(serve::QueryArgs),
    /// Push every article's graph to a remote store (SPARQL 1.1 Graph Store Protocol).
    Push(push::Args),
    /// Build the bundled demo corpus and show what guanxi finds in it.
    Demo(demo::Args),
}

/// `1 article`, `2 articles`: a count as English says it.
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The IRIs under `--base`, which must be an IRI.
pub fn iris(base: &str) -> anyhow::Result<guanxi::rdf::Iris> {
    use anyhow::Context;
    oxigraph::model::NamedNode::new(format!("{base}x")).with_context(|| format!("--base {base} is no IRI"))?;
    Ok(guanxi::rdf::Iris { base: base.to_owned() })
}

/// Where the store is, for every command that reads or writes it.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// The store folder.
    #[arg(long, default_value = "graph/store", value_name = "DIR")]
    pub store: PathBuf,
}

/// Parse the command line and run the command.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Query(a) => query::run(a),
        Command::Mentions(a) => mentions::run(a),
        Command::Export(a) => export::run(a),
        Command::Serve(a) => serve::run(a),
        Command::ServeQuery(a) => serve::run_query(a),
        Command::Push(a) => push::run(a),
        Command::Demo(a) => demo::run(a),
    }
}

/// Open an existing store for reading, with a clear message when there is none.
pub fn open_existing(store: &std::path::Path) -> anyhow::Result<guanxi::rdf::GraphStore> {
    use anyhow::Context;
    if !store.exists() {
        anyhow::bail!(
            "no store at {}: build one first (guanxi build --store {} INPUT…)",
            store.display(),
            store.display()
        );
    }
    guanxi::rdf::GraphStore::open_read_only(store).with_context(|| format!("cannot open store {}", store.display()))
}
