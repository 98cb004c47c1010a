//! `tiankong sched`: replays a rating sequence on a new card with default FSRS-6 parameters,
//! each answer at the moment the card falls due, and prints one line per answer.
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, SchedArgs};
use crate::i18n::t;
use crate::i18n::Lang;
use crate::sched::{
    parse_ratings, replay_when_due, DayCtx, Outcome, Phase, SchedConfig, Scheduler, DAY_MS,
};

/// A fixed start (2024-01-01 12:00 UTC, offset 0): noon keeps same-day steps far from the 4 a.m.
/// roll-over, and a fixed moment makes the output reproducible.
const START_MS: i64 = 1_704_110_400_000;
/// Fuzz seed: the replayed card's id.
const SEED: u64 = 1;

pub fn run(global: &Global, args: &SchedArgs) -> anyhow::Result<ExitCode> {
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
        table(&outcomes, global.lang())
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

/// The phase in the table: the JSON's name in English; in Chinese the study screen's name,
/// with relearning kept apart (the point of a scheduler trace).
fn phase_text(p: Phase, lang: Lang) -> &'static str {
    match (p, lang) {
        (Phase::Relearning, Lang::Zh) => "重新学习",
        (_, Lang::Zh) => crate::tui::strings::phase(p, lang),
        (_, Lang::En) => phase_name(p),
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

/// One line per answer under a header, in `lang`; columns padded to terminal cells.
pub fn table(outcomes: &[Outcome], lang: Lang) -> String {
    use crate::tui::text::pad;
    let head = [
        t(lang, "评分", "rating"),
        t(lang, "阶段", "phase"),
        t(lang, "距上次", "elapsed"),
        t(lang, "稳定性", "stability"),
        t(lang, "难度", "difficulty"),
        t(lang, "间隔天数", "interval_days"),
        t(lang, "到期", "due_in"),
        t(lang, "到期时刻", "due"),
    ];
    let right = |s: &str, w: usize| {
        let n = crate::tui::text::width(s);
        format!("{}{s}", " ".repeat(w.saturating_sub(n)))
    };
    let mut s = format!(
        "{:>3}  {}  {}  {}  {}  {}  {}  {}  {}\n",
        "#",
        pad(head[0], 8),
        pad(head[1], 10),
        right(head[2], 7),
        right(head[3], 10),
        right(head[4], 10),
        right(head[5], 13),
        right(head[6], 6),
        head[7]
    );
    for (i, o) in outcomes.iter().enumerate() {
        let rating = crate::tui::strings::rating(o.log.rating, lang);
        s.push_str(&format!(
            "{:>3}  {}  {}  {:>7}  {:>10.4}  {:>10.4}  {:>13}  {}  {}\n",
            i + 1,
            pad(&format!("{} {rating}", o.log.rating.as_u8()), 8),
            pad(phase_text(o.next.phase, lang), 10),
            o.log.elapsed_days,
            o.log.stability,
            o.log.difficulty,
            o.log.scheduled_days,
            right(
                &crate::tui::strings::interval(o.interval_ms() / 1000, lang),
                6
            ),
            offset_text(o.log.due - START_MS),
        ));
    }
    s
}
