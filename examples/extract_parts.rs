//! Median time of each phase of `tiankong generate` over N runs, for the speed report:
//!
//!   cargo run --release --example extract_parts [-- [-n RUNS] [--only PHASE] [FILE]]
//!
//! FILE defaults to the sample corpus, RUNS to 20. `--only lists` (or another phase name, e.g.
//! `key`, `normal`) runs just the phases whose name contains it, for `perf record`. "once loaded" is what the
//! `extract_after_dictionary_loaded` bench measures (normalise, then lists and key sentences
//! on two threads); "lists" and "key sentences" are each on one thread; "end to end" is what
//! `sample_corpus_end_to_end` measures: a `tiankong generate` process (read, segmenter load,
//! extract, decks written), which needs `cargo build --release` first.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tiankong::generate::KeyPass;
use tiankong::segment::Segmenter;

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
    // End to end is a fresh `tiankong generate` process (the segmenter is loaded once per
    // process, so an in-process loop would load it only the first time).
    let bin = std::env::current_exe()?
        .parent()
        .and_then(|d| d.parent())
        .map(|d| d.join("tiankong"))
        .filter(|b| b.is_file());
    let scratch = std::env::temp_dir().join(format!("extract-parts-{}", std::process::id()));
    let generate = |bin: &std::path::Path| -> anyhow::Result<()> {
        let status = std::process::Command::new(bin)
            .arg("generate")
            .arg(&file)
            .arg("--out")
            .arg(scratch.join("decks"))
            .arg("--force")
            .env("XDG_DATA_HOME", &scratch)
            .env("TIANKONG_DB", scratch.join("tiankong.db"))
            .stdout(std::process::Stdio::null())
            .status()?;
        anyhow::ensure!(status.success(), "{}: {status}", bin.display());
        Ok(())
    };
    if bin.is_none() {
        eprintln!("no target/release/tiankong next to this example: end to end skipped (cargo build --release)");
    }
    // Each phase runs all its runs in a row, as a benchmark loop does: interleaved, the
    // dictionary load and the `generate` process before each run leave the next phase's
    // caches cold, and "once loaded" reads 20% slower than it is.
    for _ in 0..runs {
        time(0, &mut || drop(std::hint::black_box(Segmenter::new())));
    }
    for _ in 0..runs {
        time(1, &mut || {
            std::hint::black_box(tiankong::corpus::normalize(&text, &name));
        });
    }
    for _ in 0..runs {
        time(2, &mut || {
            std::hint::black_box(tiankong::extract::find_all(&docs));
        });
    }
    for _ in 0..runs {
        time(3, &mut || {
            std::hint::black_box(keys.run(&docs));
        });
    }
    for _ in 0..runs {
        time(4, &mut || {
            let d = tiankong::corpus::normalize(&text, &name);
            std::hint::black_box(tiankong::generate::extract_all(&d, &keys).ok());
        });
    }
    for _ in 0..runs {
        if let Some(bin) = &bin {
            let mut failed = None;
            time(5, &mut || failed = generate(bin).err());
            if let Some(e) = failed {
                let _ = std::fs::remove_dir_all(&scratch);
                return Err(e);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
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
