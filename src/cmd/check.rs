//! `tiankong check [--repair]`: integrity, card state against the review log, orphans.
use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::{CheckArgs, Global};
use crate::cmd::stats::{db_path, emit};
use crate::store::{self, check};

pub fn run(global: &Global, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut o = String::new();
    let path = db_path(global)?;
    let r = check::check(&path, args.repair, store::now_ms())?;
    writeln!(o, "database: {}", path.display())?;
    if r.corrupt {
        writeln!(o, "integrity: DAMAGED — the file was not changed")?;
        for line in r.integrity.iter().take(20) {
            writeln!(o, "  {line}")?;
        }
        match &r.newest_backup {
            Some(b) => writeln!(
                o,
                "newest backup: {}\n  to restore: move the damaged file away, then copy the backup to {}",
                b.display(),
                path.display()
            )?,
            None => writeln!(o, "no backup found in {}", store::backup::dir_for(&path).display())?,
        }
        emit(&o);
        return Ok(ExitCode::from(1));
    }
    writeln!(o, "integrity: ok")?;
    if r.count_mismatches.is_empty() {
        writeln!(o, "card counters: match the review log")?;
    } else {
        writeln!(
            o,
            "card counters: {} card(s) disagree with the review log",
            r.count_mismatches.len()
        )?;
        for m in r.count_mismatches.iter().take(10) {
            writeln!(
                o,
                "  card {}: reps {} (log {}), lapses {} (log {})",
                m.card_id, m.reps, m.log_reps, m.lapses, m.log_lapses
            )?;
        }
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
        "orphaned cards: {} with history, {} without (kept; they return with their note)",
        r.orphaned_with_history, r.orphaned_without_history
    )?;
    if let Some(b) = &r.newest_backup {
        writeln!(o, "newest backup: {}", b.display())?;
    }
    for line in &r.repaired {
        writeln!(o, "repaired: {line}")?;
    }
    emit(&o);
    if r.is_clean() || (args.repair && !r.repaired.is_empty() && r.log_without_card == 0) {
        Ok(ExitCode::SUCCESS)
    } else {
        if !args.repair {
            writeln!(
                o,
                "run `tiankong check --repair` to fix what is safe to fix"
            )?;
        }
        Ok(ExitCode::from(1))
    }
}
