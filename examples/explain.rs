//! Print what each stage found in an article: sentences with their tokens, the candidates kept
//! (nested ones marked), the entities and the relations. A development aid:
//!
//!     cargo run --release --example explain -- FILE [SENTENCE-SUBSTRING]

use guanxi::segment::contexts;
use guanxi::{Pipeline, input, normalize, recognize, split};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: explain FILE [SENTENCE-SUBSTRING]");
        std::process::exit(2);
    };
    let filter = args.get(2).cloned().unwrap_or_default();
    let p = Pipeline::new()?;
    let raw = input::read(std::path::Path::new(path))?;
    let (text, _) = normalize::normalize(&raw.text);
    let sentences = split::split(&text);
    let ctx = contexts(&text, &sentences, p.g, p.lex, p.seg);
    let rec = recognize::recognize(&ctx, p.person);
    for (i, s) in sentences.iter().enumerate() {
        let st: String = text[s.span.clone()].iter().collect();
        if !filter.is_empty() && !st.contains(&filter) {
            continue;
        }
        println!("#{i} [{:?} item {}] {st}", s.kind, s.item);
        let toks: Vec<String> = ctx[i]
            .tokens
            .iter()
            .map(|t| format!("{}/{}", text[t.span.clone()].iter().collect::<String>(), t.tag))
            .collect();
        println!("   tokens: {}", toks.join(" "));
        for c in rec.candidates.iter().filter(|c| c.sentence == i) {
            let surface: String = text[c.span.clone()].iter().collect();
            println!(
                "   {}{:?} {:?} {surface} score={:.2} {:?}",
                if c.nested { "  nested " } else { "" },
                c.kind,
                c.form,
                c.score,
                c.detail
            );
        }
    }
    let x = p.extract(input::read(std::path::Path::new(path))?);
    if filter.is_empty() {
        println!("\nentities:");
        for e in &x.entities {
            println!(
                "  {:?} {} {:?} key={} aliases={:?}",
                e.kind, e.name, e.class, e.key, e.aliases
            );
        }
        println!("\nrelations:");
        for r in &x.relations {
            println!(
                "  {} {:?} {} {:?} {:?}",
                x.entities[r.subject].name, r.kind, x.entities[r.object].name, r.title, r.amount
            );
        }
    }
    Ok(())
}
