//! The effect runner's contract: what the TUI asks of the engine (store + session +
//! scheduler). The loop calls these for each `Effect` and feeds the result back as a `Msg`.
//! The tests' in-memory engine lives in `tests/common/fake.rs`: no test code ships in the
//! library.
use crate::config::Config;
use crate::deck::DeckId;
use crate::sched::Rating;

use super::data::{
    BrowseData, BrowseQuery, CardDetail, CardRef, HomeData, SessionSummary, StatsData, StudyStep,
};

/// An engine failure, already worded for the user (with `file:line:col` where it applies).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct EngineError(pub String);

/// What the TUI needs from the engine. Every answer must be committed before `answer` returns.
pub trait Engine {
    /// Decks with their counts, today's totals, the nearest exam.
    fn home(&mut self) -> Result<HomeData, EngineError>;
    /// Start a session on one deck or all decks; returns the first card (or Done).
    fn start(&mut self, deck: Option<&DeckId>) -> Result<StudyStep, EngineError>;
    /// Record an answer (committed), then return the next card. `peeked`: the student opened
    /// the source before the reveal (the log keeps it).
    fn answer_with(
        &mut self,
        card: CardRef,
        rating: Rating,
        duration_ms: u64,
        peeked: bool,
    ) -> Result<StudyStep, EngineError>;
    /// An answer given without peeking.
    fn answer(
        &mut self,
        card: CardRef,
        rating: Rating,
        duration_ms: u64,
    ) -> Result<StudyStep, EngineError> {
        self.answer_with(card, rating, duration_ms, false)
    }
    /// Undo the last answer, suspension or bury of this session; returns that card again.
    fn undo(&mut self) -> Result<StudyStep, EngineError>;
    fn suspend(&mut self, card: CardRef) -> Result<StudyStep, EngineError>;
    fn bury(&mut self, card: CardRef) -> Result<StudyStep, EngineError>;
    /// End the session early (Esc): the summary so far.
    fn end_session(&mut self) -> Result<SessionSummary, EngineError>;
    fn browse(&mut self, query: &BrowseQuery) -> Result<BrowseData, EngineError>;
    fn card_detail(&mut self, card: CardRef) -> Result<CardDetail, EngineError>;
    /// Suspend (true) or unsuspend (false) from the browser.
    fn set_suspended(&mut self, card: CardRef, suspended: bool) -> Result<(), EngineError>;
    fn stats(&mut self) -> Result<StatsData, EngineError>;
    /// Apply changed settings (retention, limits) to the engine; the runner has already
    /// written them to config.toml.
    fn apply_settings(&mut self, config: &Config) -> Result<(), EngineError>;
}
