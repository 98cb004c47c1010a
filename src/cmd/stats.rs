//! `tiankong stats`: collection statistics after syncing the decks. Also the shared edge used
//! by `decks`, `check` and `optimize`: resolve the database path, open it, load and sync decks.
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::{self, open::Location, Collection};
use crate::cli::{Global, JsonArgs};
use crate::config::{config_path, process_env, Config};
use crate::store::{self, Store, SyncReport};

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
        eprintln!("{d}");
    }
    Ok((store, report))
}

/// The settings file with the environment and this run's flags on top (nothing is saved).
pub fn load_config(global: &Global) -> anyhow::Result<Config> {
    let mut config = match config_path(&process_env) {
        Ok(p) => Config::load(&p)?,
        Err(_) => Config::default(),
    };
    config
        .apply_overrides(&process_env, global.lang.as_deref())
        .map_err(anyhow::Error::msg)?;
    Ok(config)
}

/// The collection the commands read: opened, synced, with the user's settings.
pub fn open_collection(global: &Global, now_ms: i64) -> anyhow::Result<(Collection, SyncReport)> {
    let config = load_config(global)?;
    let (store, report) = open_synced(global, now_ms)?;
    Ok((Collection::new(store, &config)?, report))
}

pub fn run(global: &Global, args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let mut o = String::new();
    let now = store::now_ms();
    let (store, _) = open_synced(global, now)?;
    let t = app::Today::at(&store, now)?;
    let s = store.stats(now, &t.day)?;
    if args.json {
        writeln!(o, "{}", serde_json::to_string(&s)?)?;
        emit(&o);
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(o, "decks            {}", s.decks)?;
    writeln!(o, "cards            {}", s.cards)?;
    writeln!(o, "  new            {}", s.new)?;
    writeln!(o, "  learning       {}", s.learning)?;
    writeln!(o, "  review         {}", s.review)?;
    writeln!(o, "  suspended      {}", s.suspended)?;
    writeln!(o, "due today        {}", s.due_today)?;
    writeln!(
        o,
        "reviews          {} today, {} in all",
        s.reviews_today, s.reviews_total
    )?;
    writeln!(o, "minutes today    {}", s.minutes_today)?;
    writeln!(o, "reviewed cards   {}", s.reviewed_cards)?;
    writeln!(
        o,
        "orphaned cards   {} (history kept; they return if their note does)",
        s.orphaned_cards
    )?;
    if s.leeches > 0 {
        writeln!(o, "leeches          {}", s.leeches)?;
    }
    if s.buried > 0 {
        writeln!(o, "buried           {}", s.buried)?;
    }
    emit(&o);
    Ok(ExitCode::SUCCESS)
}

/// Print `text` on stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
