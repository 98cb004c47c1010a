//! Open the user's database and sync the decks of the search path into it: the one path every
//! command and the study interface take. Plain options, no clap types.
use std::path::{Path, PathBuf};

use crate::deck::fs::{self as deckfs, SearchPath};
use crate::deck::{DeckId, Diagnostic};
use crate::store::{self, FileMeta, Store, StoreError, SyncReport};

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
    let (store, report, diagnostics, backup) = open_synced_later(loc, now_ms)?;
    backup.run_now()?;
    Ok((store, report, diagnostics))
}

/// [`open_synced`] with the day's backup left to the caller, off the path to the first
/// output: [`DailyBackup::spawn`] runs it on its own connection once the study interface has
/// drawn its first frame,
/// and dropping the guard runs it (or waits for it) at the latest — a command's backup
/// happens after it printed. Same backup, same crash safety (a temporary file renamed).
pub fn open_synced_later(
    loc: &Location,
    now_ms: i64,
) -> Result<(Store, SyncReport, Vec<Diagnostic>, DailyBackup), OpenError> {
    let path = db_path(loc.db.as_deref())?;
    let mut store = Store::open_no_backup(&path)?;
    let (report, diagnostics) = sync_decks(&loc.decks, &mut store, now_ms)?;
    Ok((
        store,
        report,
        diagnostics,
        DailyBackup {
            path,
            thread: None,
            done: false,
        },
    ))
}

/// The day's rolling backup of a database, still to be made: see [`open_synced_later`].
#[derive(Debug)]
pub struct DailyBackup {
    path: PathBuf,
    thread: Option<std::thread::JoinHandle<Result<(), StoreError>>>,
    done: bool,
}

impl DailyBackup {
    /// Make the backup now (on a connection of its own).
    pub fn run_now(mut self) -> Result<(), StoreError> {
        self.done = true;
        match self.thread.take() {
            Some(t) => t
                .join()
                .unwrap_or_else(|_| Err(StoreError::Invalid("the backup thread failed".into()))),
            None => backup(&self.path),
        }
    }

    /// Make the backup on a background thread; dropping the guard waits for it.
    pub fn spawn(&mut self) {
        if self.thread.is_none() && !self.done {
            let path = self.path.clone();
            self.thread = Some(std::thread::spawn(move || backup(&path)));
        }
    }
}

fn backup(path: &Path) -> Result<(), StoreError> {
    Store::open_no_backup(path)?.daily_backup().map(|_| ())
}

impl Drop for DailyBackup {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let r = match self.thread.take() {
            Some(t) => t
                .join()
                .unwrap_or_else(|_| Err(StoreError::Invalid("the backup thread failed".into()))),
            None => backup(&self.path),
        };
        // Too late to fail the command: say it, so a missing backup is not a surprise.
        if let Err(e) = r {
            eprintln!("tiankong: daily backup: {e}");
        }
    }
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
    let metas: Vec<FileMeta> = coll.decks.iter().map(FileMeta::of).collect();
    let synced = store::sync_decks(&coll.decks, &metas);
    let report = store
        .sync_cached(&synced, &unchanged, now_ms)
        .map_err(|source| OpenError::Sync {
            path: store.path().to_path_buf(),
            source,
        })?;
    Ok((report, coll.diagnostics))
}

/// The mark a study session leaves next to the database (`<db>.session`): its process id and
/// start time, under an OS file lock. The lock goes with the process, so a mark left by a
/// session killed with `kill -9` is seen as stale (the lock is free) and taken over.
#[derive(Debug)]
pub struct SessionMark {
    file: Option<std::fs::File>,
    path: PathBuf,
}

/// Another session that holds the database's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherSession {
    pub pid: u32,
    /// When it started (Unix ms).
    pub since_ms: i64,
}

impl SessionMark {
    /// Take the mark for this process at `now_ms`, or say who holds it. Failing to write the
    /// mark (a read-only folder) is not an error: the session works without it.
    pub fn take(db: &Path, now_ms: i64) -> (SessionMark, Option<OtherSession>) {
        use std::io::{Read, Seek, Write};
        let path = mark_path(db);
        let none = |path: PathBuf| SessionMark { file: None, path };
        let Ok(mut file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        else {
            return (none(path), None);
        };
        match file.try_lock() {
            Ok(()) => {
                let text = format!("{} {now_ms}\n", std::process::id());
                let ok = file.set_len(0).is_ok()
                    && file.rewind().is_ok()
                    && file.write_all(text.as_bytes()).is_ok();
                if !ok {
                    return (none(path), None);
                }
                (
                    SessionMark {
                        file: Some(file),
                        path,
                    },
                    None,
                )
            }
            Err(_) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let mut it = text.split_whitespace();
                let pid = it.next().and_then(|p| p.parse().ok()).unwrap_or(0);
                let since_ms = it.next().and_then(|p| p.parse().ok()).unwrap_or(0);
                (none(path), Some(OtherSession { pid, since_ms }))
            }
        }
    }

    /// Whether this process holds the mark.
    pub fn held(&self) -> bool {
        self.file.is_some()
    }
}

impl Drop for SessionMark {
    fn drop(&mut self) {
        if let Some(f) = self.file.take() {
            // Remove first, then let the lock go with the handle: a session starting in
            // between finds no file, or a locked one.
            let _ = std::fs::remove_file(&self.path);
            drop(f);
        }
    }
}

fn mark_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".session");
    db.with_file_name(name)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_second_session_sees_the_first_and_the_mark_goes_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let (first, other) = SessionMark::take(&db, 1000);
        assert!(first.held());
        assert_eq!(other, None);
        let (second, other) = SessionMark::take(&db, 2000);
        assert!(!second.held());
        assert_eq!(
            other,
            Some(OtherSession {
                pid: std::process::id(),
                since_ms: 1000
            })
        );
        drop(second);
        drop(first);
        assert!(!dir.path().join("t.db.session").exists());
        let (third, other) = SessionMark::take(&db, 3000);
        assert!(third.held() && other.is_none());
    }

    #[test]
    fn the_days_backup_waits_for_the_guard() {
        let dir = tempfile::tempdir().unwrap();
        let loc = Location {
            db: Some(dir.path().join("t.db")),
            decks: vec![dir.path().join("no-decks")],
        };
        let backups = || crate::store::backup::list(&dir.path().join("t.db")).len();
        let (store, _, _, mut backup) = open_synced_later(&loc, 0).unwrap();
        assert_eq!(backups(), 0, "nothing before the first output");
        backup.spawn();
        drop(backup);
        assert_eq!(backups(), 1, "made beside it, waited for at the end");
        drop(store);
        // Once a day: a second open makes none.
        let (_s, _, _, backup) = open_synced_later(&loc, 0).unwrap();
        drop(backup);
        assert_eq!(backups(), 1);
    }

    #[test]
    fn a_mark_left_without_its_lock_is_stale() {
        // What `kill -9` leaves: the file with a pid, no lock.
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        std::fs::write(dir.path().join("t.db.session"), "999999 5\n").unwrap();
        let (mark, other) = SessionMark::take(&db, 7000);
        assert!(mark.held(), "taken over");
        assert_eq!(other, None);
        let text = std::fs::read_to_string(dir.path().join("t.db.session")).unwrap();
        assert_eq!(text, format!("{} 7000\n", std::process::id()));
    }
}
