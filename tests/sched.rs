//! The scheduler against published FSRS-6 numbers, and its invariants (proptest).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use proptest::prelude::*;
use tiankong::sched::{replay_log, CardState, DayCtx, Phase, Rating, SchedConfig, Scheduler};

#[test]
fn sched_command_reproduces_the_published_intervals() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["sched", "--ratings", "3333331133333", "--no-fuzz", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let intervals: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["interval_days"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(intervals, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
}

#[test]
fn sched_rejects_a_bad_rating_with_its_position() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tiankong"))
        .args(["sched", "--ratings", "3352"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("position 3"));
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(vec![
        Rating::Again,
        Rating::Hard,
        Rating::Good,
        Rating::Easy,
    ])
}

/// A card reached by a random history, answered at random delays after falling due.
fn card_after(
    s: &Scheduler,
    history: &[(Rating, u32)],
    ctx: &DayCtx,
) -> (CardState, i64, Vec<(i64, Rating)>) {
    let start = 1_700_000_000_000i64;
    let mut card = CardState::new_card(start);
    let mut now = start;
    let mut log = Vec::new();
    for (r, late_hours) in history {
        now = card.due.max(now) + i64::from(*late_hours) * 3_600_000;
        card = s.answer(&card, *r, now, ctx).unwrap().next;
        log.push((now, *r));
    }
    (card, now, log)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn answers_keep_their_invariants(
        history in prop::collection::vec((rating(), 0u32..200), 0..25),
        fuzz in any::<bool>(),
        seed in any::<u64>(),
        late in 0u32..500,
    ) {
        let s = Scheduler::new(SchedConfig { fuzz, ..SchedConfig::default() }).unwrap();
        let ctx = DayCtx { utc_offset_secs: 8 * 3600, exam_day: None, seed };
        let (card, now, _) = card_after(&s, &history, &ctx);
        let now = card.due.max(now) + i64::from(late) * 3_600_000;
        let p = s.preview(&card, now, &ctx).unwrap();
        for o in &p {
            prop_assert!((1.0..=10.0).contains(&o.next.difficulty), "difficulty {}", o.next.difficulty);
            prop_assert!(o.next.stability > 0.0);
            if o.next.phase == Phase::Review {
                prop_assert!((1..=36_500).contains(&o.log.scheduled_days));
            }
            prop_assert!(o.next.due >= now);
        }
        // Again ≤ Hard ≤ Good ≤ Easy in time until due.
        for w in p.windows(2) {
            prop_assert!(w[0].next.due <= w[1].next.due, "{:?}", p.iter().map(|o| o.next.due - now).collect::<Vec<_>>());
        }
        // The same inputs give the same result.
        prop_assert_eq!(s.preview(&card, now, &ctx).unwrap(), p);
    }

    #[test]
    fn replaying_the_log_reproduces_the_card(history in prop::collection::vec((rating(), 0u32..100), 1..20), seed in any::<u64>()) {
        let s = Scheduler::new(SchedConfig::default()).unwrap();
        let ctx = DayCtx { utc_offset_secs: 0, exam_day: None, seed };
        let (card, _, log) = card_after(&s, &history, &ctx);
        prop_assert_eq!(replay_log(&s, 1_700_000_000_000, &log, &ctx).unwrap(), card);
    }

    #[test]
    fn no_interval_passes_the_exam(history in prop::collection::vec((rating(), 0u32..48), 1..15), exam_in in 1i64..60) {
        let s = Scheduler::new(SchedConfig::default()).unwrap();
        let start = 1_700_000_000_000i64;
        let exam_day = s.day_index(start, 0) + exam_in;
        let ctx = DayCtx { utc_offset_secs: 0, exam_day: Some(exam_day), seed: 7 };
        let mut card = CardState::new_card(start);
        let mut now = start;
        for (r, late) in history {
            now = card.due.max(now) + i64::from(late) * 60_000;
            if s.day_index(now, 0) >= exam_day {
                break;
            }
            card = s.answer(&card, r, now, &ctx).unwrap().next;
            prop_assert!(s.day_index(card.due, 0) <= exam_day);
        }
    }
}
