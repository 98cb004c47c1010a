//! `cargo bench --bench generate`: the sample corpus end to end (read, repair, extract, key
//! sentences with the segmenter loaded, decks serialised), and throughput once the
//! segmenter is loaded.
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tiankong::generate::GenerateOptions;

const SAMPLE: &str = "corpus/study-texts-2020-2024.txt";

fn end_to_end(c: &mut Criterion) {
    let args = GenerateOptions {
        paths: vec![PathBuf::from(SAMPLE)],
    };
    let mut g = c.benchmark_group("generate");
    g.sample_size(10);
    g.bench_function("sample_corpus_end_to_end", |b| {
        b.iter(|| {
            let decks = tiankong::generate::build_decks(black_box(&args)).unwrap_or_default();
            let text: usize = decks.iter().map(|d| tiankong::deck::to_toml(d).len()).sum();
            black_box(text)
        })
    });
    g.finish();
}

fn throughput(c: &mut Criterion) {
    let text = std::fs::read_to_string(SAMPLE).unwrap_or_default();
    let keys = tiankong::generate::KeyPass::new().ok();
    let mut g = c.benchmark_group("generate");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract_after_dictionary_loaded", |b| {
        b.iter(|| {
            let docs = tiankong::corpus::normalize(black_box(&text), SAMPLE);
            let found = keys
                .as_ref()
                .and_then(|k| tiankong::generate::extract_all(&docs, k).ok());
            black_box(found.map(|(l, c)| l.len() + c.len()))
        })
    });
    g.finish();
}

criterion_group!(benches, end_to_end, throughput);
criterion_main!(benches);
