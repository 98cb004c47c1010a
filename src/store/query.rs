//! Reads and writes for the study session and the commands: the queue, answers and undo,
//! suspend/bury/leech, history, browsing, deck summaries and statistics. A card is "live"
//! when it is not orphaned and its deck is present.
use rusqlite::{params, OptionalExtension, Row};

use super::{Day, Result, Store, StoreError};
use crate::cloze::Slot;
use crate::deck::{DeckId, ListNote, Note, NoteBody, NoteId, SourceRef};
use crate::sched::{CardState, Phase, Rating};

// The unary `+` keeps the planner off `cards_counts` (orphaned first) where a due or new
// index is the better path.
const LIVE: &str = "+c.orphaned = 0 AND d.present = 1";
/// The card's note carries tag `?4` (or `?4` is NULL).
const TAGGED: &str = "(?4 IS NULL OR EXISTS (SELECT 1 FROM notes n, json_each(n.tags) j
    WHERE n.deck_id = c.deck_id AND n.note_id = c.note_id AND j.value = ?4))";

/// Live-card counts of one deck.
#[derive(Debug, Clone, Default)]
struct DeckCounts {
    cards: u64,
    new: u64,
    learning: u64,
    review: u64,
    suspended: u64,
    due: u64,
    buried: u64,
    buried_new: u64,
    leeches: u64,
    reviewed: u64,
}

#[derive(Debug, Default)]
struct Counts {
    /// Present decks.
    decks: std::collections::HashMap<String, DeckCounts>,
    missing: std::collections::HashSet<String>,
    orphaned_with_history: u64,
}

/// A card with its identity and scheduling state: everything the study queue needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub id: i64,
    pub deck: DeckId,
    pub note: NoteId,
    /// The lasting key: `item:<n>`, `whole` or `group:<n>`.
    pub key: String,
    /// Where the card sits in its note now.
    pub slot: Slot,
    /// The item text, list prompt, or cloze answers.
    pub anchor: String,
    pub state: CardState,
    pub suspended: bool,
    /// Hidden until this time (ms); 0 when not buried.
    pub buried_until_ms: i64,
    pub leech: bool,
    /// The card's item or note left its deck, or its deck is missing.
    pub orphaned: bool,
}

/// What the study queue starts from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queue {
    /// Learning, relearning and review cards due before the day ends (most overdue first),
    /// then the day's new cards: deck by deck, each note's first card not held back, as many
    /// as the daily limit leaves ([`crate::study::take_new`]). Live, unsuspended, unburied.
    pub cards: Vec<CardRow>,
    /// New cards first answered today in any deck (for the daily new limit).
    pub new_today: u32,
    /// Answers today to cards that were in review, in any deck (for the daily review limit).
    pub reviews_today: u32,
    /// Notes with a card answered today: their siblings wait for another day.
    pub notes_answered_today: Vec<(DeckId, NoteId)>,
    /// New cards available in total (beyond the cap).
    pub new_available: u32,
}

/// What every deck's queue today starts from, read once for all decks (home reads it once
/// for a hundred decks).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayBase {
    /// Learning, relearning and review cards due before the day ends, most overdue first.
    pub due: Vec<CardRow>,
    /// New cards first answered today in any deck.
    pub new_today: u32,
    /// Answers today to cards in review, in any deck.
    pub reviews_today: u32,
    /// Notes with a card answered today.
    pub notes_answered_today: Vec<(DeckId, NoteId)>,
    /// (deck, note) held back from today's new cards: answered today, with a card due today,
    /// or with a card buried.
    pub held: std::collections::HashSet<(String, String)>,
}

/// One answer to record in the review log (the card's new state goes separately).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogRow {
    pub time_ms: i64,
    pub rating: Rating,
    pub phase_before: Phase,
    pub phase_after: Phase,
    /// Whole days since the previous review (0 for a new card).
    pub elapsed_days: u32,
    /// Interval this answer set, in days (0 for a same-day step).
    pub scheduled_days: u32,
    /// The exact interval this answer set, in seconds (due − time).
    pub interval_secs: i64,
    pub duration_ms: u32,
    /// Memory state after the answer.
    pub stability: f64,
    pub difficulty: f64,
}

impl LogRow {
    /// The log row of a scheduler answer given at `time_ms` after `duration_ms` of thought.
    pub fn from_outcome(o: &crate::sched::Outcome, time_ms: i64, duration_ms: u32) -> LogRow {
        LogRow {
            time_ms,
            rating: o.log.rating,
            phase_before: o.log.phase_before,
            phase_after: o.next.phase,
            elapsed_days: o.log.elapsed_days,
            scheduled_days: o.log.scheduled_days,
            interval_secs: (o.next.due - time_ms).max(0) / 1000,
            duration_ms,
            stability: o.log.stability,
            difficulty: o.log.difficulty,
        }
    }
}

/// One row of the review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewEntry {
    pub id: i64,
    pub card_id: i64,
    pub log: LogRow,
}

/// Which cards the browser lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrowseState {
    #[default]
    All,
    New,
    /// Due before the day ends.
    Due,
    Suspended,
    Leech,
    /// Cards whose item or note left (or whose deck is missing), with their history.
    Orphaned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrowseSort {
    #[default]
    Due,
    /// Hardest first.
    Difficulty,
    /// Deck, then note order.
    Deck,
}

/// A browse request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrowseFilter {
    /// Substring of the card's text, the note's prompt/text or its items ("" = any).
    pub text: String,
    pub deck: Option<DeckId>,
    pub state: BrowseState,
    pub sort: BrowseSort,
    /// End of today (for `Due`).
    pub day_end_ms: i64,
    /// At most this many rows (0 = no limit).
    pub limit: usize,
    /// Only cards whose note carries this tag.
    pub tag: Option<String>,
}

/// One present deck's title, exam date and number of live cards: what the home screen lists
/// (cheaper than [`DeckSummary`], whose counts read every card's state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckTitle {
    pub id: DeckId,
    pub title: String,
    pub version: Option<u32>,
    pub path: String,
    /// Live cards (suspended included).
    pub cards: u32,
    /// As [`DeckSummary::exam`].
    pub exam: Option<String>,
}

/// One present deck's counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DeckSummary {
    #[serde(serialize_with = "ser_deck_id")]
    pub id: DeckId,
    pub title: String,
    pub version: Option<u32>,
    pub path: String,
    /// Live cards (suspended included).
    pub cards: u32,
    pub new: u32,
    /// Learning and relearning.
    pub learning: u32,
    pub review: u32,
    pub suspended: u32,
    /// Non-new cards due before the day ends (unsuspended, unburied).
    pub due: u32,
    /// Exam date `YYYY-MM-DD`: the user's setting for the deck, else the deck file's, else the
    /// global setting.
    pub exam: Option<String>,
}

fn ser_deck_id<S: serde::Serializer>(id: &DeckId, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&id.0)
}

/// Collection statistics (`stats --json`). `cards = new + learning + review + suspended`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Stats {
    /// Live cards.
    pub cards: u64,
    /// Live unsuspended cards by phase.
    pub new: u64,
    pub learning: u64,
    pub review: u64,
    /// Live suspended cards.
    pub suspended: u64,
    /// Live unsuspended unburied non-new cards due before the day ends.
    pub due_today: u64,
    pub reviews_total: u64,
    pub reviews_today: u64,
    /// Live cards with at least one review.
    pub reviewed_cards: u64,
    /// Cards with history that left every deck (item or note removed, or deck missing).
    pub orphaned_cards: u64,
    pub buried: u64,
    pub leeches: u64,
    /// Present decks.
    pub decks: u64,
    /// Minutes spent answering today.
    pub minutes_today: u64,
}

/// One day's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayReviews {
    pub answers: u32,
    /// Answers to cards in review (for true retention) and how many of them were Again.
    pub review_answers: u32,
    pub review_again: u32,
    pub duration_ms: u64,
}

pub(crate) fn phase_from(n: i64) -> Phase {
    match n {
        1 => Phase::Learning,
        2 => Phase::Review,
        3 => Phase::Relearning,
        _ => Phase::New,
    }
}

fn rating_from(n: i64) -> Rating {
    Rating::from_u8(n.clamp(1, 4) as u8).unwrap_or(Rating::Again)
}

const CARD_COLS: &str = "c.id, c.deck_id, c.note_id, c.card_key, c.slot_pos, c.anchor, c.phase, \
     c.due_ms, c.stability, c.difficulty, c.reps, c.lapses, c.step, c.last_review_ms, \
     c.scheduled_days, c.suspended, c.buried_until_ms, c.leech, (c.orphaned OR NOT d.present)";

fn card_row(r: &Row<'_>) -> rusqlite::Result<CardRow> {
    let key: String = r.get(3)?;
    let pos: i64 = r.get(4)?;
    let slot = if key == "whole" {
        Slot::Whole
    } else if key.starts_with("group:") {
        Slot::Group(pos.max(0) as u32)
    } else {
        Slot::Item(pos.max(0) as usize)
    };
    Ok(CardRow {
        id: r.get(0)?,
        deck: DeckId(r.get(1)?),
        note: NoteId(r.get(2)?),
        key,
        slot,
        anchor: r.get(5)?,
        state: CardState {
            phase: phase_from(r.get(6)?),
            due: r.get(7)?,
            stability: r.get(8)?,
            difficulty: r.get(9)?,
            reps: r.get(10)?,
            lapses: r.get(11)?,
            step: r.get(12)?,
            last_review: r.get(13)?,
            scheduled_days: r.get(14)?,
        },
        suspended: r.get(15)?,
        buried_until_ms: r.get(16)?,
        leech: r.get(17)?,
        orphaned: r.get(18)?,
    })
}

fn review_entry(r: &Row<'_>) -> rusqlite::Result<ReviewEntry> {
    Ok(ReviewEntry {
        id: r.get(0)?,
        card_id: r.get(1)?,
        log: LogRow {
            time_ms: r.get(2)?,
            rating: rating_from(r.get(3)?),
            phase_before: phase_from(r.get(4)?),
            phase_after: phase_from(r.get(5)?),
            elapsed_days: r.get(6)?,
            scheduled_days: r.get(7)?,
            interval_secs: r.get(8)?,
            duration_ms: r.get(9)?,
            stability: r.get(10)?,
            difficulty: r.get(11)?,
        },
    })
}

const LOG_COLS: &str = "id, card_id, time_ms, rating, phase_before, phase_after, elapsed_days, \
     scheduled_days, interval_secs, duration_ms, stability, difficulty";

fn u(r: &Row<'_>, i: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(i)?.max(0) as u64)
}

fn json_vec<T: serde::de::DeserializeOwned>(s: &str) -> Vec<T> {
    serde_json::from_str(s).unwrap_or_default()
}

/// The card-state columns an answer, an import and an undo write (`?1` is the card id).
const SET_STATE: &str = "UPDATE cards SET phase = ?2, due_ms = ?3, stability = ?4, difficulty = ?5,
       reps = ?6, lapses = ?7, step = ?8, last_review_ms = ?9, scheduled_days = ?10
     WHERE id = ?1";

/// Write `st` as card `card_id`'s state with a statement prepared from [`SET_STATE`].
fn set_state(
    stmt: &mut rusqlite::CachedStatement<'_>,
    card_id: i64,
    st: &CardState,
) -> rusqlite::Result<usize> {
    stmt.execute(params![
        card_id,
        st.phase as i64,
        st.due,
        st.stability,
        st.difficulty,
        st.reps,
        st.lapses,
        st.step,
        st.last_review,
        st.scheduled_days
    ])
}

impl Store {
    /// A single count (`SELECT count(*) …`).
    fn count(&self, sql: &str, p: &[&dyn rusqlite::ToSql]) -> Result<u32> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| st.query_row(p, |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn cards_where(&self, sql_tail: &str, p: impl rusqlite::Params) -> Result<Vec<CardRow>> {
        let sql =
            format!("SELECT {CARD_COLS} FROM cards c JOIN decks d ON d.id = c.deck_id {sql_tail}");
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st.query_map(p, card_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The cards to study now: see [`Queue`]. `deck` limits to one deck; `new_per_day` is
    /// the daily new-card limit over all decks (what was introduced today anywhere counts).
    pub fn due_cards(
        &self,
        deck: Option<&DeckId>,
        now_ms: i64,
        day: &Day,
        new_per_day: u32,
    ) -> Result<Queue> {
        self.due_cards_tagged(deck, None, now_ms, day, new_per_day)
    }

    /// [`Store::due_cards`] limited to the cards of notes tagged `tag` (`study --tag`).
    pub fn due_cards_tagged(
        &self,
        deck: Option<&DeckId>,
        tag: Option<&str>,
        now_ms: i64,
        day: &Day,
        new_per_day: u32,
    ) -> Result<Queue> {
        let mut base = self.day_base(tag, now_ms, day)?;
        let deck_id = deck.map(|d| d.0.as_str());
        if let Some(d) = deck_id {
            base.due.retain(|c| c.deck.0 == d);
            base.notes_answered_today.retain(|(dk, _)| dk.0 == d);
        }
        let q = |sql: &str, p: &[&dyn rusqlite::ToSql]| self.count(sql, p);
        let deck_p: &dyn rusqlite::ToSql = &deck_id;
        // Ranges of the covering index `cards_counts`, one per present deck.
        let new_available = q(
            "SELECT count(*) FROM cards WHERE orphaned = 0
             AND deck_id IN (SELECT id FROM decks WHERE present = 1 AND (?1 IS NULL OR id = ?1))
             AND phase = 0 AND suspended = 0",
            &[deck_p],
        )?
        .saturating_sub(q(
            &format!(
                "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id
                 WHERE c.buried_until_ms > 0 AND c.buried_until_ms > ?1 AND c.phase = 0
                 AND c.suspended = 0 AND {LIVE} AND (?2 IS NULL OR c.deck_id = ?2)"
            ),
            &[&now_ms, deck_p],
        )?);
        let decks = match deck_id {
            Some(d) => vec![d.to_string()],
            None => self.present_decks()?,
        };
        let mut allowance = new_per_day.saturating_sub(base.new_today) as usize;
        let mut cards = std::mem::take(&mut base.due);
        for d in &decks {
            if allowance == 0 {
                break;
            }
            let taken = self.new_cards(d, tag, now_ms, &base.held, allowance)?;
            allowance -= taken.len();
            cards.extend(taken);
        }
        Ok(Queue {
            cards,
            new_today: base.new_today,
            reviews_today: base.reviews_today,
            notes_answered_today: base.notes_answered_today,
            new_available,
        })
    }

    /// Ids of the present decks, in order.
    pub fn present_decks(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM decks WHERE present = 1 ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.err(e))
    }

    /// What today's queue of every deck starts from, read once: see [`DayBase`].
    pub fn day_base(&self, tag: Option<&str>, now_ms: i64, day: &Day) -> Result<DayBase> {
        let due = self.cards_where(
            &format!(
                "WHERE c.phase <> 0 AND c.due_ms < ?1 AND {LIVE} AND c.suspended = 0
                 AND c.buried_until_ms <= ?2 AND ?3 = ?3
                 AND {TAGGED}
                 ORDER BY c.due_ms, c.id"
            ),
            params![day.end_ms, now_ms, 0, tag],
        )?;
        let q = |sql: &str, p: &[&dyn rusqlite::ToSql]| self.count(sql, p);
        let today = "FROM review_log l JOIN cards c ON c.id = l.card_id
                     WHERE l.time_ms >= ?1 AND l.time_ms < ?2 AND l.kind = 0";
        // The daily limits are over all decks: a deck's session gets what is left of them.
        let new_today = q(
            &format!("SELECT count(DISTINCT l.card_id) {today} AND l.phase_before = 0"),
            &[&day.start_ms, &day.end_ms],
        )?;
        let reviews_today = q(
            &format!("SELECT count(*) {today} AND l.phase_before = 2"),
            &[&day.start_ms, &day.end_ms],
        )?;
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT DISTINCT c.deck_id, c.note_id {today} ORDER BY 1, 2"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![day.start_ms, day.end_ms], |r| {
                Ok((DeckId(r.get(0)?), NoteId(r.get(1)?)))
            })
            .map_err(|e| self.err(e))?;
        let notes_answered_today = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        // Notes held back from today's new cards: answered today, with a card due today (its
        // answer holds the siblings back), or with a card buried by hand.
        let mut held: std::collections::HashSet<(String, String)> = notes_answered_today
            .iter()
            .map(|(d, n)| (d.0.clone(), n.0.clone()))
            .collect();
        held.extend(due.iter().map(|c| (c.deck.0.clone(), c.note.0.clone())));
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT deck_id, note_id FROM cards INDEXED BY cards_buried
                 WHERE buried_until_ms > 0 AND buried_until_ms > ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![now_ms], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        for r in rows {
            held.insert(r.map_err(|e| self.err(e))?);
        }
        Ok(DayBase {
            due,
            new_today,
            reviews_today,
            notes_answered_today,
            held,
        })
    }

    /// The day's new cards of deck `deck`: each note's first card not `held` back, in the
    /// new-card order, at most `allowance` ([`crate::study::take_new`]).
    pub fn new_cards(
        &self,
        deck: &str,
        tag: Option<&str>,
        now_ms: i64,
        held: &std::collections::HashSet<(String, String)>,
        allowance: usize,
    ) -> Result<Vec<CardRow>> {
        let ids = self.new_card_ids(deck, tag, now_ms, held, allowance)?;
        self.cards_by_id(&ids)
    }

    /// The ids of [`Store::new_cards`].
    pub fn new_card_ids(
        &self,
        deck: &str,
        tag: Option<&str>,
        now_ms: i64,
        held: &std::collections::HashSet<(String, String)>,
        allowance: usize,
    ) -> Result<Vec<i64>> {
        Ok(self
            .new_card_notes(deck, tag, now_ms, held, allowance)?
            .into_iter()
            .map(|(id, _)| id)
            .collect())
    }

    /// (id, note) of [`Store::new_cards`]: the walk reads only each card's id and note
    /// (lazily, stopping once the allowance is used).
    pub fn new_card_notes(
        &self,
        deck: &str,
        tag: Option<&str>,
        now_ms: i64,
        held: &std::collections::HashSet<(String, String)>,
        allowance: usize,
    ) -> Result<Vec<(i64, String)>> {
        if allowance == 0 {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT c.id, c.note_id FROM cards c JOIN decks d ON d.id = c.deck_id
             WHERE c.deck_id = ?1 AND c.phase = 0 AND {LIVE} AND c.suspended = 0
             AND c.buried_until_ms <= ?2 AND ?3 = ?3 AND {TAGGED} ORDER BY c.ord, c.id"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![deck, now_ms, 0, tag], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        // A row error ends the walk and is returned below.
        let mut failed = None;
        let rows = rows.map_while(|r| r.map_err(|e| failed = Some(e)).ok());
        let mut key = (deck.to_string(), String::new());
        let taken = crate::study::take_new(
            rows,
            |c: &(i64, String)| c.1.clone(),
            |note: &String| {
                note.clone_into(&mut key.1);
                held.contains(&key)
            },
            allowance,
        );
        match failed {
            Some(e) => Err(self.err(e)),
            None => Ok(taken),
        }
    }

    /// Cards by id, in the order given (ids not found are left out).
    pub fn cards_by_id(&self, ids: &[i64]) -> Result<Vec<CardRow>> {
        let mut by_id: std::collections::HashMap<i64, CardRow> =
            std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            // Integers only: the list is built from i64 values, never from text.
            for c in self.cards_where(&format!("WHERE c.id IN ({list})"), [])? {
                by_id.insert(c.id, c);
            }
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// One card by id (orphaned or not).
    pub fn card(&self, card_id: i64) -> Result<CardRow> {
        self.cards_where("WHERE c.id = ?1", [card_id])?
            .pop()
            .ok_or(StoreError::NoSuchCard(card_id))
    }

    /// All cards of one note (orphaned ones included), in slot order.
    pub fn note_cards(&self, deck: &DeckId, note: &NoteId) -> Result<Vec<CardRow>> {
        self.cards_where(
            "WHERE c.deck_id = ?1 AND c.note_id = ?2 ORDER BY c.orphaned, c.ord, c.id",
            params![deck.0, note.0],
        )
    }

    /// Record an answer: the card goes from `previous` (the state the answer was computed
    /// from) to `new_state` and the log gains `log`, in one `BEGIN IMMEDIATE` transaction
    /// committed (to disk, `synchronous=FULL`) before this returns. If the card is no longer
    /// in `previous` — another session answered it meanwhile — nothing is written and
    /// [`StoreError::Stale`] is returned: reload the card and ask again. Returns the log row id
    /// (what [`Store::undo`] takes).
    pub fn record_answer(
        &mut self,
        card_id: i64,
        previous: &CardState,
        new_state: &CardState,
        log: &LogRow,
    ) -> Result<i64> {
        self.record_answer_peeked(card_id, previous, new_state, log, false)
    }

    /// [`Store::record_answer`], saying whether the student looked at the source before the
    /// reveal (`peeked`): the log keeps it, so recall and peeking can be told apart.
    pub fn record_answer_peeked(
        &mut self,
        card_id: i64,
        previous: &CardState,
        new_state: &CardState,
        log: &LogRow,
        peeked: bool,
    ) -> Result<i64> {
        self.write(|tx| {
            let current = tx
                .prepare_cached(&format!(
                    "SELECT {CARD_COLS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?1"
                ))?
                .query_row([card_id], card_row)
                .optional()?
                .ok_or(StoreError::NoSuchCard(card_id))?;
            if current.state != *previous {
                return Err(StoreError::Stale(card_id));
            }
            let n = set_state(&mut tx.prepare_cached(SET_STATE)?, card_id, new_state)?;
            if n == 0 {
                return Err(StoreError::NoSuchCard(card_id));
            }
            tx.prepare_cached(
                "INSERT INTO review_log (card_id, time_ms, kind, rating, phase_before, phase_after,
                   elapsed_days, scheduled_days, interval_secs, duration_ms, stability, difficulty,
                   peeked)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                card_id,
                log.time_ms,
                log.rating.as_u8(),
                log.phase_before as i64,
                log.phase_after as i64,
                log.elapsed_days,
                log.scheduled_days,
                log.interval_secs,
                log.duration_ms,
                log.stability,
                log.difficulty,
                peeked
            ])?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Bulk-load history (an Anki import, a benchmark collection): for each card its final
    /// state and its answers, oldest first, all in one transaction. Cards must exist. Returns
    /// the number of log rows written.
    pub fn import_reviews(&mut self, cards: &[(i64, CardState, Vec<LogRow>)]) -> Result<usize> {
        self.write(|tx| {
            let mut upd = tx.prepare_cached(SET_STATE)?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO review_log (card_id, time_ms, kind, rating, phase_before, phase_after,
                   elapsed_days, scheduled_days, interval_secs, duration_ms, stability, difficulty)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut n = 0;
            for (card_id, st, logs) in cards {
                let changed = set_state(&mut upd, *card_id, st)?;
                if changed == 0 {
                    return Err(StoreError::NoSuchCard(*card_id));
                }
                for log in logs {
                    ins.execute(params![
                        card_id,
                        log.time_ms,
                        log.rating.as_u8(),
                        log.phase_before as i64,
                        log.phase_after as i64,
                        log.elapsed_days,
                        log.scheduled_days,
                        log.interval_secs,
                        log.duration_ms,
                        log.stability,
                        log.difficulty
                    ])?;
                    n += 1;
                }
            }
            Ok(n)
        })
    }

    /// Whether review-log row `log_id` was answered after peeking at the source.
    pub fn review_peeked(&self, log_id: i64) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT peeked FROM review_log WHERE id = ?1",
                [log_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NoSuchReview(log_id))
    }

    /// Undo an answer: delete log row `log_id` and put its card back to `previous`, in one
    /// transaction. Only a card's latest answer can be undone. Returns the card id.
    pub fn undo(&mut self, log_id: i64, previous: &CardState) -> Result<i64> {
        self.write(|tx| {
            let card_id: i64 = tx
                .query_row(
                    "SELECT card_id FROM review_log WHERE id = ?1",
                    [log_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NoSuchReview(log_id))?;
            let latest: i64 = tx.query_row(
                "SELECT max(id) FROM review_log WHERE card_id = ?1",
                [card_id],
                |r| r.get(0),
            )?;
            if latest != log_id {
                return Err(StoreError::NotLatest { log_id, card_id });
            }
            tx.execute("DELETE FROM review_log WHERE id = ?1", [log_id])?;
            set_state(&mut tx.prepare_cached(SET_STATE)?, card_id, previous)?;
            Ok(card_id)
        })
    }

    fn set_card(&mut self, card_id: i64, sql: &str, v: i64) -> Result<()> {
        self.write(|tx| {
            if tx.execute(sql, params![card_id, v])? == 0 {
                return Err(StoreError::NoSuchCard(card_id));
            }
            Ok(())
        })
    }

    /// Suspend (true) or unsuspend (false) a card.
    pub fn set_suspended(&mut self, card_id: i64, suspended: bool) -> Result<()> {
        self.set_card(
            card_id,
            "UPDATE cards SET suspended = ?2 WHERE id = ?1",
            i64::from(suspended),
        )
    }

    /// Hide a card until `until_ms` (the next day's start, usually); 0 unburies.
    pub fn bury(&mut self, card_id: i64, until_ms: i64) -> Result<()> {
        self.set_card(
            card_id,
            "UPDATE cards SET buried_until_ms = ?2 WHERE id = ?1",
            until_ms,
        )
    }

    /// Tag (true) or untag a card as a leech. Suspending it is a separate call.
    pub fn set_leech(&mut self, card_id: i64, leech: bool) -> Result<()> {
        self.set_card(
            card_id,
            "UPDATE cards SET leech = ?2 WHERE id = ?1",
            i64::from(leech),
        )
    }

    /// A card's answers, oldest first.
    pub fn card_history(&self, card_id: i64) -> Result<Vec<ReviewEntry>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {LOG_COLS} FROM review_log WHERE card_id = ?1 ORDER BY time_ms, id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([card_id], review_entry)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Every answer in the log, by card then time: for FSRS training, replay and export.
    pub fn all_reviews(&self) -> Result<Vec<ReviewEntry>> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT {LOG_COLS} FROM review_log WHERE kind = 0 ORDER BY card_id, time_ms, id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], review_entry).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Cards matching a browse filter.
    pub fn browse(&self, f: &BrowseFilter) -> Result<Vec<CardRow>> {
        let state = match f.state {
            BrowseState::All => LIVE.to_string(),
            BrowseState::New => format!("{LIVE} AND c.phase = 0 AND c.suspended = 0"),
            BrowseState::Due => {
                format!("{LIVE} AND c.phase <> 0 AND c.suspended = 0 AND c.due_ms < ?3")
            }
            BrowseState::Suspended => format!("{LIVE} AND c.suspended = 1"),
            BrowseState::Leech => format!("{LIVE} AND c.leech = 1"),
            BrowseState::Orphaned => "(c.orphaned = 1 OR d.present = 0) AND c.reps > 0".to_string(),
        };
        let order = match f.sort {
            BrowseSort::Due => "c.phase = 0, c.due_ms, c.id",
            BrowseSort::Difficulty => "c.difficulty DESC, c.id",
            BrowseSort::Deck => "c.deck_id, c.ord, c.id",
        };
        let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
        self.cards_where(
            &format!(
                "JOIN notes n ON n.deck_id = c.deck_id AND n.note_id = c.note_id
                 WHERE {state} AND (?1 IS NULL OR c.deck_id = ?1)
                 AND (?2 = '' OR instr(c.anchor, ?2) > 0 OR instr(n.prompt, ?2) > 0
                      OR instr(n.items, ?2) > 0)
                 AND ?3 = ?3
                 AND (?5 IS NULL OR EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = ?5))
                 ORDER BY {order} LIMIT ?4"
            ),
            params![
                f.deck.as_ref().map(|d| d.0.as_str()),
                f.text,
                f.day_end_ms,
                limit,
                f.tag
            ],
        )
    }

    /// A note as last synced (orphaned notes too).
    pub fn note(&self, deck: &DeckId, note: &NoteId) -> Result<Option<Note>> {
        let r = self
            .conn
            .prepare_cached(
                "SELECT kind, prompt, items, ordered, context, item_lines, passage, source, tags,
                   generated, heading
                 FROM notes WHERE deck_id = ?1 AND note_id = ?2",
            )
            .and_then(|mut st| {
                st.query_row(params![deck.0, note.0], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, bool>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                    ))
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some((
            kind,
            prompt,
            items,
            ordered,
            context,
            lines,
            passage,
            source,
            tags,
            generated,
            heading,
        )) = r
        else {
            return Ok(None);
        };
        let body = if kind == "list" {
            NoteBody::List(ListNote {
                prompt,
                items: json_vec(&items),
                ordered,
                context: json_vec(&context),
                item_lines: json_vec(&lines),
            })
        } else {
            NoteBody::Cloze { text: prompt }
        };
        let source = source
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .map(|v| SourceRef {
                file: v["file"].as_str().map(str::to_string),
                line: v["line"].as_u64().map(|n| n as u32),
                doc: v["doc"].as_str().map(str::to_string),
                date: v["date"].as_str().map(str::to_string),
            });
        Ok(Some(Note {
            id: note.clone(),
            body,
            source,
            passage,
            tags: json_vec(&tags),
            heading: json_vec(&heading),
            // Priority lives in the card order (`ord`), set at sync.
            priority: None,
            generated,
        }))
    }

    /// Per-deck counts of live cards, from the covering index `cards_counts` plus the small
    /// due/buried/leech index ranges (no table scan: this is the start-up path).
    fn deck_counts(&self, now_ms: i64, day: &Day) -> Result<Counts> {
        let mut out = Counts::default();
        {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, present FROM decks ORDER BY id")
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))
                .map_err(|e| self.err(e))?;
            for r in rows {
                let (id, present) = r.map_err(|e| self.err(e))?;
                if present {
                    out.decks.insert(id, DeckCounts::default());
                } else {
                    out.missing.insert(id);
                }
            }
        }
        let mut each = |sql: &str,
                        p: &[&dyn rusqlite::ToSql],
                        f: &mut dyn FnMut(&mut Counts, &str, &Row<'_>) -> rusqlite::Result<()>|
         -> Result<()> {
            let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
            let mut rows = st.query(p).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let deck: String = r.get(0).map_err(|e| self.err(e))?;
                f(&mut out, &deck, r).map_err(|e| self.err(e))?;
            }
            Ok(())
        };
        each(
            "SELECT deck_id, phase, suspended, count(*), sum(reps > 0) FROM cards
             WHERE orphaned = 0 GROUP BY deck_id, phase, suspended",
            &[],
            &mut |o, deck, r| {
                let (phase, suspended): (i64, bool) = (r.get(1)?, r.get(2)?);
                let (n, reviewed) = (u(r, 3)?, u(r, 4)?);
                match o.decks.get_mut(deck) {
                    Some(c) => {
                        c.cards += n;
                        c.reviewed += reviewed;
                        if suspended {
                            c.suspended += n;
                        } else {
                            match phase {
                                0 => c.new += n,
                                2 => c.review += n,
                                _ => c.learning += n,
                            }
                        }
                    }
                    // A missing deck's cards with history count as orphaned.
                    None => o.orphaned_with_history += reviewed,
                }
                Ok(())
            },
        )?;
        each(
            "SELECT deck_id, count(*) FROM cards WHERE orphaned = 1 AND reps > 0 GROUP BY deck_id",
            &[],
            &mut |o, _, r| {
                o.orphaned_with_history += u(r, 1)?;
                Ok(())
            },
        )?;
        each(
            "SELECT deck_id, count(*) FROM cards INDEXED BY cards_due
             WHERE phase <> 0 AND due_ms < ?1 AND suspended = 0 AND buried_until_ms <= ?2
             AND +orphaned = 0 GROUP BY deck_id",
            &[&day.end_ms, &now_ms],
            &mut |o, deck, r| {
                if let Some(c) = o.decks.get_mut(deck) {
                    c.due += u(r, 1)?;
                }
                Ok(())
            },
        )?;
        each(
            "SELECT deck_id, count(*), sum(phase = 0 AND suspended = 0) FROM cards INDEXED BY cards_buried
             WHERE buried_until_ms > 0 AND buried_until_ms > ?1 AND +orphaned = 0 GROUP BY deck_id",
            &[&now_ms],
            &mut |o, deck, r| {
                if let Some(c) = o.decks.get_mut(deck) {
                    c.buried += u(r, 1)?;
                    c.buried_new += u(r, 2)?;
                }
                Ok(())
            },
        )?;
        each(
            "SELECT deck_id, count(*) FROM cards INDEXED BY cards_leech WHERE leech = 1 AND +orphaned = 0 GROUP BY deck_id",
            &[],
            &mut |o, deck, r| {
                if let Some(c) = o.decks.get_mut(deck) {
                    c.leeches += u(r, 1)?;
                }
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Present decks with their exam date (the user's setting for the deck, else the deck
    /// file's, else the global setting), by deck id: the cheap part of [`Store::deck_summaries`].
    pub fn deck_exams(&self) -> Result<Vec<(DeckId, Option<String>)>> {
        let global = self.setting(super::keys::EXAM)?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.exam, (SELECT value FROM settings WHERE key = 'exam.' || d.id)
                 FROM decks d WHERE d.present = 1 ORDER BY d.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                let file: Option<String> = r.get(1)?;
                let user: Option<String> = r.get(2)?;
                Ok((DeckId(r.get(0)?), user.or(file).or_else(|| global.clone())))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Present decks by id: title, exam date and live cards. Each deck's cards are counted on
    /// its own range of the `cards_counts` index, not by grouping every card.
    pub fn deck_titles(&self) -> Result<Vec<DeckTitle>> {
        let global = self.setting(super::keys::EXAM)?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.version, d.path, d.exam,
                   (SELECT value FROM settings WHERE key = 'exam.' || d.id),
                   (SELECT count(*) FROM cards c WHERE c.orphaned = 0 AND c.deck_id = d.id)
                 FROM decks d WHERE d.present = 1 ORDER BY d.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                let file_exam: Option<String> = r.get(4)?;
                let user_exam: Option<String> = r.get(5)?;
                Ok(DeckTitle {
                    id: DeckId(r.get(0)?),
                    title: r.get(1)?,
                    version: r.get(2)?,
                    path: r.get(3)?,
                    cards: u(r, 6)? as u32,
                    exam: user_exam.or(file_exam).or_else(|| global.clone()),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Counts per present deck, by deck id.
    pub fn deck_summaries(&self, now_ms: i64, day: &Day) -> Result<Vec<DeckSummary>> {
        let counts = self.deck_counts(now_ms, day)?;
        Ok(self
            .deck_titles()?
            .into_iter()
            .map(|d| {
                let c = counts.decks.get(&d.id.0).cloned().unwrap_or_default();
                DeckSummary {
                    id: d.id,
                    title: d.title,
                    version: d.version,
                    path: d.path,
                    exam: d.exam,
                    cards: c.cards as u32,
                    new: c.new as u32,
                    learning: c.learning as u32,
                    review: c.review as u32,
                    suspended: c.suspended as u32,
                    due: c.due as u32,
                }
            })
            .collect())
    }

    /// Collection statistics at `now_ms`. "History" is `reps > 0`; `check` verifies that
    /// reps equal the card's review-log rows.
    pub fn stats(&self, now_ms: i64, day: &Day) -> Result<Stats> {
        let counts = self.deck_counts(now_ms, day)?;
        let mut s = Stats {
            orphaned_cards: counts.orphaned_with_history,
            decks: counts.decks.len() as u64,
            ..Stats::default()
        };
        for c in counts.decks.values() {
            s.cards += c.cards;
            s.new += c.new;
            s.learning += c.learning;
            s.review += c.review;
            s.suspended += c.suspended;
            s.due_today += c.due;
            s.buried += c.buried;
            s.leeches += c.leeches;
            s.reviewed_cards += c.reviewed;
        }
        let one = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<u64> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut st| st.query_row(p, |r| r.get::<_, i64>(0)))
                .map(|n| n.max(0) as u64)
                .map_err(|e| self.err(e))
        };
        // count(*) of a whole table is a fast b-tree count; a WHERE would read every row.
        s.reviews_total = one("SELECT count(*) FROM review_log", &[])?
            .saturating_sub(one("SELECT count(*) FROM review_log WHERE kind <> 0", &[])?);
        let (today, ms): (u64, u64) = self
            .conn
            .prepare_cached(
                "SELECT count(*), coalesce(sum(duration_ms), 0) FROM review_log
                 WHERE time_ms >= ?1 AND time_ms < ?2 AND kind = 0",
            )
            .and_then(|mut st| {
                st.query_row([day.start_ms, day.end_ms], |r| Ok((u(r, 0)?, u(r, 1)?)))
            })
            .map_err(|e| self.err(e))?;
        s.reviews_today = today;
        s.minutes_today = ms / 60_000;
        Ok(s)
    }

    /// Answers per day for the `days` days ending with `day` (oldest first, today last).
    /// Days are taken as 24 h back from today's start.
    pub fn daily_reviews(&self, day: &Day, days: u32) -> Result<Vec<DayReviews>> {
        let n = days.max(1) as i64;
        let from = day.start_ms - (n - 1) * 86_400_000;
        let mut out = vec![DayReviews::default(); n as usize];
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT (time_ms - ?1) / 86400000, count(*), sum(phase_before = 2),
                   sum(phase_before = 2 AND rating = 1), sum(duration_ms)
                 FROM review_log WHERE time_ms >= ?1 AND time_ms < ?2 AND kind = 0 GROUP BY 1",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![from, day.end_ms], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DayReviews {
                        answers: r.get(1)?,
                        review_answers: r.get(2)?,
                        review_again: r.get(3)?,
                        duration_ms: r.get::<_, i64>(4)?.max(0) as u64,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        for r in rows {
            let (i, d) = r.map_err(|e| self.err(e))?;
            if let Some(slot) = out.get_mut(i.clamp(0, n - 1) as usize) {
                slot.answers += d.answers;
                slot.review_answers += d.review_answers;
                slot.review_again += d.review_again;
                slot.duration_ms += d.duration_ms;
            }
        }
        Ok(out)
    }

    /// Live unsuspended non-new cards falling due on each of the next `days` days (index 0 =
    /// today, overdue included).
    pub fn forecast(&self, day: &Day, days: u32) -> Result<Vec<u32>> {
        let n = days.max(1) as i64;
        let mut out = vec![0u32; n as usize];
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT max(0, (c.due_ms - ?1) / 86400000), count(*) FROM cards c
                 JOIN decks d ON d.id = c.deck_id
                 WHERE c.phase <> 0 AND {LIVE} AND c.suspended = 0 AND c.due_ms < ?2 GROUP BY 1"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![day.start_ms, day.start_ms + n * 86_400_000], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?))
            })
            .map_err(|e| self.err(e))?;
        for r in rows {
            let (i, c) = r.map_err(|e| self.err(e))?;
            if let Some(slot) = out.get_mut(i.clamp(0, n - 1) as usize) {
                *slot += c;
            }
        }
        Ok(out)
    }
}
