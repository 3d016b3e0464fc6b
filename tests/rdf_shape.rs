//! The RDF shape of one small article, pinned as a golden rendering (reviewed like code).

use guanxi::rdf::{Iris, quads};
use guanxi::{Pipeline, input};

#[test]
fn golden_quads_of_a_small_article() {
    let p = Pipeline::new().expect("pipeline");
    let path = crate::util::fixture("golden.txt");
    let x = p.extract(input::read(&path).expect("fixture"));
    let q = quads(&x, &Iris::default(), p.g);
    let mut lines: Vec<String> = q.all().map(|q| q.to_string()).collect();
    lines.sort();
    insta::assert_snapshot!("golden_quads", lines.join("\n"));
}
