//! Test support shared by the integration tests (never part of the library): the TUI's
//! in-memory engine and its fixtures, and syncing a deck folder into a store.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod fake;
pub mod fixtures;
pub mod tmux;

use std::path::Path;

use tiankong::deck::fs::load_dirs;
use tiankong::store::{sync_decks, FileMeta, Store, SyncReport};

/// Load the decks of `dir` and sync them into `store` at `now`.
pub fn sync_dir(store: &mut Store, dir: &Path, now: i64) -> SyncReport {
    let coll = load_dirs(&[dir.to_path_buf()]);
    let metas: Vec<FileMeta> = coll.decks.iter().map(FileMeta::of).collect();
    let decks = sync_decks(&coll.decks, &metas);
    store.sync(&decks, now).unwrap()
}
