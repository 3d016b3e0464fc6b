//! `guanxi export`: GraphML or GEXF (co-mention or relations view), N-Quads, Turtle or CSV tables;
//! the graph formats for a window of days and cut down by type, weight, neighbourhood or strength.

use super::{StoreArg, count, open_existing};
use anyhow::Context;
use guanxi::export::{self, Day, ExportGraph, Filter, View, Window};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Graphml,
    /// GEXF 1.3 with a timeline (nodes and edges span the days of their articles and facts)
    Gexf,
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
    /// Graph formats: only what the articles of these days say (YYYY-MM-DD, both included;
    /// undated articles fall outside any window).
    #[arg(long, value_name = "DAY")]
    pub from: Option<Day>,
    #[arg(long, value_name = "DAY")]
    pub to: Option<Day>,
    /// Graph formats: keep these entity types (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', ignore_case = true)]
    pub types: Vec<EntityType>,
    /// Graph formats: drop edges lighter than this (and the nodes left without edges).
    #[arg(long, value_name = "W")]
    pub min_weight: Option<f64>,
    /// Graph formats: keep the entities within --depth edges of the entity of this name (any of
    /// its names, as `mentions` finds it).
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// With --around: how many edges away.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    pub depth: usize,
    /// Graph formats: keep the N strongest nodes (greatest sum of edge weights, then mentions).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Chk,
}

impl EntityType {
    fn code(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Chk => "CHK",
        }
    }
}

/// The window and the filter the arguments ask for; the entities --around names are looked up.
fn selection(a: &Args, store: &guanxi::rdf::GraphStore) -> anyhow::Result<(Window, Filter)> {
    let window = Window {
        from: a.from.clone(),
        to: a.to.clone(),
    };
    if let (Some(f), Some(t)) = (&window.from, &window.to) {
        if f > t {
            anyhow::bail!("--from comes after --to: the window holds no day");
        }
    }
    let around = match &a.around {
        None => None,
        Some(name) => {
            let found = guanxi::mentions::find(store, name)?;
            if found.is_empty() {
                anyhow::bail!("no entity is named {name} in {}", a.store.store.display());
            }
            if found.len() > 1 {
                let list: Vec<String> = found.iter().map(|e| format!("{} ({})", e.label, e.kind)).collect();
                eprintln!(
                    "{name} names {} entities: {}; keeping the neighbourhood of each",
                    found.len(),
                    list.join(", ")
                );
            }
            Some((found.into_iter().map(|e| e.iri).collect(), a.depth))
        }
    };
    let filter = Filter {
        types: a.types.iter().map(|t| t.code().to_owned()).collect(),
        min_weight: a.min_weight,
        around,
        top: a.top,
    };
    Ok((window, filter))
}

/// The graph of the view, for the window, filtered.
fn graph(store: &guanxi::rdf::GraphStore, view: View, window: &Window, filter: &Filter) -> anyhow::Result<ExportGraph> {
    let g = export::load(store, view, window)?;
    Ok(if filter.is_empty() {
        g
    } else {
        export::filter::apply(g, filter)
    })
}

fn counts(g: &ExportGraph, to: &str) {
    eprintln!(
        "wrote {} and {} to {to}",
        count(g.nodes().len(), "node"),
        count(g.edges().len(), "edge")
    );
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
    let (window, filter) = selection(&a, &store)?;
    if matches!(a.format, Format::Nquads | Format::Turtle) && !(window.is_open() && filter.is_empty()) {
        anyhow::bail!(
            "--from, --to, --types, --min-weight, --around and --top cut a graph: they apply to graphml, gexf and csv, not to the RDF dumps"
        );
    }
    let destination = a
        .out
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    match a.format {
        Format::Csv => {
            let dir = a.out.clone().unwrap_or_else(|| PathBuf::from("graph/csv"));
            let g = graph(&store, view, &window, &filter)?;
            write_atomically(&dir.join("nodes.csv"), |w| Ok(export::csv::write_nodes(&g, w)?))?;
            write_atomically(&dir.join("edges.csv"), |w| Ok(export::csv::write_edges(&g, w)?))?;
            counts(&g, &dir.display().to_string());
        }
        format => {
            let write = |w: &mut dyn Write| -> anyhow::Result<()> {
                match format {
                    Format::Graphml => {
                        let g = graph(&store, view, &window, &filter)?;
                        export::graphml::write(&g, w)?;
                        counts(&g, &destination);
                    }
                    Format::Gexf => {
                        let g = graph(&store, view, &window, &filter)?;
                        export::gexf::write(&g, w)?;
                        counts(&g, &destination);
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
