//! A study session over the store: today's queue ([`Collection::start`]), the next card,
//! answers committed before the session hears of them, undo, and taking a card out (suspend,
//! bury). The pure [`crate::study::Session`] owns the queue and the undo stack; this module
//! writes what it decides.
use std::collections::{HashMap, HashSet};

use crate::deck::DeckId;
use crate::sched::{CardState, Outcome, Phase, Rating};
use crate::store::{self, DayBase, LogRow, StoreError};
use crate::study::{self, Counts, NoteKey, Notice, Removal, Session, StudyCtx, Tally, TodayCounts};

use super::{AppError, Collection, DeckExam, Result, Today};

/// A store row as the session sees it: a new or review card of a note answered today waits
/// for tomorrow (its sibling's answer holds it back).
fn study_row(c: &store::CardRow, answered: &HashSet<(&str, &str)>, today: i64) -> study::CardRow {
    let held = matches!(c.state.phase, Phase::New | Phase::Review)
        && answered.contains(&(c.deck.0.as_str(), c.note.0.as_str()));
    study::CardRow {
        id: c.id,
        note: NoteKey {
            deck: c.deck.clone(),
            note: c.note.clone(),
        },
        state: c.state,
        suspended: c.suspended,
        buried_until: held.then_some(today + 1),
        leech: c.leech,
    }
}

/// A new card known by id and note (the counts need no more): never held (the walk skipped
/// held notes), unsuspended, unburied.
fn new_row(id: i64, deck: &DeckId, note: String, now_ms: i64) -> study::CardRow {
    study::CardRow {
        id,
        note: NoteKey {
            deck: deck.clone(),
            note: crate::deck::NoteId(note),
        },
        state: crate::sched::CardState::new_card(now_ms),
        suspended: false,
        buried_until: None,
        leech: false,
    }
}

/// The day's base and what every session built from it shares.
struct DayParts<'a> {
    base: &'a DayBase,
    t: &'a Today,
    exams: HashMap<DeckId, i64>,
    answered: HashSet<(&'a str, &'a str)>,
}

/// One study session in progress.
#[derive(Debug, Clone)]
pub struct Study {
    pub deck: Option<DeckId>,
    session: Session,
    /// The store rows of the session's cards (key, slot, note), by id.
    rows: HashMap<i64, store::CardRow>,
    /// Shown next regardless of the queue (the card an undo brought back).
    forced: Option<i64>,
}

/// What an answer changed besides the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    /// Sibling cards held back until tomorrow by this answer.
    pub siblings_held: usize,
    /// The card became a leech and was suspended.
    pub leech: bool,
}

/// The end of a session: what was answered, and what waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub tally: Tally,
    /// Cards left in today's queue (0 unless the session was ended early).
    pub left: Counts,
    /// Cards due tomorrow.
    pub tomorrow: u32,
    /// Sibling cards held back for another day.
    pub held_back: u32,
}

impl Study {
    /// Cards left today: the numbers the header and home show.
    pub fn counts(&self) -> Counts {
        self.session.counts()
    }

    pub fn tally(&self) -> Tally {
        self.session.tally()
    }

    pub fn can_undo(&self) -> bool {
        self.session.can_undo()
    }

    /// The store row of a card in this session.
    pub fn row(&self, id: i64) -> Option<&store::CardRow> {
        self.rows.get(&id)
    }

    /// A card's current state as the session knows it.
    pub fn state(&self, id: i64) -> Option<CardState> {
        self.session.card(id).map(|c| c.state)
    }

    pub fn held_back(&self) -> Vec<Notice> {
        self.session.held_back()
    }

    /// Sibling cards held back for another day.
    pub fn siblings_held(&self) -> u32 {
        self.session
            .held_back()
            .iter()
            .map(|n| match n {
                Notice::SiblingsTomorrow { cards } => *cards as u32,
                _ => 0,
            })
            .sum()
    }

    /// The scheduler's context for a card of this session.
    pub fn day_ctx(&self, id: i64) -> Option<crate::sched::DayCtx> {
        self.session.day_ctx(id)
    }
}

impl Collection {
    /// Today's session of `deck` (all decks when `None`).
    pub fn start(&self, deck: Option<&DeckId>) -> Result<Study> {
        let decks = self.deck_exams()?;
        self.start_with(deck, &decks)
    }

    /// Today's queue: due learning and review cards, and the day's new cards (each note's
    /// first card not held back, up to what the daily limit leaves), with notes answered
    /// earlier today (here or in another session) holding their waiting siblings back.
    pub(super) fn start_with(&self, deck: Option<&DeckId>, decks: &[DeckExam]) -> Result<Study> {
        let t = self.today()?;
        let base = self.store.day_base(self.tag.as_deref(), t.now_ms, &t.day)?;
        let allowance = self.allowance(&base);
        let news = match deck {
            Some(d) => {
                self.store
                    .new_cards(&d.0, self.tag.as_deref(), t.now_ms, &base.held, allowance)?
            }
            None => {
                let mut news = Vec::new();
                for d in decks {
                    let left = allowance - news.len();
                    if left == 0 {
                        break;
                    }
                    news.extend(self.store.new_cards(
                        &d.id.0,
                        self.tag.as_deref(),
                        t.now_ms,
                        &base.held,
                        left,
                    )?);
                }
                news
            }
        };
        let parts = self.parts(&base, &t, decks);
        Ok(self.build(deck, &parts, news))
    }

    /// Today's study of every deck and of all decks together, from one read of the day:
    /// the same [`Collection::build`] a session starts from.
    /// Today's counts of every deck and of all decks together, from one read of the day: the
    /// same session a study of the deck starts ([`Collection::session_of`]), its new cards
    /// known by id and note only (what the counts need).
    pub(super) fn counts_each(&self, decks: &[DeckExam]) -> Result<(Vec<Counts>, Counts)> {
        let t = self.today()?;
        let base = self.store.day_base(self.tag.as_deref(), t.now_ms, &t.day)?;
        let allowance = self.allowance(&base);
        let parts = self.parts(&base, &t, decks);
        // The due cards by deck, once.
        let mut due_by_deck: HashMap<&str, Vec<&store::CardRow>> = HashMap::new();
        for c in &base.due {
            due_by_deck.entry(c.deck.0.as_str()).or_default().push(c);
        }
        let mut each = Vec::with_capacity(decks.len());
        let mut all_news = Vec::new();
        for d in decks {
            let news: Vec<study::CardRow> = self
                .store
                .new_card_notes(
                    &d.id.0,
                    self.tag.as_deref(),
                    t.now_ms,
                    &base.held,
                    allowance,
                )?
                .into_iter()
                .map(|(id, note)| new_row(id, &d.id, note, t.now_ms))
                .collect();
            // All decks: each deck's walk is a prefix of its own (same notes held back).
            let left = allowance - all_news.len().min(allowance);
            all_news.extend(news.iter().take(left).cloned());
            let due = due_by_deck
                .get(d.id.0.as_str())
                .map_or(&[][..], Vec::as_slice);
            each.push(self.session_of(&parts, due.iter().copied(), news).counts());
        }
        let all = self.session_of(&parts, base.due.iter(), all_news).counts();
        Ok((each, all))
    }

    /// What every build of one moment shares, computed once.
    fn parts<'a>(&self, base: &'a DayBase, t: &'a Today, decks: &[DeckExam]) -> DayParts<'a> {
        DayParts {
            base,
            t,
            exams: self.exam_days(decks),
            answered: base
                .notes_answered_today
                .iter()
                .map(|(d, n)| (d.0.as_str(), n.0.as_str()))
                .collect(),
        }
    }

    fn allowance(&self, base: &DayBase) -> usize {
        self.limits().new_per_day.saturating_sub(base.new_today) as usize
    }

    /// A study of `deck` from the day's parts and the deck's new cards (full store rows: the
    /// cards will be shown).
    fn build(&self, deck: Option<&DeckId>, day: &DayParts<'_>, news: Vec<store::CardRow>) -> Study {
        let due: Vec<&store::CardRow> = day
            .base
            .due
            .iter()
            .filter(|c| deck.is_none_or(|d| &c.deck == d))
            .collect();
        let new_rows = news
            .iter()
            .map(|c| study_row(c, &day.answered, day.t.index))
            .collect();
        let session = self.session_of(day, due.iter().copied(), new_rows);
        let rows = due
            .into_iter()
            .cloned()
            .chain(news)
            .map(|c| (c.id, c))
            .collect();
        Study {
            deck: deck.cloned(),
            session,
            rows,
            forced: None,
        }
    }

    /// The one place a day's session is made: the due cards (siblings of notes answered today
    /// held back) and the new cards, with today's limits and what was done today.
    fn session_of<'r>(
        &self,
        day: &DayParts<'_>,
        due: impl Iterator<Item = &'r store::CardRow>,
        news: Vec<study::CardRow>,
    ) -> Session {
        let mut srows: Vec<study::CardRow> = due
            .map(|c| study_row(c, &day.answered, day.t.index))
            .collect();
        srows.extend(news);
        let ctx = StudyCtx::new(&self.sched, day.t.utc_offset_secs, day.exams.clone());
        let done = TodayCounts {
            new_introduced: day.base.new_today,
            reviews_done: day.base.reviews_today,
        };
        Session::new(srows, done, self.limits(), ctx, day.t.now_ms)
    }

    /// The card to show next, or `None` when the session is over. The card is re-read from
    /// the database first: one answered meanwhile in another session is not shown again.
    pub fn next_card(&mut self, study: &mut Study) -> Result<Option<i64>> {
        let now = self.now();
        loop {
            let forced = study.forced.take().filter(|id| {
                study
                    .session
                    .card(*id)
                    .is_some_and(|c| !c.suspended && study.rows.contains_key(id))
            });
            let Some(id) = forced.or_else(|| study.session.next_card(now)) else {
                return Ok(None);
            };
            let fresh = self.store.card(id)?;
            let known = study.session.card(id).map(|c| c.state);
            if forced.is_some() || known == Some(fresh.state) && !fresh.suspended {
                return Ok(Some(id));
            }
            // Changed elsewhere (answered, suspended): take it out of this session quietly.
            study.session.forget(id, fresh.state)?;
        }
    }

    /// The four outcomes a card would get now (for the rating bar).
    pub fn preview(&self, study: &Study, id: i64) -> Result<[Outcome; 4]> {
        let state = study.state(id).ok_or(AppError::NoCard(id))?;
        let ctx = study.day_ctx(id).ok_or(AppError::NoCard(id))?;
        Ok(self.sched.preview(&state, self.now(), &ctx, id as u64)?)
    }

    /// Answer a card: compute, commit, tell the session, write what it asks for.
    pub fn answer(
        &mut self,
        study: &mut Study,
        id: i64,
        rating: Rating,
        duration_ms: u64,
    ) -> Result<Answer> {
        self.answer_peeked(study, id, rating, duration_ms, false)
    }

    /// [`Collection::answer`], saying whether the student looked at the source before the
    /// reveal (kept in the review log).
    pub fn answer_peeked(
        &mut self,
        study: &mut Study,
        id: i64,
        rating: Rating,
        duration_ms: u64,
        peeked: bool,
    ) -> Result<Answer> {
        let now = self.now();
        let mut before = study.state(id).ok_or(AppError::NoCard(id))?;
        let ctx = study.day_ctx(id).ok_or(AppError::NoCard(id))?;
        let dur = duration_ms.min(u64::from(u32::MAX)) as u32;
        let mut outcome = self.sched.answer(&before, rating, now, &ctx, id as u64)?;
        let log_id = match self.store.record_answer_peeked(
            id,
            &before,
            &outcome.next,
            &LogRow::from_outcome(&outcome, now, dur),
            peeked,
        ) {
            Ok(l) => l,
            // Another session answered this card after it was shown here: the student
            // answered it here too, so record this answer on top of its current state.
            Err(StoreError::Stale(_)) => {
                before = self.store.card(id)?.state;
                outcome = self.sched.answer(&before, rating, now, &ctx, id as u64)?;
                self.store.record_answer_peeked(
                    id,
                    &before,
                    &outcome.next,
                    &LogRow::from_outcome(&outcome, now, dur),
                    peeked,
                )?
            }
            Err(e) => return Err(e.into()),
        };
        let a = study
            .session
            .answered(id, &outcome, log_id, u64::from(dur))?;
        // Siblings are held back by the session now and, in any later session today, by
        // `start` from the committed review log. They are not also written one by one: each
        // write is its own fsync'd transaction on the answer's path.
        if a.suspend_leech {
            self.store.set_suspended(id, true)?;
            self.store.set_leech(id, true)?;
        }
        Ok(Answer {
            siblings_held: a.bury.len(),
            leech: a.suspend_leech,
        })
    }

    /// Take back the session's last answer or removal; returns the card, shown next.
    pub fn undo(&mut self, study: &mut Study) -> Result<Option<i64>> {
        let Some(entry) = study.session.undo() else {
            return Ok(None);
        };
        match &entry {
            study::UndoEntry::Answer {
                card,
                state_before,
                log_row_id,
                unsuspend_leech,
                ..
            } => {
                self.store.undo(*log_row_id, state_before)?;
                if *unsuspend_leech {
                    self.store.set_suspended(*card, false)?;
                    self.store.set_leech(*card, false)?;
                }
            }
            study::UndoEntry::Removed { card, how } => match how {
                Removal::Suspended => self.store.set_suspended(*card, false)?,
                Removal::Buried => self.store.bury(*card, 0)?,
            },
        }
        let card = entry.card();
        study.forced = Some(card);
        Ok(Some(card))
    }

    /// Suspend or bury a card of the session: written, and out of today's queue without
    /// refilling it.
    pub fn remove(&mut self, study: &mut Study, id: i64, how: Removal) -> Result<()> {
        match how {
            Removal::Suspended => self.store.set_suspended(id, true)?,
            Removal::Buried => {
                let t = self.today()?;
                self.store.bury(id, t.day.end_ms)?;
            }
        }
        study.session.remove(id, how)?;
        Ok(())
    }

    /// The session's summary now.
    pub fn summary(&self, study: &Study) -> Result<Summary> {
        let t: Today = self.today()?;
        let tomorrow = self.store.forecast(&t.day, 2)?.get(1).copied().unwrap_or(0);
        Ok(Summary {
            tally: study.tally(),
            left: study.counts(),
            tomorrow,
            held_back: study.siblings_held(),
        })
    }
}
