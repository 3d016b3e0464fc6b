//! `guanxi push`: send every named graph to a remote store (SPARQL 1.1 Graph Store HTTP Protocol).

use super::{StoreArg, open_existing};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// The remote Graph Store endpoint (e.g. http://localhost:7878/store for `oxigraph serve`).
    #[arg(long)]
    pub endpoint: String,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.store.store)?;
    let (graphs, triples) = guanxi::push::push(&store, &a.endpoint, |g| eprintln!("pushed {g}"))?;
    say!("pushed {graphs} graphs ({triples} triples) to {}", a.endpoint);
    Ok(ExitCode::SUCCESS)
}
