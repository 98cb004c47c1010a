//! Scheduling state shared by the scheduler, the store and the study session.

/// An answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub fn from_u8(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }
    pub fn as_u8(self) -> u8 {
        self as u8
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

/// A card's scheduling state. Times are Unix milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    /// When the card is next due (ms).
    pub due: i64,
    /// FSRS memory state; 0.0 for a new card.
    pub stability: f64,
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
    /// Index into the learning or relearning steps.
    pub step: u32,
    /// Last review time (ms), if any.
    pub last_review: Option<i64>,
    /// Interval scheduled at the last review, in days (0 for a same-day step).
    pub scheduled_days: u32,
}

impl CardState {
    pub fn new_card(now_ms: i64) -> CardState {
        CardState {
            phase: Phase::New,
            due: now_ms,
            stability: 0.0,
            difficulty: 0.0,
            reps: 0,
            lapses: 0,
            step: 0,
            last_review: None,
            scheduled_days: 0,
        }
    }
}
