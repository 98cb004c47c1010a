//! The application layer the TUI and every command share: open the database and sync the
//! decks, the clock and the study day, today's queue and its counts, answer, undo, suspend,
//! bury. It returns domain results (`study::Counts`, `store::CardRow`, `sched::Outcome`…);
//! `tui/` turns them into view models and `cmd/` into text or JSON.
//!
//! One function, [`Collection::start`], builds today's queue; everything that shows how many
//! cards are left today (home, the study header and summary, `decks --json`) reads it, so the
//! numbers cannot disagree.
pub mod browse;
pub mod day;
pub mod open;
pub mod report;
pub mod session;
pub mod stats;

use std::collections::HashMap;

use crate::config::Config;
use crate::deck::{DeckId, Note, NoteId};
use crate::sched::{SchedConfig, Scheduler};
use crate::store::{self, keys, DeckSummary, DeckTitle, Store, StoreError};
use crate::study::{Counts, Limits};

pub use day::Today;
pub use session::{Answer, Study, Summary};

/// An application-layer failure: the store, the scheduler or a card the session does not know.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("scheduler: {0}")]
    Sched(#[from] crate::sched::SchedError),
    #[error("study session: {0}")]
    Study(#[from] crate::study::StudyError),
    #[error("card {0} is not in this session")]
    NoCard(i64),
}

pub type Result<T> = std::result::Result<T, AppError>;

/// A present deck and its exam date (the user's, the deck file's or the global one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckExam {
    pub id: DeckId,
    pub exam: Option<String>,
}

impl DeckExam {
    pub fn of(d: &DeckSummary) -> DeckExam {
        DeckExam {
            id: d.id.clone(),
            exam: d.exam.clone(),
        }
    }

    pub fn of_title(d: &DeckTitle) -> DeckExam {
        DeckExam {
            id: d.id.clone(),
            exam: d.exam.clone(),
        }
    }
}

/// The user's collection: the store, the scheduler for their settings, the clock.
pub struct Collection {
    store: Store,
    sched: Scheduler,
    config: Config,
    clock: Box<dyn Fn() -> i64>,
    /// Notes read for display, by (deck, note).
    notes: HashMap<(DeckId, NoteId), Option<Note>>,
    /// Study only the notes with this tag (`study --tag`), for this run.
    tag: Option<String>,
}

impl std::fmt::Debug for Collection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collection")
            .field("store", &self.store)
            .finish()
    }
}

/// The scheduler for `config` over the store's own settings (FSRS parameters fitted by
/// `optimize`; a malformed value leaves the defaults).
fn scheduler(store: &Store, config: &Config) -> Result<Scheduler> {
    let cfg = SchedConfig {
        desired_retention: config.study.desired_retention as f32,
        rollover_hour: day::ROLLOVER_HOUR,
        parameters: store.sched_config()?.parameters,
        ..SchedConfig::default()
    };
    Ok(Scheduler::new(cfg)?)
}

impl Collection {
    /// The collection over an opened (and synced) store with the user's settings.
    pub fn new(store: Store, config: &Config) -> Result<Collection> {
        let sched = scheduler(&store, config)?;
        let mut c = Collection {
            store,
            sched,
            config: config.clone(),
            clock: Box::new(store::now_ms),
            notes: HashMap::new(),
            tag: None,
        };
        c.store_settings()?;
        Ok(c)
    }

    /// Replace the clock (tests and benches travel in time).
    pub fn with_clock(mut self, clock: impl Fn() -> i64 + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Study only the notes tagged `tag`: sessions and today's counts alike.
    pub fn with_tag(mut self, tag: Option<String>) -> Self {
        self.tag = tag;
        self
    }

    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.sched
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The study day now.
    pub fn today(&self) -> Result<Today> {
        Ok(Today::at(&self.store, self.now())?)
    }

    /// New settings (retention, limits) for this collection from now on.
    pub fn apply_settings(&mut self, config: &Config) -> Result<()> {
        self.sched = scheduler(&self.store, config)?;
        self.config = config.clone();
        self.store_settings()
    }

    /// Mirror the study settings into the database for tools that read it directly. Written
    /// only when they differ: opening costs no write otherwise.
    fn store_settings(&mut self) -> Result<()> {
        let s = &self.config.study;
        let wanted = [
            (keys::RETENTION, Some(format!("{}", s.desired_retention))),
            (keys::NEW_PER_DAY, Some(s.new_per_day.to_string())),
            (keys::REVIEWS_PER_DAY, Some(s.reviews_per_day.to_string())),
            (keys::EXAM, s.exam_date.clone()),
        ];
        for (key, value) in wanted {
            if self.store.setting(key)? != value {
                self.store.set_setting(key, value.as_deref())?;
            }
        }
        Ok(())
    }

    /// The daily limits from the settings.
    pub fn limits(&self) -> Limits {
        Limits {
            new_per_day: self.config.study.new_per_day,
            reviews_per_day: self.config.study.reviews_per_day,
            ..Limits::default()
        }
    }

    /// Present decks with their card counts.
    pub fn decks(&self) -> Result<Vec<DeckSummary>> {
        let t = self.today()?;
        Ok(self.store.deck_summaries(t.now_ms, &t.day)?)
    }

    /// Exam study-day per deck (deck setting, deck file, global setting, config).
    pub fn exam_days(&self, decks: &[DeckExam]) -> HashMap<DeckId, i64> {
        decks
            .iter()
            .filter_map(|d| {
                let date = d.exam.as_ref().or(self.config.study.exam_date.as_ref())?;
                Some((d.id.clone(), day::date_day(date)?))
            })
            .collect()
    }

    /// Present decks with their exam dates: what a session needs of them (cheaper than
    /// [`Collection::decks`], which counts every card).
    pub fn deck_exams(&self) -> Result<Vec<DeckExam>> {
        Ok(self
            .store
            .deck_exams()?
            .into_iter()
            .map(|(id, exam)| DeckExam { id, exam })
            .collect())
    }

    /// What a session of `deck` (all decks when `None`) would serve now: the one count every
    /// screen and command shows.
    pub fn today_counts(&self, deck: Option<&DeckId>) -> Result<Counts> {
        let decks = self.deck_exams()?;
        Ok(self.start_with(deck, &decks)?.counts())
    }

    /// Today's counts for every present deck and for all decks together (the daily limits
    /// are over all decks, so the all-decks row is not the sum of the deck rows).
    pub fn today_by_deck(&self) -> Result<(Vec<(DeckSummary, Counts)>, Counts)> {
        let decks = self.decks()?;
        let exams: Vec<DeckExam> = decks.iter().map(DeckExam::of).collect();
        let (each, all) = self.counts_each(&exams)?;
        Ok((decks.into_iter().zip(each).collect(), all))
    }

    /// [`Collection::today_by_deck`] with each deck's title and card total only: what the home
    /// screen lists, without counting every card's state. Same counts, same function.
    pub fn today_by_title(&self) -> Result<(Vec<(DeckTitle, Counts)>, Counts)> {
        let decks = self.store.deck_titles()?;
        let exams: Vec<DeckExam> = decks.iter().map(DeckExam::of_title).collect();
        let (each, all) = self.counts_each(&exams)?;
        Ok((decks.into_iter().zip(each).collect(), all))
    }

    /// A note's current content (cached for the collection's life; notes change only on sync).
    pub fn note(&mut self, deck: &DeckId, note: &NoteId) -> Result<Option<Note>> {
        let key = (deck.clone(), note.clone());
        if let Some(n) = self.notes.get(&key) {
            return Ok(n.clone());
        }
        let n = self.store.note(deck, note)?;
        self.notes.insert(key, n.clone());
        Ok(n)
    }
}
