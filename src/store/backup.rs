//! Backups with SQLite's online backup API, in a `backups/` folder beside the database: one
//! before each migration of an existing database, and a daily rolling one (the last 7 kept).
//! Files are created 0600 (folder 0700) before SQLite writes them, then renamed into place so a
//! crash never leaves a half-written backup under a real name.
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB};

use super::{chmod, create_private_file, ensure_private_dir, now_ms, sibling, Store, StoreError};

/// How many daily backups to keep.
pub const KEEP_DAILY: usize = 7;

/// The backup folder for database `db`.
pub fn dir_for(db: &Path) -> PathBuf {
    db.parent()
        .map(|p| p.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"))
}

/// The newest backup of `db` (by modification time), if any.
pub fn newest(db: &Path) -> Option<PathBuf> {
    list(db)
        .into_iter()
        .max_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
}

/// Every backup file of `db`, sorted by name.
pub fn list(db: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir_for(db)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "db")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

/// Copy the database into `backups/<stem>-<label>.db` and return its path.
pub(crate) fn make(store: &Store, label: &str) -> Result<PathBuf, StoreError> {
    let dir = dir_for(&store.path);
    ensure_private_dir(&dir)?;
    let stem = store
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("tiankong");
    let target = dir.join(format!("{stem}-{label}.db"));
    let tmp = dir.join(format!(".{stem}-{label}.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    create_private_file(&tmp)?;
    let sq = |source| StoreError::Sqlite {
        path: tmp.clone(),
        source,
    };
    let result = (|| {
        let mut dst = Connection::open(&tmp).map_err(sq)?;
        let backup = Backup::new_with_names(&store.conn, MAIN_DB, &mut dst, MAIN_DB).map_err(sq)?;
        // One step copies everything under one read snapshot, so writers elsewhere do not
        // restart the copy; retry while a writer holds a lock.
        let start = std::time::Instant::now();
        loop {
            match backup.step(-1).map_err(sq)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if start.elapsed() > Duration::from_secs(10) => {
                    return Err(StoreError::Invalid(format!(
                        "{}: backup gave up waiting for a lock",
                        tmp.display()
                    )))
                }
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        drop(backup);
        dst.close().map_err(|(_, e)| sq(e))?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(sibling(&tmp, "-journal"));
        return Err(e);
    }
    chmod(&tmp, 0o600)?;
    fs::rename(&tmp, &target).map_err(|source| StoreError::Io {
        path: target.clone(),
        source,
    })?;
    Ok(target)
}

impl Store {
    /// Make today's backup unless it exists, and keep only the newest [`KEEP_DAILY`] daily
    /// backups. Returns the new backup's path when one was made.
    pub fn daily_backup(&mut self) -> Result<Option<PathBuf>, StoreError> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(None);
        }
        let today = self.local_date(now_ms())?;
        let stem = self
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("tiankong")
            .to_string();
        let prefix = format!("{stem}-daily-");
        let name = format!("{prefix}{today}.db");
        let dir = dir_for(&self.path);
        if dir.join(&name).exists() {
            return Ok(None);
        }
        let made = make(self, &format!("daily-{today}"))?;
        let mut daily: Vec<PathBuf> = list(&self.path)
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
            })
            .collect();
        daily.sort();
        if daily.len() > KEEP_DAILY {
            for old in &daily[..daily.len() - KEEP_DAILY] {
                let _ = fs::remove_file(old);
            }
        }
        Ok(Some(made))
    }

    /// A backup now, labelled `label` (e.g. before `check --repair`).
    pub fn backup_now(&self, label: &str) -> Result<PathBuf, StoreError> {
        make(self, label)
    }
}
