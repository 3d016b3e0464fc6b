//! `guanxi export`: GraphML (co-mention or relations view), N-Quads, Turtle or CSV tables.

use super::{StoreArg, open_existing};
use anyhow::Context;
use guanxi::export::{self, View};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Graphml,
    Nquads,
    Turtle,
    Csv,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ViewArg {
    Comention,
    Relations,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    #[arg(long, value_enum)]
    pub format: Format,
    /// GraphML and CSV: co-mention edges (undirected) or relation edges (directed).
    #[arg(long, value_enum, default_value = "comention")]
    pub view: ViewArg,
    /// Output file (a folder for csv: nodes.csv and edges.csv). Default: standard output, or
    /// graph/csv for csv.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Write to a temporary file beside `path`, then rename: a reader never sees half a file.
fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut w = std::io::BufWriter::new(tmp.reopen()?);
    f(&mut w)?;
    w.flush()?;
    drop(w);
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.store.store)?;
    let view = match a.view {
        ViewArg::Comention => View::Comention,
        ViewArg::Relations => View::Relations,
    };
    match a.format {
        Format::Csv => {
            let dir = a.out.unwrap_or_else(|| PathBuf::from("graph/csv"));
            let g = export::load(&store, view)?;
            write_atomically(&dir.join("nodes.csv"), |w| Ok(export::csv::write_nodes(&g, w)?))?;
            write_atomically(&dir.join("edges.csv"), |w| Ok(export::csv::write_edges(&g, w)?))?;
            eprintln!(
                "wrote {} nodes and {} edges to {}",
                g.nodes().len(),
                g.edges().len(),
                dir.display()
            );
        }
        format => {
            let write = |w: &mut dyn Write| -> anyhow::Result<()> {
                match format {
                    Format::Graphml => {
                        let g = export::load(&store, view)?;
                        export::graphml::write(&g, w)?;
                    }
                    Format::Nquads => {
                        export::rdf::nquads(&store, w)?;
                    }
                    Format::Turtle => {
                        export::rdf::turtle(&store, w)?;
                    }
                    Format::Csv => unreachable!("handled above"),
                }
                Ok(())
            };
            match &a.out {
                Some(path) => write_atomically(path, |w| write(w))?,
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    match write(&mut w).and_then(|()| Ok(w.flush()?)) {
                        Err(e)
                            if e.downcast_ref::<std::io::Error>()
                                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => {}
                        r => r?,
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
