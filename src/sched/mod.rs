//! Scheduling: FSRS-6 through the `fsrs` crate, learning steps, fuzz, day roll-over and the
//! exam-date policy. Pure: time and randomness are passed in.
pub mod optimize;
pub mod scheduler;
pub mod types;

pub use scheduler::{
    day_index, interval_text, DayCtx, LogEntry, Outcome, SchedConfig, SchedError, Scheduler,
};
pub use types::{CardState, Phase, Rating};

/// One review of a replay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplayStep {
    pub at_ms: i64,
    pub outcome: Outcome,
}

/// Answer a new card with `ratings`, each at the moment it falls due, starting at `start_ms`.
pub fn replay_when_due(
    s: &Scheduler,
    ratings: &[Rating],
    start_ms: i64,
    ctx: &DayCtx,
) -> Result<Vec<ReplayStep>, SchedError> {
    let mut card = CardState::new_card(start_ms);
    let mut out = Vec::new();
    for r in ratings {
        let at = card.due.max(start_ms);
        let outcome = s.answer(&card, *r, at, ctx)?;
        card = outcome.next;
        out.push(ReplayStep { at_ms: at, outcome });
    }
    Ok(out)
}

/// The state a card reaches by its review log `(time ms, rating)`, from new: what `check`
/// compares with the stored state.
pub fn replay_log(
    s: &Scheduler,
    created_ms: i64,
    log: &[(i64, Rating)],
    ctx: &DayCtx,
) -> Result<CardState, SchedError> {
    let mut card = CardState::new_card(created_ms);
    for (at, r) in log {
        card = s.answer(&card, *r, *at, ctx)?.next;
    }
    Ok(card)
}
