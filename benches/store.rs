//! Store speed on a large collection: 50 000 cards (100 decks) and 500 000 reviews.
//! Measures the `stats --json` work, opening the study queue for all decks, and one answer
//! committed (`synchronous=FULL`). Goals: well under 100 ms; an answer < 5 ms p99.
//!
//! The collection is built once into `$CARGO_TARGET_DIR/tiankong-bench/collection.db` (or
//! `target/…`) and reused; `bench/make_collection.sh PATH` builds one anywhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use tiankong::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId};
use tiankong::sched::{CardState, Phase, Rating};
use tiankong::store::{BrowseFilter, FileMeta, LogRow, Store, SyncDeck};

const DAY: i64 = 86_400_000;
/// The collection's "now": 2025-11-01 08:00 UTC.
const NOW: i64 = 1_761_984_000_000;
const DECKS: usize = 100;
const NOTES: usize = 50;
const ITEMS: usize = 9;
const REVIEWS_PER_CARD: usize = 20;

pub fn decks() -> (Vec<Deck>, Vec<FileMeta>) {
    let mut decks = Vec::new();
    let mut metas = Vec::new();
    for d in 0..DECKS {
        let notes = (0..NOTES)
            .map(|n| Note {
                id: NoteId(format!("note-{n}")),
                body: NoteBody::List(ListNote {
                    prompt: format!("第{d}篇文章的第{n}个列表的九个要点"),
                    items: (0..ITEMS)
                        .map(|i| format!("坚持{d}号文件{n}条第{i}项高质量发展要求"))
                        .collect(),
                    ordered: true,
                    context: vec![],
                    item_lines: vec![],
                }),
                source: None,
                passage: Some(format!("第{d}篇第{n}段的原文。")),
                tags: vec![],
                generated: None,
                heading: vec![],
                priority: None,
            })
            .collect();
        decks.push(Deck {
            meta: DeckMeta {
                id: DeckId(format!("deck-{d:03}")),
                title: format!("第{d}篇"),
                version: Some(1),
                source: None,
                date: None,
                exam: None,
                full_title: None,
                new_order: None,
                removed: vec![],
            },
            notes,
        });
        metas.push(FileMeta {
            path: PathBuf::from(format!("decks/deck-{d:03}.toml")),
            size: 10_000 + d as u64,
            mtime_ns: 1_700_000_000_000_000_000 + d as i64,
            hash: 0x1234_5678 + d as u64,
        });
    }
    (decks, metas)
}

fn sync(store: &mut Store, decks: &[Deck], metas: &[FileMeta]) {
    let sd: Vec<SyncDeck<'_>> = decks
        .iter()
        .zip(metas)
        .map(|(deck, file)| SyncDeck { file, deck })
        .collect();
    store.sync(&sd, NOW - 400 * DAY).unwrap();
}

/// Build the collection at `path` (replacing any file there).
pub fn build(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    let t = Instant::now();
    let mut store = Store::open_no_backup(path).unwrap();
    let (decks, metas) = decks();
    sync(&mut store, &decks, &metas);
    let cards: Vec<i64> = store
        .browse(&BrowseFilter::default())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(cards.len(), DECKS * NOTES * (ITEMS + 1));
    // Every other card has 20 reviews spread over the past year; its final state is a review
    // due between 10 days ago and 80 days ahead.
    let reviewed: Vec<i64> = cards.iter().copied().step_by(2).collect();
    let mut batch = Vec::new();
    let mut total = 0;
    for (k, &card) in reviewed.iter().enumerate() {
        let first = NOW - 360 * DAY + (k as i64 % 30) * DAY;
        let logs: Vec<LogRow> = (0..REVIEWS_PER_CARD)
            .map(|i| {
                let rating = match (k + i) % 10 {
                    0 => Rating::Again,
                    1 => Rating::Hard,
                    9 => Rating::Easy,
                    _ => Rating::Good,
                };
                LogRow {
                    time_ms: first + i as i64 * 16 * DAY + (k as i64 % 977) * 1000,
                    rating,
                    phase_before: if i == 0 { Phase::New } else { Phase::Review },
                    phase_after: Phase::Review,
                    elapsed_days: if i == 0 { 0 } else { 16 },
                    scheduled_days: 16,
                    interval_secs: 16 * 86_400,
                    duration_ms: 3000 + (k % 5000) as u32,
                    stability: 10.0 + i as f64,
                    difficulty: 5.0,
                }
            })
            .collect();
        let lapses = logs
            .iter()
            .filter(|l| l.rating == Rating::Again && l.phase_before == Phase::Review)
            .count() as u32;
        let last = logs[logs.len() - 1].time_ms;
        let state = CardState {
            phase: Phase::Review,
            due: NOW + ((k as i64 * 7919) % 90 - 10) * DAY,
            stability: 30.0,
            difficulty: 5.0,
            reps: REVIEWS_PER_CARD as u32,
            lapses,
            step: 0,
            last_review: Some(last),
            scheduled_days: 16,
        };
        batch.push((card, state, logs));
        if batch.len() == 2500 {
            total += store.import_reviews(&batch).unwrap();
            batch.clear();
        }
    }
    total += store.import_reviews(&batch).unwrap();
    assert_eq!(total, 500_000);
    eprintln!(
        "built {} ({} cards, {total} reviews) in {:.1} s",
        path.display(),
        cards.len(),
        t.elapsed().as_secs_f64()
    );
}

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
        build(&path);
    }
    path
}

fn main() {
    if let Some(p) = std::env::var_os("TIANKONG_MAKE_COLLECTION") {
        build(Path::new(&p));
        return;
    }
    let path = collection();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let (decks, metas) = decks();

    // What `stats --json` does after reading the deck files: open, sync (all unchanged),
    // count. Deck parsing is the deck loader's and is measured there.
    c.bench_function("stats: open + sync unchanged + stats", |b| {
        b.iter(|| {
            let mut s = Store::open_no_backup(&path).unwrap();
            sync(&mut s, &decks, &metas);
            let day = s.day_at(NOW, 4).unwrap();
            s.stats(NOW, &day).unwrap()
        })
    });
    let mut store = Store::open_no_backup(&path).unwrap();
    let day = store.day_at(NOW, 4).unwrap();
    c.bench_function("stats query", |b| {
        b.iter(|| store.stats(NOW, &day).unwrap())
    });
    c.bench_function("deck_summaries", |b| {
        b.iter(|| store.deck_summaries(NOW, &day).unwrap())
    });
    let q = store.due_cards(None, NOW, &day, 20).unwrap();
    eprintln!(
        "study queue: {} cards ({} new), {} new available",
        q.cards.len(),
        q.cards
            .iter()
            .filter(|c| c.state.phase == Phase::New)
            .count(),
        q.new_available
    );
    c.bench_function("due_cards (all decks)", |b| {
        b.iter(|| store.due_cards(None, NOW, &day, 20).unwrap())
    });

    // One answer: read the card, commit the new state and the log row.
    let cards: Vec<i64> = q.cards.iter().map(|c| c.id).collect();
    let mut i = 0usize;
    let mut answer = |store: &mut Store| {
        let card = cards[i % cards.len()];
        i += 1;
        let before = store.card(card).unwrap().state;
        let mut after = before;
        after.reps += 1;
        after.last_review = Some(NOW);
        let log = LogRow {
            time_ms: NOW,
            rating: Rating::Good,
            phase_before: before.phase,
            phase_after: Phase::Review,
            elapsed_days: 1,
            scheduled_days: 1,
            interval_secs: 86_400,
            duration_ms: 2000,
            stability: before.stability,
            difficulty: before.difficulty,
        };
        store.record_answer(card, &before, &after, &log).unwrap()
    };
    c.bench_function("record_answer (commit, synchronous=FULL)", |b| {
        b.iter(|| answer(&mut store))
    });
    let mut times: Vec<f64> = (0..300)
        .map(|_| {
            let t = Instant::now();
            answer(&mut store);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    eprintln!(
        "record_answer over {} commits: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1]
    );
    c.final_summary();
}
