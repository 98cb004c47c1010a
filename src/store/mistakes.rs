//! The mistake book (错题本): wrong answers of mock papers, per deck, with the date and the
//! student's answer; and sending their cards back into the schedule as lapses, through the
//! one answer path (`Store::record_answer`). Nothing here changes a card unless asked to.
use std::collections::HashSet;

use rusqlite::params;

use super::{LogRow, Result, Store};
use crate::cloze::Slot;
use crate::deck::{DeckId, NoteId};
use crate::sched::{DayCtx, Rating, Scheduler};

/// A wrong answer to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMistake {
    pub deck: DeckId,
    pub note: NoteId,
    /// The card the question tested.
    pub slot: Slot,
    /// The question type (`single`, `blank`, …).
    pub kind: String,
    pub stem: String,
    /// The right answer as shown to the student.
    pub answer: String,
    /// The student's answer as shown.
    pub given: String,
}

/// A row of the mistake book.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    pub id: i64,
    pub entry: NewMistake,
    pub time_ms: i64,
    /// Local date of the paper, `YYYY-MM-DD`.
    pub date: String,
    /// When its card was sent back as a lapse.
    pub sent_back_ms: Option<i64>,
}

/// What sending mistakes back did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentBack {
    /// Cards answered Again.
    pub cards: usize,
    /// Mistakes whose card no longer exists in a deck (the note or item left).
    pub missing: usize,
}

fn slot_text(s: &Slot) -> String {
    match s {
        Slot::Item(i) => format!("item:{i}"),
        Slot::Whole => "whole".to_string(),
        Slot::Group(g) => format!("group:{g}"),
    }
}

fn parse_slot(s: &str) -> Slot {
    match s.split_once(':') {
        Some(("item", n)) => n.parse().map(Slot::Item).unwrap_or(Slot::Whole),
        Some(("group", n)) => n.parse().map(Slot::Group).unwrap_or(Slot::Whole),
        _ => Slot::Whole,
    }
}

impl Store {
    /// Add wrong answers given at `now_ms`, all in one transaction.
    pub fn add_mistakes(&mut self, rows: &[NewMistake], now_ms: i64) -> Result<usize> {
        let date = self.local_date(now_ms)?;
        self.write(|tx| {
            let mut st = tx.prepare_cached(
                "INSERT INTO mistakes (deck_id, note_id, slot, kind, stem, answer, given, time_ms, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for m in rows {
                st.execute(params![
                    m.deck.0,
                    m.note.0,
                    slot_text(&m.slot),
                    m.kind,
                    m.stem,
                    m.answer,
                    m.given,
                    now_ms,
                    date
                ])?;
            }
            Ok(rows.len())
        })
    }

    /// The mistake book, newest first; one deck or all.
    pub fn mistakes(&self, deck: Option<&DeckId>) -> Result<Vec<Mistake>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, deck_id, note_id, slot, kind, stem, answer, given, time_ms, date, sent_back_ms
                 FROM mistakes WHERE (?1 IS NULL OR deck_id = ?1) ORDER BY time_ms DESC, id DESC",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([deck.map(|d| d.0.as_str())], |r| {
                Ok(Mistake {
                    id: r.get(0)?,
                    entry: NewMistake {
                        deck: DeckId(r.get(1)?),
                        note: NoteId(r.get(2)?),
                        slot: parse_slot(&r.get::<_, String>(3)?),
                        kind: r.get(4)?,
                        stem: r.get(5)?,
                        answer: r.get(6)?,
                        given: r.get(7)?,
                    },
                    time_ms: r.get(8)?,
                    date: r.get(9)?,
                    sent_back_ms: r.get(10)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Send the cards of mistakes `ids` back into the schedule: each card (once, however many
    /// of its mistakes are listed) is answered Again at `now_ms` through
    /// [`Store::record_answer`], so the review log gains an ordinary answer row — a lapse for
    /// a card in review. `ctx` gives the scheduler's day context of a deck (its exam date).
    pub fn send_back_as_lapses(
        &mut self,
        ids: &[i64],
        sched: &Scheduler,
        now_ms: i64,
        ctx: &dyn Fn(&DeckId) -> DayCtx,
    ) -> Result<SentBack> {
        let wanted: HashSet<i64> = ids.iter().copied().collect();
        let book: Vec<Mistake> = self
            .mistakes(None)?
            .into_iter()
            .filter(|m| wanted.contains(&m.id))
            .collect();
        let mut out = SentBack::default();
        let mut done: HashSet<i64> = HashSet::new();
        for m in &book {
            let card = self
                .note_cards(&m.entry.deck, &m.entry.note)?
                .into_iter()
                .find(|c| c.slot == m.entry.slot && !c.orphaned);
            let Some(card) = card else {
                out.missing += 1;
                continue;
            };
            if !done.insert(card.id) {
                continue;
            }
            let c = ctx(&card.deck);
            let o = sched
                .answer(&card.state, Rating::Again, now_ms, &c, card.id as u64)
                .map_err(|e| super::StoreError::Invalid(e.to_string()))?;
            self.record_answer(
                card.id,
                &card.state,
                &o.next,
                &LogRow::from_outcome(&o, now_ms, 0),
            )?;
            out.cards += 1;
        }
        let sent: Vec<i64> = book.iter().map(|m| m.id).collect();
        self.write(|tx| {
            let mut st =
                tx.prepare_cached("UPDATE mistakes SET sent_back_ms = ?2 WHERE id = ?1")?;
            for id in &sent {
                st.execute(params![id, now_ms])?;
            }
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_trip() {
        for s in [Slot::Item(3), Slot::Whole, Slot::Group(2)] {
            assert_eq!(parse_slot(&slot_text(&s)), s);
        }
    }
}
