//! `guanxi mentions NAME`: every mention of the entity a name stands for.

use super::{StoreArg, count, open_existing};
use guanxi::mentions::{Page, Report, find, report};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Pick one entity by IRI when the name is ambiguous.
    #[arg(long)]
    pub iri: Option<String>,
    /// How many co-mentioned entities to show.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// How many mentions to show (0: all), ordered by date, article and offset.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Skip this many mentions first (the next page: --offset 50).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Any name of the entity: its label or another name seen in the text (市住建局, 马富国).
    pub name: String,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    match answer(a) {
        // a reader that has seen enough (`| head`) is no failure
        Err(e) if closed_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

fn closed_pipe(e: &anyhow::Error) -> bool {
    let pipe = std::io::ErrorKind::BrokenPipe;
    e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == pipe)
        || e.downcast_ref::<serde_json::Error>()
            .is_some_and(|e| e.io_error_kind() == Some(pipe))
}

fn answer(a: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.store.store)?;
    let mut found = find(&store, &a.name)?;
    if let Some(iri) = &a.iri {
        found.retain(|e| &e.iri == iri);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match found.len() {
        0 => {
            eprintln!("guanxi: no entity is called {} in {}", a.name, a.store.store.display());
            Ok(ExitCode::from(1))
        }
        1 => {
            let page = Page {
                offset: a.offset,
                limit: (a.limit > 0).then_some(a.limit),
            };
            let r = report(&store, &found[0], a.top, page)?;
            if a.json {
                serde_json::to_writer_pretty(&mut out, &r)?;
                writeln!(out)?;
            } else {
                print_report(&mut out, &r, std::io::stdout().is_terminal())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            if a.json {
                serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "candidates": found }))?;
                writeln!(out)?;
            } else {
                writeln!(out, "{} names {} entities; pick one with --iri:", a.name, found.len())?;
                for e in &found {
                    writeln!(out, "  {} ({}, {} mentions)  {}", e.label, e.kind, e.mentions, e.iri)?;
                }
            }
            Ok(ExitCode::from(2))
        }
    }
}

fn print_report(out: &mut dyn Write, r: &Report, colour: bool) -> std::io::Result<()> {
    let e = &r.entity;
    writeln!(out, "{} ({})  {}", e.label, e.kind, e.iri)?;
    if !r.aliases.is_empty() {
        writeln!(out, "  also: {}", r.aliases.join(", "))?;
    }
    for p in &r.posts {
        writeln!(out, "  post: {} — {}", p.title, p.organisation)?;
    }
    let shown = if r.mentions.len() == r.total_mentions {
        String::new()
    } else if r.mentions.is_empty() {
        format!(" (none from {})", r.offset + 1)
    } else {
        format!(" ({}–{} shown)", r.offset + 1, r.offset + r.mentions.len())
    };
    writeln!(
        out,
        "  {} in {}{shown}:",
        count(r.total_mentions, "mention"),
        count(r.total_articles, "article")
    )?;
    for m in &r.mentions {
        let chars: Vec<char> = m.sentence.chars().collect();
        let a = m.sentence_offset.min(chars.len());
        let b = (a + (m.end - m.begin)).min(chars.len());
        let before: String = chars[..a].iter().collect();
        let inside: String = chars[a..b].iter().collect();
        let after: String = chars[b..].iter().collect();
        let marked = if colour {
            format!("{before}\x1b[1;31m{inside}\x1b[0m{after}")
        } else {
            format!("{before}[{inside}]{after}")
        };
        let form = if m.form == "name" {
            String::new()
        } else {
            format!(" ({})", m.form)
        };
        let when: Vec<&str> = [m.published.as_deref(), m.source.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let when = if when.is_empty() {
            String::new()
        } else {
            format!(" ({})", when.join(", "))
        };
        writeln!(out, "  {}:{}-{}{when}{form}  {marked}", m.file, m.begin, m.end)?;
    }
    let next = r.offset + r.mentions.len();
    if !r.mentions.is_empty() && next < r.total_mentions {
        writeln!(out, "  … {} more: --offset {next}", r.total_mentions - next)?;
    }
    if !r.comentions.is_empty() {
        let list: Vec<String> = r
            .comentions
            .iter()
            .map(|c| {
                format!(
                    "{} ({}, {})",
                    c.label,
                    count(c.weight as usize, "sentence"),
                    count(c.documents as usize, "article")
                )
            })
            .collect();
        writeln!(out, "  named with: {}", list.join(", "))?;
    }
    Ok(())
}
