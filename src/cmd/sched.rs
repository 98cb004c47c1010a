//! `tiankong sched`: replays a rating sequence on a new card with default FSRS-6 parameters,
//! each answer at the moment the card falls due, and prints one line per answer.
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, SchedArgs};
use crate::sched::{
    format_interval, parse_ratings, replay_when_due, DayCtx, Lang, Outcome, Phase, SchedConfig,
    Scheduler, DAY_MS,
};

/// A fixed start (2024-01-01 12:00 UTC, offset 0): noon keeps same-day steps far from the 4 a.m.
/// roll-over, and a fixed moment makes the output reproducible.
const START_MS: i64 = 1_704_110_400_000;
/// Fuzz seed: the replayed card's id.
const SEED: u64 = 1;

pub fn run(_global: &Global, args: &SchedArgs) -> anyhow::Result<ExitCode> {
    let ratings = parse_ratings(&args.ratings)?;
    let sched = Scheduler::new(SchedConfig {
        desired_retention: args.retention as f32,
        fuzz: !args.no_fuzz,
        ..SchedConfig::default()
    })?;
    let outcomes = replay_when_due(&sched, &ratings, START_MS, &DayCtx::default(), SEED)?;
    let mut out = std::io::stdout().lock();
    let text = if args.json {
        json_lines(&outcomes)
    } else {
        table(&outcomes)
    };
    out.write_all(text.as_bytes())
        .context("writing to stdout")?;
    Ok(ExitCode::SUCCESS)
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    }
}

fn rating_name(o: &Outcome) -> &'static str {
    match o.log.rating.as_u8() {
        1 => "Again",
        2 => "Hard",
        3 => "Good",
        _ => "Easy",
    }
}

/// `+2d 00:10`: the due moment relative to the first answer.
fn offset_text(ms: i64) -> String {
    let mins = ms.div_euclid(60_000);
    format!(
        "+{}d {:02}:{:02}",
        ms.div_euclid(DAY_MS),
        mins.rem_euclid(1440) / 60,
        mins.rem_euclid(60)
    )
}

pub fn json_lines(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    for (i, o) in outcomes.iter().enumerate() {
        let v = serde_json::json!({
            "review": i + 1,
            "rating": o.log.rating.as_u8(),
            "phase_before": phase_name(o.log.phase_before),
            "phase": phase_name(o.next.phase),
            "elapsed_days": o.log.elapsed_days,
            "stability": o.log.stability,
            "difficulty": o.log.difficulty,
            "interval_days": o.log.scheduled_days,
            "due_in_secs": o.interval_ms() / 1000,
            "due_offset_secs": (o.log.due - START_MS) / 1000,
        });
        s.push_str(&v.to_string());
        s.push('\n');
    }
    s
}

pub fn table(outcomes: &[Outcome]) -> String {
    let mut s = format!(
        "{:>3}  {:<7}  {:<10}  {:>7}  {:>10}  {:>10}  {:>13}  {:>6}  {}\n",
        "#",
        "rating",
        "phase",
        "elapsed",
        "stability",
        "difficulty",
        "interval_days",
        "due_in",
        "due"
    );
    for (i, o) in outcomes.iter().enumerate() {
        s.push_str(&format!(
            "{:>3}  {:<7}  {:<10}  {:>7}  {:>10.4}  {:>10.4}  {:>13}  {:>6}  {}\n",
            i + 1,
            format!("{} {}", o.log.rating.as_u8(), rating_name(o)),
            phase_name(o.next.phase),
            o.log.elapsed_days,
            o.log.stability,
            o.log.difficulty,
            o.log.scheduled_days,
            format_interval(o.interval_ms(), Lang::En),
            offset_text(o.log.due - START_MS),
        ));
    }
    s
}
