//! The one place files are written so that a reader sees the old content or the new, never
//! half of either: write a temporary file in the same folder, fsync it, then rename (or
//! hard-link, when the target must not exist yet).
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: already exists; not overwritten", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Replace `path` with `text` atomically.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), WriteError> {
    let tmp = temp_path(path);
    let result = write_synced(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Like [`write_atomic`], but never replaces an existing file: the temporary file is
/// hard-linked to `path`, which fails if `path` exists (no window between check and write).
pub fn write_new_atomic(path: &Path, text: &str) -> Result<(), WriteError> {
    let tmp = temp_path(path);
    let result = write_synced(&tmp, text).and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        r => r.map_err(|source| WriteError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = format!(".{name}.{}.tmp", std::process::id());
    dir.map_or_else(|| PathBuf::from(&tmp), |d| d.join(&tmp))
}

fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        write_atomic(&p, "one").unwrap();
        write_atomic(&p, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert!(matches!(
            write_new_atomic(&p, "three"),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        // No temporary file is left behind either way.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
