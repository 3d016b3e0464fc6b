//! `guanxi extract`: each article's extraction as a line of JSON on standard output, no store —
//! for tools that take JSON Lines, and the measure of extraction speed. Articles are extracted in
//! parallel, written in input order.

use super::read::{Articles, InputArgs};
use anyhow::Context;
use guanxi::Pipeline;
use guanxi::input::RawText;
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Base of entity IRIs (as `build --base`).
    #[arg(long, default_value = guanxi::rdf::vocab::DEFAULT_BASE)]
    pub base: String,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Articles extracted together before their lines are written.
const BATCH: usize = 256;

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let iris = super::iris(&a.base)?;
    let pipeline = Pipeline::new().context("cannot load the gazetteer")?;
    let mut articles = Articles::open(&a.input)?;
    let bar = articles.progress();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut pending: Vec<RawText> = Vec::new();
    let (mut done, mut bytes) = (0usize, 0usize);
    let mut flush = |batch: Vec<RawText>, out: &mut dyn Write| -> anyhow::Result<()> {
        bytes += batch.iter().map(|r| r.text.len()).sum::<usize>();
        let lines: Vec<String> = batch
            .into_par_iter()
            .map(|raw| {
                let x = pipeline.extract(raw);
                serde_json::to_string(&guanxi::jsonl::article(&x, &iris)).unwrap_or_default()
            })
            .collect();
        for l in lines {
            writeln!(out, "{l}")?;
            done += 1;
        }
        Ok(())
    };
    let result = articles.each(
        &bar,
        |_| true,
        |raw| {
            pending.push(raw);
            if pending.len() >= BATCH {
                flush(std::mem::take(&mut pending), &mut out)?;
            }
            Ok(())
        },
    );
    let result = result
        .and_then(|()| flush(pending, &mut out))
        .and_then(|()| Ok(out.flush()?));
    match result {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            return Ok(ExitCode::SUCCESS);
        }
        r => r?,
    }
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "extracted {} ({:.1} MB) in {secs:.1} s, {} skipped",
        super::count(done, "article"),
        bytes as f64 / 1e6,
        articles.skipped
    );
    Ok(if articles.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
