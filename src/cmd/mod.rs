//! One module per subcommand: the edge where core, store and terminal meet. Each `run`
//! returns the process exit code; errors are printed by `cli::main`.
pub mod check;
pub mod decks;
pub mod exam;
pub mod export;
pub mod generate;
pub mod import;
pub mod lint;
pub mod optimize;
pub mod preview;
pub mod report;
pub mod sched;
pub mod simulate;
pub mod stats;
pub mod study;
pub mod update;
