//! Helpers for the unit tests beside the stages: run the stages up to the one under test on a short
//! text written for the test.

use crate::model::{Extraction, RelationKind};
use crate::pipeline::Pipeline;
use crate::segment::contexts;
use crate::{input, normalize, recognize, split};
use std::path::Path;

pub fn pipeline() -> Pipeline {
    Pipeline::new().expect("the embedded gazetteer loads")
}

/// The flat (not nested) mentions Recognise chooses in `text`, as `KIND Form text` strings
/// (`PER Name 马富国`, `ORG Implicit 市住建局`).
pub fn recognized(text: &str) -> Vec<String> {
    let p = pipeline();
    let (chars, _) = normalize::normalize(text);
    let sentences = split::split(&chars);
    let ctx = contexts(&chars, &sentences, p.g, p.lex, p.seg);
    recognize::recognize(&ctx, p.person)
        .candidates
        .iter()
        .filter(|c| !c.nested)
        .map(|c| {
            let surface: String = chars[c.span.clone()].iter().collect();
            format!("{} {:?} {surface}", c.kind.code(), c.form)
        })
        .collect()
}

/// The whole extraction of `text` (all stages but Store).
pub fn extract(text: &str) -> Extraction {
    let raw = input::decode_bytes(Path::new("test.txt"), text.as_bytes()).expect("a valid test text");
    pipeline().extract(raw)
}

/// The entities of an extraction as `KIND name` strings.
pub fn entities(x: &Extraction) -> Vec<String> {
    x.entities
        .iter()
        .map(|e| format!("{} {}", e.kind.code(), e.name))
        .collect()
}

/// The relations of one kind as `subject object` strings (with ` title` when there is one).
pub fn relations(x: &Extraction, kind: RelationKind) -> Vec<String> {
    x.relations
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| {
            let (s, o) = (&x.entities[r.subject].name, &x.entities[r.object].name);
            match &r.title {
                Some(t) => format!("{s} {o} {t}"),
                None => format!("{s} {o}"),
            }
        })
        .collect()
}
