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
    pub(super) fn start_each(&self, decks: &[DeckExam]) -> Result<(Vec<Study>, Study)> {
        let t = self.today()?;
        let base = self.store.day_base(self.tag.as_deref(), t.now_ms, &t.day)?;
        let allowance = self.allowance(&base);
        let mut ids = Vec::with_capacity(decks.len());
        for d in decks {
            ids.push(self.store.new_card_ids(
                &d.id.0,
                self.tag.as_deref(),
                t.now_ms,
                &base.held,
                allowance,
            )?);
        }
        // One read of every deck's new cards.
        let all_ids: Vec<i64> = ids.iter().flatten().copied().collect();
        let mut rows: HashMap<i64, store::CardRow> = self
            .store
            .cards_by_id(&all_ids)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let parts = self.parts(&base, &t, decks);
        let mut each = Vec::with_capacity(decks.len());
        let mut all_news = Vec::new();
        for (d, deck_ids) in decks.iter().zip(&ids) {
            let news: Vec<store::CardRow> = deck_ids
                .iter()
                .filter_map(|id| rows.get(id).cloned())
                .collect();
            // All decks: each deck's walk is a prefix of its own (same notes held back).
            let left = allowance - all_news.len().min(allowance);
            all_news.extend(news.iter().take(left).cloned());
            each.push(self.build(Some(&d.id), &parts, news));
        }
        rows.clear();
        let all = self.build(None, &parts, all_news);
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

    /// The session of `deck` from the day's base and the deck's new cards.
    fn build(&self, deck: Option<&DeckId>, day: &DayParts<'_>, news: Vec<store::CardRow>) -> Study {
        let DayParts {
            base,
            t,
            exams,
            answered,
        } = day;
        let due = base
            .due
            .iter()
            .filter(|c| deck.is_none_or(|d| &c.deck == d))
            .cloned();
        let mut rows = HashMap::new();
        let mut srows = Vec::new();
        for c in due.chain(news) {
            let held = matches!(c.state.phase, Phase::New | Phase::Review)
                && answered.contains(&(c.deck.0.as_str(), c.note.0.as_str()));
            srows.push(study::CardRow {
                id: c.id,
                note: NoteKey {
                    deck: c.deck.clone(),
                    note: c.note.clone(),
                },
                state: c.state,
                suspended: c.suspended,
                buried_until: held.then_some(t.index + 1),
                leech: c.leech,
            });
            rows.insert(c.id, c);
        }
        let ctx = StudyCtx::new(&self.sched, t.utc_offset_secs, (*exams).clone());
        let done = TodayCounts {
            new_introduced: base.new_today,
            reviews_done: base.reviews_today,
        };
        Study {
            deck: deck.cloned(),
            session: Session::new(srows, done, self.limits(), ctx, t.now_ms),
            rows,
            forced: None,
        }
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
