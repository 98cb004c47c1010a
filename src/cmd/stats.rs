//! `tiankong stats`: collection statistics after syncing the decks. Also the shared edge used
//! by `decks`, `check` and `optimize`: resolve the database path, open it, load and sync decks.
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::open::{DailyBackup, Location};
use crate::app::{self, Collection};
use crate::cli::{Global, JsonArgs};
use crate::config::Config;
use crate::i18n::t;
use crate::store::{self, Store, SyncReport};
use crate::tr;

/// Where the data lives, from the global options.
pub fn location(global: &Global) -> Location {
    Location {
        db: global.db.clone(),
        decks: global.decks.clone(),
    }
}

/// The database path: `--db` / `TIANKONG_DB`, else the default under the XDG data folder.
pub fn db_path(global: &Global) -> anyhow::Result<PathBuf> {
    Ok(app::open::db_path(global.db.as_deref())?)
}

/// Open the database, load the decks of the search path (broken files reported on stderr and
/// skipped) and sync them.
pub fn open_synced(global: &Global, now_ms: i64) -> anyhow::Result<(Store, SyncReport)> {
    let (store, report, diagnostics) = app::open::open_synced(&location(global), now_ms)?;
    for d in &diagnostics {
        eprintln!("{}", d.show(global.lang()));
    }
    Ok((store, report))
}

/// The settings file with the environment and this run's flags on top (nothing is saved).
pub fn load_config(global: &Global) -> anyhow::Result<Config> {
    Ok(crate::config::load_for_run(global.lang.as_deref())?)
}

/// [`open_synced`] with the day's backup made when the guard drops (after the command
/// printed), not before.
pub fn open_synced_later(
    global: &Global,
    now_ms: i64,
) -> anyhow::Result<(Store, SyncReport, DailyBackup)> {
    let (store, report, diagnostics, backup) =
        app::open::open_synced_later(&location(global), now_ms)?;
    for d in &diagnostics {
        eprintln!("{}", d.show(global.lang()));
    }
    Ok((store, report, backup))
}

/// The collection the commands read: opened, synced, with the user's settings; the day's
/// backup is made when the returned guard drops.
pub fn open_collection(
    global: &Global,
    now_ms: i64,
) -> anyhow::Result<(Collection, SyncReport, DailyBackup)> {
    let config = load_config(global)?;
    let (store, report, backup) = open_synced_later(global, now_ms)?;
    Ok((Collection::new(store, &config)?, report, backup))
}

pub fn run(global: &Global, args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let mut o = String::new();
    let now = store::now_ms();
    let (coll, _, _backup) = open_collection(global, now)?;
    let s = coll.stats()?;
    if args.json {
        writeln!(o, "{}", serde_json::to_string(&s)?)?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    let lang = global.lang();
    let rows: [(&str, &str, String); 10] = [
        ("卡组", "decks", s.decks.to_string()),
        ("卡片", "cards", tr!(lang, "{} 张", "{}", s.cards)),
        ("  新", "  new", s.new.to_string()),
        ("  学习中", "  learning", s.learning.to_string()),
        ("  复习", "  review", s.review.to_string()),
        ("  暂停", "  suspended", s.suspended.to_string()),
        ("今天到期", "due today", s.due_today.to_string()),
        (
            "回答",
            "reviews",
            tr!(
                lang,
                "今天 {}，共 {}",
                "{} today, {} in all",
                s.reviews_today,
                s.reviews_total
            ),
        ),
        ("今天分钟", "minutes today", s.minutes_today.to_string()),
        ("学过的卡片", "reviewed cards", s.reviewed_cards.to_string()),
    ];
    for (zh, en, v) in rows {
        writeln!(o, "{}", row(t(lang, zh, en), &v))?;
    }
    writeln!(
        o,
        "{}",
        row(
            t(lang, "孤立卡片", "orphaned cards"),
            &tr!(
                lang,
                "{}（记录保留；笔记回来时恢复）",
                "{} (history kept; they return if their note does)",
                s.orphaned_cards
            )
        )
    )?;
    if s.leeches > 0 {
        writeln!(
            o,
            "{}",
            row(t(lang, "难记卡", "leeches"), &s.leeches.to_string())
        )?;
    }
    if s.buried > 0 {
        writeln!(
            o,
            "{}",
            row(t(lang, "搁置", "buried"), &s.buried.to_string())
        )?;
    }
    emit(&o);
    Ok(ExitCode::SUCCESS)
}

/// `label` padded to a column of 17 cells, then `value`.
fn row(label: &str, value: &str) -> String {
    let w = unicode_width::UnicodeWidthStr::width(label);
    format!(
        "{label}{}{value}",
        " ".repeat(17usize.saturating_sub(w).max(1))
    )
}

/// Print `text` on stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
