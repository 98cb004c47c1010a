//! tiankong (填空): Chinese study texts to cloze cards, scheduled with FSRS.
//!
//! Arrows point inward: `cli -> cmd/tui -> store -> core` (corpus, extract, segment, cloze,
//! deck, sched, study). Core modules never read the clock, the environment, a global RNG or
//! the terminal.
pub mod app;
pub mod cli;
pub mod cloze;
pub mod cmd;
pub mod config;
pub mod corpus;
pub mod deck;
pub mod exam;
pub mod extract;
pub mod fsutil;
pub mod generate;
pub mod i18n;
pub mod interop;
pub mod report;
pub mod sched;
pub mod segment;
pub mod store;
pub mod study;
pub mod tui;

/// Every binary that links the library (the `tiankong` program, its tests, benches and
/// examples) allocates with mimalloc: list extraction builds many short strings, and glibc's
/// allocator took about a sixth of its time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
