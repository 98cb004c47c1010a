//! `tiankong optimize [--dry-run]`: fit FSRS parameters to the user's own review log
//! (`sched::optimize::fit`), print old and new log loss / RMSE, save the new parameters.
use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::{Global, OptimizeArgs};
use crate::cmd::stats::{emit, open_synced};
use crate::i18n::t;
use crate::sched::optimize::{fit_with, CardHistory, FitOptions, HistoryReview, OptimizeError};
use crate::store::{self, keys};
use crate::tr;

pub fn run(global: &Global, args: &OptimizeArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let mut o = String::new();
    let now = store::now_ms();
    let (mut store, _) = open_synced(global, now)?;
    let cfg = store.sched_config()?;
    // The UTC offset at each review (a review before a DST change was in that day's offset),
    // asked once per hour of history.
    let mut offsets: std::collections::HashMap<i64, i32> = std::collections::HashMap::new();
    let reviews = store.all_reviews()?;
    // all_reviews is ordered by card, then time: cut it into one history per card.
    let mut histories: Vec<CardHistory> = Vec::new();
    let mut last_card = None;
    for r in &reviews {
        if last_card != Some(r.card_id) {
            histories.push(CardHistory {
                card_id: r.card_id,
                reviews: Vec::new(),
            });
            last_card = Some(r.card_id);
        }
        if let Some(h) = histories.last_mut() {
            let hour = r.log.time_ms.div_euclid(3_600_000);
            let offset = match offsets.get(&hour) {
                Some(&o) => o,
                None => {
                    let o = store.utc_offset_secs(r.log.time_ms)?;
                    offsets.insert(hour, o);
                    o
                }
            };
            h.reviews.push(HistoryReview {
                at_ms: r.log.time_ms,
                rating: r.log.rating,
                utc_offset_secs: offset,
            });
        }
    }
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "复习记录：{} 张卡片的 {} 次回答",
            "review log: {1} answers on {0} cards",
            histories.len(),
            reviews.len()
        )
    )?;
    let opts = FitOptions {
        current_params: cfg.parameters.clone(),
        rollover_hour: cfg.rollover_hour,
    };
    let report = match fit_with(&histories, &opts) {
        Ok(r) => r,
        Err(e @ OptimizeError::NotEnoughHistory { .. }) => {
            writeln!(o, "{e}")?;
            writeln!(
                o,
                "{}",
                t(lang, "参数未改动", "the parameters were not changed")
            )?;
            emit(&o);
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.into()),
    };
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "用到的回答：{}",
            "reviews used: {}",
            report.reviews_used
        )
    )?;
    writeln!(
        o,
        "log loss: {:.4} -> {:.4}\nRMSE:     {:.4} -> {:.4}",
        report.old_log_loss, report.new_log_loss, report.old_rmse, report.new_rmse
    )?;
    let fmt = |p: &[f32]| {
        p.iter()
            .map(|x| format!("{x:.4}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "原参数：[{}]",
            "old parameters: [{}]",
            fmt(&report.old_params)
        )
    )?;
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "新参数：[{}]",
            "new parameters: [{}]",
            fmt(&report.new_params)
        )
    )?;
    if args.dry_run {
        writeln!(
            o,
            "{}",
            t(lang, "--dry-run：未保存", "--dry-run: not saved")
        )?;
    } else if report.new_log_loss > report.old_log_loss {
        writeln!(
            o,
            "{}",
            t(
                lang,
                "新参数对你的记录预测得比现有参数差：未保存",
                "the new parameters predict your history worse than the current ones: not saved"
            )
        )?;
    } else {
        store.set_setting(
            keys::FSRS_PARAMS,
            Some(&serde_json::to_string(&report.new_params)?),
        )?;
        writeln!(
            o,
            "{}",
            t(
                lang,
                "已保存；以后的回答使用新参数",
                "saved; future answers use the new parameters"
            )
        )?;
    }
    emit(&o);
    Ok(ExitCode::SUCCESS)
}
