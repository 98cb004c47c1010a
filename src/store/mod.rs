//! The per-user SQLite database: the only user of rusqlite. Owns opening (paths, file modes,
//! pragmas), numbered migrations, backups, deck sync with lasting card identity, the queries
//! the study session and the commands need, and the database check.
//!
//! Every write runs in `BEGIN IMMEDIATE` so two sessions of one user can share the file: a
//! deferred read-then-write transaction fails at once with SQLITE_BUSY_SNAPSHOT whatever the
//! busy timeout, an immediate one waits for the lock.
use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub mod backup;
pub mod check;
mod mistakes;
mod query;
mod sync;

pub use mistakes::{Mistake, NewMistake, SentBack};
pub use query::{
    BrowseFilter, BrowseSort, BrowseState, CardRow, DayBase, DayReviews, DeckSummary, DeckTitle,
    LogRow, Queue, ReviewEntry, Stats,
};
pub use sync::{dice, sync_decks, CardChange, DeckChanges, FileMeta, SyncDeck, SyncReport};

/// The migrations, in order: migration `i` (0-based) takes `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_mistakes.sql"),
    include_str!("../../migrations/0003_peeked_heading.sql"),
    include_str!("../../migrations/0004_new_walk.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a writer waits for another session's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Setting keys.
pub mod keys {
    /// Desired retention, e.g. `0.9`.
    pub const RETENTION: &str = "retention";
    pub const NEW_PER_DAY: &str = "new_per_day";
    pub const REVIEWS_PER_DAY: &str = "reviews_per_day";
    /// Global exam date `YYYY-MM-DD`.
    pub const EXAM: &str = "exam";
    /// Per-deck exam date override: `exam.<deck id>`.
    pub const EXAM_DECK_PREFIX: &str = "exam.";
    /// FSRS parameters as a JSON array of numbers.
    pub const FSRS_PARAMS: &str = "fsrs_params";
    /// The local day (`YYYY-MM-DD`) of the last daily backup check, to avoid listing the folder.
    pub const LAST_BACKUP_DAY: &str = "last_backup_day";
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path}: the database was written by a newer tiankong (schema {found}, this build knows {known}); \
         it was left untouched — use a newer tiankong or another --db"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{path}: not a tiankong database (not SQLite, or damaged){}", backup_hint(.newest_backup))]
    NotADatabase {
        path: PathBuf,
        newest_backup: Option<PathBuf>,
    },
    #[error("card {0} does not exist")]
    NoSuchCard(i64),
    #[error(
        "review {log_id} is not the latest answer of card {card_id}; only the latest can be undone"
    )]
    NotLatest { log_id: i64, card_id: i64 },
    #[error("card {0} was answered in another session meanwhile; reload it")]
    Stale(i64),
    #[error("review {0} does not exist")]
    NoSuchReview(i64),
    #[error("{0}")]
    Invalid(String),
    /// A SQLite error inside a transaction; `Store::write` adds the path.
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

fn backup_hint(b: &Option<PathBuf>) -> String {
    match b {
        Some(p) => format!("; the newest backup is {}", p.display()),
        None => "; no backup was found".to_string(),
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The user's database.
pub struct Store {
    conn: Connection,
    /// The database file (`:memory:` for in-memory stores).
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The default database path: `$XDG_DATA_HOME/tiankong/tiankong.db` (an absolute
/// `XDG_DATA_HOME` only, per the XDG spec), else `$HOME/.local/share/tiankong/tiankong.db`.
pub fn default_path(
    xdg_data_home: Option<&std::ffi::OsStr>,
    home: Option<&std::ffi::OsStr>,
) -> Option<PathBuf> {
    let xdg = xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute());
    let data = xdg.or_else(|| {
        home.filter(|h| !h.is_empty())
            .map(|h| Path::new(h).join(".local/share"))
    })?;
    Some(data.join("tiankong").join("tiankong.db"))
}

/// The 4-byte big-endian user_version at offset 60 of a SQLite header, if `path` starts like a
/// SQLite file. Read by `check` before SQLite opens the file so a newer database is refused
/// untouched. (Never while this process has the file open: see `Store::open_no_backup`.)
fn header_user_version(path: &Path) -> Result<Option<u32>> {
    let mut f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut head = [0u8; 64];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        }
    }
    if n == 0 {
        return Ok(None); // a fresh empty file we (or a racing process) just created
    }
    if n < 64 || &head[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
            newest_backup: backup::newest(path),
        });
    }
    Ok(Some(u32::from_be_bytes([
        head[60], head[61], head[62], head[63],
    ])))
}

/// Set `mode` on `path` regardless of the umask; a missing file is fine.
fn chmod(path: &Path, mode: u32) -> Result<()> {
    match fs::set_permissions(path, fs::Permissions::from_mode(mode)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Create `dir` (and missing parents) 0700 when it does not exist; an existing folder is left
/// as it is (it may be a shared one such as /tmp).
pub(crate) fn ensure_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let io = |source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    };
    // Remember which ancestors are missing so that each one we create ends up 0700.
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        cur = d.parent();
    }
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io)?;
    for d in missing {
        chmod(&d, 0o700)?;
    }
    Ok(())
}

/// Create `path` empty with mode 0600 unless it exists (a racing creator is fine).
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => chmod(path, 0o600),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// `path` with `suffix` appended to its file name (`x.db` → `x.db-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

impl Store {
    /// Open (creating if needed) the database at `path`: folder 0700 and file 0600 created
    /// before SQLite touches them, WAL, `synchronous=FULL`, foreign keys, a 5 s busy timeout,
    /// then the migrations (with a backup first when an existing database is upgraded) and
    /// the daily rolling backup. A database from a newer tiankong is refused untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let mut store = Store::open_no_backup(path)?;
        store.daily_backup()?;
        Ok(store)
    }

    /// [`Store::open`] without the daily backup (benches, tests, short-lived tools).
    pub fn open_no_backup(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            ensure_private_dir(dir)?;
        }
        // The file is never opened here but by SQLite: closing any other handle on it would
        // drop the locks this process's other connections hold on it (POSIX locks belong to
        // the process), and another process closing its connection could then delete the WAL
        // they still write to. `setup` refuses a newer or non-SQLite file with a read.
        create_private_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.setup()?;
        for suffix in ["-wal", "-shm"] {
            chmod(&sibling(path, suffix), 0o600)?;
        }
        Ok(store)
    }

    /// An in-memory database with the schema, for tests and pure queries.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: path.clone(),
            source,
        })?;
        let mut store = Store { conn, path };
        store.setup()?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// The schema version recorded in the file.
    pub fn user_version(&self) -> Result<u32> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))
            .map_err(|e| self.err(e))
    }

    fn setup(&mut self) -> Result<()> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.err(e))?;
        // Reading the version is a read: a newer database is still untouched when refused
        // here (the header check above misses a version that sits only in the WAL).
        let found = self.user_version().map_err(|e| match e {
            StoreError::Sqlite { source, .. }
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
            {
                StoreError::NotADatabase {
                    path: self.path.clone(),
                    newest_backup: backup::newest(&self.path),
                }
            }
            e => e,
        })?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        self.set_wal()?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|e| self.err(e))?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| self.err(e))?;
        self.migrate(found)
    }

    /// Switch to WAL. Several processes opening a fresh file at once can see SQLITE_BUSY
    /// here without the busy handler being consulted, so retry for up to the busy timeout.
    fn set_wal(&self) -> Result<()> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(());
        }
        let start = std::time::Instant::now();
        loop {
            let r: rusqlite::Result<String> =
                self.conn
                    .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0));
            match r {
                Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
                Ok(mode) => {
                    return Err(StoreError::Invalid(format!(
                        "{}: could not switch to WAL (journal mode stays {mode})",
                        self.path.display()
                    )))
                }
                Err(e) if is_busy(&e) && start.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    fn migrate(&mut self, seen: u32) -> Result<()> {
        if seen >= SCHEMA_VERSION {
            return Ok(());
        }
        if seen > 0 {
            // An existing database is about to change shape: keep a copy first. Made before
            // taking the write lock; if another process migrates meanwhile the copy is merely
            // one more backup.
            backup::make(self, &format!("pre-v{}-{}", SCHEMA_VERSION, now_ms()))?;
        }
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        // Re-check under the lock: another process may have migrated while we waited.
        let current: u32 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.clone(),
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.execute_batch(sql).map_err(|source| StoreError::Sqlite {
                path: path.join(format!("migration {:04}", i + 1)),
                source,
            })?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(err)?;
        tx.commit().map_err(err)
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction, committed before returning.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let out = f(&tx).map_err(|e| match e {
            StoreError::Sql(source) => StoreError::Sqlite {
                path: path.clone(),
                source,
            },
            other => other,
        })?;
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// A setting's value.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Set (`Some`) or remove (`None`) a setting.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        self.write(|tx| {
            match value {
                Some(v) => tx.execute(
                    "INSERT INTO settings(key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, v),
                )?,
                None => tx.execute("DELETE FROM settings WHERE key = ?1", [key])?,
            };
            Ok(())
        })
    }

    /// All settings, sorted by key.
    pub fn settings(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT key, value FROM settings ORDER BY key")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The start of the study day containing `now_ms` and of the next one, in the process's
    /// local time zone (SQLite's `localtime`, which honours `TZ`), the day rolling over at
    /// `rollover_hour` (4 in tiankong).
    pub fn day_at(&self, now_ms: i64, rollover_hour: u32) -> Result<Day> {
        let h = format!("-{rollover_hour} hours");
        let back = format!("+{rollover_hour} hours");
        let start: i64 = self
            .conn
            .query_row(
                "SELECT CAST(unixepoch(?1 / 1000, 'unixepoch', 'localtime', ?2, 'start of day', ?3, 'utc') AS INTEGER)",
                (now_ms, &h, &back),
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        let end: i64 = self
            .conn
            .query_row(
                "SELECT CAST(unixepoch(?1 / 1000, 'unixepoch', 'localtime', ?2, 'start of day', '+1 day', ?3, 'utc') AS INTEGER)",
                (now_ms, &h, &back),
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(Day {
            start_ms: start * 1000,
            end_ms: end * 1000,
        })
    }

    /// Local time minus UTC at `at_ms`, in seconds (SQLite's `localtime`, honouring `TZ`):
    /// what the scheduler's `DayCtx::utc_offset_secs` wants, without a time-zone crate.
    pub fn utc_offset_secs(&self, at_ms: i64) -> Result<i32> {
        self.conn
            .query_row(
                "SELECT unixepoch(?1 / 1000, 'unixepoch', 'localtime') - ?1 / 1000",
                [at_ms],
                |r| r.get::<_, i64>(0),
            )
            .map(|s| s.clamp(-86_400, 86_400) as i32)
            .map_err(|e| self.err(e))
    }

    /// The scheduler settings stored in the database (desired retention, FSRS parameters),
    /// over the defaults. A malformed value is ignored (the default stands).
    pub fn sched_config(&self) -> Result<crate::sched::SchedConfig> {
        let mut cfg = crate::sched::SchedConfig::default();
        if let Some(r) = self
            .setting(keys::RETENTION)?
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|r| {
                (crate::config::RETENTION_MIN as f32..=crate::config::RETENTION_MAX as f32)
                    .contains(r)
            })
        {
            cfg.desired_retention = r;
        }
        if let Some(p) = self
            .setting(keys::FSRS_PARAMS)?
            .and_then(|v| serde_json::from_str::<Vec<f32>>(&v).ok())
        {
            cfg.parameters = p;
        }
        Ok(cfg)
    }

    /// The local calendar date (`YYYY-MM-DD`) of `now_ms`, for the exam countdown and backups.
    pub fn local_date(&self, now_ms: i64) -> Result<String> {
        self.conn
            .query_row(
                "SELECT date(?1 / 1000, 'unixepoch', 'localtime')",
                [now_ms],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}

/// One study day: `[start_ms, end_ms)` in Unix milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub start_ms: i64,
    pub end_ms: i64,
}

impl Day {
    /// A day from fixed boundaries (tests, or callers that computed them elsewhere).
    pub fn new(start_ms: i64, end_ms: i64) -> Day {
        Day { start_ms, end_ms }
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// The current time in Unix milliseconds (for the edges: commands and the TUI runner).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
