//! Scheduling: FSRS-6 through the `fsrs` crate, learning steps, fuzz, day roll-over and the
//! exam-date policy. Pure: time and randomness are passed in.
pub mod types;

pub use types::{CardState, Phase, Rating};
