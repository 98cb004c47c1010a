//! Segmenter load time (jieba default dictionary + domain dictionary) and key-sentence
//! extraction throughput over the sample corpus, once the dictionary is loaded.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tiankong::corpus::{Document, Paragraph};
use tiankong::extract::key_sentences;
use tiankong::segment::{Idf, Segmenter};

/// The sample corpus as crude paragraphs (lines joined up to a full stop): enough for a speed
/// measure, not the corpus reader's repair.
fn corpus() -> Document {
    let text = include_str!("../corpus/study-texts-2020-2024.txt");
    let mut paragraphs = Vec::new();
    let mut cur = String::new();
    let mut first = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if cur.is_empty() {
            first = i as u32 + 1;
        }
        cur.push_str(line);
        if line.ends_with('。') {
            paragraphs.push(Paragraph {
                text: std::mem::take(&mut cur),
                line_map: vec![(0, first)],
            });
        }
    }
    Document {
        file: "corpus".into(),
        title: "corpus".into(),
        source: None,
        date: None,
        issue: None,
        line: 1,
        paragraphs,
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("segment");
    g.sample_size(10);
    g.bench_function("Segmenter::new", |b| b.iter(Segmenter::new));
    let Ok(seg) = Segmenter::new() else {
        return;
    };
    let doc = corpus();
    let bytes: usize = doc.paragraphs.iter().map(|p| p.text.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("Idf::from_paragraphs(sample corpus)", |b| {
        b.iter(|| Idf::from_paragraphs(&seg, doc.paragraphs.iter().map(|p| p.text.as_str())))
    });
    let idf = Idf::from_paragraphs(&seg, doc.paragraphs.iter().map(|p| p.text.as_str()));
    g.bench_function("key_sentences::find(sample corpus)", |b| {
        b.iter(|| key_sentences::find(&doc, &seg, &idf))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
