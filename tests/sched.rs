//! Scheduler: published FSRS-6 reference numbers, invariants (proptest), replay, the optimizer
//! on a simulated learner, and the `tiankong sched` command.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use fsrs::{FSRSItem, FSRSReview, MemoryState, FSRS};
use proptest::prelude::*;
use tiankong::sched::fuzz::splitmix64;
use tiankong::sched::optimize::{fit, CardHistory, HistoryReview, OptimizeError};
use tiankong::sched::{
    parse_ratings, replay_when_due, CardState, DayCtx, Phase, Rating, RatingsError, ReplayStep,
    SchedConfig, Scheduler, DAY_MS,
};

const T0: i64 = 1_704_110_400_000; // 2024-01-01 12:00 UTC
const RATINGS: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

fn sched(fuzz: bool) -> Scheduler {
    Scheduler::new(SchedConfig {
        fuzz,
        ..SchedConfig::default()
    })
    .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

// ---- published reference numbers (fsrs-rs 6.x tests / docs, py-fsrs test_review_card) ----

#[test]
fn new_card_next_states_match_fsrs6_reference() {
    let s = sched(false);
    let outs = s
        .preview(&CardState::new_card(T0), T0, &DayCtx::default(), 1)
        .unwrap();
    let want_s = [0.212, 1.2931, 2.3065, 8.2956];
    let want_d = [6.4133, 5.1121707, 2.118104, 1.0];
    for (i, o) in outs.iter().enumerate() {
        assert!(
            close(o.next.stability, want_s[i]),
            "S[{i}] = {}",
            o.next.stability
        );
        assert!(
            close(o.next.difficulty, want_d[i]),
            "D[{i}] = {}",
            o.next.difficulty
        );
    }
}

#[test]
fn memory_state_after_1_3_3_3_3_3_matches_reference() {
    // fsrs's own memory-state computation over the history (delta_t 0,0,1,3,8,21).
    let reviews = [(1, 0), (3, 0), (3, 1), (3, 3), (3, 8), (3, 21)]
        .map(|(rating, delta_t)| FSRSReview { rating, delta_t })
        .to_vec();
    let m = FSRS::new(&fsrs::DEFAULT_PARAMETERS)
        .unwrap()
        .memory_state(FSRSItem { reviews }, None)
        .unwrap();
    assert!(close(m.stability.into(), 53.62691), "S = {}", m.stability);
    assert!(
        close(m.difficulty.into(), 6.3574867),
        "D = {}",
        m.difficulty
    );

    // The same history through our scheduler (steps and all): answers on study days
    // 0, 0, 1, 4, 12, 33, give the same memory state.
    let s = sched(false);
    let ctx = DayCtx::default();
    let mut card = CardState::new_card(T0);
    for (rating, day, extra_ms) in [
        (Rating::Again, 0, 0),
        (Rating::Good, 0, 60_000),
        (Rating::Good, 1, 0),
        (Rating::Good, 4, 0),
        (Rating::Good, 12, 0),
        (Rating::Good, 33, 0),
    ] {
        card = s
            .answer(&card, rating, T0 + day * DAY_MS + extra_ms, &ctx, 1)
            .unwrap()
            .next;
    }
    assert!(close(card.stability, 53.62691), "S = {}", card.stability);
    assert!(close(card.difficulty, 6.3574867), "D = {}", card.difficulty);
}

#[test]
fn replay_3333331133333_gives_reference_intervals() {
    let s = sched(false);
    let ratings = parse_ratings("3333331133333").unwrap();
    let outs = replay_when_due(&s, &ratings, T0, &DayCtx::default(), 1).unwrap();
    let ivls: Vec<u32> = outs.iter().map(|o| o.log.scheduled_days).collect();
    assert_eq!(ivls, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    // the zeros are steps: 10 minutes (learning step 2, relearning step 1 twice)
    for i in [0, 6, 7] {
        assert_eq!(outs[i].interval_ms(), 600_000, "review {}", i + 1);
    }
    let phases: Vec<Phase> = outs.iter().map(|o| o.next.phase).collect();
    assert_eq!(phases[0], Phase::Learning);
    assert_eq!(phases[6], Phase::Relearning);
    assert_eq!(phases[12], Phase::Review);
    assert_eq!(outs[12].next.lapses, 1);
}

#[test]
fn ratings_errors_name_the_position() {
    assert_eq!(
        parse_ratings("3305"),
        Err(RatingsError::BadDigit {
            position: 3,
            found: '0'
        })
    );
    assert_eq!(parse_ratings(" "), Err(RatingsError::Empty));
}

// ---- invariants ----

fn arb_card() -> impl Strategy<Value = (CardState, i64)> {
    (
        0u8..4,
        0u32..3,
        0.01f64..5000.0,
        1.0f64..10.0,
        0i64..400 * DAY_MS,
        0u32..40,
    )
        .prop_map(|(phase, step, s, d, since_ms, reps)| {
            let phase = match phase {
                0 => Phase::New,
                1 => Phase::Learning,
                2 => Phase::Review,
                _ => Phase::Relearning,
            };
            let now = T0 + 500 * DAY_MS;
            let card = if phase == Phase::New {
                CardState::new_card(now)
            } else {
                CardState {
                    phase,
                    due: now,
                    stability: s,
                    difficulty: d,
                    reps: reps + 1,
                    lapses: reps / 4,
                    step,
                    last_review: Some(now - since_ms),
                    scheduled_days: 1,
                }
            };
            (card, now)
        })
}

fn arb_ctx() -> impl Strategy<Value = DayCtx> {
    (-12i32..=14, prop::option::of(-30i64..60)).prop_map(|(h, exam)| DayCtx {
        utc_offset_secs: h * 3600,
        exam_day: exam.map(|e| 19_723 + 500 + e), // around "now"
    })
}

proptest! {
    #[test]
    fn outcomes_are_ordered_bounded_and_deterministic(
        (card, now) in arb_card(),
        ctx in arb_ctx(),
        fuzz in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let s = sched(fuzz);
        let max = s.config().maximum_interval_days;
        let outs = s.preview(&card, now, &ctx, seed).unwrap();
        let again = s.preview(&card, now, &ctx, seed).unwrap();
        prop_assert_eq!(outs, again);
        for w in outs.windows(2) {
            prop_assert!(w[0].interval_ms() <= w[1].interval_ms(),
                "{:?} {} > {:?} {}", w[0].log.rating, w[0].interval_ms(), w[1].log.rating, w[1].interval_ms());
        }
        let today = s.day_index(now, &ctx);
        for o in &outs {
            prop_assert!((1.0..=10.0).contains(&o.next.difficulty), "D {}", o.next.difficulty);
            prop_assert!(o.next.stability > 0.0);
            if o.next.phase == Phase::Review {
                prop_assert!((1..=max).contains(&o.next.scheduled_days), "ivl {}", o.next.scheduled_days);
                prop_assert_eq!(o.next.due, now + i64::from(o.next.scheduled_days) * DAY_MS);
                if let Some(exam) = ctx.exam_day {
                    if exam > today {
                        prop_assert!(s.day_index(o.next.due, &ctx) <= exam);
                    }
                }
            } else {
                prop_assert_eq!(o.next.scheduled_days, 0);
                prop_assert!(o.interval_ms() < DAY_MS);
            }
        }
    }

    #[test]
    fn replaying_the_log_reproduces_the_state(
        answers in prop::collection::vec((0usize..4, 0i64..3 * DAY_MS, -2i32..=2), 1..30),
        seed in any::<u64>(),
        exam in prop::option::of(0i64..200),
    ) {
        let s = sched(true);
        let start_day = s.day_index(T0, &DayCtx::default());
        let mut card = CardState::new_card(T0);
        let mut log = Vec::new();
        for (r, late, tz) in answers {
            let ctx = DayCtx {
                utc_offset_secs: tz * 3600,
                exam_day: exam.map(|e| start_day + e),
            };
            let at = card.due + late;
            let rating = RATINGS[r];
            card = s.answer(&card, rating, at, &ctx, seed).unwrap().next;
            log.push(ReplayStep { rating, at_ms: at, ctx });
        }
        prop_assert_eq!(s.replay(&log, seed).unwrap(), card);
    }
}

// ---- optimizer on a simulated learner ----

/// A learner whose memory follows FSRS with parameters unlike the defaults, studied with the
/// default scheduler; recall is drawn with the true retrievability (fixed seed).
fn simulated_history(cards: usize, days: i64) -> Vec<CardHistory> {
    let mut truth = fsrs::DEFAULT_PARAMETERS;
    truth[..4].copy_from_slice(&[0.6, 2.4, 6.0, 20.0]);
    truth[8] = 2.1;
    let true_fsrs = FSRS::new(&truth).unwrap();
    let s = sched(true);
    let ctx = DayCtx::default();
    let mut rng = 12345u64;
    let mut uniform = move || {
        rng = splitmix64(rng);
        (rng >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::new();
    for id in 0..cards {
        let start = T0 + (id as i64 % (days / 2)) * DAY_MS;
        let mut card = CardState::new_card(start);
        let mut mem: Option<MemoryState> = None;
        let mut last_day: Option<i64> = None;
        let mut reviews = Vec::new();
        while card.due < T0 + days * DAY_MS {
            let now = card.due;
            let day = s.day_index(now, &ctx);
            let elapsed = last_day.map_or(0, |l| (day - l) as u32);
            let p = match mem {
                Some(m) => f64::from(fsrs::current_retrievability(m, elapsed as f32, truth[20])),
                None => 0.6,
            };
            let u = uniform();
            let rating = if uniform() >= p {
                Rating::Again
            } else if u < 0.1 {
                Rating::Hard
            } else if u > 0.92 {
                Rating::Easy
            } else {
                Rating::Good
            };
            let next = true_fsrs.next_states(mem, 0.9, elapsed).unwrap();
            mem = Some(
                match rating {
                    Rating::Again => next.again,
                    Rating::Hard => next.hard,
                    Rating::Good => next.good,
                    Rating::Easy => next.easy,
                }
                .memory,
            );
            last_day = Some(day);
            card = s.answer(&card, rating, now, &ctx, id as u64).unwrap().next;
            reviews.push(HistoryReview {
                at_ms: now,
                rating,
                utc_offset_secs: 0,
            });
        }
        out.push(CardHistory {
            card_id: id as i64,
            reviews,
        });
    }
    out
}

#[test]
fn optimizer_fits_a_simulated_learner_better_than_defaults() {
    let history = simulated_history(400, 240);
    let report = fit(&history).unwrap();
    assert!(report.reviews_used > 1000, "{}", report.reviews_used);
    assert_eq!(report.new_params.len(), 21);
    assert!(
        report.new_log_loss < report.old_log_loss,
        "new {} old {}",
        report.new_log_loss,
        report.old_log_loss
    );
    // The learner's first Good is worth 6 days, not the default 2.3.
    assert!(report.new_params[2] > 3.5, "w2 = {}", report.new_params[2]);
    println!("{report:?}");
}

#[test]
fn optimizer_refuses_thin_history() {
    let history = simulated_history(3, 30);
    match fit(&history) {
        Err(OptimizeError::NotEnoughHistory { reviews, needed }) => {
            assert!(reviews < needed);
            assert_eq!(needed, 64);
        }
        other => panic!("expected NotEnoughHistory, got {other:?}"),
    }
}

// ---- the command ----

fn run_sched(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .arg("sched")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn sched_command_json_gives_reference_intervals() {
    let out = run_sched(&["--ratings", "3333331133333", "--no-fuzz", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ivls: Vec<u64> = rows
        .iter()
        .map(|r| r["interval_days"].as_u64().unwrap())
        .collect();
    assert_eq!(ivls, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    assert_eq!(rows[0]["rating"], 3);
    assert!(close(rows[0]["stability"].as_f64().unwrap(), 2.3065));
    assert!(rows[12]["difficulty"].as_f64().is_some());
}

#[test]
fn sched_command_table_and_errors() {
    let out = run_sched(&["--lang", "en", "--ratings", "31", "--no-fuzz"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].contains("interval_days") && lines[0].contains("stability"));
    assert!(
        lines[1].contains("3 Good") && lines[1].contains("learning") && lines[1].contains("10m")
    );
    assert!(lines[2].contains("1 Again") && lines[2].contains("1m"));

    let bad = run_sched(&["--ratings", "3335"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("position 4"));
}

#[test]
fn sched_table_speaks_the_users_language() {
    // Chinese by default: the study screen's rating and state names, interval units 分/天.
    let out = run_sched(&["--ratings", "3331", "--no-fuzz"]);
    assert!(out.status.success());
    let zh = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = zh.lines().collect();
    assert!(
        lines[0].contains("评分") && lines[0].contains("稳定性"),
        "{zh}"
    );
    assert!(
        lines[1].contains("3 良好") && lines[1].contains("学习中"),
        "{zh}"
    );
    assert!(lines[3].contains("11天"), "{zh}");
    assert!(
        lines[4].contains("1 重来") && lines[4].contains("重新学习"),
        "{zh}"
    );
    // English under --lang en, the same numbers.
    let out = run_sched(&["--lang", "en", "--ratings", "3331", "--no-fuzz"]);
    let en = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = en.lines().collect();
    assert!(
        lines[0].contains("rating") && lines[0].contains("stability"),
        "{en}"
    );
    assert!(lines[3].contains("11d"), "{en}");
    assert!(
        lines[4].contains("1 Again") && lines[4].contains("relearning"),
        "{en}"
    );
}
