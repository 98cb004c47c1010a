//! The TUI's start-up and answer on a large collection (50 000 cards in 100 decks, 500 000
//! reviews; the store bench's collection, built by its builder when missing), on the real
//! path: the 100 deck files on disk are read (and found unchanged), the database opened as
//! the study command opens it on the day's first start (no backup yet today: it is started
//! once the first frame is drawn, as `tiankong study` does), the home screen's data (the first frame); the
//! same for `stats`; a session on all decks; one answer (scheduler, commit with
//! `synchronous=FULL`, session, next card). Goals: first frame and stats under 50 ms; an
//! answer under 5 ms at p99. Medians and p99 are printed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use tiankong::app::open::{open_synced_later, Location};
use tiankong::app::Collection;
use tiankong::config::Config;
use tiankong::sched::Rating;
use tiankong::store::Store;
use tiankong::tui::data::StudyStep;
use tiankong::tui::{DbEngine, Engine};

#[path = "store.rs"]
#[allow(dead_code)]
mod store_bench;

/// The collection's "now" (the store bench's): 2025-11-01 08:00 UTC.
const NOW: i64 = 1_761_984_000_000;

fn collection() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let path = target.join("tiankong-bench").join("collection.db");
    let ok = path.exists()
        && Store::open_no_backup(&path)
            .ok()
            .and_then(|s| s.stats(NOW, &s.day_at(NOW, 4).ok()?).ok())
            .is_some_and(|st| st.cards == 50_000 && st.reviews_total >= 500_000);
    if !ok {
        store_bench::build(&path);
    }
    path
}

fn engine_with(path: &Path, now: i64, config: &Config) -> DbEngine {
    let store = Store::open_no_backup(path).unwrap();
    DbEngine::new(store, config, vec![])
        .unwrap()
        .with_clock(move || now)
}

fn engine(path: &Path, now: i64) -> DbEngine {
    engine_with(path, now, &Config::default())
}

/// Median and p99 of `n` runs of `f` (ms), each after `before` (untimed).
fn timed(n: usize, mut before: impl FnMut(), mut f: impl FnMut()) -> (f64, f64) {
    let mut v: Vec<f64> = (0..n)
        .map(|_| {
            before();
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[(v.len() * 99).div_ceil(100) - 1])
}

/// The collection's 100 decks as files in `dir`, synced once into `db` so the timed opens find
/// them unchanged (read and hashed, not parsed), as a student's second start does.
fn deck_files(dir: &Path, db: &Path) -> Location {
    let (decks, _) = store_bench::decks();
    std::fs::create_dir_all(dir).unwrap();
    for d in &decks {
        let p = dir.join(format!("{}.toml", d.meta.id.0));
        std::fs::write(&p, tiankong::deck::write::to_toml(d)).unwrap();
    }
    let loc = Location {
        db: Some(db.to_path_buf()),
        decks: vec![dir.to_path_buf()],
    };
    let (_s, report, diags, backup) = open_synced_later(&loc, NOW).unwrap();
    drop(backup);
    assert!(diags.is_empty(), "{diags:?}");
    assert!(report.changed.len() <= 100);
    loc
}

/// Remove today's backups: the next open is the day's first.
fn forget_backups(db: &Path) {
    for b in tiankong::store::backup::list(db) {
        let _ = std::fs::remove_file(b);
    }
}

fn real_path(path: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let loc = deck_files(&dir.path().join("decks"), path);
    // The last run's backup, finished (joined) before the next run starts: untimed.
    let pending = std::cell::RefCell::new(None);
    let before = || {
        drop(pending.borrow_mut().take());
        forget_backups(path);
    };
    // `early`: the backup started before the frame (beside it), as before; the real path
    // starts it once the frame is drawn (`tui::term::run`'s idle step).
    let frame = |early: bool| {
        let (store, _, _, mut backup) = open_synced_later(&loc, NOW).unwrap();
        if early {
            backup.spawn();
        }
        let coll = Collection::new(store, &Config::default())
            .unwrap()
            .with_clock(|| NOW);
        let mut e = DbEngine::over(coll, vec![]);
        e.home().unwrap();
        backup.spawn();
        *pending.borrow_mut() = Some(backup);
    };
    let (first_frame, p99) = timed(30, before, || frame(false));
    eprintln!(
        "first frame (deck files read, day's first open, home; backup after it) on 50k cards / \
         500k reviews: median {first_frame:.1} ms, p99 {p99:.1} ms"
    );
    let (beside, beside_p99) = timed(10, before, || frame(true));
    eprintln!(
        "  for comparison, the backup started beside the frame: median {beside:.1} ms, \
         p99 {beside_p99:.1} ms"
    );
    drop(pending.borrow_mut().take());
    let (stats, p99) = timed(30, before, || {
        let (store, _, _, backup) = open_synced_later(&loc, NOW).unwrap();
        let t = tiankong::app::Today::at(&store, NOW).unwrap();
        let s = store.stats(NOW, &t.day).unwrap();
        assert_eq!(s.cards, 50_000);
        // `stats` prints first; the backup is made when the guard drops, after the output.
        *pending.borrow_mut() = Some(backup);
    });
    eprintln!(
        "stats (deck files read, day's first open, counts) on 50k cards / 500k reviews: \
         median {stats:.1} ms, p99 {p99:.1} ms"
    );
    drop(pending.borrow_mut().take());
    forget_backups(path);
    let t = Instant::now();
    tiankong::store::Store::open(path).unwrap();
    eprintln!(
        "the day's backup itself (now off the path above): {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
}

fn main() {
    // A private copy: the answers below write to it.
    let shared = collection();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collection.db");
    // SQLite's backup API makes a consistent copy (WAL included); move it out of the shared
    // backup folder.
    let copy = Store::open_no_backup(&shared)
        .unwrap()
        .backup_now("tui-bench")
        .unwrap();
    std::fs::copy(&copy, &path).unwrap();
    std::fs::remove_file(&copy).unwrap();
    real_path(&path);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    c.bench_function("tui: open engine + home (first frame)", |b| {
        b.iter(|| {
            let mut e = engine(&path, NOW);
            e.home().unwrap()
        })
    });
    let mut e = engine(&path, NOW);
    e.home().unwrap();
    c.bench_function("tui: start all decks (first card)", |b| {
        b.iter(|| e.start(None).unwrap())
    });

    // The scheduler's share of an answer: four previews for the rating bar.
    let sched = e.scheduler().clone();
    let card = tiankong::sched::CardState {
        phase: tiankong::sched::Phase::Review,
        due: NOW,
        stability: 30.0,
        difficulty: 5.0,
        reps: 20,
        lapses: 1,
        step: 0,
        last_review: Some(NOW - 20 * 86_400_000),
        scheduled_days: 20,
    };
    c.bench_function("sched: preview (4 outcomes)", |b| {
        b.iter(|| {
            sched
                .preview(&card, NOW, &tiankong::sched::DayCtx::default(), 7)
                .unwrap()
        })
    });

    // Answers: each one computed, committed, and the next card produced. The clock moves a
    // second per answer, as a fast student's would. A heavy day (1000 reviews allowed); when
    // the session runs dry the next day starts, outside the timing.
    let mut big = Config::default();
    big.study.reviews_per_day = 1000;
    let mut now = NOW;
    let clock = std::rc::Rc::new(std::cell::Cell::new(now));
    let c2 = clock.clone();
    let mut e = engine_with(&path, NOW, &big).with_clock(move || c2.get());
    let mut step = e.start(None).unwrap();
    let mut ready = |e: &mut DbEngine, step: &mut StudyStep| {
        if let StudyStep::Done { .. } = step {
            now += 86_400_000;
            clock.set(now);
            *step = e.start(None).unwrap();
        }
        now += 1000;
        clock.set(now);
    };
    let answer = |e: &mut DbEngine, step: &mut StudyStep| {
        if let StudyStep::Card { card, .. } = step {
            let id = card.card;
            *step = e.answer(id, Rating::Good, 3000).unwrap();
        }
    };
    c.bench_function("tui: answer (commit + next card)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                ready(&mut e, &mut step);
                let t = Instant::now();
                answer(&mut e, &mut step);
                total += t.elapsed();
            }
            total
        })
    });
    let mut times: Vec<f64> = (0..500)
        .map(|_| {
            ready(&mut e, &mut step);
            let t = Instant::now();
            answer(&mut e, &mut step);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    eprintln!(
        "tui answer over {} answers: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1]
    );
    let mut opens: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let mut e = engine(&path, NOW);
            e.home().unwrap();
            e.start(None).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    opens.sort_by(f64::total_cmp);
    eprintln!(
        "tui open + home + first card over {} runs: median {:.1} ms, max {:.1} ms",
        opens.len(),
        opens[opens.len() / 2],
        opens[opens.len() - 1]
    );
    c.final_summary();
}
