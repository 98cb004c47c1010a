//! `tiankong check [--repair]`: integrity, card state against the review log, orphans.
use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::{CheckArgs, Global};
use crate::cmd::stats::{db_path, emit};
use crate::i18n::t;
use crate::store::{self, check};
use crate::tr;

pub fn run(global: &Global, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let lang = global.lang();
    let mut o = String::new();
    let path = db_path(global)?;
    let r = check::check(&path, args.repair, store::now_ms())?;
    writeln!(
        o,
        "{}",
        tr!(lang, "数据库：{}", "database: {}", path.display())
    )?;
    if r.corrupt {
        writeln!(
            o,
            "{}",
            t(
                lang,
                "完整性：已损坏——文件未改动",
                "integrity: DAMAGED — the file was not changed"
            )
        )?;
        for line in r.integrity.iter().take(20) {
            writeln!(o, "  {line}")?;
        }
        match &r.newest_backup {
            Some(b) => writeln!(
                o,
                "{}",
                tr!(
                    lang,
                    "最新备份：{}\n  恢复：把损坏的文件移开，再把备份复制到 {}",
                    "newest backup: {}\n  to restore: move the damaged file away, then copy the backup to {}",
                    b.display(),
                    path.display()
                )
            )?,
            None => writeln!(
                o,
                "{}",
                tr!(
                    lang,
                    "{} 里没有备份",
                    "no backup found in {}",
                    store::backup::dir_for(&path).display()
                )
            )?,
        }
        emit(&o);
        return Ok(ExitCode::from(1));
    }
    writeln!(o, "{}", t(lang, "完整性：正常", "integrity: ok"))?;
    if r.count_mismatches.is_empty() {
        writeln!(
            o,
            "{}",
            t(
                lang,
                "卡片计数：与复习记录一致",
                "card counters: match the review log"
            )
        )?;
    } else {
        writeln!(
            o,
            "{}",
            tr!(
                lang,
                "卡片计数：{} 张卡片与复习记录不符",
                "card counters: {} card(s) disagree with the review log",
                r.count_mismatches.len()
            )
        )?;
        for m in r.count_mismatches.iter().take(10) {
            writeln!(
                o,
                "  card {}: reps {} (log {}), lapses {} (log {})",
                m.card_id, m.reps, m.log_reps, m.lapses, m.log_lapses
            )?;
        }
    }
    match &r.replay_skipped {
        Some(why) => writeln!(
            o,
            "{}",
            tr!(lang, "重放：跳过（{}）", "replay: skipped ({})", why)
        )?,
        None if r.replay_mismatches.is_empty() => writeln!(
            o,
            "{}",
            tr!(
                lang,
                "重放：{} 张卡片按复习记录重放，全部一致",
                "replay: {} card(s) replayed from their review log, all match",
                r.replayed
            )
        )?,
        None => writeln!(
            o,
            "replay: {} of {} card(s) differ from a replay of their log with today's settings \
             (expected after changing retention, parameters or an exam date; not repaired), e.g. card {}",
            r.replay_mismatches.len(),
            r.replayed,
            r.replay_mismatches[0]
        )?,
    }
    if r.stale_buries > 0 {
        writeln!(o, "stale buries: {}", r.stale_buries)?;
    }
    if r.log_without_card > 0 {
        writeln!(
            o,
            "review log rows without a card: {} (kept; not repaired)",
            r.log_without_card
        )?;
    }
    writeln!(
        o,
        "{}",
        tr!(
            lang,
            "孤立卡片：{} 张有记录，{} 张无记录（保留；笔记回来时恢复）",
            "orphaned cards: {} with history, {} without (kept; they return with their note)",
            r.orphaned_with_history,
            r.orphaned_without_history
        )
    )?;
    if let Some(b) = &r.newest_backup {
        writeln!(
            o,
            "{}",
            tr!(lang, "最新备份：{}", "newest backup: {}", b.display())
        )?;
    }
    for line in &r.repaired {
        writeln!(o, "{}", tr!(lang, "已修复：{}", "repaired: {}", line))?;
    }
    emit(&o);
    if r.is_clean() || (args.repair && !r.repaired.is_empty() && r.log_without_card == 0) {
        Ok(ExitCode::SUCCESS)
    } else {
        if !args.repair {
            // After the report: the hint goes to stderr (stdout was already written).
            eprintln!(
                "{}",
                t(
                    lang,
                    "运行 `tiankong check --repair` 修复能安全修复的部分",
                    "run `tiankong check --repair` to fix what is safe to fix"
                )
            );
        }
        Ok(ExitCode::from(1))
    }
}
