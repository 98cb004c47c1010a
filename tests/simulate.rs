//! The exam-day policy: `tiankong simulate` shows it recalls more on exam day than a fixed 0.9
//! retention for no more minutes, and the real scheduler uses that same policy for a deck with
//! an exam date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use tiankong::sched::exam::exam_interval;
use tiankong::sched::{CardState, DayCtx, Phase, Rating, SchedConfig, Scheduler, DAY_MS};

const BIN: &str = env!("CARGO_BIN_EXE_tiankong");

fn simulate(days: u32, minutes: u32, seed: u64) -> (Vec<u8>, serde_json::Value) {
    let out = Command::new(BIN)
        .args(["simulate", "--cards", "1000", "--days-to-exam"])
        .arg(days.to_string())
        .arg("--minutes-per-day")
        .arg(minutes.to_string())
        .arg("--seed")
        .arg(seed.to_string())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = serde_json::from_slice(&out.stdout).unwrap();
    (out.stdout, v)
}

#[test]
fn the_exam_policy_recalls_five_percent_more_for_no_more_minutes() {
    let (bytes, v) = simulate(30, 20, 1);
    let p = &v["policies"];
    let f = |k: &str, f: &str| p[k][f].as_f64().unwrap();
    let (fixed, exam) = (
        f("fixed", "recalled_at_exam"),
        f("exam", "recalled_at_exam"),
    );
    assert!(exam >= 1.05 * fixed, "exam {exam} vs fixed {fixed}");
    assert!(f("exam", "minutes") <= f("fixed", "minutes"));
    assert!(f("fixed", "minutes") <= 30.0 * 20.0);
    assert!(p["fixed"]["reviews"].as_u64().unwrap() > 0);
    // Expected recalls cannot exceed the cards studied.
    assert!(exam <= p["exam"]["learned"].as_f64().unwrap());
    assert_eq!(bytes, simulate(30, 20, 1).0);
}

const T0: i64 = 1_704_110_400_000; // 2024-01-01 12:00 UTC

fn review_card(stability: f64, days_ago: i64) -> CardState {
    CardState {
        phase: Phase::Review,
        due: T0,
        stability,
        difficulty: 5.0,
        reps: 4,
        lapses: 0,
        step: 0,
        last_review: Some(T0 - days_ago * DAY_MS),
        scheduled_days: days_ago as u32,
    }
}

#[test]
fn the_scheduler_uses_the_simulated_policy_for_a_deck_with_an_exam() {
    let s = Scheduler::new(SchedConfig {
        fuzz: false,
        ..SchedConfig::default()
    })
    .unwrap();
    let today = s.day_index(T0, &DayCtx::default());
    let f = fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    for (stab, ago, left) in [(5.0, 5, 30), (30.0, 20, 40), (1.5, 2, 90), (200.0, 100, 20)] {
        let card = review_card(stab, ago);
        let ctx = DayCtx {
            utc_offset_secs: 0,
            exam_day: Some(today + left),
        };
        let good = s.answer(&card, Rating::Good, T0, &ctx, 1).unwrap();
        let m = fsrs::MemoryState {
            stability: good.next.stability as f32,
            difficulty: good.next.difficulty as f32,
        };
        let want = exam_interval(&f, m, left as u32, 0.9, s.decay()).round() as u32;
        assert_eq!(
            good.next.scheduled_days,
            want.clamp(1, left as u32),
            "S {stab}"
        );
        assert!(good.next.scheduled_days <= left as u32);
        // Without an exam the same answer follows the steady 0.9 retention.
        let plain = s
            .answer(&card, Rating::Good, T0, &DayCtx::default(), 1)
            .unwrap();
        assert_eq!(
            plain.next.scheduled_days,
            (good.next.stability as f32).round() as u32,
            "at 0.9 the FSRS interval equals the stability"
        );
    }
}
