//! `tiankong simulate`: a simulated student under the fixed-retention and the exam-day policy
//! (see `sched::simulate`); prints the expected cards recalled on exam day, minutes and
//! reviews of each.
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{Global, SimulateArgs};
use crate::cmd::stats::emit;
use crate::i18n::t;
use crate::sched::simulate::{simulate, Policy, SimResult, SimSpec};

fn json(r: &SimResult) -> serde_json::Value {
    serde_json::json!({
        "recalled_at_exam": (r.recalled_at_exam * 10.0).round() / 10.0,
        "minutes": (r.minutes * 10.0).round() / 10.0,
        "reviews": r.reviews,
        "learned": r.learned,
    })
}

pub fn run(global: &Global, args: &SimulateArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    if args.cards == 0 || args.days_to_exam == 0 || args.minutes_per_day.is_nan() {
        bail!(t(
            lang,
            "simulate：--cards 和 --days-to-exam 至少为 1",
            "simulate: --cards and --days-to-exam must be at least 1"
        ));
    }
    let spec = SimSpec {
        cards: args.cards,
        days_to_exam: args.days_to_exam,
        minutes_per_day: args.minutes_per_day,
        seed: args.seed,
    };
    let fixed = simulate(&spec, Policy::Fixed)?;
    let exam = simulate(&spec, Policy::Exam)?;
    if args.json {
        let v = serde_json::json!({
            "cards": spec.cards,
            "days_to_exam": spec.days_to_exam,
            "minutes_per_day": spec.minutes_per_day,
            "seed": spec.seed,
            "policies": {"fixed": json(&fixed), "exam": json(&exam)},
        });
        emit(&format!("{v}\n"));
        return Ok(ExitCode::SUCCESS);
    }
    let gain = if fixed.recalled_at_exam > 0.0 {
        100.0 * (exam.recalled_at_exam / fixed.recalled_at_exam - 1.0)
    } else {
        0.0
    };
    let mut s = crate::tr!(
        lang,
        "{} 张卡，{} 天后考试，每天 {} 分钟（种子 {}）\n",
        "{} cards, exam in {} days, {} minutes a day (seed {})\n",
        spec.cards,
        spec.days_to_exam,
        spec.minutes_per_day,
        spec.seed
    );
    s.push_str(&crate::tr!(
        lang,
        "{:<10}{:>10}{:>10}{:>10}{:>10}\n",
        "{:<10}{:>10}{:>10}{:>10}{:>10}\n",
        "policy",
        "recalled",
        "minutes",
        "reviews",
        "learned"
    ));
    for (name, r) in [("fixed 0.9", &fixed), ("exam", &exam)] {
        s.push_str(&format!(
            "{:<10}{:>10.1}{:>10.1}{:>10}{:>10}\n",
            name, r.recalled_at_exam, r.minutes, r.reviews, r.learned
        ));
    }
    s.push_str(&crate::tr!(
        lang,
        "考试日记得的卡：考试策略比固定保持率 {:+.1}%\n",
        "recalled on exam day: exam policy {:+.1}% against fixed retention\n",
        gain
    ));
    emit(&s);
    Ok(ExitCode::SUCCESS)
}
