//! The inputs of `build` and `extract`: files, folders and standard input read into articles, one
//! identity once, the unreadable reported on stderr with their file and line and counted.

use guanxi::input::{self, Fields, Format, RawText, Source};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct InputArgs {
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

/// The articles of the inputs, read file by file.
pub struct Articles {
    sources: Vec<Source>,
    fields: Fields,
    format: Option<Format>,
    seen: HashMap<String, PathBuf>,
    /// Inputs, records and pages that could not be read, and articles refused.
    pub skipped: usize,
}

impl Articles {
    /// Find the files of the inputs; an input that cannot be listed is reported and counted.
    pub fn open(a: &InputArgs) -> anyhow::Result<Self> {
        let mut fields = Fields::default();
        for f in &a.fields {
            fields.set(f).map_err(|e| anyhow::anyhow!("--field {e}"))?;
        }
        let mut sources = Vec::new();
        let mut skipped = 0;
        for input in &a.inputs {
            match input::collect_sources(std::slice::from_ref(input)) {
                Ok(f) => sources.extend(f),
                Err(e) => {
                    eprintln!("guanxi: {e}");
                    skipped += 1;
                }
            }
        }
        Ok(Articles {
            sources,
            fields,
            format: a.input_format,
            seen: HashMap::new(),
            skipped,
        })
    }

    /// A progress bar over the files, on a terminal only.
    pub fn progress(&self) -> ProgressBar {
        if !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let b = ProgressBar::new(self.sources.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} files ({per_sec}, eta {eta}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b
    }

    /// Hand every article that `keep` accepts (by identity) to `f`, in input order; a second
    /// article of one identity is refused.
    pub fn each(
        &mut self,
        bar: &ProgressBar,
        keep: impl Fn(&str) -> bool,
        mut f: impl FnMut(RawText) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let sources = std::mem::take(&mut self.sources);
        for src in &sources {
            for article in input::articles(src, self.format, &self.fields) {
                let raw = match article {
                    Ok(r) => r,
                    Err(e) => {
                        bar.suspend(|| eprintln!("guanxi: {e}"));
                        self.skipped += 1;
                        continue;
                    }
                };
                if !keep(&raw.file_name) {
                    continue;
                }
                if let Some(first) = self.seen.get(&raw.file_name) {
                    bar.suspend(|| {
                        eprintln!(
                            "guanxi: {}: skipped: an article `{}` was already read from {} (an article is its \
                             record id or its path relative to the folder given: give the folders' common \
                             parent, or give the records distinct ids)",
                            raw.path.display(),
                            raw.file_name,
                            first.display()
                        )
                    });
                    self.skipped += 1;
                    continue;
                }
                self.seen.insert(raw.file_name.clone(), raw.path.clone());
                // a big text is read as parts of bounded size (input::items)
                for part in input::items::items(raw) {
                    f(part)?;
                }
            }
            bar.inc(1);
        }
        Ok(())
    }
}
