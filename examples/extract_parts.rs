//! Median time of each phase of `tiankong generate` over N runs, for the speed report:
//!
//!   cargo run --release --example extract_parts [-- [-n RUNS] [--only PHASE] [FILE]]
//!
//! FILE defaults to the sample corpus, RUNS to 20. `--only lists` (or another phase name, e.g.
//! `key`, `normal`) runs just the phases whose name contains it, for `perf record`. "once loaded" is what the
//! `extract_after_dictionary_loaded` bench measures (normalise, then lists and key sentences
//! on two threads); "end to end" is what `sample_corpus_end_to_end` measures (read, segmenter
//! load, extract, decks serialised).
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tiankong::generate::{GenerateOptions, KeyPass};

/// The median and the fastest run: on a shared machine the fastest is the steadier figure
/// for comparing two builds.
fn median_min(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let med = v.get(v.len() / 2).copied().unwrap_or_default();
    (med, v.first().copied().unwrap_or_default())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> anyhow::Result<()> {
    let mut runs = 20usize;
    let mut file = PathBuf::from("corpus/study-texts-2020-2024.txt");
    let mut only = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--only" {
            only = args.next().unwrap_or_default();
        } else if a == "-n" {
            runs = args
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(runs)
                .max(1);
        } else {
            file = PathBuf::from(a);
        }
    }
    let name = file.display().to_string();
    let text = std::fs::read_to_string(&file)?;
    let keys = KeyPass::new()?;
    let docs = tiankong::corpus::normalize(&text, &name);

    let mut phases: Vec<(&str, Vec<Duration>)> = [
        "segmenter load",
        "normalise",
        "lists",
        "key sentences",
        "once loaded",
        "end to end",
    ]
    .iter()
    .map(|n| (*n, Vec::with_capacity(runs)))
    .collect();
    let mut time = |i: usize, f: &mut dyn FnMut()| {
        if phases
            .get(i)
            .is_some_and(|(n, _)| !n.contains(only.as_str()))
        {
            return;
        }
        let t = Instant::now();
        f();
        if let Some((_, v)) = phases.get_mut(i) {
            v.push(t.elapsed());
        }
    };
    let opts = GenerateOptions {
        paths: vec![file.clone()],
    };
    for _ in 0..runs {
        time(0, &mut || drop(std::hint::black_box(KeyPass::new())));
        time(1, &mut || {
            std::hint::black_box(tiankong::corpus::normalize(&text, &name));
        });
        time(2, &mut || {
            std::hint::black_box(tiankong::extract::find_all(&docs));
        });
        time(3, &mut || {
            std::hint::black_box(keys.run(&docs));
        });
        time(4, &mut || {
            let d = tiankong::corpus::normalize(&text, &name);
            std::hint::black_box(tiankong::generate::extract_all(&d, &keys).ok());
        });
        time(5, &mut || {
            let decks = tiankong::generate::build_decks(&opts).unwrap_or_default();
            let n: usize = decks.iter().map(|d| tiankong::deck::to_toml(d).len()).sum();
            std::hint::black_box(n);
        });
    }
    println!(
        "{name}: {} bytes, {runs} runs, median (fastest) per phase",
        text.len()
    );
    for (n, v) in phases {
        if v.is_empty() {
            continue;
        }
        let (m, fastest) = median_min(v);
        let mbs = |d: Duration| text.len() as f64 / d.as_secs_f64() / 1e6;
        if n == "once loaded" {
            println!(
                "{n:>16}  {:8.2} ms  (fastest {:.2} ms)  {:.1} MB/s (fastest {:.1})",
                ms(m),
                ms(fastest),
                mbs(m),
                mbs(fastest)
            );
        } else {
            println!("{n:>16}  {:8.2} ms  (fastest {:.2} ms)", ms(m), ms(fastest));
        }
    }
    Ok(())
}
