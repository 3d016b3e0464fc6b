//! `guanxi query`: SPARQL over the store.

use super::{StoreArg, open_existing};
use anyhow::Context;
use guanxi::query::{ResultFormat, write_results};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Output format; json is SPARQL 1.1 Query Results JSON.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Bind a variable before evaluation: --bind name=马富国 (a Chinese-tagged literal, as labels
    /// are), --bind e=<https://…> (an IRI), --bind from=2020-02-01 (an xsd:date), --bind n=3 (an
    /// integer). The variable must occur in the query.
    #[arg(long, value_name = "VAR=VALUE")]
    pub bind: Vec<String>,
    /// Read the query from a file (e.g. queries/who-led-which-checkpoint.rq).
    #[arg(long, value_name = "F.rq", conflicts_with = "query")]
    pub file: Option<PathBuf>,
    /// The SPARQL query.
    #[arg(required_unless_present = "file")]
    pub query: Option<String>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let text = match (&a.query, &a.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => {
            std::fs::read_to_string(f).with_context(|| format!("cannot read query file {}", f.display()))?
        }
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    let mut bindings = Vec::new();
    for b in &a.bind {
        let (var, value) = b
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--bind {b}: expected VAR=VALUE"))?;
        let term = guanxi::rdf::bind::term_of(value).with_context(|| format!("--bind {b}"))?;
        bindings.push((var.trim_start_matches('?').to_owned(), term));
    }
    let bindings: Vec<(&str, oxigraph::model::Term)> = bindings.iter().map(|(v, t)| (v.as_str(), t.clone())).collect();
    let store = open_existing(&a.store.store)?;
    let results = store.query_with(&text, &bindings)?;
    let format = match a.format {
        Format::Table => ResultFormat::Table,
        Format::Json => ResultFormat::Json,
        Format::Csv => ResultFormat::Csv,
        Format::Tsv => ResultFormat::Tsv,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_results(results, format, &mut out) {
        Err(guanxi::error::StoreError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e.into()),
        Ok(_) => {}
    }
    use std::io::Write;
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::SUCCESS)
}
