//! `guanxi demo`: build the bundled demo corpus into a temporary store, show what was found and
//! answer two shipped questions.

use guanxi::demo::{ARTICLES, QUERIES};
use guanxi::model::EntityKind;
use guanxi::query::{ResultFormat, write_results};
use guanxi::rdf::{GraphStore, Iris, quads};
use guanxi::{Pipeline, input};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let p = Pipeline::new()?;
    let store = GraphStore::memory()?;
    let iris = Iris::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "guanxi demo: {} articles of the bundled demo corpus\n",
        ARTICLES.len()
    )?;
    let mut batch = Vec::new();
    for (name, text) in ARTICLES {
        let raw = input::decode_bytes(Path::new(name), text.as_bytes())?;
        let x = p.extract(raw);
        let count = |k: EntityKind| x.entities.iter().filter(|e| e.kind == k).count();
        writeln!(
            out,
            "{name}: {} people, {} organisations, {} places, {} checkpoints, {} relations",
            count(EntityKind::Person),
            count(EntityKind::Organisation),
            count(EntityKind::Place),
            count(EntityKind::Checkpoint),
            x.relations.len()
        )?;
        let people: Vec<&str> = x
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        writeln!(out, "  people: {}", people.join("、"))?;
        let checkpoints: Vec<&str> = x
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Checkpoint)
            .map(|e| e.name.as_str())
            .collect();
        if !checkpoints.is_empty() {
            writeln!(out, "  checkpoints: {}", checkpoints.join("、"))?;
        }
        batch.push((iris.document(&x.doc.file_name), quads(&x, &iris, p.g)));
    }
    store.write(&batch)?;
    for (name, q) in QUERIES {
        let first = q.lines().next().unwrap_or("").trim_start_matches('#').trim();
        writeln!(out, "\nqueries/{name} — {first}")?;
        // the demo shows the short columns; `guanxi query --file` shows them all
        let q = q
            .replace(
                "SELECT DISTINCT ?checkpoint ?agent ?relation ?date ?evidence ?file",
                "SELECT DISTINCT ?checkpoint ?agent ?relation ?date",
            )
            .replace(
                "SELECT DISTINCT ?name ?title ?organisation ?evidence ?file",
                "SELECT DISTINCT ?name ?title ?organisation",
            );
        write_results(store.query(&q)?, ResultFormat::Table, &mut out)?;
    }
    writeln!(
        out,
        "\n{} quads in {:.1} s. Try: guanxi build demo/ && guanxi mentions 杨振华",
        store.len()?,
        started.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}
