//! The study session (pure): which card comes next, daily limits, sibling burying, leeches,
//! exam-mode ordering, counts for the UI, what is held back and why, and undo.
//!
//! The caller (store/TUI) loads the card rows, asks [`Session::next_card`], answers the card
//! with the scheduler, writes the review, then tells the session with [`Session::answered`];
//! the session says which siblings to bury and whether to suspend a leech, so the store can
//! write it. Time is passed in; nothing here reads the clock.
use std::collections::HashMap;

use crate::deck::model::{DeckId, NoteId};
use crate::sched::{day_index, retrievability, CardState, DayCtx, Outcome, Phase, Scheduler};

pub type CardId = i64;

/// Cards of one note are siblings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NoteKey {
    pub deck: DeckId,
    pub note: NoteId,
}

/// One card as the store loads it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub id: CardId,
    pub note: NoteKey,
    pub state: CardState,
    pub suspended: bool,
    /// Hidden while today's study-day index is below this.
    pub buried_until: Option<i64>,
    pub leech: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Learning cards due this soon are shown early when nothing else is left.
    pub learn_ahead_secs: u32,
    /// Days before a deck's exam (inclusive of the exam day) in which the weakest reviews go first.
    pub exam_window_days: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            new_per_day: 20,
            reviews_per_day: 200,
            learn_ahead_secs: 1200,
            exam_window_days: 7,
        }
    }
}

/// What was already done today (from the review log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TodayCounts {
    pub new_introduced: u32,
    pub reviews_done: u32,
}

/// The calendar and forgetting curve the queue needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StudyCtx {
    pub utc_offset_secs: i32,
    pub rollover_hour: u32,
    /// FSRS decay (w20), for retrievability.
    pub decay: f32,
    /// Exam study-day index per deck.
    pub exam_days: HashMap<DeckId, i64>,
}

impl StudyCtx {
    pub fn new(sched: &Scheduler, utc_offset_secs: i32, exam_days: HashMap<DeckId, i64>) -> Self {
        StudyCtx {
            utc_offset_secs,
            rollover_hour: sched.config().rollover_hour,
            decay: sched.decay(),
            exam_days,
        }
    }

    /// The scheduler's context for a card of `deck`.
    pub fn day_ctx(&self, deck: &DeckId) -> DayCtx {
        DayCtx {
            utc_offset_secs: self.utc_offset_secs,
            exam_day: self.exam_days.get(deck).copied(),
        }
    }

    fn day(&self, ms: i64) -> i64 {
        day_index(ms, self.utc_offset_secs, self.rollover_hour)
    }
}

/// Cards left in today's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

/// Something the session holds back or changed, for the UI to say instead of letting cards
/// vanish silently.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Sibling cards buried until tomorrow (today's answers and earlier ones).
    SiblingsTomorrow { cards: usize },
    /// A card became a leech and was suspended.
    LeechSuspended { card: CardId },
    /// New cards beyond the daily limit.
    NewLimitReached { held: usize, limit: u32 },
    /// Due reviews beyond the daily limit.
    ReviewLimitReached { held: usize, limit: u32 },
    /// A deck is in its exam window: weakest cards first.
    ExamFocus { deck: DeckId, days_left: i64 },
}

/// An action that can be undone, with what the caller must write back.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoEntry {
    /// An answer: restore `state_before`, delete the log row, unbury `unbury` and (if
    /// `unsuspend_leech`) unsuspend and untag.
    Answer {
        card: CardId,
        state_before: CardState,
        log_row_id: i64,
        unbury: Vec<CardId>,
        unsuspend_leech: bool,
    },
    /// A card taken out by hand: unsuspend or unbury it.
    Removed { card: CardId, how: Removal },
}

impl UndoEntry {
    /// The card the undone action was about (shown again next).
    pub fn card(&self) -> CardId {
        match self {
            UndoEntry::Answer { card, .. } | UndoEntry::Removed { card, .. } => *card,
        }
    }
}

/// How a card was taken out of today's session by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Suspended,
    Buried,
}

/// What this session has answered: the numbers the header and the summary both show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub answered: u32,
    /// Answers other than Again.
    pub correct: u32,
    pub duration_ms: u64,
}

/// What the store must write after an answer (besides the card state and the review).
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// Siblings to bury: set their `buried_until` to `buried_until`.
    pub bury: Vec<CardId>,
    pub buried_until: i64,
    /// The card became a leech: suspend it and tag it `leech`.
    pub suspend_leech: bool,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum StudyError {
    #[error("study session: card {0} is not in this session")]
    UnknownCard(CardId),
}

/// Where a card is in today's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Learning,
    Review,
    New,
    /// Answered and not due again today.
    Done,
    /// Buried as a sibling today.
    Buried,
    /// Suspended as a leech today.
    Suspended,
    /// Suspended or buried by hand during the session.
    Removed,
    /// Not part of today's session at all.
    Out,
}

/// What undo needs beyond the public entry.
#[derive(Debug, Clone)]
struct Restore {
    entry: UndoEntry,
    idx: usize,
    slot: Slot,
    row: CardRow,
    today: TodayCounts,
    shown_new: usize,
    shown_reviews: usize,
    buried_today: usize,
    leeches: usize,
    tally: Tally,
}

/// The day's new cards: walks `cards` (new cards in introduction order: by note, then by
/// card) and takes each note's first card whose note is not `held` back, until `allowance`
/// cards are taken. A note's later cards and held-back notes never use the allowance, so the
/// cards taken are exactly the new cards a session serves today. Lazy: stops reading `cards`
/// once the allowance is used.
pub fn take_new<T, K: Eq + std::hash::Hash>(
    cards: impl IntoIterator<Item = T>,
    mut note_of: impl FnMut(&T) -> K,
    mut held: impl FnMut(&K) -> bool,
    allowance: usize,
) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    if allowance == 0 {
        return out;
    }
    for card in cards {
        let note = note_of(&card);
        if held(&note) || !seen.insert(note) {
            continue;
        }
        out.push(card);
        if out.len() >= allowance {
            break;
        }
    }
    out
}

/// Undo keeps this many answers.
const UNDO_DEPTH: usize = 50;

#[derive(Debug, Clone)]
pub struct Session {
    ctx: StudyCtx,
    limits: Limits,
    today: i64,
    rows: Vec<CardRow>,
    slots: Vec<Slot>,
    by_id: HashMap<CardId, usize>,
    by_note: HashMap<NoteKey, Vec<usize>>,
    /// Today's reviews and new cards in the order they are shown (indices into `rows`).
    review_order: Vec<usize>,
    new_order: Vec<usize>,
    /// At session start, for interleaving.
    review_total: usize,
    new_total: usize,
    shown_new: usize,
    shown_reviews: usize,
    done_today: TodayCounts,
    buried_at_start: usize,
    buried_today: usize,
    leeches: Vec<CardId>,
    tally: Tally,
    new_held: usize,
    review_held: usize,
    exam_decks: Vec<(DeckId, i64)>,
    undo: Vec<Restore>,
}

impl Session {
    /// Builds today's queue from every card of the decks being studied.
    pub fn new(
        cards: Vec<CardRow>,
        done_today: TodayCounts,
        limits: Limits,
        ctx: StudyCtx,
        now_ms: i64,
    ) -> Session {
        let today = ctx.day(now_ms);
        let mut slots = vec![Slot::Out; cards.len()];
        let mut by_id = HashMap::with_capacity(cards.len());
        let mut by_note: HashMap<NoteKey, Vec<usize>> = HashMap::new();
        let mut reviews = Vec::new();
        let mut news = Vec::new();
        let mut buried_at_start = 0;
        let in_exam_window = |deck: &DeckId| {
            ctx.exam_days.get(deck).is_some_and(|&exam| {
                today <= exam && today >= exam - i64::from(limits.exam_window_days)
            })
        };
        for (i, row) in cards.iter().enumerate() {
            by_id.insert(row.id, i);
            by_note.entry(row.note.clone()).or_default().push(i);
            if row.suspended {
                continue;
            }
            if row.buried_until.is_some_and(|until| until > today) {
                buried_at_start += 1;
                continue;
            }
            match row.state.phase {
                Phase::Learning | Phase::Relearning => {
                    if ctx.day(row.state.due) <= today {
                        slots[i] = Slot::Learning;
                    }
                }
                Phase::Review => {
                    if ctx.day(row.state.due) <= today {
                        reviews.push(i);
                    }
                }
                Phase::New => news.push(i),
            }
        }
        // Exam-window cards first, weakest first; the rest by due time. Ties by card id.
        let key = |i: usize| {
            let row = &cards[i];
            if in_exam_window(&row.note.deck) {
                let r = retrievability(
                    &row.state,
                    now_ms,
                    &ctx.day_ctx(&row.note.deck),
                    ctx.rollover_hour,
                    ctx.decay,
                );
                (0, f64::from(r), 0, row.id)
            } else {
                (1, 0.0, row.state.due, row.id)
            }
        };
        reviews.sort_by(|&a, &b| {
            let (ka, kb) = (key(a), key(b));
            ka.0.cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(ka.2.cmp(&kb.2))
                .then(ka.3.cmp(&kb.3))
        });
        let review_left = limits
            .reviews_per_day
            .saturating_sub(done_today.reviews_done) as usize;
        let new_left = limits.new_per_day.saturating_sub(done_today.new_introduced) as usize;
        let review_held = reviews.len().saturating_sub(review_left);
        let new_held = news.len().saturating_sub(new_left);
        reviews.truncate(review_left);
        news.truncate(new_left);
        for &i in &reviews {
            slots[i] = Slot::Review;
        }
        for &i in &news {
            slots[i] = Slot::New;
        }
        let mut exam_decks: Vec<(DeckId, i64)> = ctx
            .exam_days
            .iter()
            .filter(|(deck, _)| in_exam_window(deck))
            .map(|(deck, &exam)| (deck.clone(), exam - today))
            .collect();
        exam_decks.sort();
        Session {
            today,
            limits,
            review_total: reviews.len(),
            new_total: news.len(),
            review_order: reviews,
            new_order: news,
            rows: cards,
            slots,
            by_id,
            by_note,
            shown_new: 0,
            shown_reviews: 0,
            done_today,
            buried_at_start,
            buried_today: 0,
            leeches: Vec::new(),
            tally: Tally::default(),
            new_held,
            review_held,
            exam_decks,
            undo: Vec::new(),
            ctx,
        }
    }

    /// Today's study-day index.
    pub fn today(&self) -> i64 {
        self.today
    }

    pub fn card(&self, id: CardId) -> Option<&CardRow> {
        self.by_id.get(&id).map(|&i| &self.rows[i])
    }

    /// The scheduler context for a card in this session.
    pub fn day_ctx(&self, id: CardId) -> Option<DayCtx> {
        self.card(id).map(|row| self.ctx.day_ctx(&row.note.deck))
    }

    /// The card to show at `now_ms`: learning cards due now, then reviews and new cards
    /// interleaved evenly, then learning cards due within the learn-ahead limit.
    pub fn next_card(&self, now_ms: i64) -> Option<CardId> {
        if let Some(i) = self.earliest_learning(now_ms) {
            return Some(self.rows[i].id);
        }
        let review = self.first_queued(&self.review_order, Slot::Review);
        let new = self.first_queued(&self.new_order, Slot::New);
        let pick = match (review, new) {
            (Some(r), Some(n)) => {
                // Show a new card when fewer have been shown than the start ratio allows.
                if self.shown_new * self.review_total < self.shown_reviews * self.new_total {
                    Some(n)
                } else {
                    Some(r)
                }
            }
            (r, n) => r.or(n),
        };
        pick.or_else(|| {
            self.earliest_learning(now_ms + i64::from(self.limits.learn_ahead_secs) * 1000)
        })
        .map(|i| self.rows[i].id)
    }

    /// When the next learning card falls due, if one is left today (to wait for it).
    pub fn next_learning_due(&self) -> Option<i64> {
        self.earliest_learning(i64::MAX)
            .map(|i| self.rows[i].state.due)
    }

    fn earliest_learning(&self, until_ms: i64) -> Option<usize> {
        self.slots
            .iter()
            .enumerate()
            .filter(|&(i, &s)| s == Slot::Learning && self.rows[i].state.due <= until_ms)
            .min_by_key(|&(i, _)| (self.rows[i].state.due, self.rows[i].id))
            .map(|(i, _)| i)
    }

    fn first_queued(&self, order: &[usize], slot: Slot) -> Option<usize> {
        order.iter().copied().find(|&i| self.slots[i] == slot)
    }

    /// Records an answer already written by the caller (`log_row_id` is its review-log row,
    /// `duration_ms` the time the student took).
    pub fn answered(
        &mut self,
        card: CardId,
        outcome: &Outcome,
        log_row_id: i64,
        duration_ms: u64,
    ) -> Result<Answered, StudyError> {
        let idx = *self.by_id.get(&card).ok_or(StudyError::UnknownCard(card))?;
        let slot_before = self.slots[idx];
        let row_before = self.rows[idx].clone();
        let mut restore = self.restore_point(idx);
        let mut unbury = Vec::new();
        let mut unsuspend_leech = false;
        self.tally.answered += 1;
        self.tally.duration_ms += duration_ms;
        if outcome.log.rating != crate::sched::Rating::Again {
            self.tally.correct += 1;
        }
        match outcome.log.phase_before {
            Phase::New => {
                self.done_today.new_introduced += 1;
            }
            Phase::Review => self.done_today.reviews_done += 1,
            Phase::Learning | Phase::Relearning => {}
        }
        match slot_before {
            Slot::New => self.shown_new += 1,
            Slot::Review => self.shown_reviews += 1,
            _ => {}
        }
        let row = &mut self.rows[idx];
        row.state = outcome.next;
        let suspend_leech = outcome.became_leech;
        self.slots[idx] = if suspend_leech {
            row.suspended = true;
            row.leech = true;
            self.leeches.push(card);
            unsuspend_leech = true;
            Slot::Suspended
        } else if matches!(outcome.next.phase, Phase::Learning | Phase::Relearning)
            && self.ctx.day(outcome.next.due) <= self.today
        {
            Slot::Learning
        } else {
            Slot::Done
        };
        // Siblings waiting today as new or review cards go to tomorrow.
        let note = self.rows[idx].note.clone();
        let mut bury = Vec::new();
        for &j in self.by_note.get(&note).map(Vec::as_slice).unwrap_or(&[]) {
            if j != idx && matches!(self.slots[j], Slot::New | Slot::Review) {
                unbury.push(self.rows[j].id);
                self.slots[j] = Slot::Buried;
                self.rows[j].buried_until = Some(self.today + 1);
                bury.push(self.rows[j].id);
            }
        }
        self.buried_today += bury.len();
        restore.entry = UndoEntry::Answer {
            card,
            state_before: row_before.state,
            log_row_id,
            unbury,
            unsuspend_leech,
        };
        self.push_undo(restore);
        Ok(Answered {
            bury,
            buried_until: self.today + 1,
            suspend_leech,
        })
    }

    fn restore_point(&self, idx: usize) -> Restore {
        Restore {
            entry: UndoEntry::Removed {
                card: self.rows[idx].id,
                how: Removal::Buried,
            },
            idx,
            slot: self.slots[idx],
            row: self.rows[idx].clone(),
            today: self.done_today,
            shown_new: self.shown_new,
            shown_reviews: self.shown_reviews,
            buried_today: self.buried_today,
            leeches: self.leeches.len(),
            tally: self.tally,
        }
    }

    fn push_undo(&mut self, r: Restore) {
        self.undo.push(r);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Takes a card out of today's session (suspended or buried by hand; the caller writes
    /// it). The rest of the queue stays as it is: nothing refills the place it leaves.
    pub fn remove(&mut self, card: CardId, how: Removal) -> Result<(), StudyError> {
        let idx = *self.by_id.get(&card).ok_or(StudyError::UnknownCard(card))?;
        let mut restore = self.restore_point(idx);
        restore.entry = UndoEntry::Removed { card, how };
        self.slots[idx] = Slot::Removed;
        match how {
            Removal::Suspended => self.rows[idx].suspended = true,
            Removal::Buried => self.rows[idx].buried_until = Some(self.today + 1),
        }
        self.push_undo(restore);
        Ok(())
    }

    /// A card changed outside this session (answered or suspended in another one): keep its
    /// new state and take it out of today's queue. Not undoable here: it was not done here.
    pub fn forget(&mut self, card: CardId, state: CardState) -> Result<(), StudyError> {
        let idx = *self.by_id.get(&card).ok_or(StudyError::UnknownCard(card))?;
        self.rows[idx].state = state;
        self.slots[idx] = Slot::Done;
        Ok(())
    }

    /// Takes back the most recent answer or removal; the caller restores the card, deletes
    /// the log row, and unburies/unsuspends as the entry says.
    pub fn undo(&mut self) -> Option<UndoEntry> {
        let r = self.undo.pop()?;
        let unbury: &[CardId] = match &r.entry {
            UndoEntry::Answer { unbury, .. } => unbury,
            UndoEntry::Removed { .. } => &[],
        };
        for &id in unbury {
            if let Some(&j) = self.by_id.get(&id) {
                // Only New or Review siblings were buried; their phase tells which.
                self.slots[j] = if self.rows[j].state.phase == Phase::New {
                    Slot::New
                } else {
                    Slot::Review
                };
                self.rows[j].buried_until = None;
            }
        }
        self.slots[r.idx] = r.slot;
        self.rows[r.idx] = r.row;
        self.done_today = r.today;
        self.shown_new = r.shown_new;
        self.shown_reviews = r.shown_reviews;
        self.buried_today = r.buried_today;
        self.leeches.truncate(r.leeches);
        self.tally = r.tally;
        Some(r.entry)
    }

    /// What this session has answered so far (undo takes an answer back out).
    pub fn tally(&self) -> Tally {
        self.tally
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Cards left today.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for s in &self.slots {
            match s {
                Slot::New => c.new += 1,
                Slot::Learning => c.learning += 1,
                Slot::Review => c.review += 1,
                _ => {}
            }
        }
        c
    }

    /// What was answered today so far (including before this session).
    pub fn done_today(&self) -> TodayCounts {
        self.done_today
    }

    /// What the session holds back and why.
    pub fn held_back(&self) -> Vec<Notice> {
        let mut out = Vec::new();
        let siblings = self.buried_at_start + self.buried_today;
        if siblings > 0 {
            out.push(Notice::SiblingsTomorrow { cards: siblings });
        }
        out.extend(
            self.leeches
                .iter()
                .map(|&card| Notice::LeechSuspended { card }),
        );
        if self.new_held > 0 {
            out.push(Notice::NewLimitReached {
                held: self.new_held,
                limit: self.limits.new_per_day,
            });
        }
        if self.review_held > 0 {
            out.push(Notice::ReviewLimitReached {
                held: self.review_held,
                limit: self.limits.reviews_per_day,
            });
        }
        out.extend(
            self.exam_decks
                .iter()
                .map(|(deck, days_left)| Notice::ExamFocus {
                    deck: deck.clone(),
                    days_left: *days_left,
                }),
        );
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
