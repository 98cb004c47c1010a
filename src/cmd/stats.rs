//! `tiankong stats`: collection statistics after syncing the decks. Also the shared edge used
//! by `decks`, `check` and `optimize`: resolve the database path, open it, load and sync decks.
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, JsonArgs};
use crate::deck::fs::{self as deckfs, SearchPath};
use crate::store::{self, FileMeta, Store, SyncDeck, SyncReport};

/// The database path: `--db` / `TIANKONG_DB`, else the default under the XDG data folder.
pub fn db_path(global: &Global) -> anyhow::Result<PathBuf> {
    if let Some(p) = &global.db {
        return Ok(p.clone());
    }
    let xdg = std::env::var_os("XDG_DATA_HOME");
    let home = std::env::var_os("HOME");
    store::default_path(xdg.as_deref(), home.as_deref())
        .context("no database path: set --db, TIANKONG_DB, XDG_DATA_HOME or HOME")
}

/// Open the database, load the decks of the search path (broken files reported on stderr and
/// skipped) and sync them.
pub fn open_synced(global: &Global, now_ms: i64) -> anyhow::Result<(Store, SyncReport)> {
    let path = db_path(global)?;
    let mut store = Store::open(&path)?;
    let coll = deckfs::load(&SearchPath::from_env(&global.decks));
    for d in &coll.diagnostics {
        eprintln!("{d}");
    }
    let metas: Vec<FileMeta> = coll
        .decks
        .iter()
        .map(|d| FileMeta {
            path: d.path.clone(),
            size: d.size,
            mtime_ns: d.mtime_ns,
            hash: d.hash,
        })
        .collect();
    let decks: Vec<SyncDeck<'_>> = coll
        .decks
        .iter()
        .zip(&metas)
        .map(|(d, file)| SyncDeck {
            file,
            deck: &d.deck,
        })
        .collect();
    let report = store
        .sync(&decks, now_ms)
        .with_context(|| format!("syncing decks into {}", path.display()))?;
    Ok((store, report))
}

pub fn run(global: &Global, args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let mut o = String::new();
    let now = store::now_ms();
    let (store, _) = open_synced(global, now)?;
    let day = store.day_at(now, 4)?;
    let s = store.stats(now, &day)?;
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
