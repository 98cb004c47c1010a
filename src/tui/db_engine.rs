//! The real engine behind the TUI: the store (SQLite), the study session (queue, siblings,
//! limits) and the scheduler (FSRS), with cards drawn by `cloze::render`. It is the edge that
//! reads the clock (an injectable `clock` so tests and benches can travel in time).
//!
//! Every answer is computed by the scheduler and committed by `Store::record_answer` before
//! `answer` returns; the session is told afterwards and holds the card's siblings back (a
//! later session today holds them back from the review log), and a leech is suspended and
//! tagged. The local UTC offset comes from the store (SQLite's
//! `localtime`, which honours `TZ`, read through `local_date` and `day_at`): no time-zone
//! crate, no unsafe.
//!
//! The session has no "take this card out" call, so a manual suspend or bury rebuilds it from
//! the store (which already reflects the change); undo then works from this engine's own
//! record of each answer, and shows the undone card again (`forced`).
use std::collections::{HashMap, HashSet};

use crate::cloze::{self, Slot, Span};
use crate::config::{parse_date, Config, Lang};
use crate::deck::{DeckId, Note, NoteBody, NoteId};
use crate::sched::{
    date_to_day, day_index, CardState, Outcome, Phase, Rating, SchedConfig, Scheduler,
};
use crate::store::{
    self, keys, BrowseFilter, BrowseSort, BrowseState, DeckSummary, LogRow, Store, StoreError,
};
use crate::study::{self, Limits, NoteKey, Session, StudyCtx, TodayCounts};

use super::data::*;
use super::engine::{Engine, EngineError};

/// The study day rolls over at 4 a.m. local time.
const ROLLOVER: u32 = 4;
/// The browser lists at most this many cards per query.
const BROWSE_LIMIT: usize = 2000;
/// Weeks of true retention on the stats screen.
const RETENTION_WEEKS: usize = 26;

fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

/// What undo needs to take back one action of this session.
#[derive(Debug, Clone)]
enum Op {
    Answer {
        card: i64,
        state_before: CardState,
        log_id: i64,
        correct: bool,
        duration_ms: u64,
        leech: bool,
        /// The session still holds this answer on its own undo stack (no rebuild since).
        in_session: bool,
    },
    Suspend(i64),
    Bury(i64),
}

/// One study session in progress.
struct Live {
    deck: Option<DeckId>,
    session: Session,
    /// The store rows of the session's cards (slot, key, note), by id.
    rows: HashMap<i64, store::CardRow>,
    answered: u32,
    correct: u32,
    ms: u64,
    undo: Vec<Op>,
    /// Shown next regardless of the queue (the card an undo brought back).
    forced: Option<i64>,
}

/// The engine over a store. See the module comment.
pub struct DbEngine {
    store: Store,
    sched: Scheduler,
    config: Config,
    clock: Box<dyn Fn() -> i64>,
    /// Broken deck files and deck changes, shown on the home screen.
    warnings: Vec<String>,
    /// Present decks as last summarised (titles, exam dates).
    decks: Vec<DeckSummary>,
    notes: HashMap<(DeckId, NoteId), Option<Note>>,
    live: Option<Live>,
}

impl std::fmt::Debug for DbEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbEngine")
            .field("store", &self.store)
            .finish()
    }
}

/// The scheduler for `config` over the store's own settings (FSRS parameters fitted by
/// `optimize`; a malformed value leaves the defaults).
fn scheduler(store: &Store, config: &Config) -> Result<Scheduler, EngineError> {
    let mut cfg = SchedConfig {
        desired_retention: config.study.desired_retention as f32,
        rollover_hour: ROLLOVER,
        ..SchedConfig::default()
    };
    if let Some(p) = store
        .setting(keys::FSRS_PARAMS)
        .map_err(err)?
        .and_then(|v| serde_json::from_str::<Vec<f32>>(&v).ok())
    {
        cfg.parameters = p;
    }
    Scheduler::new(cfg).map_err(err)
}

/// Local time minus UTC at `now`, in seconds, from the store's local-time answers (SQLite's
/// `localtime`, which honours `TZ`): the local date's day number minus the UTC day start.
fn utc_offset_secs(store: &Store, now: i64) -> Result<i32, EngineError> {
    let date = store.local_date(now).map_err(err)?;
    let (y, m, d) = parse_date(&date)
        .ok_or_else(|| EngineError(format!("local date {date:?} is not YYYY-MM-DD")))?;
    let midnight = store.day_at(now, 0).map_err(err)?.start_ms.div_euclid(1000);
    Ok((date_to_day(y, m, d) * 86_400 - midnight).clamp(-86_400, 86_400) as i32)
}

/// The review-log row of a scheduler answer given at `time_ms` after `duration_ms`.
fn log_row(o: &Outcome, time_ms: i64, duration_ms: u32) -> LogRow {
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

impl DbEngine {
    /// An engine over an opened (and synced) store. `warnings` are shown on the home screen
    /// (deck files that failed to load, what a deck's new version changed).
    pub fn new(store: Store, config: &Config, warnings: Vec<String>) -> Result<Self, EngineError> {
        let sched = scheduler(&store, config)?;
        let mut e = DbEngine {
            store,
            sched,
            config: config.clone(),
            clock: Box::new(store::now_ms),
            warnings,
            decks: Vec::new(),
            notes: HashMap::new(),
            live: None,
        };
        e.store_settings()?;
        Ok(e)
    }

    /// Replace the clock (tests and benches travel in time).
    pub fn with_clock(mut self, clock: impl Fn() -> i64 + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The scheduler in use (tests compare previews with it).
    pub fn scheduler(&self) -> &Scheduler {
        &self.sched
    }

    fn now(&self) -> i64 {
        (self.clock)()
    }

    /// The settings the commands (`stats`, `decks`) read from the database, kept in step with
    /// config.toml. Written only when they differ: opening costs no write otherwise.
    fn store_settings(&mut self) -> Result<(), EngineError> {
        let s = &self.config.study;
        let wanted = [
            (keys::RETENTION, Some(format!("{}", s.desired_retention))),
            (keys::NEW_PER_DAY, Some(s.new_per_day.to_string())),
            (keys::REVIEWS_PER_DAY, Some(s.reviews_per_day.to_string())),
            (keys::EXAM, s.exam_date.clone()),
        ];
        for (key, value) in wanted {
            if self.store.setting(key).map_err(err)? != value {
                self.store.set_setting(key, value.as_deref()).map_err(err)?;
            }
        }
        Ok(())
    }

    fn offset(&self, now: i64) -> Result<i32, EngineError> {
        utc_offset_secs(&self.store, now)
    }

    fn refresh_decks(&mut self, now: i64, day: &store::Day) -> Result<(), EngineError> {
        self.decks = self.store.deck_summaries(now, day).map_err(err)?;
        Ok(())
    }

    fn deck_title(&self, id: &DeckId) -> String {
        self.decks
            .iter()
            .find(|d| &d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| id.0.clone())
    }

    /// Exam study-day per deck (deck setting, deck file, global setting, config).
    fn exam_days(&self) -> HashMap<DeckId, i64> {
        self.decks
            .iter()
            .filter_map(|d| {
                let date = d.exam.as_ref().or(self.config.study.exam_date.as_ref())?;
                let (y, m, day) = parse_date(date)?;
                Some((d.id.clone(), date_to_day(y, m, day)))
            })
            .collect()
    }

    fn note(&mut self, deck: &DeckId, note: &NoteId) -> Result<Option<Note>, EngineError> {
        let key = (deck.clone(), note.clone());
        if let Some(n) = self.notes.get(&key) {
            return Ok(n.clone());
        }
        let n = self.store.note(deck, note).map_err(err)?;
        self.notes.insert(key, n.clone());
        Ok(n)
    }

    fn limits(&self) -> Limits {
        Limits {
            new_per_day: self.config.study.new_per_day,
            reviews_per_day: self.config.study.reviews_per_day,
            ..Limits::default()
        }
    }

    /// Build today's session from the store.
    fn build_session(&mut self, deck: Option<&DeckId>, now: i64) -> Result<Live, EngineError> {
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        if self.decks.is_empty() {
            self.refresh_decks(now, &day)?;
        }
        let off = self.offset(now)?;
        let limits = self.limits();
        let q = self
            .store
            .due_cards(deck, now, &day, limits.new_per_day)
            .map_err(err)?;
        let today = day_index(now, off, ROLLOVER);
        // Notes answered earlier today (here or in another session): their waiting siblings
        // wait for tomorrow too, as they would have been buried then.
        let answered: HashSet<(DeckId, NoteId)> = q.notes_answered_today.into_iter().collect();
        let mut rows = HashMap::with_capacity(q.cards.len());
        let mut srows = Vec::with_capacity(q.cards.len());
        for c in q.cards {
            let held = matches!(c.state.phase, Phase::New | Phase::Review)
                && answered.contains(&(c.deck.clone(), c.note.clone()));
            srows.push(study::CardRow {
                id: c.id,
                note: NoteKey {
                    deck: c.deck.clone(),
                    note: c.note.clone(),
                },
                state: c.state,
                suspended: c.suspended,
                buried_until: held.then_some(today + 1),
                leech: c.leech,
            });
            rows.insert(c.id, c);
        }
        let ctx = StudyCtx::new(&self.sched, off, self.exam_days());
        let done = TodayCounts {
            new_introduced: q.new_today,
            reviews_done: q.reviews_today,
        };
        Ok(Live {
            deck: deck.cloned(),
            session: Session::new(srows, done, limits, ctx, now),
            rows,
            answered: 0,
            correct: 0,
            ms: 0,
            undo: Vec::new(),
            forced: None,
        })
    }

    /// Rebuild the running session from the store, keeping its totals and undo record.
    fn rebuild(&mut self, now: i64) -> Result<(), EngineError> {
        let Some(old) = self.live.take() else {
            return Ok(());
        };
        let mut fresh = self.build_session(old.deck.as_ref(), now)?;
        fresh.answered = old.answered;
        fresh.correct = old.correct;
        fresh.ms = old.ms;
        fresh.forced = old.forced;
        fresh.undo = old.undo;
        for op in &mut fresh.undo {
            if let Op::Answer { in_session, .. } = op {
                *in_session = false;
            }
        }
        self.live = Some(fresh);
        Ok(())
    }

    fn live(&mut self) -> Result<&mut Live, EngineError> {
        self.live
            .as_mut()
            .ok_or_else(|| EngineError("no study session is running".into()))
    }

    fn summary(&self) -> Result<SessionSummary, EngineError> {
        let now = self.now();
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        let tomorrow = self
            .store
            .forecast(&day, 2)
            .map_err(err)?
            .get(1)
            .copied()
            .unwrap_or(0);
        let (answered, correct, ms, held) = match &self.live {
            Some(l) => (
                l.answered,
                l.correct,
                l.ms,
                l.session
                    .held_back()
                    .iter()
                    .map(|n| match n {
                        study::Notice::SiblingsTomorrow { cards } => *cards as u32,
                        _ => 0,
                    })
                    .sum(),
            ),
            None => (0, 0, 0, 0),
        };
        Ok(SessionSummary {
            answered,
            correct,
            seconds: ms / 1000,
            tomorrow,
            held_back: held,
        })
    }

    /// The next step of the running session.
    fn step(&mut self, notices: Vec<Notice>) -> Result<StudyStep, EngineError> {
        let now = self.now();
        let live = self.live()?;
        let forced = live.forced.take().filter(|id| {
            live.session
                .card(*id)
                .is_some_and(|c| !c.suspended && live.rows.contains_key(id))
        });
        let next = forced.or_else(|| live.session.next_card(now));
        let Some(id) = next else {
            return Ok(StudyStep::Done {
                summary: self.summary()?,
                notices,
            });
        };
        let c = live.session.counts();
        let progress = Progress {
            done: live.answered,
            new: c.new as u32,
            learning: c.learning as u32,
            review: c.review as u32,
        };
        let card = self.show(id, now)?;
        Ok(StudyStep::Card {
            card: Box::new(card),
            progress,
            notices,
        })
    }

    /// A session card ready to show: front lines, answers, previews, source.
    fn show(&mut self, id: i64, now: i64) -> Result<CardToShow, EngineError> {
        let live = self
            .live
            .as_ref()
            .ok_or_else(|| EngineError("no study session is running".into()))?;
        let row = live
            .rows
            .get(&id)
            .cloned()
            .ok_or_else(|| EngineError(format!("card {id} is not in this session")))?;
        let state = live.session.card(id).map_or(row.state, |c| c.state);
        let ctx = live
            .session
            .day_ctx(id)
            .ok_or_else(|| EngineError(format!("card {id} is not in this session")))?;
        let outcomes = self
            .sched
            .preview(&state, now, &ctx, id as u64)
            .map_err(err)?;
        let previews = [0, 1, 2, 3].map(|i| Preview {
            rating: outcomes[i].log.rating,
            interval_secs: outcomes[i].interval_ms() / 1000,
        });
        let note = self.note(&row.deck, &row.note)?;
        let title = self.deck_title(&row.deck);
        Ok(card_to_show(
            &row,
            state.phase,
            note.as_ref(),
            title,
            previews,
            self.config.study.typed_answers,
        ))
    }

    fn browse_row(&mut self, c: &store::CardRow, today: i64, off: i32) -> BrowseRow {
        let note = self.note(&c.deck, &c.note).ok().flatten();
        let view = note.as_ref().and_then(|n| cloze::render(n, &c.slot));
        let (question, answer) = match &view {
            Some(v) => {
                let q: String = v
                    .front
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) => t.replace('\n', " "),
                        Span::Blank { masked, .. } => masked.clone(),
                    })
                    .collect();
                let q = if matches!(c.slot, Slot::Whole) {
                    v.prompt.clone()
                } else {
                    q
                };
                (q, v.answers.join("；"))
            }
            None => (c.anchor.clone(), c.anchor.clone()),
        };
        BrowseRow {
            card: CardRef(c.id),
            deck_title: self.deck_title(&c.deck),
            question,
            answer,
            phase: c.state.phase,
            due_in_days: (c.state.phase != Phase::New)
                .then(|| day_index(c.state.due, off, ROLLOVER) - today),
            difficulty: if c.state.phase == Phase::New {
                0.0
            } else {
                c.state.difficulty
            },
            suspended: c.suspended,
            leech: c.leech,
        }
    }

    /// Answer one card: compute, commit, tell the session, write what it asks for.
    fn do_answer(
        &mut self,
        id: i64,
        rating: Rating,
        duration_ms: u64,
    ) -> Result<Vec<Notice>, EngineError> {
        let now = self.now();
        let (state, ctx) = {
            let live = self.live()?;
            let c = live
                .session
                .card(id)
                .ok_or_else(|| EngineError(format!("card {id} is not in this session")))?;
            let ctx = live.session.day_ctx(id).unwrap_or_default();
            (c.state, ctx)
        };
        let dur = duration_ms.min(u64::from(u32::MAX)) as u32;
        let mut before = state;
        let mut outcome = self
            .sched
            .answer(&before, rating, now, &ctx, id as u64)
            .map_err(err)?;
        let log_id =
            match self
                .store
                .record_answer(id, &before, &outcome.next, &log_row(&outcome, now, dur))
            {
                Ok(l) => l,
                // Another session answered this card meanwhile: the student answered it here
                // too, so record this answer on top of the card's current state.
                Err(StoreError::Stale(_)) => {
                    before = self.store.card(id).map_err(err)?.state;
                    outcome = self
                        .sched
                        .answer(&before, rating, now, &ctx, id as u64)
                        .map_err(err)?;
                    self.store
                        .record_answer(id, &before, &outcome.next, &log_row(&outcome, now, dur))
                        .map_err(err)?
                }
                Err(e) => return Err(err(e)),
            };
        let live = self.live()?;
        let a = live.session.answered(id, &outcome, log_id).map_err(err)?;
        live.answered += 1;
        live.ms += u64::from(dur);
        let correct = rating != Rating::Again;
        if correct {
            live.correct += 1;
        }
        live.undo.push(Op::Answer {
            card: id,
            state_before: before,
            log_id,
            correct,
            duration_ms: u64::from(dur),
            leech: a.suspend_leech,
            in_session: true,
        });
        let mut notices = Vec::new();
        // Siblings are held back by the session now and, in any later session today, by
        // `build_session` from the committed review log (`notes_answered_today`). They are
        // not also written one by one with `Store::bury`: each write is its own fsync'd
        // transaction, and a 9-item list would cost nine of them on the answer's path.
        if !a.bury.is_empty() {
            notices.push(Notice::SiblingsHeld(a.bury.len() as u32));
        }
        if a.suspend_leech {
            self.store.set_suspended(id, true).map_err(err)?;
            self.store.set_leech(id, true).map_err(err)?;
            notices.push(Notice::LeechSuspended);
        }
        Ok(notices)
    }
}

/// Turn a store row, its note and its previews into the card the study screen shows.
fn card_to_show(
    row: &store::CardRow,
    phase: Phase,
    note: Option<&Note>,
    deck_title: String,
    previews: [Preview; 4],
    typed_default: bool,
) -> CardToShow {
    let view = note.and_then(|n| cloze::render(n, &row.slot));
    let kind = match row.slot {
        Slot::Item(_) => CardKind::Item,
        Slot::Whole => CardKind::Whole,
        Slot::Group(_) => CardKind::Cloze,
    };
    let ordered = match note.map(|n| &n.body) {
        Some(NoteBody::List(l)) => l.ordered,
        _ => true,
    };
    let (prompt, lines, answers) = match &view {
        Some(v) => (
            (kind != CardKind::Cloze).then(|| v.prompt.clone()),
            spans_to_lines(&v.front),
            v.answers.clone(),
        ),
        // The note is gone from the database (should not happen for a live card): show the
        // card's own text as the blank so it can still be answered.
        None => (
            None,
            vec![vec![Seg::Blank {
                answer: row.anchor.clone(),
            }]],
            vec![row.anchor.clone()],
        ),
    };
    CardToShow {
        card: CardRef(row.id),
        deck_title,
        kind,
        phase,
        prompt,
        lines,
        answers: answers.clone(),
        ordered,
        previews,
        source: note.and_then(|n| source_view(n, &answers)),
        typed_default,
    }
}

/// Rendered spans to screen lines (`\n` inside text splits lines). A hint after a blank
/// (`□□□□（提示）`) stays visible as text after it.
fn spans_to_lines(spans: &[Span]) -> Vec<Vec<Seg>> {
    let mut lines: Vec<Vec<Seg>> = vec![Vec::new()];
    for s in spans {
        match s {
            Span::Text(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(Vec::new());
                    }
                    if !part.is_empty() {
                        if let Some(l) = lines.last_mut() {
                            l.push(Seg::Text(part.to_string()));
                        }
                    }
                }
            }
            Span::Blank { answer, masked } => {
                if let Some(l) = lines.last_mut() {
                    l.push(Seg::Blank {
                        answer: answer.clone(),
                    });
                    let plain = cloze::mask(answer);
                    if let Some(hint) = masked.strip_prefix(plain.as_str()) {
                        if !hint.is_empty() {
                            l.push(Seg::Text(hint.to_string()));
                        }
                    }
                }
            }
        }
    }
    lines
}

/// The source passage of a note: its `passage`, else a list's context or items.
fn source_view(note: &Note, answers: &[String]) -> Option<SourceView> {
    let passage = match (&note.passage, &note.body) {
        (Some(p), _) if !p.trim().is_empty() => p.clone(),
        (_, NoteBody::List(l)) => {
            let ctx: Vec<&String> = l.context.iter().filter(|c| !c.is_empty()).collect();
            if ctx.is_empty() {
                format!("{}：{}", l.prompt, l.items.join("；"))
            } else {
                ctx.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
        (_, NoteBody::Cloze { text }) => cloze::parse(text)
            .into_iter()
            .map(|p| match p {
                cloze::Piece::Text(t) => t,
                cloze::Piece::Blank { answer, .. } => answer,
            })
            .collect(),
    };
    let src = note.source.clone().unwrap_or_default();
    Some(SourceView {
        doc: src.doc,
        date: src.date,
        file: src.file,
        line: src.line,
        passage,
        highlight: answers.to_vec(),
    })
}

/// Days since 1970-01-01 to (year, month, day): Howard Hinnant's civil-from-days.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD HH:MM` local time.
fn local_time(ms: i64, off: i32) -> String {
    let secs = ms.div_euclid(1000) + i64::from(off);
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// Consecutive days with answers ending today, or yesterday when today has none yet.
fn streak(days: &[u32]) -> u32 {
    let mut it = days.iter().rev().peekable();
    if it.peek().is_some_and(|&&n| n == 0) {
        it.next();
    }
    it.take_while(|&&n| n > 0).count() as u32
}

impl Engine for DbEngine {
    fn home(&mut self) -> Result<HomeData, EngineError> {
        let now = self.now();
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        self.refresh_decks(now, &day)?;
        let off = self.offset(now)?;
        let today = day_index(now, off, ROLLOVER);
        let exams = self.exam_days();
        let cap = self.config.study.new_per_day;
        let decks: Vec<DeckRow> = self
            .decks
            .iter()
            .map(|d| DeckRow {
                id: d.id.clone(),
                title: d.title.clone(),
                total: d.cards,
                new: d.new.min(cap),
                learning: d.learning,
                due: d.due,
                exam_in_days: exams.get(&d.id).map(|e| e - today),
            })
            .collect();
        let exam = self
            .decks
            .iter()
            .filter_map(|d| {
                let date = d.exam.as_ref().or(self.config.study.exam_date.as_ref())?;
                let days = exams.get(&d.id)? - today;
                (days >= 0).then(|| (date.clone(), days))
            })
            .min_by_key(|(_, days)| *days);
        let today_log = self
            .store
            .daily_reviews(&day, 1)
            .map_err(err)?
            .pop()
            .unwrap_or_default();
        Ok(HomeData {
            decks,
            reviewed_today: today_log.answers,
            minutes_today: (today_log.duration_ms / 60_000) as u32,
            exam,
            warnings: self.warnings.clone(),
        })
    }

    fn start(&mut self, deck: Option<&DeckId>) -> Result<StudyStep, EngineError> {
        let now = self.now();
        self.live = None;
        let live = self.build_session(deck, now)?;
        let held: u32 = live
            .session
            .held_back()
            .iter()
            .map(|n| match n {
                study::Notice::SiblingsTomorrow { cards } => *cards as u32,
                _ => 0,
            })
            .sum();
        self.live = Some(live);
        let notices = if held > 0 {
            vec![Notice::SiblingsHeld(held)]
        } else {
            vec![]
        };
        self.step(notices)
    }

    fn answer(
        &mut self,
        card: CardRef,
        rating: Rating,
        duration_ms: u64,
    ) -> Result<StudyStep, EngineError> {
        let notices = self.do_answer(card.0, rating, duration_ms)?;
        self.step(notices)
    }

    fn undo(&mut self) -> Result<StudyStep, EngineError> {
        let now = self.now();
        let Some(op) = self.live()?.undo.pop() else {
            return self.step(vec![Notice::NothingToUndo]);
        };
        let card = match op {
            Op::Answer {
                card,
                state_before,
                log_id,
                correct,
                duration_ms,
                leech,
                in_session,
            } => {
                self.store.undo(log_id, &state_before).map_err(err)?;
                if leech {
                    self.store.set_suspended(card, false).map_err(err)?;
                    self.store.set_leech(card, false).map_err(err)?;
                }
                let live = self.live()?;
                live.answered = live.answered.saturating_sub(1);
                live.ms = live.ms.saturating_sub(duration_ms);
                if correct {
                    live.correct = live.correct.saturating_sub(1);
                }
                // The session's own undo keeps its queue as it was; after a rebuild (or
                // beyond its depth) the queue is rebuilt from the store instead.
                if !(in_session && live.session.undo().is_some()) {
                    self.rebuild(now)?;
                }
                card
            }
            Op::Suspend(card) => {
                self.store.set_suspended(card, false).map_err(err)?;
                self.rebuild(now)?;
                card
            }
            Op::Bury(card) => {
                self.store.bury(card, 0).map_err(err)?;
                self.rebuild(now)?;
                card
            }
        };
        self.live()?.forced = Some(card);
        self.step(vec![Notice::Undone])
    }

    fn suspend(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        let now = self.now();
        self.store.set_suspended(card.0, true).map_err(err)?;
        self.live()?.undo.push(Op::Suspend(card.0));
        self.rebuild(now)?;
        self.step(vec![Notice::Suspended])
    }

    fn bury(&mut self, card: CardRef) -> Result<StudyStep, EngineError> {
        let now = self.now();
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        self.store.bury(card.0, day.end_ms).map_err(err)?;
        self.live()?.undo.push(Op::Bury(card.0));
        self.rebuild(now)?;
        self.step(vec![Notice::Buried])
    }

    fn end_session(&mut self) -> Result<SessionSummary, EngineError> {
        let s = self.summary()?;
        self.live = None;
        Ok(s)
    }

    fn browse(&mut self, query: &BrowseQuery) -> Result<BrowseData, EngineError> {
        let now = self.now();
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        if self.decks.is_empty() {
            self.refresh_decks(now, &day)?;
        }
        let off = self.offset(now)?;
        let today = day_index(now, off, ROLLOVER);
        let filter = BrowseFilter {
            text: query.text.clone(),
            deck: query.deck.clone(),
            state: match query.state {
                StateFilter::All => BrowseState::All,
                StateFilter::New => BrowseState::New,
                StateFilter::Due => BrowseState::Due,
                StateFilter::Suspended => BrowseState::Suspended,
                StateFilter::Leech => BrowseState::Leech,
            },
            sort: match query.sort {
                SortBy::Due => BrowseSort::Due,
                SortBy::Difficulty => BrowseSort::Difficulty,
            },
            day_end_ms: day.end_ms,
            limit: BROWSE_LIMIT,
        };
        let cards = self.store.browse(&filter).map_err(err)?;
        let rows = cards
            .iter()
            .map(|c| self.browse_row(c, today, off))
            .collect();
        Ok(BrowseData {
            rows,
            decks: self
                .decks
                .iter()
                .map(|d| (d.id.clone(), d.title.clone()))
                .collect(),
        })
    }

    fn card_detail(&mut self, card: CardRef) -> Result<CardDetail, EngineError> {
        let now = self.now();
        let off = self.offset(now)?;
        let today = day_index(now, off, ROLLOVER);
        let c = self.store.card(card.0).map_err(err)?;
        let history = self
            .store
            .card_history(card.0)
            .map_err(err)?
            .iter()
            .map(|h| HistoryRow {
                when: local_time(h.log.time_ms, off),
                rating: h.log.rating,
                interval_secs: h.log.interval_secs,
                duration_ms: u64::from(h.log.duration_ms),
            })
            .collect();
        let row = self.browse_row(&c, today, off);
        let answers: Vec<String> = row.answer.split('；').map(str::to_string).collect();
        let source = self
            .note(&c.deck, &c.note)?
            .and_then(|n| source_view(&n, &answers));
        Ok(CardDetail {
            row,
            stability: c.state.stability,
            reps: c.state.reps,
            lapses: c.state.lapses,
            history,
            source,
        })
    }

    fn set_suspended(&mut self, card: CardRef, suspended: bool) -> Result<(), EngineError> {
        self.store.set_suspended(card.0, suspended).map_err(err)?;
        if !suspended {
            // Unsuspending a leech gives it a fresh start; the tag would hide it again.
            let c = self.store.card(card.0).map_err(err)?;
            if c.leech {
                self.store.set_leech(card.0, false).map_err(err)?;
            }
        }
        Ok(())
    }

    fn stats(&mut self) -> Result<StatsData, EngineError> {
        let now = self.now();
        let day = self.store.day_at(now, ROLLOVER).map_err(err)?;
        let off = self.offset(now)?;
        let today = day_index(now, off, ROLLOVER);
        let year = self.store.daily_reviews(&day, 365).map_err(err)?;
        let s = self.store.stats(now, &day).map_err(err)?;
        let heatmap: Vec<u32> = year.iter().map(|d| d.answers).collect();
        // Weeks end today: the last chunk is the last 7 days.
        let weeks: Vec<Option<f64>> = year
            .rchunks(7)
            .take(RETENTION_WEEKS)
            .map(|w| {
                let (n, again) = w.iter().fold((0u32, 0u32), |a, d| {
                    (a.0 + d.review_answers, a.1 + d.review_again)
                });
                (n > 0).then(|| f64::from(n - again.min(n)) / f64::from(n))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        Ok(StatsData {
            streak: streak(&heatmap),
            heatmap,
            today_weekday: (today + 3).rem_euclid(7) as u8,
            forecast: self.store.forecast(&day, 30).map_err(err)?,
            retention_by_week: weeks,
            new: s.new as u32,
            learning: s.learning as u32,
            review: s.review as u32,
            suspended: s.suspended as u32,
            reviews_total: s.reviews_total,
            reviews_today: s.reviews_today as u32,
        })
    }

    fn apply_settings(&mut self, config: &Config) -> Result<(), EngineError> {
        let sched = scheduler(&self.store, config)?;
        self.sched = sched;
        self.config = config.clone();
        self.store_settings()
    }
}

/// What a sync changed in decks whose version went up since the last sync, one line each,
/// for the home screen.
pub fn change_lines(report: &store::SyncReport, lang: Lang) -> Vec<String> {
    report
        .changed
        .iter()
        .filter(|c| !c.first_sync && c.version > c.old_version)
        .map(|c| {
            let v = |x: Option<u32>| x.map_or("?".to_string(), |n| n.to_string());
            match lang {
                Lang::Zh => format!(
                    "《{}》已更新 v{}→v{}：新增 {} 张，改写 {} 张，移除 {} 张（记录保留）",
                    c.title,
                    v(c.old_version),
                    v(c.version),
                    c.new.len() + c.restored.len(),
                    c.reworded.len(),
                    c.removed.len()
                ),
                Lang::En => format!(
                    "{} updated v{}→v{}: {} new, {} reworded, {} removed cards (history kept)",
                    c.title,
                    v(c.old_version),
                    v(c.version),
                    c.new.len() + c.restored.len(),
                    c.reworded.len(),
                    c.removed.len()
                ),
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_and_local_time() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(date_to_day(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(civil(date_to_day(1999, 12, 31)), (1999, 12, 31));
        // 2024-12-20 20:00 UTC is 2024-12-21 04:00 in China.
        assert_eq!(local_time(1_734_724_800_000, 8 * 3600), "2024-12-21 04:00");
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        assert_eq!(streak(&[1, 0, 2, 3, 1]), 3);
        assert_eq!(streak(&[1, 0, 2, 3, 0]), 2);
        assert_eq!(streak(&[0, 0]), 0);
        assert_eq!(streak(&[]), 0);
    }

    #[test]
    fn spans_split_into_lines_with_hints_after_blanks() {
        let spans = vec![
            Span::Text("1. 甲\n2. ".into()),
            Span::Blank {
                answer: "乙丙".into(),
                masked: "□□（提示）".into(),
            },
            Span::Text("的\n3. 丁".into()),
        ];
        let lines = spans_to_lines(&spans);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], vec![Seg::Text("1. 甲".into())]);
        assert_eq!(
            lines[1],
            vec![
                Seg::Text("2. ".into()),
                Seg::Blank {
                    answer: "乙丙".into()
                },
                Seg::Text("（提示）".into()),
                Seg::Text("的".into()),
            ]
        );
    }
}
