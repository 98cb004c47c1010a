//! The database check behind `tiankong check`: integrity, card state against the review log,
//! orphans. Repairs only what is safe (recount reps/lapses from the log, clear stale buries).
//! A damaged file is never altered: the check opens it read-only first.
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{backup, Store, StoreError};

/// A card whose counters disagree with its review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMismatch {
    pub card_id: i64,
    pub reps: u32,
    pub log_reps: u32,
    pub lapses: u32,
    pub log_lapses: u32,
}

/// What `check` found (and, with repair, fixed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckReport {
    /// `PRAGMA integrity_check` lines; `["ok"]` when sound.
    pub integrity: Vec<String>,
    /// The file is damaged (or not a database): nothing else was checked or changed.
    pub corrupt: bool,
    pub newest_backup: Option<PathBuf>,
    pub count_mismatches: Vec<CountMismatch>,
    /// Cards buried until a time already past.
    pub stale_buries: u64,
    /// Orphaned cards (item or note left, or deck missing) that keep history, and those without.
    pub orphaned_with_history: u64,
    pub orphaned_without_history: u64,
    /// Log rows whose card is gone (foreign-key violations).
    pub log_without_card: u64,
    /// What `repair` changed, one line each; the backup made first is the first line.
    pub repaired: Vec<String>,
}

impl CheckReport {
    /// Nothing to fix (orphans are normal and not counted as problems).
    pub fn is_clean(&self) -> bool {
        !self.corrupt
            && self.count_mismatches.is_empty()
            && self.stale_buries == 0
            && self.log_without_card == 0
    }
}

/// Read-only integrity check of the file at `path`; never writes.
fn integrity(path: &Path) -> Result<Vec<String>, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    })?;
    let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
    let mut st = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
    let rows = st
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
}

/// Check the database at `path` at time `now_ms`; with `repair`, back it up and fix what is
/// safe. A damaged file is reported with the newest backup and left as it is.
pub fn check(path: &Path, repair: bool, now_ms: i64) -> Result<CheckReport, StoreError> {
    if !path.is_file() {
        return Err(StoreError::Invalid(format!(
            "{}: no database here",
            path.display()
        )));
    }
    let mut report = CheckReport {
        newest_backup: backup::newest(path),
        ..CheckReport::default()
    };
    // Refuse a newer or non-SQLite file before anything else opens it.
    match super::header_user_version(path) {
        Ok(Some(v)) if v > super::SCHEMA_VERSION => {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: v,
                known: super::SCHEMA_VERSION,
            })
        }
        Ok(_) => {}
        Err(StoreError::NotADatabase { .. }) => {
            report.corrupt = true;
            report.integrity = vec!["not a SQLite database".to_string()];
            return Ok(report);
        }
        Err(e) => return Err(e),
    }
    match integrity(path) {
        Ok(lines) => {
            report.corrupt = lines != ["ok"];
            report.integrity = lines;
        }
        Err(StoreError::Sqlite { source, .. })
            if matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::NotADatabase)
                    | Some(rusqlite::ErrorCode::DatabaseCorrupt)
            ) =>
        {
            report.corrupt = true;
            report.integrity = vec![source.to_string()];
        }
        Err(e) => return Err(e),
    }
    if report.corrupt {
        return Ok(report);
    }
    let mut store = Store::open_no_backup(path)?;
    store.inspect(&mut report, now_ms)?;
    if repair && !report.is_clean() {
        let saved = store.backup_now(&format!("pre-repair-{now_ms}"))?;
        report.repaired.push(format!("backup: {}", saved.display()));
        let fixed = store.repair(now_ms)?;
        report.repaired.extend(fixed);
    }
    Ok(report)
}

impl Store {
    fn inspect(&self, report: &mut CheckReport, now_ms: i64) -> Result<(), StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT c.id, c.reps, coalesce(l.n, 0), c.lapses, coalesce(l.lapses, 0)
                 FROM cards c LEFT JOIN (
                   SELECT card_id, count(*) AS n,
                          sum(phase_before = 2 AND rating = 1) AS lapses
                   FROM review_log WHERE kind = 0 GROUP BY card_id) l ON l.card_id = c.id
                 WHERE c.reps <> coalesce(l.n, 0) OR c.lapses <> coalesce(l.lapses, 0)
                 ORDER BY c.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(CountMismatch {
                    card_id: r.get(0)?,
                    reps: r.get(1)?,
                    log_reps: r.get(2)?,
                    lapses: r.get(3)?,
                    log_lapses: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        report.count_mismatches = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let one = |sql: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [now_ms], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
                .map_err(|e| self.err(e))
        };
        report.stale_buries =
            one("SELECT count(*) FROM cards WHERE buried_until_ms > 0 AND buried_until_ms <= ?1")?;
        let has_log = "EXISTS (SELECT 1 FROM review_log l WHERE l.card_id = c.id)";
        let orphan = "FROM cards c JOIN decks d ON d.id = c.deck_id
                      WHERE (c.orphaned = 1 OR d.present = 0) AND ?1 = ?1";
        report.orphaned_with_history = one(&format!("SELECT count(*) {orphan} AND {has_log}"))?;
        report.orphaned_without_history =
            one(&format!("SELECT count(*) {orphan} AND NOT {has_log}"))?;
        report.log_without_card = one("SELECT count(*) FROM review_log l WHERE ?1 = ?1
             AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = l.card_id)")?;
        Ok(())
    }

    /// The safe repairs: counters recomputed from the log, past buries cleared.
    fn repair(&mut self, now_ms: i64) -> Result<Vec<String>, StoreError> {
        self.write(|tx| {
            let mut out = Vec::new();
            let n = tx.execute(
                "UPDATE cards SET
                   reps = (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id AND l.kind = 0),
                   lapses = (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id
                             AND l.kind = 0 AND l.phase_before = 2 AND l.rating = 1)
                 WHERE reps <> (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id AND l.kind = 0)
                    OR lapses <> (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id
                                  AND l.kind = 0 AND l.phase_before = 2 AND l.rating = 1)",
                [],
            )?;
            if n > 0 {
                out.push(format!("recounted reps and lapses of {n} card(s) from the review log"));
            }
            let n = tx.execute(
                "UPDATE cards SET buried_until_ms = 0 WHERE buried_until_ms > 0 AND buried_until_ms <= ?1",
                [now_ms],
            )?;
            if n > 0 {
                out.push(format!("cleared {n} stale bury(s)"));
            }
            Ok(out)
        })
    }
}
