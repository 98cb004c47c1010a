//! Open the user's database and sync the decks of the search path into it: the one path every
//! command and the study interface take. Plain options, no clap types.
use std::path::{Path, PathBuf};

use crate::deck::fs::{self as deckfs, SearchPath};
use crate::deck::{DeckId, Diagnostic};
use crate::store::{self, FileMeta, Store, StoreError, SyncDeck, SyncReport};

/// Where the data lives: `--db` / `TIANKONG_DB` and `--decks` / `TIANKONG_DECKS`.
#[derive(Debug, Clone, Default)]
pub struct Location {
    pub db: Option<PathBuf>,
    /// Deck folders replacing the search path (empty: the default path).
    pub decks: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no database path: set --db, TIANKONG_DB, XDG_DATA_HOME or HOME")]
    NoPath,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("syncing decks into {path}: {source}")]
    Sync { path: PathBuf, source: StoreError },
}

/// The database path: the given one, else the default under the XDG data folder.
pub fn db_path(db: Option<&Path>) -> Result<PathBuf, OpenError> {
    if let Some(p) = db {
        return Ok(p.to_path_buf());
    }
    let xdg = std::env::var_os("XDG_DATA_HOME");
    let home = std::env::var_os("HOME");
    store::default_path(xdg.as_deref(), home.as_deref()).ok_or(OpenError::NoPath)
}

/// Open the database at `loc` (with the day's backup) and sync the decks. Broken deck files
/// come back as diagnostics; the good decks load regardless.
pub fn open_synced(
    loc: &Location,
    now_ms: i64,
) -> Result<(Store, SyncReport, Vec<Diagnostic>), OpenError> {
    let path = db_path(loc.db.as_deref())?;
    let mut store = Store::open(&path)?;
    let (report, diagnostics) = sync_decks(&loc.decks, &mut store, now_ms)?;
    Ok((store, report, diagnostics))
}

/// Load the decks of the search path into `store`: files unchanged since the last sync (path,
/// size, mtime, hash) are read but not parsed; the others are parsed and synced. Returns what
/// changed and the diagnostics of broken or skipped files (the good decks load regardless).
pub fn sync_decks(
    decks: &[PathBuf],
    store: &mut Store,
    now_ms: i64,
) -> Result<(SyncReport, Vec<Diagnostic>), OpenError> {
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
    let (coll, unchanged) = deckfs::load_cached(&SearchPath::from_env(decks), &is_known);
    let unchanged: Vec<DeckId> = unchanged.into_iter().map(|u| u.id).collect();
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
    let synced: Vec<SyncDeck<'_>> = coll
        .decks
        .iter()
        .zip(&metas)
        .map(|(d, file)| SyncDeck {
            file,
            deck: &d.deck,
        })
        .collect();
    let report = store
        .sync_cached(&synced, &unchanged, now_ms)
        .map_err(|source| OpenError::Sync {
            path: store.path().to_path_buf(),
            source,
        })?;
    Ok((report, coll.diagnostics))
}
