//! `tiankong stats`: collection statistics after syncing the decks. Also the shared edge used
//! by `decks`, `check` and `optimize`: resolve the database path, open it, load and sync decks.
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Global, JsonArgs};
use crate::deck::fs::{self as deckfs, SearchPath};
use crate::deck::Diagnostic;
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
    let (report, diagnostics) = sync_decks(global, &mut store, now_ms)?;
    for d in &diagnostics {
        eprintln!("{d}");
    }
    Ok((store, report))
}

/// Load the decks of the search path into `store`: files unchanged since the last sync (path,
/// size, mtime, hash) are read but not parsed; the others are parsed and synced. Returns what
/// changed and the diagnostics of broken or skipped files (the good decks load regardless).
pub fn sync_decks(
    global: &Global,
    store: &mut Store,
    now_ms: i64,
) -> anyhow::Result<(SyncReport, Vec<Diagnostic>)> {
    let known = store.deck_files()?;
    let is_known = |stamp: &deckfs::FileStamp, hash: u64| {
        let p = stamp.path.to_string_lossy();
        known
            .iter()
            .find(|(kp, size, mtime, h, _)| {
                *kp == p && *size == stamp.size && *mtime == stamp.mtime_ns && *h == hash
            })
            .map(|k| k.4.clone())
    };
    let (coll, unchanged) = deckfs::load_cached(&SearchPath::from_env(&global.decks), &is_known);
    let unchanged: Vec<crate::deck::DeckId> = unchanged.into_iter().map(|u| u.id).collect();
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
        .sync_cached(&decks, &unchanged, now_ms)
        .with_context(|| format!("syncing decks into {}", store.path().display()))?;
    Ok((report, coll.diagnostics))
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
