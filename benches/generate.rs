//! `cargo bench --bench generate`: the sample corpus end to end (a `tiankong generate`
//! process: read, repair, segmenter load, lists and key sentences, decks written), and
//! throughput once the segmenter is loaded (text in → lists and clozes out).
use std::hint::black_box;
use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SAMPLE: &str = "corpus/study-texts-2020-2024.txt";

fn end_to_end(c: &mut Criterion) {
    // A fresh process each time: the segmenter is loaded once per process and shared by the
    // passes, so an in-process loop would measure its load only once.
    let Ok(scratch) = tempfile::tempdir() else {
        return;
    };
    let out = scratch.path().join("decks");
    let mut g = c.benchmark_group("generate");
    g.sample_size(10);
    g.bench_function("sample_corpus_end_to_end", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_tiankong"))
                .args(["generate", SAMPLE, "--force", "--out"])
                .arg(&out)
                .env("XDG_DATA_HOME", scratch.path())
                .env("TIANKONG_DB", scratch.path().join("tiankong.db"))
                .stdout(Stdio::null())
                .status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "tiankong generate failed"
            );
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
