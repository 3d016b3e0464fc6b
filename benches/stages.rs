//! Criterion benchmarks of the stages on one generated article: segmentation, recognition and
//! the whole extraction, with throughput in bytes.

mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use guanxi::segment::contexts;
use guanxi::{Pipeline, input, normalize, recognize, split};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let p = Pipeline::new().expect("pipeline");
    let text = corpus::corpus(p.g, 20_000, 7).join("\n");
    let raw = input::decode_bytes(Path::new("bench.txt"), text.as_bytes()).expect("text");
    let (chars, _) = normalize::normalize(&raw.text);
    let sentences = split::split(&chars);
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("segment+lexicon", |b| {
        b.iter(|| contexts(black_box(&chars), &sentences, p.g, p.lex, p.seg).len())
    });
    let ctx = contexts(&chars, &sentences, p.g, p.lex, p.seg);
    g.bench_function("recognise", |b| {
        b.iter(|| recognize::recognize(black_box(&ctx), p.person).candidates.len())
    });
    g.bench_function("extract", |b| {
        b.iter(|| p.extract(black_box(raw.clone())).entities.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
