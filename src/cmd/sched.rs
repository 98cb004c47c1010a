//! `tiankong sched --ratings 3333331133333 [--no-fuzz] [--json]`: replay a rating sequence on
//! a new card with default FSRS-6 parameters, each review at the moment the card falls due.
use std::process::ExitCode;

use crate::cli::{Global, SchedArgs};
use crate::sched::{replay_when_due, DayCtx, Rating, SchedConfig, Scheduler};

/// The replay starts at 2024-01-01 12:00 UTC, in UTC: the output never depends on the clock.
const START_MS: i64 = 1_704_110_400_000;

pub fn run(_global: &Global, args: &SchedArgs) -> anyhow::Result<ExitCode> {
    let ratings = parse_ratings(&args.ratings)?;
    if !(0.7..=0.99).contains(&args.retention) {
        anyhow::bail!("--retention {} is outside 0.70–0.99", args.retention);
    }
    let cfg = SchedConfig {
        fuzz: !args.no_fuzz,
        desired_retention: args.retention as f32,
        ..SchedConfig::default()
    };
    let s = Scheduler::new(cfg)?;
    let ctx = DayCtx {
        utc_offset_secs: 0,
        exam_day: None,
        seed: 1,
    };
    let steps = replay_when_due(&s, &ratings, START_MS, &ctx)?;
    if !args.json {
        println!(
            "{:>3}  {:<6} {:>12} {:>11} {:>13}  {:<10} {:>7}",
            "#", "rating", "stability", "difficulty", "interval_days", "phase", "due_day"
        );
    }
    for (i, step) in steps.iter().enumerate() {
        let o = &step.outcome;
        let name = match o.log.rating {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        };
        let phase = format!("{:?}", o.next.phase).to_lowercase();
        let due_day = s.day_index(o.next.due, 0) - s.day_index(START_MS, 0);
        if args.json {
            let line = serde_json::json!({
                "review": i + 1,
                "rating": o.log.rating.as_u8(),
                "stability": round4(o.next.stability),
                "difficulty": round4(o.next.difficulty),
                "interval_days": o.log.scheduled_days,
                "elapsed_days": o.log.elapsed_days,
                "interval_minutes": (o.next.due - step.at_ms) / 60_000,
                "phase": phase,
                "due_day": due_day,
            });
            println!("{line}");
        } else {
            println!(
                "{:>3}  {:<6} {:>12.4} {:>11.4} {:>13}  {:<10} {:>7}",
                i + 1,
                format!("{} {}", o.log.rating.as_u8(), name),
                o.next.stability,
                o.next.difficulty,
                o.log.scheduled_days,
                phase,
                due_day
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// `3333331133333` → ratings; a character that is not 1–4 is an error naming its position.
pub fn parse_ratings(s: &str) -> anyhow::Result<Vec<Rating>> {
    if s.is_empty() {
        anyhow::bail!("--ratings is empty: give digits 1 (Again) to 4 (Easy), e.g. 3331");
    }
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            c.to_digit(10)
                .and_then(|d| Rating::from_u8(d as u8))
                .ok_or_else(|| {
                    anyhow::anyhow!("--ratings: {c:?} at position {} is not a rating 1–4", i + 1)
                })
        })
        .collect()
}
