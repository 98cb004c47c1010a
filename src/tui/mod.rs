//! The terminal interface; the only user of ratatui and crossterm.
//!
//! Two layers. The pure core — `app` (state), `msg` (messages, effects), `keymap`, `update`,
//! `views`, `theme`, `text`, `check`, `input`, `strings` — does no I/O and is tested with
//! `TestBackend` snapshots and key scripts. The edge — `runner` (performs effects against an
//! `Engine`) and `term` (the real terminal, signals, the tty watcher) — runs it.
pub mod app;
pub mod check;
pub mod data;
pub mod db_engine;
pub mod engine;
pub mod exam;
pub mod input;
pub mod keymap;
pub mod msg;
pub mod runner;
pub mod strings;
pub mod term;
pub mod text;
pub mod theme;
pub mod update;
pub mod views;

pub use app::App;
pub use db_engine::DbEngine;
pub use engine::{Engine, EngineError};
pub use msg::{Effect, Key, Msg};
pub use runner::{dispatch, Runner};

/// Errors of the terminal edge.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// Checked before raw mode, so nothing is written to a pipe.
    #[error("{0} is not a terminal: the study interface needs one (run it in a terminal; for scripts use `tiankong stats --json` or `tiankong decks --json`)")]
    NoTerminal(&'static str),
    #[error("terminal: {0}")]
    Io(String),
}
