//! Dump the features of every person-name candidate of a folder of articles, one TSV row each
//! (file, start, end, text, features…), for `scripts/train-person-model.py`.
//!
//!     cargo run --release --example person_features -- FOLDER > features.tsv
//!
//! With `--probability` after FOLDER, a last column gives the model's probability (both stages),
//! to compare with what the training script computes.

use guanxi::recognize::person::{FEATURES, document_spans};
use guanxi::segment::contexts;
use guanxi::{Pipeline, input, normalize, split};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: person_features FOLDER");
        std::process::exit(2);
    };
    let with_p = std::env::args().nth(2).as_deref() == Some("--probability");
    let p = Pipeline::new()?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let last = if with_p { "\tp" } else { "" };
    writeln!(out, "file\tstart\tend\ttext\t{}{last}", FEATURES.join("\t"))?;
    for path in input::collect_files(&[dir.into()])? {
        let raw = input::read(&path)?;
        let (text, offsets) = normalize::normalize(&raw.text);
        let sentences = split::split(&text);
        let ctx = contexts(&text, &sentences, p.g, p.lex, p.seg);
        for (s, cands) in ctx.iter().zip(document_spans(&ctx, p.person)) {
            for (span, f) in cands {
                let _ = s;
                let o = offsets.original(&span);
                let t: String = text[span].iter().collect();
                // (every digit: the trees' thresholds are values of these features, and a rounded
                // value can fall on the other side of one)
                let mut fs: Vec<String> = f.iter().map(|x| format!("{x}")).collect();
                if with_p {
                    fs.push(format!("{:.6}", p.person.probability(&f)));
                }
                writeln!(out, "{}\t{}\t{}\t{t}\t{}", raw.file_name, o.start, o.end, fs.join("\t"))?;
            }
        }
    }
    Ok(())
}
